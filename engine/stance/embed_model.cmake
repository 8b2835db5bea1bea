# Turns the shipped stance model (INPUT) into a C++ source (OUTPUT) defining its bytes, so the
# `claimgraph` binary carries its model and works from any directory. Run by engine/CMakeLists.txt.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# One line per 32 bytes keeps the generated file readable by compilers and editors.
string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from engine/stance/default_model.bin; do not edit.\n"
  "#include <cstddef>\n"
  "extern const unsigned char kClaimgraphDefaultStanceModel[];\n"
  "extern const size_t kClaimgraphDefaultStanceModelSize;\n"
  "alignas(16) const unsigned char kClaimgraphDefaultStanceModel[] = {\n${bytes}0};\n"
  "const size_t kClaimgraphDefaultStanceModelSize = ${size};\n")
