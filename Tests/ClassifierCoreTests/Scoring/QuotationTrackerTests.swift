import Foundation
import Testing

@testable import ClassifierCore

/// Which segments start inside a quotation an earlier segment opened.
///
/// A case is written as segments separated by ` | ` (same paragraph), ` ¶ ` (a new paragraph)
/// or ` # ` (a new document); the expectation has one character per segment, `+` for a segment
/// that continues a quotation and `-` for one that does not.
@Suite struct QuotationTrackerTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: String
    var testDescription: String { text }

    init(_ text: String, _ expected: String) {
      self.text = text
      self.expected = expected
    }
  }

  /// The segments of a case with the boundary before each; the first starts the document.
  private static func segments(_ text: String) -> [(SegmentBoundary, String)] {
    var segments: [(SegmentBoundary, String)] = []
    var boundary = SegmentBoundary.documentStart
    var rest = Substring(text)
    while true {
      let next = [" | ", " ¶ ", " # "].compactMap { separator in
        rest.range(of: separator).map { (separator, $0) }
      }.min { $0.1.lowerBound < $1.1.lowerBound }
      guard let (separator, range) = next else {
        segments.append((boundary, String(rest)))
        return segments
      }
      segments.append((boundary, String(rest[..<range.lowerBound])))
      rest = rest[range.upperBound...]
      boundary =
        switch separator {
        case " | ": .withinParagraph
        case " ¶ ": .paragraphStart
        default: .documentStart
        }
    }
  }

  /// `+` or `-` for each segment, as the tracker sees them in order.
  private static func continuations(_ segments: [(SegmentBoundary, String)]) -> String {
    var tracker = QuotationTracker()
    var marks = ""
    for (boundary, text) in segments {
      if boundary == .documentStart { tracker.reset() }
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { segment in
        let continuing = tracker.continues(segment, after: boundary)
        marks.append(continuing ? "+" : "-")
        tracker.advance(over: segment, continuing: continuing)
      }
    }
    return marks
  }

  private static func continuations(_ text: String) -> String {
    continuations(segments(text))
  }

  @Test("the case notation splits segments and boundaries as documented")
  func notation() {
    let segments = Self.segments("a | b ¶ c # d")
    #expect(segments.map(\.1) == ["a", "b", "c", "d"])
    #expect(
      segments.map(\.0) == [.documentStart, .withinParagraph, .paragraphStart, .documentStart])
  }

  @Test(
    "the middle of a quotation continues it, the sentence after its closing mark does not",
    arguments: [
      Case("“We acted fast. | We will go on. | It is done,” she said. | Next sentence.", "-++-"),
      Case("\"We acted fast. | We will go on. | It is done,\" she said. | Next sentence.", "-++-"),
      Case("‘We acted fast. | We will go on. | It is done,’ she said. | Next sentence.", "-++-"),
      Case("'We acted fast. | We will go on. | It is done,' she said. | Next sentence.", "-++-"),
      Case("«Nous agissons. | Nous continuons. | C’est fini», dit-elle. | Suite.", "-++-"),
      Case("„Działamy. | Idziemy dalej” – powiedziała. | Dalej.", "-+-"),
      Case("She said: “We acted fast. | We will go on.” | Next.", "-+-"),
      Case("“Done,” she said. | Next.", "--"),
      Case("No quotation here. | Nor here.", "--"),
      Case("He replied ”We go. | We stay.", "-+"),
    ])
  func quotationSpans(_ testCase: Case) {
    #expect(Self.continuations(testCase.text) == testCase.expected)
  }

  @Test(
    "an apostrophe neither opens nor closes a quotation",
    arguments: [
      Case("It’s late. | The Smiths’ house burned. | Rock ’n’ roll. | Next.", "----"),
      Case("It's late. | The Smiths' house burned. | In the '90s prices rose. | Next.", "----"),
      Case("In the ‘90s prices rose. | Then they fell.", "--"),
      Case("We stayed 'cause it rained. | Then we left. | Next.", "---"),
      Case("Tell ‘em to wait. | Then we left.", "--"),
      Case("She called it 'a mess. | We agreed.", "--"),
      Case("'We acted fast. | We will go on. | It is done,' she said. | Next.", "-++-"),
      Case("“It’s late. | The Smiths’ house burned. | It’s done,” she said. | Next.", "-++-"),
      Case("\"It's late. | The Smiths' house burned. | It's done,\" she said. | Next.", "-++-"),
    ])
  func apostrophes(_ testCase: Case) {
    #expect(Self.continuations(testCase.text) == testCase.expected)
  }

  @Test(
    "a quotation goes on into a paragraph only when the paragraph opens with a quotation mark",
    arguments: [
      Case("“We acted fast. ¶ Then she left. | More.", "---"),
      Case("“We acted fast. ¶ “We will go on. | It is done,” she said. | Next.", "-++-"),
      Case("\"We acted fast. ¶ \"We will go on. | It is done,\" she said. | Next.", "-++-"),
      Case("‘We acted fast. ¶ ‘We will go on. | It is done,’ she said. | Next.", "-++-"),
      Case("“We acted fast. ¶ (“And more.) | It is done,” she said.", "-++"),
      Case("“One. ¶ “Two. ¶ “Three. ¶ Four.", "-++-"),
      Case("He left. ¶ “We go. | We stay.” | Next.", "--+-"),
    ])
  func paragraphs(_ testCase: Case) {
    #expect(Self.continuations(testCase.text) == testCase.expected)
  }

  @Test("a new document ends an open quotation")
  func documentStart() {
    #expect(Self.continuations("“We acted fast. # We will go on. | Next.") == "---")
  }

  @Test("an open quotation is dropped after maximumSpan segments without a quotation mark")
  func maximumSpan() {
    let span = QuotationTracker.maximumSpan
    #expect(span > 1)
    let plain = Array(repeating: " | Plain.", count: span + 2).joined()
    // The opening segment, `span` continuing ones, then the quotation is taken to be stray.
    #expect(
      Self.continuations("“Start." + plain)
        == "-" + String(repeating: "+", count: span) + "--")
  }

  @Test("a quotation mark inside an open quotation restarts the count")
  func markRestartsSpan() {
    let span = QuotationTracker.maximumSpan
    let before = Array(repeating: " | Plain.", count: span - 1).joined()
    let after = Array(repeating: " | Plain.", count: span + 1).joined()
    let text = "“Start." + before + " | A ‘word’ here." + after
    #expect(
      Self.continuations(text)
        == "-" + String(repeating: "+", count: span) + String(repeating: "+", count: span) + "-")
  }

  @Test("a stray mark that was dropped does not come back at a later segment")
  func droppedStaysDropped() {
    let span = QuotationTracker.maximumSpan
    let plain = Array(repeating: " | Plain.", count: span + 3).joined()
    let marks = Self.continuations("A stray “ mark." + plain)
    #expect(marks.hasSuffix("---"))
    #expect(marks.filter { $0 == "+" }.count == span)
  }

  @Test(
    "a quotation opened with a low mark closes at the left mark that pairs with it (German)",
    arguments: [
      Case("„Wir handeln.“ Er ging. | Weiter.", "--"),
      Case("„Wir handeln. | Wir bleiben.“ Er ging. | Weiter.", "-+-"),
    ])
  func germanQuotation(_ testCase: Case) {
    #expect(Self.continuations(testCase.text) == testCase.expected)
  }
}
