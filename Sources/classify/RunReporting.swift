import ArgumentParser
import ClassifierCore

extension ClassificationRun.Report {
  /// Prints the end-of-run summary to standard error and turns the report into an exit status:
  /// 0, or 1 when a file could not be read or output failed (a closed pipe is not a failure).
  /// After a stop signal, the process ends by that signal once the summary is written.
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
        "text without a paragraph break ran past the segment limit of \(maximumSegmentBytes) bytes (--max-segment-bytes) and was cut there \(Diagnostics.count(cutSegments, "time"))"
      )
    }
    if replacedSequences > 0 {
      Diagnostics.report(
        "\(Diagnostics.count(replacedSequences, "invalid UTF-8 sequence")) in the input \(replacedSequences == 1 ? "was" : "were") written as U+FFFD in the output text; start and end are offsets in the original bytes"
      )
    }
    if isStopped, let signal = StopSignals.receivedName {
      Diagnostics.report(
        "stopped by \(signal) after \(Diagnostics.count(segments, "segment")); the output ends with a whole line"
      )
    }
    if case .failed = outputError {
      Diagnostics.report("cannot write output: \(outputError!)")
      throw ExitCode(ExitStatus.ioError)
    }
    StopSignals.endByReceivedSignal()
    if !inputErrors.isEmpty { throw ExitCode(ExitStatus.ioError) }
  }
}
