import Testing

@testable import ClassifierCore

/// A segment copied out of the segmenter: its document offsets and its bytes.
struct CopiedSegment: Equatable, CustomStringConvertible {
  var start: Int
  var end: Int
  var bytes: [UInt8]

  /// The segment's bytes decoded as UTF-8 (invalid bytes become U+FFFD).
  var text: String { String(decoding: bytes, as: UTF8.self) }

  var description: String { "\(start)..<\(end) \(text.debugDescription)" }
}

/// The result of segmenting one document.
struct SegmentationResult: Equatable {
  var segments: [CopiedSegment]
  var cutCount: Int

  var texts: [String] { segments.map(\.text) }
}

/// Feeds documents through a `StreamingSegmenter` the way the pipeline does, in chunks of a given
/// size, copying every segment out as soon as it is handed out.
enum SegmentationHarness {
  /// The chunk sizes every chunking test feeds input in; `Int.max` means the whole input at once.
  static let chunkSizes = [1, 7, 4096, Int.max]

  /// Segments one document held in `input`, feeding it `chunkSize` bytes at a time.
  static func segment(
    _ input: [UInt8], mode: SegmentationMode, chunkSize: Int = .max,
    maximumSegmentBytes: Int = 1024
  ) -> SegmentationResult {
    segment(
      input, mode: mode, chunkSizes: [chunkSize], maximumSegmentBytes: maximumSegmentBytes)
  }

  /// Segments one document held in `input`, feeding it in chunks whose sizes cycle through
  /// `chunkSizes`.
  static func segment(
    _ input: [UInt8], mode: SegmentationMode, chunkSizes: [Int],
    maximumSegmentBytes: Int = 1024
  ) -> SegmentationResult {
    var segmenter = StreamingSegmenter(mode: mode, maximumSegmentBytes: maximumSegmentBytes)
    let segments = feed(input, to: &segmenter, chunkSizes: chunkSizes)
    return SegmentationResult(segments: segments, cutCount: segmenter.cutCount)
  }

  /// Segments `input` (as UTF-8), feeding it `chunkSize` bytes at a time.
  static func segment(
    _ input: String, mode: SegmentationMode, chunkSize: Int = .max,
    maximumSegmentBytes: Int = 1024
  ) -> SegmentationResult {
    segment(
      Array(input.utf8), mode: mode, chunkSize: chunkSize,
      maximumSegmentBytes: maximumSegmentBytes)
  }

  /// Feeds one whole document to `segmenter`, which must be at the start of a document, in
  /// chunks whose sizes cycle through `chunkSizes`, and returns its segments, copied out as soon
  /// as they are handed out (their bytes are only valid until the next `reserveInput`).
  static func feed(
    _ input: [UInt8], to segmenter: inout StreamingSegmenter, chunkSizes: [Int]
  ) -> [CopiedSegment] {
    precondition(!chunkSizes.isEmpty && chunkSizes.allSatisfy { $0 > 0 })
    var segments: [CopiedSegment] = []
    var position = 0
    var rounds = 0
    while true {
      while let segment = segmenter.nextSegment() {
        segments.append(
          CopiedSegment(start: segment.start, end: segment.end, bytes: Array(segment.bytes)))
      }
      if segmenter.isFinished { break }
      precondition(rounds <= input.count + 2, "the segmenter does not finish")
      let space = segmenter.reserveInput()
      let count = min(chunkSizes[rounds % chunkSizes.count], input.count - position, space.count)
      for offset in 0..<count { space[offset] = input[position + offset] }
      position += count
      segmenter.commitInput(count)
      rounds += 1
    }
    precondition(position == input.count, "finished before all input was fed")
    return segments
  }
}

/// The properties every segmentation must have, whatever the mode and input.
enum SegmentationInvariants {
  /// Checks that `segments` are in order, non-overlapping, non-empty, trimmed and within bounds,
  /// that each holds exactly the input's bytes at its offsets, and that every byte of `input`
  /// outside the segments is ASCII whitespace.
  static func check(
    _ segments: [CopiedSegment], of input: [UInt8],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    var covered = 0
    for (index, segment) in segments.enumerated() {
      let context = "segment \(index): \(segment)"
      guard segment.start >= covered, segment.start < segment.end, segment.end <= input.count
      else {
        Issue.record(
          "out of order, empty or out of bounds: \(context)", sourceLocation: sourceLocation)
        return
      }
      #expect(
        segment.bytes.count == segment.end - segment.start, "\(context)",
        sourceLocation: sourceLocation)
      #expect(
        segment.bytes[...] == input[segment.start..<segment.end], "bytes differ: \(context)",
        sourceLocation: sourceLocation)
      #expect(
        !isSpace(segment.bytes.first!) && !isSpace(segment.bytes.last!), "untrimmed: \(context)",
        sourceLocation: sourceLocation)
      let gap = input[covered..<segment.start]
      #expect(
        gap.allSatisfy(isSpace), "non-whitespace lost before \(context)",
        sourceLocation: sourceLocation)
      covered = segment.end
    }
    #expect(
      input[covered...].allSatisfy(isSpace), "non-whitespace lost after the last segment",
      sourceLocation: sourceLocation)
  }

  /// ASCII whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }
}
