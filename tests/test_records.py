"""Corpora as data: ``read_records``, records in ``extract_many`` and through the CLI, field order."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from diplo_events import DataFileError, Record, extract, extract_many, read_records, to_json_record
from diplo_events.cli import main

DATED = [
    "Chile and Peru held talks in Lima on Monday.",
    "Japan pledged $50 million in humanitarian aid to Nepal on Tuesday.",
    "Russia suspended military cooperation with Norway last week.",
    "Kenya's president will visit Tanzania next month.",
    "Nothing happened today.",
    "The foreign ministers of India and Bangladesh spoke by phone on Friday.",
]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# -- read_records -------------------------------------------------------------------------------
def test_jsonl_records_take_their_id_text_and_date(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "text": "x", "published": "2024-05-01", "date": "1999-01-01"},
        {"id": 7, "text": "y", "date": "2024-05-02T10:00:00"},
        {"text": "z"},
    ])
    records = list(read_records(path))
    assert records == [
        Record("a", "x", dt.date(2024, 5, 1), 1),
        Record("7", "y", dt.date(2024, 5, 2), 2),
        Record(f"{path}:3", "z", None, 3),
    ]


def test_bad_records_carry_their_line_and_problem(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "ok", "text": "x"}, "", "not json", ["a list"], {"id": "n"}, {"id": "e", "text": " "},
        {"id": "t", "text": 5}, {"id": "d", "text": "x", "date": "yesterday"},
    ])
    problems = [(r.line, r.problem) for r in read_records(path)]
    assert problems == [
        (1, None),
        (3, f"{path}:3: not JSON (Expecting value)"),
        (4, f"{path}:4: not a JSON object"),
        (5, f"{path}:5: no 'text' field"),
        (6, f"{path}:6: an empty 'text' field"),
        (7, f"{path}:7: a non-text 'text' field"),
        (8, f"{path}:8: published date 'yesterday' is not an ISO date (YYYY-MM-DD)"),
    ]


def test_csv_records_with_named_fields_and_multiline_rows(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "body", "day"])
        writer.writerow(["r1", "two\nlines", "2024-05-15"])
        writer.writerow(["r2", "", ""])
        writer.writerow(["r3", "three", ""])
    records = list(read_records(path, text_field="body", date_field="day", id_field="key"))
    assert [(r.source, r.line, r.published) for r in records] == [
        ("r1", 2, dt.date(2024, 5, 15)), ("r2", 4, None), ("r3", 5, None),
    ]
    assert records[0].text == "two\nlines" and records[1].problem == f"{path}:4: an empty 'body' field"


def test_unknown_formats_and_missing_files_raise(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="unknown corpus format 'txt'"):
        list(read_records(tmp_path / "c.txt"))
    with pytest.raises(DataFileError, match="No such file"):
        list(read_records(tmp_path / "missing.jsonl"))


# -- extract_many -------------------------------------------------------------------------------
def test_extract_many_uses_each_records_date_and_carries_its_id() -> None:
    records = [Record(f"r{i}", text, dt.date(2024, 5, 1 + i)) for i, text in enumerate(DATED)]
    records.append(Record("bad", "", problem="c.jsonl:9: no 'text' field"))
    results = list(extract_many(records, published="1990-01-01"))
    assert [r.source for r in results] == [r.source for r in records]
    for record, result in zip(records, results, strict=True):
        if record.problem:
            assert result.error == record.problem and result.events == []
        else:
            assert result.events == extract(record.text, published=record.published)
    undated = next(extract_many([Record("u", DATED[0])], published="2024-05-08"))
    assert undated.events == extract(DATED[0], published="2024-05-08")  # the fallback date


# -- the command line ---------------------------------------------------------------------------
def test_a_jsonl_corpus_with_jobs_gives_the_events_of_extract_per_record(tmp_path: Path) -> None:
    rows = [
        {"id": f"doc-{i:02d}", "text": DATED[i % len(DATED)], "published": f"2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}"}
        for i in range(48)
    ]
    path = write_jsonl(tmp_path / "corpus.jsonl", rows)
    code, out, err = run(["--input-format", "jsonl", "--jobs", "2", str(path)])
    assert code == 0, err
    expected = "".join(
        json.dumps(to_json_record(event, row["id"]), ensure_ascii=False) + "\n"
        for row in rows for event in extract(row["text"], published=row["published"])
    )
    assert out == expected
    assert len({json.loads(line)["date"]["value"] for line in out.splitlines() if json.loads(line)["date"]}) > 10


def test_bad_records_are_reported_with_their_line_and_skipped(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "text": DATED[0], "date": "2024-05-08"}, {"id": "b", "date": "2024-05-08"},
        {"id": "c", "text": DATED[1], "date": "someday"}, {"id": "d", "text": DATED[2], "date": "2024-05-08"},
    ])
    code, out, err = run(["--input-format", "jsonl", "--summary", str(path)])
    assert code == 1
    assert err.splitlines()[:2] == [
        f"diplo-events: error: {path}:2: no 'text' field",
        f"diplo-events: error: {path}:3: published date 'someday' is not an ISO date (YYYY-MM-DD)",
    ]
    assert err.splitlines()[2].startswith("diplo-events: 4 inputs, 2 failed: ")
    assert list(dict.fromkeys(json.loads(line)["source"] for line in out.splitlines())) == ["a", "d"]


def test_csv_corpus_from_stdin_with_named_fields() -> None:
    table = "key,body,day\nk1,Chile and Peru held talks in Lima on Monday.,2024-05-08\n"
    code, out, _ = run(["--input-format", "csv", "--text-field", "body", "--date-field", "day", "--id-field", "key", "-"], table)
    assert code == 0
    (line,) = out.splitlines()
    event = json.loads(line)
    assert event["source"] == "k1" and event["date"]["value"] == "2024-05-06"


def test_a_corpus_folder_is_read_with_r(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": DATED[0]}])
    write_jsonl(tmp_path / "b.jsonl", [{"id": "b", "text": DATED[1]}])
    code, out, _ = run(["--input-format", "jsonl", "-r", str(tmp_path)])
    assert code == 0 and [json.loads(line)["source"] for line in out.splitlines()] == ["a", "b"]


def test_a_missing_corpus_file_is_one_failed_input(tmp_path: Path) -> None:
    code, _, err = run(["--input-format", "jsonl", str(tmp_path / "nope.jsonl")])
    assert code == 1 and err == f"diplo-events: error: {tmp_path / 'nope.jsonl'}: No such file or directory\n"


def test_jsonl_lines_put_what_a_person_reads_first_and_the_spans_last(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"{DATED[2]} {DATED[1]} {DATED[0]}", encoding="utf-8")
    code, out, _ = run(["--published", "2024-05-15", str(article)])
    assert code == 0
    keys = {json.loads(line)["type"]: list(json.loads(line)) for line in out.splitlines()}
    assert keys["meeting"][:5] == ["source", "type", "participants", "date", "status"]
    assert keys["suspension"][:6] == ["source", "type", "actors", "counterparts", "date", "status"]
    assert keys["support_pledge"][:4] == ["source", "type", "donors", "recipients"]
    assert all(k[-1] == "mentions" for k in keys.values())
