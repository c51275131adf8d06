"""Meetings. Examples written for the project, grouped by what they test."""

from __future__ import annotations

import pytest

import diplo_events

from ._helpers import fs, summary, types

# Held, planned and ongoing meetings, in several verb forms and nominalisations.
POSITIVES = [
    ("Chinese President Xi Jinping met French President Emmanuel Macron in Paris on Monday.", fs("CHN", "FRA")),
    ("The foreign ministers of Egypt and Jordan held talks in Amman.", fs("EGY", "JOR")),
    ("Kenya's president will visit Tanzania next month.", fs("KEN", "TZA")),
    ("Turkey hosted Swedish and Finnish officials for consultations on Wednesday.", fs("TUR", "SWE", "FIN")),
    ("Brazil and Argentina opened negotiations on a new trade framework.", fs("BRA", "ARG")),
    ("The Indian prime minister held a phone call with the Australian prime minister.", fs("IND", "AUS")),
    ("NATO defence ministers will meet in Brussels next week.", fs("NATO",)),
    ("Germany and Poland are holding consultations in Warsaw.", fs("DEU", "POL")),
    ("A Japan-Philippines summit took place in Manila on Friday.", fs("JPN", "PHL")),
    ("The Kremlin said Putin and Erdogan spoke by phone on Monday.", fs("RUS", "TUR")),
    ("The German chancellor flew to Washington for a meeting with the president.", fs("DEU", "USA")),
    ("Brazil's president will attend the BRICS summit in Johannesburg.", fs("BRA", "BRICS")),
    ("Iran and the US held indirect talks in Oman on Saturday.", fs("IRN", "USA")),
    ("Putin, Xi hold talks in Beijing", fs("RUS", "CHN")),  # a headline; Chinese family name first
    ("Kenyan President Ruto ended a two-day state visit to Uganda on Friday.", fs("KEN", "UGA")),
    ("The Turkish foreign minister welcomed his Greek counterpart in Ankara.", fs("TUR", "GRC")),
    ("Nigeria's president hosted a delegation from the European Union in Abuja.", fs("NGA", "EU")),
]


@pytest.mark.parametrize(("text", "parties"), POSITIVES)
def test_meetings_are_found_with_their_parties(text: str, parties: frozenset[str]) -> None:
    found = [s for s in summary(text) if s[0] == "meeting" and not s[3]]
    assert [s[1] for s in found] == [parties]


