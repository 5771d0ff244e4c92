import ArgumentParser
import ClassifierCore

/// Messages for standard error, each prefixed with the program's name.
enum Diagnostics {
  static func write(_ message: String) {
    OutputFile.standardError.write(message.hasSuffix("\n") ? message : message + "\n")
  }

  static func report(_ message: String) {
    write("classify: \(message)")
  }

  /// Writes lines to standard output: a closed pipe ends the command quietly (exit 0), another
  /// write error is reported and exits with status 1.
  static func output(_ lines: [String]) throws {
    var buffer = OutputBuffer()
    for line in lines {
      buffer.append(Array(line.utf8))
      buffer.append(UInt8(ascii: "\n"))
    }
    do {
      try OutputFile.standardOutput.write(&buffer)
    } catch .closed {
      throw ExitCode.success
    } catch {
      report("cannot write output: \(error)")
      throw ExitCode(ExitStatus.ioError)
    }
  }

  /// `1 rule`, `2 rules`.
  static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
  }
}

/// The exit statuses `classify` documents.
enum ExitStatus {
  static let ioError: Int32 = 1
  static let usage: Int32 = 2
}
