// Helpers for the end-to-end tests: run the real `claimgraph` binary and read what it wrote.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace claimgraph::e2e {

inline std::string SourceDir() { return CLAIMGRAPH_SOURCE_DIR; }
inline std::string SharedDir() { return SourceDir() + "/../shared"; }

// A fresh empty directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    path_ = std::filesystem::temp_directory_path() /
            ("claimgraph-" + tag + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string path() const { return path_.string(); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Runs the binary with `args` (already quoted for the shell); returns the exit status and puts
// stdout+stderr into *output.
inline int RunClaimgraph(const std::string& args, std::string* output) {
  const std::string log = std::filesystem::temp_directory_path() /
                          ("claimgraph-run-" + std::to_string(::getpid()) + ".log");
  const std::string cmd = std::string("'") + CLAIMGRAPH_BINARY + "' " + args + " > '" + log +
                          "' 2>&1";
  const int status = std::system(cmd.c_str());
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  *output = ss.str();
  std::filesystem::remove(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

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
