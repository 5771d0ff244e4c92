import Testing
import Workloads

@testable import ClassifierCore

@Suite struct LiteralAutomatonTests {
  private static func hits(_ literals: [String], in text: String) -> [(value: Int32, end: Int)] {
    let automaton = LiteralAutomaton(
      literals: literals.enumerated().map { .init(bytes: Array($1.utf8), value: Int32($0)) })
    var hits: [(Int32, Int)] = []
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      automaton.scan(buffer) { hits.append(($0, $1)) }
    }
    return hits
  }

  @Test("finds overlapping literals, folding ASCII case")
  func overlapping() {
    let found = Self.hits(["he", "she", "hers", "HIS"], in: "uShers his")
    #expect(found.map(\.value) == [1, 0, 2, 3])
    #expect(found.map(\.end) == [4, 4, 6, 10])
  }

  @Test("a space in a literal matches any run of ASCII whitespace")
  func whitespaceRuns() {
    #expect(Self.hits(["a b"], in: "a \t\n b a b ab").map(\.end) == [6, 10])
    #expect(Self.hits(["x  y"], in: "x y").map(\.end) == [3])
  }

  /// Compares with a direct search of every literal at every position of the folded text.
  @Test("agrees with a naive search on random literals and texts")
  func agreesWithNaiveSearch() {
    var random = SeededGenerator(seed: 42)
    let alphabet: [String] = ["a", "b", "A", "B", " ", "\t", "é", "ab"]
    for _ in 0..<500 {
      let literals = (0..<Int.random(in: 1...6, using: &random)).map { _ in
        "a"
          + (0..<Int.random(in: 0...3, using: &random)).map { _ in
            alphabet.randomElement(using: &random)!
          }
          .joined() + "b"
      }
      let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in
        alphabet.randomElement(using: &random)!
      }
      .joined()
      let found = Set(Self.hits(literals, in: text).map { "\($0.value)@\($0.end)" })
      #expect(found == Self.naive(literals, in: text), "\(literals) in \(text.debugDescription)")
    }
  }

  /// Folds the text (ASCII lower case, each whitespace run to one space, remembering where each
  /// folded byte ended in the original) and searches every literal at every position.
  private static func naive(_ literals: [String], in text: String) -> Set<String> {
    var folded: [UInt8] = []
    var originalEnd: [Int] = []
    for (index, byte) in text.utf8.enumerated() {
      if TextBytes.isSpace(byte) {
        if folded.last == 0x20 {
          continue
        }
        folded.append(0x20)
      } else {
        folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
      }
      originalEnd.append(index + 1)
    }
    var found: Set<String> = []
    for (value, literal) in literals.enumerated() {
      let needle = LiteralAutomaton.fold(Array(literal.utf8))
      guard needle.count <= folded.count else { continue }
      for start in 0...(folded.count - needle.count)
      where Array(folded[start..<start + needle.count]) == needle {
        found.insert("\(value)@\(originalEnd[start + needle.count - 1])")
      }
    }
    return found
  }
}
