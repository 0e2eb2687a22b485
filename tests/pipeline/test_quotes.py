"""dyad_quotes on short texts of our own with the real pipeline: one test per quote or attribution
pattern (marks, labels, cues, speakers, relays, reported speech), plus robustness checks."""

from __future__ import annotations

import pytest

from dyad.pipeline.quotes import QuotesComponent
from dyad.quotes.marks import find_quotes
from dyad.records import Quote


def run(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    for q in doc._.quotes:
        assert doc.text[q.start:q.end] == q.text
    return list(doc._.quotes)


def only(quotes: list[Quote], direct: bool | None = None) -> Quote:
    chosen = [q for q in quotes if direct is None or q.direct == direct]
    assert len(chosen) == 1, chosen
    return chosen[0]


def said_by(q: Quote, name: str) -> bool:
    return name.lower() in (q.speaker_name or "").lower()


def via_names(nlp_doc, q: Quote) -> list[str]:
    actors = nlp_doc._.actors or {}
    return [v for v in q.via] + [actors[v].name for v in q.via if v in actors]


# --- quotation marks -------------------------------------------------------------------------

def test_straight_quotes_with_trailing_cue(nlp):
    q = only(run(nlp, 'Foreign Minister Sergei Lavrov said on Monday, "We will answer every provocation."'))
    assert q.direct and q.text == "We will answer every provocation."
    assert said_by(q, "Lavrov") and q.cue == "said"


def test_curly_quotes_with_inverted_cue(nlp):
    text = "\u201cThe sanctions have failed to change anything in Pyongyang,\u201d says Dr Anil Mehta."
    q = only(run(nlp, text))
    assert q.text.startswith("The sanctions have failed") and said_by(q, "Mehta")
    assert q.cue == "says"


def test_inverted_cue_adds(nlp):
    text = '"This gives the regime some breathing space for the coming winter," adds Dr Mehta.'
    q = only(run(nlp, text))
    assert said_by(q, "Mehta") and q.cue == "adds"


def test_single_quotes_are_quotes_and_apostrophes_are_not(nlp):
    text = "Lavrov said: 'We will not accept this ultimatum from Washington.' Russia's envoy agreed."
    q = only(run(nlp, text))
    assert q.text == "We will not accept this ultimatum from Washington." and said_by(q, "Lavrov")


def test_unclosed_quote_ends_at_paragraph_end(nlp):
    text = ('Defence Minister Andrei Belousov said the drills were "a rehearsal for the defence of our '
            'allies in the east\nThe exercises end on Friday.')
    q = only(run(nlp, text))
    assert q.text == "a rehearsal for the defence of our allies in the east"
    assert said_by(q, "Belousov")


def test_quote_spanning_paragraphs_keeps_its_speaker(nlp):
    text = ("\u201cWe will respond to every provocation with force,\u201d Sergei Lavrov said. "
            "\u201cOur patience has limits.\n\n\u201cNobody in Washington should doubt our resolve.\u201d")
    quotes = run(nlp, text)
    assert len(quotes) == 3
    assert all(said_by(q, "Lavrov") for q in quotes)
    marks = find_quotes(text)
    assert not marks[1].closed and marks[1].group == marks[2].group


def test_split_quote_both_parts_have_the_speaker(nlp):
    text = ('Chinese foreign ministry spokesman Lin Jian spoke on Tuesday. "We are ready to talk '
            'with all parties," he added, "but we will not be pressured by anyone."')
    quotes = run(nlp, text)
    assert len(quotes) == 2
    assert all(q.direct and said_by(q, "Lin Jian") for q in quotes)


# --- labels and scare quotes -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    'Putin greeted his "comrade" Kim in Pyongyang on Wednesday.',
    "China proclaimed a \u201cno limits\u201d partnership with Russia in 2022.",
    'The so-called "special military operation" entered its third year.',
    'The two leaders signed a "comprehensive strategic partnership" in Pyongyang.',
    'Kim condemned the Western sanctions, labelling them as "evil."',
    'North Korea follows a policy of "juche," or self-reliance.',
    'Analysts dubbed the meeting the "summit of the sanctioned".',
    'The think tank published a report titled "How North Korea Arms Russia and Why It Matters" on Monday.',
])
def test_short_labels_are_not_quotes(nlp, text):
    assert run(nlp, text) == []


