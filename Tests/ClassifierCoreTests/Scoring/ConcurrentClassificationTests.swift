import Testing

@testable import ClassifierCore

@Suite struct ConcurrentClassificationTests {
  /// Sentences that exercise keywords, patterns and suppressors of every stock category.
  private static let sentences = [
    "Officers made 214 arrests during the fortnight-long operation.",
    "“This Bill finally makes platforms answer for what they host,” the minister said.",
    "The regulator has opened an investigation into the forum's compliance with its duties.",
    "He was jailed for eight years at the crown court on Friday.",
    "Reports rose by 40% in a year, according to official figures.",
    "The so-called “dark web” market was shut down.",
    "Parents are urged to talk to their children about online safety.",
    "The club fined the striker two weeks' wages for the red card.",
  ]

  private static func scores(_ classifier: Classifier, rounds: Int) -> [[Double]] {
    var workspace = ClassifierWorkspace(for: classifier)
    var all: [[Double]] = []
    for _ in 0..<rounds {
      for sentence in sentences {
        Array(sentence.utf8).withUnsafeBufferPointer { classifier.classify($0, in: &workspace) }
        all.append(workspace.result.scores)
      }
    }
    return all
  }

  @Test("one classifier shared by many tasks, each with its own workspace, gives the same scores")
  func sharedAcrossTasks() async throws {
    let classifier = try Classifier(loading: RuleSource.stock)
    let expected = Self.scores(classifier, rounds: 1)
    let results = await withTaskGroup(of: [[Double]].self) { group in
      for _ in 0..<8 {
        group.addTask { Self.scores(classifier, rounds: 50) }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 8)
    for result in results {
      #expect(result == Array([[[Double]]](repeating: expected, count: 50).joined()))
    }
  }
}
