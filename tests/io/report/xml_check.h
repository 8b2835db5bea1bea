// A small XML well-formedness check for the export tests: tags balance, attribute values are
// quoted, and every '&' starts an entity. Not a full parser; enough to catch a writer that forgets
// to escape or to close an element.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io::report::testing {

// Returns "" if well-formed, else a description of the first problem.
inline std::string CheckXml(std::string_view s) {
  std::vector<std::string> open;
  size_t i = 0;
  auto entity_ok = [&](size_t at) {
    const size_t semi = s.find(';', at);
    if (semi == std::string_view::npos || semi - at > 10) return false;
    const std::string_view name = s.substr(at + 1, semi - at - 1);
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
           (!name.empty() && name[0] == '#');
  };
  while (i < s.size()) {
    if (s[i] == '&') {
      if (!entity_ok(i)) return "bare '&' at " + std::to_string(i);
      ++i;
      continue;
    }
    if (s[i] == '>') return "bare '>' in text at " + std::to_string(i);
    if (s[i] != '<') {
      ++i;
      continue;
    }
    if (s.substr(i, 2) == "<?") {
      i = s.find("?>", i);
      if (i == std::string_view::npos) return "unterminated <?";
      i += 2;
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      i = s.find("-->", i);
      if (i == std::string_view::npos) return "unterminated comment";
      i += 3;
      continue;
    }
    const bool closing = i + 1 < s.size() && s[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    const size_t name_start = j;
    while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == ':' ||
                            s[j] == '_' || s[j] == '-' || s[j] == '.'))
      ++j;
    const std::string name(s.substr(name_start, j - name_start));
    if (name.empty()) return "empty tag name at " + std::to_string(i);
    // Attributes: name="value" with no '<' inside and entities checked.
    bool self_closing = false;
    while (j < s.size() && s[j] != '>') {
      if (s[j] == '"' || s[j] == '\'') {
        const char q = s[j];
        const size_t end = s.find(q, j + 1);
        if (end == std::string_view::npos) return "unterminated attribute in <" + name + ">";
        for (size_t k = j + 1; k < end; ++k) {
          if (s[k] == '<') return "'<' in attribute of <" + name + ">";
          if (s[k] == '&' && !entity_ok(k)) return "bare '&' in attribute of <" + name + ">";
        }
        j = end + 1;
        continue;
      }
      if (s[j] == '/' && j + 1 < s.size() && s[j + 1] == '>') self_closing = true;
      if (s[j] == '<') return "'<' inside tag <" + name + ">";
      ++j;
    }
    if (j >= s.size()) return "unterminated tag <" + name + ">";
    i = j + 1;
    if (self_closing) continue;
    if (closing) {
      if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
      open.pop_back();
    } else {
      open.push_back(name);
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

}  // namespace claimgraph::io::report::testing
