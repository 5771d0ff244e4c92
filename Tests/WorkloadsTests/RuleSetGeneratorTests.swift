import ClassifierCore
import Testing
import Workloads

@Suite struct RuleSetGeneratorTests {
  @Test("a generated rule set loads with exactly the rules asked for", arguments: [4, 100, 1_000])
  func loads(ruleCount: Int) throws {
    var generator = RuleSetGenerator(seed: 9)
    let ruleSet = generator.ruleSet(ruleCount: ruleCount)
    let classifier = try Classifier(loading: ruleSet.sources)
    #expect(ruleSet.ruleCount == ruleCount)
    #expect(classifier.rules.count == ruleCount)
    #expect(classifier.categories.map(\.name) == ["enforcement", "policy", "quote", "statistic"])
  }

  @Test("the same seed gives the same rule files and phrases")
  func deterministic() {
    var first = RuleSetGenerator(seed: 4)
    var again = RuleSetGenerator(seed: 4)
    var other = RuleSetGenerator(seed: 5)
    let ruleSet = first.ruleSet(ruleCount: 500)
    let repeated = again.ruleSet(ruleCount: 500)
    #expect(ruleSet.sources == repeated.sources)
    #expect(ruleSet.phrases == repeated.phrases)
    #expect(ruleSet.text(atLeast: 4096, seed: 1) == repeated.text(atLeast: 4096, seed: 1))
    #expect(ruleSet.sources != other.ruleSet(ruleCount: 500).sources)
  }

  @Test(
    "a large set mixes keyword lists, stems, phrases, patterns of every kind and scopes"
  )
  func mixesRuleKinds() throws {
    var generator = RuleSetGenerator(seed: 1)
    let ruleSet = generator.ruleSet(ruleCount: 2_000)
    let classifier = try Classifier(loading: ruleSet.sources)
    let summary = classifier.summary
    #expect(summary.keywordLists > 600 && summary.patterns > 800)
    #expect(summary.keywords > 4 * summary.keywordLists)
    #expect(summary.unfilteredPatterns > 0 && summary.unfilteredPatterns < summary.patterns / 10)
    let terms = classifier.rules.flatMap(\.terms)
    #expect(terms.contains { $0.isStem } && terms.contains { $0.words.count > 1 })
    #expect(classifier.rules.contains { $0.scope == .previousSegment })
    #expect(classifier.rules.contains { $0.scope == .continuedQuotation })
    let yaml = ruleSet.sources.map(\.text).joined()
    #expect(yaml.contains("case: sensitive") && yaml.contains("max: ") && yaml.contains("[“\""))
  }

  @Test("text made of a rule set's phrases makes most of its rules fire")
  func phrasesFire() throws {
    var generator = RuleSetGenerator(seed: 2)
    let ruleSet = generator.ruleSet(ruleCount: 400)
    let classifier = try Classifier(loading: ruleSet.sources)
    var workspace = ClassifierWorkspace(for: classifier)
    var fired = Set<Int>()
    let text = ruleSet.text(atLeast: 64 << 10, seed: 2)
    var segmenter = StreamingSegmenter(mode: .sentence)
    var index = 0
    text.withUnsafeBufferPointer { input in
      _ = segmenter.reserveInput(input.count).initialize(from: input)
      segmenter.commitInput(input.count)
      segmenter.commitInput(0)
      while let segment = segmenter.nextSegment() {
        classifier.classify(
          segment.bytes,
          after: SegmentBoundary(segmentIndex: index, startsParagraph: segment.startsParagraph),
          in: &workspace)
        index += 1
        fired.formUnion(workspace.result.evidence.map(\.rule))
      }
    }
    #expect(fired.count * 10 >= ruleSet.ruleCount * 7, "\(fired.count) of \(ruleSet.ruleCount)")
  }
}
