"""One event per happening: the headline, lead and body mentions of one happening merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .document import Document
from .gazetteer import ORGANIZATION_CODES
from .models import Actor, Event, Meeting, SupportPledge, Suspension

__all__ = ["EventMerger"]

_PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
_SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}

# heads that name the same kind of thing: "halted aid ... and cut grants" is one happening
_HEAD_CLASSES = {
    "aid": {"aid", "assistance", "funding", "fund", "grant", "loan", "support", "financing", "credit", "program", "programme", "shipment", "deliverie", "supplie"},
    "relations": {"relation", "tie", "contact", "relationship"},
    "talks": {"talk", "negotiation", "dialogue", "consultation"},
}
_CLASS_OF = {word: name for name, words in _HEAD_CLASSES.items() for word in words}

Key = tuple[str, bool, frozenset[str]]


def _codes(event: Any, role: str | None) -> frozenset[str]:
    return frozenset(a.code for a in getattr(event, role)) if role else frozenset()


def _head(text: str | None) -> str | None:
    if not text:
        return None
    word = text.lower().split()[-1].rstrip("s")
    return _CLASS_OF.get(word, word)


@dataclass
class _Group:
    """The mentions of one happening gathered so far, and what later ones must agree with."""

    events: list[Event]
    primary: frozenset[str]
    secondary: frozenset[str]
    date: tuple[Any, str] | None
    head: str | None

    def accepts(self, event: Event, primary: frozenset[str]) -> bool:
        if primary != self.primary:
            small, big = sorted((primary, self.primary), key=len)
            if not (isinstance(event, Meeting) and len(small) == 1 and small <= big and small <= ORGANIZATION_CODES):
                return False
        secondary = _codes(event, _SECONDARY[event.type])
        if secondary and self.secondary and secondary != self.secondary:
            return False
        if event.date and self.date and (event.date.value, event.date.precision) != self.date:
            return False
        head = _head(event.suspended) if isinstance(event, Suspension) else None
        return not (head and self.head and head != self.head)

    def add(self, event: Event) -> None:
        self.events.append(event)
        self.secondary = self.secondary or _codes(event, _SECONDARY[event.type])
        if self.date is None and event.date is not None:
            self.date = (event.date.value, event.date.precision)
        if self.head is None and isinstance(event, Suspension):
            self.head = _head(event.suspended)


class EventMerger:
    """Merges events of one type whose parties, date, negation and object agree.

    Two mentions are one happening when they have the same type and negation, the same
    primary side (for meetings, one side may be a lone organisation contained in the other),
    other sides that are equal or of which one is unknown, dates that do not disagree and,
    for suspensions, the same thing suspended ("joint mission" vs "staff meetings" stay apart).

    Candidate groups are found through an index on (type, negation, primary side), so the
    cost stays linear in the number of mentions.
    """

    name = "diplo_events.merger.v1"

    def __call__(self, doc: Document) -> None:
        doc.events = self.merge(doc.events)

    def merge(self, events: Sequence[Event]) -> list[Event]:
        """The merged events, in order of their first mention."""
        ordered = sorted(events, key=lambda e: (e.mentions[0].trigger.start, e.type))
        groups: list[_Group] = []
        by_key: dict[Key, list[int]] = {}
        by_org: dict[tuple[bool, str], list[int]] = {}  # meeting groups by organisation taking part
        for event in ordered:
            primary = _codes(event, _PRIMARY[event.type])
            k = self._find(event, primary, groups, by_key, by_org)
            if k is None:
                k = len(groups)
                groups.append(_Group([], primary, frozenset(), None, None))
                by_key.setdefault((event.type, event.negated, primary), []).append(k)
                if isinstance(event, Meeting):
                    for code in primary & ORGANIZATION_CODES:
                        by_org.setdefault((event.negated, code), []).append(k)
            groups[k].add(event)
        return [_combine(g.events) for g in groups]

    @staticmethod
    def _find(
        event: Event,
        primary: frozenset[str],
        groups: list[_Group],
        by_key: dict[Key, list[int]],
        by_org: dict[tuple[bool, str], list[int]],
    ) -> int | None:
        candidates = set(by_key.get((event.type, event.negated, primary), ()))
        if isinstance(event, Meeting):
            # a lone organisation ("the summit" of NATO) joins a meeting that includes it, and back
            for code in primary & ORGANIZATION_CODES:
                candidates.update(by_key.get((event.type, event.negated, frozenset({code})), ()))
                if len(primary) == 1:
                    candidates.update(by_org.get((event.negated, code), ()))
        for k in sorted(candidates):
            if groups[k].accepts(event, primary):
                return k
        return None


def _union(parts: list[tuple[Actor, ...]]) -> tuple[Actor, ...]:
    seen: set[str] = set()
    out: list[Actor] = []
    for actors in parts:
        for actor in actors:
            if actor.code not in seen:
                seen.add(actor.code)
                out.append(actor)
    return tuple(out)


def _combine(events: list[Event]) -> Event:
    first = events[0]
    if len(events) == 1:
        return first
    dated = next((e for e in events if e.date is not None), None)
    update: dict[str, Any] = {
        "mentions": tuple(sorted({m for e in events for m in e.mentions}, key=lambda m: (m.trigger.start, m.evidence.start))),
        "date": dated.date if dated else None,
        "location": next((e.location for e in events if e.location is not None), None),
        "status": dated.status if dated else first.status,
        "confidence": max(e.confidence for e in events),
    }
    if isinstance(first, Meeting):
        update["participants"] = _union([e.participants for e in events])  # type: ignore[union-attr]
    elif isinstance(first, Suspension):
        update["counterparts"] = _union([e.counterparts for e in events])  # type: ignore[union-attr]
        update["suspended"] = next((e.suspended for e in events if e.suspended), None)  # type: ignore[union-attr]
        update["temporary"] = any(e.temporary for e in events)  # type: ignore[union-attr]
    elif isinstance(first, SupportPledge):
        update["recipients"] = _union([e.recipients for e in events])  # type: ignore[union-attr]
        update["support_types"] = tuple(dict.fromkeys(t for e in events for t in e.support_types))  # type: ignore[union-attr]
        update["items"] = tuple(dict.fromkeys(i for e in events for i in e.items))  # type: ignore[union-attr]
        update["amount"] = next((e.amount for e in events if e.amount is not None), None)  # type: ignore[union-attr]
    return first.model_copy(update=update)
