"""Support pledges: an actor pledges, announces or provides military, economic,
humanitarian, political, training or technical support to another."""

from __future__ import annotations

from typing import cast

from ..amounts import find_amount
from ..document import ActorMention, Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..models import Actor, Amount, SupportPledge, SupportType
from ..names import (
    CAMEO_AID_KIND,
    CAMEO_PLEDGE_AID,
    CAMEO_PLEDGE_SUPPORT,
    CAMEO_PROVIDE_AID,
    CAMEO_PROVIDE_SUPPORT,
    MEMBERS,
    NEEDS_CONTINGENT,
    NOUN,
    OBJECT,
    OCCURRED,
    PLANNED,
    PLOVER_AID,
    POSSESSIVE,
    SUBJECT,
    SUPPORT_PLEDGE,
    SUPPORT_TYPE_PREFIX,
    SUSPENSION,
    VERB,
)
from ..registry import extractors
from ..vetoes import Veto
from .base import Frame, Party, actor_of, candidates, is_trigger_case, note, party_codes, span_of

__all__ = ["SupportPledgeExtractor"]

# keys of Lexicon.derived: the sets built once per lexicon
_VERBS, _STOPPING, _ITEMS_LONGEST_FIRST, _STARTS = object(), object(), object(), object()


@extractors.register("diplo_events.support_pledge.v1")
class SupportPledgeExtractor:
    """Finds pledges and deliveries of support from one party to another.

    Not support: purchases and arms sales, support for a policy or a treaty, domestic
    packages, aid mentioned in passing, appeals to give aid, refusals of aid offered.
    """

    name = "diplo_events.support_pledge.v1"
    triggered_by_lexicon = True  # every event has a trigger word in its sentence

    def extract(self, doc: Document) -> list[SupportPledge]:
        """Every support mention in ``doc``, one event per trigger."""
        out: list[SupportPledge] = []
        for sentence in doc.sentences:
            if not doc.sentence_actors(sentence):
                continue
            for first, last in _triggers(doc, sentence):
                event, frame = _event(doc, sentence, first, last)
                note(doc, SUPPORT_PLEDGE, sentence, first, last, event, frame)
                if isinstance(event, SupportPledge):
                    out.append(event)
        return out


