"""Find the amounts of a parsed ``Doc``: a number, what it counts, its unit, qualifier, rate and
who claims it.

Not amounts (see also ``context``): bare numbers that count nothing, and cardinals of definite
phrases before a party noun ("the two countries"), which refer rather than count.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dyad.amounts.claims import SentenceCues, claimed_by
from dyad.amounts.context import CLOSE_QUOTES, OPEN_QUOTES, find_qualifier, glued, hyphen_count, not_an_amount
from dyad.amounts.lexicon import AmountLexicon
from dyad.amounts.numbers import NumberMatch, match_seq, number_starts, read_number
from dyad.amounts.objects import modified_noun, people_affected, phrase_root, predicate_object
from dyad.pipeline.extensions import doc_text
from dyad.pipeline.lookup import actor_at
from dyad.quotes.lexicon import QuoteLexicon
from dyad.records import Amount

_DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her",
                       "our", "my", "your", "both", "each", "every", "all"})
_RUN_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_SMALL = 100


@dataclass
class _Memo:
    """What one doc's figures share: each token's sentence, each sentence's claim cues."""
    sents: list[Span]
    cues: dict[int, SentenceCues] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> _Memo:
        sents: list[Span] = []
        for sent in doc.sents:
            sents.extend([sent] * len(sent))
        return cls(sents)


def _coordinated_modifiers(doc: Doc, j: int, last_noun: int, limit: int) -> bool:
    """"national security and diplomatic officials": a conjunction at ``j`` joins modifiers of one
    plural noun still to come, not two counted things ("tanks and armoured vehicles")."""
    prev = doc[j - 1]
    if doc[j].lower_ not in ("and", "or", "&") or not (prev.pos_ == "ADJ" or (prev.pos_ == "NOUN" and prev.tag_ == "NN" and last_noun == j - 1)):
        return False
    k = j + 1
    while k < limit and (doc[k].pos_ in ("ADJ", "NOUN") or doc[k].tag_ == "VBN"):
        k += 1
    return k > j + 1 and doc[k - 1].tag_ == "NNS" and doc[k - 1].dep_ not in ("nsubj", "nsubjpass")


def _time_phrase(doc: Doc, j: int) -> bool:
    """The date or time entity starting at ``j`` has a noun of its own ("last week"; "annual" has not)."""
    k = j
    while k < len(doc) and doc[k].ent_type_ == doc[j].ent_type_ and (k == j or doc[k].ent_iob_ == "I"):
        if doc[k].pos_ in ("NOUN", "PROPN"):
            return True
        k += 1
    return False


def _noun_run(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """The counted noun phrase starting at ``i``: (first, last) token of its object words."""
    j, last_noun, cut = i, -1, i
    while j < min(len(doc), limit):
        t = doc[j]
        if t.ent_type_ in ("DATE", "TIME") and t.ent_iob_ == "B" and _time_phrase(doc, j):
            break  # "$9,000 on lawyers last year", "it rose to 5 last week" (not "annual purchases")
        if t.pos_ in _RUN_POS or (t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "compound")):
            if t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.ent_type_ == "NORP" and t.tag_ == "NNPS"):
                last_noun = j  # "600,000 Israelis"
            elif last_noun < 0 and t.pos_ != "ADJ":
                cut = j + 1
        elif t.text == "-" and j > i and glued(doc, j - 1, j) and j + 1 < len(doc) and glued(doc, j, j + 1):
            if last_noun < 0:
                cut = j + 1
        elif t.pos_ == "CCONJ" and last_noun < 0 and j > i and doc[j - 1].pos_ == "ADJ" \
                and j + 1 < len(doc) and doc[j + 1].pos_ == "ADJ":
            pass  # "13,000 false or misleading claims"
        elif t.pos_ == "CCONJ" and j > i and _coordinated_modifiers(doc, j, last_noun, min(len(doc), limit)):
            pass  # "four national security and diplomatic officials"
        else:
            break
        j += 1
    if last_noun < 0:
        return None
    first = cut if cut <= last_noun else last_noun
    while first < last_noun and doc[first].pos_ not in ("NOUN", "ADJ") and doc[first].tag_ not in ("VBG",):
        first += 1
    return first, last_noun


