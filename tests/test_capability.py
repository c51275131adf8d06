"""Capability table: hand-written sentences per event type and GUIDELINES phrasing family.

The rows live in ``tests/capability/*.tsv`` (data) and the pass-rate floors in
``tests/capability/floors.toml`` (data); this module holds the logic that reads them, runs
:func:`diplo_events.extract` on every row and checks each (type, family) against its floor.
``scripts/capability_report.py`` imports this module to print the same numbers as a table.

Row semantics (see ``tests/capability/README.md``):

- ``type:A,B>C`` (positive): some non-negated event of ``type`` has every code A, B on its
  primary side and every code C on its other side (meetings: all codes among participants).
- ``type!:A>C`` (negated): some negated event of ``type`` matches the codes, and no
  non-negated event of ``type`` does.
- ``none:type`` (negative): no non-negated event of ``type`` is produced.

Negated and ``none`` rows are both counted as negatives of their family.
"""

from __future__ import annotations

import csv
import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import diplo_events

DATA = Path(__file__).parent / "capability"
FILES = ("meeting.tsv", "suspension.tsv", "support_pledge.tsv", "exclusions.tsv")
TYPES = ("meeting", "suspension", "support_pledge")
PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
OTHER = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}


@dataclass(frozen=True)
class Row:
    """One hand-written sentence and what the library should make of it."""

    source: str  # file name and line, for failure listings
    family: str
    published: str
    type: str
    kind: str  # "positive", "negated" or "none"
    primary: tuple[str, ...]
    other: tuple[str, ...]
    text: str

    @property
    def table(self) -> str:
        """The table a row belongs to: its file's stem (exclusions stay together)."""
        return self.source.split(".tsv")[0]

    @property
    def is_positive(self) -> bool:
        return self.kind == "positive"


def parse_expect(expect: str) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """Split an ``expect`` cell into (type, kind, primary codes, other codes).

    >>> parse_expect("suspension:USA>IRN")
    ('suspension', 'positive', ('USA',), ('IRN',))
    >>> parse_expect("meeting!:USA,PRK")
    ('meeting', 'negated', ('USA', 'PRK'), ())
    >>> parse_expect("none:support_pledge")
    ('support_pledge', 'none', (), ())
    """
    head, _, codes = expect.partition(":")
    if head == "none":
        if codes not in TYPES:
            raise ValueError(f"unknown type in {expect!r}")
        return codes, "none", (), ()
    kind = "negated" if head.endswith("!") else "positive"
    etype = head.rstrip("!")
    if etype not in TYPES:
        raise ValueError(f"unknown type in {expect!r}")
    first, _, second = codes.partition(">")
    split = lambda s: tuple(c.strip() for c in s.split(",") if c.strip())  # noqa: E731
    primary, other = split(first), split(second)
    if not primary and not other:
        raise ValueError(f"no codes in {expect!r}")
    if etype == "meeting" and other:
        raise ValueError(f"meetings have one side: {expect!r}")
    return etype, kind, primary, other


