import Foundation
import Testing

@Suite("Exit status and messages")
struct ExitStatusTests {
  @Test(
    "usage errors exit 2 with a message on stderr and nothing on stdout",
    arguments: [
      ["--bogus"],
      ["--segment", "bogus"],
      ["--format", "xml"],
      ["--color", "sometimes"],
      ["--match-limit", "lots"],
      ["--max-segment-bytes", "10"],
      ["segment", "--segment", "bogus"],
      ["segment", "--explain"],
      ["check", "--nope"],
      ["check", "extra-argument"],
      ["eval"],
      ["eval", "gold.jsonl"],
      ["eval", "--gold", "gold.jsonl", "--mistakes"],
    ])
  func usageErrors(arguments: [String]) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      arguments, stdin: "He was jailed.\n", environment: ["CLASSIFY_RULES": rules])
    #expect(result.exited && result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(!result.stderr.isEmpty)
  }

  @Test("a missing file is reported by name on stderr, the other files are processed, exit 1")
  func missingFile() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let first = try directory.write("first.txt", "He was jailed.\n")
    let missing = directory.path("missing.txt")
    let last = try directory.write("last.txt", "She said so.\n")
    let result = try CLI.run(["--rules", rules, first, missing, last])
    #expect(result.exited && result.status == 1)
    #expect(result.errors.contains(missing))
    let records = try result.records()
    #expect(records.map(\.doc) == [1, 3])
    #expect(records.map(\.text) == ["He was jailed.", "She said so."])
  }

  @Test("classify segment also reports a missing file and exits 1")
  func segmentMissingFile() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("a.txt", "One.")
    let missing = directory.path("nope.txt")
    let result = try CLI.run(["segment", missing, file])
    #expect(result.exited && result.status == 1)
    #expect(result.errors.contains(missing))
    #expect(try result.records().map(\.doc) == [2])
  }

  @Test("a directory given as input is an I/O error, exit 1")
  func directoryAsInput() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["--rules", rules, rules])
    #expect(result.exited && result.status == 1)
    #expect(result.errors.contains(rules))
  }

  @Test(
    "a failed write to standard output (a full disk) is an I/O error, exit 1",
    .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
    arguments: ["run", "segment", "check"])
  func outputFailure(command: String) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let input = try directory.write("input.txt", "He was jailed. She said so.\n")
    let arguments: [String]
    switch command {
    case "run": arguments = ["--rules", rules, input]
    case "segment": arguments = ["segment", input]
    default: arguments = ["check", "--rules", rules]
    }
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let result = try CLI.start(arguments, standardOutput: full).finish()
    #expect(result.exited && result.status == 1)
    #expect(!result.stderr.isEmpty)
  }

  @Test(
    "a failed write is reported with the system's reason, as failed reads are",
    .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func outputFailureReason() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let running = try CLI.start(["segment"], standardOutput: full)
    let result = try running.finish(writing: Array("One. Two.\n".utf8))
    #expect(result.exited && result.status == 1)
    #expect(result.errors.contains(String(cString: strerror(ENOSPC))), "stderr: \(result.errors)")
  }

  @Test(
    "--help works on every command, exits 0 and shows examples",
    arguments: [[], ["run"], ["check"], ["segment"], ["eval"]])
  func help(command: [String]) throws {
    let result = try CLI.run(command + ["--help"])
    #expect(result.succeeded)
    #expect(result.output.localizedCaseInsensitiveContains("example"), "\(result.output)")
    #expect(result.output.contains("USAGE"))
  }
}
