"""Document identity and near-duplicate grouping.

Identity: a document is its clean text; its id is ``dyad.serialize.document_id`` (first 16 hex
digits of the SHA-256), so the same article ingested twice is the same row.

Near-duplicates (one story syndicated with other headlines, bylines or footers): each document
gets a MinHash signature of its word 5-gram shingles (``NUM_PERM`` hash functions); the signature
is cut into ``BANDS`` bands whose hashes go into ``document_bands`` (locality-sensitive hashing),
so candidates are found with one indexed query however large the corpus. A candidate whose
estimated Jaccard similarity reaches ``THRESHOLD`` puts the new document into its group.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable

SHINGLE = 5
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.6
_PRIME = (1 << 61) - 1
_MAX = (1 << 32) - 1
_WORD = re.compile(r"\w+", re.UNICODE)


def _coefficients() -> list[tuple[int, int]]:
    """Fixed (a, b) pairs of the universal hash family, derived deterministically (no RNG state)."""
    out = []
    for i in range(NUM_PERM):
        digest = hashlib.sha256(f"dyad-minhash-{i}".encode()).digest()
        a, b = struct.unpack("<QQ", digest[:16])
        out.append((a % (_PRIME - 1) + 1, b % _PRIME))
    return out


_COEFFS = _coefficients()


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """32-bit hashes of the word ``size``-grams of ``text`` (case-folded)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        words = words + [""] * (size - len(words))
    grams = {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}
    return {struct.unpack("<I", hashlib.blake2b(g.encode(), digest_size=4).digest())[0] for g in grams}


def minhash(text: str) -> list[int]:
    """The MinHash signature (``NUM_PERM`` values) of ``text``'s shingles."""
    hashes = shingles(text)
    return [min(((a * h + b) % _PRIME) & _MAX for h in hashes) for a, b in _COEFFS]


def bands(signature: list[int]) -> list[str]:
    """One short hash per band of the signature (what the LSH index stores)."""
    out = []
    for i in range(BANDS):
        chunk = signature[i * ROWS:(i + 1) * ROWS]
        out.append(hashlib.blake2b(struct.pack(f"<{len(chunk)}Q", *chunk), digest_size=8).hexdigest())
    return out


def similarity(a: Iterable[int], b: Iterable[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    pairs = list(zip(a, b, strict=False))
    if not pairs:
        return 0.0
    return sum(1 for x, y in pairs if x == y) / len(pairs)
