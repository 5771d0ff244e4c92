import Benchmark
import MallocInterposerSwift

extension BenchmarkMetric {
  /// Megabytes (10^6 bytes) of input per second.
  static let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger)
  /// Segments per second.
  static let segmentsPerSecond = BenchmarkMetric.custom("segments/s", polarity: .prefersLarger)
  /// Allocations (malloc calls) in the measured part per 1,000 segments, rounded up: a whole
  /// number however few there are.
  static let allocationsPerThousandSegments = BenchmarkMetric.custom(
    "allocations per 1k segments", polarity: .prefersSmaller)
}

extension Benchmark {
  /// Measures `body`, which processes `bytes` bytes of input and returns how many segments it
  /// handled, and reports MB/s, segments/s and allocations per 1,000 segments.
  ///
  /// Allocations are read from the malloc interposer's counters just around `body`, so nothing of
  /// the harness is counted. The interposer counts only while the harness measures a malloc metric
  /// (after the warm-up iteration): every benchmark's configuration includes `.mallocCountTotal`.
  func measure(bytes: Int, _ body: () -> Int) {
    startMeasurement()
    let mallocsBefore = MallocInterposerSwift.getStatistics().mallocCount
    let start = ContinuousClock.now
    let segments = body()
    let elapsed = start.duration(to: .now)
    let mallocs = MallocInterposerSwift.getStatistics().mallocCount - mallocsBefore
    stopMeasurement()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    measurement(.megabytesPerSecond, Int((Double(bytes) / 1e6 / seconds).rounded()))
    measurement(.segmentsPerSecond, Int((Double(segments) / seconds).rounded()))
    measurement(
      .allocationsPerThousandSegments,
      Int((Double(mallocs) * 1_000 / Double(max(segments, 1))).rounded(.up)))
  }
}
