"""Tests for `diplo_events.dates`.

Example tables, by where the cases come from:
- guidelines/seeds: the examples of shared/corpus/GUIDELINES.md (Dates) and the gold dates of the
  seed articles;
- dev: sentences of shared/corpus/dev/dev.jsonl;
- edge cases: year boundaries, leap days, ISO week 53, ranges, months without a year in both
  tenses, weekdays in both tenses including the publication's own weekday;
- non-dates: tokens that look like dates and must not match (May the modal, Theresa May, "a march",
  "sat down", newspapers, holidays).
Then publication stamps and datelines, `render`, and Hypothesis properties.

Run: PYTHONPATH=src python -m pytest tests/test_dates.py -q -p no:cacheprovider
"""

from __future__ import annotations

import datetime
import doctest
import importlib.util
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

_MODULE_PATH = Path(__file__).resolve().parents[1] / "src" / "diplo_events" / "dates.py"


def _load() -> ModuleType:
    """`diplo_events.dates`, or the file itself if the package is not importable (yet)."""
    try:
        from diplo_events import dates  # noqa: PLC0415
    except Exception:  # noqa: BLE001 - the package may be half-built while this module is not
        spec = importlib.util.spec_from_file_location("_diplo_events_dates", _MODULE_PATH)
        assert spec is not None and spec.loader is not None
        dates = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = dates
        spec.loader.exec_module(dates)
        return dates
    return dates


D = _load()
d = datetime.date


def first_resolved(sentence: str, published: datetime.date | None, tense: str | None) -> str | None:
    exprs = D.find_date_expressions(sentence)
    assert exprs, f"no date expression found in {sentence!r}"
    resolved = D.resolve(exprs[0], published, tense)
    return None if resolved is None else D.render(resolved)


def case(sentence, published, tense, expected, text=None, cid=None):  # noqa: ANN001, ANN201
    return pytest.param(sentence, published, tense, expected, text, id=cid or sentence[:60])


