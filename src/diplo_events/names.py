"""The names of the schema's values, written once: event types, statuses, date precisions,
tenses, mention kinds and the pseudo-prepositions of party roles.

Rules compare against these constants rather than spelling the strings out, so that a value
of the schema is defined in one place (``models`` and ``document`` document their meaning).
"""

from __future__ import annotations

from typing import Final

# event types (models.Event.type)
MEETING: Final = "meeting"
SUSPENSION: Final = "suspension"
SUPPORT_PLEDGE: Final = "support_pledge"

# statuses (models.EventStatus) and date precisions (models.Precision)
OCCURRED: Final = "occurred"
PLANNED: Final = "planned"
ONGOING: Final = "ongoing"
DAY: Final = "day"

# the tenses dates are resolved in
FUTURE: Final = "future"
PAST: Final = "past"

# parts of speech of triggers (lexicon.Trigger.pos)
VERB: Final = "verb"
NOUN: Final = "noun"
PHRASAL: Final = "phrasal"

# what a trigger needs besides a party (lexicon.Trigger.needs; data/triggers.tsv explains them)
NEEDS_NOTHING: Final = "-"
NEEDS_OBJECT: Final = "object"
NEEDS_TWO_PARTIES: Final = "two_parties"
NEEDS_QUALIFIER: Final = "qualifier"
NEEDS_DESTINATION: Final = "destination"
NEEDS_PHONE: Final = "phone"
NEEDS_RECIPIENT: Final = "recipient"
NEEDS_CONTINGENT: Final = "contingent"

# trigger families the rules treat apart (data/triggers.tsv)
FAMILY_CANCEL: Final = "cancel"
FAMILY_WITHDRAW: Final = "withdraw"
FAMILY_LEAVE: Final = "leave"
FAMILY_MEDIATION: Final = "mediation"

# how an actor mention was named (document.ActorMention.kind)
NAME: Final = "name"
ADJECTIVE: Final = "adjective"
CAPITAL: Final = "capital"
INSTITUTION: Final = "institution"
BODY: Final = "body"
PERSON: Final = "person"
MEMBERS: Final = "members"
ANAPHOR: Final = "anaphor"
PRONOUN: Final = "pronoun"
COUNTRY_REF: Final = "country_ref"
GROUP: Final = "group"
TITLE: Final = "title"
PARTY_KINDS: Final = (NAME, INSTITUTION, BODY, PERSON, MEMBERS, ANAPHOR, PRONOUN, COUNTRY_REF, GROUP, TITLE)

# the role a party was found in, besides the preposition that introduced it (extractors.base.Party)
SUBJECT: Final = "subject"
OBJECT: Final = "object"
POSSESSIVE: Final = "possessive"
WITH: Final = "with"

# PLOVER event types and the CAMEO codes a rule gives when the trigger's own code does not apply
PLOVER_CONSULT: Final = "CONSULT"
PLOVER_SANCTION: Final = "SANCTION"
PLOVER_AID: Final = "AID"
CAMEO_INTEND_TO_MEET: Final = "036"
# word classes named "cameo_<code>" in data/lexicon.toml give the code of what is suspended
CAMEO_CLASS_PREFIX: Final = "cameo_"
# support types (models.SupportType) are the word classes named "type_<support type>"
SUPPORT_TYPE_PREFIX: Final = "type_"
# CAMEO codes of support: 033x pledged, 07x provided; x by the kind of aid
CAMEO_PLEDGE_AID: Final = "033"
CAMEO_PROVIDE_AID: Final = "07"
CAMEO_AID_KIND: Final = {"military": "2", "economic": "1", "humanitarian": "3"}
CAMEO_PLEDGE_SUPPORT: Final = "030"
CAMEO_PROVIDE_SUPPORT: Final = "070"
MERGE_CLASS_PREFIX: Final = "merge_"
CAMEO_PEACEKEEPING: Final = "074"
