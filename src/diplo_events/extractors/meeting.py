"""Meetings: talks, visits, summits, council sessions, calls and negotiations."""

from __future__ import annotations

from ..document import ActorMention, Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..models import Actor, Location, Meeting
from ..names import (
    CAMEO_INTEND_TO_MEET,
    FAMILY_MEDIATION,
    GROUP,
    NEEDS_DESTINATION as _DESTINATION,
    NEEDS_NOTHING as _ANY,
    NEEDS_PHONE as _PHONE,
    NEEDS_QUALIFIER as _QUALIFIER,
    NEEDS_TWO_PARTIES as _TWO_PARTIES,
    MEETING,
    NOUN,
    OBJECT,
    OCCURRED,
    PERSON,
    PLANNED,
    PLOVER_CONSULT,
    SUSPENSION,
    VERB,
)
from ..places import place_after
from ..registry import extractors
from ..vetoes import Veto
from .base import Frame, Party, actor_of, candidates, is_trigger_case, note, party_codes, span_of

__all__ = ["MeetingExtractor"]

_MEDIATION = FAMILY_MEDIATION
# keys of Lexicon.derived: the sets built once per lexicon
_MAIN, _TRAVEL_PREPS, _SUSPENDING, _PLAIN_NOUNS, _REPEATABLE, _STARTS, _TOOK = (object() for _ in range(7))



@extractors.register("diplo_events.meeting.v1")
class MeetingExtractor:
    """Finds meetings held, ongoing or planned, and meetings the text says will not happen.

    Not meetings: idioms ("meet the target"), press and cabinet meetings, offers and calls to
    talk, cancelled meetings (those are suspensions), a single state meeting itself.
    """

    name = "diplo_events.meeting.v1"
    triggered_by_lexicon = True  # every event has a trigger word in its sentence

    def extract(self, doc: Document) -> list[Meeting]:
        """Every meeting mention in ``doc``, one event per trigger (merging comes later)."""
        out: list[Meeting] = []
        lex = doc.lexicon
        repeatable = lex.derived(_REPEATABLE, lambda: lex.forms(MEETING, NOUN) | lex.forms(MEETING, VERB, needs=_TWO_PARTIES))
        mediation = lex.forms(MEETING, family=_MEDIATION)
        for sentence in doc.sentences:
            if not doc.sentence_actors(sentence):
                continue
            claimed: list[tuple[int, int]] = []  # clauses that already have a meeting
            for first, last in _triggers(doc, sentence):
                word = doc.tokens[first].lower
                # triggers come in text order: a clause that ends before this one can hold no
                # later trigger, so only the few clauses within reach (a frame reads at most
                # _MAX_REACH tokens after its trigger) are kept and compared
                claimed = [c for c in claimed if c[1] > first]
                if any(a <= first < b for a, b in claimed) and word in repeatable:
                    note(doc, MEETING, sentence, first, last, Veto.DUPLICATE)
                    continue  # "met X during a trip to Y", "met ... to discuss": the same meeting
                frame = Frame(doc, sentence, first, last, role_preps=lex.words.meeting_role_preps)
                if word in mediation and out and out[-1].mentions[0].evidence.start == sentence.start:
                    # "talks in Beijing mediated by China": the mediator takes part in those talks
                    out[-1] = _with_mediator(frame, out[-1])
                    note(doc, MEETING, sentence, first, last, out[-1], frame)
                    continue
                events = _events(frame, out)
                if isinstance(events, Veto):
                    note(doc, MEETING, sentence, first, last, events, frame)
                    continue
                claimed.append((frame.clause_start, frame.clause_end))
                for event in events:
                    note(doc, MEETING, sentence, first, last, event, frame)
                out.extend(events)
            for noun, first, last in _took_place(doc, sentence):
                held = _held_instance(doc, sentence, noun, first, last)
                if held is not None:
                    out.append(held)
        return out


