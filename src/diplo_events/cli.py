"""The ``diplo-events`` command: articles in, one event per line out.

    diplo-events article.txt other.txt          JSON Lines on stdout
    diplo-events --published 2024-07-05 -       read stdin
    diplo-events --format csv *.txt
    diplo-events -r --jobs 4 corpus/            every *.txt under corpus/, in 4 processes
    diplo-events 'corpus/2024-*.txt'            a quoted glob is expanded here
    diplo-events --format plover a.txt          PLOVER-style records (diplo_events.export)
    diplo-events --input-format jsonl corpus.jsonl -o events.jsonl
                                                one article per record, each with its own id and date
    diplo-events --resume -o events.jsonl ...   finish an interrupted run
    diplo-events schema                         the JSON Schema of the events
    diplo-events evaluate gold.jsonl            score against gold annotations (diplo_events.evaluate)
    diplo-events explain article.txt            every trigger considered, the frame read, the event or veto

Output comes in input order whatever ``--jobs`` is. An input that cannot be read (missing, a
directory without ``-r``, binary, not UTF-8) or whose extraction fails is reported on stderr
in one line; by default the others are still processed and the exit status is 1
(``--skip-errors``); ``--fail-fast`` stops at the first failing input. On a terminal, stderr
also shows a progress bar while running and a summary line at the end (``--summary`` prints
the summary anywhere, ``--quiet`` neither).

``--output FILE`` writes a temporary file next to FILE and renames it over FILE at the end, so
FILE never holds a half-written run; a write error (a full disk) is one line on stderr and exit
status 1. The first Ctrl-C stops after the current document, with only whole documents written
(to FILE too) and status 130; ``--resume`` then skips the sources already in FILE and appends
the rest, which gives the same lines as one uninterrupted run.

Exit status: 0 all inputs processed, 1 some input failed, 2 usage error (bad option, date,
extractor name), 130 interrupted.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import glob
import io
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, NoReturn, Self, TextIO

from .batch import INPUT_FORMATS, Record, extract_many, read_records
from .errors import DataFileError, DiploEventsError
from .export import to_json_record, to_plover
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
        epilog="Exit status: 0 ok, 1 some input failed or the output could not be written, "
        "2 usage error, 130 interrupted.",
    )
    p.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="article files (or corpus files, with --input-format), directories (with -r), glob "
        "patterns (quoted ones are expanded here) or - for stdin; 'schema' prints the JSON Schema "
        "of the events; 'evaluate GOLD ...' scores against gold (see evaluate --help)",
    )
    p.add_argument(
        "--published", metavar="DATE",
        help="publication date (YYYY-MM-DD) for every input (a corpus record's own date comes first)",
    )
    p.add_argument(
        "--format", choices=("jsonl", "csv", "plover"), default="jsonl",
        help="jsonl: one event per line; csv: one row per event; plover: one PLOVER-style record per line (default: jsonl)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE",
        help="write to FILE (through a temporary file renamed at the end) instead of stdout",
    )
    p.add_argument(
        "--resume", action="store_true",
        help="with -o FILE (JSON Lines): skip the sources already in FILE and append the rest",
    )
    corpus = p.add_argument_group("corpora as data (one article per JSON line or CSV row)")
    corpus.add_argument(
        "--input-format", choices=INPUT_FORMATS, default=None,
        help="the inputs are corpus files of records, not one article per file",
    )
    corpus.add_argument("--text-field", default="text", metavar="NAME", help="the field of the text (default: text)")
    corpus.add_argument(
        "--date-field", default=None, metavar="NAME",
        help="the field of the publication date (default: published, else date)",
    )
    corpus.add_argument(
        "--id-field", default="id", metavar="NAME",
        help="the field of the id, written as 'source' (default: id; without one, FILE:LINE)",
    )
    p.add_argument("--extractors", metavar="NAMES", help="comma-separated extractor names to run")
    p.add_argument("--list-extractors", action="store_true", help="list the available extractors and exit")
    p.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N",
        help="processes, this one included; -1 uses every core (default: 1). Output stays in input order",
    )
    p.add_argument(
        "-r", "--recursive", action="store_true",
        help="read the files under each directory given, recursively (those matching --glob)",
    )
    p.add_argument(
        "--glob", metavar="PATTERN", default=None,
        help="file-name pattern for directories (default: *.txt, or *.jsonl / *.csv with "
        "--input-format); implies -r",
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


def _file_records(
    items: Sequence[tuple[str, str | None]], stdin: TextIO, skip: Callable[[str], bool]
) -> Iterator[Record]:
    """One record per article file (or stdin), read here; an unreadable one carries its problem."""
    for source, problem in items:
        if skip(source):
            continue
        if problem is None:
            try:
                yield Record(source, _read(source, stdin))
                continue
            except _Fail as exc:
                problem = str(exc)
        yield Record(source, "", problem=f"{source}: {problem}")


def _corpus_records(
    items: Sequence[tuple[str, str | None]], args: argparse.Namespace, stdin: TextIO, skip: Callable[[str], bool]
) -> Iterator[Record]:
    """The records of every corpus file, in order; a file that cannot be read is one failed record."""
    for path, problem in items:
        if problem is None:
            try:
                records = read_records(
                    path, input_format=args.input_format, text_field=args.text_field,
                    date_field=args.date_field, id_field=args.id_field, stream=stdin,
                )
                for record in records:
                    if not skip(record.source):
                        yield record
                continue
            except DataFileError as exc:
                problem = str(exc).removeprefix(f"{path}: ")
        yield Record(path, "", problem=f"{path}: {problem}")


def _outcomes(
    records: Iterator[Record],
    published: Any,
    pipeline: Pipeline,
    jobs: int,
    chunk: int,
) -> Generator[tuple[Record, list[Event], str | None], None, None]:
    """``(record, events, error)`` for each record, in input order; ``error`` is a whole line's
    message (it names the input)."""
    handed: collections.deque[Record] = collections.deque()

    def tracked() -> Iterator[Record]:
        for record in records:
            handed.append(record)
            yield record

    results = extract_many(tracked(), published, n_jobs=jobs, pipeline=pipeline, chunk_size=chunk)
    try:
        for result in results:
            record = handed.popleft()
            error = result.error
            if error is not None and record.problem is None:
                where = record.source if record.line is None else f"{record.source} (line {record.line})"
                error = f"{where}: {error}"
            yield record, result.events, error
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


Formatter = Callable[[str, Any, Sequence[Event]], str]


def _formatter(fmt: str) -> tuple[str, Formatter]:
    """The header of the output and the lines of one document, ``(source, published, events) -> text``."""
    if fmt == "csv":
        def rows(source: str, published: Any, events: Sequence[Event]) -> str:  # noqa: ARG001
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
            for event in events:
                writer.writerow(_row(source, event))
            return buffer.getvalue()

        header = io.StringIO()
        csv.DictWriter(header, fieldnames=CSV_FIELDS).writeheader()
        return header.getvalue(), rows
    if fmt == "plover":
        def plover(source: str, published: Any, events: Sequence[Event]) -> str:
            return "".join(
                json.dumps(to_plover(event, doc_id=source, published=published), ensure_ascii=False) + "\n"
                for event in events
            )

        return "", plover

    def jsonl(source: str, published: Any, events: Sequence[Event]) -> str:  # noqa: ARG001
        return "".join(json.dumps(to_json_record(event, source), ensure_ascii=False) + "\n" for event in events)

    return "", jsonl


class _WriteError(Exception):
    """The output cannot be written (a full disk, a missing folder): one line, exit status 1."""


class _Output:
    """Where the lines go: stdout, or ``path`` by way of a temporary file next to it that is
    renamed over it by :meth:`commit`, so that ``path`` never holds a half-written run.

    Lines are written one document at a time and counted, so that an interrupted run keeps
    only whole documents (:meth:`commit` cuts a document the interruption split).
    """

    def __init__(self, path: str | None, stdout: TextIO, *, kept: bytes = b"") -> None:
        self.path = path
        self.stdout = stdout
        self._temp: str | None = None
        self._file: IO[bytes] | None = None
        self._whole = 0  # bytes of whole documents written to the temporary file
        if path is None:
            return
        target = Path(path)
        try:
            fd, self._temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
            self._file = os.fdopen(fd, "wb")
            if kept:
                self._file.write(kept)
        except OSError as exc:
            self.discard()
            raise _WriteError(self._problem(exc)) from exc
        self._whole = len(kept)

    def _problem(self, exc: OSError) -> str:
        return f"cannot write {self.path or 'the output'}: {exc.strerror or exc}"

    def write(self, text: str) -> None:
        """Write the lines of one document."""
        if not text:
            return
        try:
            if self._file is None:
                self.stdout.write(text)
            else:
                data = text.encode("utf-8")
                self._file.write(data)
                self._whole += len(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _WriteError(self._problem(exc)) from exc

    def commit(self) -> None:
        """Flush, and put the file in place of ``path`` (whole documents only)."""
        try:
            if self._file is None:
                self.stdout.flush()
                return
            self._file.flush()
            self._file.truncate(self._whole)
            os.fsync(self._file.fileno())
            self._file.close()
            assert self.path is not None and self._temp is not None
            _copy_mode(self.path, self._temp)
            os.replace(self._temp, self.path)
            self._temp = None
        except BrokenPipeError:
            raise
        except OSError as exc:
            self.discard()
            raise _WriteError(self._problem(exc)) from exc

    def discard(self) -> None:
        """Remove the temporary file: ``path`` stays as it was."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)
            self._temp = None


