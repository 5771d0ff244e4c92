/// A rough estimate of how rarely a literal occurs in English news text, used to choose which
/// literals a pattern's prefilter looks for: the rarer the literals, the fewer segments the
/// pattern has to run on.
///
/// A literal scores one point per letter or space, half a point per comma or full stop, 1.5 per
/// digit, 2 per other ASCII character and 3 per non-ASCII character (curly quotes, currency
/// signs), so `£` outranks `for`; a very common English word scores at most 1.5 however long it
/// is. (A point is about four bits of surprise.) A set scores its weakest member, less a quarter
/// of a point per doubling of its size.
enum LiteralRarity {
  /// The score of a set of alternatives; higher is rarer.
  static func score(_ set: Set<[UInt8]>) -> Double {
    guard !set.isEmpty else { return 0 }
    var weakest = Double.infinity
    for literal in set { weakest = min(weakest, score(literal)) }
    return weakest - log2(Double(set.count)) / 4
  }

  /// The score of one literal; higher is rarer.
  static func score(_ literal: [UInt8]) -> Double {
    var total = 0.0
    var letters = 0
    for byte in literal {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"):
        total += 1
        letters += 1
      case 0x20: total += 1
      case UInt8(ascii: ","), UInt8(ascii: "."): total += 0.5
      case UInt8(ascii: "0")...UInt8(ascii: "9"): total += 1.5
      case 0x80...0xBF: break  // continuation bytes: the character was counted at its lead byte
      case 0xC0...0xFF: total += 3
      default: total += 2
      }
    }
    // Only a literal of letters and spaces, no longer than the longest common word, can be one.
    if total > 1.5 && letters <= longestCommonWord && Double(letters) + spaces(literal) == total {
      let word = literal.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
      if commonWords.contains(Array(word)) { total = 1.5 }
    }
    return total
  }

  private static func spaces(_ literal: [UInt8]) -> Double {
    Double(literal.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) })
  }

  private static func log2(_ value: Double) -> Double {
    var result = 0.0
    var remaining = value
    while remaining >= 2 {
      remaining /= 2
      result += 1
    }
    return result + (remaining - 1)
  }

  private static let longestCommonWord = commonWords.map(\.count).max() ?? 0

  /// Words so frequent in news text that requiring one filters almost nothing.
  private static let commonWords: Set<[UInt8]> = Set(
    """
    the of and to a in is it that for on was with as he she his her at by from be are this have has
    had not but or an they were which you we their its been will would who one all more about up
    out so can no if also than after new two when there into over some could them first our only
    said says say year years people police i
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) })
}
