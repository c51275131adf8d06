"""Why the library found what it found: every trigger considered, the frame read around it,
and the event made or the named exclusion that vetoed it.

>>> report = explain("Russia urged Ukraine to suspend talks.", published="2024-03-12")
>>> [(d.type, d.trigger, d.outcome) for d in report.decisions]
[('suspension', 'suspend', 'veto: appeal'), ('meeting', 'talks', 'veto: suspended_meeting')]
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .vetoes import Veto

if TYPE_CHECKING:
    from .document import Document, Sentence
    from .extractors.base import Frame
    from .models import Event
    from .pipeline import Pipeline

__all__ = ["Decision", "Explanation", "explain"]


@dataclass(frozen=True)
class Decision:
    """What became of one trigger.

    Attributes:
        sentence: the index of its sentence in the document.
        type: the event type the trigger was read for.
        trigger, start, end: the trigger as written and its character offsets.
        lemma, family, cameo: its lexicon entry (None for a rule's own trigger).
        frame: the clause as read: ``subject`` and ``objects`` (codes with the word that
            introduced each), ``negated``, ``status``; empty when the trigger was ruled out
            before its clause was read.
        outcome: ``"event"`` or ``"veto: <name>"``.
        rule: for a veto, the GUIDELINES exclusion or the missing condition it applies.
        event: for an event, its type and parties (before merging).
    """

    sentence: int
    type: str
    trigger: str
    start: int
    end: int
    lemma: str | None
    family: str | None
    cameo: str | None
    frame: dict[str, Any]
    outcome: str
    rule: str | None = None
    event: dict[str, Any] | None = None

    @classmethod
    def of(cls, doc: Document, type: str, sentence: Sentence, first: int, last: int, outcome: Any, frame: Frame | None) -> Decision:
        """The record of one trigger (called by the extractors through ``base.note``)."""
        toks = doc.tokens
        start, end = toks[first].start, toks[last - 1].end
        text = doc.text[start:end]
        entry = doc.lexicon.trigger(toks[first].lower, type)
        read: dict[str, Any] = {}
        if frame is not None:
            read = {
                "subject": [c for m in frame.subject() for c in m.codes],
                "objects": [f"{p.prep}:{c}" for p in frame.objects() for c in p.mention.codes],
                "negated": frame.negated,
                "status": frame.status,
            }
        index = bisect.bisect_left(doc.sentences, sentence.start, key=_sentence_start)
        if isinstance(outcome, Veto):
            return cls(index, type, text, start, end, *_entry(entry), read, f"veto: {outcome.label}", outcome.rule)
        return cls(index, type, text, start, end, *_entry(entry), read, "event", None, _summary(outcome))


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


def _entry(entry: Any) -> tuple[str | None, str | None, str | None]:
    return (entry.lemma, entry.family, entry.cameo) if entry is not None else (None, None, None)


def _summary(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "primary": [a.code for a in event.primary],
        "secondary": [a.code for a in event.secondary],
        "negated": event.negated,
        "status": event.status,
    }


@dataclass
class Explanation:
    """The decisions made on one text, sentence by sentence, and the events that resulted.

    ``str(explanation)`` is a readable report; :meth:`to_dict` is its JSON form.
    """

    text: str
    published: dt.date | None
    sentences: list[tuple[int, int]]
    decisions: list[Decision] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: sentences with their decisions, and the merged events."""
        return {
            "published": self.published.isoformat() if self.published else None,
            "sentences": [
                {
                    "index": k,
                    "start": a,
                    "end": b,
                    "text": self.text[a:b],
                    "decisions": [asdict(d) for d in self.decisions if d.sentence == k],
                }
                for k, (a, b) in enumerate(self.sentences)
            ],
            "events": [e.model_dump(mode="json") for e in self.events],
        }

    def __str__(self) -> str:
        lines: list[str] = []
        for k, (a, b) in enumerate(self.sentences):
            decisions = [d for d in self.decisions if d.sentence == k]
            if not decisions:
                continue
            lines.append(f"[{k}] {self.text[a:b]}")
            for d in decisions:
                entry = f" ({d.family}, CAMEO {d.cameo})" if d.family else ""
                lines.append(f"  {d.type:<14} {d.trigger!r}{entry}")
                if d.frame:
                    subject = " ".join(d.frame["subject"]) or "-"
                    objects = " ".join(d.frame["objects"]) or "-"
                    lines.append(f"    frame: subject {subject}; objects {objects}; negated {d.frame['negated']}; {d.frame['status']}")
                if d.event is not None:
                    other = " -> " + " ".join(d.event["secondary"]) if d.event["secondary"] else ""
                    lines.append(f"    event: {' '.join(d.event['primary'])}{other}")
                else:
                    lines.append(f"    {d.outcome}: {d.rule}")
        lines.append(f"events: {len(self.events)}")
        for e in self.events:
            other = " -> " + " ".join(a.code for a in e.secondary) if e.secondary else ""
            lines.append(f"  {e.type} {' '.join(a.code for a in e.primary)}{other}{' (negated)' if e.negated else ''} [{e.status}]")
        return "\n".join(lines)


def explain(text: str, published: str | dt.date | None = None, *, pipeline: Pipeline | None = None) -> Explanation:
    """Run the pipeline (the default one unless given) and record every decision.

    Raises:
        InputTypeError, PublishedDateError: as :func:`diplo_events.extract`.
    """
    if pipeline is None:
        from . import _pipeline  # noqa: PLC0415

        pipeline = _pipeline()
    doc = pipeline(text, published, trace=True)
    return Explanation(
        text=text,
        published=doc.published,
        sentences=[(s.start, s.end) for s in doc.sentences],
        decisions=sorted(doc.trace or [], key=lambda d: (d.start, d.type)),
        events=list(doc.events),
    )
