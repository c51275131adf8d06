"""Suspensions: an actor suspends, halts, freezes, breaks off or scales back ties, talks, aid,
a mission, membership or compliance with a treaty; a cancelled visit or meeting."""

from __future__ import annotations

from ..document import Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..models import Actor, Suspension
from ..names import CAPITAL as CAPITAL_KIND, CAMEO_CLASS_PREFIX, FAMILY_CANCEL, FAMILY_LEAVE, FAMILY_WITHDRAW, NEEDS_NOTHING, NOUN, PHRASAL, PLOVER_SANCTION, SUSPENSION, VERB, WITH
from ..registry import extractors
from ..vetoes import Veto
from .base import Frame, Party, actor_of, candidates, is_trigger_case, note, party_codes, span_of

__all__ = ["SuspensionExtractor"]

Span = tuple[int, int]
_SINGLE_WORDS, _STARTS = object(), object()  # keys of Lexicon.derived: one-word triggers, and all first words


@extractors.register("diplo_events.suspension.v1")
class SuspensionExtractor:
    """Finds suspensions of cooperation, ties, talks, aid, missions, membership or treaties.

    Not suspensions: sanctions, expulsions, threats and calls to suspend, commercial or
    domestic halts (flights, exports, parliament), ceasefires and halted attacks.
    """

    name = "diplo_events.suspension.v1"
    triggered_by_lexicon = True  # every event has a trigger word in its sentence

    def extract(self, doc: Document) -> list[Suspension]:
        """Every suspension mention in ``doc``, one event per trigger."""
        out: list[Suspension] = []
        for sentence in doc.sentences:
            if not doc.sentence_actors(sentence):
                continue
            for first, last, obj in _triggers(doc, sentence):
                if isinstance(obj, Veto):
                    note(doc, SUSPENSION, sentence, first, last, obj)
                    continue
                event, frame = _event(doc, sentence, first, last, obj)
                note(doc, SUSPENSION, sentence, first, last, event, frame)
                if isinstance(event, Suspension):
                    out.append(event)
        return out


def _triggers(doc: Document, sentence: Sentence) -> list[tuple[int, int, Span | Veto | None]]:
    """Trigger token ranges with the range of what is suspended (None for "broke with"), or
    the veto that rules the trigger out."""
    toks = doc.tokens
    lex = doc.lexicon
    phrasal = lex.phrasal(SUSPENSION)
    single = lex.derived(_SINGLE_WORDS, lambda: lex.forms(SUSPENSION, VERB) | lex.forms(SUSPENSION, NOUN))
    found: list[tuple[int, int, Span | Veto | None]] = []
    stop = sentence.last_token
    starts = lex.derived(_STARTS, lambda: single | phrasal.keys())
    for i in candidates(doc, sentence, starts):
        low = toks[i].lower
        last = i + 1
        if low in phrasal:
            nxt = toks[i + 1].lower if i + 1 < stop else ""
            if nxt in phrasal[low]:
                last = i + 2
                entry = lex.phrasal_trigger(SUSPENSION, low, nxt)
                if entry is not None and entry.needs == NEEDS_NOTHING:
                    found.append((i, last, None))  # "broke with X": the party is what is broken with
                    continue
            elif low not in single:
                # "pulled its ambassador out of Niger": the particle after a short object
                k = next((k for k in range(i + 2, min(i + 5, stop)) if toks[k].lower in phrasal[low]), None)
                if k is None or not is_trigger_case(doc, sentence, i):
                    continue
                obj = _object(doc, i, i + 1, k, allowed=lex.words.suspendable)
                found.append((i, i + 1, obj))
                continue
        elif low not in single:
            continue
        if not is_trigger_case(doc, sentence, i):
            continue
        if i + 1 < stop and toks[i + 1].lower in lex.words.stopped_short:
            found.append((i, last, Veto.NEXT_VERB))  # "stopped short of suspending": the negated verb after it
            continue
        found.append((i, last, _object(doc, i, last, stop)))
    return found


