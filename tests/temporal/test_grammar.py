"""The temporal grammar on a table of expressions with their publication dates and expected values."""

from __future__ import annotations

import pytest

from dyad.records import DocMeta

# (sentence, publication date, expression as it should be found, expected TIMEX3 value)
TABLE = [
    # absolute dates at every precision
    ("The deal was signed on April 25, 2019 in Vladivostok.", "2024-06-19", "April 25, 2019", "2019-04-25"),
    ("The deal was signed on 25 April 2019.", "2024-06-19", "25 April 2019", "2019-04-25"),
    ("The deal was signed on the 25th of April, 2019.", "2024-06-19", "25th of April, 2019", "2019-04-25"),
    ("The launch came in November 2023.", "2024-06-19", "November 2023", "2023-11"),
    ("The war began in February of 2022.", "2024-06-19", "February of 2022", "2022-02"),
    ("The armistice was signed in 1953.", "2024-06-19", "1953", "1953"),
    ("Talks collapsed in the 1990s.", "2024-06-19", "the 1990s", "199"),
    ("Talks collapsed in the early '90s.", "2024-06-19", "'90s", "199"),
    ("It was the bloodiest war of the 20th century.", "2024-06-19", "20th century", "19"),
    ("The report was dated 2023-09-13.", "2024-06-19", "2023-09-13", "2023-09-13"),
    ("The order was dated 13/09/2023.", "2024-06-19", "13/09/2023", "2023-09-13"),
    ("Sales fell in Q3 2023.", "2024-06-19", "Q3 2023", "2023-Q3"),
    ("Sales fell in the third quarter of 2022.", "2024-06-19", "third quarter of 2022", "2022-Q3"),
    ("Growth slowed in the first half of 2022.", "2024-06-19", "first half of 2022", "2022-H1"),
    ("The offensive began in the summer of 2023.", "2024-06-19", "summer of 2023", "2023-SU"),
    ("The plant was built in mid-2015.", "2024-06-19", "mid-2015", "2015"),
    ("The 1957-58 season was short.", "2024-06-19", "1957", "1957"),
    ("The 1957-58 season was short.", "2024-06-19", "58", "1958"),
    ("The country planned to deploy satellites by 2020.", "2023-09-13", "2020", "2020"),
    # month and day without a year
    ("Kim arrived on September 12.", "2023-09-13", "September 12", "2023-09-12"),
    ("The vote will be held on April 7.", "2013-03-22", "April 7", "2013-04-07"),
    ("The talks were held on December 28.", "2024-01-05", "December 28", "2023-12-28"),
    ("The summit will open on January 10.", "2023-12-20", "January 10", "2024-01-10"),
    ("The treaty was signed on February 29.", "2024-03-10", "February 29", "2024-02-29"),
    ("The treaty was signed on February 29.", "2023-03-10", "February 29", "2020-02-29"),
    ("The report came out on Feb. 28.", "2013-03-21", "Feb. 28", "2013-02-28"),
    # weekdays
    ("Putin met Kim in Pyongyang on Wednesday.", "2024-06-19", "Wednesday", "2024-06-19"),
    ("Putin met Kim in Pyongyang on Monday.", "2024-06-19", "Monday", "2024-06-17"),
    ("Putin met Kim in Pyongyang on Thursday.", "2024-06-19", "Thursday", "2024-06-13"),
    ("Putin will travel to Hanoi on Thursday.", "2024-06-19", "Thursday", "2024-06-20"),
    ("Kim arrived in Russia on Tuesday (September 12) for talks.", "2023-09-13", "Tuesday (September 12)",
     "2023-09-12"),
    ("The ministers met last Friday.", "2024-06-21", "last Friday", "2024-06-14"),
    ("The ministers will meet next Monday.", "2024-06-19", "next Monday", "2024-06-24"),
    ("Officials spoke on Tuesday night.", "2024-06-19", "Tuesday night", "2024-06-18TNI"),
    ("The match was postponed until 15:00 GMT Saturday.", "2013-03-22", "15:00 GMT Saturday", "2013-03-23T15:00"),
    # bare months (past by default, future with a future verb), year boundaries
    ("In March, a Russian veto ended the monitoring.", "2024-06-19", "March", "2024-03"),
    ("According to a US statement in February, arms flowed.", "2024-06-19", "February", "2024-02"),
    ("Missiles have been launched since September.", "2024-06-19", "September", "2023-09"),
    ("The minister said in December that talks had failed.", "2024-01-05", "December", "2023-12"),
    ("The leaders met in January.", "2024-01-05", "January", "2024-01"),
    ("The program will run through June.", "2013-03-18", "June", "2013-06"),
    ("The book is due to be published in May.", "2013-03-22", "May", "2013-05"),
    ("The flu season started in early December.", "2013-03-22", "early December", "2012-12"),
    ("Sarkozy lost the election last May.", "2013-03-21", "last May", "2012-05"),
    ("Sarkozy lost the election last March.", "2013-03-21", "last March", "2012-03"),
    ("Kim may visit Moscow in May.", "2024-03-20", "May", "2024-05"),
    # relative to the publication date
    ("Two attempts failed earlier this year.", "2023-09-13", "earlier this year", "2023"),
    ("Officials met last week.", "2024-06-19", "last week", "2024-W24"),
    ("Officials met last week.", "2024-01-03", "last week", "2023-W52"),
    ("Officials will meet this week.", "2013-03-22", "this week", "2013-W12"),
    ("Exports fell last month.", "2024-01-05", "last month", "2023-12"),
    ("Exports fell this month.", "2024-06-19", "this month", "2024-06"),
    ("Elections are due next year.", "2024-06-19", "next year", "2025"),
    ("Exports rose this year.", "2024-06-19", "this year", "2024"),
    ("Exports rose last year.", "2024-01-05", "last year", "2023"),
    ("Kim returned home yesterday.", "2024-03-01", "yesterday", "2024-02-29"),
    ("Kim returns home today.", "2024-06-19", "today", "2024-06-19"),
    ("Kim returns home tomorrow.", "2023-12-31", "tomorrow", "2024-01-01"),
    ("The drills took place last summer.", "2024-06-19", "last summer", "2023-SU"),
    ("The drills took place last summer.", "2013-03-22", "last summer", "2012-SU"),
    ("The drills will take place this winter.", "2024-10-01", "this winter", "2024-WI"),
    ("Profits fell in the third quarter.", "2024-11-15", "third quarter", "2024-Q3"),
    ("Profits fell last quarter.", "2024-02-15", "last quarter", "2023-Q4"),
    ("The treaty was signed four years ago.", "2013-03-21", "four years ago", "2009"),
    ("The treaty was signed two weeks ago.", "2024-06-19", "two weeks ago", "2024-W23"),
    ("Russia is now closer to North Korea.", "2024-06-19", "now", "PRESENT_REF"),
    # anchored offsets
    ("The talks ended three days after March 3.", "2024-03-20", "three days after March 3", "2024-03-06"),
    ("The launch came two months after the last summit.", "2024-06-19", "two months", "P2M"),
    ("The base opened in 2015. Two years later, it closed.", "2024-06-19", "Two years later", "2017"),
    # durations
    ("It was his first visit in 24 years.", "2024-06-19", "24 years", "P24Y"),
    ("The meeting ended after nearly two hours.", "2023-09-13", "nearly two hours", "PT2H"),
    ("The talks lasted 90 days.", "2024-06-19", "90 days", "P90D"),
    ("The deal was extended for a decade.", "2024-06-19", "a decade", "P10Y"),
    ("The four-week campaign ended.", "2024-06-19", "four-week", "P4W"),
    ("Prices rose over the past two years.", "2024-06-19", "the past two years", "P2Y"),
    ("Prices will rise in the next few months.", "2024-06-19", "next few months", "PXM"),
    ("Fighting has raged for several days.", "2024-06-19", "several days", "PXD"),
    ("It took 12 to 18 months.", "2024-06-19", "18 months", "P18M"),
    ("It took 12 to 18 months.", "2024-06-19", "12", "P12M"),
    ("He served two and a half years in prison.", "2024-06-19", "two and a half years", "P2.5Y"),
    ("The shortfall is counted monthly.", "2024-06-19", "monthly", "P1M"),
]


