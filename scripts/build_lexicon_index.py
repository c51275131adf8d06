#!/usr/bin/env python3
"""Write the prebuilt lexicon ``src/diplo_events/data/lexicon_index.json`` from its sources
(``triggers.tsv`` and ``lexicon.toml``), and the actor resolver's word classes
``data/actors_index.json`` from ``data/actors.toml``.

Run by hand after a source changes (never at run time)::

    python scripts/build_lexicon_index.py [--check]

The lexicon is built with the library's own loader (``diplo_events.lexicon.load_lexicon``) and
rendered by ``lexicon_index.render``, the word classes by ``lexicon_index.render_actor_words``;
``--check`` only reports whether the shipped files are in sync (exit status 1 when one is not).
``tests/test_lexicon.py`` runs the same check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplo_events import lexicon_index  # noqa: E402
from diplo_events.lexicon import load_lexicon  # noqa: E402

DATA = ROOT / "src" / "diplo_events" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the shipped file is in sync")
    args = parser.parse_args()
    outputs = {
        DATA / lexicon_index.FILENAME: lexicon_index.render(load_lexicon()),
        DATA / lexicon_index.ACTOR_WORDS_PREBUILT: lexicon_index.render_actor_words(lexicon_index.read_actor_words_source()),
    }
    status = 0
    for out, text in outputs.items():
        if args.check:
            same = out.is_file() and out.read_text(encoding="utf-8") == text
            print(f"{out.name}: {'in sync' if same else 'OUT OF SYNC'}")
            status |= 0 if same else 1
        else:
            out.write_text(text, encoding="utf-8")
            print(f"wrote {out} ({len(text.encode('utf-8')):,} bytes)")
    return status

if __name__ == "__main__":
    sys.exit(main())
