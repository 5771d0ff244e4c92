import ArgumentParser
import ClassifierCore

/// `classify segment`: show how text is cut into segments.
struct SegmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Cut text into segments without classifying it.",
    discussion: """
      Writes one JSON line per segment: {"doc":1,"seg":0,"start":0,"end":57,"text":"..."}.

      Examples:
        classify segment < article.txt
        classify segment --segment paragraph a.txt b.txt
      """
  )

  @OptionGroup var segmentOptions: SegmentOptions

  func run() throws {
    let options = ClassificationRun.Options(
      mode: segmentOptions.segment, format: .jsonl,
      maximumSegmentBytes: segmentOptions.maxSegmentBytes)
    StopSignals.install()
    let report = ClassificationRun(
      classifier: nil, options: options, isStopRequested: StopSignals.isReceived
    ).run(
      paths: segmentOptions.paths, output: .standardOutput,
      inputError: { Diagnostics.report("\($0)") })
    try report.finish(rules: [], maximumSegmentBytes: segmentOptions.maxSegmentBytes)
  }
}
