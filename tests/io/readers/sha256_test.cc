#include "io/readers/sha256.h"

#include <catch2/catch.hpp>

using claimgraph::io::Sha256;
using claimgraph::io::Sha256Hex;

// FIPS 180-4 examples (csrc.nist.gov, "SHA256.pdf") and NIST CAVP SHA256ShortMsg/LongMsg.
TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[io][sha256]") {
  struct Case {
    std::string input;
    const char* digest;
  };
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
       "lmnopqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      // CAVP ShortMsg, Len = 8: msg bd.
      {"\xbd", "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b"},
      // Exactly one block of padding boundary cases: 55, 56 and 64 bytes.
      {std::string(55, 'a'), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {std::string(56, 'a'), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {std::string(64, 'a'), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
  };
  for (const Case& c : cases) {
    INFO("input of " << c.input.size() << " bytes");
    CHECK(Sha256Hex(c.input) == c.digest);
  }
}

TEST_CASE("SHA-256 gives the same digest however the input is split", "[io][sha256]") {
  const std::string data(1000, 'x');
  const std::string whole = Sha256Hex(data);
  for (size_t step : {1, 3, 63, 64, 65, 500}) {
    Sha256 h;
    for (size_t i = 0; i < data.size(); i += step) h.Update(std::string_view(data).substr(i, step));
    const auto d = h.Final();
    std::string hex;
    char buf[3];
    for (uint8_t b : d) {
      std::snprintf(buf, sizeof buf, "%02x", b);
      hex += buf;
    }
    INFO("step " << step);
    CHECK(hex == whole);
  }
}
