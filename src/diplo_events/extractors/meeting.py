"""Meetings: talks, visits, summits, council sessions, calls and negotiations."""

from __future__ import annotations

from ..document import ActorMention, Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..lexicon import LEXICON
from ..models import Actor, Location, Meeting
from ..places import place_after
from ..registry import extractors
from .base import Frame, Party, actor_of, is_trigger_case, party_codes, span_of

__all__ = ["MeetingExtractor"]

_LEX = LEXICON.meeting
_CONCLUDING = frozenset({"end", "ends", "ended", "ending"})  # "ended a visit to X": it took place
_SPOKE = frozenset({"spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "chatted", "conferred"})
_TRAVEL = frozenset({"flew", "flies", "fly", "travelled", "traveled", "travels", "travel", "went", "goes", "go", "arrived", "arrives", "headed", "heads", "came", "comes", "sent", "sends", "send", "sending", "journeyed", "returned"})
_VISITS = frozenset({"visit", "visits", "visited", "visiting", "trip", "tour"})
_TOPIC_FIRST = frozenset({"discuss", "discusses", "discussed", "discussing"})
_CANCELLING = frozenset({"cancel", "cancels", "cancelled", "canceled", "postpone", "postponed", "postpones", "off", "scrapped", "scrap"})
_GROUP_ROLES = frozenset({"ministers", "leaders", "foreign ministers", "defence ministers", "defense ministers", "finance ministers", "ambassadors", "envoys", "members", "heads", "officials", "states"})
_ROLE_PREPS = frozenset({"with", "between", "and", "by", "from", "counterpart", "counterparts"})
# an official travelling to a country is visiting it: "Blinken will travel to Israel and Jordan"
_TRAVEL_VISITS = frozenset({"travel", "travels", "travelled", "traveled", "travelling", "traveling", "flew", "fly", "flies", "flying", "arrived", "arrives", "arrive", "arriving", "headed", "heads"})
_OFFICIALS = frozenset({"minister", "ministers", "president", "premier", "chancellor", "secretary", "envoy", "ambassador",
    "delegation", "leader", "leaders", "king", "queen", "prince", "emir", "officials", "diplomats", "negotiators", "foreign minister", "prime minister"})


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
            claimed: list[tuple[int, int]] = []  # clauses that already have a meeting
            for first, last in _triggers(doc, sentence):
                word = doc.tokens[first].lower
                if any(a <= first < b for a, b in claimed) and (word in _LEX.nouns or word in _LEX.weak_verbs):
                    continue  # "met X during a trip to Y", "met ... to discuss": the same meeting
                frame = Frame(doc, sentence, first, last, role_preps=_ROLE_PREPS)
                events = _events(frame, out)
                if events:
                    claimed.append((frame.clause_start, frame.clause_end))
                out.extend(events)
            for noun, first, last in _took_place(doc, sentence):
                held = _held_instance(doc, sentence, noun, first, last)
                if held is not None:
                    out.append(held)
        return out


def _triggers(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    toks = doc.tokens
    found: list[tuple[int, int]] = []
    for i in range(sentence.first_token, sentence.last_token):
        w = toks[i].lower
        if (w in _LEX.verbs or w in _LEX.nouns) and is_trigger_case(doc, sentence, i):
            if w in LEXICON.meeting_qualifiers:
                prev = {toks[k].lower for k in range(max(sentence.first_token, i - 2), i)}
                if not prev & LEXICON.meeting_qualifiers[w]:
                    continue
            if i > sentence.first_token and toks[i - 1].lower in LEXICON.domestic_qualifiers:
                continue
            if w.startswith("meet") and _idiom(doc, i, sentence):
                continue
            found.append((i, i + 1))
        elif w in _TRAVEL_VISITS and i + 1 < sentence.last_token and toks[i + 1].lower in {"to", "in"} and is_trigger_case(doc, sentence, i):
            ahead = {t.lower for t in toks[i + 2 : min(i + 12, sentence.last_token)]}
            if place_after(doc, i + 2) is not None and not ahead & (_LEX.verbs | _LEX.nouns):
                # "arrived in Tokyo for talks", "flew to X to attend a summit": the meeting word
                # that follows is the event, and its host comes from the trip (_destination)
                found.append((i, i + 1))
        elif w in _SPOKE and is_trigger_case(doc, sentence, i):
            after = {toks[k].lower for k in range(i + 1, min(i + 4, sentence.last_token))}
            if after & {"phone", "telephone", "videoconference", "video"}:
                found.append((i, i + 1))  # "spoke by phone", "talked on the telephone"
    return found


def _idiom(doc: Document, i: int, sentence: Sentence) -> bool:
    window = [t.lower for t in doc.tokens[i + 1 : min(i + 5, sentence.last_token)]]
    return any(w in LEXICON.idiom_objects for w in window)


def _events(frame: Frame, earlier: list[Meeting]) -> list[Meeting]:
    """The meetings at one trigger: one, or one per counterpart when one side meets several
    in turn ("to visit Thailand and Indonesia", "met the IMF, then President Trump")."""
    doc, first = frame.doc, frame.first
    trigger = doc.tokens[first].lower
    left = frame.words(first - 8, first)
    if set(left) & ((_CANCELLING | LEXICON.suspension.verbs | LEXICON.suspension.nouns) - _CONCLUDING):
        return []  # "cancelled a trip", "suspend meetings": a suspension, not a meeting
    subject = frame.subject(extra_gap=frozenset({"to", "for"}))
    if frame.blocked:
        return []
    sides: dict[str, Actor] = {}
    offerers = [m for m in frame.sentence_parties if frame.clause_start <= m.first_token and m.last_token <= first] if frame.refused else []
    for m in subject + offerers + _compound(frame):  # "rejected a US offer of talks": the US too
        for code in party_codes(m, sides):
            sides.setdefault(code, actor_of(doc, m, code))
    for code, start, end in _destination(frame):
        # "flew to Washington for a meeting": the host of the trip takes part
        sides.setdefault(code, Actor(code=code, text=doc.text[start:end], span=span_of(doc, start, end)))
    if trigger in _TOPIC_FIRST:
        objects = frame.objects(frozenset({"with", "between"}), topic_first=True)
    else:
        objects = frame.objects()
    if trigger in LEXICON.meeting.weak_verbs:
        objects = [p for p in objects if p.prep != "from"]  # "received tanks from Poland" is no meeting
    others: dict[str, Actor] = {}
    for party in objects:
        for code in party_codes(party.mention, sides):
            if code not in sides:
                others.setdefault(code, actor_of(doc, party.mention, code))
    location = frame.location()
    if trigger in _TRAVEL_VISITS and not _official(subject):
        return []  # troops, refugees or a ship going somewhere is no visit
    if trigger in _VISITS or trigger in _TRAVEL_VISITS:
        for code, start, end in _visit_targets(doc, first, frame.clause_end):
            others.setdefault(code, Actor(code=code, text=doc.text[start:end], span=span_of(doc, start, end)))
            if location is None or location.country not in others:
                text = doc.text[start:end]
                location = Location(country=code, place=text, text=text, span=span_of(doc, start, end))
    if len(sides) + len(others) < 2 and _two_sides(frame) and earlier:
        for actor in earlier[-1].participants:
            sides.setdefault(actor.code, actor)
    groups = [{**sides, **others}]
    # one traveller visiting several countries makes several visits; meeting several leaders
    # at once ("met Berlusconi and Schroeder") is one meeting
    separate = len(sides) == 1 and len(others) >= 2 and (trigger in _VISITS or trigger in _TRAVEL_VISITS or _in_turn(frame, objects))
    if separate and not _one_gathering(frame):
        groups = [{**sides, code: actor} for code, actor in others.items()]
    out = []
    for codes in groups:
        event = _meeting(frame, trigger, subject, codes, location if len(groups) == 1 or (location and location.country in codes) else None)
        if event is not None:
            out.append(event)
    return out


def _destination(frame: Frame) -> list[tuple[str, int, int]]:
    """The place a traveller went to, before the meeting noun in the clause ("flew to X for
    talks", "arrived in X for a summit")."""
    toks = frame.doc.tokens
    if toks[frame.first].lower not in _LEX.nouns:
        return []
    for k in range(frame.clause_start, frame.first - 1):
        if toks[k].lower in _TRAVEL and (toks[k + 1].lower == "to" or (toks[k + 1].lower == "in" and toks[k].lower.startswith("arriv"))):
            found = place_after(frame.doc, k + 2)
            if found is not None and found[1] < toks[frame.first].start:
                return [found]
    return []


def _official(subject: list[ActorMention]) -> bool:
    """Whether the subject is a person or an official ("the foreign minister", "a delegation")."""
    return any(m.kind == "person" or (m.role or "").split(" ")[-1] in _OFFICIALS or m.role in _OFFICIALS for m in subject)


def _in_turn(frame: Frame, objects: list[Party]) -> bool:
    """'met the IMF, then President Trump': parties met one after the other."""
    spans = [(p.mention.last_token, q.mention.first_token) for p, q in zip(objects, objects[1:], strict=False)]
    return any({"then", "later", "afterwards", "separately"} & set(frame.words(a, b)) for a, b in spans)


def _one_gathering(frame: Frame) -> bool:
    """A summit or a multilateral meeting with several parties is one meeting."""
    words = set(frame.words(frame.clause_start, frame.clause_end))
    return bool(words & {"summit", "conference", "trilateral", "multilateral", "together", "jointly", "council", "session", "gathered", "meeting"})


def _meeting(frame: Frame, trigger: str, subject: list[ActorMention], codes: dict[str, Actor], location: Location | None) -> Meeting | None:
    if not codes:
        return None
    if len(codes) == 1:
        (code,) = codes
        if code not in ORGANIZATION_CODES and not frame.negated:
            return None  # a state meeting itself is domestic
        if trigger in LEXICON.meeting.weak_verbs and not _group_subject(subject):
            return None
    status, date = frame.when()
    return Meeting(
        participants=tuple(codes.values()),
        mentions=(frame.mention(),),
        date=date,
        location=location,
        status=status,
        negated=frame.negated,
        cameo=_cameo(trigger, status),
        plover="CONSULT",
        extractor=MeetingExtractor.name,
        confidence=0.7 if len(codes) > 1 else 0.5,
    )


def _compound(frame: Frame) -> list[ActorMention]:
    """Parties named in the noun phrase before a meeting noun: "a Russia-NATO Council
    session", "the Russia-EU summit", "U.S.-Canadian consultations"."""
    toks = frame.doc.tokens
    i = frame.first - 1
    lo = max(frame.sentence.first_token, frame.first - 6)
    while i >= lo and (toks[i].text == "-" or toks[i].text[0].isupper() or toks[i].lower in _LEX.nouns or toks[i].lower == "'s"):
        i -= 1
    start = i + 1
    found = [m for m in frame.doc.actors_between(toks[start].start, toks[frame.first].start) if m.codes]
    joined = any(toks[k].text == "-" for k in range(start, frame.first))
    owners = [m for m in frame.sentence_parties if m.last_token < frame.first and toks[m.last_token].lower == "'s" and frame.first - m.last_token <= 4]
    return (found if joined else []) + owners + _joint_forum_after(frame)


_FORUMS = frozenset({"council", "commission", "forum", "format", "committee", "dialogue", "summit", "talks", "meeting", "meetings"})


def _joint_forum_after(frame: Frame) -> list[ActorMention]:
    """Meetings 'in the NATO-Russia Council': the parties joined by a hyphen in the name of a
    joint forum right after the meeting noun."""
    toks = frame.doc.tokens
    stop = min(frame.clause_end, frame.last + 8)
    mentions = {m.first_token: m for m in frame.doc.actors_between(toks[frame.last].start, toks[stop - 1].end) if m.codes} if stop > frame.last else {}
    for k in range(frame.last, stop - 2):
        a = mentions.get(k)
        if a is None or a.last_token >= len(toks) or toks[a.last_token].text != "-":
            continue
        b = mentions.get(a.last_token + 1)
        if b is not None and b.last_token < len(toks) and toks[b.last_token].lower in _FORUMS:
            return [a, b]
    return []


def _took_place(doc: Document, sentence: Sentence) -> list[tuple[int, int, int]]:
    """'..., such as one that took place Wednesday': (antecedent meeting noun, first, last) of
    each "took place" / "was held" whose subject is a meeting noun or a pronoun for one."""
    toks = doc.tokens
    out = []
    for i in range(sentence.first_token + 1, sentence.last_token - 1):
        a, b = toks[i].lower, toks[i + 1].lower
        if not ((a == "took" and b == "place") or (a in {"was", "were"} and b == "held")):
            continue
        subject = toks[i - 1].lower
        if subject in {"that", "which"} and i >= 2:
            subject = toks[i - 2].lower
        if subject not in {"one", "it", "which", "that"}:
            continue
        for j in range(i - 1, max(sentence.first_token, i - 16) - 1, -1):
            if toks[j].lower in _LEX.nouns and toks[j].lower not in LEXICON.meeting_qualifiers:
                out.append((j, i, i + 2))
                break
    return out


def _held_instance(doc: Document, sentence: Sentence, noun: int, first: int, last: int) -> Meeting | None:
    """The one meeting of a series that the text says took place."""
    series = Frame(doc, sentence, noun, noun + 1, role_preps=_ROLE_PREPS)
    codes: dict[str, Actor] = {}
    for m in series.subject() + _compound(series) + [p.mention for p in series.objects()]:
        for code in m.codes:
            codes.setdefault(code, actor_of(doc, m, code))
    if len(codes) < 2:
        return None
    frame = Frame(doc, sentence, first, last)
    return Meeting(
        participants=tuple(codes.values()),
        mentions=(frame.mention(),),
        date=frame.date("occurred"),
        location=frame.location() or series.location(),
        status="occurred",
        cameo="040",
        plover="CONSULT",
        extractor=MeetingExtractor.name,
        confidence=0.5,
    )


def _group_subject(subject: list[ActorMention]) -> bool:
    return any(m.role in _GROUP_ROLES for m in subject if m.role)


def _two_sides(frame: Frame) -> bool:
    words = frame.words(frame.clause_start, frame.clause_end)
    return any(a in {"two", "both"} and b in {"sides", "countries", "leaders", "men", "ministers"} for a, b in zip(words, words[1:], strict=False))


def _visit_targets(doc: Document, i: int, stop: int) -> list[tuple[str, int, int]]:
    """The places visited: "visits Kyrgyzstan", "a visit to Beijing", "to visit Thailand and
    Indonesia"."""
    toks = doc.tokens
    j = i + 1
    if j < stop and toks[j].lower in {"to", "of", "in"}:
        j += 1
    out: list[tuple[str, int, int]] = []
    while j < stop:
        found = place_after(doc, j)
        if found is None:
            break
        out.append(found)
        k = j
        while k < stop and toks[k].end <= found[2]:
            k += 1
        if k < stop and toks[k].lower in {"and", ","} and k + 1 < stop:
            j = k + 1
            if toks[j].lower == "and":
                j += 1
        else:
            break
    return out


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
