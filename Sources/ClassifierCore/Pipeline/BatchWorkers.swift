import Glibc

/// Worker threads that classify and format `SegmentBatch`es, and the queue that feeds them.
///
/// The reading thread submits batches in input order and collects them in the same order, so
/// output keeps the input's order whatever thread finishes first. At most `capacity` batches are
/// out at once, which bounds memory.
final class BatchWorkers: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  /// Signalled when a batch is queued or the queue closes.
  private let queued = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  /// Signalled when a worker finishes a batch.
  private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  /// Batches waiting for a worker, oldest first (guarded by `mutex`).
  private var waiting: [SegmentBatch] = []
  private var head = 0
  private var isClosed = false
  private var threads: [pthread_t] = []

  /// Batches submitted and not yet collected, oldest first (reading thread only).
  private var outstanding: [SegmentBatch] = []
  /// Collected batches ready for reuse (reading thread only).
  private var spare: [SegmentBatch] = []
  private let ruleCount: Int
  /// The most batches out at once.
  private let capacity: Int

  /// Starts `count` threads, each with its own workspace for `classifier`.
  init(count: Int, classifier: Classifier, formatter: SegmentFormatter) {
    ruleCount = classifier.rules.count
    capacity = 2 * count + 1
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(queued, nil)
    pthread_cond_init(finished, nil)
    for _ in 0..<count {
      let work = Unmanaged.passRetained(
        WorkerStart { [self] in self.work(classifier: classifier, formatter: formatter) })
      var thread = pthread_t()
      let status = pthread_create(
        &thread, nil,
        { argument in
          let start = Unmanaged<WorkerStart>.fromOpaque(argument!).takeRetainedValue()
          start.body()
          return nil
        }, work.toOpaque())
      precondition(status == 0, "could not start a worker thread (error \(status))")
      threads.append(thread)
    }
  }

  deinit {
    pthread_cond_destroy(finished)
    pthread_cond_destroy(queued)
    pthread_mutex_destroy(mutex)
    finished.deallocate()
    queued.deallocate()
    mutex.deallocate()
  }

  /// An empty batch to fill: a spare one, a new one while fewer than `capacity` are out, or else
  /// none (collect the oldest first).
  func emptyBatch() -> SegmentBatch? {
    if let batch = spare.popLast() { return batch }
    guard outstanding.count < capacity else { return nil }
    return SegmentBatch(ruleCount: ruleCount)
  }

  /// Queues a filled batch for a worker.
  func submit(_ batch: SegmentBatch) {
    outstanding.append(batch)
    pthread_mutex_lock(mutex)
    waiting.append(batch)
    pthread_cond_signal(queued)
    pthread_mutex_unlock(mutex)
  }

  /// The oldest batch out once it is done, waiting for it when `wait` is set; `nil` when there is
  /// none or it is not done. Pass it to `recycle` after using its output.
  func collect(wait: Bool) -> SegmentBatch? {
    guard let oldest = outstanding.first else { return nil }
    pthread_mutex_lock(mutex)
    while wait && !oldest.isDone { pthread_cond_wait(finished, mutex) }
    let isDone = oldest.isDone
    pthread_mutex_unlock(mutex)
    guard isDone else { return nil }
    outstanding.removeFirst()
    return oldest
  }

  /// Takes back a collected batch for reuse.
  func recycle(_ batch: SegmentBatch) {
    batch.reset()
    spare.append(batch)
  }

  /// Stops the workers once the queue is empty and waits for them; call once, at the end.
  func finish() {
    pthread_mutex_lock(mutex)
    isClosed = true
    pthread_cond_broadcast(queued)
    pthread_mutex_unlock(mutex)
    for thread in threads { pthread_join(thread, nil) }
    threads.removeAll()
  }

  private func work(classifier: Classifier, formatter: SegmentFormatter) {
    // Signals go to the reading thread, whose blocked read they must interrupt.
    var signals = sigset_t()
    sigfillset(&signals)
    pthread_sigmask(SIG_BLOCK, &signals, nil)
    var workspace = ClassifierWorkspace(for: classifier)
    while let batch = next() {
      batch.process(classifier: classifier, formatter: formatter, workspace: &workspace)
      pthread_mutex_lock(mutex)
      batch.isDone = true
      pthread_cond_broadcast(finished)
      pthread_mutex_unlock(mutex)
    }
  }

  /// The next queued batch, waiting for one; `nil` once the queue is closed and empty.
  private func next() -> SegmentBatch? {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    while head == waiting.count && !isClosed { pthread_cond_wait(queued, mutex) }
    guard head < waiting.count else { return nil }
    let batch = waiting[head]
    head += 1
    if head == waiting.count {
      waiting.removeAll(keepingCapacity: true)
      head = 0
    }
    return batch
  }
}

/// What a worker thread runs, boxed to cross `pthread_create`.
private final class WorkerStart {
  let body: () -> Void
  init(_ body: @escaping () -> Void) { self.body = body }
}
