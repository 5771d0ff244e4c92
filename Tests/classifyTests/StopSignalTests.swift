import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM stop a run cleanly: no more input is read, what was read is classified and
/// written as whole lines, and the process then ends by the signal.
@Suite struct StopSignalTests {
  @Test(
    "a stop signal while waiting for input flushes the text already read, then ends by the signal",
    arguments: [SIGTERM, SIGINT])
  func stopWhileWaiting(signal: Int32) throws {
    let running = try CLI.start([])
    try running.write("Police arrested 12 people.\n\nThe court heard that the man")
    let first = try running.readLine()
    #expect(
      try JSONLines.decode(Array((first ?? "").utf8)).map(\.text) == [
        "Police arrested 12 people."
      ])
    try running.waitUntilInputIsRead()
    kill(running.process.processIdentifier, signal)
    let result = try running.finish()
    #expect(!result.exited && result.status == signal, "\(result)")
    // The unfinished paragraph had been read, so it is classified and written.
    #expect(try result.records().map(\.text) == ["The court heard that the man"])
    let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
    #expect(
      result.errorLines == [
        "classify: stopped by \(name) after 2 segments; the output ends with a whole line"
      ])
  }

  @Test("a stop signal in the middle of a large file leaves only whole, valid JSON lines")
  func stopMidFile() throws {
    let directory = try TemporaryDirectory()
    let article = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("Examples/press-release.txt"),
      encoding: .utf8)
    let path = try directory.write(
      "big.txt", String(repeating: article + "\n", count: 20_000_000 / article.utf8.count))
    let running = try CLI.start(["--explain", path])
    // The first line shows that the run, and so the signal handler, has started.
    _ = try running.readLine()
    kill(running.process.processIdentifier, SIGINT)
    let result = try running.finish(timeout: 60)
    #expect(!result.exited && result.status == SIGINT, "\(result.errors)")
    #expect(result.stdout.last == 0x0A)
    let records = try result.records()
    #expect(!records.isEmpty)
    // Far fewer segments than the whole file holds: the run stopped reading.
    #expect(records.count < 100_000)
    #expect(result.errors.contains("classify: stopped by SIGINT after "))
  }
}
