import ArgumentParser
import ClassifierCore

extension ClassificationRun.Report {
  /// Prints the end-of-run summary to standard error and turns the report into an exit status:
  /// 0, or 1 when a file could not be read or output failed (a closed pipe is not a failure).
  func finish(rules: [Classifier.Rule], maximumSegmentBytes: Int) throws {
    let failed = failedSearches.enumerated().filter { $0.element > 0 }
    if !failed.isEmpty {
      let total = failed.map(\.element).reduce(0, +)
      let list = failed.map { "\(rules[$0.offset].name) (\($0.element))" }.joined(separator: ", ")
      Diagnostics.report(
        "\(total) pattern search\(total == 1 ? "" : "es") in \(segmentsWithFailedSearches) segment\(segmentsWithFailedSearches == 1 ? "" : "s") stopped at a PCRE2 limit and added nothing: \(list); see --explain, raise --match-limit or simplify the pattern"
      )
    }
    if cutSegments > 0 {
      Diagnostics.report(
        "\(cutSegments) paragraph\(cutSegments == 1 ? " was" : "s were") longer than \(maximumSegmentBytes) bytes and cut (--max-segment-bytes)"
      )
    }
    if case .failed = outputError {
      Diagnostics.report("cannot write output: \(outputError!)")
      throw ExitCode(ExitStatus.ioError)
    }
    if !inputErrors.isEmpty { throw ExitCode(ExitStatus.ioError) }
  }
}
