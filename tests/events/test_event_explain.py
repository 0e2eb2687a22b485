"""Why an event was coded: Event.explain, the rendering and the `dyad explain` command."""

from __future__ import annotations

from event_docs import coded
from typer.testing import CliRunner

from dyad.cli import app
from dyad.events.explain import render


def test_explain_names_trigger_pattern_and_paths(nlp):
    _, events = coded(nlp, "Russia and North Korea are reportedly considering joint military exercises.")
    x = events[0].explain
    assert x["trigger"] == "exercises"
    assert x["pattern"] == "exercise_military.n"
    assert x["source_path"].endswith("nsubj") and x["target_path"] == "conj"
    assert "considering" in x["status_cues"] and "reportedly" in x["status_cues"]
    text = render(events[0], {"RUS": "Russia", "PRK": "North Korea"})
    assert "exercise_military.n" in text and "Russia -> North Korea" in text


def test_explain_command(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on "
                    "Wednesday, state media said.\n\nThe two leaders signed a partnership treaty during the visit, "
                    "according to officials in Moscow and Pyongyang.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(path), "--published", "2024-06-19"])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.output and "pattern meet.v" in result.output
