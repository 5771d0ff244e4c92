import Foundation
import Testing
import Workloads

@testable import ClassifierCore

/// The literal prefilter runs a pattern only on segments where one of its required literals
/// occurs; `Classifier.Options(usesLiteralPrefilter: false)` runs every pattern on every segment.
/// The two must classify every segment identically: the same scores, labels, evidence (rule,
/// term, weight, byte range, segment) and failed searches, with documents classified in order so
/// that rules scoped to the previous segment or to a continued quotation see their context.
@Suite struct PrefilterEquivalenceTests {
  /// A document's segments in order, each with what separates it from the one before.
  typealias Document = [(boundary: SegmentBoundary, bytes: [UInt8])]

  /// What classifying one segment gave, copied out of the workspace.
  struct Outcome: Equatable {
    var scores: [Double]
    var isLabelled: [Bool]
    var evidence: [Evidence]
    var failedSearches: [FailedSearch]

    init(_ result: SegmentClassification) {
      scores = result.scores
      isLabelled = result.isLabelled
      evidence = result.evidence
      failedSearches = result.failedSearches
    }
  }

  /// What a comparison found.
  struct Comparison {
    var segments = 0
    /// The segments on which the two classifiers differ, described.
    var differences: [String] = []
    /// Segments on which some pattern rule matched (with the prefilter off).
    var segmentsWithPatternEvidence = 0
    /// The rules that gave evidence somewhere.
    var firedRules: Set<Int> = []
  }

  /// Classifies every segment of `documents` with both classifiers, in document order, each with
  /// its own workspace.
  static func compare(_ filtered: Classifier, _ unfiltered: Classifier, _ documents: [Document])
    -> Comparison
  {
    var comparison = Comparison()
    var filteredWorkspace = ClassifierWorkspace(for: filtered)
    var unfilteredWorkspace = ClassifierWorkspace(for: unfiltered)
    for (documentIndex, document) in documents.enumerated() {
      for (segmentIndex, segment) in document.enumerated() {
        segment.bytes.withUnsafeBufferPointer { bytes in
          filtered.classify(bytes, after: segment.boundary, in: &filteredWorkspace)
          unfiltered.classify(bytes, after: segment.boundary, in: &unfilteredWorkspace)
        }
        let expected = Outcome(unfilteredWorkspace.result)
        let actual = Outcome(filteredWorkspace.result)
        comparison.segments += 1
        comparison.firedRules.formUnion(expected.evidence.map(\.rule))
        if expected.evidence.contains(where: { unfiltered.rules[$0.rule].terms.isEmpty }) {
          comparison.segmentsWithPatternEvidence += 1
        }
        if actual != expected {
          let text = String(decoding: segment.bytes, as: UTF8.self)
          comparison.differences.append(
            "document \(documentIndex) segment \(segmentIndex) \(text.debugDescription):\n"
              + "  with the prefilter    \(actual)\n  without the prefilter \(expected)")
        }
      }
    }
    return comparison
  }

  /// The stock rules with the prefilter and without it, compiled once for every test here.
  static let stock = try! classifiers(RuleSource.stock)

  /// The classifier for `sources` with the prefilter, and without it.
  static func classifiers(_ sources: [RuleSource]) throws -> (Classifier, Classifier) {
    (
      try Classifier(loading: sources),
      try Classifier(loading: sources, options: .init(usesLiteralPrefilter: false))
    )
  }

  // MARK: Inputs

  static func repositoryPath(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(relative).path
  }

  /// The segments of one document, cut in sentence mode as `classify` cuts them.
  static func segments(of text: [UInt8]) -> Document {
    var segmenter = StreamingSegmenter(mode: .sentence)
    var document: Document = []
    var offset = 0
    while true {
      while let segment = segmenter.nextSegment() {
        let boundary = SegmentBoundary(
          segmentIndex: document.count, startsParagraph: segment.startsParagraph)
        document.append((boundary, Array(segment.bytes)))
      }
      if segmenter.isFinished { return document }
      let space = segmenter.reserveInput()
      let count = min(space.count, text.count - offset)
      for index in 0..<count { space[index] = text[offset + index] }
      offset += count
      segmenter.commitInput(count)
    }
  }

  /// A labelled corpus's lines as documents: consecutive lines with the same `doc` are one
  /// document, as `classify eval` reads them.
  static func corpusDocuments(_ path: String) throws -> [Document] {
    let corpus = try LabelledCorpus(contentsOf: repositoryPath(path))
    var documents: [Document] = []
    var previous: String??
    for example in corpus.examples {
      if documents.isEmpty || previous != .some(example.document) {
        documents.append([(.documentStart, Array(example.text.utf8))])
      } else {
        documents[documents.count - 1].append((.withinParagraph, Array(example.text.utf8)))
      }
      previous = .some(example.document)
    }
    return documents
  }

