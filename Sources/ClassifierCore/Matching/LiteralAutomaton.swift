/// An Aho-Corasick automaton, compiled to a dense table, that finds every occurrence of many
/// literals in one pass over the bytes.
///
/// Matching folds ASCII letters to lower case and treats any run of ASCII whitespace as a single
/// space, so the literal `undercover officer` is found in `Undercover\n  officers`. Every keyword
/// of every category and every literal a pattern requires live in one automaton: a segment is
/// read once, whatever the number of rules.
struct LiteralAutomaton: Sendable {
  /// One literal to find and the value reported when it is found.
  struct Literal: Hashable {
    /// The literal's bytes; folded (lowercased ASCII, single spaces) when the automaton is built.
    var bytes: [UInt8]
    /// Reported, with the literal's end offset, on each occurrence.
    var value: Int32
  }

  /// Byte → symbol class. Class 0 is "no literal has this byte", class 1 is whitespace.
  private let classOf: [UInt8]
  private let classCount: Int
  /// `transitions[row + class]` is the next state's row, where a state's row is its number times
  /// `classCount` (kept multiplied, so that a step is one load and one add).
  private let transitions: [Int32]
  /// States whose row is at or above this report values; all others report nothing.
  private let firstReportingState: Int32
  /// For reporting state `s`, its values are `values[valueStart[i]..<valueStart[i + 1]]` with
  /// `i = s - firstReportingState`; a state reports its own literals and those of its suffixes.
  private let valueStart: [Int32]
  private let values: [Int32]

  private static let spaceClass: UInt8 = 1

  /// Builds the automaton.
  ///
  /// - Precondition: no literal is empty or only whitespace.
  /// - Complexity: O(total literal length × classes) time and memory.
  init(literals: [Literal]) {
    var classOf = [UInt8](repeating: 0, count: 256)
    for byte in UInt8(0)...0x7F where TextBytes.isSpace(byte) {
      classOf[Int(byte)] = Self.spaceClass
    }
    var nextClass = 2
    let folded = literals.map { Literal(bytes: Self.fold($0.bytes), value: $0.value) }
    for literal in folded {
      precondition(literal.bytes.contains { $0 != 0x20 }, "a literal needs a non-space byte")
      for byte in literal.bytes where classOf[Int(byte)] == 0 {
        precondition(nextClass < 256, "too many distinct literal bytes")
        classOf[Int(byte)] = UInt8(nextClass)
        nextClass += 1
      }
    }
    for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
      classOf[Int(upper)] = classOf[Int(upper | 0x20)]
    }
    let classCount = nextClass
    self.classOf = classOf
    self.classCount = classCount

    // The trie, breadth-first failure links, then a dense table with failures resolved.
    var trie = Trie()
    for literal in folded {
      trie.insert(literal.bytes.map { classOf[Int($0)] }, value: literal.value)
    }
    let order = trie.computeFailureLinks()

