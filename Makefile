# The README's two commands: `make demo` and `make test`. Both install what is missing on a fresh
# Debian 12 machine, configure, build and run. Other targets are for developers.

DEB_PACKAGES := build-essential cmake pkg-config libboost-graph-dev libboost-program-options-dev \
                libeigen3-dev libsqlitecpp-dev libsqlite3-dev catch2 nlohmann-json3-dev \
                libcpp-httplib-dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_DIR := build/release
TEST_DIR := build/test

.PHONY: deps demo test build release bench clean format

# Installs only the packages that are not installed yet.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

release: deps
	cmake -S . -B $(RELEASE_DIR) -DCMAKE_BUILD_TYPE=Release -DCLAIMGRAPH_TESTS=OFF
	cmake --build $(RELEASE_DIR) -j $(JOBS)

build: release

demo: release
	rm -rf demo-out
	$(RELEASE_DIR)/io/claimgraph run samples/iraq-withdrawal samples/harbor-bridge --db demo-out/claimgraph.db --out demo-out
	@echo
	@echo "Reports written to demo-out/:"
	@ls -1 demo-out | sed 's/^/  demo-out\//'

test: deps
	cmake -S . -B $(TEST_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMGRAPH_SANITIZE=ON -DCLAIMGRAPH_TESTS=ON
	cmake --build $(TEST_DIR) -j $(JOBS)
	cd $(TEST_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: deps
	cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCLAIMGRAPH_TESTS=OFF -DCLAIMGRAPH_BENCH=ON
	cmake --build build/bench -j $(JOBS)

format:
	find graph engine io tests -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build demo-out
