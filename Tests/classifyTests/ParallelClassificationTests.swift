import Foundation
import Testing

@Suite("--threads: parallel classification keeps the output of one thread")
struct ParallelClassificationTests {
  /// A document of about 600 KB, several batches long, whose quotations run across segments and
  /// paragraphs, so that batches start inside quotations and after segments whose rules look at
  /// the next one.
  static func longDocument() throws -> String {
    let examples = try ["press-release.txt", "council-report.txt"].map {
      try String(
        contentsOf: CLI.packageRoot.appendingPathComponent("Examples/\($0)"), encoding: .utf8)
    }
    var text = ""
    for index in 0..<120 {
      text += examples[index % 2] + "\n\n"
      text += "“The first sentence of a long quotation. The second one, number \(index), "
      text += "goes on. The third ends it,” the officer said:\n\n“Another paragraph opens.\n\n"
    }
    return text
  }

  @Test(
    "every thread count writes the same bytes as one thread, in input order",
    arguments: [
      ["--explain"], ["--explain", "--format", "text"], ["--format", "tsv"],
      ["--explain", "--segment", "paragraph"], ["--segment", "line"],
    ])
  func sameOutput(options: [String]) throws {
    let directory = try TemporaryDirectory()
    let long = try directory.write("long.txt", Self.longDocument())
    let short = try directory.write("short.txt", "A man was arrested. “It was”\n\nhe said.")
    let files = [long, short, long]
    let one = try CLI.run(["--threads", "1"] + options + files)
    #expect(one.succeeded)
    #expect(one.lines.count > 1_000)
    for threads in ["2", "3", "8"] {
      let many = try CLI.run(["--threads", threads] + options + files)
      #expect(many.succeeded)
      #expect(many.stdout == one.stdout, "--threads \(threads) \(options)")
      #expect(many.errors == one.errors)
    }
  }

  @Test("with several threads, output for a complete line is written before standard input ends")
  func streams() throws {
    let running = try CLI.start(["--threads", "2", "--segment", "line"])
    try running.write("The man was jailed for six years.\n")
    let first = try running.readLine()
    #expect(
      try JSONLines.decode(Array((first ?? "").utf8)).map(\.text) == [
        "The man was jailed for six years."
      ])
    try running.write("A second line.")
    try running.closeInput()
    let rest = try running.finish()
    #expect(rest.succeeded)
    #expect(try rest.records().map(\.text) == ["A second line."])
  }

  @Test("a thread count outside 1...256 is a usage error", arguments: ["0", "-1", "257"])
  func invalidCount(count: String) throws {
    let result = try CLI.run(["--threads=\(count)"], stdin: "text")
    #expect(result.status == 2)
    #expect(result.errors.contains("--threads"))
  }
}
