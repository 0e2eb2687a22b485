"""The words around a number: the qualifier before it ("more than", "up to") and what makes it no
amount at all (years, dates, clock times, ranks, ages, numbers in names, scores, vague
alternatives, quoted slogans).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dyad.amounts.lexicon import AmountLexicon
from dyad.amounts.numbers import NumberMatch

_NAME_ENTS = frozenset({"LAW", "PRODUCT", "ORG", "WORK_OF_ART", "FAC", "EVENT"})
OPEN_QUOTES = frozenset({"\u201c", "\u2018", '"', "'"})
CLOSE_QUOTES = frozenset({"\u201d", "\u2019", '"', "'"})


def glued(doc: Doc, a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` touch (no space between them)."""
    return doc[a].idx + len(doc[a].text) == doc[b].idx


def not_an_amount(doc: Doc, m: NumberMatch, lex: AmountLexicon, sent: Span) -> bool:
    """Years, dates, clock times, ranks, ages, names ("Su-35", "Resolution 2231"), scores, vague
    alternatives ("a year or two") and numbers in quoted slogans are no amounts."""
    tok = doc[m.number]
    if ":" in tok.text:
        return True
    after = doc[m.end] if m.end < len(doc) else None
    before = doc[m.start - 1] if m.start > 0 else None
    if after is not None and after.lower_ in lex.clock_words:
        return True
    if after is not None and after.tag_ in ("JJS", "RBS"):
        return True  # "the world's two largest economies" ranks, it does not count
    if before is not None and before.lower_ in ("aged", "age"):
        return True
    if before is not None and before.text == "-" and m.start >= 2 and glued(doc, m.start - 1, m.start) \
            and doc[m.start - 2].is_alpha and glued(doc, m.start - 2, m.start - 1):
        return True  # Su-35, Hwasong-18
    if after is not None and after.text == "-" and glued(doc, m.end - 1, m.end) and not (m.percent or m.currency) \
            and (m.words or hyphen_count(doc, m.end, lex) is None):
        return True  # a 10-day visit, 35-year-old (but "an 800-strong contingent" counts)
    if before is not None and before.text in ("-", "\u2013") and m.start >= 2 and glued(doc, m.start - 1, m.start) \
            and glued(doc, m.start - 2, m.start - 1) and _digits(doc[m.start - 2].text) >= m.value:
        return True  # the second number of a score or ratio: "a 4-1 win" (not a range: "$40-50 billion")
    if tok.ent_type_ in _NAME_ENTS and not (m.currency or m.percent):
        return True
    if before is not None and not m.currency and (
            (before.pos_ == "PROPN" and before.is_title and tok.head.i < tok.i)
            or (before.pos_ in ("NOUN", "PROPN") and tok.head.i == before.i)):
        return True  # Resolution 2231, Article 5, article 5 of the treaty
    near = {t.lower_.rstrip(".") for t in doc[max(0, m.start - 2):min(len(doc), m.end + 1)]}
    if near & lex.date_words and not m.currency and not m.percent:
        return True
    if (_vague_alternative(doc, m.start) and not (m.currency or m.percent or m.scaled) and m.value <= 10) or _in_quoted_name(doc, m, sent):
        return True
    if not (m.words or m.scaled or m.currency or m.percent) and float(m.value).is_integer() \
            and lex.year_min <= m.value <= lex.year_max and "," not in m.digits_text:
        # a year, unless a qualifier makes it a count ("about 2000 troops")
        return find_qualifier(doc, m.start, lex)[1] is None
    if m.words and tok.is_title and tok.i != sent.start:
        return True  # the Three Amigos, the Big Four
    return m.words and tok.lower_ in lex.weak_number_words and not (m.scaled or m.currency or m.percent)


def _digits(text: str) -> float:
    """The value of a plain digit token, -1 when it is none."""
    plain = text.replace(",", "")
    return float(plain) if plain.replace(".", "", 1).isdigit() else -1.0


def hyphen_count(doc: Doc, i: int, lex: AmountLexicon) -> int | None:
    """"an 800-strong contingent", "a 27-nation bloc": where the counted phrase starts after the
    hyphen at ``i`` ("strong" itself counts nothing), or None."""
    if i + 1 >= len(doc) or doc[i].text != "-" or not glued(doc, i, i + 1):
        return None
    word = doc[i + 1].lower_
    if word not in lex.hyphen_counts:
        return None
    return i + 2 if lex.hyphen_counts[word] == "" else i + 1


def _vague_alternative(doc: Doc, start: int) -> bool:
    """"a year or two", "a ship or two": a vague figure, not a count."""
    if start < 3 or doc[start - 1].lower_ != "or":
        return False
    noun = doc[start - 2]
    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and doc[start - 3].lower_ in ("a", "an")


def find_qualifier(doc: Doc, start: int, lex: AmountLexicon) -> tuple[int, str | None]:
    words = [t.lower_ for t in doc[max(0, start - 4):start]]
    # only the qualifiers ending in the word before the number can end there
    for seq, canon in lex.qualifier_index.get(words[-1], ()) if words else lex.qualifiers:
        if len(seq) <= len(words) and tuple(words[-len(seq):]) == seq:
            if seq[-1] in lex.prepositional_qualifiers and doc[start - 1].dep_ == "prep":
                return start, None  # "testifying over three days": a preposition, not "more than"
            return start - len(seq), canon
    return start, None


def _in_quoted_name(doc: Doc, m: NumberMatch, sent: Span, width: int = 6) -> bool:
    """"the “one country, two systems” formula": a number inside a short quoted phrase with no
    verb is part of a name or slogan, not a count."""
    left = next((k for k in range(m.start - 1, max(sent.start, m.start - width) - 1, -1)
                 if doc[k].text in OPEN_QUOTES or doc[k].text in CLOSE_QUOTES), None)
    if left is None or doc[left].text not in OPEN_QUOTES:
        return False
    right = next((k for k in range(m.end, min(sent.end, m.end + width))
                  if doc[k].text in CLOSE_QUOTES or doc[k].text in OPEN_QUOTES), None)
    if right is None or doc[right].text not in CLOSE_QUOTES:
        return False
    if doc[right - 1].is_punct:
        return False  # “After two more years of this,” he asks: a quoted sentence, not a name
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[left + 1:right])
