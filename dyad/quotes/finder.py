"""Find the quotes of a parsed ``Doc``: direct quotes with their speakers, then reported speech.

Speaker search for a direct quote, in order: a cue verb governing the quote or attached to it in
the parse; the nearest cue verb in its sentences; the continuation of a multi-paragraph quote;
an earlier quote of the same paragraph (split quotes); a cue in the next paragraph when the
quote stands alone in its paragraph; the last speaker of the previous paragraph (bare quote
paragraphs). Pronoun speakers ("he added") resolve to the nearest compatible antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dyad.pipeline.children import children_of
from dyad.pipeline.extensions import doc_text
from dyad.quotes.direct import (
    Cue,
    attached_cue,
    attribution_cue,
    governing_cue,
    is_label,
    nearby_cue,
    quote_span,
)
from dyad.quotes.lexicon import QuoteLexicon
from dyad.quotes.marks import Marked, find_quotes, paragraphs
from dyad.quotes.reported import find_reported
from dyad.quotes.speakers import QUOTED_KEY, Speaker, relays, speaker_of
from dyad.quotes.tokens import table_of, table_scope
from dyad.records import Quote

_NEXT_SENT_MAX = 40


@dataclass
class _Found:
    mark: Marked
    quote: Quote
    speaker: Speaker | None


def _sentences_around(doc: Doc, span: Span, para: tuple[int, int]) -> list[Span]:
    """The quote's sentences, plus a short neighbour sentence of the same paragraph that may hold
    its cue (``"..." <split> he said.`` or ``Kim said: <split> "..."``)."""
    table = table_of(doc)
    first, last = table.sent_of(span.start), table.sent_of(span.end - 1)
    sents = [first]
    while sents[-1].end < last.end:
        sents.append(table.sent_of(sents[-1].end))
    if last.end < len(doc):
        nxt = table.sent_of(last.end)
        if nxt.start_char < para[1] and len(nxt) <= _NEXT_SENT_MAX:
            sents.append(nxt)
    if first.start > 0:
        prev = table.sent_of(first.start - 1)
        if prev.start_char >= para[0] and prev[-1].text in (":", ","):
            sents.insert(0, prev)
    return sents


def _quote_only(text: str, para: tuple[int, int], marks: list[Marked]) -> bool:
    """The paragraph holds nothing but quoted text and punctuation."""
    rest = list(text[para[0]:para[1]])
    for m in marks:
        for i in range(max(m.start, para[0]) - para[0], min(m.end, para[1]) - para[0]):
            rest[i] = " "
    return not any(ch.isalnum() for ch in rest)


def _cue_in_paragraph(doc: Doc, para: tuple[int, int], lex: QuoteLexicon, inside: set[int]) -> Cue | None:
    span = doc.char_span(para[0], para[1], alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    first = table_of(doc).sent_of(span.start)
    if len(first) > _NEXT_SENT_MAX:
        return None
    return nearby_cue([first], span[0:1], lex, inside, para)


def extract_quotes(doc: Doc, lex: QuoteLexicon, named_only: bool = True) -> list[Quote]:
    """Every quote of ``doc``, in text order."""
    text = doc_text(doc)
    if not text.strip() or not doc.has_annotation("DEP"):
        return []
    with table_scope(doc):
        return _extract(doc, text, lex, named_only)


def _extract(doc: Doc, text: str, lex: QuoteLexicon, named_only: bool) -> list[Quote]:
    paras = paragraphs(text)
    marks = find_quotes(text)
    spans = [quote_span(doc, m) for m in marks]
    inside = {i for s in spans if s is not None for i in range(s.start, s.end)}
    doc.user_data[QUOTED_KEY] = inside
    history: list[Speaker] = []
    found: list[_Found] = []
    for m, span in zip(marks, spans, strict=True):
        words = m.words(text)
        if span is None or words == 0 or is_label(doc, m, span, words, lex, inside):
            continue
        para = paras[m.paragraph]
        cue = governing_cue(span, lex, inside) or attached_cue(span, lex, inside)
        if cue is None:
            sents = _sentences_around(doc, span, para)
            cue = nearby_cue(sents, span, lex, inside, para) or attribution_cue(sents, lex, inside)
        speaker = (speaker_of(cue.subject, lex, history)
                   if cue and cue.subject is not None and cue.subject.i not in inside else None)
        via = _via(cue, speaker, lex, inside, history) if cue else []
        if speaker is None:
            speaker, cue_text, via = _speaker_from_context(doc, m, found, paras, marks, lex, inside)
        else:
            cue_text = cue.text if cue else None
        if speaker is not None:
            history.append(speaker)
        quote = Quote(start=m.start, end=m.end, text=text[m.start:m.end], direct=True,
                      speaker=speaker.actor_id if speaker else None,
                      speaker_name=(speaker.name or None) if speaker else None, cue=cue_text, via=via)
        found.append(_Found(m, quote, speaker))
    quotes = [f.quote for f in found]
    history.sort(key=lambda s: s.char)
    seen: set[tuple[int, int]] = set()
    for content, _tok, speaker, cue_text, via in find_reported(doc, lex, inside, history, named_only):
        key = (content.start_char, content.end_char)
        if key in seen:
            continue
        seen.add(key)
        quotes.append(Quote(start=content.start_char, end=content.end_char, text=content.text,
                            direct=False, speaker=speaker.actor_id, speaker_name=speaker.name or None,
                            cue=cue_text, via=via))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _via(cue: Cue, speaker: Speaker | None, lex: QuoteLexicon, inside: set[int],
         history: list[Speaker]) -> list[str]:
    """The relay chain of a cue: who reported the speaker's words (nearest first), then the outlets."""
    via: list[str] = []
    own = {speaker.actor_id, speaker.name} - {None, ""} if speaker else set()
    for reporter in cue.reporters:
        found = speaker_of(reporter, lex, history)
        name = found.actor_id or found.name
        if name and name not in via and name not in own:
            via.append(name)
    via.extend(v for v in relays(cue.verb, table_of(cue.verb.doc).sent_of(cue.verb.i), lex, inside)
               if v not in via)
    return via


