extension NewsTextGenerator {
  /// A headline: no final full stop, sometimes a quoted claim with its source.
  mutating func headline(_ topic: Topic) -> String {
    switch (topic, random.below(3)) {
    case (.enforcement, 0):
      "\(count(12...400)) arrested as \(place()) Police targets "
        + random.pick(NewsVocabulary.offences)
    case (.enforcement, _):
      "\(person()) jailed for \(random.pick(NewsVocabulary.offences))"
    case (.policy, 0):
      "Ministers to ban \(random.pick(NewsVocabulary.bannedThings)) from \(month())"
    case (.policy, _):
      "Plans for \(random.pick(NewsVocabulary.topics)) 'do not go far enough', MPs warn"
    case (.statistics, _):
      "Number of \(random.pick(NewsVocabulary.countedThings)) hits record high"
    case (.business, _):
      "\(company()) profits rise \(percent()) as demand grows"
    case (.sport, _):
      "\(team()) edge past \(team()) in five-goal thriller"
    case (.technology, _):
      "\(company()) unveils \(random.pick(NewsVocabulary.products))"
    case (.community, _):
      "\(place()) library to reopen after refurbishment"
    }
  }

  /// A quotation as one or more paragraphs: attributed, partial, straight-quoted, introduced by
  /// a lead-in ending `said:`, or running over several paragraphs (each opening with a quotation
  /// mark, only the last closing it).
  mutating func quotation() -> [String] {
    let opening = random.pick(NewsVocabulary.quoteOpenings)
    let followUp = random.pick(NewsVocabulary.quoteFollowUps)
    switch random.below(7) {
    case 0:
      return ["“\(opening),” said \(attributedPerson())."]
    case 1:
      return ["“\(opening). \(followUp),” \(pronoun().lowercased()) added."]
    case 2:
      return ["\(attributedPerson()), said: “\(opening).”"]
    case 3:
      return [
        "\(pronoun()) said the decision was “\(random.pick(NewsVocabulary.scareQuotes))” and "
          + "would be challenged."
      ]
    case 4:
      return ["\"\(opening),\" \(person()) told reporters."]
    case 5:
      return ["In a statement, \(attributedPerson()) said:", "“\(opening). \(followUp).”"]
    default:
      var paragraphs = ["\(attributedPerson()), said: “\(opening)."]
      for _ in 0..<random.below(2) {
        paragraphs.append("“\(random.pick(NewsVocabulary.quoteFollowUps)).")
      }
      paragraphs.append("“\(followUp).”")
      return paragraphs
    }
  }

  /// A lead-in line ending with a colon, then three to five bulleted items, one per line.
  mutating func list() -> String {
    let leadIn = random.pick([
      "The main changes include:", "Among the measures announced are:",
      "The report makes several recommendations:", "Officers also found:",
    ])
    let marker = random.pick(["•", "-", "*"])
    let items = (0..<(3 + random.below(3))).map { _ in
      switch random.below(6) {
      case 0: "\(marker) a ban on \(random.pick(NewsVocabulary.bannedThings))"
      case 1:
        "\(marker) \(count(100...5_000)) new \(random.pick(NewsVocabulary.countedThings)) by "
          + "\(year())"
      case 2:
        "\(marker) a duty on \(random.pick(NewsVocabulary.dutyHolders)) to "
          + "\(random.pick(NewsVocabulary.duties))"
      case 3: "\(marker) funding of \(money()) for \(random.pick(NewsVocabulary.topics))"
      case 4: "\(marker) stricter penalties for \(random.pick(NewsVocabulary.offences))"
      default: "\(marker) \(count(10...900)) \(random.pick(NewsVocabulary.seizedThings)) seized"
      }
    }
    return ([leadIn] + items).joined(separator: "\n")
  }
}
