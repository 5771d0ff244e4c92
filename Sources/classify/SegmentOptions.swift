import ArgumentParser
import ClassifierCore

/// How input is cut into segments, shared by `run` and `segment`.
struct SegmentOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "How to cut segments: sentence, paragraph (blank-line separated when a blank line "
        + "separates text within the first 64 KiB, else lines), line or none.",
      valueName: "MODE"))
  var segment: SegmentationMode = .sentence

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Cut paragraphs longer than this many bytes (at whitespace when possible).",
      valueName: "BYTES"))
  var maxSegmentBytes: Int = 1 << 20

  @Argument(
    help: ArgumentHelp(
      "Files to read in order; standard input when none or '-'.", valueName: "FILE"))
  var files: [String] = []

  func validate() throws {
    guard maxSegmentBytes >= 1024 else {
      throw ValidationError("--max-segment-bytes must be at least 1024")
    }
  }

  var paths: [String] { files.isEmpty ? ["-"] : files }
}
