extension NewsTextGenerator {
  /// A whole number with thousands separators: 1,234,567.
  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }

  /// A count in `range`, grouped: "1,450".
  mutating func count(_ range: ClosedRange<Int>) -> String {
    Self.grouped(number(range))
  }

  /// A percentage written one of the ways news writes it: 12%, 4.5 per cent, 30 percent.
  mutating func percent() -> String {
    let whole = number(1...68)
    let value = random.chance(40) ? "\(whole).\(number(1...9))" : "\(whole)"
    switch random.below(10) {
    case 0..<6: return value + "%"
    case 6..<9: return value + " per cent"
    default: return value + " percent"
    }
  }

  /// An amount of money in pounds, dollars or euros: £3.2m, $450,000, €1.1bn, £75.
  mutating func money() -> String {
    let currency = random.pick(["£", "£", "£", "$", "€"])
    switch random.below(4) {
    case 0: return currency + "\(number(1...99)).\(number(1...9))m"
    case 1: return currency + "\(number(1...9)).\(number(1...9))bn"
    case 2: return currency + Self.grouped(number(5...900) * 1_000)
    default: return currency + "\(number(20...5_000))"
    }
  }
}