# (sentence, published, tense, expected rendering of the first expression, its expected text)
CASES = [
    # ---- guidelines and seed articles ------------------------------------------------------
    case("Russia and NATO held talks on Tuesday.", d(2014, 1, 29), "past", "2014-01-28", "Tuesday"),
    case("Lavrov met Rasmussen on Tuesday in Brussels.", d(2014, 1, 28), "past", "2014-01-28"),
    case("the alliance's three-day summit in the US capital next week", d(2024, 7, 5), "future",
         "2024-W28", "next week"),
    case("NATO foreign ministers will take decisions on this in early April.", d(2014, 3, 6),
         "future", "2014-04", "early April"),
    case("discussions were held by NATO ministers of defence on 30 November", d(2021, 12, 1),
         "past", "2021-11-30", "30 November"),
    case("talks such as one that took place Wednesday", d(2014, 3, 6), "past", "2014-03-05"),
    case("Russia's foreign minister said Tuesday", d(2007, 6, 26), "past", "2007-06-26"),
    # ---- dev corpus ----------------------------------------------------------------------------
    case("Shultz and Shevardnadze will meet in Moscow in mid-April.", d(1987, 3, 6), "future",
         "1987-04", "mid-April"),
    case("sending Shultz to Moscow for talks with Shevardnadze next month.", d(1987, 3, 6),
         "future", "1987-04"),
    case("OPEC ministers will meet in Abu Dhabi on March 17 and 18 to discuss", d(1987, 3, 5),
         "future", "1987-03-17", "March 17 and 18"),
    case("held talks with Soviet counterparts earlier this week.", d(1987, 2, 26), "past",
         "1987-W09", "earlier this week"),
    case("He will travel to the United Arab Emirates by the end of April.", d(2026, 4, 11),
         "future", "2026-04", "the end of April"),
    case("talks scheduled for this weekend in Nicaragua", d(1987, 3, 19), "future", "1987-W12"),
    case("Kuranari has cancelled a trip tomorrow to the U.S.", d(1987, 3, 11), "future",
         "1987-03-12"),
    case("for providing weapons to Taiwan last week.", d(2025, 12, 27), "past", "2025-W51"),
    case("President Reagan today had talks with Kenyan President Moi", d(1987, 3, 12), "past",
         "1987-03-12", "today"),
    case("On last Thursday, the delegations met", d(2020, 1, 10), "past", "2020-01-09",
         "last Thursday"),
    # ---- weekdays ------------------------------------------------------------------------------
    # Same weekday as publication (Friday 2024-07-05): the publication day in both tenses.
    case("The ministers will meet on Friday.", d(2024, 7, 5), "future", "2024-07-05"),
    case("The ministers met on Friday.", d(2024, 7, 5), "past", "2024-07-05"),
    case("The ministers meet on Friday.", d(2024, 7, 5), "present", "2024-07-05"),
    case("The ministers will meet on Thursday.", d(2024, 7, 5), "future", "2024-07-11"),
    case("The ministers met on Saturday.", d(2024, 7, 5), "past", "2024-06-29"),
    case("Talks on Monday", d(2024, 7, 5), None, "2024-07-01"),
    case("They met last Friday.", d(2024, 7, 5), "past", "2024-06-28", "last Friday"),
    case("They met last Thursday.", d(2024, 7, 5), "past", "2024-07-04"),
    case("They will meet next Friday.", d(2024, 7, 5), "future", "2024-07-12", "next Friday"),
    case("They will meet next Monday.", d(2024, 7, 5), "future", "2024-07-08"),
    case("The vote is this Friday.", d(2024, 7, 3), None, "2024-07-05", "this Friday"),
    case("They will meet this Monday.", d(2024, 7, 3), "future", "2024-07-08"),
    case("They will meet this coming Friday.", d(2024, 7, 5), "future", "2024-07-12"),
    case("They met Tuesday night.", d(2014, 1, 29), "past", "2014-01-28", "Tuesday night"),
    case("They met on Wednesday.", d(2015, 1, 1), "past", "2014-12-31"),
    case("They will meet on Monday.", d(2020, 12, 30), "future", "2021-01-04"),
    case("They met on Tuesday and Wednesday.", d(2024, 7, 4), "past", "2024-07-02",
         "Tuesday and Wednesday"),
    case("TALKS RESUME ON MONDAY", d(2024, 7, 5), "future", "2024-07-08", "MONDAY"),
    # ---- days relative to publication ---------------------------------------------------------
    case("They met yesterday.", d(2024, 3, 1), "past", "2024-02-29"),
    case("They met yesterday.", d(2023, 3, 1), "past", "2023-02-28"),
    case("They will meet tomorrow.", d(2014, 12, 31), "future", "2015-01-01"),
    case("Today the ministers met.", d(2014, 3, 6), "past", "2014-03-06", "Today"),
    case("The ministers met last night.", d(2021, 1, 1), "past", "2020-12-31", "last night"),
    case("The ministers met this morning.", d(2021, 1, 1), "past", "2021-01-01"),
    case("The ministers meet tonight.", d(2021, 1, 1), "future", "2021-01-01"),
    case("They met the day before yesterday.", d(2024, 1, 1), "past", "2023-12-30",
         "the day before yesterday"),
    case("They met three days ago.", d(2024, 3, 2), "past", "2024-02-28", "three days ago"),
    case("They met yesterday morning.", d(2024, 3, 2), "past", "2024-03-01", "yesterday morning"),
    case("TALKS RESUME TODAY", d(2024, 3, 2), "present", "2024-03-02", "TODAY"),
    # ---- weeks (ISO week precision, week 53 and year boundaries) ------------------------------
    case("They will meet next week.", d(2015, 12, 25), "future", "2015-W53"),
    case("They will meet next week.", d(2020, 12, 28), "future", "2021-W01"),
    case("They met last week.", d(2021, 1, 6), "past", "2020-W53"),
    case("They meet this week.", d(2019, 12, 31), None, "2020-W01"),
    case("They will meet later this week.", d(2024, 7, 5), "future", "2024-W27"),
    case("He will be in Brussels later in the week.", d(2024, 7, 5), "future", "2024-W27",
         "later in the week"),
    case("They met over the weekend.", d(2024, 7, 8), "past", "2024-W27", "the weekend"),
    case("They met last weekend.", d(2024, 7, 3), "past", "2024-W26"),
    case("They will meet next weekend.", d(2024, 7, 3), "future", "2024-W28"),
    case("They met two weeks ago.", d(2024, 7, 5), "past", "2024-W25"),
    case("They will meet in two weeks' time.", d(2024, 7, 5), "future", "2024-W29"),
    # ---- months --------------------------------------------------------------------------------
    case("They met last month.", d(2015, 1, 15), "past", "2014-12"),
    case("They will meet next month.", d(2014, 12, 15), "future", "2015-01"),
    case("They met earlier this month.", d(2014, 12, 15), "past", "2014-12"),
    case("They will meet in April.", d(2014, 3, 6), "future", "2014-04"),
    case("They met in April.", d(2014, 3, 6), "past", "2013-04"),
    case("They met in March.", d(2014, 3, 6), "past", "2014-03"),
    case("They will meet in March.", d(2014, 3, 6), "future", "2014-03"),
    case("Talks in December", d(2015, 1, 10), None, "2014-12"),
    case("Talks in January", d(2014, 12, 10), None, "2015-01"),
    case("They met in January.", d(2014, 12, 10), "past", "2014-01"),
    case("Talks in July", d(2024, 1, 10), None, "2024-07"),
    case("Talks in August", d(2024, 1, 10), None, "2023-08"),
    case("They met in late May.", d(2019, 6, 10), "past", "2019-05", "late May"),
    case("They met in mid-April 2014.", d(2019, 6, 10), "past", "2014-04", "mid-April 2014"),
    case("They met last April.", d(2024, 5, 10), "past", "2024-04"),
    case("They met last May.", d(2024, 5, 10), "past", "2023-05"),
    case("They will meet next May.", d(2024, 5, 10), "future", "2025-05"),
    case("The agreement expires in March 2014.", None, None, "2014-03", "March 2014"),
    case("They will meet in the first week of March.", d(2024, 2, 10), "future", "2024-03"),
    case("Talks between March and May", d(2024, 2, 10), "future", "2024-03", "March and May"),
    case("They met since May.", d(2024, 2, 10), "past", "2023-05", "May"),
    case("The deal must be signed by May.", d(2024, 2, 10), "future", "2024-05"),
    case("They met on May 5.", d(2024, 2, 10), "past", "2023-05-05", "May 5"),
    # ---- seasons (month precision: first month of the season) ---------------------------------
    case("They will meet this fall.", d(2024, 7, 5), None, "2024-09", "this fall"),
    case("They meet this winter.", d(2024, 1, 15), None, "2023-12"),
    case("They met last winter.", d(2024, 7, 5), "past", "2023-12"),
    case("They will meet next spring.", d(2024, 7, 5), "future", "2025-03"),
    case("They will meet in the spring.", d(2024, 11, 5), "future", "2025-03", "the spring"),
    case("They met in the spring.", d(2024, 11, 5), "past", "2024-03"),
    case("They will meet in late summer.", d(2024, 2, 1), "future", "2024-08", "late summer"),
    case("They met in the summer of 2014.", d(2024, 2, 1), "past", "2014-06",
         "the summer of 2014"),
    case("They met last summer.", d(2024, 10, 5), "past", "2024-06"),
    # ---- day and month without a year -----------------------------------------------------------
    case("They met on December 30.", d(2015, 1, 2), "past", "2014-12-30"),
    case("They met on December 30.", d(2015, 1, 2), None, "2014-12-30"),
    case("They will meet on January 3.", d(2014, 12, 29), "future", "2015-01-03"),
    case("They met on Nov. 30.", d(2021, 12, 1), "past", "2021-11-30", "Nov. 30"),
    case("They met on 30th November.", d(2021, 12, 1), "past", "2021-11-30", "30th November"),
    case("They met on the 30th of November.", d(2021, 12, 1), "past", "2021-11-30",
         "the 30th of November"),
    case("MOSCOW, June 26 (RIA Novosti) - Russia said", d(2007, 6, 26), "past", "2007-06-26",
         "June 26"),
    case("They will meet on the 30th.", d(2024, 7, 5), "future", "2024-07-30", "the 30th"),
    case("They met on the 30th.", d(2024, 7, 5), "past", "2024-06-30"),
    case("They met on the 31st.", d(2024, 7, 5), "past", "2024-05-31"),
    case("They met on Wednesday, January 3.", d(2024, 12, 20), None, "2024-01-03",
         "Wednesday, January 3"),
    # ---- full and numeric dates ---------------------------------------------------------------
    case("signed on 30 November 2021", None, None, "2021-11-30", "30 November 2021"),
    case("signed on November 30, 2021", None, None, "2021-11-30", "November 30, 2021"),
    case("signed on March 17th, 2014", None, None, "2014-03-17", "March 17th, 2014"),
    case("signed on Friday, 12 March 2021", None, None, "2021-03-12", "Friday, 12 March 2021"),
    case("signed on 2021-11-30", None, None, "2021-11-30", "2021-11-30"),
    case("signed on 30.11.2021", None, None, "2021-11-30", "30.11.2021"),
    case("signed on 05.07.2024", None, None, "2024-07-05"),
    case("signed on 11/30/2021", None, None, "2021-11-30"),
    case("signed on 30/11/2021", None, None, "2021-11-30"),
    case("signed on 03/04/2021", None, None, "2021", "03/04/2021", cid="ambiguous slash date"),
    case("26-FEB-1987 15:01:11.79", None, None, "1987-02-26", "26-FEB-1987"),
    # ---- ranges (resolve to the start) --------------------------------------------------------
    case("The summit is on 17-18 March.", d(2019, 3, 10), "future", "2019-03-17", "17-18 March"),
    case("The summit runs from 9 to 11 July.", d(2024, 7, 1), "future", "2024-07-09",
         "9 to 11 July"),
    case("The summit runs July 9-11, 2024.", None, None, "2024-07-09", "July 9-11, 2024"),
    case("The summit is between 9 and 11 July 2024.", None, None, "2024-07-09"),
    case("Talks ran 30 December to 2 January 2015.", None, None, "2014-12-30",
         "30 December to 2 January 2015"),
    case("Talks ran March 30 - April 2, 2014.", None, None, "2014-03-30",
         "March 30 - April 2, 2014"),
    # ---- leap days ------------------------------------------------------------------------------
    case("They met on 29 February.", d(2025, 3, 1), "past", "2024-02-29"),
    case("They met on February 29.", d(2024, 3, 10), None, "2024-02-29"),
    case("They will meet on 29 February.", d(2025, 1, 10), "future", None),
    case("signed on 29 February 2024", None, None, "2024-02-29"),
    case("signed on 29 February 2023", None, None, None, cid="no Feb 29 in 2023"),
    # ---- years ----------------------------------------------------------------------------------
    case("Relations were restored in 2014.", None, None, "2014", "2014"),
    case("a bumper crop in 1987/88", None, None, "1987", "1987/88"),
    case("by the end of 2014", None, None, "2014", "the end of 2014"),
    case("in early 2015", None, None, "2015", "early 2015"),
    case("in the first half of 2015", None, None, "2015"),
    case("from 2014 to 2016", None, None, "2014", "2014 to 2016"),
    case("They met last year.", d(2015, 1, 1), "past", "2014"),
    case("They will meet next year.", d(2014, 12, 31), "future", "2015"),
    case("He will visit London later this year.", d(2025, 2, 27), "future", "2025"),
    case("They will meet early next year.", d(2025, 2, 27), "future", "2026", "early next year"),
    case("by the end of the year", d(2025, 2, 27), "future", "2025"),
    # ---- not resolvable -------------------------------------------------------------------------
    case("The day before, the ministers met.", d(2024, 7, 5), "past", None, "The day before"),
    case("They met the following day.", d(2024, 7, 5), "past", None, "the following day"),
    case("They met on Tuesday.", None, "past", None, cid="relative without publication date"),
    case("They met on 30 November.", None, "past", None, cid="day-month without any year"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "published", "tense", "expected", "text"), CASES)
