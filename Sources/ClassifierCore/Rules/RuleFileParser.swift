import Yams

/// Reads one rule file into a category definition, collecting every problem it finds.
///
/// The parser keeps going after a problem so that one run reports them all; what it returns is
/// only used when no file of the rule set had a problem.
struct RuleFileParser {
  private let source: RuleSource
  /// The file's text without a byte order mark, which editors on some systems add.
  private let text: String
  private(set) var diagnostics: [RuleDiagnostic] = []

  init(source: RuleSource) {
    self.source = source
    text =
      source.text.unicodeScalars.first == "\u{FEFF}"
      ? String(source.text.unicodeScalars.dropFirst()) : source.text
  }

  private static let categoryKeys = ["category", "description", "threshold", "rules"]
  private static let ruleKeys = ["id", "pattern", "keywords", "weight", "max", "case", "scope"]

  /// Parses the file; returns the category when its required parts could be read.
  mutating func parse() -> CategoryDefinition? {
    guard text.utf8.count <= RuleLimits.maximumFileBytes else {
      report(
        "the file is \(text.utf8.count) bytes, over the limit of \(RuleLimits.maximumFileBytes) "
          + "bytes for one rule file",
        at: SourceLocation(file: source.name, line: 1, column: 1))
      return nil
    }
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        report(
          "empty rule file: expected a mapping with category, threshold and rules",
          at: SourceLocation(file: source.name, line: 1, column: 1))
        return nil
      }
      root = node
    } catch {
      reportYAMLError(error)
      return nil
    }
    guard let mapping = expectMapping(root, what: "a rule file") else { return nil }
    let fields = fieldsOf(mapping, allowed: Self.categoryKeys, what: "category")

    let name = fields["category"].flatMap { identifier($0, what: "category") }
    if fields["category"] == nil { report("missing 'category'", at: location(of: root)) }
    let description = fields["description"].flatMap { string($0, what: "description") } ?? ""
    let threshold = fields["threshold"].flatMap { number($0, what: "threshold", positive: true) }
    if fields["threshold"] == nil { report("missing 'threshold'", at: location(of: root)) }

    var rules: [RuleDefinition] = []
    if let rulesNode = fields["rules"] {
      rules = parseRules(rulesNode)
    } else {
      report("missing 'rules'", at: location(of: root))
    }
    guard let name, let threshold else { return nil }
    return CategoryDefinition(
      name: name, description: description, threshold: threshold, rules: rules,
      location: location(of: root))
  }

  private mutating func parseRules(_ node: Node) -> [RuleDefinition] {
    guard let sequence = node.sequence else {
      report("'rules' must be a list of rules", at: location(of: node))
      return []
    }
    if sequence.isEmpty {
      report("'rules' is empty: give at least one rule", at: location(of: node))
    }
    var rules: [RuleDefinition] = []
    var firstLineOfID: [String: Int] = [:]
    for ruleNode in sequence {
      guard let rule = parseRule(ruleNode) else { continue }
      if let line = firstLineOfID[rule.id] {
        report("duplicate rule id '\(rule.id)' (first defined on line \(line))", at: rule.location)
        continue
      }
      firstLineOfID[rule.id] = rule.location.line
      rules.append(rule)
    }
    return rules
  }

  private mutating func parseRule(_ node: Node) -> RuleDefinition? {
    guard let mapping = expectMapping(node, what: "a rule") else { return nil }
    let fields = fieldsOf(mapping, allowed: Self.ruleKeys, what: "rule")
    let id = fields["id"].flatMap { identifier($0, what: "rule id") }
    if fields["id"] == nil { report("missing 'id'", at: location(of: node)) }

    let kind: RuleDefinition.Kind?
    switch (fields["pattern"], fields["keywords"]) {
    case (let pattern?, nil):
      kind = parsePattern(pattern, fields: fields, rule: node)
    case (nil, let keywords?):
      kind = parseKeywords(keywords, fields: fields)
    case (_?, let keywords?):
      report("a rule has either 'pattern' or 'keywords', not both", at: location(of: keywords))
      kind = nil
    case (nil, nil):
      report("a rule needs 'pattern' or 'keywords'", at: location(of: node))
      kind = nil
    }
    var scope = RuleScope.segment
    if let scopeNode = fields["scope"], let value = string(scopeNode, what: "scope") {
      if let known = RuleScope(rawValue: value) {
        scope = known
      } else {
        let names = RuleScope.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        report("'scope' must be one of \(names), not '\(value)'", at: location(of: scopeNode))
      }
    }
    guard let id, let kind else { return nil }
    return RuleDefinition(id: id, kind: kind, scope: scope, location: location(of: node))
  }

  private mutating func parsePattern(_ node: Node, fields: [String: Node], rule: Node)
    -> RuleDefinition.Kind?
  {
    if let max = fields["max"] {
      report("'max' applies to keyword lists, not to patterns", at: location(of: max))
    }
    var isCaseSensitive = false
    if let caseNode = fields["case"], let value = string(caseNode, what: "case") {
      switch value {
      case "sensitive": isCaseSensitive = true
      case "insensitive": isCaseSensitive = false
      default:
        report(
          "'case' must be 'sensitive' or 'insensitive', not '\(value)'", at: location(of: caseNode))
      }
    }
    let weight = fields["weight"].flatMap { number($0, what: "weight", positive: false) }
    if fields["weight"] == nil {
      report("missing 'weight' for the pattern", at: location(of: rule))
    }
    guard let scalar = node.scalar, !scalar.string.isEmpty else {
      report("'pattern' must be a non-empty string", at: location(of: node))
      return nil
    }
    guard let weight else { return nil }
    let sourceMap = ScalarSourceMap(
      start: location(of: node), style: Self.style(of: scalar), fileText: text)
    return .pattern(
      PatternRule(
        pattern: scalar.string, weight: weight, isCaseSensitive: isCaseSensitive,
        sourceMap: sourceMap))
  }

  private mutating func parseKeywords(_ node: Node, fields: [String: Node]) -> RuleDefinition.Kind?
  {
    if let weight = fields["weight"] {
      report(
        "keyword lists weigh each term ('term: weight'); 'weight' applies to patterns",
        at: location(of: weight))
    }
    if let caseNode = fields["case"] {
      report(
        "keywords always match case-insensitively; 'case' applies to patterns",
        at: location(of: caseNode))
    }
    let max = fields["max"].flatMap { number($0, what: "max", positive: true) }
    guard let mapping = node.mapping, !mapping.isEmpty else {
      report("'keywords' must be a non-empty mapping of term to weight", at: location(of: node))
      return nil
    }
    var terms: [KeywordTerm] = []
    var lineOfTerm: [String: Int] = [:]
    for (key, value) in mapping {
      guard let text = key.scalar?.string else {
        report("a keyword must be a string", at: location(of: key))
        continue
      }
      guard let weight = number(value, what: "the weight of '\(text)'", positive: false) else {
        continue
      }
      do {
        let term = try KeywordTerm(parsing: text, weight: weight)
        let keyLocation = location(of: key)
        if let line = lineOfTerm[term.normalized] {
          report(
            "duplicate keyword '\(term.normalized)' (first given on line \(line))", at: keyLocation)
          continue
        }
        lineOfTerm[term.normalized] = keyLocation.line
        terms.append(term)
      } catch {
        report(error.message, at: location(of: key))
      }
    }
    return terms.isEmpty ? nil : .keywords(KeywordList(terms: terms, max: max))
  }

  // MARK: Typed values

  private mutating func expectMapping(_ node: Node, what: String) -> Node.Mapping? {
    guard let mapping = node.mapping else {
      report("expected \(what) as a mapping of 'key: value'", at: location(of: node))
      return nil
    }
    return mapping
  }

  /// The mapping's values by key, reporting keys that are not allowed.
  private mutating func fieldsOf(_ mapping: Node.Mapping, allowed: [String], what: String)
    -> [String: Node]
  {
    var fields: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.scalar?.string, allowed.contains(name) else {
        let shown = key.scalar?.string ?? "?"
        report(
          "unknown \(what) key '\(shown)' (expected one of: \(allowed.joined(separator: ", ")))",
          at: location(of: key))
        continue
      }
      fields[name] = value
    }
    return fields
  }

  private mutating func string(_ node: Node, what: String) -> String? {
    guard let scalar = node.scalar else {
      report("\(what) must be a string", at: location(of: node))
      return nil
    }
    return scalar.string
  }

  private mutating func identifier(_ node: Node, what: String) -> String? {
    guard let value = string(node, what: what) else { return nil }
    let isValid =
      value.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
      && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    guard isValid else {
      report(
        "\(what) '\(value)' must start with a letter or digit and hold only ASCII letters, digits, '-', '_' and '.'",
        at: location(of: node))
      return nil
    }
    return value
  }

  private mutating func number(_ node: Node, what: String, positive: Bool) -> Double? {
    guard let scalar = node.scalar, scalar.style == .plain, let value = Double(scalar.string),
      value.isFinite
    else {
      report(
        "\(what) must be a number, not '\(node.scalar?.string ?? "a collection")'",
        at: location(of: node))
      return nil
    }
    if positive, value <= 0 {
      report("\(what) must be greater than 0", at: location(of: node))
      return nil
    }
    return value
  }

  // MARK: Positions and reports

  private func location(of node: Node) -> SourceLocation {
    guard let mark = node.mark else { return SourceLocation(file: source.name, line: 1, column: 1) }
    return SourceLocation(file: source.name, line: mark.line, column: mark.column)
  }

  private static func style(of scalar: Node.Scalar) -> ScalarSourceMap.Style {
    switch scalar.style {
    case .plain: .plain
    case .singleQuoted: .singleQuoted
    case .doubleQuoted: .doubleQuoted
    case .literal, .folded: .block
    case .any: .unknown
    }
  }

  private mutating func report(_ message: String, at location: SourceLocation) {
    diagnostics.append(RuleDiagnostic(location: location, message: message))
  }

  private mutating func reportYAMLError(_ error: any Error) {
    let place: Mark?
    let message: String
    switch error as? YamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      place = mark
      message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(
        separator: ": ")
    case .duplicatedKeysInMapping(let duplicates, let context):
      place = context.mark
      message = "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in mapping"
    case .reader(let problem, _, _, _):
      place = nil
      message = problem
    default:
      place = nil
      message = "\(error)"
    }
    let location =
      place.map { SourceLocation(file: source.name, line: $0.line, column: $0.column) }
      ?? SourceLocation(file: source.name, line: 1, column: 1)
    report("YAML: \(message)", at: location)
  }
}
