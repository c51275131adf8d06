"""The named exclusions: why a trigger that was considered made no event.

Every veto in the extractors is one of these, and each names the GUIDELINES exclusion (or the
missing condition) it applies, so that :func:`diplo_events.explain` can say why.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["Veto"]


class Veto(Enum):
    """A reason for making no event at a trigger: ``Veto.APPEAL.value`` is its name,
    ``Veto.APPEAL.rule`` the GUIDELINES text it applies."""

    # GUIDELINES exclusions
    APPEAL = ("appeal", "calls, appeals, demands and requests; offers or invitations to talk")
    THREAT = ("threat", "threats; sanctions and embargoes")
    HYPOTHETICAL = ("hypothetical", "hypotheticals, conditionals, expectations, 'considering' and 'may' statements")
    MEET_IDIOM = ("meet_idiom", "'meet' as an idiom (meet a target, a deadline, a demand)")
    NO_SECOND_PARTY = ("no_second_party", "meetings with no second party (a cabinet meeting, a party congress)")
    DOMESTIC = ("domestic", "domestic halts, funding, talks or support (one state on both sides)")
    PRAISE = ("praise", "praise, welcome and verbal defence of another (welcoming a decision, not a visitor)")
    PURCHASE = ("purchase", "purchases and arms sales")
    NOT_DIPLOMATIC = ("not_diplomatic", "halts of trade, flights, fighting or other things that are no relation, exchange, commitment or presence")
    SUSPENDED_MEETING = ("suspended_meeting", "a cancelled or suspended meeting is a suspension, never a meeting")
    SUPPORT_STOPPED = ("support_stopped", "support that is stopped, blocked or sanctioned is no pledge")
    TRAVEL_NOT_VISIT = ("travel_not_visit", "troops, refugees or ships going somewhere: private or non-diplomatic travel")
    OWN_PROGRAMME = ("own_programme", "a country halting its own weapons programme (a concession, not a suspension)")
    ADJECTIVAL = ("adjectival", "suspended sentences; a suspension used as an adjective ('a suspended sentence', 'the frozen conflict')")
    BACKGROUND = ("background", "a suspension that is only a background state ('closed for years')")
    NOT_SUSPENDED = ("not_suspended", "talks that ended without agreement, an intransitive end: nothing is suspended")
    NOT_PEACEKEEPING = ("not_peacekeeping", "troops going to war or retreating (retreat of invading or combat forces): no force, mission or contingent is named")
    NOT_SUPPORT_OF_ACTOR = ("not_support_of_actor", "support for a sector, a policy or an idea rather than for an actor")
    # conditions a trigger did not meet
    NO_PARTY = ("no_party", "no codable party in the clause or, for a pronoun or title, the text before it")
    NO_OBJECT = ("no_object", "an ambiguous trigger whose object is no class that makes it an event")
    QUALIFIER_MISSING = ("qualifier_missing", "a meeting noun that needs a qualifier ('phone call', 'council session')")
    DUPLICATE = ("duplicate", "the same meeting as an earlier trigger of the clause")
    NEXT_VERB = ("next_verb", "'promised to lend', 'stopped short of': the following verb carries the event")

    def __init__(self, name: str, rule: str) -> None:
        self._name = name
        self.rule = rule

    @property
    def label(self) -> str:
        """The short name shown by ``explain``."""
        return self._name
