#!/usr/bin/env bash
# The explorer in a real browser: builds a store from samples/ with the real `claimgraph run`,
# starts `claimgraph serve` on a free port, and drives Debian's chromium (headless) with
# playwright-core (explorer_browser_test.mjs): pages render, the sources filter box and sortable
# tables work, search and the link filters return the expected rows, the comparison renders, bad
# addresses get clean errors, the changes between two runs page on, no console error, no request
# leaves the machine. Registered with
# CTest (tests/CMakeLists.txt); exits 77 (skipped) when chromium cannot start or playwright-core
# cannot be installed (no network).
#
# usage: explorer_browser_test.sh CLAIMGRAPH SOURCE_DIR WORK_DIR [SCREENSHOT_DIR]
set -uo pipefail

cg=$1
src=$2
work=$(mkdir -p "$3" && cd "$3" && pwd)
shots=${4:-}
chromium=${CHROMIUM:-/usr/bin/chromium}
skip() { echo "SKIP: $*"; exit 77; }

[ -x "$chromium" ] || skip "no $chromium"
command -v node >/dev/null && command -v npm >/dev/null || skip "node and npm are not installed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimgraph_browser.XXXXXX")
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# Can chromium start at all here?
if ! timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/probe" --dump-dom about:blank >/dev/null 2>"$tmp/probe.log"; then
  skip "chromium cannot start: $(tail -1 "$tmp/probe.log")"
fi

# playwright-core (the driver only; it uses Debian's chromium), installed once into WORK_DIR.
pw_version=1.65.1
if [ ! -f "$work/node_modules/playwright-core/package.json" ] ||
  ! grep -q "\"version\": \"$pw_version\"" "$work/node_modules/playwright-core/package.json"; then
  (cd "$work" && timeout 300 npm install --no-save --no-audit --no-fund --silent \
    "playwright-core@$pw_version" >"$tmp/npm.log" 2>&1) ||
    skip "cannot install playwright-core from npm: $(tail -1 "$tmp/npm.log")"
fi

# A store from the samples, through the real pipeline: two runs, the bridge story alone and then
# both stories (the diff view compares them).
"$cg" run "$src/samples/harbor-bridge" --db "$tmp/store.db" --out "$tmp/out0" --quiet \
  >"$tmp/run0.log" 2>&1 || { cat "$tmp/run0.log"; echo "FAIL: claimgraph run"; exit 1; }
"$cg" run "$src/samples/iraq-withdrawal" "$src/samples/harbor-bridge" --db "$tmp/store.db" \
  --out "$tmp/out" >"$tmp/run.log" 2>&1 || { cat "$tmp/run.log"; echo "FAIL: claimgraph run"; exit 1; }

"$cg" serve --db "$tmp/store.db" --port 0 >"$tmp/serve.log" 2>&1 &
server=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/serve.log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log"; echo "FAIL: serve exited"; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { cat "$tmp/serve.log"; echo "FAIL: serve printed no address"; exit 1; }

NODE_PATH="$work/node_modules" CHROMIUM="$chromium" PROFILE="$tmp/profile" SHOTS="$shots" \
  timeout 300 node "$(dirname "$0")/explorer_browser_test.mjs" "$url"
status=$?
[ $status -eq 0 ] || { echo "--- serve log"; cat "$tmp/serve.log"; }
exit $status
