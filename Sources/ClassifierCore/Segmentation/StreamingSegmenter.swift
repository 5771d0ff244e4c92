import Glibc

/// Cuts a document that arrives in pieces into segments, holding no more of it than the paragraph
/// being segmented.
///
/// Feed it with `reserveInput(_:)` and `commitInput(_:)` (a commit of 0 bytes ends the document)
/// and take segments with `nextSegment()` until it returns `nil`; then feed more, or stop when
/// `isFinished`. Segments are byte ranges into one reused buffer: a segment's bytes stay valid
/// until the next call that feeds input.
///
/// Every byte of the document belongs to exactly one segment or is ASCII whitespace between
/// segments, except a UTF-8 byte order mark at the document's start, which belongs to none. A
/// paragraph whose text (from its first to its last non-whitespace byte) is longer than
/// `maximumSegmentBytes` is cut at its last whitespace in the second half before the limit (or,
/// when it has none there, at the limit moved back to a character boundary), and `cutCount`
/// counts such cuts. The segments and the cuts are the same however the input is divided into
/// reads.
public struct StreamingSegmenter: ~Copyable {
  /// A segment: its offset in the document and its bytes (valid until input is fed again).
  public struct Segment {
    /// The byte offset of the segment's first byte in the document.
    public var start: Int
    /// The segment's bytes.
    public var bytes: UnsafeBufferPointer<UInt8>
    /// Whether the segment is the first of its paragraph (in `line` mode, of its line).
    public var startsParagraph: Bool
    /// The byte offset just past the segment in the document.
    public var end: Int { start + bytes.count }
  }

  /// How paragraphs are delimited in the current document.
  private enum ParagraphStyle {
    case undecided
    case blankLines
    case lines
  }

  /// The mode segments are cut in.
  public let mode: SegmentationMode
  /// The longest paragraph (or, with `.none`, document piece) kept whole.
  public let maximumSegmentBytes: Int
  /// How far into a document to look for a blank line before taking each line as a paragraph.
  private let styleLookahead: Int

  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The document offset of `storage[0]`.
  private var storageOffset = 0
  private var dataEnd = 0
  private var unitStart = 0
  private var scanFrom = 0
  /// Where the search for text beyond the segment limit resumes: the bytes between the limit and
  /// this offset are known to be whitespace.
  private var limitScanFrom = 0
  private var inputEnded = false
  private var style = ParagraphStyle.undecided
  /// How far `decideStyle()` has looked, whether it saw text, and the newlines since that text.
  private var styleScan = (cursor: 0, sawText: false, newlines: 0)
  private var splitter = SentenceSplitter()
  /// The paragraph being handed out, its document offset, and where its segments start.
  private var unit: Range<Int> = 0..<0
  private var unitOffset = 0
  private var pieceStarts: [Int] = []
  private var nextPiece = 0
  /// Whether a segment of the unit has been handed out.
  private var unitStarted = false
  /// Whether the document's start has been checked for a byte order mark.
  private var checkedByteOrderMark = false

  /// Paragraphs cut because they exceeded `maximumSegmentBytes`, across all documents.
  public private(set) var cutCount = 0

  /// Creates a segmenter.
  ///
  /// - Parameters:
  ///   - mode: how to cut segments.
  ///   - maximumSegmentBytes: the longest paragraph kept whole (at least 1 KiB).
  public init(mode: SegmentationMode, maximumSegmentBytes: Int = 1 << 20) {
    precondition(maximumSegmentBytes >= 1024, "the segment limit must be at least 1 KiB")
    self.mode = mode
    self.maximumSegmentBytes = maximumSegmentBytes
    styleLookahead = min(64 << 10, maximumSegmentBytes)
    capacity = 256 << 10
    storage = .allocate(capacity: capacity)
  }

  deinit {
    storage.deallocate()
  }

  /// Whether the current document has ended and every segment has been taken.
  public var isFinished: Bool {
    inputEnded && unitStart >= dataEnd && nextPiece >= pieceStarts.count
  }

  /// Forgets the current document and starts a new one at offset 0.
  public mutating func startDocument() {
    storageOffset = 0
    dataEnd = 0
    unitStart = 0
    scanFrom = 0
    limitScanFrom = 0
    inputEnded = false
    style = .undecided
    styleScan = (0, false, 0)
    unit = 0..<0
    pieceStarts.removeAll(keepingCapacity: true)
    nextPiece = 0
    checkedByteOrderMark = false
  }

