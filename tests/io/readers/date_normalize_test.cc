#include "io/readers/date_normalize.h"

#include <catch2/catch.hpp>

#include "io/readers/metadata.h"

using namespace claimgraph::io;

TEST_CASE("dates in common forms normalise to YYYY-MM-DD", "[io][readers][date]") {
  struct Case {
    const char* input;
    const char* iso;  // nullptr: must be rejected
  };
  const Case cases[] = {
      {"2025-11-17", "2025-11-17"},
      {" 2025-11-17 ", "2025-11-17"},
      {"2025-11-17T08:39:00Z", "2025-11-17"},
      {"2025-11-17T08:39:00+03:00", "2025-11-17"},
      {"2017-07-29 08:39:00", "2017-07-29"},  // news-please date_publish
      {"2025/11/17", "2025-11-17"},
      {"2022/01/16", "2022-01-16"},
      {"2025.11.17", "2025-11-17"},
      {"2025-1-7", "2025-01-07"},
      {"20251117", "2025-11-17"},
      {"17.11.2025", "2025-11-17"},
      {"17-11-2025", "2025-11-17"},
      {"17/11/2025", "2025-11-17"},  // unambiguous: day first
      {"11/17/2025", "2025-11-17"},  // unambiguous: month first
      {"05/05/2025", "2025-05-05"},
      {"November 17, 2025", "2025-11-17"},
      {"Nov 17, 2025", "2025-11-17"},
      {"Nov. 17 2025", "2025-11-17"},
      {"Sept. 3, 2024", "2024-09-03"},
      {"17 November 2025", "2025-11-17"},
      {"17th November 2025", "2025-11-17"},
      {"17th of November, 2025", "2025-11-17"},
      {"November 17th, 2025", "2025-11-17"},
      {"17-Nov-2025", "2025-11-17"},
      {"Monday, November 17, 2025", "2025-11-17"},
      {"Mon, 17 Nov 2025 10:00:00 +0000", "2025-11-17"},
      {"December 31, 2021 at 10:15", "2021-12-31"},
      {"2024-02-29", "2024-02-29"},  // leap year
      // Rejected.
      {"", nullptr},
      {"yesterday", nullptr},
      {"2025-13-01", nullptr},
      {"2025-02-29", nullptr},  // not a leap year
      {"2025-04-31", nullptr},
      {"03/04/2025", nullptr},  // ambiguous
      {"November 2025", nullptr},
      {"2025", nullptr},
      {"17 Novembre 2025", nullptr},
      {"2025-11-17 and more words", nullptr},
      {"Smarch 3, 2025", nullptr},
  };
  for (const Case& c : cases) {
    INFO("input: '" << c.input << "'");
    std::string why;
    const auto got = NormalizeDate(c.input, &why);
    if (c.iso) {
      REQUIRE(got);
      CHECK(*got == c.iso);
    } else {
      CHECK_FALSE(got);
      CHECK_FALSE(why.empty());
    }
  }
}

TEST_CASE("an ambiguous slash date says so", "[io][readers][date]") {
  std::string why;
  CHECK_FALSE(NormalizeDate("03/04/2025", &why));
  CHECK_THAT(why, Catch::Contains("ambiguous"));
  CHECK_FALSE(NormalizeDate("2025-02-30", &why));
  CHECK_THAT(why, Catch::Contains("no such day"));
}

TEST_CASE("dates are found in free text and URLs", "[io][readers][date]") {
  struct Case {
    const char* text;
    const char* url;
    const char* iso;
  };
  const Case cases[] = {
      {"loader image\n\n2022/01/16 | Note, political, top news\n", "", "2022-01-16"},
      {"BAGHDAD, November 17, 2025 (Reuters) - The coalition said", "", "2025-11-17"},
      {"Published 17 Nov 2025. The coalition", "", "2025-11-17"},
      {"Call 20251117 now. Posted on 3 March 2024", "", "2024-03-03"},  // bare digits skipped
      {"No date here, only 2,500 troops.", "", nullptr},
      {"Text without date", "https://example.org/2024/09/08/iraq-story", "2024-09-08"},
      {"Text without date", "https://example.org/news/2024-09-08-iraq", "2024-09-08"},
      {"Text without date", "https://example.org/news/123456", nullptr},
  };
  for (const Case& c : cases) {
    INFO("text: '" << c.text << "' url: '" << c.url << "'");
    const auto got = InferDate(c.text, c.url);
    if (c.iso) {
      REQUIRE(got);
      CHECK(*got == c.iso);
    } else {
      CHECK_FALSE(got);
    }
  }
}

TEST_CASE("sources are inferred from bylines, datelines, copyright lines and URLs",
          "[io][readers][metadata]") {
  struct Case {
    const char* text;
    const char* url;
    const char* source;
  };
  const Case cases[] = {
      {"An Iraqi official said...\nNews Desk - The Cradle\n\nBody.", "", "The Cradle"},
      {"BAGHDAD, Nov 17 (Reuters) - Iraq said on Monday", "", "Reuters"},
      {"Body text.\n\n\xC2\xA9 2025 Example Times. All rights reserved.", "", "Example Times"},
      {"Body.\nCopyright 2021-2025 Harbor Gazette", "", "Harbor Gazette"},
      {"Body without any mark.", "https://www.TheCradle.co/news/1", "thecradle.co"},
      {"Body without any mark.", "", nullptr},
      {"The minister (who spoke) - in a long sentence that is no dateline at all", "", nullptr},
  };
  for (const Case& c : cases) {
    INFO("text: '" << c.text << "'");
    const auto got = InferSource(c.text, c.url);
    if (c.source) {
      REQUIRE(got);
      CHECK(*got == c.source);
    } else {
      CHECK_FALSE(got);
    }
  }
}

TEST_CASE("line endings normalise to LF", "[io][readers][metadata]") {
  CHECK(NormalizeLineEndings("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(NormalizeLineEndings("\xEF\xBB\xBFx\r\n\r\ny") == "x\n\ny");
  CHECK(UrlHost("http://news.example.com:8080/a") == "news.example.com");
  CHECK(UrlHost("ftp://x.org/") == "");
}
