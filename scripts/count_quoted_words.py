"""Count the quoted strings (not docstrings) left in the rule code: extractors/, actors.py, merge.py.

Word lists belong in data files (data/lexicon.toml, data/triggers.tsv); this is the check.
Usage: python scripts/count_quoted_words.py [--list]
"""

from __future__ import annotations

import io
import sys
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "diplo_events"
FILES = [*sorted((PACKAGE / "extractors").glob("*.py")), PACKAGE / "actors.py", PACKAGE / "merge.py"]


def quoted(path: Path) -> list[tuple[int, str]]:
    """The string literals of a file that are not docstrings, with their line numbers."""
    out = []
    previous = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline):
        if tok.type == tokenize.STRING and previous not in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT):
            out.append((tok.start[0], tok.string))
        if tok.type not in (tokenize.COMMENT,):
            previous = tok.type
    return out


def main() -> int:
    total = 0
    for path in FILES:
        found = quoted(path)
        total += len(found)
        print(f"{len(found):5d}  {path.relative_to(PACKAGE)}")
        if "--list" in sys.argv:
            for line, text in found:
                print(f"         {line}: {text}")
    print(f"{total:5d}  in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
