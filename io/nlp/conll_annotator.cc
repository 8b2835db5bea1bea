// Annotations from CoNLL files for the pipeline (see conll_annotator.h).
#include "io/nlp/conll_annotator.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/nlp/conll_reader.h"

namespace claimgraph::io {

bool ConllAnnotator::operator()(const engine::Document& doc,
                                engine::nlp::AnnotatedDocument* out) const {
  std::string path = doc.path;
  const size_t colon = path.rfind(':');  // JSONL records carry ":line"
  if (colon != std::string::npos && path.find('/', colon) == std::string::npos) path.resize(colon);
  const std::filesystem::path conll =
      std::filesystem::path(dir_) / (std::filesystem::path(path).stem().string() + ".conll");
  std::ifstream in(conll, std::ios::binary);
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  *out = ParseConll(s.str(), conll.string(), nullptr, doc.text);
  if (out->tokens.empty()) return false;
  size_t match = 0;
  for (const auto& t : out->tokens)
    if (t.end <= doc.text.size() && doc.text.compare(t.begin, t.end - t.begin, t.form) == 0)
      ++match;
  return match * 100 >= out->tokens.size() * 95;
}

}  // namespace claimgraph::io
