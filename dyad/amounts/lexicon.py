"""The amount lexicon (``dyad/data/amounts/lexicon.json``): number words, scales, units, currencies,
qualifiers and rate words, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from dyad.datafiles import packaged_json
from dyad.errors import DyadError, Errors

LEXICON_FILE = "amounts/lexicon.json"


SeqIndex = dict[str, tuple[tuple[str, ...], ...]]
"""Word sequences by their first word, each list in the order of the sequences it was made of."""


def index_seqs(seqs: tuple[tuple[str, ...], ...]) -> SeqIndex:
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        if seq:
            out.setdefault(seq[0], []).append(seq)
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class AmountLexicon:
    number_words: dict[str, float]
    weak_number_words: frozenset[str]
    """Number words that are amounts only with a scale, unit or currency ("one" is mostly a pronoun)."""
    scales: dict[str, float]
    suffix_scales: dict[str, float]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    units: tuple[tuple[str, ...], ...]
    """Measure units as word sequences, longest first."""
    time_units: frozenset[str]
    percent_words: tuple[tuple[str, ...], ...]
    qualifiers: tuple[tuple[tuple[str, ...], str | None], ...]
    """(words, canonical qualifier), longest first."""
    rate_adjectives: dict[str, str]
    rate_nouns: dict[str, str]
    rate_markers: frozenset[str]
    date_words: frozenset[str]
    clock_words: frozenset[str]
    year_min: int
    year_max: int
    not_counted: frozenset[str]
    """Head nouns that follow a number without being counted ("three times")."""
    prepositional_qualifiers: frozenset[str]
    """Qualifier words that are also prepositions ("over three days"): qualifiers only as quantmod."""
    setting_verbs: frozenset[str]
    """Verbs that set a thing at a figure ("raise tariffs to 25 percent", "estimated at 40,000")."""
    measure_verbs: frozenset[str]
    """Verbs whose subject the figure they take as object measures ("exports topped $5 billion")."""
    trade_verbs: frozenset[str]
    """Verbs whose object a sum "for" pays ("sold the paper for $500 million")."""
    hyphen_counts: dict[str, str]
    """Words after "N-" that make a count ("800-strong", "27-nation"): word -> kept in the object
    ("" drops it: "strong")."""
    quantity_nouns: frozenset[str]
    """Nouns a bare number can measure through a verb ("the death toll rose to 200")."""
    harm_verbs: dict[str, str]
    """Verbs whose bare-number subject (passive) or object counts people: lemma -> participle."""
    people_intransitive: frozenset[str]
    """Intransitive verbs whose bare-number subject counts people ("30 died")."""
    referring_nouns: frozenset[str]
    """Nouns that after "the two ..." refer to known parties rather than count ("the two sides")."""

    @cached_property
    def number_starts(self) -> frozenset[str]:
        """The words (lower case) other than digits that a number can start with: currency
        symbols, "US" (of "US $"), number words; "a"/"an" start one only before a scale."""
        return frozenset({*self.currency_symbols, "us", "u.s.", *self.number_words})

    @cached_property
    def word_kinds(self) -> dict[int, int]:
        """A cache for ``numbers.number_starts``: what each word (by its spaCy hash) can be at
        a number's start."""
        return {}

    @cached_property
    def qualifier_index(self) -> dict[str, tuple[tuple[tuple[str, ...], str | None], ...]]:
        """``qualifiers`` by last word, each list in the order of ``qualifiers``."""
        out: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
        for seq, canon in self.qualifiers:
            if seq:
                out.setdefault(seq[-1], []).append((seq, canon))
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def unit_index(self) -> SeqIndex:
        """``units`` by first word (for ``numbers.match_seq``)."""
        return index_seqs(self.units)

    @cached_property
    def percent_index(self) -> SeqIndex:
        """``percent_words`` by first word (for ``numbers.match_seq``)."""
        return index_seqs(self.percent_words)



def _seqs(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(s.lower().split()) for s in items}, key=len, reverse=True))


@cache
def load_lexicon() -> AmountLexicon:
    raw = packaged_json(LEXICON_FILE)
    if not isinstance(raw, dict):
        raise DyadError(Errors.E103, path=LEXICON_FILE, detail="expected an object")
    try:
        quals = sorted(((tuple(k.lower().split()), v) for k, v in raw["qualifiers"].items()),
                       key=lambda kv: len(kv[0]), reverse=True)
        return AmountLexicon(
            number_words={k: float(v) for k, v in raw["number_words"].items()},
            weak_number_words=frozenset(raw["weak_number_words"]),
            scales={k: float(v) for k, v in raw["scales"].items()},
            suffix_scales={k: float(v) for k, v in raw["suffix_scales"].items()},
            currency_symbols=dict(raw["currency_symbols"]),
            currency_words=dict(raw["currency_words"]),
            units=_seqs(raw["units"]),
            time_units=frozenset(raw["time_units"]),
            percent_words=_seqs(raw["percent_words"]),
            qualifiers=tuple(quals),
            rate_adjectives=dict(raw["rate_adjectives"]),
            rate_nouns=dict(raw["rate_nouns"]),
            rate_markers=frozenset(raw["rate_markers"]),
            date_words=frozenset(raw["date_words"]),
            clock_words=frozenset(raw["clock_words"]),
            year_min=int(raw["year_min"]),
            year_max=int(raw["year_max"]),
            not_counted=frozenset(raw["not_counted"]),
            prepositional_qualifiers=frozenset(raw["prepositional_qualifiers"]),
            setting_verbs=frozenset(raw["setting_verbs"]),
            measure_verbs=frozenset(raw["measure_verbs"]),
            trade_verbs=frozenset(raw["trade_verbs"]),
            hyphen_counts=dict(raw["hyphen_counts"]),
            quantity_nouns=frozenset(raw["quantity_nouns"]),
            harm_verbs=dict(raw["harm_verbs"]),
            people_intransitive=frozenset(raw["people_intransitive"]),
            referring_nouns=frozenset(raw["referring_nouns"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise DyadError(Errors.E103, path=LEXICON_FILE, detail=f"missing or bad field: {e}") from e
