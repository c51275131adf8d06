"""The ``diplo-events`` command: articles in, one event per line out.

    diplo-events article.txt other.txt          JSON Lines on stdout
    diplo-events --published 2024-07-05 -       read stdin
    diplo-events --format csv *.txt
    diplo-events schema                         the JSON Schema of the events

A file that cannot be read (missing, a directory, binary) is reported on stderr in one line
and skipped; the others are still processed and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import DiploEventsError
from .models import Event, event_json_schema
from .pipeline import Pipeline, parse_published

__all__ = ["main"]

PROG = "diplo-events"
CSV_FIELDS = (
    "source", "type", "primary", "secondary", "date", "precision", "location", "status",
    "negated", "trigger", "evidence", "cameo", "extractor",
)
_PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
_SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}


class _Fail(Exception):
    """One input could not be processed."""


def _parser() -> argparse.ArgumentParser:
    from . import __version__  # noqa: PLC0415

    p = argparse.ArgumentParser(prog=PROG, description="Extract diplomatic events from English news text.")
    p.add_argument("inputs", nargs="*", metavar="FILE", help="article files, or - for stdin; 'schema' prints the JSON Schema")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for every input")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default: jsonl)")
    p.add_argument("--extractors", metavar="NAMES", help="comma-separated extractor names to run")
    p.add_argument("--list-extractors", action="store_true", help="list the available extractors and exit")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


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


def _events(pipeline: Pipeline, inputs: Sequence[str], published: Any, stdin: TextIO, failures: list[str]) -> Iterator[tuple[str, Event]]:
    """Events of each input in turn; an input that cannot be read is added to ``failures``."""
    for source in inputs:
        try:
            text = _read(source, stdin)
        except _Fail as exc:
            failures.append(f"{source}: {exc}")
            continue
        for event in pipeline.extract(text, published):
            yield source, event


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 some input failed, 2 usage error)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
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
    except DiploEventsError as exc:
        print(f"{PROG}: error: {exc}", file=stderr)
        return 2
    if not args.inputs:
        print(f"{PROG}: error: no input: give file paths or - for stdin", file=stderr)
        return 2
    failures: list[str] = []
    reported = 0
    writer = csv.DictWriter(stdout, fieldnames=CSV_FIELDS) if args.format == "csv" else None
    if writer is not None:
        writer.writeheader()
    try:
        for source, event in _events(pipeline, args.inputs, published, stdin, failures):
            reported = _report(failures, reported, stderr)
            if writer is not None:
                writer.writerow(_row(source, event))
            else:
                stdout.write(json.dumps({"source": source, **event.model_dump(mode="json")}, ensure_ascii=False) + "\n")
    except DiploEventsError as exc:
        print(f"{PROG}: error: {exc}", file=stderr)
        return 1
    _report(failures, reported, stderr)
    return 1 if failures else 0


def _report(failures: list[str], reported: int, stderr: TextIO) -> int:
    for line in failures[reported:]:
        print(f"{PROG}: error: {line}", file=stderr)
    return len(failures)
