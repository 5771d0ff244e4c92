import ClassifierCore
import FuzzSupport

/// Loads arbitrary bytes as the text of a rule file, and classifies a fixed document with the
/// rules when they load.
///
/// Checks: loading either succeeds or throws `RuleLoadError` whose diagnostics all name the file
/// and a line and column from 1, with a message; and a classifier that loads classifies the
/// document, and the rule file's own text, with sound evidence and output and the same results
/// as without its prefilter (`ClassifiedDocumentCheck`).
enum RuleLoaderFuzzTest {
  static let fileName = "fuzz.yaml"

  /// Paragraphs and sentences of news text, with quotations across segments and hostile bytes.
  static let document: [UInt8] = {
    var bytes = Array(
      """
      Police arrested a man on Tuesday, officers said. The council's budget rose 3.5% to £25m \
      in 2023, up from 41.2% a year earlier.

      “We will not stop,” the director said. “The work goes on.

      “It will be finished by June.” She added that the court had been told.

      The report reads: unemployment fell to 4.1 per cent, according to the figures.
      The policy was approved by 12 votes to 3.\r\n\r\nMr. O’Neill said 'no comment'.

      """.utf8)
    bytes += [0xFF, 0x20, 0xC3, 0x28, 0x2E, 0x20, 0x00, 0x0B, 0x0C, 0x7F, 0x20]
    bytes += Array("\u{FEFF}Officers were “called” to the scene.".utf8)
    return bytes
  }()

  static let sentences = [
    "Police arrested a man on Tuesday, officers said.",
    "The council's budget rose 3.5% to £25m.",
    "“We will not stop,” she said.",
    "",
  ]

  static func run(_ data: UnsafeBufferPointer<UInt8>) {
    let source = RuleSource(name: fileName, text: String(decoding: data, as: UTF8.self))
    let classifier: Classifier
    do {
      classifier = try Classifier(loading: [source])
    } catch {
      fuzzCheck(!error.diagnostics.isEmpty, "a rule load error without diagnostics")
      for diagnostic in error.diagnostics {
        let location = diagnostic.location
        fuzzCheck(
          location.file == fileName && location.line >= 1 && location.column >= 1,
          "diagnostic at \(location.file) line \(location.line) column \(location.column): "
            + "\(diagnostic.message)")
        fuzzCheck(!diagnostic.message.isEmpty, "a diagnostic without a message at \(location)")
      }
      return
    }
    fuzzCheck(
      !classifier.categories.isEmpty && !classifier.rules.isEmpty,
      "a rule file loaded with \(classifier.categories.count) categories and "
        + "\(classifier.rules.count) rules")
    for sentence in sentences {
      let result = classifier.classify(sentence)
      fuzzCheck(
        result.scores.count == classifier.categories.count,
        "\(result.scores.count) scores for \(classifier.categories.count) categories")
    }
    // The fixed document, then the rule file itself: patterns often match text of their own
    // file, which puts the prefilter to the test.
    let check = ClassifiedDocumentCheck(classifier: classifier, maximumSegmentBytes: 1024)
    document.withUnsafeBufferPointer { check.run($0) }
    check.run(data)
  }
}
