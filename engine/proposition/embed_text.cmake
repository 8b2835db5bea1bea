# Turns the shipped pair model (INPUT, a small text file) into a C++ source (OUTPUT) defining it
# as one string, so the `claimgraph` binary carries it. Run by engine/CMakeLists.txt.
file(READ "${INPUT}" text)
file(WRITE "${OUTPUT}" "// Generated from engine/proposition/pair_model.txt; do not edit.\n"
  "extern const char kClaimgraphPairModel[];\n"
  "const char kClaimgraphPairModel[] = R\"CGPM(${text})CGPM\";\n")
