"""Events in other shapes: PLOVER-style records, flat rows, a pandas DataFrame.

* :func:`to_plover` gives one JSON-ready record per event in the spirit of the PLOVER event
  data specification (and of POLECAT, the data set coded with it): an ``id``, the
  ``event_date``, the PLOVER ``event_type`` (``CONSULT``, ``SANCTION``, ``AID``), its
  ``mode`` and ``context``, the ``actor`` and ``recipient`` sides with their country codes,
  the location, the source sentence, plus our CAMEO code, extractor and confidence.
* :func:`to_json_record` gives an event's JSON form (``model_dump(mode="json")``) with its
  source and the fields a person reads first, and the long mention spans last: what
  ``diplo-events`` writes as JSON Lines.
* :func:`to_records` gives flat rows (scalars only) for CSV files and data frames.
* :func:`events_to_dataframe` gives those rows as a :class:`pandas.DataFrame`; pandas is
  imported only then (``pip install "diplo_events[pandas]"``).

The primary side of an event is its ``participants`` (meeting), ``actors`` (suspension) or
``donors`` (pledge); the secondary side its ``counterparts`` or ``recipients``. As PLOVER
asks for meetings where no host is told apart, every participant of a meeting is an actor
and a meeting has no recipient.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .gazetteer import ORGANIZATION_CODES
from .pipeline import parse_published

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    from .models import Actor, Event

__all__ = [
    "JSON_LEADING_FIELDS",
    "PLOVER_FIELDS",
    "RECORD_FIELDS",
    "events_to_dataframe",
    "plover_mode",
    "to_json_record",
    "to_plover",
    "to_records",
]

# NOTE: keep in sync with the keys to_plover() returns
PLOVER_FIELDS = (
    "id", "doc_id", "event_date", "date_precision", "publication_date", "event_type", "mode", "context",
    "actor", "actor_country", "recipient", "recipient_country", "location", "text", "event_text",
    "status", "negated", "cameo", "type", "extractor", "confidence",
)
# NOTE: keep in sync with the keys _record() returns
RECORD_FIELDS = (
    "doc_id", "id", "type", "event_type", "mode", "cameo", "date", "precision", "published", "status",
    "negated", "primary", "secondary", "location", "place", "trigger", "text", "start", "end",
    "extractor", "confidence", "suspended", "support_types", "amount", "currency",
)

# the keys to_json_record() puts first, the parties of the event's type coming after "type"
JSON_LEADING_FIELDS = ("source", "type", "date", "status", "negated", "location")

_PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
_SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}
_PLOVER_OF = {"meeting": "CONSULT", "suspension": "SANCTION", "support_pledge": "AID"}

# meeting triggers -> mode; "call" and "conversation" are meetings only as phone or video calls
_MEETING_MODES = {
    "visit": "visit", "visits": "visit", "visited": "visit", "visiting": "visit", "trip": "visit", "tour": "visit",
    "host": "host", "hosts": "host", "hosted": "host", "hosting": "host",
    "receive": "host", "receives": "host", "received": "host",
    "call": "phone", "calls": "phone", "conversation": "phone", "phoned": "phone", "telephoned": "phone",
    "talks": "talks", "talk": "talks", "meet": "talks", "meets": "talks", "met": "talks", "meeting": "talks",
    "meetings": "talks", "negotiate": "talks", "negotiates": "talks", "negotiated": "talks",
    "negotiating": "talks", "negotiations": "talks", "negotiation": "talks", "consultation": "talks",
    "consultations": "talks", "discussions": "talks", "discuss": "talks", "discussed": "talks",
    "confer": "talks", "conferred": "talks", "dialogue": "talks",
    "summit": "multilateral", "summits": "multilateral", "session": "multilateral", "conference": "multilateral",
}
_MEETING_PRIORITY = ("phone", "visit", "host", "multilateral", "talks")
# suspension triggers (first word) -> PLOVER SANCTION mode; anything else is "sever"
_SANCTION_MODES = {
    "cancel": "cancel", "cancels": "cancel", "cancelled": "cancel", "canceled": "cancel", "cancelling": "cancel",
    "canceling": "cancel", "cancellation": "cancel", "call": "cancel", "calls": "cancel", "called": "cancel",
    "calling": "cancel", "scrap": "cancel", "scraps": "cancel", "scrapped": "cancel",
    "expel": "expel", "expels": "expel", "expelled": "expel", "expelling": "expel", "expulsion": "expel",
    "withdraw": "withdraw", "withdraws": "withdraw", "withdrew": "withdraw", "withdrawn": "withdraw",
    "withdrawing": "withdraw", "withdrawal": "withdraw", "recall": "withdraw", "recalls": "withdraw",
    "recalled": "withdraw", "recalling": "withdraw", "pull": "withdraw", "pulls": "withdraw",
    "pulled": "withdraw", "pulling": "withdraw",
}
_AID_MODES = ("military", "humanitarian", "economic")  # PLOVER AID modes; a sum of money alone makes "economic"
_SUPPORT_CONTEXTS = {"military": "military", "training": "military", "economic": "economic",
                     "humanitarian": "humanitarian", "political": "political"}
_SUSPENDED_CONTEXTS = {
    "military": "military", "defence": "military", "defense": "military", "troops": "military",
    "exercises": "military", "drills": "military", "peacekeepers": "peacekeeping",
    "ties": "diplomatic", "relations": "diplomatic", "ambassador": "diplomatic", "embassy": "diplomatic",
    "diplomatic": "diplomatic", "envoy": "diplomatic", "talks": "diplomatic", "dialogue": "diplomatic",
    "economic": "economic", "trade": "economic", "loans": "economic", "budget": "economic",
    "financing": "economic", "funding": "economic", "humanitarian": "humanitarian",
    "intelligence": "intelligence",
}


def plover_mode(event: Event) -> str | None:
    """The PLOVER ``mode`` we can tell from the trigger, or None.

    Meetings (``CONSULT``): ``visit``, ``host``, ``phone``, ``talks`` or ``multilateral``
    (a summit, session or conference, or talks with an organisation or among three or more
    parties). Suspensions (``SANCTION``): ``cancel``, ``expel``,
    ``withdraw``, otherwise ``sever``. Pledges (``AID``): ``military``, ``economic`` or
    ``humanitarian`` from the support types.

    >>> from diplo_events import extract
    >>> [plover_mode(e) for e in extract("Kenya's president visited Tanzania on Monday.", "2024-05-15")]
    ['visit']
    """
    if event.type == "support_pledge":
        return next((t for t in _AID_MODES if t in event.support_types), None)
    words = [m.trigger.text.lower().split() for m in event.mentions]
    if event.type == "meeting":
        # the last word names the kind of meeting ("phone call", "summit", "visited"); of all
        # the mentions', the most telling mode wins: "visited ... and held talks" is a visit
        modes = {_MEETING_MODES.get(trigger[-1]) for trigger in words if trigger}
        mode = next((m for m in _MEETING_PRIORITY if m in modes), None)
        codes = {a.code for a in getattr(event, "participants", ())}
        if mode == "talks" and (codes & ORGANIZATION_CODES or len(codes) > 2):
            return "multilateral"  # talks in an alliance or organisation, or among three or more
        return mode
    for trigger in words:
        mode = _SANCTION_MODES.get(trigger[0]) if trigger else None
        if mode is not None:
            return mode
    return "sever"


def _context(event: Event) -> list[str]:
    """PLOVER contexts: the topic we can tell, then ``future`` and ``negation``."""
    found: list[str] = []
    if event.type == "support_pledge":
        found = [_SUPPORT_CONTEXTS[t] for t in event.support_types if t in _SUPPORT_CONTEXTS]
    elif event.type == "suspension":
        words = (event.suspended or "").lower().replace("-", " ").split()
        found = [_SUSPENDED_CONTEXTS[w] for w in words if w in _SUSPENDED_CONTEXTS]
    if event.status == "planned":
        found.append("future")
    if event.negated:
        found.append("negation")
    return list(dict.fromkeys(found))


def _sides(event: Event) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    primary: tuple[Actor, ...] = getattr(event, _PRIMARY[event.type])
    secondary_field = _SECONDARY[event.type]
    secondary: tuple[Actor, ...] = getattr(event, secondary_field) if secondary_field else ()
    return primary, secondary


def _codes(actors: Iterable[Actor]) -> list[str]:
    return list(dict.fromkeys(a.code for a in actors))


def _actor(actor: Actor) -> dict[str, Any]:
    return {"code": actor.code, "actor_text": actor.text, "office": actor.role, "identifier_text": actor.name}


def _event_id(event: Event, doc_id: str | None) -> str:
    """A stable id: the same event of the same document always gets the same one."""
    digest = hashlib.sha1(f"{doc_id or ''}\x00{event.model_dump_json()}".encode(), usedforsecurity=False)
    return digest.hexdigest()[:16]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def to_plover(event: Event, *, doc_id: str | None = None, published: str | dt.date | None = None) -> dict[str, Any]:
    """One event as a PLOVER-style record (a JSON-ready dict; keys are :data:`PLOVER_FIELDS`).

    Args:
        event: an event from :func:`diplo_events.extract`.
        doc_id: the document's identifier (a path, a URL); part of ``id``.
        published: the document's publication date, as ``publication_date``.

    Returns:
        ``id`` (stable for the same event of the same document), ``doc_id``, ``event_date``
        and ``date_precision`` (None when no date was found), ``publication_date``,
        ``event_type`` (the PLOVER category), ``mode`` (see :func:`plover_mode`), ``context``
        (a list: topic contexts, ``future`` for planned events, ``negation``), ``actor`` and
        ``recipient`` (lists of ``{code, actor_text, office, identifier_text}``),
        ``actor_country`` and ``recipient_country`` (the codes), ``location``
        (``{name, cc3, text}`` or None), ``text`` (the source sentence), ``event_text``
        (the trigger), ``status``, ``negated``, ``cameo``, ``type`` (ours: ``meeting``, ...),
        ``extractor`` and ``confidence``.

    Raises:
        PublishedDateError: ``published`` is not a date.

    >>> from diplo_events import extract
    >>> [event] = extract("Japan pledged $50 million in humanitarian aid to Nepal on Monday.", "2015-05-05")
    >>> record = to_plover(event, doc_id="nepal.txt")
    >>> record["event_type"], record["mode"], record["actor_country"], record["recipient_country"]
    ('AID', 'humanitarian', ['JPN'], ['NPL'])
    """
    primary, secondary = _sides(event)
    first = event.mentions[0]
    location = event.location
    return {
        "id": _event_id(event, doc_id),
        "doc_id": doc_id,
        "event_date": _iso(event.date.value) if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "publication_date": _iso(parse_published(published)),
        "event_type": event.plover or _PLOVER_OF[event.type],
        "mode": plover_mode(event),
        "context": _context(event),
        "actor": [_actor(a) for a in primary],
        "actor_country": _codes(primary),
        "recipient": [_actor(a) for a in secondary],
        "recipient_country": _codes(secondary),
        "location": {"name": location.place, "cc3": location.country, "text": location.text} if location else None,
        "text": first.evidence.text,
        "event_text": first.trigger.text,
        "status": event.status,
        "negated": event.negated,
        "cameo": event.cameo,
        "type": event.type,
        "extractor": event.extractor,
        "confidence": event.confidence,
    }


def _record(event: Event, doc_id: str | None, published: dt.date | None) -> dict[str, Any]:
    primary, secondary = _sides(event)
    first = event.mentions[0]
    amount = getattr(event, "amount", None)
    support_types = getattr(event, "support_types", ())
    return {
        "doc_id": doc_id,
        "id": _event_id(event, doc_id),
        "type": event.type,
        "event_type": event.plover or _PLOVER_OF[event.type],
        "mode": plover_mode(event),
        "cameo": event.cameo,
        "date": event.date.value if event.date else None,
        "precision": event.date.precision if event.date else None,
        "published": published,
        "status": event.status,
        "negated": event.negated,
        "primary": " ".join(_codes(primary)),
        "secondary": " ".join(_codes(secondary)),
        "location": event.location.country if event.location else None,
        "place": event.location.place if event.location else None,
        "trigger": first.trigger.text,
        "text": first.evidence.text,
        "start": first.trigger.start,
        "end": first.trigger.end,
        "extractor": event.extractor,
        "confidence": event.confidence,
        "suspended": getattr(event, "suspended", None),
        "support_types": " ".join(support_types) or None,
        "amount": amount.value if amount is not None else None,
        "currency": amount.currency if amount is not None else None,
    }


EventsArg = Iterable["Event"] | Mapping[str, Iterable["Event"]]
PublishedArg = str | dt.date | Mapping[str, str | dt.date | None] | None


def to_json_record(event: Event, source: str | None = None) -> dict[str, Any]:
    """The event's JSON form, in reading order: ``source`` (when given), ``type``, the parties
    (primary side, then the other), ``date``, ``status``, ``negated``, ``location``, the other
    fields, and ``mentions`` last. Only the order differs from ``model_dump(mode="json")``.

    >>> from diplo_events import extract
    >>> (event,) = extract("Japan pledged $50 million in aid to Nepal.", published="2024-05-02")
    >>> list(to_json_record(event, "a.txt"))[:7]
    ['source', 'type', 'donors', 'recipients', 'date', 'status', 'negated']
    >>> list(to_json_record(event))[-1]
    'mentions'
    """
    data = event.model_dump(mode="json")
    secondary = _SECONDARY[event.type]
    first = ["type", _PRIMARY[event.type], *([secondary] if secondary else []), *JSON_LEADING_FIELDS[2:]]
    ordered: dict[str, Any] = {"source": source} if source is not None else {}
    ordered.update((key, data[key]) for key in first)
    ordered.update((key, value) for key, value in data.items() if key not in ordered and key != "mentions")
    ordered["mentions"] = data["mentions"]
    return ordered


def to_records(
    events: EventsArg,
    *,
    doc_id: str | None = None,
    published: PublishedArg = None,
) -> list[dict[str, Any]]:
    """Flat rows, one per event, with the columns :data:`RECORD_FIELDS` and scalar values.

    Args:
        events: the events of one document, or a mapping from document id to its events
            (a whole corpus: ``{"a.txt": extract(a), "b.txt": extract(b)}``).
        doc_id: the document id of a single document's events.
        published: its publication date, or for a mapping, a mapping from document id to date.

    ``primary``/``secondary`` are the codes of each side joined by spaces, ``date`` and
    ``published`` are ``datetime.date`` (or None), ``start``/``end`` the trigger's offsets.

    >>> from diplo_events import extract
    >>> rows = to_records(extract("Russia suspended military cooperation with Norway.", "2024-05-15"), doc_id="a")
    >>> [(r["type"], r["event_type"], r["mode"], r["primary"], r["secondary"]) for r in rows]
    [('suspension', 'SANCTION', 'sever', 'RUS', 'NOR')]
    """
    if isinstance(events, Mapping):
        dates = published if isinstance(published, Mapping) else {}
        rows: list[dict[str, Any]] = []
        for key, doc_events in events.items():
            day = parse_published(dates.get(key) if dates else published)  # type: ignore[arg-type]
            rows.extend(_record(e, key, day) for e in doc_events)
        return rows
    if isinstance(published, Mapping):
        msg = "published is a mapping of document ids: pass the events as a mapping too"
        raise TypeError(msg)
    day = parse_published(published)
    return [_record(e, doc_id, day) for e in events]


def events_to_dataframe(
    events: EventsArg,
    *,
    doc_id: str | None = None,
    published: PublishedArg = None,
) -> pd.DataFrame:
    """The rows of :func:`to_records` as a :class:`pandas.DataFrame` (columns
    :data:`RECORD_FIELDS`, also when there is no event), ``date`` and ``published`` as
    ``datetime64`` columns.

    Raises:
        ImportError: pandas is not installed (``pip install "diplo_events[pandas]"``).
    """
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError as exc:
        msg = 'events_to_dataframe needs pandas, which is not installed: pip install "diplo_events[pandas]"'
        raise ImportError(msg, name="pandas") from exc
    frame = pd.DataFrame(to_records(events, doc_id=doc_id, published=published), columns=list(RECORD_FIELDS))
    for column in ("date", "published"):
        frame[column] = pd.to_datetime(frame[column])
    return frame
