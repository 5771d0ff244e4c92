import Foundation

extension RuleSource {
  /// The rule files of a directory: every `*.yaml` and `*.yml` file directly in it, by name; or,
  /// when `path` names a file, that file alone.
  ///
  /// - Throws: `RuleLoadError` when the directory or a file cannot be read or is not UTF-8, or
  ///   when the directory holds no rule file.
  public static func files(at path: String) throws(RuleLoadError) -> [RuleSource] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw RuleLoadError(diagnostics: [
        RuleDiagnostic(location: .wholeFile(path), message: "no such file or directory")
      ])
    }
    guard isDirectory.boolValue else { return [try read(path)] }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw RuleLoadError(diagnostics: [
        RuleDiagnostic(location: .wholeFile(path), message: "cannot list the directory")
      ])
    }
    let ruleFiles = names.filter {
      !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
    }
    .sorted()
    guard !ruleFiles.isEmpty else {
      throw RuleLoadError(diagnostics: [
        RuleDiagnostic(
          location: .wholeFile(path), message: "no rule files (*.yaml, *.yml) in the directory")
      ])
    }
    var sources: [RuleSource] = []
    var diagnostics: [RuleDiagnostic] = []
    for name in ruleFiles {
      let filePath = path.hasSuffix("/") ? path + name : path + "/" + name
      do {
        sources.append(try read(filePath))
      } catch {
        diagnostics += error.diagnostics
      }
    }
    guard diagnostics.isEmpty else { throw RuleLoadError(diagnostics: diagnostics) }
    return sources
  }

  private static func read(_ path: String) throws(RuleLoadError) -> RuleSource {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RuleLoadError(diagnostics: [
        RuleDiagnostic(location: .wholeFile(path), message: "cannot read the file")
      ])
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw RuleLoadError(diagnostics: [
        RuleDiagnostic(location: .wholeFile(path), message: "the file is not valid UTF-8")
      ])
    }
    return RuleSource(name: path, text: text)
  }

  /// The stock rules shipped in `Rules/`, embedded in the library when it is built.
  public static var stock: [RuleSource] { StockRules.sources }
}
