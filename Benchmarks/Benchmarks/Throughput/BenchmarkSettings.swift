import Glibc

/// What the environment asks of a run: `CLASSIFY_BENCH_MB`, the input's size in megabytes
/// (10^6 bytes; default 20), and `CLASSIFY_BENCH_ITERATIONS`, the most measured iterations of each
/// benchmark (default 20; each benchmark also stops after 30 s of measuring).
enum BenchmarkSettings {
  static let inputBytes = Int(number("CLASSIFY_BENCH_MB", default: 20) * 1_000_000)
  static let maximumIterations = Int(number("CLASSIFY_BENCH_ITERATIONS", default: 20))

  private static func number(_ name: String, default value: Double) -> Double {
    guard let text = getenv(name).map({ String(cString: $0) }), !text.isEmpty else { return value }
    guard let number = Double(text), number > 0 else {
      fatalError("\(name) must be a positive number, not '\(text)'")
    }
    return number
  }
}
