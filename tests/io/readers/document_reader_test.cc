#include "io/readers/document_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "io/readers/sha256.h"
#include "tests/io/readers/collected_documents.h"
#include "tests/test_support.h"

namespace {

using claimgraph::engine::Diagnostic;
using claimgraph::engine::Diagnostics;
using claimgraph::engine::Document;
using namespace claimgraph::io;
namespace fs = std::filesystem;
using claimgraph::testing::TempDir;

using Collected = claimgraph::testing::CollectedDocuments;

}  // namespace

TEST_CASE("front-matter documents are read with their metadata", "[io][readers]") {
  const std::string bytes =
      "---\r\n"
      "source: The Cradle\r\n"
      "date: 2025-11-17\r\n"
      "title: \"All forces now in Kurdistan\"\r\n"
      "url: https://example.org/article\r\n"
      "language: en\r\n"
      "authors: [News Desk, A. Reporter]\r\n"
      "---\r\n"
      "\r\n"
      "First line.\r\nSecond line.\r\n\r\n";
  Document doc;
  Diagnostics diags;
  REQUIRE(ParseFrontMatterDocument(bytes, "a.txt", {}, &doc, &diags));
  CHECK(diags.empty());
  CHECK(doc.source == "The Cradle");
  CHECK_FALSE(doc.source_inferred);
  CHECK(doc.date == "2025-11-17");
  CHECK_FALSE(doc.date_inferred);
  CHECK(doc.title == "All forces now in Kurdistan");
  CHECK(doc.url == "https://example.org/article");
  CHECK(doc.language == "en");
  CHECK(doc.authors == std::vector<std::string>{"News Desk", "A. Reporter"});
  CHECK(doc.text == "First line.\nSecond line.");  // LF, no leading blank line or trailing space
  CHECK(doc.content_hash == Sha256Hex(bytes));     // of the bytes as they were
  CHECK(doc.path == "a.txt");
}

TEST_CASE("missing source and date come from options, else are inferred and marked",
          "[io][readers]") {
  const std::string no_meta =
      "---\ntitle: T\n---\nBAGHDAD, 17 November 2025 (Reuters) - Officials said.\n";
  Document doc;
  Diagnostics diags;
  ReaderOptions defaults;
  defaults.default_source = "Given";
  defaults.default_date = "2020-02-02";
  REQUIRE(ParseFrontMatterDocument(no_meta, "d.txt", defaults, &doc, &diags));
  CHECK(doc.source == "Given");
  CHECK_FALSE(doc.source_inferred);
  CHECK(doc.date == "2020-02-02");
  CHECK_FALSE(doc.date_inferred);

  REQUIRE(ParseFrontMatterDocument(no_meta, "d.txt", {}, &doc, &diags));
  CHECK(doc.source == "Reuters");
  CHECK(doc.source_inferred);
  CHECK(doc.date == "2025-11-17");
  CHECK(doc.date_inferred);
  CHECK(diags.empty());

  // No header at all, nothing to infer: stored with warnings, never silently.
  REQUIRE(ParseFrontMatterDocument("Just a body.", "e.txt", {}, &doc, &diags));
  CHECK(doc.source == "unknown");
  CHECK(doc.source_inferred);
  CHECK(doc.date.empty());
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].severity == Diagnostic::Severity::kWarning);
  CHECK_THAT(diags[0].ToString(), Catch::Contains("e.txt") && Catch::Contains("no source"));
  CHECK_THAT(diags[1].message, Catch::Contains("no date"));
}

