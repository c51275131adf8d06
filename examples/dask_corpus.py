"""Extract events from a corpus with Dask, on a local cluster of two worker processes.

Run: python examples/dask_corpus.py

Needs the ``dask`` extra (``pip install "diplo_events[dask]"``). A ``dask.bag`` over the
article files maps each file to its events on the workers; the result is checked against a
plain serial loop over the same files: extraction is deterministic, so they must be equal.
Everything runs on this machine (no dashboard, no network beyond localhost).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

CORPUS = Path(__file__).parent / "corpus"


def events_of(path: str) -> tuple[str, list[dict]]:
    """``(file name, its events as JSON-ready dicts)``; the date in the name is the publication date."""
    import diplo_events  # noqa: PLC0415  (imported on the worker)

    name = Path(path).name
    text = Path(path).read_text(encoding="utf-8")
    return name, [e.model_dump(mode="json") for e in diplo_events.extract(text, published=name[:10])]


if __name__ == "__main__":  # the workers are new processes that import this file: keep the guard
    paths = [str(p) for p in sorted(CORPUS.glob("*.txt"))]
    serial = [events_of(p) for p in paths]

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster, Client(cluster) as client:
        print(f"cluster: {len(client.scheduler_info()['workers'])} workers, 1 thread each")
        bag = db.from_sequence(paths, npartitions=4).map(events_of)
        distributed = bag.compute()  # the bag keeps the order of its input
        pids = set(db.from_sequence(paths, npartitions=4).map(lambda _: os.getpid()).compute())
    assert os.getpid() not in pids, "the work ran in this process, not on the workers"
    print(f"ran in {len(pids)} worker process(es), none of them this one")

    for name, events in distributed:
        print(f"  {name:46} {len(events)} event{'' if len(events) == 1 else 's'}")
    assert distributed == serial, "Dask and serial results differ"
    total = sum(len(events) for _, events in serial)
    print(f"dask == serial: True ({len(paths)} files, {total} events)")