def _copy_mode(path: str, temp: str) -> None:
    """Give the new file the mode of the old one, or the mode a new file gets (mkstemp makes 0600)."""
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


def _done_sources(path: str) -> tuple[bytes, set[str]]:
    """The whole lines of an earlier JSONL output and the sources they cover (``--resume``).

    Raises:
        _UsageError: the file is not the JSON Lines output of this command.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return b"", set()
    except OSError as exc:
        msg = f"cannot read {path} to resume: {exc.strerror or exc}"
        raise _UsageError(msg) from exc
    kept = data[: data.rfind(b"\n") + 1]  # a last line without its newline was cut: redo its document
    done = set()
    for number, line in enumerate(kept.splitlines(), 1):
        try:
            done.add(json.loads(line)["source"])
        except (ValueError, KeyError, TypeError) as exc:
            msg = f"cannot resume: {path}:{number} is not a JSON line with a 'source'"
            raise _UsageError(msg) from exc
    if len(kept) < len(data):
        cut = json.loads(kept.splitlines()[-1])["source"] if kept else None
        done.discard(cut)  # its last document may have lost lines with the cut: drop it and redo it
        kept = b"".join(line + b"\n" for line in kept.splitlines() if json.loads(line)["source"] != cut)
    return kept, done


class _StopOnInterrupt:
    """The first Ctrl-C asks the run to stop after the current document; the second stops it now.

    Worker processes forked while this is installed inherit it, so that the first Ctrl-C does
    not kill them halfway through a chunk.
    """

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def _handle(self, signum: int, frame: Any) -> None:  # noqa: ARG002
        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __enter__(self) -> Self:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


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
    """Run the command; returns the exit status (0 ok, 1 some input failed, 2 usage error, 130 interrupted)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        return _evaluate(argv[1:], stdout, stderr)
    if argv[:1] == ["explain"]:
        return _explain(argv[1:], stdin, stdout, stderr)
    try:
        args = _parser().parse_args(argv)
        if args.jobs == 0 or args.jobs < -1:
            msg = f"--jobs must be a number of processes (1 or more) or -1 for every core, not {args.jobs}"
            raise _UsageError(msg)
        if args.inputs[:1] == ["schema"]:
            json.dump(event_json_schema(), stdout, indent=2)
            stdout.write("\n")
            return 0
        pipeline = _pipeline(args.extractors)
        if args.list_extractors:
            from .registry import extractors  # noqa: PLC0415

            for name in extractors.names():
                print(name, file=stdout)
            return 0
        published = parse_published(args.published)
        if not args.inputs:
            msg = "no input: give file paths, directories (with -r), glob patterns or - for stdin"
            raise _UsageError(msg)
        if args.resume and (args.output is None or args.format != "jsonl"):
            msg = "--resume needs --output FILE and --format jsonl (it reads the sources already in FILE)"
            raise _UsageError(msg)
        kept, done = _done_sources(args.output) if args.resume else (b"", set())
    except (_UsageError, DiploEventsError) as exc:
        print(f"{PROG}: error: {exc}", file=stderr)
        return 2
    pattern = args.glob or ("*.txt" if args.input_format is None else f"*.{args.input_format}")
    items = _expand(args.inputs, recursive=args.recursive or args.glob is not None, pattern=pattern)
    return _run(args, pipeline, published, items, (kept, done), stdin, stdout, stderr)


