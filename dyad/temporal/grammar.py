"""The temporal grammar: patterns that find time expressions and rules that give their values.

Each rule is a regular expression built from the lexicon's word lists plus a function that turns a
match into zero or more ``TimeCandidate``s, asking the anchor (publication date) for relative
values and the parse (``context``) for tense and for whether a number is a year. All patterns are
compiled once per process (``Grammar()``); ``Grammar.find`` runs each over the text once and keeps
the longest of overlapping matches. Values are TIMEX3-style: ``2024-06-19``, ``2024-06``, ``2024``,
``2024-W25``, ``2023-SU``, ``2023-Q3``, ``199`` (the 1990s), ``P24Y``, ``PT2H``, ``PRESENT_REF``.
An expression the anchor cannot resolve keeps its span with value ``None``.

Cost: the rules run only in windows around trigger words; a rule skips a window that lacks the
words (or digit) every match of it needs (its gate), and is led by what each of its matches must
start with, so the regex engine passes over other positions fast; word lists are prefix trees, so
it tries a few branches at a word instead of every word. ``Grammar.scan`` keeps the
matches, so an undated article is matched once: ``Scan.reanchor`` runs again only the handlers
that read the anchor, against the date inferred from the text. None of this changes a match:
``Grammar(fast=False)`` runs the plain patterns everywhere, and the tests compare the two.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator
from copy import copy
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyad.temporal import context
from dyad.temporal.anchor import Anchor, valid_date
from dyad.temporal.lexicon import Lexicon, lexicon

_AMOUNT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW", "NORP", "GPE"})
_YEAR_CUES = frozenset({"in", "since", "by", "until", "till", "from", "before", "after", "during", "of",
                        "through", "throughout", "circa", "early", "mid", "late", "fiscal", "to", "and",
                        "between", "around", "year", "summer", "winter", "spring", "autumn", "fall",
                        "the", "as", "for", "on", "than", "at"})
_YEAR_NOUNS = frozenset({"elections", "games", "olympics", "polls", "midterms", "talks", "protests", "floods",
                         "sanctions", "accords", "negotiations", "hostilities", "clashes", "riots", "levels"})
_MONTH_CUES = frozenset({"in", "since", "by", "until", "till", "from", "before", "after", "during", "of",
                         "through", "throughout", "last", "next", "this", "early", "mid", "late", "on",
                         "between", "and", "to", "or", "that", "each", "every", "end", "beginning",
                         "middle", "start", "coming", "past", "previous"})


@dataclass
class TimeCandidate:
    start: int
    end: int
    value: str | None
    type: str = "DATE"  # DATE|DURATION|TIME|SET
    rule: str = ""
    absolute: bool = False
    """The value came from the text alone (a year is written), not from the anchor."""


class Ctx:
    """What the handlers read: the parse, its text, the anchor and the lexicon. Clause directions
    are cached (they do not depend on the anchor); reading ``anchor`` is recorded, so the scan knows
    which matches must be resolved again when the anchor changes."""

    def __init__(self, doc: Doc, anchor: Anchor | None, lex: Lexicon, dirs: dict[tuple[int, int], str],
                 text: str = "", index: context.TokenIndex | None = None) -> None:
        self.doc = doc
        self._index = index
        self._anchor = anchor
        self.lex = lex
        self._dirs = dirs
        self.text = text
        """``doc.text``, read once (spaCy rebuilds it on every access)."""
        self.read_anchor = False

    @property
    def index(self) -> context.TokenIndex:
        """The doc's tokens by character offset, made at the first question."""
        if self._index is None:
            self._index = context.TokenIndex(self.doc)
        return self._index

    def token_at(self, char: int) -> Token | None:
        """``context.token_at(self.doc, char)``."""
        return self.index.at(char)

    @property
    def anchor(self) -> Anchor | None:
        self.read_anchor = True
        return self._anchor

    def with_anchor(self, anchor: Anchor | None) -> Ctx:
        """The same document and direction cache, another anchor."""
        return Ctx(self.doc, anchor, self.lex, self._dirs, self.text, self._index)

    def direction(self, start: int, end: int) -> str:
        key = (start, end)
        if key not in self._dirs:
            self._dirs[key] = context.clause_direction(self.doc, start, end, self.lex, self.index)
        return self._dirs[key]


Handler = Callable[[re.Match[str], Ctx], list[TimeCandidate]]

_DIGIT = "<digit>"
_DIGIT_RX = re.compile(r"\d")
# the characters re.IGNORECASE matches to an ASCII letter although str.lower() does not make
# them one (dotless i, long s, Kelvin sign, dotted capital I: "Frıday", "ſpring"): a text with
# them is not gated, and a matched word is looked up in the lexicon with them replaced (_low)
_FOLD_TO_ASCII = str.maketrans({"\u0131": "i", "\u017f": "s", "\u212a": "k", "\u0130": "i"})
_FOLDS = re.compile("[" + "".join(map(chr, _FOLD_TO_ASCII)) + "]")


# How every match of a rule starts, on each path through its pattern (see Grammar.__init__): at
# a word start (\b, then a lexicon word or a digit), or, for the rules that may start inside a
# word ("FY2024", "x1990s", "abc2023-09-13"), at the digit or quote they begin with. A rule not
# listed is not led.
_WORD = r"\b(?=\w)"
_LEADS = {name: _WORD for name in (
    "weekday_date", "clock_weekday", "date", "month_year", "season_year", "quarter", "quarter_code", "half",
    "century", "year_range", "ago", "rel_unit", "pos_unit", "weekend", "month", "season", "weekday", "deictic",
    "reference", "duration", "num_range", "set", "bare_units", "clock")}
_LEADS.update({
    "iso": r"(?=\d)", "numeric": r"(?=\d)",
    "year": r"(?:\b(?=\w)|(?=[12]))",  # a position or "fiscal" word, or the year (1500-2100)
    "decade": r"(?:\b(?=\w)|(?=[12’'‘]))",  # "the", a position word, "1990s" or "'90s"
})
_WORDISH = re.compile(r"\w")


_PATTERN_LISTS = ("months", "weekdays", "seasons", "parts_of_day", "quarters", "ordinals", "numbers", "vague_numbers",
                  "units", "unit_plurals", "timezones", "deictic_days", "deictic_parts", "references", "shift",
                  "duration_shift", "positions", "approximators", "sets", "set_quantifiers")


def _words_of(lex: Lexicon) -> list[str]:
    """The words and phrases of the lexicon that the rules' patterns are built from."""
    out: list[str] = []
    for name in _PATTERN_LISTS:
        value = getattr(lex, name)
        out.extend(value.keys() if isinstance(value, dict) else value)
    return out


def _low(word: str) -> str:
    """``word`` as the lexicon spells it: lower case, case-folding lookalikes made ASCII."""
    return word.translate(_FOLD_TO_ASCII).lower()


def _last_words(phrases: list[str]) -> tuple[str, ...]:
    """The last word of each phrase: a match of the phrase holds it."""
    return tuple(p.split()[-1] for p in phrases)


