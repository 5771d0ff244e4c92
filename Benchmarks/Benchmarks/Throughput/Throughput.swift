import Benchmark
import ClassifierCore
import Foundation

/// The throughput benchmarks, on `BenchmarkInput.shared` (see `BenchmarkSettings` for its size):
///
/// - `segment`: cutting the text into sentences with `StreamingSegmenter`, fed 64 KiB at a time;
/// - `classify-RULES`: classifying the segments, cut beforehand, in document order with one
///   reused workspace;
/// - `run-RULES`: the whole path from a file to JSON lines on /dev/null (`ClassificationRun`), on
///   one thread; `run-stock-2-threads` the same with two worker threads.
///
/// RULES is `stock` or the size of a generated rule set (100, 1000, 10000). Each reports MB/s,
/// segments/s and allocations per 1,000 segments.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [
      .wallClock, .mallocCountTotal, .megabytesPerSecond, .segmentsPerSecond,
      .allocationsPerThousandSegments,
    ],
    warmupIterations: 1,
    maxDuration: .seconds(30),
    maxIterations: BenchmarkSettings.maximumIterations)

  Benchmark("segment") { benchmark in
    let input = BenchmarkInput.shared
    benchmark.measure(bytes: input.text.count) {
      var segmenter = StreamingSegmenter(mode: .sentence)
      var segments = 0
      var bytes = 0
      BenchmarkInput.feed(input.text, to: &segmenter) { segment in
        segments += 1
        bytes &+= segment.bytes.count
      }
      blackHole(bytes)
      return segments
    }
  }

  for rules in RuleChoice.all {
    Benchmark(
      "classify-\(rules.name)",
      closure: { benchmark, fixture in
        let input = BenchmarkInput.shared
        benchmark.measure(bytes: input.text.count) {
          input.text.withUnsafeBufferPointer { text in
            for segment in input.segments {
              fixture.classifier.classify(
                UnsafeBufferPointer(rebasing: text[segment.range]), after: segment.boundary,
                in: &fixture.workspace)
            }
          }
          return input.segments.count
        }
      },
      setup: { try ClassificationFixture(rules) })

    runBenchmark(rules, threads: 1)
  }

  // The whole path with the stock rules on two worker threads, to set against `run-stock`.
  runBenchmark(RuleChoice.all[0], threads: 2)
}

/// `run-RULES` (`-N-threads` with more than one): the whole path from a file to JSON lines.
private func runBenchmark(_ rules: RuleChoice, threads: Int) {
  let name = "run-\(rules.name)" + (threads > 1 ? "-\(threads)-threads" : "")
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("classify-bench-\(getpid())-\(name).txt").path
  Benchmark(
    name,
    configuration: .init(teardown: { try? FileManager.default.removeItem(atPath: path) }),
    closure: { benchmark, fixture in
      benchmark.measure(bytes: BenchmarkInput.shared.text.count) {
        let run = ClassificationRun(
          classifier: fixture.classifier, options: .init(threads: threads))
        let report = run.run(paths: [fixture.path], output: RunFixture.output) { error in
          benchmark.error("\(error)")
        }
        return report.segments
      }
    },
    setup: { try RunFixture(rules, path: path) })

}
