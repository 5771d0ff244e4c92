import Foundation
import Testing

@Suite("Pipes: closed output and streaming input")
struct StreamingTests {
  @Test(
    "when the reader closes the output pipe, classify exits 0 quietly",
    arguments: ["jsonl", "text with evidence", "segment"])
  func closedOutput(output: String) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    var text = ""
    for index in 0..<50_000 {
      text += "Line \(index): police arrested a man who said he was jailed.\n"
    }
    let input = try directory.write("big.txt", text)  // about 3 MB
    let arguments: [String]
    switch output {
    case "segment": arguments = ["segment", "--segment", "line", input]
    case "jsonl": arguments = ["--rules", rules, "--segment", "line", input]
    default:
      arguments = ["--rules", rules, "--segment", "line", "--format", "text", "--explain", input]
    }
    let running = try CLI.start(arguments)
    let first = try running.readLine()
    #expect(first?.contains("Line 0") == true)
    try running.closeOutput()
    let result = try running.finish()
    #expect(result.exited, "killed by signal \(result.status)")
    #expect(result.status == 0)
    #expect(result.errors == "")
  }

  @Test("output for a complete line is written before standard input ends")
  func streamsLines() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let running = try CLI.start(["--rules", rules, "--segment", "line"])
    try running.write("first line was jailed\n")
    let first = try running.readLine()
    let record = try JSONLines.decode(Array((first ?? "").utf8)).first
    #expect(record?.text == "first line was jailed")
    #expect(record?.labels == ["enforcement"])
    try running.write("second line")
    try running.closeInput()
    let rest = try running.finish()
    #expect(rest.succeeded)
    #expect(try rest.records().map(\.text) == ["second line"])
  }

  @Test("a paragraph followed by a blank line is classified before standard input ends")
  func streamsParagraphs() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let running = try CLI.start(["--rules", rules])
    try running.write("The first paragraph. It was jailed.\n\nThe second")
    let first = try running.readLine()
    #expect(try JSONLines.decode(Array((first ?? "").utf8)).map(\.text) == ["The first paragraph."])
    try running.write(" paragraph.\n")
    try running.closeInput()
    let rest = try running.finish()
    #expect(rest.succeeded)
    #expect(try rest.records().map(\.text) == ["It was jailed.", "The second paragraph."])
  }
}
