import Foundation
import Testing

@Suite("--format tsv and --format text")
struct OutputFormatTests {
  @Test("tsv writes doc, seg, comma-joined labels and the text, one line per segment")
  func tsvColumns() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      ["--rules", rules, "--format", "tsv"],
      stdin: "The minister said the budget was jailed. Nothing here.\n")
    #expect(result.succeeded)
    #expect(
      result.lines == [
        "1\t0\tenforcement,policy,quote\tThe minister said the budget was jailed.",
        "1\t1\t\tNothing here.",
      ])
  }

  @Test("tsv escapes tabs, newlines, carriage returns and backslashes in the text")
  func tsvEscapes() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      ["--rules", rules, "--format", "tsv", "--segment", "paragraph"],
      stdin: "a\tb\\c\r\nd said\n\nnext\u{0}one\n")
    #expect(result.succeeded)
    #expect(result.lines == [#"1\#t0\#tquote\#ta\tb\\c\r\nd said"#, #"1\#t1\#t\#tnext\u0000one"#])
    for line in result.lines {
      #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 4)
    }
  }

  @Test("text is readable and has no ANSI colour when output is not a terminal")
  func textWithoutColour() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      ["--rules", rules, "--format", "text", "--explain"],
      stdin: "Police arrested him. Nothing here.\n", environment: ["TERM": "xterm-256color"])
    #expect(result.succeeded)
    #expect(!result.stdout.contains(0x1B))
    #expect(result.lines.first?.contains("[enforcement]") == true)
    #expect(result.lines.first?.contains("Police arrested him.") == true)
    #expect(result.output.contains("enforcement/police-action"))
    #expect(result.output.contains("Nothing here."))
  }

  @Test("--color always colours the text format; --color never does not")
  func colourChoice() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let input = "Police arrested him.\n"
    let always = try CLI.run(
      ["--rules", rules, "--format", "text", "--color", "always"], stdin: input)
    #expect(always.succeeded)
    #expect(always.output.contains("\u{1B}["))
    #expect(always.output.contains("enforcement"))
    let never = try CLI.run(
      ["--rules", rules, "--format", "text", "--color", "never"], stdin: input)
    #expect(never.succeeded)
    #expect(!never.stdout.contains(0x1B))
  }

  @Test("control characters in the input never reach the terminal in the text format")
  func textNeutralisesControlCharacters() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      ["--rules", rules, "--format", "text"], stdin: "Red \u{1B}[31malert\u{7}\u{0} said.\n")
    #expect(result.succeeded)
    #expect(!result.stdout.dropLast().contains { $0 < 0x20 || $0 == 0x7F })
    #expect(String(validating: result.stdout, as: UTF8.self) != nil)
    #expect(result.output.contains("alert"))
  }

  @Test("the tsv and text formats turn invalid UTF-8 into U+FFFD", arguments: ["tsv", "text"])
  func repairedUTF8(format: String) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      ["--rules", rules, "--format", format], stdin: [0xFF] + Array(" was jailed.\n".utf8))
    #expect(result.succeeded)
    let text = try #require(String(validating: result.stdout, as: UTF8.self))
    #expect(text.contains("\u{FFFD} was jailed."))
  }
}
