"""The plain extraction functions: prepared documents carry their own text for the components."""

from __future__ import annotations

from dyad.extraction import _prepare_all
from dyad.io.readers import InputRecord
from dyad.pipeline.extensions import doc_text


def test_prepared_docs_remember_the_text_spacy_would_join(nlp, example_paths):
    texts = [p.read_text(encoding="utf-8") for p in example_paths]
    texts.append("Seoul, Oct. 2 (Yonhap) --  North Korea\u00a0fired  a missile.\n\n\tJapan protested  . ")
    items = [InputRecord(id=i, text=t) for i, t in enumerate(texts)]
    docs = [d for _, d in _prepare_all(items, nlp) if not isinstance(d, dict)]
    assert len(docs) == len(texts)
    for doc in docs:
        assert "dyad.text" in doc.user_data
        assert doc_text(doc) == doc.text
