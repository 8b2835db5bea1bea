#include "io/truth/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace claimgraph::io::truth {
namespace {

// Closes a descriptor when it goes out of scope.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

[[noreturn]] void Fail(const std::string& path, const char* what) {
  throw std::runtime_error(path + ": " + what + " (" + std::strerror(errno) + ")");
}

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) Fail(path, "cannot open");
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) Fail(path, "cannot stat");
  if (S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    Fail(path, "cannot read");
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE;  // one call maps every page instead of a fault per few pages
#endif
    void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, flags, file.fd, 0);
    if (map != MAP_FAILED) {
      map_ = map;
      map_size_ = static_cast<size_t>(st.st_size);
      bytes_ = std::string_view(static_cast<const char*>(map), map_size_);
      return;
    }
  }
  // Not mappable (a pipe, an empty or special file): read to the end.
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(file.fd, chunk, sizeof chunk);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      Fail(path, "read error");
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
  bytes_ = buffer_;
}

MappedFile::~MappedFile() {
  if (map_) ::munmap(map_, map_size_);
}

}  // namespace claimgraph::io::truth
