import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one run of the `classify` binary produced.
struct CLIResult {
  /// The exit status, or the signal number when the process was killed by a signal.
  var status: Int32
  /// Whether the process exited (rather than being killed by a signal).
  var exited: Bool
  /// Everything written to standard output.
  var stdout: [UInt8]
  /// Everything written to standard error.
  var stderr: [UInt8]

  /// Standard output decoded as UTF-8 (invalid bytes repaired).
  var output: String { String(decoding: stdout, as: UTF8.self) }
  /// Standard error decoded as UTF-8 (invalid bytes repaired).
  var errors: String { String(decoding: stderr, as: UTF8.self) }
  /// Standard output's lines, without their newlines.
  var lines: [String] {
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
  /// Standard error's lines, without their newlines.
  var errorLines: [String] { errors.split(separator: "\n").map(String.init) }

  /// Whether the process exited with status 0.
  var succeeded: Bool { exited && status == 0 }

  /// Standard output parsed as JSON lines, one record per line.
  func records(sourceLocation: SourceLocation = #_sourceLocation) throws -> [Record] {
    try JSONLines.decode(stdout, sourceLocation: sourceLocation)
  }
}

extension CLIResult: CustomTestStringConvertible {
  var testDescription: String {
    let how = exited ? "exit status \(status)" : "killed by signal \(status)"
    return "\(how); stdout: \(output.debugDescription); stderr: \(errors.debugDescription)"
  }
}

/// One JSON line of `classify` or `classify segment` output.
struct Record: Decodable, Equatable {
  var doc: Int
  var seg: Int
  var start: Int
  var end: Int
  var text: String
  var labels: [String]?
  var scores: [String: Double]?
  var evidence: [Evidence]?

  /// One entry of `--explain` evidence: a rule that fired, or a search that failed.
  struct Evidence: Decodable, Equatable {
    var rule: String
    var term: String?
    var weight: Double?
    var start: Int?
    var end: Int?
    var text: String?
    var error: String?
  }
}

/// Parsing JSON-lines output strictly.
enum JSONLines {
  /// Decodes each line as a `Record`; throws for output that is not UTF-8 JSON lines.
  static func decode(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [Record]
  {
    let text = try #require(
      String(validating: bytes, as: UTF8.self), "output is not valid UTF-8",
      sourceLocation: sourceLocation)
    return try text.split(separator: "\n").map { line in
      try JSONDecoder().decode(Record.self, from: Data(line.utf8))
    }
  }

  /// The keys of each JSON object line, in no particular order.
  static func keys(_ bytes: [UInt8]) throws -> [Set<String>] {
    try String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
      return Set((object as? [String: Any])?.keys.map { $0 } ?? [])
    }
  }
}

/// Why a run of the binary could not complete.
struct CLIError: Error, CustomStringConvertible {
  var description: String
}

/// Runs the built `classify` binary with Foundation's `Process`.
enum CLI {
  /// How long any one run may take before it is killed and reported; generous, so that a
  /// hang fails a test instead of stalling the suite.
  static let timeout: Double = 60

  /// The `classify` executable: next to the test bundle when `swift build` put it there, else in
  /// `<package>/.build/debug/`.
  static let binary: URL = {
    let fileManager = FileManager.default
    var candidates: [URL] = []
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      candidates.append(directory.appendingPathComponent("classify"))
      directory = directory.deletingLastPathComponent()
    }
    candidates.append(
      packageRoot.appendingPathComponent(".build").appendingPathComponent("debug")
        .appendingPathComponent("classify"))
    for candidate in candidates {
      var isDirectory: ObjCBool = false
      if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, fileManager.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
    }
    return candidates.last!
  }()

  /// The package's root directory, from this file's path.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // classifyTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The environment runs get: this process's, without `CLASSIFY_RULES` and with colour hints
  /// removed, plus `overrides`.
  static func environment(_ overrides: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["CLASSIFY_RULES"] = nil
    environment["NO_COLOR"] = nil
    for (key, value) in overrides { environment[key] = value }
    return environment
  }

  /// Starts `classify` with pipes for all three standard streams, or with standard output
  /// going to `standardOutput` when given.
  static func start(
    _ arguments: [String], environment overrides: [String: String] = [:],
    in directory: URL? = nil, standardOutput: FileHandle? = nil
  ) throws -> RunningCLI {
    ignoreBrokenPipes
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = environment(overrides)
    if let directory { process.currentDirectoryURL = directory }
    let input = Pipe()
    let output = standardOutput == nil ? Pipe() : nil
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output ?? standardOutput
    process.standardError = errors
    try process.run()
    return RunningCLI(process: process, input: input, output: output, errors: errors)
  }

  /// Runs `classify` to completion: writes `stdin` (then closes it), collects both outputs.
  static func run(
    _ arguments: [String], stdin: [UInt8] = [], environment overrides: [String: String] = [:],
    in directory: URL? = nil
  ) throws -> CLIResult {
    let running = try start(arguments, environment: overrides, in: directory)
    return try running.finish(writing: stdin)
  }

  /// Runs `classify` with `stdin` given as text.
  static func run(
    _ arguments: [String], stdin: String, environment overrides: [String: String] = [:],
    in directory: URL? = nil
  ) throws -> CLIResult {
    try run(arguments, stdin: Array(stdin.utf8), environment: overrides, in: directory)
  }

  /// Writing to a child that has exited must give `EPIPE`, not kill the test process.
  ///
  /// A handler, not `SIG_IGN`: an ignored signal stays ignored across `exec`, which would hide
  /// a `classify` that forgot to handle `SIGPIPE` itself; a handler is reset to the default.
  private static let ignoreBrokenPipes: Void = {
    signal(SIGPIPE) { _ in }
  }()
}