def _headline(text: str, para: tuple[int, int]) -> bool:
    """A quote-only paragraph with no closing punctuation is a pull quote or a subheading, not
    the next thing a speaker said."""
    body = text[para[0]:para[1]].rstrip().rstrip("\"'”’»").rstrip()
    return not body.endswith((".", "!", "?", "…", ":", ";", ","))


def _reports(cue: Cue, sent: Span) -> bool:
    """``sent`` reports its speaker's words: the speech verb is the sentence's main verb and has a
    clausal complement ("Erekat said it was ...")."""
    verb = cue.verb
    return verb.i == sent.root.i and any(c.dep_ in ("ccomp", "xcomp") for c in children_of(verb))


def _speaker_from_context(doc: Doc, m: Marked, found: list[_Found], paras: list[tuple[int, int]],
                          marks: list[Marked], lex: QuoteLexicon, inside: set[int]
                          ) -> tuple[Speaker | None, str | None, list[str]]:
    """Speaker of a quote with no cue of its own, from the quotes and paragraphs around it."""
    for f in reversed(found):
        if f.speaker is not None and (f.mark.group == m.group or f.mark.paragraph == m.paragraph):
            return f.speaker, f.quote.cue, list(f.quote.via)
    para = paras[m.paragraph]
    own = [x for x in marks if x.paragraph == m.paragraph]
    if not _quote_only(doc_text(doc), para, own) or _headline(doc_text(doc), para):
        return None, None, []
    if m.paragraph + 1 < len(paras) and not any(x.paragraph == m.paragraph + 1 for x in marks):
        cue = _cue_in_paragraph(doc, paras[m.paragraph + 1], lex, inside)
        if cue is not None and cue.subject is not None:
            history = [f.speaker for f in found if f.speaker is not None]
            return (speaker_of(cue.subject, lex, history), cue.text,
                    relays(cue.verb, table_of(doc).sent_of(cue.verb.i), lex, inside))
    if m.paragraph > 0 and not any(x.paragraph == m.paragraph - 1 for x in marks):
        # "In a statement, the ministry said:" then the quote paragraph; or a paragraph that ends
        # reporting someone's words ("Erekat said it was ...") then a paragraph that is only a
        # quote, which goes on in the same voice
        prev = paras[m.paragraph - 1]
        span = doc.char_span(prev[0], prev[1], alignment_mode="contract")
        if span is not None and len(span):
            last = table_of(doc).sent_of(span.end - 1)
            colon = doc_text(doc)[prev[0]:prev[1]].rstrip().endswith(":")
            cue = nearby_cue([last], span[-1:], lex, inside, prev)
            if cue is not None and cue.subject is not None and (colon or _reports(cue, last)):
                history = [f.speaker for f in found if f.speaker is not None]
                return (speaker_of(cue.subject, lex, history), cue.text,
                        relays(cue.verb, table_of(doc).sent_of(cue.verb.i), lex, inside))
    for f in reversed(found):
        if f.speaker is not None and f.mark.paragraph == m.paragraph - 1:
            return f.speaker, f.quote.cue, list(f.quote.via)
    return None, None, []
