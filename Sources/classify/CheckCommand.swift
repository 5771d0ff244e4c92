import ArgumentParser
import ClassifierCore

/// `classify check`: load rules and report problems or a summary.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Load and compile rules; report every error, or summarise the rules.",
    discussion: """
      Errors are printed as file:line:col: message, all of them, with exit status 2.

      Examples:
        classify check
        classify check --rules my-rules/
      """
  )

  @OptionGroup var ruleOptions: RuleOptions

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
        "\(Diagnostics.count(unfiltered.count, "pattern")) with no literal to look for first, "
          + "tried on every segment (slower): \(unfiltered.joined(separator: ", "))")
    }
    try Diagnostics.output(lines)
  }
}