TEST_CASE("bad text documents are skipped with one diagnostic naming file and line",
          "[io][readers][bad-input]") {
  struct Case {
    const char* name;
    std::string bytes;
    size_t line;
    const char* message;
  };
  const Case cases[] = {
      {"invalid UTF-8", "---\nsource: A\ndate: 2025-01-01\n---\nfine\ncaf\xE9 au lait\n", 6,
       "invalid UTF-8 (byte 0xE9 at column 4)"},
      {"unterminated header", "---\nsource: A\ndate: 2025-01-01\nBody without a closing fence\n", 1,
       "unterminated header"},
      {"header line without colon", "---\nsource: A\nnot a key value line\n---\nBody\n", 3,
       "not 'key: value'"},
      {"unparseable date", "---\nsource: A\ndate: sometime in spring\n---\nBody\n", 3,
       "unparseable date 'sometime in spring'"},
      {"ambiguous date", "---\nsource: A\ndate: 03/04/2025\n---\nBody\n", 3, "ambiguous"},
      {"empty body", "---\nsource: A\ndate: 2025-01-01\n---\n\n  \n", 5, "no body text"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Document doc;
    Diagnostics diags;
    CHECK_FALSE(ParseFrontMatterDocument(c.bytes, "bad.txt", {}, &doc, &diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].severity == Diagnostic::Severity::kError);
    CHECK(diags[0].file == "bad.txt");
    CHECK(diags[0].line == c.line);
    CHECK_THAT(diags[0].message, Catch::Contains(c.message));
  }
}

TEST_CASE("header warnings do not stop a document", "[io][readers]") {
  Document doc;
  Diagnostics diags;
  REQUIRE(ParseFrontMatterDocument(
      "---\nsource: A\nsource: B\nmood: grim\ndate: 17 Nov 2025\n---\nBody\n", "w.txt", {}, &doc,
      &diags));
  CHECK(doc.source == "A");
  CHECK(doc.date == "2025-11-17");
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].line == 3);
  CHECK_THAT(diags[0].message, Catch::Contains("repeated"));
  CHECK(diags[1].line == 4);
  CHECK_THAT(diags[1].message, Catch::Contains("unknown header key 'mood'"));
}

TEST_CASE("news-please JSONL: good records read, bad lines reported, the rest goes on",
          "[io][readers][bad-input]") {
  const std::string jsonl =
      R"({"title": "One", "maintext": "Body one.\r\nMore.", "date_publish": "2017-07-29 08:39:00", "source_domain": "example.com", "url": "https://example.com/1", "language": "en", "authors": ["A", "B"]})"
      "\n"
      "\n"
      R"({"title": "Broken", "maintext": "x")"
      "\n"
      R"({"title": "Bad date", "maintext": "x", "date_publish": "someday"})"
      "\n"
      R"({"title": "No text", "maintext": null, "description": null})"
      "\n"
      R"(["not", "an", "object"])"
      "\n"
      "{\"title\": \"Latin-1\", \"maintext\": \"caf\xE9\"}\n"
      R"({"title": "Two", "maintext": "Body two.", "date_publish": null, "url": "https://www.other.org/2024/05/06/x"})"
      "\n";
  Collected got;
  ReadNewsPleaseBytes(jsonl, "feed.jsonl", {}, got.Sink(), &got.diags, &got.stats);
  REQUIRE(got.docs.size() == 2);
  const Document& one = got.docs[0];
  CHECK(one.title == "One");
  CHECK(one.text == "Body one.\nMore.");
  CHECK(one.date == "2017-07-29");
  CHECK(one.source == "example.com");
  CHECK(one.url == "https://example.com/1");
  CHECK(one.language == "en");
  CHECK(one.authors == std::vector<std::string>{"A", "B"});
  CHECK(one.path == "feed.jsonl:1");
  CHECK(one.content_hash == Sha256Hex(jsonl.substr(0, jsonl.find('\n'))));
  const Document& two = got.docs[1];
  CHECK(two.path == "feed.jsonl:8");
  CHECK(two.source == "other.org");  // from the URL: inferred
  CHECK(two.source_inferred);
  CHECK(two.date == "2024-05-06");
  CHECK(two.date_inferred);

  CHECK(got.stats.documents == 2);
  CHECK(got.stats.skipped == 5);
  REQUIRE(got.Errors() == 5);
  std::vector<std::pair<size_t, std::string>> expected = {{3, "malformed JSON"},
                                                          {4, "unparseable date_publish"},
                                                          {5, "no 'maintext'"},
                                                          {6, "not a JSON object"},
                                                          {7, "invalid UTF-8"}};
  size_t k = 0;
  for (const Diagnostic& d : got.diags) {
    if (d.severity != Diagnostic::Severity::kError) continue;
    INFO(d.ToString());
    CHECK(d.file == "feed.jsonl");
    CHECK(d.line == expected[k].first);
    CHECK_THAT(d.message, Catch::Contains(expected[k].second));
    ++k;
  }
}

