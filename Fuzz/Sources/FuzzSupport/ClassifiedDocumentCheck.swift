import ClassifierCore
import Foundation

/// Classifies a document the way `ClassificationRun` does and checks what each output format
/// makes of every segment.
///
/// Per segment: the classification refers only to existing rules, terms and categories, its
/// evidence lies inside the segment (or, for a rule scoped to the previous segment, inside that
/// one), and it equals the classification without the prefilter (`PrefilterOracle`). The JSON
/// line is one line of valid UTF-8 and valid JSON whose `doc`, `seg`, `start`, `end` and `text`
/// describe the segment, with every evidence `start` and `end` inside the document and its
/// `text` the document's bytes there. The TSV line is valid UTF-8 with four
/// fields and no control character but its three tabs and final line feed. The text output is
/// valid UTF-8 with no control character but line feeds (colour is off), C1 controls and
/// bidirectional controls included.
public struct ClassifiedDocumentCheck: Sendable {
  /// The classifier documents are classified with.
  public let classifier: Classifier
  /// The same rules without the prefilter (`PrefilterOracle`), if they compile that way.
  public let unfiltered: Classifier?
  /// The longest paragraph the segmenter keeps whole.
  public let maximumSegmentBytes: Int
  private let formatters: [(OutputFormat, SegmentFormatter)]

  /// Creates a check that classifies with `classifier`.
  public init(classifier: Classifier, maximumSegmentBytes: Int) {
    self.classifier = classifier
    unfiltered = PrefilterOracle.unfiltered(classifier)
    self.maximumSegmentBytes = maximumSegmentBytes
    formatters = [OutputFormat.jsonl, .tsv, .text].map {
      ($0, SegmentFormatter(format: $0, classifier: classifier, explain: true, color: false))
    }
  }

  /// Segments `document` in sentence mode, classifies and formats every segment, and checks the
  /// results.
  public func run(_ document: UnsafeBufferPointer<UInt8>) {
    var segmenter = StreamingSegmenter(mode: .sentence, maximumSegmentBytes: maximumSegmentBytes)
    // The whole document in one read, ended at once: no segment's bytes move until the next
    // document, so the previous segment stays at hand for evidence found in it. (Reading in
    // pieces does not change the segments; FuzzSegmenter checks that.)
    if !document.isEmpty {
      let space = segmenter.reserveInput(document.count)
      for offset in document.indices { space[offset] = document[offset] }
      segmenter.commitInput(document.count)
    }
    segmenter.commitInput(0)
    var workspace = ClassifierWorkspace(for: classifier)
    var oracleWorkspace = unfiltered.map { ClassifierWorkspace(for: $0) }
    var previousFailed = false
    var buffer = OutputBuffer(capacity: 4096)
    var previous: StreamingSegmenter.Segment?
    var index = 0
    while let segment = segmenter.nextSegment() {
      let boundary = SegmentBoundary(segmentIndex: index, startsParagraph: segment.startsParagraph)
      classifier.classify(segment.bytes, after: boundary, in: &workspace)
      let result = workspace.result
      checkClassification(result, of: segment, previousCount: previous?.bytes.count)
      if let unfiltered, oracleWorkspace != nil {
        unfiltered.classify(segment.bytes, after: boundary, in: &oracleWorkspace!)
        let oracle = oracleWorkspace!.result
        // A search stopped by a limit may leave different context for the next segment too.
        let failed = !result.failedSearches.isEmpty || !oracle.failedSearches.isEmpty
        if !failed && !previousFailed {
          checkAgreement(result, oracle, index: index, segment: segment)
        }
        previousFailed = failed
      }
      for (format, formatter) in formatters {
        buffer.removeAll()
        formatter.append(
          document: 1, index: index, segment: segment, classification: result,
          previous: previous, to: &buffer)
        switch format {
        case .jsonl: checkJSONLine(buffer.bytes, index: index, segment: segment, document: document)
        case .tsv: checkTSVLine(buffer.bytes)
        case .text: checkText(buffer.bytes)
        }
      }
      previous = segment
      index += 1
    }
    fuzzCheck(segmenter.isFinished, "the segmenter stopped before the end of the document")
  }

  private func checkClassification(
    _ result: SegmentClassification, of segment: StreamingSegmenter.Segment, previousCount: Int?
  ) {
    let categories = classifier.categories.count
    fuzzCheck(
      result.scores.count == categories && result.isLabelled.count == categories,
      "\(result.scores.count) scores and \(result.isLabelled.count) labels for \(categories) "
        + "categories")
    for evidence in result.evidence {
      fuzzCheck(
        classifier.rules.indices.contains(evidence.rule),
        "evidence names rule \(evidence.rule) of \(classifier.rules.count)")
      let rule = classifier.rules[evidence.rule]
      if let term = evidence.term {
        fuzzCheck(
          rule.terms.indices.contains(term),
          "evidence names term \(term) of the \(rule.terms.count) of \(rule.name)")
      }
      let count = evidence.isInPreviousSegment ? previousCount : segment.bytes.count
      fuzzCheck(
        evidence.range.lowerBound >= 0 && evidence.range.upperBound <= count ?? 0,
        "evidence of \(rule.name) at \(evidence.range) lies outside its "
          + "\(evidence.isInPreviousSegment ? "previous " : "")segment of \(count ?? 0) bytes")
    }
    for failed in result.failedSearches {
      fuzzCheck(
        classifier.rules.indices.contains(failed.rule),
        "a failed search names rule \(failed.rule) of \(classifier.rules.count)")
    }
  }

