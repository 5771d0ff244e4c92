import ClassifierCore
import Workloads

/// The text every benchmark reads: `NewsTextGenerator` articles (seed 1), at least
/// `BenchmarkSettings.inputBytes` bytes, and its sentence segments.
struct BenchmarkInput: Sendable {
  /// A segment of the text and what separates it from the one before.
  struct Segment: Sendable {
    var range: Range<Int>
    var boundary: SegmentBoundary
  }

  /// The input, made on first use (outside any measurement).
  static let shared = BenchmarkInput(byteCount: BenchmarkSettings.inputBytes)

  let text: [UInt8]
  /// The text's segments in sentence mode, as `classify` cuts them.
  let segments: [Segment]

  private init(byteCount: Int) {
    var generator = NewsTextGenerator(seed: 1)
    text = generator.text(atLeast: byteCount)
    var segments: [Segment] = []
    var segmenter = StreamingSegmenter(mode: .sentence)
    Self.feed(text, to: &segmenter) { segment in
      let boundary = SegmentBoundary(
        segmentIndex: segments.count, startsParagraph: segment.startsParagraph)
      segments.append(Segment(range: segment.start..<segment.end, boundary: boundary))
    }
    self.segments = segments
  }

  /// Feeds `text` to `segmenter` as one document, 64 KiB at a time as reads of a file would, and
  /// hands each segment to `body`.
  static func feed(
    _ text: [UInt8], to segmenter: inout StreamingSegmenter,
    _ body: (StreamingSegmenter.Segment) -> Void
  ) {
    segmenter.startDocument()
    var offset = 0
    text.withUnsafeBufferPointer { input in
      while true {
        while let segment = segmenter.nextSegment() { body(segment) }
        if segmenter.isFinished { break }
        let space = segmenter.reserveInput()
        let count = min(space.count, 64 << 10, input.count - offset)
        if count > 0 {
          space.baseAddress!.update(from: input.baseAddress! + offset, count: count)
        }
        offset += count
        segmenter.commitInput(count)
      }
    }
  }
}
