/// Classification on several threads: the reading thread cuts segments, follows the quotation
/// marks from segment to segment and copies the segments into batches; workers classify and
/// format the batches; the reading thread writes their output in input order.
extension ClassificationRun {
  /// The reading thread's side of parallel classification.
  struct ParallelState {
    let workers: BatchWorkers
    /// The batch being filled.
    var batch: SegmentBatch?
    /// The quotation marks of the document so far, as a workspace would follow them.
    var quotation = QuotationTracker()
    /// The last segment handed over, its bytes and the quotation state before it: the context
    /// of the next batch's first segment.
    var last: SegmentBatch.Entry?
    var lastBytes: [UInt8] = []
    var quotationBeforeLast = QuotationTracker()

    /// A batch is handed to a worker when it holds this many bytes or `batchSegments` segments.
    static let batchBytes = 128 << 10
    static let batchSegments = 2048

    init(workers: BatchWorkers) {
      self.workers = workers
    }
  }

  /// Adds a segment to the batch being filled, handing the batch to a worker when it is full.
  func hand(
    _ segment: StreamingSegmenter.Segment, document: Int, index: Int, state: inout State,
    report: inout Report, output: OutputFile
  ) throws(Failure) {
    let boundary = SegmentBoundary(segmentIndex: index, startsParagraph: segment.startsParagraph)
    if boundary == .documentStart { state.parallel!.quotation.reset() }
    let before = state.parallel!.quotation
    let continuing = before.continues(segment.bytes, after: boundary)
    state.parallel!.quotation.advance(over: segment.bytes, continuing: continuing)

    if state.parallel!.batch == nil {
      let batch = try emptyBatch(&state, report: &report, output: output)
      let context = index == 0 ? nil : state.parallel!.last
      state.parallel!.lastBytes.withUnsafeBufferPointer { bytes in
        batch.begin(
          context: bytes, entry: context,
          quotation: context == nil ? before : state.parallel!.quotationBeforeLast)
      }
      state.parallel!.batch = batch
    }
    let batch = state.parallel!.batch!
    batch.append(segment, document: document, index: index, boundary: boundary)
    state.parallel!.last = SegmentBatch.Entry(
      bytes: 0..<0, start: segment.start, startsParagraph: segment.startsParagraph,
      document: document, index: index, boundary: boundary)
    state.parallel!.lastBytes.removeAll(keepingCapacity: true)
    state.parallel!.lastBytes.append(contentsOf: segment.bytes)
    state.parallel!.quotationBeforeLast = before

    if batch.byteCount >= ParallelState.batchBytes
      || batch.entries.count >= ParallelState.batchSegments
    {
      state.parallel!.workers.submit(batch)
      state.parallel!.batch = nil
      while let done = state.parallel!.workers.collect(wait: false) {
        try writeOut(done, state: &state, report: &report, output: output)
      }
    }
  }

  /// Hands over the batch being filled and writes every batch out, waiting for the workers: all
  /// that was read is then written.
  func drain(_ state: inout State, report: inout Report, output: OutputFile) throws(Failure) {
    guard let workers = state.parallel?.workers else { return }
    if let batch = state.parallel!.batch {
      workers.submit(batch)
      state.parallel!.batch = nil
    }
    while let done = workers.collect(wait: true) {
      try writeOut(done, state: &state, report: &report, output: output)
    }
  }

  /// A batch to fill, after writing out the oldest when as many batches as allowed are out.
  private func emptyBatch(_ state: inout State, report: inout Report, output: OutputFile)
    throws(Failure) -> SegmentBatch
  {
    let workers = state.parallel!.workers
    while true {
      if let batch = workers.emptyBatch() { return batch }
      if let done = workers.collect(wait: true) {
        try writeOut(done, state: &state, report: &report, output: output)
      }
    }
  }

  /// Writes a finished batch's output, counts what it holds and takes it back for reuse.
  private func writeOut(
    _ batch: SegmentBatch, state: inout State, report: inout Report, output: OutputFile
  ) throws(Failure) {
    defer { state.parallel!.workers.recycle(batch) }
    try write(&batch.output, to: output)
    report.segments += batch.entries.count
    report.segmentsWithFailedSearches += batch.segmentsWithFailedSearches
    report.replacedSequences += batch.replacedSequences
    for (rule, count) in batch.failedSearches.enumerated() { report.failedSearches[rule] += count }
  }
}
