import ClassifierCore
import FuzzSupport

/// Feeds arbitrary bytes through `StreamingSegmenter` and checks its promises.
///
/// An input is a 7-byte header and the document:
///
/// | byte | meaning |
/// |---|---|
/// | 0 | the mode: `SegmentationMode.allCases[byte % 4]` |
/// | 1, 2 | the segment limit: 1024 + (big-endian value % 3073), so 1024...4096 |
/// | 3 | bit 0 set: reserve the default 64 KiB before each read, else just the read's size |
/// | 4, 5, 6 | read sizes, used in turn: 0..<128 → 1...128; 128..<240 → 61...6893; else all |
///
/// Checks: segments are non-empty, trimmed, in order, non-overlapping, within the document and
/// no longer than the limit; a segment's bytes are the document's bytes at its offsets; every
/// byte outside the segments is ASCII whitespace (or the byte order mark at offset 0); and the
/// segments, their paragraph starts and the cut count are the same when the document arrives in
/// one read, in a fresh segmenter and in one reused after a document.
enum SegmenterFuzzTest {
  static let headerSize = 7

  /// What the test found of one segment.
  struct Span: Equatable, CustomStringConvertible {
    var start: Int
    var end: Int
    var startsParagraph: Bool

    var description: String { "\(start)..<\(end)\(startsParagraph ? " (paragraph)" : "")" }
  }

  /// How the segmenter is set up and fed, read from the header.
  struct Setup {
    var mode: SegmentationMode
    var maximumSegmentBytes: Int
    var reservesDefault: Bool
    var readSizes: [Int]

    init(header: [UInt8]) {
      let modes = SegmentationMode.allCases
      mode = modes[Int(header[0]) % modes.count]
      maximumSegmentBytes = 1024 + (Int(header[1]) << 8 | Int(header[2])) % 3073
      reservesDefault = header[3] & 1 != 0
      readSizes = header[4...6].map { byte in
        switch byte {
        case 0..<128: Int(byte) + 1
        case 128..<240: (Int(byte) - 127) * 61
        default: .max
        }
      }
    }

    var description: String {
      "mode \(mode), limit \(maximumSegmentBytes), reads \(readSizes)"
        + (reservesDefault ? ", default reserve" : "")
    }
  }

  static func run(_ data: UnsafeBufferPointer<UInt8>) {
    var header = Array(data.prefix(headerSize))
    header += repeatElement(0, count: headerSize - header.count)
    let setup = Setup(header: header)
    let document = UnsafeBufferPointer(rebasing: data.dropFirst(headerSize))

    var reference = StreamingSegmenter(
      mode: setup.mode, maximumSegmentBytes: setup.maximumSegmentBytes)
    let whole = feed(document, to: &reference, readSizes: [.max], reservesDefault: false)
    checkInvariants(whole, of: document, setup: setup)

    var segmenter = StreamingSegmenter(
      mode: setup.mode, maximumSegmentBytes: setup.maximumSegmentBytes)
    let chunked = feed(
      document, to: &segmenter, readSizes: setup.readSizes,
      reservesDefault: setup.reservesDefault)
    fuzzCheck(
      chunked == whole,
      "reading in pieces changed the segments (\(setup.description)):\n  in pieces: \(chunked)\n"
        + "  in one read: \(whole)")
    fuzzCheck(
      segmenter.cutCount == reference.cutCount,
      "reading in pieces changed the cut count from \(reference.cutCount) to "
        + "\(segmenter.cutCount) (\(setup.description))")

    segmenter.startDocument()
    let again = feed(document, to: &segmenter, readSizes: [.max], reservesDefault: false)
    fuzzCheck(
      again == whole,
      "a reused segmenter cut the document differently (\(setup.description)):\n"
        + "  reused: \(again)\n  fresh: \(whole)")
    fuzzCheck(
      segmenter.cutCount == 2 * reference.cutCount,
      "a reused segmenter counted \(segmenter.cutCount - reference.cutCount) cuts, not "
        + "\(reference.cutCount) (\(setup.description))")
  }

  /// Feeds the document in reads whose sizes cycle through `readSizes` and returns its segments,
  /// checking each segment's bytes against the document as it is handed out.
  static func feed(
    _ document: UnsafeBufferPointer<UInt8>, to segmenter: inout StreamingSegmenter,
    readSizes: [Int], reservesDefault: Bool
  ) -> [Span] {
    var spans: [Span] = []
    var position = 0
    var reads = 0
    while true {
      while let segment = segmenter.nextSegment() {
        let span = Span(
          start: segment.start, end: segment.end, startsParagraph: segment.startsParagraph)
        if !(span.start >= 0 && span.start <= span.end && span.end <= position) {
          fuzzFail("segment \(spans.count) at \(span) is outside the \(position) bytes read so far")
        }
        let expected = UnsafeBufferPointer(rebasing: document[span.start..<span.end])
        if !FuzzBytes.equal(segment.bytes, expected) {
          fuzzFail(
            "segment \(spans.count) at \(span) holds \(FuzzBytes.hex(segment.bytes)), "
              + "the document there \(FuzzBytes.hex(expected))")
        }
        spans.append(span)
      }
      if segmenter.isFinished { break }
      if reads > document.count + 1 {
        fuzzFail("the segmenter does not finish: \(reads) reads for \(document.count) bytes")
      }
      let count = min(readSizes[reads % readSizes.count], document.count - position)
      let space = reservesDefault ? segmenter.reserveInput() : segmenter.reserveInput(count)
      if space.count < count {
        fuzzFail("reserveInput gave \(space.count) bytes for a read of \(count)")
      }
      if count > 0 {
        space.baseAddress!.update(from: document.baseAddress! + position, count: count)
      }
      position += count
      segmenter.commitInput(count)
      reads += 1
    }
    fuzzCheck(
      position == document.count,
      "the segmenter finished after \(position) of \(document.count) bytes")
    return spans
  }

  /// Checks the segments of one document against the document.
  static func checkInvariants(
    _ spans: [Span], of document: UnsafeBufferPointer<UInt8>, setup: Setup
  ) {
    let skippable =
      document.starts(with: FuzzBytes.byteOrderMark) ? FuzzBytes.byteOrderMark.count : 0
    func checkGap(_ gap: Range<Int>, before what: String) {
      for offset in gap where offset >= skippable && !FuzzBytes.isSpace(document[offset]) {
        fuzzFail(
          "byte \(offset) (\(FuzzBytes.hex([document[offset]]))) before \(what) is in no "
            + "segment and is not whitespace (\(setup.description))")
      }
    }
    var covered = 0
    for (index, span) in spans.enumerated() {
      let what = "segment \(index) at \(span)"
      fuzzCheck(
        span.start >= covered && span.start < span.end && span.end <= document.count,
        "\(what) is empty, out of order, overlaps or is out of bounds (\(setup.description))")
      fuzzCheck(
        span.end - span.start <= setup.maximumSegmentBytes,
        "\(what) is longer than the limit (\(setup.description))")
      fuzzCheck(
        !FuzzBytes.isSpace(document[span.start]) && !FuzzBytes.isSpace(document[span.end - 1]),
        "\(what) starts or ends with whitespace (\(setup.description))")
      checkGap(covered..<span.start, before: what)
      covered = span.end
    }
    checkGap(covered..<document.count, before: "the end")
  }
}
