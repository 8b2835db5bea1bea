// Splitting a line of a tab-separated or similar text format into its fields, shared by the
// readers of labelled data (CoNLL, brat/PolNeAR, the pair sets). Views into the input.
#pragma once

#include <string_view>
#include <vector>

namespace claimgraph::io {

// Every field between separators, empty ones included: "a\t\tb" is {"a", "", "b"}, "" is {""}.
inline std::vector<std::string_view> SplitFields(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

}  // namespace claimgraph::io
