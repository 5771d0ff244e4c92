# classify: build, demo and test. Both entry points install libpcre2-dev when pkg-config cannot
# find libpcre2-8 (apt-get; sudo when not root).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FORMAT_PATHS := Package.swift Sources Tests Plugins Fuzz/Package.swift Fuzz/Sources Benchmarks/Package.swift \
	Benchmarks/Benchmarks

.PHONY: demo test build deps lint format clean throughput eval fuzz bench bench-ci

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

# Whole-process throughput on 50 MB made by repeating our example articles; prints MB/s (one
# thread, then the default: one per processor).
THROUGHPUT_INPUT := .build/throughput-input.txt
throughput: build
	@if [ ! -f $(THROUGHPUT_INPUT) ]; then \
		for i in $$(seq 11500); do cat Examples/press-release.txt Examples/council-report.txt; echo; done > $(THROUGHPUT_INPUT); \
	fi
	@bytes=$$(wc -c < $(THROUGHPUT_INPUT)); \
	for command in "classify --threads 1" "classify" "classify segment" "classify --segment paragraph"; do \
		start=$$(date +%s.%N); .build/release/$$command < $(THROUGHPUT_INPUT) > /dev/null; end=$$(date +%s.%N); \
		awk -v b=$$bytes -v s=$$start -v e=$$end -v c="$$command" \
			'BEGIN { printf "%-30s %6.1f MB in %5.2f s: %6.1f MB/s\n", c, b / 1e6, e - s, b / 1e6 / (e - s) }'; \
	done

# classify against two peers with the same rule semantics (Benchmarks/peers/README.md): a Python
# reference on `re` and a Hyperscan peer, on BENCH_CORPUS (default: ~20 MB of Examples/ repeated,
# made once in .build/bench-compare/). Prints MB/s, ratios, how many rules the peers could not
# translate, and how often their labels agree with classify's. Takes three to five minutes.
BENCH_CORPUS ?=
.PHONY: bench-compare
bench-compare: build
	-@python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore pyyaml hyperscan
	python3 Benchmarks/peers/compare.py --classify .build/release/classify $(if $(BENCH_CORPUS),--corpus $(BENCH_CORPUS))

# Fuzzing: the libFuzzer targets of Fuzz/ (a package of its own), built with AddressSanitizer
# and libFuzzer's coverage instrumentation, each run for FUZZ_SECONDS on its seeds
# (Fuzz/Seeds/TARGET) and on what earlier runs found (Fuzz/.build-fuzz/corpus/TARGET, not
# committed). Fails when a target crashes or breaks an invariant; the input is then saved in
# Fuzz/.build-fuzz/artifacts/TARGET/ and the log in Fuzz/.build-fuzz/TARGET.log. FUZZ_OPTIONS
# passes more libFuzzer flags.
FUZZ_SECONDS ?= 60
FUZZ_OPTIONS ?=
FUZZ_TARGETS := FuzzSegmenter FuzzRuleLoader FuzzClassification
FUZZ_SCRATCH := .build-fuzz
FUZZ_BUILD_FLAGS := -c debug --scratch-path $(FUZZ_SCRATCH) -Xswiftc -sanitize=address \
	-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp,indirect-calls \
	-Xswiftc -use-ld=lld

fuzz: deps
	cd Fuzz && for target in $(FUZZ_TARGETS); do \
		$(SWIFT) build $(FUZZ_BUILD_FLAGS) --product $$target || exit 1; \
	done
	@cd Fuzz && failed=""; for target in $(FUZZ_TARGETS); do \
		case $$target in \
			FuzzSegmenter) options="-max_len=16384 -dict=Dictionaries/text.dict";; \
			FuzzRuleLoader) options="-max_len=4096 -dict=Dictionaries/rules.dict";; \
			FuzzClassification) options="-max_len=8192 -dict=Dictionaries/text.dict";; \
		esac; \
		mkdir -p $(FUZZ_SCRATCH)/corpus/$$target $(FUZZ_SCRATCH)/artifacts/$$target; \
		echo "== $$target: $(FUZZ_SECONDS) s (log: Fuzz/$(FUZZ_SCRATCH)/$$target.log)"; \
		if SWIFT_BACKTRACE=enable=no $(FUZZ_SCRATCH)/debug/$$target $$options \
			-max_total_time=$(FUZZ_SECONDS) -timeout=30 -print_final_stats=1 $(FUZZ_OPTIONS) \
			-artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$target/ \
			$(FUZZ_SCRATCH)/corpus/$$target Seeds/$$target > $(FUZZ_SCRATCH)/$$target.log 2>&1; \
		then \
			grep -E '^(Done|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb))' \
				$(FUZZ_SCRATCH)/$$target.log; \
		else \
			grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' $(FUZZ_SCRATCH)/$$target.log | tail -n 40; \
			failed="$$failed $$target"; \
		fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi

# Throughput benchmarks (Benchmarks/, a package of its own, with ordo-one/benchmark) on generated
# news text: segmentation, classification of segmented text, and the whole path from a file to
# JSON lines, with the stock rules and generated rule sets of 100, 1,000 and 10,000 rules; each
# reports MB/s, segments/s and allocations per 1,000 segments. `make bench` is the full run:
# CLASSIFY_BENCH_MB (default 20) megabytes of input, up to CLASSIFY_BENCH_ITERATIONS (default 20)
# iterations or 30 s of each benchmark. `make bench-ci` is a short pass (2 MB, 3 iterations) that
# prints the figures and fails when a benchmark makes more allocations per segment than
# Benchmarks/allocation-baseline.txt allows; timings never fail it. The first build takes a few
# minutes.
BENCH_CI_RESULTS := .build/bench-ci-results

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark --no-progress

bench-ci: deps
	rm -rf Benchmarks/$(BENCH_CI_RESULTS)
	cd Benchmarks && CLASSIFY_BENCH_MB=2 CLASSIFY_BENCH_ITERATIONS=3 $(SWIFT) package \
		--allow-writing-to-package-directory benchmark --no-progress \
		--format metricP90AbsoluteThresholds --path $(BENCH_CI_RESULTS)
	python3 Benchmarks/check-allocations.py Benchmarks/$(BENCH_CI_RESULTS) \
		Benchmarks/allocation-baseline.txt
