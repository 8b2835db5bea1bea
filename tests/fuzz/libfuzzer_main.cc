// The libFuzzer entry point of one target: built once per target by tests/fuzz/CMakeLists.txt
// with CLAIMGRAPH_FUZZ_TARGET set to its name (`make fuzz`).
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const claimgraph::fuzz::FuzzFunction run = [] {
    const auto f = claimgraph::fuzz::FindFuzzTarget(CLAIMGRAPH_FUZZ_TARGET);
    if (f == nullptr) {
      std::fprintf(stderr, "no fuzz target '%s'\n", CLAIMGRAPH_FUZZ_TARGET);
      std::abort();
    }
    return f;
  }();
  return run(data, size);
}
