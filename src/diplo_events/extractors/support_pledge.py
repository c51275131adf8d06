"""Support pledges: an actor pledges, announces or provides military, economic,
humanitarian, political, training or technical support to another."""

from __future__ import annotations

from typing import cast

import regex

from ..document import ActorMention, Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..lexicon import LEXICON
from ..models import Actor, Amount, SupportPledge, SupportType
from ..registry import extractors
from .base import Frame, Party, actor_of, is_trigger_case, party_codes, span_of

__all__ = ["SupportPledgeExtractor"]

_LEX = LEXICON.support
# verbs whose object is the recipient itself ("help Ukraine", "prop Russia up")
_HELP = frozenset({"help", "helps", "helped", "helping", "assist", "assists", "assisted", "assisting", "back", "backs", "backed", "backing", "prop", "propping", "propped",
    "train", "trains", "trained", "equip", "equips", "equipped", "equipping", "arming"})
_RECEIVE = frozenset({"receive", "receives", "received", "receiving", "obtain", "obtains", "obtained", "secure", "secures", "secured", "securing", "accept", "accepts", "accepted"})
_AID_NOUNS = frozenset({"aid", "assistance", "relief", "humanitarian", "peacekeepers", "troops", "package", "loan", "grant", "grants", "funding"})
_ROLE_PREPS = frozenset({"to", "for", "towards", "toward", "into", "by", "from", "in"})
_SUSPENDING = LEXICON.suspension.verbs | LEXICON.suspension.nouns | frozenset({"block", "blocks", "blocked", "blocking", "sanction", "sanctions"})

