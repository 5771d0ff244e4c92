extension Evaluation {
  /// The report `classify eval` prints: the category table with micro and macro F1, what each
  /// category is confused with, and the rule table. Figures are percentages.
  public var report: String {
    [table, confusionLines.joined(separator: "\n"), ruleTable].joined(separator: "\n\n")
  }

  /// One row per category with support, precision, recall and F1, then micro and macro F1 and
  /// the exact-match rate.
  public var table: String {
    var rows = [["category", "support", "precision", "recall", "F1"]]
    for result in categories {
      rows.append([
        result.name, "\(result.support)", Self.percent(result.precision),
        Self.percent(result.recall), Self.percent(result.f1),
      ])
    }
    return Self.aligned(rows) + "\n"
      + "micro F1 \(Self.percent(microF1)); macro F1 \(Self.percent(macroF1)); "
      + "exact match \(Self.percent(exactMatchRate)) of \(exampleCount) segments"
  }

  /// For each category, the gold labels of its false positives and the labels given instead on
  /// its false negatives.
  public var confusionLines: [String] {
    var lines = ["confusions (gold labels of false positives; labels given on misses):"]
    for result in categories {
      lines.append(
        "  \(result.name): false positives \(result.falsePositives) "
          + "[\(Self.counts(result.falsePositiveGold))]; "
          + "missed \(result.falseNegatives) [\(Self.counts(result.falseNegativePredicted))]")
    }
    return lines
  }

  /// One row per rule that fired: hits, hits on segments labelled with its category, the share
  /// of hits that pushed the right way, and the labels it alone decided, right and wrong.
  public var ruleTable: String {
    var rows = [["rule", "hits", "in gold", "precision", "decided right", "decided wrong"]]
    for rule in rules where rule.hits > 0 {
      rows.append([
        rule.name, "\(rule.hits)", "\(rule.goldHits)", Self.percent(rule.precision),
        "\(rule.decidedRight)", "\(rule.decidedWrong)",
      ])
    }
    let silent = rules.filter { $0.hits == 0 }.map(\.name)
    let footer = silent.isEmpty ? "" : "\nnever fired: " + silent.joined(separator: ", ")
    return Self.aligned(rows) + footer
  }

  /// Each mistake: where it is, gold and predicted labels, the text, and its evidence.
  public var errorLines: [String] { lines(for: mistakes) }

  /// Every segment: where it is, what was wrong if anything, gold and predicted labels, the
  /// text, and its evidence.
  public var segmentLines: [String] { lines(for: outcomes) }

  private func lines(for outcomes: [Outcome]) -> [String] {
    var lines: [String] = []
    for outcome in outcomes {
      let gold = outcome.example.labels
      let falsePositives = outcome.predicted.subtracting(gold).sorted()
      let falseNegatives = gold.subtracting(outcome.predicted).sorted()
      var kinds: [String] = []
      if !falsePositives.isEmpty {
        kinds.append("false positive " + falsePositives.joined(separator: ","))
      }
      if !falseNegatives.isEmpty { kinds.append("missed " + falseNegatives.joined(separator: ",")) }
      if kinds.isEmpty { kinds.append("right") }
      lines.append(
        "\(outcome.example.location): \(kinds.joined(separator: "; ")) "
          + "(gold [\(gold.sorted().joined(separator: ","))], "
          + "given [\(outcome.predicted.sorted().joined(separator: ","))])")
      lines.append("  \(outcome.example.text)")
      for trace in outcome.evidence {
        let sign = trace.weight >= 0 ? "+" : ""
        let place = trace.isInPreviousSegment ? " (previous segment)" : ""
        lines.append("    \(sign)\(Self.number(trace.weight)) \(trace.rule)\(place): \(trace.text)")
      }
    }
    return lines
  }

  /// `0.1234` as `12.3`.
  static func percent(_ value: Double) -> String {
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  private static func counts(_ counts: [String: Int]) -> String {
    counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
      .joined(separator: ", ")
  }

  /// Rows as columns: the first left-aligned, the others right-aligned.
  private static func aligned(_ rows: [[String]]) -> String {
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + padding : padding + cell
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }.joined(separator: "\n")
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
