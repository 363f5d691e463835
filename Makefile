# folio — the two commands: `make site` builds the bundled report into Output/, `make test` runs every test.
SWIFT ?= swift
APT_PACKAGES := libcmark-dev libsqlite3-dev libjemalloc-dev libcurl4-openssl-dev cmark libxml2-utils weasyprint poppler-utils fonts-noto-cjk faketime
RELEASE_BIN := .build/release/folio
# The release binaries link the Swift runtime and Foundation statically, which took about 6 ms (a third) off the start
# of every build, the largest fixed cost of a small rebuild. FoundationNetworking, pulled in by the preview server's
# FlyingFox, needs libcurl's development files; it is linked into `folio-serve` only, so `folio` maps 9 shared
# libraries at start instead of 39 (libcurl and what it needs), another 7 ms off each build.
# The toolchain's lld links it: gold warns about a `mktemp` call inside the static Foundation.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -use-ld=lld
# Two executables: `folio`, and `folio-serve`, to which `folio serve` and `folio build --watch` are handed.
RELEASE_BUILD := $(SWIFT) build $(RELEASE_FLAGS) --product folio && $(SWIFT) build $(RELEASE_FLAGS) --product folio-serve

.PHONY: site test deps build lint embed check-embed clean

## Install the Debian packages folio needs (libcmark, libsqlite3, jemalloc and libcurl to build; WeasyPrint and the Noto CJK fonts
## for the report's PDF; cmark, xmllint, poppler-utils and faketime for tests), when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## Build the bundled report (Content/ + Templates/) into Output/, with its PDF in each language (report.pdf, report.zh.pdf).
site: deps
	$(RELEASE_BUILD)
	$(RELEASE_BIN) build --pdf

## Every test: embedded files in sync, lint, then the Swift Testing suites.
test: deps check-embed lint
	$(SWIFT) build --build-tests
	# Serial: the preview-server tests need the async executor, which parallel tests that wait on
	# subprocesses can starve on a 2-core machine.
	$(SWIFT) test --skip-build --disable-xctest --no-parallel

build: deps
	$(SWIFT) build

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

## Regenerate the theme and starter built into the binary (after editing Templates/ or the starter).
embed:
	python3 scripts/embed-files.py

check-embed:
	@python3 scripts/embed-files.py --check || { echo "Sources/Folio/Site/EmbeddedFiles.swift is stale: run 'make embed'"; exit 1; }

clean:
	rm -rf .build Output

.PHONY: e2e
## End-to-end suite (e2e/): the release build's Output/ and the `folio new` starter under nginx, headless Chromium,
## axe-core, the Nu HTML Checker, xmllint, linkchecker and folio check; then a broken copy that must fail.
## Installs its Debian and PyPI tools first (e2e/setup.sh), skipping what is there; runs `make site` if Output/ is missing.
e2e: deps
	bash e2e/setup.sh
	.artifacts/e2e-venv/bin/python e2e/suite.py

.PHONY: bench
## Benchmark (bench/, issue 5 "Speed"): folio vs Hugo vs one `cmark --smart` run at 1k and 10k pages, folio's charts vs
## matplotlib's, rebuilds at 1k pages, the SQL stage vs the sqlite3 shell (issue 11); wall, CPU and peak memory, each
## target with its ratio and PASS/FAIL. Installs hugo, cmark, sqlite3 and time (Debian) and matplotlib (PyPI, into
## bench/.venv) when missing. Options: BENCH_ARGS=..., e.g. BENCH_ARGS="--only sql"; BENCH_ARGS="--scale" adds the
## 100k-page run of issue 14 (full build, no-op, one-article edit; about 4 minutes more).
bench: deps
	$(RELEASE_BUILD)
	bash bench/setup.sh
	bench/.venv/bin/python bench/run.py $(BENCH_ARGS)

.PHONY: fuzz
## libFuzzer targets (Fuzz/, a separate package that `make test` never builds), built with ASan; each runs for
## FUZZ_SECONDS on a temporary copy of its seed corpus (Fuzz/Corpus/). Prints executions and crashes per target and
## fails if any crashed. FUZZ_TARGETS="FuzzCSV FuzzYAML" runs only some; crash inputs are kept in FUZZ_ARTIFACTS.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) bash Fuzz/scripts/run-fuzzers.sh