def test_short_quote_governed_by_speech_verb_is_a_quote(nlp):
    text = "State news agency KCNA said Kim \u201ccould not contain his joy\u201d at the reunion."
    q = only(run(nlp, text), direct=True)
    assert q.text == "could not contain his joy"
    assert q.speaker == "KCNA" or said_by(q, "KCNA") or said_by(q, "Korean Central News")


# --- cues and speakers -----------------------------------------------------------------------

def test_partial_quote_inside_reported_speech(nlp):
    text = ('Kim Jong Un promised "full support and solidarity to the Russian government and army" '
            'during the banquet.')
    q = only(run(nlp, text))
    assert q.direct and said_by(q, "Kim") and q.cue == "promised"


def test_told_reporters_is_the_cue(nlp):
    text = 'National Security Council spokesman John Kirby told reporters, "We are watching this very closely."'
    q = only(run(nlp, text))
    assert said_by(q, "Kirby") and q.cue == "told reporters" and q.via == []


def test_he_added_resolves_to_the_previous_speaker(nlp):
    text = ('"A toast to the friendship between our peoples," Vladimir Putin said at the dinner.\n\n'
            '"And to the health of everyone present," he added.')
    quotes = run(nlp, text)
    assert len(quotes) == 2 and all(said_by(q, "Putin") for q in quotes)
    assert quotes[1].cue == "added"


def test_she_said_resolves_to_the_nearest_person(nlp):
    text = ("Maria Zakharova spoke in Moscow on Thursday. "
            '"The West has chosen confrontation over dialogue," she said.')
    q = only(run(nlp, text), direct=True)
    assert said_by(q, "Zakharova")


def test_quote_paragraph_followed_by_cue_paragraph(nlp):
    text = ('"We will never accept sanctions imposed by a foreign power on our people."\n\n'
            "Maria Zakharova, the foreign ministry spokeswoman, said this on Monday.")
    q = only(run(nlp, text), direct=True)
    assert said_by(q, "Zakharova")


def test_cue_paragraph_ending_with_a_colon(nlp):
    text = ('In a statement, the South Korean foreign ministry said:\n\n'
            '"We strongly condemn the launch, which violates UN resolutions."')
    q = only(run(nlp, text))
    assert q.speaker == "KOR" or said_by(q, "South Korean foreign ministry")


def test_quote_paragraph_goes_on_in_the_voice_of_reported_speech_before_it(nlp):
    text = ("Sergei Lavrov said the sanctions were only the latest attempt to force Moscow to give in.\n\n"
            '"They wanted us on our knees. We stand tall and we will stand tall."')
    direct = [q for q in run(nlp, text) if q.direct]
    assert len(direct) == 1 and said_by(direct[0], "Lavrov")


def test_quote_paragraph_after_a_paragraph_that_reports_no_speech_has_no_speaker(nlp):
    text = ("Sergei Lavrov visited Beijing on Monday and met Wang Yi.\n\n"
            '"They wanted us on our knees. We stand tall and we will stand tall."')
    direct = [q for q in run(nlp, text) if q.direct]
    assert len(direct) == 1 and direct[0].speaker is None


def test_quoted_subheading_does_not_carry_the_last_speaker(nlp):
    text = ('"We are ready for talks at any level," Sergei Lavrov told reporters.\n\n'
            '"... prevent the evacuation of civilians from the camp"\n\n'
            "The Russian Defence Ministry made the claim on Monday.")
    quotes = [q for q in run(nlp, text) if q.direct]
    assert said_by(quotes[0], "Lavrov") and quotes[-1].speaker is None


def test_a_listener_is_not_a_relay(nlp):
    q = only(run(nlp, 'Kim told Putin, "We will always stand with Russia and its army."'))
    assert said_by(q, "Kim") and q.via == []


def test_bare_quote_paragraph_carries_the_last_speaker(nlp):
    text = ('"We are ready for talks at any level," Sergei Lavrov told reporters.\n\n'
            '"We have always been ready, and the other side knows it."')
    quotes = run(nlp, text)
    assert len(quotes) == 2 and all(said_by(q, "Lavrov") for q in quotes)


