import ClassifierCore
import FuzzSupport

/// Classifies arbitrary bytes as a document with the stock rules, as `classify --explain` does,
/// and checks every segment's classification and its JSON lines, TSV and text output
/// (`ClassifiedDocumentCheck`).
enum ClassificationFuzzTest {
  /// The stock rules, compiled once. A small segment limit makes long paragraphs be cut.
  static let check: ClassifiedDocumentCheck = {
    do {
      return ClassifiedDocumentCheck(
        classifier: try Classifier(loading: RuleSource.stock), maximumSegmentBytes: 2048)
    } catch {
      fatalError("the stock rules do not load:\n\(error)")
    }
  }()

  static func run(_ data: UnsafeBufferPointer<UInt8>) {
    check.run(data)
  }
}
