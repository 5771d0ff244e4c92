extension NewsTextGenerator {
  /// An invented town: Bramford, Oakwick, Ravensmouth.
  mutating func place() -> String {
    random.pick(NewsVocabulary.placeStarts) + random.pick(NewsVocabulary.placeEnds)
  }

  /// A forename and a surname.
  mutating func person() -> String {
    random.pick(NewsVocabulary.forenames) + " " + surname()
  }

  mutating func surname() -> String {
    random.pick(NewsVocabulary.surnames)
  }

  /// A person with a role, for attributions: "Helen Marsh, council leader at Fenley Council".
  mutating func attributedPerson() -> String {
    switch random.below(5) {
    case 0: "\(person()), chief constable of \(place()) Police"
    case 1: "\(person()), leader of \(place()) Council"
    case 2: "\(person()), the minister for \(random.pick(NewsVocabulary.ministerPortfolios))"
    case 3: "\(person()), \(random.pick(NewsVocabulary.roles)) at \(company())"
    default: "\(person()), a \(random.pick(NewsVocabulary.roles))"
    }
  }

  /// An invented company: "Halcyon Foods".
  mutating func company() -> String {
    random.pick(NewsVocabulary.companyStarts) + " " + random.pick(NewsVocabulary.companyEnds)
  }

  mutating func team() -> String {
    place() + " " + random.pick(NewsVocabulary.teamEnds)
  }

  mutating func pronoun() -> String {
    random.chance(50) ? "He" : "She"
  }

  mutating func weekday() -> String {
    random.pick(NewsVocabulary.weekdays)
  }

  mutating func month() -> String {
    random.pick(NewsVocabulary.months)
  }

  /// A day of a month: "14 March".
  mutating func date() -> String {
    "\(1 + random.below(28)) \(month())"
  }

  mutating func year() -> Int {
    2012 + random.below(14)
  }

  /// A number in `range`.
  mutating func number(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + random.below(range.count)
  }
}
