# Turns the shipped pair model (INPUT, a small text file) into a C++ source (OUTPUT) defining it
# as one string named SYMBOL, so the `claimgraph` binary carries it. Run by engine/CMakeLists.txt.
file(READ "${INPUT}" text)
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}" "// Generated from ${name}; do not edit.\n"
  "extern const char ${SYMBOL}[];\n"
  "const char ${SYMBOL}[] = R\"CGPM(${text})CGPM\";\n")