def test_resolution_table(
    sentence: str,
    published: datetime.date | None,
    tense: str | None,
    expected: str | None,
    text: str | None,
) -> None:
    assert first_resolved(sentence, published, tense) == expected
    if text is not None:
        assert D.find_date_expressions(sentence)[0].text == text


# Sentences without any date expression.
NON_DATES = [
    "Theresa May said the talks may resume.",
    "Prime Minister May met Merkel in Berlin.",
    "Labour said it had no confidence in May.",
    "The party pledged support for May.",
    "RUSSIA MAY SUSPEND TALKS WITH NATO",
    "Thousands joined a march through the capital.",
    "Organisers of the March on Washington said",
    "He sat down with the minister.",
    "The Sun reported that the Sat was late.",
    "Mon Dieu, said the French envoy.",
    "Jan Egeland said aid was needed.",
    "the Good Friday Agreement",
    "Black Friday sales and Super Tuesday primaries",
    "The Sunday Times reported on the talks.",
    "Russia Today and USA Today reported the talks.",
    "UN Security Council resolution 2118",
    "Peru's 2022 self-coup",
    "the fall of Kabul",
    "a fall in oil prices",
    "during the Arab Spring",
    "over the past year",
    "in the last year",
    "the 30th anniversary of the treaty",
    "on the 5th Fleet",
    "sent 2,000 troops",
    "a five-year defence agreement",
    "They meet every Monday.",
    "the Winter Olympics",
    "A320 jets and F-16s",
    "version 1.2.3",
    "USA TODAY reported the talks",
    "the anniversary of the September 11 attacks",
    "The Monday Club met the minister.",
]


