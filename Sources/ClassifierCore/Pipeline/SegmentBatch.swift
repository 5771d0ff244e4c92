/// Consecutive segments copied out of the segmenter's buffer, classified and formatted by one
/// worker thread into an output buffer of their own.
///
/// The reading thread fills a batch, hands it to a worker and takes it back when it is done, so
/// only one thread touches a batch at a time (the queue's lock orders the hand-overs). Batches are
/// reused: their storage stays allocated from one use to the next.
final class SegmentBatch: @unchecked Sendable {
  /// Where one segment is and what comes before it.
  struct Entry {
    /// The segment's bytes in `text`.
    var bytes: Range<Int>
    /// The segment's offset in its document.
    var start: Int
    var startsParagraph: Bool
    var document: Int
    var index: Int
    var boundary: SegmentBoundary
  }

  /// The segments' bytes, one after the other.
  private(set) var text: [UInt8] = []
  /// The segments to classify and write, in order.
  private(set) var entries: [Entry] = []
  /// The segment before the first entry in the same document, classified first (and not
  /// written) so that the first entry sees its context: what rules scoped to the previous
  /// segment found there.
  private(set) var context: Entry?
  /// The quotation marks of the document before `context`, or before the first entry when there
  /// is no context.
  private(set) var quotation = QuotationTracker()

  /// What the worker wrote and counted.
  var output = OutputBuffer()
  var failedSearches: [Int]
  var segmentsWithFailedSearches = 0
  var replacedSequences = 0
  /// Set by the worker, under the queue's lock, when `output` is complete.
  var isDone = false

  /// Creates an empty batch for a rule set of `ruleCount` rules.
  init(ruleCount: Int) {
    failedSearches = Array(repeating: 0, count: ruleCount)
  }

  /// The bytes held so far.
  var byteCount: Int { text.count }

  /// Empties the batch for reuse, keeping its storage.
  func reset() {
    text.removeAll(keepingCapacity: true)
    entries.removeAll(keepingCapacity: true)
    context = nil
    output.removeAll()
    for index in failedSearches.indices { failedSearches[index] = 0 }
    segmentsWithFailedSearches = 0
    replacedSequences = 0
    isDone = false
  }

  /// Sets where the batch starts: the segment before its first, if there is one in the same
  /// document (`bytes` and its entry), and the quotation state before that segment.
  func begin(context bytes: UnsafeBufferPointer<UInt8>, entry: Entry?, quotation: QuotationTracker)
  {
    self.quotation = quotation
    guard var entry else { return }
    entry.bytes = copy(bytes)
    context = entry
  }

  /// Appends a segment.
  func append(
    _ segment: StreamingSegmenter.Segment, document: Int, index: Int, boundary: SegmentBoundary
  ) {
    entries.append(
      Entry(
        bytes: copy(segment.bytes), start: segment.start, startsParagraph: segment.startsParagraph,
        document: document, index: index, boundary: boundary))
  }

  private func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let start = text.count
    text.append(contentsOf: bytes)
    return start..<text.count
  }

  /// Classifies and formats every entry into `output`.
  func process(
    classifier: Classifier, formatter: SegmentFormatter, workspace: inout ClassifierWorkspace
  ) {
    text.withUnsafeBufferPointer { text in
      func segment(_ entry: Entry) -> StreamingSegmenter.Segment {
        StreamingSegmenter.Segment(
          start: entry.start, bytes: UnsafeBufferPointer(rebasing: text[entry.bytes]),
          startsParagraph: entry.startsParagraph)
      }
      workspace.resume(quotation: quotation)
      if let context {
        classifier.classify(segment(context).bytes, after: context.boundary, in: &workspace)
      }
      var previous = context
      for entry in entries {
        classifier.classify(segment(entry).bytes, after: entry.boundary, in: &workspace)
        let failed = workspace.result.failedSearches
        if !failed.isEmpty {
          segmentsWithFailedSearches += 1
          for search in failed { failedSearches[search.rule] += 1 }
        }
        let before = previous.flatMap { $0.document == entry.document ? segment($0) : nil }
        replacedSequences += formatter.append(
          document: entry.document, index: entry.index, segment: segment(entry),
          classification: workspace.result, previous: before, to: &output)
        previous = entry
      }
    }
  }
}