def test_institutional_speaker_is_the_state(nlp):
    text = ('South Korea, which hosted the talks, said, "Our side expressed concern about the visit '
            'scheduled on the same day."')
    q = only(run(nlp, text))
    assert q.speaker == "KOR" or said_by(q, "South Korea")


def test_nested_speech_belongs_to_the_outer_speaker(nlp):
    text = ('Mike Pompeo said Washington had concluded that the settlements were "not, per se, '
            'inconsistent with international law".')
    q = only(run(nlp, text))
    assert said_by(q, "Pompeo")


def test_partial_quote_of_a_verb_under_unnamed_reports(nlp):
    text = 'Reports also say that Putin toasted the "strengthening of future cooperation" with Kim.'
    q = only(run(nlp, text))
    assert said_by(q, "Putin") and q.cue == "toasted"


def test_the_ministry_is_the_earlier_ministry(nlp):
    text = ("North Korea's foreign ministry said on Tuesday that the drills were a rehearsal for an "
            'invasion.\n\n"We will take all necessary measures to defend our sovereignty," the ministry said.')
    quotes = run(nlp, text)
    assert len(quotes) == 2 and all(q.speaker == "PRK" for q in quotes)


def test_affiliated_speaker(nlp):
    text = ('A spokesperson for the British Foreign Office said, "Settlements are illegal under '
            'international law."')
    q = only(run(nlp, text))
    assert said_by(q, "British Foreign Office") or q.speaker == "GBR"


# --- relay chains ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "relay"), [
    ('"China has real reservations about this alliance," said Tong Zhao, as quoted by Reuters.', "Reuters"),
    ('"The summit changed nothing on the peninsula," Tong Zhao told CNN.', "CNN"),
    ('"The summit changed nothing on the peninsula," Tong Zhao said, quoted by CNN.', "CNN"),
    ('"The summit changed nothing on the peninsula," Tong Zhao said, as reported by KCNA.', "KCNA"),
    ('"The summit changed nothing on the peninsula," said Tong Zhao, as mentioned by Reuters.', "Reuters"),
    ('"We will stand together," Kim said, as quoted by news agency The Associated Press.', "Associated Press"),
])
def test_relay_chain(nlp, text, relay):
    doc = nlp(text)
    q = only(list(doc._.quotes), direct=True)
    assert any(relay.lower() in v.lower() for v in via_names(doc, q)), q.via


def test_quoted_as_saying_by(nlp):
    doc = nlp('"The partnership is a breakthrough for our peoples," Kim Jong Un was quoted as saying by KCNA.')
    q = only(list(doc._.quotes), direct=True)
    assert said_by(q, "Kim") and any("kcna" in v.lower() for v in via_names(doc, q))


def test_outlet_quoted_person_as_saying(nlp):
    doc = nlp("Russia's TASS news agency quoted Putin as saying that the West had forced Moscow to act.")
    q = only(list(doc._.quotes))
    assert not q.direct and said_by(q, "Putin")
    assert any("tass" in v.lower() for v in via_names(doc, q))


def test_outer_relay_verb_becomes_via(nlp):
    doc = nlp("Russia's defence ministry said the strikes had hit only military targets, TASS reported.")
    q = only(list(doc._.quotes))
    assert not q.direct and q.speaker == "RUS"
    assert any("tass" in v.lower() for v in via_names(doc, q))


def test_cited_by_relay_on_reported_speech(nlp):
    doc = nlp("Sergei Lavrov said that the talks would continue next month, cited by Reuters.")
    q = only(list(doc._.quotes))
    assert not q.direct and any("reuters" in v.lower() for v in via_names(doc, q))


# --- reported speech -------------------------------------------------------------------------

def test_said_at_a_briefing_that(nlp):
    text = ("Chinese foreign ministry spokesman Lin Jian said at a briefing that the summit was a "
            "bilateral exchange between two sovereign states.")
    q = only(run(nlp, text))
    assert not q.direct and said_by(q, "Lin Jian") and q.cue == "said"
    assert q.text.startswith("the summit was a bilateral exchange")