  /// Each text in `Examples/` as one document.
  static func exampleDocuments() throws -> [Document] {
    let directory = repositoryPath("Examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".txt") }.sorted()
    #expect(!names.isEmpty)
    return try names.map { name in
      segments(of: Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
    }
  }

  // MARK: Stock rules

  @Test(
    "stock rules: the same results with and without the prefilter on the corpus and examples",
    arguments: ["Corpus/dev.jsonl", "Corpus/test.jsonl", "Examples"])
  func stockRules(input: String) throws {
    let documents =
      input == "Examples"
      ? try Self.exampleDocuments() : try Self.corpusDocuments(input)
    let comparison = Self.compare(Self.stock.0, Self.stock.1, documents)
    #expect(
      comparison.differences.isEmpty, "\(comparison.differences.prefix(5).joined(separator: "\n"))")
    #expect(comparison.segments >= 40)
    // Not a vacuous check: patterns matched on a good part of the segments.
    #expect(comparison.segmentsWithPatternEvidence * 4 >= comparison.segments)
  }

  // MARK: Generated rule sets

  @Test(
    "1,000 generated rules: the same results without the prefilter, on news and on their phrases",
    arguments: [1, 2, 3] as [UInt64])
  func generatedRules(seed: UInt64) throws {
    var generator = RuleSetGenerator(seed: seed)
    let ruleSet = generator.ruleSet(ruleCount: 1_000)
    let (filtered, unfiltered) = try Self.classifiers(ruleSet.sources)
    var news = NewsTextGenerator(seed: seed)
    let onNews = Self.compare(
      filtered, unfiltered, [Self.segments(of: news.text(atLeast: 48 << 10))])
    #expect(onNews.differences.isEmpty, "\(onNews.differences.prefix(5).joined(separator: "\n"))")
    #expect(onNews.segmentsWithPatternEvidence * 4 >= onNews.segments)
    #expect(onNews.firedRules.count >= 100)
    let onPhrases = Self.compare(
      filtered, unfiltered, [Self.segments(of: ruleSet.text(atLeast: 48 << 10, seed: seed))])
    #expect(
      onPhrases.differences.isEmpty, "\(onPhrases.differences.prefix(5).joined(separator: "\n"))")
    #expect(onPhrases.segmentsWithPatternEvidence * 2 >= onPhrases.segments)
    #expect(onPhrases.firedRules.count >= 600)
  }

  // MARK: The check itself

  /// What a prefilter that wrongly skipped a pattern would look like: the same rule set with one
  /// pattern replaced by one that never matches (same rule indices, so only that rule's evidence
  /// can differ). The comparison must report exactly the segments where the pattern matched.
  @Test("the comparison reports every segment on which a skipped pattern would have matched")
  func comparisonNoticesASkippedPattern() throws {
    let unfiltered = Self.stock.1
    let documents = try Self.exampleDocuments()
    // The pattern rule that matches on the most example segments.
    var matches: [Int: Int] = [:]
    var workspace = ClassifierWorkspace(for: unfiltered)
    for document in documents {
      for segment in document {
        segment.bytes.withUnsafeBufferPointer {
          unfiltered.classify($0, after: segment.boundary, in: &workspace)
        }
        for rule in Set(workspace.result.evidence.map(\.rule))
        where unfiltered.rules[rule].terms.isEmpty {
          matches[rule, default: 0] += 1
        }
      }
    }
    let (skipped, count) = try #require(matches.max { ($0.value, $1.key) < ($1.value, $0.key) })
    var index = 0
    let categories = unfiltered.ruleSet.categories.map { category in
      var category = category
      category.rules = category.rules.map { rule in
        defer { index += 1 }
        guard index == skipped, case .pattern(let pattern) = rule.kind else { return rule }
        var rule = rule
        rule.kind = .pattern(
          PatternRule(
            pattern: #"[^\s\S]"#, weight: pattern.weight, isCaseSensitive: false,
            location: rule.location))
        return rule
      }
      return category
    }
    let skipping = try Classifier(ruleSet: RuleSet(categories: categories))
    let comparison = Self.compare(skipping, unfiltered, documents)
    #expect(count > 0)
    #expect(comparison.differences.count == count, "\(unfiltered.rules[skipped].name)")
  }
}
