#include "io/truth/verdicts.h"

#include <cctype>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "io/csv_reader.h"
#include "io/truth/values.h"

namespace claimgraph::io::truth {
namespace {

using engine::Diagnostic;
using engine::Diagnostics;
using engine::truth::TextVerdict;
using Json = nlohmann::ordered_json;

void Warn(Diagnostics* d, std::string_view file, size_t line, std::string message,
          Diagnostic::Severity severity = Diagnostic::Severity::kWarning) {
  if (d) d->push_back({severity, std::string(file), line, std::move(message)});
}

// Lower-case ASCII letters and digits, one space between words.
std::string FoldLabel(std::string_view s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  return out;
}

size_t LineAt(std::string_view text, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Offsets of every '{' outside JSON strings, in text order: the k-th object of a preorder walk
// of the parsed document (keys kept in order) starts at the k-th of them.
std::vector<size_t> ObjectOffsets(std::string_view text) {
  std::vector<size_t> out;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      out.push_back(i);
    }
  }
  return out;
}

bool IsType(const Json& j, std::string_view type) {
  auto t = j.find("@type");
  if (t == j.end()) return false;
  if (t->is_string()) return t->get<std::string>() == type;
  if (t->is_array())
    for (const Json& x : *t)
      if (x.is_string() && x.get<std::string>() == type) return true;
  return false;
}

std::string Text(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object()) {
    auto n = j.find("name");
    if (n != j.end() && n->is_string()) return n->get<std::string>();
  }
  if (j.is_array() && !j.empty()) return Text(j.front());
  return {};
}

// A number or a string holding one.
bool Number(const Json& j, double* out) {
  if (j.is_number()) {
    *out = j.get<double>();
    return std::isfinite(*out);
  }
  if (j.is_string()) return ParseNumber(j.get<std::string>(), out) && std::isfinite(*out);
  return false;
}

void ReadClaimReview(const Json& j, std::string_view name, size_t line,
                     std::vector<TextVerdict>* out, Diagnostics* d) {
  TextVerdict v;
  v.file = std::string(name);
  v.line = line;
  auto claim = j.find("claimReviewed");
  if (claim == j.end() || !claim->is_string() || FoldLabel(claim->get<std::string>()).empty()) {
    Warn(d, name, line, "ClaimReview without claimReviewed (the text of the claim); skipped",
         Diagnostic::Severity::kError);
    return;
  }
  v.key = claim->get<std::string>();
  auto rating = j.find("reviewRating");
  if (rating == j.end() || !rating->is_object()) {
    Warn(d, name, line, "ClaimReview without a reviewRating object; skipped",
         Diagnostic::Severity::kError);
    return;
  }
  int verdict = 0;
  bool labelled = false;
  std::string label;
  if (auto a = rating->find("alternateName"); a != rating->end() && a->is_string()) {
    label = a->get<std::string>();
    verdict = RatingVerdict(label, &labelled);
  }
  if (!labelled) {
    double value = 0, best = 5, worst = 1;
    auto rv = rating->find("ratingValue");
    if (rv == rating->end() || !Number(*rv, &value)) {
      Warn(d, name, line,
           "ClaimReview rating has neither a known alternateName" +
               (label.empty() ? std::string() : " ('" + label + "')") +
               " nor a numeric ratingValue; skipped",
           Diagnostic::Severity::kError);
      return;
    }
    if (auto b = rating->find("bestRating"); b != rating->end() && !Number(*b, &best)) {
      Warn(d, name, line, "ClaimReview bestRating is not a number; skipped",
           Diagnostic::Severity::kError);
      return;
    }
    if (auto w = rating->find("worstRating"); w != rating->end() && !Number(*w, &worst)) {
      Warn(d, name, line, "ClaimReview worstRating is not a number; skipped",
           Diagnostic::Severity::kError);
      return;
    }
    if (best == worst || value < std::min(best, worst) || value > std::max(best, worst)) {
      Warn(d, name, line, "ClaimReview ratingValue lies outside worstRating..bestRating; skipped",
           Diagnostic::Severity::kError);
      return;
    }
    const double x = (value - worst) / (best - worst);
    verdict = x > 0.5 ? 1 : x < 0.5 ? -1 : 0;
  }
  if (verdict == 0) {
    Warn(d, name, line,
         "ClaimReview rating '" + (label.empty() ? std::string("middle of the scale") : label) +
             "' is neither true nor false; no verdict");
    return;
  }
  v.holds = verdict > 0;
  if (auto item = j.find("itemReviewed"); item != j.end() && item->is_object())
    if (auto author = item->find("author"); author != item->end()) v.author = Text(*author);
  if (auto date = j.find("datePublished"); date != j.end() && date->is_string())
    v.date = date->get<std::string>();
  out->push_back(std::move(v));
}

// Preorder walk: `next` counts objects so that each maps to its offset.
void Walk(const Json& j, std::string_view text, const std::vector<size_t>& offsets, size_t* next,
          std::string_view name, std::vector<TextVerdict>* out, int* reviews, Diagnostics* d) {
  if (j.is_object()) {
    const size_t k = (*next)++;
    const size_t line = k < offsets.size() ? LineAt(text, offsets[k]) : 0;
    if (IsType(j, "ClaimReview")) {
      ++*reviews;
      ReadClaimReview(j, name, line, out, d);
    }
    for (const auto& [key, value] : j.items())
      Walk(value, text, offsets, next, name, out, reviews, d);
  } else if (j.is_array()) {
    for (const Json& x : j) Walk(x, text, offsets, next, name, out, reviews, d);
  }
}

