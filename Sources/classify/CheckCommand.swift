import ArgumentParser
import ClassifierCore

/// `classify check`: load rules and report problems or a summary.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Load and compile rules; report every error, or summarise the rules.",
    discussion: """
      Errors are printed as file:line:col: message, all of them, with exit status 2.

      Rules that load are then linted. Each problem found is printed to standard error as \
      file:line:col: warning: message, after the summary; warnings alone leave the exit status \
      0. The lint warns about a pattern that can match the empty string (it fires on segments \
      without any of its text), and about a pattern that backtracks super-linearly: each \
      pattern runs on text built from it (short strings repeated to 1 KB and 4 KB, then a \
      character that makes the match fail), and warns when a search reaches a match limit of \
      1,000,000 steps (whatever --match-limit says), when 4 KB takes over 10 times as long as \
      1 KB, or when its searches take more than 50 ms in all. The lint takes about a second \
      for the stock rules; --no-lint skips it.

      Examples:
        classify check
        classify check --rules my-rules/
        classify check --no-lint
      """
  )

  @OptionGroup var ruleOptions: RuleOptions

  @Flag(name: .long, help: "Skip the pattern lint: no empty-match or slow-pattern warnings.")
  var noLint = false

  func run() throws {
    let classifier = try ruleOptions.loadClassifier()
    let summary = classifier.summary
    let rules = summary.patterns + summary.keywordLists
    var lines = [
      "\(ruleOptions.sourceDescription): ok",
      "\(Diagnostics.count(summary.categories, "category", "categories")), "
        + "\(Diagnostics.count(rules, "rule")) (\(Diagnostics.count(summary.patterns, "pattern")), "
        + "\(Diagnostics.count(summary.keywordLists, "keyword list"))), "
        + Diagnostics.count(summary.keywords, "keyword"),
    ]
    let width = classifier.categories.map(\.name.count).max() ?? 0
    for (index, category) in classifier.categories.enumerated() {
      let categoryRules = classifier.rules.filter { $0.category == index }
      let lists = categoryRules.filter { !$0.terms.isEmpty }
      let keywords = lists.map(\.terms.count).reduce(0, +)
      let name = category.name.padding(toLength: width, withPad: " ", startingAt: 0)
      lines.append(
        "  \(name)  threshold \(category.threshold)  "
          + "\(Diagnostics.count(categoryRules.count - lists.count, "pattern"))  "
          + "\(Diagnostics.count(lists.count, "keyword list"))  \(Diagnostics.count(keywords, "keyword"))"
      )
    }
    let unfiltered = classifier.unfilteredRuleNames
    if !unfiltered.isEmpty {
      lines.append(
        "always scanned: \(Diagnostics.count(unfiltered.count, "pattern")) (or part) with no "
          + "literal to look for first, run on every segment (slower): "
          + unfiltered.joined(separator: ", "))
    }
    try Diagnostics.output(lines)
    guard !noLint else { return }
    let warnings = PatternLint().warnings(for: classifier)
    guard !warnings.isEmpty else { return }
    for warning in warnings { Diagnostics.write(warning.description) }
    Diagnostics.report(
      "\(Diagnostics.count(warnings.count, "warning")) in \(ruleOptions.sourceDescription)")
  }
}
