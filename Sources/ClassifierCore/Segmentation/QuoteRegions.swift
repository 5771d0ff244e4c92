/// Finds the spans of a paragraph that lie inside quotation marks, where sentences are not split.
///
/// Double quotes (`"`, `“ ”`, `„ “`, `„ ”`, `« »`) are paired; a double quote still open at the
/// end of the paragraph runs to its end (news style for a quotation that continues in the next
/// paragraph). Single quotes (`'`, `‘ ’`) double as apostrophes, so only a pair whose opening
/// follows a non-letter and whose closing precedes a non-letter counts, an opening one before an
/// elided year (`'90s`) is an apostrophe, and an unpaired one is ignored.
///
/// The spans are kept sorted and disjoint (overlapping ones are merged), so that `contains(_:)` is
/// a binary search however many quotations a long paragraph has.
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
      if let open = doubleOpen { add(open..<end) }
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
            add(open..<index + 1)
            singleOpen = nil
          }
        } else if !WordBoundary.isWordCharacter(before: index, in: text), index + 1 < count,
          !TextBytes.isSpace(text[index + 1]), !TextBytes.isElidedYear(at: index + 1, in: text)
        {
          singleOpen = index
        }
        index += 1
      } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80 {
        switch text[index + 2] {
        case TextBytes.leftDoubleQuote, TextBytes.lowDoubleQuote:
          if let open = doubleOpen {
            // `„…“`: a left quote closes a quotation that a low one opened.
            if text[index + 2] == TextBytes.leftDoubleQuote,
              TextBytes.isPunctuation(TextBytes.lowDoubleQuote, at: open, in: text)
            {
              closeDouble(index + 3)
            }
          } else {
            doubleOpen = index
          }
        case TextBytes.rightDoubleQuote:
          if doubleOpen != nil {
            closeDouble(index + 3)
          } else if index == 0 || TextBytes.isSpace(text[index - 1]) {
            doubleOpen = index  // a right quote used as an opening one
          }
        case TextBytes.leftSingleQuote:
          if singleOpen == nil && !WordBoundary.isWordCharacter(before: index, in: text)
            && !TextBytes.isElidedYear(at: index + 3, in: text)
          {
            singleOpen = index
          }
        case TextBytes.rightSingleQuote:
          if let open = singleOpen, !WordBoundary.isWordCharacter(at: index + 3, in: text) {
            add(open..<index + 3)
            singleOpen = nil
          }
        default:
          // Not a quote: step over `E2 80` only, so that a byte after a truncated sequence is
          // still looked at.
          index += 2
          continue
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
    // A paragraph that opens with a single quotation mark it never closes is one quotation
    // (news style for a quote that continues in the next paragraph).
    if let open = singleOpen, doubleOpen == nil, open == 0 { add(open..<count) }
    closeDouble(count)
  }

  /// Adds a span that ends after every span added before, merging it with those it overlaps
  /// (an offset strictly inside the merged span is strictly inside one of them).
  private mutating func add(_ region: Range<Int>) {
    var lower = region.lowerBound
    while let last = regions.last, last.upperBound > lower {
      lower = min(lower, last.lowerBound)
      regions.removeLast()
    }
    regions.append(lower..<region.upperBound)
  }

  /// Whether `offset` lies strictly inside a quoted span.
  func contains(_ offset: Int) -> Bool {
    // The first span that ends after `offset`.
    var low = 0
    var high = regions.count
    while low < high {
      let middle = (low + high) / 2
      if regions[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
    }
    return low < regions.count && regions[low].lowerBound < offset
  }
}
