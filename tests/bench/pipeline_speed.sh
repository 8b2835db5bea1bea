#!/usr/bin/env bash
# Pipeline speed benchmark (docs/EVALUATION.md, "Pipeline speed"): writes synthetic corpora with
# synthetic_corpus, then measures each stage as its own process under /usr/bin/time -v
# (wall and CPU seconds, peak resident memory): `ingest`, `analyze`, `report`, and `run` end to
# end on a fresh store. Prints one table row per corpus size and stage.
#
# usage: tests/bench/pipeline_speed.sh [-b BUILD_DIR] [-w WORK_DIR] [-f text|jsonl] [N ...]
#   BUILD_DIR  a Release build with the benchmarks (default build/bench: `make bench`)
#   WORK_DIR   where corpora and stores go (default /tmp/claimgraph-speed; needs ~5 GB for 100k)
#   N          corpus sizes in articles (default 10000 100000)
set -euo pipefail

build=build/bench
work=/tmp/claimgraph-speed
format=text
while getopts "b:w:f:" opt; do
  case $opt in
    b) build=$OPTARG ;;
    w) work=$OPTARG ;;
    f) format=$OPTARG ;;
    *) echo "usage: $0 [-b BUILD_DIR] [-w WORK_DIR] [-f text|jsonl] [N ...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)

cg=$build/io/claimgraph
gen=$build/tests/bench/synthetic_corpus
for exe in "$cg" "$gen"; do
  [ -x "$exe" ] || { echo "missing $exe: run 'make bench' first" >&2; exit 1; }
done
mkdir -p "$work"

# Runs a command under /usr/bin/time -v; prints "wall cpu peak_MiB exit".
measure() {
  local log=$1
  shift
  local status=0
  /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || status=$?
  awk -v status="$status" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.0f %d\n", wall, user + sys, rss, status }' "$log.time"
}

printf "%-8s %-8s %9s %9s %10s %8s %9s %s\n" articles stage wall_s cpu_s docs/s MB/s peak_MiB exit
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$format-$n
  if [ ! -d "$corpus" ]; then
    "$gen" --out "$corpus" --articles "$n" --format "$format" >/dev/null 2>&1
  fi
  mb=$(du -sb --exclude=.truth "$corpus" | awk '{ print $1 / 1e6 }')
  row() {  # stage, "wall cpu rss status"
    read -r wall cpu rss status <<<"$2"
    awk -v n="$n" -v s="$1" -v w="$wall" -v c="$cpu" -v r="$rss" -v e="$status" -v mb="$mb" \
      'BEGIN { printf "%-8d %-8s %9.2f %9.2f %10.0f %8.2f %9d %d\n", n, s, w, c, n / w, mb / w, r, e }'
  }
  db=$work/stages-$n.db
  rm -f "$db" "$db-wal" "$db-shm"
  row ingest "$(measure "$work/ingest-$n" "$cg" ingest "$corpus" --db "$db")"
  if "$cg" analyze --help >/dev/null 2>&1; then
    result=$(measure "$work/analyze-$n" "$cg" analyze --db "$db")
    row analyze "$result"
    if [ "${result##* }" = 0 ]; then
      row report "$(measure "$work/report-$n" "$cg" report --db "$db" --format md -o "$work/report-$n.md")"
    fi
  fi
  if "$cg" run --help >/dev/null 2>&1; then
    rdb=$work/run-$n.db
    rm -rf "$rdb" "$rdb-wal" "$rdb-shm" "$work/run-$n-out"
    row run "$(measure "$work/run-$n" "$cg" run "$corpus" --db "$rdb" --out "$work/run-$n-out")"
  fi
done
echo "logs (stdout, stderr, /usr/bin/time -v) in $work/*.out *.err *.time"
