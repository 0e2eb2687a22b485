"""Readers for every input form ``dyad extract`` and ``dyad ingest`` take.

Each yields, in input order, an ``InputRecord`` or an ``InputError`` (never raises for one bad
document): ``.txt`` and other files are raw text, ``.html``/``.htm`` go through the HTML
extractor, ``.jsonl`` files hold one record per line, ``-`` is standard input.

A plain file may have a metadata sidecar beside it: ``story.txt`` → ``story.meta.json``, a JSON
object with any of ``META_KEYS`` (what scrapers commonly save next to the text). Its values fill
in what the command line does not give; an unreadable sidecar makes the document an E012 error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from dyad.errors import DyadError, Errors
from dyad.io.decode import check_text, decode_bytes

DEFAULT_LIMIT = 10_000_000
"""Bytes a document may have unless the caller says otherwise (``Settings.max_input_bytes``)."""
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_KEYS = ("url", "published", "title", "outlet", "authors")


@dataclass
class InputRecord:
    """One document to extract: raw text or HTML plus whatever metadata was given."""

    id: Any = None
    text: str | None = None
    html: str | None = None
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def source(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "url": self.meta.get("url")}


@dataclass
class InputError:
    """A document that could not be read; it becomes an error record in its place."""

    error: DyadError
    id: Any = None
    path: str | None = None
    url: str | None = None

    @property
    def source(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "url": self.url}


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:20000])


def record_from_text(text: str, *, id: Any = None, path: str | None = None, **meta: Any) -> InputRecord:
    meta = {k: v for k, v in meta.items() if v is not None}
    if looks_like_html(text):
        return InputRecord(id=id, html=text, path=path, meta=meta)
    return InputRecord(id=id, text=text, path=path, meta=meta)


def sidecar_path(path: Path) -> Path:
    """Where the metadata sidecar of ``path`` lives: ``story.txt`` → ``story.meta.json``."""
    return path.with_name(path.stem + ".meta.json")


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata in ``path``'s sidecar (``META_KEYS`` only), ``{}`` when there is none.

    Raises ``DyadError`` (E012) when the sidecar exists but is not a JSON object."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        obj = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DyadError(Errors.E012, detail=f"{side.name}: {e}") from e
    if not isinstance(obj, dict):
        raise DyadError(Errors.E012, detail=f"{side.name} is not a JSON object")
    return {k: obj[k] for k in META_KEYS if obj.get(k) is not None}


def record_from_path(path: Path, limit: int | None = None, **meta: Any) -> InputRecord | InputError:
    """Read one file as a document (not for ``.jsonl``: use ``read_jsonl``)."""
    name = str(path)
    if path.is_dir():
        return InputError(DyadError(Errors.E008, path=name), id=name, path=name)
    try:
        meta = {**read_sidecar(path), **{k: v for k, v in meta.items() if v is not None}}
    except DyadError as e:
        return InputError(e, id=name, path=name, url=meta.get("url"))
    try:
        data = path.read_bytes()
    except OSError as e:
        return InputError(DyadError(Errors.E007, path=name, detail=e.strerror or str(e)), id=name, path=name)
    try:
        text = decode_bytes(data, limit)
    except DyadError as e:
        return InputError(e, id=name, path=name, url=meta.get("url"))
    if path.suffix.lower() in HTML_SUFFIXES:
        return InputRecord(id=name, html=text, path=name, meta={k: v for k, v in meta.items() if v})
    return record_from_text(text, id=name, path=name, **meta)


def parse_jsonl_line(line: str, lineno: int, path: str | None, limit: int | None) -> InputRecord | InputError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        err = DyadError(Errors.E004, line=lineno, detail=e.msg)
        return InputError(err, id=f"{path or '-'}:{lineno}", path=path)
    if not isinstance(obj, dict):
        err = DyadError(Errors.E004, line=lineno, detail=f"expected an object, got {type(obj).__name__}")
        return InputError(err, id=f"{path or '-'}:{lineno}", path=path)
    rid = obj.get("id", f"{path or '-'}:{lineno}")
    meta = {k: obj[k] for k in META_KEYS if obj.get(k) is not None}
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(DyadError(Errors.E005, line=lineno), id=rid, path=path, url=meta.get("url"))
    try:
        if isinstance(html, str):
            return InputRecord(id=rid, html=check_text(html, limit), path=path, meta=meta)
        return InputRecord(id=rid, text=check_text(str(text), limit), path=path, meta=meta)
    except DyadError as e:
        return InputError(e, id=rid, path=path, url=meta.get("url"))


def read_jsonl(stream: Iterable[bytes], path: str | None = None, limit: int | None = None
               ) -> Iterator[InputRecord | InputError]:
    """Records from a JSON Lines byte stream; a bad line becomes an error, the rest go on."""
    for lineno, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as e:
            err = DyadError(Errors.E003, detail=f"line {lineno}: {e.reason}")
            yield InputError(err, id=f"{path or '-'}:{lineno}", path=path)
            continue
        if not line.strip():
            continue
        yield parse_jsonl_line(line, lineno, path, limit)


def _open_jsonl(path: Path, limit: int | None) -> Iterator[InputRecord | InputError]:
    name = str(path)
    if path.is_dir():
        yield InputError(DyadError(Errors.E008, path=name), id=name, path=name)
        return
    try:
        fh: BinaryIO = path.open("rb")
    except OSError as e:
        yield InputError(DyadError(Errors.E007, path=name, detail=e.strerror or str(e)), id=name, path=name)
        return
    with fh:
        yield from read_jsonl(fh, name, limit)


def iter_inputs(paths: Iterable[str], jsonl: Iterable[str] = (), limit: int | None = DEFAULT_LIMIT,
                stdin: BinaryIO | None = None, **meta: Any) -> Iterator[InputRecord | InputError]:
    """All documents named on a command line, in order: files, then ``--jsonl`` files.

    ``meta`` (url, published, ...) applies to plain files and stdin, never to JSONL records,
    which carry their own.
    """
    for p in paths:
        if p == "-":
            data = (stdin or sys.stdin.buffer).read()
            try:
                yield record_from_text(decode_bytes(data, limit), id="-", **meta)
            except DyadError as e:
                yield InputError(e, id="-")
            continue
        path = Path(p)
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _open_jsonl(path, limit)
        else:
            yield record_from_path(path, limit, **meta)
    for j in jsonl:
        if j == "-":
            yield from read_jsonl(stdin or sys.stdin.buffer, "-", limit)
        else:
            yield from _open_jsonl(Path(j), limit)
