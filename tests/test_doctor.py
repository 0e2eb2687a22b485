"""``dyad doctor`` passes on a healthy install and names the fix when something is wrong."""

from __future__ import annotations

from dyad.doctor import check_database, check_model, run_checks
from dyad.settings import load_settings


def test_healthy_install_passes(tmp_path):
    checks = run_checks(load_settings(env={}, db=f"sqlite:///{tmp_path}/d.db"))
    failed = [(c.name, c.detail) for c in checks if not c.ok]
    assert failed == []
    assert {c.name for c in checks} >= {"python", "packages", "model", "pipeline", "database", "engine"}


def test_missing_model_says_what_to_do():
    check = check_model(load_settings(env={}, model="no_such_pipeline_xx"))
    assert not check.ok
    assert "make setup" in check.fix


def test_unreachable_database_is_reported_not_raised():
    check = check_database(load_settings(env={}, db="postgresql+psycopg://nobody:x@127.0.0.1:9/none"))
    assert not check.ok
    assert "--db" in check.fix
