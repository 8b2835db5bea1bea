// The parser model compiled into the binary (engine/nlp/parser_model.bin, embedded by
// engine/CMakeLists.txt), read once on first use.
#include <string_view>

#include "engine/nlp/dependency_parser.h"

extern const unsigned char kClaimgraphParserModel[];
extern const size_t kClaimgraphParserModelSize;

namespace claimgraph::engine::nlp {

const ParserModel& DefaultParserModel() {
  static const ParserModel model = ParserModel::Deserialize(std::string_view(
      reinterpret_cast<const char*>(kClaimgraphParserModel), kClaimgraphParserModelSize));
  return model;
}

}  // namespace claimgraph::engine::nlp