def _run(
    args: argparse.Namespace,
    pipeline: Pipeline,
    published: Any,
    items: list[tuple[str, str | None]],
    resumed: tuple[bytes, set[str]],
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    kept, done = resumed
    counts: collections.Counter[str] = collections.Counter()
    seen = failed = 0
    stopped = False
    corpus = args.input_format is not None
    total = None if corpus else sum(source not in done for source, _ in items)
    bar = ProgressBar(total, stream=stderr, enabled=False if args.quiet else None)
    header, lines = _formatter(args.format)
    output: _Output | None = None
    skip = done.__contains__
    records = _corpus_records(items, args, stdin, skip) if corpus else _file_records(items, stdin, skip)
    workers = (os.cpu_count() or 1) if args.jobs == -1 else args.jobs
    chunk = 16 if corpus else max(1, min(16, len(items) // (4 * workers)))  # small chunks keep every worker busy
    with _StopOnInterrupt() as interrupt:
        try:
            output = _Output(args.output, stdout, kept=kept)
            output.write(header)
            outcomes = _outcomes(records, published, pipeline, args.jobs, chunk)
            try:
                for record, events, error in outcomes:
                    seen += 1
                    if error is not None:
                        failed += 1
                        bar.write(f"{PROG}: error: {error}")
                        if args.fail_fast:
                            stopped = total is None or seen < total
                            break
                    day = record.published if record.published is not None else published
                    output.write(lines(record.source, day, events))
                    counts.update(event.type for event in events)
                    bar.update(1, len(record.text))
                    if interrupt.requested:
                        break
            finally:
                outcomes.close()
            output.commit()
            if interrupt.requested:
                raise KeyboardInterrupt  # noqa: TRY301  (reported below, like a second Ctrl-C)
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            bar.close()
            _detach(stdout)
            return 1
        except _WriteError as exc:
            if output is not None:
                output.discard()
            bar.write(f"{PROG}: error: {exc}")
            _detach(stdout)
            return 1
        except KeyboardInterrupt:
            if output is not None and not interrupt.requested:
                _commit_quietly(output)  # a second Ctrl-C: keep the whole documents written so far
            hint = f"; rerun with --resume to finish {args.output}" if args.output and args.format == "jsonl" else ""
            bar.write(f"{PROG}: interrupted after {_plural(seen, 'input')}{hint}")
            return 130
        except BrokenProcessPool as exc:
            if output is not None:
                output.discard()
            bar.write(f"{PROG}: error: a worker process died ({exc or type(exc).__name__}); try --jobs 1")
            return 1
    bar.close()
    if not args.quiet and (args.summary or _is_terminal(stderr)):
        print(_summary(seen, seen if total is None else total, failed, counts, stopped=stopped), file=stderr)
    return 1 if failed else 0


def _commit_quietly(output: _Output) -> None:
    try:
        output.commit()
    except (_WriteError, OSError):
        output.discard()


def _detach(stdout: TextIO) -> None:
    """Point a closed or failing stdout at /dev/null so the interpreter's final flush does not complain."""
    if stdout is not sys.stdout:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover  (no real file descriptor)
        pass


def _pipeline(extractors: str | None) -> Pipeline:
    """The default pipeline, or one of the comma-separated extractor names given."""
    names = [n.strip() for n in extractors.split(",") if n.strip()] if extractors else None
    return Pipeline.default(extractors=names)


# -- diplo-events explain -----------------------------------------------------------------
def _explain_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"{PROG} explain",
        description="Show, per sentence, each trigger considered, the frame read (parties and their roles, "
        "negation, status) and the event made or the named exclusion that vetoed it.",
        epilog="Exit status: 0 ok, 1 the input could not be read, 2 usage error.",
    )
    p.add_argument("input", metavar="FILE", help="an article (UTF-8 text), or - for stdin")
    p.add_argument("--published", metavar="DATE", help="the publication date (YYYY-MM-DD)")
    p.add_argument("--extractors", metavar="NAMES", help="comma-separated extractor names to run")
    p.add_argument("--json", action="store_true", help="print the explanation as JSON")
    return p


def _explain(argv: Sequence[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``diplo-events explain FILE|-``: the decisions made on one article."""
    from .explain import explain  # noqa: PLC0415

    try:
        args = _explain_parser().parse_args(argv)
        pipeline = _pipeline(args.extractors)
        text = stdin.read() if args.input == "-" else Path(args.input).read_text(encoding="utf-8")
        result = explain(text, published=args.published, pipeline=pipeline)
    except (_UsageError, DiploEventsError) as exc:
        print(f"{PROG}: error: {exc}", file=stderr)
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{PROG}: error: cannot read {args.input}: {getattr(exc, 'strerror', None) or exc}", file=stderr)
        return 1
    try:
        stdout.write((json.dumps(result.to_dict(), indent=1, ensure_ascii=False) if args.json else str(result)) + "\n")
        stdout.flush()
    except BrokenPipeError:
        _detach(stdout)
        return 1
    except OSError as exc:
        print(f"{PROG}: error: cannot write the output: {exc.strerror or exc}", file=stderr)
        _detach(stdout)
        return 1
    return 0


# -- diplo-events evaluate ----------------------------------------------------------------
def _evaluate_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"{PROG} evaluate",
        description="Score the extraction against gold annotations (JSON Lines: single items with id, text, "
        "published and events, or documents with doc and evidence strings).",
        epilog="Exit status: 0 ok, 1 a gold file or the output could not be read or written, 2 usage error.",
    )
    p.add_argument("gold", nargs="+", metavar="GOLD", help="gold .jsonl files, or folders of them")
    p.add_argument(
        "--root", metavar="DIR", help="where the 'doc' paths of document gold live (default: the gold file's folder)",
    )
    p.add_argument("--extractors", metavar="NAMES", help="comma-separated extractor names to run")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument(
        "--errors", metavar="FILE",
        help="write every false positive, false negative and duplicate to FILE, one JSON object per line",
    )
    return p


def _evaluate(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    """``diplo-events evaluate GOLD ...``: print the scores, optionally write the errors."""
    from .evaluate import evaluate  # noqa: PLC0415

    try:
        args = _evaluate_parser().parse_args(argv)
        pipeline = _pipeline(args.extractors)
    except (_UsageError, DiploEventsError) as exc:
        print(f"{PROG}: error: {exc}", file=stderr)
        return 2
    try:
        result = evaluate(args.gold, pipeline, root=args.root)
    except DiploEventsError as exc:
        print(f"{PROG}: error: {exc}", file=stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=stderr)
        return 130
    try:
        if args.errors:
            errors = _Output(args.errors, stdout)
            try:
                for record in result.errors:
                    errors.write(json.dumps(record.as_dict(), ensure_ascii=False) + "\n")
                errors.commit()
            except BaseException:
                errors.discard()
                raise
        report = json.dumps(result.as_dict(), indent=1) if args.json else result.report()
        stdout.write(report + "\n")
        stdout.flush()
    except BrokenPipeError:
        _detach(stdout)
        return 1
    except (_WriteError, OSError) as exc:
        problem = exc if isinstance(exc, _WriteError) else f"cannot write the output: {exc.strerror or exc}"
        print(f"{PROG}: error: {problem}", file=stderr)
        _detach(stdout)
        return 1
    return 0
