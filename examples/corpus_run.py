"""Run over a folder of articles and write the events as JSON Lines and CSV.

Run: python examples/corpus_run.py [OUTPUT_DIR] [--corpus DIR] [--jobs N]

Each article is a UTF-8 text file named ``YYYY-MM-DD_slug.txt``: the date in the name is its
publication date, against which "on Monday" and people's tenures are resolved. The events go
to ``OUTPUT_DIR/events.jsonl`` (one event per line, with its source file) and
``OUTPUT_DIR/events.csv`` (one flat row per event, ``diplo_events.to_records``); without
OUTPUT_DIR, a new temporary folder is used. A progress bar is drawn on stderr when it is a
terminal.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import tempfile
from pathlib import Path

from diplo_events import extract_many, to_records
from diplo_events.cli import ProgressBar
from diplo_events.export import RECORD_FIELDS

CORPUS = Path(__file__).parent / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, help="output folder (default: a new temporary folder)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of YYYY-MM-DD_slug.txt articles")
    parser.add_argument("--jobs", type=int, default=1, help="processes, this one included (default: 1)")
    args = parser.parse_args()
    out = args.output or Path(tempfile.mkdtemp(prefix="diplo_events_"))
    out.mkdir(parents=True, exist_ok=True)

    paths = sorted(args.corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    published = [p.name[:10] for p in paths]  # "2024-05-14_canada_....txt" -> "2024-05-14"

    counts: collections.Counter[str] = collections.Counter()
    with (out / "events.jsonl").open("w", encoding="utf-8") as jsonl, \
         (out / "events.csv").open("w", encoding="utf-8", newline="") as table, \
         ProgressBar(len(paths), label="corpus_run") as bar:
        rows = csv.DictWriter(table, fieldnames=RECORD_FIELDS)
        rows.writeheader()
        # results come back in input order, whatever the number of processes
        for result in extract_many(texts, published, n_jobs=args.jobs):
            path = paths[result.index]
            if result.error is not None:
                bar.write(f"{path.name}: {result.error}")
            for event in result.events:
                jsonl.write(json.dumps({"source": path.name, **event.model_dump(mode="json")}, ensure_ascii=False) + "\n")
                counts[event.type] += 1
            rows.writerows(to_records(result.events, doc_id=path.name, published=published[result.index]))
            bar.update(chars=len(texts[result.index]))

    print(f"{len(paths)} articles, {sum(counts.values())} events: {dict(sorted(counts.items()))}")
    print(f"wrote {out / 'events.jsonl'} and {out / 'events.csv'}")
    with (out / "events.csv").open(encoding="utf-8", newline="") as table:
        for row in list(csv.DictReader(table))[:4]:
            print(f"  {row['doc_id']:40} {row['type']:15} {row['event_type']:9} {row['mode']:12} "
                  f"{row['primary']:>8} -> {row['secondary']:4} {row['date']}")


if __name__ == "__main__":
    main()
