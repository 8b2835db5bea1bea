// MappedFile: a file's bytes in memory without copying them, for the claim readers (Weather is
// 31 MB in 16 files; reading them into strings cost a copy, a zero fill and a page fault per
// 4 KB of fresh memory). A regular file is mapped read-only and its pages are faulted in at once;
// anything else (a pipe, /dev/stdin) is read into a buffer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph::io::truth {

class MappedFile {
 public:
  // Throws std::runtime_error naming the file if it cannot be opened or read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // The bytes; valid while this object lives.
  std::string_view bytes() const { return bytes_; }

 private:
  void* map_ = nullptr;  // the mapping, if mapped
  size_t map_size_ = 0;
  std::string buffer_;  // the bytes, if read
  std::string_view bytes_;
};

}  // namespace claimgraph::io::truth
