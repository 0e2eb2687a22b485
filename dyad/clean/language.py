"""Is this English? A stop-word profile, cheap and offline."""

from __future__ import annotations

import re

EN = frozenset(["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at", "it", "from", "he", "said", "his", "be", "are", "has", "have", "an"])
OTHERS: dict[str, frozenset[str]] = {
    "fr": frozenset(["le", "la", "les", "des", "et", "est", "une", "du", "pour", "dans", "que", "qui", "sur", "pas", "au", "avec"]),
    "de": frozenset(["der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "von", "auf", "für", "dem", "sich"]),
    "es": frozenset(["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "por", "para", "con", "del", "se", "es"]),
    "pt": frozenset(["o", "a", "os", "as", "de", "que", "e", "em", "um", "uma", "para", "com", "do", "da", "não", "no", "na"]),
    "it": frozenset(["il", "la", "di", "che", "e", "è", "un", "una", "per", "con", "del", "della", "non", "sono", "gli"]),
    "nl": frozenset(["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "met", "voor", "zijn"]),
    "ru": frozenset(["и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "она", "к", "из", "за"]),
}
WORD = re.compile(r"\w+", re.UNICODE)


def detect_language(text: str) -> str:
    """'en', another ISO 639-1 code, or 'und' when there are too few words to say."""
    words = [w.lower() for w in WORD.findall(text[:20000])]
    if len(words) < 5:
        return "en" if any(w in EN for w in words) or not words else "und"
    latin = sum(1 for w in words if w.isascii())
    if latin < len(words) * 0.5:
        cjk = sum(1 for w in words if any("\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in w))
        if cjk > len(words) * 0.3:
            return "ko" if any("\uac00" <= c <= "\ud7af" for w in words for c in w) else "zh"
        cyr = sum(1 for w in words if any("\u0400" <= c <= "\u04ff" for c in w))
        if cyr > len(words) * 0.3:
            return "ru"
        return "und"
    scores = {"en": sum(w in EN for w in words)}
    for lang, stops in OTHERS.items():
        scores[lang] = sum(w in stops for w in words)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else "und"
