import Foundation
import Testing

@Suite("PCRE2 limits")
struct MatchLimitTests {
  static let rules = #"""
    category: statistic
    threshold: 1
    rules:
      - id: catastrophic
        pattern: '(a+)+$'
        weight: 1
      - id: exclamation
        pattern: '!'
        weight: 2
    """#

  static let input = String(repeating: "a", count: 30) + "!\n"

  @Test("a search stopped by --match-limit is summarised on stderr, naming the rule; exit 0")
  func summary() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["statistic.yaml": Self.rules])
    let result = try CLI.run(["--rules", rules, "--match-limit", "1000"], stdin: Self.input)
    #expect(result.succeeded)
    #expect(result.errors.contains("statistic/catastrophic"))
    #expect(!result.errors.contains("statistic/exclamation"))
    // The other rules still score the segment.
    let records = try result.records()
    #expect(records.map(\.scores) == [["statistic": 2]])
    #expect(records.map(\.labels) == [["statistic"]])
  }

  @Test("--explain lists the failed search as evidence with an error")
  func explainShowsError() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["statistic.yaml": Self.rules])
    let result = try CLI.run(
      ["--rules", rules, "--match-limit", "1000", "--explain"], stdin: Self.input)
    #expect(result.succeeded)
    let evidence = try #require(try result.records().first?.evidence)
    let failure = try #require(evidence.first { $0.error != nil })
    #expect(failure.rule == "statistic/catastrophic")
    #expect(failure.error?.isEmpty == false)
    #expect(evidence.contains { $0.rule == "statistic/exclamation" && $0.text == "!" })
  }

  @Test("a segment without a limit hit gives no summary")
  func noSummaryWithoutFailure() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["statistic.yaml": Self.rules])
    let result = try CLI.run(["--rules", rules, "--match-limit", "1000"], stdin: "aaa\n")
    #expect(result.succeeded)
    #expect(result.stderr.isEmpty)
    #expect(try result.records().map(\.labels) == [["statistic"]])
  }
}
