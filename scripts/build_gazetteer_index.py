#!/usr/bin/env python3
"""Write the prebuilt gazetteer indexes ``src/diplo_events/data/names_index.txt`` and
``people_index.txt`` from their sources (pycountry, the lexicon's regions, the TSV files).

Run by hand after a source changes (never at run time)::

    python scripts/build_gazetteer_index.py [--check]

The gazetteer is built eagerly with the library's own loader
(``diplo_events.gazetteer.build_from_sources``) and rendered by ``names_index.render`` and
``people_index.render``; ``--check`` only reports whether the shipped files are in sync (exit
status 1 when one is not). ``tests/test_gazetteer_index.py`` runs the same check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplo_events import names_index, people_index  # noqa: E402
from diplo_events.gazetteer import Gazetteer, build_from_sources  # noqa: E402

DATA = ROOT / "src" / "diplo_events" / "data"


def build() -> dict[str, str]:
    """File name -> text, for the current sources."""
    people = Gazetteer()
    people.load_file(DATA / "people.tsv")
    return {
        names_index.FILENAME: names_index.render(build_from_sources(people=False)),
        people_index.FILENAME: people_index.render(people),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the shipped files are in sync")
    args = parser.parse_args()
    stale = 0
    for name, text in build().items():
        out = DATA / name
        if args.check:
            same = out.is_file() and out.read_text(encoding="utf-8") == text
            stale += not same
            print(f"{name}: {'in sync' if same else 'OUT OF SYNC'}")
        else:
            out.write_text(text, encoding="utf-8")
            print(f"wrote {out} ({len(text.encode('utf-8')):,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
