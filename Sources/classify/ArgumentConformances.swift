import ArgumentParser
import ClassifierCore

extension SegmentationMode: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// When the text format uses colour.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
  case auto
  case always
  case never
}
