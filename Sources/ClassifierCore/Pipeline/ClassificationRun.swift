/// Reads documents, cuts them into segments, classifies each segment and writes the results:
/// everything `classify` and `classify segment` do between parsing flags and exiting.
///
/// Documents are read with plain `read(2)` calls into one reused buffer; output is assembled in
/// one reused buffer and written whenever it is large or before a read that may wait, so results
/// stream while input still arrives.
public struct ClassificationRun {
  /// What to do with each document.
  public struct Options: Sendable {
    /// How to cut segments.
    public var mode: SegmentationMode
    /// How to write results.
    public var format: OutputFormat
    /// Whether to write evidence.
    public var explain: Bool
    /// Whether the text format uses colour.
    public var color: Bool
    /// The longest paragraph kept whole.
    public var maximumSegmentBytes: Int
    /// How many threads classify: with more than one, the reading thread hands batches of
    /// segments to that many workers and writes their output in input order.
    public var threads: Int

    /// Creates options.
    public init(
      mode: SegmentationMode = .sentence, format: OutputFormat = .jsonl, explain: Bool = false,
      color: Bool = false, maximumSegmentBytes: Int = 1 << 20, threads: Int = 1
    ) {
      self.mode = mode
      self.format = format
      self.explain = explain
      self.color = color
      self.maximumSegmentBytes = maximumSegmentBytes
      self.threads = threads
    }
  }

  /// What happened in a run.
  public struct Report: Sendable {
    /// Documents read, including any that failed.
    public var documents = 0
    /// Segments written.
    public var segments = 0
    /// For each rule (indexed like `Classifier.rules`), searches stopped by a PCRE2 limit.
    public var failedSearches: [Int] = []
    /// Segments in which at least one search failed.
    public var segmentsWithFailedSearches = 0
    /// Cuts made in paragraphs longer than the segment size limit.
    public var cutSegments = 0
    /// Invalid UTF-8 sequences in segments' text, each written as U+FFFD.
    public var replacedSequences = 0
    /// Whether the run stopped reading early because a stop was requested.
    public var isStopped = false
    /// Files that could not be opened or read.
    public var inputErrors: [InputError] = []
    /// Why output stopped early, if it did.
    public var outputError: OutputError?
  }

  private let classifier: Classifier?
  private let options: Options
  private let isStopRequested: () -> Bool

  /// Creates a run; with no classifier it only segments.
  ///
  /// - Parameters:
  ///   - classifier: the rules to classify with, or `nil` to segment only.
  ///   - options: what to do with each document.
  ///   - isStopRequested: asked before each read and when a signal interrupts one; once it
  ///     returns `true`, the run reads no more, finishes the segments of what it has read, writes
  ///     them (whole lines only) and returns with `Report.isStopped` set.
  public init(
    classifier: Classifier?, options: Options, isStopRequested: @escaping () -> Bool = { false }
  ) {
    self.classifier = classifier
    self.options = options
    self.isStopRequested = isStopRequested
  }

  enum Failure: Error {
    case input(InputError)
    case output(OutputError)
  }

  /// Processes `paths` in order (`-` is standard input) and writes to `output`.
  ///
  /// A file that cannot be opened or read is reported through `inputError` and the run goes on
  /// with the next; text read before a read error is still segmented and written. The run stops
  /// when output fails or a stop is requested.
  public func run(
    paths: [String], output: OutputFile, inputError: (InputError) -> Void
  ) -> Report {
    var report = Report()
    report.failedSearches = Array(repeating: 0, count: classifier?.rules.count ?? 0)
    let formatter = SegmentFormatter(
      format: options.format, classifier: classifier, explain: options.explain,
      color: options.color)
    var state = State(
      segmenter: StreamingSegmenter(
        mode: options.mode, maximumSegmentBytes: options.maximumSegmentBytes),
      workspace: classifier.map { ClassifierWorkspace(for: $0) },
      formatter: formatter,
      previous: options.explain && options.format != .tsv
        && classifier?.rules.contains { $0.scope == .previousSegment } == true
        ? (0, []) : nil,
      parallel: classifier.flatMap { classifier in
        options.threads > 1
          ? ParallelState(
            workers: BatchWorkers(
              count: options.threads, classifier: classifier, formatter: formatter)) : nil
      })
    for (index, path) in paths.enumerated() {
      report.documents += 1
      do throws(Failure) {
        let file: InputFile
        do {
          file = try InputFile(path: path)
        } catch {
          throw .input(error)
        }
        try process(file, document: index + 1, state: &state, report: &report, output: output)
      } catch {
        switch error {
        case .input(let failure):
          report.inputErrors.append(failure)
          inputError(failure)
        case .output(let failure):
          report.outputError = failure
        }
      }
      if report.outputError != nil { break }
      if isStopRequested() {
        report.isStopped = true
        break
      }
    }
    if report.outputError == nil {
      do throws(Failure) {
        try drain(&state, report: &report, output: output)
        try write(&state.buffer, to: output)
      } catch {
        if case .output(let failure) = error { report.outputError = failure }
      }
    }
    state.parallel?.workers.finish()
    report.cutSegments = state.segmenter.cutCount
    return report
  }

