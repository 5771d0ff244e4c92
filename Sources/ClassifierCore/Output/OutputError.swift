import Glibc

/// Output could not be written.
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The reader went away (`EPIPE`), as when output is piped into `head`: stop quietly.
  case closed
  /// Another write error, by its system error number.
  case failed(Int32)

  /// A short explanation.
  public var description: String {
    switch self {
    case .closed: "output closed"
    case .failed(let code): String(cString: strerror(code))
    }
  }
}