@pytest.mark.parametrize("sentence", NON_DATES)
def test_non_dates(sentence: str) -> None:
    assert D.find_date_expressions(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("Theresa May said in May that talks may resume in March.", ["May", "March"]),
        ("May 5 and May 2019 and early May", ["May 5", "May 2019", "early May"]),
        ("from May to July", ["May to July"]),
        ("until May, when", ["May"]),
        ("A march was held on 3 March.", ["3 March"]),
    ],
)
def test_ambiguous_tokens_in_context(sentence: str, texts: list[str]) -> None:
    assert [e.text for e in D.find_date_expressions(sentence)] == texts


def test_expression_fields() -> None:
    e = D.find_date_expressions("from 9 to 11 July 2024")[0]
    assert (e.kind, e.day, e.month, e.year) == ("full_date", 9, 7, 2024)
    r = D.find_date_expressions("30 March to 2 April 2014")[0]
    assert r.range_end is not None and (r.range_end.day, r.range_end.month) == (2, 4)
    w = D.find_date_expressions("last Tuesday")[0]
    assert (w.kind, w.weekday, w.modifier) == ("weekday", 1, "last")
    a = D.find_date_expressions("the day before")[0]
    assert (a.kind, a.offset) == ("anaphoric_day", -1)
    s = D.find_date_expressions("late fall")[0]
    assert (s.kind, s.season, s.part) == ("season", "autumn", "late")


