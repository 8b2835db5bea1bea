#include "io/wordnet_loader.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace claimgraph::io {

std::string DefaultWordNetDir() {
  const char* env = std::getenv("CLAIMGRAPH_WORDNET");
  return env && *env ? env : "/usr/share/wordnet";
}

engine::WordNet LoadWordNet(const std::string& dir) {
  engine::WordNet wn;
  auto open = [&](const std::string& name) {
    std::ifstream in(dir + "/" + name);
    if (!in) throw std::runtime_error(dir + "/" + name + ": cannot open (WordNet database)");
    return in;
  };
  {
    auto index = open("index.verb"), data = open("data.verb"), exc = open("verb.exc");
    wn.Read(engine::WordNet::kVerb, index, data, exc);
  }
  {
    auto index = open("index.adj"), data = open("data.adj"), exc = open("adj.exc");
    wn.Read(engine::WordNet::kAdjective, index, data, exc);
  }
  return wn;
}

const engine::WordNet& SharedWordNet() {
  static const engine::WordNet wn = [] {
    try {
      return LoadWordNet(DefaultWordNetDir());
    } catch (const std::exception&) {
      return engine::WordNet();
    }
  }();
  return wn;
}

}  // namespace claimgraph::io
