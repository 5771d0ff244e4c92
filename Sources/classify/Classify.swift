import ArgumentParser
import ClassifierCore
import Glibc

/// The `classify` command line: parses flags and hands the work to ClassifierCore.
@main
struct Classify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Label each sentence of news text as statistic, quote, policy and/or enforcement.",
    discussion: """
      Reads text from files or standard input, cuts it into segments (sentences by default) \
      and writes one JSON line per segment with its labels, scores and, with --explain, the \
      rules that fired. Rules are YAML files: --rules DIR, else $CLASSIFY_RULES, else the \
      stock rules built into classify.

      Examples:
        classify < article.txt
        classify --explain --format text article.txt
        classify check --rules my-rules/
        classify segment --segment paragraph article.txt
        classify eval --gold Corpus/dev.jsonl

      Exit status: 0 ok, 1 a file could not be read or output failed, 2 a usage or rules error.
      """,
    subcommands: [RunCommand.self, CheckCommand.self, SegmentCommand.self, EvalCommand.self],
    defaultSubcommand: RunCommand.self
  )

  /// Runs the command, with exit status 2 (not ArgumentParser's 64) for usage errors.
  static func main() {
    // A closed output pipe must show up as EPIPE, so that `classify | head` ends quietly.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        Diagnostics.write(fullMessage(for: error))
        Glibc.exit(ExitStatus.usage)
      }
      exit(withError: error)
    }
  }
}
