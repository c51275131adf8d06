"""Checks of the generated people table (src/diplo_events/data/people.tsv).

Reads the TSV directly with the csv module: it does not import diplo_events
(the library's loader is developed separately).  Regenerate the file with
``python scripts/build_people.py``.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "src" / "diplo_events" / "data"
PEOPLE = DATA / "people.tsv"
HEADER = ["name", "aliases", "code", "role", "start", "end"]
ORG_CODES = {"NATO", "EU", "UN", "OSCE", "OPCW", "AU", "ASEAN", "CSTO", "G7",
             "G20", "IAEA", "ICRC", "IMF", "WTO", "LAS", "OPEC"}
HISTORICAL = {"SUN", "YUG", "DDR", "CSK", "XKX"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

try:  # full ISO check when pycountry is available, shape check otherwise
    import pycountry

    ISO3 = {c.alpha_3 for c in pycountry.countries}
except ImportError:  # pragma: no cover
    ISO3 = None


def _read():
    with open(PEOPLE, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return header, list(reader)


@pytest.fixture(scope="module")
def table():
    return _read()


@pytest.fixture(scope="module")
def rows(table):
    return table[1]


@pytest.fixture(scope="module")
def index(rows):
    """Full surface form (name or alias, casefolded) -> list of rows."""
    idx = {}
    for r in rows:
        forms = [r[0]] + [a for a in r[1].split("|") if a]
        for f in forms:
            idx.setdefault(f.casefold(), []).append(r)
    return idx


def _date(s):
    return dt.date.fromisoformat(s) if s else None


def test_file_exists_and_compact():
    assert PEOPLE.is_file()
    assert PEOPLE.stat().st_size < 3 * 1024 * 1024


def test_license_beside_data():
    text = (DATA / "LICENSE-petrarch.txt").read_text(encoding="utf-8")
    assert "MIT License" in text and "Open Event Data" in text
    assert "people.tsv" in text


def test_header_and_shape(table):
    header, rows = table
    assert header == HEADER
    assert len(rows) > 10000
    for r in rows:
        assert len(r) == 6, r
        assert r[0].strip() == r[0] and r[0], r
        assert "\t" not in "".join(r)


def test_codes_valid(rows):
    for r in rows:
        code = r[2]
        if code in ORG_CODES or code in HISTORICAL:
            continue
        assert re.fullmatch(r"[A-Z]{3}", code), r
        if ISO3 is not None:
            assert code in ISO3, r


def test_dates_valid(rows):
    for r in rows:
        start, end = r[4], r[5]
        for d in (start, end):
            if d:
                assert DATE_RE.match(d), r
                dt.date.fromisoformat(d)  # raises on impossible dates
        if start and end:
            assert start <= end, r


def test_roles_and_aliases_clean(rows):
    for r in rows:
        assert r[3] == r[3].lower(), r
        aliases = [a for a in r[1].split("|") if a]
        assert r[0] not in aliases, r
        for a in aliases:
            assert a == a.strip() and a, r
            assert not a.lower().startswith(("president ", "prime minister ")), r


def test_rows_of_a_name_share_aliases(rows):
    seen = {}
    for r in rows:
        assert seen.setdefault(r[0], r[1]) == r[1], r


def test_no_conflicting_codes_for_key_people(rows):
    """People who changed sides must not have overlapping rows with different codes."""
    names = {"Jens Stoltenberg", "Mark Rutte", "Anders Fogh Rasmussen",
             "Javier Solana", "Kaja Kallas", "Ursula von der Leyen",
             "Antonio Costa", "Charles Michel", "Donald Tusk", "Josep Borrell",
             "Eduard Shevardnadze", "Ban Ki-moon", "Antonio Guterres",
             "Christine Lagarde", "Kristalina Georgieva", "Federica Mogherini"}
    by = {}
    for r in rows:
        if r[0] in names:
            by.setdefault(r[0], []).append(r)
    assert set(by) == names
    big = dt.date(9999, 12, 31)
    small = dt.date(1, 1, 1)
    for name, rs in by.items():
        for i, a in enumerate(rs):
            for b in rs[i + 1:]:
                if a[2] == b[2]:
                    continue
                a0, a1 = _date(a[4]) or small, _date(a[5]) or big
                b0, b1 = _date(b[4]) or small, _date(b[5]) or big
                assert a1 < b0 or b1 < a0, (a, b)


SPOT_CHECKS = [
    ("Sergey Lavrov", "2014-06-01", "RUS"),
    ("Sergei Lavrov", "1985-01-01", "SUN"),
    ("Anders Fogh Rasmussen", "2014-03-06", "NATO"),
    ("Anders Fogh Rasmussen", "2005-06-01", "DNK"),
    ("Jens Stoltenberg", "2008-06-01", "NOR"),
    ("Jens Stoltenberg", "2021-06-01", "NATO"),
    ("Jens Stoltenberg", "2025-06-01", "NOR"),
    ("Mark Rutte", "2023-06-01", "NLD"),
    ("Mark Rutte", "2025-06-01", "NATO"),
    ("Eduard Shevardnadze", "1987-06-01", "SUN"),
    ("Eduard Shevardnadze", "1998-06-01", "GEO"),
    ("Ronald Reagan", "1987-06-01", "USA"),
    ("Mikhail Gorbachev", "1988-06-01", "SUN"),
    ("Andrei Gromyko", "1980-06-01", "SUN"),
    ("Erich Honecker", "1985-06-01", "DDR"),
    ("Vaclav Havel", "1991-06-01", "CSK"),
    ("Slobodan Milosevic", "1998-06-01", "YUG"),
    ("Helmut Kohl", "1987-06-01", "DEU"),
    ("Boris Yeltsin", "1995-06-01", "RUS"),
    ("Javier Solana", "1994-06-01", "ESP"),
    ("Javier Solana", "1997-06-01", "NATO"),
    ("Javier Solana", "2005-06-01", "EU"),
    ("Ban Ki-moon", "2005-06-01", "KOR"),
    ("Ban Ki-moon", "2010-06-01", "UN"),
    ("António Guterres", "2020-06-01", "UN"),
    ("Antonio Guterres", "2000-06-01", "PRT"),
    ("Kofi Annan", "2000-06-01", "UN"),
    ("Mohamed ElBaradei", "2005-06-01", "IAEA"),
    ("Christine Lagarde", "2009-06-01", "FRA"),
    ("Christine Lagarde", "2015-06-01", "IMF"),
    ("Kaja Kallas", "2023-06-01", "EST"),
    ("Kaja Kallas", "2025-06-01", "EU"),
    ("Ursula von der Leyen", "2016-06-01", "DEU"),
    ("Ursula von der Leyen", "2022-06-01", "EU"),
    ("Donald Tusk", "2012-06-01", "POL"),
    ("Donald Tusk", "2017-06-01", "EU"),
    ("Donald Tusk", "2024-06-01", "POL"),
    ("Antonio Costa", "2020-06-01", "PRT"),
    ("António Costa", "2025-06-01", "EU"),
    ("Charles Michel", "2016-06-01", "BEL"),
    ("Charles Michel", "2021-06-01", "EU"),
    ("Josep Borrell", "2019-01-01", "ESP"),
    ("Josep Borrell", "2022-06-01", "EU"),
    ("Ahmed Aboul Gheit", "2008-06-01", "EGY"),
    ("Ahmed Aboul Gheit", "2020-06-01", "LAS"),
    ("Nkosazana Dlamini-Zuma", "2015-06-01", "AU"),
    ("Ngozi Okonjo-Iweala", "2023-06-01", "WTO"),
    ("Rafael Grossi", "2023-06-01", "IAEA"),
    ("Ahmed al-Sharaa", "2025-06-01", "SYR"),
    ("Abu Mohammad al-Jolani", "2025-02-01", "SYR"),
    ("Bashar al-Assad", "2015-06-01", "SYR"),
    ("Donald Trump", "2025-06-01", "USA"),
    ("Marco Rubio", "2025-06-01", "USA"),
    ("Steve Witkoff", "2025-06-01", "USA"),
    ("Friedrich Merz", "2025-06-01", "DEU"),
    ("Volodymyr Zelenskyy", "2024-06-01", "UKR"),
    ("Kim Jong Un", "2020-06-01", "PRK"),
    ("Ibrahim Rugova", "2005-06-01", "XKX"),
    ("Xi Jinping", "2020-06-01", "CHN"),
    # 1975-2014 (wire-copy era)
    ("George Shultz", "1987-03-11", "USA"),
    ("Richard Lyng", "1987-03-11", "USA"),
    ("Hans-Dietrich Genscher", "1987-03-11", "DEU"),
    ("Geoffrey Howe", "1987-03-11", "GBR"),
    ("Andrei Gromyko", "1980-01-15", "SUN"),
    ("Yasuhiro Nakasone", "1985-06-01", "JPN"),
    ("Tadashi Kuranari", "1987-03-11", "JPN"),
    ("Joe Clark", "1987-03-11", "CAN"),
    ("Brian Mulroney", "1988-06-01", "CAN"),
    ("Branko Mikulic", "1987-03-11", "YUG"),
    ("Helmut Kohl", "1995-06-01", "DEU"),
    ("Jacques Chirac", "2000-06-01", "FRA"),
    ("Jacques Delors", "1990-06-01", "EU"),
    ("Manfred Wörner", "1990-06-01", "NATO"),
    ("Kurt Waldheim", "1978-06-01", "UN"),
    ("Kurt Waldheim", "1988-06-01", "AUT"),
    ("Gaston Thorn", "1983-06-01", "EU"),
    ("Michel Camdessus", "1995-06-01", "IMF"),
    ("Chedli Klibi", "1985-06-01", "LAS"),
    ("Salim Ahmed Salim", "1995-06-01", "AU"),
    ("Subroto", "1985-06-01", "IDN"),
    ("Subroto", "1990-06-01", "OPEC"),
    ("Deng Xiaoping", "1985-06-01", "CHN"),
    ("Gustav Husak", "1985-06-01", "CSK"),
    ("Oskar Fischer", "1985-06-01", "DDR"),
    ("Tariq Aziz", "1990-08-15", "IRQ"),
    ("Ali Hassan al-Majid", "1990-09-15", "IRQ"),
    ("Yitzhak Shamir", "1985-06-01", "ISR"),
    ("Hans van den Broek", "1990-06-01", "NLD"),
    ("Hans van den Broek", "1995-06-01", "EU"),
    ("Wim Duisenberg", "2000-06-01", "EU"),
    ("Helen Clark", "2012-06-01", "UN"),
]


@pytest.mark.parametrize("name,date,expected", SPOT_CHECKS)
def test_spot_checks(index, name, date, expected):
    day = dt.date.fromisoformat(date)
    rows = index.get(name.casefold())
    assert rows, f"{name} not found"
    hits = {r[2] for r in rows
            if (not r[4] or _date(r[4]) <= day) and (not r[5] or day <= _date(r[5]))}
    assert hits == {expected}, (name, date, hits)


def test_people_absent_between_tenures(index):
    """Rasmussen was between DNK and NATO in mid-2009: no row then."""
    day = dt.date(2009, 6, 1)
    rows = index["anders fogh rasmussen"]
    assert not [r for r in rows
                if (not r[4] or _date(r[4]) <= day) and (not r[5] or day <= _date(r[5]))]


def test_helen_clark_absent_before_office(index):
    """Helen Clark was a New Zealand backbencher in early 1987 (PETRARCH coded her NZL
    from 1968): no row then, so a bare "Clark" in 1987 wire copy is Canada's Joe Clark."""
    day = dt.date(1987, 3, 11)
    rows = index["helen clark"]
    assert not [r for r in rows
                if (not r[4] or _date(r[4]) <= day) and (not r[5] or day <= _date(r[5]))]
