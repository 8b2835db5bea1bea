// The libFuzzer entry point of one target: built once per target by tests/fuzz/CMakeLists.txt
// with CLAIMGRAPH_FUZZ_FUNCTION set to its function (`make fuzz`).
#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return claimgraph::fuzz::CLAIMGRAPH_FUZZ_FUNCTION(data, size);
}
