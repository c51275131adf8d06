"""The ``diplo-events`` command: articles in, one event per line out.

    diplo-events article.txt other.txt          JSON Lines on stdout
    diplo-events --published 2024-07-05 -       read stdin
    diplo-events --format csv *.txt
    diplo-events -r --jobs 4 corpus/            every *.txt under corpus/, in 4 processes
    diplo-events 'corpus/2024-*.txt'            a quoted glob is expanded here
    diplo-events --format plover a.txt          PLOVER-style records (diplo_events.export)
    diplo-events schema                         the JSON Schema of the events

Output comes in input order whatever ``--jobs`` is. An input that cannot be read (missing, a
directory without ``-r``, binary, not UTF-8) or whose extraction fails is reported on stderr
in one line; by default the others are still processed and the exit status is 1
(``--skip-errors``); ``--fail-fast`` stops at the first failing input. On a terminal, stderr
also shows a progress bar while running and a summary line at the end (``--summary`` prints
the summary anywhere, ``--quiet`` neither).

Exit status: 0 all inputs processed, 1 some input failed, 2 usage error (bad option, date,
extractor name), 130 interrupted.
"""

from __future__ import annotations

import argparse
import collections
import csv
import glob
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, NoReturn, Self, TextIO

from .batch import extract_many
from .errors import DiploEventsError
from .models import Event, event_json_schema
from .pipeline import Pipeline, parse_published

__all__ = ["ProgressBar", "main"]

PROG = "diplo-events"
CSV_FIELDS = (
    "source", "type", "primary", "secondary", "date", "precision", "location", "status",
    "negated", "trigger", "evidence", "cameo", "extractor",
)
EVENT_TYPES = ("meeting", "suspension", "support_pledge")  # NOTE: keep in sync with models.Event
_PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
_SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}
_GLOB_CHARS = frozenset("*?[")


class _Fail(Exception):
    """One input could not be processed."""


