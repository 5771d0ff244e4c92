import ArgumentParser
import ClassifierCore
import Glibc

/// Where rules come from, shared by the commands that classify.
struct RuleOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("Rule files: a directory of *.yaml files, or one file.", valueName: "DIR"))
  var rules: String?

  @Option(
    name: .long,
    help:
      "PCRE2 match limit: how much one pattern may backtrack on one segment before the search is stopped and reported."
  )
  var matchLimit: UInt32 = Classifier.Options().matchLimit

  @Flag(
    name: .long,
    help:
      "Run every pattern on every segment, not only where its literals occur: slower, same results (a check of the prefilter)."
  )
  var noPrefilter = false

  /// `--rules`, else `$CLASSIFY_RULES`, else the stock rules.
  var sourceDescription: String {
    if let rules { return rules }
    if let environment = Self.environmentRules { return environment }
    return "the stock rules"
  }

  private static var environmentRules: String? {
    guard let value = getenv("CLASSIFY_RULES"), value.pointee != 0 else { return nil }
    return String(cString: value)
  }

  /// Loads and compiles the rules; on failure prints every diagnostic and exits with status 2.
  func loadClassifier() throws -> Classifier {
    do {
      let path = rules ?? Self.environmentRules
      let sources =
        try path.map { path throws(RuleLoadError) in try RuleSource.files(at: path) }
        ?? RuleSource.stock
      return try Classifier(
        loading: sources,
        options: Classifier.Options(matchLimit: matchLimit, usesLiteralPrefilter: !noPrefilter))
    } catch {
      for diagnostic in error.diagnostics { Diagnostics.write(diagnostic.description) }
      let count = error.diagnostics.count
      Diagnostics.report(
        "\(count) error\(count == 1 ? "" : "s") in \(sourceDescription); no rules loaded")
      throw ExitCode(ExitStatus.usage)
    }
  }
}
