#include "io/serve/html.h"

#include <algorithm>
#include <cstdio>

#include "io/report/report_data.h"

namespace claimgraph::io::serve {

std::string UrlEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '_' || u == '.' || u == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string Url(std::string_view path,
                const std::vector<std::pair<std::string, std::string>>& query) {
  std::string out(path);
  char sep = '?';
  for (const auto& [k, v] : query) {
    if (v.empty()) continue;
    out += sep;
    out += UrlEncode(k);
    out += '=';
    out += UrlEncode(v);
    sep = '&';
  }
  return out;
}

std::string Link(const std::string& url, std::string_view text) {
  return "<a href=\"" + H(url) + "\">" + H(text) + "</a>";
}

std::string RunPath(int64_t run, std::string_view rest) {
  std::string out = "/runs/" + std::to_string(run);
  if (!rest.empty()) {
    out += '/';
    out += rest;
  }
  return out;
}

std::string RenderPage(const Frame& frame, const std::string& body) {
  std::string out;
  out.reserve(body.size() + 2048);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n"
      "<link rel=\"stylesheet\" href=\"/static/style.css\">\n"
      "<script src=\"/static/app.js\" defer></script>\n<title>";
  out += H(frame.title);
  out +=
      " · claimgraph explorer</title>\n</head>\n<body>\n<header>\n<a class=\"brand\" href=\"/\">"
      "claimgraph explorer</a>\n";
  if (frame.run > 0) {
    const int64_t r = frame.run;
    out += "<nav>";
    out += Link(RunPath(r), "Run " + std::to_string(r));
    out += Link(RunPath(r, "sources"), "Sources");
    out += Link(RunPath(r, "speakers"), "Speakers");
    out += Link(RunPath(r, "propositions"), "Propositions");
    out += Link(Url(RunPath(r, "links"), {{"relation", "contradict"}}), "Contradictions");
    out += Link(Url(RunPath(r, "links"), {{"relation", "agree"}}), "Agreements");
    out += Link(Url(RunPath(r, "links"), {{"relation", "update"}}), "Updates");
    out += Link(RunPath(r, "compare"), "Compare");
    out += Link(RunPath(r, "diff"), "Changes");
    out += "</nav>\n<form method=\"get\" action=\"" + H(RunPath(r, "search")) +
           "\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search claims\" "
           "aria-label=\"Search claims\" value=\"" +
           H(frame.search) + "\"></form>\n";
  }
  out += "</header>\n<main>\n<h1>";
  out += H(frame.title);
  out += "</h1>\n";
  out += body;
  out += "</main>\n<footer>claimgraph explorer, read-only";
  if (!frame.store_name.empty()) out += " · store " + H(frame.store_name);
  out += "</footer>\n</body>\n</html>\n";
  return out;
}

std::string ClaimCell(int64_t run, const engine::Claim& c) {
  std::string out = "<div class=\"claim\"><a class=\"text\" href=\"" +
                    H(RunPath(run, "claims/" + std::to_string(c.id))) + "\">" + H(c.text) +
                    "</a><span class=\"meta\">";
  out += Link(Url(RunPath(run, "source"), {{"name", c.source}}), c.source);
  out += " · " + (c.date.empty() ? std::string("undated") : H(c.date));
  if (!c.speaker.empty()) {
    out +=
        " · " + Link(Url(RunPath(run, "speaker"), {{"name", c.speaker}}), report::SpeakerLabel(c));
  }
  out += "</span> <span class=\"stance";
  if (c.polarity == engine::Polarity::kNegated) out += " negated";
  out += "\">" + H(engine::ToString(c.polarity)) + ", " + H(engine::ToString(c.modality)) +
         "</span></div>";
  return out;
}

std::string NextLink(std::string_view path, std::vector<std::pair<std::string, std::string>> query,
                     const std::string& cursor) {
  if (cursor.empty()) return "";
  query.emplace_back("after", cursor);
  return "<p class=\"pager\"><a rel=\"next\" href=\"" + H(Url(path, query)) +
         "\">Next page →</a></p>\n";
}

std::string ScoreBar(double value, double uncertainty) {
  const double v = std::clamp(value, 0.0, 1.0);
  const double lo = std::clamp(value - uncertainty, 0.0, 1.0);
  const double hi = std::clamp(value + uncertainty, 0.0, 1.0);
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "<svg class=\"bar\" width=\"104\" height=\"12\" viewBox=\"0 0 104 12\" "
                "role=\"img\" aria-label=\"%.2f ± %.2f\"><rect class=\"bg\" x=\"2\" y=\"2\" "
                "width=\"100\" height=\"8\"/><rect class=\"val\" x=\"2\" y=\"2\" width=\"%.1f\" "
                "height=\"8\"/><line x1=\"%.1f\" y1=\"6\" x2=\"%.1f\" y2=\"6\"/><line x1=\"%.1f\" "
                "y1=\"2\" x2=\"%.1f\" y2=\"10\"/><line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" "
                "y2=\"10\"/></svg>",
                value, uncertainty, v * 100, 2 + lo * 100, 2 + hi * 100, 2 + lo * 100, 2 + lo * 100,
                2 + hi * 100, 2 + hi * 100);
  return buf;
}

}  // namespace claimgraph::io::serve
