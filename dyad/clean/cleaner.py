"""Raw scraped page text to clean article body, every dropped line recorded with its reason.

General rules only, no list of any site's lines:
- line shape: word count, final punctuation, share of function words, Title Case;
- cue words of page furniture (``dyad/data/clean/cues.json``): navigation, promotion,
  share buttons, cookie and copyright lines, photo captions, bylines;
- position: the article body is the stretch of lines where prose outweighs furniture
  (a maximum-sum segment; a paragraph alone between link titles weighs less), starting at
  the headline when the page repeats its title, ending before a comment thread (repeated
  post stamps); what lies before it is the header zone (title, byline), what lies after it
  the footer zone; runs of short lines inside it are menus or link lists;
- repetition: a highlight paragraph that repeats a body paragraph is dropped as ``duplicate``.

Kept lines are the input lines with outer white space stripped (a hard-wrapped paragraph's
lines joined by a newline); nothing inside a line changes.
Reasons: ``title``, ``byline``, ``caption``, ``boilerplate`` (cue words), ``navigation``
(outside the body, or a menu run inside it), ``duplicate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.clean import patterns as P
from dyad.clean.language import detect_language


@dataclass
class Cleaned:
    text: str
    dropped: list[dict[str, str]] = field(default_factory=list)
    kept_lines: list[str] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    words: list[str]
    kind: str  # good | short | title | boilerplate | caption | byline | box | end
    reason: str | None = None
    n: int = 0
    credit: str | None = None
    """A photo credit cut off the end of a kept caption sentence (dropped as ``caption credit``)."""


# line weights for finding the body segment
GOOD_MIN_WORDS = 5
LONG_PROSE_WORDS = 15
QUOTE_PROSE_WORDS = 8
MENU_RUN = 3
WRAP_MIN_WORDS = 6
WRAP_NEXT_MIN_WORDS = 3
LAST_PARAGRAPH_WORDS = 8
MENU_ITEM_WORDS = 4
TITLE_CASE_SHARE = 0.7
END_MARKER_WEIGHT = -60.0
TITLE_ANCHOR_WEIGHT = 25.0
TITLE_ZONE = 5
ISOLATED_FACTOR = 0.3
COMMENT_DATES = 3
HEADLINE_MIN_WORDS = 30
HEADLINE_NEAR = 6
FURNITURE = ("boilerplate", "caption", "byline", "box")
LINK_BOX_MAX = 6
LINK_TITLE_MAX_WORDS = 20
DUPLICATE_MIN_WORDS = 6


def _norm(words: list[str]) -> str:
    return " ".join(w.lower() for w in words)


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(P.CLOSERS)
    return bool(t) and t[-1] in P.TERMINALS


def _title_case_share(words: list[str], stops: frozenset[str]) -> float:
    content = [w for w in words if w.isalpha() and w.lower() not in stops]
    if not content:
        return 0.0
    return sum(w[0].isupper() for w in content) / len(content)


def _is_prose(text: str, words: list[str], n: int, stops: frozenset[str]) -> bool:
    """Sentence-shaped: enough words, final punctuation or long, function words, not Title Case."""
    if n < GOOD_MIN_WORDS:
        return False
    # languages without a function-word list (Chinese, Japanese...) pass the function-word test
    stop_share = sum(w.lower() in stops for w in words) / max(1, len(words)) if stops else 1.0
    title_share = _title_case_share(words, stops)
    if _ends_sentence(text):
        if n < 10 and title_share > 0.8:
            return False
        return stop_share >= 0.1 or n >= LONG_PROSE_WORDS
    if n >= LONG_PROSE_WORDS:
        return stop_share >= 0.2 and title_share < 0.7
    # a quotation closed before its attribution: '"...," the minister said after the talks'
    if n >= QUOTE_PROSE_WORDS and P.QUOTE_ATTRIBUTION.search(text):
        return stop_share >= 0.25 and title_share < 0.5
    return False


CJK = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]+")


def _word_count(text: str, words: list[str]) -> int:
    """Words, counting a run of CJK characters as one word per two characters."""
    runs = CJK.findall(text)
    if not runs:
        return len(words)
    return len(words) + sum(max(1, len(r) // 2) - 1 for r in runs)


CAPTION_PROSE_WORDS = 12
CREDIT_MAX_WORDS = 8
CAPTION_SPLIT = re.compile(r"[.!?][\"\u201d\u2019)]?(?=\s+\S)")


def _caption_sentence(text: str, stops: frozenset[str]) -> tuple[str, str] | None:
    """A caption that is a full sentence of reporting ("X welcomes Y ... on April 25, 2019.
    Photograph:(AFP)") keeps its sentence, which dates and names what the photo shows; only the
    credit after it goes. Short or verbless captions go whole."""
    ends = [m.end() for m in CAPTION_SPLIT.finditer(text)]
    if not ends:
        return None
    prose, credit = text[: ends[-1]].rstrip(), text[ends[-1] :].strip()
    credit_words = P.WORD.findall(credit)
    if not credit or len(credit_words) > CREDIT_MAX_WORDS or not P.cues().is_caption(credit, credit_words):
        return None
    words = P.WORD.findall(prose)
    if len(words) < CAPTION_PROSE_WORDS or not credit or not _ends_sentence(prose):
        return None
    if not _is_prose(prose, words, len(words), stops):
        return None
    return prose, credit


def _classify(text: str, stops: frozenset[str]) -> _Line:
    words = P.WORD.findall(text)
    n = _word_count(text, words)
    cues = P.cues()
    if cues.is_end_marker(text, words):
        return _Line(text, words, "end", "boilerplate", n)
    if cues.is_caption(text, words):
        kept = _caption_sentence(text, stops)
        if kept is not None:
            prose, credit = kept
            prose_words = P.WORD.findall(prose)
            return _Line(prose, prose_words, "good", None, _word_count(prose, prose_words), credit=credit)
        return _Line(text, words, "caption", "caption", n)
    if cues.is_boilerplate(text, words):
        return _Line(text, words, "boilerplate", "boilerplate", n)
    if P.is_byline(text, words):
        return _Line(text, words, "byline", "byline", n)
    if _is_prose(text, words, n, stops):
        return _Line(text, words, "good", None, n)
    return _Line(text, words, "short", None, n)


def _weight(line: _Line) -> float:
    if line.kind == "box":
        return -1.0
    if line.kind == "title":
        return TITLE_ANCHOR_WEIGHT
    if line.kind == "good":
        return float(line.n)
    if line.kind == "end":
        return END_MARKER_WEIGHT
    if line.kind == "short":
        return -max(1.0, 0.5 * line.n)
    return -max(2.0, 0.5 * line.n)


def _weights(lines: list[_Line]) -> list[float]:
    """Line weights; a paragraph with no paragraph next to it (a teaser between link titles) counts less."""
    out = [_weight(line) for line in lines]
    # neighbours are the nearest lines that are not furniture (an ad slot between paragraphs is no gap)
    flow = [i for i, line in enumerate(lines) if line.kind not in FURNITURE]
    for k, i in enumerate(flow):
        if lines[i].kind != "good":
            continue
        prev_good = k > 0 and lines[flow[k - 1]].kind == "good"
        next_good = k + 1 < len(flow) and lines[flow[k + 1]].kind == "good"
        if not prev_good and not next_good:
            out[i] *= ISOLATED_FACTOR
    return out


def _body_segment(lines: list[_Line]) -> tuple[int, int]:
    """The maximum-sum stretch of lines (inclusive bounds); (0, -1) when nothing scores."""
    best, best_s, best_e = 0.0, 0, -1
    cur, cur_s = 0.0, 0
    for i, w in enumerate(_weights(lines)):
        if cur <= 0:
            cur, cur_s = w, i
        else:
            cur += w
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best_s, best_e


def _extend_to_last_paragraph(lines: list[_Line], end: int) -> int:
    """Take in the last paragraphs cut off by caption-like lines, when only furniture follows them.

    Paragraphs each behind one short line (an uncredited caption) weigh little on their own;
    when such a chain runs into furniture or the end of the page, with no end marker
    ("Related", "Comments") on the way, it is still the article.
    """
    j = end + 1
    chain: list[int] = []
    while j < len(lines):
        shorts = 0
        while j < len(lines) and (lines[j].kind in FURNITURE or (lines[j].kind == "short" and shorts < 1)):
            shorts += lines[j].kind == "short"
            j += 1
        if j < len(lines) and lines[j].kind == "good" and lines[j].n >= LAST_PARAGRAPH_WORDS:
            chain.append(j)
            j += 1
            continue
        break
    if not chain:
        return end
    stop = lines[j] if j < len(lines) else None
    if stop is None or stop.kind in (*FURNITURE, "end") or (stop.kind == "short" and _followed_by_furniture(lines, j)):
        return chain[-1]
    return end


def _followed_by_furniture(lines: list[_Line], j: int) -> bool:
    return j + 1 >= len(lines) or lines[j + 1].kind in (*FURNITURE, "end")


def _cut_comments(lines: list[_Line], start: int, end: int) -> int:
    """The body's end before a comment thread or a dated listing: date lines keep coming after the prose.

    An article holds its date once, near the top; when three more date lines follow its second
    paragraph, each with a time of day ("at 5:23 pm", "2 days ago") or under a link title or a
    name, the page goes on as a run of dated posts (a timeline's dates under paragraphs do not count). The cut falls on the first of those date
    lines, or on an end marker ("Comments") before it.
    """
    goods = [i for i in range(start, end + 1) if lines[i].kind == "good"]
    if len(goods) < 2:
        return end
    first_good = goods[0]
    # the article's own date may follow a one-paragraph standfirst: count from the second paragraph
    dates = [
        i
        for i in range(goods[1], end + 1)
        if lines[i].kind == "byline" and (P.is_post_stamp(lines[i].text) or lines[i - 1].kind != "good")
    ]
    if len(dates) < COMMENT_DATES:
        return end
    cut = dates[0]
    for i in range(first_good + 1, cut):
        if lines[i].kind == "end":
            cut = i
            break
    end = cut - 1
    while end > first_good and lines[end].kind == "short" and lines[end].n <= 3:
        end -= 1
    return end


def _start_at_headline(lines: list[_Line], start: int, end: int) -> int:
    """The body starts at the page title's repetition (its headline) when paragraphs follow it closely.

    Only when the headline has not already been seen before the segment (the page title itself,
    on the first line, does not count).
    """
    first_good = next((i for i in range(start, end + 1) if lines[i].kind == "good"), end)
    if sum(ln.kind == "title" for ln in lines[:first_good]) >= 2:
        return start
    after = 0
    for i in range(end, start, -1):
        if lines[i].kind == "good":
            after += lines[i].n
        elif lines[i].kind == "title" and after >= HEADLINE_MIN_WORDS:
            near = lines[i + 1 : min(end + 1, i + 1 + HEADLINE_NEAR)]
            if sum(ln.kind == "good" for ln in near) >= 2:
                return i
    return start


def _headline_like(line: _Line) -> bool:
    return line.kind in ("short", "good") and 3 <= line.n <= 30 and not line.text.rstrip(P.CLOSERS).endswith(".")


def _mark_body(lines: list[_Line], start: int, end: int) -> None:
    """Inside the body: drop furniture and menu runs, keep prose, headings and short lines.

    Short lines between the headline and the first paragraph are page furniture (share and
    save buttons, text-size controls), not headings.
    """
    first_good = next((i for i in range(start, end + 1) if lines[i].kind == "good"), end + 1)
    for k in range(start, first_good):
        line = lines[k]
        if line.kind == "short" and not line.reason and not (line.n >= GOOD_MIN_WORDS and _ends_sentence(line.text)):
            line.reason = "navigation"
    i = start
    while i <= end:
        if lines[i].kind == "good":
            i += 1
            continue
        j = i
        while j <= end and lines[j].kind != "good":
            j += 1
        stretch = lines[i:j]
        shorts = [ln for ln in stretch if ln.kind == "short" and not ln.reason]
        if len(shorts) >= MENU_RUN and _has_run(stretch, MENU_RUN) and _menu_like(shorts):
            for ln in shorts:
                ln.reason = "navigation"
        elif any(ln.kind in FURNITURE for ln in stretch):
            # buttons among furniture: one- or two-word lines that open nothing
            for ln in shorts:
                if ln.n <= 2 and not ln.text.rstrip(P.CLOSERS).endswith(("?", ":")):
                    ln.reason = "navigation"
        i = j


def _menu_like(shorts: list[_Line]) -> bool:
    """Menus and link lists: items of a few words, or headlines in Title Case; a list of facts
    (scores, dates and venues) has longer items in sentence case."""
    sizes = sorted(ln.n for ln in shorts)
    if sizes[len(sizes) // 2] <= MENU_ITEM_WORDS:
        return True
    en = P.stopwords("en")
    titled = sum(_title_case_share(ln.words, en) > TITLE_CASE_SHARE for ln in shorts)
    return titled * 2 >= len(shorts)


def _has_run(stretch: list[_Line], size: int) -> bool:
    """Whether ``size`` short lines follow one another (a menu)."""
    run = 0
    for ln in stretch:
        run = run + 1 if ln.kind == "short" else 0
        if run >= size:
            return True
    return False


def _mark_title(lines: list[_Line]) -> None:
    """The page title: the first headline-like line among the first few that are not furniture.

    Its repetitions (the headline over the article, without the site name) become anchors:
    the article body starts next to its headline.
    """
    candidates = [ln for ln in lines[: TITLE_ZONE * 4] if ln.kind in ("short", "good")][:TITLE_ZONE]
    first = next((ln for ln in candidates if _headline_like(ln)), None)
    if first is None or (candidates and first is not candidates[0] and candidates[0].kind == "good"):
        return
    first.kind, first.reason = "title", "title"
    whole = _norm(first.words)
    for line in lines:
        if line is first or line.kind not in ("short", "good") or line.n < 3:
            continue
        norm = _norm(line.words)
        if norm == whole or (line.n >= 4 and whole.startswith(norm + " ")):
            line.kind, line.reason = "title", "title"


def _mark_header(lines: list[_Line], start: int) -> None:
    """Before the body everything not yet explained is header furniture."""
    for line in lines[:start]:
        line.reason = line.reason or "navigation"


def _mark_duplicates(lines: list[_Line], start: int, end: int) -> None:
    """Highlights: kept lines at the head of the body that repeat, or sit inside, a later kept line.

    The head is everything before the first body paragraph that is not itself repeated later.
    """
    kept = [ln for ln in lines[start : end + 1] if not ln.reason]
    norms = [f" {_norm(ln.words)} " for ln in kept]
    for a, line in enumerate(kept):
        repeated = any(norms[a] in norms[b] for b in range(a + 1, len(kept))) or any(
            len(norms[b]) > len(norms[a]) and norms[a] in norms[b] for b in range(a)
        )
        if repeated and line.n >= DUPLICATE_MIN_WORDS:
            line.reason = "duplicate"
        elif line.kind == "good" and not line.credit:  # a kept photo caption is still head matter
            return


def _paragraphs(raw: str) -> list[str]:
    """Non-blank lines, with hard-wrapped continuations joined to their line by a newline.

    A line continues the one above it (no blank line between) when that one is long, stops
    without sentence punctuation and the new line starts in lower case and is not a label
    of a few words ("main img").
    """
    out: list[list[str]] = []
    follows = False
    for piece in re.split(r"\r\n|\r|\n|\u2028|\u2029", raw):
        text = piece.strip()
        if not text:
            follows = False
            continue
        prev = out[-1][-1] if out and follows else None
        if (
            prev is not None
            and text[0].islower()
            and len(P.WORD.findall(text)) >= WRAP_NEXT_MIN_WORDS
            and len(P.WORD.findall(prev)) >= WRAP_MIN_WORDS
            and not prev.rstrip(P.CLOSERS).endswith(tuple(P.TERMINALS + ":;|"))
        ):
            out[-1].append(text)
        else:
            out.append([text])
        follows = True
    return ["\n".join(parts) for parts in out]


def classify_lines(raw: str, language: str | None = None) -> list[_Line]:
    """The non-blank lines (or hard-wrapped paragraphs) of ``raw``, each with its shape class."""
    stops = P.stopwords(language or detect_language(raw))
    lines = [_classify(t, stops) for t in _paragraphs(raw)]
    _mark_link_boxes(lines)
    return lines


def _mark_link_boxes(lines: list[_Line]) -> None:
    """Link titles under an inline box label ("Also Read", "Related") are links, not headings.

    The box sits inside the article, so its lines weigh little: the paragraphs after it still
    belong to the body.
    """
    cues = P.cues()
    for i, line in enumerate(lines):
        if line.kind != "boilerplate" or not cues.is_box_label(line.text):
            continue
        line.kind = "box"
        for j in range(i + 1, min(len(lines), i + 1 + LINK_BOX_MAX)):
            nxt = lines[j]
            if nxt.kind != "short" or nxt.n > LINK_TITLE_MAX_WORDS:
                break
            nxt.kind, nxt.reason = "box", "boilerplate"


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _sentence_like(text: str) -> bool:
    """A line that reads as a sentence: three words or more, ending with a full stop, ! or ?."""
    words = text.split()
    return len(words) >= 3 and bool(_SENTENCE_END.search(text.strip())) and any(w.islower() for w in words)


def clean_text(raw: str, language: str | None = None, extracted: bool = False) -> Cleaned:
    """The article body of raw page text (paragraphs joined by a blank line) and what was dropped.

    ``extracted``: the text is already an article body (from HTML): keep its extent, only drop
    the furniture lines in it (captions, cue lines, bylines, repeated paragraphs).
    """
    if not raw:
        return Cleaned(text="")
    lines = classify_lines(raw, language)
    if not lines:
        return Cleaned(text="")
    if extracted:
        start, end = 0, len(lines) - 1
    else:
        _mark_title(lines)
        start, end = _body_segment(lines)
        if end >= start:
            start = _start_at_headline(lines, start, end)
            end = _extend_to_last_paragraph(lines, end)
            end = _cut_comments(lines, start, end)
    if end < start:  # no body segment: a very short text ("Iran accused Israel.") keeps its sentences
        for line in lines:
            if not (line.reason is None and _sentence_like(line.text)):
                line.reason = line.reason or "navigation"
    else:
        _mark_header(lines, start)
        for line in lines[end + 1 :]:
            line.reason = line.reason or "navigation"
        if not extracted:
            _mark_body(lines, start, end)
        _mark_duplicates(lines, start, end)
    kept = [ln.text for ln in lines if not ln.reason]
    dropped = []
    for ln in lines:
        if ln.reason:
            dropped.append({"text": ln.text, "reason": ln.reason})
        elif ln.credit:
            dropped.append({"text": ln.credit, "reason": "caption credit"})
    return Cleaned(text="\n\n".join(kept), dropped=dropped, kept_lines=kept)
