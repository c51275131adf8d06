"""One event per happening: the headline, lead and body mentions of one happening merge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .document import Document
from .gazetteer import ORGANIZATION_CODES
from .models import Actor, Event, Meeting, Suspension, SupportPledge

__all__ = ["EventMerger"]

_PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
_SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}


def _codes(event: Any, role: str | None) -> frozenset[str]:
    return frozenset(a.code for a in getattr(event, role)) if role else frozenset()


class EventMerger:
    """Merges events of one type whose parties, date, negation and object agree.

    Two mentions are one happening when they have the same type and negation, the same
    primary side (for meetings, one side may be a lone organisation contained in the other),
    other sides that are equal or of which one is unknown, dates that do not disagree and,
    for suspensions, the same thing suspended ("joint mission" vs "staff meetings" stay apart).
    """

    name = "diplo_events.merger.v1"

    def __call__(self, doc: Document) -> None:
        doc.events = self.merge(doc.events)

    def merge(self, events: Sequence[Event]) -> list[Event]:
        """The merged events, in order of their first mention."""
        ordered = sorted(events, key=lambda e: (e.mentions[0].trigger.start, e.type))
        groups: list[Event] = []
        for event in ordered:
            for k, group in enumerate(groups):
                if _same_happening(group, event):
                    groups[k] = _combine(group, event)
                    break
            else:
                groups.append(event)
        return groups


def _same_happening(a: Event, b: Event) -> bool:
    if a.type != b.type or a.negated != b.negated:
        return False
    pa, pb = _codes(a, _PRIMARY[a.type]), _codes(b, _PRIMARY[b.type])
    if pa != pb:
        if not isinstance(a, Meeting):
            return False
        small, big = sorted((pa, pb), key=len)
        if not (len(small) == 1 and small <= big and small <= ORGANIZATION_CODES):
            return False
    role = _SECONDARY[a.type]
    sa, sb = _codes(a, role), _codes(b, role)
    if sa and sb and sa != sb:
        return False
    if a.date and b.date and (a.date.value, a.date.precision) != (b.date.value, b.date.precision):
        return False
    if isinstance(a, Suspension) and isinstance(b, Suspension):
        ha, hb = _head(a.suspended), _head(b.suspended)
        if ha and hb and ha != hb:
            return False
    return True


# heads that name the same kind of thing: "halted aid ... and cut grants" is one happening
_HEAD_CLASSES = {
    "aid": {"aid", "assistance", "funding", "fund", "grant", "loan", "support", "financing", "credit", "program", "programme", "shipment", "deliverie", "supplie"},
    "relations": {"relation", "tie", "contact", "relationship"},
    "talks": {"talk", "negotiation", "dialogue", "consultation"},
}
_CLASS_OF = {word: name for name, words in _HEAD_CLASSES.items() for word in words}


def _head(text: str | None) -> str | None:
    if not text:
        return None
    word = text.lower().split()[-1].rstrip("s")
    return _CLASS_OF.get(word, word)


def _union(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> tuple[Actor, ...]:
    seen = {x.code for x in a}
    return a + tuple(x for x in b if x.code not in seen and not seen.add(x.code))  # type: ignore[func-returns-value]


def _combine(a: Event, b: Event) -> Event:
    update: dict[str, Any] = {
        "mentions": tuple(sorted({*a.mentions, *b.mentions}, key=lambda m: (m.trigger.start, m.evidence.start))),
        "date": a.date or b.date,
        "location": a.location or b.location,
        "status": a.status if (a.date or not b.date) else b.status,
        "confidence": max(a.confidence, b.confidence),
    }
    if isinstance(a, Meeting) and isinstance(b, Meeting):
        update["participants"] = _union(a.participants, b.participants)
    elif isinstance(a, Suspension) and isinstance(b, Suspension):
        update["counterparts"] = _union(a.counterparts, b.counterparts)
        update["suspended"] = a.suspended or b.suspended
        update["temporary"] = a.temporary or b.temporary
    elif isinstance(a, SupportPledge) and isinstance(b, SupportPledge):
        update["recipients"] = _union(a.recipients, b.recipients)
        update["support_types"] = tuple(dict.fromkeys(a.support_types + b.support_types))
        update["items"] = tuple(dict.fromkeys(a.items + b.items))
        update["amount"] = a.amount or b.amount
    return a.model_copy(update=update)
