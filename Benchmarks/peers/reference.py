#!/usr/bin/env python3
"""A reference implementation of classify's rule semantics in Python, on the standard `re` module.

It reads the same rule files (Rules/*.yaml, or --rules DIR|FILE), translates each PCRE2 pattern
to Python `re` syntax (reporting and skipping the ones it cannot translate), matches keyword lists
the way classify's literal automaton does, follows the same scopes (segment, previous-segment,
continued-quotation with classify's quotation tracker) and thresholds, and labels segments.

Input: the JSON lines of `classify segment` (doc, seg, start, text), so that the segments are
exactly classify's; `--paragraphs FILE` takes the output of `classify segment --segment
paragraph` on the same input, which tells which sentences start a paragraph (quotations left open
at a paragraph's end continue only into a paragraph that opens with a quotation mark). Without
it, every segment but a document's first is taken to follow within its paragraph (as `classify
eval` does). Output: one JSON line per segment, {"doc","seg","labels","scores"}, and with
--explain "evidence": the rules that counted ("rule" for a pattern, "rule:term" for a keyword).

Only the classification is timed (not reading or writing JSON); the MB/s figure is of segment
text (UTF-8 bytes). It also works as a library: hyperscan_peer.py imports it.

    python3 reference.py --segments segs.jsonl [--paragraphs paras.jsonl] [--rules DIR]
                         [--output FILE] [--stats-json FILE] [--explain] [--quiet]
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import re
import sys
import time
import unicodedata

import yaml

# ------------------------------------------------------------------------------------------------
# Unicode tables (Python's unicodedata is Unicode 14, the version of PCRE2 10.42's tables)

_CATEGORY_RANGES: dict[str, list[tuple[int, int]]] | None = None


def _category_ranges() -> dict[str, list[tuple[int, int]]]:
    """Every general category's code point ranges, built once (about half a second)."""
    global _CATEGORY_RANGES
    if _CATEGORY_RANGES is None:
        ranges: dict[str, list[tuple[int, int]]] = {}
        category = unicodedata.category
        start, current = 0, category("\0")
        for code in range(1, 0x110000):
            value = category(chr(code))
            if value != current:
                ranges.setdefault(current, []).append((start, code - 1))
                start, current = code, value
        ranges.setdefault(current, []).append((start, 0x10FFFF))
        _CATEGORY_RANGES = ranges
    return _CATEGORY_RANGES


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _class_body(ranges: list[tuple[int, int]]) -> str:
    """The inside of a Python character class for code point ranges."""
    parts = []
    for low, high in ranges:
        if low == high:
            parts.append(_escape_code(low))
        else:
            parts.append(_escape_code(low) + "-" + _escape_code(high))
    return "".join(parts)


def _escape_code(code: int) -> str:
    if code < 0x80 and chr(code).isalnum():
        return chr(code)
    if code <= 0xFF:
        return "\\x%02x" % code
    if code <= 0xFFFF:
        return "\\u%04x" % code
    return "\\U%08x" % code


_GENERAL_CATEGORIES = [
    "Cc", "Cf", "Cn", "Co", "Cs", "Ll", "Lm", "Lo", "Lt", "Lu", "Mc", "Me", "Mn", "Nd", "Nl",
    "No", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So", "Zl", "Zp", "Zs",
]  # fmt: skip

# PCRE2's \h and \v, and \s in UCP mode (\p{Z} or \h or \v).
_H_RANGES = [(0x09, 0x09), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x180E, 0x180E),
             (0x2000, 0x200A), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000)]  # fmt: skip
_V_RANGES = [(0x0A, 0x0D), (0x85, 0x85), (0x2028, 0x2029)]


def _property_ranges(name: str) -> list[tuple[int, int]] | None:
    """The code points of a PCRE2 \\p{name} (general categories and PCRE2's special
    properties); None for what Python has no data for (scripts, binary properties)."""
    key = re.sub(r"[\s_-]", "", name).lower()
    table = _category_ranges()
    if key == "any":
        return [(0, 0x10FFFF)]
    if key in ("l&", "lc"):
        return _merge(table["Lu"] + table["Ll"] + table["Lt"])
    for category in _GENERAL_CATEGORIES:
        if key == category.lower():
            return list(table.get(category, []))
    for major in "CLMNPSZ":
        if key == major.lower():
            ranges: list[tuple[int, int]] = []
            for category in _GENERAL_CATEGORIES:
                if category[0] == major:
                    ranges += table.get(category, [])
            return _merge(ranges)
    letters = _property_ranges("L") or []
    numbers = _property_ranges("N") or []
    space = _merge(_property_ranges("Z") + _H_RANGES + _V_RANGES)  # type: ignore[operator]
    if key == "xan":
        return _merge(letters + numbers)
    if key in ("xsp", "xps"):
        return space
    if key == "xwd":
        return _merge(letters + numbers + [(0x5F, 0x5F)])
    if key == "xuc":
        return _merge([(0x24, 0x24), (0x40, 0x40), (0x60, 0x60), (0xA0, 0xD7FF), (0xE000, 0x10FFFF)])
    return None


_S_RANGES: list[tuple[int, int]] | None = None


def _space_ranges() -> list[tuple[int, int]]:
    global _S_RANGES
    if _S_RANGES is None:
        _S_RANGES = _merge((_property_ranges("Z") or []) + _H_RANGES + _V_RANGES)
    return _S_RANGES


# ------------------------------------------------------------------------------------------------
# PCRE2 -> Python re


_CLOSED: dict[tuple, bool] = {}


