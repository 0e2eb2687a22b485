"""Input: turn files, JSON Lines records and stdin into ``InputRecord``s or ``InputError``s."""

from dyad.io.readers import InputError, InputRecord, iter_inputs, read_jsonl, record_from_path

__all__ = ["InputError", "InputRecord", "iter_inputs", "read_jsonl", "record_from_path"]