_AMOUNT = regex.compile(
    r"""
    (?:US\$|GB£|A\$|C\$|\$|€|£|¥|₹)\s?\d[\d,.]*(?:\s?(?:billion|million|bn|mln|bln|m|trillion))?   # $3.8 billion, €50 million
    | \d[\d,.]*\s?(?:billion|million|bn|mln|bln|m)?\s?                                          # 260 mln dlrs, 8 mln sterling
      (?:dlrs|dollars|euros|euro|pounds|stg|sterling|yen|rupees|francs|cfa\ francs|yuan|roubles|rubles)\b
    | \d[\d,.]*\s(?:tonnes|tons)\b                                                               # 79,250 tonnes (of wheat)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "gb£": "GBP", "¥": "JPY", "₹": "INR", "dlrs": "USD", "dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "stg": "GBP", "sterling": "GBP", "yen": "JPY", "rupees": "INR", "yuan": "CNY", "roubles": "RUB", "rubles": "RUB"}
_SCALE = {"billion": 1e9, "bn": 1e9, "bln": 1e9, "million": 1e6, "mln": 1e6, "m": 1e6, "trillion": 1e12}


@extractors.register("diplo_events.support_pledge.v1")
class SupportPledgeExtractor:
    """Finds pledges and deliveries of support from one party to another.

    Not support: purchases and arms sales, support for a policy or a treaty, domestic
    packages, aid mentioned in passing, appeals to give aid, refusals of aid offered.
    """

    name = "diplo_events.support_pledge.v1"

    def extract(self, doc: Document) -> list[SupportPledge]:
        """Every support mention in ``doc``, one event per trigger."""
        out: list[SupportPledge] = []
        for sentence in doc.sentences:
            if not doc.sentence_actors(sentence):
                continue
            for first, last in _triggers(doc, sentence):
                event = _event(doc, sentence, first, last)
                if event is not None:
                    out.append(event)
        return out


def _triggers(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    toks = doc.tokens
    stop = sentence.last_token
    found: list[tuple[int, int]] = []
    for i in range(sentence.first_token, stop):
        w = toks[i].lower
        if w in _LEX.phrasal:
            particles = _LEX.phrasal[w]
            k = next((k for k in range(i + 1, min(i + 4, stop)) if toks[k].lower in particles), None)
            if k is not None:
                found.append((i, i + 1))
                continue
        if w in _LEX.verbs and w not in {"step", "steps", "stepped", "stepping", "ramp", "ramps", "ramped", "prop", "propped", "hand", "hands", "handed", "handing"}:
            if is_trigger_case(doc, sentence, i):
                found.append((i, i + 1))
    return found


def _object_window(frame: Frame) -> list[str]:
    return frame.words(frame.last, min(frame.clause_end, frame.last + 10))


def _event(doc: Document, sentence: Sentence, first: int, last: int) -> SupportPledge | None:
    frame = Frame(doc, sentence, first, last, role_preps=_ROLE_PREPS)
    trigger = doc.tokens[first].lower
    window = _object_window(frame)
    if set(frame.words(first - 4, first)) & _SUSPENDING:
        return None
    if any(w in _LEX.non_objects for w in window[:6]):
        return None  # a sale, a deal, a purchase
    after = doc.tokens[frame.last].start if frame.last < sentence.last_token else sentence.end
    clause_text = doc.text[after : min(sentence.end, after + 400)]  # items are named close by
    amount = _amount(doc, frame)
    has_object = any(w in _LEX.objects for w in window) or amount is not None
    objects = frame.objects()
    direct = [p for p in objects if p.prep in {"object", "possessive"} and p.mention.first_token <= frame.last + 3]
    if trigger in _HELP:
        if not direct and not has_object:
            return None
    elif not has_object:
        return None
    if trigger.startswith("promis") or trigger.startswith("pledg"):
        if frame.last < len(doc.tokens) and doc.tokens[frame.last].lower == "to":
            return None  # "promised to lend": the next verb carries it
    donors: dict[str, Actor] = {}
    by = [p.mention for p in objects if p.prep in {"by", "from"}]
    subject = frame.subject()
    if subject and all(m.kind == "members" for m in subject) and any(p.prep == "from" for p in objects):
        subject = []  # "ECOWAS announces troops from Ghana and Nigeria": the members named give
        by = [p.mention for p in objects if p.prep == "from"]
    receiving = trigger in _RECEIVE
    if receiving:
        # "Ukraine received tanks from Poland": the subject receives, "from" gives
        subject, by = [p.mention for p in objects if p.prep == "from"], subject
    for m in subject or by:
        for code in party_codes(m):
            donors.setdefault(code, actor_of(doc, m, code))
    if frame.blocked and not trigger.startswith("offer"):
        return None
    if not donors:
        return None
    recipients: dict[str, Actor] = {}
    receivers = [Party(m, "subject") for m in by] if receiving else objects
    for party in receivers:
        if not receiving and (party.prep == "in" or (party.prep in {"by", "from"} and party.mention in by)):
            continue
        for code in party_codes(party.mention, donors):
            if code not in donors:
                recipients.setdefault(code, actor_of(doc, party.mention, code))
    territories = {c for c in recipients if any(doc.same_state(c, d) for d in donors)}
    if territories and territories == set(recipients):
        return None  # troops or aid sent to one's own territory (DNK -> GRL) are domestic
    if not recipients:
        for m in _later_recipients(frame):
            for code in party_codes(m, donors):
                if code not in donors:
                    recipients.setdefault(code, actor_of(doc, m, code))
    if not recipients and (_for_something(window) or not (set(window) & _AID_NOUNS or set(donors) & ORGANIZATION_CODES)):
        return None  # no one receives it: domestic ("a package for airlines") or not support
    status, date = frame.when()
    if trigger in {"pledge", "pledges", "pledged", "promise", "promises", "promised", "commit", "commits", "committed"}:
        status = "planned" if status == "occurred" else status  # the support is still to come; the date is the pledge's
    types = _types(frame, window)
    return SupportPledge(
        donors=tuple(donors.values()),
        recipients=tuple(recipients.values()),
        support_types=types,
        items=_items(clause_text),
        amount=amount,
        mentions=(frame.mention(),),
        date=date,
        location=None,
        status=status,
        negated=frame.negated,
        cameo=_cameo(types, status),
        plover="AID",
        extractor=SupportPledgeExtractor.name,
        confidence=0.7 if recipients else 0.5,
    )


def _later_recipients(frame: Frame) -> list[ActorMention]:
    """A recipient past the clause's end, within the sentence: "deploys vessels, including
    the X, carrying aid to Cuba"."""
    toks = frame.doc.tokens
    stop = min(frame.sentence.last_token, frame.last + 25)
    for m in frame.sentence_parties:
        if frame.clause_end <= m.first_token < stop and m.first_token > 0:
            prev = toks[m.first_token - 1].lower
            if prev == "the" and m.first_token > 1:
                prev = toks[m.first_token - 2].lower
            if prev in {"to", "for"}:
                return [m]
    return []


def _for_something(window: list[str]) -> bool:
    """'a support package for airlines': support for a sector, not for a party."""
    for a, b in zip(window, window[1:], strict=False):
        if a == "for" and b.isalpha() and b.islower() and b not in {"the", "a", "an", "its", "their", "his", "her"}:
            return True
    return False


def _types(frame: Frame, window: list[str]) -> tuple[SupportType, ...]:
    words = set(window) | set(frame.words(frame.first - 3, frame.first))
    return tuple(cast("SupportType", t) for t, vocab in LEXICON.support_types.items() if words & vocab)


def _items(text: str) -> tuple[str, ...]:
    low = text.lower()
    out: list[str] = []
    for item in LEXICON.support_items:
        if item in low and not any(item in longer for longer in out):
            out.append(item)
    return tuple(out)


def _amount(doc: Document, frame: Frame) -> Amount | None:
    toks = doc.tokens
    if frame.clause_end <= frame.last:
        return None
    start, end = toks[frame.last].start, toks[frame.clause_end - 1].end
    m = _AMOUNT.search(doc.text, start, end)
    if m is None:
        return None
    text = m.group()
    low = text.lower()
    currency = next((c for sym, c in _CURRENCY.items() if sym in low.split() or low.startswith(sym)), None)
    number = regex.search(r"\d[\d,]*(?:\.\d+)?", text)
    value = float(number.group().replace(",", "")) if number else None
    if value is not None:
        scale = next((f for word, f in _SCALE.items() if regex.search(rf"\d\s?{word}\b", low)), 1.0)
        value *= scale
    return Amount(value=value, currency=currency, text=text, span=span_of(doc, m.start(), m.end()))


def _cameo(types: tuple[SupportType, ...], status: str) -> str:
    base = "033" if status == "planned" else "07"
    sub = {"economic": "1", "military": "2", "humanitarian": "3"}
    for t in ("military", "economic", "humanitarian"):
        if t in types:
            return base + sub[t] if base == "033" else "07" + sub[t]
    return "030" if status == "planned" else "070"