def _case_closed(ranges: list[tuple[int, int]]) -> bool:
    """Whether a set holds the case variants of its members, so that caseless matching cannot
    widen it (\\s, \\p{L}, \\p{N}: yes; \\p{Lu}: no)."""
    key = tuple(ranges)
    if key not in _CLOSED:
        closed = True
        members = re.compile("[%s]" % _class_body(ranges))
        for low, high in ranges:
            for code in range(low, high + 1):
                ch = chr(code)
                for variant in (ch.lower(), ch.upper(), ch.casefold()):
                    if len(variant) == 1 and variant != ch and not members.match(variant):
                        closed = False
                        break
                if not closed:
                    break
            if not closed:
                break
        if closed:
            # What Python's caseless matching takes as equal without a plain case mapping.
            sensitive = re.compile("[%s]" % _class_body(ranges))
            caseless = re.compile("[%s]" % _class_body(ranges), re.IGNORECASE)
            for ch in "kKsS\u212a\u017f\u0130\u0131iI\u03c3\u03c2\u03a3\u00b5\u03bc":
                if bool(caseless.match(ch)) != bool(sensitive.match(ch)):
                    closed = False
        _CLOSED[key] = closed
    return _CLOSED[key]


class Untranslatable(Exception):
    """A PCRE2 construct with no Python `re` equivalent."""


_POSIX = {
    # In UCP mode PCRE2 maps these to Unicode properties.
    "alpha": ("prop", "L"), "lower": ("prop", "Ll"), "upper": ("prop", "Lu"),
    "alnum": ("prop", "Xan"), "space": ("prop", "Xps"), "word": ("prop", "Xwd"),
    "digit": ("prop", "Nd"), "blank": ("ranges", _H_RANGES),
    "cntrl": ("prop", "Cc"), "xdigit": ("ranges", [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)]),
}  # fmt: skip

_QUANTIFIER = re.compile(r"\{(\d+)(,(\d*))?\}")