def _times(nlp, sentence: str, published: str):
    doc = nlp.make_doc(sentence)
    doc._.meta = DocMeta(published=published, published_basis="given")
    return nlp(doc)._.times


@pytest.mark.parametrize(("sentence", "published", "expression", "value"), TABLE)
def test_expression_value(nlp, sentence, published, expression, value):
    times = _times(nlp, sentence, published)
    hits = [t for t in times if expression.lower() in t.text.lower() or t.text.lower() in expression.lower()]
    assert hits, f"{expression!r} not found in {[t.text for t in times]}"
    assert hits[0].value == value, f"{expression!r}: {[(t.text, t.value) for t in times]}"


def test_table_has_sixty_expressions():
    assert len(TABLE) >= 60


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has received more than 10,000 shipping containers.",
        "Six satellite launches have been undertaken.",
        "The army sent 2000 troops to the border.",
        "Kim may seek more help, she said.",
        "Theresa May met Emmanuel Macron.",
        "Protesters march through the city.",
        "The fall of Kabul shocked the world.",
        "It is a second attempt at a deal.",
        "His 22-year-old son was arrested.",
        "The Good Friday Agreement ended the Troubles.",
        "The sanctions were imposed under Resolution 1718 and resolutions 1874 and 2094.",
        "Children ages 6 months and older should be vaccinated.",
    ],
)
def test_numbers_and_words_that_are_not_times(nlp, sentence):
    assert _times(nlp, sentence, "2024-06-19") == []


