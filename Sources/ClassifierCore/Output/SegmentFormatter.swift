/// Writes segments, with their classification when there is one, in an output format.
///
/// Names are encoded once when the formatter is made; writing a segment only appends bytes to a
/// reused buffer.
public struct SegmentFormatter: Sendable {
  private let format: OutputFormat
  private let explain: Bool
  private let color: Bool
  /// JSON-ready (already escaped) names.
  private let categoryNames: EscapedNames
  private let ruleNames: EscapedNames
  /// The keyword terms of every rule in rule order; rule `r`'s start at `firstTerm[r]`.
  private let termTexts: EscapedNames
  private let firstTerm: [Int]

  /// Creates a formatter.
  ///
  /// - Parameters:
  ///   - format: the output format.
  ///   - classifier: the classifier whose names labels and evidence use; `nil` to write segments
  ///     without classification (`classify segment`).
  ///   - explain: whether to write evidence and failed searches.
  ///   - color: whether the text format uses ANSI colours.
  public init(format: OutputFormat, classifier: Classifier?, explain: Bool, color: Bool) {
    self.format = format
    self.explain = explain
    self.color = color && format == .text
    let rules = classifier?.rules ?? []
    categoryNames = EscapedNames((classifier?.categories ?? []).lazy.map(\.name))
    ruleNames = EscapedNames(rules.lazy.map(\.name))
    termTexts = EscapedNames(rules.lazy.flatMap { $0.terms.lazy.map(\.text) })
    var firstTerm: [Int] = []
    firstTerm.reserveCapacity(rules.count)
    var start = 0
    for rule in rules {
      firstTerm.append(start)
      start += rule.terms.count
    }
    self.firstTerm = firstTerm
  }

  /// Appends one segment's line (or lines, for `text` with evidence).
  ///
  /// - Parameters:
  ///   - document: the document's number, from 1.
  ///   - index: the segment's number in its document, from 0.
  ///   - segment: where the segment is and its bytes.
  ///   - classification: the segment's classification, or `nil` for segmentation only.
  ///   - previous: the segment before it in the document, where evidence of rules scoped to the
  ///     previous segment lies; needed only to write that evidence.
  ///   - buffer: where to append.
  /// - Returns: how many invalid UTF-8 sequences of the segment's text were written as U+FFFD.
  @discardableResult
  public func append(
    document: Int, index: Int, segment: StreamingSegmenter.Segment,
    classification: SegmentClassification?, previous: StreamingSegmenter.Segment? = nil,
    to buffer: inout OutputBuffer
  ) -> Int {
    switch format {
    case .jsonl:
      appendJSON(document, index, segment, classification, previous, &buffer)
    case .tsv:
      appendTSV(document, index, segment, classification, &buffer)
    case .text:
      appendText(document, index, segment, classification, previous, &buffer)
    }
  }

  /// The segment an evidence's range refers to, when its bytes are at hand.
  private func source(
    of evidence: Evidence, _ segment: StreamingSegmenter.Segment,
    _ previous: StreamingSegmenter.Segment?
  ) -> StreamingSegmenter.Segment? {
    guard evidence.isInPreviousSegment else { return segment }
    guard let previous, evidence.range.upperBound <= previous.bytes.count else { return nil }
    return previous
  }

  private func appendJSON(
    _ document: Int, _ index: Int, _ segment: StreamingSegmenter.Segment,
    _ classification: SegmentClassification?, _ previous: StreamingSegmenter.Segment?,
    _ buffer: inout OutputBuffer
  ) -> Int {
    buffer.append("{\"doc\":")
    buffer.append(integer: document)
    buffer.append(",\"seg\":")
    buffer.append(integer: index)
    buffer.append(",\"start\":")
    buffer.append(integer: segment.start)
    buffer.append(",\"end\":")
    buffer.append(integer: segment.end)
    buffer.append(",\"text\":\"")
    let replaced = buffer.append(jsonEscaped: segment.bytes)
    buffer.append(UInt8(ascii: "\""))
    if let classification {
      buffer.append(",\"labels\":[")
      var first = true
      for category in classification.isLabelled.indices where classification.isLabelled[category] {
        if !first { buffer.append(UInt8(ascii: ",")) }
        first = false
        appendQuoted(categoryNames[category], &buffer)
      }
      buffer.append("],\"scores\":{")
      for category in classification.scores.indices {
        if category > 0 { buffer.append(UInt8(ascii: ",")) }
        appendQuoted(categoryNames[category], &buffer)
        buffer.append(UInt8(ascii: ":"))
        buffer.append(number: classification.scores[category])
      }
      buffer.append(UInt8(ascii: "}"))
      if explain { appendJSONEvidence(segment, classification, previous, &buffer) }
    }
    buffer.append("}\n")
    return replaced
  }

