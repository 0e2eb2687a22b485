"""Near-duplicate detection: MinHash signatures and LSH bands."""

from __future__ import annotations

from dyad.corpus import dedup

BODY = ("The two leaders met at the cosmodrome on Wednesday and discussed military cooperation. "
        "Officials said the talks lasted two hours and ended with a dinner. Analysts expect more meetings.")


def test_same_body_other_boilerplate_is_similar():
    a = dedup.minhash(BODY)
    b = dedup.minhash("BREAKING | Wire\n" + BODY + "\nSubscribe to our newsletter.")
    assert dedup.similarity(a, b) >= dedup.THRESHOLD
    assert set(dedup.bands(a)) & set(dedup.bands(b))


def test_other_story_is_not_similar():
    other = ("Heavy rain flooded the capital on Monday, and the weather service warned of more storms. "
             "Schools were closed and trains were cancelled across the region.")
    assert dedup.similarity(dedup.minhash(BODY), dedup.minhash(other)) < 0.2


def test_signature_is_deterministic_and_survives_tiny_text():
    assert dedup.minhash(BODY) == dedup.minhash(BODY)
    assert len(dedup.minhash("")) == dedup.NUM_PERM
    assert len(dedup.bands(dedup.minhash("one word"))) == dedup.BANDS