def test_unresolvable_is_null_not_a_guess(nlp):
    times = _times(nlp, "The talks were held on Wednesday.", "2024")
    assert [(t.text, t.value) for t in times] == [("Wednesday", None)]


def test_relative_year_with_a_year_anchor(nlp):
    times = _times(nlp, "Talks failed earlier this year.", "2023")
    assert [t.value for t in times] == ["2023"]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The base opened in 2015. The following year, it closed.", "2024-02-19",
         [("2015", "2015"), ("The following year", "2016")]),
        ("Kim arrived on September 12. The next day he toured a plant.", "2023-09-20",
         [("September 12", "2023-09-12"), ("The next day", "2023-09-13")]),
        ("The flu season started in early December and peaked by the end of the year.", "2013-03-22",
         [("early December", "2012-12"), ("the end of the year", "2012")]),
        ("Officials met over the weekend.", "2024-06-19", [("the weekend", "2024-W24-WE")]),
        ("Talks will resume over the weekend.", "2024-06-19", [("the weekend", "2024-W25-WE")]),
    ],
)
def test_expressions_resolved_from_the_text_around_them(nlp, sentence, published, expected):
    assert [(t.text, t.value) for t in _times(nlp, sentence, published)] == expected


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("The summit is in May.", "2024-03-10", "2024-05"),
        ("The summit is in February.", "2024-06-10", "2024-02"),
        ("The talks are on Friday.", "2024-06-19", "2024-06-21"),
        ("Kim arrives in Russia on Tuesday.", "2024-06-19", "2024-06-18"),
    ],
)
def test_present_tense_takes_the_nearest_occurrence(nlp, sentence, published, value):
    assert [t.value for t in _times(nlp, sentence, published)] == [value]


def test_reanchoring_a_scan_gives_what_a_fresh_scan_gives(nlp):
    """One pass for undated articles: the matches found without an anchor, resolved again against
    the inferred one, equal a full scan with that anchor (values, types, spans, merged offsets)."""
    from dyad.temporal import Anchor, Grammar

    grammar = Grammar()
    texts = [
        *sorted({sentence for sentence, *_ in TABLE}),
        "The base opened in 2015. The following year, it closed. Two years later it reopened.",
        "Kim arrived on Tuesday at 3 p.m. and left on September 14 this morning.",
    ]
    doc = nlp(" ".join(texts))
    text = doc.text
    for published in ("2024-06-19", "2013-03", "2015"):
        anchor = Anchor.parse(published)
        fresh = grammar.find(doc, anchor, text)
        scan = grammar.scan(doc, None, text)
        undated = scan.candidates()
        again = scan.reanchor(anchor)
        assert again is not None
        assert again.candidates() == fresh
        assert scan.candidates() == undated  # reanchoring leaves the first scan as it was
    assert any(c.value is None for c in undated) and any(c.value for c in fresh)


# one sentence (at least) for every rule of the grammar, each far from the others
EVERY_RULE = [
    "Talks opened on Monday, June 3, 2024 in Geneva.", "Talks resumed at 9:30 a.m. GMT on Tuesday.",
    "The deal was signed on April 25, 2019.", "The report was dated 2023-09-13.", "The order was dated 13/09/2023.",
    "The launch came in November 2023.", "The offensive began in the summer of 2023.",
    "Sales fell in the third quarter of last year.", "Sales fell in Q3 2023.",
    "Growth slowed in the first half of 2022.", "Talks collapsed in the 1990s.",
    "It was the bloodiest war of the 20th century.", "The 1957-58 season was short.",
    "The armistice was signed in 1953.", "The truce ended three centuries ago.", "It collapsed two millennia later.",
    "Exports rose last month.", "Exports rose at the end of the year.", "Officials met over the weekend.",
    "The summit will be held in June.", "The talks resumed in the spring.", "Putin met Kim on Wednesday evening.",
    "Kim left Pyongyang yesterday.", "The economy is currently weak.", "The war lasted nearly four years.",
    "The programme takes 12 to 18 months.", "Flights run twice a week.", "It took months of talks.",
    "The vote ended at noon.", "Polls closed at 8 p.m. sharp.", "Prices peaked in the '80s.",
    "The 1998–2001 drought was long.", "Spending in FY2024 rose.", "Its code, AB2019, dates from the mid-1990s.",
]


def test_gating_skips_only_windows_where_a_rule_cannot_match(nlp):
    from dyad.temporal import Anchor, Grammar

    filler = " ".join(["Officials from both sides spoke with reporters and diplomats again."] * 4)
    doc = nlp(("\n\n" + filler + "\n\n").join(EVERY_RULE))
    text, anchor = doc.text, Anchor.parse("2024-06-19")
    gated, full = Grammar(), Grammar(fast=False)
    assert {h.rule for h in full.scan(doc, anchor, text).hits} == {name for name, *_ in full.rules}
    assert gated.find(doc, anchor, text) == full.find(doc, anchor, text)


