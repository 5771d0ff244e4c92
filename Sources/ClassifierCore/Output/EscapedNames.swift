/// Names escaped for JSON once, kept end to end in one buffer, so that a table of thousands of
/// rule names and keyword terms takes two allocations rather than one per name.
struct EscapedNames: Sendable {
  private var bytes: [UInt8] = []
  /// Where each name ends in `bytes`; name `i` starts where name `i - 1` ends.
  private var ends: [Int] = []

  /// The names in order, escaped for a JSON string (quotes not included).
  init<Names: Sequence<String>>(_ names: Names) {
    var buffer = OutputBuffer(capacity: 0)
    for name in names {
      var text = name
      text.withUTF8 { _ = buffer.append(jsonEscaped: $0) }
      ends.append(buffer.bytes.count)
    }
    bytes = buffer.bytes
  }

  /// The escaped bytes of name `index`.
  subscript(index: Int) -> ArraySlice<UInt8> {
    bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
  }
}
