"""Export: PLOVER-style records, flat rows, the DataFrame, and ``--format plover``."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

import diplo_events
from diplo_events import PublishedDateError, events_to_dataframe, extract, to_plover, to_records
from diplo_events.cli import main
from diplo_events.export import PLOVER_FIELDS, RECORD_FIELDS, plover_mode

PUBLISHED = "2024-05-15"
VISIT = "Kenya's president visited Tanzania on Monday."
SUSPENSION = "Russia suspended military cooperation with Norway on Tuesday."
PLEDGE = "Japan pledged $50 million in humanitarian aid to Nepal."
PLANNED_VISIT = "Kenya's president will visit Tanzania next month."
NOT_SUSPENDED = "France did not suspend aid to Chad."
RECALL = "Peru recalled its ambassador from Mexico on Friday."
CALL = "The prime ministers of India and Bangladesh held a phone call on Wednesday."
NATO = "NATO foreign ministers met in Brussels on Thursday."


def one(text: str):
    events = extract(text, PUBLISHED)
    assert len(events) == 1, events
    return events[0]


def test_the_exports_are_public() -> None:
    for name in ("to_plover", "to_records", "events_to_dataframe"):
        assert name in diplo_events.__all__
        assert getattr(diplo_events, name).__module__ == "diplo_events.export"


def test_a_meeting_as_plover() -> None:
    event = one(VISIT)
    record = to_plover(event, doc_id="kenya.txt", published=PUBLISHED)
    assert tuple(record) == PLOVER_FIELDS
    assert record["event_type"] == "CONSULT" and record["type"] == "meeting"
    assert record["mode"] == "visit"
    assert record["event_date"] == "2024-05-13" and record["date_precision"] == "day"
    assert record["publication_date"] == PUBLISHED
    assert record["actor_country"] == ["KEN", "TZA"]
    assert record["recipient"] == [] and record["recipient_country"] == []  # no host told apart: all are actors
    assert record["actor"][0] == {"code": "KEN", "actor_text": "Kenya", "office": "president", "identifier_text": None}
    assert record["location"] == {"name": "Tanzania", "cc3": "TZA", "text": "Tanzania"}
    assert record["text"] == VISIT and record["event_text"] == "visited"
    assert record["cameo"] == event.cameo and record["extractor"] == "diplo_events.meeting.v1"
    assert record["confidence"] == event.confidence
    assert record["context"] == []
    json.dumps(record)  # JSON-ready as it is


def test_a_suspension_and_a_pledge_have_two_sides() -> None:
    suspension = to_plover(one(SUSPENSION))
    assert (suspension["event_type"], suspension["mode"], suspension["context"]) == ("SANCTION", "sever", ["military"])
    assert (suspension["actor_country"], suspension["recipient_country"]) == (["RUS"], ["NOR"])
    pledge = to_plover(one(PLEDGE))
    assert (pledge["event_type"], pledge["mode"]) == ("AID", "humanitarian")
    assert "humanitarian" in pledge["context"]
    assert (pledge["actor_country"], pledge["recipient_country"]) == (["JPN"], ["NPL"])


@pytest.mark.parametrize(
    ("text", "mode"),
    [(VISIT, "visit"), (CALL, "phone"), (NATO, "multilateral"), (RECALL, "withdraw"), (SUSPENSION, "sever"), (PLEDGE, "humanitarian")],
)
def test_modes_from_the_trigger(text: str, mode: str) -> None:
    assert plover_mode(one(text)) == mode


def test_grammatical_contexts() -> None:
    assert "future" in to_plover(one(PLANNED_VISIT))["context"]
    negated = to_plover(one(NOT_SUSPENDED))
    assert negated["negated"] is True and "negation" in negated["context"]


def test_ids_are_stable_and_depend_on_the_document() -> None:
    event = one(VISIT)
    a = to_plover(event, doc_id="a.txt")["id"]
    assert a == to_plover(one(VISIT), doc_id="a.txt")["id"]
    assert a != to_plover(event, doc_id="b.txt")["id"]
    assert to_plover(event)["doc_id"] is None and to_plover(event)["publication_date"] is None


def test_a_bad_publication_date_is_refused() -> None:
    with pytest.raises(PublishedDateError):
        to_plover(one(VISIT), published="someday")


def test_records_are_flat_rows() -> None:
    rows = to_records(extract(SUSPENSION + " " + PLEDGE, PUBLISHED), doc_id="doc", published=PUBLISHED)
    assert [tuple(r) for r in rows] == [RECORD_FIELDS] * 2
    assert all(not isinstance(v, list | dict | tuple) for r in rows for v in r.values())
    first, second = rows
    assert (first["type"], first["primary"], first["secondary"], first["suspended"]) == ("suspension", "RUS", "NOR", "military cooperation")
    assert first["published"] == dt.date(2024, 5, 15) and first["date"] == dt.date(2024, 5, 14)
    text = SUSPENSION + " " + PLEDGE
    assert text[first["start"] : first["end"]] == first["trigger"] == "suspended"
    assert (second["type"], second["amount"], second["currency"]) == ("support_pledge", 50_000_000, "USD")
    assert "humanitarian" in second["support_types"].split()


def test_records_of_a_corpus_mapping() -> None:
    corpus = {"a.txt": extract(VISIT, PUBLISHED), "b.txt": extract(SUSPENSION, "2024-05-16")}
    rows = to_records(corpus, published={"a.txt": PUBLISHED, "b.txt": "2024-05-16"})
    assert [(r["doc_id"], r["type"], r["published"]) for r in rows] == [
        ("a.txt", "meeting", dt.date(2024, 5, 15)),
        ("b.txt", "suspension", dt.date(2024, 5, 16)),
    ]
    with pytest.raises(TypeError, match="mapping"):
        to_records(corpus["a.txt"], published={"a.txt": PUBLISHED})


def test_dataframe_columns_and_types() -> None:
    pd = pytest.importorskip("pandas")
    df = events_to_dataframe({"a.txt": extract(VISIT + " " + SUSPENSION, PUBLISHED)}, published={"a.txt": PUBLISHED})
    assert tuple(df.columns) == RECORD_FIELDS
    assert list(df["type"]) == ["meeting", "suspension"]
    assert list(df["event_type"]) == ["CONSULT", "SANCTION"]
    assert pd.api.types.is_datetime64_any_dtype(df["date"]) and pd.api.types.is_datetime64_any_dtype(df["published"])
    assert df["published"].iloc[0] == pd.Timestamp(PUBLISHED)


def test_an_empty_dataframe_still_has_the_columns() -> None:
    pytest.importorskip("pandas")
    df = events_to_dataframe([])
    assert df.empty and tuple(df.columns) == RECORD_FIELDS


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r'diplo_events\[pandas\]') as info:
        events_to_dataframe(extract(VISIT, PUBLISHED))
    assert info.value.name == "pandas"


def test_cli_format_plover(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(VISIT + "\n" + SUSPENSION + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["--format", "plover", "--published", PUBLISHED, str(path)], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [tuple(r) for r in records] == [PLOVER_FIELDS] * 2
    assert [(r["event_type"], r["doc_id"], r["publication_date"]) for r in records] == [
        ("CONSULT", str(path), PUBLISHED),
        ("SANCTION", str(path), PUBLISHED),
    ]
    assert records == [to_plover(e, doc_id=str(path), published=PUBLISHED) for e in extract(path.read_text(), PUBLISHED)]