  private func appendJSONEvidence(
    _ segment: StreamingSegmenter.Segment, _ classification: SegmentClassification,
    _ previous: StreamingSegmenter.Segment?, _ buffer: inout OutputBuffer
  ) {
    buffer.append(",\"evidence\":[")
    var first = true
    for evidence in classification.evidence {
      if !first { buffer.append(UInt8(ascii: ",")) }
      first = false
      buffer.append("{\"rule\":")
      appendQuoted(ruleNames[evidence.rule], &buffer)
      if let term = evidence.term {
        buffer.append(",\"term\":")
        appendQuoted(termTexts[firstTerm[evidence.rule] + term], &buffer)
      }
      buffer.append(",\"weight\":")
      buffer.append(number: evidence.weight)
      if evidence.isInPreviousSegment { buffer.append(",\"in\":\"previous-segment\"") }
      if let source = source(of: evidence, segment, previous) {
        buffer.append(",\"start\":")
        buffer.append(integer: source.start + evidence.range.lowerBound)
        buffer.append(",\"end\":")
        buffer.append(integer: source.start + evidence.range.upperBound)
        buffer.append(",\"text\":\"")
        buffer.append(jsonEscaped: UnsafeBufferPointer(rebasing: source.bytes[evidence.range]))
        buffer.append(UInt8(ascii: "\""))
      }
      buffer.append(UInt8(ascii: "}"))
    }
    for failed in classification.failedSearches {
      if !first { buffer.append(UInt8(ascii: ",")) }
      first = false
      buffer.append("{\"rule\":")
      appendQuoted(ruleNames[failed.rule], &buffer)
      buffer.append(",\"error\":\"")
      buffer.append(Array(failed.failure.description.utf8))
      buffer.append("\"}")
    }
    buffer.append(UInt8(ascii: "]"))
  }

  private func appendTSV(
    _ document: Int, _ index: Int, _ segment: StreamingSegmenter.Segment,
    _ classification: SegmentClassification?, _ buffer: inout OutputBuffer
  ) -> Int {
    buffer.append(integer: document)
    buffer.append(UInt8(ascii: "\t"))
    buffer.append(integer: index)
    buffer.append(UInt8(ascii: "\t"))
    if let classification {
      appendLabels(classification, separator: UInt8(ascii: ","), &buffer)
    }
    buffer.append(UInt8(ascii: "\t"))
    let replaced = buffer.append(tsvEscaped: segment.bytes)
    buffer.append(UInt8(ascii: "\n"))
    return replaced
  }

  private func appendText(
    _ document: Int, _ index: Int, _ segment: StreamingSegmenter.Segment,
    _ classification: SegmentClassification?, _ previous: StreamingSegmenter.Segment?,
    _ buffer: inout OutputBuffer
  ) -> Int {
    style(.dim, &buffer)
    buffer.append(integer: document)
    buffer.append(UInt8(ascii: ":"))
    buffer.append(integer: index)
    style(.reset, &buffer)
    buffer.append(UInt8(ascii: " "))
    if let classification {
      buffer.append(UInt8(ascii: "["))
      appendLabels(classification, separator: UInt8(ascii: " "), &buffer)
      buffer.append("] ")
    }
    let replaced = buffer.append(displayable: segment.bytes)
    buffer.append(UInt8(ascii: "\n"))
    guard explain, let classification else { return replaced }
    for evidence in classification.evidence {
      buffer.append("    ")
      style(.dim, &buffer)
      if evidence.weight >= 0 { buffer.append(UInt8(ascii: "+")) }
      buffer.append(number: evidence.weight)
      buffer.append(UInt8(ascii: " "))
      buffer.append(ruleNames[evidence.rule])
      if let term = evidence.term {
        buffer.append(" (")
        buffer.append(termTexts[firstTerm[evidence.rule] + term])
        buffer.append(UInt8(ascii: ")"))
      }
      if evidence.isInPreviousSegment { buffer.append(" in the previous segment") }
      buffer.append(": ")
      style(.reset, &buffer)
      if let source = source(of: evidence, segment, previous) {
        buffer.append(displayable: UnsafeBufferPointer(rebasing: source.bytes[evidence.range]))
      }
      buffer.append(UInt8(ascii: "\n"))
    }
    for failed in classification.failedSearches {
      buffer.append("    ")
      style(.red, &buffer)
      buffer.append(ruleNames[failed.rule])
      buffer.append(": ")
      buffer.append(Array(failed.failure.description.utf8))
      style(.reset, &buffer)
      buffer.append(UInt8(ascii: "\n"))
    }
    return replaced
  }

  private func appendLabels(
    _ classification: SegmentClassification, separator: UInt8, _ buffer: inout OutputBuffer
  ) {
    var first = true
    for category in classification.isLabelled.indices where classification.isLabelled[category] {
      if !first { buffer.append(separator) }
      first = false
      style(.category(category), &buffer)
      buffer.append(categoryNames[category])
      style(.reset, &buffer)
    }
  }

  private func appendQuoted(_ name: ArraySlice<UInt8>, _ buffer: inout OutputBuffer) {
    buffer.append(UInt8(ascii: "\""))
    buffer.append(name)
    buffer.append(UInt8(ascii: "\""))
  }

  private enum Style {
    case reset
    case dim
    case red
    case category(Int)
  }

  /// ANSI SGR codes, written only when colour is on.
  private func style(_ style: Style, _ buffer: inout OutputBuffer) {
    guard color else { return }
    switch style {
    case .reset: buffer.append("\u{1B}[0m")
    case .dim: buffer.append("\u{1B}[2m")
    case .red: buffer.append("\u{1B}[31m")
    case .category(let index):
      buffer.append(Self.categoryColors[index % Self.categoryColors.count])
    }
  }

  /// Bold green, yellow, cyan, magenta and blue, in turn.
  private static let categoryColors: [StaticString] = [
    "\u{1B}[1;32m", "\u{1B}[1;33m", "\u{1B}[1;36m", "\u{1B}[1;35m", "\u{1B}[1;34m",
  ]
}
