import ClassifierCore

/// Messages for standard error, each prefixed with the program's name.
enum Diagnostics {
  static func write(_ message: String) {
    OutputFile.standardError.write(message.hasSuffix("\n") ? message : message + "\n")
  }

  static func report(_ message: String) {
    write("classify: \(message)")
  }
}

/// The exit statuses `classify` documents.
enum ExitStatus {
  static let ioError: Int32 = 1
  static let usage: Int32 = 2
}