  /// Space to read at least `minimum` more bytes into; invalidates segments handed out before.
  public mutating func reserveInput(_ minimum: Int = 64 << 10) -> UnsafeMutableBufferPointer<UInt8>
  {
    if unitStart > 0 {
      let kept = dataEnd - unitStart
      storage.update(from: storage + unitStart, count: kept)
      storageOffset += unitStart
      dataEnd = kept
      scanFrom -= unitStart
      limitScanFrom = max(0, limitScanFrom - unitStart)
      unitStart = 0
    }
    if capacity - dataEnd < minimum {
      let newCapacity = max(capacity * 2, dataEnd + minimum)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: storage, count: dataEnd)
      storage.deallocate()
      storage = grown
      capacity = newCapacity
    }
    return UnsafeMutableBufferPointer(start: storage + dataEnd, count: capacity - dataEnd)
  }

  /// Records that `count` bytes were written at the start of the last reserved space; 0 means the
  /// document has ended.
  public mutating func commitInput(_ count: Int) {
    precondition(count >= 0 && dataEnd + count <= capacity, "committed more than was reserved")
    if count == 0 { inputEnded = true }
    dataEnd += count
  }

  /// The next segment, or `nil` when more input is needed or the document is finished.
  public mutating func nextSegment() -> Segment? {
    while true {
      while nextPiece < pieceStarts.count {
        let start = pieceStarts[nextPiece]
        let end = nextPiece + 1 < pieceStarts.count ? pieceStarts[nextPiece + 1] : unit.upperBound
        nextPiece += 1
        if let trimmed = trim(start..<end) {
          defer { unitStarted = true }
          return Segment(
            start: unitOffset + trimmed.lowerBound - unit.lowerBound,
            bytes: UnsafeBufferPointer(start: storage + trimmed.lowerBound, count: trimmed.count),
            startsParagraph: !unitStarted)
        }
      }
      guard let next = nextUnit() else { return nil }
      prepare(next)
    }
  }

  /// Cuts the unit into pieces: sentences, or the whole unit.
  private mutating func prepare(_ next: Range<Int>) {
    unit = next
    unitOffset = storageOffset + next.lowerBound
    pieceStarts.removeAll(keepingCapacity: true)
    pieceStarts.append(next.lowerBound)
    nextPiece = 0
    unitStarted = false
    guard mode == .sentence else { return }
    let text = UnsafeBufferPointer(start: storage + next.lowerBound, count: next.count)
    let first = pieceStarts.count
    splitter.split(text, into: &pieceStarts)
    for index in first..<pieceStarts.count { pieceStarts[index] += next.lowerBound }
  }

  private func trim(_ range: Range<Int>) -> Range<Int>? {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && TextBytes.isSpace(storage[lower]) { lower += 1 }
    while upper > lower && TextBytes.isSpace(storage[upper - 1]) { upper -= 1 }
    return lower < upper ? lower..<upper : nil
  }

  /// The next whole unit (line, paragraph or document) in the buffer, if one is complete, or the
  /// first piece of one whose text is longer than the segment limit.
  private mutating func nextUnit() -> Range<Int>? {
    if style == .undecided && (mode == .sentence || mode == .paragraph) {
      decideStyle()
      if style == .undecided { return nil }
    }
    if !checkedByteOrderMark && !skipByteOrderMark() { return nil }
    // Whitespace between units belongs to no segment: start the unit at its text, so that the
    // limit applies to the text whatever whitespace precedes it.
    while unitStart < dataEnd && TextBytes.isSpace(storage[unitStart]) { unitStart += 1 }
    scanFrom = max(scanFrom, unitStart)
    var end = findUnitEnd() ?? endOfInputUnit()
    if let found = end {
      if textEnd(before: found) - unitStart > maximumSegmentBytes { end = cutUnit() }
    } else if hasTextBeyondLimit() {
      end = cutUnit()
    }
    guard let end else { return nil }
    let next = unitStart..<end
    unitStart = end
    scanFrom = end
    return next
  }

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Steps over a UTF-8 byte order mark (EF BB BF) at the document's start; `false` while too
  /// few bytes have arrived to tell.
  private mutating func skipByteOrderMark() -> Bool {
    let mark = Self.byteOrderMark
    var matched = 0
    while matched < mark.count && unitStart + matched < dataEnd
      && storage[unitStart + matched] == mark[matched]
    {
      matched += 1
    }
    if matched == mark.count {
      unitStart += matched
    } else if unitStart + matched == dataEnd && !inputEnded {
      return false
    }
    checkedByteOrderMark = true
    return true
  }

  private func endOfInputUnit() -> Int? {
    inputEnded && unitStart < dataEnd ? dataEnd : nil
  }

  /// The offset just past the last non-whitespace byte of the unit that ends at `end`.
  private func textEnd(before end: Int) -> Int {
    var cursor = end
    while cursor > unitStart && TextBytes.isSpace(storage[cursor - 1]) { cursor -= 1 }
    return cursor
  }

  /// Whether the unit being read, whose end is not in the buffer yet, has text beyond the limit.
  private mutating func hasTextBeyondLimit() -> Bool {
    var cursor = max(unitStart + maximumSegmentBytes, limitScanFrom)
    while cursor < dataEnd && TextBytes.isSpace(storage[cursor]) { cursor += 1 }
    limitScanFrom = cursor
    return cursor < dataEnd
  }

  /// Cuts an over-long unit at its last whitespace in the second half before the limit, or else
  /// at the limit moved back to a character boundary.
  private mutating func cutUnit() -> Int {
    let limit = unitStart + maximumSegmentBytes
    var cut = limit
    while cut > unitStart + maximumSegmentBytes / 2 && !TextBytes.isSpace(storage[cut - 1]) {
      cut -= 1
    }
    if !TextBytes.isSpace(storage[cut - 1]) {
      // No whitespace near the limit: cut at the limit, moved back to the start of a character
      // that the limit would split.
      cut = limit
      var lead = cut - 1
      while lead > cut - 4 && lead > unitStart && storage[lead] & 0xC0 == 0x80 { lead -= 1 }
      if lead > unitStart && UTF8Validation.expectedLength(storage[lead]) > cut - lead {
        cut = lead
      }
    }
    cutCount += 1
    return cut
  }

  private mutating func findUnitEnd() -> Int? {
    switch mode {
    case .none:
      return nil
    case .line:
      return lineEnd()
    case .sentence, .paragraph:
      switch style {
      case .undecided: return nil
      case .lines: return wrappedLineEnd()
      case .blankLines: return blankLineEnd()
      }
    }
  }

  private mutating func lineEnd() -> Int? {
    guard scanFrom < dataEnd,
      let newline = memchr(storage + scanFrom, 0x0A, dataEnd - scanFrom)
    else {
      scanFrom = max(scanFrom, dataEnd)
      return nil
    }
    return storage.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
  }

  /// In a document whose paragraphs are lines, the end of the paragraph at `unitStart`: just past
  /// its line, unless the next line starts with a lowercase letter and so continues a
  /// hard-wrapped sentence.
  private mutating func wrappedLineEnd() -> Int? {
    while let end = lineEnd() {
      var cursor = end
      while cursor < dataEnd, storage[cursor] != 0x0A, TextBytes.isSpace(storage[cursor]) {
        cursor += 1
      }
      if cursor >= dataEnd {
        // The next line's first letter is not here yet: wait for it, unless there is no more.
        if inputEnded { return end }
        scanFrom = end - 1
        return nil
      }
      guard storage[cursor] >= UInt8(ascii: "a") && storage[cursor] <= UInt8(ascii: "z") else {
        return end
      }
      scanFrom = cursor
    }
    return nil
  }

  /// The end of the paragraph that starts at `unitStart`: just past the blank line that follows
  /// it. A blank line is a newline, blanks, and another newline.
  private mutating func blankLineEnd() -> Int? {
    while scanFrom < dataEnd {
      guard let newline = memchr(storage + scanFrom, 0x0A, dataEnd - scanFrom) else {
        scanFrom = dataEnd
        return nil
      }
      let first = storage.distance(to: newline.assumingMemoryBound(to: UInt8.self))
      var cursor = first + 1
      while cursor < dataEnd, storage[cursor] != 0x0A, TextBytes.isSpace(storage[cursor]) {
        cursor += 1
      }
      if cursor >= dataEnd {
        // The rest may be the start of a blank line: wait for more, unless there is no more.
        scanFrom = first
        return inputEnded ? dataEnd : nil
      }
      if storage[cursor] == 0x0A { return cursor + 1 }
      scanFrom = cursor
    }
    return nil
  }

  /// Decides how the document delimits paragraphs: by blank lines when one separates two pieces of
  /// text within the look-ahead, otherwise by lines. Only the look-ahead is examined, however much
  /// of the document is already in the buffer, so that the decision does not depend on how the
  /// input was divided into reads; each call resumes where the last one stopped. (No unit is
  /// taken before the decision, so the document starts at `storage[0]` until then.)
  private mutating func decideStyle() {
    var (cursor, sawText, newlines) = styleScan
    let scanEnd = min(dataEnd, styleLookahead)
    while cursor < scanEnd {
      let byte = storage[cursor]
      if byte == 0x0A {
        newlines += 1
      } else if !TextBytes.isSpace(byte) {
        if sawText && newlines >= 2 {
          style = .blankLines
          return
        }
        sawText = true
        newlines = 0
      }
      cursor += 1
    }
    styleScan = (cursor, sawText, newlines)
    if inputEnded || dataEnd >= styleLookahead { style = .lines }
  }
}
