"""Which language is a text in? Script first, then a function-word profile; cheap and offline.

Scripts decide Japanese (kana), Korean (hangul), Chinese (han without kana), Arabic, Hebrew,
Greek, Thai and Devanagari texts; Latin and Cyrillic texts are told apart by the share of
their words that are function words of each language (``dyad/data/clean/stopwords.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from dyad.datafiles import packaged_json

WORD = re.compile(r"\w+", re.UNICODE)
SAMPLE_CHARS = 20000
MIN_WORDS = 5

# (code, first, last) of scripts that name their language outright
SCRIPTS: tuple[tuple[str, str, str], ...] = (
    ("ja", "\u3040", "\u30ff"),  # hiragana and katakana
    ("ko", "\uac00", "\ud7af"),  # hangul syllables
    ("ko", "\u1100", "\u11ff"),  # hangul jamo
    ("zh", "\u4e00", "\u9fff"),  # han (after kana: Japanese text holds han too)
    ("ar", "\u0600", "\u06ff"),
    ("he", "\u0590", "\u05ff"),
    ("el", "\u0370", "\u03ff"),
    ("th", "\u0e00", "\u0e7f"),
    ("hi", "\u0900", "\u097f"),
)


@cache
def _profiles() -> dict[str, frozenset[str]]:
    data = packaged_json("clean/stopwords.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    if text.isascii():
        return counts
    for ch in NON_ASCII.findall(text):
        for code, lo, hi in SCRIPTS:
            if lo <= ch <= hi:
                counts[code] = counts.get(code, 0) + 1
                break
    return counts


def detect_language(text: str) -> str:
    """'en', another ISO 639-1 code, or 'und' when there are too few words to say."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return "en" if not sample.strip() else "und"
    scripts = _script_counts(sample)
    if scripts:
        if scripts.get("ja", 0) > letters * 0.05:
            return "ja"
        code, count = max(scripts.items(), key=lambda kv: kv[1])
        if count > letters * 0.3:
            return code
    words = [w.lower() for w in WORD.findall(sample)]
    profiles = _profiles()
    if len(words) < MIN_WORDS:
        return "en" if any(w in profiles.get("en", ()) for w in words) or not words else "und"
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in counts.keys() & stops) for lang, stops in profiles.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return best if scores[best] > 0 else "und"
