import Glibc

/// A file descriptor that output buffers are written to.
public struct OutputFile: Sendable {
  private let descriptor: Int32

  /// Standard output.
  public static let standardOutput = OutputFile(descriptor: STDOUT_FILENO)

  /// Standard error.
  public static let standardError = OutputFile(descriptor: STDERR_FILENO)

  /// Wraps an open file descriptor, which the caller keeps open.
  public init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Writes the buffer's bytes and empties it.
  ///
  /// - Throws: `OutputError.closed` when the reader has gone (`EPIPE`; `SIGPIPE` must be
  ///   ignored for this to be seen), `.failed` for other errors.
  public func write(_ buffer: inout OutputBuffer) throws(OutputError) {
    defer { buffer.removeAll() }
    let failure: OutputError? = buffer.bytes.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written >= 0 {
          offset += written
        } else if errno == EPIPE {
          return .closed
        } else if errno != EINTR {
          return .failed(errno)
        }
      }
      return nil
    }
    if let failure { throw failure }
  }

  /// Writes a string, for messages; errors are ignored.
  public func write(_ text: String) {
    var buffer = OutputBuffer(capacity: text.utf8.count)
    buffer.append(Array(text.utf8))
    try? write(&buffer)
  }
}
