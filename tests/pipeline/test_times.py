"""The dyad_times component: spans, order, publication-date inference, the example articles."""

from __future__ import annotations

from dyad.records import DocMeta


def _doc(nlp, text: str, published: str | None):
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta(published=published, published_basis="given" if published else None)
    return nlp(doc)


def test_offsets_and_order(nlp):
    text = "On Tuesday (September 12) Kim arrived. Since 1998 there were launches in 2015 and in 2016."
    doc = _doc(nlp, text, "2023-09-13")
    starts = [t.start for t in doc._.times]
    assert starts == sorted(starts)
    for t in doc._.times:
        assert doc.text[t.start:t.end] == t.text
        assert not t.text.lower().startswith(("on ", "in ", "since "))
    assert [t.value for t in doc._.times] == ["2023-09-12", "1998", "2015", "2016"]


def test_published_inferred_from_latest_absolute_date(nlp):
    doc = _doc(nlp, "Talks were held on September 12, 2023. Kim met Putin on Wednesday. By 2030 they plan more.", None)
    assert doc._.meta.published == "2023-09-12"
    assert doc._.meta.published_basis == "inferred"
    values = {t.text: t.value for t in doc._.times}
    assert values["Wednesday"] == "2023-09-06"


def test_published_inferred_at_year_precision_leaves_days_null(nlp):
    doc = _doc(nlp, "In 2015 an official spoke. Kim arrived on Tuesday.", None)
    assert doc._.meta.published == "2015"
    assert doc._.meta.published_basis == "inferred"
    assert {t.text: t.value for t in doc._.times}["Tuesday"] is None


def test_no_date_no_inference(nlp):
    doc = _doc(nlp, "Kim arrived on Tuesday for talks.", None)
    assert doc._.meta.published is None
    assert doc._.meta.published_basis is None
    assert [(t.text, t.value) for t in doc._.times] == [("Tuesday", None)]


def test_survives_empty_and_odd_input(nlp):
    for text in ["", " ", "\u00a0\u200b", "2023" * 500, "May " * 300, "((((((((((September 12"]:
        doc = _doc(nlp, text, "2024-06-19")
        assert isinstance(doc._.times, list)
        for t in doc._.times:
            assert doc.text[t.start:t.end] == t.text


def test_example_articles(example_records):
    rec = example_records["000_66cd115ae380c893.txt"]
    values = {t["text"]: t["value"] for t in rec["times"]}
    assert values.get("Wednesday") == "2024-06-19"
    assert values.get("November 2023") == "2023-11"
    assert values.get("March") == "2024-03"
    assert values.get("September") == "2023-09"
    for t in rec["times"]:
        assert rec["text"][t["start"]:t["end"]] == t["text"]


def test_example_article_without_its_date_is_estimated_from_its_own_dates(nlp, example_paths):
    """No sidecar: the floor "November 2023" moved on by "In March, Russia vetoed ..."; "since
    September" (an ongoing delivery) names the September before it and moves nothing."""
    path = next(p for p in example_paths if p.name == "000_66cd115ae380c893.txt")
    doc = _doc(nlp, path.read_text(encoding="utf-8"), None)
    assert (doc._.meta.published, doc._.meta.published_basis) == ("2024-03", "inferred")
    values = [(t.text, t.value) for t in doc._.times if t.text in ("February", "September", "March")]
    assert values == [("February", "2024-02"), ("September", "2023-09"), ("September", "2023-09"),
                      ("March", "2024-03")]


def test_long_text_without_spaces_stays_linear(nlp):
    doc = _doc(nlp, "12/12/" * 3000, "2024-06-19")
    assert doc._.times == []


def test_date_in_span_for_events(nlp):
    from dyad.pipeline.times import date_in

    text = "For 24 years they waited. Putin met Kim on Wednesday night in Pyongyang. Last week was calm."
    doc = _doc(nlp, text, "2024-06-19")
    second = text.index("Putin"), text.index("Last")
    assert date_in(doc._.times, 0, second[0]) is None  # a duration is not a date
    assert date_in(doc._.times, *second) == "2024-06-19"
    assert date_in(doc._.times, second[1], len(text)) == "2024"  # a week gives its year
