# Turns the shipped stance model (INPUT) into a C++ source (OUTPUT) defining its bytes, so the
# `claimgraph` binary carries its model and works from any directory. Run by engine/CMakeLists.txt.
# SYMBOL (default kClaimgraphDefaultStanceModel) names the array; SYMBOL##Size holds its size.
if(NOT DEFINED SYMBOL)
  set(SYMBOL kClaimgraphDefaultStanceModel)
endif()
get_filename_component(input_name "${INPUT}" NAME)
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# One line per 32 bytes keeps the generated file readable by compilers and editors.
string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${input_name}; do not edit.\n"
  "#include <cstddef>\n"
  "extern const unsigned char ${SYMBOL}[];\n"
  "extern const size_t ${SYMBOL}Size;\n"
  "alignas(16) const unsigned char ${SYMBOL}[] = {\n${bytes}0};\n"
  "const size_t ${SYMBOL}Size = ${size};\n")
