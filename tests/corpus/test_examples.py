"""The corpus on the example articles, through the real extraction pipeline.

Assertions here hold whatever the extraction stages find (idempotence, grouping, citations);
what the briefing must say about RUS–PRK is checked on hand-made records in test_analysis.py.
"""

from __future__ import annotations

import re
import shutil

import pytest

from dyad.corpus import Corpus


@pytest.fixture(scope="module")
def example_db(tmp_path_factory, nlp, example_paths):
    folder = tmp_path_factory.mktemp("articles")
    for p in example_paths:
        shutil.copy(p, folder / p.name)
        sidecar = p.with_name(p.stem + ".meta.json")
        if sidecar.exists():
            shutil.copy(sidecar, folder / sidecar.name)
    (folder / "nested").mkdir()
    (folder / "nested" / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    (folder / "nested" / "empty.txt").write_text("")
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'examples.db'}"
    with Corpus(url) as c:
        report = c.ingest([str(folder)], nlp=nlp)
    return url, folder, report


def test_folder_ingest_recurses_and_stores_errors(example_db):
    url, _folder, report = example_db
    assert report.added == 2 and report.errors == 1  # empty.txt; the .pdf is not an input suffix
    with Corpus(url) as c:
        counts = c.counts()
        assert counts["documents"] == 2 and counts["errors"] == 1
        assert counts["document_groups"] == 2


def test_ingesting_the_same_folder_twice_changes_nothing(example_db, nlp):
    url, folder, _ = example_db
    with Corpus(url) as c:
        before = c.counts()
        report = c.ingest([str(folder)], nlp=nlp)
        assert report.added == 0 and report.unchanged == 2
        assert c.counts() == before


def test_rus_prk_brief_on_the_examples(example_db):
    """The briefing an analyst gets from the two example articles (issue #7's acceptance)."""
    url, _, _ = example_db
    with Corpus(url) as c:
        md = c.brief("RUS", "PRK", "md")
        result = c.dyad("RUS", "PRK")
    meetings = [i for i in result["incidents"] if i["type"] == "CONSULT" and i["date"]]
    sept = [i for i in meetings if i["date"].startswith("2023-09")]
    june = [i for i in meetings if i["date"].startswith("2024-06")]
    assert len(sept) == 1 and sept[0]["location"] == "Vostochny Cosmodrome"
    assert len(june) == 1 and june[0]["location"] == "Pyongyang"
    assert any(c.startswith("[1:") for c in sept[0]["cites"]) and any(c.startswith("[2:") for c in sept[0]["cites"])
    signed = [i for i in result["incidents"] if i["type"] == "AGREE" and (i["date"] or "").startswith("2024-06")]
    assert signed and "signed" in signed[0]["headline"]
    for figure in ("50,000 rounds", "10,000 shipping containers", "260,000 metric tonnes"):
        assert figure in md
    assert "denied by North Korea" in md
    to_rus = md.split("### North Korea → Russia")[1].split("###")[0]
    to_prk = md.split("### Russia → North Korea")[1].split("##")[0]
    assert all(w in to_rus for w in ("munitions", "shells", "missiles"))
    assert all(w in to_prk for w in ("food", "fuel", "military technology", "satellites"))
    for speaker in ("Kim Jong Un", "Vladimir Putin", "Antony Blinken", "John Kirby"):
        assert speaker in md
    for line in md.splitlines():
        if line.startswith("- ") and not line.startswith("- ["):
            assert re.search(r"\[\d+:\d+\]", line), line


def test_every_event_is_in_exactly_one_incident(example_db):
    url, _, _ = example_db
    with Corpus(url) as c:
        events = c.rows("events")
        assert all(e["incident_id"] for e in events)
        assert len({e["id"] for e in events}) == len(events) == c.counts()["incident_events"]
        for e in events:
            assert e["sentence"] >= 1


def test_syndicated_copy_makes_no_new_group_or_incident(tmp_path, nlp, example_paths):
    original = example_paths[1]
    body = original.read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(original, tmp_path / "a" / original.name)
    (tmp_path / "b" / "copy.txt").write_text(
        "Asia Wire Service\n\n" + body + "\n\nReporting by a staff correspondent; editing by the news desk.\n",
        encoding="utf-8")
    with Corpus(str(tmp_path / "c.db")) as c:
        c.ingest([str(tmp_path / "a")], nlp=nlp)
        alone = c.counts()
        c.ingest([str(tmp_path / "b")], nlp=nlp)
        after = c.counts()
    assert after["document_groups"] == 1
    assert after["incidents"] == alone["incidents"]


def test_brief_on_examples_cites_every_line(example_db):
    url, _, _ = example_db
    with Corpus(url) as c:
        pairs = {(e["source_country"], e["target_country"]) for e in c.rows("events")
                 if e["source_country"] and e["target_country"] and e["source_country"] != e["target_country"]}
        if not pairs:
            pytest.skip("the extraction stages found no dyad yet")
        a, b = sorted(pairs)[0]
        md = c.brief(a, b, "md")
    lines = [ln for ln in md.splitlines() if ln.startswith("- ") and not ln.startswith("- [")]
    assert lines and all(re.search(r"\[\d+:\d+\]", ln) for ln in lines)
    assert "## Sources" in md