/// A `classify` process whose standard streams are pipes held by the test.
final class RunningCLI {
  let process: Process
  private let input: Pipe
  private let output: Pipe?
  private let errors: Pipe
  private var inputOpen = true
  private var outputOpen = true
  /// Bytes read from standard output but not yet returned by `readLine`.
  private var pending: [UInt8] = []

  init(process: Process, input: Pipe, output: Pipe?, errors: Pipe) {
    self.process = process
    self.input = input
    self.output = output
    self.errors = errors
    outputOpen = output != nil
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  /// Writes bytes to the process's standard input, waiting at most `timeout` seconds.
  func write(_ bytes: [UInt8], timeout: Double = CLI.timeout) throws {
    let descriptor = input.fileHandleForWriting.fileDescriptor
    var offset = 0
    let deadline = Date().addingTimeInterval(timeout)
    while offset < bytes.count {
      guard try Self.wait(for: descriptor, events: Int16(POLLOUT), until: deadline) else {
        throw CLIError(description: "classify did not accept input within \(timeout) s")
      }
      let written = bytes[offset...].withUnsafeBytes {
        posixWrite(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw CLIError(description: "writing to classify failed: errno \(errno)")
      }
      offset += written
    }
  }

  /// Waits until the process has read everything written to its standard input (the pipe holds
  /// no unread byte), at most `timeout` seconds.
  func waitUntilInputIsRead(timeout: Double = CLI.timeout) throws {
    let descriptor = input.fileHandleForWriting.fileDescriptor
    let deadline = Date().addingTimeInterval(timeout)
    var unread: Int32 = 0
    while ioctl(descriptor, UInt(FIONREAD), &unread) == 0 && unread > 0 {
      guard deadline.timeIntervalSinceNow > 0 else {
        throw CLIError(description: "classify left \(unread) bytes unread for \(timeout) s")
      }
      usleep(1000)
    }
  }

  /// Writes text to the process's standard input.
  func write(_ text: String) throws { try write(Array(text.utf8)) }

  /// Closes the process's standard input (end of input).
  func closeInput() throws {
    guard inputOpen else { return }
    inputOpen = false
    try input.fileHandleForWriting.close()
  }

  /// Closes the test's end of the standard output pipe, as `head` does after its first lines.
  func closeOutput() throws {
    guard outputOpen else { return }
    outputOpen = false
    try output?.fileHandleForReading.close()
  }

  /// Reads one line of standard output (without its newline), waiting at most `timeout`
  /// seconds; `nil` at end of output.
  func readLine(timeout: Double = CLI.timeout) throws -> String? {
    guard let descriptor = output?.fileHandleForReading.fileDescriptor, outputOpen else {
      throw CLIError(description: "standard output is not a pipe the test reads")
    }
    let deadline = Date().addingTimeInterval(timeout)
    // Bytes of `pending` already known to hold no newline: each byte is searched once, however
    // long the line.
    var searched = 0
    while true {
      let newline = pending.withUnsafeBytes { bytes -> Int? in
        guard searched < bytes.count,
          let found = memchr(bytes.baseAddress! + searched, 0x0A, bytes.count - searched)
        else { return nil }
        return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
      }
      if let newline {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        return line
      }
      searched = pending.count
      guard try Self.wait(for: descriptor, events: Int16(POLLIN), until: deadline) else {
        throw CLIError(description: "no complete output line within \(timeout) s")
      }
      var chunk = [UInt8](repeating: 0, count: 64 << 10)
      let count = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw CLIError(description: "reading classify's output failed: errno \(errno)")
      }
      if count == 0 {
        if pending.isEmpty { return nil }
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
      }
      pending += chunk[..<count]
    }
  }

  /// Writes `stdin` and closes it, reads standard output (unless closed) and standard error to
  /// their ends, and waits for the process to exit; kills it after `timeout` seconds.
  func finish(writing stdin: [UInt8] = [], timeout: Double = CLI.timeout) throws -> CLIResult {
    let deadline = Date().addingTimeInterval(timeout)
    var toWrite = inputOpen ? stdin[...] : []
    if inputOpen && stdin.isEmpty { try closeInput() }
    let inputDescriptor = input.fileHandleForWriting.fileDescriptor
    if inputOpen {
      _ = fcntl(inputDescriptor, F_SETFL, fcntl(inputDescriptor, F_GETFL) | O_NONBLOCK)
    }
    var stdout = pending
    pending.removeAll()
    var stderr: [UInt8] = []
    var outputDescriptor = outputOpen ? output?.fileHandleForReading.fileDescriptor : nil
    var errorDescriptor: Int32? = errors.fileHandleForReading.fileDescriptor
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    while outputDescriptor != nil || errorDescriptor != nil || inputOpen {
      var descriptors: [pollfd] = []
      if inputOpen {
        descriptors.append(pollfd(fd: inputDescriptor, events: Int16(POLLOUT), revents: 0))
      }
      for descriptor in [outputDescriptor, errorDescriptor].compactMap({ $0 }) {
        descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else {
        process.terminate()
        throw CLIError(description: "classify did not finish within \(timeout) s")
      }
      let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(remaining * 1000))
      if ready < 0 {
        if errno == EINTR { continue }
        throw CLIError(description: "poll failed: errno \(errno)")
      }
      for entry in descriptors where entry.revents != 0 {
        if entry.fd == inputDescriptor && inputOpen {
          let written = toWrite.withUnsafeBytes {
            posixWrite(inputDescriptor, $0.baseAddress, min($0.count, 64 << 10))
          }
          if written > 0 { toWrite = toWrite.dropFirst(written) }
          // EPIPE: classify stopped reading, which is its right; the rest is not needed.
          if toWrite.isEmpty || (written < 0 && errno != EAGAIN && errno != EINTR) {
            try closeInput()
          }
          continue
        }
        let count = chunk.withUnsafeMutableBytes {
          posixRead(entry.fd, $0.baseAddress, $0.count)
        }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        if count <= 0 {
          if entry.fd == outputDescriptor { outputDescriptor = nil } else { errorDescriptor = nil }
        } else if entry.fd == outputDescriptor {
          stdout += chunk[..<count]
        } else {
          stderr += chunk[..<count]
        }
      }
    }
    while process.isRunning {
      guard deadline.timeIntervalSinceNow > 0 else {
        process.terminate()
        throw CLIError(description: "classify did not exit within \(timeout) s")
      }
      usleep(1000)
    }
    process.waitUntilExit()
    return CLIResult(
      status: process.terminationStatus, exited: process.terminationReason == .exit,
      stdout: stdout, stderr: stderr)
  }

  /// Waits until `descriptor` is ready for `events`; false when the deadline passes first.
  private static func wait(for descriptor: Int32, events: Int16, until deadline: Date) throws
    -> Bool
  {
    while true {
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { return false }
      var entry = pollfd(fd: descriptor, events: events, revents: 0)
      let ready = poll(&entry, 1, Int32(remaining * 1000))
      if ready > 0 { return true }
      if ready < 0 && errno != EINTR {
        throw CLIError(description: "poll failed: errno \(errno)")
      }
    }
  }
}

/// A uniquely named directory under the system's temporary directory, removed on deinit.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("classifyTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The path of `name` inside the directory.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes a file (creating intermediate directories) and returns its path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  /// Writes a text file and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  /// Writes rule files into the subdirectory `directory` and returns its path.
  @discardableResult
  func rules(_ files: [String: String], in directory: String = "rules") throws -> String {
    for (name, text) in files { try write("\(directory)/\(name)", text) }
    return path(directory)
  }
}

/// `write(2)`, named so that it does not clash with methods called `write`.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}

/// `read(2)`, named so that it does not clash with methods called `read`.
private func posixRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int
{
  #if canImport(Glibc)
    Glibc.read(descriptor, bytes, count)
  #else
    Darwin.read(descriptor, bytes, count)
  #endif
}
