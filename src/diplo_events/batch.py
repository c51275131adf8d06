"""Many documents at once: in order, in processes, with failures reported, not raised.

    for result in extract_many(texts, published=dates, n_jobs=2):
        if result.error is None:
            save(result.index, result.events)
        else:
            log(result.index, result.error)

Corpora often come as data, one article per JSON line or CSV row with an id, a text and a
date: :func:`read_records` reads them as :class:`Record` objects, which ``extract_many`` takes
in place of texts (each with its own date, its id carried as the result's ``source``):

    for result in extract_many(read_records("corpus.jsonl"), n_jobs=2):
        ...
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import gc
import itertools
import json
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import transport
from .errors import DataFileError, DiploEventsError, InputTypeError
from .loading import collector_paused
from .pipeline import parse_published

if TYPE_CHECKING:
    from .models import Event
    from .pipeline import Pipeline

__all__ = ["DATE_FIELDS", "INPUT_FORMATS", "BatchResult", "Record", "extract_many", "read_records"]

Published = str | dt.date | None
INPUT_FORMATS = ("jsonl", "csv")
DATE_FIELDS = ("published", "date")  # tried in this order when no date field is named
# By default a chunk holds about this many characters, each document counted 100 more: tens of
# milliseconds of work, so that the parent's cost per chunk stays small (~0.5 ms: a round trip
# through the pool's threads) and the last chunk, which one worker runs alone, stays short.
CHUNK_CHARS = 32_000
_DOC_CHARS = 100


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a corpus: its id, text and publication date.

    Attributes:
        source: the article's id (what output lines carry as ``source``).
        text: its text ("" when it has a problem).
        published: its own publication date, or None.
        line: where it starts in its file (1-based), or None.
        problem: None, or why it cannot be processed ("no 'text' field"); such a record
            gives a failed :class:`BatchResult` instead of events.
    """

    source: str
    text: str
    published: dt.date | None = None
    line: int | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome for one input document.

    Attributes:
        index: the document's position in the input.
        events: the events found (empty when the document failed).
        error: ``None``, or a one-line ``"ErrorType: message"`` when it failed.
        source: the :class:`Record`'s id when the input was a record, else None.
    """

    index: int
    events: list[Event]
    error: str | None = None
    source: str | None = None


_worker_pipeline: Pipeline | None = None
_worker_plain = False  # whether to send the events as plain data (see transport)


def _init_worker(pipeline: Pipeline, plain: bool) -> None:
    global _worker_pipeline, _worker_plain  # noqa: PLW0603  (one pipeline per worker process)
    _worker_pipeline, _worker_plain = pipeline, plain


def _run_chunk(chunk: list[tuple[int, str | Record, Published]]) -> bytes:
    assert _worker_pipeline is not None
    results = [_run_one(_worker_pipeline, i, text, published) for i, text, published in chunk]
    with collector_paused():
        return transport.encode(results, _worker_plain)


def _run_one(pipeline: Pipeline, index: int, text: str | Record, published: Published) -> BatchResult:
    source = None
    if isinstance(text, Record):
        source = text.source
        if text.problem is not None:
            return BatchResult(index, [], text.problem, source)
        published = text.published if text.published is not None else published
        text = text.text
    try:
        return BatchResult(index, pipeline.extract(text, published), None, source)
    except Exception as exc:  # noqa: BLE001  (a failed document is reported, the batch goes on)
        return BatchResult(index, [], f"{type(exc).__name__}: {exc}", source)


def extract_many(
    texts: Iterable[str | Record],
    published: Published | Iterable[Published] = None,
    *,
    n_jobs: int = 1,
    pipeline: Pipeline | None = None,
    chunk_size: int | None = None,
) -> Iterator[BatchResult]:
    """Extract events from many texts, yielding one :class:`BatchResult` per text, in input order.

    Args:
        texts: any iterable of strings or :class:`Record` objects (:func:`read_records`); it
            is read lazily, so a generator over a corpus works.
        published: one date for all texts, or an iterable of dates parallel to ``texts``; a
            record's own date, when it has one, comes first.
        n_jobs: processes, this one included: 1 runs here only, 2 adds one worker process,
            -1 uses every core.
        pipeline: the pipeline to run (the default one otherwise); it is pickled to the workers.
        chunk_size: documents per chunk (what a worker is sent at a time); by default as many
            as hold about :data:`CHUNK_CHARS` characters (some 150 short items, or a dozen
            articles).

    A document that fails (a non-``str`` item, a bad date, an extractor error, a record with
    a problem) is reported in its result's ``error`` and the others go on.
    """
    if n_jobs == 0 or n_jobs < -1:
        msg = f"n_jobs must be a positive number of processes or -1, not {n_jobs}"
        raise ValueError(msg)
    if chunk_size is not None and chunk_size < 1:
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
    chunks = _sized_chunks(items) if chunk_size is None else iter(lambda: list(itertools.islice(items, chunk_size)), [])
    yield from _in_processes(pipeline, chunks, workers - 1)


def _in_processes(pipeline: Pipeline, chunks: Iterator[list[Any]], forks: int) -> Iterator[BatchResult]:
    """The chunks' results in order, run by ``forks`` worker processes and by this one.

    Every worker is kept with two chunks in hand (one running, one queued); this process runs
    the others, and the last one, checking the workers a quarter of a chunk at a time so that
    none waits for its next chunk. The chunks run here cost no transport (encoding in a worker,
    decoding here), and this process does not compete with the workers for the cores while it
    waits for them.
    """
    ahead, following = next(chunks, None), next(chunks, None)
    if following is None:  # one chunk at most: not worth starting a process
        yield from (_run_one(pipeline, *item) for item in ahead or [])
        return
    chunks = itertools.chain([following], chunks)
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    init = (pipeline, transport.builtin_events(pipeline))
    pool = ProcessPoolExecutor(forks, mp_context=context, initializer=_init_worker, initargs=init)
    # Forked workers share the parent's memory (the gazetteer, the lexicon) until they write to
    # it, and the collector writes to every object it visits: frozen objects are left alone, so
    # the workers copy fewer pages (~10% of their time). Unfrozen once they are started.
    freeze = context.get_start_method() == "fork" and gc.get_freeze_count() == 0
    # per chunk, in input order: a worker's future, or the results this process made
    pending: collections.deque[Future[bytes] | list[BatchResult]] = collections.deque()
    limit = 4 * (forks + 1)  # chunks held at most: memory stays flat on endless inputs

    def feed() -> None:
        nonlocal ahead
        while ahead is not None and sum(isinstance(p, Future) and not p.done() for p in pending) < 2 * forks:
            following = next(chunks, None)
            if following is None:  # the last chunk stays here: a worker's would keep this one waiting
                return
            pending.append(pool.submit(_run_chunk, ahead))
            ahead = following

    try:
        if freeze:
            gc.freeze()
        try:
            pool.submit(int)  # forks the workers now
        finally:
            if freeze:
                gc.unfreeze()
        while ahead is not None:
            feed()
            chunk, ahead = ahead, next(chunks, None)
            results: list[BatchResult] = []
            pending.append(results)
            piece = -(-len(chunk) // 4)
            for start in range(0, len(chunk), piece):
                results.extend(_run_one(pipeline, *item) for item in chunk[start : start + piece])
                feed()
            while pending and (len(pending) > limit or not isinstance(pending[0], Future) or pending[0].done()):
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())
    finally:  # also when the caller stops early: drop the chunks not started yet
        pool.shutdown(wait=True, cancel_futures=True)


def _results(done: Future[bytes] | list[BatchResult]) -> list[BatchResult]:
    return transport.decode(done.result()) if isinstance(done, Future) else done


def _sized_chunks(items: Iterable[tuple[int, Any, Published]]) -> Iterator[list[tuple[int, Any, Published]]]:
    """The items in chunks of about :data:`CHUNK_CHARS` characters (a whole document each)."""
    chunk: list[tuple[int, Any, Published]] = []
    size = 0
    for item in items:
        chunk.append(item)
        text = item[1].text if isinstance(item[1], Record) else item[1]
        size += _DOC_CHARS + (len(text) if isinstance(text, str) else 0)
        if size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


# -- corpora as data ------------------------------------------------------------------------
def read_records(
    path: str | os.PathLike[str],
    *,
    input_format: str | None = None,
    text_field: str = "text",
    date_field: str | None = None,
    id_field: str = "id",
    stream: IO[str] | None = None,
) -> Iterator[Record]:
    """The articles of a JSON Lines or CSV corpus file, one :class:`Record` each, lazily.

    Args:
        path: the file; ``-`` reads ``stream`` (stdin by default).
        input_format: ``jsonl`` or ``csv``; by default from the file's suffix.
        text_field: the field that holds the text.
        date_field: the field that holds the publication date; by default ``published``,
            else ``date``. A missing or empty date is None.
        id_field: the field that holds the id; a record without one is ``FILE:LINE``.
        stream: what ``-`` reads.

    A record that cannot be used (not an object, no text, an unreadable date) comes with its
    ``problem`` set, so that it is reported in its place and the others go on.

    Raises:
        DataFileError: the file cannot be opened, or the format is unknown.
    """
    name = os.fspath(path)
    fmt = input_format or Path(name).suffix.lstrip(".").lower().replace("ndjson", "jsonl")
    if fmt not in INPUT_FORMATS:
        msg = f"{name}: unknown corpus format {fmt or '(no suffix)'!r}: give jsonl or csv"
        raise DataFileError(msg)
    fields = (text_field, date_field, id_field)
    if name == "-":
        yield from _records(stream or sys.stdin, name, fmt, fields)
        return
    try:
        handle = open(name, encoding="utf-8-sig", newline="")  # noqa: SIM115  (closed below)
    except OSError as exc:
        msg = f"{name}: {exc.strerror or exc}"
        raise DataFileError(msg) from exc
    with handle:
        yield from _records(handle, name, fmt, fields)


def _records(stream: IO[str], name: str, fmt: str, fields: tuple[str, str | None, str]) -> Iterator[Record]:
    try:
        if fmt == "csv":
            yield from _csv_records(stream, name, fields)
        else:
            yield from _jsonl_records(stream, name, fields)
    except UnicodeDecodeError as exc:
        msg = f"{name}: is not UTF-8 text (byte {exc.start})"
        raise DataFileError(msg) from exc


def _jsonl_records(stream: IO[str], name: str, fields: tuple[str, str | None, str]) -> Iterator[Record]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(f"{name}:{number}", "", None, number, f"{name}:{number}: not JSON ({exc.msg})")
            continue
        yield _record(data, name, number, fields)


def _csv_records(stream: IO[str], name: str, fields: tuple[str, str | None, str]) -> Iterator[Record]:
    reader = csv.DictReader(stream)
    start = 2  # the header is line 1
    try:
        for row in reader:
            yield _record(row, name, start, fields)
            start = reader.line_num + 1
    except csv.Error as exc:
        msg = f"{name}:{reader.line_num}: not CSV ({exc})"
        raise DataFileError(msg) from exc


def _record(data: Any, name: str, line: int, fields: tuple[str, str | None, str]) -> Record:
    """A record from one parsed line or row, or one whose ``problem`` says what is wrong."""
    text_field, date_field, id_field = fields
    where = f"{name}:{line}"
    if not isinstance(data, Mapping):
        return Record(where, "", None, line, f"{where}: not a JSON object")
    ident = data.get(id_field)
    source = where if ident is None or ident == "" else str(ident)
    text = data.get(text_field)
    if not isinstance(text, str) or not text.strip():
        what = "no" if text is None else "an empty" if isinstance(text, str) else "a non-text"
        return Record(source, "", None, line, f"{where}: {what} {text_field!r} field")
    names = (date_field,) if date_field else DATE_FIELDS
    value = next((data[f] for f in names if data.get(f) not in (None, "")), None)
    try:
        published = parse_published(value)
    except DiploEventsError as exc:
        return Record(source, "", None, line, f"{where}: {exc}")
    return Record(source, text, published, line)
