import Testing

@testable import ClassifierCore

/// One paragraph and the sentences it must be split into.
struct SegmentationSentenceCase: Sendable, CustomTestStringConvertible {
  var label: String
  var input: String
  var sentences: [String]

  init(_ label: String, _ input: String, _ sentences: [String]) {
    self.label = label
    self.input = input
    self.sentences = sentences
  }

  var testDescription: String { label }
}

@Suite struct SegmentationSentenceTests {
  static let abbreviationCases: [SegmentationSentenceCase] = [
    SegmentationSentenceCase(
      "title Mr.", "Mr. Smith arrived late. He sat down.",
      ["Mr. Smith arrived late.", "He sat down."]),
    SegmentationSentenceCase(
      "title Dr.", "Dr. Jones said the results were clear. The trial ends today.",
      ["Dr. Jones said the results were clear.", "The trial ends today."]),
    SegmentationSentenceCase(
      "St. before a name with an apostrophe",
      "The service was held at St. Paul's Church. It lasted an hour.",
      ["The service was held at St. Paul's Church.", "It lasted an hour."]),
    SegmentationSentenceCase(
      "Co. inside a sentence", "Acme Co. said profits rose. Shares fell.",
      ["Acme Co. said profits rose.", "Shares fell."]),
    SegmentationSentenceCase(
      "Co. ending a sentence before an opener", "He works for Harlow Co. The firm denies it.",
      ["He works for Harlow Co.", "The firm denies it."]),
    SegmentationSentenceCase(
      "Jr. inside a sentence", "Smith Jr. was arrested on Monday. He denies the charge.",
      ["Smith Jr. was arrested on Monday.", "He denies the charge."]),
    SegmentationSentenceCase(
      "p. before a page number", "The figures are on p. 4 of the report. They were revised.",
      ["The figures are on p. 4 of the report.", "They were revised."]),
    SegmentationSentenceCase(
      "No. before a number", "He lives at No. 10 Downing Street. It is in London.",
      ["He lives at No. 10 Downing Street.", "It is in London."]),
    SegmentationSentenceCase(
      "No. as a word", "Was he there? No. It was his brother.",
      ["Was he there?", "No.", "It was his brother."]),
    SegmentationSentenceCase(
      "several titles", "Gen. Hale and Capt. Reyes arrived. Sgt. Obi followed them.",
      ["Gen. Hale and Capt. Reyes arrived.", "Sgt. Obi followed them."]),
    SegmentationSentenceCase(
      "initials", "J. K. Smith wrote the report. It was published today.",
      ["J. K. Smith wrote the report.", "It was published today."]),
    SegmentationSentenceCase(
      "initials that are also words",
      "The letter from J. A. Ellis and T. I. Moore arrived. It was short.",
      ["The letter from J. A. Ellis and T. I. Moore arrived.", "It was short."]),
    SegmentationSentenceCase(
      "middle initial", "The award went to Maria T. Okafor on Friday. She thanked her team.",
      ["The award went to Maria T. Okafor on Friday.", "She thanked her team."]),
    SegmentationSentenceCase(
      "initial ending a sentence before an opener", "They chose plan B. It failed within a week.",
      ["They chose plan B.", "It failed within a week."]),
    SegmentationSentenceCase(
      "dotted acronym inside a sentence",
      "Officials in the U.S. government declined to comment. A spokesman was unavailable.",
      ["Officials in the U.S. government declined to comment.", "A spokesman was unavailable."]),
    SegmentationSentenceCase(
      "dotted acronym before a capitalised word",
      "The U.K. Treasury published the plan. Critics attacked it.",
      ["The U.K. Treasury published the plan.", "Critics attacked it."]),
    SegmentationSentenceCase(
      "dotted acronym ending a sentence", "He moved to the U.S. The next year he was elected.",
      ["He moved to the U.S.", "The next year he was elected."]),
    SegmentationSentenceCase(
      "e.g.", "Bring a document, e.g. the passport. Then join the queue.",
      ["Bring a document, e.g. the passport.", "Then join the queue."]),
    SegmentationSentenceCase(
      "a.m. inside a sentence", "The meeting starts at 9 a.m. and ends at noon. Lunch follows.",
      ["The meeting starts at 9 a.m. and ends at noon.", "Lunch follows."]),
    SegmentationSentenceCase(
      "a.m. ending a sentence", "The raid began at 6 a.m. Police then searched the house.",
      ["The raid began at 6 a.m.", "Police then searched the house."]),
    SegmentationSentenceCase(
      "etc. inside a sentence", "Apples, pears, etc. are sold here. Prices vary.",
      ["Apples, pears, etc. are sold here.", "Prices vary."]),
  ]

