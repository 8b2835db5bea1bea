#!/usr/bin/env bash
# The whole job side by side (docs/EVALUATION.md, "The whole job, side by side"): for each of the
# six algorithms joesingo/truthdiscovery shares with claimgraph, read a source,object,value CSV,
# run, write the JSON result, as one `claimgraph truth` process and as one run of the Python
# library's driver, measured in one hyperfine run per algorithm (the two commands alternate).
#
# usage: tests/bench/truth_whole_job.sh CLAIMGRAPH PY_DRIVER CSV OUT_DIR [RUNS]
#   CLAIMGRAPH: the claimgraph binary (Release build)
#   PY_DRIVER:  a Python script taking ALGORITHM CSV OUT_JSON that builds the library's Dataset
#               from the CSV, runs ALGORITHM and json.dumps trust and belief (EVALUATION says how
#               the one we measured was made; it is not in the repository)
#   CSV:        the claims, e.g. Weather as source,object,value
# Prints, per algorithm, mean wall and CPU (user + sys) seconds of both and the ratios; the raw
# hyperfine results are left in OUT_DIR/hyperfine_ALGORITHM.json.
set -euo pipefail
cg=$1 py=$2 csv=$3 out=$4 runs=${5:-5}
mkdir -p "$out"
printf "%-18s %24s %24s %14s\n" method "python wall / cpu s" "claimgraph wall / cpu s" "x wall / cpu"
for a in voting sums average-log investment pooled-investment truthfinder; do
  hyperfine -N -w 1 -r "$runs" --export-json "$out/hyperfine_$a.json" \
    "/usr/bin/python3 $py $a $csv $out/py_$a.json" \
    "$cg truth -f csv -i $csv -a $a -o $out/cg_$a.json" > /dev/null
  python3 - "$out/hyperfine_$a.json" "$a" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
py, cg = r[0], r[1]
pc, cc = py["user"] + py["system"], cg["user"] + cg["system"]
print("%-18s %11.3f / %-10.3f %11.3f / %-10.3f %6.1f / %-6.1f" % (
    sys.argv[2], py["mean"], pc, cg["mean"], cc, py["mean"] / cg["mean"], pc / cc))
PY
done
