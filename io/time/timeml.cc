#include "io/time/timeml.h"

#include <algorithm>
#include <filesystem>

#include "engine/text/utf8.h"

namespace claimgraph::io {
namespace {

using engine::time::Timex;
using engine::time::TimexType;

size_t LineAt(std::string_view content, size_t offset) {
  return 1 + static_cast<size_t>(std::count(
                 content.begin(), content.begin() + std::min(offset, content.size()), '\n'));
}

void Report(engine::Diagnostics* diagnostics, const std::string& file, size_t line,
            std::string message, bool warning = false) {
  if (diagnostics == nullptr) return;
  engine::Diagnostic d;
  d.severity =
      warning ? engine::Diagnostic::Severity::kWarning : engine::Diagnostic::Severity::kError;
  d.file = file;
  d.line = line;
  d.message = std::move(message);
  diagnostics->push_back(std::move(d));
}

// The value of attribute `name` in a start tag's text, or "" (found = false).
std::string Attribute(std::string_view tag, std::string_view name, bool* found = nullptr) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool boundary =
        pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    size_t eq = pos + name.size();
    if (boundary && eq < tag.size() && tag[eq] == '=' && eq + 1 < tag.size() &&
        (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
      const char q = tag[eq + 1];
      const size_t close = tag.find(q, eq + 2);
      if (close == std::string_view::npos) break;
      if (found) *found = true;
      return std::string(tag.substr(eq + 2, close - eq - 2));
    }
    pos = eq;
  }
  if (found) *found = false;
  return "";
}

bool ParseType(std::string_view s, TimexType* t) {
  if (s == "DATE")
    *t = TimexType::kDate;
  else if (s == "TIME")
    *t = TimexType::kTime;
  else if (s == "DURATION")
    *t = TimexType::kDuration;
  else if (s == "SET")
    *t = TimexType::kSet;
  else
    return false;
  return true;
}

// Appends character data, decoding the five XML entities and numeric references.
void AppendDecoded(std::string_view data, std::string* out) {
  for (size_t i = 0; i < data.size(); ++i) {
    if (data[i] != '&') {
      out->push_back(data[i]);
      continue;
    }
    const size_t semi = data.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out->push_back('&');
      continue;
    }
    const std::string_view ent = data.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out->push_back('&');
    else if (ent == "lt")
      out->push_back('<');
    else if (ent == "gt")
      out->push_back('>');
    else if (ent == "quot")
      out->push_back('"');
    else if (ent == "apos")
      out->push_back('\'');
    else if (!ent.empty() && ent[0] == '#') {
      unsigned long cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                             ? std::strtoul(std::string(ent.substr(2)).c_str(), nullptr, 16)
                             : std::strtoul(std::string(ent.substr(1)).c_str(), nullptr, 10);
      if (cp == 0 || cp > 0x10FFFF) cp = 0xFFFD;
      engine::AppendUtf8(out, static_cast<char32_t>(cp));
    } else {
      out->append(data.substr(i, semi - i + 1));  // unknown entity: kept as written
    }
    i = semi;
  }
}

void AppendEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      default:
        out->push_back(c);
    }
  }
}

}  // namespace