def _of_object(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """"of [the|its] X" right after a unit or number: the object X."""
    if i < len(doc) and doc[i].lower_ == "of":
        j = i + 1
        while j < len(doc) and doc[j].pos_ in ("DET", "PRON") and doc[j].dep_ in ("det", "poss"):
            j += 1
        return _noun_run(doc, j, limit)
    return None


_TIME_SHIFTS = frozenset({"earlier", "later", "ago", "before", "after", "on", "since"})


def _rate(doc: Doc, qstart: int, end: int, lex: AmountLexicon, inner: int | None = None) -> str | None:
    """The period a figure is per: "a month" / "monthly" after it, "annual" inside its object from
    ``inner`` on ("$40 billion in annual purchases"), or "of" a monthly thing before it."""
    for k in range(inner if inner is not None else end, end):
        if doc[k].lower_ in lex.rate_adjectives and doc[k].pos_ == "ADJ":
            return lex.rate_adjectives[doc[k].lower_]
    for k in range(end, min(len(doc), end + 3)):
        low = doc[k].lower_
        if low in lex.rate_adjectives and doc[k].pos_ in ("ADV", "ADJ"):
            return lex.rate_adjectives[low]
        if low in lex.rate_markers and k + 1 < len(doc) and doc[k + 1].lower_ in lex.rate_nouns \
                and not (k + 2 < len(doc) and doc[k + 2].lower_ in _TIME_SHIFTS):
            return lex.rate_nouns[doc[k + 1].lower_]
        if doc[k].is_punct or low in ("of", "and") or doc[k].pos_ == "ADP":
            break  # "lost 14 followers in a week" is no rate
    if qstart > 0 and doc[qstart - 1].lower_ == "of":
        k = qstart - 2
        while k >= 0 and doc[k].pos_ in ("ADJ", "NOUN", "DET", "ADV"):
            if doc[k].lower_ in lex.rate_adjectives:
                return lex.rate_adjectives[doc[k].lower_]
            k -= 1
    return None


def extract_amounts(doc: Doc, lex: AmountLexicon, qlex: QuoteLexicon) -> list[Amount]:
    if not doc_text(doc).strip() or not doc.has_annotation("DEP"):
        return []
    out: list[Amount] = []
    memo = _Memo.of(doc)
    i = 0
    for start in number_starts(doc, lex):
        if start < i:
            continue  # inside the figure read before
        m = read_number(doc, start, lex)
        if m is None:
            continue
        i = m.end
        high_m = _range_end(doc, m, lex)
        if high_m is not None and not not_an_amount(doc, high_m, lex, memo.sents[high_m.start]):
            high = _describe(doc, high_m, lex, qlex, memo)
            if high is not None:
                out.extend(_range(doc, m, high_m, high, lex))
                i = high_m.end
                continue
        if not_an_amount(doc, m, lex, memo.sents[m.start]):
            continue
        amount = _describe(doc, m, lex, qlex, memo)
        if amount is not None:
            out.append(amount)
    return out


def _describe(doc: Doc, m: NumberMatch, lex: AmountLexicon, qlex: QuoteLexicon,
              memo: _Memo) -> Amount | None:
    sent = memo.sents[m.start]
    sent_end = sent.end
    unit: str | None = None
    obj: tuple[int, int] | None = None
    label: str | None = None
    end = m.end
    root = phrase_root(doc, m.start, m.end)
    if m.percent or m.currency:
        unit = "percent" if m.percent else m.currency
        obj = _figure_object(doc, m, root, lex, sent_end)
    else:
        k = match_seq(doc, end, lex.unit_index)
        if k:
            unit = " ".join(t.text for t in doc[end:end + k])
            end += k
            if unit.lower() in lex.time_units and end < len(doc) and doc[end].lower_ == "old":
                return None  # an age: "73 years old"
            obj = _of_object(doc, end, sent_end)
        if unit is None:
            counted = None if m.words else hyphen_count(doc, end, lex)
            obj = _noun_run(doc, counted, sent_end) if counted is not None else (
                _noun_run(doc, end, sent_end) or _plural_of_object(doc, end, sent_end))
            if obj is None:
                label = _bare_count_label(doc, root, lex)
                if label is None:
                    return None
            elif doc[obj[1]].lemma_.lower() in lex.not_counted or (
                    m.value < _SMALL and _is_definite(doc, m) and _refers(doc, obj, lex)):
                return None
            else:
                obj = _with_of_phrase(doc, obj, sent_end)
    qstart, qualifier = find_qualifier(doc, m.start, lex)
    last = max(end - 1, m.end - 1)
    if obj is not None and obj[0] >= m.end:
        last = obj[1]
        if last + 1 < len(doc) and doc[last + 1].text in CLOSE_QUOTES \
                and any(t.text in OPEN_QUOTES for t in doc[m.end:obj[0]]):
            last += 1  # close the quote the object opened in: in “synergies”
    start_char = doc[qstart].idx
    end_char = doc[last].idx + len(doc[last].text)
    number_tok = doc[m.number]
    if obj is not None:
        label = doc[obj[0]:obj[1] + 1].text
    return Amount(
        start=start_char, end=end_char, text=doc_text(doc)[start_char:end_char], value=m.value,
        unit=unit, object=label, qualifier=qualifier,
        per=_rate(doc, qstart, last + 1, lex, m.end if m.currency or m.percent else None), claimed_by=claimed_by(doc, number_tok, sent, qlex, lex, memo.cues),
    )


def _bare_count_label(doc: Doc, root: Token, lex: AmountLexicon) -> str | None:
    """A number with no noun after it: people harmed ("200 have been killed"), or the quantity a
    verb sets ("the population is estimated at 40,000")."""
    label = people_affected(root, lex)
    if label is None:
        pred = predicate_object(root, lex, bare=True)
        if pred is not None and pred[1] < root.i:
            pred = _with_of_phrase(doc, pred, root.i)  # "the number of troops rose to 5,000"
        label = doc[pred[0]:pred[1] + 1].text if pred is not None else None
    return label


def _figure_object(doc: Doc, m: NumberMatch, root: Token, lex: AmountLexicon,
                   sent_end: int) -> tuple[int, int] | None:
    """What a percentage or sum is of: "15 percent of the vote", "$20 billion in farm products",
    "$125 billion worth of goods", "a 15 percent tariff", "raised tariffs to 25 percent"."""
    end = m.end
    obj: tuple[int, int] | None = None
    preps = ("of",) if m.percent else ("in", "of", "worth", "for") + (("on",) if root.dep_ in ("dobj", "conj") else ())
    if end < len(doc) and doc[end].lower_ in preps:  # "on" only after a verb: "spent $9,000 on lawyers"
        j = end + 1 + (1 if end + 1 < len(doc) and doc[end + 1].lower_ == "of" else 0)
        if doc[end].lower_ == "for" and j < len(doc) and doc[j].dep_ in ("det", "poss") and doc[j].head.i > j:
            j += 1  # "$245 billion for the war effort"
        if j < len(doc) and doc[j].text in OPEN_QUOTES and doc[end].lower_ != "of":
            j += 1  # "$300 million in “synergies”"
        if doc[end].lower_ == "of":
            obj = _of_object(doc, end, sent_end)
        elif j < len(doc) and doc[j].pos_ in ("NOUN", "ADJ"):
            obj = _noun_run(doc, j, sent_end)
            if obj is not None and doc[obj[1]].ent_type_ in ("DATE", "TIME"):
                obj = None  # "$5 billion on Monday", "$2 million in recent weeks"
            elif obj is not None:
                obj = _with_of_phrase(doc, obj, sent_end)  # "$40 billion in purchases of farm goods"
    if obj is None:
        noun = modified_noun(doc, root, end, sent_end)
        if noun is not None:
            obj = _with_of_phrase(doc, (end, noun), sent_end)
    if obj is None:
        obj = predicate_object(root, lex, bare=False)
        if obj is not None and obj[1] < m.start:
            obj = _with_of_phrase(doc, obj, m.start)  # "the purchase of the paper for $500 million"
    return obj


def _plural_of_object(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """"three of its commanders", "25 of 30 drones": counts only plural things ("two of
    international fury" does not)."""
    obj = _of_object(doc, i, limit)
    if obj is None and i < len(doc) and doc[i].lower_ == "of":
        j = i + 1 + (1 if i + 1 < len(doc) and doc[i + 1].dep_ == "det" else 0)
        if j + 1 < len(doc) and doc[j].tag_ == "CD" and doc[j].text[:1].isdigit():
            obj = _noun_run(doc, j + 1, limit)  # "five of the 12 ministers"
    return obj if obj is not None and doc[obj[1]].tag_ in ("NNS", "NNPS") else None


def _with_of_phrase(doc: Doc, obj: tuple[int, int], limit: int) -> tuple[int, int]:
    """Extend a counted noun by its "of" phrase: "four members of the security forces",
    "a $250 billion list of consumer goods"."""
    tail = _of_object(doc, obj[1] + 1, limit)
    if tail is None or doc[obj[1]].lemma_.lower() in ("time", "way"):
        return obj
    return obj[0], tail[1]


def _refers(doc: Doc, obj: tuple[int, int], lex: AmountLexicon) -> bool:
    """"the two countries", "its three allies": a definite number before a party noun (or an actor
    mention) refers to known parties; "the four attempts" still counts attempts."""
    head = doc[obj[1]]
    return head.lower_ in lex.referring_nouns or head.lemma_.lower() in lex.referring_nouns \
        or head.pos_ == "PROPN" or actor_at(head) is not None


def _is_definite(doc: Doc, m: NumberMatch) -> bool:
    """"the two countries", "its three ships": the number refers, it does not count."""
    k = m.start - 1
    while k >= 0 and doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and doc[k].lower_ in _DEFINITE


_RANGE_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _range_end(doc: Doc, m: NumberMatch, lex: AmountLexicon) -> NumberMatch | None:
    """The upper number of a range starting with ``m``: "$40-50 billion", "40 to 80 percent",
    "between 10,000 and 12,000 troops". "from X to Y" is a change, not a range."""
    j = m.end
    if j + 1 >= len(doc):
        return None
    word = doc[j].lower_
    before = doc[m.start - 1].lower_ if m.start > 0 else ""
    if word in _RANGE_DASHES:
        if word == "-" and not (glued(doc, j - 1, j) and glued(doc, j, j + 1)):
            return None
    elif word == "to":
        if before == "from":
            return None
    elif not (word == "and" and before == "between"):
        return None
    high = read_number(doc, j + 1, lex)
    if high is None or (m.percent and not high.percent):
        return None
    if m.currency is not None and high.currency is None and high.start == high.number:
        high.currency = m.currency  # "$40-50 billion": the symbol applies to both ends
    if m.currency is not None and m.currency != high.currency:
        return None
    if high.value <= m.value and not (high.scaled and not m.scaled):
        return None  # "2-1", "10 to 5": not a range
    return high


def _range(doc: Doc, low_m: NumberMatch, high_m: NumberMatch, high: Amount,
           lex: AmountLexicon) -> list[Amount]:
    """Both ends of a range, each a full amount: the low end spans the whole range phrase."""
    low_value = low_m.value
    digits = doc[high_m.number].text.replace(",", "")
    if not low_m.scaled and high_m.scaled and not high_m.words and digits.replace(".", "", 1).isdigit() \
            and float(digits) > 0:
        low_value *= high_m.value / float(digits)  # "$40-50 billion": the scale applies to both ends
    first = low_m.start - 1 if low_m.start > 0 and doc[low_m.start - 1].lower_ == "between" else low_m.start
    qstart, qualifier = find_qualifier(doc, first, lex)
    start = doc[qstart].idx
    low = replace(high, start=start, text=doc_text(doc)[start:high.end], value=low_value,
                  qualifier=qualifier or "at least")
    return [low, replace(high, qualifier=high.qualifier or "up to")]