  /// Checks that the prefilter skipped no pattern that matches: the classifier and its
  /// unfiltered oracle found the same evidence and scores.
  private func checkAgreement(
    _ filtered: SegmentClassification, _ unfiltered: SegmentClassification, index: Int,
    segment: StreamingSegmenter.Segment
  ) {
    guard filtered.evidence != unfiltered.evidence || filtered.scores != unfiltered.scores else {
      return
    }
    let missing = unfiltered.evidence.filter { !filtered.evidence.contains($0) }
    let names = missing.map { classifier.rules[$0.rule].name }
    let patterns = missing.compactMap { evidence -> String? in
      let rule = classifier.rules[evidence.rule]
      let category = classifier.categories[rule.category]
      let id = rule.name.dropFirst(category.name.count + 1)
      guard let definition = category.rules.first(where: { $0.id == id }),
        case .pattern(let pattern) = definition.kind
      else { return nil }
      return pattern.pattern
    }
    fuzzFail(
      "the prefilter changed segment \(index) (\(FuzzBytes.hex(segment.bytes))): evidence "
        + "\(filtered.evidence) and scores \(filtered.scores), but without it "
        + "\(unfiltered.evidence) and \(unfiltered.scores); missing \(names) with patterns "
        + "\(patterns)")
  }

  private func checkJSONLine(
    _ line: [UInt8], index: Int, segment: StreamingSegmenter.Segment,
    document: UnsafeBufferPointer<UInt8>
  ) {
    fuzzCheck(
      line.last == UInt8(ascii: "\n") && line.firstIndex(of: UInt8(ascii: "\n")) == line.count - 1,
      "the JSON line of segment \(index) is not exactly one line: \(FuzzBytes.hex(line))")
    fuzzCheck(
      FuzzBytes.isValidUTF8(line),
      "the JSON line of segment \(index) is not valid UTF-8: \(FuzzBytes.hex(line))")
    // JSONDecoder rather than JSONSerialization, which drops a byte order mark that starts a
    // string value.
    let decoded: JSONLine
    do {
      decoded = try JSONDecoder().decode(JSONLine.self, from: Data(line))
    } catch {
      fuzzCheck(false, "the JSON line of segment \(index) is not JSON (\(error)): \(show(line))")
      return
    }
    fuzzCheck(
      decoded.doc == 1 && decoded.seg == index,
      "segment \(index) has the wrong doc or seg: \(show(line))")
    fuzzCheck(
      decoded.start == segment.start && decoded.end == segment.end && segment.end <= document.count,
      "segment \(index) at \(segment.start)..<\(segment.end) of \(document.count) bytes has "
        + "the wrong start or end: \(show(line))")
    fuzzCheck(
      decoded.text == String(decoding: segment.bytes, as: UTF8.self),
      "the text of segment \(index) is not its bytes \(FuzzBytes.hex(segment.bytes)): "
        + show(line))
    for evidence in decoded.evidence ?? [] {
      guard let start = evidence.start, let end = evidence.end else { continue }
      fuzzCheck(
        start >= 0 && start <= end && end <= document.count,
        "evidence of segment \(index) at \(start)..<\(end) lies outside the document of "
          + "\(document.count) bytes: \(show(line))")
      fuzzCheck(
        evidence.text
          == String(decoding: UnsafeBufferPointer(rebasing: document[start..<end]), as: UTF8.self),
        "the text of evidence of segment \(index) at \(start)..<\(end) is not the document's "
          + "bytes there: \(show(line))")
    }
  }

  /// The fields of a JSON line the check reads.
  private struct JSONLine: Decodable {
    var doc: Int
    var seg: Int
    var start: Int
    var end: Int
    var text: String
    var labels: [String]
    var scores: [String: Double]
    var evidence: [JSONEvidence]?
  }

  /// The fields of an evidence object: a match (`start`, `end`, `text`) or a failed search.
  private struct JSONEvidence: Decodable {
    var rule: String
    var start: Int?
    var end: Int?
    var text: String?
    var error: String?
  }

  private func checkTSVLine(_ line: [UInt8]) {
    fuzzCheck(
      FuzzBytes.isValidUTF8(line), "a TSV line is not valid UTF-8: \(FuzzBytes.hex(line))")
    var tabs = 0
    for (offset, byte) in line.enumerated() where byte < 0x20 || byte == 0x7F {
      if byte == UInt8(ascii: "\t") {
        tabs += 1
      } else if !(byte == UInt8(ascii: "\n") && offset == line.count - 1) {
        fuzzFail("a TSV line holds control character \(FuzzBytes.hex([byte])): \(show(line))")
      }
    }
    fuzzCheck(
      line.last == UInt8(ascii: "\n") && tabs == 3,
      "a TSV line is not one line of four fields: \(show(line))")
  }

  private func checkText(_ text: [UInt8]) {
    guard let decoded = String(validating: text, as: UTF8.self) else {
      fuzzFail("text output is not valid UTF-8: \(FuzzBytes.hex(text))")
    }
    for (offset, byte) in text.enumerated()
    where (byte < 0x20 && byte != UInt8(ascii: "\n")) || byte == 0x7F {
      fuzzFail(
        "text output holds control character \(FuzzBytes.hex([byte])) at byte \(offset): "
          + show(text))
    }
    for scalar in decoded.unicodeScalars
    where (0x80...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
      || (0x2066...0x2069).contains(scalar.value)
    {
      fuzzFail(
        "text output holds C1 or bidirectional control U+\(String(scalar.value, radix: 16)): "
          + show(text))
    }
  }

  private func show(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self).debugDescription
  }
}
