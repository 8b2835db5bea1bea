# The README's two commands: `make demo` and `make test`. Both install what is missing on a fresh
# Debian 12 machine, configure, build and run. Other targets are for developers.

DEB_PACKAGES := build-essential cmake pkg-config libboost-graph-dev libboost-program-options-dev \
                libeigen3-dev libsqlitecpp-dev libsqlite3-dev catch2 nlohmann-json3-dev \
                libxml2-utils wordnet-base chromium python3 libcpp-httplib-dev
# Only `make fuzz` needs these (clang with libFuzzer and the sanitizer runtimes).
FUZZ_DEPS := clang-14 libclang-rt-14-dev
FUZZ_DIR := build/fuzz
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_DIR := build/release
TEST_DIR := build/test

.PHONY: deps fuzz-deps demo test build release bench fuzz clean format screenshots

# Installs only the packages that are not installed yet.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

fuzz-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(FUZZ_DEPS)"

release: deps
	cmake -S . -B $(RELEASE_DIR) -DCMAKE_BUILD_TYPE=Release -DCLAIMGRAPH_TESTS=OFF
	cmake --build $(RELEASE_DIR) -j $(JOBS)

build: release

demo: release
	rm -rf demo-out
	$(RELEASE_DIR)/io/claimgraph run --each samples/iraq-withdrawal samples/harbor-bridge --export csv --db demo-out/claimgraph.db --out demo-out
	@echo
	@echo "One run per story; open demo-out/index.html (it links both reports):"
	@ls -1 demo-out/*/report.html demo-out/index.html | sed 's/^/  /'

test: deps
	cmake -S . -B $(TEST_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMGRAPH_SANITIZE=ON -DCLAIMGRAPH_TESTS=ON
	cmake --build $(TEST_DIR) -j $(JOBS)
	cd $(TEST_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: deps
	cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCLAIMGRAPH_TESTS=OFF -DCLAIMGRAPH_BENCH=ON
	cmake --build build/bench -j $(JOBS)

# libFuzzer targets of tests/fuzz (clang-14, ASan, UBSan): build/fuzz/tests/fuzz/fuzz_<target>.
# Run one with its seed corpus, e.g.
#   build/fuzz/tests/fuzz/fuzz_newsplease -max_total_time=3600 tests/fuzz/corpus/newsplease
fuzz: deps fuzz-deps
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	  -DCMAKE_CXX_COMPILER=clang++-14 -DCLAIMGRAPH_FUZZ=ON -DCLAIMGRAPH_TESTS=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS)

# The PNGs of the report's and the explorer's main views in docs/screenshots (the browser tests
# take them; the explorer's needs node and npm for playwright-core).
screenshots: release
	python3 tests/browser/report_browser_test.py --binary $(RELEASE_DIR)/io/claimgraph --screenshots docs/screenshots
	bash tests/io/serve/explorer_browser_test.sh $(RELEASE_DIR)/io/claimgraph $(CURDIR) build/browser $(CURDIR)/docs/screenshots

format:
	find graph engine io tests -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build demo-out
