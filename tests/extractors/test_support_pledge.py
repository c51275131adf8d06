"""Support pledges. Examples written for the project, grouped by what they test."""

from __future__ import annotations

import pytest

import diplo_events

from ._helpers import fs, summary, types

POSITIVES = [
    ("Denmark pledged 40 million euros in humanitarian aid to Sudan.", fs("DNK"), fs("SDN")),
    ("The United Kingdom will send air-defence missiles to Ukraine.", fs("GBR"), fs("UKR")),
    ("Saudi Arabia deposited $2 billion and pledged further financial support to Egypt.", fs("SAU"), fs("EGY")),
    ("Japan agreed to lend Sri Lanka 50 billion yen to support its balance of payments.", fs("JPN"), fs("LKA")),
    ("France will provide Chad with military trainers and equipment.", fs("FRA"), fs("TCD")),
    ("Turkey delivered drones to Azerbaijan last year.", fs("TUR"), fs("AZE")),
    ("The World Bank and the IMF promised fresh loans to Zambia.", fs("IMF"), fs("ZMB")),
    ("China granted Nepal an aid package worth 3.5 billion rupees.", fs("CHN"), fs("NPL")),
    ("Ministers praised the Asian Development Fund and the IMF, which pledged new loans to Laos.", fs("IMF"), fs("LAO")),
    ("Ukraine received new tanks from Poland on Monday.", fs("POL"), fs("UKR")),
    ("The Netherlands handed over F-16 fighter jets to Ukraine.", fs("NLD"), fs("UKR")),
    ("Britain will train 10,000 Ukrainian soldiers this year.", fs("GBR"), fs("UKR")),
    ("ECOWAS announced the deployment of troops to Guinea-Bissau from Senegal and Ghana.", fs("SEN", "GHA"), fs("GNB")),
]


@pytest.mark.parametrize(("text", "donors", "recipients"), POSITIVES)
def test_pledges_are_found_with_donor_and_recipient(text: str, donors: frozenset[str], recipients: frozenset[str]) -> None:
    assert summary(text) == [("support_pledge", donors, recipients, False)]


NEGATIVES = [
    "Poland bought 250 tanks from the United States.",
    "The United States approved an arms sale to Morocco.",
    "Aid agencies urged Australia to increase its aid to Papua New Guinea.",
    "Greece supports the new maritime treaty.",
    "The Brazilian government announced a support package for farmers.",
    "Israel blocked aid deliveries to Gaza.",
    "Chile imposed sanctions on firms that provided weapons to Peru.",
    "France will send more gendarmes to New Caledonia.",  # its own territory
    "Police raided a Qatar-funded charity in the capital.",  # "-funded" is a modifier
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_non_pledges(text: str) -> None:
    assert "support_pledge" not in types(text)


def test_denied_support_is_negated() -> None:
    assert summary("China denied providing weapons to Russia.") == [("support_pledge", fs("CHN"), fs("RUS"), True)]


def test_negated_pledge() -> None:
    out = summary("Germany will not send troops to Libya, the chancellor said.")
    assert out == [("support_pledge", fs("DEU"), fs("LBY"), True)]


def test_types_items_and_amount() -> None:
    (event,) = diplo_events.extract("Canada pledged $500 million in military aid, including drones and ammunition, to Ukraine.", published="2024-05-15")
    assert "military" in event.support_types
    assert {"drones", "ammunition"} <= set(event.items)
    assert event.amount is not None and event.amount.value == 500_000_000 and event.amount.currency == "USD"


def test_quoted_we_is_the_speakers_side() -> None:
    text = "\u201cWe will keep supporting Ukraine with weapons,\u201d said German Chancellor Olaf Scholz."
    assert summary(text, "2023-02-01") == [("support_pledge", fs("DEU"), fs("UKR"), False)]
