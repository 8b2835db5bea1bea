// Bounded JSON parsing: a depth pre-scan, then nlohmann's DOM parser with every exception caught;
// on failure a SAX pass finds the position the DOM parser does not report (numbers out of range).
#include "io/readers/bounded_json.h"

#include <exception>

namespace claimgraph::io {
namespace {

using Json = nlohmann::json;

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 7: ";
// the position is reported separately, so keep what follows.
std::string CleanMessage(std::string what) {
  if (what.rfind("[json.exception.", 0) == 0) {
    if (const size_t close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
  }
  if (what.rfind("parse error", 0) == 0) {
    if (const size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
  }
  return what;
}

// Accepts every event and keeps the first error with its position (a SAX pass is the only way to
// learn where an out-of-range number is).
class ErrorPosition : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    found = true;
    offset = position;
    message = ex.what();
    is_range = ex.id == 406;
    return false;
  }

  bool found = false;
  bool is_range = false;
  size_t offset = 0;
  std::string message;
};

}  // namespace

size_t FindExcessNesting(std::string_view text, int max_depth) {
  int depth = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '"') {
      // Skip the string: up to the next quote not escaped by a backslash.
      for (++i; i < n && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

bool ParseBoundedJson(std::string_view text, Json* out, JsonProblem* problem, int max_depth) {
  if (const size_t deep = FindExcessNesting(text, max_depth); deep != std::string_view::npos) {
    *problem = {deep, "JSON nesting too deep",
                "nesting deeper than " + std::to_string(max_depth) + " levels"};
    return false;
  }
  try {
    *out = Json::parse(text);
    return true;
  } catch (const Json::parse_error& e) {
    *problem = {e.byte > 0 ? std::min<size_t>(e.byte - 1, text.size()) : 0, "malformed JSON",
                CleanMessage(e.what())};
    return false;
  } catch (const std::exception& e) {
    // Out-of-range numbers and anything else: ask a SAX pass where it happened.
    ErrorPosition where;
    try {
      Json::sax_parse(text, &where);
    } catch (const std::exception&) {
    }
    const bool range = where.found ? where.is_range : false;
    const size_t at = where.found && where.offset > 0 ? where.offset - 1 : 0;
    *problem = {std::min(at, text.size()), range ? "JSON number out of range" : "malformed JSON",
                CleanMessage(where.found ? where.message : e.what())};
    return false;
  }
}

}  // namespace claimgraph::io
