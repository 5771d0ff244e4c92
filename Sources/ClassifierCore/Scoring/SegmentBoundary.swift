/// What separates a segment from the one before it, which decides the context rules can see.
public enum SegmentBoundary: Sendable, Hashable {
  /// The segment starts a document: nothing before it is context.
  case documentStart
  /// The segment starts a paragraph of the document. A quotation left open by the previous
  /// paragraph continues only when this one opens with a quotation mark (news style).
  case paragraphStart
  /// The segment follows the previous one in the same paragraph, or the paragraphs are unknown.
  case withinParagraph
}

extension SegmentBoundary {
  /// The boundary before a document's segment number `index` (from 0), which starts a paragraph
  /// when `startsParagraph` says so (as `StreamingSegmenter.Segment` does).
  public init(segmentIndex index: Int, startsParagraph: Bool) {
    self =
      index == 0 ? .documentStart : startsParagraph ? .paragraphStart : .withinParagraph
  }
}