# Not meetings: idioms, domestic meetings, offers, appeals, conditions, hopes.
NEGATIVES = [
    "Egypt says the new pipeline will meet its energy needs until 2030.",
    "The Indonesian cabinet meeting approved the budget on Tuesday.",
    "Norway offered to host talks between the two warring factions.",
    "Canada urged India to hold talks with Pakistan.",
    "If Serbia agrees, Kosovo could meet its envoy next month.",
    "Officials hope Iran will join talks with France later this year.",
    "The Spanish prime minister told a news conference in Madrid that growth was strong.",
    "Chile proposed a meeting with Peru to settle the border dispute.",
    "Mexico is ready to meet Guatemalan officials to discuss migration.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_non_meetings(text: str) -> None:
    assert "meeting" not in types(text)


# Negated meetings: the text says the meeting did not or will not happen.
NEGATED = [
    ("Hungary's foreign minister has no plans to meet his Ukrainian counterpart.", fs("HUN", "UKR")),
    ("Iran will not hold direct negotiations with the United States, its president said.", fs("IRN", "USA")),
    ("Poland refused to meet Belarusian officials at the border.", fs("POL", "BLR")),
]


@pytest.mark.parametrize(("text", "parties"), NEGATED)
def test_negated_meetings(text: str, parties: frozenset[str]) -> None:
    assert [s for s in summary(text) if s[0] == "meeting"] == [("meeting", parties, frozenset(), True)]


def test_a_cancelled_visit_is_a_suspension_not_a_meeting() -> None:
    out = summary("Japan's foreign minister cancelled a visit to South Korea on Thursday.")
    assert out == [("suspension", fs("JPN"), fs("KOR"), False)]


def test_one_side_visiting_two_countries_is_two_meetings() -> None:
    out = summary("The Australian foreign minister is to visit Vietnam and Cambodia this week.")
    assert [s[1] for s in out] == [fs("AUS", "KHM"), fs("AUS", "VNM")]


def test_headline_and_body_merge_into_one_event() -> None:
    text = "Ghana, Togo hold border talks\n\nGhana and Togo held talks on border security in Accra on Monday, officials said."
    events = diplo_events.extract(text, published="2024-05-15")
    assert len(events) == 1
    assert len(events[0].mentions) == 2
    assert events[0].location is not None and events[0].location.country == "GHA"


def test_status_and_date_of_a_planned_meeting() -> None:
    (event,) = diplo_events.extract("Italy's prime minister will meet the Greek prime minister on Friday.", published="2024-05-15")
    assert event.status == "planned"
    assert event.date is not None and event.date.value.isoformat() == "2024-05-17"


def test_one_of_a_series_that_took_place_is_dated() -> None:
    text = (
        "Brazil and Peru held border talks, officials said.\n"
        "The two governments are ready to keep meetings of the Brazil-Peru Commission, such as one that took place on Monday."
    )
    events = [e for e in diplo_events.extract(text, published="2024-05-15") if e.type == "meeting"]
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value.isoformat() == "2024-05-13"


def test_a_meeting_reported_as_current_takes_the_story_day() -> None:
    text = (
        "Serbia, Hungary sign energy deal\n\n"
        "Serbia and Hungary signed an energy deal on Tuesday, officials said.\n\n"
        "The Hungarian prime minister has also arrived in Belgrade to attend an EU-Serbia summit."
    )
    events = [e for e in diplo_events.extract(text, published="2024-05-15") if e.type == "meeting"]
    summit = next(e for e in events if {a.code for a in e.participants} >= {"EU", "SRB"})
    assert summit.date is not None and summit.date.value.isoformat() == "2024-05-14"


def test_no_date_in_the_text_means_no_date() -> None:
    (event,) = diplo_events.extract("Chile and Peru held talks on fisheries.", published="2024-05-15")
    assert event.date is None


def test_a_meeting_dated_after_publication_is_planned() -> None:
    (event,) = diplo_events.extract("Japan, U.S. to hold trade talks next week", published="2024-02-07")
    assert event.status == "planned"
    assert event.date is not None and event.date.precision == "week"


def test_met_to_discuss_is_one_meeting_with_one_date() -> None:
    (event,) = diplo_events.extract("Peru and Chile met in Lima on Monday to discuss the border.", published="2024-05-15")
    assert event.date is not None and event.date.value.isoformat() == "2024-05-13"


def test_holding_talks_is_ongoing() -> None:
    (event,) = diplo_events.extract("Peru and Chile are holding talks in Lima.", published="2024-05-15")
    assert event.status == "ongoing"


def test_rejecting_an_offer_of_talks_is_a_negated_meeting() -> None:
    assert summary("Iran rejected a US offer of talks.") == [("meeting", fs("IRN", "USA"), frozenset(), True)]
    assert summary("Mexico declined an invitation to meet Guatemalan officials.") == [("meeting", fs("MEX", "GTM"), frozenset(), True)]
    assert summary("Iran welcomed a US offer of talks.") == []


def test_an_official_travelling_to_two_countries_makes_two_visits() -> None:
    out = summary("Secretary Blinken will travel to Israel and Jordan this week.", "2024-02-07")
    assert [s[1] for s in out] == [fs("USA", "ISR"), fs("USA", "JOR")]


@pytest.mark.parametrize("text", ["Russian troops arrived in Belarus for exercises.", "Ukrainian refugees travelled to Poland."])
def test_troops_and_refugees_travelling_are_no_visit(text: str) -> None:
    assert "meeting" not in types(text)
