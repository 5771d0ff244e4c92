# classify: build, demo and test. Both entry points install libpcre2-dev when pkg-config cannot
# find libpcre2-8 (apt-get; sudo when not root).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FORMAT_PATHS := Package.swift Sources Tests Plugins

.PHONY: demo test build deps lint format clean throughput eval

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
	@echo "The third paragraph of the press release as JSON lines, with evidence:"
	@sed -n 3p Examples/press-release.txt | .build/release/classify --explain

lint:
	$(SWIFT) format lint --strict -r $(FORMAT_PATHS)

format:
	$(SWIFT) format format -i -r $(FORMAT_PATHS)

test: deps lint
	$(SWIFT) test

clean:
	rm -rf .build

# Accuracy of the stock rules on our labelled corpus: dev (rules are written against it) and
# test (never used to write or tune them).
eval: build
	@for split in dev test; do \
		echo "== Corpus/$$split.jsonl"; .build/release/classify eval --gold Corpus/$$split.jsonl | sed -n '1,6p'; echo; \
	done

# Whole-process throughput on 50 MB made by repeating our example articles; prints MB/s.
THROUGHPUT_INPUT := .build/throughput-input.txt
throughput: build
	@if [ ! -f $(THROUGHPUT_INPUT) ]; then \
		for i in $$(seq 11500); do cat Examples/press-release.txt Examples/council-report.txt; echo; done > $(THROUGHPUT_INPUT); \
	fi
	@bytes=$$(wc -c < $(THROUGHPUT_INPUT)); \
	for command in "classify" "classify segment" "classify --segment paragraph"; do \
		start=$$(date +%s.%N); .build/release/$$command < $(THROUGHPUT_INPUT) > /dev/null; end=$$(date +%s.%N); \
		awk -v b=$$bytes -v s=$$start -v e=$$end -v c="$$command" \
			'BEGIN { printf "%-30s %6.1f MB in %5.2f s: %6.1f MB/s\n", c, b / 1e6, e - s, b / 1e6 / (e - s) }'; \
	done
