// Shared by the tests: a scratch directory and a way to run the built `claimgraph` binary.
// CLAIMGRAPH_BINARY is a compile definition of the test binary (tests/CMakeLists.txt).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace claimgraph::testing {

// A fresh, empty directory under the system temp dir, removed with everything in it at scope
// exit. `tag` names it, so a leftover directory says which test made it.
class TempDir {
 public:
  explicit TempDir(const std::string& tag = "test") {
    static int counter = 0;
    path =
        std::filesystem::temp_directory_path() /
        ("claimgraph_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to `name` (creating subdirectories) and returns the file's path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::filesystem::path p = path / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  // The path of `name` inside the directory.
  std::string operator/(const std::string& name) const { return (path / name).string(); }

  std::filesystem::path path;
};

struct CommandOutput {
  int status = -1;   // exit status, -1 if the process did not exit normally
  std::string text;  // standard output and standard error together
};

// Runs `claimgraph ARGS` (ARGS already quoted for the shell) and collects its output.
inline CommandOutput RunClaimgraph(const std::string& args) {
  const std::string cmd = std::string("'") + CLAIMGRAPH_BINARY + "' " + args + " 2>&1";
  CommandOutput out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.text.append(buf, n);
  const int st = ::pclose(p);
  out.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

}  // namespace claimgraph::testing
