"""The trigger lexicon and the PLOVER <-> CAMEO crosswalk: packaged data, user files, errors."""

from __future__ import annotations

import json

import pytest

from dyad.errors import DyadError
from dyad.events.lexicon import PLOVER_TYPES, load_lexicon


def test_packaged_lexicon_covers_every_plover_type():
    lex = load_lexicon()
    types = {e.type for e in lex.entries.values() if e.type}
    assert types == set(PLOVER_TYPES)
    assert all(e.cameo for e in lex.entries.values() if e.type)


def test_crosswalk_codes_and_weights():
    lex = load_lexicon()
    assert lex.cameo_for("CONSULT", "visit") == "042"
    assert lex.cameo_for("ASSAULT", None) == "180"
    assert lex.requires_target("AID") and not lex.requires_target("CONSULT")
    assert lex.weight("190") == -10.0
    assert lex.weight("057") is not None and lex.weight("057") > 0


def test_most_specific_entry_first():
    lex = load_lexicon()
    ids = [e.id for e in lex.candidates("impose", "VERB")]
    assert ids and all(lex.entries[i].obj for i in ids)
    calls = lex.candidates("call", "VERB")
    assert calls[0].specificity >= calls[-1].specificity


def test_user_file_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.jsonl"
    lines = [
        {"id": "stonewall.v", "lemma": "stonewall", "pos": "VERB", "type": "REJECT"},
        {"id": "meet.v", "lemma": "meet", "pos": "VERB", "type": "CONSULT", "mode": "multilateral"},
    ]
    path.write_text("# mine\n" + "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    lex = load_lexicon(path)
    assert lex.entries["stonewall.v"].cameo == "120"
    assert lex.entries["meet.v"].mode == "multilateral"
    assert lex.entries["meet.v"].cameo == "044"


def test_bad_user_file_names_the_problem(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "lemma": "x", "type": "HUG"}\n', encoding="utf-8")
    with pytest.raises(DyadError) as err:
        load_lexicon(path)
    assert "E103" in str(err.value) and "HUG" in str(err.value)
