"""Meetings: talks, visits, summits, council sessions, calls and negotiations."""

from __future__ import annotations

from ..document import Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..lexicon import LEXICON
from ..models import Actor, Location, Meeting
from ..places import place_after
from ..registry import extractors
from .base import Frame, actor_of, span_of

__all__ = ["MeetingExtractor"]

_LEX = LEXICON.meeting
_VISITS = frozenset({"visit", "visits", "visited", "visiting", "trip", "tour"})
_TOPIC_FIRST = frozenset({"discuss", "discusses", "discussed", "discussing"})
_CANCELLING = frozenset({"cancel", "cancels", "cancelled", "canceled", "postpone", "postponed", "postpones", "off", "scrapped", "scrap"})
_GROUP_ROLES = frozenset({"ministers", "leaders", "foreign ministers", "defence ministers", "defense ministers", "finance ministers", "ambassadors", "envoys", "members", "heads", "officials", "states"})
_ROLE_PREPS = frozenset({"with", "between", "and", "by", "to", "for", "counterpart", "counterparts"})


@extractors.register("diplo_events.meeting.v1")
class MeetingExtractor:
    """Finds meetings held, ongoing or planned, and meetings the text says will not happen.

    Not meetings: idioms ("meet the target"), press and cabinet meetings, offers and calls to
    talk, cancelled meetings (those are suspensions), a single state meeting itself.
    """

    name = "diplo_events.meeting.v1"

    def extract(self, doc: Document) -> list[Meeting]:
        """Every meeting mention in ``doc``, one event per trigger (merging comes later)."""
        out: list[Meeting] = []
        for sentence in doc.sentences:
            if not doc.sentence_actors(sentence):
                continue
            for first, last in _triggers(doc, sentence):
                event = _event(doc, sentence, first, last, out)
                if event is not None:
                    out.append(event)
        return out


def _triggers(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    toks = doc.tokens
    found: list[tuple[int, int]] = []
    for i in range(sentence.first_token, sentence.last_token):
        w = toks[i].lower
        if w in _LEX.verbs or w in _LEX.nouns:
            if w in LEXICON.meeting_qualifiers:
                prev = {toks[k].lower for k in range(max(sentence.first_token, i - 2), i)}
                if not prev & LEXICON.meeting_qualifiers[w]:
                    continue
            if i > sentence.first_token and toks[i - 1].lower in LEXICON.domestic_qualifiers:
                continue
            if w.startswith("meet") and _idiom(doc, i, sentence):
                continue
            found.append((i, i + 1))
    return found


def _idiom(doc: Document, i: int, sentence: Sentence) -> bool:
    window = [t.lower for t in doc.tokens[i + 1 : min(i + 5, sentence.last_token)]]
    return any(w in LEXICON.idiom_objects for w in window)


def _event(doc: Document, sentence: Sentence, first: int, last: int, earlier: list[Meeting]) -> Meeting | None:
    frame = Frame(doc, sentence, first, last, role_preps=_ROLE_PREPS)
    trigger = doc.tokens[first].lower
    left = frame.words(first - 8, first)
    if set(left) & (_CANCELLING | LEXICON.suspension.verbs | LEXICON.suspension.nouns):
        return None  # "cancelled a trip", "suspend meetings": a suspension, not a meeting
    if frame.blocked:
        return None
    codes: dict[str, Actor] = {}
    subject = frame.subject(extra_gap=frozenset({"to", "for"}))
    for m in subject:
        for code in m.codes:
            codes.setdefault(code, actor_of(doc, m, code))
    if trigger in _TOPIC_FIRST:
        objects = frame.objects(frozenset({"with", "between"}), topic_first=True)
    else:
        objects = frame.objects()
    for party in objects:
        for code in party.mention.codes:
            codes.setdefault(code, actor_of(doc, party.mention, code))
    for m in _compound(frame):
        for code in m.codes:
            codes.setdefault(code, actor_of(doc, m, code))
    location = frame.location()
    if trigger in _VISITS:
        target = _visit_target(doc, first, sentence)
        if target is not None:
            code, start, end = target
            codes.setdefault(code, Actor(code=code, text=doc.text[start:end], span=span_of(doc, start, end)))
            location = Location(country=code, place=doc.text[start:end], text=doc.text[start:end], span=span_of(doc, start, end))
    if len(codes) < 2 and _two_sides(frame) and earlier:
        for actor in earlier[-1].participants:
            codes.setdefault(actor.code, actor)
    if not codes:
        return None
    if len(codes) == 1:
        (code,) = codes
        if code not in ORGANIZATION_CODES and not frame.negated:
            return None  # a state meeting itself is domestic
        if code in ORGANIZATION_CODES and trigger in LEXICON.meeting.weak_verbs and not _group_subject(subject):
            return None
    elif trigger in LEXICON.meeting.weak_verbs and len(codes) < 2:
        return None
    status = frame.status
    return Meeting(
        participants=tuple(codes.values()),
        mentions=(frame.mention(),),
        date=frame.date(status),
        location=location,
        status=status,  # type: ignore[arg-type]
        negated=frame.negated,
        cameo=_cameo(trigger, status),
        plover="CONSULT",
        extractor=MeetingExtractor.name,
        confidence=0.7 if len(codes) > 1 else 0.5,
    )


def _compound(frame: Frame) -> list:
    """Parties named in the noun phrase before a meeting noun: "a Russia-NATO Council
    session", "the Russia-EU summit", "U.S.-Canadian consultations"."""
    toks = frame.doc.tokens
    i = frame.first - 1
    lo = max(frame.sentence.first_token, frame.first - 6)
    while i >= lo and (toks[i].text == "-" or toks[i].text[0].isupper() or toks[i].lower in _LEX.nouns or toks[i].lower == "'s"):
        i -= 1
    start = i + 1
    found = [m for m in frame.doc.sentence_actors(frame.sentence) if start <= m.first_token and m.last_token <= frame.first and m.codes]
    joined = any(toks[k].text == "-" for k in range(start, frame.first))
    return found if joined else []


def _group_subject(subject: list) -> bool:
    return any(m.role in _GROUP_ROLES for m in subject if m.role)


def _two_sides(frame: Frame) -> bool:
    words = frame.words(frame.clause_start, frame.clause_end)
    return any(a in {"two", "both"} and b in {"sides", "countries", "leaders", "men", "ministers"} for a, b in zip(words, words[1:], strict=False))


def _visit_target(doc: Document, i: int, sentence: Sentence) -> tuple[str, int, int] | None:
    """The place visited: "visits Kyrgyzstan", "a visit to Beijing", "trip to Australia"."""
    toks = doc.tokens
    j = i + 1
    if j < sentence.last_token and toks[j].lower in {"to", "of"}:
        j += 1
    return place_after(doc, j) if j < sentence.last_token else None


def _cameo(trigger: str, status: str) -> str:
    if status == "planned":
        return "036"
    if trigger in _VISITS:
        return "042"
    if trigger.startswith("host"):
        return "043"
    if trigger.startswith("negotiat"):
        return "046"
    return "040"
