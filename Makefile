# HRC Player: the two commands of the quick start, and a few more.
#   make run     install what is missing, build, play the bundled course
#   make test    install what is missing, build (plain and sanitized), run every test
#   make bench   run the benchmarks in bench/
#   make deb     build the Debian package (build-deb/hrc-player_*.deb) and lint it
# Everything real lives in CMake; this file only sets up and calls it.

DEB_PACKAGES := gcc make cmake pkg-config \
	libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev \
	libxml2-dev libxml2-utils libsqlite3-dev sqlite3 libsodium-dev libcmocka-dev \
	libespeak-ng-dev espeak-ng-data \
	libcurl4-openssl-dev ca-certificates redis-server nodejs openssl \
	gettext xvfb xdotool xauth x11-utils valgrind clang libclang-rt-14-dev \
	dpkg-dev lintian fonts-dejavu-core fonts-dejavu-extra man-db groff-base \
	desktop-file-utils appstream systemd procps util-linux python3 \
	cage xwayland grim fonts-material-design-icons-iconfont trang \
	libcairo2-dev libpango1.0-dev libqrencode-dev poppler-utils zbar-tools \
	imagemagick
COURSE ?= courses/human-rights-cities
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
DEB_BUILD ?= build-deb
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ARGS ?=

.PHONY: all deps build run test test-asan fuzz bench deb pot clean

all: build

# Installs missing Debian packages as root; otherwise prints the command.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "Missing Debian packages. Install them with:"; \
	    echo "  sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi
	@# npm comes with some builds of nodejs (NodeSource); Debian packages it apart.
	@if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian package: npm"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm; \
	  else \
	    echo "Missing npm. Install it with:"; echo "  sudo apt-get install npm"; exit 1; \
	  fi; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DHRC_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/hrc-player $(ARGS) $(COURSE)

# The plain build must compile without warnings; the tests run in the
# sanitized build, where any ASan or UBSan report fails them; then the
# plain build's player runs under valgrind (tests/memory/valgrind.sh). The short
# fuzz run comes first so that ctest's summary closes the output.
test: build
	@if command -v clang >/dev/null 2>&1; then $(MAKE) --no-print-directory fuzz; \
	  else echo "clang not found: skipping the fuzz run"; fi
	cmake -S . -B $(ASAN_BUILD) -DHRC_WERROR=ON -DHRC_SANITIZE=ON -DHRC_REQUIRE_TESTS=ON \
	  -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)
	tests/memory/valgrind.sh $(BUILD)/hrc-player $(COURSE); \
	  rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 77 ]

# A short libFuzzer run on the module loader. New inputs and any crash
# reproducer go to the build folder; the seeds in the source tree are read only.
fuzz:
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DHRC_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_loader
	mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/artifacts
	@echo "Fuzzing the module loader for $${FUZZ_SECONDS:-30} s (log: $(FUZZ_BUILD)/fuzz.log)"
	@./$(FUZZ_BUILD)/tests/fuzz_loader -max_total_time=$${FUZZ_SECONDS:-30} -rss_limit_mb=2048 \
	  -max_len=65536 -artifact_prefix=$(FUZZ_BUILD)/artifacts/ \
	  $(FUZZ_BUILD)/corpus tests/data/fuzz-corpus >$(FUZZ_BUILD)/fuzz.log 2>&1 \
	  && tail -n 1 $(FUZZ_BUILD)/fuzz.log \
	  || { tail -n 60 $(FUZZ_BUILD)/fuzz.log; echo "fuzzing found a problem: see $(FUZZ_BUILD)/artifacts/"; exit 1; }

bench: build
	bench/run $(BUILD)

# The .deb, built with Debian's compiler flags by cmake/build-deb.sh (CPack);
# lintian must find no error in it. Install it with
#   sudo apt-get install ./build-deb/hrc-player_*.deb
deb: deps
	@deb=$$(JOBS=$(JOBS) cmake/build-deb.sh $(DEB_BUILD)) && \
	  echo "Checking $$deb with lintian" && \
	  lintian --fail-on error --display-info --pedantic "$$deb" && \
	  echo "Package: $$deb"

# Refreshes locale/hrc-player.pot and merges it into locale/*.po. Needs
# only a configured tree, so translators can run it while the code is broken.
pot: deps
	cmake -S . -B $(BUILD) -DHRC_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) --target pot

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(DEB_BUILD)
