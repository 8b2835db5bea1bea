#include "io/progress.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace claimgraph::io {
namespace {

TEST_CASE("ProgressReporter: one line per stage when not a terminal", "[io][progress]") {
  std::ostringstream out;
  double now = 0;
  {
    ProgressReporter p(out, true, false, [&] { return now; });
    p.Update("extract", 0, 1000, "documents");
    now = 2;
    p.Update("extract", 500, 1000, "documents");
    now = 4;
    p.Update("extract", 1000, 1000, "documents");
    p.Update("link", 5000, 0, "claims");  // ends extract
    now = 5;
  }  // the destructor ends link
  CHECK(out.str() ==
        "extract: 1,000 documents, 250/s, 4.0 s\n"
        "link: 5,000 claims, 5000/s, 1.0 s\n");
}

TEST_CASE("ProgressReporter: an updating line with the time left on a terminal", "[io][progress]") {
  std::ostringstream out;
  double now = 0;
  ProgressReporter p(out, true, true, [&] { return now; });
  p.Update("ingest", 0, 400, "kB");
  now = 10;
  p.Update("ingest", 100, 400, "kB");
  now = 10.1;  // too soon to redraw
  p.Update("ingest", 120, 400, "kB");
  p.EndStage();
  const std::string s = out.str();
  CHECK(s.find("\r\033[Kingest: 100 of 400 kB (25%), 10/s, about 30 s left") != std::string::npos);
  CHECK(s.find("120 of 400") == std::string::npos);
  CHECK(s.substr(s.rfind('\r')) == "\r\033[Kingest: 120 kB, 12/s, 10.1 s\n");
}

TEST_CASE("ProgressReporter: quiet writes nothing", "[io][progress]") {
  std::ostringstream out;
  {
    ProgressReporter p(out, false, true);
    p.Update("extract", 1, 2, "documents");
  }
  CHECK(out.str().empty());
}

TEST_CASE("ProgressReporter formats counts and estimates", "[io][progress]") {
  CHECK(ProgressReporter::Grouped(0) == "0");
  CHECK(ProgressReporter::Grouped(999) == "999");
  CHECK(ProgressReporter::Grouped(1234567) == "1,234,567");
  CHECK(ProgressReporter::TimeLeft(10, 0.5) == "about 10 s left");
  CHECK(ProgressReporter::TimeLeft(60, 0.25) == "about 3 min 0 s left");
  CHECK(ProgressReporter::TimeLeft(3600, 0.5) == "about 1 h 0 min left");
  CHECK(ProgressReporter::TimeLeft(10, 0) == "");     // nothing done yet: no estimate
  CHECK(ProgressReporter::TimeLeft(0.1, 0.5) == "");  // too early to tell
}

}  // namespace
}  // namespace claimgraph::io
