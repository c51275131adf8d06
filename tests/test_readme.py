"""The README's example output is what the CLI prints today."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from diplo_events.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_readme_example_table_matches_the_cli() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\n(type,primary,secondary,.*?)```", readme, re.DOTALL)
    assert block is not None, "README lost its example table"
    shown = list(csv.reader(io.StringIO(block.group(1))))
    out = io.StringIO()
    article = ROOT / "examples" / "articles" / "baltic_defence_talks.txt"
    assert main(["--published", "2024-03-12", "--format", "csv", str(article)], stdout=out) == 0
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    width = len(shown[0])
    assert [r[1 : 1 + width] for r in rows] == shown
