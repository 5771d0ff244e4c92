import ArgumentParser
import ClassifierCore

/// `classify eval`: measure rules against labelled segments.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Measure precision, recall and F1 per category on labelled segments.",
    discussion: """
      Each input line is {"text":"...","labels":["policy","quote"]}; each text is classified \
      as one segment. Figures are percentages.

      Examples:
        classify eval Corpus/dev.jsonl
        classify eval --rules my-rules/ --mistakes labelled.jsonl
      """
  )

  @OptionGroup var ruleOptions: RuleOptions

  @Flag(name: .long, help: "List every example whose labels were not all right.")
  var mistakes = false

  @Argument(help: ArgumentHelp("Labelled JSON-lines files.", valueName: "FILE"))
  var files: [String]

  func run() throws {
    let classifier = try ruleOptions.loadClassifier()
    var examples: [LabelledCorpus.Example] = []
    do {
      for file in files { examples += try LabelledCorpus(contentsOf: file).examples }
      let evaluation = try Evaluation(
        classifier: classifier, corpus: LabelledCorpus(examples: examples))
      var lines: [String] = []
      if mistakes {
        for mistake in evaluation.mistakes {
          let expected = mistake.example.labels.sorted().joined(separator: ",")
          let predicted = mistake.predicted.sorted().joined(separator: ",")
          lines.append(
            "\(mistake.example.location): expected [\(expected)] got [\(predicted)]: "
              + mistake.example.text)
        }
        lines.append("")
      }
      lines.append(evaluation.table)
      try Diagnostics.output(lines)
    } catch let error as CorpusError {
      Diagnostics.write(error.description)
      throw ExitCode(error.isUnreadable ? ExitStatus.ioError : ExitStatus.usage)
    }
  }
}
