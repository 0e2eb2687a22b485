"""Numbers in text: digits ("10,000", "2.5", "3bn"), words ("six", "twenty-five", "a dozen"),
scales ("$245 billion"), currencies and percentages, read from a token position.

``read_number(doc, i, lex)`` returns the ``NumberMatch`` starting at token ``i`` or ``None``;
``number_starts(doc, lex)`` the tokens worth trying, found cheaply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.tokens import Doc

from dyad.amounts.lexicon import AmountLexicon, SeqIndex

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")


@dataclass
class NumberMatch:
    start: int
    """First token (a currency symbol, when there is one)."""
    end: int
    """Token after the last one."""
    value: float
    number: int = -1
    """The token holding the (first) digits or number word."""
    currency: str | None = None
    percent: bool = False
    words: bool = False
    """Spelled out ("six") rather than written in digits."""
    scaled: bool = False
    digits_text: str = ""


def _digit_value(text: str) -> float | None:
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    return None


def match_seq(doc: Doc, i: int, index: SeqIndex) -> int:
    """Length (in tokens) of the first word sequence of ``index`` (``lexicon.index_seqs``: longest
    first) starting at token ``i``."""
    if i >= len(doc):
        return 0
    seqs = index.get(doc[i].lower_)
    if not seqs:
        return 0
    for seq in seqs:
        if i + len(seq) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(seq) if k):
            return len(seq)
    return 0


_START, _ARTICLE, _SCALE = 1, 2, 4
_MAX_KINDS = 500_000


def _kind(low: str, lex: AmountLexicon) -> int:
    """What a lower-case word can be at a number's start: bits _START, _ARTICLE, _SCALE."""
    return ((_START if low[:1].isdigit() or low in lex.number_starts else 0)
            | (_ARTICLE if low in ("a", "an") else 0) | (_SCALE if low in lex.scales else 0))


def number_starts(doc: Doc, lex: AmountLexicon) -> list[int]:
    """The tokens ``read_number`` may find a number at, found cheaply (no Token objects; a word's
    kind is worked out once per process, ``lex.word_kinds``): a number starts with a digit, a
    currency symbol, "US", a number word, or "a"/"an" before a scale; ``read_number`` finds none
    anywhere else."""
    words: list[int] = doc.to_array(LOWER).tolist()
    kinds = lex.word_kinds
    new = set(words).difference(kinds)
    if new:
        if len(kinds) + len(new) > _MAX_KINDS:
            kinds.clear()
            new = set(words)
        strings = doc.vocab.strings
        for w in new:
            kinds[w] = _kind(strings[w], lex)
    n = len(words)
    return [i for i, w in enumerate(words) if (k := kinds[w]) & _START
            or (k & _ARTICLE and i + 1 < n and kinds[words[i + 1]] & _SCALE)]


def read_number(doc: Doc, i: int, lex: AmountLexicon) -> NumberMatch | None:
    start = i
    currency = lex.currency_symbols.get(doc[i].lower_)
    if currency is None and doc[i].lower_ in ("us", "u.s.") and i + 1 < len(doc) and doc[i + 1].text == "$":
        currency = "USD"  # "US $50 million": the country word belongs to the currency
        i += 1
    if currency is not None:
        i += 1
        if i >= len(doc):
            return None
    tok = doc[i]
    low = tok.lower_
    value: float | None = _digit_value(tok.text)
    words = False
    scaled = False
    if value is None:
        m = _SUFFIXED.match(low)
        if m and m.group(2) in lex.suffix_scales and (currency or m.group(2) != "k"):
            value = float(m.group(1)) * lex.suffix_scales[m.group(2)]
            scaled = True
        elif low in lex.number_words:
            value = lex.number_words[low]
            words = True
        elif low in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in lex.scales:
            value = 1.0
            words = True
        else:
            return None
    end = i + 1
    if not words and not scaled and end < len(doc) and doc[end].lower_ in lex.suffix_scales \
            and doc[end].idx == tok.idx + len(tok.text) and (currency or doc[end].lower_ != "k"):
        value *= lex.suffix_scales[doc[end].lower_]  # "1m shells", "$3bn" split by the tokenizer
        scaled = True
        end += 1
    total, current = 0.0, value
    while end < len(doc):
        nxt = doc[end].lower_
        if words and nxt in lex.number_words and lex.number_words[nxt] < 10 and current >= 20 \
                and current % 10 == 0 and current < 100:
            current += lex.number_words[nxt]
        elif words and nxt == "-" and end + 1 < len(doc) and doc[end + 1].lower_ in lex.number_words \
                and doc[end].idx == doc[end - 1].idx + len(doc[end - 1].text):
            current += lex.number_words[doc[end + 1].lower_]
            end += 1
        elif nxt in lex.scales:
            scale = lex.scales[nxt]
            if scale < 1000:
                current *= scale
            else:
                total += current * scale
                current = 0.0
            scaled = True
        else:
            break
        end += 1
    value = total + current
    match = NumberMatch(start=start, end=end, value=value, number=i, currency=currency, words=words,
                        scaled=scaled, digits_text=tok.text)
    if end < len(doc):
        n = match_seq(doc, end, lex.percent_index)
        if n:
            match.percent = True
            match.end = end + n
        elif currency is None and doc[end].lower_ in lex.currency_words:
            match.currency = lex.currency_words[doc[end].lower_]
            match.end = end + 1
    return match
