import Testing

@testable import ClassifierCore

/// Cases of the stock quote rules that the corpus does not hold.
@Suite struct StockQuoteRulesTests {
  @Test("a single quote opens a quotation before a capital or a digit, not before an elided word")
  func singleQuoteBeforeLowerCase() throws {
    let classifier = try Classifier(loading: RuleSource.stock)
    let quote = try #require(classifier.categories.firstIndex { $0.name == "quote" })
    #expect(!classifier.classify("'twas the night before the raid.").labels.contains(quote))
    #expect(classifier.classify("'Enough is enough,' she said.").labels.contains(quote))
  }
}
