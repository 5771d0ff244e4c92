import Glibc

/// A file that could not be opened or read.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path as given (`-` for standard input).
  public var path: String
  /// The system error number.
  public var code: Int32

  /// Creates an error for `path` from a system error number.
  public init(path: String, code: Int32) {
    self.path = path
    self.code = code
  }

  /// `PATH: reason`.
  public var description: String {
    let name = path == "-" ? "standard input" : path
    return "\(name): \(String(cString: strerror(code)))"
  }
}