def test_inverted_reported_speech(nlp):
    text = ("China would become concerned if the partnership leads to provocative behaviour, said "
            "Niklas Swanstrom, director of a Swedish institute.")
    q = only(run(nlp, text))
    assert not q.direct and said_by(q, "Swanstrom")


def test_named_person_believes(nlp):
    q = only(run(nlp, "Vladimir Putin believes that the West is trying to weaken Russia from within."))
    assert not q.direct and said_by(q, "Putin") and q.cue == "believes"


def test_according_to_a_named_person(nlp):
    q = only(run(nlp, "The talks will resume in Geneva next month, according to Sergei Lavrov."))
    assert not q.direct and said_by(q, "Lavrov") and q.cue == "according to"
    assert q.text == "The talks will resume in Geneva next month"


def test_direct_quote_according_to(nlp):
    q = only(run(nlp, '"We will respond to this provocation with force," according to Sergei Lavrov.'))
    assert q.direct and said_by(q, "Lavrov") and q.cue == "according to"


def test_per_a_named_person(nlp):
    q = only(run(nlp, "Per Sergei Lavrov, the talks will resume in Geneva next month."))
    assert not q.direct and said_by(q, "Lavrov")


@pytest.mark.parametrize("text", [
    "Experts say Kim wants technology for nuclear-powered submarines and satellites.",
    "Observers also believe that Putin is unlikely to help the nuclear programme directly.",
    "Russia is providing food and fuel to its ally, analysts believe.",
    "Russian forces have fired missiles made in North Korea, a US official said.",
])
def test_unnamed_sources_are_not_quotes(nlp, text):
    assert run(nlp, text) == []


def test_unnamed_sources_kept_when_not_named_only(nlp):
    doc = nlp("Observers also believe that Putin is unlikely to help the nuclear programme directly.")
    component = QuotesComponent(nlp, "dyad_quotes_all", named_reported_speech_only=False)
    quotes = component(doc)._.quotes
    q = only(quotes)
    assert not q.direct and said_by(q, "Observers")


# --- robustness ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", "   \n\n  ", '"', '""', "\u201c", "\u201d\u201c", "'", "He said \u201c\n\u201d.",
    "\u202e\u200b said \u201cok\u201d \U0001f600", "said said said " * 200 + '"x"',
])
def test_odd_input_does_not_crash(nlp, text):
    run(nlp, text)