def _object(doc: Document, first: int, last: int, stop: int, allowed: frozenset[str] | None = None) -> Span | Veto:
    """The token range of what the trigger suspends, or the veto when it is not cooperation.
    What counts is the trigger's own object class when the lexicon names one ("close" an
    embassy), else its family's (what one withdraws from, what one cancels, what one suspends)."""
    toks = doc.tokens
    lex = doc.lexicon
    w = lex.words
    low = toks[first].lower
    j = last
    entry = lex.trigger(low, SUSPENSION)
    if first > 0 and toks[first - 1].lower in w.articles and low in lex.forms(SUSPENSION, VERB):
        return Veto.ADJECTIVAL  # "a suspended sentence", "the frozen conflict": a state, not a happening
    own = w[entry.object_class] if entry is not None and entry.object_class else allowed
    withdrawing = low in lex.forms(SUSPENSION, family=FAMILY_WITHDRAW) and j < stop and toks[j].lower in w.withdraw_preps
    if withdrawing or low in lex.forms(SUSPENSION, family=FAMILY_LEAVE):
        while j < stop and toks[j].lower in w.withdraw_preps | w.of:
            j += 1
        near = doc.actors_between(toks[j].start, toks[min(j + 1, stop - 1)].end) if j < stop else []
        org = next((m for m in near if set(m.codes) & ORGANIZATION_CODES), None)
        if org is not None:
            return (org.first_token, org.last_token)  # "withdraw from the CIS", "quit NATO": leaving a body
    if own is not None:
        allowed = own
    elif withdrawing:
        allowed = w.leavable
    elif low in lex.forms(SUSPENSION, family=FAMILY_CANCEL):
        allowed = w.cancellable
    else:
        allowed = w.suspendable - w.visit_like  # "ended a visit": it took place
        if low in lex.forms(SUSPENSION, VERB) and last == first + 1 and j < stop and toks[j].lower in w.intransitive_next:
            return Veto.NOT_SUSPENDED  # "talks ended without agreement": nothing is suspended
    nouns = lex.forms(SUSPENSION, NOUN)
    if low in nouns and j < stop and toks[j].lower in w.noun_preps:
        j += 1
    for k in range(j, min(j + 10, stop)):
        word = toks[k].lower
        if word in w.not_suspendable and not (k + 1 < stop and toks[k + 1].lower in allowed):
            return Veto.NOT_DIPLOMATIC  # "flights", "exports" - but "trade negotiations" is talks
        if word in allowed:
            return (j, k + 1)
        if word in w.object_scan_stops and k > j:
            break
    if low in nouns and first > 0 and toks[first - 1].lower in w.suspendable:
        return (first - 1, first)  # "aid freeze", "arms suspension"
    if first > 0 and toks[first - 1].lower in w.passive_aux:
        for k in range(first - 2, max(first - 8, -1), -1):  # "cooperation ... was suspended"
            if toks[k].lower in allowed:
                return (k, k + 1)
    if entry is not None and entry.needs == NEEDS_NOTHING and entry.pos == VERB:
        # "suspend", "sever": unambiguous on their own, whatever the object (the vetoes above
        # still apply); the object runs to the first word that ends a noun phrase
        k = j
        while k < stop and k < j + 6 and toks[k].text[0].isalnum() and toks[k].lower not in w.object_scan_stops | w.topic | w.role_preps:
            k += 1
        if k > j:
            return (j, k)
    return Veto.NO_OBJECT


