/// Generates news-like English text, deterministically from a seed: articles with a headline and
/// paragraphs separated by blank lines, mixing press-release sentences about arrests, charges and
/// sentences, policy and legislation, statistics, quotations (curly and straight, partial,
/// multi-paragraph, with lead-ins ending `said:`), bulleted lists, and plain narrative, business,
/// sport and technology sentences.
///
/// The text is written from this project's own vocabulary and templates. With the stock rules,
/// about half of its sentences get a label and the others fire few rules or none. The same seed
/// gives the same bytes on every platform.
///
/// ```swift
/// var generator = NewsTextGenerator(seed: 42)
/// let input = generator.text(atLeast: 20 << 20)  // 20 MiB of whole articles
/// ```
public struct NewsTextGenerator {
  /// What an article is mostly about; its paragraphs lean towards it.
  enum Topic: CaseIterable {
    case enforcement, policy, statistics, business, sport, technology, community
  }

  var random: SeededGenerator

  /// Creates a generator whose text is determined by `seed`.
  public init(seed: UInt64) {
    random = SeededGenerator(seed: seed)
  }

  /// Whole articles, one after another with a blank line between them, until there are at least
  /// `byteCount` bytes of UTF-8 text.
  ///
  /// - Complexity: O(`byteCount`).
  public mutating func text(atLeast byteCount: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(byteCount + 8 << 10)
    while bytes.count < byteCount {
      if !bytes.isEmpty { bytes.append(contentsOf: "\n\n".utf8) }
      bytes.append(contentsOf: article().utf8)
    }
    return bytes
  }

  /// One article: a headline, then five to ten paragraphs, separated by blank lines, with no
  /// blank line at the end.
  public mutating func article() -> String {
    let topic = random.pick(Topic.allCases)
    var paragraphs = [headline(topic), sentences(topic, count: 1 + random.below(2))]
    for _ in 0..<(4 + random.below(6)) {
      switch random.below(100) {
      case 0..<22: paragraphs += quotation()
      case 22..<30: paragraphs.append(list())
      case 30..<42: paragraphs.append(narrativeParagraph())
      case 42..<55: paragraphs.append(sentences(random.pick(Topic.allCases), count: 1))
      default: paragraphs.append(sentences(topic, count: 1 + random.below(3)))
      }
    }
    return paragraphs.joined(separator: "\n\n")
  }

  /// `count` sentences about `topic`, as one paragraph; a sentence that starts like the one
  /// before it is drawn again (up to three times), so that a paragraph seldom repeats a template.
  mutating func sentences(_ topic: Topic, count: Int) -> String {
    var sentences: [String] = []
    for _ in 0..<count {
      var next = sentence(topic)
      for _ in 0..<3 where next.prefix(12) == sentences.last?.prefix(12) {
        next = sentence(topic)
      }
      sentences.append(next)
    }
    return sentences.joined(separator: " ")
  }

  mutating func sentence(_ topic: Topic) -> String {
    switch topic {
    case .enforcement: enforcementSentence()
    case .policy: policySentence()
    case .statistics: statisticSentence()
    case .business: businessSentence()
    case .sport: sportSentence()
    case .technology: technologySentence()
    case .community:
      random.chance(50) ? narrativeSentence() : random.pick(NewsVocabulary.narratives)
    }
  }

  mutating func narrativeParagraph() -> String {
    (0..<(2 + random.below(3))).map { _ in
      random.chance(50) ? narrativeSentence() : random.pick(NewsVocabulary.narratives)
    }.joined(separator: " ")
  }
}
