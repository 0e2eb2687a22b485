"""dyad.clean.cleaner: each drop reason, body kept, general shapes, never crashes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.clean.cleaner import clean_text

BODY = [
    "The foreign ministers of the two countries met in the capital on Monday to discuss trade and security.",
    "Officials said the talks covered energy supplies, border crossings and a new fisheries agreement.",
    "What happens next?",
    "Both sides agreed to meet again in the spring, according to a statement released after the meeting.",
]


def _reasons(result) -> dict[str, str]:
    return {d["text"]: d["reason"] for d in result.dropped}


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_body_kept_with_heading_and_paragraphs_joined():
    result = clean_text(page(*BODY))
    assert result.kept_lines == BODY
    assert result.text == "\n\n".join(BODY)
    assert result.dropped == []


def test_title_dropped_at_the_top():
    result = clean_text(page("Ministers meet to discuss trade and security", *BODY))
    assert _reasons(result) == {"Ministers meet to discuss trade and security": "title"}
    assert result.kept_lines == BODY


def test_byline_and_glued_byline_dropped():
    raw = page(
        "Ministers meet to discuss trade and security",
        "Lisbon, PortugalWritten By: Ana Costa Updated: Mar 02, 2024, 10:15 AM CET",
        "By John Smith and Mary Jones",
        *BODY,
    )
    reasons = _reasons(clean_text(raw))
    assert reasons["Lisbon, PortugalWritten By: Ana Costa Updated: Mar 02, 2024, 10:15 AM CET"] == "byline"
    assert reasons["By John Smith and Mary Jones"] == "byline"


def test_captions_dropped():
    raw = page(
        BODY[0],
        "The two ministers shake hands before their talks in the capital. Photograph:(AFP)",
        "Soldiers stand guard at the border crossing (Photo: Reuters)",
        "File photo",
        *BODY[1:],
    )
    reasons = _reasons(clean_text(raw))
    assert reasons["The two ministers shake hands before their talks in the capital. Photograph:(AFP)"] == "caption"
    assert reasons["Soldiers stand guard at the border crossing (Photo: Reuters)"] == "caption"
    assert reasons["File photo"] in ("caption", "boilerplate")


def test_navigation_and_promotion_lines_dropped():
    furniture = [
        "Also watch | Ministers arrive for talks",
        "Read more: Border talks stall again",
        "WATCH GLOBE NEWS LIVE HERE:",
        "Subscribe to get the latest posts sent to your email.",
        "Share on Facebook",
        "Advertisement",
        "Leave a Comment",
        "We use cookies to improve your experience on our site.",
        "© 2024 Globe Media Ltd. All rights reserved.",
    ]
    raw = page(BODY[0], furniture[0], furniture[1], BODY[1], furniture[2], *BODY[2:], *furniture[3:])
    result = clean_text(raw)
    assert result.kept_lines == BODY
    reasons = _reasons(result)
    assert all(reasons[f] in ("boilerplate", "navigation") for f in furniture)


def test_menu_before_the_article_dropped():
    menu = ["Home", "World", "Politics", "Business", "Sport", "Opinion", "Culture"]
    result = clean_text(page(*menu, *BODY))
    assert result.kept_lines == BODY
    assert all(d["reason"] in ("boilerplate", "navigation") for d in result.dropped)


def test_related_links_after_the_article_dropped():
    related = [
        "Related Posts",
        "Leaders Gather For Summit On Climate Finance",
        "Central Bank Holds Rates Steady Amid Uncertainty",
        "Opposition Party Names New Leader After Vote",
    ]
    result = clean_text(page(*BODY, *related))
    assert result.kept_lines == BODY


def test_highlight_repeating_a_body_paragraph_is_a_duplicate():
    highlight = BODY[1]
    raw = page("Ministers meet to discuss trade and security", "Story highlights", highlight, *BODY)
    result = clean_text(raw)
    assert result.kept_lines == BODY
    assert {"text": highlight, "reason": "duplicate"} in result.dropped


def test_long_line_without_final_punctuation_is_kept():
    unfinished = (
        '"The objective behind this visit is to bypass certain sanctions and acquire energy and technology '
        'that they can use for weapon development," a professor of international relations told reporters'
    )
    result = clean_text(page(BODY[0], unfinished, BODY[1]))
    assert unfinished in result.kept_lines


def test_original_characters_kept_inside_lines():
    line = "The minister said the \u201ctalks\u201d were useful\u00a0and that both sides\u2019 positions were closer."
    result = clean_text(page(BODY[0], line, BODY[1]))
    assert line in result.kept_lines


def test_empty_and_blank_input():
    assert clean_text("").text == ""
    assert clean_text("  \n\n \t ").text == ""


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_never_raises_and_keeps_only_input_lines(raw):
    result = clean_text(raw)
    pieces = {part.strip() for part in re.split(r"\r\n|\r|\n|\u2028|\u2029", raw)}
    for kept in result.kept_lines:
        assert kept and all(line in pieces for line in kept.split("\n"))
    for dropped in result.dropped:
        assert all(line in pieces for line in dropped["text"].split("\n")) and dropped["reason"]
    assert result.text == "\n\n".join(result.kept_lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*BODY, "Home", "Share", "By Jane Doe", "Tags", "\u00a0", "", "© 2020 X"]), max_size=30))
def test_output_lines_come_from_input_in_order(lines):
    raw = "\n".join(lines)
    result = clean_text(raw)
    pos = 0
    for line in result.kept_lines:
        found = raw.find(line, pos)
        assert found >= 0
        pos = found + len(line)


def test_inline_related_box_does_not_end_the_body():
    raw = page(
        BODY[0],
        BODY[1],
        "Also Read",
        "Leaders Gather For Summit On Climate Finance",
        "Central Bank Holds Rates Steady Amid Uncertainty",
        "The ministers also signed an agreement on the supply of spare parts for naval vessels.",
        "Start a Conversation",
        "Facebook",
        "Twitter",
    )
    result = clean_text(raw)
    assert result.kept_lines == [BODY[0], BODY[1], "The ministers also signed an agreement on the supply of spare parts for naval vessels."]


def test_buttons_between_headline_and_body_dropped():
    raw = page(
        "Ministers meet to discuss trade and security",
        "By Jane Doe",
        "Published On 2 Mar 2024",
        "Save",
        "Click here to share on social media",
        "share2",
        *BODY,
    )
    assert clean_text(raw).kept_lines == BODY


def test_comment_thread_after_the_article_cut():
    comments = []
    for name, hour in (("reader1", 7), ("reader2", 8), ("reader3", 9), ("reader4", 10)):
        comments += [
            f"{name} says:",
            f"November 19, 2019 at {hour}:15 am",
            "I think this agreement is a mistake and the ministers should have waited for the election results before signing anything.",
        ]
    result = clean_text(page("Ministers meet to discuss trade and security", *BODY, "Leave a Reply", *comments))
    assert result.kept_lines == BODY


def test_timeline_dates_under_paragraphs_are_body():
    timeline = [
        BODY[0],
        "March 5, 2022",
        "The two governments opened talks on a new trade agreement covering energy and fisheries.",
        "June 10, 2022",
        "Negotiators met again in the capital and agreed on the outline of the border arrangements.",
        "January 2, 2023",
        "The foreign ministers signed the agreement, and both parliaments ratified it within weeks.",
        "April 4, 2023",
        "The first joint patrols began along the border, according to officials from both sides.",
    ]
    result = clean_text(page(*timeline))
    prose = [t for t in timeline if t.endswith(".")]
    assert [k for k in result.kept_lines if k.endswith(".")] == prose


def test_breadcrumb_is_not_the_title():
    raw = page("Home / World News / Ministers meet", "Ministers meet to discuss trade and security", *BODY)
    result = clean_text(raw)
    assert _reasons(result)["Ministers meet to discuss trade and security"] == "title"
    assert result.kept_lines == BODY


def test_short_first_sentence_and_unpunctuated_quote_kept():
    first = "The ministers met in Lisbon."
    quote = "\u201cThis is truly a breakthrough,\u201d the minister said after the talks"
    raw = page("Ministers meet to discuss trade and security", "Share", first, *BODY[:2], quote, BODY[3], "Explore more on these topics", "Trade", "Security", "Europe")
    assert clean_text(raw).kept_lines == [first, *BODY[:2], quote, BODY[3]]


def test_hard_wrapped_paragraphs_stay_whole():
    wrapped = [
        "The foreign ministers of the two countries met in the\ncapital on Monday to discuss trade and security, officials\nsaid after the talks ended late in the evening.",
        "Officials said the talks covered energy supplies, border\ncrossings and a new fisheries agreement that had been under\nnegotiation for several years.",
    ]
    raw = page("Ministers meet to discuss trade", "Home\nWorld\nNews", *wrapped, "Share this article\nFacebook")
    result = clean_text(raw)
    assert result.kept_lines == wrapped
    assert result.text == "\n\n".join(wrapped)


def test_paragraphs_behind_uncredited_captions_kept():
    raw = "\n".join(
        [
            "Ministers meet to discuss trade",
            BODY[0],
            "The two ministers at the summit in the capital",
            BODY[1],
            "Soldiers at the border crossing near the river",
            "Both sides will meet again in spring, the two ministers said.",
            "Share this article",
            "Facebook",
        ]
    )
    kept = clean_text(raw).kept_lines
    assert BODY[0] in kept and BODY[1] in kept
    assert "Both sides will meet again in spring, the two ministers said." in kept


def test_a_reporting_caption_keeps_its_sentence_and_drops_its_credit():
    raw = ("Leaders meet in Hanoi\n\n"
           "Vietnamese President Vo Van Thuong welcomes Chinese President Xi Jinping before their talks at the "
           "Presidential Palace in Hanoi on December 12, 2023. Photograph:(Reuters)\n\n"
           "China and Vietnam signed dozens of cooperation agreements on Tuesday during a two-day state visit by "
           "the Chinese leader, officials in both countries said.\n\n"
           "The agreements cover rail links, security cooperation and trade, the foreign ministry said in a statement.")
    cleaned = clean_text(raw)
    assert "welcomes Chinese President Xi Jinping" in cleaned.text
    assert "Photograph" not in cleaned.text
    assert {"text": "Photograph:(Reuters)", "reason": "caption credit"} in cleaned.dropped


def test_a_short_caption_goes_whole():
    raw = ("Kim Jong Un at the launch site. (Photo: AFP)\n\n"
           "North Korea launched a reconnaissance satellite on Tuesday, state media said, after two failed "
           "attempts earlier this year.\n\n"
           "South Korea and Japan condemned the launch as a violation of UN Security Council resolutions.")
    cleaned = clean_text(raw)
    assert "launch site" not in cleaned.text
    assert any(d["reason"] == "caption" for d in cleaned.dropped)


def test_a_text_of_one_short_sentence_is_kept():
    assert clean_text("Iran accused Israel.").text == "Iran accused Israel."
    assert clean_text("Home\nNews\nSport\nContact us").text == ""  # a menu is still no article
