"""The front door: extract(), parse(), and the errors they raise."""

from __future__ import annotations

import datetime as dt

import pytest

import diplo_events
from diplo_events import DiploEventsError, InputTypeError, PublishedDateError


@pytest.mark.parametrize("bad", [None, b"Russia met NATO.", 42, ["text"]])
def test_non_str_text_raises_a_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(InputTypeError, match=type(bad).__name__) as info:
        diplo_events.extract(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, DiploEventsError)


@pytest.mark.parametrize("bad", ["yesterday-ish", "2014-13-45", "06/03/2014x"])
def test_unreadable_published_raises_a_value_error_naming_it(bad: str) -> None:
    with pytest.raises(PublishedDateError, match="published date") as info:
        diplo_events.extract("Russia met NATO.", published=bad)
    assert bad in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text", ["", " ", "\n\t\r\n", "\u00a0\u2003"])
def test_empty_text_gives_no_events(text: str) -> None:
    assert diplo_events.extract(text) == []


@pytest.mark.parametrize(
    "published",
    ["2014-01-28", "2014-01-28T14:03:00", dt.date(2014, 1, 28), dt.datetime(2014, 1, 28, 14, 3)],
)
def test_published_accepts_iso_strings_dates_and_datetimes(published: object) -> None:
    doc = diplo_events.parse("Lavrov met Rasmussen on Tuesday in Brussels.", published=published)  # type: ignore[arg-type]
    assert doc.published == dt.date(2014, 1, 28)
    assert doc.published_source == "argument"


def test_extract_returns_a_list_of_events() -> None:
    events = diplo_events.extract("Japan pledged $50 million in humanitarian aid to Nepal.", published="2015-05-02")
    assert isinstance(events, list)
    assert [e.type for e in events] == ["support_pledge"]
    (event,) = events
    assert [a.code for a in event.donors] == ["JPN"]
    assert [a.code for a in event.recipients] == ["NPL"]
    assert event.amount is not None and event.amount.currency == "USD"
    assert event.amount.value == 50_000_000


def test_parse_exposes_sentences_and_actors() -> None:
    text = "Russia froze talks with Japan. Japan said it regretted the move."
    doc = diplo_events.parse(text, published="2020-02-02")
    assert [text[s.start : s.end] for s in doc.sentences] == ["Russia froze talks with Japan.", "Japan said it regretted the move."]
    assert [(a.text, a.codes) for a in doc.actors][:2] == [("Russia", ("RUS",)), ("Japan", ("JPN",))]


def test_publication_date_from_a_stamp_when_none_is_given() -> None:
    text = "Finland, Estonia hold talks\n\nJane Roe | 14.03.2024 - Update : 15.03.2024\n\nFinland and Estonia held talks on Tuesday."
    doc = diplo_events.parse(text)
    assert doc.published == dt.date(2024, 3, 14)
    assert doc.published_source == "stamp"
    (event,) = doc.events
    assert event.date is not None and event.date.value == dt.date(2024, 3, 12)


def test_an_explicit_published_date_wins_over_the_stamp() -> None:
    text = "Finland and Estonia held talks on Tuesday.\n\nMarch 14, 2024, 9:00 am"
    doc = diplo_events.parse(text, published="2024-03-20")
    assert doc.published == dt.date(2024, 3, 20)
    assert doc.published_source == "argument"


def test_a_yearless_dateline_gives_no_publication_date() -> None:
    doc = diplo_events.parse("OSLO, June 26 (Example Wire) - Norway and Sweden held talks on Tuesday.")
    assert doc.published is None
    assert doc.published_source == "none"
    assert doc.events and doc.events[0].date is None
