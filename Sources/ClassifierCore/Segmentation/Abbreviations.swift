/// The words whose trailing period does not, or may not, end a sentence.
enum Abbreviations {
  /// Titles and name prefixes: a period after them never ends a sentence (`Mr. Smith`).
  static let titles: Set<PackedWord> = words(
    "mr mrs ms mx dr prof rev revd hon fr st mt gen col lt maj capt cmdr cpl sgt supt insp det ch"
      + " cllr gov sen rep pres atty adm brig messrs mme mlle")

  /// Abbreviations that precede a number: no split when a digit follows (`No. 10`, `p. 4`).
  static let beforeNumbers: Set<PackedWord> = words(
    "no nos p pp para paras art arts fig figs vol vols sec ss op ref tel ext cl reg jan feb mar"
      + " apr jun jul aug sep sept oct nov dec est approx ca c")

  /// Abbreviations that can end a sentence as well as sit inside one (`Acme Co.`, `et al.`):
  /// a split only when a typical sentence opener follows.
  static let ambiguous: Set<PackedWord> = words(
    "jr sr co corp inc ltd plc llc bros etc esq dept est approx vs v al cf ave rd blvd jan feb mar"
      + " apr jun jul aug sep sept oct nov dec")

  /// US state abbreviations in AP style (`Ga.`, `Calif.`): after a comma (`Macon, Ga.`) they
  /// are taken as ambiguous, so that a dateline does not end a sentence.
  static let usStates: Set<PackedWord> = words(
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo"
      + " mont neb nev okla ore pa tenn tex vt va wash wis wyo")

  /// Words that typically open a sentence, lowercased: after an ambiguous abbreviation, an
  /// initial or a dotted acronym (`U.S.`), one of these means the sentence did end.
  static let sentenceOpeners: Set<PackedWord> = words(
    "the a an he she it its they we i you this that these those there his her their our my"
      + " but and or so yet in on at as if when while after before however meanwhile since"
      + " although though for from with during last one some many most no not what who why how"
      + " where then also earlier later today yesterday police officers it's he's she's there's"
      + " neither both each all such other others nobody none")

  private static func words(_ list: String) -> Set<PackedWord> {
    Set(list.split(separator: " ").map { PackedWord($0.utf8)! })
  }
}