def test_trigger_words_found_word_by_word_are_the_trigger_pattern_matches():
    from dyad.temporal import Grammar

    grammar = Grammar()
    text = ("On Mondays, 10days and 3pm; today's talks (mid-2015, ٣ June) ran_day-long. DAYS AGO, "
            "a fortnight\u00a0later: weekends, Q3, FY2024 and 2023-09-13 — “now” is not know or knowns.")
    by_regex = [(m.start(), m.end()) for m in grammar.trigger.finditer(text)]
    low = grammar._gated(text)
    assert low is not None and grammar.trigger_low is not None
    assert list(grammar._triggers(text, low)) == by_regex
    assert grammar._windows(text, low=low) == grammar._windows(text)


@pytest.mark.parametrize("published", ["2024-06-19", None])
def test_case_folding_lookalikes_are_read_as_their_letters(nlp, published):
    """re.IGNORECASE matches "ı" to "i" and "ſ" to "s": such words are looked up as those letters."""
    text = ("Kim met Putin on Frıday mornıng, on September 12, 2023. Talks run daıly this ſpring, "
            "in the fırst half of the year. It is preſently calm.")
    times = {t.text: t.value for t in _times(nlp, text, published)}
    year = "2023" if published is None else "2024"  # undated: September 12, 2023 is the estimate
    assert times["daıly"] == "P1D"
    assert times["preſently"] == "PRESENT_REF"
    assert times["this ſpring"] == f"{year}-SP"
    assert times["the fırst half of the year"] == f"{year}-H1"
    assert times["Frıday mornıng"] == ("2023-09-08TMO" if published is None else "2024-06-14TMO")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # no day in the sentence: the anchor's day (TempEval: the reference date + THH:MM)
        ("The aircraft landed at the airport at 6am, an official said.", "2019-11-20",
         [("6am", "2019-11-20T06:00")]),
        ("Polls closed at 8 p.m. sharp.", "2024-06-19", [("8 p.m.", "2024-06-19T20:00")]),
        # a day written in the sentence wins over the anchor
        ("Kim arrived on Tuesday at 3 p.m.", "2024-06-19", [("Tuesday", "2024-06-18"), ("3 p.m.", "2024-06-18T15:00")]),
        # the parser's sentence, not the abbreviation's full stop, bounds the search for its day
        ("No checks were made from 10:30 p.m. Aug. 9 until dawn.", "2019-11-20",
         [("10:30 p.m.", "2019-08-09T22:30"), ("Aug. 9", "2019-08-09")]),
        # another time in the sentence that gives no day, or no preposition before the clock: unknown
        ("Guards left at 6:30 a.m. last week.", "2019-11-20",
         [("6:30 a.m.", None), ("last week", "2019-W46")]),
        ("The centre answers calls daily at 6am.", "2019-11-20", [("daily", "P1D"), ("6am", None)]),
        ("Staff worked the midnight-to-8 a.m. shift.", "2019-11-20", [("midnight", None), ("8 a.m.", None)]),
        # an anchor without a day leaves the day unknown
        ("The aircraft landed at 6am.", "2019-11", [("6am", None)]),
    ],
)
def test_clock_times_take_the_day_of_their_sentence_or_the_anchor(nlp, sentence, published, expected):
    assert [(t.text, t.value) for t in _times(nlp, sentence, published)] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Russia has held him since September.", "2023-09"),
        ("Russia is holding him since September.", "2023-09"),  # present tense: still the last one
        ("Prices have risen since early May.", "2024-05"),
    ],
)
def test_since_a_month_is_the_last_one_before_the_anchor(nlp, sentence, value):
    assert [t.value for t in _times(nlp, sentence, "2024-06-19")] == [value]


def test_prefix_tree_alternation_matches_what_the_flat_one_matches():
    import re

    from dyad.temporal.grammar import _alt

    words = ["sep", "sept", "september", "may", "mar", "march", "last", "last year", "last years", "GMT", "gm"]
    text = ("Sept. 5, sep 6, September, SEPT 7; may and May. mar. March; last  year, last\nyears, "
            "lastyear, GMT gmt gm Gmx septembers")
    for dot in (False, True):
        for tail in ("", r"\b", r"\s+\d"):
            flat = re.compile(_alt(words, dot) + tail, re.IGNORECASE)
            tree = re.compile(_alt(words, dot, trie=True) + tail, re.IGNORECASE)
            assert flat.pattern != tree.pattern
            found = [m.span() for m in flat.finditer(text)]
            assert found and [m.span() for m in tree.finditer(text)] == found
