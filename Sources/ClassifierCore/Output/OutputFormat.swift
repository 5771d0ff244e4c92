/// How classified segments are written.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// One JSON object per line (the default).
  case jsonl
  /// Tab-separated: document, segment, labels (comma-joined), text.
  case tsv
  /// For reading: one segment per line with its labels; colour on a terminal.
  case text
}
