import ClassifierCore
import Foundation

/// What a classification benchmark keeps between iterations: the compiled rules and one
/// workspace, so that after the warm-up iteration the workspace has all the room it needs.
final class ClassificationFixture {
  let classifier: Classifier
  var workspace: ClassifierWorkspace

  init(_ rules: RuleChoice) throws {
    classifier = try rules.classifier()
    workspace = ClassifierWorkspace(for: classifier)
  }
}

/// What a whole-path benchmark needs: the compiled rules and the input written to a file.
final class RunFixture {
  /// Where results go: /dev/null, open for the whole process.
  static let output = OutputFile(descriptor: open("/dev/null", O_WRONLY))

  let classifier: Classifier
  let path: String

  /// Compiles the rules and writes the benchmark input to `path`.
  init(_ rules: RuleChoice, path: String) throws {
    classifier = try rules.classifier()
    self.path = path
    try Data(BenchmarkInput.shared.text).write(to: URL(fileURLWithPath: path))
  }
}