def test_start_end_window_and_absolute_offsets() -> None:
    text = "They met on Tuesday. They will meet again on 30 November."
    exprs = D.find_date_expressions(text, 20)
    assert [(e.text, e.start) for e in exprs] == [("30 November", text.index("30 November"))]
    assert D.find_date_expressions(text, 0, 15) == []
    assert D.find_date_expressions(text, 50, 10) == []


def test_resolved_date_carries_span() -> None:
    text = "Talks were held on 30 November."
    e = D.find_date_expressions(text)[0]
    r = D.resolve(e, d(2021, 12, 1), "past")
    assert r is not None
    assert (r.start, r.end, r.text, r.precision) == (e.start, e.end, "30 November", "day")


# ---- render ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (d(2014, 1, 28), "day", "2014-01-28"),
        (d(2024, 7, 8), "week", "2024-W28"),
        (d(2015, 12, 28), "week", "2015-W53"),
        (d(2021, 1, 4), "week", "2021-W01"),
        (d(2019, 12, 30), "week", "2020-W01"),
        (d(2014, 4, 1), "month", "2014-04"),
        (d(2014, 1, 1), "year", "2014"),
        (d(987, 3, 5), "day", "0987-03-05"),
    ],
)
def test_render(value: datetime.date, precision: str, expected: str) -> None:
    assert D.render(D.ResolvedDate(value, precision, 0, 1, "x")) == expected


# ---- publication dates and datelines ---------------------------------------------------------

