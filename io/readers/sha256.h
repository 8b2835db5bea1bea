// SHA-256 (FIPS 180-4) for content hashes: every ingested document is keyed by the hash of its
// bytes, so re-ingesting a file is a no-op. Written in-house (about a hundred lines, checked
// against the FIPS 180-4 / NIST CAVP test vectors in tests/io/readers/sha256_test.cc) rather
// than pulling in OpenSSL or libgcrypt for one function.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::io {

// Incremental hasher. Update() any number of times, then Final() once.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // Returns the 32-byte digest. The object must not be updated afterwards.
  std::array<uint8_t, 32> Final();

 private:
  void Block(const uint8_t* p);

  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace claimgraph::io
