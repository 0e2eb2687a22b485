"""Plural pair references ("both leaders", "the two countries") as event arguments."""

from __future__ import annotations

from event_docs import coded, summary


def test_both_leaders_resolve_to_the_pair_named_before(nlp):
    _, events = coded(nlp, "Putin met Kim in Pyongyang. Both leaders signed a mutual defence agreement.",
                      published="2024-06-20")
    signed = [e for e in events if e.trigger.text == "signed"]
    assert [(e.source, e.target) for e in signed] == [("putin", "kim")]
    assert signed[0].type == "AGREE"


def test_the_two_countries_resolve_to_states(nlp):
    doc, events = coded(nlp, "Russia hosted North Korea for talks. The two countries signed a treaty.",
                        published="2024-06-20")
    assert ("AGREE", "RUS", "PRK", "asserted") in summary(events, doc)


def test_no_pair_when_only_one_actor_was_named(nlp):
    _, events = coded(nlp, "Putin spoke on Monday. Both leaders signed a treaty.", published="2024-06-20")
    assert [e for e in events if e.trigger.text == "signed"] == []


def test_three_uncoordinated_people_resolve_to_nobody(nlp):
    _, events = coded(nlp, "Putin met Kim while Blinken watched. Both leaders signed a treaty.", published="2024-06-20")
    assert [e for e in events if e.trigger.text == "signed"] == []


def test_a_coordinated_pair_among_three_is_the_pair(nlp):
    _, events = coded(nlp, "Blinken said Putin and Kim met. Both leaders signed a treaty.", published="2024-06-20")
    assert [(e.source, e.target) for e in events if e.trigger.text == "signed"] == [("putin", "kim")]


def _on(events, word):
    return [(e.type, {e.source, e.target}) for e in events if e.trigger.text == word]


def test_their_meeting_pairs_the_sentence_actor_with_the_other_party_named_before(nlp):
    _, events = coded(nlp, "Kim arrived in Russia for talks with Putin. After their long meeting, Kim left for Pyongyang.",
                      published="2024-06-20")
    assert _on(events, "meeting") == [("CONSULT", {"kim", "putin"})]


def test_their_summit_pairs_the_two_people_the_sentence_names(nlp):
    _, events = coded(nlp, "After their summit in Beijing, Putin thanked Kim warmly.", published="2024-06-20")
    assert _on(events, "summit") == [("CONSULT", {"putin", "kim"})]


def test_their_meeting_needs_a_party_of_another_country(nlp):
    _, events = coded(nlp, "Kim spoke on Monday. After their meeting, Kim left for Pyongyang.", published="2024-06-20")
    assert _on(events, "meeting") == []


def test_their_meeting_with_someone_is_not_a_pair(nlp):
    _, events = coded(nlp, "Kim met Putin on Monday. After their meeting with Blinken, Kim left for Pyongyang.",
                      published="2024-06-20")
    assert all(e.target != "putin" and e.source != "putin" for e in events if e.trigger.text == "meeting")


def test_example_article_codes_the_cosmodrome_meeting(example_records):
    rec = example_records["004_4a83f7daf512b5e4.txt"]
    country = {a["id"]: a.get("country") for a in rec["actors"]}
    hits = [e for e in rec["events"] if e["trigger"]["text"] == "meeting" and e["type"] == "CONSULT"
            and (e.get("location") or {}).get("name") == "Vostochny Cosmodrome"]
    assert [({country[e["source"]], country[e["target"]]}, e["date"]) for e in hits] == [({"PRK", "RUS"}, "2023-09-13")]


def test_their_meeting_of_two_compatriots_is_no_dyad(nlp):
    actors = {"Putin": ("putin", "person", "RUS"), "Lavrov": ("lavrov", "person", "RUS"), "Kim": ("kim", "person", "PRK")}
    _, events = coded(nlp, "Kim waited in Pyongyang. After their meeting, Putin thanked Lavrov.", actors=actors,
                      published="2024-06-20")
    assert _on(events, "meeting") == []