def _alt(words: list[str] | tuple[str, ...] | set[str] | frozenset[str], dot: bool = False,
         trie: bool = False) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace (a word of
    at most four letters but "may" may end in a dot when ``dot``). With ``trie`` the alternation is
    factored by common prefixes (``_trie``): it matches what the flat one matches, faster."""
    if trie and all(w.isascii() for w in words):
        return _trie(words, dot)
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        out.append(p + _dot_tail(w, dot))
    return "(?:" + "|".join(out) + ")"


def _dot_tail(word: str, dot: bool) -> str:
    return r"\b\.?" if dot and len(word) <= 4 and word != "may" else ""


class _Node:
    """A node of ``_trie``: the next pattern pieces, and the tail of a word that ends here."""

    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end: str | None = None

    def pattern(self) -> str:
        alts = [key + child.pattern() for key, child in self.children.items()]
        if self.end is not None:
            alts.append(self.end)  # after every longer word
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _trie(words: list[str] | tuple[str, ...] | set[str] | frozenset[str], dot: bool, literal: bool = False) -> str:
    """``_alt`` of ASCII ``words`` as a prefix tree: "(?:ju(?:ne|ly)|...)". The same strings match
    in the same order: two words that both match at a position are a word and a longer one that
    starts with it (under re.IGNORECASE distinct ASCII letters match no common character), and
    the tree tries the longer one first, as the flat list (longest first) does. The regex engine
    then tries a few branches at each position instead of every word. ``literal``: a space
    matches only a space."""
    root = _Node()
    for w in set(words):
        node = root
        for ch in w.lower():  # under re.IGNORECASE an ASCII letter matches what its lower case does
            node = node.children.setdefault(r"\s+" if ch == " " and not literal else re.escape(ch), _Node())
        node.end = _dot_tail(w, dot)
    return "(?:" + root.pattern() + ")"


def _in_name(tok: Token) -> bool:
    """Is ``tok`` part of a longer name (newspaper, event, person) rather than a time?"""
    if tok.ent_type_ not in _NAME_ENTS or tok.ent_type_ in ("GPE", "NORP"):
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and len(ent) > 1


def _cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _dur(n: float | None, unit: str, lex: Lexicon) -> str:
    """A duration value: ``P24Y``, ``PT2H``, ``PXM`` (vague ``n`` is None)."""
    code = lex.units[unit]
    mult = 1
    m = re.match(r"(\d+)([A-Z]+)", code)
    if m:
        mult, code = int(m.group(1)), m.group(2)
    prefix = "PT" if unit in lex.clock_units else "P"
    if n is None:
        if unit == "decade":
            return "PXDE"
        if unit == "century":
            return "PXCE"
        return f"{prefix}X{code}"
    total = n * mult
    num = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"{prefix}{num}{code}"


@dataclass
class _Hit:
    """One match of one rule and the candidates its handler made of it."""

    rule: str
    m: re.Match[str]
    fn: Handler
    prio: int
    cands: list[TimeCandidate]
    anchored: bool
    """The handler read the anchor: its candidates may change with it."""


class Scan:
    """The matches of one document (anchor-independent) and the candidates made of them."""

    def __init__(self, grammar: Grammar, ctx: Ctx, hits: list[_Hit]) -> None:
        self.grammar = grammar
        self.ctx = ctx
        self.hits = hits

    def candidates(self) -> list[TimeCandidate]:
        """Non-overlapping candidates by start, offsets and clock times resolved (fresh objects)."""
        taken = [copy(c) for c in Grammar._select(self.hits)]
        self.grammar._anchor_offsets(self.ctx.text, taken, self.ctx._anchor, self.ctx.doc)
        return taken

    def reanchor(self, anchor: Anchor | None) -> Scan | None:
        """The same matches resolved against ``anchor``: only the handlers that read the anchor run
        again. None when one of them then finds other spans than before (the caller scans again)."""
        ctx = self.ctx.with_anchor(anchor)
        hits: list[_Hit] = []
        for h in self.hits:
            if not h.anchored:
                hits.append(h)
                continue
            ctx.read_anchor = False
            cands = h.fn(h.m, ctx)
            for cand in cands:
                cand.rule = cand.rule or h.rule
            if [(c.start, c.end, c.rule) for c in cands] != [(c.start, c.end, c.rule) for c in h.cands]:
                return None
            hits.append(_Hit(h.rule, h.m, h.fn, h.prio, cands, True))
        return Scan(self.grammar, ctx, hits)


class Grammar:
    """All rules, compiled once. ``find(doc, anchor)`` returns non-overlapping candidates by start."""

    def __init__(self, lex: Lexicon | None = None, fast: bool = True) -> None:
        self.lex = lex = lex or lexicon()
        self.fast = fast
        """Take the shortcuts (same output, found faster): skip a rule in a window that lacks the
        words every match of it needs, find trigger words in the lower-case text, lead word-start
        rules with a word-start assertion, write word lists as prefix trees (``_trie``)."""
        month_words = list(lex.months)
        full_months = [m for m in month_words if len(m) > 4 or m in ("may", "june", "july")]

        def alt(words: list[str], dot: bool = False) -> str:
            return _alt(words, dot, trie=fast)  # the plain alternations when not fast

        self.MONTH = alt(month_words, dot=True)
        self.FULL_MONTH = alt(full_months)
        self.WD = alt([w for w in lex.weekdays if len(w) > 5])
        self.SEASON = alt(list(lex.seasons))
        self.PART = alt(list(lex.parts_of_day))
        self.POS = alt(list(lex.positions))
        self.SHIFT = alt(list(lex.shift))
        self.APPROX = alt(list(lex.approximators))
        self.DSHIFT = alt(list(lex.duration_shift))
        self.VAGUE = alt(list(lex.vague_numbers))
        word_nums = [w for w in lex.numbers if w not in ("a", "an")]
        wn = alt(word_nums)
        self.NUM = rf"(?:\d+(?:\.\d+)?|{wn}(?:[\s-]+{wn})?|an?)"
        units = list(lex.units)
        self.UNIT = r"(?:" + "|".join(sorted(units, key=len, reverse=True)) + r")"
        self.UNITS = (r"(?:centuries|millennia|" + "|".join(u + "s" for u in sorted(units, key=len, reverse=True))
                      + r")")
        if fast and all(u.isascii() and u.isalpha() for u in units):
            # the same alternations as trees: no plural is a prefix of "centuries" or "millennia"
            # and neither of them of a plural, so their place before the other plurals is moot
            self.UNIT = alt(units)
            self.UNITS = alt(["centuries", "millennia", *(u + "s" for u in units)])
        self.TZ = alt(list(lex.timezones))
        self.YEAR = r"(?<![\d$€£.,/])(?:1[5-9]\d\d|20\d\d|2100)(?![\d%]|[.,]\d)"
        DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?\b"
        ORD = alt(list(lex.ordinals))
        CLOCK = (r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
                 rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?=\s*(?:{self.TZ}|hours?\b|hrs\b))|noon\b|midnight\b)")
        self.CLOCK = CLOCK
        M, Y = self.MONTH, self.YEAR
        mdy = rf"(?P<m1>{M})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{Y}))?"
        dmy = rf"(?:the\s+)?(?P<d2>{DAY})(?:\s+of)?\s+(?P<m2>{M})(?:,?\s+(?P<y2>{Y}))?"
        rules: list[tuple[str, str, Handler, int]] = [
            ("weekday_date", rf"\b(?P<wd>{self.WD}),?\s*(?P<open>\(\s*)?(?:{mdy}|{dmy})(?(open)\s*\))",
             self._date, 0),
            ("clock_weekday", rf"\b(?P<clock>{CLOCK})(?:\s+{self.TZ})?,?\s+(?:on\s+)?(?P<wd>{self.WD})\b",
             self._clock_weekday, 0),
            ("date", rf"\b(?:{mdy}|{dmy})", self._date, 1),
            ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])", self._iso, 1),
            ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/]|\.\d)",
             self._numeric, 1),
            ("month_year", rf"(?:\b(?P<pos>{self.POS})[\s-]+)?\b(?P<m>{M}),?\s+(?:of\s+)?(?P<y>{Y})",
             self._month_year, 1),
            ("season_year", rf"(?:\b(?P<pos>{self.POS})[\s-]+)?(?:\bthe\s+)?\b(?P<s>{self.SEASON})\s+(?:of\s+)?"
                            rf"(?P<y>{Y})", self._season_year, 1),
            ("quarter", rf"(?:\bthe\s+)?\b(?P<q>{alt(list(lex.quarters))})[\s-]+(?:fiscal[\s-]+)?quarter\b"
                        rf"(?:\s+of\s+(?:(?P<y>{Y})|(?:the\s+)?(?P<rel>{self.SHIFT})\s+year|the\s+year))?",
             self._quarter, 2),
            ("quarter_code", rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:[\s-]*(?P<y>{Y}))?\b", self._quarter, 2),
            ("half", rf"(?:\bthe\s+)?\b(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{Y})|(?:the\s+)?"
                     rf"(?P<rel>{self.SHIFT})\s+year|the\s+year)", self._half, 2),
            ("decade", r"(?:\bthe\s+)?(?:\b(?P<pos>early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[5-9]|20)\d0)'?s\b"
                       r"|[’'‘](?P<short>\d0)s\b)", self._decade, 2),
            ("century", rf"(?:\bthe\s+)?(?:\b(?P<pos>early|mid|late)[\s-]+)?\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORD})"
                        r"[\s-]+century\b", self._century, 2),
            ("year_range", rf"\b(?P<y>{Y})\s*[-–/]\s*(?P<y2>\d{{2}}|{Y})\b", self._year_range, 2),
            ("year", rf"(?:\b(?P<pos>{self.POS})[\s-]+)?(?:\b(?:fiscal(?:\s+year)?|FY)\s*)?(?P<y>{Y})",
             self._year, 3),
            ("ago", rf"\b(?:(?P<n>{self.NUM})|(?P<vague>{self.VAGUE}))[\s-]+(?P<u>{self.UNIT}|{self.UNITS})"
                    r"\s+(?P<tail>ago|earlier|later|before|after)\b(?!\s+than\b)", self._ago, 2),
            ("rel_unit", rf"(?:\b(?P<pos>{self.POS})[\s-]+)?(?:\b(?P<the>the)\s+)?\b(?P<rel>{self.SHIFT})\s+"
                         rf"(?P<u>day|week|weekend|month|year|quarter|decade|century|fiscal\s+year|{self.SEASON})\b",
             self._rel_unit, 2),
            ("pos_unit", rf"\b(?P<pos>{self.POS})\s+(?:(?:of|in)\s+)?(?:the\s+)?(?P<u>year|month|week|decade|century)\b"
                         r"(?!\s+(?:of|before|after|ago)\b)", self._pos_unit, 3),
            ("weekend", r"\bthe\s+weekend\b", self._weekend, 4),
            ("month", rf"(?:\b(?P<pos>{self.POS})[\s-]+)?(?:\b(?P<rel>last|next|this|past|coming|previous)\s+)?"
                      rf"\b(?P<m>{self.FULL_MONTH})\b(?!\s*\d)", self._month, 4),
            ("season", rf"(?:\b(?P<pos>{self.POS})[\s-]+)?(?:\b(?P<rel>last|next|this|past|coming|previous)\s+"
                       rf"|\bthe\s+)(?P<s>{self.SEASON})\b", self._season, 4),
            ("weekday", rf"(?:\b(?P<pos>early|late)\s+)?(?:\b(?P<rel>last|next|this|past|coming)\s+)?"
                        rf"\b(?P<wd>{self.WD})\b(?:\s+(?P<part>{self.PART})\b)?", self._weekday, 4),
            ("deictic", rf"\b(?P<w>{alt(list(lex.deictic_days) + list(lex.deictic_parts))})\b"
                        rf"(?:\s+(?P<part>{self.PART})\b)?", self._deictic, 3),
            ("reference", rf"\b(?P<w>{alt(list(lex.references))})\b", self._reference, 5),
            ("duration", rf"(?:\b(?P<approx>{self.APPROX})\s+)?(?:\b(?P<shift>{self.DSHIFT})\s+)?"
                         rf"\b(?:(?P<n>{self.NUM})(?P<half>\s+and\s+a\s+half)?|(?P<vague>{self.VAGUE}))[\s-]+"
                         rf"(?P<u>{self.UNIT}|{self.UNITS})\b(?P<half2>\s+and\s+a\s+half)?(?P<poss>')?",
             self._duration, 3),
            ("num_range", rf"\b(?P<n>{self.NUM})\s*(?:-|–|to|or|and)\s*(?P<n2>{self.NUM})[\s-]+(?P<u>{self.UNITS})\b",
             self._num_range, 3),
            ("set", rf"\b(?:(?P<w>{alt(list(lex.sets))})|(?P<q>{alt(list(lex.set_quantifiers))})\s+"
                    rf"(?P<u>{self.UNIT}|{self.WD}|{self.PART}|{self.SEASON})|(?P<times>once|twice|\w+\s+times)"
                    rf"\s+(?:a|an|per)\s+(?P<u2>{self.UNIT}))\b", self._set, 4),
            ("bare_units", rf"\b(?P<u>{self.UNITS})\b", self._bare_units, 6),
            ("clock", rf"\b(?P<clock>{CLOCK})(?:\s+{self.TZ})?", self._clock, 5),
        ]
        # a rule is led by what the start of each of its matches must be (_LEADS): the regex engine
        # then passes over other positions fast. Word starts rest on the lexicon's words starting
        # with a word character (checked here; else no rule is led)
        leads = _LEADS if fast and all(_WORDISH.match(w) for w in _words_of(lex)) else {}
        self.rules = [(name, re.compile(leads.get(name, "") + rx, re.IGNORECASE), fn, prio)
                      for name, rx, fn, prio in rules]
        # what every match of a rule must contain: one of each group's words (lower case, found as
        # a substring) or a digit (_DIGIT); a window without them skips the rule
        wd = tuple(w for w in lex.weekdays if len(w) > 5)
        months, digit = tuple(lex.months), (_DIGIT,)
        clock = ("a.m", "p.m", "am", "pm", ":", "noon", "midnight")  # beside a digit, or the words
        seasons, parts = tuple(lex.seasons), tuple(lex.parts_of_day)
        unit_words = (*lex.units, *lex.unit_plurals)
        gates: dict[str, tuple[tuple[str, ...], ...]] = {
            "weekday_date": (wd, months, digit), "clock_weekday": (wd, clock), "date": (months, digit),
            "iso": (digit, ("-",)), "numeric": (digit, ("/", ".")), "month_year": (months, digit),
            "season_year": (seasons, digit), "quarter": (("quarter",),), "quarter_code": (digit, ("q",)),
            "half": (("half",),), "decade": (("0s", "0's"),), "century": (("century",),),
            "year_range": (digit, ("-", "–", "/")), "year": (digit,),
            "ago": (("ago", "earlier", "later", "before", "after"), unit_words),
            "rel_unit": (("day", "week", "month", "year", "quarter", "decade", "century", *seasons),),
            "pos_unit": (("year", "month", "week", "decade", "century"),), "weekend": (("weekend",),),
            "month": (tuple(full_months),), "season": (seasons,), "weekday": (wd,),
            "deictic": (_last_words([*lex.deictic_days, *lex.deictic_parts]),),
            "reference": (_last_words(list(lex.references)),), "duration": (unit_words,), "num_range": (unit_words,),
            "set": ((*lex.sets, *unit_words, *wd, *parts, *seasons),), "bare_units": (unit_words,), "clock": (clock,),
        }
        self.gates = [tuple(frozenset(w.lower() for w in group) for group in gates[name]) for name, *_ in self.rules]
        self.gate_words = tuple(sorted({w for gate in self.gates for group in gate for w in group} - {_DIGIT}))
        # the same as bit masks: a bit per gate word (and _DIGIT), a mask per group of a rule's gate
        bit = {w: 1 << k for k, w in enumerate((_DIGIT, *self.gate_words))}
        self.gate_masks = [tuple(sum(bit[w] for w in group) for group in gate) for gate in self.gates]
        self._open_cache: dict[int, tuple[int, ...]] = {}
        # a gate word in the lower-case text, the longest at its position: the others there are
        # its prefixes (its bits in gate_bits are theirs as well)
        self.gate_rx = re.compile(_trie(self.gate_words, False, literal=True))
        self.gate_bits = {w: sum(b for v, b in bit.items() if w.startswith(v)) for w in self.gate_words}
        # every rule needs one of these: the rules run only in windows around them
        words = {*lex.months, *lex.weekdays, *lex.seasons, *lex.parts_of_day, *lex.sets, *lex.units,
                 *lex.unit_plurals, *(u + "s" for u in lex.units), "quarter", "half", "noon", "midnight", "ago", "weekend", "weekends",
                 *(w.split()[-1] for w in (*lex.deictic_days, *lex.deictic_parts)),
                 *(w for ref in lex.references for w in ref.split() if w not in ("the", "at", "right"))}
        self.trigger = re.compile(r"\d|\b" + alt(sorted(words)) + r"\b", re.IGNORECASE)
        # the same triggers, in a lower-case text that case folding cannot mislead (_gated): a
        # whole word of these, or one digit
        self.trigger_words = frozenset(w.lower() for w in words)
        plain = fast and all(w.isalpha() and w.isascii() for w in words)
        self.trigger_low = re.compile(r"\b" + _trie(self.trigger_words, False) + r"\b") if plain else None

    # -- driver --------------------------------------------------------------------------------
    def find(self, doc: Doc, anchor: Anchor | None, text: str | None = None) -> list[TimeCandidate]:
        """Time expressions of ``doc`` resolved against ``anchor`` (``text`` is ``doc.text``,
        passed in by callers that have it: spaCy rebuilds it on every access)."""
        return self.scan(doc, anchor, text).candidates()

    def scan(self, doc: Doc, anchor: Anchor | None, text: str | None = None) -> Scan:
        """Run every rule over ``doc`` once; ``Scan.candidates()`` gives what ``find`` returns and
        ``Scan.reanchor`` resolves the same matches against another anchor without matching again."""
        text = doc.text if text is None else text
        ctx = Ctx(doc, anchor, self.lex, {}, text)
        hits: list[_Hit] = []
        low = self._gated(text) if self.fast else None
        windows = self._windows(text, low=low)
        # for each rule, the windows that hold a word of each group of its gate: no match lies elsewhere
        per_rule: list[list[tuple[int, int]]] = [[] for _ in self.rules]
        for w, here in zip(windows, self._opened(low, windows), strict=True):
            for k in self._open_rules(here):
                per_rule[k].append(w)
        for (name, rx, fn, prio), in_windows in zip(self.rules, per_rule, strict=True):
            for lo, hi in in_windows:
                for m in rx.finditer(text, lo, hi):
                    ctx.read_anchor = False
                    cands = fn(m, ctx)
                    for cand in cands:
                        cand.rule = cand.rule or name
                    hits.append(_Hit(name, m, fn, prio, cands, ctx.read_anchor))
        return Scan(self, ctx, hits)

    def _open_rules(self, here: int) -> tuple[int, ...]:
        """The indices of the rules whose gate (``gate_masks``) the bits ``here`` open, in order;
        remembered per bit set (windows of a corpus share few)."""
        rules = self._open_cache.get(here)
        if rules is None:
            if len(self._open_cache) >= 4096:
                self._open_cache.clear()
            rules = tuple(k for k, masks in enumerate(self.gate_masks) if all(here & mask for mask in masks))
            self._open_cache[here] = rules
        return rules

    def _opened(self, low: str | None, windows: list[tuple[int, int]]) -> list[int]:
        """For each window, the bits (``gate_masks``) of the gate words and _DIGIT it holds; all
        bits (-1) for every window when ``low`` is None (no gating)."""
        if low is None:
            return [-1] * len(windows)
        bits, rx = self.gate_bits, self.gate_rx
        out: list[int] = []
        for lo, hi in windows:
            here = 1 if _DIGIT_RX.search(low, lo, hi) else 0  # _DIGIT is the first bit
            m = rx.search(low, lo, hi)  # the longest gate word at a position, ending by hi
            while m is not None:
                here |= bits[m.group()]  # with the gate words it starts with
                m = rx.search(low, m.start() + 1, hi)  # gate words may overlap
            out.append(here)
        return out

    @staticmethod
    def _gated(text: str) -> str | None:
        """``text`` in lower case with the same offsets, where a word found in it is a word the
        rules (case-insensitive) can match; None when case folding could mislead the gates."""
        if text.isascii():
            return text.lower()
        low = text.lower()
        if len(low) != len(text) or _FOLDS.search(text):
            return None
        return low

    @staticmethod
    def _select(hits: list[_Hit]) -> list[TimeCandidate]:
        """The longest of overlapping candidates (then rule priority, then the earliest), by start."""
        found = [(h.prio, c) for h in hits for c in h.cands]
        found.sort(key=lambda pc: (-(pc[1].end - pc[1].start), pc[0], pc[1].start))
        taken: list[TimeCandidate] = []
        for _prio, c in found:
            if c.end <= c.start:
                continue
            if any(c.start < t.end and t.start < c.end for t in taken):
                continue
            taken.append(c)
        taken.sort(key=lambda c: c.start)
        return taken

    def _triggers(self, text: str, low: str | None = None) -> Iterator[tuple[int, int]]:
        """The spans of ``self.trigger``'s matches, in order. ``low`` is ``text`` in lower case
        where that stands for case folding (``_gated``): when the words are ASCII letters, a
        match is then a whole word in ``trigger_words`` (``trigger_low`` finds them in ``low``
        without re.IGNORECASE, faster) or a single digit."""
        if self.trigger_low is None or low is None:
            for m in self.trigger.finditer(text):
                yield m.start(), m.end()
            return
        # the words and the digits apart (each regex is faster alone), merged: no word holds a digit
        words = [m.span() for m in self.trigger_low.finditer(low)]
        digits = [m.span() for m in _DIGIT_RX.finditer(low)]
        yield from heapq.merge(words, digits) if words and digits else words or digits

    def _windows(self, text: str, before: int = 64, after: int = 96,
                 low: str | None = None) -> list[tuple[int, int]]:
        """Disjoint stretches of ``text`` around trigger words, widened to whitespace, in order
        (``low``: see ``_triggers``)."""
        out: list[tuple[int, int]] = []
        n = len(text)
        for start, end in self._triggers(text, low):
            lo, hi = max(0, start - before), min(n, end + after)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(hi, out[-1][1]))
                continue
            floor, ceil = max(0, lo - 32), min(n, hi + 32)  # widen to whitespace, a little at most
            while lo > floor and not text[lo - 1].isspace():
                lo -= 1
            while hi < ceil and not text[hi].isspace():
                hi += 1
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(hi, out[-1][1]))
            else:
                out.append((lo, hi))
        return out

    # -- helpers ---------------------------------------------------------------------------------
    def _month_num(self, word: str) -> int | None:
        return self.lex.months.get(_low(word).rstrip("."))

    def _number(self, word: str | None) -> float | None:
        if word is None:
            return None
        w = re.sub(r"\s+", " ", _low(word).replace("-", " ")).strip()
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            return float(w)
        if w in self.lex.numbers:
            return self.lex.numbers[w]
        total = 0.0
        for part in w.split(" "):
            if part not in self.lex.numbers:
                return None
            total += self.lex.numbers[part]
        return total

    def _unit(self, word: str) -> str:
        w = _low(word)
        if w in self.lex.unit_plurals:
            return self.lex.unit_plurals[w]
        return w[:-1] if w.endswith("s") and w[:-1] in self.lex.units else w

    @staticmethod
    def _span(m: re.Match[str], group: str | int = 0) -> tuple[int, int]:
        return m.start(group), m.end(group)

    def _year_ok(self, ctx: Ctx, start: int, end: int, cue_before: str = "") -> bool:
        """Is the four-digit number at ``[start, end)`` a year rather than an amount?"""
        text = ctx.text
        if context.previous_word(text, start) in self.lex.not_year_after:
            return False  # "Resolution 1718", "No. 1999", "Flight 2013"
        first = ctx.token_at(start)
        while first is not None and first.dep_ == "conj" and first.head is not first and first.head.like_num:
            first = first.head
        if first is not None and first.idx != start and context.previous_word(text, first.idx) in \
                self.lex.not_year_after:
            return False  # "resolutions 1874 and 2094"
        if cue_before in _YEAR_CUES:
            return True
        tok = ctx.token_at(start)
        if tok is None:
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(ctx.doc) else None
        if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in _YEAR_NOUNS:
            return False  # "2000 troops"
        if tok.ent_type_ == "DATE":
            return True
        if tok.ent_type_ in _AMOUNT_ENTS:
            return False
        prev = text[max(0, start - 2):start]
        return "$" not in prev and "#" not in prev

    def _month_ok(self, ctx: Ctx, m: re.Match[str], group: str, bare: bool) -> bool:
        word = m.group(group)
        if not _cap(word):
            return False
        low = _low(word).rstrip(".")
        tok = ctx.token_at(m.start(group))
        if tok is not None:
            if tok.tag_ == "MD" and bare:
                return False
            if bare and _in_name(tok):
                return False
        if bare and low in self.lex.ambiguous_months:
            prev = context.previous_word(ctx.text, m.start())
            if prev not in _MONTH_CUES and not m.group("pos") and not m.groupdict().get("rel"):
                return False
        return True

    # -- handlers --------------------------------------------------------------------------------
    def _date(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        gd = m.groupdict()
        mg, dg, yg = ("m1", "d1", "y1") if gd.get("m1") else ("m2", "d2", "y2")
        if not gd.get(mg) or not self._month_ok(ctx, m, mg, bare=False):
            return []
        month = self._month_num(gd[mg])
        day = int(re.sub(r"\D", "", gd[dg]))
        if month is None or not 1 <= day <= 31:
            return []
        start, end = m.start(), m.end()
        if gd.get(yg):
            d = valid_date(int(gd[yg]), month, day)
            value = d.isoformat() if d else None
            return [TimeCandidate(start, end, value, absolute=value is not None)]
        if valid_date(2024, month, day) is None:
            return []
        if ctx.anchor is None:
            return [TimeCandidate(start, end, None)]
        direction = ctx.direction(start, end)
        return [TimeCandidate(start, end, ctx.anchor.month_day(month, day, direction))]

    def _iso(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        d = valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return [TimeCandidate(m.start(), m.end(), d.isoformat(), absolute=True)] if d else []

    def _numeric(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if a > 12 and b <= 12:
            d = valid_date(y, b, a)
        elif (b > 12 and a <= 12) or a == b:
            d = valid_date(y, a, b)
        else:
            return [TimeCandidate(m.start(), m.end(), None)]  # 03/04/2020: day or month first?
        return [TimeCandidate(m.start(), m.end(), d.isoformat(), absolute=True)] if d else []

    def _month_year(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        if not self._month_ok(ctx, m, "m", bare=False):
            return []
        month = self._month_num(m.group("m"))
        if month is None:
            return []
        return [TimeCandidate(m.start(), m.end(), f"{m.group('y')}-{month:02d}", absolute=True)]

    def _season_year(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        s = m.group("s")
        if s[0].isupper() and m.start("s") > 0 and not ctx.text[:m.start("s")].rstrip().endswith((".", "\n")):
            return []  # "Arab Spring 2011"
        code = self.lex.seasons[_low(s)]
        return [TimeCandidate(m.start(), m.end(), f"{m.group('y')}-{code}", absolute=True)]

    def _rel_year(self, ctx: Ctx, m: re.Match[str]) -> str | None:
        gd = m.groupdict()
        if gd.get("y"):
            return str(gd["y"])
        rel = gd.get("rel")
        if rel is not None:
            if ctx.anchor is None:
                return None
            return ctx.anchor.year_shift(self.lex.shift.get(_low(rel), 0))
        return None

    def _quarter(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        gd = m.groupdict()
        q = int(gd.get("q2") or 0) or self.lex.quarters.get(_low(gd.get("q") or "")) or 0
        if gd.get("q") and gd["q"].isdigit():
            q = int(gd["q"])
        if not q:
            return []
        year = self._rel_year(ctx, m)
        if year is not None:
            return [TimeCandidate(m.start(), m.end(), f"{year}-Q{q}", absolute=bool(gd.get("y")))]
        if ctx.anchor is None:
            return [TimeCandidate(m.start(), m.end(), None)]
        return [TimeCandidate(m.start(), m.end(),
                              ctx.anchor.quarter_occurrence(q, ctx.direction(m.start(), m.end())))]

    def _half(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        h = self.lex.halves[_low(m.group("h"))]
        year = self._rel_year(ctx, m)
        if year is None and ctx.anchor is not None:
            year = ctx.anchor.year_shift(0)
        value = f"{year}-H{h}" if year else None
        return [TimeCandidate(m.start(), m.end(), value, absolute=bool(m.group("y")))]

    def _decade(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        if m.group("dec"):
            value = m.group("dec")[:3]
        else:
            short = int(m.group("short"))
            ref = ctx.anchor.year if ctx.anchor else 2000
            century = ref // 100 if short <= ref % 100 else ref // 100 - 1
            value = f"{century:02d}{short // 10}"
        return [TimeCandidate(m.start(), m.end(), value, absolute=bool(m.group("dec")))]

    def _century(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        o = _low(m.group("ord"))
        n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else self.lex.ordinals.get(o, 0)
        if not 1 <= n <= 22:
            return []
        return [TimeCandidate(m.start(), m.end(), f"{n - 1:02d}", absolute=True)]

    def _year_range(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        y1 = int(m.group("y"))
        raw2 = m.group("y2")
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if len(raw2) == 2 and y2 <= y1:
            y2 += 100
        if not y1 < y2 <= y1 + 100 or not self._year_ok(ctx, m.start(), m.end(), context.previous_word(
                ctx.text, m.start())):
            return []
        return [TimeCandidate(m.start("y"), m.end("y"), str(y1), absolute=True),
                TimeCandidate(m.start("y2"), m.end("y2"), str(y2), absolute=True)]

    def _year(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        cue = context.previous_word(ctx.text, m.start())
        if m.group("pos") or _low(m.group(0)).startswith(("fiscal", "fy")):
            cue = "in"
        if not self._year_ok(ctx, m.start("y"), m.end("y"), cue):
            return []
        return [TimeCandidate(m.start(), m.end(), m.group("y"), absolute=True)]

    def _ago(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        unit = self._unit(m.group("u"))
        tail = _low(m.group("tail")).split()[-1]
        start, end = m.start(), m.end()
        if tail in ("earlier", "later", "before", "after"):
            # "two months after ..." / "three days later": anchored to another time; resolved by
            # _anchor_offsets when that time is in the text, else kept as a duration
            n = self._number(m.group("n")) if m.group("n") else None
            dur_end = m.end("u") if tail in ("before", "after") else end
            return [TimeCandidate(start, dur_end, _dur(n, unit, self.lex) if unit in self.lex.units else None,
                                  type="DURATION", rule="offset:" + tail)]
        sign = -1
        if m.group("vague"):
            return [TimeCandidate(start, end, "PAST_REF" if sign < 0 else "FUTURE_REF")]
        n = self._number(m.group("n"))
        if n is None or ctx.anchor is None or not float(n).is_integer():
            return [TimeCandidate(start, end, None)]
        return [TimeCandidate(start, end, ctx.anchor.unit_offset(unit, sign * int(n)))]

    def _rel_unit(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        rel = _low(m.group("rel"))
        unit = re.sub(r"\s+", " ", _low(m.group("u")))
        the = bool(m.group("the"))
        shift = self.lex.shift.get(rel, 0)
        start, end = m.start(), m.end()
        if rel == "past" and not the:
            return []  # "past year" without "the" is usually adjectival noise
        if unit in _CODE and (rel in self.lex.anaphoric_shifts or (the and rel == "next" and unit == "day")):
            # "the following year", "the same day", "the next day": relative to the last date written
            if not the and rel != "same":
                return []
            return [TimeCandidate(start, end, None, rule=f"anaphor:{shift}:{unit}")]
        if unit == "day":
            return []
        if (the and rel != "last" and f"the {rel}" in self.lex.duration_shift and not m.group("pos")
                and unit in self.lex.units):
            return [TimeCandidate(start, end, _dur(1, unit, self.lex), type="DURATION")]  # "the past year"
        a = ctx.anchor
        if a is None:
            return [TimeCandidate(start, end, None)]
        value: str | None
        if unit in self.lex.seasons:
            direction = "nearest" if rel in ("this", "current") else ctx.direction(start, end)
            value = a.season(self.lex.seasons[unit], self.lex.season_months, shift, direction)
        elif unit == "week":
            value = a.week(shift)
        elif unit == "weekend":
            w = a.week(shift)
            value = f"{w}-WE" if w else None
        elif unit == "month":
            value = a.month_shift(shift)
        elif unit in ("year", "fiscal year"):
            value = a.year_shift(shift)
        elif unit == "quarter":
            value = a.quarter_shift(shift)
        elif unit == "decade":
            value = a.decade_shift(shift)
        elif unit == "century":
            value = a.century_shift(shift)
        else:
            value = None
        return [TimeCandidate(start, end, value)]

    def _pos_unit(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        """``the end of the year``, ``early in the month``: the anchor's own unit (last year's end
        when a past clause early in the year speaks of "the end of the year")."""
        a = ctx.anchor
        if a is None:
            return [TimeCandidate(m.start(), m.end(), None)]
        unit = _low(m.group("u"))
        pos = self.lex.positions.get(re.sub(r"\s+", " ", _low(m.group("pos"))), "")
        shift = 0
        if pos == "END" and unit == "year" and (a.month or 12) <= 3 \
                and ctx.direction(m.start(), m.end()) == "past":
            shift = -1
        value = {"year": a.year_shift(shift), "month": a.month_shift(0), "week": a.week(0),
                 "decade": a.decade_shift(0), "century": a.century_shift(0)}.get(unit)
        return [TimeCandidate(m.start(), m.end(), value)]

    def _weekend(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        """``the weekend``: the last one in a past clause, the coming one in a future clause."""
        a = ctx.anchor
        d = a.date if a else None
        if a is None or d is None:
            return [TimeCandidate(m.start(), m.end(), None)]
        wd = d.isoweekday()  # 6, 7: the weekend is under way
        future = ctx.direction(m.start(), m.end()) == "future"
        w = a.week((1 if wd == 7 else 0) if future else (0 if wd >= 6 else -1))
        return [TimeCandidate(m.start(), m.end(), f"{w}-WE" if w else None)]

    def _month(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        if not self._month_ok(ctx, m, "m", bare=True):
            return []
        month = self._month_num(m.group("m"))
        if month is None:
            return []
        start, end = m.start(), m.end()
        if ctx.anchor is None:
            return [TimeCandidate(start, end, None)]
        rel = _low(m.group("rel") or "")
        if rel == "this":
            value: str | None = f"{ctx.anchor.year:04d}-{month:02d}"
        elif rel in ("last", "past", "previous"):
            value = ctx.anchor.month_occurrence(month, "past", strict=True)
        elif rel in ("next", "coming"):
            value = ctx.anchor.month_occurrence(month, "future", strict=True)
        elif context.previous_word(ctx.text, start) == "since":
            value = ctx.anchor.month_occurrence(month, "past")  # a state's start: the last one, whatever the tense
        else:
            direction = ctx.direction(start, end)
            value = ctx.anchor.month_occurrence(month, direction if direction in ("future", "present") else "past")
        return [TimeCandidate(start, end, value)]

    def _season(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        s = m.group("s")
        if s[0].isupper():
            return []
        nxt = context.next_word(ctx.text, m.end())
        if nxt == "of" or (_low(s) in ("fall", "spring") and not m.group("rel") and nxt in ("in", "from")):
            return []  # "the fall of Kabul", "the spring in the garden"
        if ctx.anchor is None:
            return [TimeCandidate(m.start(), m.end(), None)]
        rel = _low(m.group("rel") or "")
        shift = self.lex.shift.get(rel, 0) if rel else 0
        direction = "nearest" if rel == "this" else ctx.direction(m.start(), m.end())
        if not rel and direction == "nearest":
            direction = "past"
        value = ctx.anchor.season(self.lex.seasons[_low(s)], self.lex.season_months, shift, direction)
        return [TimeCandidate(m.start(), m.end(), value)]

    def _weekday_value(self, ctx: Ctx, wd_word: str, rel: str, start: int, end: int) -> str | None:
        if ctx.anchor is None:
            return None
        target = self.lex.weekdays[_low(wd_word)]
        if rel == "this":
            return ctx.anchor.week_day(target)
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        return ctx.anchor.weekday(target, ctx.direction(start, end), shift)

    def _weekday(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        wd = m.group("wd")
        if not _cap(wd):
            return []
        tok = ctx.token_at(m.start("wd"))
        if tok is not None and _in_name(tok):
            return []  # "The Sunday Times", "the Good Friday Agreement"
        nxt = ctx.text[m.end("wd"):m.end("wd") + 2]
        if not m.group("rel") and not m.group("part") and nxt[:1] == " " and nxt[1:2].isupper() \
                and context.previous_word(ctx.text, m.start()) not in _MONTH_CUES \
                and self._month_num(context.next_word(ctx.text, m.end("wd"))) is None:
            return []  # a name that starts with a weekday, untagged by the model
        start, end = m.start(), m.end()
        value = self._weekday_value(ctx, wd, _low(m.group("rel") or ""), start, end)
        part = m.group("part")
        if part and value:
            return [TimeCandidate(start, end, f"{value}T{self.lex.parts_of_day[_low(part)]}", type="TIME")]
        return [TimeCandidate(start, end, value)]

    def _clock_value(self, clock: str) -> str | None:
        c = clock.lower().replace(" ", "")
        if c == "noon":
            return "12:00"
        if c == "midnight":
            return "00:00"
        mm = re.match(r"(\d{1,2})(?::(\d{2}))?(a\.m\.|p\.m\.|am|pm)?", c)
        if not mm:
            return None
        h, mi, ap = int(mm.group(1)), int(mm.group(2) or 0), mm.group(3)
        if ap:
            if not 1 <= h <= 12:
                return None
            if ap.startswith("p") and h != 12:
                h += 12
            if ap.startswith("a") and h == 12:
                h = 0
        return f"{h:02d}:{mi:02d}"

    def _clock_weekday(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        if not _cap(m.group("wd")):
            return []
        day = self._weekday_value(ctx, m.group("wd"), "", m.start(), m.end())
        clock = self._clock_value(m.group("clock"))
        value = f"{day}T{clock}" if day and clock else None
        return [TimeCandidate(m.start(), m.end(), value, type="TIME")]

    def _clock(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        # a clock time alone: the day is the one the text names nearby (see _anchor_offsets) or unknown
        return [TimeCandidate(m.start(), m.end(), None, type="TIME", rule="clock:" + (self._clock_value(
            m.group("clock")) or ""))]

    def _deictic(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        w = re.sub(r"\s+", " ", _low(m.group("w")))
        start, end = m.start(), m.end()
        if ctx.anchor is None:
            return [TimeCandidate(start, end, None)]
        offset = self.lex.deictic_days.get(w, -1 if w == "last night" else 0)
        day = ctx.anchor.day_offset(offset)
        part = self.lex.deictic_parts.get(w)
        if m.group("part"):
            part = self.lex.parts_of_day[_low(m.group("part"))]
        if day and part:
            return [TimeCandidate(start, end, f"{day}T{part}", type="TIME")]
        return [TimeCandidate(start, end, day)]

    def _reference(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        w = re.sub(r"\s+", " ", _low(m.group("w")))
        return [TimeCandidate(m.start(), m.end(), self.lex.references[w])]

    def _duration(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        unit = self._unit(m.group("u"))
        if unit not in self.lex.units:
            return []
        raw_n = m.group("n")
        n = self._number(raw_n) if raw_n else None
        if raw_n and n is None:
            return []
        if raw_n and _low(raw_n) in ("a", "an", "one") and unit == "second":
            return []  # "a second attempt"
        after = ctx.text[m.end():m.end() + 5].lower()
        if after.startswith(("-old", " old", "s old", "s-old")) or context.previous_word(ctx.text, m.start()) in (
                "age", "ages", "aged"):
            return []  # an age ("22-year-old", "children ages 6 months and older"), not a time
        if n is not None and (m.group("half") or m.group("half2")):
            n += 0.5
        start, end = m.start(), m.end()
        if m.group("approx") and _low(m.group("approx")) in ("the first", "the final", "the last", "another",
                                                              "only", "just", "under", "over", "some"):
            start = m.start("shift") if m.group("shift") else m.start("n") if raw_n else m.start("vague")
        if m.group("poss") and not m.group(0).lower().endswith("s'"):
            end -= 1
        value = _dur(n, unit, self.lex)
        return [TimeCandidate(start, end, value, type="DURATION")]

    def _num_range(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        """``12 to 18 months``: two durations, the first taking the unit of the second."""
        unit = self._unit(m.group("u"))
        n1, n2 = self._number(m.group("n")), self._number(m.group("n2"))
        if unit not in self.lex.units or n1 is None or n2 is None or _low(m.group("n")) in ("a", "an"):
            return []
        return [TimeCandidate(m.start("n"), m.end("n"), _dur(n1, unit, self.lex), type="DURATION"),
                TimeCandidate(m.start("n2"), m.end(), _dur(n2, unit, self.lex), type="DURATION")]

    def _set(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        if m.group("w"):
            return [TimeCandidate(m.start(), m.end(), self.lex.sets[_low(m.group("w"))], type="SET")]
        u = _low(m.group("u") or m.group("u2") or "")
        if u in self.lex.units:
            value = _dur(1, u, self.lex)
        elif u in self.lex.weekdays:
            value = f"XXXX-WXX-{self.lex.weekdays[u]}"
        elif u in self.lex.parts_of_day:
            value = f"XXXX-XX-XXT{self.lex.parts_of_day[u]}"
        elif u in self.lex.seasons:
            value = f"XXXX-{self.lex.seasons[u]}"
        else:
            return []
        return [TimeCandidate(m.start(), m.end(), value, type="SET")]

    def _bare_units(self, m: re.Match[str], ctx: Ctx) -> list[TimeCandidate]:
        unit = self._unit(m.group("u"))
        prev = context.previous_word(ctx.text, m.start())
        nxt = context.next_word(ctx.text, m.end())
        if prev in self.lex.bare_unit_cues or nxt in ("ago", "later", "earlier", "of", "to", "before", "after"):
            if nxt == "ago":
                return [TimeCandidate(m.start(), m.end(), "PAST_REF")]
            if unit not in self.lex.units:
                return []
            return [TimeCandidate(m.start(), m.end(), _dur(None, unit, self.lex), type="DURATION")]
        return []

    # -- anchored offsets and clock times ------------------------------------------------------
    @staticmethod
    def _resolve_anaphor(cands: list[TimeCandidate], i: int, reach: int = 600) -> None:
        """``the following year`` / ``the same day``: shift the last date written before it."""
        c = cands[i]
        _, shift_s, unit = c.rule.split(":", 2)
        need = _PRECISION.get(unit, 9)
        ref = next((o for o in reversed(cands[:i]) if o.type == "DATE" and _precision(o.value) >= need
                    and c.start - o.end < reach), None)
        if ref is None or ref.value is None or unit not in _CODE:
            return
        value = ref.value
        base = {1: value[:4], 2: value[:7], 3: value[:10]}[need if unit != "week" else 3]
        shifted = _shift_value(base, _CODE[unit], int(shift_s)) if int(shift_s) else base
        if unit == "week" and shifted:
            from datetime import date

            y, w, _ = date.fromisoformat(shifted).isocalendar()
            shifted = f"{y}-W{w:02d}"
        c.value = shifted

    def _anchor_offsets(self, text: str, cands: list[TimeCandidate], anchor: Anchor | None,
                        doc: Doc | None = None) -> None:
        """Give ``N units after <date>`` and clock times their dates from the text around them."""
        for i, c in enumerate(cands):
            if c.rule.startswith("clock:"):
                clock = c.rule.split(":", 1)[1]
                day = self._clock_day(cands, i, text, anchor, doc) if clock else None
                if clock and day:
                    c.value = f"{day}T{clock}"
                continue
            if c.rule.startswith("anaphor:"):
                self._resolve_anaphor(cands, i)
                continue
            if not c.rule.startswith("offset:") or c.value is None:
                continue
            tail = c.rule.split(":", 1)[1]
            mm = re.fullmatch(r"P(\d+)([DWMY])", c.value)
            if not mm:
                continue
            n, code = int(mm.group(1)), mm.group(2)
            ref: TimeCandidate | None = None
            if tail in ("after", "before") and i + 1 < len(cands):
                nxt = cands[i + 1]
                gap = text[c.end:nxt.start]
                if re.fullmatch(r"\s+(?:after|before)\s+(?:the\s+)?", gap, re.IGNORECASE):
                    ref = nxt
            elif tail in ("later", "earlier"):
                ref = next((o for o in reversed(cands[:i]) if o.type == "DATE" and o.value
                            and re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", o.value) and c.start - o.end < 400), None)
            if ref is None or ref.value is None:
                continue
            sign = -1 if tail in ("before", "earlier") else 1
            shifted = _shift_value(ref.value, code, sign * n)
            if not shifted:
                continue
            c.value, c.type = shifted, "DATE"
            if tail in ("after", "before"):
                c.end = ref.end
                ref.rule = "merged"
        cands[:] = [c for c in cands if c.rule != "merged"]


    def _clock_day(self, cands: list[TimeCandidate], i: int, text: str, anchor: Anchor | None,
                   doc: Doc | None) -> str | None:
        """The day of a clock time: the nearest day its sentence writes; else, when the sentence
        writes no other time and a preposition leads the clock ("landed at 6am", "left about
        4:30 a.m."), the anchor's day (TempEval: the reference date + THH:MM); else unknown."""
        c = cands[i]
        lo, hi = _sentence_bounds(text, c, doc)
        day = _nearest_day(cands, i, lo, hi)
        if day is not None or anchor is None:
            return day
        if any(o is not c and o.type in ("DATE", "TIME", "SET") and not o.rule.startswith("clock:")
               and lo <= o.start and o.end <= hi for o in cands):
            return None  # "6:30 a.m. the following morning", "daily at 6am": not the anchor's day
        if context.previous_word(text, c.start) not in self.lex.clock_cues:
            return None  # "the midnight-to-8 a.m. shift", a bare time in a page's furniture
        return anchor.day_offset(0)


_PRECISION = {"day": 3, "week": 3, "month": 2, "year": 1, "quarter": 2, "decade": 1, "century": 1}
_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _precision(value: str | None) -> int:
    if value is None or not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", value):
        return 0
    return 1 + value.count("-")


def _sentence_bounds(text: str, c: TimeCandidate, doc: Doc | None) -> tuple[int, int]:
    """The character range of the sentence (and line) that holds ``c``: the parser's sentence
    when there is one ("10:30 p.m. Aug. 9" is one sentence), else up to ". " or a line break."""
    lo = text.rfind("\n", 0, c.start)
    nl = text.find("\n", c.end)
    hi = nl if nl >= 0 else len(text)
    tok = context.token_at(doc, c.start) if doc is not None and doc.has_annotation("SENT_START") else None
    if tok is not None:
        sent = tok.sent
        return max(lo, sent.start_char), min(hi, sent.end_char)
    dot = text.find(". ", c.end)
    return max(lo, text.rfind(". ", 0, c.start)), min(hi, dot) if dot >= 0 else hi


def _nearest_day(cands: list[TimeCandidate], i: int, lo: int, hi: int) -> str | None:
    """A day-precision value written in ``[lo, hi)`` (``cands[i]``'s sentence), nearest first."""
    c = cands[i]
    best: tuple[int, str] | None = None
    for o in cands:
        if o is c or o.value is None or not re.match(r"\d{4}-\d{2}-\d{2}(?!\d)", o.value):
            continue
        if lo <= o.start and o.end <= hi:
            dist = abs(o.start - c.start)
            if best is None or dist < best[0]:
                best = (dist, o.value[:10])
    return best[1] if best else None


def _shift_value(value: str, code: str, n: int) -> str | None:
    """Shift a date value by ``n`` units ``code`` (D/W/M/Y), keeping the coarser of the two precisions."""
    from datetime import date, timedelta

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = date.fromisoformat(value)
        if code == "D":
            return (d + timedelta(days=n)).isoformat()
        if code == "W":
            return (d + timedelta(weeks=n)).isoformat()
        if code == "M":
            idx = d.year * 12 + d.month - 1 + n
            return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
        return f"{d.year + n:04d}"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, mo = int(value[:4]), int(value[5:])
        if code == "M":
            idx = y * 12 + mo - 1 + n
            return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
        if code == "Y":
            return f"{y + n:04d}-{mo:02d}"
        return None
    if re.fullmatch(r"\d{4}", value) and code == "Y":
        return f"{int(value) + n:04d}"
    return None
