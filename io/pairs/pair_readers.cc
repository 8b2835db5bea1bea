#include "io/pairs/pair_readers.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/readers/fields.h"

namespace claimgraph::io {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Calls `row(fields, line_number)` for each line after the header; returns the header.
template <typename Row>
std::vector<std::string_view> ForEachRow(std::string_view text, Row row) {
  std::vector<std::string_view> header;
  size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header.empty()) {
      header = SplitFields(line, '\t');
      continue;
    }
    row(SplitFields(line, '\t'), line_no, header);
  }
  return header;
}

int Column(const std::vector<std::string_view>& header, std::string_view name) {
  auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

engine::Diagnostic Error(const std::string& name, size_t line, std::string message) {
  engine::Diagnostic d;
  d.file = name;
  d.line = line;
  d.message = std::move(message);
  return d;
}

// False, with a diagnostic, when a row has fewer than `need` fields.
bool HasFields(const std::vector<std::string_view>& f, int need, const std::string& name,
               size_t line, PairData* data) {
  if (static_cast<int>(f.size()) >= need) return true;
  data->diagnostics.push_back(Error(name, line,
                                    "expected " + std::to_string(need) +
                                        " tab-separated fields, got " + std::to_string(f.size())));
  return false;
}

}  // namespace

PairData ParseSickPairs(std::string_view text, const std::string& name,
                        const std::vector<std::string>& portions) {
  PairData data;
  int ca = -1, cb = -1, cl = -1, cs = -1;
  bool checked = false;
  ForEachRow(text, [&](const std::vector<std::string_view>& f, size_t line,
                       const std::vector<std::string_view>& header) {
    if (!checked) {
      ca = Column(header, "sentence_A"), cb = Column(header, "sentence_B");
      cl = Column(header, "entailment_label"), cs = Column(header, "SemEval_set");
      if (ca < 0 || cb < 0 || cl < 0)
        throw std::runtime_error(name +
                                 ":1: SICK header lacks sentence_A, sentence_B or "
                                 "entailment_label");
      checked = true;
    }
    if (!HasFields(f, std::max({ca, cb, cl, cs}) + 1, name, line, &data)) return;
    if (!portions.empty() && cs >= 0 &&
        std::find(portions.begin(), portions.end(), std::string(f[cs])) == portions.end())
      return;
    LabelledPair p;
    p.a = std::string(f[ca]);
    p.b = std::string(f[cb]);
    p.line = line;
    if (f[cl] == "ENTAILMENT") {
      p.label = engine::PairRelation::kAgree;
    } else if (f[cl] == "CONTRADICTION") {
      p.label = engine::PairRelation::kContradict;
    } else if (f[cl] == "NEUTRAL") {
      p.label = engine::PairRelation::kRelated;
    } else {
      data.diagnostics.push_back(Error(
          name, line,
          "unknown SICK label '" + std::string(f[cl]) + "' (ENTAILMENT, CONTRADICTION, NEUTRAL)"));
      return;
    }
    data.pairs.push_back(std::move(p));
  });
  if (!checked && !text.empty()) throw std::runtime_error(name + ": no SICK rows");
  return data;
}

PairData ReadSickPairs(const std::string& path, const std::vector<std::string>& portions) {
  return ParseSickPairs(ReadAll(path), path, portions);
}

PairData ParseTsvPairs(std::string_view text, const std::string& name) {
  PairData data;
  int ca = -1, cb = -1, cl = -1;
  bool checked = false;
  const std::vector<std::string_view> header =
      ForEachRow(text, [&](const std::vector<std::string_view>& f, size_t line,
                           const std::vector<std::string_view>& header) {
        if (!checked) {
          ca = Column(header, "a"), cb = Column(header, "b"), cl = Column(header, "label");
          if (ca < 0 || cb < 0 || cl < 0)
            throw std::runtime_error(name + ":1: header must name the columns a, b and label");
          checked = true;
        }
        if (!HasFields(f, std::max({ca, cb, cl}) + 1, name, line, &data)) return;
        LabelledPair p;
        if (!engine::ParsePairRelation(f[cl], &p.label)) {
          data.diagnostics.push_back(
              Error(name, line,
                    "unknown label '" + std::string(f[cl]) +
                        "' (agree, contradict, update, related, unrelated)"));
          return;
        }
        p.a = std::string(f[ca]);
        p.b = std::string(f[cb]);
        p.line = line;
        data.pairs.push_back(std::move(p));
      });
  if (!checked && !header.empty() &&
      (Column(header, "a") < 0 || Column(header, "b") < 0 || Column(header, "label") < 0))
    throw std::runtime_error(name + ":1: header must name the columns a, b and label");
  return data;
}

PairData ReadTsvPairs(const std::string& path) { return ParseTsvPairs(ReadAll(path), path); }

}  // namespace claimgraph::io
