"""Many documents at once: in order, in processes, with failures reported, not raised.

    for result in extract_many(texts, published=dates, n_jobs=2):
        if result.error is None:
            save(result.index, result.events)
        else:
            log(result.index, result.error)
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import InputTypeError

if TYPE_CHECKING:
    from .models import Event
    from .pipeline import Pipeline

__all__ = ["BatchResult", "extract_many"]

Published = str | dt.date | None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome for one input document.

    Attributes:
        index: the document's position in the input.
        events: the events found (empty when the document failed).
        error: ``None``, or a one-line ``"ErrorType: message"`` when it failed.
    """

    index: int
    events: list[Event]
    error: str | None = None


_worker_pipeline: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline  # noqa: PLW0603  (one pipeline per worker process)
    _worker_pipeline = pipeline


def _run_chunk(chunk: list[tuple[int, str, Published]]) -> list[BatchResult]:
    assert _worker_pipeline is not None
    return [_run_one(_worker_pipeline, i, text, published) for i, text, published in chunk]


def _run_one(pipeline: Pipeline, index: int, text: str, published: Published) -> BatchResult:
    try:
        return BatchResult(index, pipeline.extract(text, published))
    except Exception as exc:  # noqa: BLE001  (a failed document is reported, the batch goes on)
        return BatchResult(index, [], f"{type(exc).__name__}: {exc}")


def extract_many(
    texts: Iterable[str],
    published: Published | Iterable[Published] = None,
    *,
    n_jobs: int = 1,
    pipeline: Pipeline | None = None,
    chunk_size: int = 64,
) -> Iterator[BatchResult]:
    """Extract events from many texts, yielding one :class:`BatchResult` per text, in input order.

    Args:
        texts: any iterable of strings; it is read lazily, so a generator over a corpus works.
        published: one date for all texts, or an iterable of dates parallel to ``texts``.
        n_jobs: worker processes; 1 runs in this process, -1 uses every core.
        pipeline: the pipeline to run (the default one otherwise); it is pickled to the workers.
        chunk_size: documents sent to a worker at a time.

    A document that fails (a non-``str`` item, a bad date, an extractor error) is reported in
    its result's ``error`` and the others go on.
    """
    if n_jobs == 0 or n_jobs < -1:
        msg = f"n_jobs must be a positive number of processes or -1, not {n_jobs}"
        raise ValueError(msg)
    if chunk_size < 1:
        msg = f"chunk_size must be at least 1, not {chunk_size}"
        raise ValueError(msg)
    if pipeline is None:
        from .pipeline import Pipeline  # noqa: PLC0415

        pipeline = Pipeline.default()
    if isinstance(texts, str):
        msg = "extract_many takes an iterable of texts, not one str: use extract() for a single text"
        raise InputTypeError(msg)
    dates: Iterable[Published]
    if published is None or isinstance(published, str | dt.date):
        dates = itertools.repeat(published)
    else:
        dates = published
    items = ((i, text, day) for i, (text, day) in enumerate(zip(texts, dates, strict=False)))
    workers = (os.cpu_count() or 1) if n_jobs == -1 else n_jobs
    if workers == 1:
        for i, text, day in items:
            yield _run_one(pipeline, i, text, day)
        return
    chunks = iter(lambda: list(itertools.islice(items, chunk_size)), [])
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(pipeline,)) as pool:
        # a bounded window of chunks in flight keeps memory flat on endless inputs
        window = [pool.submit(_run_chunk, c) for c in itertools.islice(chunks, workers * 2)]
        while window:
            results = window.pop(0).result()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.submit(_run_chunk, nxt))
            yield from results
