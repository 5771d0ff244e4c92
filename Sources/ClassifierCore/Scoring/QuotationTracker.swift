/// Follows quotation marks from segment to segment, to tell whether a segment starts inside a
/// quotation that an earlier segment opened.
///
/// Double quotes (`"`, `“ ”`, `„`, `« »`) and single ones used as quotation marks (`‘ ’`, `'`
/// after a non-letter, not before an elided year such as `'90s`) open and close quotations. A
/// quotation left open at a paragraph's end continues only into a paragraph that opens with a
/// quotation mark, and one that sees no quotation mark for `maximumSpan` segments is taken to
/// be a stray mark and dropped. A single quotation opened before a lower-case letter that its
/// segment leaves open is taken to be an elision (`'cause`, `‘em`) and dropped at the segment's end.
struct QuotationTracker {
  /// How many segments without a quotation mark an open quotation may span.
  static let maximumSpan = 6

  /// Which quotations the segments seen so far left open, and whether the double one opened with
  /// a low mark (`„`), which a left mark (`“`) closes.
  private var doubleOpen = false
  private var openedLow = false
  private var singleOpen = false
  private var segmentsWithoutMark = 0

  private var isOpen: Bool { doubleOpen || singleOpen }

  /// Forgets any open quotation (a new document starts).
  mutating func reset() {
    doubleOpen = false
    openedLow = false
    singleOpen = false
    segmentsWithoutMark = 0
  }

  /// Whether `segment`, which follows the segments seen so far after `boundary`, starts inside a
  /// quotation one of them opened.
  func continues(_ segment: UnsafeBufferPointer<UInt8>, after boundary: SegmentBoundary) -> Bool {
    guard isOpen, segmentsWithoutMark < Self.maximumSpan else { return false }
    switch boundary {
    case .documentStart: return false
    case .paragraphStart: return Self.opensWithQuotationMark(segment)
    case .withinParagraph: return true
    }
  }

  /// Takes in the quotation marks of `segment`, which follows the segments seen so far;
  /// `continuing` is what `continues(_:after:)` said of it.
  mutating func advance(over segment: UnsafeBufferPointer<UInt8>, continuing: Bool) {
    let wasOpen = isOpen
    var doubleOpen = continuing && self.doubleOpen
    var openedLow = doubleOpen && self.openedLow
    var singleOpen = continuing && self.singleOpen
    var singleOpenedBeforeLowercase = false
    var sawMark = false
    var index = 0
    let count = segment.count
    while index < count {
      let byte = segment[index]
      var width = 1
      if byte == UInt8(ascii: "\"") {
        // At the start of a segment inside a quotation, a mark reopens it (a continuation).
        if index > 0 || !doubleOpen { doubleOpen.toggle() }
        openedLow = false
        if !doubleOpen { singleOpen = false }
        sawMark = true
      } else if byte == UInt8(ascii: "'") {
        sawMark =
          updateSingle(
            &singleOpen, &singleOpenedBeforeLowercase, at: index, width: 1, in: segment,
            opening: true, closing: true)
          || sawMark
      } else if byte == 0xE2, index + 2 < count, segment[index + 1] == 0x80 {
        width = 3
        switch segment[index + 2] {
        case TextBytes.leftDoubleQuote where doubleOpen && openedLow:
          doubleOpen = false  // `„…“`
          openedLow = false
          singleOpen = false
          sawMark = true
        case TextBytes.leftDoubleQuote, TextBytes.lowDoubleQuote:
          if !doubleOpen { openedLow = segment[index + 2] == TextBytes.lowDoubleQuote }
          doubleOpen = true
          sawMark = true
        case TextBytes.rightDoubleQuote:
          openedLow = false
          if doubleOpen {
            doubleOpen = false
            singleOpen = false
          } else if index == 0 || TextBytes.isSpace(segment[index - 1]) {
            doubleOpen = true  // a right quote used as an opening one
          }
          sawMark = true
        case TextBytes.leftSingleQuote:
          sawMark =
            updateSingle(
              &singleOpen, &singleOpenedBeforeLowercase, at: index, width: 3, in: segment,
              opening: true, closing: false)
            || sawMark
        case TextBytes.rightSingleQuote:
          sawMark =
            updateSingle(
              &singleOpen, &singleOpenedBeforeLowercase, at: index, width: 3, in: segment,
              opening: false, closing: true)
            || sawMark
        default:
          width = 2
        }
      } else if byte == 0xC2, index + 1 < count,
        segment[index + 1] == 0xAB || segment[index + 1] == 0xBB
      {
        width = 2
        doubleOpen = segment[index + 1] == 0xAB
        openedLow = false
        if !doubleOpen { singleOpen = false }
        sawMark = true
      }
      index += width
    }
    if singleOpen && singleOpenedBeforeLowercase { singleOpen = false }
    segmentsWithoutMark = wasOpen && !sawMark ? segmentsWithoutMark + 1 : 0
    self.doubleOpen = doubleOpen
    self.openedLow = openedLow
    self.singleOpen = singleOpen
  }

  /// Opens or closes a single quotation at a single quote mark `width` bytes long: it closes
  /// one when no word character follows, and opens one when no word character precedes it and
  /// no space or elided year (`'90s`) follows, noting in `openedBeforeLowercase` whether a
  /// lower-case letter follows the opening mark. Returns whether it did either (an apostrophe
  /// does neither).
  private func updateSingle(
    _ singleOpen: inout Bool, _ openedBeforeLowercase: inout Bool, at index: Int, width: Int,
    in segment: UnsafeBufferPointer<UInt8>, opening: Bool, closing: Bool
  ) -> Bool {
    if singleOpen {
      guard closing && !WordBoundary.isWordCharacter(at: index + width, in: segment) else {
        return false
      }
      singleOpen = false
      return true
    }
    guard opening, !WordBoundary.isWordCharacter(before: index, in: segment),
      index + width < segment.count, !TextBytes.isSpace(segment[index + width]),
      !TextBytes.isElidedYear(at: index + width, in: segment)
    else { return false }
    singleOpen = true
    openedBeforeLowercase = Self.isLowercaseLetter(at: index + width, in: segment)
    return true
  }

  /// Whether the byte at `index` is an ASCII lower-case letter.
  private static func isLowercaseLetter(at index: Int, in segment: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    index < segment.count && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(segment[index])
  }

  /// Whether the segment's first character, after any opening brackets, is a quotation mark.
  private static func opensWithQuotationMark(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < segment.count && segment[index] == UInt8(ascii: "(") { index += 1 }
    guard index < segment.count else { return false }
    switch segment[index] {
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      return true
    case 0xE2:
      guard index + 2 < segment.count, segment[index + 1] == 0x80 else { return false }
      switch segment[index + 2] {
      case TextBytes.leftDoubleQuote, TextBytes.lowDoubleQuote, TextBytes.rightDoubleQuote,
        TextBytes.leftSingleQuote:
        return true
      default:
        return false
      }
    case 0xC2:
      return index + 1 < segment.count && segment[index + 1] == 0xAB
    default:
      return false
    }
  }
}
