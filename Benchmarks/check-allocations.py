#!/usr/bin/env python3
"""Prints the figures of a benchmark run and fails when a benchmark allocates more per segment
than the committed baseline allows (`make bench-ci`; timings never fail it).

    check-allocations.py RESULTS_DIR BASELINE_FILE

RESULTS_DIR holds what `swift package benchmark --format metricP90AbsoluteThresholds --path
RESULTS_DIR` wrote: one `TARGET.BENCHMARK.p90.json` per benchmark, mapping each metric to its
90th percentile. The allocation figure is the same in every iteration (counted after a warm-up),
so its percentile is the figure itself.

BASELINE_FILE has a line `BENCHMARK MAXIMUM` per benchmark: the most allocations per segment
allowed. `#` starts a comment. Every benchmark run must have a line and every line a benchmark,
so that a renamed or new benchmark cannot go unchecked.

Exit status: 0 when every benchmark is within its baseline, 1 otherwise, 2 for unusable input.
"""

from __future__ import annotations

import json
import os
import sys

ALLOCATIONS = "allocations per 1k segments"


def read_results(directory: str) -> dict[str, dict[str, int]]:
    """Each benchmark's metrics, by benchmark name (the file name without target and suffix)."""
    results = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".p90.json"):
            benchmark = name[: -len(".p90.json")].split(".", 1)[-1]
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                results[benchmark] = json.load(handle)
    return results


def read_baseline(path: str) -> dict[str, float]:
    baseline = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            fields = line.split("#", 1)[0].split()
            if not fields:
                continue
            if len(fields) != 2:
                sys.exit(f"{path}:{number}: expected 'BENCHMARK MAXIMUM', got {line.strip()!r}")
            try:
                baseline[fields[0]] = float(fields[1])
            except ValueError:
                sys.exit(f"{path}:{number}: {fields[1]!r} is not a number")
    return baseline


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    results = read_results(sys.argv[1])
    baseline = read_baseline(sys.argv[2])
    if not results:
        print(f"no benchmark results (*.p90.json) in {sys.argv[1]}", file=sys.stderr)
        return 2

    failures = []
    columns = ("MB/s", "segments/s", "allocations/segment", "allowed")
    width = max(len("benchmark"), *map(len, results))
    print(f"{'benchmark':<{width}} {columns[0]:>8} {columns[1]:>12} {columns[2]:>20} {columns[3]:>9}")
    for benchmark, metrics in results.items():
        allocations = metrics.get(ALLOCATIONS)
        if allocations is None:
            failures.append(f"{benchmark}: no '{ALLOCATIONS}' figure")
            continue
        per_segment = allocations / 1000
        allowed = baseline.get(benchmark)
        verdict = ""
        if allowed is None:
            failures.append(f"{benchmark}: not in the baseline file")
            verdict = "  no baseline"
        elif per_segment > allowed:
            failures.append(
                f"{benchmark}: {per_segment:.3f} allocations per segment, over {allowed:g}"
            )
            verdict = "  OVER"
        print(
            f"{benchmark:<{width}} {metrics.get('MB/s', 0):>8} {metrics.get('segments/s', 0):>12} "
            f"{per_segment:>20.3f} {'-' if allowed is None else f'{allowed:g}':>9}{verdict}"
        )
    for benchmark in sorted(set(baseline) - set(results)):
        failures.append(f"{benchmark}: in the baseline file but not run")
    print("(MB/s and segments/s: the 90th percentile of this short run's iterations; not checked)")

    if failures:
        print("\nAllocation check failed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        print(f"Fix the regression, or update {sys.argv[2]} on purpose.", file=sys.stderr)
        return 1
    print("Allocation check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