class _UsageError(Exception):
    """A bad option value: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (no usage dump, no traceback)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see {self.prog} --help)")


def _parser() -> argparse.ArgumentParser:
    from . import __version__  # noqa: PLC0415

    p = _Parser(
        prog=PROG,
        description="Extract diplomatic events (meetings, suspensions, support pledges) from English news text.",
        epilog="Exit status: 0 ok, 1 some input failed, 2 usage error.",
    )
    p.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="article files, directories (with -r), glob patterns (quoted ones are expanded here) "
        "or - for stdin; 'schema' prints the JSON Schema of the events",
    )
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for every input")
    p.add_argument(
        "--format", choices=("jsonl", "csv", "plover"), default="jsonl",
        help="jsonl: one event per line; csv: one row per event; plover: one PLOVER-style record per line (default: jsonl)",
    )
    p.add_argument("--extractors", metavar="NAMES", help="comma-separated extractor names to run")
    p.add_argument("--list-extractors", action="store_true", help="list the available extractors and exit")
    p.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N",
        help="worker processes; -1 uses every core (default: 1). Output stays in input order",
    )
    p.add_argument(
        "-r", "--recursive", action="store_true",
        help="read the files under each directory given, recursively (those matching --glob)",
    )
    p.add_argument(
        "--glob", metavar="PATTERN", default=None,
        help="file-name pattern for directories (default: *.txt); implies -r",
    )
    errors = p.add_mutually_exclusive_group()
    errors.add_argument(
        "--skip-errors", dest="fail_fast", action="store_false", default=False,
        help="report a failing input in one line and go on; exit 1 at the end (the default)",
    )
    errors.add_argument(
        "--fail-fast", dest="fail_fast", action="store_true",
        help="stop at the first failing input (exit 1)",
    )
    shown = p.add_mutually_exclusive_group()
    shown.add_argument(
        "--summary", action="store_true",
        help="print the summary line on stderr even when it is not a terminal",
    )
    shown.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress bar and no summary line (failing inputs are still reported)",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


# -- inputs -----------------------------------------------------------------------------
def _expand(inputs: Sequence[str], *, recursive: bool, pattern: str) -> list[tuple[str, str | None]]:
    """Each input as ``(source, problem)``, directories and glob patterns expanded in sorted
    order; ``problem`` is None, or why the input cannot be read."""
    out: list[tuple[str, str | None]] = []
    for item in inputs:
        if item == "-":
            out.append((item, None))
            continue
        path = Path(item)
        if not path.exists() and _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                out.append((item, "no file matches this pattern"))
            for match in matches:
                out.extend(_expand_path(match, recursive=recursive, pattern=pattern))
            continue
        out.extend(_expand_path(item, recursive=recursive, pattern=pattern))
    return out


def _expand_path(item: str, *, recursive: bool, pattern: str) -> list[tuple[str, str | None]]:
    path = Path(item)
    if not path.is_dir():
        return [(item, None)]  # a missing file is reported when it is read
    if not recursive:
        return [(item, f"is a directory (use -r to read the {pattern} files under it)")]
    files = sorted((p for p in path.rglob(pattern) if p.is_file()), key=lambda p: str(p))
    if not files:
        return [(item, f"no {pattern} files under this directory")]
    return [(str(p), None) for p in files]


def _read(source: str, stdin: TextIO) -> str:
    if source == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
    else:
        path = Path(source)
        if path.is_dir():
            msg = "is a directory"
            raise _Fail(msg)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _Fail(exc.strerror or str(exc)) from exc
    if b"\x00" in data:
        msg = "looks binary (contains NUL bytes), not text"
        raise _Fail(msg)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"is not UTF-8 text (byte {exc.start})"
        raise _Fail(msg) from exc


def _outcomes(
    items: Sequence[tuple[str, str | None]],
    read: Callable[[str], str],
    published: Any,
    pipeline: Pipeline,
    jobs: int,
) -> Generator[tuple[str, int, list[Event], str | None], None, None]:
    """``(source, chars, events, error)`` for each input, in input order.

    Inputs are read here, in this process, and only readable texts go to
    :func:`~diplo_events.batch.extract_many`; a queue of the inputs handed over so far puts
    the read failures back in their place among the results.
    """
    pending: collections.deque[tuple[str, int, str | None]] = collections.deque()

    def texts() -> Iterator[str]:
        for source, problem in items:
            if problem is None:
                try:
                    text = read(source)
                except _Fail as exc:
                    problem = str(exc)
            if problem is not None:
                pending.append((source, 0, problem))
                continue
            pending.append((source, len(text), None))
            yield text

    workers = (os.cpu_count() or 1) if jobs == -1 else jobs
    chunk = max(1, min(16, len(items) // (4 * workers)))  # small chunks keep every worker busy
    results = extract_many(texts(), published, n_jobs=jobs, pipeline=pipeline, chunk_size=chunk)
    try:
        for result in results:
            while pending[0][2] is not None:
                source, _, problem = pending.popleft()
                yield source, 0, [], problem
            source, size, _ = pending.popleft()
            yield source, size, result.events, result.error
        while pending:
            source, _, problem = pending.popleft()
            yield source, 0, [], problem
    finally:
        close = getattr(results, "close", None)  # a generator: closing it shuts the workers down
        if close is not None:
            close()


# -- output -----------------------------------------------------------------------------
def _row(source: str, event: Event) -> dict[str, Any]:
    data = event.model_dump(mode="json")
    secondary = _SECONDARY[event.type]
    first = event.mentions[0]
    return {
        "source": source,
        "type": event.type,
        "primary": " ".join(a["code"] for a in data[_PRIMARY[event.type]]),
        "secondary": " ".join(a["code"] for a in data[secondary]) if secondary else "",
        "date": data["date"]["value"] if data["date"] else "",
        "precision": data["date"]["precision"] if data["date"] else "",
        "location": data["location"]["country"] if data["location"] else "",
        "status": event.status,
        "negated": str(event.negated).lower(),
        "trigger": first.trigger.text,
        "evidence": first.evidence.text,
        "cameo": event.cameo or "",
        "extractor": event.extractor,
    }


def _writer(fmt: str, stdout: TextIO, published: Any) -> Callable[[str, Event], None]:
    if fmt == "csv":
        writer = csv.DictWriter(stdout, fieldnames=CSV_FIELDS)
        writer.writeheader()
        return lambda source, event: writer.writerow(_row(source, event))
    if fmt == "plover":
        from .export import to_plover  # noqa: PLC0415

        def plover(source: str, event: Event) -> None:
            record = to_plover(event, doc_id=source, published=published)
            stdout.write(json.dumps(record, ensure_ascii=False) + "\n")

        return plover

    def jsonl(source: str, event: Event) -> None:
        stdout.write(json.dumps({"source": source, **event.model_dump(mode="json")}, ensure_ascii=False) + "\n")

    return jsonl


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(seen: int, total: int, failed: int, counts: collections.Counter[str], *, stopped: bool) -> str:
    """The last line on stderr.

    >>> from collections import Counter
    >>> _summary(3, 3, 0, Counter(meeting=4, support_pledge=2), stopped=False)
    'diplo-events: 3 inputs, 0 failed: 4 meeting, 0 suspension, 2 support_pledge'
    """
    inputs = _plural(total, "input") if seen == total else f"{seen} of {_plural(total, 'input')}"
    types = [*EVENT_TYPES, *sorted(set(counts) - set(EVENT_TYPES))]
    events = ", ".join(f"{counts[t]} {t}" for t in types)
    stop = " (stopped at the first failure)" if stopped else ""
    return f"{PROG}: {inputs}, {failed} failed{stop}: {events}"


# -- progress ---------------------------------------------------------------------------
def _is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _rate(chars_per_second: float) -> str:
    """``1234567.0`` -> ``'1.2M'``.

    >>> _rate(950), _rate(12_345), _rate(3_400_000)
    ('950', '12.3k', '3.4M')
    """
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if chars_per_second >= limit:
            return f"{chars_per_second / limit:.1f}{suffix}"
    return f"{chars_per_second:.0f}"


class ProgressBar:
    """A one-line progress bar: documents done (of the total, when known) and characters per second.

    It draws on ``stream`` (stderr by default) only when enabled, which by default means when
    that stream is a terminal, so redirected output and logs never see it. Lines written with
    :meth:`write` appear above the bar.

    Args:
        total: the number of documents, or None when unknown.
        stream: where to draw.
        enabled: force the bar on or off; None draws only on a terminal.
        label: the text before the counts.
        interval: the shortest time between two redraws, in seconds.

    Example::

        with ProgressBar(len(paths)) as bar:
            for path in paths:
                text = path.read_text()
                ...
                bar.update(chars=len(text))
    """

    width = 24

    def __init__(
        self,
        total: int | None = None,
        *,
        stream: IO[str] | None = None,
        enabled: bool | None = None,
        label: str = PROG,
        interval: float = 0.1,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.label = label
        self.interval = interval
        self.docs = 0
        self.chars = 0
        self._start = time.monotonic()
        self._drawn_at = 0.0
        self._shown = 0  # length of the line on screen

    def update(self, docs: int = 1, chars: int = 0) -> None:
        """Count ``docs`` more documents of ``chars`` characters in all, and redraw at most
        every ``interval`` seconds (always at the last document)."""
        self.docs += docs
        self.chars += chars
        now = time.monotonic()
        if self.enabled and (now - self._drawn_at >= self.interval or self.docs == self.total):
            self._drawn_at = now
            self._draw(self.render(now - self._start))

    def render(self, elapsed: float) -> str:
        """The bar's text after ``elapsed`` seconds."""
        rate = f"{_rate(self.chars / elapsed) if elapsed > 0 else '-'} chars/s"
        if self.total:
            done = min(self.docs, self.total) / self.total
            filled = int(done * self.width)
            bar = "#" * filled + "." * (self.width - filled)
            return f"{self.label}: {self.docs}/{self.total} docs [{bar}] {done:4.0%} {rate}"
        return f"{self.label}: {self.docs} docs {rate}"

    def write(self, line: str) -> None:
        """Print ``line`` on the stream above the bar."""
        shown = self._shown
        self._clear()
        print(line, file=self.stream)
        if shown and self.enabled:
            self._draw(self.render(time.monotonic() - self._start))

    def close(self) -> None:
        """Erase the bar."""
        self._clear()

    def _draw(self, text: str) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        text = text[: max(columns - 1, 10)]
        pad = " " * max(self._shown - len(text), 0)
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self._shown = len(text)

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the command ------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 some input failed, 2 usage error)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        args = _parser().parse_args(argv)
        if args.jobs == 0 or args.jobs < -1:
            msg = f"--jobs must be a number of processes (1 or more) or -1 for every core, not {args.jobs}"
            raise _UsageError(msg)
        if args.inputs[:1] == ["schema"]:
            json.dump(event_json_schema(), stdout, indent=2)
            stdout.write("\n")
            return 0
        names = [n.strip() for n in args.extractors.split(",") if n.strip()] if args.extractors else None
        pipeline = Pipeline.default(extractors=names)
        if args.list_extractors:
            from .registry import extractors  # noqa: PLC0415

            for name in extractors.names():
                print(name, file=stdout)
            return 0
        published = parse_published(args.published)
        if not args.inputs:
            msg = "no input: give file paths, directories (with -r), glob patterns or - for stdin"
            raise _UsageError(msg)
    except (_UsageError, DiploEventsError) as exc:
        print(f"{PROG}: error: {exc}", file=stderr)
        return 2
    items = _expand(args.inputs, recursive=args.recursive or args.glob is not None, pattern=args.glob or "*.txt")
    return _run(args, pipeline, published, items, stdin, stdout, stderr)


