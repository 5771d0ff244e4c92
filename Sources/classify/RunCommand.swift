import ArgumentParser
import ClassifierCore
import Glibc

/// `classify [FILE...]`: classify text, one output record per segment.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Classify text (the default command).",
    discussion: """
      Examples:
        classify < article.txt
        classify --explain --format text article.txt
        classify --segment paragraph --format tsv *.txt
        classify --rules my-rules/ - < article.txt

      JSON lines (default): {"doc":1,"seg":0,"start":0,"end":57,"text":"...",\
      "labels":["enforcement"],"scores":{"enforcement":4.5,"policy":0,...}}; --explain adds \
      "evidence":[{"rule":"category/id","weight":3,"start":..,"end":..,"text":"..."}]. \
      start and end are byte offsets in the document; doc counts input files from 1.
      """
  )

  @OptionGroup var ruleOptions: RuleOptions
  @OptionGroup var segmentOptions: SegmentOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
      valueName: "FORMAT"))
  var format: OutputFormat = .jsonl

  @Flag(
    name: .long, help: "Add the evidence for each score: rules fired, weights and matched bytes.")
  var explain = false

  @Option(name: .long, help: "Colour in the text format: auto (on a terminal), always, never.")
  var color: ColorChoice = .auto

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Threads that classify (default: the number of processors); output stays in input order.",
      valueName: "N"))
  var threads: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

  func validate() throws {
    guard (1...256).contains(threads) else {
      throw ValidationError("--threads must be between 1 and 256")
    }
  }

  func run() throws {
    let classifier = try ruleOptions.loadClassifier()
    let options = ClassificationRun.Options(
      mode: segmentOptions.segment, format: format, explain: explain, color: useColor,
      maximumSegmentBytes: segmentOptions.maxSegmentBytes, threads: threads)
    StopSignals.install()
    let report = ClassificationRun(
      classifier: classifier, options: options, isStopRequested: StopSignals.isReceived
    ).run(
      paths: segmentOptions.paths, output: .standardOutput,
      inputError: { Diagnostics.report("\($0)") })
    try report.finish(rules: classifier.rules, maximumSegmentBytes: segmentOptions.maxSegmentBytes)
  }

  private var useColor: Bool {
    switch color {
    case .always: return true
    case .never: return false
    case .auto:
      let term = getenv("TERM").map { String(cString: $0) }
      return isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil && term != "dumb"
    }
  }
}
