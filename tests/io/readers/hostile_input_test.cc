// Hostile inputs through the document readers (issue 13): each reproducer of the reliability check
// is a case here — deep JSON nesting, numbers out of double range, empty files, NUL bytes and
// control characters, unreadable directories — and none may take the batch down: the bad input
// becomes a diagnostic with file and line, counted by reason, and the rest is read.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "io/ingest.h"
#include "io/readers/bounded_json.h"
#include "io/readers/document_reader.h"
#include "tests/io/readers/collected_documents.h"
#include "tests/test_support.h"

namespace {

using claimgraph::engine::Diagnostic;
using claimgraph::engine::Diagnostics;
using claimgraph::engine::Document;
using namespace claimgraph::io;
using claimgraph::testing::TempDir;

using Collected = claimgraph::testing::CollectedDocuments;

const char kGoodText[] =
    "---\nsource: Harbor Post\ndate: 2025-01-02\n---\nThe mayor said the bridge is closed.\n";

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("JSON nested 100,000 deep is one diagnostic, not a stack overflow", "[io][harden]") {
  // Reproducer 1: `python3 -c "print('['*100000+']'*100000)" > n.json`.
  Collected c;
  ReadNewsPleaseBytes(Nested(100000), "n.json", {}, c.Sink(), &c.diags, &c.stats);
  CHECK(c.docs.empty());
  CHECK(c.stats.skipped == 1);
  CHECK(c.stats.skipped_by_reason["JSON nesting too deep"] == 1);
  const Diagnostic d = c.FirstError();
  CHECK(d.file == "n.json");
  CHECK(d.line == 1);
  CHECK(d.message.find("nesting deeper than 64") != std::string::npos);

  // Inside a record of an array, on line 3 of the file: the line is named.
  Collected a;
  ReadNewsPleaseBytes(
      "[\n{\"maintext\": \"ok\"},\n{\"maintext\": \"x\", \"a\": " + Nested(5000) + "}\n]", "a.json",
      {}, a.Sink(), &a.diags, &a.stats);
  CHECK(a.stats.skipped == 1);
  CHECK(a.FirstError().line == 3);

  // One deep JSONL line among good ones: only that line is lost.
  Collected l;
  ReadNewsPleaseBytes(
      "{\"maintext\": \"first\"}\n" + Nested(100000) + "\n{\"maintext\": \"third\"}\n", "l.jsonl",
      {}, l.Sink(), &l.diags, &l.stats);
  CHECK(l.docs.size() == 2);
  CHECK(l.stats.skipped == 1);
  CHECK(l.FirstError().line == 2);

  // Depth up to the limit still parses.
  nlohmann::json j;
  JsonProblem p;
  CHECK(ParseBoundedJson(Nested(kMaxJsonDepth), &j, &p));
  CHECK_FALSE(ParseBoundedJson(Nested(kMaxJsonDepth + 1), &j, &p));
  // Brackets inside strings do not count.
  CHECK(FindExcessNesting("{\"a\": \"" + std::string(1000, '[') + "\\\"\"}", 8) ==
        std::string_view::npos);
}

TEST_CASE("a JSON number out of double range is a diagnostic for its record", "[io][harden]") {
  // Reproducer 2: one .jsonl line `{"maintext":"x","x":1e999}` used to throw out of the reader.
  Collected c;
  ReadNewsPleaseBytes(
      "{\"maintext\": \"The mayor said the bridge is closed.\"}\n{\"maintext\":\"x\",\"x\":1e999}\n"
      "{\"maintext\": \"The council said it is open.\"}\n",
      "big.jsonl", {}, c.Sink(), &c.diags, &c.stats);
  CHECK(c.docs.size() == 2);
  CHECK(c.stats.skipped == 1);
  CHECK(c.stats.skipped_by_reason["JSON number out of range"] == 1);
  const Diagnostic d = c.FirstError();
  CHECK(d.file == "big.jsonl");
  CHECK(d.line == 2);
  CHECK(d.message.find("1e999") != std::string::npos);

  // In a whole-file JSON document, the line of the number is found.
  Collected w;
  ReadNewsPleaseBytes("{\n  \"maintext\": \"x\",\n  \"n\": -1e400\n}\n", "w.json", {}, w.Sink(),
                      &w.diags, &w.stats);
  CHECK(w.stats.skipped == 1);
  CHECK(w.FirstError().line == 3);

  // Through ReadFile and the streaming JSONL path too, and through Ingest: no exception escapes.
  TempDir dir("harden_range");
  const std::string path = dir.Write("big.jsonl", "{\"maintext\":\"x\",\"x\":1e999}\n");
  Collected f;
  CHECK_NOTHROW(ReadFile(path, {}, f.Sink(), &f.diags, &f.stats));
  CHECK(f.stats.skipped == 1);
  CHECK(f.FirstError().line == 1);
}

TEST_CASE("empty .json and .jsonl files are reported and counted as skipped", "[io][harden]") {
  // Reproducer 8.
  TempDir dir("harden_empty");
  for (const char* name : {"e.json", "e.jsonl", "blank.jsonl", "e.csv", "arr.json"}) {
    const std::string text = std::string(name) == "blank.jsonl" ? "\n  \n\n"
                             : std::string(name) == "arr.json"  ? "[]"
                                                                : "";
    const std::string path = dir.Write(name, text);
    Collected c;
    ReadFile(path, {}, c.Sink(), &c.diags, &c.stats);
    INFO(name);
    CHECK(c.stats.skipped == 1);
    CHECK(c.stats.skipped_by_reason["empty file"] == 1);
    CHECK(c.FirstError().file == path);
  }
}

TEST_CASE("NUL bytes and control characters never reach a document", "[io][harden]") {
  // Reproducer 5: a file of 300 NUL bytes used to be ingested as a document.
  Collected nul;
  Document doc;
  std::string reason;
  CHECK_FALSE(
      ParseFrontMatterDocument(std::string(300, '\0'), "nul.txt", {}, &doc, &nul.diags, &reason));
  CHECK(reason == "binary file");
  CHECK(nul.FirstError().message.find("binary") != std::string::npos);

  // A JSON record with \u0000, ESC and BEL escapes: read, without them.
  Collected c;
  ReadNewsPleaseBytes(
      "{\"maintext\": \"The mayor\\u0000 said\\u001b[31m the bridge\\u0007 is closed.\", "
      "\"title\": \"T\\u0000itle\\u009b\", \"source_domain\": \"x\\u001b.org\"}\n",
      "c.jsonl", {}, c.Sink(), &c.diags, &c.stats);
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].text == "The mayor said[31m the bridge is closed.");
  CHECK(c.docs[0].title == "Title");
  CHECK(c.docs[0].source == "x.org");
  // A record whose text is nothing but controls has no body.
  Collected e;
  ReadNewsPleaseBytes("{\"maintext\": \"\\u0000\\u0000\\u0001\"}\n", "e.jsonl", {}, e.Sink(),
                      &e.diags, &e.stats);
  CHECK(e.docs.empty());
  CHECK(e.stats.skipped_by_reason["no body text"] == 1);
  // CSV cells too.
  Collected v;
  ReadCsvDocumentBytes("title,text\n\"a\x1b\",\"The mayor\x07 said so.\"\n", "v.csv", {}, v.Sink(),
                       &v.diags, &v.stats);
  REQUIRE(v.docs.size() == 1);
  CHECK(v.docs[0].title == "a");
  CHECK(v.docs[0].text == "The mayor said so.");
}

