/// How text is cut into the segments that are classified.
public enum SegmentationMode: String, CaseIterable, Sendable {
  /// Sentences, quote-aware, within paragraphs (the default).
  case sentence
  /// Paragraphs: blank-line separated when the document has blank lines, otherwise lines.
  case paragraph
  /// Lines.
  case line
  /// The whole document as one segment.
  case none
}