TEST_CASE("news-please JSON: one object, an array, and a malformed file", "[io][readers]") {
  Collected one;
  ReadNewsPleaseBytes(R"({"title": "T", "maintext": "M", "date_publish": "2020-01-02"})",
                      "one.json", {}, one.Sink(), &one.diags, &one.stats);
  REQUIRE(one.docs.size() == 1);
  CHECK(one.docs[0].date == "2020-01-02");

  Collected arr;
  ReadNewsPleaseBytes(
      "[\n {\"maintext\": \"A\", \"source_domain\": \"a.org\", \"date_publish\": \"2020-01-02\"},\n"
      " {\"maintext\": \"\", \"description\": \"\"},\n"
      " {\"maintext\": \"B\", \"source_domain\": \"b.org\", \"date_publish\": \"2020-01-03\"}\n]",
      "many.json", {}, arr.Sink(), &arr.diags, &arr.stats);
  REQUIRE(arr.docs.size() == 2);
  CHECK(arr.docs[1].source == "b.org");
  CHECK(arr.docs[0].content_hash != arr.docs[1].content_hash);
  CHECK(arr.stats.skipped == 1);
  REQUIRE(arr.Errors() == 1);
  CHECK(arr.diags[0].file == "many.json[2]");

  Collected bad;
  ReadNewsPleaseBytes("{\n  \"title\": \"T\",\n  \"maintext\": oops\n}\n", "bad.json", {},
                      bad.Sink(), &bad.diags, &bad.stats);
  CHECK(bad.docs.empty());
  REQUIRE(bad.diags.size() == 1);  // one diagnostic for the file, not one per line
  CHECK(bad.diags[0].line == 3);
  CHECK_THAT(bad.diags[0].message, Catch::Contains("malformed JSON"));
}

TEST_CASE("CSV documents with default and mapped columns", "[io][readers]") {
  const std::string csv =
      "Headline,Body,Published,Outlet,Extra\n"
      "First,\"Text, with comma\r\nand two lines\",17 Nov 2025,Paper A,x\n"
      "Second,Other text,not a date,Paper B,y\n"
      "Third,short row\n"
      "Fourth,,2025-01-01,Paper C,z\n"
      "Fifth,Fine text,2025-01-02,,w\n";
  Collected got;
  ReaderOptions options;
  options.default_source = "Fallback";
  ReadCsvDocumentBytes(csv, "docs.csv", options, got.Sink(), &got.diags, &got.stats);
  REQUIRE(got.docs.size() == 2);
  CHECK(got.docs[0].title == "First");
  CHECK(got.docs[0].text == "Text, with comma\nand two lines");
  CHECK(got.docs[0].date == "2025-11-17");
  CHECK(got.docs[0].source == "Paper A");
  CHECK(got.docs[0].path == "docs.csv:2");
  CHECK(got.docs[1].source == "Fallback");
  CHECK(got.stats.skipped == 3);
  REQUIRE(got.Errors() == 3);
  CHECK(got.diags[0].line == 4);
  CHECK_THAT(got.diags[0].message, Catch::Contains("unparseable date"));
  CHECK(got.diags[1].line == 5);
  CHECK_THAT(got.diags[1].message, Catch::Contains("2 fields"));
  CHECK(got.diags[2].line == 6);
  CHECK_THAT(got.diags[2].message, Catch::Contains("empty text"));

  // Re-reading gives the same hashes: re-ingest stays a no-op.
  Collected again;
  ReadCsvDocumentBytes(csv, "docs.csv", options, again.Sink(), &again.diags, &again.stats);
  CHECK(again.docs[0].content_hash == got.docs[0].content_hash);

  // Explicit mapping.
  Collected mapped;
  ReaderOptions m;
  m.csv_columns = {{"text", "Extra"}, {"source", "Headline"}};
  ReadCsvDocumentBytes("Headline,Extra\nSrc,Body here\n", "m.csv", m, mapped.Sink(), &mapped.diags,
                       &mapped.stats);
  REQUIRE(mapped.docs.size() == 1);
  CHECK(mapped.docs[0].text == "Body here");
  CHECK(mapped.docs[0].source == "Src");

  Collected missing;
  ReadCsvDocumentBytes("a,b\n1,2\n", "x.csv", {}, missing.Sink(), &missing.diags, &missing.stats);
  CHECK(missing.docs.empty());
  REQUIRE(missing.diags.size() == 1);
  CHECK_THAT(missing.diags[0].message, Catch::Contains("no text column"));
}

