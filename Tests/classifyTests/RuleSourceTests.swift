import Foundation
import Testing

@Suite("Where rules come from: --rules, else $CLASSIFY_RULES, else the stock rules")
struct RuleSourceTests {
  @Test("$CLASSIFY_RULES is used when --rules is not given")
  func environmentRules() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      [], stdin: "He was jailed.\n", environment: ["CLASSIFY_RULES": rules], in: directory.url)
    #expect(result.succeeded)
    #expect(try result.records().map(\.labels) == [["enforcement"]])
    #expect(try result.records().first?.scores.map { Set($0.keys) } == Set(Fixtures.categories))
    let check = try CLI.run(["check"], environment: ["CLASSIFY_RULES": rules])
    #expect(check.succeeded)
    #expect(check.output.contains("3 categories"))
  }

  @Test("--rules takes precedence over $CLASSIFY_RULES")
  func flagBeatsEnvironment() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let quoteOnly = try directory.rules(["quote.yaml": Fixtures.quote], in: "quote-rules")
    let result = try CLI.run(
      ["--rules", quoteOnly], stdin: "He was jailed, she said.\n",
      environment: ["CLASSIFY_RULES": rules])
    #expect(result.succeeded)
    #expect(try result.records().map(\.scores) == [["quote": 1]])
  }

  @Test("a broken $CLASSIFY_RULES is a rules error, exit 2")
  func brokenEnvironmentRules() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["bad.yaml": "category: x\n"])
    let result = try CLI.run(
      [], stdin: "He was jailed.\n", environment: ["CLASSIFY_RULES": rules])
    #expect(result.exited && result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.errors.contains("\(rules)/bad.yaml:"))
  }

  @Test("the stock rules are built in and load from any working directory")
  func stockRulesLoadAnywhere() throws {
    let directory = try TemporaryDirectory()
    // An empty $CLASSIFY_RULES counts as unset.
    let check = try CLI.run(["check"], environment: ["CLASSIFY_RULES": ""], in: directory.url)
    #expect(check.succeeded, "stderr: \(check.errors)")
    #expect(check.output.contains("stock rules"))
    let run = try CLI.run(
      [], stdin: "Police said 40% of the 12 suspects were jailed.\n", in: directory.url)
    #expect(run.succeeded, "stderr: \(run.errors)")
    #expect(try run.records().count == 1)
  }

  @Test("the stock rules score the four categories enforcement, policy, quote and statistic")
  func stockCategories() throws {
    let directory = try TemporaryDirectory()
    let result = try CLI.run(
      ["--segment", "none"], stdin: "The minister said 40% of suspects were jailed.\n",
      in: directory.url)
    #expect(result.succeeded)
    let record = try #require(try result.records().first)
    #expect(
      record.scores.map { $0.keys.sorted() } == ["enforcement", "policy", "quote", "statistic"])
    #expect(record.labels.map { $0 == $0.sorted() } == true)
    let check = try CLI.run(["check"], in: directory.url)
    #expect(check.output.contains("4 categories"))
  }
}