def _triggers(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    toks = doc.tokens
    lex = doc.lexicon
    w = lex.words
    main = lex.derived(_MAIN, lambda: lex.forms(MEETING, NOUN) | lex.forms(MEETING, VERB, needs=_ANY) | lex.forms(MEETING, VERB, needs=_TWO_PARTIES))
    travel_preps = lex.derived(_TRAVEL_PREPS, lambda: w.prep_to | w.prep_in)
    qualified = lex.forms(MEETING, NOUN, needs=_QUALIFIER)
    nouns = lex.forms(MEETING, NOUN)
    travel = lex.forms(MEETING, VERB, needs=_DESTINATION)
    speech = lex.forms(MEETING, VERB, needs=_PHONE)
    found: list[tuple[int, int]] = []
    starts = lex.derived(_STARTS, lambda: main | travel | speech)
    for i in candidates(doc, sentence, starts):
        low = toks[i].lower
        if low in main and is_trigger_case(doc, sentence, i):
            if i + 1 < sentence.last_token and toks[i + 1].lower in nouns and low not in nouns:
                continue  # "a phone call", "a telephone conversation": the noun after it is the trigger
            if low in qualified:
                entry = lex.trigger(low, MEETING, NOUN)
                qualifiers = w.get("meeting_qualifier_" + entry.lemma, frozenset()) if entry else frozenset()
                prev = {toks[k].lower for k in range(max(sentence.first_token, i - 2), i)}
                if not prev & qualifiers:
                    note(doc, MEETING, sentence, i, i + 1, Veto.QUALIFIER_MISSING)
                    continue
            if i > sentence.first_token and toks[i - 1].lower in w.domestic_meetings:
                note(doc, MEETING, sentence, i, i + 1, Veto.NO_SECOND_PARTY)
                continue
            if low in w.meet_verb and _idiom(doc, i, sentence):
                note(doc, MEETING, sentence, i, i + 1, Veto.MEET_IDIOM)
                continue
            found.append((i, i + 1))
        elif low in travel and i + 1 < sentence.last_token and toks[i + 1].lower in travel_preps and is_trigger_case(doc, sentence, i):
            ahead = {t.lower for t in toks[i + 2 : min(i + 12, sentence.last_token)]}
            if place_after(doc, i + 2) is not None and not ahead & main:
                # "arrived in Tokyo for talks", "flew to X to attend a summit": the meeting word
                # that follows is the event, and its host comes from the trip (_destination)
                found.append((i, i + 1))
        elif low in speech and is_trigger_case(doc, sentence, i):
            after = {toks[k].lower for k in range(i + 1, min(i + 4, sentence.last_token))}
            if after & w.phone_words:
                found.append((i, i + 1))  # "spoke by phone", "talked on the telephone"
    return found


def _idiom(doc: Document, i: int, sentence: Sentence) -> bool:
    window = [t.lower for t in doc.tokens[i + 1 : min(i + 5, sentence.last_token)]]
    return any(x in doc.lexicon.words.meet_idiom_objects for x in window)


def _events(frame: Frame, earlier: list[Meeting]) -> list[Meeting] | Veto:
    """The meetings at one trigger: one, or one per counterpart when one side meets several
    in turn ("to visit Thailand and Indonesia", "met the IMF, then President Trump"); or the
    veto that stopped it."""
    doc, first = frame.doc, frame.first
    lex = doc.lexicon
    w = lex.words
    trigger = doc.tokens[first].lower
    travel = lex.forms(MEETING, VERB, needs=_DESTINATION)
    left = frame.words(first - 8, first)
    suspending = lex.derived(_SUSPENDING, lambda: (w.cancelling | lex.forms(SUSPENSION, VERB) | lex.forms(SUSPENSION, NOUN)) - w.concluding)
    if set(left) & suspending:
        return Veto.SUSPENDED_MEETING  # "cancelled a trip", "suspend meetings": a suspension
    subject = frame.subject(extra_gap=w.subject_gap_meeting)
    if frame.modality is not None:
        return frame.modality
    sides: dict[str, Actor] = {}
    offerers = [m for m in frame.sentence_parties if frame.clause_start <= m.first_token and m.last_token <= first] if frame.refused else []
    for m in subject + offerers + _compound(frame):  # "rejected a US offer of talks": the US too
        for code in party_codes(m, sides):
            sides.setdefault(code, actor_of(doc, m, code))
    for code, start, end in _destination(frame):
        # "flew to Washington for a meeting": the host of the trip takes part
        sides.setdefault(code, Actor(code=code, text=doc.text[start:end], span=span_of(doc, start, end)))
    if trigger in w.topic_first:
        objects = frame.objects(w.with_between, topic_first=True)
    else:
        objects = frame.objects()
    passive = first > 0 and doc.tokens[first - 1].lower in w.passive_aux  # "was welcomed in Berlin by Scholz"
    if trigger in w.welcoming and not passive and not any(p.prep == OBJECT and p.mention.first_token <= frame.last + 3 for p in objects):
        return Veto.PRAISE  # "welcomed Turkey's decision": praise of a decision, not a welcome of a visitor
    weak = trigger in lex.forms(MEETING, VERB, needs=_TWO_PARTIES)
    if weak:
        objects = [p for p in objects if p.prep not in w.prep_from]  # "received tanks from Poland" is no meeting
    others: dict[str, Actor] = {}
    for party in objects:
        for code in party_codes(party.mention, sides):
            if code not in sides:
                others.setdefault(code, actor_of(doc, party.mention, code))
    location = frame.location()
    if trigger in travel and not _official(doc, subject):
        return Veto.TRAVEL_NOT_VISIT  # troops, refugees or a ship going somewhere is no visit
    visiting = trigger in w.visits or trigger in travel
    if visiting:
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
    separate = len(sides) == 1 and len(others) >= 2 and (visiting or _in_turn(frame, objects))
    if separate and not _one_gathering(frame):
        groups = [{**sides, code: actor} for code, actor in others.items()]
    out: list[Meeting] = []
    veto = Veto.NO_PARTY
    for codes in groups:
        event = _meeting(frame, trigger, subject, objects, codes, location if len(groups) == 1 or (location and location.country in codes) else None)
        if isinstance(event, Veto):
            veto = event
        else:
            out.append(event)
    return out or veto


def _with_mediator(frame: Frame, meeting: Meeting) -> Meeting:
    """The meeting with the mediator named at a mediation trigger added to its participants:
    the party after "by", else the trigger's subject."""
    doc = frame.doc
    named = [p.mention for p in frame.objects() if p.prep in frame.w.prep_by] or frame.subject()
    known = {a.code for a in meeting.participants}
    added = [actor_of(doc, m, c) for m in named for c in m.codes if c not in known]
    return meeting.model_copy(update={"participants": meeting.participants + tuple({a.code: a for a in added}.values())}) if added else meeting


def _destination(frame: Frame) -> list[tuple[str, int, int]]:
    """The place a traveller went to, before the meeting noun in the clause ("flew to X for
    talks", "arrived in X for a summit")."""
    toks = frame.doc.tokens
    w = frame.w
    if toks[frame.first].lower not in frame.doc.lexicon.forms(MEETING, NOUN):
        return []
    for k in range(frame.clause_start, frame.first - 1):
        nxt = toks[k + 1].lower
        if toks[k].lower in w.travel and (nxt in w.prep_to or (nxt in w.prep_in and toks[k].lower in w.arrival)):
            found = place_after(frame.doc, k + 2)
            if found is not None and found[1] < toks[frame.first].start:
                return [found]
    return []


def _official(doc: Document, subject: list[ActorMention]) -> bool:
    """Whether the subject is a person or an official ("the foreign minister", "a delegation")."""
    heads = doc.lexicon.words.official_heads
    return any(m.kind == PERSON or m.role in heads or _head_word(m.role) in heads for m in subject)


def _head_word(role: str | None) -> str | None:
    """The last word of a role ("foreign minister" -> "minister")."""
    return role.split()[-1] if role else None


def _in_turn(frame: Frame, objects: list[Party]) -> bool:
    """'met the IMF, then President Trump': parties met one after the other."""
    spans = [(p.mention.last_token, q.mention.first_token) for p, q in zip(objects, objects[1:], strict=False)]
    return any(frame.w.in_turn & set(frame.words(a, b)) for a, b in spans)


def _one_gathering(frame: Frame) -> bool:
    """A summit or a multilateral meeting with several parties is one meeting."""
    return bool(set(frame.words(frame.clause_start, frame.clause_end)) & frame.w.one_gathering)


def _meeting(
    frame: Frame, trigger: str, subject: list[ActorMention], objects: list[Party], codes: dict[str, Actor], location: Location | None
) -> Meeting | Veto:
    if not codes:
        return Veto.NO_PARTY
    lex = frame.doc.lexicon
    if len(codes) == 1:
        (code,) = codes
        other = _uncoded_other_side(frame) or _domestic_dyad(subject, objects)
        if other is None and trigger in frame.w.gatherings and subject and _attending(frame) and (location is None or location.country != code):
            other = trigger  # "Blair is at a summit in Brussels": a summit has other parties, named or not
        if other is None and code not in ORGANIZATION_CODES and not frame.negated:
            return Veto.NO_SECOND_PARTY  # a state meeting itself is domestic
        if other is not None and location is not None and location.country != code and other in frame.w.counterpart_words:
            # "Modi met his counterpart in Tokyo": the counterpart is the host's
            codes = {**codes, location.country: Actor(code=location.country, text=location.text or location.country, span=location.span)}
        if trigger in lex.forms(MEETING, VERB, needs=_TWO_PARTIES) and not _group_subject(frame, subject) and other is None:
            return Veto.NO_SECOND_PARTY
    status, date = frame.when()
    entry = lex.trigger(trigger, MEETING)
    return Meeting(
        participants=tuple(codes.values()),
        mentions=(frame.mention(),),
        date=date,
        location=location,
        status=status,
        negated=frame.negated,
        cameo=CAMEO_INTEND_TO_MEET if status == PLANNED else (entry.cameo or None if entry else None),
        plover=PLOVER_CONSULT,
        extractor=MeetingExtractor.name,
        confidence=0.7 if len(codes) > 1 else 0.5,
    )


def _attending(frame: Frame) -> bool:
    """'is at a summit', 'attended the conference', 'travelled to the summit': the subject takes part."""
    words = frame.words(max(frame.clause_start, frame.first - 4), frame.first)
    return bool(set(words) & frame.w.attending)


def _domestic_dyad(subject: list[ActorMention], objects: list[Party]) -> str | None:
    """A group and the government of its own state ("Sudan held talks with Darfur rebels"):
    GUIDELINES code the domestic dyad as the country once. The group's text, or None."""
    named = subject + [p.mention for p in objects]
    groups = [m for m in named if m.kind == GROUP]
    if groups and any(m.kind != GROUP and set(m.codes) & set(groups[0].codes) for m in named):
        return groups[0].text
    return None


def _uncoded_other_side(frame: Frame) -> str | None:
    """A second side the text names but no code stands for: "met his counterpart", "met a
    delegation": the word that shows it, or None."""
    toks = frame.doc.tokens
    w = frame.w
    j = frame.last
    stop = min(frame.clause_end, frame.last + 6)
    while j < stop and (toks[j].lower in w.meeting_role_preps or toks[j].lower in w.determiners or toks[j].lower in w.function_words):
        j += 1
    for k in range(j, min(j + 3, stop)):
        tok = toks[k]
        if tok.lower in w.other_side_heads:
            coded = any(j <= m.first_token <= k and m.codes for m in frame.sentence_parties)
            return None if coded else tok.lower  # "their British counterparts" is coded already
        if not tok.text.isalpha():
            break
    return None


def _compound(frame: Frame) -> list[ActorMention]:
    """Parties named in the noun phrase before a meeting noun: "a Russia-NATO Council
    session", "the Russia-EU summit", "U.S.-Canadian consultations"."""
    toks = frame.doc.tokens
    w = frame.w
    nouns = frame.doc.lexicon.forms(MEETING, NOUN)
    i = frame.first - 1
    lo = max(frame.sentence.first_token, frame.first - 6)
    mediation = frame.doc.lexicon.forms(MEETING, family=_MEDIATION)
    while i >= lo and (toks[i].text in w.hyphen or toks[i].text[0].isupper() or toks[i].lower in nouns or toks[i].lower in w.possessive or toks[i].lower in mediation):
        i -= 1
    start = i + 1
    found = [m for m in frame.doc.actors_between(toks[start].start, toks[frame.first].start) if m.codes]
    joined = any(toks[k].text in w.hyphen for k in range(start, frame.first))
    owners = [m for m in frame.sentence_parties if m.last_token < frame.first and toks[m.last_token].lower in w.possessive and frame.first - m.last_token <= 4]
    return (found if joined else []) + owners + _joint_forum_after(frame)


def _joint_forum_after(frame: Frame) -> list[ActorMention]:
    """Meetings 'in the NATO-Russia Council': the parties joined by a hyphen in the name of a
    joint forum right after the meeting noun."""
    toks = frame.doc.tokens
    w = frame.w
    stop = min(frame.clause_end, frame.last + 8)
    mentions = {m.first_token: m for m in frame.doc.actors_between(toks[frame.last].start, toks[stop - 1].end) if m.codes} if stop > frame.last else {}
    for k in range(frame.last, stop - 2):
        a = mentions.get(k)
        if a is None or a.last_token >= len(toks) or toks[a.last_token].text not in w.hyphen:
            continue
        b = mentions.get(a.last_token + 1)
        if b is not None and b.last_token < len(toks) and toks[b.last_token].lower in w.joint_forums:
            return [a, b]
    return []


def _took_place(doc: Document, sentence: Sentence) -> list[tuple[int, int, int]]:
    """'..., such as one that took place Wednesday': (antecedent meeting noun, first, last) of
    each "took place" / "was held" whose subject is a meeting noun or a pronoun for one."""
    toks = doc.tokens
    lex = doc.lexicon
    w = lex.words
    nouns = lex.derived(_PLAIN_NOUNS, lambda: lex.forms(MEETING, NOUN) - lex.forms(MEETING, NOUN, needs=_QUALIFIER))
    out = []
    firsts = lex.derived(_TOOK, lambda: frozenset(a for a, *_ in lex.phrases.took_place))
    stop = sentence.last_token - 1
    for i in [i for i, t in enumerate(toks[sentence.first_token + 1 : stop], sentence.first_token + 1) if t.lower in firsts]:
        if (toks[i].lower, toks[i + 1].lower) not in lex.phrases.took_place:
            continue
        subject = toks[i - 1].lower
        if subject in w.relative_pronouns and i >= 2:
            subject = toks[i - 2].lower
        if subject not in w.took_place_subjects:
            continue
        for j in range(i - 1, max(sentence.first_token, i - 16) - 1, -1):
            if toks[j].lower in nouns:
                out.append((j, i, i + 2))
                break
    return out


def _held_instance(doc: Document, sentence: Sentence, noun: int, first: int, last: int) -> Meeting | None:
    """The one meeting of a series that the text says took place."""
    lex = doc.lexicon
    series = Frame(doc, sentence, noun, noun + 1, role_preps=lex.words.meeting_role_preps)
    codes: dict[str, Actor] = {}
    for m in series.subject() + _compound(series) + [p.mention for p in series.objects()]:
        for code in m.codes:
            codes.setdefault(code, actor_of(doc, m, code))
    if len(codes) < 2:
        return None
    frame = Frame(doc, sentence, first, last)
    entry = lex.trigger(doc.tokens[noun].lower, MEETING, NOUN)
    return Meeting(
        participants=tuple(codes.values()),
        mentions=(frame.mention(),),
        date=frame.date(OCCURRED),
        location=frame.location() or series.location(),
        status=OCCURRED,
        cameo=entry.cameo or None if entry else None,
        plover=PLOVER_CONSULT,
        extractor=MeetingExtractor.name,
        confidence=0.5,
    )


def _group_subject(frame: Frame, subject: list[ActorMention]) -> bool:
    return any(m.role in frame.w.group_roles for m in subject if m.role)


def _two_sides(frame: Frame) -> bool:
    words = frame.words(frame.clause_start, frame.clause_end)
    w = frame.w
    return any(a in w.pair_words and b in w.pair_heads for a, b in zip(words, words[1:], strict=False))


def _visit_targets(doc: Document, i: int, stop: int) -> list[tuple[str, int, int]]:
    """The places visited: "visits Kyrgyzstan", "a visit to Beijing", "to visit Thailand and
    Indonesia"."""
    toks = doc.tokens
    w = doc.lexicon.words
    j = i + 1
    if j < stop and toks[j].lower in w.visit_preps:
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
        if k < stop and toks[k].lower in w.list_joiners and k + 1 < stop:
            j = k + 1
            if toks[j].lower in w.conjunction_and:
                j += 1
        else:
            break
    return out
