"""One event per happening: the headline, lead and body mentions of one happening merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .document import Document
from .gazetteer import ORGANIZATION_CODES
from .lexicon import LEXICON, Lexicon
from .models import Actor, Event, Meeting, SupportPledge, Suspension
from .names import MERGE_CLASS_PREFIX

__all__ = ["EventMerger"]

Key = tuple[str, bool, frozenset[str]]


def _codes(actors: tuple[Actor, ...]) -> frozenset[str]:
    return frozenset(a.code for a in actors)


def _head(text: str | None, lexicon: Lexicon) -> str | None:
    """The head of what is suspended, as its class ("grants" -> "merge_aid") where the
    lexicon's ``merge_*`` classes name one kind of thing."""
    if not text:
        return None
    word = text.lower().split()[-1].rstrip("s")
    return next((MERGE_CLASS_PREFIX + name for name, members in lexicon.classes_with_prefix(MERGE_CLASS_PREFIX) if word in members), word)


@dataclass
class _Group:
    """The mentions of one happening gathered so far, and what later ones must agree with."""

    events: list[Event]
    primary: frozenset[str]
    secondary: frozenset[str]
    date: tuple[Any, str] | None
    head: str | None

    def accepts(self, event: Event, primary: frozenset[str], lexicon: Lexicon) -> bool:
        if primary != self.primary:
            small, big = sorted((primary, self.primary), key=len)
            if not (isinstance(event, Meeting) and len(small) == 1 and small <= big and small <= ORGANIZATION_CODES):
                return False
        secondary = _codes(event.secondary)
        if secondary and self.secondary and secondary != self.secondary:
            return False
        if event.date and self.date and (event.date.value, event.date.precision) != self.date:
            return False
        head = _head(event.suspended, lexicon) if isinstance(event, Suspension) else None
        return not (head and self.head and head != self.head)

    def add(self, event: Event, lexicon: Lexicon) -> None:
        self.events.append(event)
        self.secondary = self.secondary or _codes(event.secondary)
        if self.date is None and event.date is not None:
            self.date = (event.date.value, event.date.precision)
        if self.head is None and isinstance(event, Suspension):
            self.head = _head(event.suspended, lexicon)


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
        doc.events = self.merge(doc.events, doc.lexicon)

    def merge(self, events: Sequence[Event], lexicon: Lexicon = LEXICON) -> list[Event]:
        """The merged events, in order of their first mention."""
        ordered = sorted(events, key=lambda e: (e.mentions[0].trigger.start, e.type))
        groups: list[_Group] = []
        by_key: dict[Key, list[int]] = {}
        by_org: dict[tuple[bool, str], list[int]] = {}  # meeting groups by organisation taking part
        for event in ordered:
            primary = _codes(event.primary)
            k = self._find(event, primary, groups, by_key, by_org, lexicon)
            if k is None:
                k = len(groups)
                groups.append(_Group([], primary, frozenset(), None, None))
                by_key.setdefault((event.type, event.negated, primary), []).append(k)
                if isinstance(event, Meeting):
                    for code in primary & ORGANIZATION_CODES:
                        by_org.setdefault((event.negated, code), []).append(k)
            groups[k].add(event, lexicon)
        return [_combine(g.events) for g in groups]

    @staticmethod
    def _find(
        event: Event,
        primary: frozenset[str],
        groups: list[_Group],
        by_key: dict[Key, list[int]],
        by_org: dict[tuple[bool, str], list[int]],
        lexicon: Lexicon,
    ) -> int | None:
        candidates = set(by_key.get((event.type, event.negated, primary), ()))
        if isinstance(event, Meeting):
            # a lone organisation ("the summit" of NATO) joins a meeting that includes it, and back
            for code in primary & ORGANIZATION_CODES:
                candidates.update(by_key.get((event.type, event.negated, frozenset({code})), ()))
                if len(primary) == 1:
                    candidates.update(by_org.get((event.negated, code), ()))
        for k in sorted(candidates):
            if groups[k].accepts(event, primary, lexicon):
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
    update: dict[str, Any] = dict(  # noqa: C408  (field names as keywords)
        mentions=tuple(sorted({m for e in events for m in e.mentions}, key=lambda m: (m.trigger.start, m.evidence.start))),
        date=dated.date if dated else None,
        location=next((e.location for e in events if e.location is not None), None),
        status=dated.status if dated else first.status,
        confidence=max(e.confidence for e in events),
    )
    if isinstance(first, Meeting):
        update.update(participants=_union([e.participants for e in events]))  # type: ignore[union-attr]
    elif isinstance(first, Suspension):
        update.update(
            counterparts=_union([e.counterparts for e in events]),  # type: ignore[union-attr]
            suspended=next((e.suspended for e in events if e.suspended), None),  # type: ignore[union-attr]
            temporary=any(e.temporary for e in events),  # type: ignore[union-attr]
        )
    elif isinstance(first, SupportPledge):
        update.update(
            recipients=_union([e.recipients for e in events]),  # type: ignore[union-attr]
            support_types=tuple(dict.fromkeys(t for e in events for t in e.support_types)),  # type: ignore[union-attr]
            items=tuple(dict.fromkeys(i for e in events for i in e.items)),  # type: ignore[union-attr]
            amount=next((e.amount for e in events if e.amount is not None), None),  # type: ignore[union-attr]
        )
    return first.model_copy(update=update)