@cache
def load_rows() -> tuple[Row, ...]:
    """Every row of every capability TSV, in file order."""
    rows: list[Row] = []
    for name in FILES:
        with open(DATA / name, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            for line, rec in enumerate(reader, start=2):
                etype, kind, primary, other = parse_expect(rec["expect"])
                rows.append(
                    Row(
                        source=f"{name}:{line}",
                        family=rec["family"],
                        published=rec["published"],
                        type=etype,
                        kind=kind,
                        primary=primary,
                        other=other,
                        text=rec["text"].replace("\\n", "\n"),
                    )
                )
    return tuple(rows)


def _matches(event: diplo_events.Event, row: Row) -> bool:
    primary = {a.code for a in getattr(event, PRIMARY[row.type])}
    role = OTHER[row.type]
    other = {a.code for a in getattr(event, role)} if role else set()
    return set(row.primary) <= primary and set(row.other) <= other


def passes(row: Row, events: list[diplo_events.Event]) -> bool:
    """Whether the library's events for a row's text satisfy the row."""
    of_type = [e for e in events if e.type == row.type]
    if row.kind == "none":
        return not any(not e.negated for e in of_type)
    if row.kind == "positive":
        return any(not e.negated and _matches(e, row) for e in of_type)
    return any(e.negated and _matches(e, row) for e in of_type) and not any(
        not e.negated and _matches(e, row) for e in of_type
    )


def describe(events: list[diplo_events.Event]) -> str:
    """A compact one-line view of extract() output for failure listings."""
    parts = []
    for e in events:
        first = ",".join(a.code for a in getattr(e, PRIMARY[e.type]))
        role = OTHER[e.type]
        second = ",".join(a.code for a in getattr(e, role)) if role else ""
        parts.append(f"{e.type}{'!' if e.negated else ''}:{first}{'>' + second if second else ''}")
    return "; ".join(parts) or "(nothing)"


@cache
def results() -> tuple[tuple[Row, bool, str], ...]:
    """(row, passed, what was extracted) for every row."""
    out = []
    for row in load_rows():
        events = diplo_events.extract(row.text, published=row.published)
        out.append((row, passes(row, events), describe(events)))
    return tuple(out)


@dataclass(frozen=True)
class Rates:
    positives: int
    negatives: int
    positive_rate: float | None
    negative_rate: float | None


def rates() -> dict[tuple[str, str], Rates]:
    """Pass rates of positives and of negatives per (table, family), in row order."""
    groups: dict[tuple[str, str], list[tuple[Row, bool]]] = {}
    for row, ok, _ in results():
        groups.setdefault((row.table, row.family), []).append((row, ok))
    out = {}
    for key, items in groups.items():
        pos = [ok for row, ok in items if row.is_positive]
        neg = [ok for row, ok in items if not row.is_positive]
        out[key] = Rates(
            len(pos), len(neg), sum(pos) / len(pos) if pos else None, sum(neg) / len(neg) if neg else None
        )
    return out


def floor_of(rate: float) -> float:
    """A measured rate rounded down to a multiple of 0.05.

    >>> floor_of(0.87), floor_of(0.5), floor_of(1.0), floor_of(0.0999)
    (0.85, 0.5, 1.0, 0.05)
    """
    return math.floor(round(rate * 20, 9)) / 20


def load_floors() -> dict[str, dict[str, dict[str, float]]]:
    with open(DATA / "floors.toml", "rb") as fh:
        return tomllib.load(fh)


# ---------------------------------------------------------------------------------------- tests


def test_rows_are_well_formed() -> None:
    rows = load_rows()
    assert len(rows) >= 450
    for row in rows:
        assert len(row.published) == 10 and row.published[4] == "-", row.source
        assert "\t" not in row.text and row.text.strip(), row.source
    texts = [r.text for r in rows]
    dupes = {t for t in texts if texts.count(t) > 1}
    assert not dupes, dupes


def test_every_family_has_a_floor() -> None:
    floors = load_floors()
    for table, family in rates():
        assert family in floors.get(table, {}), f"no floor for [{table}] {family}"


def _keys() -> list[tuple[str, str]]:
    # from the rows alone, so that collecting the tests does not run the library
    return sorted({(row.table, row.family) for row in load_rows()})


@pytest.mark.parametrize(("table", "family"), _keys(), ids=lambda v: v)
def test_family_meets_floor(table: str, family: str) -> None:
    floors = load_floors()[table][family]
    measured = rates()[(table, family)]
    problems = []
    for side, rate, floor in (
        ("positives", measured.positive_rate, floors.get("positives", 0.0)),
        ("negatives", measured.negative_rate, floors.get("negatives", 0.0)),
    ):
        if rate is not None and rate + 1e-9 < floor:
            problems.append(f"{side}: {rate:.2f} < floor {floor:.2f}")
    if problems:
        failing = [
            f"  {row.source} [{row.kind}] expect {row.type} {row.primary}>{row.other} got {got}\n      {row.text!r}"
            for row, ok, got in results()
            if not ok and row.table == table and row.family == family
        ]
        pytest.fail(f"[{table}] {family}: " + "; ".join(problems) + "\nfailing rows:\n" + "\n".join(failing))
