"""``dyad doctor``: check the install and say what to do when something is wrong.

Each check is a plain function returning a ``Check``; none changes anything (the database check
only reads the schema version; it never creates tables).
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

from dyad.errors import DyadError
from dyad.settings import Settings


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def check_python(settings: Settings) -> Check:
    ok = sys.version_info >= (3, 11)
    return Check("python", ok, platform.python_version(), "" if ok else "use Python 3.11 or newer")


def check_versions(settings: Settings) -> Check:
    names = ("dyad-events", "spacy", "trafilatura", "sqlalchemy", "fastapi", "dask", "pyarrow")
    found, missing = [], []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            missing.append(name)
    return Check("packages", not missing, ", ".join(found) + (f"; missing: {', '.join(missing)}" if missing else ""),
                 "run 'make setup' (installs requirements.lock)" if missing else "")


def check_model(settings: Settings) -> Check:
    try:
        import spacy

        nlp = spacy.load(settings.model)
    except (OSError, ImportError, ValueError) as e:
        return Check("model", False, f"{settings.model}: {str(e).splitlines()[0]}",
                     "run 'make setup', or name an installed English pipeline with DYAD_MODEL / --model")
    lacking = [p for p in ("parser", "ner") if p not in nlp.pipe_names]
    ok = nlp.lang == "en" and not lacking
    detail = f"{settings.model} {nlp.meta.get('version', '?')} (lang={nlp.lang}, pipes={','.join(nlp.pipe_names)})"
    fix = "" if ok else "dyad needs an English pipeline with a parser and an entity recogniser"
    return Check("model", ok, detail, fix)


def check_pipeline(settings: Settings) -> Check:
    try:
        from dyad.pipeline import load

        nlp = load(settings=settings)
        doc = nlp("Russia and China signed an agreement in Beijing on Monday.")
    except DyadError as e:
        return Check("pipeline", False, str(e), "fix the data file or setting the message names")
    except Exception as e:  # doctor reports, it does not crash
        return Check("pipeline", False, f"{type(e).__name__}: {e}", "reinstall with 'make setup'")
    return Check("pipeline", True, f"components: {', '.join(n for n in nlp.pipe_names if n.startswith('dyad_'))}; "
                 f"{len(doc._.actors or {})} actors on a test sentence")


def check_database(settings: Settings) -> Check:
    try:
        from sqlalchemy import inspect, text

        from dyad.corpus.store import SCHEMA_VERSION, make_engine, normalise_url
    except ImportError as e:
        return Check("database", False, str(e), "reinstall with 'make setup'")
    url = normalise_url(settings.db)
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if "schema_version" not in tables:
                return Check("database", True, f"{url}: reachable, empty (created on first 'dyad ingest')")
            version = conn.execute(text("SELECT version FROM schema_version WHERE id = 1")).scalar()
        engine.dispose()
    except Exception as e:  # any driver error is reported, not raised
        return Check("database", False, f"{url}: {type(e).__name__}: {str(e).splitlines()[0]}",
                     "check --db / DYAD_DB, that the server runs and the user may connect")
    ok = version == SCHEMA_VERSION
    return Check("database", ok, f"{url}: schema version {version} (this dyad: {SCHEMA_VERSION})",
                 "" if ok else "run 'dyad ingest' with this version to migrate, or point --db elsewhere")


def check_engine(settings: Settings) -> Check:
    if settings.engine != "dask":
        return Check("engine", True, f"local, {settings.workers} worker(s)")
    try:
        from dyad.engine.dask import connect

        client = connect(settings.scheduler, timeout=5)
        n = len(client.scheduler_info().get("workers", {}))
        client.close()
    except DyadError as e:
        return Check("engine", False, str(e), "start a scheduler and workers, or set DYAD_ENGINE=local")
    return Check("engine", n > 0, f"dask at {settings.scheduler}: {n} worker(s)",
                 "" if n else "start workers: dask worker " + str(settings.scheduler))


CHECKS: tuple[Callable[[Settings], Check], ...] = (
    check_python, check_versions, check_model, check_pipeline, check_database, check_engine,
)


def run_checks(settings: Settings) -> list[Check]:
    return [check(settings) for check in CHECKS]
