"""Score the library on annotated text: ``evaluate(gold)`` and ``diplo-events evaluate``.

Gold is JSON Lines in either format of the annotation guidelines (``corpus/GUIDELINES.md``):

* **items**: ``{"id": "source:key", "text": ..., "published": ..., "events": [...]}``, each
  event with ``type``, a flat list of ``actors`` (the primary side first, then the other
  side) and ``negated``;
* **documents**: ``{"doc": "path.txt", "published": ..., "events": [...]}``, each event with
  its roles (``participants``; ``actors`` and ``counterparts``; ``donors`` and
  ``recipients``), ``evidence`` strings of the document, optionally ``date``, ``location``
  and ``optional: true``.

A prediction matches a gold event when the types agree, one of its mention spans overlaps an
occurrence of a gold evidence string (when the gold has evidence) and its primary side shares
a code with the gold's (when the gold names one). Candidate pairs are taken best first: the
more of both sides agree, the better; ties go to the earlier prediction, then the earlier gold
event. An unmatched prediction that could have matched an event already taken is a duplicate;
any other is a false positive. Matched optional gold events count neither way.

NOTE: keep in sync with ``shared/eval/score.py``: the figures must equal its figures
(``tests/test_evaluate_vs_scorer.py`` compares them).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataFileError, PublishedDateError

if TYPE_CHECKING:
    from .document import Document
    from .pipeline import Pipeline

__all__ = [
    "ATTRIBUTES",
    "Counts",
    "ErrorRecord",
    "Evaluation",
    "GoldItem",
    "evaluate",
    "load_gold",
]

logger = logging.getLogger("diplo_events")

EVENT_TYPES = ("meeting", "suspension", "support_pledge")  # NOTE: keep in sync with models.Event
PRIMARY_ROLE = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
SECONDARY_ROLE: dict[str, str | None] = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}
ATTRIBUTES = ("primary", "secondary", "date", "location", "negated")

GoldSource = str | os.PathLike[str] | Mapping[str, Any]


# -- gold -------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoldItem:
    """One annotated text.

    Attributes:
        key: the item's ``id``, or the document's ``doc`` path as written in the gold.
        text: the text to extract from.
        published: its publication date, as given (or None).
        events: the gold events, each with its roles spelled out (``participants``,
            ``actors``/``counterparts``, ``donors``/``recipients``).
        origin: where the line is, ``file:line`` (or ``record N``).
        is_document: a document with evidence strings, rather than a single item.
    """

    key: str
    text: str
    published: Any
    events: tuple[dict[str, Any], ...]
    origin: str
    is_document: bool

    @property
    def source(self) -> str | None:
        """The source of a single item, its id's prefix before ``:``; None for a document."""
        return None if self.is_document else self.key.split(":")[0]


def _with_roles(event: Mapping[str, Any]) -> dict[str, Any]:
    """An item's gold event, its flat ``actors`` list split into the roles of its type."""
    actors = list(event.get("actors") or [])
    kind = event["type"]
    if kind == "meeting":
        return {**event, "participants": actors}
    return {**event, PRIMARY_ROLE[kind]: actors[:1], str(SECONDARY_ROLE[kind]): actors[1:]}


def _gold_item(record: Any, origin: str, root: Path) -> GoldItem:
    if not isinstance(record, Mapping):
        msg = f"{origin}: a gold line must be a JSON object, not {type(record).__name__}"
        raise DataFileError(msg)
    events = record.get("events")
    if not isinstance(events, list) or not all(isinstance(e, Mapping) for e in events):
        msg = f"{origin}: 'events' must be a list of objects"
        raise DataFileError(msg)
    for event in events:
        if event.get("type") not in EVENT_TYPES:
            msg = f"{origin}: unknown event type {event.get('type')!r} (one of {', '.join(EVENT_TYPES)})"
            raise DataFileError(msg)
    if record.get("doc"):
        key = str(record["doc"])
        text = record.get("text")
        if text is None:
            try:
                text = (root / key).read_text(encoding="utf-8")
            except OSError as exc:
                msg = f"{origin}: cannot read the document {root / key}: {exc.strerror or exc}"
                raise DataFileError(msg) from exc
        return GoldItem(key, text, record.get("published"), tuple(dict(e) for e in events), origin, is_document=True)
    if not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
        msg = f"{origin}: a gold line needs either 'doc' (a document) or 'id' and 'text' (an item)"
        raise DataFileError(msg)
    return GoldItem(
        record["id"], record["text"], record.get("published"), tuple(_with_roles(e) for e in events), origin,
        is_document=False,
    )


