"""An undated article's publication date: the latest absolute date, moved on by past-tense bare months after it."""

from __future__ import annotations

import pytest

from dyad.records import DocMeta


def _meta(nlp, text: str) -> DocMeta:
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta()
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.meta


def test_past_bare_months_after_the_latest_date_move_the_estimate_on(nlp):
    meta = _meta(nlp, "North Korea launched a spy satellite in November 2023. In March, Russia vetoed the renewal "
                      "of the UN panel. In February, Kim fired missiles.")
    assert (meta.published, meta.published_basis) == ("2024-03", "inferred")


def test_a_later_month_of_the_same_year_stays_in_that_year(nlp):
    meta = _meta(nlp, "Kim visited Russia on September 13, 2023. In October, Putin accepted an invitation.")
    assert meta.published == "2023-10"


@pytest.mark.parametrize("text", [
    "North Korea launched a spy satellite in November 2023. Russia will veto the panel in March.",
    "In March, Russia vetoed a resolution. North Korea launched a spy satellite in November 2023.",
    "North Korea launched a spy satellite in November 2023. Last March, Russia vetoed a resolution.",
])
def test_future_earlier_or_qualified_months_leave_the_latest_date(nlp, text):
    meta = _meta(nlp, text)
    assert (meta.published, meta.published_basis) == ("2023-11", "inferred")


def test_a_given_date_is_never_replaced(nlp):
    doc = nlp.make_doc("North Korea launched a satellite in November 2023. In March, Russia vetoed the panel.")
    doc._.meta = DocMeta(published="2023-12-01")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc._.meta.published == "2023-12-01" and doc._.meta.published_basis != "inferred"


@pytest.mark.parametrize("phrase", ["has supplied shells since September", "has supplied shells from September",
                                    "has been supplying shells as of September"])
def test_the_start_of_an_ongoing_state_does_not_move_the_estimate_on(nlp, phrase):
    """'since September' names the last September before the article: after the floor November
    2023 it says nothing new, and the past-tense 'In March' still sets the estimate."""
    meta = _meta(nlp, f"North Korea launched a spy satellite in November 2023. Pyongyang {phrase}. "
                      "In March, Russia vetoed the renewal of the UN panel.")
    assert (meta.published, meta.published_basis) == ("2024-03", "inferred")


def test_a_month_after_since_alone_leaves_the_floor(nlp):
    meta = _meta(nlp, "North Korea launched a spy satellite in November 2023. Pyongyang has supplied shells "
                      "since September.")
    assert meta.published == "2023-11"
