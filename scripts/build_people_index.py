#!/usr/bin/env python3
"""Write ``src/diplo_events/data/people_index.txt`` from ``people.tsv``.

Run by hand after ``people.tsv`` changes (never at run time)::

    python scripts/build_people_index.py [--check]

The people are built eagerly with the library's own loader and rendered by
``diplo_events.people_index.render``; ``--check`` only reports whether the shipped file is in
sync (exit status 1 when it is not). ``tests/test_people_index.py`` runs the same check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplo_events.gazetteer import Gazetteer
from diplo_events.people_index import FILENAME, render

DATA = ROOT / "src" / "diplo_events" / "data"


def build() -> str:
    """The index text for the current ``people.tsv``."""
    people = Gazetteer()
    people.load_file(DATA / "people.tsv")
    return render(people)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the shipped file is in sync")
    args = parser.parse_args()
    text, out = build(), DATA / FILENAME
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{out.name}: {'in sync' if same else 'OUT OF SYNC'}")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
