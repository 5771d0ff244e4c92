import ArgumentParser
import ClassifierCore

/// `classify eval`: measure rules against labelled segments.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Measure precision, recall and F1 per category on labelled segments.",
    discussion: """
      Each line of a gold file is {"text":"...","labels":["policy","quote"]}; other keys are \
      ignored, except "doc": lines are segments in document order, classified with the \
      context of the lines before them, and a change of "doc" starts a new document. \
      Figures are percentages (fractions with --json).

      Prints per category support, precision, recall and F1, micro and macro F1, what each \
      category is confused with, and per rule: hits, hits on segments whose gold labels \
      include the rule's category, the share of hits that pushed the right way, and the \
      labels the rule alone decided (right and wrong).

      Examples:
        classify eval --gold Corpus/dev.jsonl
        classify eval --gold labelled.jsonl --rules my-rules/ --errors
        classify eval --gold Corpus/test.jsonl --json
      """
  )

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A labelled JSON-lines file (repeat for several).", valueName: "FILE"))
  var gold: [String]

  @OptionGroup var ruleOptions: RuleOptions

  @Flag(name: .long, help: "Write one JSON document instead of tables.")
  var json = false

  @Flag(name: .long, help: "List every false positive and false negative with its evidence.")
  var errors = false

  @Flag(
    name: .long, help: "List every segment with its labels and evidence (in JSON, as \"outcomes\")."
  )
  var segments = false

  func validate() throws {
    if gold.isEmpty { throw ValidationError("give a labelled file with --gold FILE") }
  }

  func run() throws {
    let classifier = try ruleOptions.loadClassifier()
    let evaluation: Evaluation
    do {
      var examples: [LabelledCorpus.Example] = []
      for file in gold { examples += try LabelledCorpus(contentsOf: file).examples }
      evaluation = try Evaluation(
        classifier: classifier, corpus: LabelledCorpus(examples: examples))
    } catch {
      Diagnostics.write(error.description)
      throw ExitCode(error.isUnreadable ? ExitStatus.ioError : ExitStatus.usage)
    }
    if json {
      try Diagnostics.output([
        String(
          decoding: evaluation.json(includeErrors: errors, includeSegments: segments), as: UTF8.self
        )
      ])
    } else {
      var lines = segments ? evaluation.segmentLines : errors ? evaluation.errorLines : []
      if !lines.isEmpty { lines.append("") }
      try Diagnostics.output(lines + [evaluation.report])
    }
  }
}
