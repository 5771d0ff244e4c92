import Glibc

/// A file, or standard input, read with plain `read(2)` calls.
struct InputFile: ~Copyable {
  let path: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool

  /// Opens `path` for reading; `-` is standard input.
  init(path: String) throws(InputError) {
    self.path = path
    if path == "-" {
      descriptor = STDIN_FILENO
      ownsDescriptor = false
      return
    }
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else { throw InputError(path: path, code: errno) }
    descriptor = opened
    ownsDescriptor = true
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Whether a read would return at once: data, the end of the input or an error is waiting
  /// (always for a regular file). A pipe or terminal that has nothing yet is not ready.
  var hasInputReady: Bool {
    var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) != 0
  }

  /// Reads up to `buffer.count` bytes; 0 at the end of the file.
  ///
  /// A read interrupted by a signal is retried, unless `isStopRequested` says the signal asked
  /// the run to stop: then it returns 0, as at the end of the file.
  func read(
    into buffer: UnsafeMutableBufferPointer<UInt8>, isStopRequested: () -> Bool
  ) throws(InputError) -> Int {
    while true {
      let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno != EINTR { throw InputError(path: path, code: errno) }
      if isStopRequested() { return 0 }
    }
  }
}