  struct State: ~Copyable {
    var segmenter: StreamingSegmenter
    var workspace: ClassifierWorkspace?
    let formatter: SegmentFormatter
    var buffer = OutputBuffer()
    /// A copy of the previous segment and its offset, kept only when evidence is written and
    /// some rule looks at the previous segment.
    var previous: (start: Int, bytes: [UInt8])?
    /// The workers and the batch being filled, when classifying on several threads.
    var parallel: ParallelState?
  }

  private func process(
    _ file: borrowing InputFile, document: Int, state: inout State, report: inout Report,
    output: OutputFile
  ) throws(Failure) {
    state.segmenter.startDocument()
    var index = 0
    var readFailure: InputError?
    while true {
      while let segment = state.segmenter.nextSegment() {
        if state.parallel != nil {
          try hand(
            segment, document: document, index: index, state: &state, report: &report,
            output: output)
        } else {
          try classifyAndWrite(
            segment, document: document, index: index, state: &state,
            report: &report, output: output)
        }
        index += 1
      }
      if state.segmenter.isFinished { break }
      if let readFailure { throw .input(readFailure) }
      // Write what is ready before a read that may wait for more input.
      if state.parallel == nil {
        if !state.buffer.bytes.isEmpty { try write(&state.buffer, to: output) }
      } else if !file.hasInputReady {
        try drain(&state, report: &report, output: output)
      }
      if isStopRequested() {
        // Read no more: end the document with what has been read.
        state.segmenter.commitInput(0)
        continue
      }
      let space = state.segmenter.reserveInput()
      do {
        state.segmenter.commitInput(try file.read(into: space, isStopRequested: isStopRequested))
      } catch {
        // Keep what was read: end the document here and write its segments first.
        readFailure = error
        state.segmenter.commitInput(0)
      }
    }
    if let readFailure { throw .input(readFailure) }
  }

  /// Classifies a segment on this thread and formats it into the output buffer.
  private func classifyAndWrite(
    _ segment: StreamingSegmenter.Segment, document: Int, index: Int, state: inout State,
    report: inout Report, output: OutputFile
  ) throws(Failure) {
    if let classifier {
      let boundary = SegmentBoundary(
        segmentIndex: index, startsParagraph: segment.startsParagraph)
      classifier.classify(segment.bytes, after: boundary, in: &state.workspace!)
      let failed = state.workspace!.result.failedSearches
      if !failed.isEmpty {
        report.segmentsWithFailedSearches += 1
        for search in failed { report.failedSearches[search.rule] += 1 }
      }
    }
    do {
      // Released before the copy below is refilled, which then reuses its storage.
      let previous = index == 0 ? nil : state.previous
      report.replacedSequences += (previous?.bytes ?? []).withUnsafeBufferPointer { bytes in
        state.formatter.append(
          document: document, index: index, segment: segment,
          classification: state.workspace?.result,
          previous: previous.map {
            StreamingSegmenter.Segment(start: $0.start, bytes: bytes, startsParagraph: false)
          }, to: &state.buffer)
      }
    }
    if state.previous != nil {
      state.previous!.start = segment.start
      state.previous!.bytes.removeAll(keepingCapacity: true)
      state.previous!.bytes.append(contentsOf: segment.bytes)
    }
    report.segments += 1
    if state.buffer.bytes.count >= 64 << 10 { try write(&state.buffer, to: output) }
  }

  func write(_ buffer: inout OutputBuffer, to output: OutputFile) throws(Failure) {
    do {
      try output.write(&buffer)
    } catch {
      throw .output(error)
    }
  }
}