PUBLICATION = [
    ("Ahmet Gencturk  | 05.07.2024 - Update : 06.07.2024\nNATO to work", "2024-07-05", "stamp"),
    ("Russia, Nato discuss Syria\nJanuary 28, 2014, 2:03 pm\n\nLavrov met Rasmussen on Tuesday",
     "2014-01-28", "stamp"),
    ("Headline\nPublished: 12 March 2023\nText.", "2023-03-12", "stamp"),
    ("Headline\nPublished on 12 March 2023 at 10:00\nText.", "2023-03-12", "stamp"),
    ("Headline\nUpdated 3:04 PM EDT, Fri March 12, 2021\nText", "2021-03-12", "stamp"),
    ("Headline\nUpdated 3:04 PM EDT, 03/12/2021\nText", "2021-03-12", "stamp"),
    ("Headline\nLast updated: 2021-03-12T10:00:00Z\nFirst published: 2021-03-11\n", "2021-03-11",
     "stamp"),
    ("By John Smith | March 12, 2021\nText", "2021-03-12", "byline"),
    ("Sun, 5 Mar 2023 10:15:00 GMT\nHeadline", "2023-03-05", "stamp"),
    ("26-FEB-1987 15:01:11.79\nHeadline", "1987-02-26", "stamp"),
    ("WASHINGTON, March 12, 2021 (Reuters) - The United States said on Friday", "2021-03-12",
     "dateline"),
    ("BRUSSELS, 5 March 2014 /PRNewswire/ -- NATO said", "2014-03-05", "dateline"),
    # No publication date: a year-less dateline, dates inside sentences, ambiguous stamps.
    ("MOSCOW, June 26 (RIA Novosti) - Russia's foreign minister said Tuesday", None, None),
    ("The talks were held on 12 March 2023 in Brussels, officials said.", None, None),
    ("Talks held on 12 March 2023\nText", None, None),
    ("Headline\nPosted 03/12/2021\nText", None, None),
    ("Headline\nPublished: 2 hours ago\nText", None, None),
    ("x" * 1600 + "\nPublished: 12 March 2023\n", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "source"), PUBLICATION)
def test_find_publication_date(text: str, expected: str | None, source: str | None) -> None:
    found = D.find_publication_date(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.value.isoformat(), found.source) == (expected, source)
        assert text[found.start : found.end] == found.text


def test_publication_date_dateparser_fallback() -> None:
    found = D.find_publication_date("Headline\nPublished: 12th Mar '23\nText")
    assert found is not None and found.value == d(2023, 3, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOW, June 26 (RIA Novosti) - Russia said", (6, 26, "June 26")),
        ("Subscribe\nRussia said Tuesday. MOSCOW, June 26 (RIA Novosti) - x", (6, 26, "June 26")),
        ("KYIV, Ukraine, March 12 (AP) — Ukraine said", (3, 12, "March 12")),
        ("WASHINGTON, March 12, 2021 (Reuters) - x", (3, 12, "March 12, 2021")),
        ("LONDON, 5 Jan - Britain said", (1, 5, "5 Jan")),
        ("The meeting in Moscow, June 26 was tense.", None),
        ("No dateline here.", None),
    ],
)
def test_find_dateline(text: str, expected: tuple[int, int, str] | None) -> None:
    found = D.find_dateline(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        month, day, (s, e) = found
        assert (month, day, text[s:e]) == expected


# ---- performance: linear on adversarial input, no dateparser on the fast path --------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a" * 1_000_000, id="1MB-of-a"),
        pytest.param("7" * 100_000, id="100k-digits"),
        pytest.param("May May May " * 34_000, id="May-May-May"),
        pytest.param("30 " * 100_000, id="30-30-30"),
        pytest.param("the last week of " * 20_000, id="last-week-of"),
    ],
)
def test_adversarial_inputs_are_fast(text: str) -> None:
    t = time.perf_counter()
    D.find_date_expressions(text)
    D.find_publication_date(text)
    assert time.perf_counter() - t < 5.0