    // Number the states so that reporting states come last and one comparison finds them, then
    // fill the dense table in that numbering (failure transitions resolved), row offsets as
    // values.
    let reports = trie.reportedValues(in: order)
    let quiet = (0..<trie.nodeCount).filter { reports[$0].isEmpty }
    let loud = (0..<trie.nodeCount).filter { !reports[$0].isEmpty }
    var row = [Int32](repeating: 0, count: trie.nodeCount)
    for (number, node) in (quiet + loud).enumerated() { row[node] = Int32(number * classCount) }
    precondition(row[0] == 0, "the root reports nothing, so it keeps number 0")
    precondition(trie.nodeCount * classCount < Int(Int32.max), "the automaton is too large")
    var table = [Int32](repeating: 0, count: trie.nodeCount * classCount)
    for node in order {
      let here = Int(row[node])
      if node != 0 {
        // What the failure state does, except where this state has a child.
        let fallback = Int(row[trie.failure[node]])
        for symbol in 0..<classCount { table[here + symbol] = table[fallback + symbol] }
      }
      for edge in trie.edges[node] { table[here + Int(edge.symbol)] = row[Int(edge.child)] }
      // Extra whitespace after a whitespace keeps the state: runs of spaces read as one.
      if node != 0, trie.incomingSymbol[node] == Int(Self.spaceClass) {
        table[here + Int(Self.spaceClass)] = row[node]
      }
    }
    transitions = table
    firstReportingState = Int32(quiet.count * classCount)
    var valueStart: [Int32] = [0]
    var values: [Int32] = []
    for node in loud {
      values += reports[node]
      valueStart.append(Int32(values.count))
    }
    self.valueStart = valueStart
    self.values = values
  }

  /// Calls `report(value, end)` for every occurrence of every literal in `bytes`, in order of
  /// the occurrences' ends (`end` is the offset just past the occurrence).
  ///
  /// - Complexity: O(`bytes.count` + occurrences).
  @inline(__always)
  func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ report: (_ value: Int32, _ end: Int) -> Void) {
    classOf.withUnsafeBufferPointer { classOf in
      transitions.withUnsafeBufferPointer { transitions in
        var state: Int32 = 0
        for index in 0..<bytes.count {
          state = transitions[Int(state &+ Int32(classOf[Int(bytes[index])]))]
          if state >= firstReportingState {
            let row = Int(state - firstReportingState) / classCount
            for slot in Int(valueStart[row])..<Int(valueStart[row + 1]) {
              report(values[slot], index + 1)
            }
          }
        }
      }
    }
  }

  /// Lowercases ASCII letters and turns each run of whitespace into one space.
  static func fold(_ bytes: [UInt8]) -> [UInt8] {
    var folded: [UInt8] = []
    folded.reserveCapacity(bytes.count)
    for byte in bytes {
      if TextBytes.isSpace(byte) {
        if folded.last != 0x20 { folded.append(0x20) }
      } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
        folded.append(byte | 0x20)
      } else {
        folded.append(byte)
      }
    }
    return folded
  }
}

/// The build-time trie behind `LiteralAutomaton`, with each node's edges in a short list (a dense
/// table here would double the memory the automaton needs while it is built).
private struct Trie {
  struct Edge {
    var symbol: UInt8
    var child: Int32
  }

  private(set) var edges: [[Edge]] = [[]]
  private(set) var incomingSymbol: [Int] = [-1]
  private(set) var failure: [Int] = [0]
  private var ownValues: [[Int32]] = [[]]

  var nodeCount: Int { ownValues.count }

  func child(_ node: Int, _ symbol: UInt8) -> Int {
    for edge in edges[node] where edge.symbol == symbol { return Int(edge.child) }
    return -1
  }

  mutating func insert(_ symbols: [UInt8], value: Int32) {
    var node = 0
    for symbol in symbols {
      var next = child(node, symbol)
      if next < 0 {
        next = nodeCount
        edges[node].append(Edge(symbol: symbol, child: Int32(next)))
        edges.append([])
        incomingSymbol.append(Int(symbol))
        failure.append(0)
        ownValues.append([])
      }
      node = next
    }
    if !ownValues[node].contains(value) { ownValues[node].append(value) }
  }

  /// Sets failure links breadth-first; returns the nodes in that order (root first).
  mutating func computeFailureLinks() -> [Int] {
    var order = [0]
    var head = 0
    while head < order.count {
      let node = order[head]
      head += 1
      for edge in edges[node] {
        let next = Int(edge.child)
        if node != 0 {
          var fallback = failure[node]
          while fallback != 0 && child(fallback, edge.symbol) < 0 { fallback = failure[fallback] }
          let candidate = child(fallback, edge.symbol)
          failure[next] = candidate >= 0 && candidate != next ? candidate : 0
        }
        order.append(next)
      }
    }
    return order
  }

  /// Each node's own values followed by those of its failure chain.
  func reportedValues(in order: [Int]) -> [[Int32]] {
    var reports = [[Int32]](repeating: [], count: nodeCount)
    for node in order where node != 0 {
      reports[node] = ownValues[node] + reports[failure[node]]
    }
    return reports
  }
}