  static let numberAndAddressCases: [SegmentationSentenceCase] = [
    SegmentationSentenceCase(
      "amount", "The bill came to $100.00 in total. It was paid.",
      ["The bill came to $100.00 in total.", "It was paid."]),
    SegmentationSentenceCase(
      "amount ending a sentence", "The fine was $1,200.50. He paid it.",
      ["The fine was $1,200.50.", "He paid it."]),
    SegmentationSentenceCase(
      "percentage", "Inflation rose 3.5% in March. Prices are up.",
      ["Inflation rose 3.5% in March.", "Prices are up."]),
    SegmentationSentenceCase(
      "section number", "Section 4.2 sets out the rules. Read it first.",
      ["Section 4.2 sets out the rules.", "Read it first."]),
    SegmentationSentenceCase(
      "year ending a sentence", "The mill closed in 1987. Nobody bought it.",
      ["The mill closed in 1987.", "Nobody bought it."]),
    SegmentationSentenceCase(
      "e-mail address", "For details contact press@example.org. Then wait for a reply.",
      ["For details contact press@example.org.", "Then wait for a reply."]),
    SegmentationSentenceCase(
      "URL", "See https://example.com/a.b?c=d. Then click the link.",
      ["See https://example.com/a.b?c=d.", "Then click the link."]),
    SegmentationSentenceCase(
      "domain inside a sentence", "Visit www.example.net for more. It is free.",
      ["Visit www.example.net for more.", "It is free."]),
  ]

  static let punctuationCases: [SegmentationSentenceCase] = [
    SegmentationSentenceCase(
      "question and exclamation", "Is it over? Nobody knows! We will see.",
      ["Is it over?", "Nobody knows!", "We will see."]),
    SegmentationSentenceCase(
      "mixed terminators", "He did what?! Then he left.", ["He did what?!", "Then he left."]),
    SegmentationSentenceCase(
      "ellipsis inside a sentence", "Wait... what happened here?", ["Wait... what happened here?"]),
    SegmentationSentenceCase(
      "ellipsis ending a sentence", "He paused... Then he spoke again.",
      ["He paused...", "Then he spoke again."]),
    SegmentationSentenceCase(
      "ellipsis character inside a sentence", "Wait\u{2026} what did she say?",
      ["Wait\u{2026} what did she say?"]),
    SegmentationSentenceCase(
      "ellipsis character ending a sentence", "She hesitated\u{2026} Then she signed.",
      ["She hesitated\u{2026}", "Then she signed."]),
    SegmentationSentenceCase(
      "spaced ellipsis inside a sentence", "He paused . . . then he went on. Nobody spoke.",
      ["He paused . . . then he went on.", "Nobody spoke."]),
    SegmentationSentenceCase(
      "spaced ellipsis ending a sentence", "He paused . . . Then he went on.",
      ["He paused . . .", "Then he went on."]),
    SegmentationSentenceCase(
      "lowercase after a period", "The count was 12. and then it rose.",
      ["The count was 12. and then it rose."]),
    SegmentationSentenceCase(
      "no space after a period", "It ended.Then it began again.", ["It ended.Then it began again."]),
  ]