def test_fast_path_does_not_import_dateparser() -> None:
    code = (
        "import sys, datetime\n"
        f"sys.path.insert(0, {str(_MODULE_PATH.parent.parent)!r})\n"
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('m', {str(_MODULE_PATH)!r})\n"
        "m = importlib.util.module_from_spec(spec); sys.modules['m'] = m\n"
        "spec.loader.exec_module(m)\n"
        "text = 'Published: 12 March 2023\\nThey met on Tuesday, 30 November and next week.'\n"
        "for e in m.find_date_expressions(text): m.resolve(e, datetime.date(2021, 12, 1))\n"
        "m.find_publication_date(text)\n"
        "assert 'dateparser' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_doctests() -> None:
    result = doctest.testmod(D, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_every_branch_starts_with_a_starter_word() -> None:
    """NOTE: `_STARTERS` and `_ANCHOR_WORDS` must be kept in sync with the branches."""
    samples = {
        "30 November", "November 30", "March 2014", "early April", "early 2015", "last week",
        "the end of the year", "this fall", "the weekend", "next Tuesday", "yesterday",
        "the day before", "three days ago", "in two weeks' time", "in April", "in 2014",
        "on the 30th", "2021-11-30", "30.11.2021", "26-FEB-1987", "Fri March 12, 2021",
    }  # fmt: skip
    for sample in samples:
        text = f"They met {sample}."
        exhaustive = _exhaustive(text)
        assert exhaustive, sample
        assert D.find_date_expressions(text) == exhaustive
    kinds = {e.kind for s in samples for e in D.find_date_expressions(f"x {s}.")}
    assert len(kinds) >= 15


def test_the_written_out_starter_table_is_what_the_branches_give() -> None:
    """NOTE: `_BRANCHES_OF_STARTERS` must be rewritten when a branch or a starter changes."""
    assert D.branches_by_starter() == D._STARTER_BRANCHES  # noqa: SLF001


# ---- properties ---------------------------------------------------------------------------

DATE_TOKENS = [
    "May", "March", "April", "Jan.", "Sept", "Tuesday", "Fri", "Sun", "on", "in", "the", "of",
    "last", "next", "this", "early", "mid-", "late", "end", "week", "weekend", "month", "year",
    "years", "days", "ago", "yesterday", "today", "Today", "tonight", "tomorrow", "night",
    "morning", "spring", "fall", "winter", "summer", "and", "to", "-", "–", ",", ".", "\n",
    "30", "31", "29", "1", "12", "2014", "1987/88", "2021-11-30", "30.11.2021", "11/30/2021",
    "03/04/2021", "30th", "1st", "a", "two", "time", "'", "from", "between", "by", "Theresa",
    "since", "first", "half", "quarter", "day", "before", "after", "the day before", "coming",
    "past", "Published:", "Updated", "MOSCOW,", "(Reuters)", "|", "EDT", "2:03 pm", "February",
]  # fmt: skip
date_soup = st.lists(st.sampled_from(DATE_TOKENS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), date_soup)
published_dates = st.one_of(st.none(), st.dates(d(1900, 1, 1), d(2100, 12, 31)))
tenses = st.sampled_from([None, "past", "future", "present"])


_MASTER = D.master_pattern()


def _exhaustive(text: str) -> list[object]:
    """The finder without the anchor/dispatch shortcut: the full alternation at every position."""
    found = []
    for m in _MASTER.finditer(text):
        s, e = m.span()
        for group in D._KIND_GROUPS:  # noqa: SLF001
            if m.start(group) >= 0:
                expr = D._BUILDERS[group](m, text, s, e)  # noqa: SLF001
                if expr is not None:
                    found.append(expr)
                break
    return D._merge_ranges(found, text)  # noqa: SLF001


@settings(deadline=None)
@given(text=any_text, published=published_dates, tense=tenses)
def test_never_raises_and_spans_are_exact(
    text: str, published: datetime.date | None, tense: str | None
) -> None:
    exprs = D.find_date_expressions(text)
    prev_end = 0
    for e in exprs:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.start >= prev_end  # ordered, non-overlapping
        prev_end = e.end
        r = D.resolve(e, published, tense)
        if r is not None:
            assert (r.start, r.end, r.text) == (e.start, e.end, e.text)
            D.render(r)
    D.find_publication_date(text)
    D.find_dateline(text)


@settings(deadline=None)
@given(text=any_text, published=published_dates, tense=tenses)
def test_deterministic(text: str, published: datetime.date | None, tense: str | None) -> None:
    first = [D.resolve(e, published, tense) for e in D.find_date_expressions(text)]
    second = [D.resolve(e, published, tense) for e in D.find_date_expressions(text)]
    assert first == second
    assert D.find_publication_date(text) == D.find_publication_date(text)


@settings(deadline=None)
@given(text=date_soup, published=st.dates(d(1900, 1, 1), d(2100, 12, 31)), tense=tenses)
def test_relative_expressions_stay_near_publication(
    text: str, published: datetime.date, tense: str | None
) -> None:
    for e in D.find_date_expressions(text):
        if e.year is not None or (e.offset is not None and abs(e.offset) > 1):
            continue  # stated years, and counted offsets such as "twelve years ago"
        r = D.resolve(e, published, tense)
        if r is not None:
            assert abs((r.value - published).days) <= 2 * 366, (e, r)


@settings(deadline=None)
@given(text=any_text)
def test_fast_path_matches_exhaustive_scan(text: str) -> None:
    assert D.find_date_expressions(text) == _exhaustive(text)


@pytest.mark.parametrize("text", ["on Tuesday0", "Tuesdayé, March 3", "MARCH_ 12, 2014", "Fri٣ March 12", "Sept2 5"])
def test_a_weekday_or_month_name_inside_a_longer_word_is_no_date(text: str) -> None:
    # found by the property above: the names end a word in the scan and in the patterns alike
    assert [e.text for e in D.find_date_expressions(text)] == [e.text for e in _exhaustive(text)]
    assert not any(e.text.startswith(("Tuesday", "MARCH", "Fri", "Sept")) for e in D.find_date_expressions(text))


@pytest.mark.parametrize(
    "word", ["Tuesday", "TUESDAY", "Tue", "Tue.", "Thurs", "April", "APRIL", "Sept", "Sept.", "May", "Jan.", "in", "In", "IN"]
)
def test_a_starter_without_what_its_longer_branches_need_finds_what_every_branch_finds(word: str) -> None:
    """Without a number, month or year after it, only the bare name's branch is tried at a
    weekday or month name; at "in", without a number, none."""
    for sep in ("", ".", ",", ".,", ", ", " ", "   ", "    ", "\n", " \n ", ",\n", ". ", ",  ", " , "):
        for rest in ("12", "12th", "the 12th", "THE 3rd", "March 12", "MARCH 12, 2024", "Mar. 3", "2014", "morning",
                     "night", "and Wednesday", "x", "", "12 March 2024", "Friday", "$5", "two weeks' time",
                     "a year from now", "an hour", "ten days ago", "3 months ago", "eleventh"):
            if not sep and rest[:1].isalnum():
                continue  # "Tuesday12": one word, no starter, nothing narrowed
            text = f"on {word}{sep}{rest}."
            assert D.find_date_expressions(text) == _exhaustive(text), text


@settings(deadline=None)
@given(text=any_text)
def test_every_stated_year_is_found_by_the_stamp_prefilter(text: str) -> None:
    # find_publication_date skips the lines without one: a year stated elsewhere would be lost
    for e in D.find_date_expressions(text):
        if e.year is not None and e.kind in D._DAYLIKE:  # noqa: SLF001
            assert D._YEAR_DIGITS.search(e.text) is not None, e  # noqa: SLF001


@settings(deadline=None)
@given(text=date_soup)
def test_surrounding_text_only_shifts_offsets(text: str) -> None:
    prefix, suffix = "Officials spoke. ", " and officials spoke."
    alone = D.find_date_expressions(text)
    wrapped = D.find_date_expressions(prefix + text + suffix)
    shifted = [(e.start - len(prefix), e.end - len(prefix), e.text, e.kind) for e in wrapped]
    assert shifted == [(e.start, e.end, e.text, e.kind) for e in alone]


@settings(deadline=None)
@given(text=any_text, data=st.data())
def test_window_stays_inside_bounds(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for e in D.find_date_expressions(text, start, end):
        assert start <= e.start < e.end <= end
        assert text[e.start : e.end] == e.text
