import ClassifierCore
import Testing
import Workloads

@Suite struct NewsTextGeneratorTests {
  @Test("the same seed gives the same bytes; another seed, other bytes")
  func deterministic() {
    var first = NewsTextGenerator(seed: 5)
    var again = NewsTextGenerator(seed: 5)
    var other = NewsTextGenerator(seed: 6)
    let text = first.text(atLeast: 64 << 10)
    #expect(text == again.text(atLeast: 64 << 10))
    #expect(text != other.text(atLeast: 64 << 10))
  }

  @Test(
    "text is at least the size asked for, valid UTF-8, with blank lines between paragraphs"
  )
  func shape() throws {
    var generator = NewsTextGenerator(seed: 1)
    let bytes = generator.text(atLeast: 100_000)
    #expect(bytes.count >= 100_000 && bytes.count < 110_000)
    let text = try #require(String(validating: bytes, as: UTF8.self))
    #expect(!text.hasSuffix("\n") && !text.hasPrefix("\n"))
    #expect(text.components(separatedBy: "\n\n").count > 500)
    #expect(!text.contains("\n\n\n"))
  }

  @Test(
    "the text has every kind of passage the rules meet",
    arguments: [
      "“", "”", "\"", " said: “", "\n• ", "\n- ", "£", "$", "€", "%", " per cent", " rose from ",
      "arrested", "charged with", "jailed for", "consultation", "second reading", "Bill",
    ])
  func containsPassages(passage: String) {
    var generator = NewsTextGenerator(seed: 2)
    let text = String(decoding: generator.text(atLeast: 200_000), as: UTF8.self)
    #expect(text.contains(passage))
  }

  @Test("every stock category labels some segments and none labels most")
  func stockRulesFireSometimes() throws {
    let classifier = try Classifier(loading: RuleSource.stock)
    var generator = NewsTextGenerator(seed: 3)
    let text = generator.text(atLeast: 200_000)
    var segmenter = StreamingSegmenter(mode: .sentence)
    var workspace = ClassifierWorkspace(for: classifier)
    var labelled = Array(repeating: 0, count: classifier.categories.count)
    var segments = 0
    text.withUnsafeBufferPointer { input in
      let space = segmenter.reserveInput(input.count)
      _ = space.initialize(from: input)
      segmenter.commitInput(input.count)
      segmenter.commitInput(0)
      while let segment = segmenter.nextSegment() {
        classifier.classify(
          segment.bytes,
          after: SegmentBoundary(segmentIndex: segments, startsParagraph: segment.startsParagraph),
          in: &workspace)
        segments += 1
        for category in workspace.result.labels { labelled[category] += 1 }
      }
    }
    #expect(segments > 2_000)
    for (category, count) in zip(classifier.categories, labelled) {
      #expect(
        count * 50 > segments && count * 3 < segments, "\(category.name): \(count) of \(segments)")
    }
  }
}
