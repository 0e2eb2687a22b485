"""dyad.clean.metadata and dates: title, authors, outlet, dates with their zone, dateline."""

from __future__ import annotations

import pytest

from dyad.clean.cleaner import clean_text
from dyad.clean.dates import parse_date
from dyad.clean.metadata import clean_name, find_metadata

BODY = (
    "The foreign ministers of the two countries met in the capital on Monday to discuss trade and security.\n\n"
    "Officials said the talks covered energy supplies, border crossings and a new fisheries agreement.\n\n"
)


def meta(raw: str) -> dict:
    return find_metadata(raw, clean_text(raw))


@pytest.mark.parametrize(
    "written, iso",
    [
        ("Updated: Sep 13, 2023, 04:09 PM IST", "2023-09-13T16:09:00+05:30"),
        ("Published: Nov. 20, 2019 5:52 AM EST", "2019-11-20T05:52:00-05:00"),
        ("March 2, 2024 at 10:15 am KST", "2024-03-02T10:15:00+09:00"),
        ("2 March 2024 18:40 GMT", "2024-03-02T18:40:00+00:00"),
        ("14 February 2022 12:00 MSK", "2022-02-14T12:00:00+03:00"),
        ("2019-11-18T23:03:00Z", "2019-11-18T23:03:00+00:00"),
        ("July 4, 2021", "2021-07-04"),
        ("Dec 12, 2023 3:30 pm", "2023-12-12T15:30:00"),
    ],
)
def test_dates_with_their_time_zone(written, iso):
    assert parse_date(written) == iso


def test_no_date_in_plain_words():
    assert parse_date("The talks may resume in the spring") is None
    assert parse_date("February 30, 2023") is None


def test_glued_byline_gives_place_author_and_date():
    raw = "Ministers meet to discuss trade and security\n\nLisbon, PortugalWritten By: Ana CostaUpdated: Mar 02, 2024, 10:15 AM CET\n\n" + BODY
    found = meta(raw)
    assert found["title"] == "Ministers meet to discuss trade and security"
    assert found["authors"] == ["Ana Costa"]
    assert found["published"] == "2024-03-02T10:15:00+01:00"
    assert found["dateline"] == "Lisbon, Portugal"


def test_by_line_with_several_authors():
    found = meta("Ministers meet to discuss trade and security\n\nBy John Smith and Mary Jones\n\n" + BODY)
    assert found["authors"] == ["John Smith", "Mary Jones"]


def test_author_label():
    found = meta("Ministers meet to discuss trade and security\n\nAuthor: Li Wei\n\n" + BODY)
    assert found["authors"] == ["Li Wei"]


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("Discover more from Globe Daily 🇵🇹", "Globe Daily"),
        ("WATCH GLOBE NEWS LIVE HERE:", "GLOBE NEWS"),
        ("© 2024 Globe Media. All rights reserved.", "Globe Media"),
        ("Copyright © 2019 The Paradigm. All Rights Reserved.", "The Paradigm"),
    ],
)
def test_outlet_from_promotion_and_copyright_lines(line, outlet):
    assert meta(BODY + line)["outlet"] == outlet


def test_outlet_and_place_from_wire_dateline():
    found = meta("SEOUL (Reuters) - North Korea fired a missile into the sea on Monday, the South's military said.\n\n" + BODY)
    assert found["outlet"] == "Reuters"
    assert found["dateline"] == "Seoul"


def test_outlet_from_title_site_suffix():
    found = meta("Ministers meet to discuss trade and security | Globe Daily\n\n" + BODY)
    assert found["outlet"] == "Globe Daily"
    assert found["title"] == "Ministers meet to discuss trade and security"


def test_clean_name_strips_flags_and_symbols():
    assert clean_name("Divya Bharat 🇮🇳") == "Divya Bharat"
    assert clean_name("  The Paradigm. ") == "The Paradigm"


def test_nothing_found_in_plain_body():
    assert meta(BODY) == {}


def test_plain_capital_dateline():
    found = meta("NEW DELHI: India and Japan agreed on Tuesday to expand joint military exercises, officials said.\n\n" + BODY)
    assert found["dateline"] == "New Delhi"


def test_time_written_before_the_date():
    assert parse_date("Updated 9:04 AM EDT, Wed June 19, 2024") == "2024-06-19T09:04:00-04:00"


def test_numeric_zone_offset_wins_over_its_name():
    assert parse_date("June 19, 2024 9:30 PM GMT+8") == "2024-06-19T21:30:00+08:00"


def test_outlet_dateline_without_brackets_and_agency_not_an_author():
    raw = (
        "Ministers meet to discuss trade and security\n\nBy Jane Doe, CNN\n\n"
        "Lisbon, Portugal CNN — The foreign ministers met in the capital on Monday to discuss trade, officials said.\n\n"
        + BODY
    )
    found = meta(raw)
    assert found["authors"] == ["Jane Doe"]
    assert found["dateline"] == "Lisbon, Portugal"
    assert found["outlet"] == "CNN"
