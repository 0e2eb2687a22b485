"""Event dates from offset phrases ("two months after the summit"), own-clause times, planned events."""

from __future__ import annotations

from event_docs import coded


def _dates(events, trigger: str) -> list[str | None]:
    return [e.date for e in events if e.trigger.text == trigger]


def test_object_of_after_is_dated_before_the_anchor(nlp):
    _, events = coded(nlp, "North Korea launched a spy satellite in November 2023, just two months after the "
                           "Putin-Kim summit.", published="2024-06-20")
    assert _dates(events, "summit") == ["2023-09"]
    assert next(e for e in events if e.trigger.text == "summit").explain["date_basis"] == "offset"


def test_object_of_a_week_before_is_dated_after_a_day_anchor(nlp):
    _, events = coded(nlp, "Russia attacked Ukraine on March 10, 2024, a week before Putin's visit to China.",
                      published="2024-06-20")
    assert _dates(events, "visit") == ["2024-03-17"]


def test_vague_days_after_keeps_a_month_anchor(nlp):
    _, events = coded(nlp, "Russia attacked Ukraine in May 2024, days after the Putin-Kim summit.",
                      published="2024-06-20")
    assert _dates(events, "summit") == ["2024-05"]


def test_planned_event_not_dated_by_a_past_modifier_time(nlp):
    _, events = coded(nlp, "Russia and North Korea are considering joint military exercises, representing the "
                           "first drills since the Korean War in 1953.", published="2024-06-20")
    assert _dates(events, "exercises") == [None]


def test_planned_event_keeps_a_future_time(nlp):
    _, events = coded(nlp, "Russia and North Korea will hold joint military exercises in August.",
                      published="2024-06-20")
    assert _dates(events, "exercises") == ["2024-08"] or _dates(events, "hold") == ["2024-08"]


def test_time_of_a_relative_clause_on_another_word_is_not_the_events(nlp):
    _, events = coded(nlp, "Putin met Kim, who had visited China in 2019.", published="2024-06-20")
    assert _dates(events, "met") == ["2024-06-20"]


def test_a_since_phrase_is_a_starting_point_not_the_date(nlp):
    _, events = coded(nlp, "Russia has supplied arms to North Korea since 2022.", published="2024-06-20")
    assert _dates(events, "supplied") == ["2024-06-20"]
    _, events = coded(nlp, "Russia supplied arms to North Korea in 2022.", published="2024-06-20")
    assert _dates(events, "supplied") == ["2022"]
