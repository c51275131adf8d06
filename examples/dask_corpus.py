"""Extract events from a corpus with Dask, on a local cluster of two worker processes.

Run: python examples/dask_corpus.py [CORPUS.jsonl | CORPUS.csv]

Needs the ``dask`` extra (``pip install "diplo_events[dask]"``). The articles are
``diplo_events.Record`` objects (an id, a text, its own publication date), the same records
``diplo-events --input-format jsonl`` and ``extract_many`` take: by default one per file of
``examples/corpus/`` (the date in the file name is the publication date), or those of a JSON
Lines or CSV corpus read with ``read_records`` (``examples/data/corpus.jsonl`` holds the same
articles). A ``dask.bag`` of the records maps each one to its events on the workers; the
result is checked against ``extract_many`` over the same records in this process: extraction
is deterministic, so they must be equal. Everything runs on this machine (no dashboard, no
network beyond localhost).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from diplo_events import Record, extract_many, read_records

CORPUS = Path(__file__).parent / "corpus"


def file_records(folder: Path) -> list[Record]:
    """One record per ``YYYY-MM-DD_slug.txt`` file: its name, text and the date in its name."""
    return [
        Record(path.name, path.read_text(encoding="utf-8"), published=dt.date.fromisoformat(path.name[:10]))
        for path in sorted(folder.glob("*.txt"))
    ]


def events_of(record: Record) -> tuple[str, list[dict]]:
    """``(record id, its events as JSON-ready dicts)``, run on a worker."""
    import diplo_events  # noqa: PLC0415  (imported on the worker)

    return record.source, [e.model_dump(mode="json") for e in diplo_events.extract(record.text, record.published)]


if __name__ == "__main__":  # the workers are new processes that import this file: keep the guard
    if len(sys.argv) > 1:
        records, what = [r for r in read_records(sys.argv[1]) if r.problem is None], "records"
    else:
        records, what = file_records(CORPUS), "files"
    serial = [(r.source, [e.model_dump(mode="json") for e in r.events]) for r in extract_many(records)]

    # silence_logs=CRITICAL: a busy machine can make a worker log a missed heartbeat while the
    # cluster closes; errors of the work itself still raise here, in compute()
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.CRITICAL
    ) as cluster, Client(cluster) as client:
        print(f"cluster: {len(client.scheduler_info()['workers'])} workers, 1 thread each")
        bag = db.from_sequence(records, npartitions=4).map(events_of)
        distributed = bag.compute()  # the bag keeps the order of its input
        pids = set(db.from_sequence(records, npartitions=4).map(lambda _: os.getpid()).compute())
    assert os.getpid() not in pids, "the work ran in this process, not on the workers"
    print(f"ran in {len(pids)} worker process(es), none of them this one")

    for name, events in distributed:
        print(f"  {name:46} {len(events)} event{'' if len(events) == 1 else 's'}")
    assert distributed == serial, "Dask and serial results differ"
    total = sum(len(events) for _, events in serial)
    print(f"dask == serial: True ({len(records)} {what}, {total} events)")
