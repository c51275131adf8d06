"""Peacekeeping contingents: troops, police or observers of one state deploying to, arriving
in or joining a force or a mission (GUIDELINES: a contingent deploying or arriving to join a
force counts as support)."""

from __future__ import annotations

from ..document import ActorMention, Document, Sentence
from ..gazetteer import ORGANIZATION_CODES
from ..models import Actor, SupportPledge
from ..names import CAMEO_PEACEKEEPING, NEEDS_CONTINGENT, PLOVER_AID, SUPPORT_PLEDGE
from ..registry import extractors
from ..vetoes import Veto
from .base import Frame, actor_of, candidates, is_trigger_case, note, span_of

__all__ = ["ContingentExtractor"]


@extractors.register("diplo_events.contingent.v1")
class ContingentExtractor:
    """Finds contingents that arrive, deploy or join a force: "Indonesian peacekeepers arrived
    in southern Lebanon to join the UN force", "the deployment of 1,200 Brazilian troops to
    the UN mission in Haiti".

    Not support: troops of a state going to war or retreating (the sentence must name a
    peacekeeping force, a mission or a contingent), a state's troops on its own soil.
    """

    name = "diplo_events.contingent.v1"
    triggered_by_lexicon = True  # every event has a trigger word in its sentence

    def extract(self, doc: Document) -> list[SupportPledge]:
        """Every contingent in ``doc`` that a state sends to another party or a force."""
        out: list[SupportPledge] = []
        triggers = doc.lexicon.forms(SUPPORT_PLEDGE, needs=NEEDS_CONTINGENT)
        for sentence in doc.sentences:
            if not doc.sentence_actors(sentence):
                continue
            for i in candidates(doc, sentence, triggers):
                if is_trigger_case(doc, sentence, i):
                    event, frame = _event(doc, sentence, i)
                    note(doc, SUPPORT_PLEDGE, sentence, i, i + 1, event, frame)
                    if isinstance(event, SupportPledge):
                        out.append(event)
        return out


def _event(doc: Document, sentence: Sentence, i: int) -> tuple[SupportPledge | Veto, Frame]:
    w = doc.lexicon.words
    frame = Frame(doc, sentence, i, i + 1, role_preps=w.support_role_preps)
    words = set(frame.words(sentence.first_token, sentence.last_token))
    if not words & w.peacekeeping_context:
        return Veto.NOT_PEACEKEEPING, frame
    if frame.modality is not None:
        return frame.modality, frame
    clause = [m for m in frame.sentence_parties if frame.clause_start <= m.first_token < frame.clause_end]
    senders = [m for m in clause if _contingent(doc, m)]
    if not senders:
        return Veto.NO_PARTY, frame
    donor = senders[0]
    donors = {c: actor_of(doc, donor, c) for c in donor.codes}
    recipients: dict[str, Actor] = {}
    for m in clause:
        if m is donor or m.first_token < i:
            continue
        for code in m.codes:
            if code in ORGANIZATION_CODES and code not in donors:
                recipients.setdefault(code, actor_of(doc, m, code))  # "to join the UN force"
    place = frame.place_after_preposition(frame.last, 4, w.prep_in | w.prep_to)  # "arrived in Haiti"
    if place is not None and place[0] not in donors:
        code, start, end = place
        recipients.setdefault(code, Actor(code=code, text=doc.text[start:end], span=span_of(doc, start, end)))
    if not recipients:
        return Veto.NO_PARTY, frame  # troops going home or to no one named
    status, date = frame.when()
    return SupportPledge(
        donors=tuple(donors.values()),
        recipients=tuple(recipients.values()),
        support_types=("military",),
        mentions=(frame.mention(),),
        date=date,
        status=status,
        negated=frame.negated,
        cameo=CAMEO_PEACEKEEPING,
        plover=PLOVER_AID,
        extractor=ContingentExtractor.name,
        confidence=0.6,
    ), frame


def _contingent(doc: Document, m: ActorMention) -> bool:
    """A state's troops, police or observers: "Kenyan police officers", "Irish peacekeepers",
    "a contingent of 150 Irish peacekeepers"."""
    w = doc.lexicon.words
    if not m.codes or set(m.codes) & ORGANIZATION_CODES:
        return False
    nxt = doc.tokens[m.last_token : m.last_token + 3]
    return bool(m.role and m.role.split()[-1] in w.contingent_heads) or any(t.lower in w.contingent_heads for t in nxt[:2])

