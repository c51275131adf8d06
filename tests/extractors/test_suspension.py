"""Suspensions. Examples written for the project, grouped by what they test."""

from __future__ import annotations

import pytest

import diplo_events

from ._helpers import fs, summary, types

POSITIVES = [
    ("Morocco suspended all contacts with the German embassy.", fs("MAR"), fs("DEU")),
    ("Nicaragua severed diplomatic relations with the Netherlands on Saturday.", fs("NIC"), fs("NLD")),
    ("Germany froze development aid to Niger after the coup.", fs("DEU"), fs("NER")),
    ("The African Union suspended Gabon's membership.", fs("AU"), fs("GAB")),
    ("Russia halted its participation in the grain deal with Ukraine.", fs("RUS"), fs("UKR")),
    ("Colombia broke off diplomatic ties with Israel.", fs("COL"), fs("ISR")),
    ("Mali withdrew from the regional security pact.", fs("MLI"), fs()),
    ("Sweden paused military cooperation with Turkey, the defence ministry said.", fs("SWE"), fs("TUR")),
    ("The European Union suspended budget support to Burundi.", fs("EU"), fs("BDI")),
    ("Armenia froze its participation in the CSTO.", fs("ARM"), fs("CSTO")),
]


@pytest.mark.parametrize(("text", "actors", "counterparts"), POSITIVES)
def test_suspensions_are_found_with_both_sides(text: str, actors: frozenset[str], counterparts: frozenset[str]) -> None:
    assert summary(text) == [("suspension", actors, counterparts, False)]


NEGATIVES = [
    "The United States imposed sanctions on Venezuelan officials.",
    "Ireland expelled two Russian diplomats on Monday.",
    "Pakistan threatened to suspend trade talks with India.",
    "Opposition leaders called on Britain to suspend arms sales to Israel.",
    "Qatar Airways suspended flights to Iraq because of the storm.",
    "Egypt is reviewing its cooperation with the International Monetary Fund.",
    "Peru may break off relations with Bolivia if the dispute escalates.",
    "The Thai parliament suspended its session for a week.",
    "Talks between India and China on the border ended without agreement.",
    "Washington suspended visa services for Nigerians.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_non_suspensions(text: str) -> None:
    assert "suspension" not in types(text)


def test_stopped_short_of_suspending_is_a_negated_suspension() -> None:
    out = summary("Germany stopped short of suspending military cooperation with Israel.")
    assert out == [("suspension", fs("DEU"), fs("ISR"), True)]


def test_aid_halted_and_grants_cut_are_one_happening() -> None:
    out = summary("The United States halted aid to Sudan and cut grants to the country.")
    assert out == [("suspension", fs("USA"), fs("SDN"), False)]


def test_a_denied_suspension_is_negated() -> None:
    assert summary("France denied that it had suspended aid to Niger.") == [("suspension", fs("FRA"), fs("NER"), True)]


def test_negated_suspension() -> None:
    assert summary("Norway did not suspend its aid to Uganda, the minister said.") == [("suspension", fs("NOR"), fs("UGA"), True)]


def test_distinct_suspensions_between_the_same_parties_stay_apart() -> None:
    text = "Canada suspended its joint naval mission with India. Canada also suspended trade negotiations with India."
    events = diplo_events.extract(text, published="2024-05-15")
    assert sorted(e.suspended for e in events) == ["joint naval mission", "trade negotiations"]


def test_temporary_suspension_is_marked() -> None:
    (event,) = diplo_events.extract("Kenya suspended security talks with Somalia for now.", published="2024-05-15")
    assert event.temporary
    assert event.cameo == "164"


def test_leaving_an_organisation_is_a_suspension_of_membership() -> None:
    assert summary("Moldova will withdraw from the Commonwealth of Independent States.") == [("suspension", fs("MDA"), fs("CIS"), False)]


def test_stopping_deliveries_is_a_suspension_not_a_pledge() -> None:
    assert summary("Poland said it would stop supplying weapons to Ukraine.") == [("suspension", fs("POL"), fs("UKR"), False)]


def test_a_cancelled_visit_by_someone_else_has_them_as_counterpart() -> None:
    assert summary("Egypt cancelled a planned visit by the Ethiopian foreign minister.") == [("suspension", fs("EGY"), fs("ETH"), False)]


def test_passive_by_names_the_suspender() -> None:
    assert summary("Military cooperation with Mali was suspended by France.") == [("suspension", fs("FRA"), fs("MLI"), False)]
