"""Actor resolution: names, adjectives, capitals, institutions, organisations, people on the
article's date, titles, references back, and user extensions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

import diplo_events
from diplo_events import Gazetteer, Pipeline
from diplo_events.actors import ActorResolver
from diplo_events.errors import DataFileError

from .strategies import any_text, published_dates


def codes(text: str, published: str | None = "2014-03-06") -> list[tuple[str, tuple[str, ...]]]:
    return [(a.text, a.codes) for a in diplo_events.parse(text, published=published).actors]


def code_of(text: str, surface: str, published: str | None = "2014-03-06") -> tuple[str, ...] | None:
    for a in diplo_events.parse(text, published=published).actors:
        if a.text == surface:
            return a.codes
    return None


# States: names, short forms, adjectives, capitals and institutions (project examples).
STATES = [
    ("Britain said it would act.", "Britain", "GBR"),
    ("The U.S. said it would act.", "The U.S.", "USA"),
    ("N.Korea fired a missile.", "N.Korea", "PRK"),
    ("South Korea protested.", "South Korea", "KOR"),
    ("Czechia voted against.", "Czechia", "CZE"),
    ("A Russian official spoke.", "Russian", "RUS"),
    ("Moscow said the talks failed.", "Moscow", "RUS"),
    ("Kyiv rejected the claim.", "Kyiv", "UKR"),
    ("Kiev rejected the claim.", "Kiev", "UKR"),
    ("The Kremlin said the talks failed.", "The Kremlin", "RUS"),
    ("The White House declined to comment.", "The White House", "USA"),
    ("The Pentagon declined to comment.", "The Pentagon", "USA"),
    ("Downing Street declined to comment.", "Downing Street", "GBR"),
    ("Tehran denied the report.", "Tehran", "IRN"),
]


@pytest.mark.parametrize(("text", "surface", "code"), STATES)
def test_states(text: str, surface: str, code: str) -> None:
    assert code_of(text, surface) == (code,)


ORGANISATIONS = [
    ("NATO said it would act.", "NATO", "NATO"),
    ("The North Atlantic Treaty Organization said it would act.", "The North Atlantic Treaty Organization", "NATO"),
    ("The European Commission proposed a plan.", "The European Commission", "EU"),
    ("The Security Council met.", "The Security Council", "UN"),
    ("The Arab League met.", "The Arab League", "LAS"),
    ("The IAEA inspectors arrived.", "IAEA", "IAEA"),
]


@pytest.mark.parametrize(("text", "surface", "code"), ORGANISATIONS)
def test_organisations(text: str, surface: str, code: str) -> None:
    found = code_of(text, surface) or code_of(text, surface.removeprefix("The ")) or code_of(text, "The " + surface)
    assert found == (code,)


# People resolve to what they represent on the article's date, on both sides of a boundary.
PEOPLE = [
    ("Lavrov said the talks failed.", "Lavrov", "2014-03-06", "RUS"),
    ("Stoltenberg said the talks failed.", "Stoltenberg", "2008-05-01", "NOR"),
    ("Stoltenberg said the talks failed.", "Stoltenberg", "2021-06-01", "NATO"),
    ("Mark Rutte said the talks failed.", "Mark Rutte", "2023-06-01", "NLD"),
    ("Mark Rutte said the talks failed.", "Mark Rutte", "2025-06-01", "NATO"),
    ("Anders Fogh Rasmussen said the talks failed.", "Anders Fogh Rasmussen", "2005-01-01", "DNK"),
    ("Anders Fogh Rasmussen said the talks failed.", "Anders Fogh Rasmussen", "2014-03-06", "NATO"),
    ("Eduard Shevardnadze said the talks failed.", "Eduard Shevardnadze", "1987-03-06", "SUN"),
    ("Eduard Shevardnadze said the talks failed.", "Eduard Shevardnadze", "1995-03-06", "GEO"),
]


@pytest.mark.parametrize(("text", "surface", "published", "code"), PEOPLE)
def test_people_on_the_articles_date(text: str, surface: str, published: str, code: str) -> None:
    assert code_of(text, surface, published) == (code,)


def test_a_person_with_no_role_on_the_date_is_not_guessed() -> None:
    assert code_of("Mark Rutte said the talks failed.", "Mark Rutte", "1990-01-01") in (None, ())


def test_a_persons_actor_carries_name_and_role() -> None:
    (event,) = diplo_events.extract("Sergei Lavrov met Wang Yi in Beijing on Monday.", published="2024-04-10")
    lavrov = next(a for a in event.participants if a.code == "RUS")
    assert lavrov.name == "Sergey Lavrov"
    assert lavrov.span is not None and lavrov.span.text == "Sergei Lavrov"


def test_titles_without_names() -> None:
    doc = diplo_events.parse("Russia's foreign minister met the Russian Ambassador to NATO.", published="2014-03-06")
    roles = {(a.text, a.role) for a in doc.actors}
    assert ("Russia", "foreign minister") in roles
    assert ("Russian", "ambassador") in roles


def test_the_alliance_refers_to_nato_in_focus() -> None:
    assert code_of("NATO met on Monday. The alliance said it would act.", "The alliance") == ("NATO",)


def test_the_bloc_refers_to_the_eu_in_focus() -> None:
    assert code_of("The European Union met on Monday. The 27-nation bloc said it would act.", "The 27-nation bloc") == ("EU",)


def test_quoted_we_is_the_speaker() -> None:
    text = "\u201cWe will continue providing support to Ukraine,\u201d said Stoltenberg."
    assert code_of(text, "We", "2021-06-01") == ("NATO",)


def test_listed_parties_are_each_coded() -> None:
    found = [c for _, c in codes("Russia, China, the US, the UK and Italy have contributed equipment.")]
    assert found == [("RUS",), ("CHN",), ("USA",), ("GBR",), ("ITA",)]


def test_a_capital_as_place_is_not_the_party_of_a_meeting() -> None:
    (event,) = diplo_events.extract("Japan and India held talks in Moscow on Monday.", published="2024-05-15")
    assert {a.code for a in event.participants} == {"JPN", "IND"}
    assert event.location is not None and event.location.country == "RUS"


def test_money_and_treaty_names_are_not_parties() -> None:
    doc = diplo_events.parse("Chile pledged US$5 million. Chile left the Paris Agreement.", published="2024-05-15")
    assert [a.codes for a in doc.actors] == [("CHL",), ("CHL",)]


def test_users_add_aliases_people_and_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    gaz = Gazetteer.default().copy()
    gaz.add_alias("Ruritania", "XRU")
    gaz.add_person("Jane Doe", "FRA", role="foreign minister", start="2027-01-01")
    data = tmp_path / "people.tsv"
    data.write_text("name\taliases\tcode\trole\tstart\tend\nJohn Roe\tJ. Roe\tDEU\tdefence minister\t2027-02-01\t\n", encoding="utf-8")
    gaz.load_file(data)
    pipe = Pipeline.default(gazetteer=gaz)
    doc = pipe("Jane Doe met John Roe and Ruritania officials in Paris.", published="2027-03-01")
    assert [a.codes for a in doc.actors][:3] == [("FRA",), ("DEU",), ("XRU",)]
    # the shared default is untouched
    assert "Jane Doe" not in Gazetteer.default().people


@pytest.mark.parametrize(
    "content",
    ["code\tkind\ttext\nRUS\tnonsense\tRussland\n", "name\taliases\tcode\trole\tstart\tend\nX\t\tFRA\t\tlast year\t\n", "what\never\n"],
)
def test_bad_user_files_raise_data_file_errors_with_the_row(tmp_path, content: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.tsv"):
        Gazetteer().load_file(path)


@given(text=any_text, published=published_dates)
def test_resolution_never_raises_and_spans_map_back(text: str, published: dt.date | None) -> None:
    doc = Pipeline([], stages=None)(text, published)
    assert isinstance(ActorResolver(), ActorResolver)
    for a in doc.actors:
        assert text[a.start : a.end] == a.text
        assert a.codes == () or all(c.isupper() for c in a.codes)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The EU met on Monday. Brussels then froze aid to Mali.", "EU"),
        ("Brussels summoned the Dutch ambassador over the border dispute.", "BEL"),
    ],
)
def test_brussels_stands_for_the_organisation_in_focus(text: str, code: str) -> None:
    assert code_of(text, "Brussels", "2024-05-15") == (code,)


def test_brussels_as_a_place_is_belgium() -> None:
    (event,) = diplo_events.extract("The EU and Japan held talks in Brussels on Monday.", published="2024-05-15")
    assert event.location is not None and event.location.country == "BEL"


def test_the_country_is_the_state_that_is_not_the_other_side() -> None:
    (event,) = diplo_events.extract("Mali said France would withdraw its troops from the country by August.", published="2024-05-15")
    assert [a.code for a in event.actors] == ["FRA"]
    assert [a.code for a in event.counterparts] == ["MLI"]


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("Germany will not send troops.", "Germany", None),
        ("His Greek, Cypriot and French counterparts met.", "Cypriot", "counterparts"),
        ("The Syrian transitional government said so.", "Syrian", "transitional government"),
        ("Russia's Foreign Minister spoke.", "Russia", "foreign minister"),
    ],
)
def test_roles_are_offices_not_verb_phrases(text: str, surface: str, role: str | None) -> None:
    doc = diplo_events.parse(text, published="2024-05-15")
    assert next(a.role for a in doc.actors if a.text == surface) == role


def test_an_undated_bare_surname_is_the_leader_among_namesakes() -> None:
    assert code_of("Mr Blair held talks with Ariel Sharon.", "Blair", None) == ("GBR",)