  static let quoteCases: [SegmentationSentenceCase] = [
    SegmentationSentenceCase(
      "closing curly quote stays with its sentence", "\u{201C}It was over.\u{201D} She left.",
      ["\u{201C}It was over.\u{201D}", "She left."]),
    SegmentationSentenceCase(
      "quotation with attribution", "\u{201C}Stop,\u{201D} he said. Then he ran.",
      ["\u{201C}Stop,\u{201D} he said.", "Then he ran."]),
    SegmentationSentenceCase(
      "several sentences inside a closed quotation",
      "\u{201C}We will fight. We will win,\u{201D} he said. The crowd cheered.",
      ["\u{201C}We will fight. We will win,\u{201D} he said.", "The crowd cheered."]),
    SegmentationSentenceCase(
      "straight quotes", "He said \"No. Never.\" Then he hung up.",
      ["He said \"No. Never.\"", "Then he hung up."]),
    SegmentationSentenceCase(
      "single quotes", "She said: 'We will win. We always do.' Then she left.",
      ["She said: 'We will win. We always do.'", "Then she left."]),
    SegmentationSentenceCase(
      "question inside a quotation",
      "\u{201C}Are you sure?\u{201D} she asked. \u{201C}Yes.\u{201D}",
      ["\u{201C}Are you sure?\u{201D} she asked.", "\u{201C}Yes.\u{201D}"]),
    SegmentationSentenceCase(
      "closing bracket stays with its sentence", "(See below.) Next we turn to costs.",
      ["(See below.)", "Next we turn to costs."]),
    SegmentationSentenceCase(
      "bracket inside a sentence", "The report (published in May) was clear. It said so.",
      ["The report (published in May) was clear.", "It said so."]),
    SegmentationSentenceCase(
      "paragraph that opens a quotation and never closes it",
      "\u{201C}We will not stop. We will go on. Nobody can stop us now.",
      ["\u{201C}We will not stop. We will go on. Nobody can stop us now."]),
    SegmentationSentenceCase(
      "text, then a quotation that never closes",
      "The minister spoke first. She said: \u{201C}We will not stop. We will go on.",
      ["The minister spoke first.", "She said: \u{201C}We will not stop. We will go on."]),
    SegmentationSentenceCase(
      "guillemets", "Il a dit \u{00AB}Non. Jamais.\u{00BB} Puis il est parti.",
      ["Il a dit \u{00AB}Non. Jamais.\u{00BB}", "Puis il est parti."]),
    SegmentationSentenceCase(
      "curly apostrophe", "I don\u{2019}t know. She left early.",
      ["I don\u{2019}t know.", "She left early."]),
    SegmentationSentenceCase(
      "plural possessive with a curly apostrophe",
      "The officers\u{2019} union objected. A vote follows. It is close.",
      ["The officers\u{2019} union objected.", "A vote follows.", "It is close."]),
    SegmentationSentenceCase(
      "elided year, then a straight plural possessive",
      "It was big in the '90s. The officers' union backed it. Then it faded.",
      ["It was big in the '90s.", "The officers' union backed it.", "Then it faded."]),
    SegmentationSentenceCase(
      "elided year, then a quotation in single quotes",
      "Prices peaked in the '80s. He called it 'a bubble'. Nobody listened.",
      ["Prices peaked in the '80s.", "He called it 'a bubble'.", "Nobody listened."]),
    SegmentationSentenceCase(
      "contraction and possessive", "It's late. The judges' ruling stands. We'll appeal.",
      ["It's late.", "The judges' ruling stands.", "We'll appeal."]),
  ]

  static let listCases: [SegmentationSentenceCase] = [
    SegmentationSentenceCase(
      "numbered list after a colon", "They include:\n1. Roads.\n2. Schools and libraries.",
      ["They include:", "1. Roads.", "2. Schools and libraries."]),
    SegmentationSentenceCase(
      "numbered list without periods", "They include:\n1. roads\n2. schools",
      ["They include:", "1. roads", "2. schools"]),
    SegmentationSentenceCase(
      "bracketed numbers", "Steps:\n1) Open the valve.\n2) Close it again.",
      ["Steps:", "1) Open the valve.", "2) Close it again."]),
    SegmentationSentenceCase(
      "numbers in brackets", "Rules:\n(1) No smoking.\n(2) No dogs.",
      ["Rules:", "(1) No smoking.", "(2) No dogs."]),
    SegmentationSentenceCase(
      "letters with brackets", "Options:\na) raise taxes\nb) cut spending",
      ["Options:", "a) raise taxes", "b) cut spending"]),
    SegmentationSentenceCase(
      "letters with periods", "Options:\na. raise taxes\nb. cut spending",
      ["Options:", "a. raise taxes", "b. cut spending"]),
    SegmentationSentenceCase(
      "lowercase list after a full stop", "Choose one option.\na) tea\nb) coffee",
      ["Choose one option.", "a) tea", "b) coffee"]),
    SegmentationSentenceCase(
      "bullets", "Key points:\n\u{2022} Taxes rise.\n\u{2022} Spending falls.",
      ["Key points:", "\u{2022} Taxes rise.", "\u{2022} Spending falls."]),
    SegmentationSentenceCase(
      "en dash bullets", "Key points:\n\u{2013} taxes rise\n\u{2013} spending falls",
      ["Key points:", "\u{2013} taxes rise", "\u{2013} spending falls"]),
    SegmentationSentenceCase(
      "hyphen bullets", "Key points:\n- taxes rise\n- spending falls",
      ["Key points:", "- taxes rise", "- spending falls"]),
    SegmentationSentenceCase(
      "indented bullets", "Key points:\n  * taxes rise\n  * spending falls",
      ["Key points:", "* taxes rise", "* spending falls"]),
  ]

