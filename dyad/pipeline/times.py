"""The dyad_times component: every time expression, normalised against the publication date.

Sets ``doc._.times`` (``list[TimeX]`` sorted by start). Expressions come from dyad's temporal
grammar (``dyad.temporal``); the model's DATE/TIME entities that the grammar does not cover are
normalised with the same grammar when possible. When the document has no publication date
(``doc._.meta.published`` is None), one is estimated from the latest absolute date of the text
(``published_basis = "inferred"``), moved later by past-tense bare months the text names after
it (``dyad.temporal.infer``), and relative expressions are anchored on it: the matches of the one
scan are resolved again against it, not found again (``Scan.reanchor``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dyad.pipeline.extensions import doc_text
from dyad.records import DocMeta, TimeX
from dyad.temporal import Anchor, Grammar, TimeCandidate
from dyad.temporal.grammar import Scan
from dyad.temporal.infer import latest_absolute, narrative_floor


class TimesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.grammar = Grammar()

    def __call__(self, doc: Doc) -> Doc:
        meta: DocMeta | None = doc._.meta
        if meta is None:
            meta = doc._.meta = DocMeta()
        anchor = Anchor.of(meta.published_date) if meta.published_date else Anchor.parse(meta.published)
        text = doc_text(doc)
        scan = self.grammar.scan(doc, anchor, text)
        cands = scan.candidates()
        if anchor is None:
            inferred = self._infer(scan, cands, text)
            if inferred is not None:
                meta.published = inferred
                meta.published_basis = "inferred"
                anchor = Anchor.parse(inferred)
                # one pass: only the matches whose value depends on the anchor are resolved again
                again = scan.reanchor(anchor)
                cands = again.candidates() if again is not None else self.grammar.find(doc, anchor, text)
        doc._.times = [self._record(text, c) for c in cands]
        return doc

    def _infer(self, scan: Scan, cands: list[TimeCandidate], text: str) -> str | None:
        lex = self.grammar.lex
        direction = scan.ctx.direction  # the clause directions the scan already asked for

        def future(c: TimeCandidate) -> bool:
            return direction(c.start, c.end) == "future"

        def past(c: TimeCandidate) -> bool:
            return text[c.start:c.end].strip().lower().rstrip(".") in lex.months and direction(c.start, c.end) == "past"

        latest = latest_absolute(text, cands, future)
        if latest is None:
            return None
        return narrative_floor(text, cands, latest, past, lex.months) or latest

    @staticmethod
    def _record(text: str, c: TimeCandidate) -> TimeX:
        return TimeX(start=c.start, end=c.end, text=text[c.start:c.end], value=c.value, type=c.type)


_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def date_in(times: list[TimeX] | None, start: int, end: int) -> str | None:
    """The calendar date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) of the first dated time expression
    inside ``[start, end)`` (e.g. an event's sentence), or None. Durations, sets and references
    (``PRESENT_REF``) are skipped; a day with a part or clock keeps its day, a week, season or
    quarter its year."""
    for t in times or []:
        if t.start >= start and t.end <= end and t.type in ("DATE", "TIME") and t.value:
            m = _DATE_VALUE.match(t.value)
            if m:
                return m.group(0)  # a week, season or quarter gives its year
    return None


@Language.factory("dyad_times", assigns=["doc._.times"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
