#!/usr/bin/env python3
"""classify's rule semantics on Hyperscan (the `hyperscan` Python binding): every keyword and
every pattern of every category compiled into one Hyperscan database, each segment scanned once.

Keywords are compiled as byte patterns, caseless (Hyperscan folds ASCII case only outside UTF-8
mode, as classify's automaton does), a space matching `[\\t-\\r ]+`, one pattern per case spelling;
every occurrence is reported by its end, and the whole-word checks are made on the bytes around
it, with the start found by walking back over the term's symbols as classify does.

Patterns are compiled with HS_FLAG_UTF8, HS_FLAG_SINGLEMATCH (a pattern adds its weight once per
segment, so its first match is all that counts) and HS_FLAG_CASELESS unless `case: sensitive`
(`\\K` is dropped first: it only moves a match's reported start). Each is compiled in the first
of these modes that Hyperscan accepts:

  exact      with HS_FLAG_UCP: Hyperscan's answer is final;
  ascii      without UCP (Hyperscan has no Unicode \\b): final on segments that are all ASCII,
             where ASCII and Unicode \\w, \\b, \\d, \\s agree; on other segments the
             prefilter version below runs instead;
  prefilter  HS_FLAG_PREFILTER (lookarounds, atomic groups, possessive quantifiers) on a widened
             pattern without UCP (see widen()): a superset of the matches, each confirmed with
             the reference's `re` translation;
  re         Hyperscan rejects it even as a prefilter: `re` runs on every segment.

Scopes, list caps, thresholds and the quotation tracker are the reference's (reference.py).
Same input, output and options as reference.py, plus --cache DIR (keep the compiled database).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ next to the scripts

import hyperscan  # noqa: E402

import reference  # noqa: E402

KEYWORD, EXACT, ASCII, ASCII_PREFILTER, PREFILTER = 0, 1, 2, 3, 4
_K = re.compile(r"(?<!\\)((?:\\\\)*)\\K")


_WIDE = r"\x{80}-\x{10ffff}"


def widen(source: str) -> str:
    """A pattern for Hyperscan's prefilter mode without HS_FLAG_UCP that matches wherever the
    PCRE2 pattern (UTF, UCP) can: \\w \\d \\s and POSIX classes (in a class or, for the
    escapes, alone) also take every non-ASCII character, \\b and \\B are dropped, \\W \\D
    \\S are dropped from negated classes, and \\K is dropped. (Prefiltering with HS_FLAG_UCP
    compiles the stock rules in minutes instead of seconds.)"""
    out: list[str] = []
    i, n = 0, len(source)
    in_class = negated = False
    class_start = 0
    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n:
            e = source[i + 1]
            step = 2
            if e == "Q":
                end = source.find("\\E", i + 2)
                step = (n if end < 0 else end + 2) - i
            elif e in "xopP" and i + 2 < n and source[i + 2] == "{":
                step = source.find("}", i) + 1 - i
            elif e == "K" or (not in_class and e in "bB") or (in_class and negated and e in "WDS"):
                i += 2
                continue
            elif e in "wds" and not in_class:
                out.append("[\\%s%s]" % (e, _WIDE))
                i += 2
                continue
            elif e in "wds" and not negated:
                out.append("\\%s%s" % (e, _WIDE))
                i += 2
                continue
            out.append(source[i : i + step])
            i += step
        elif in_class:
            step = 1
            if source.startswith("[:", i):
                step = source.find(":]", i) + 2 - i
                if not negated:  # POSIX classes are Unicode properties in UCP mode
                    out.append(_WIDE)
            elif c == "]" and i > class_start:
                in_class = False
            out.append(source[i : i + step])
            i += step
        elif c == "[":
            in_class = True
            j = i + 1
            negated = j < n and source[j] == "^"
            j += 1 if negated else 0
            j += 1 if j < n and source[j] == "]" else 0  # a leading ']' is literal
            out.append(source[i:j])
            class_start = i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


# PCRE2 in UCP mode reads these POSIX classes as Unicode properties, which caseless matching does
# not widen; Hyperscan would widen [:upper:] and [:lower:].
_POSIX_AS_PROPERTY = {"[:upper:]": r"\p{Lu}", "[:lower:]": r"\p{Ll}", "[:^upper:]": r"\P{Lu}",
                      "[:^lower:]": r"\P{Ll}"}  # fmt: skip


def _hyperscan_source(source: str) -> str:
    """The pattern as Hyperscan should see it: \\K dropped, [:upper:] and [:lower:] as PCRE2's
    UCP mode reads them."""
    source = _K.sub(r"\1", source)
    for posix, prop in _POSIX_AS_PROPERTY.items():
        source = source.replace(posix, prop)
    return source


def keyword_expression(spelling: str) -> bytes:
    """A folded spelling as a Hyperscan byte pattern: a space matches a run of ASCII whitespace."""
    parts = []
    for byte in reference.fold_literal(spelling).encode("utf-8"):
        if byte == 0x20:
            parts.append(b"[\\t-\\r ]+")
        elif 0x30 <= byte <= 0x39 or 0x61 <= byte <= 0x7A:
            parts.append(bytes([byte]))
        else:
            parts.append(b"\\x%02x" % byte)
    return b"".join(parts)


def _compile_flags(expression: bytes, flags: int) -> int | None:
    """The flags with which Hyperscan compiles the expression (these, plus HS_FLAG_ALLOWEMPTY
    for a pattern that can match the empty string), or None when it cannot."""
    for extra in (0, hyperscan.HS_FLAG_ALLOWEMPTY):
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        try:
            database.compile(expressions=[expression], ids=[0], flags=[flags | extra])
            return flags | extra
        except hyperscan.error as error:
            if "empty" not in str(error).lower():
                return None
    return None


class HyperscanClassifier(reference.Classifier):
    def __init__(self, rules: reference.RuleSet, cache: str | None = None):
        super().__init__(rules)
        self.terms = rules.terms
        self.pattern_info = [(p.regex, p.category, p.weight, p.scope, p.id) for p in rules.patterns]
        path = None
        if cache:
            digest = hashlib.sha256(hyperscan.__version__.encode())
            for file in [__file__, reference.__file__] + reference.rule_files(rules.path):
                with open(file, "rb") as handle:
                    digest.update(handle.read())
            path = os.path.join(cache, "hyperscan-%s.pickle" % digest.hexdigest()[:20])
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    saved = pickle.load(handle)
                self.meta, self.modes = saved["meta"], saved["modes"]
                self.re_only, self.re_unless_ascii = saved["re_only"], saved["re_unless_ascii"]
                self.database = hyperscan.loadb(saved["database"], mode=hyperscan.HS_MODE_BLOCK)
                self.database.scratch = hyperscan.Scratch(self.database)
                return
        self._compile(rules)
        if path:
            os.makedirs(cache, exist_ok=True)
            saved = {"meta": self.meta, "modes": self.modes, "re_only": self.re_only,
                     "re_unless_ascii": self.re_unless_ascii, "database": hyperscan.dumpb(self.database)}  # fmt: skip
            with open(path + ".part", "wb") as handle:
                pickle.dump(saved, handle)
            os.replace(path + ".part", path)
            for name in os.listdir(cache):  # databases of earlier rules or scripts
                if name.startswith("hyperscan-") and name.endswith(".pickle") and name != os.path.basename(path):
                    os.remove(os.path.join(cache, name))

    def _compile(self, rules: reference.RuleSet) -> None:
        """Decides how each pattern runs and compiles the database (half a minute for the stock
        rules: Hyperscan tries each pattern alone first)."""
        expressions: list[bytes] = []
        flags: list[int] = []
        self.meta: list[tuple[int, int, int]] = []  # (kind, term or pattern index, symbols)
        for index, term in enumerate(rules.terms):
            for spelling in term.spellings:
                expressions.append(keyword_expression(spelling))
                flags.append(hyperscan.HS_FLAG_CASELESS)
                self.meta.append((KEYWORD, index, len(reference.fold_literal(spelling).encode("utf-8"))))
        self.modes: dict[str, list[str]] = {"exact": [], "ascii": [], "prefilter": [], "re": [], "skipped": []}
        self.re_only: list[int] = []  # patterns `re` runs on every segment
        self.re_unless_ascii: list[int] = []  # ... on every segment that is not all ASCII
        for index, pattern in enumerate(rules.patterns):
            expression = _hyperscan_source(pattern.source).encode("utf-8")
            base = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH
            if not pattern.case_sensitive:
                base |= hyperscan.HS_FLAG_CASELESS
            exact = _compile_flags(expression, base | hyperscan.HS_FLAG_UCP)
            if exact is not None:
                self.modes["exact"].append(pattern.id)
                expressions.append(expression)
                flags.append(exact)
                self.meta.append((EXACT, index, 0))
                continue
            if pattern.regex is None:
                self.modes["skipped"].append(pattern.id)  # nothing to confirm matches with
                continue
            ascii_flags = _compile_flags(expression, base)
            widened = widen(_hyperscan_source(pattern.source)).encode("utf-8")
            prefilter = _compile_flags(widened, base | hyperscan.HS_FLAG_PREFILTER)
            if ascii_flags is not None:
                expressions.append(expression)
                flags.append(ascii_flags)
                self.meta.append((ASCII, index, 0))
            if prefilter is not None:
                expressions.append(widened)
                flags.append(prefilter)
                self.meta.append((ASCII_PREFILTER if ascii_flags is not None else PREFILTER, index, 0))
            if ascii_flags is not None:
                self.modes["ascii"].append(pattern.id)
                if prefilter is None:
                    self.re_unless_ascii.append(index)
            elif prefilter is not None:
                self.modes["prefilter"].append(pattern.id)
            else:
                self.modes["re"].append(pattern.id)
                self.re_only.append(index)
        self.database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self.database.compile(expressions=expressions, ids=list(range(len(expressions))), flags=flags)

    def classify(self, text: str, data: bytes, boundary: int) -> list[float]:
        scores, continuing = self.begin(data, boundary)
        hits: list[tuple[int, int]] = []
        append = hits.append

        def on_match(expression: int, _start: int, end: int, _flags: int, _context) -> None:
            append((expression, end))

        self.database.scan(data, match_event_handler=on_match)
        found: set[int] = set()
        fired: set[int] = set()
        meta = self.meta
        terms = self.terms
        is_ascii = None
        for expression, end in hits:
            kind, index, symbols = meta[expression]
            if kind == KEYWORD:
                if index in found:
                    continue
                term = terms[index]
                start = _start_of_symbols(data, symbols, end)
                if term.checks_start and reference.is_word_before(data, start):
                    continue
                if term.checks_end and reference.is_word_at(data, end):
                    continue
                found.add(index)
            elif index not in fired:
                regex, _category, _weight, scope, _rule = self.pattern_info[index]
                if scope == "continued-quotation" and not continuing:
                    continue
                if kind != EXACT:
                    if is_ascii is None:
                        is_ascii = data.isascii()
                    if kind == ASCII:
                        if not is_ascii:
                            continue
                    elif kind == ASCII_PREFILTER and is_ascii:
                        continue
                    elif not regex.search(text):
                        continue
                fired.add(index)
        if self.re_unless_ascii and not data.isascii():
            for index in self.re_unless_ascii:
                regex, _category, _weight, scope, _rule = self.pattern_info[index]
                if scope == "continued-quotation" and not continuing:
                    continue
                if index not in fired and regex.search(text):
                    fired.add(index)
        for index in self.re_only:
            regex, _category, _weight, scope, _rule = self.pattern_info[index]
            if scope == "continued-quotation" and not continuing:
                continue
            if regex.search(text):
                fired.add(index)
        self.add_terms(found, scores, continuing)
        for index in fired:
            _regex, category, weight, scope, rule = self.pattern_info[index]
            self.add_pattern(category, weight, scope, rule, scores)
        return self.finish(data, continuing, scores)


def _start_of_symbols(data: bytes, count: int, end: int) -> int:
    """Classifier.start(ofSymbols:endingAt:): a symbol is a byte, or a run of whitespace."""
    index = end
    for _ in range(count):
        if index <= 0:
            break
        index -= 1
        if reference.is_space_byte(data[index]):
            while index > 0 and reference.is_space_byte(data[index - 1]):
                index -= 1
    return index


def main() -> None:
    parser = reference.common_arguments(__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="keep the compiled database in this directory, and reuse it")
    args = parser.parse_args()
    rules = reference.RuleSet(args.rules)
    classifier = HyperscanClassifier(rules, args.cache)
    modes = classifier.modes
    summary = (
        "%d patterns: %d exact in Hyperscan, %d exact on ASCII segments and prefiltered elsewhere, "
        "%d prefiltered (re confirms), %d re only, %d skipped (untranslatable); %d keyword terms"
        % (len(rules.patterns), len(modes["exact"]), len(modes["ascii"]), len(modes["prefilter"]),
           len(modes["re"]), len(modes["skipped"]), len(rules.terms))
    )  # fmt: skip
    notes = [summary] + ["  %s: %s" % (mode, ", ".join(ids)) for mode, ids in modes.items() if ids]
    reference.run_timed("hyperscan", rules, classifier, args, notes, [summary], {"modes": modes})

if __name__ == "__main__":
    main()
