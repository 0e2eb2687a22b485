"""The cue lexicon of dyad_quotes (``dyad/data/quotes/cues.json``), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from dyad.datafiles import packaged_json
from dyad.errors import DyadError, Errors

CUES_FILE = "quotes/cues.json"


@dataclass(frozen=True)
class QuoteLexicon:
    speech_verbs: frozenset[str]
    """Lemmas that introduce speech: a quote they govern is attributed to their subject."""
    utterance_verbs: frozenset[str]
    """Lemmas of saying out loud or in writing: "X said Y told ..." makes Y the speaker, X a relay."""
    belief_verbs: frozenset[str]
    """Lemmas that introduce opinion ("X believes that ..."): reported speech only."""
    partial_quote_verbs: frozenset[str]
    """Lemmas that count as a cue only when they directly govern a quoted stretch."""
    label_verbs: frozenset[str]
    """Lemmas that make a short quoted stretch a name or label ("dubbed 'X'")."""
    label_prefixes: tuple[tuple[str, ...], ...]
    """Word sequences right before a short quote that mark it as a label ("so-called")."""
    title_prefixes: tuple[tuple[str, ...], ...]
    """Words right before a quoted title of any length ("a report titled '...'")."""
    relay_verbs: frozenset[str]
    """Lemmas whose ``by`` agent relays the speech ("as quoted by X", "reported by X")."""
    relay_prepositions: tuple[tuple[str, ...], ...]
    attribution_prepositions: tuple[tuple[str, ...], ...]
    generic_audiences: frozenset[str]
    """Lemmas of listeners that are not relays ("told reporters")."""
    unnamed_source_heads: frozenset[str]
    reported_speech_min_words: int
    according_to_speaker_kinds: frozenset[str]
    scare_quote_max_words: int
    institution_heads: frozenset[str]
    document_heads: frozenset[str]
    """Heads of a text someone issues: "the statement said" is who issued the statement named before."""
    title_heads: frozenset[str]
    other_office_modifiers: frozenset[str]
    """"Vice President X" does not hold the title "the president" refers to."""
    """Heads of a bare title ("the president said"): resolved to the holder named earlier."""
    """Heads that name a body when a state or organisation owns them ("North Korea's foreign ministry")."""

    @cached_property
    def cue_verbs(self) -> frozenset[str]:
        return self.speech_verbs | self.belief_verbs


def _seqs(raw: list[object], path: str) -> tuple[tuple[str, ...], ...]:
    out: list[tuple[str, ...]] = []
    for item in raw:
        if isinstance(item, str):
            out.append(tuple(item.lower().split()))
        elif isinstance(item, list) and all(isinstance(w, str) for w in item):
            out.append(tuple(w.lower() for w in item))
        else:
            raise DyadError(Errors.E103, path=path, detail=f"bad word sequence {item!r}")
    return tuple(sorted(out, key=len, reverse=True))


@cache
def load_lexicon() -> QuoteLexicon:
    raw = packaged_json(CUES_FILE)
    if not isinstance(raw, dict):
        raise DyadError(Errors.E103, path=CUES_FILE, detail="expected an object")
    try:
        return QuoteLexicon(
            speech_verbs=frozenset(raw["speech_verbs"]),
            utterance_verbs=frozenset(raw["utterance_verbs"]),
            belief_verbs=frozenset(raw["belief_verbs"]),
            partial_quote_verbs=frozenset(raw["partial_quote_verbs"]),
            label_verbs=frozenset(raw["label_verbs"]),
            label_prefixes=_seqs(raw["label_prefixes"], CUES_FILE),
            title_prefixes=_seqs(raw["title_prefixes"], CUES_FILE),
            relay_verbs=frozenset(raw["relay_verbs"]),
            relay_prepositions=_seqs(raw["relay_prepositions"], CUES_FILE),
            attribution_prepositions=_seqs(raw["attribution_prepositions"], CUES_FILE),
            generic_audiences=frozenset(raw["generic_audiences"]),
            unnamed_source_heads=frozenset(raw["unnamed_source_heads"]),
            reported_speech_min_words=int(raw["reported_speech_min_words"]),
            according_to_speaker_kinds=frozenset(raw["according_to_speaker_kinds"]),
            scare_quote_max_words=int(raw["scare_quote_max_words"]),
            institution_heads=frozenset(raw["institution_heads"]),
            document_heads=frozenset(raw["document_heads"]),
            title_heads=frozenset(raw["title_heads"]),
            other_office_modifiers=frozenset(raw["other_office_modifiers"]),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise DyadError(Errors.E103, path=CUES_FILE, detail=f"missing or bad field: {e}") from e
