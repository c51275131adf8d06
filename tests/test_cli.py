"""The command line: files and stdin in, JSON Lines or CSV out, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplo_events.cli import main

ARTICLE = "Japan pledged $50 million in humanitarian aid to Nepal on Monday.\n"


class _Stdin(io.StringIO):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.buffer = io.BytesIO(text.encode("utf-8"))


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdin=_Stdin(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "nepal.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_jsonl_names_the_source(article: Path) -> None:
    code, out, err = run(["--published", "2015-05-05", str(article)])
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["source"], r["type"]) for r in rows] == [(str(article), "support_pledge")]
    assert rows[0]["donors"][0]["code"] == "JPN"


def test_stdin_dash() -> None:
    code, out, _ = run(["-"], stdin=ARTICLE)
    assert code == 0
    assert json.loads(out.splitlines()[0])["source"] == "-"


def test_csv_has_a_header_and_a_row(article: Path) -> None:
    code, out, _ = run(["--format", "csv", str(article)])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["type"] == "support_pledge"
    assert rows[0]["primary"] == "JPN"
    assert rows[0]["secondary"] == "NPL"


def test_schema_command() -> None:
    code, out, _ = run(["schema"])
    assert code == 0
    assert "SupportPledge" in json.loads(out)["$defs"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "No such file"),
        (lambda p: p, "is a directory"),
        (lambda p: (p / "junk.bin").write_bytes(b"\x00\xff\x10binary") and p / "junk.bin", "binary"),
        (lambda p: (p / "latin.txt").write_bytes("caf\xe9".encode("latin-1")) and p / "latin.txt", "not UTF-8"),
    ],
)
def test_bad_inputs_are_reported_in_one_line_and_the_rest_still_run(tmp_path: Path, article: Path, make, message: str) -> None:
    bad = make(tmp_path)
    code, out, err = run([str(bad), str(article)])
    assert code == 1
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert json.loads(out.splitlines()[0])["source"] == str(article)


def test_bad_published_date_exits_2_with_one_line(article: Path) -> None:
    code, out, err = run(["--published", "someday", str(article)])
    assert code == 2
    assert out == ""
    assert err.strip().count("\n") == 0 and "someday" in err


def test_unknown_extractor_is_a_usage_error(article: Path) -> None:
    code, _, err = run(["--extractors", "nope.v1", str(article)])
    assert code == 2 and "Available names" in err


def test_list_extractors() -> None:
    code, out, _ = run(["--list-extractors"])
    assert code == 0
    assert "diplo_events.meeting.v1" in out.split()


def test_python_dash_m_works(article: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "diplo_events", str(article)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["type"] == "support_pledge"