def _gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            msg = f"{path}: no *.jsonl gold files in this folder"
            raise DataFileError(msg)
        return files
    if not path.is_file():
        msg = f"{path}: no such gold file or folder"
        raise DataFileError(msg)
    return [path]


def _read_gold_file(path: Path, root: Path | None) -> Iterator[GoldItem]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"{path}: cannot read the gold file: {getattr(exc, 'strerror', None) or exc}"
        raise DataFileError(msg) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            msg = f"{origin}: not JSON ({exc.msg})"
            raise DataFileError(msg) from exc
        yield _gold_item(record, origin, root or path.parent)


def load_gold(gold: GoldSource | Iterable[GoldSource], *, root: str | os.PathLike[str] | None = None) -> list[GoldItem]:
    """Read gold annotations.

    Args:
        gold: a ``.jsonl`` file, a folder (its ``*.jsonl`` files, in name order), a record
            already loaded (a mapping), or an iterable of any of these.
        root: where the ``doc`` paths of document gold live; by default the folder of the gold
            file (the working directory for records given as mappings).

    Raises:
        DataFileError: a file is missing or a line is not gold (its ``file:line`` is in the message).
    """
    sources: Iterable[GoldSource] = [gold] if isinstance(gold, str | os.PathLike | Mapping) else gold
    base = Path(root) if root is not None else None
    items: list[GoldItem] = []
    for n, source in enumerate(sources, 1):
        if isinstance(source, Mapping):
            items.append(_gold_item(source, f"record {n}", base or Path()))
            continue
        for path in _gold_files(Path(source)):
            items.extend(_read_gold_file(path, base))
    return items


# -- reading events (gold or predicted, in their JSON form) ------------------------------------
def _codes(event: Mapping[str, Any], role: str | None) -> frozenset[str]:
    """The party codes in one role; gold lists codes, predictions list actors with a code."""
    if role is None:
        return frozenset()
    found = set()
    for party in event.get(role) or ():
        code = party.get("code") if isinstance(party, Mapping) else party
        if code:
            found.add(str(code).upper())
    return frozenset(found)


def _span_pairs(event: Mapping[str, Any]) -> list[tuple[int, int]]:
    """Where a predicted event is stated: its mentions' evidence and trigger spans."""
    holders = [*(event.get("mentions") or ()), event]
    return [
        (span["start"], span["end"])
        for holder in holders
        for key in ("evidence", "trigger")
        if isinstance(span := holder.get(key), Mapping) and span.get("start") is not None
    ]


def _occurrences(strings: Iterable[str], text: str) -> list[tuple[int, int]]:
    """Every occurrence of each string in ``text``, overlapping ones included.

    >>> _occurrences(["aa"], "aaa")
    [(0, 2), (1, 3)]
    """
    found = []
    for string in strings:
        start = text.find(string)
        while start >= 0:
            found.append((start, start + len(string)))
            start = text.find(string, start + 1)
    return found