def test_example_articles_have_speakers(example_records):
    for record in example_records.values():
        text = record["text"]
        for q in record["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
    kirby = [q for r in example_records.values() for q in r["quotes"]
             if q["text"].startswith("We\u2019re not concerned about the trip")]
    assert kirby and "Kirby" in (kirby[0]["speaker_name"] or "")


def test_reported_clause_keeps_final_percent_sign(nlp):
    q = only(run(nlp, "Minister Anna Berg said exports would rise from 23% to 35%."), direct=False)
    assert q.text.endswith("35%")


def test_scare_quoted_noun_in_subordinate_clause_is_not_speech(nlp):
    quotes = run(nlp, "Analysts cannot explain why Smith stayed silent when the “reset” proved to be appeasement.")
    assert not [q for q in quotes if q.direct]


def test_scare_quoted_possessive_is_not_speech(nlp):
    quotes = run(nlp, "Would Senator Adam Schiff have pleaded to keep the “whistleblower’s” identity secret?")
    assert not [q for q in quotes if q.direct]


def test_poll_share_is_not_a_speaker(nlp):
    q = only(run(nlp, "A new poll was published. Fifty-one percent say that “the president should be removed from office.”"), direct=True)
    assert q.speaker is None and q.speaker_name is None


def test_plural_pronoun_skips_a_state_that_only_modifies_a_noun(nlp):
    text = ("Beijing is worried about the talks in Hanoi with North Korea’s leader, Kim Jong-un. "
            "They fear that the United States may offer fewer concessions.")
    quotes = [q for q in run(nlp, text) if "concessions" in q.text]
    assert quotes and all(q.speaker != "PRK" for q in quotes)


def test_pronoun_after_possessive_subject_keeps_the_state(nlp):
    q = only(run(nlp, "Russia's foreign ministry said it would send a delegation to Geneva."), direct=False)
    assert q.speaker == "RUS"


def test_participle_after_reported_clause_belongs_to_the_reporter(nlp):
    text = ("Secretary of State Mike Pompeo said that Washington had concluded the settlements were "
            "\"not, per se, inconsistent with international law\", saying he trusted the Israeli courts to decide.")
    quotes = [q for q in run(nlp, text) if q.text.startswith("he trusted")]
    assert len(quotes) == 1 and said_by(quotes[0], "Pompeo")


def test_bare_title_resolves_to_the_holder_named_earlier(nlp):
    text = ("Vice President Mike Pence flew to Ankara. US President Donald Trump met Chinese leaders on Monday. "
            "The president said the talks had been very productive for both sides.")
    q = only(run(nlp, text), direct=False)
    assert q.speaker == "donald-trump"


def test_bare_title_without_a_holder_has_no_speaker(nlp):
    q = only(run(nlp, "Parliament met on Monday. “We will not retreat,” the president said."), direct=True)
    assert q.speaker is None and q.speaker_name is None


def test_bare_title_prefers_the_most_mentioned_holder(nlp):
    text = ("President Donald Trump raised tariffs. Trump met Chinese leaders on Monday. "
            "“Growth is slowing,” said John Williams, the president of the Federal Reserve Bank of New York. "
            "The president says his approach has created leverage with Beijing.")
    q = only([q for q in run(nlp, text) if not q.direct])
    assert q.speaker == "donald-trump"


def test_cue_with_its_own_object_does_not_report_the_clause_before(nlp):
    text = ("Senator Adam Schiff never expected that Trump would release the transcript of his call "
            "— Democrats expected secrecy and coverup.")
    assert [q for q in run(nlp, text) if not q.direct] == []
    q = only(run(nlp, "Russia will never accept the deal, Foreign Minister Sergei Lavrov told reporters."))
    assert q.text == "Russia will never accept the deal"


def test_conditional_or_possible_belief_is_not_reported_speech(nlp):
    assert [q for q in run(nlp, "If Senator Adam Schiff really believed that Trump was incompetent, he would wait.")
            if not q.direct] == []
    assert [q for q in run(nlp, "Lower-income Americans could feel that the tariffs hurt them more.")
            if not q.direct] == []


def test_unresolved_pronoun_is_no_speaker_name(nlp):
    q = only(run(nlp, "The Pentagon announced new sanctions on Monday.\n\n“We will respond,” he said."))
    assert q.speaker is None and q.speaker_name is None


def test_bare_title_tagged_as_proper_noun_resolves(nlp):
    text = "Foreign Minister Sergei Lavrov met the Turkish side.\n\n“Our patience has limits,” the minister said."
    assert only(run(nlp, text)).speaker == "sergei-lavrov"


# --- speakers across sentences, documents, origins and nested speech ---------------------------

def test_pronoun_follows_the_new_topic_not_the_last_speaker(nlp):
    text = ('"Growth is slowing almost everywhere," Maria Lopez, an economist at the Bank of Spain, said.\n\n'
            "Mr. Erdogan’s approach is not limited to Greece. He has threatened several neighbours with "
            "sanctions, suggesting he might abandon the talks altogether.")
    q = only(run(nlp, text), direct=False)
    assert q.speaker == "recep-tayyip-erdogan"


def test_pronoun_keeps_the_speaker_when_no_one_else_became_the_topic(nlp):
    text = ('"Growth is slowing almost everywhere," Maria Lopez said on Monday.\n\n'
            "The bank's forecast is not limited to Spain. She said she expected a recession next year.")
    q = only(run(nlp, text), direct=False)
    assert said_by(q, "Lopez")


@pytest.mark.parametrize("place", ["Haryana’s Jind", "Punjab's Patiala"])
def test_a_home_town_after_from_is_no_antecedent(nlp, place):
    text = (f'"I was sent back for the third time," said Ravi Kumar, 31, from {place}.\n'
            '"They caught me at the border and put me on a plane," he said.\n\n'
            "He said he had paid an agent Rs 30 lakh for the journey.")
    q = only(run(nlp, text), direct=False)
    assert said_by(q, "Ravi Kumar")


def test_the_statement_is_whoever_issued_it(nlp):
    text = ("Five soldiers were wounded in an attack near the border, the Indian army said in a statement "
            'on Friday.\n\n"The situation on the ground is fully under control," the statement said.')
    quotes = run(nlp, text)
    assert len(quotes) == 2 and quotes[1].direct and quotes[1].speaker == quotes[0].speaker
    assert quotes[1].speaker is not None


def test_the_statement_issued_by_a_named_body(nlp):
    text = ("The Iranian foreign ministry issued a statement on Sunday.\n\n"
            '"We reject these baseless accusations," the statement said.')
    assert only(run(nlp, text), direct=True).speaker == "IRN"


def test_partial_quote_in_the_object_of_a_request(nlp):
    text = ("Diplomats must now turn the huge concessions Mr. Erdogan requested — concessions “bigger than "
            "anything in our history” — into a treaty.")
    assert only(run(nlp, text)).speaker == "recep-tayyip-erdogan"


def test_nested_utterance_is_the_inner_speaker_relayed_by_the_outer(nlp):
    text = ('Johnson was known for telling aides "he alone ran the Brexit talks", said another witness, '
            "former adviser Dominic Cummings.")
    q = only(run(nlp, text))
    assert said_by(q, "Johnson") and any("cummings" in v.lower() for v in via_names(nlp(text), q))


def test_testified_about_a_meeting_where_another_told(nlp):
    text = ("Fiona Hill spoke for hours. She testified about a meeting at the embassy when Boris Johnson "
            "told the visiting officials they would need to “deliver” before any summit.")
    q = only(run(nlp, text))
    assert said_by(q, "Johnson") and any("hill" in v.lower() for v in via_names(nlp(text), q))


def test_nested_reported_speech_is_the_inner_speakers(nlp):
    text = ("Afterward, Boris Johnson said he had told the Irish that the border would stay open if "
            "Dublin agreed, Dominic Cummings testified.")
    q = only(run(nlp, text))
    assert not q.direct and said_by(q, "Johnson") and q.text.startswith("he had told")
    assert any("cummings" in v.lower() for v in via_names(nlp(text), q))


def test_judgement_under_a_speech_verb_stays_the_outer_speakers(nlp):
    text = "Sergei Lavrov said Moscow had concluded that the talks were “a complete waste of time”."
    assert said_by(only(run(nlp, text)), "Lavrov")


def test_the_statement_is_the_latest_one_issued(nlp):
    text = ("The Iranian foreign ministry said in a statement that the talks had failed. Later on Monday, "
            "the Turkish foreign ministry issued a statement of its own.\n\n"
            '"We call on all sides to show restraint," the statement said.')
    assert only(run(nlp, text), direct=True).speaker == "TUR"


@pytest.mark.parametrize("text", [
    'Putin said "the West has lost its mind", Peskov told reporters.',
    "Putin said the West has lost its mind, Peskov told reporters.",
])
def test_a_trailing_cue_misparsed_under_the_speaker_is_no_nested_speech(nlp, text):
    assert said_by(only(run(nlp, text)), "Putin")


def test_relay_outlet_after_the_reporter(nlp):
    doc = nlp('Fiona Hill told CNN that Gordon Sondland had said "he alone was in charge of Ukraine".')
    q = only(list(doc._.quotes), direct=True)
    names = [v.lower() for v in via_names(doc, q)]
    assert said_by(q, "Sondland") and any("hill" in v for v in names) and any("cnn" in v for v in names)


def test_an_owner_in_the_same_paragraph_does_not_take_over_the_speaker(nlp):
    text = ('"We will not give in," Sergei Lavrov said. Mr. Blinken’s visit to Kyiv was announced on '
            "Monday. He said Moscow would respond to any new sanctions.")
    q = only(run(nlp, text), direct=False)
    assert said_by(q, "Lavrov")


def test_a_state_title_is_its_one_holder_named_in_the_text(nlp):
    text = ("Japan’s ambassador to India warned that Tokyo “will respond to every provocation”.\n\n"
            "Japan’s ambassador to India Hiroshi Suzuki has said that talks were still possible.")
    quotes = run(nlp, text)
    assert len(quotes) == 2 and all(q.speaker == "hiroshi-suzuki" for q in quotes)
