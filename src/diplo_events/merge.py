"""One event per happening: the headline, lead and body mentions of one happening merge."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .gazetteer import ORGANIZATION_CODES
from .lexicon import LEXICON, Lexicon
from .models import Actor, Amount, Event, EventDate, EventStatus, Location, Meeting, Mention, SupportPledge, Suspension
from .names import MERGE_CLASS_PREFIX

__all__ = ["EventMerger", "RunningMerge"]

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


@dataclass(slots=True)
class _Group:
    """The mentions of one happening gathered so far: what later ones must agree with, and
    what the merged event takes from each, folded in as they come (the events themselves are
    not kept, only the first)."""

    first: Event
    primary: frozenset[str]
    secondary: frozenset[str]
    head: str | None
    size: int = 0
    mentions: list[Mention] = field(default_factory=list)  # in order, repeats included
    date: EventDate | None = None  # and status: those of the first dated event
    status: EventStatus = "occurred"
    location: Location | None = None
    confidence: float = 0.0
    others: dict[str, Actor] = field(default_factory=dict)  # participants, counterparts or recipients, by code
    suspended: str | None = None
    temporary: bool = False
    support_types: dict[str, None] = field(default_factory=dict)
    items: dict[str, None] = field(default_factory=dict)
    amount: Amount | None = None

    @classmethod
    def of(cls, event: Event, primary: frozenset[str]) -> _Group:
        return cls(event, primary, frozenset(), None, status=event.status, confidence=event.confidence)

    def accepts(self, event: Event, primary: frozenset[str], lexicon: Lexicon) -> bool:
        if primary != self.primary:
            small, big = sorted((primary, self.primary), key=len)
            if not (isinstance(event, Meeting) and len(small) == 1 and small <= big and small <= ORGANIZATION_CODES):
                return False
        secondary = _codes(event.secondary)
        if secondary and self.secondary and secondary != self.secondary:
            return False
        if event.date and self.date and (event.date.value, event.date.precision) != (self.date.value, self.date.precision):
            return False
        head = _head(event.suspended, lexicon) if isinstance(event, Suspension) else None
        return not (head and self.head and head != self.head)

    def add(self, event: Event, lexicon: Lexicon) -> None:
        self.size += 1
        self.mentions.extend(event.mentions)
        self.secondary = self.secondary or _codes(event.secondary)
        if self.date is None and event.date is not None:
            self.date, self.status = event.date, event.status
        if self.location is None:
            self.location = event.location
        self.confidence = max(self.confidence, event.confidence)
        if isinstance(event, Meeting):
            self._union(event.participants)
        elif isinstance(event, Suspension):
            if self.head is None:
                self.head = _head(event.suspended, lexicon)
            self._union(event.counterparts)
            self.suspended = self.suspended or event.suspended or None
            self.temporary = self.temporary or event.temporary
        elif isinstance(event, SupportPledge):
            self._union(event.recipients)
            self.support_types.update(dict.fromkeys(event.support_types))
            self.items.update(dict.fromkeys(event.items))
            if self.amount is None:
                self.amount = event.amount

    def _union(self, actors: tuple[Actor, ...]) -> None:
        for actor in actors:
            self.others.setdefault(actor.code, actor)

    def event(self) -> Event:
        """The merged event: the first one, with the mentions, sides and details of all."""
        first = self.first
        if self.size == 1:
            return first
        update: dict[str, Any] = dict(  # noqa: C408  (field names as keywords)
            mentions=tuple(sorted(set(self.mentions), key=lambda m: (m.trigger.start, m.evidence.start))),
            date=self.date,
            location=self.location,
            status=self.status,
            confidence=self.confidence,
        )
        others = tuple(self.others.values())
        if isinstance(first, Meeting):
            update.update(participants=others)
        elif isinstance(first, Suspension):
            update.update(counterparts=others, suspended=self.suspended, temporary=self.temporary)
        elif isinstance(first, SupportPledge):
            update.update(
                recipients=others,
                support_types=tuple(self.support_types),
                items=tuple(self.items),
                amount=self.amount,
            )
        return first.model_copy(update=update)


class EventMerger:
    """Merges events of one type whose parties, date, negation and object agree.

    Two mentions are one happening when they have the same type and negation, the same
    primary side (for meetings, one side may be a lone organisation contained in the other),
    other sides that are equal or of which one is unknown, dates that do not disagree and,
    for suspensions, the same thing suspended ("joint mission" vs "staff meetings" stay apart).

    Events are taken in order of their first mention, each joining the first group that
    accepts it (:class:`RunningMerge`); candidate groups are found through an index on (type,
    negation, primary side), so the cost stays linear in the number of mentions.
    """

    name = "diplo_events.merger.v1"

    def __call__(self, doc: Document) -> None:
        doc.events = self.merge(doc.events, doc.lexicon)

    def merge(self, events: Sequence[Event], lexicon: Lexicon = LEXICON) -> list[Event]:
        """The merged events, in order of their first mention."""
        if len(events) <= 1:
            return list(events)  # most texts: nothing to merge (what the fold would give)
        running = self.fold(lexicon)
        running.add(events)
        return running.events()

    def fold(self, lexicon: Lexicon = LEXICON) -> RunningMerge:
        """A merge fed in batches, one after the other in the text (the windows of a long
        text): it gives what :meth:`merge` gives for all the batches at once."""
        return RunningMerge(lexicon)


def _order(event: Event) -> tuple[int, str]:
    return event.mentions[0].trigger.start, event.type


class RunningMerge:
    """The state of a merge fed batch by batch: the groups so far, each holding only what the
    merged event needs (:meth:`EventMerger.fold`).

    Merging is a left fold over the events in order of their first mention, so feeding the
    batches of a text in order gives the one-shot result, while memory follows the merged
    events rather than every mention's event.
    """

    def __init__(self, lexicon: Lexicon = LEXICON) -> None:
        self.lexicon = lexicon
        self._groups: list[_Group] = []
        self._by_key: dict[Key, list[int]] = {}
        self._by_org: dict[tuple[bool, str], list[int]] = {}  # meeting groups by organisation taking part
        self._last: tuple[int, str] | None = None  # the order of the last event folded in

    def add(self, events: Iterable[Event]) -> bool:
        """Fold in a batch of events; returns False, folding nothing, when one of them comes
        before an event of an earlier batch (then only a merge of every event gives the
        one-shot result)."""
        ordered = sorted(events, key=_order)
        if not ordered:
            return True
        if self._last is not None and _order(ordered[0]) < self._last:
            return False
        for event in ordered:
            primary = _codes(event.primary)
            k = self._find(event, primary)
            if k is None:
                k = len(self._groups)
                self._groups.append(_Group.of(event, primary))
                self._by_key.setdefault((event.type, event.negated, primary), []).append(k)
                if isinstance(event, Meeting):
                    for code in primary & ORGANIZATION_CODES:
                        self._by_org.setdefault((event.negated, code), []).append(k)
            self._groups[k].add(event, self.lexicon)
        self._last = _order(ordered[-1])
        return True

    def events(self) -> list[Event]:
        """The merged events so far, in order of their first mention."""
        return [g.event() for g in self._groups]

    def _find(self, event: Event, primary: frozenset[str]) -> int | None:
        by_key = self._by_key
        candidates = set(by_key.get((event.type, event.negated, primary), ()))
        if isinstance(event, Meeting):
            # a lone organisation ("the summit" of NATO) joins a meeting that includes it, and back
            for code in primary & ORGANIZATION_CODES:
                candidates.update(by_key.get((event.type, event.negated, frozenset({code})), ()))
                if len(primary) == 1:
                    candidates.update(self._by_org.get((event.negated, code), ()))
        for k in sorted(candidates):
            if self._groups[k].accepts(event, primary, self.lexicon):
                return k
        return None