def _overlap(spans: Sequence[tuple[int, int]], others: Sequence[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in others)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared codes over all codes; two empty sides agree fully."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def _date_text(date: Any) -> str | None:
    """A predicted date in the gold's notation: ``2014-03-05``, ``2024-W28``, ``2014-04``, ``2014``.

    >>> _date_text({"value": "2024-07-10", "precision": "week"}), _date_text({"value": "2014-04-01", "precision": "month"})
    ('2024-W28', '2014-04')
    """
    if not date:
        return None
    if isinstance(date, str):
        return date
    value = date.get("value")
    if not value:
        return None
    day = dt.date.fromisoformat(str(value)[:10])
    precision = date.get("precision", "day")
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def _country(location: Any) -> str | None:
    if not location:
        return None
    if isinstance(location, str):
        return location.upper()
    code = location.get("country") or location.get("code")
    return str(code).upper() if code else None


@dataclass(frozen=True)
class _Side:
    """What matching reads of one event, gold or predicted."""

    type: str | None
    primary: frozenset[str]
    secondary: frozenset[str]
    spans: list[tuple[int, int]] | None  # None: no constraint (gold without evidence)

    @classmethod
    def of_prediction(cls, event: Mapping[str, Any]) -> _Side:
        kind = event.get("type")
        if kind not in PRIMARY_ROLE:
            return cls(kind, frozenset(), frozenset(), [])
        return cls(kind, _codes(event, PRIMARY_ROLE[kind]), _codes(event, SECONDARY_ROLE[kind]), _span_pairs(event))

    @classmethod
    def of_gold(cls, event: Mapping[str, Any], text: str | None) -> _Side:
        kind = event["type"]
        evidence = event.get("evidence")
        spans = _occurrences(evidence, text) if evidence and text is not None else None
        return cls(kind, _codes(event, PRIMARY_ROLE[kind]), _codes(event, SECONDARY_ROLE[kind]), spans)


def _agreement(pred: _Side, gold: _Side) -> float:
    """How well a prediction fits a gold event: 0 when it cannot match, else 1 plus the
    primary side's agreement plus half the other side's."""
    if pred.type != gold.type:
        return 0.0
    if gold.spans is not None and not _overlap(pred.spans or [], gold.spans):
        return 0.0
    if gold.primary and not pred.primary & gold.primary:
        return 0.0
    return 1.0 + _jaccard(pred.primary, gold.primary) + 0.5 * _jaccard(pred.secondary, gold.secondary)


def _pair_up(preds: Sequence[_Side], golds: Sequence[_Side]) -> tuple[dict[int, int], set[int]]:
    """Greedy one-to-one matching, best agreement first.

    Returns:
        the matched pairs (prediction index -> gold index), and the predictions that could
        have matched some gold event.
    """
    candidates = [
        (score, i, j)
        for i, pred in enumerate(preds)
        for j, gold in enumerate(golds)
        if (score := _agreement(pred, gold)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in candidates:
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched, {i for _, i, _ in candidates}


# -- results ----------------------------------------------------------------------------
def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Counts:
    """True positives, false positives, false negatives and duplicates, with P, R and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    dup: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall.

        >>> round(Counts(tp=3, fp=1, fn=2).f1, 3)
        0.667
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.dup += other.dup

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "dup": self.dup,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class ErrorRecord:
    """One false positive, false negative or duplicate, with what was found around it.

    Attributes:
        kind: ``false_positive``, ``false_negative`` or ``duplicate``.
        key: the gold item's id or document path; ``origin`` is its ``file:line``.
        type: the event type.
        event: the gold event (false negative) or the predicted one, in short form.
        sentences: the sentences that state it (``start``, ``end``, ``text``).
        found: every predicted event stated in those sentences, in short form.
        trace: the ``explain`` trace of those sentences, when the library has one (see
            :func:`_trace`), else None.
    """

    kind: str
    key: str
    origin: str
    type: str
    event: dict[str, Any]
    sentences: list[dict[str, Any]]
    found: list[dict[str, Any]]
    trace: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "origin": self.origin, "type": self.type, "event": self.event,
                "sentences": self.sentences, "found": self.found, "trace": self.trace}


@dataclass
class Evaluation:
    """The scores of a run against gold.

    Attributes:
        events: event-level counts per type.
        unknown_type: predictions of a type the gold does not know (false positives overall).
        attributes: per attribute (see :data:`ATTRIBUTES`), whether each matched event got it right.
        items: item-level type detection per type (single items only; negated events ignored).
        sources: item-level counts per source (the id's prefix).
        source_sizes: the number of items of each source.
        errors: every false positive, false negative and duplicate.
        documents: how many gold lines were scored.
    """

    events: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    unknown_type: int = 0
    attributes: dict[str, list[bool]] = field(default_factory=lambda: {a: [] for a in ATTRIBUTES})
    items: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    sources: dict[str, Counts] = field(default_factory=dict)
    source_sizes: dict[str, int] = field(default_factory=dict)
    errors: list[ErrorRecord] = field(default_factory=list)
    documents: int = 0

    @property
    def micro(self) -> Counts:
        """Event-level counts over all types."""
        total = Counts(fp=self.unknown_type)
        for counts in self.events.values():
            total.add(counts)
        return total

    @property
    def items_micro(self) -> Counts:
        """Item-level counts over all types."""
        total = Counts()
        for counts in self.items.values():
            total.add(counts)
        return total

    def accuracy(self, attribute: str) -> float | None:
        """The share of matched events with ``attribute`` right; None when none was checked."""
        checks = self.attributes[attribute]
        return sum(checks) / len(checks) if checks else None

    def as_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready data (what ``diplo-events evaluate --json`` prints)."""
        micro = self.micro
        result: dict[str, Any] = {
            "types": {t: self.events[t].as_dict() for t in EVENT_TYPES},
            "micro": {**micro.as_dict(), "duplicates": micro.dup},
            "attributes": {
                a: [round(sum(checks) / len(checks), 3), len(checks)]
                for a, checks in self.attributes.items() if checks
            },
            "documents": self.documents,
            "errors": len(self.errors),
        }
        if self.sources:
            items = self.items_micro
            result["items"] = {
                "precision": round(items.precision, 3),
                "recall": round(items.recall, 3),
                "f1": round(items.f1, 3),
                "types": {t: [round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)] for t, c in self.items.items()},
                "counts": {t: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for t, c in self.items.items()},
                "sources": {s: round(c.f1, 3) for s, c in sorted(self.sources.items())},
                "source_counts": {
                    s: {"items": self.source_sizes[s], "tp": c.tp, "fp": c.fp, "fn": c.fn,
                        "precision": round(c.precision, 3), "recall": round(c.recall, 3)}
                    for s, c in sorted(self.sources.items())
                },
            }
        return result

    def report(self) -> str:
        """The figures as text tables: events, attributes, items, sources."""
        head = f"{'tp':>5} {'fp':>5} {'fn':>5} {'dup':>5} {'P':>6} {'R':>6} {'F1':>6}"

        def row(name: str, c: Counts, *, dup: bool = True) -> str:
            d = f"{c.dup:5}" if dup else f"{'':5}"
            return f"{name:16} {c.tp:5} {c.fp:5} {c.fn:5} {d} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"

        lines = [f"event level ({_plural(self.documents, 'gold line')})", f"{'type':16} {head}"]
        lines += [row(t, self.events[t]) for t in EVENT_TYPES]
        lines.append(row("all (micro)", self.micro))
        checked = [a for a in ATTRIBUTES if self.attributes[a]]
        if checked:
            lines += ["", "attribute accuracy on matched events:"]
            lines += [f"  {a:14} {self.accuracy(a):6.3f}  (n={len(self.attributes[a])})" for a in checked]
        if self.sources:
            lines += ["", "item level: type detection (negated events ignored)", f"{'type':16} {head}"]
            lines += [row(t, self.items[t], dup=False) for t in EVENT_TYPES]
            lines.append(row("all (micro)", self.items_micro, dup=False))
            lines += ["", "item-F1 per source", f"{'source':16} {'items':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}"]
            for source, c in sorted(self.sources.items()):
                lines.append(f"{source:16} {self.source_sizes[source]:5} {c.tp:5} {c.fp:5} {c.fn:5} "
                             f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")
        lines += ["", f"micro-F1 {self.micro.f1:.3f}"]
        return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# -- error records ------------------------------------------------------------------------
def _short(event: Mapping[str, Any]) -> dict[str, Any]:
    """An event, gold or predicted, in the few fields a person reads first."""
    kind = event.get("type")
    short: dict[str, Any] = {"type": kind}
    if kind in PRIMARY_ROLE:
        short["primary"] = sorted(_codes(event, PRIMARY_ROLE[kind]))
        if SECONDARY_ROLE[kind]:
            short["secondary"] = sorted(_codes(event, SECONDARY_ROLE[kind]))
    short["negated"] = bool(event.get("negated"))
    if event.get("date"):
        short["date"] = _date_text(event["date"])
    if event.get("location"):
        short["location"] = _country(event["location"])
    if event.get("mentions"):
        short["triggers"] = [m["trigger"]["text"] for m in event["mentions"]]
    if event.get("evidence"):
        short["evidence"] = list(event["evidence"])
    if event.get("optional"):
        short["optional"] = True
    return short


def _sentences_at(doc: Document, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of ``doc`` where the spans start, in text order (the whole text when it has none)."""
    if not doc.sentences:
        return [(0, len(doc.text))]
    starts = [s.start for s in doc.sentences]
    found = set()
    for start, _ in spans:
        sentence = doc.sentences[max(bisect.bisect_right(starts, start) - 1, 0)]
        found.add((sentence.start, sentence.end))
    return sorted(found)


def _trace(text: str, published: Any) -> Any:
    """The :func:`diplo_events.explain` trace of an error's sentences, JSON-ready: every
    trigger considered there, the frame read and the event made or the veto that stopped it.
    The one place that fills :attr:`ErrorRecord.trace`."""
    from .explain import explain  # noqa: PLC0415

    try:
        return explain(text, published=published).to_dict()
    except Exception:  # a failing trace must not lose the error record
        logger.warning("explain() failed on %r", text[:80], exc_info=True)
        return None


def _error(kind: str, item: GoldItem, doc: Document, event: Mapping[str, Any], spans: Iterable[tuple[int, int]],
           preds: Sequence[Mapping[str, Any]]) -> ErrorRecord:
    where = _sentences_at(doc, spans) if spans else [(0, len(doc.text))]
    found = [_short(p) for p in preds if _overlap(_span_pairs(p), where)]
    sentences = [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in where]
    return ErrorRecord(kind, item.key, item.origin, str(event.get("type")), _short(event), sentences, found,
                       _trace(" ".join(s["text"] for s in sentences), item.published))


# -- scoring ----------------------------------------------------------------------------
def _score_item(item: GoldItem, doc: Document, result: Evaluation) -> None:
    preds = [event.model_dump(mode="json") for event in doc.events]
    evidence_text = item.text if item.is_document else None
    pred_sides = [_Side.of_prediction(p) for p in preds]
    gold_sides = [_Side.of_gold(g, evidence_text) for g in item.events]
    matched, could_match = _pair_up(pred_sides, gold_sides)
    for i, j in matched.items():
        gold, pred, kind = item.events[j], preds[i], gold_sides[j].type
        if gold.get("optional"):
            continue
        assert kind is not None
        result.events[kind].tp += 1
        checks = result.attributes
        checks["primary"].append(pred_sides[i].primary == gold_sides[j].primary)
        if SECONDARY_ROLE[kind] and gold_sides[j].secondary:
            checks["secondary"].append(pred_sides[i].secondary == gold_sides[j].secondary)
        if gold.get("date"):
            checks["date"].append(_date_text(pred.get("date")) == gold["date"])
        if gold.get("location"):
            checks["location"].append(_country(pred.get("location")) == _country(gold["location"]))
        checks["negated"].append(bool(pred.get("negated")) == bool(gold.get("negated")))
    for i, pred in enumerate(preds):
        if i in matched:
            continue
        kind = pred_sides[i].type
        if kind not in result.events:
            result.unknown_type += 1
            error = "false_positive"
        elif i in could_match:
            result.events[kind].dup += 1
            error = "duplicate"
        else:
            result.events[kind].fp += 1
            error = "false_positive"
        result.errors.append(_error(error, item, doc, pred, pred_sides[i].spans or [], preds))
    taken = set(matched.values())
    for j, gold in enumerate(item.events):
        if j not in taken and not gold.get("optional"):
            result.events[gold["type"]].fn += 1
            result.errors.append(_error("false_negative", item, doc, gold, gold_sides[j].spans or [], preds))
    if not item.is_document:
        _score_types(item, preds, result)


def _score_types(item: GoldItem, preds: Sequence[Mapping[str, Any]], result: Evaluation) -> None:
    """Item-level type detection: which types the item has, negated events left out."""
    gold_types = {g["type"] for g in item.events if not g.get("negated")}
    found_types = {p.get("type") for p in preds if not p.get("negated")}
    source = str(item.source)
    result.source_sizes[source] = result.source_sizes.get(source, 0) + 1
    per_source = result.sources.setdefault(source, Counts())
    for kind in EVENT_TYPES:
        cell = Counts(tp=int(kind in gold_types and kind in found_types),
                      fp=int(kind not in gold_types and kind in found_types),
                      fn=int(kind in gold_types and kind not in found_types))
        result.items[kind].add(cell)
        per_source.add(cell)


def evaluate(
    gold: GoldSource | Iterable[GoldSource],
    pipeline: Pipeline | None = None,
    *,
    root: str | os.PathLike[str] | None = None,
) -> Evaluation:
    """Run the pipeline over annotated texts and score what it finds.

    Args:
        gold: gold ``.jsonl`` files or folders of them, or loaded gold records (see
            :func:`load_gold`); items and documents may be mixed.
        pipeline: the pipeline to score; the default one otherwise.
        root: where the ``doc`` paths of document gold live (default: the gold file's folder).

    Returns:
        An :class:`Evaluation`: event-level and item-level precision, recall and F1 per type
        and overall, duplicates, attribute accuracy, item-F1 per source, and every error.

    Raises:
        DataFileError: a gold file is missing or malformed, or a line's ``published``
            cannot be read (its ``file:line`` is in the message).
    """
    if pipeline is None:
        from .pipeline import Pipeline  # noqa: PLC0415

        pipeline = Pipeline.default()
    result = Evaluation()
    for item in load_gold(gold, root=root):
        try:
            doc = pipeline(item.text, item.published)
        except PublishedDateError as exc:
            msg = f"{item.origin}: {exc}"
            raise DataFileError(msg) from exc
        _score_item(item, doc, result)
        result.documents += 1
    return result
