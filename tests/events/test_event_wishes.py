"""Acts that are aimed at, demanded or hoped for are not acts done; a speaker's own side is not the
recipient of what the speaker warns about; a third-person pronoun in a quote is not its speaker's."""

from __future__ import annotations


def code(nlp, text: str):
    doc = nlp(text)
    acts = doc._.actors or {}

    def cc(aid):
        return acts[aid].country if aid in acts else None

    return [(e.type, cc(e.source), cc(e.target)) for e in doc._.events or []]


def test_purpose_of_a_mission_is_no_act(nlp):
    text = "US officials said American forces had launched a rescue mission to free the hostages."
    assert [e for e in code(nlp, text) if e[0] == "RETREAT"] == []


def test_infinitive_of_the_first_of_a_kind_is_an_act(nlp):
    assert ("SUPPORT", "RUS", "AFG") in code(nlp, "Russia was the first country to recognize the Taliban government.")


def test_purpose_of_a_rally_is_the_protest(nlp):
    text = "Thousands of Nigerians converged on Thursday for a rally in Lagos to protest the new law."
    assert [e[0] for e in code(nlp, text)] == ["PROTEST"]


def test_for_to_clause_without_a_named_demander_is_no_event(nlp):
    assert code(nlp, "The pressure must continue for Damascus to allow the United Nations to deliver aid.") == []


def test_must_clause_in_the_writers_voice_is_no_event(nlp):
    assert code(nlp, "Damascus must allow the United Nations to deliver aid.") == []


def test_wish_voiced_by_a_quoted_speaker_is_their_request(nlp):
    text = ("“The pressure must continue for Syria to allow the United Nations to deliver aid,” "
            "said Antony Blinken, the US Secretary of State.")
    assert code(nlp, text) == [("REQUEST", "USA", "SYR")]


def test_wish_voiced_by_a_reporter_is_their_request(nlp):
    text = "France said the pressure must continue for Syria to allow the United Nations to deliver aid."
    assert code(nlp, text) == [("REQUEST", "FRA", "SYR")]


def test_call_for_an_act_stays_a_request(nlp):
    assert code(nlp, "Egypt called for Israel to withdraw from Gaza.") == [("REQUEST", "EGY", "ISR")]


def test_must_have_done_is_no_wish(nlp):
    assert ("AID", "IRN", "RUS") in code(nlp, "Iran must have supplied the drones to Russia.")


def test_own_forces_in_a_warning_are_not_its_recipient(nlp):
    text = "China's defence minister warned that the People's Liberation Army could be deployed."
    assert [e for e in code(nlp, text) if e[1] == e[2]] == []


def test_other_side_in_a_warning_is_its_recipient(nlp):
    assert code(nlp, "Israel warned that Iran would pay a heavy price.") == [("THREATEN", "ISR", "IRN")]


def test_third_person_pronoun_in_a_quote_is_not_the_speakers_state(nlp):
    text = ("China's ambassador to Britain, Liu Xiaoming, spoke on Wednesday. "
            "“They have threatened Hong Kong with sanctions,” he said.")
    events = code(nlp, text)
    assert ("THREATEN", "GBR", "HKG") in events
    assert not [e for e in events if e[1] == "CHN"]


def test_sending_prisoners_is_no_aid(nlp):
    assert code(nlp, "The Afghan government sent the prisoners to Qatar.") == []


def test_object_pronoun_of_a_coordinated_verb_takes_the_first_verbs_object(nlp):
    text = "The Afghan government freed three prisoners and sent them to Qatar."
    assert [e for e in code(nlp, text) if e[0] == "AID"] == []


def test_sending_goods_stays_aid(nlp):
    assert code(nlp, "France sent food to Syria.") == [("AID", "FRA", "SYR")]


def test_where_the_object_fell_is_no_recipient(nlp):
    text = ("The Taliban claimed responsibility for shooting down the helicopter, "
            "which it said crashed in Logar province south of the capital Kabul.")
    assert [e for e in code(nlp, text) if e[0] == "ASSAULT"] == []


def test_an_attack_at_home_still_hits_the_own_state(nlp):
    assert ("ASSAULT", "AFG", "AFG") in code(nlp, "Afghan rebels exploded a series of bombs in the capital Kabul.")


def test_infinitive_below_a_causative_in_an_aim_is_no_act(nlp):
    text = "Sondland is caught up in the president's efforts to get Ukraine to investigate his rival Joe Biden."
    assert [e for e in code(nlp, text) if e[0] == "ACCUSE"] == []


def test_owner_of_an_event_noun_is_not_the_one_who_agrees_to_it(nlp):
    text = "Sondland said the administration would agree to a meeting Zelenskiy wanted with Trump."
    assert [e for e in code(nlp, text) if e[0] == "AGREE"] == []


def test_agreement_by_a_named_side_keeps_its_partner(nlp):
    assert ("AGREE", "RUS", "USA") in code(nlp, "Russia agreed to US mediation.")
