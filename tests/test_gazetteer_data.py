"""Consistency checks for the gazetteer data files.

These tests read the TSV files directly with csv; they do not import diplo_events, so they check
the data independently of the loader.
"""
from __future__ import annotations

import collections
import csv
import datetime
import pathlib
import re

import pycountry

from diplo_events.gazetteer import ORGANIZATION_CODES
import pytest

DATA = pathlib.Path(__file__).resolve().parent.parent / "src" / "diplo_events" / "data"
COUNTRIES = DATA / "countries.tsv"
ORGANIZATIONS = DATA / "organizations.tsv"
CITIES = DATA / "cities.tsv"
GEONAMES_LICENSE = DATA / "LICENSE-geonames.txt"

ISO3 = {country.alpha_3 for country in pycountry.countries}
HISTORICAL = {"SUN", "YUG", "CSK", "DDR", "SCG"}
NON_ISO = {"XKX"}  # Kosovo, user-assigned
COUNTRY_CODES = ISO3 | HISTORICAL | NON_ISO
ORG_CODES = set(ORGANIZATION_CODES)  # NOTE: the package's list is the one source of truth
COUNTRY_KINDS = {"name", "adjective", "capital", "institution"}
ORG_KINDS = {"name", "body", "adjective", "anaphor", "members"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Countries without an adjective row, and why.
NO_ADJECTIVE = {
    "ATA": "Antarctica",
    "ATF": "no permanent population",
    "BVT": "uninhabited",
    "HMD": "uninhabited",
    "IOT": "military base only",
    "SGS": "no permanent population",
    "UMI": "uninhabited or military only",
    "SJM": "no English demonym in use",
    "COG": "'Congolese' is coded COD",
    "DMA": "'Dominican' is coded DOM",
}
# Countries without a capital row, and why.
NO_CAPITAL = {
    "ATA": "Antarctica",
    "ATF": "no permanent population",
    "BVT": "uninhabited",
    "HMD": "uninhabited",
    "IOT": "military base only",
    "SGS": "no permanent population",
    "UMI": "uninhabited or military only",
    "TKL": "no capital; administration rotates between atolls",
}


def read_tsv(path: pathlib.Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return header, list(reader)


@pytest.fixture(scope="module")
def countries() -> list[list[str]]:
    return read_tsv(COUNTRIES)[1]


@pytest.fixture(scope="module")
def organizations() -> list[list[str]]:
    return read_tsv(ORGANIZATIONS)[1]


@pytest.fixture(scope="module")
def cities() -> list[list[str]]:
    return read_tsv(CITIES)[1]


def parse_date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def active(row: list[str], day: datetime.date) -> bool:
    start, end = parse_date(row[3]), parse_date(row[4])
    return (start is None or start <= day) and (end is None or day <= end)


def lookup(rows: list[list[str]], text: str, kind: str, day: datetime.date) -> set[str]:
    return {r[0] for r in rows if r[2] == text and r[1] == kind and active(r, day)}


TODAY = datetime.date(2025, 6, 1)


# --- shared file hygiene ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "path, header",
    [
        (COUNTRIES, ["code", "kind", "text", "start", "end"]),
        (ORGANIZATIONS, ["code", "kind", "text"]),
        (CITIES, ["city", "code", "population", "capital"]),
    ],
)
def test_header_is_first_line(path, header):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.split("\t") == header
    assert read_tsv(path)[0] == header


@pytest.mark.parametrize("path", [COUNTRIES, ORGANIZATIONS, CITIES])
def test_rows_are_clean(path):
    header, rows = read_tsv(path)
    raw = path.read_bytes()
    assert b"\r" not in raw
    raw.decode("utf-8")
    for row in rows:
        assert len(row) == len(header), row
        for field in row:
            assert field == field.strip(), row
            assert "  " not in field, row
        text = row[0] if path == CITIES else row[2]
        assert text, row


@pytest.mark.parametrize("path", [COUNTRIES, ORGANIZATIONS, CITIES])
def test_no_exact_duplicate_rows(path):
    rows = read_tsv(path)[1]
    counts = collections.Counter(tuple(r) for r in rows)
    assert [r for r, n in counts.items() if n > 1] == []


# --- countries.tsv ---------------------------------------------------------------------------

def test_country_codes_and_kinds(countries):
    for code, kind, _text, _start, _end in countries:
        assert code in COUNTRY_CODES, code
        assert kind in COUNTRY_KINDS, kind


def test_country_dates(countries):
    for row in countries:
        start, end = row[3], row[4]
        for value in (start, end):
            if value:
                assert DATE_RE.match(value), row
                parse_date(value)
        if start and end:
            assert parse_date(start) <= parse_date(end), row


def test_countries_sorted_by_code_then_kind(countries):
    keys = [(r[0], r[1]) for r in countries]
    assert keys == sorted(keys)


def test_no_text_means_two_countries_at_once(countries):
    by_text = collections.defaultdict(list)
    for row in countries:
        by_text[row[2]].append(row)
    for text, rows in by_text.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if a[0] == b[0]:
                    continue
                a0, a1 = parse_date(a[3]) or datetime.date.min, parse_date(a[4]) or datetime.date.max
                b0, b1 = parse_date(b[3]) or datetime.date.min, parse_date(b[4]) or datetime.date.max
                assert a1 < b0 or b1 < a0, (text, a, b)


def test_no_undated_repeat_of_pycountry_names(countries):
    official = collections.defaultdict(set)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                official[value].add(country.alpha_3)
    for code, kind, text, start, end in countries:
        if kind == "name" and not (start or end):
            assert code not in official.get(text, set()), (code, text)


def test_every_country_has_an_adjective(countries):
    have = {r[0] for r in countries if r[1] == "adjective"}
    missing = sorted(ISO3 - have - set(NO_ADJECTIVE))
    assert missing == []
    assert set(NO_ADJECTIVE) <= ISO3


def test_every_country_has_a_capital(countries):
    have = {r[0] for r in countries if r[1] == "capital"}
    missing = sorted(ISO3 - have - set(NO_CAPITAL))
    assert missing == []
    assert set(NO_CAPITAL) <= ISO3


def test_moscow_and_kremlin_switch_on_dissolution_of_ussr(countries):
    for text, kind in (("Moscow", "capital"), ("Kremlin", "institution")):
        rows = [r for r in countries if r[2] == text and r[1] == kind]
        assert sorted((r[0], r[3], r[4]) for r in rows) == [
            ("RUS", "1991-12-26", ""),
            ("SUN", "", "1991-12-25"),
        ]
        assert lookup(countries, text, kind, datetime.date(1985, 3, 11)) == {"SUN"}
        assert lookup(countries, text, kind, datetime.date(1991, 12, 25)) == {"SUN"}
        assert lookup(countries, text, kind, datetime.date(1991, 12, 26)) == {"RUS"}
        assert lookup(countries, text, kind, TODAY) == {"RUS"}


@pytest.mark.parametrize(
    "text, kind, day, code",
    [
        ("White House", "institution", TODAY, "USA"),
        ("Pentagon", "institution", TODAY, "USA"),
        ("Downing Street", "institution", TODAY, "GBR"),
        ("Élysée", "institution", TODAY, "FRA"),
        ("Elysee", "institution", TODAY, "FRA"),
        ("Zhongnanhai", "institution", TODAY, "CHN"),
        ("Bundestag", "institution", TODAY, "DEU"),
        ("Knesset", "institution", TODAY, "ISR"),
        ("N.Korea", "name", TODAY, "PRK"),
        ("DPRK", "name", TODAY, "PRK"),
        ("Britain", "name", TODAY, "GBR"),
        ("U.S.", "name", TODAY, "USA"),
        ("Turkey", "name", TODAY, "TUR"),
        ("Ivory Coast", "name", TODAY, "CIV"),
        ("DRC", "name", TODAY, "COD"),
        ("Burma", "name", TODAY, "MMR"),
        ("Holland", "name", TODAY, "NLD"),
        ("UAE", "name", TODAY, "ARE"),
        ("Kosovo", "name", TODAY, "XKX"),
        ("Gaza", "name", TODAY, "PSE"),
        ("West Bank", "name", TODAY, "PSE"),
        ("West Germany", "name", datetime.date(1980, 1, 1), "DEU"),
        ("East Germany", "name", datetime.date(1980, 1, 1), "DDR"),
        ("Soviet Union", "name", datetime.date(1980, 1, 1), "SUN"),
        ("Russian", "adjective", TODAY, "RUS"),
        ("Emirati", "adjective", TODAY, "ARE"),
        ("Palestinians", "adjective", TODAY, "PSE"),
        ("Kyrgyz", "adjective", TODAY, "KGZ"),
        ("Filipino", "adjective", TODAY, "PHL"),
        ("Soviet", "adjective", datetime.date(1980, 1, 1), "SUN"),
        ("Kyiv", "capital", TODAY, "UKR"),
        ("Kiev", "capital", TODAY, "UKR"),
        ("Kiev", "capital", datetime.date(1986, 4, 26), "SUN"),
        ("Washington", "capital", TODAY, "USA"),
        ("The Hague", "capital", TODAY, "NLD"),
        ("Jerusalem", "capital", TODAY, "ISR"),
        ("Belgrade", "capital", datetime.date(1999, 3, 24), "YUG"),
        ("Belgrade", "capital", TODAY, "SRB"),
        ("Prague", "capital", datetime.date(1968, 8, 21), "CSK"),
        ("Prague", "capital", TODAY, "CZE"),
        ("Bonn", "capital", datetime.date(1985, 1, 1), "DEU"),
        ("Berlin", "capital", TODAY, "DEU"),
        ("Rangoon", "capital", datetime.date(1990, 1, 1), "MMR"),
        ("Naypyidaw", "capital", TODAY, "MMR"),
    ],
)
def test_country_spot_checks(countries, text, kind, day, code):
    assert lookup(countries, text, kind, day) == {code}


def test_tel_aviv_is_not_a_capital(countries):
    assert not [r for r in countries if r[2] == "Tel Aviv"]


# --- organizations.tsv -----------------------------------------------------------------------

def test_organization_codes_and_kinds(organizations):
    for code, kind, text in organizations:
        assert kind in ORG_KINDS, (code, kind, text)
        if kind == "members":
            members = code.split(" ")
            assert len(members) >= 2, code
            assert members == sorted(set(members)), code
            assert set(members) <= ISO3, code
        else:
            assert code in ORG_CODES, code


def test_organizations_sorted_by_code_then_kind(organizations):
    keys = [(r[0], r[1]) for r in organizations]
    assert keys == sorted(keys)


def test_no_text_means_two_organizations(organizations):
    codes = collections.defaultdict(set)
    for code, _kind, text in organizations:
        codes[text].add(code)
    assert {t: c for t, c in codes.items() if len(c) > 1} == {}


def test_anaphors_are_article_phrases(organizations):
    for _code, kind, text in organizations:
        if kind == "anaphor":
            assert text.startswith("the "), text


def test_every_required_organization_has_a_name(organizations):
    required = {"NATO", "EU", "UN", "OSCE", "OPCW", "AU", "ASEAN", "CSTO", "G7", "G20", "IAEA",
                "IMF", "WTO", "LAS"}
    named = {code for code, kind, _text in organizations if kind == "name"}
    assert required <= named
    assert ORG_CODES <= named


@pytest.mark.parametrize(
    "text, kind, code",
    [
        ("the alliance", "anaphor", "NATO"),
        ("the 32-member alliance", "anaphor", "NATO"),
        ("NATO", "name", "NATO"),
        ("North Atlantic Treaty Organisation", "name", "NATO"),
        ("the bloc", "anaphor", "EU"),
        ("EEC", "name", "EU"),
        ("European Commission", "body", "EU"),
        ("Security Council", "body", "UN"),
        ("UNRWA", "body", "UN"),
        ("the world body", "anaphor", "UN"),
        ("the nuclear watchdog", "anaphor", "IAEA"),
        ("the fund", "anaphor", "IMF"),
        ("Arab League", "name", "LAS"),
        ("G-7", "name", "G7"),
        ("Group of 20", "name", "G20"),
        ("Council of Europe", "name", "COE"),
        ("OAU", "name", "AU"),
    ],
)
def test_organization_spot_checks(organizations, text, kind, code):
    assert [r[0] for r in organizations if r[2] == text and r[1] == kind] == [code]


@pytest.mark.parametrize("text", ["Gulf Cooperation Council", "GCC"])
def test_gcc_members(organizations, text):
    rows = [r for r in organizations if r[2] == text]
    assert len(rows) == 1 and rows[0][1] == "members"
    assert set(rows[0][0].split()) == {"SAU", "BHR", "KWT", "OMN", "QAT", "ARE"}


def test_ecowas_and_benelux_members(organizations):
    members = {r[2]: set(r[0].split()) for r in organizations if r[1] == "members"}
    assert members["Benelux"] == {"BEL", "NLD", "LUX"}
    assert {"NGA", "GHA", "SEN", "CIV"} <= members["ECOWAS"]


# --- cities.tsv ------------------------------------------------------------------------------

def test_city_fields(cities):
    for city, code, population, capital in cities:
        assert code in ISO3 | NON_ISO, (city, code)
        assert population.isdigit(), (city, population)
        assert capital in {"0", "1"}, (city, capital)


def test_city_names_are_unique(cities):
    counts = collections.Counter(r[0] for r in cities)
    assert [name for name, n in counts.items() if n > 1] == []


def test_cities_sorted_by_code_then_city(cities):
    keys = [(r[1], r[0].casefold(), r[0]) for r in cities]
    assert keys == sorted(keys)


def test_cities_cover_the_world(cities):
    assert len(cities) >= 2000
    capital_codes = {r[1] for r in cities if r[3] == "1"}
    assert len(capital_codes) >= 220


@pytest.mark.parametrize(
    "city, code, capital",
    [
        ("Vilnius", "LTU", "1"),
        ("Busan", "KOR", "0"),
        ("Moscow", "RUS", "1"),
        ("Washington", "USA", "1"),
        ("Kyiv", "UKR", "1"),
        ("Kiev", "UKR", "1"),
        ("Bombay", "IND", "0"),
        ("Saigon", "VNM", "0"),
        ("Rangoon", "MMR", "0"),
        ("Geneva", "CHE", "0"),
        ("Davos", "CHE", "0"),
        ("Camp David", "USA", "0"),
        ("Sochi", "RUS", "0"),
        ("Sharm el-Sheikh", "EGY", "0"),
        ("Pristina", "XKX", "1"),
        ("Ramallah", "PSE", "1"),
        ("Jerusalem", "ISR", "1"),
        ("Tel Aviv", "ISR", "0"),
        ("The Hague", "NLD", "1"),
        ("São Paulo", "BRA", "0"),
        ("Sao Paulo", "BRA", "0"),
    ],
)
def test_city_spot_checks(cities, city, code, capital):
    rows = [r for r in cities if r[0] == city]
    assert len(rows) == 1, city
    assert (rows[0][1], rows[0][3]) == (code, capital)


@pytest.mark.parametrize(
    "word", ["Mobile", "Reading", "Of", "Victoria", "Jackson", "Georgia", "Hamilton", "Male", "Austin"]
)
def test_ambiguous_city_names_are_dropped(cities, word):
    assert word not in {r[0] for r in cities}


def test_geonames_attribution_is_present():
    text = GEONAMES_LICENSE.read_text(encoding="utf-8")
    assert "GeoNames" in text and "CC BY 4.0" in text
    head = "\n".join(CITIES.read_text(encoding="utf-8").split("\n")[:10])
    assert "GeoNames" in head and "LICENSE-geonames.txt" in head
