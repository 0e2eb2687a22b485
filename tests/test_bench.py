"""The benchmark builds a corpus of distinct articles and reports every figure it promises."""

from __future__ import annotations

from dyad.bench import build_corpus, count_words, example_paragraphs, paired_ratio, run_bench
from dyad.settings import load_settings


def test_corpus_is_distinct_and_made_of_example_paragraphs():
    paras = example_paragraphs()
    assert len(paras) >= 15
    docs = build_corpus(30, paras)
    assert len(set(docs)) == 30
    for doc in docs:
        assert all(p in paras for p in doc.split("\n\n"))


def test_small_run_reports_every_key():
    result = run_bench(6, 2, load_settings(env={}, batch_size=2), rounds=2).to_dict()
    for key in ("spacy_words_per_s", "dyad_words_per_s", "ratio_vs_spacy", "workers", "scaling", "peak_rss_mb"):
        assert key in result
    assert result["workers"] == 2 and result["rounds"] == 2
    assert result["words"] == count_words(build_corpus(6))
    assert result["spacy_words_per_s"] > 0 and result["dyad_words_per_s"] > 0
    # the ratio is the two throughputs' quotient (CPU seconds); the wall-clock ratio is reported too
    assert abs(result["ratio_vs_spacy"] - result["dyad_words_per_s"] / result["spacy_words_per_s"]) < 0.01
    assert result["ratio_vs_spacy_wall"] > 0
    assert 50 < result["peak_rss_mb"] < 4000


def test_paired_ratio_is_the_median_of_per_round_ratios():
    # the third round was disturbed (the dyad run met a busy machine): it does not decide
    assert paired_ratio([10.0, 12.0, 10.0], [11.0, 13.0, 20.0]) == 10.0 / 11.0