def _triggers(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    toks = doc.tokens
    lex = doc.lexicon
    phrasal = lex.phrasal(SUPPORT_PLEDGE)
    verbs = lex.derived(_VERBS, lambda: lex.forms(SUPPORT_PLEDGE, VERB) - lex.forms(SUPPORT_PLEDGE, VERB, needs=NEEDS_CONTINGENT))
    compounds = lex.compounds(SUPPORT_PLEDGE)
    stop = sentence.last_token
    found: list[tuple[int, int]] = []
    starts = lex.derived(_STARTS, lambda: verbs | phrasal.keys() | compounds.keys())
    for i in candidates(doc, sentence, starts):
        low = toks[i].lower
        if low in phrasal:
            particles = phrasal[low]
            k = next((k for k in range(i + 1, min(i + 4, stop)) if toks[k].lower in particles), None)
            if k is not None:
                found.append((i, i + 1))
                continue
        if low in verbs and is_trigger_case(doc, sentence, i):
            found.append((i, i + 1))
        elif low in compounds and any(_preceded_by(doc, i, words) for words in compounds[low]):
            found.append((i, i + 1))  # "air dropping"
    return found


def _owned_thing(doc: Document, party: Party) -> str:
    """The noun after a possessive party ("Armenia's bid" -> "bid")."""
    toks = doc.tokens
    k = party.mention.last_token + 1
    while k < len(toks) and toks[k].text[0].isalpha() and k < party.mention.last_token + 4:
        if toks[k].lower in doc.lexicon.words.candidacy:
            return toks[k].lower
        k += 1
    return toks[k - 1].lower if k - 1 < len(toks) else ""


def _preceded_by(doc: Document, i: int, words: tuple[str, ...]) -> bool:
    n = len(words)
    return i >= n and tuple(t.lower for t in doc.tokens[i - n : i]) == words


def _object_window(frame: Frame) -> list[str]:
    return frame.words(frame.last, min(frame.clause_end, frame.last + 10))


def _event(doc: Document, sentence: Sentence, first: int, last: int) -> tuple[SupportPledge | Veto, Frame]:
    lex = doc.lexicon
    w = lex.words
    frame = Frame(doc, sentence, first, last, role_preps=w.support_role_preps)
    trigger = doc.tokens[first].lower
    window = _object_window(frame)
    stopping = lex.derived(_STOPPING, lambda: lex.forms(SUSPENSION, VERB) | lex.forms(SUSPENSION, NOUN) | w.blocking)
    if set(frame.words(max(sentence.first_token, first - 4), first)) & stopping:
        return Veto.SUPPORT_STOPPED, frame
    if any(x in w.not_support for x in window[:6]) or any(x in w.sale_verbs for x in window):
        return Veto.PURCHASE, frame  # a sale, a deal, a purchase; "the missiles it sold to Turkey"
    after = doc.tokens[frame.last].start if frame.last < sentence.last_token else sentence.end
    clause_text = doc.text[after : min(sentence.end, after + 400)]  # items are named close by
    amount = _amount(doc, frame)
    has_object = any(x in w.support_objects for x in window) or amount is not None
    if not has_object and first > 0 and doc.tokens[first - 1].lower in w.passive_aux:
        # "Anti-tank weapons were delivered to Ukraine": the object is the passive subject
        has_object = any(x in w.support_objects for x in frame.words(frame.clause_start, first))
    objects = frame.objects()
    direct = [p for p in objects if p.prep in {OBJECT, POSSESSIVE} and p.mention.first_token <= frame.last + 3]
    if trigger in w.recipient_verbs:
        if not direct and not has_object:
            return Veto.NO_OBJECT, frame
        owned = [p for p in direct if p.prep == POSSESSIVE]
        if owned and not has_object and _owned_thing(doc, owned[0]) not in w.candidacy:
            return Veto.NOT_SUPPORT_OF_ACTOR, frame  # "backed the Commission's proposal": a policy, not an actor
    elif not has_object:
        return Veto.NO_OBJECT, frame
    if trigger in w.infinitive_pledges:
        if frame.last < len(doc.tokens) and doc.tokens[frame.last].lower in w.infinitive:
            return Veto.NEXT_VERB, frame  # "promised to lend": the next verb carries it
    donors: dict[str, Actor] = {}
    givers = w.prep_by | w.prep_from
    by = [p.mention for p in objects if p.prep in givers]
    subject = frame.subject()
    if subject and all(m.kind == MEMBERS for m in subject) and any(p.prep in w.prep_from for p in objects):
        subject = []  # "ECOWAS announces troops from Ghana and Nigeria": the members named give
        by = [p.mention for p in objects if p.prep in w.prep_from]
    receiving = trigger in w.receiving_verbs
    if receiving:
        # "Ukraine received tanks from Poland": the subject receives, "from" gives
        subject, by = [p.mention for p in objects if p.prep in w.prep_from], subject
    for m in subject or by:
        for code in party_codes(m):
            donors.setdefault(code, actor_of(doc, m, code))
    if frame.modality is not None and trigger not in w.offer_verbs:
        return frame.modality, frame
    if not donors:
        return Veto.NO_PARTY, frame
    recipients: dict[str, Actor] = {}
    receivers = [Party(m, SUBJECT) for m in by] if receiving else objects
    for party in receivers:
        if not receiving and (party.prep in w.prep_in or (party.prep in givers and party.mention in by)):
            continue
        for code in party_codes(party.mention, donors):
            if code not in donors:
                recipients.setdefault(code, actor_of(doc, party.mention, code))
    territories = {c for c in recipients if any(doc.same_state(c, d) for d in donors)}
    if territories and territories == set(recipients):
        return Veto.DOMESTIC, frame  # troops or aid sent to one's own territory (DNK -> GRL) are domestic
    if not recipients:
        for m in _later_recipients(frame):
            for code in party_codes(m, donors):
                if code not in donors:
                    recipients.setdefault(code, actor_of(doc, m, code))
    pledged_money = amount is not None and amount.currency is not None and trigger in w.pledge_verbs
    standalone = set(window) & w.aid_heads or set(donors) & ORGANIZATION_CODES or pledged_money
    if not recipients and (_for_something(frame, window) or not standalone):
        return Veto.NOT_SUPPORT_OF_ACTOR, frame  # no one receives it: domestic ("a package for airlines") or not support
    status, date = frame.when()
    if trigger in w.pledge_verbs:
        status = PLANNED if status == OCCURRED else status  # the support is still to come; the date is the pledge's
    types = _types(frame, window)
    return SupportPledge(
        donors=tuple(donors.values()),
        recipients=tuple(recipients.values()),
        support_types=types,
        items=_items(doc, clause_text),
        amount=amount,
        mentions=(frame.mention(),),
        date=date,
        location=None,
        status=status,
        negated=frame.negated,
        cameo=_cameo(types, status),
        plover=PLOVER_AID,
        extractor=SupportPledgeExtractor.name,
        confidence=0.7 if recipients else 0.5,
    ), frame


def _later_recipients(frame: Frame) -> list[ActorMention]:
    """A recipient past the clause's end, within the sentence: "deploys vessels, including
    the X, carrying aid to Cuba"."""
    toks = frame.doc.tokens
    stop = min(frame.sentence.last_token, frame.last + 25)
    for m in frame.sentence_parties:
        if frame.clause_end <= m.first_token < stop and m.first_token > 0:
            prev = toks[m.first_token - 1].lower
            if prev in frame.w.definite and m.first_token > 1:
                prev = toks[m.first_token - 2].lower
            if prev in frame.w.recipient_preps:
                return [m]
    return []


def _for_something(frame: Frame, window: list[str]) -> bool:
    """'a support package for airlines': support for a sector, not for a party."""
    w = frame.w
    for a, b in zip(window, window[1:], strict=False):
        if a in w.prep_for and b.isalpha() and b.islower() and b not in w.determiners:
            return True
    return False


def _types(frame: Frame, window: list[str]) -> tuple[SupportType, ...]:
    """The kinds of support: the ``type_*`` word classes the object words fall in."""
    words = set(window) | set(frame.words(frame.first - 3, frame.first))
    return tuple(cast("SupportType", kind) for kind, vocab in frame.doc.lexicon.classes_with_prefix(SUPPORT_TYPE_PREFIX) if words & vocab)


def _items(doc: Document, text: str) -> tuple[str, ...]:
    low = text.lower()
    out: list[str] = []
    items = doc.lexicon.derived(_ITEMS_LONGEST_FIRST, lambda: sorted(doc.lexicon.words.support_items, key=lambda x: (-len(x), x)))
    for item in items:
        if item in low and not any(item in longer for longer in out):
            out.append(item)
    return tuple(out)


def _amount(doc: Document, frame: Frame) -> Amount | None:
    toks = doc.tokens
    if frame.clause_end <= frame.last:
        return None
    found = find_amount(doc.text, toks[frame.last].start, toks[frame.clause_end - 1].end)
    if found is None:
        return None
    start, end, value, currency = found
    return Amount(value=value, currency=currency, text=doc.text[start:end], span=span_of(doc, start, end))


def _cameo(types: tuple[SupportType, ...], status: str) -> str:
    pledged = status == PLANNED
    for kind in CAMEO_AID_KIND:
        if kind in types:
            return (CAMEO_PLEDGE_AID if pledged else CAMEO_PROVIDE_AID) + CAMEO_AID_KIND[kind]
    return CAMEO_PLEDGE_SUPPORT if pledged else CAMEO_PROVIDE_SUPPORT
