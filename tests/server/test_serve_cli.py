"""``dyad serve``: options, the safe defaults (127.0.0.1, writes off without a token), a bad database."""

from __future__ import annotations

from typer.testing import CliRunner

from dyad.cli import app


def test_serve_help_lists_its_options():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--cors-origin"):
        assert option in result.output


def test_serve_binds_loopback_by_default(tmp_path, monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda a, **kw: seen.update(kw, app=a))  # do not block on a socket
    monkeypatch.delenv("DYAD_TOKEN", raising=False)
    monkeypatch.delenv("DYAD_HOST", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "c.db"), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.settings.token is None
    assert (tmp_path / "c.db").exists()


def test_serve_refuses_a_database_it_cannot_open(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/missing/dir/c.db"])
    assert result.exit_code == 1
    assert "E301" in result.output