def _run(
    args: argparse.Namespace,
    pipeline: Pipeline,
    published: Any,
    items: list[tuple[str, str | None]],
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    counts: collections.Counter[str] = collections.Counter()
    seen = failed = 0
    stopped = False
    bar = ProgressBar(len(items), stream=stderr, enabled=False if args.quiet else None)
    try:
        write = _writer(args.format, stdout, published)
        outcomes = _outcomes(items, lambda source: _read(source, stdin), published, pipeline, args.jobs)
        try:
            for source, size, events, error in outcomes:
                seen += 1
                if error is not None:
                    failed += 1
                    bar.write(f"{PROG}: error: {source}: {error}")
                    if args.fail_fast:
                        stopped = seen < len(items)
                        break
                for event in events:
                    write(source, event)
                    counts[event.type] += 1
                bar.update(1, size)
        finally:
            outcomes.close()
        stdout.flush()
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        bar.close()
        _detach(stdout)
        return 1
    except KeyboardInterrupt:
        bar.write(f"{PROG}: interrupted")
        return 130
    except BrokenProcessPool as exc:
        bar.write(f"{PROG}: error: a worker process died ({exc or type(exc).__name__}); try --jobs 1")
        return 1
    bar.close()
    if not args.quiet and (args.summary or _is_terminal(stderr)):
        print(_summary(seen, len(items), failed, counts, stopped=stopped), file=stderr)
    return 1 if failed else 0


def _detach(stdout: TextIO) -> None:
    """Point a closed stdout at /dev/null so the interpreter's final flush does not complain."""
    if stdout is not sys.stdout:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover  (no real file descriptor)
        pass
