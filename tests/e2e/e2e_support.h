// Helpers for the end-to-end tests: where the samples and shared data are, and reading what the
// real `claimgraph` binary wrote (tests/test_support.h runs it).
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/test_support.h"

namespace claimgraph::e2e {

inline std::string SourceDir() { return CLAIMGRAPH_SOURCE_DIR; }
inline std::string SharedDir() { return SourceDir() + "/../shared"; }

using testing::RunClaimgraph;
using testing::TempDir;

inline nlohmann::json ReadJson(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace claimgraph::e2e
