// Compact JSON text written straight into a string, byte for byte as nlohmann::json::dump() (no
// indent, error_handler_t::replace) writes the same values: strings escaped the same way (invalid
// UTF-8 handed to nlohmann itself), doubles in nlohmann's shortest round-trip form, non-finite
// doubles as null. Keys are written in the order given: callers give them sorted, as nlohmann's
// std::map-backed objects come out. Used by the JSON report and export, where building a json
// object per claim and link cost more than writing them (a run of a million claims).
// One difference: DEL (0x7F), which JSON allows raw, is written \u007f, as every other control
// character is escaped (no output of ours carries a raw control character); DumpJson does the
// same for values nlohmann serialises.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io::report {

// nlohmann::json::dump(indent, ' ', false, error_handler_t::replace), with DEL escaped.
std::string DumpJson(const nlohmann::json& j, int indent = -1);

class JsonWriter {
 public:
  // Appends to `out`, which must outlive the writer.
  explicit JsonWriter(std::string* out) : out_(*out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The next member's key; a value must follow.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view s);
  JsonWriter& StringOrNull(std::string_view s);  // null when empty
  JsonWriter& Int(int64_t v);
  JsonWriter& Uint(uint64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // A value already serialised as JSON.
  JsonWriter& Raw(std::string_view json);
  JsonWriter& Strings(const std::vector<std::string>& v);  // an array of strings

 private:
  void BeforeValue();

  std::string& out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// `s` as a JSON string literal appended to `out`, as nlohmann::json(s).dump() would write it.
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace claimgraph::io::report
