"""The merger: a running merge fed window by window gives the one-shot merge, which gives
what merging every event at the end gave (the reference below)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events.gazetteer import ORGANIZATION_CODES
from diplo_events.lexicon import LEXICON
from diplo_events.merge import EventMerger, _codes, _head
from diplo_events.models import (
    Actor,
    Amount,
    Event,
    EventDate,
    Location,
    Meeting,
    Mention,
    Span,
    SupportPledge,
    Suspension,
)

CODES = ["RUS", "UKR", "NATO"]  # few, so that many events merge


def _span(start: int, length: int) -> Span:
    return Span(start=start, end=start + length, text="x" * length)


mentions = st.builds(  # few places: events that share a first trigger, mentions that share a sort key
    lambda start, length, back, sentence: Mention(trigger=_span(start, length), evidence=_span(max(0, start - back), sentence)),
    st.integers(0, 20), st.integers(1, 3), st.integers(0, 1), st.integers(6, 9),
)
sides = st.lists(st.tuples(st.sampled_from(CODES), st.sampled_from(["a", "b"])), max_size=2, unique_by=lambda a: a[0]).map(
    lambda actors: tuple(Actor(code=code, text=text) for code, text in actors)
)
common = {
    "mentions": st.lists(mentions, min_size=1, max_size=2).map(tuple),
    "date": st.one_of(st.none(), st.none(), st.builds(EventDate, value=st.sampled_from([dt.date(2024, 5, 1), dt.date(2024, 5, 2)]),
                                           precision=st.sampled_from(["day", "month"]))),
    "location": st.one_of(st.none(), st.builds(Location, country=st.sampled_from(["FRA", "DEU"]), place=st.sampled_from([None, "x"]))),
    "status": st.sampled_from(["occurred", "planned", "ongoing"]),
    "negated": st.sampled_from([False, False, True]),
    "confidence": st.sampled_from([0.3, 0.5, 0.8]),
    "extractor": st.just("tests.v1"),
}
events = st.lists(
    st.one_of(
        st.builds(Meeting, participants=sides, **common),
        st.builds(Suspension, actors=sides, counterparts=sides, temporary=st.sampled_from([False, False, True]),
                  suspended=st.sampled_from([None, "", "aid", "grants", "talks", "joint mission"]), **common),
        st.builds(SupportPledge, donors=sides, recipients=sides, amount=st.one_of(st.none(), st.builds(Amount, text=st.just("$5"))),
                  support_types=st.lists(st.sampled_from(["military", "economic"]), unique=True).map(tuple),
                  items=st.lists(st.sampled_from(["tanks", "food"]), unique=True).map(tuple), **common),
    ),
    max_size=30,
)
many = settings(max_examples=300)


def _order(event: Event) -> tuple[int, str]:
    return event.mentions[0].trigger.start, event.type


@many
@given(events=events, cuts=st.lists(st.integers(0, 30), max_size=4))
def test_a_running_merge_fed_in_order_gives_the_one_shot_merge(events: list[Event], cuts: list[int]) -> None:
    ordered = sorted(events, key=_order)
    bounds = [0, *sorted(min(c, len(ordered)) for c in cuts), len(ordered)]
    running = EventMerger().fold()
    for lo, hi in itertools.pairwise(bounds):
        assert running.add(ordered[lo:hi])
    assert running.events() == EventMerger().merge(events)


@many
@given(events=events)
def test_the_merge_gives_what_merging_every_kept_event_gave(events: list[Event]) -> None:
    assert EventMerger().merge(events) == _merged_keeping_every_event(events)


def test_a_batch_that_starts_before_the_last_one_ended_is_refused() -> None:
    def meeting(start: int) -> Meeting:
        return Meeting(mentions=(Mention(trigger=_span(start, 2), evidence=_span(start, 5)),), extractor="tests.v1")

    running = EventMerger().fold()
    assert running.add([meeting(10), meeting(20)])
    assert not running.add([meeting(30), meeting(15)])
    assert running.add([meeting(20)])
    assert len(running.events()) == 1  # the refused batch left nothing behind
    assert len(running.events()[0].mentions) == 2


# -- the reference: the merge as first written, every event of a group kept to the end ------
def _merged_keeping_every_event(events: list[Event]) -> list[Event]:
    groups: list[tuple[frozenset[str], list[Event]]] = []
    for event in sorted(events, key=_order):
        primary = _codes(event.primary)
        home = next((members for side, members in groups if _joins(event, primary, side, members)), None)
        if home is None:
            groups.append((primary, [event]))
        else:
            home.append(event)
    return [_combined(members) for _, members in groups]


def _joins(event: Event, primary: frozenset[str], side: frozenset[str], members: list[Event]) -> bool:
    if event.type != members[0].type or event.negated != members[0].negated:
        return False
    if primary != side:
        small, big = sorted((primary, side), key=len)
        if not (isinstance(event, Meeting) and len(small) == 1 and small <= big and small <= ORGANIZATION_CODES):
            return False
    secondary = next((s for s in (_codes(m.secondary) for m in members) if s), frozenset())
    if _codes(event.secondary) and secondary and _codes(event.secondary) != secondary:
        return False
    date = next((m.date for m in members if m.date), None)
    if event.date and date and (event.date.value, event.date.precision) != (date.value, date.precision):
        return False
    head = next((h for m in members if isinstance(m, Suspension) and (h := _head(m.suspended, LEXICON)) is not None), None)
    mine = _head(event.suspended, LEXICON) if isinstance(event, Suspension) else None
    return not (mine and head and mine != head)


def _union(parts: list[tuple[Actor, ...]]) -> tuple[Actor, ...]:
    seen: set[str] = set()
    out = []
    for actor in (a for actors in parts for a in actors):
        if actor.code not in seen:
            seen.add(actor.code)
            out.append(actor)
    return tuple(out)


def _combined(events: list[Event]) -> Event:
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
