# classify: build, demo and test. Both entry points install libpcre2-dev when pkg-config cannot
# find libpcre2-8 (apt-get; sudo when not root).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FORMAT_PATHS := Package.swift Sources Tests Plugins

.PHONY: demo test build deps lint format clean

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libpcre2-8; then \
		echo "Installing libpcre2-dev (PCRE2, the regular-expression library classify uses)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libpcre2-dev; \
	fi

build: deps
	$(SWIFT) build -c release --product classify

demo: build
	.build/release/classify --format text Examples/press-release.txt Examples/council-report.txt
	@echo
	@echo "One segment as JSON, with evidence:"
	@head -c 400 Examples/press-release.txt | .build/release/classify --explain | sed -n 3p

lint:
	$(SWIFT) format lint --strict -r $(FORMAT_PATHS)

format:
	$(SWIFT) format format -i -r $(FORMAT_PATHS)

test: deps lint
	$(SWIFT) test

clean:
	rm -rf .build
