import Foundation
import Testing
import Workloads

#if canImport(Glibc)
  import Glibc
#endif

/// Input from anywhere, through the whole program with the stock rules: nothing crashes, nothing
/// is lost, and every output line is valid JSON whose offsets point into the original bytes.
@Suite struct HostileInputTests {
  /// Checks that the records tile `document`: in order, not overlapping, each record's text the
  /// repaired bytes at its offsets, and every byte outside them ASCII whitespace (or the byte
  /// order mark at the start).
  private static func expectTiling(
    _ records: [Record], of document: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var covered = document.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    for (index, record) in records.enumerated() {
      #expect(record.seg == index, sourceLocation: sourceLocation)
      guard record.start >= covered, record.start < record.end, record.end <= document.count
      else {
        Issue.record("record \(index) at \(record.start)..<\(record.end) after \(covered)")
        return
      }
      let gap = document[covered..<record.start]
      #expect(gap.allSatisfy(Self.isSpace), "bytes lost before record \(index)")
      #expect(document.decoded(record.start, record.end) == record.text)
      covered = record.end
    }
    #expect(document[covered...].allSatisfy(Self.isSpace), "bytes lost at the end")
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// Our example article, read from the repository.
  private static func article() throws -> [UInt8] {
    Array(
      try Data(
        contentsOf: CLI.packageRoot.appendingPathComponent("Examples/press-release.txt")))
  }

  @Test("invalid UTF-8 anywhere: each sequence becomes U+FFFD, counted on stderr, offsets kept")
  func invalidUTF8Anywhere() throws {
    var random = SeededGenerator(seed: 11)
    var document = try Self.article()
    let invalid: [[UInt8]] = [[0x80], [0xFF], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xF8, 0x88]]
    for _ in 0..<60 {
      let position = Int.random(in: 0...document.count, using: &random)
      document.insert(contentsOf: invalid.randomElement(using: &random)!, at: position)
    }
    let result = try CLI.run(["--explain"], stdin: document)
    #expect(result.succeeded, "\(result)")
    let records = try result.records()
    Self.expectTiling(records, of: document)
    for record in records {
      for evidence in record.evidence ?? [] {
        guard let start = evidence.start, let end = evidence.end else { continue }
        #expect(start >= 0 && start <= end && end <= document.count)
      }
    }
    let replaced = records.map { $0.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count }
      .reduce(0, +)
    #expect(replaced >= 60)
    #expect(
      result.errors.contains(
        "classify: \(replaced) invalid UTF-8 sequences in the input were written as U+FFFD"))
  }

  @Test("valid input says nothing about replacement on stderr")
  func validInputHasNoReplacementNote() throws {
    let result = try CLI.run([], stdin: try Self.article())
    #expect(result.succeeded)
    #expect(result.stderr.isEmpty, "\(result)")
  }

  @Test("a byte order mark at the start belongs to no segment; offsets still count it")
  func byteOrderMark() throws {
    let document = Array("\u{FEFF}Police arrested 12 people. Officers said so.\n".utf8)
    let records = try CLI.run(["segment"], stdin: document).records()
    #expect(records.map(\.text) == ["Police arrested 12 people.", "Officers said so."])
    #expect(records.first?.start == 3)
    Self.expectTiling(records, of: document)
    let alone = try CLI.run([], stdin: [0xEF, 0xBB, 0xBF])
    #expect(alone.succeeded)
    #expect(alone.stdout.isEmpty)
    // Elsewhere U+FEFF is a character of the text and is kept.
    let inside = try CLI.run(["segment"], stdin: "One.\u{FEFF}Two words.").records()
    #expect(inside.map(\.text).joined().contains("\u{FEFF}"))
  }

  @Test(
    "CRLF and lone CR line ends: no carriage return at a segment's edge, nothing lost",
    arguments: [
      "Police arrested 12 people.\r\nOfficers said so.\r\n\r\nA new paragraph.\r\n",
      "First sentence here.\rSecond sentence here.\rThird.",
      "\r\r\n\r",
    ])
  func carriageReturns(text: String) throws {
    let document = Array(text.utf8)
    for mode in ["sentence", "paragraph", "line", "none"] {
      let result = try CLI.run(["--segment", mode], stdin: document)
      #expect(result.succeeded)
      let records = try result.records()
      Self.expectTiling(records, of: document)
      #expect(!records.contains { $0.text.hasPrefix("\r") || $0.text.hasSuffix("\r") })
    }
  }

  @Test("binary garbage in every format: valid output, nothing lost, exit 0")
  func binaryGarbage() throws {
    var random = SeededGenerator(seed: 5)
    let document = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &random) }
    let result = try CLI.run(["--explain"], stdin: document)
    #expect(result.succeeded, "\(result)")
    Self.expectTiling(try result.records(), of: document)
    for format in ["text", "tsv"] {
      let other = try CLI.run(["--format", format, "--explain"], stdin: document)
      #expect(other.succeeded)
      #expect(String(validating: other.stdout, as: UTF8.self) != nil)
      #expect(!other.stdout.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 })
    }
  }

  @Test("--format text shows control characters and escape sequences escaped, never raw")
  func textFormatEscapes() throws {
    let document = Array(
      "Police said \u{1B}]0;owned\u{7}it \u{1B}[2J happened\u{9B}31m and \u{202E}txt.exe.\n".utf8)
    let result = try CLI.run(
      ["--format", "text", "--explain", "--color", "always"], stdin: document)
    #expect(result.succeeded)
    let output = result.output
    #expect(output.contains(#"Police said \u{1B}]0;owned\u{7}it \u{1B}[2J happened\u{9B}31m"#))
    #expect(output.contains(#"\u{202E}txt.exe."#))
    // The only escape bytes left are classify's own colour codes, ESC [ digits ; m.
    let scalars = Array(output.unicodeScalars)
    for (index, scalar) in scalars.enumerated() where scalar == "\u{1B}" {
      let code = String(String.UnicodeScalarView(scalars[(index + 1)...].prefix { $0 != "m" }))
      #expect(code.first == "[" && code.dropFirst().allSatisfy { $0.isNumber || $0 == ";" })
    }
    #expect(!scalars.contains { (0x80...0x9F).contains($0.value) || $0 == "\u{202E}" })
  }

  @Test("two million one-character lines: one segment each, in order, none lost")
  func millionsOfLines() throws {
    let count = 2_000_000
    // Capitals: a line starting in lowercase would continue the sentence of the line before.
    let document = (0..<2 * count).map { $0 % 2 == 0 ? UInt8(ascii: "A") : 0x0A }
    let result = try CLI.start([]).finish(writing: document, timeout: 300)
    #expect(result.succeeded, "\(result)")
    // Checked with memchr and memcmp: a per-byte loop over 270 MB is slow in a debug build.
    var expected = 0
    var lineStart = 0
    result.stdout.withUnsafeBytes { output in
      while lineStart < output.count,
        let found = memchr(output.baseAddress! + lineStart, 0x0A, output.count - lineStart)
      {
        let lineEnd = output.baseAddress!.distance(to: UnsafeRawPointer(found))
        let prefix = Array(
          #"{"doc":1,"seg":\#(expected),"start":\#(2 * expected),"end":\#(2 * expected + 1),"text":"A","labels":[]"#
            .utf8)
        guard lineEnd - lineStart >= prefix.count,
          memcmp(output.baseAddress! + lineStart, prefix, prefix.count) == 0
        else {
          let line = UnsafeRawBufferPointer(rebasing: output[lineStart..<lineEnd]).prefix(120)
          Issue.record("line \(expected): \(String(decoding: line, as: UTF8.self))")
          return
        }
        expected += 1
        lineStart = lineEnd + 1
      }
    }
    #expect(expected == count)
    #expect(lineStart == result.stdout.count)
  }

  /// Words separated by single spaces, the same every run; its length divides the input.
  private static let wordBlock: [UInt8] = {
    var random = SeededGenerator(seed: 3)
    let words = ["police", "said", "the", "court", "fined", "data", "rules", "12", "per", "cent"]
    var block: [UInt8] = []
    while block.count < (64 << 10) - 16 {
      block += Array(words.randomElement(using: &random)!.utf8) + [0x20]
    }
    block += [UInt8](repeating: UInt8(ascii: "x"), count: (64 << 10) - block.count - 1) + [0x20]
    return block
  }()

  @Test("a 1 GB line with no newline: cut at spaces into segments of at most 1 MiB, memory bounded")
  func gigabyteLine() throws {
    let block = Self.wordBlock
    let total = 1 << 30
    let limit = 1 << 20
    let running = try CLI.start([])
    let pid = running.process.processIdentifier
    // Only this thread writes to classify's input; the test's thread only reads its output.
    nonisolated(unsafe) let input = running
    let writer = Thread {
      var written = 0
      while written < total {
        guard (try? input.write(block, timeout: 300)) != nil else { break }
        written += block.count
      }
      try? input.closeInput()
    }
    writer.start()
    var expectedStart = 0
    var records = 0
    var peakKiB = 0
    while let line = try running.readLine(timeout: 300) {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      let start = try #require(object?["start"] as? Int)
      let end = try #require(object?["end"] as? Int)
      let text = try #require(object?["text"] as? String)
      #expect(object?["seg"] as? Int == records)
      // Each cut falls at a space, which belongs to no segment.
      #expect(start == expectedStart || start == expectedStart + 1)
      #expect(end - start <= limit && end - start > limit / 2 || end == total - 1)
      guard Self.repeats(block, from: start, as: text) else {
        Issue.record("segment \(records) at \(start)..<\(end) does not hold the input's bytes")
        return
      }
      if end < total { #expect(block[end % block.count] == 0x20) }
      expectedStart = end
      records += 1
      if records % 64 == 0 { peakKiB = max(peakKiB, Self.peakResidentKiB(of: pid)) }
    }
    let result = try running.finish()
    #expect(result.succeeded)
    #expect(expectedStart == total - 1)
    #expect(records >= total / limit)
    #expect(result.errors.contains("was cut there"))
    // Bounded: the stock rules alone take about 70 MB; the input is 1,024 MB.
    #expect(peakKiB > 0 && peakKiB < 160 << 10, "peak resident memory \(peakKiB) KiB")
  }

  /// Whether `text` is the bytes of `block` repeated without end, taken from offset `start`.
  private static func repeats(_ block: [UInt8], from start: Int, as text: String) -> Bool {
    var text = text
    return text.withUTF8 { text in
      block.withUnsafeBytes { block in
        var offset = 0
        while offset < text.count {
          let position = (start + offset) % block.count
          let length = min(block.count - position, text.count - offset)
          guard memcmp(text.baseAddress! + offset, block.baseAddress! + position, length) == 0
          else { return false }
          offset += length
        }
        return true
      }
    }
  }

  /// The process's peak resident set so far (VmHWM), in KiB; 0 when it cannot be read.
  private static func peakResidentKiB(of pid: Int32) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
      ?? 0
  }
}