std::vector<TextVerdict> ParseClaimReviews(std::string_view text, std::string_view name,
                                           Diagnostics* d) {
  std::vector<TextVerdict> out;
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    Warn(d, name, LineAt(text, e.byte > 0 ? e.byte - 1 : 0),
         std::string("not valid JSON: ") + e.what(), Diagnostic::Severity::kError);
    return out;
  }
  const std::vector<size_t> offsets = ObjectOffsets(text);
  size_t next = 0;
  int reviews = 0;
  Walk(doc, text, offsets, &next, name, &out, &reviews, d);
  if (reviews == 0)
    Warn(d, name, 1, "no schema.org ClaimReview (\"@type\": \"ClaimReview\") in this JSON",
         Diagnostic::Severity::kError);
  return out;
}

std::vector<TextVerdict> ParseVerdictCsv(std::string_view text, std::string_view name,
                                         Diagnostics* d) {
  std::vector<TextVerdict> out;
  std::vector<CsvRecord> records;
  try {
    records = ParseCsv(text, std::string(name));
  } catch (const std::runtime_error& e) {
    Warn(d, name, 0, e.what(), Diagnostic::Severity::kError);
    return out;
  }
  if (records.empty()) {
    Warn(d, name, 0, "empty verdicts file", Diagnostic::Severity::kError);
    return out;
  }
  int key = -1, verdict = -1, author = -1, date = -1;
  const auto& header = records.front().fields;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string h = FoldLabel(header[i]);
    if (key < 0 && (h == "claim" || h == "text" || h == "proposition" || h == "object" ||
                    h == "claimreviewed"))
      key = static_cast<int>(i);
    else if (verdict < 0 && (h == "verdict" || h == "value" || h == "truth" || h == "rating"))
      verdict = static_cast<int>(i);
    else if (h == "author")
      author = static_cast<int>(i);
    else if (h == "date" || h == "datepublished")
      date = static_cast<int>(i);
  }
  if (key < 0 || verdict < 0) {
    Warn(d, name, records.front().line,
         "the header needs a claim column (claim, text, proposition, object) and a verdict "
         "column (verdict, value, truth, rating)",
         Diagnostic::Severity::kError);
    return out;
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    auto field = [&](int i) {
      return i >= 0 && static_cast<size_t>(i) < rec.fields.size() ? rec.fields[i] : std::string();
    };
    TextVerdict v;
    v.key = field(key);
    v.file = std::string(name);
    v.line = rec.line;
    if (FoldLabel(v.key).empty()) {
      Warn(d, name, rec.line, "no claim text or proposition; line skipped",
           Diagnostic::Severity::kError);
      continue;
    }
    bool labelled = false;
    const std::string word = field(verdict);
    const int x = RatingVerdict(word, &labelled);
    if (x == 0) {
      Warn(d, name, rec.line,
           labelled ? "verdict '" + word + "' is neither true nor false; line skipped"
                    : "unreadable verdict '" + word +
                          "' (true / false, or a rating label); line "
                          "skipped",
           labelled ? Diagnostic::Severity::kWarning : Diagnostic::Severity::kError);
      continue;
    }
    v.holds = x > 0;
    v.author = field(author);
    v.date = field(date);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

int RatingVerdict(std::string_view label, bool* known) {
  static const char* kTrue[] = {
      "true",      "correct", "accurate", "mostly true", "mostly correct", "verified",
      "confirmed", "yes",     "1"};
  static const char* kFalse[] = {
      "false",    "incorrect",  "inaccurate", "mostly false", "pants on fire",
      "fake",     "fabricated", "wrong",      "misleading",   "baseless",
      "debunked", "no",         "0"};
  static const char* kMixed[] = {"half true",  "mixture",     "mixed",       "unproven",
                                 "unverified", "unsupported", "partly true", "partly false",
                                 "half false", "disputed"};
  const std::string f = FoldLabel(label);
  if (known) *known = true;
  for (const char* w : kTrue)
    if (f == w) return 1;
  for (const char* w : kFalse)
    if (f == w) return -1;
  for (const char* w : kMixed)
    if (f == w) return 0;
  if (known) *known = false;
  return 0;
}

std::vector<TextVerdict> ParseVerdicts(std::string_view text, std::string_view name,
                                       Diagnostics* diagnostics) {
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  size_t first = 0;
  while (first < body.size() && std::isspace(static_cast<unsigned char>(body[first]))) ++first;
  if (first < body.size() && (body[first] == '{' || body[first] == '['))
    return ParseClaimReviews(body, name, diagnostics);
  return ParseVerdictCsv(text, name, diagnostics);
}

std::vector<TextVerdict> ReadVerdicts(const std::string& path, Diagnostics* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the verdicts file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseVerdicts(buf.str(), path, diagnostics);
}

}  // namespace claimgraph::io::truth