  static let layoutCases: [SegmentationSentenceCase] = [
    SegmentationSentenceCase(
      "hard-wrapped lines in a blank-line paragraph",
      "The council met on Tuesday and\nagreed the budget. It will\nrise by 3%.\n\n"
        + "The vote was close.",
      [
        "The council met on Tuesday and\nagreed the budget.", "It will\nrise by 3%.",
        "The vote was close.",
      ]),
    SegmentationSentenceCase(
      "hard-wrapped line starting with a number",
      "Turnout fell to\n41 per cent this year. Officials were\nworried.\n\nA review is due.",
      ["Turnout fell to\n41 per cent this year.", "Officials were\nworried.", "A review is due."]),
    SegmentationSentenceCase(
      "hard-wrapped lines starting with initials and abbreviations",
      "The statement was signed by\nJ. R. Ellison, and the figures are on\np. 12 of the report."
        + " It was\nsent to No. 10 on Friday.\n\nA reply came.",
      [
        "The statement was signed by\nJ. R. Ellison, and the figures are on\np. 12 of the report.",
        "It was\nsent to No. 10 on Friday.", "A reply came.",
      ]),
    SegmentationSentenceCase(
      "lettered list items after a sentence", "Choose one.\nA. Tea\nB. Coffee",
      ["Choose one.", "A. Tea", "B. Coffee"]),
    SegmentationSentenceCase(
      "CRLF line endings with blank lines",
      "First sentence here.\r\nSecond one wraps\r\nonto this line.\r\n\r\nNew paragraph.\r\n",
      ["First sentence here.", "Second one wraps\r\nonto this line.", "New paragraph."]),
    SegmentationSentenceCase(
      "CRLF line endings without blank lines",
      "One line. Two sentences.\r\nAnother line\r\n",
      ["One line.", "Two sentences.", "Another line"]),
    SegmentationSentenceCase(
      "tabs and repeated spaces between sentences", "It rained.\t\tThen it  stopped.   ",
      ["It rained.", "Then it  stopped."]),
  ]

  static let allCases =
    abbreviationCases + numberAndAddressCases + punctuationCases + quoteCases + listCases
    + layoutCases

  @Test("the table has at least 40 cases")
  func tableSize() {
    #expect(Self.allCases.count >= 40)
  }

  @Test("abbreviations, initials and acronyms", arguments: abbreviationCases)
  func abbreviations(_ example: SegmentationSentenceCase) {
    check(example)
  }

  @Test("numbers, amounts, e-mail addresses and URLs", arguments: numberAndAddressCases)
  func numbersAndAddresses(_ example: SegmentationSentenceCase) {
    check(example)
  }

  @Test("terminators and ellipses", arguments: punctuationCases)
  func punctuation(_ example: SegmentationSentenceCase) {
    check(example)
  }

  @Test("quotations, brackets and apostrophes", arguments: quoteCases)
  func quotations(_ example: SegmentationSentenceCase) {
    check(example)
  }

  @Test("list items that start lines", arguments: listCases)
  func lists(_ example: SegmentationSentenceCase) {
    check(example)
  }

  @Test("line breaks and whitespace", arguments: layoutCases)
  func layout(_ example: SegmentationSentenceCase) {
    check(example)
  }

  /// Checks the paragraph alone, and followed by another paragraph (so that documents whose
  /// paragraphs are single lines are split by blank lines), in every chunk size.
  private func check(
    _ example: SegmentationSentenceCase, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let documents = [
      (example.input, example.sentences),
      (example.input + "\n\nThe end.", example.sentences + ["The end."]),
    ]
    for (document, sentences) in documents {
      for chunkSize in SegmentationHarness.chunkSizes {
        let result = SegmentationHarness.segment(document, mode: .sentence, chunkSize: chunkSize)
        #expect(
          result.texts == sentences,
          "chunk size \(chunkSize), document \(document.debugDescription)",
          sourceLocation: sourceLocation)
        SegmentationInvariants.check(
          result.segments, of: Array(document.utf8), sourceLocation: sourceLocation)
      }
    }
  }
}