TEST_CASE("directories are walked recursively with format detection", "[io][readers]") {
  TempDir dir;
  dir.Write("b/one.txt", "---\nsource: A\ndate: 2025-01-01\n---\nOne.\n");
  dir.Write("a/two.md", "---\nsource: B\ndate: 2025-01-02\n---\nTwo.\n");
  dir.Write("a/deep/feed.jsonl",
            "{\"maintext\": \"J1\", \"source_domain\": \"j.org\", \"date_publish\": "
            "\"2025-01-03\"}\n{bad\n");
  dir.Write("c/rows.csv", "title,text,date,source\nT,CSV body,2025-01-04,C\n");
  dir.Write("c/picture.png", "\x89PNG");
  dir.Write(".hidden/secret.txt", "---\nsource: H\n---\nHidden.\n");
  dir.Write(".dotfile.txt", "x");
  dir.Write("bad.txt", "---\nsource: A\n");  // unterminated header
  dir.Write("README.md", "# About this corpus\n");

  Collected got;
  ReadPaths({dir.path.string(), (dir.path / "missing.txt").string()}, {}, got.Sink(), &got.diags,
            &got.stats);
  std::vector<std::string> texts;
  for (const auto& d : got.docs) texts.push_back(d.text);
  // Sorted by path: a/deep/feed.jsonl, a/two.md, b/one.txt, bad.txt, c/rows.csv.
  CHECK(texts == std::vector<std::string>{"J1", "Two.", "One.", "CSV body"});
  CHECK(got.stats.documents == 4);
  CHECK(got.stats.files == 5);
  CHECK(got.stats.skipped == 3);  // the bad JSONL line, bad.txt, the missing path
  CHECK(got.stats.ignored == 2);  // picture.png, README.md
  bool saw_png = false, saw_missing = false;
  for (const auto& d : got.diags) {
    if (d.file.find("picture.png") != std::string::npos) {
      saw_png = d.severity == Diagnostic::Severity::kWarning;
    }
    if (d.file.find("missing.txt") != std::string::npos) {
      saw_missing = d.severity == Diagnostic::Severity::kError;
    }
  }
  CHECK(saw_png);
  CHECK(saw_missing);

  // --format text reads every file as text, whatever its extension.
  Collected text;
  ReaderOptions as_text;
  as_text.format = InputFormat::kText;
  ReadPaths({(dir.path / "c").string()}, as_text, text.Sink(), &text.diags, &text.stats);
  CHECK(text.stats.files == 2);
  CHECK(text.stats.ignored == 0);

  // A sink that says stop stops the walk.
  int seen = 0;
  CHECK_FALSE(ReadPaths(
      {dir.path.string()}, {},
      [&](Document&&) {
        ++seen;
        return false;
      },
      nullptr, nullptr));
  CHECK(seen == 1);
}

TEST_CASE("format names parse", "[io][readers]") {
  InputFormat f;
  CHECK(ParseInputFormat("newsplease", &f));
  CHECK(f == InputFormat::kNewsPlease);
  CHECK(ParseInputFormat("csv", &f));
  CHECK(f == InputFormat::kCsv);
  CHECK_FALSE(ParseInputFormat("xml", &f));
  CHECK(ToString(InputFormat::kText) == "text");
}

TEST_CASE("the seed articles read cleanly", "[io][readers][seeds]") {
  const std::string seeds = std::string(CLAIMGRAPH_SOURCE_DIR) + "/../shared/seeds";
  if (!fs::exists(seeds)) {
    WARN("seed corpus not found at " << seeds << "; skipped");
    return;
  }
  Collected got;
  ReadPaths({seeds}, {}, got.Sink(), &got.diags, &got.stats);
  CHECK(got.diags.empty());
  REQUIRE(got.docs.size() == 5);
  for (const auto& d : got.docs) {
    CHECK_FALSE(d.source.empty());
    CHECK(d.date.size() == 10);
    CHECK_FALSE(d.source_inferred);
    CHECK(d.text.find('\r') == std::string::npos);
    CHECK(d.content_hash.size() == 64);
  }
  CHECK(got.docs[1].source == "The Cradle");
  CHECK(got.docs[1].date == "2025-11-17");
}
