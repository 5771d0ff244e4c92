/// Finds the spans of a paragraph that lie inside quotation marks, where sentences are not split.
///
/// Double quotes (`"`, `“ ”`, `„`, `« »`) are paired; a double quote still open at the end of
/// the paragraph runs to its end (news style for a quotation that continues in the next
/// paragraph). Single quotes (`'`, `‘ ’`) double as apostrophes, so only a pair whose opening
/// follows a non-letter and whose closing precedes a non-letter counts, and an unpaired one is
/// ignored.
struct QuoteRegions {
  private(set) var regions: [Range<Int>] = []

  /// Finds the quoted spans of `text`, replacing the previous ones.
  mutating func find(in text: UnsafeBufferPointer<UInt8>) {
    regions.removeAll(keepingCapacity: true)
    var doubleOpen: Int?
    var singleOpen: Int?
    var index = 0
    let count = text.count
    func closeDouble(_ end: Int) {
      if let open = doubleOpen { regions.append(open..<end) }
      doubleOpen = nil
      singleOpen = nil
    }
    while index < count {
      let byte = text[index]
      if byte == UInt8(ascii: "\"") {
        if doubleOpen == nil { doubleOpen = index } else { closeDouble(index + 1) }
        index += 1
      } else if byte == UInt8(ascii: "'") {
        if let open = singleOpen {
          if index > 0, !TextBytes.isSpace(text[index - 1]),
            !WordBoundary.isWordCharacter(at: index + 1, in: text)
          {
            regions.append(open..<index + 1)
            singleOpen = nil
          }
        } else if !WordBoundary.isWordCharacter(before: index, in: text), index + 1 < count,
          !TextBytes.isSpace(text[index + 1])
        {
          singleOpen = index
        }
        index += 1
      } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80 {
        switch text[index + 2] {
        case TextBytes.leftDoubleQuote, TextBytes.lowDoubleQuote:
          if doubleOpen == nil { doubleOpen = index }
        case TextBytes.rightDoubleQuote:
          if doubleOpen != nil {
            closeDouble(index + 3)
          } else if index == 0 || TextBytes.isSpace(text[index - 1]) {
            doubleOpen = index  // a right quote used as an opening one
          }
        case TextBytes.leftSingleQuote:
          if singleOpen == nil && !WordBoundary.isWordCharacter(before: index, in: text) {
            singleOpen = index
          }
        case TextBytes.rightSingleQuote:
          if let open = singleOpen, !WordBoundary.isWordCharacter(at: index + 3, in: text) {
            regions.append(open..<index + 3)
            singleOpen = nil
          }
        default:
          break
        }
        index += 3
      } else if byte == 0xC2, index + 1 < count, text[index + 1] == 0xAB || text[index + 1] == 0xBB
      {
        if text[index + 1] == 0xAB {
          if doubleOpen == nil { doubleOpen = index }
        } else {
          closeDouble(index + 2)
        }
        index += 2
      } else {
        index += 1
      }
    }
    closeDouble(count)
  }

  /// Whether `offset` lies strictly inside a quoted span.
  func contains(_ offset: Int) -> Bool {
    regions.contains { $0.lowerBound < offset && offset < $0.upperBound }
  }
}