class _Translator:
    """Translates one PCRE2 pattern (UTF, UCP, optionally caseless) to Python `re` syntax.

    Differences handled: \\p{..} (as explicit code point classes, exempt from caseless matching
    as in PCRE2), \\s \\h \\v \\R \\N with PCRE2's Unicode sets, \\z \\Z, \\x{..}, \\o{..}, \\Q..\\E,
    \\K (dropped: only a match's reported start changes, and classify only asks whether a pattern
    matches), option settings in mid-group ((?i) ... applying to the rest of the group and its
    later alternatives), lookbehinds whose alternatives differ in length, named groups,
    POSIX classes, and `{` that is not a quantifier.
    """

    def __init__(self, pattern: str, caseless: bool):
        self.p = pattern
        self.i = 0
        self.n = len(pattern)
        self.caseless = caseless  # at the current place in the pattern

    def translate(self) -> str:
        alternatives = self.alternation()
        if self.i < self.n:
            raise Untranslatable("unbalanced ')'")
        return "|".join(alternatives)

    # A group body: alternatives up to ')' or the end.
    def alternation(self) -> list[str]:
        alternatives: list[str] = []
        carried: list[str] = []  # option settings carried into later alternatives
        base = self.caseless
        while True:
            self.caseless = base
            for setting in carried:
                self.caseless = _caseless_after(self.caseless, setting)
            text, carried = self.sequence(carried)
            alternatives.append(text)
            if self.i < self.n and self.p[self.i] == "|":
                self.i += 1
                continue
            self.caseless = base
            return alternatives

    def sequence(self, carried: list[str]) -> tuple[str, list[str]]:
        out: list[str] = []
        opened = 0
        for flags in carried:
            out.append("(?%s:" % flags)
            opened += 1
        carried = list(carried)
        p = self.p
        while self.i < self.n:
            c = p[self.i]
            if c in "|)":
                break
            if c == "(":
                setting = self.inline_setting()
                if setting is not None:
                    if setting:
                        out.append("(?%s:" % setting)
                        opened += 1
                        carried.append(setting)
                        self.caseless = _caseless_after(self.caseless, setting)
                    continue
                out.append(self.group())
            elif c == "[":
                out.append(self.char_class())
            elif c == "\\":
                out.append(self.escape())
            elif c == "{":
                match = _QUANTIFIER.match(p, self.i)
                if match:
                    out.append(match.group(0))
                    self.i = match.end()
                else:
                    out.append("\\{")
                    self.i += 1
            elif c == "}":
                out.append("\\}")
                self.i += 1
            else:
                out.append(self.literal(c))
                self.i += 1
        out.append(")" * opened)
        return "".join(out), carried

    def inline_setting(self) -> str | None:
        """At '(': an option setting such as (?i) or (?-i) returns its Python flags ('' when
        none apply) and moves past it; anything else returns None."""
        match = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)").match(self.p, self.i)
        if not match:
            match = re.compile(r"\(\?\^([a-zA-Z]*)\)").match(self.p, self.i)
            if match:
                raise Untranslatable("(?^) option reset")
            return None
        on, off = match.group(1), match.group(2) or ""
        for letter in on + off:
            if letter not in "ims":
                raise Untranslatable("option (?%s)" % letter)
        self.i = match.end()
        if not on and not off:
            return ""
        return on + ("-" + off if off else "")

    def group(self) -> str:
        p = self.p
        start = self.i
        if p.startswith("(*", start):
            raise Untranslatable("verb or start-of-pattern option " + p[start : start + 12])
        if p.startswith("(?#", start):
            end = p.find(")", start)
            if end < 0:
                raise Untranslatable("unterminated comment")
            self.i = end + 1
            return ""
        prefixes = [
            ("(?:", "(?:"), ("(?=", "(?="), ("(?!", "(?!"), ("(?>", "(?>"),
            ("(?<=", "(?<="), ("(?<!", "(?<!"), ("(*pla:", "(?="), ("(*nla:", "(?!"),
        ]  # fmt: skip
        opener = None
        for pcre, python in prefixes:
            if p.startswith(pcre, start):
                opener = python
                self.i = start + len(pcre)
                break
        if opener is None:
            named = re.compile(r"\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')").match(p, start)
            scoped = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?:").match(p, start)
            if named:
                opener = "(?P<%s>" % (named.group(1) or named.group(2))
                self.i = named.end()
            elif scoped:
                on, off = scoped.group(1), scoped.group(2) or ""
                for letter in on + off:
                    if letter not in "ims":
                        raise Untranslatable("option (?%s:" % letter)
                opener = "(?%s%s:" % (on, "-" + off if off else "") if on or off else "(?:"
                self.i = scoped.end()
                saved = self.caseless
                self.caseless = _caseless_after(saved, opener[2:-1])
                alternatives = self.alternation()
                self.caseless = saved
                if self.i >= self.n or p[self.i] != ")":
                    raise Untranslatable("missing ')'")
                self.i += 1
                return opener + "|".join(alternatives) + ")"
            elif p.startswith("(?", start):
                raise Untranslatable("group " + p[start : start + 6])
            else:
                opener = "("
                self.i = start + 1
        alternatives = self.alternation()
        if self.i >= self.n or p[self.i] != ")":
            raise Untranslatable("missing ')'")
        self.i += 1
        if opener in ("(?<=", "(?<!") and len(alternatives) > 1:
            # PCRE2 allows top-level alternatives of different fixed lengths; Python does not.
            if opener == "(?<!":
                return "".join("(?<!%s)" % a for a in alternatives)
            return "(?:%s)" % "|".join("(?<=%s)" % a for a in alternatives)
        return opener + "|".join(alternatives) + ")"

    # Escapes outside a class.
    def escape(self) -> str:
        p = self.p
        if self.i + 1 >= self.n:
            raise Untranslatable("trailing backslash")
        c = p[self.i + 1]
        self.i += 2
        if c in "dDwWbB":
            return "\\" + c
        if c == "s":
            return "[%s]" % _class_body(_space_ranges())
        if c == "S":
            return "[^%s]" % _class_body(_space_ranges())
        if c == "h":
            return "[%s]" % _class_body(_H_RANGES)
        if c == "H":
            return "[^%s]" % _class_body(_H_RANGES)
        if c == "v":
            return "[%s]" % _class_body(_V_RANGES)
        if c == "V":
            return "[^%s]" % _class_body(_V_RANGES)
        if c == "R":
            return "(?>\\r\\n|[%s])" % _class_body(_V_RANGES)
        if c == "N":
            if self.i < self.n and p[self.i] == "{":
                raise Untranslatable("\\N{...}")
            return "[^\\n]"
        if c == "A":
            return "\\A"
        if c == "z":
            return "\\Z"
        if c == "Z":
            return "(?=\\n?\\Z)"
        if c == "K":
            return ""
        if c in "pP":
            ranges, negated = self.property(c)
            body = "[%s%s]" % ("^" if negated else "", _class_body(ranges))
            return body if _case_closed(ranges) else "(?-i:%s)" % body
        if c == "Q":
            end = p.find("\\E", self.i)
            literal = p[self.i :] if end < 0 else p[self.i : end]
            self.i = self.n if end < 0 else end + 2
            return "".join(self.literal(ch) if ch.isalnum() else re.escape(ch) for ch in literal)
        if c == "E":
            return ""
        if c in "kg":
            return self.backreference(c)
        if c.isdigit():
            if c == "0" or (self.i < self.n and p[self.i].isdigit()):
                raise Untranslatable("octal or ambiguous numeric escape")
            return "\\" + c
        code = self.character_escape(c)
        if code is not None:
            return self.literal(chr(code)) if chr(code) in _PYTHON_CASE_CLASS else _escape_code(code)
        if c.isalnum():
            raise Untranslatable("escape \\" + c)
        return re.escape(c)

    def backreference(self, c: str) -> str:
        match = re.compile(r"\{([A-Za-z_]\w*)\}|<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)'|\{(\d+)\}|(\d+)").match(
            self.p, self.i
        )
        if not match:
            raise Untranslatable("\\%s reference" % c)
        self.i = match.end()
        name = match.group(1) or match.group(2) or match.group(3)
        if name:
            return "(?P=%s)" % name
        return "(?:\\%s)" % (match.group(4) or match.group(5))

    def character_escape(self, c: str) -> int | None:
        """A single-character escape's code point (the cursor is after the letter)."""
        p = self.p
        simple = {"t": 9, "n": 10, "r": 13, "f": 12, "a": 7, "e": 27}
        if c in simple:
            return simple[c]
        if c == "x":
            if self.i < self.n and p[self.i] == "{":
                end = p.find("}", self.i)
                code = int(p[self.i + 1 : end], 16)
                self.i = end + 1
                return code
            match = re.compile(r"[0-9a-fA-F]{1,2}").match(p, self.i)
            if not match:
                return 0
            self.i = match.end()
            return int(match.group(0), 16)
        if c == "o":
            end = p.find("}", self.i)
            code = int(p[self.i + 1 : end], 8)
            self.i = end + 1
            return code
        if c == "c":
            code = ord(p[self.i].upper()) ^ 0x40
            self.i += 1
            return code
        return None

    def property(self, c: str) -> tuple[list[tuple[int, int]], bool]:
        p = self.p
        if self.i < self.n and p[self.i] == "{":
            end = p.find("}", self.i)
            name = p[self.i + 1 : end]
            self.i = end + 1
        else:
            name = p[self.i]
            self.i += 1
        negated = c == "P"
        if name.startswith("^"):
            negated = not negated
            name = name[1:]
        ranges = _property_ranges(name)
        if ranges is None:
            raise Untranslatable("property \\p{%s}" % name)
        return ranges, negated

    # Character classes.
    def char_class(self) -> str:
        """A PCRE2 class, as a Python class; \\p{..} parts stay exempt from caseless matching."""
        p = self.p
        self.i += 1
        negated = False
        if self.i < self.n and p[self.i] == "^":
            negated = True
            self.i += 1
        plain: list[str] = []  # Python class items
        exempt: list[list[tuple[int, int]]] = []  # sets matched case-sensitively
        exempt_not: list[list[tuple[int, int]]] = []  # complements of these
        first = True
        while True:
            if self.i >= self.n:
                raise Untranslatable("missing ']'")
            c = p[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "[" and p.startswith("[:", self.i):
                end = p.find(":]", self.i)
                if end < 0:
                    raise Untranslatable("bad POSIX class")
                name = p[self.i + 2 : end]
                self.i = end + 2
                inverse = name.startswith("^")
                name = name.lstrip("^")
                if name not in _POSIX:
                    raise Untranslatable("POSIX class [:%s:]" % name)
                kind, value = _POSIX[name]
                ranges = _property_ranges(value) if kind == "prop" else value
                (exempt_not if inverse else exempt).append(ranges)  # type: ignore[arg-type]
                continue
            low = self.class_atom()
            if isinstance(low, tuple):  # a set
                kind, value = low
                if kind == "py":
                    plain.append(value)  # type: ignore[arg-type]
                elif kind == "set" and _case_closed(value):  # type: ignore[arg-type]
                    plain.append(_class_body(value))  # type: ignore[arg-type]
                elif kind == "set":
                    exempt.append(value)  # type: ignore[arg-type]
                else:
                    exempt_not.append(value)  # type: ignore[arg-type]
                continue
            if (
                self.i + 1 < self.n
                and p[self.i] == "-"
                and p[self.i + 1] != "]"
            ):
                save = self.i
                self.i += 1
                high = self.class_atom()
                if isinstance(high, tuple):
                    # PCRE2 reads "a-\d" as a, '-', \d.
                    plain.append(_escape_code(low) + "\\-")
                    self.i = save + 1
                    continue
                if high < low:
                    raise Untranslatable("range out of order")
                plain.append(_escape_code(low) + "-" + _escape_code(high))
            else:
                plain.append(_escape_code(low))
        body = "".join(plain)
        # Characters Python's caseless matching would wrongly add to the class (or, negated,
        # remove from it): see _PYTHON_CASE_CLASS.
        wrong = _caseless_discrepancies(body) if self.caseless and body else ""
        if not exempt and not exempt_not:
            if not body:
                raise Untranslatable("empty class")
            if wrong:
                if negated:
                    return "(?:(?-i:[%s])|[^%s])" % (wrong, body)
                return "(?:(?!(?-i:[%s]))[%s])" % (wrong, body)
            return "[%s%s]" % ("^" if negated else "", body)
        sets = ["(?-i:[%s])" % _class_body(r) for r in exempt]
        sets += ["(?-i:[^%s])" % _class_body(r) for r in exempt_not]
        if not negated:
            if body:
                sets.insert(0, "%s[%s]" % ("(?!(?-i:[%s]))" % wrong if wrong else "", body))
            return "(?:%s)" % "|".join(sets)
        lookaheads = "".join("(?!%s)" % s for s in sets)
        if body and wrong:
            return "(?:%s(?:(?-i:[%s])|[^%s]))" % (lookaheads, wrong, body)
        return "(?:%s%s)" % (lookaheads, "[^%s]" % body if body else "(?s:.)")

    def literal(self, ch: str) -> str:
        """A literal character; under caseless matching, one that Python's caseless matching
        would equate with more characters than PCRE2 does is spelt out."""
        if self.caseless and ch in _PYTHON_CASE_CLASS:
            return "(?-i:[%s])" % "".join(_escape_code(ord(c)) for c in _PCRE2_CASE_CLASS[ch])
        return ch

    def class_atom(self):
        """One class member: a code point (int), or ('py', text) for \\d\\w and negations,
        ('set', ranges) / ('notset', ranges) for explicit sets."""
        p = self.p
        c = p[self.i]
        if c != "\\":
            self.i += 1
            return ord(c)
        if self.i + 1 >= self.n:
            raise Untranslatable("trailing backslash")
        e = p[self.i + 1]
        self.i += 2
        if e in "dDwW":
            return ("py", "\\" + e)
        if e == "s":
            return ("set", _space_ranges())
        if e == "S":
            return ("notset", _space_ranges())
        if e == "h":
            return ("set", _H_RANGES)
        if e == "H":
            return ("notset", _H_RANGES)
        if e == "v":
            return ("set", _V_RANGES)
        if e == "V":
            return ("notset", _V_RANGES)
        if e in "pP":
            ranges, negated = self.property(e)
            return ("notset" if negated else "set", ranges)
        if e == "b":
            return 8
        if e == "Q":
            raise Untranslatable("\\Q in a class")
        code = self.character_escape(e)
        if code is not None:
            return code
        if e.isalnum():
            raise Untranslatable("escape \\%s in a class" % e)
        return ord(e)


def _caseless_after(caseless: bool, setting: str) -> bool:
    """Whether matching is caseless after an option setting such as "i", "-i" or "s-i"."""
    on, _, off = setting.partition("-")
    return False if "i" in off else True if "i" in on else caseless


# Python's caseless matching equates more characters than PCRE2's (Unicode simple case folding
# without the Turkic mappings): dotless ı and dotted İ with i and I, and ﬅ with ﬆ.
_PYTHON_CASE_CLASS = {"i": "iIıİ", "I": "iIıİ", "ı": "iIıİ", "İ": "iIıİ", "ﬅ": "ﬅﬆ", "ﬆ": "ﬅﬆ"}
_PCRE2_CASE_CLASS = {"i": "iI", "I": "iI", "ı": "ı", "İ": "İ", "ﬅ": "ﬅ", "ﬆ": "ﬆ"}


def _caseless_discrepancies(body: str) -> str:
    """The characters that a Python class with this body matches under IGNORECASE and PCRE2's
    caseless class does not (escaped, for a class); empty when there are none."""
    native = re.compile("[%s]" % body)
    wrong = ""
    for ch, python in _PYTHON_CASE_CLASS.items():
        in_python = any(native.match(c) for c in python)
        in_pcre2 = any(native.match(c) for c in _PCRE2_CASE_CLASS[ch])
        if in_python and not in_pcre2:
            wrong += _escape_code(ord(ch))
    return wrong


def translate_pattern(pattern: str, caseless: bool = True) -> str:
    """The Python `re` form of a PCRE2 pattern; raises Untranslatable."""
    return _Translator(pattern, caseless).translate()


def compile_pattern(pattern: str, case_sensitive: bool) -> re.Pattern:
    """Compiles a PCRE2 pattern (UTF, UCP, caseless unless case-sensitive) with `re`."""
    try:
        translated = translate_pattern(pattern, not case_sensitive)
    except (ValueError, IndexError) as error:  # a malformed escape; classify would reject it
        raise Untranslatable("malformed pattern: %s" % error) from error
    try:
        return re.compile(translated, 0 if case_sensitive else re.IGNORECASE)
    except re.error as error:
        raise Untranslatable("re: %s" % error) from error


# ------------------------------------------------------------------------------------------------
# Word characters (WordBoundary.isWordScalar): letters (Alphabetic), digits, marks, underscore.

# Other_Alphabetic code points that are neither letters nor marks (circled and squared letters).
_OTHER_ALPHABETIC_SYMBOLS = [(0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169),
                             (0x1F170, 0x1F189)]  # fmt: skip
_WORD_CATEGORIES = ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Nd", "No", "Mn", "Mc", "Me")
_WORD_RANGES: list[tuple[int, int]] | None = None


def word_ranges() -> list[tuple[int, int]]:
    global _WORD_RANGES
    if _WORD_RANGES is None:
        table = _category_ranges()
        ranges = [(0x5F, 0x5F)] + _OTHER_ALPHABETIC_SYMBOLS
        for category in _WORD_CATEGORIES:
            ranges += table.get(category, [])
        _WORD_RANGES = _merge(ranges)
    return _WORD_RANGES


_WORD_STARTS: list[int] = []
_WORD_ENDS: list[int] = []


def is_word_char(ch: str) -> bool:
    code = ord(ch)
    if code < 0x80:
        return ch.isalnum() or ch == "_"
    if not _WORD_STARTS:
        for low, high in word_ranges():
            _WORD_STARTS.append(low)
            _WORD_ENDS.append(high)
    index = bisect.bisect_right(_WORD_STARTS, code) - 1
    return index >= 0 and code <= _WORD_ENDS[index]


def is_word_at(data: bytes, index: int) -> bool:
    """WordBoundary.isWordCharacter(at:): the well-formed scalar starting at `index`."""
    if index >= len(data):
        return False
    byte = data[index]
    if byte < 0x80:
        return (0x30 <= byte <= 0x39) or (0x41 <= byte <= 0x5A) or (0x61 <= byte <= 0x7A) or byte == 0x5F
    length = 2 if byte >> 5 == 6 else 3 if byte >> 4 == 14 else 4 if byte >> 3 == 30 else 0
    if not length:
        return False
    try:
        ch = data[index : index + length].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(ch) == 1 and is_word_char(ch)


def is_word_before(data: bytes, index: int) -> bool:
    """WordBoundary.isWordCharacter(before:): the well-formed scalar ending at `index`."""
    if index <= 0:
        return False
    start = index - 1
    while start > 0 and index - start < 4 and data[start] & 0xC0 == 0x80:
        start -= 1
    try:
        ch = data[start:index].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(ch) == 1 and is_word_char(ch)


def is_space_byte(byte: int) -> bool:
    return byte == 0x20 or 0x09 <= byte <= 0x0D


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TEXT_SPACE = " \t\n\x0b\x0c\r"


# ------------------------------------------------------------------------------------------------
# Rules


class Category:
    def __init__(self, name: str, threshold: float, index: int):
        self.name = name
        self.threshold = threshold
        self.index = index


class PatternRule:
    def __init__(self, rule_id: str, category: int, source: str, weight: float,
                 case_sensitive: bool, scope: str):  # fmt: skip
        self.id = rule_id
        self.category = category
        self.source = source
        self.weight = weight
        self.case_sensitive = case_sensitive
        self.scope = scope
        self.regex: re.Pattern | None = None
        self.error: str | None = None


class Term:
    def __init__(self, text: str, words: list[str], is_stem: bool, weight: float, list_index: int):
        self.text = text
        self.words = words
        self.is_stem = is_stem
        self.weight = weight
        self.list = list_index
        joined = " ".join(words)
        self.checks_start = is_word_char(joined[0])
        self.checks_end = not is_stem and is_word_char(joined[-1])
        self.spellings = case_spellings(joined)


class KeywordList:
    def __init__(self, rule_id: str, category: int, maximum: float, scope: str):
        self.id = rule_id
        self.category = category
        self.max = maximum
        self.scope = scope
        self.terms: list[Term] = []


def case_spellings(text: str) -> list[str]:
    """CompiledRules.caseSpellings: the automaton folds ASCII case only, so a term with other
    letters gets one spelling per combination of their lower and upper case forms (at most 32)."""
    spellings = [""]
    for ch in text:
        forms = [ch] if ord(ch) < 0x80 else sorted({ch.lower(), ch.upper()})
        following: list[str] = []
        for prefix in spellings:
            for form in forms:
                if len(following) < 32:
                    following.append(prefix + form)
        spellings = following
    return spellings


def fold_literal(text: str) -> str:
    """LiteralAutomaton.fold: ASCII letters lowercased, runs of ASCII whitespace as one space."""
    return re.sub(r"[ \t\n\x0b\x0c\r]+", " ", text.translate(_ASCII_LOWER))


class RuleError(Exception):
    pass


def _number(value, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RuleError("%s must be a number, not %r" % (what, value)) from None
    if not math.isfinite(number):
        raise RuleError("%s must be finite" % what)
    return number


def rule_files(path: str) -> list[str]:
    if os.path.isdir(path):
        names = sorted(
            n for n in os.listdir(path) if not n.startswith(".") and n.endswith((".yaml", ".yml"))
        )
        return [os.path.join(path, n) for n in names]
    return [path]


class RuleSet:
    """The rules of a directory (or file), compiled for the reference."""

    def __init__(self, path: str):
        self.path = path
        self.categories: list[Category] = []
        self.patterns: list[PatternRule] = []
        self.lists: list[KeywordList] = []
        self.terms: list[Term] = []
        for file in rule_files(path):
            with open(file, encoding="utf-8-sig") as handle:
                # BaseLoader keeps every scalar a string, as classify's parser (Yams nodes) does.
                document = yaml.load(handle, Loader=yaml.BaseLoader)
            self._add_category(document, file)
        self.untranslated = [p for p in self.patterns if p.regex is None]

    def _add_category(self, document, file: str) -> None:
        index = len(self.categories)
        category = Category(document["category"], _number(document["threshold"], "threshold"), index)
        self.categories.append(category)
        for rule in document["rules"]:
            scope = rule.get("scope", "segment")
            if scope not in ("segment", "previous-segment", "continued-quotation"):
                raise RuleError("%s: unknown scope %r" % (file, scope))
            rule_id = "%s/%s" % (category.name, rule["id"])
            if "pattern" in rule:
                pattern = PatternRule(
                    rule_id, index, rule["pattern"], _number(rule["weight"], "weight"),
                    rule.get("case", "insensitive") == "sensitive", scope,
                )  # fmt: skip
                try:
                    pattern.regex = compile_pattern(pattern.source, pattern.case_sensitive)
                except Untranslatable as error:
                    pattern.error = str(error)
                self.patterns.append(pattern)
            else:
                maximum = _number(rule["max"], "max") if "max" in rule else math.inf
                keyword_list = KeywordList(rule_id, index, maximum, scope)
                list_index = len(self.lists)
                self.lists.append(keyword_list)
                for text, weight in rule["keywords"].items():
                    body = text[:-1] if text.endswith("*") else text
                    words = [w.lower() for w in body.split()]
                    term = Term(text, words, text.endswith("*"), _number(weight, "weight"), list_index)
                    keyword_list.terms.append(term)
                    self.terms.append(term)


# ------------------------------------------------------------------------------------------------
# Keyword matching, as classify's literal automaton plus its whole-word checks


class KeywordMatcher:
    """Finds which terms occur in a segment, with classify's semantics: ASCII case folded, a
    space in a term matches a run of ASCII whitespace, the term's start checked for a word
    boundary when the term starts with a word character, its end when it ends with one and is
    not a stem (a stem's last word may continue).

    Rather than an automaton it looks terms up by the text's words: a term that starts with a
    word character can only start where a word of the text starts, and its first word is then
    that whole word (or, for a one-word stem, a prefix of it). Terms that start with another
    character are searched for everywhere."""

    def __init__(self, terms: list[Term]):
        self.by_first_word: dict[str, list[tuple[int, str]]] = {}
        self.stems: dict[str, list[int]] = {}
        self.stem_lengths: list[int] = []
        self.loose: list[tuple[int, re.Pattern]] = []
        word_class = _class_body(word_ranges())
        self.word_regex = re.compile("[%s]+" % word_class)
        first_word = re.compile("[%s]*" % word_class)
        for index, term in enumerate(terms):
            for spelling in term.spellings:
                folded = fold_literal(spelling)
                word = first_word.match(folded).group(0)
                if not word:
                    body = "[ \\t\\n\\x0b\\x0c\\r]+".join(re.escape(p) for p in folded.split(" "))
                    self.loose.append((index, re.compile("(?=(%s))" % body, re.ASCII | re.IGNORECASE)))
                elif word == folded and term.is_stem:
                    self.stems.setdefault(word, []).append(index)
                else:
                    self.by_first_word.setdefault(word, []).append((index, folded[len(word) :]))
        self.stem_lengths = sorted({len(w) for w in self.stems})
        self.stem_prefixes = {w[: self.stem_lengths[0]] for w in self.stems} if self.stems else set()
        self.terms = terms

    def find(self, text: str) -> set[int]:
        """The indices of the terms found in `text`."""
        found: set[int] = set()
        terms = self.terms
        by_first = self.by_first_word
        stems = self.stems
        shortest = self.stem_lengths[0] if self.stem_lengths else 0
        for match in self.word_regex.finditer(text):
            word = match.group(0).translate(_ASCII_LOWER)
            candidates = by_first.get(word)
            if candidates:
                end = match.end()
                for index, rest in candidates:
                    if index in found:
                        continue
                    stop = _match_rest(text, end, rest)
                    if stop < 0:
                        continue
                    term = terms[index]
                    if term.checks_end and stop < len(text) and is_word_char(text[stop]):
                        continue
                    found.add(index)
            if shortest and len(word) >= shortest and word[:shortest] in self.stem_prefixes:
                for length in self.stem_lengths:
                    if length > len(word):
                        break
                    hits = stems.get(word[:length])
                    if hits:
                        found.update(hits)
        for index, regex in self.loose:
            if index in found:
                continue
            term = terms[index]
            for match in regex.finditer(text):
                stop = match.start() + len(match.group(1))
                if term.checks_end and stop < len(text) and is_word_char(text[stop]):
                    continue
                found.add(index)
                break
        return found


def _match_rest(text: str, at: int, rest: str) -> int:
    """Matches the folded `rest` of a term at `at`; the end, or -1."""
    n = len(text)
    i = at
    for ch in rest:
        if ch == " ":
            if i >= n or text[i] not in _TEXT_SPACE:
                return -1
            while i < n and text[i] in _TEXT_SPACE:
                i += 1
        else:
            if i >= n:
                return -1
            t = text[i]
            if t != ch and not ("A" <= t <= "Z" and chr(ord(t) | 0x20) == ch):
                return -1
            i += 1
    return i


# ------------------------------------------------------------------------------------------------
# The quotation tracker (Scoring/QuotationTracker.swift), on the segment's UTF-8 bytes

DOCUMENT_START, PARAGRAPH_START, WITHIN_PARAGRAPH = 0, 1, 2
_QUOTE_BYTES = re.compile(rb"[\"']|\xe2\x80[\x98\x99\x9c\x9d\x9e]|\xc2[\xab\xbb]")
_LEFT_DOUBLE, _RIGHT_DOUBLE, _LOW_DOUBLE, _LEFT_SINGLE, _RIGHT_SINGLE = 0x9C, 0x9D, 0x9E, 0x98, 0x99


class QuotationTracker:
    MAXIMUM_SPAN = 6

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.double_open = False
        self.opened_low = False
        self.single_open = False
        self.segments_without_mark = 0

    def continues(self, data: bytes, boundary: int) -> bool:
        if not (self.double_open or self.single_open):
            return False
        if self.segments_without_mark >= self.MAXIMUM_SPAN:
            return False
        if boundary == DOCUMENT_START:
            return False
        if boundary == PARAGRAPH_START:
            return _opens_with_quotation_mark(data)
        return True

    def advance(self, data: bytes, continuing: bool) -> None:
        was_open = self.double_open or self.single_open
        double_open = continuing and self.double_open
        opened_low = double_open and self.opened_low
        single_open = continuing and self.single_open
        saw_mark = False
        for match in _QUOTE_BYTES.finditer(data):
            index = match.start()
            byte = data[index]
            if byte == 0x22:
                if index > 0 or not double_open:
                    double_open = not double_open
                opened_low = False
                if not double_open:
                    single_open = False
                saw_mark = True
            elif byte == 0x27:
                changed, single_open = _update_single(single_open, index, 1, data, True, True)
                saw_mark = changed or saw_mark
            elif byte == 0xE2:
                last = data[index + 2]
                if last == _LEFT_DOUBLE and double_open and opened_low:
                    double_open = opened_low = single_open = False
                    saw_mark = True
                elif last in (_LEFT_DOUBLE, _LOW_DOUBLE):
                    if not double_open:
                        opened_low = last == _LOW_DOUBLE
                    double_open = True
                    saw_mark = True
                elif last == _RIGHT_DOUBLE:
                    opened_low = False
                    if double_open:
                        double_open = single_open = False
                    elif index == 0 or is_space_byte(data[index - 1]):
                        double_open = True
                    saw_mark = True
                elif last == _LEFT_SINGLE:
                    changed, single_open = _update_single(single_open, index, 3, data, True, False)
                    saw_mark = changed or saw_mark
                else:
                    changed, single_open = _update_single(single_open, index, 3, data, False, True)
                    saw_mark = changed or saw_mark
            else:  # « or »
                double_open = data[index + 1] == 0xAB
                opened_low = False
                if not double_open:
                    single_open = False
                saw_mark = True
        self.segments_without_mark = self.segments_without_mark + 1 if was_open and not saw_mark else 0
        self.double_open = double_open
        self.opened_low = opened_low
        self.single_open = single_open


def _is_elided_year(data: bytes, index: int) -> bool:
    return (
        index + 1 < len(data)
        and 0x30 <= data[index] <= 0x39
        and 0x30 <= data[index + 1] <= 0x39
        and (index + 2 == len(data) or not 0x30 <= data[index + 2] <= 0x39)
    )


def _update_single(single_open: bool, index: int, width: int, data: bytes, opening: bool,
                   closing: bool) -> tuple[bool, bool]:  # fmt: skip
    """(whether the mark opened or closed a single quotation, the new state)."""
    if single_open:
        if not closing or is_word_at(data, index + width):
            return False, single_open
        return True, False
    if (
        not opening
        or is_word_before(data, index)
        or index + width >= len(data)
        or is_space_byte(data[index + width])
        or _is_elided_year(data, index + width)
    ):
        return False, single_open
    return True, True


def _opens_with_quotation_mark(data: bytes) -> bool:
    index = 0
    while index < len(data) and data[index] == 0x28:
        index += 1
    if index >= len(data):
        return False
    byte = data[index]
    if byte in (0x22, 0x27):
        return True
    if byte == 0xE2:
        return (
            index + 2 < len(data)
            and data[index + 1] == 0x80
            and data[index + 2] in (_LEFT_DOUBLE, _LOW_DOUBLE, _RIGHT_DOUBLE, _LEFT_SINGLE)
        )
    if byte == 0xC2:
        return index + 1 < len(data) and data[index + 1] == 0xAB
    return False


# ------------------------------------------------------------------------------------------------
# Classification


class Classifier:
    """Classifies the segments of a document in order, carrying their context (what rules scoped
    to the previous segment found, and the quotation marks seen), like ClassifierWorkspace."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.category_count = len(rules.categories)
        self.thresholds = [c.threshold for c in rules.categories]
        self.keywords = KeywordMatcher(rules.terms)
        self.term_list = [t.list for t in rules.terms]
        self.term_weight = [t.weight for t in rules.terms]
        self.term_scope = [rules.lists[t.list].scope for t in rules.terms]
        self.patterns = [
            (p.regex, p.category, p.weight, p.scope, p.id) for p in rules.patterns if p.regex is not None
        ]
        self.quotation = QuotationTracker()
        self.pending = [0.0] * self.category_count
        # With explain=True, `evidence` lists what counted for the last segment: a pattern's rule
        # id, or "rule:term" for a keyword (as classify --explain names them).
        self.explain = False
        self.evidence: list[str] = []
        self.pending_evidence: list[str] = []

    def begin(self, data: bytes, boundary: int) -> tuple[list[float], bool]:
        """Starts a segment: its scores so far (what the previous segment left) and whether it
        continues a quotation."""
        if boundary == DOCUMENT_START:
            self.quotation.reset()
            self.pending = [0.0] * self.category_count
            self.pending_evidence = []
        continuing = self.quotation.continues(data, boundary)
        scores = self.pending
        self.pending = [0.0] * self.category_count
        if self.explain:
            self.evidence = self.pending_evidence
            self.pending_evidence = []
        return scores, continuing

    def add_terms(self, found, scores: list[float], continuing: bool) -> None:
        """Adds what the keyword lists contribute, given the indices of the terms found."""
        sums: dict[int, float] = {}
        for index in found:
            if self.term_scope[index] == "continued-quotation" and not continuing:
                continue
            list_index = self.term_list[index]
            sums[list_index] = sums.get(list_index, 0.0) + self.term_weight[index]
            if self.explain:
                keyword_list = self.rules.lists[list_index]
                entry = "%s:%s" % (keyword_list.id, self.rules.terms[index].text)
                if keyword_list.scope == "previous-segment":
                    self.pending_evidence.append(entry)
                else:
                    self.evidence.append(entry)
        lists = self.rules.lists
        for list_index, total in sums.items():
            keyword_list = lists[list_index]
            contribution = min(total, keyword_list.max)
            if keyword_list.scope == "previous-segment":
                self.pending[keyword_list.category] += contribution
            else:
                scores[keyword_list.category] += contribution

    def add_pattern(self, category: int, weight: float, scope: str, rule: str, scores: list[float]) -> None:
        if scope == "previous-segment":
            self.pending[category] += weight
            if self.explain:
                self.pending_evidence.append(rule)
        else:
            scores[category] += weight
            if self.explain:
                self.evidence.append(rule)

    def finish(self, data: bytes, continuing: bool, scores: list[float]) -> list[float]:
        self.quotation.advance(data, continuing)
        return scores

    def classify(self, text: str, data: bytes, boundary: int) -> list[float]:
        """The scores of one segment (`data` is `text` in UTF-8)."""
        scores, continuing = self.begin(data, boundary)
        self.add_terms(self.keywords.find(text), scores, continuing)
        for regex, category, weight, scope, rule in self.patterns:
            if scope == "continued-quotation" and not continuing:
                continue
            if regex.search(text):
                self.add_pattern(category, weight, scope, rule, scores)
        return self.finish(data, continuing, scores)


# ------------------------------------------------------------------------------------------------
# Input and output


def read_segments(path: str, paragraphs: str | None) -> list[tuple[int, int, str, int]]:
    """(doc, seg, text, boundary) for each segment of `classify segment` output."""
    starts: set[tuple[int, int]] | None = None
    if paragraphs:
        starts = set()
        with open(paragraphs, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("{"):
                    item = json.loads(line)
                    starts.add((item["doc"], item["start"]))
    segments = []
    with open(path, encoding="utf-8") if path != "-" else sys.stdin as handle:
        for line in handle:
            if not line.startswith("{"):
                continue
            item = json.loads(line)
            doc, seg = item["doc"], item["seg"]
            if seg == 0:
                boundary = DOCUMENT_START
            elif "para" in item:
                boundary = PARAGRAPH_START if item["para"] else WITHIN_PARAGRAPH
            elif starts is not None and (doc, item.get("start")) in starts:
                boundary = PARAGRAPH_START
            else:
                boundary = WITHIN_PARAGRAPH
            segments.append((doc, seg, item["text"], boundary))
    return segments


def format_score(value: float) -> float | int:
    return int(value) if value == int(value) else round(value, 6)


def write_results(path: str | None, segments, results, categories: list[Category], evidence=None) -> None:
    names = [c.name for c in categories]
    order = sorted(range(len(names)), key=lambda i: names[i])
    handle = open(path, "w", encoding="utf-8") if path and path != "-" else sys.stdout
    try:
        for number, ((doc, seg, _text, _boundary), scores) in enumerate(zip(segments, results)):
            labels = [names[i] for i in order if scores[i] >= categories[i].threshold]
            item = {"doc": doc, "seg": seg, "labels": labels,
                    "scores": {names[i]: format_score(scores[i]) for i in order}}  # fmt: skip
            if evidence is not None:
                item["evidence"] = sorted(evidence[number])
            handle.write(json.dumps(item, separators=(",", ":")) + "\n")
    finally:
        if handle is not sys.stdout:
            handle.close()


def default_rules() -> str:
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Rules")


def common_arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rules", default=default_rules(), help="rule directory or file (default: Rules/)")
    parser.add_argument("--segments", default="-", help="JSON lines of `classify segment` (default: stdin)")
    parser.add_argument("--paragraphs", help="JSON lines of `classify segment --segment paragraph` on the same input")
    parser.add_argument("--output", help="where to write the JSON lines (default: stdout)")
    parser.add_argument("--stats-json", help="write figures (time, MB/s, untranslated rules) as JSON here")
    parser.add_argument("--quiet", action="store_true", help="no summary on stderr")
    parser.add_argument("--explain", action="store_true",
                        help='add "evidence": the rules that counted ("rule" or "rule:term"), untimed')  # fmt: skip
    return parser


def report(name: str, stats: dict, quiet: bool, path: str | None) -> None:
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(stats, handle, indent=1)
    if quiet:
        return
    print(
        "%s: %d segments, %.1f MB of text in %.2f s: %.2f MB/s"
        % (name, stats["segments"], stats["bytes"] / 1e6, stats["seconds"], stats["mb_per_s"]),
        file=sys.stderr,
    )
    for line in stats.get("notes", []):
        print("%s: %s" % (name, line), file=sys.stderr)


def run_timed(name: str, rules: RuleSet, classifier, args, notes: list[str], summary: list[str],
              extra: dict | None = None) -> None:
    """Classifies the segments of `args.segments` with `classifier` (timing only that), writes
    the results and reports the figures: the part both peers share."""
    segments = read_segments(args.segments, args.paragraphs)
    encoded = [text.encode("utf-8", "surrogatepass") for _d, _s, text, _b in segments]
    classify = classifier.classify
    # With --explain the timed pass also collects the evidence (a few list appends per segment:
    # within the noise of the measurement).
    classifier.explain = args.explain
    evidence: list[list[str]] | None = [] if args.explain else None
    results = []
    started = time.perf_counter()
    for item, data in zip(segments, encoded):
        results.append(classify(item[2], data, item[3]))
        if evidence is not None:
            evidence.append(classifier.evidence)
    seconds = time.perf_counter() - started
    write_results(args.output, segments, results, rules.categories, evidence)
    size = sum(len(d) for d in encoded)
    stats = {
        "segments": len(segments), "bytes": size, "seconds": seconds,
        "mb_per_s": size / 1e6 / seconds if seconds > 0 else 0.0,
        "patterns": len(rules.patterns), "keyword_terms": len(rules.terms),
        **(extra or {}),
        "untranslated": [{"rule": p.id, "error": p.error} for p in rules.untranslated],
        "summary": summary, "notes": notes,
    }  # fmt: skip
    report(name, stats, args.quiet, args.stats_json)


def main() -> None:
    args = common_arguments(__doc__.split("\n\n")[0]).parse_args()
    rules = RuleSet(args.rules)
    notes = ["%d of %d patterns untranslatable (skipped)" % (len(rules.untranslated), len(rules.patterns))]
    notes += ["  %s: %s" % (p.id, p.error) for p in rules.untranslated]
    run_timed("reference", rules, Classifier(rules), args, notes, notes[:1])

if __name__ == "__main__":
    main()