TEST_CASE("an unreadable directory is an error diagnostic and counts as skipped", "[io][harden]") {
  // Reproducer 7: `chmod 000 sub/` was skipped silently. Root reads everything, so under root the
  // walk runs in a child process that has given up root for `nobody`.
  TempDir dir("harden_perm");
  ::chmod(dir.path.c_str(), 0755);
  dir.Write("corpus/a.txt", kGoodText);
  dir.Write("corpus/sub/b.txt", kGoodText);
  const std::string corpus = dir / "corpus";
  ::chmod(corpus.c_str(), 0755);
  ::chmod((dir / "corpus/a.txt").c_str(), 0644);
  ::chmod((dir / "corpus/sub").c_str(), 0);
  auto walk = [&](ReadStats* stats, Diagnostics* diags) {
    Collected c;
    ReadPaths({corpus}, {}, c.Sink(), diags, stats);
    return c.docs.size();
  };
  int docs = -1, skipped = -1, by_reason = -1, named = -1;
  if (::geteuid() != 0) {
    ReadStats stats;
    Diagnostics diags;
    docs = static_cast<int>(walk(&stats, &diags));
    skipped = static_cast<int>(stats.skipped);
    by_reason = static_cast<int>(stats.skipped_by_reason["unreadable directory"]);
    named = !diags.empty() && diags[0].file.find("sub") != std::string::npos &&
            diags[0].severity == Diagnostic::Severity::kError;
  } else {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(fds[0]);
      int out[4] = {-1, -1, -1, -1};
      if (::setgid(65534) == 0 && ::setuid(65534) == 0) {
        ReadStats stats;
        Diagnostics diags;
        out[0] = static_cast<int>(walk(&stats, &diags));
        out[1] = static_cast<int>(stats.skipped);
        out[2] = static_cast<int>(stats.skipped_by_reason["unreadable directory"]);
        out[3] = !diags.empty() && diags[0].file.find("sub") != std::string::npos &&
                 diags[0].severity == Diagnostic::Severity::kError;
      }
      if (::write(fds[1], out, sizeof out) != sizeof out) ::_exit(2);
      ::_exit(0);
    }
    ::close(fds[1]);
    int out[4] = {-1, -1, -1, -1};
    const ssize_t got = ::read(fds[0], out, sizeof out);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(got == static_cast<ssize_t>(sizeof out));
    docs = out[0], skipped = out[1], by_reason = out[2], named = out[3];
  }
  ::chmod((dir / "corpus/sub").c_str(), 0755);  // so TempDir can remove it
  CHECK(docs == 1);                             // a.txt still read
  CHECK(skipped == 1);
  CHECK(by_reason == 1);
  CHECK(named == 1);
}

TEST_CASE("a failing sink (the store) is not turned into a diagnostic", "[io][harden]") {
  TempDir dir("harden_sink");
  const std::string path = dir.Write("a.txt", kGoodText);
  Diagnostics diags;
  ReadStats stats;
  const DocumentSink failing = [](Document&&) -> bool { throw std::runtime_error("disk full"); };
  CHECK_THROWS_WITH(ReadFile(path, {}, failing, &diags, &stats), "disk full");
}

TEST_CASE("the skip summary counts by reason", "[io][harden]") {
  IngestResult r;
  CHECK(SummarizeSkipped(r).empty());
  r.skipped = 3;
  r.skipped_by_reason = {{"empty file", 1}, {"malformed JSON", 2}};
  r.ignored = 1;
  CHECK(SummarizeSkipped(r) ==
        "skipped 3 inputs: malformed JSON 2, empty file 1; ignored 1 "
        "non-input file");
}
