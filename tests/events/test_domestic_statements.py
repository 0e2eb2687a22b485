"""Statements between actors of one state are domestic politics: dropped unless the setting keeps them."""

from __future__ import annotations

import pytest

import dyad
from dyad.extraction import extract
from dyad.settings import load_settings

TEXT = ("Donald Trump has claimed victory as the Democratic Party-controlled House of Representatives "
        "concluded its hearing. Democrats are alleging that Trump abused his power. White House press "
        "secretary Stephanie Grisham also accused the Democrats of running a sham.")


def _dyads(record):
    countries = {a["id"]: a["country"] for a in record["actors"]}
    return [(e["type"], countries[e["source"]], countries.get(e["target"])) for e in record["events"]]


def test_statements_inside_one_state_are_dropped_by_default(nlp):
    assert _dyads(extract(TEXT, nlp=nlp, published="2019-11-20")) == []


@pytest.fixture(scope="module")
def domestic_nlp():
    return dyad.load(settings=load_settings(env={}, domestic_statements=True))


def test_the_setting_keeps_them(domestic_nlp):
    assert _dyads(extract(TEXT, nlp=domestic_nlp, published="2019-11-20")) == [
        ("ACCUSE", "USA", "USA"), ("ACCUSE", "USA", "USA")]


def test_interstate_statements_are_kept(nlp):
    record = extract("Iran accused the United States of economic terrorism on Monday.", nlp=nlp, published="2019-11-20")
    assert ("ACCUSE", "IRN", "USA") in _dyads(record)
