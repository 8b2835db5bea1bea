#include "io/ingest.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/test_support.h"

namespace {

using claimgraph::engine::Diagnostic;
using claimgraph::engine::Document;
using namespace claimgraph::io;
namespace fs = std::filesystem;
using claimgraph::testing::TempDir;

std::string Article(int i) {
  return "---\nsource: Outlet " + std::to_string(i % 3) + "\ndate: 2025-01-" +
         (i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1) + "\ntitle: Story " +
         std::to_string(i) + "\n---\nThe minister said on Monday that story " + std::to_string(i) +
         " happened.\n";
}

// A corpus of n good articles in dir/name/.
std::string WriteCorpus(const TempDir& dir, const std::string& name, int n, int offset = 0) {
  for (int i = 0; i < n; ++i) {
    char file[32];
    std::snprintf(file, sizeof file, "/%04d.txt", i);
    dir.Write(name + file, Article(offset + i));
  }
  return (dir.path / name).string();
}

}  // namespace

TEST_CASE("ingest stores documents once and counts what it did", "[io][ingest]") {
  TempDir dir;
  const std::string corpus = WriteCorpus(dir, "corpus", 10);
  dir.Write("corpus/zz-bad.txt", "---\nsource: X\ndate: never\n---\nBody\n");
  dir.Write("corpus/copy/0000-again.txt", Article(0));  // same bytes as 0000.txt
  auto store = OpenStore(":memory:");

  IngestResult first = Ingest({corpus}, store.get(), {});
  CHECK(first.files == 12);
  CHECK(first.added == 10);
  CHECK(first.already_present == 1);  // the copy, earlier in the same ingest
  CHECK(first.skipped == 1);
  CHECK(first.document_ids.size() == 10);
  CHECK(first.ok());
  REQUIRE(first.diagnostics.size() == 1);
  CHECK(first.diagnostics[0].line == 3);
  CHECK_THAT(first.diagnostics[0].file, Catch::EndsWith("zz-bad.txt"));
  CHECK(store->CountDocuments() == 10);
  CHECK_THAT(SummarizeIngest(first), Catch::Contains("added 10, already present 1, skipped 1"));

  IngestOptions strict;
  strict.strict = true;
  IngestResult again = Ingest({corpus}, store.get(), strict);
  CHECK(again.added == 0);
  CHECK(again.already_present == 11);
  CHECK(again.document_ids == first.document_ids);
  CHECK_FALSE(again.ok());  // strict, and one file was skipped
  CHECK(store->CountDocuments() == 10);
}

TEST_CASE("a cancelled ingest rolls back and keeps what was stored before", "[io][ingest]") {
  TempDir dir;
  auto store = OpenStore(":memory:");
  REQUIRE(Ingest({WriteCorpus(dir, "old", 5)}, store.get(), {}).added == 5);

  std::atomic<bool> cancel{false};
  IngestOptions options;
  options.cancel = &cancel;
  int seen = 0;
  options.on_document = [&](const Document&, PutStatus) {
    if (++seen == 7) cancel = true;  // "Ctrl-C" after the seventh new document
  };
  const IngestResult r = Ingest({WriteCorpus(dir, "new", 20, 100)}, store.get(), options);
  CHECK(r.interrupted);
  CHECK_FALSE(r.ok());
  CHECK(r.added == 0);
  CHECK(r.document_ids.empty());
  CHECK(seen == 7);
  CHECK(store->CountDocuments() == 5);
  CHECK_THAT(r.diagnostics.back().message, Catch::Contains("interrupted"));
}

TEST_CASE("a failure in the middle of an ingest leaves the store as before", "[io][ingest]") {
  TempDir dir;
  auto store = OpenStore(":memory:");
  REQUIRE(Ingest({WriteCorpus(dir, "old", 3)}, store.get(), {}).added == 3);
  IngestOptions options;
  int seen = 0;
  options.on_document = [&](const Document&, PutStatus) {
    if (++seen == 4) throw std::runtime_error("injected failure");
  };
  CHECK_THROWS_WITH(Ingest({WriteCorpus(dir, "new", 10, 50)}, store.get(), options),
                    "injected failure");
  CHECK(store->CountDocuments() == 3);
  // The store is usable afterwards: no transaction left open.
  CHECK(Ingest({dir.path.string() + "/new"}, store.get(), {}).added == 10);
  CHECK(store->CountDocuments() == 13);
}

TEST_CASE("a process killed mid-ingest loses nothing stored and leaves no half-written ingest",
          "[io][ingest][crash]") {
  TempDir dir;
  const std::string db = (dir.path / "store.db").string();
  {
    auto store = OpenStore(db);
    REQUIRE(Ingest({WriteCorpus(dir, "old", 4)}, store.get(), {}).added == 4);
  }
  const std::string corpus = WriteCorpus(dir, "new", 30, 200);
  std::fflush(nullptr);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child ingests and is killed outright (no handler, no unwinding) after 10 documents
    // were written into the open transaction.
    auto store = OpenStore(db);
    IngestOptions options;
    int seen = 0;
    options.on_document = [&](const Document&, PutStatus) {
      if (++seen == 10) ::kill(::getpid(), SIGKILL);
    };
    Ingest({corpus}, store.get(), options);
    ::_exit(3);  // not reached
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);

  auto store = OpenStore(db);
  CHECK(store->CountDocuments() == 4);
  int64_t n = 0;
  store->ForEachDocument({}, [&](Document&& d) {
    CHECK(d.title.find("Story ") == 0);
    CHECK(d.text.find("story") != std::string::npos);  // whole documents only
    ++n;
    return true;
  });
  CHECK(n == 4);
  // And the interrupted ingest can simply be run again.
  CHECK(Ingest({corpus}, store.get(), {}).added == 30);
}

TEST_CASE("SIGINT during an ingest rolls it back cleanly", "[io][ingest][crash]") {
  TempDir dir;
  const std::string db = (dir.path / "store.db").string();
  {
    auto store = OpenStore(db);
    REQUIRE(Ingest({WriteCorpus(dir, "old", 2)}, store.get(), {}).added == 2);
  }
  const std::string corpus = WriteCorpus(dir, "new", 20, 300);
  std::fflush(nullptr);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    int code = 10;
    {
      auto store = OpenStore(db);
      ScopedInterruptHandler handler;
      IngestOptions options;
      options.cancel = &ScopedInterruptHandler::flag();
      int seen = 0;
      options.on_document = [&](const Document&, PutStatus) {
        if (++seen == 5) ::kill(::getpid(), SIGINT);  // as Ctrl-C would
      };
      const IngestResult r = Ingest({corpus}, store.get(), options);
      if (r.interrupted && ScopedInterruptHandler::signal_number() == SIGINT) code = 42;
    }
    ::_exit(code);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 42);
  auto store = OpenStore(db);
  CHECK(store->CountDocuments() == 2);
}
