"""The reading of a clause that every rule-based extractor shares.

An extractor finds trigger words in a sentence; for each trigger, a :class:`Frame` reads the
clause around it: the parties on its left (the subject run), the parties on its right with the
preposition that introduces each ("with", "to", "by", ...), negation, modality (appeals,
threats, hypotheses) and tense. Extractors turn frames into events; nothing here knows about
event types.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from ..document import ActorMention, Document, Sentence, Token
from ..lexicon import LEXICON
from ..models import Actor, EventDate, EventStatus, Location, Mention, Span
from ..places import find_location

__all__ = ["Frame", "Party", "actor_of", "span_of"]

_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
_SUBJECT_GAP = frozenset({",", "and", "&", "'s", "the", "-", "as", "well", "or", "both", "also", "(", ")", "of"})
# a subject is not the object of a preposition or an indefinite noun phrase ("a U.S. system")
_NOT_SUBJECT_BEFORE = frozenset({"to", "of", "for", "in", "on", "with", "from", "by", "at", "against", "a", "an", "into", "toward", "towards", "over", "about", "than"})
_FIRST_PERSON = frozenset({"we", "i", "our"})
_PRONOUN_SUBJECTS = frozenset({"it", "they"})
_LIGHT_VERBS = frozenset({"hold", "have", "host", "start", "begin", "open", "resume", "attend", "make", "pay", "conduct", "launch", "join", "convene", "sign"})
_OFFERS = frozenset({"offer", "offers", "invitation", "invitations", "request", "requests", "proposal", "proposals"})
_REFUSALS = frozenset({"rejected", "rejects", "reject", "rejecting", "refused", "refuses", "declined", "declines", "rebuffed", "rebuffs", "spurned", "spurns", "turned", "turns", "dismissed"})
_DENIALS = frozenset({"denied", "denies", "deny", "denying", "rejected", "dismissed"})
_NOW_VERBS = frozenset({"arrived", "come", "gone", "travelled", "traveled", "flown", "landed", "begun", "started", "opened", "gathered", "convened"})
_CONTINUATIONS = frozenset({"including", "saying", "adding", "and", "but", "or", "while", "citing", "claiming", "alleging"})
_FUNCTION_WORDS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "will", "would", "has", "have", "had",
    "is", "are", "was", "were", "to", "be", "been", "also", "not", "n't", "then", "later", "already", "now", "formally",
    "officially", "immediately", "temporarily", "indefinitely", "could", "can", "shall", "did", "does", "do", ","})
_PARTY_KINDS = frozenset({"name", "institution", "body", "person", "members", "anaphor", "pronoun", "country_ref"})
_NATIONALITY_PLURAL_OK = frozenset({"efforts", "economy", "people", "war", "industry", "reserves", "rebuilding", "reconstruction"})


def party_codes(m: ActorMention, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """The codes a mention contributes to a role. "The country" (``country_ref``) names one
    state: the most recent one that is not already on the other side."""
    if m.kind != "country_ref":
        return m.codes
    taken = set(exclude)
    return next(((c,) for c in m.codes if c not in taken), ())


def span_of(doc: Document, start: int, end: int) -> Span:
    """A model span over ``doc.text[start:end]``."""
    return Span(start=start, end=end, text=doc.text[start:end])


def actor_of(doc: Document, mention: ActorMention, code: str) -> Actor:
    """The model actor for one code of a mention."""
    return Actor(
        code=code,
        text=mention.text,
        span=span_of(doc, mention.start, mention.end),
        name=mention.name,
        role=mention.role,
    )


@dataclass(frozen=True, slots=True)
class Party:
    """A party mention found around a trigger, with the word that introduced it."""

    mention: ActorMention
    prep: str  # "subject", "with", "to", "by", "object", "possessive", ...


def is_party(doc: Document, m: ActorMention) -> bool:
    """Whether a mention can fill a role: names always; adjectives only before an agent
    ("Russian officials"); capitals unless they are a place ("in Moscow")."""
    if not m.codes:
        return False
    if m.kind in _PARTY_KINDS:
        return True
    if m.kind == "adjective":
        if m.role is not None or m.text.endswith("s"):
            return True
        nxt = doc.tokens[m.last_token].lower if m.last_token < len(doc.tokens) else ""
        return nxt in _NATIONALITY_PLURAL_OK
    if m.kind in {"capital"}:
        prev = doc.tokens[m.first_token - 1].lower if m.first_token > 0 else ""
        return prev not in _LOCATIVE
    return False


@dataclass
class Frame:
    """The clause around one trigger.

    Attributes:
        doc, sentence: where the trigger is.
        first, last: the trigger's token range (last exclusive).
        clause_start, clause_end: the clause's token range, bounded by clause-opening words.
    """

    doc: Document
    sentence: Sentence
    first: int
    last: int
    role_preps: frozenset[str] = frozenset({"with", "to", "for", "between", "and"})
    subject_from_sentence: bool = field(init=False, default=False)
    clause_start: int = field(init=False)
    clause_end: int = field(init=False)

    def __post_init__(self) -> None:
        toks = self.doc.tokens
        s = self.sentence
        # NOTE: a clause is read at most _MAX_REACH tokens either side of its trigger, so that
        # one endless sentence with many triggers costs linear, not quadratic, time
        lo = max(s.first_token, self.first - _MAX_REACH)
        i = self.first - 1
        while i >= lo and not _is_boundary(toks, i):
            i -= 1
        self.clause_start = i + 1
        hi = min(s.last_token, self.last + _MAX_REACH)
        j = self.last
        while j < hi and not _is_boundary(toks, j):
            j += 1
        self.clause_end = j

    # -- tokens -------------------------------------------------------------------------
    @property
    def tokens(self) -> list[Token]:
        """All tokens of the document."""
        return self.doc.tokens

    def words(self, a: int, b: int) -> list[str]:
        """Lower-case tokens in ``[a, b)``."""
        return [t.lower for t in self.doc.tokens[max(a, 0) : b]]

    def clause_text(self) -> str:
        """The text of the clause, from its first to its last token."""
        toks = self.doc.tokens
        return self.doc.text[toks[self.clause_start].start : toks[self.clause_end - 1].end]

    @property
    def trigger_text(self) -> str:
        """The trigger as written."""
        return self.doc.text[self.doc.tokens[self.first].start : self.doc.tokens[self.last - 1].end]

    def mention(self) -> Mention:
        """The model mention: the trigger and its sentence as evidence."""
        toks = self.doc.tokens
        return Mention(
            trigger=span_of(self.doc, toks[self.first].start, toks[self.last - 1].end),
            evidence=span_of(self.doc, self.sentence.start, self.sentence.end),
        )

    # -- parties ------------------------------------------------------------------------
    @cached_property
    def sentence_parties(self) -> list[ActorMention]:
        """Party mentions within reach of the trigger in its sentence, in text order."""
        key = ("parties", self.sentence.first_token)
        parties = self.doc.cache.get(key)
        if parties is None:
            parties = [m for m in self.doc.sentence_actors(self.sentence) if is_party(self.doc, m)]
            self.doc.cache[key] = parties
        lo = bisect.bisect_left(parties, self.first - 2 * _MAX_REACH, key=_first_token)
        hi = bisect.bisect_left(parties, self.last + 2 * _MAX_REACH, key=_first_token)
        return parties[lo:hi]

    def subject(self, extra_gap: frozenset[str] = frozenset()) -> list[ActorMention]:
        """The run of parties closest before the trigger in its clause ("Iran and North
        Korea help ..."). Parties after a preposition or an article ("talks with X", "a U.S.
        system") are not subjects. When the clause has none and opens with "including",
        "saying" or the like, the subject is the sentence's first run of parties."""
        left = [m for m in self.sentence_parties if self.clause_start <= m.first_token and m.last_token <= self.first]
        left = [m for m in left if not self._governed(m)]
        self.subject_from_sentence = False
        if not left:
            mode = self._may_borrow_subject()
            if mode is None:
                return []
            left = [m for m in self.sentence_parties if m.last_token <= self.first and not self._governed(m)]
            if not left:
                return []
            # a clause joined by "and"/"but" is its own assertion; one opened by "including",
            # "saying" ... is governed by the main clause's verb ("urged X, saying ...")
            self.subject_from_sentence = self.doc.tokens[self.clause_start - 1].lower not in {"and", "but", "or"}
            if mode == "antecedent":
                return [self._antecedent()]  # type: ignore[list-item]
            if mode == "nearest":
                return self._run(left, len(left) - 1, extra_gap, forward=False)
            return self._run(left, 0, extra_gap, forward=True)
        return self._run(left, len(left) - 1, extra_gap, forward=False)

    def _run(self, left: list[ActorMention], k: int, extra_gap: frozenset[str], *, forward: bool) -> list[ActorMention]:
        allowed = _SUBJECT_GAP | extra_gap
        run = [left[k]]
        others = left[k + 1 :] if forward else list(reversed(left[:k]))
        for m in others:
            a, b = (run[-1], m) if forward else (m, run[0])
            gap = self.words(a.last_token, b.first_token)
            if len(gap) > 6 or not all(
                w in allowed or w in LEXICON.agent_nouns or _capitalised(self, w, a.last_token, b.first_token) for w in gap
            ):
                break
            if forward:
                run.append(m)
            else:
                run.insert(0, m)
        return run

    def _may_borrow_subject(self) -> str | None:
        """Whether a clause without a named subject borrows one from its sentence: the first
        party when it continues the main clause ("including suspending ..."), the nearest when
        a pronoun stands for it ("... said it will start talks"); None otherwise."""
        if self.clause_start == self.sentence.first_token:
            return None
        words = self.words(self.clause_start, self.first)
        if set(words) & _FIRST_PERSON:
            return None  # an unresolved "we": the speaker is unknown, not the nearest name
        if set(words) & _PRONOUN_SUBJECTS:
            return "nearest"
        opener = self.doc.tokens[self.clause_start - 1].lower
        if opener in {"which", "who", "that"} and self._antecedent() is not None:
            return "antecedent"
        if opener in _CONTINUATIONS or all(w in _FUNCTION_WORDS or w.endswith("ing") for w in words):
            return "first"
        return None

    def _antecedent(self) -> ActorMention | None:
        """The party a relative clause is about: "the IMF (IMF) which has promised ..."."""
        k = self.clause_start - 2
        toks = self.doc.tokens
        while k >= self.sentence.first_token and toks[k].text in {",", ")", "("}:
            k -= 1
        for m in self.sentence_parties:
            if m.first_token <= k < m.last_token:
                if toks[k].text.isupper() and k > 0 and toks[k - 1].text == "(":
                    return self._antecedent_before(m)  # "(IMF)" repeats the name before it
                return m
        return None

    def _antecedent_before(self, m: ActorMention) -> ActorMention:
        before = [p for p in self.sentence_parties if p.last_token <= m.first_token - 1]
        return before[-1] if before and before[-1].codes == m.codes else m

    def _governed(self, m: ActorMention) -> bool:
        """Whether a preposition or an indefinite article governs the mention ("of" after an
        official or a body does not: "the government of New Zealand")."""
        i = m.first_token - 1
        toks = self.doc.tokens
        if i >= 0 and toks[i].lower == "the":
            i -= 1
        if i < self.sentence.first_token or toks[i].lower not in _NOT_SUBJECT_BEFORE:
            return False
        return not (toks[i].lower == "of" and i > 0 and toks[i - 1].lower in LEXICON.agent_nouns)

    def objects(self, role_preps: frozenset[str] | None = None, *, topic_first: bool = False) -> list[Party]:
        """Parties after the trigger in the clause, each with the preposition that introduced
        it; parties after a topic word ("about", "on", "in") are skipped until the next role
        preposition. The scan stops at a reporting verb or a participle clause (", providing")."""
        preps = self.role_preps if role_preps is None else role_preps
        toks = self.doc.tokens
        stop = self.clause_end
        by_start = {m.first_token: m for m in self.sentence_parties}
        out: list[Party] = []
        state, prep = ("topic" if topic_first else "object"), "object"
        j = self.last
        while j < stop:
            w = toks[j].lower
            if w in LEXICON.reporting or w in {"\u201c", "\u00ab"}:
                break
            if w == "," and j + 1 < stop and toks[j + 1].text.endswith("ing") and toks[j + 1].text.islower():
                break
            m = by_start.get(j)
            if m is not None:
                if state == "object" and m.text.lower() not in {"he", "she"}:
                    nxt = toks[m.last_token].lower if m.last_token < len(toks) else ""
                    out.append(Party(m, "possessive" if nxt == "'s" else prep))
                j = m.last_token
                continue
            w = toks[j].lower
            if w in preps:
                # "an agreement signed with China": a participle keeps the topic going
                if not (state == "topic" and j > 0 and toks[j - 1].lower.endswith("ed")):
                    state, prep = "object", w
            elif w in LEXICON.topic:
                state = "topic"
            j += 1
        return [p for p in out if not _modifier(self.doc, p.mention)]

    # -- modality -----------------------------------------------------------------------
    def _left_words(self, window: int) -> list[tuple[int, str]]:
        toks = self.doc.tokens
        start = self.sentence.first_token if self.subject_from_sentence and window > 8 else self.clause_start
        lo = max(start, self.first - window, self.sentence.first_token)
        out = []
        for i in range(lo, self.first):
            t = toks[i]
            if t.text[0].isupper() and i != self.sentence.first_token:
                continue  # "May", "Will" as names are not modal
            out.append((i, t.lower))
        return out

    @cached_property
    def refused(self) -> bool:
        """'rejected an offer of talks', 'declined an invitation to meet': the offer is turned
        down, so the event is reported as negated rather than dropped as an offer."""
        words = [w for _, w in self._left_words(8)]
        for k, w in enumerate(words):
            if w in _OFFERS and any(v in _REFUSALS for v in words[:k]):
                return True
        return False

    @cached_property
    def negated(self) -> bool:
        """A negation in the six words before the trigger ("did not", "refused to", "no plans
        to"), or a denial governing its clause ("denied that it had suspended")."""
        if self.refused:
            return True
        words = self._left_words(6)
        if any(w in LEXICON.negators for _, w in words):
            return True
        if _has_phrase([w for _, w in words], LEXICON.negator_phrases):
            return True
        toks = self.doc.tokens
        k = self.clause_start - 1
        return (
            k > self.sentence.first_token
            and toks[k].lower == "that"
            and toks[k - 1].lower in _DENIALS
        )

    @cached_property
    def blocked(self) -> bool:
        """An appeal, threat, offer, condition or hypothesis governs the trigger (but a refused
        offer is a refusal of the event itself: see :attr:`refused`)."""
        if self.refused:
            return False
        clause = self._left_words(80 if self.subject_from_sentence else 40)
        if any(w in LEXICON.appeals or w in LEXICON.threats for _, w in clause):
            return True
        near = self._left_words(8)
        if any(w in LEXICON.hypothetical for _, w in near):
            return True
        if _has_phrase([w for _, w in near], LEXICON.hypothetical_phrases):
            return True
        sentence_left = self.words(max(self.sentence.first_token, self.first - _MAX_REACH), self.first)
        return "if" in sentence_left or "unless" in sentence_left

    @cached_property
    def planned(self) -> bool:
        """A future marker before the trigger ("will", "is to", "due to", "next week")."""
        words = [w for _, w in self._left_words(8)]
        if any(w in LEXICON.future and w != "to" for w in words):
            return True
        if bool(words) and words[-1] == "to" or len(words) > 1 and words[-2] == "to" and words[-1].endswith("ly"):
            return True  # "is to visit", "agreed to swiftly resume"
        # "to hold (trade) talks", "to pay a visit"
        return any(a == "to" and b in _LIGHT_VERBS for a, b in zip(words[-4:], words[-3:], strict=False))

    @property
    def ongoing(self) -> bool:
        """A progressive form: "is stepping up", "are holding talks"."""
        first = self.doc.tokens[self.first].lower
        prev = self.words(self.first - 3, self.first)
        if first.endswith("ing") and prev and prev[-1] in {"is", "are", "'s", "'re"}:
            return True
        # "are holding (trade) talks", "is paying a visit"
        return any(a in {"is", "are", "'s", "'re"} and b.endswith("ing") for a, b in zip(prev, prev[1:], strict=False))

    @property
    def status(self) -> EventStatus:
        """``planned``, ``ongoing`` or ``occurred``."""
        if self.planned:
            return "planned"
        return "ongoing" if self.ongoing else "occurred"

    # -- when and where -----------------------------------------------------------------
    def date(self, status: EventStatus) -> EventDate | None:
        """The date expression nearest the trigger in its sentence, resolved against the
        publication date (past tense for what occurred, future for what is planned)."""
        from .. import dates  # noqa: PLC0415

        toks = self.doc.tokens
        lo, hi = toks[self.clause_start].start, toks[self.clause_end - 1].end
        found = self.doc.date_expressions(self.sentence)
        a = bisect.bisect_left(found, lo, key=_expr_start)
        b = bisect.bisect_left(found, hi, lo=a, key=_expr_start)
        exprs = [e for e in found[a:b] if e.end <= hi]
        if not exprs:
            return self._story_date()
        anchor = self.doc.tokens[self.first].start
        expr = min(exprs, key=lambda e: (abs(e.start - anchor) + (0 if e.start > anchor else 15)))
        tense: Literal["future", "past"] = "future" if status == "planned" else "past"
        resolved = dates.resolve(expr, self.doc.published, tense)
        if resolved is None:
            return None
        return EventDate(
            value=resolved.value,
            precision=resolved.precision,
            text=resolved.text,
            span=span_of(self.doc, resolved.start, resolved.end),
        )

    def when(self) -> tuple[EventStatus, EventDate | None]:
        """Status and date together: a date that falls after publication makes an event
        stated in the present ("Japan, U.S. hold talks next week") a planned one."""
        status = self.status
        date = self.date(status)
        published = self.doc.published
        if status != "planned" and date is not None and published is not None and date.value > published:
            if date.precision == "day" or date.value.isocalendar()[:2] > published.isocalendar()[:2]:
                status = "planned"
        return status, date

    def _story_date(self) -> EventDate | None:
        """An event reported as happening now ("said at the session", "has arrived to attend",
        "is being attended") takes the story's reference day, when the lead gives one."""
        if self.doc.reference is None or not self._current():
            return None
        day, start, end = self.doc.reference
        return EventDate(value=day, precision="day", text=self.doc.text[start:end], span=span_of(self.doc, start, end))

    def _current(self) -> bool:
        words = self.words(max(self.sentence.first_token, self.first - 10), self.first)
        for k, (a, b) in enumerate(zip(words, words[1:], strict=False)):
            if a in LEXICON.reporting and b == "at":
                return True  # "said at the opening of the session"
            if a in {"has", "have"}:
                c = words[k + 2] if k + 2 < len(words) else ""
                if b in _NOW_VERBS or (b in {"also", "just", "already", "now"} and c in _NOW_VERBS):
                    return True  # "has (also) arrived in Brussels to attend"
        clause = self.words(self.clause_start, self.clause_end)
        return any(a in {"is", "are"} and b in {"being", "underway"} for a, b in zip(clause, clause[1:], strict=False))

    def location(self) -> Location | None:
        """Where the event happens: the place after "in"/"at" nearest the trigger."""
        return find_location(self.doc, self.clause_start, self.clause_end, self.first)


def is_trigger_case(doc: Document, sentence: Sentence, i: int) -> bool:
    """A trigger word is lower case, except at the start of a sentence or in a headline
    ("NATO Steps Up Cooperation"): "the Fund", "Aid" in a name are not triggers."""
    tok = doc.tokens[i]
    if i > 0 and doc.tokens[i - 1].text == "-" and doc.tokens[i - 1].end == tok.start:
        return False  # "U.S.-funded", "Saudi-backed": a modifier, not an event
    if tok.text[0].islower() or i == sentence.first_token:
        return True
    return _is_headline(doc, sentence)


def _is_headline(doc: Document, sentence: Sentence) -> bool:
    """A short line mostly in capitalised words; decided once per sentence."""
    key = ("headline", sentence.first_token)
    headline = doc.cache.get(key)
    if headline is None:
        words = [t.text for t in doc.tokens[sentence.first_token : sentence.last_token] if t.text[0].isalpha()]
        capitalised = sum(1 for w in words if w[0].isupper())
        headline = doc.cache[key] = len(words) <= 16 and capitalised * 2 >= len(words)
    return bool(headline)


_NOT_A_NOUN = frozenset({"and", "or", "but", "to", "in", "on", "at", "for", "with", "by", "from", "of", "as", "is", "are", "was",
    "were", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "also",
    "not", "itself", "themselves", "which", "who", "that", "after", "before", "over", "into", "amid", "since", "until", "while"})


def _modifier(doc: Document, m: ActorMention) -> bool:
    """'the U.S. oil blockade', 'a Russian missile system': a name inside a noun phrase about
    something else is not a party (an agent after it, "the U.S. envoy", still is)."""
    toks = doc.tokens
    if m.kind not in {"name", "capital"} or m.first_token == 0 or m.last_token >= len(toks):
        return False
    before, after = toks[m.first_token - 1].lower, toks[m.last_token]
    if m.text.lower().startswith("the "):
        before = "the"
    word = after.lower
    return (
        before in {"the", "a", "an"}
        and after.text.isalpha()
        and after.text.islower()
        and word not in _NOT_A_NOUN
        and word not in LEXICON.agent_nouns
        and word not in LEXICON.meeting.nouns  # "the BRICS summit" names the meeting's parties
        and word not in LEXICON.reporting
        and not word.endswith("ed")
    )


_MAX_REACH = 60


def _expr_start(expr: Any) -> int:
    return int(expr.start)


def _first_token(m: ActorMention) -> int:
    return m.first_token


def _is_boundary(toks: list[Token], i: int) -> bool:
    w = toks[i].lower
    if w in {";"}:
        return True
    if w in LEXICON.boundaries:
        if w == "as" and i > 0 and toks[i - 1].lower == "well":
            return False
        if w == "as" and i + 1 < len(toks):
            nxt = toks[i + 1].lower
            # "as well as", "as aid", "as a grant", "as part of": not a new clause
            return not (nxt in {"well", "a", "an", "part"} or nxt in LEXICON.support.objects)
        return True
    return False


def _capitalised(frame: Frame, word: str, a: int, b: int) -> bool:
    return any(t.lower == word and t.text[0].isupper() for t in frame.doc.tokens[a:b])


def _after_topic_word(frame: Frame, m: ActorMention) -> bool:
    if m.first_token == 0:
        return False
    prev = frame.doc.tokens[m.first_token - 1].lower
    if prev == "the" and m.first_token > 1:
        prev = frame.doc.tokens[m.first_token - 2].lower
    return prev in LEXICON.topic and prev not in {"by"}


def _has_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                return True
    return False
