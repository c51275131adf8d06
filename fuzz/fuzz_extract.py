"""Fuzz target for ``diplo_events.extract``: atheris (libFuzzer) when installed, else a plain
random-input loop with the same harness.

Usage (from the repository root, in the project's virtual environment)::

    pip install atheris                                   # 3.0.0 is the newest on PyPI for 3.11
    python fuzz/fuzz_extract.py -max_total_time=60        # atheris, 60 s, coverage-guided
    python fuzz/fuzz_extract.py -max_total_time=300 -max_len=8192 -timeout=20 fuzz_corpus/
    python fuzz/fuzz_extract.py --plain -max_total_time=60 -seed=1   # no atheris needed
    python fuzz/fuzz_extract.py path/to/crash-file        # replay one input (atheris)
    python fuzz/fuzz_extract.py --replay path/to/file     # replay one input (no atheris)

Flags are libFuzzer's (``-max_total_time``, ``-runs``, ``-max_len``, ``-seed``, ``-timeout``,
a corpus directory); the plain loop understands the first four. Without atheris installed the
plain loop is used automatically.

What one input is. The first byte chooses how the rest becomes the arguments:

* bits 0-2, the published date: ``None``; a ``date``; its ISO string; a ``datetime``; a
  string read from 10 bytes (usually not a date: then ``PublishedDateError`` is the documented,
  accepted outcome); an ISO date with a time and zone suffix.
* bits 3-5, the text: UTF-8 (invalid bytes replaced); Latin-1 (every byte a character, C0/C1
  controls included); UTF-16-LE with lone surrogates kept; or one of several *vocabulary*
  modes where each byte picks a token (parties, people, triggers, dates, amounts, quotes,
  punctuation, line breaks, other scripts, control characters), so that the fuzzer builds
  sentences that reach the extractors instead of only the tokenizer.

Checks, for every input (a failed check raises, which atheris reports as a crash and saves):

* ``extract`` returns a list of ``Meeting``/``Suspension``/``SupportPledge``, and raises
  nothing except ``PublishedDateError`` for a published string that is not an ISO date;
* every ``Span`` anywhere in every event has ``0 <= start <= end <= len(text)`` and
  ``text[start:end] == span.text``; the trigger lies inside its evidence;
* events survive a JSON round trip (when the text is encodable as UTF-8);
* every 8th input: a second call gives the same events (determinism).

With ``DIPLO_FUZZ_KEEP_GOING=1`` a finding does not stop the run: findings are grouped by
signature (exception type and innermost frame), counted, their first input saved next to the
slowest one, and listed at exit; use it to find more than the first bug in one run.

The harness also times every call and keeps the slowest input; the slowest input, the number
of executions and executions per second are printed at exit (and the slowest input is saved
to ``$DIPLO_FUZZ_SLOWEST`` or ``<tmp>/diplo_events_fuzz_slowest.bin``), and each new record is
printed as it is found.
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import random
import sys
import tempfile
import time
from typing import Any

# -- the harness ----------------------------------------------------------------------------
VOCAB: list[str] = [
    # parties, people, places, groupings
    "Russia", "China", "NATO", "the European Union", "the EU", "Ukraine", "Japan", "Nepal", "Iran", "Israel",
    "the U.S.", "U.S.", "Washington", "Moscow", "Beijing", "Kyiv", "Brussels", "Vilnius", "Kenya", "Tanzania",
    "Britain", "the UK", "Germany", "France", "Poland", "Belarus", "North Korea", "N.Korea", "the United Nations", "ASEAN",
    "Lavrov", "Sergei Lavrov", "Putin", "Zelensky", "Stoltenberg", "Wang Yi", "Blinken", "Scholz", "Macron", "Biden",
    "Russian", "Chinese", "British", "American", "Ukrainian", "Foreign Minister", "President", "Prime Minister",
    "Secretary General", "officials", "the Kremlin", "the alliance", "the bloc", "the two countries", "both sides",
    "he", "she", "his", "we", "our", "its", "their", "counterpart", "the capital", "Mr", "Dr.",
    # triggers and their objects
    "met", "meet", "will meet", "meeting", "talks", "held talks with", "visited", "visit to", "summit", "called",
    "phone call", "negotiations", "suspended", "suspend", "froze", "halted", "cut off", "broke off", "pulled out of",
    "withdrew from", "suspension of", "pledged", "pledge", "sent", "will send", "provided", "aid", "assistance",
    "military aid", "humanitarian aid", "tanks", "missiles", "a loan", "training", "support", "cooperation",
    "ties", "relations", "diplomatic ties", "the treaty", "membership", "the mission", "funding",
    # modality, negation, tense, clause words
    "not", "did not", "never", "refused to", "urged", "may", "could", "if", "plans to", "is expected to",
    "agreed to", "said", "told", "according to", "while", "but", "after", "which", "that", "and", "or", "with",
    "to", "in", "at", "on", "from", "of", "the", "a", "for", "by", "about", "between", "against",
    # dates and amounts
    "on Tuesday", "Tuesday", "last week", "next week", "next month", "yesterday", "today", "Today", "May",
    "in May", "March", "on 30 November", "June 26", "2024", "2014", "early April", "late summer", "the weekend",
    "the day before", "2024-03-12", "12/03/2024", "05.07.2024", "30", "1,000", "$50 million", "€5bn",
    "50 million euros", "US$3 billion", "pounds", "%",
    # punctuation, quotes, brackets
    ".", ",", ";", ":", "!", "?", "...", "-", "\u2014", "'s", "\u2019s", "'", '"', "\u201c", "\u201d", "\u00ab",
    "\u00bb", "(", ")", "[", "]", "&", "/", "$",
    # whitespace and breaks
    " ", " ", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\u0085",
    # other scripts and odd characters
    "Россия", "переговоры", "中国", "会谈", "روسيا", "मंत्री", "Ελλάδα", "İ", "ß", "ﬁ", "e\u0301", "\u0301",
    "\u202e", "\u202c", "\u200b", "\u200d", "\ufeff", "\u00ad", "\ue000", "\U0010fffd", "\uffff", "🇷🇺", "👩‍👩‍👧",
    "\x00", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "Ⅻ", "²", "٣",
]
VOCAB += ["x" * 50, "A" * 20, "9" * 30, "(" * 20, "." * 20, "May May May", "Mr Mr Mr"]
while len(VOCAB) < 256:
    VOCAB.append(" ")
VOCAB = VOCAB[:256]

_BASE_DAY = dt.date(1900, 1, 1)


def decode(data: bytes) -> tuple[str, Any, str]:
    """(text, published, description of the modes) from the fuzzer's bytes."""
    if not data:
        return "", None, "empty"
    head, rest = data[0], data[1:]
    date_mode, text_mode = head & 7, (head >> 3) & 7
    day = _BASE_DAY + dt.timedelta(days=int.from_bytes(rest[:2].ljust(2, b"\0"), "little") % 73_000)
    published: Any
    if date_mode in (0, 6):
        published = None
    elif date_mode == 1:
        published = day
        rest = rest[2:]
    elif date_mode == 2:
        published = day.isoformat()
        rest = rest[2:]
    elif date_mode == 3:
        published = dt.datetime(day.year, day.month, day.day, rest[2] % 24 if len(rest) > 2 else 0)
        rest = rest[3:]
    elif date_mode == 4:
        published = rest[:10].decode("latin-1")
        rest = rest[10:]
    else:
        published = f"{day.isoformat()}T12:00:00+02:00"
        rest = rest[2:]
    if text_mode == 0:
        text = rest.decode("utf-8", errors="replace")
    elif text_mode == 1:
        text = rest.decode("latin-1")
    elif text_mode == 2:
        text = rest[: len(rest) // 2 * 2].decode("utf-16-le", errors="surrogatepass")
    elif text_mode == 3:  # vocabulary, no separators added
        text = "".join(VOCAB[b] for b in rest)
    else:  # vocabulary, tokens separated by a blank: the most sentence-like
        text = " ".join(VOCAB[b] for b in rest)
    return text, published, f"date_mode={date_mode} text_mode={text_mode}"


KEEP_GOING = os.environ.get("DIPLO_FUZZ_KEEP_GOING") == "1"
OUT_DIR = os.environ.get("DIPLO_FUZZ_OUT") or tempfile.gettempdir()


def signature(exc: BaseException) -> str:
    """Exception type and innermost frame of the root cause: one line per distinct bug."""
    root = exc
    while root.__cause__ is not None:
        root = root.__cause__
    tb = root.__traceback__
    where = "?"
    while tb is not None:
        where = f"{os.path.basename(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno} in {tb.tb_frame.f_code.co_name}"
        tb = tb.tb_next
    return f"{type(root).__name__} at {where}"


class Stats:
    """Executions, findings and the slowest input so far."""

    def __init__(self) -> None:
        self.findings: dict[str, list[Any]] = {}  # signature -> [count, first input, message]
        self.started = time.perf_counter()
        self.executions = 0
        self.with_events = 0
        self.published_errors = 0
        self.slowest_s = 0.0
        self.slowest_data = b""
        self.slowest_desc = ""
        self.print_records = True

    def report(self) -> str:
        elapsed = time.perf_counter() - self.started
        text, published, desc = decode(self.slowest_data)
        return (
            f"[diplo_events fuzz] executions: {self.executions:,} in {elapsed:.0f} s "
            f"({self.executions / max(elapsed, 1e-9):,.0f}/s); inputs with events: {self.with_events:,}; "
            f"PublishedDateError (accepted): {self.published_errors:,}\n"
            f"[diplo_events fuzz] slowest input: {self.slowest_s * 1e3:.1f} ms, {len(self.slowest_data)} bytes, "
            f"{len(text)} chars, {desc}, published={published!r}\n"
            f"[diplo_events fuzz] slowest text: {text[:300]!r}{' ...' if len(text) > 300 else ''}"
            + "".join(
                f"\n[diplo_events fuzz] FINDING x{count}: {sig}: {message}\n    first input: {decode(data)[0][:200]!r} "
                f"published={decode(data)[1]!r}"
                for sig, (count, data, message) in self.findings.items()
            )
        )


STATS = Stats()


def _check_spans(text: str, node: Any) -> None:
    from pydantic import BaseModel  # noqa: PLC0415

    from diplo_events.models import Span  # noqa: PLC0415

    if isinstance(node, Span):
        assert 0 <= node.start <= node.end <= len(text), f"span out of bounds: {node!r} (len {len(text)})"
        assert text[node.start : node.end] == node.text, f"span text differs from the slice: {node!r}"
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _check_spans(text, getattr(node, name))
    elif isinstance(node, tuple | list):
        for item in node:
            _check_spans(text, item)


def check_events(text: str, events: Any) -> None:
    """The invariants every result must satisfy (raises AssertionError)."""
    from diplo_events.models import Meeting, SupportPledge, Suspension, event_adapter  # noqa: PLC0415

    assert isinstance(events, list), f"extract returned {type(events).__name__}, not a list"
    try:
        text.encode("utf-8")
        encodable = True
    except UnicodeEncodeError:
        encodable = False  # lone surrogates: a valid str, but not JSON-encodable
    for event in events:
        assert isinstance(event, Meeting | Suspension | SupportPledge), f"not an event: {event!r}"
        _check_spans(text, event)
        for mention in event.mentions:
            assert mention.evidence.start <= mention.trigger.start and mention.trigger.end <= mention.evidence.end, (
                f"trigger outside its evidence: {mention!r}"
            )
        if encodable:
            assert event_adapter.validate_json(event.model_dump_json()) == event, "JSON round trip changed the event"


def harness(data: bytes) -> None:
    """One fuzz input: decode, extract, check; raise on any finding (or, with
    ``DIPLO_FUZZ_KEEP_GOING=1``, record it and go on)."""
    if not KEEP_GOING:
        _harness(data)
        return
    try:
        _harness(data)
    except Exception as exc:
        sig = signature(exc)
        if sig not in STATS.findings:
            STATS.findings[sig] = [0, bytes(data), f"{type(exc).__name__}: {str(exc)[:200]}"]
            name = f"diplo_events_fuzz_finding_{len(STATS.findings)}.bin"
            with open(os.path.join(OUT_DIR, name), "wb") as fh:
                fh.write(data)
            print(f"[diplo_events fuzz] new finding: {sig} (input saved as {name})", file=sys.stderr, flush=True)
        STATS.findings[sig][0] += 1


def _harness(data: bytes) -> None:
    import diplo_events  # noqa: PLC0415
    from diplo_events import PublishedDateError  # noqa: PLC0415

    text, published, desc = decode(data)
    STATS.executions += 1
    t0 = time.perf_counter()
    try:
        events = diplo_events.extract(text, published=published)
    except PublishedDateError:
        if not isinstance(published, str):
            raise
        STATS.published_errors += 1
        return
    finally:
        elapsed = time.perf_counter() - t0
        if elapsed > STATS.slowest_s:
            STATS.slowest_s, STATS.slowest_data, STATS.slowest_desc = elapsed, bytes(data), desc
            if STATS.print_records and elapsed > 0.05:
                print(f"[diplo_events fuzz] new slowest: {elapsed * 1e3:.1f} ms, {len(text)} chars, {desc}", file=sys.stderr)
    check_events(text, events)
    if events:
        STATS.with_events += 1
    if STATS.executions % 8 == 0:
        again = diplo_events.extract(text, published=published)
        assert again == events, "a second call gave different events"


# -- running --------------------------------------------------------------------------------
def _at_exit() -> None:
    if STATS.executions == 0 or getattr(_at_exit, "done", False):
        return
    _at_exit.done = True  # type: ignore[attr-defined]
    print(STATS.report(), file=sys.stderr, flush=True)
    path = os.environ.get("DIPLO_FUZZ_SLOWEST") or os.path.join(OUT_DIR, "diplo_events_fuzz_slowest.bin")
    try:
        with open(path, "wb") as fh:
            fh.write(STATS.slowest_data)
        print(f"[diplo_events fuzz] slowest input saved to {path}", file=sys.stderr, flush=True)
    except OSError:
        pass


def _flag(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"-{name}="):
            return int(arg.split("=", 1)[1])
    return default


def random_input(rng: random.Random, max_len: int) -> bytes:
    """A random input for the plain loop: random bytes, biased to vocabulary text modes."""
    n = min(max_len, int(rng.expovariate(1 / 300)) + 1)
    head = rng.randrange(256)
    if rng.random() < 0.5:
        head = (head & 7) | (rng.choice([3, 4, 5, 6, 7]) << 3)
    return bytes([head]) + rng.randbytes(n)


def plain_loop(argv: list[str]) -> None:
    """The fuzz loop without atheris: random inputs until -max_total_time or -runs."""
    seed = _flag(argv, "seed", int(time.time()))
    max_total = _flag(argv, "max_total_time", 60)
    runs = _flag(argv, "runs", -1)
    max_len = _flag(argv, "max_len", 4096)
    rng = random.Random(seed)
    print(f"[diplo_events fuzz] plain loop, seed={seed}, max_total_time={max_total}, max_len={max_len}", file=sys.stderr)
    deadline = time.perf_counter() + max_total
    i = 0
    while (runs < 0 or i < runs) and time.perf_counter() < deadline:
        data = random_input(rng, max_len)
        try:
            harness(data)
        except Exception:
            path = os.path.join(OUT_DIR, f"diplo_events_fuzz_crash_{seed}_{i}.bin")
            with open(path, "wb") as fh:
                fh.write(data)
            print(f"[diplo_events fuzz] FINDING on input {i}, saved to {path}", file=sys.stderr)
            raise
        i += 1


def main(argv: list[str]) -> None:
    atexit.register(_at_exit)
    if "--replay" in argv:
        path = argv[argv.index("--replay") + 1]
        with open(path, "rb") as fh:
            harness(fh.read())
        return
    plain = "--plain" in argv
    argv = [a for a in argv if a != "--plain"]
    if not plain:
        try:
            import atheris  # noqa: PLC0415
        except ImportError:
            print("[diplo_events fuzz] atheris is not installed: running the plain random loop", file=sys.stderr)
            plain = True
    if plain:
        import diplo_events  # noqa: PLC0415

        diplo_events.extract("Russia met China.", "2024-01-01")  # data loading outside the timings
        plain_loop(argv)
        return
    with atheris.instrument_imports(include=["diplo_events"]):
        import diplo_events  # noqa: PLC0415
        import diplo_events.extractors  # noqa: PLC0415, F401

    diplo_events.extract("Russia met China.", "2024-01-01")  # data loading outside the timings
    STATS.started = time.perf_counter()
    # libFuzzer leaves with C exit(), so Python's atexit handlers never run: report just
    # before -max_total_time (or at -runs), and every 60 s in between
    max_total = _flag(argv, "max_total_time", 0)
    runs = _flag(argv, "runs", -1)
    final_at = STATS.started + max_total - 1.0 if max_total > 0 else float("inf")
    state = {"next": STATS.started + 60.0, "final": False}

    def one_input(data: bytes) -> None:
        try:
            harness(data)
        except Exception:
            print(STATS.report(), file=sys.stderr, flush=True)
            raise
        now = time.perf_counter()
        if not state["final"] and (now >= final_at or STATS.executions == runs):
            state["final"] = True
            _at_exit()
        elif now >= state["next"]:
            state["next"] = now + 60.0
            print(STATS.report(), file=sys.stderr, flush=True)

    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
