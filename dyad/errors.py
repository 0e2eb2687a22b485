"""The error catalogue: every error and warning dyad reports has a code here.

Codes are grouped by the stage that raises them:

    E0xx  input: reading, decoding and recognising documents
    E1xx  configuration and data files
    E2xx  the extraction pipeline
    E3xx  the corpus store
    E4xx  the web API
    E5xx  batch engines (process pool, Dask)

Raise ``DyadError(Errors.E001, path=...)``; its message reads ``[E001] ...``.
Error records in the output carry ``{"code": "E001", "message": "..."}``.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class Errors(str, Enum):
    """Error codes with their message templates (``str.format`` fields)."""

    # input
    E001 = "Empty input: the document has no text."
    E002 = "Binary input: {kind} bytes are not an article."
    E003 = "Invalid text encoding: {detail}"
    E004 = "Invalid JSON Lines record on line {line}: {detail}"
    E005 = "The record on line {line} has neither 'text' nor 'html'."
    E006 = "No article found in the HTML page."
    E007 = "Cannot read {path}: {detail}"
    E008 = "{path} is a directory; give files, or use 'dyad ingest' for folders."
    E009 = "Input too large: {size} (limit {limit}; bytes for files, characters for clean text)."
    E010 = "Not English (detected {language}): the text is kept but not analysed."
    E011 = "Nothing left after cleaning: the page holds no article body."
    E012 = "Invalid metadata: {detail}"
    # configuration and data
    E101 = "Cannot load the spaCy pipeline {model!r}: {detail}. Run 'make setup' or name an installed model."
    E102 = "Invalid setting {name}={value!r}: {detail}"
    E103 = "Invalid data file {path}: {detail}"
    E104 = "The spaCy pipeline {model!r} is not an English pipeline (lang={lang!r})."
    # pipeline
    E201 = "Extraction failed in {stage}: {detail}"
    # store
    E301 = "Cannot open the database {url}: {detail}"
    E302 = "The database is busy after {tries} tries: {detail}"
    E303 = "Unknown actor {name!r}: give an actor code or a name known to the corpus."
    E304 = "The database schema version {found} is newer than this dyad supports ({expected}): upgrade dyad."
    E305 = "Unknown {what} {value!r}: use one of {choices}."
    E306 = "Invalid document record: {detail}"
    # API
    E401 = "Authentication required: send 'Authorization: Bearer <token>'."
    E402 = "Invalid token."
    E403 = "Request body too large: {size} bytes (limit {limit})."
    E404 = "Not found: {what}"
    E405 = "Invalid request: {detail}"
    E406 = "Writes are disabled: no token is configured (set DYAD_TOKEN)."
    E407 = "Internal server error ({detail}); the details are in the server log."
    # engines
    E501 = "Cannot reach the Dask scheduler {address}: {detail}"
    E502 = "Unknown engine {engine!r}: use 'local' or 'dask'."

    def format(self, **fields: Any) -> str:  # type: ignore[override]
        try:
            body = self.value.format(**fields)
        except (KeyError, IndexError):
            body = self.value
        return f"[{self.name}] {body}"


class DyadError(Exception):
    """An error with a catalogue code. ``str(err)`` is ``[Exxx] message``."""

    def __init__(self, code: Errors, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        super().__init__(code.format(**fields))

    @property
    def message(self) -> str:
        return str(self)

    def to_record(self) -> dict[str, str]:
        return {"code": self.code.name, "message": str(self)}