bool ParseTimeml(std::string_view content, const std::string& name, TimemlDocument* doc,
                 engine::Diagnostics* diagnostics) {
  *doc = TimemlDocument{};
  doc->name = name;
  // DCT
  const size_t dct_at = content.find("<DCT>");
  if (dct_at == std::string_view::npos) {
    Report(diagnostics, name, 0, "no <DCT> (document creation time); document skipped");
    return false;
  }
  const size_t dct_tag = content.find("<TIMEX3", dct_at);
  const size_t dct_tag_end =
      dct_tag == std::string_view::npos ? dct_tag : content.find('>', dct_tag);
  const size_t dct_close = content.find("</DCT>", dct_at);
  if (dct_tag == std::string_view::npos || dct_tag_end == std::string_view::npos ||
      dct_close == std::string_view::npos || dct_tag > dct_close) {
    Report(diagnostics, name, LineAt(content, dct_at), "<DCT> holds no TIMEX3; document skipped");
    return false;
  }
  const std::string value = Attribute(content.substr(dct_tag, dct_tag_end - dct_tag), "value");
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') {
    Report(diagnostics, name, LineAt(content, dct_tag),
           "the DCT's value '" + value + "' is not a YYYY-MM-DD date; document skipped");
    return false;
  }
  doc->dct = value.substr(0, 10);
  // TEXT
  const size_t open = content.find("<TEXT>");
  const size_t close = content.rfind("</TEXT>");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    Report(diagnostics, name, open == std::string_view::npos ? 0 : LineAt(content, open),
           "no <TEXT> ... </TEXT>; document skipped");
    return false;
  }
  const size_t body_begin = open + 6;
  doc->before_text = std::string(content.substr(0, body_begin));
  doc->after_text = std::string(content.substr(close));
  struct Open {
    Timex timex;
    size_t line;
  };
  std::vector<Open> open_timex;
  std::vector<std::string> stack;  // open element names
  size_t i = body_begin;
  while (i < close) {
    const size_t lt = content.find('<', i);
    const size_t stop = lt == std::string_view::npos || lt > close ? close : lt;
    AppendDecoded(content.substr(i, stop - i), &doc->text);
    if (stop == close) break;
    const size_t gt = content.find('>', stop);
    if (gt == std::string_view::npos || gt > close) {
      Report(diagnostics, name, LineAt(content, stop),
             "unterminated tag inside TEXT; document skipped");
      return false;
    }
    const std::string_view tag = content.substr(stop + 1, gt - stop - 1);
    i = gt + 1;
    if (tag.empty()) continue;
    if (tag[0] == '!' || tag[0] == '?') continue;  // comments, processing instructions
    const bool closing = tag[0] == '/';
    const bool self_closing = tag.back() == '/';
    std::string_view tname = tag.substr(closing ? 1 : 0);
    tname = tname.substr(0, tname.find_first_of(" \t\n/"));
    if (closing) {
      if (stack.empty() || stack.back() != tname) {
        Report(diagnostics, name, LineAt(content, stop),
               "closing </" + std::string(tname) +
                   "> does not match the open element; document skipped");
        return false;
      }
      stack.pop_back();
      if (tname == "TIMEX3") {
        Open o = std::move(open_timex.back());
        open_timex.pop_back();
        o.timex.end = doc->text.size();
        if (o.timex.end > o.timex.begin) doc->gold.push_back(std::move(o.timex));
      }
      continue;
    }
    if (self_closing) continue;
    stack.emplace_back(tname);
    if (tname == "TIMEX3") {
      Open o;
      o.line = LineAt(content, stop);
      o.timex.begin = doc->text.size();
      bool has_value = false;
      o.timex.value = Attribute(tag, "value", &has_value);
      o.timex.mod = Attribute(tag, "mod");
      if (!ParseType(Attribute(tag, "type"), &o.timex.type)) {
        Report(diagnostics, name, o.line, "TIMEX3 with an unknown type; read as DATE", true);
      }
      if (!has_value) Report(diagnostics, name, o.line, "TIMEX3 without a value", true);
      open_timex.push_back(std::move(o));
    }
  }
  if (!stack.empty()) {
    Report(diagnostics, name, LineAt(content, close),
           "<" + stack.back() + "> is not closed inside TEXT; document skipped");
    return false;
  }
  std::sort(doc->gold.begin(), doc->gold.end(),
            [](const Timex& a, const Timex& b) { return a.begin < b.begin; });
  return true;
}

std::string WriteTimeml(const TimemlDocument& doc, const std::vector<Timex>& system) {
  std::string out = doc.before_text;
  size_t at = 0;
  int tid = 1;
  for (const Timex& t : system) {
    if (t.begin < at || t.end > doc.text.size() || t.end <= t.begin) continue;
    AppendEscaped(std::string_view(doc.text).substr(at, t.begin - at), &out);
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"";
    out += engine::time::ToString(t.type);
    out += "\" value=\"";
    AppendEscaped(t.value, &out);
    out += "\"";
    if (!t.mod.empty()) out += " mod=\"" + t.mod + "\"";
    out += ">";
    AppendEscaped(std::string_view(doc.text).substr(t.begin, t.end - t.begin), &out);
    out += "</TIMEX3>";
    at = t.end;
  }
  AppendEscaped(std::string_view(doc.text).substr(at), &out);
  out += doc.after_text;
  return out;
}

std::vector<std::string> ListTimemlFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".tml")
      files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace claimgraph::io