def _event(doc: Document, sentence: Sentence, first: int, last: int, obj: Span | None) -> tuple[Suspension | Veto, Frame]:
    w = doc.lexicon.words
    frame = Frame(doc, sentence, first, last, role_preps=w.suspension_role_preps)
    actors: dict[str, Actor] = {}
    objects = frame.objects()
    # "was suspended by X": X suspends; "cancelled a visit by X": X is the other side
    is_passive = first > 0 and doc.tokens[first - 1].lower in w.passive_aux
    passive = [p for p in objects if p.prep in w.prep_by] if is_passive else []
    for m in [p.mention for p in passive] or frame.subject():
        for code in party_codes(m):
            actors.setdefault(code, actor_of(doc, m, code))
    if frame.modality is not None:
        return frame.modality, frame
    if not actors:
        return Veto.NO_PARTY, frame
    counterparts: dict[str, Actor] = {}
    if obj is not None and doc.tokens[obj[1] - 1].lower in w.membership_heads:
        objects = frame.objects(w.suspension_role_preps | w.prep_in)  # "froze its participation in the CSTO"
    if is_passive:  # the counterpart is in the subject: "cooperation with Mali was suspended"
        left = [m for m in frame.sentence_parties if frame.clause_start <= m.first_token and m.last_token <= first]
        objects = [*objects, *(Party(m, WITH) for m in left)]
    for party in objects:
        if party.prep in w.prep_by and is_passive:
            continue
        for code in party_codes(party.mention, actors):
            if code not in actors:
                counterparts.setdefault(code, actor_of(doc, party.mention, code))
    if not counterparts and obj is not None:
        # "withdrawing from the Iran nuclear deal", "out of the UN mission": a name inside what
        # is left or suspended is the other side
        toks = doc.tokens
        lo, hi = toks[frame.last].start if frame.last < len(toks) else 0, toks[min(obj[1] + 5, frame.clause_end) - 1].end
        for m in doc.actors_between(lo, hi):
            codes = [c for c in party_codes(m, actors) if c not in actors]
            linking = {t.lower for t in toks[obj[1] : m.first_token]}  # only "out of the", "in its" after the object
            if codes and m.kind != CAPITAL_KIND and linking <= w.object_links:
                counterparts[codes[0]] = actor_of(doc, m, codes[0])
                break
    suspended = None
    if obj is not None and not counterparts and doc.tokens[obj[1] - 1].lower in w.obj_envoy:
        # "closed its embassy in Kabul", "its ambassador to Israel": the host state is the other side
        place = frame.place_after_preposition(obj[1], 3, w.prep_in | w.prep_to | w.prep_from)
        if place is not None and place[0] not in actors:
            code, start, end = place
            counterparts[code] = Actor(code=code, text=doc.text[start:end], span=span_of(doc, start, end))
    if obj is not None:
        a, b = obj
        words = {t.lower for t in doc.tokens[a:b]}
        if doc.tokens[b - 1].lower in w.programmes and _own_programme(frame, a, b):
            return Veto.OWN_PROGRAMME, frame  # "halt its programme to develop weapons": a concession
        if words & w.domestic_modifiers:
            return Veto.DOMESTIC, frame  # "federal assistance programs", "domestic funding"
        if not counterparts and doc.tokens[b - 1].lower in w.talks_heads and not _named(doc, a, b):
            return Veto.DOMESTIC, frame  # talks with no one named: party or domestic talks
        while a < b - 1 and doc.tokens[a].lower in w.determiners:
            a += 1
        suspended = doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]
    text = frame.clause_text().lower()
    start = doc.tokens[first].start
    tail = doc.text[start : min(sentence.end, start + 60)].lower()  # "severed since 1980": "since" opens a clause
    if any(marker in text or marker in tail for marker in w.background_markers):
        return Veto.BACKGROUND, frame  # "ties ... have been frozen for years": a state, not a happening
    temporary = any(marker in text for marker in w.temporary_markers)
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
        cameo=_cameo(doc, doc.tokens[first].lower, suspended),
        plover=PLOVER_SANCTION,
        extractor=SuspensionExtractor.name,
        confidence=0.7 if counterparts else 0.5,
    ), frame


def _own_programme(frame: Frame, a: int, b: int) -> bool:
    """'its uranium enrichment programme', 'its programme to develop weapons': one's own arms."""
    toks = frame.doc.tokens
    owner = toks[a].lower in frame.w.own_determiners
    near = {t.lower for t in toks[a : min(b + 5, frame.clause_end)]}
    return owner and bool(near & frame.w.weapons_programme_words)


def _named(doc: Document, a: int, b: int) -> bool:
    """Whether a proper name qualifies the talks ("the informal GATT talks")."""
    return any(t.text[0].isupper() for t in doc.tokens[a : b - 1])


def _cameo(doc: Document, trigger: str, suspended: str | None) -> str | None:
    """The code of what is suspended (the ``cameo_*`` object classes of the lexicon), else
    the trigger's own."""
    words = set((suspended or "").lower().split())
    for code, members in doc.lexicon.classes_with_prefix(CAMEO_CLASS_PREFIX):
        if words & members:
            return code
    entry = doc.lexicon.trigger(trigger, SUSPENSION) or doc.lexicon.trigger(trigger, SUSPENSION, PHRASAL)
    return entry.cameo or None if entry else None
