"""Every record dyad writes validates against the shipped JSON Schema, offsets included."""

from __future__ import annotations

from dyad.schema import document_schema, offset_errors, validation_errors


def test_schema_is_shipped_and_names_the_contract():
    assert document_schema()["$id"] == "dyad.document/1"


def test_example_records_validate(example_records):
    for name, record in example_records.items():
        assert "error" not in record, name
        assert validation_errors(record) == [], name


def test_error_records_validate():
    rec = {"schema": "dyad.document/1", "source": {"id": "x", "path": None, "url": None},
           "error": {"code": "E001", "message": "[E001] Empty input: the document has no text."}}
    assert validation_errors(rec) == []


def test_offset_checker_catches_a_bad_span():
    rec = {"text": "Kim met Putin.", "quotes": [{"start": 0, "end": 3, "text": "Kim"}],
           "times": [{"start": 4, "end": 7, "text": "Putin"}]}
    assert offset_errors(rec) == ["times/0: text[4:7] != 'Putin'"]


def test_schema_rejects_a_wrong_event_type():
    rec = {"schema": "dyad.document/1", "id": "0123456789abcdef",
           "source": {"id": None, "path": None, "url": None}, "title": None, "outlet": None, "authors": [],
           "published": None, "text": "x", "actors": [], "quotes": [], "amounts": [], "times": [],
           "events": [{"id": "e1", "type": "HUG", "source": None, "target": None, "date": None,
                       "status": "asserted", "evidence": {"start": 0, "end": 1, "text": "x"}}]}
    assert any("HUG" in e for e in validation_errors(rec))
