"""Property tests: on arbitrary text the cleaner and every extractor never raise, offsets are
always valid, and the output always validates against the JSON Schema."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.clean import clean_text
from dyad.extraction import extract
from dyad.schema import validation_errors

WORDS = st.sampled_from([
    "Russia", "North Korea", "Kim", "Putin", "said", "met", "signed", "accused", "denied", "“", "”", '"', "'",
    "on Wednesday", "in March", "2023", "10,000", "missiles", "of", "the", "to", ",", ".", "\n", "\n\n",
    "Pyongyang", "Seoul", "sanctions", "more than", "-", "—", "(", ")", "Photograph:(AFP)", "Subscribe",
    "according to", "Reuters", "he added", "will", "not", "$", "billion", "percent", "US", "China", "\u00a0",
])
SENTENCES = st.lists(WORDS, min_size=0, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), SENTENCES)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_cleaner_never_raises_and_keeps_only_input_lines(raw):
    cleaned = clean_text(raw)
    raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line in cleaned.text.split("\n"):  # a hard-wrapped paragraph keeps its lines, each trimmed
        if line.strip():
            assert any(line.strip() in r for r in raw_lines), line


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY_TEXT)
def test_extract_never_raises_and_is_always_valid(nlp, raw):
    record = extract(raw, nlp=nlp, published="2024-06-19")
    assert validation_errors(record) == []
