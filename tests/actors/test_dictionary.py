"""The actor dictionary: loading, user overrides field by field, dated roles, office holders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyad.actors.dictionary import ActorDictionary
from dyad.errors import DyadError

BASE = """\
{"id": "XZB", "name": "Zembla", "kind": "state", "country": "XZB", "names": ["Zembla"], "adjectives": ["Zemblan"], "capital": "Onhava"}
{"id": "ann-vos", "name": "Ann Vos", "kind": "person", "country": "XZB", "surnames": ["Vos"], "roles": [{"office": "foreign_minister", "of": "XZB", "role": "GOV", "start": "2001-01-01", "end": "2009-12-31"}, {"office": "head_of_state", "of": "XZB", "role": "GOV", "start": "2010-01-01", "end": null}]}
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "base.jsonl"
    base.write_text(BASE, encoding="utf-8")
    user = tmp_path / "user.jsonl"
    user.write_text('# mine\n{"id": "XZB", "metonyms": ["the Palace"]}\n'
                    '{"id": "new-org", "name": "New Org", "kind": "organization", "country": "XZB"}\n',
                    encoding="utf-8")
    return base, user


def test_user_file_overrides_field_by_field_and_adds(files):
    base, user = files
    d = ActorDictionary.load(user, files=[base])
    assert d.entries["XZB"].name == "Zembla"
    assert "the Palace" in d.entries["XZB"].metonyms
    assert d.lookup("The Palace") == [("XZB", "metonym")]
    assert d.lookup("zemblan") == [("XZB", "adjective")]
    assert d.entries["new-org"].country == "XZB"


def test_role_at_date(files):
    d = ActorDictionary.load(None, files=[files[0]])
    vos = d.entries["ann-vos"]
    assert vos.role_at(date(2005, 1, 1)).office == "foreign_minister"
    assert vos.role_at(date(2015, 1, 1)).office == "head_of_state"
    assert vos.role_at(date(1999, 1, 1)) is None
    assert vos.role_at(None).office == "head_of_state"
    assert d.holders("XZB", ["foreign_minister"], date(2005, 1, 1)) == [vos]
    assert d.holders("XZB", ["foreign_minister"], date(2015, 1, 1)) == []


def test_bad_entry_is_a_catalogued_error(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "No Id"}\n', encoding="utf-8")
    with pytest.raises(DyadError, match=r"\[E103\]"):
        ActorDictionary.load(bad, files=[])


def test_packaged_dictionary_loads():
    d = ActorDictionary.load()
    assert d.entries, "no packaged actor files"


def test_packaged_places_that_stand_for_a_state():
    d = ActorDictionary.load()
    for text, state in [("Oval Office", "USA"), ("the West Bank", "PSE"), ("Gaza Strip", "PSE"),
                        ("Northern Ireland", "GBR"), ("Kampuchean", "KHM"), ("Serb", "SRB")]:
        assert [i for i, _ in d.lookup(text)] == [state], text
    assert d.lookup("Labour") == []


def test_person_names_match_common_transliteration_variants():
    d = ActorDictionary.load()
    for text in ["Omar el Bashir", "Omar El-Bashir", "Omar al Bashir", "Roh Tae Woo"]:
        assert d.lookup(text), text
    assert [i for i, _ in d.lookup("Omar El Bashir")] == ["omar-al-bashir"]


def test_armed_groups_of_older_news_have_their_state():
    d = ActorDictionary.load()
    for text, state in [("Islamic Salvation Front", "DZA"), ("Revolutionary United Front", "SLE"),
                        ("Moro Islamic Liberation Front", "PHL"), ("Tamil Tigers", "LKA")]:
        assert [d.entries[i].country for i, _ in d.lookup(text)] == [state], text
