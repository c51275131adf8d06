"""Suspensions: an actor suspends, halts, freezes, breaks off or scales back ties, talks, aid,
a mission, membership or compliance with a treaty; a cancelled visit or meeting."""

from __future__ import annotations

from ..document import Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..lexicon import LEXICON
from ..models import Actor, Suspension
from ..registry import extractors
from .base import Frame, Party, actor_of, is_trigger_case, party_codes

__all__ = ["SuspensionExtractor"]

_LEX = LEXICON.suspension
_WITHDRAW = frozenset({"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal", "pull", "pulls", "pulled", "pulling"})
_CANCEL = frozenset({"cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "cancellation", "call", "calls", "called", "calling"})
_MEETING_OBJECTS = frozenset({"visit", "trip", "tour", "meeting", "meetings", "talks", "summit", "negotiations", "consultations"})
_WITH_PARTY = frozenset({"broke"})
_INTRANSITIVE_NEXT = frozenset({"without", "in", "on", "after", "at", "before", "amid", "as", "when", "abruptly", "early", "late", "up", "down", "there", "here", "last", "this"})
_PASSIVE_AUX = frozenset({"was", "were", "been", "be", "being", "is", "are"})
_MEETING_OBJECTS_ONLY = frozenset({"visit", "trip", "tour", "summit"})  # suspended only by cancelling
_MEMBERSHIP = frozenset({"participation", "membership", "presence", "involvement", "role", "seat"})
_DETERMINERS = frozenset({"its", "their", "the", "a", "an", "all", "his", "her", "any", "further", "nearly", "most", "some", "of"})
_ROLE_PREPS = frozenset({"with", "to", "for", "between", "from", "towards", "toward", "by"})


@extractors.register("diplo_events.suspension.v1")
class SuspensionExtractor:
    """Finds suspensions of cooperation, ties, talks, aid, missions, membership or treaties.

    Not suspensions: sanctions, expulsions, threats and calls to suspend, commercial or
    domestic halts (flights, exports, parliament), ceasefires and halted attacks.
    """

    name = "diplo_events.suspension.v1"

    def extract(self, doc: Document) -> list[Suspension]:
        """Every suspension mention in ``doc``, one event per trigger."""
        out: list[Suspension] = []
        for sentence in doc.sentences:
            if not doc.sentence_actors(sentence):
                continue
            for first, last, obj in _triggers(doc, sentence):
                event = _event(doc, sentence, first, last, obj)
                if event is not None:
                    out.append(event)
        return out


def _triggers(doc: Document, sentence: Sentence) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Trigger token ranges with the range of what is suspended (None for "broke with")."""
    toks = doc.tokens
    found: list[tuple[int, int, tuple[int, int] | None]] = []
    stop = sentence.last_token
    for i in range(sentence.first_token, stop):
        w = toks[i].lower
        last = i + 1
        if w in _LEX.phrasal:
            nxt = toks[i + 1].lower if i + 1 < stop else ""
            if nxt in _LEX.phrasal[w]:
                last = i + 2
                if w in _WITH_PARTY and nxt == "with":
                    found.append((i, last, None))
                    continue
            elif w not in _LEX.verbs:
                continue
        elif w not in _LEX.verbs and w not in _LEX.nouns:
            continue
        if not is_trigger_case(doc, sentence, i):
            continue
        if w in _CANCEL and w.startswith("call") and last == i + 1:
            continue  # "call" without "off"
        if i + 1 < stop and toks[i + 1].lower == "short":
            continue  # "stopped short of suspending": the negated verb after it is the event
        obj = _object(doc, i, last, stop)
        if obj is None:
            continue
        found.append((i, last, obj))
    return found


def _object(doc: Document, first: int, last: int, stop: int) -> tuple[int, int] | None:
    """The token range of what the trigger suspends, or None when it is not cooperation."""
    toks = doc.tokens
    w = toks[first].lower
    j = last
    if w in _WITHDRAW and j < stop and toks[j].lower in {"from", "of", "out"}:
        j += 1
        if j < stop and toks[j].lower == "of":
            j += 1
        allowed = LEXICON.withdraw_objects
        near = doc.actors_between(toks[j].start, toks[min(j + 1, stop - 1)].end) if j < stop else []
        org = next((m for m in near if set(m.codes) & ORGANIZATION_CODES), None)
        if org is not None:
            return (org.first_token, org.last_token)  # "withdraw from the CIS": leaving a body
    elif w in _CANCEL:
        allowed = _MEETING_OBJECTS
    else:
        allowed = _LEX.objects - _MEETING_OBJECTS_ONLY  # "ended a visit": it took place
        if w in _LEX.verbs and last == first + 1 and j < stop and toks[j].lower in _INTRANSITIVE_NEXT:
            return None  # "talks ended without agreement": nothing is suspended
    if w in _LEX.nouns and j < stop and toks[j].lower in {"of", "on", "in"}:
        j += 1
    for k in range(j, min(j + 8, stop)):
        word = toks[k].lower
        if word in _LEX.non_objects and not (k + 1 < stop and toks[k + 1].lower in allowed):
            return None  # "flights", "exports" - but "trade negotiations" is talks
        if word in allowed:
            return (j, k + 1)
        if word in {".", ";", ",", "but", "while", "after", "as"} and k > j:
            break
    if w in _LEX.nouns and first > 0 and toks[first - 1].lower in _LEX.objects:
        return (first - 1, first)  # "aid freeze", "arms suspension"
    if first > 0 and toks[first - 1].lower in _PASSIVE_AUX:
        for k in range(first - 2, max(first - 8, -1), -1):  # "cooperation ... was suspended"
            if toks[k].lower in allowed:
                return (k, k + 1)
    return None


def _event(doc: Document, sentence: Sentence, first: int, last: int, obj: tuple[int, int] | None) -> Suspension | None:
    frame = Frame(doc, sentence, first, last, role_preps=_ROLE_PREPS)
    actors: dict[str, Actor] = {}
    objects = frame.objects()
    # "was suspended by X": X suspends; "cancelled a visit by X": X is the other side
    is_passive = first > 0 and doc.tokens[first - 1].lower in _PASSIVE_AUX
    passive = [p for p in objects if p.prep == "by"] if is_passive else []
    for m in [p.mention for p in passive] or frame.subject():
        for code in party_codes(m):
            actors.setdefault(code, actor_of(doc, m, code))
    if frame.blocked or not actors:
        return None
    counterparts: dict[str, Actor] = {}
    if obj is not None and doc.tokens[obj[1] - 1].lower in _MEMBERSHIP:
        objects = frame.objects(_ROLE_PREPS | {"in"})  # "froze its participation in the CSTO"
    if is_passive:  # the counterpart is in the subject: "cooperation with Mali was suspended"
        left = [m for m in frame.sentence_parties if frame.clause_start <= m.first_token and m.last_token <= first]
        objects = [*objects, *(Party(m, "with") for m in left)]
    for party in objects:
        if party.prep == "by" and is_passive:
            continue
        for code in party_codes(party.mention, actors):
            if code not in actors:
                counterparts.setdefault(code, actor_of(doc, party.mention, code))
    suspended = None
    if obj is not None:
        a, b = obj
        words = {t.lower for t in doc.tokens[a:b]}
        if words & _DOMESTIC:
            return None  # "federal assistance programs", "domestic funding"
        if not counterparts and doc.tokens[b - 1].lower in _TALKS and not _named(doc, a, b):
            return None  # talks with no one named: party or domestic talks
        while a < b - 1 and doc.tokens[a].lower in _DETERMINERS:
            a += 1
        suspended = doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]
    text = frame.clause_text().lower()
    temporary = any(marker in text for marker in LEXICON.temporary_markers)
    status, date = frame.when()
    return Suspension(
        actors=tuple(actors.values()),
        counterparts=tuple(counterparts.values()),
        suspended=suspended,
        temporary=temporary,
        mentions=(frame.mention(),),
        date=date,
        location=None,
        status=status,
        negated=frame.negated,
        cameo=_cameo(suspended),
        plover="SANCTION",
        extractor=SuspensionExtractor.name,
        confidence=0.7 if counterparts else 0.5,
    )


_DOMESTIC = frozenset({"federal", "domestic", "internal", "municipal", "provincial", "state-run"})
_TALKS = frozenset({"talks", "negotiations", "dialogue", "meetings", "consultations", "meeting"})


def _named(doc: Document, a: int, b: int) -> bool:
    """Whether a proper name qualifies the talks ("the informal GATT talks")."""
    return any(t.text[0].isupper() for t in doc.tokens[a : b - 1])


def _cameo(suspended: str | None) -> str:
    words = set((suspended or "").lower().split())
    if words & {"ties", "relations", "embassy", "ambassador", "contacts"}:
        return "161"
    if words & {"aid", "assistance", "funding", "grants", "loans", "support", "financing", "shipments", "deliveries", "credits"}:
        return "162"
    if words & {"talks", "negotiations", "dialogue", "consultations", "meetings", "visit", "trip", "summit"}:
        return "164"
    if words & {"mission", "troops", "peacekeepers", "presence"}:
        return "166"
    return "160"
