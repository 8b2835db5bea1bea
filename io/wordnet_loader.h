// Loads WordNet 3.0's database files (Debian's wordnet-base: /usr/share/wordnet) into the
// engine's WordNet (engine/proposition/wordnet.h): verbs and adjectives.
#pragma once

#include <string>

#include "engine/proposition/wordnet.h"

namespace claimgraph::io {

// Where WordNet is looked for: $CLAIMGRAPH_WORDNET if set, else /usr/share/wordnet.
std::string DefaultWordNetDir();

// Reads index/data/exception files of verbs and adjectives from `dir`. Throws
// std::runtime_error naming the file if one cannot be opened.
engine::WordNet LoadWordNet(const std::string& dir);

// The WordNet of DefaultWordNetDir(), read once (thread-safe); empty if it cannot be read.
const engine::WordNet& SharedWordNet();

}  // namespace claimgraph::io
