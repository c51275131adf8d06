"""The reading of a clause that every rule-based extractor shares.

An extractor finds trigger words in a sentence; for each trigger, a :class:`Frame` reads the
clause around it: the parties on its left (the subject run), the parties on its right with the
preposition that introduces each ("with", "to", "by", ...), negation, modality (appeals,
threats, hypotheses) and tense. Extractors turn frames into events; nothing here knows about
event types.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar, overload

from ..document import ActorMention, Document, Sentence, Token
from ..models import Actor, EventDate, EventStatus, Location, Mention, Span
from ..places import find_location, place_after
from ..vetoes import Veto
from ..names import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY_REF,
    DAY,
    FUTURE,
    MEETING,
    NAME,
    NOUN,
    OBJECT,
    OCCURRED,
    ONGOING,
    PARTY_KINDS,
    PAST,
    PLANNED,
    POSSESSIVE,
)

__all__ = ["Frame", "Party", "actor_of", "note", "span_of"]

_T = TypeVar("_T")


class cached_property(Generic[_T]):  # noqa: N801  (named after the functools one it replaces)
    """``functools.cached_property`` without its lock: Python 3.11's takes a lock on every
    first read, a cost paid several times per trigger here (a frame is read by one thread).
    The value is stored in the instance's ``__dict__``, which later reads find first."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached_property[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> _T | cached_property[_T]:
        if obj is None:
            return self
        value: _T = self.func(obj)
        obj.__dict__[self.name] = value
        return value


# every mention kind that can fill a role on its own (adjectives and capitals are checked)
_PARTY_KINDS = frozenset(PARTY_KINDS)
_NAME_KINDS = frozenset({NAME, CAPITAL})

def party_codes(m: ActorMention, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """The codes a mention contributes to a role. "The country" (``country_ref``) names one
    state: the most recent one that is not already on the other side."""
    if m.kind != COUNTRY_REF:
        return m.codes
    taken = set(exclude)
    return next(((c,) for c in m.codes if c not in taken), ())


def note(doc: Document, type: str, sentence: Sentence, first: int, last: int, outcome: Any, frame: Frame | None = None) -> None:
    """Record what became of one trigger when the document is being explained: ``outcome``
    is the event made or the :class:`~diplo_events.vetoes.Veto` that stopped it."""
    if doc.trace is None:
        return
    from ..explain import Decision  # noqa: PLC0415

    doc.trace.append(Decision.of(doc, type, sentence, first, last, outcome, frame))


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
    if m.kind == ADJECTIVE:
        if m.role is not None or _plural(m.text):
            return True
        nxt = doc.tokens[m.last_token].lower if m.last_token < len(doc.tokens) else ""
        return nxt in doc.lexicon.words.nationality_heads
    if m.kind == CAPITAL:
        prev = doc.tokens[m.first_token - 1].lower if m.first_token > 0 else ""
        return prev not in doc.lexicon.words.locative
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
    role_preps: frozenset[str] = frozenset()
    subject_from_sentence: bool = field(init=False, default=False)
    clause_start: int = field(init=False)
    clause_end: int = field(init=False)
    # the words left of the trigger from a token on (``_left_words``), read once each
    _left_cache: dict[int, list[tuple[int, str]]] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.w = self.doc.lexicon.words
        if not self.role_preps:
            self.role_preps = self.w.role_preps
        toks = self.doc.tokens
        s = self.sentence
        # NOTE: a clause is read at most _MAX_REACH tokens either side of its trigger, so that
        # one endless sentence with many triggers costs linear, not quadratic, time
        lo = max(s.first_token, self.first - _MAX_REACH)
        i = self.first - 1
        while i >= lo and not _is_boundary(self.w, toks, i):
            i -= 1
        self.clause_start = i + 1
        hi = min(s.last_token, self.last + _MAX_REACH)
        j = self.last
        while j < hi and not _is_boundary(self.w, toks, j):
            j += 1
        self.clause_end = j

    # -- tokens -------------------------------------------------------------------------
    @property
    def tokens(self) -> list[Token]:
        """All tokens of the document."""
        return self.doc.tokens

    def words(self, a: int, b: int) -> list[str]:
        """Lower-case tokens in ``[a, b)``."""
        return self.doc.lower_words()[max(a, 0) : b]

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
        key = (_PARTIES, self.sentence.first_token)
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
                return self._subject_from_context()
            left = [m for m in self.sentence_parties if m.last_token <= self.first and not self._governed(m)]
            if not left:
                return self._subject_from_context()
            # a clause joined by "and"/"but" is its own assertion; one opened by "including",
            # "saying" ... is governed by the main clause's verb ("urged X, saying ...")
            self.subject_from_sentence = self.doc.tokens[self.clause_start - 1].lower not in self.w.coordinators
            if mode is _ANTECEDENT:
                return [self._antecedent()]  # type: ignore[list-item]
            if mode is _NEAREST:
                return self._run(left, len(left) - 1, extra_gap, forward=False)
            return self._run(left, 0, extra_gap, forward=True)
        return self._run(left, len(left) - 1, extra_gap, forward=False)

    def _run(self, left: list[ActorMention], k: int, extra_gap: frozenset[str], *, forward: bool) -> list[ActorMention]:
        allowed = self.w.subject_gap | extra_gap
        agents = self.w.agents
        run = [left[k]]
        others = left[k + 1 :] if forward else list(reversed(left[:k]))
        for m in others:
            a, b = (run[-1], m) if forward else (m, run[0])
            gap = self.words(a.last_token, b.first_token)
            if len(gap) > 6 or not all(
                w in allowed or w in agents or _capitalised(self, w, a.last_token, b.first_token) for w in gap
            ):
                break
            if forward:
                run.append(m)
            else:
                run.insert(0, m)
        return run

    def _subject_from_context(self) -> list[ActorMention]:
        """A pronoun or a title standing for the subject ("He", "It", "The president", "the
        regime") at the start of its clause: the party the previous sentence (or the headline)
        opens with."""
        toks = self.doc.tokens
        w = self.w
        words = [t.lower for t in toks[self.clause_start : self.first]]
        while words and words[0] in w.definite:
            words = words[1:]
        if not words or not (words[0] in w.subject_references or " ".join(words[:2]) in w.subject_references):
            return []
        if self.clause_start != self.sentence.first_token and toks[self.clause_start - 1].lower not in w.coordinators:
            return []
        k = bisect.bisect_left(self.doc.sentences, self.sentence.start, key=_sentence_start)
        for sentence in (self.doc.sentences[k - 1] if k > 0 else None, self.doc.sentences[0]):
            if sentence is None or sentence is self.sentence:
                continue
            parties = [m for m in self.doc.sentence_actors(sentence) if is_party(self.doc, m) and m.codes]
            if parties:
                first = parties[0]
                return [m for m in parties if m.codes == first.codes][:1]
        return []

    def _may_borrow_subject(self) -> object | None:
        """Whether a clause without a named subject borrows one from its sentence: the first
        party when it continues the main clause ("including suspending ..."), the nearest when
        a pronoun stands for it ("... said it will start talks"); None otherwise."""
        if self.clause_start == self.sentence.first_token:
            return None
        words = self.words(self.clause_start, self.first)
        if set(words) & self.w.first_person:
            return None  # an unresolved "we": the speaker is unknown, not the nearest name
        if set(words) & self.w.pronoun_subjects:
            return _NEAREST
        opener = self.doc.tokens[self.clause_start - 1].lower
        if opener in self.w.relative_pronouns and self._antecedent() is not None:
            return _ANTECEDENT
        if opener in self.w.continuations or all(w in self.w.function_words or _gerund(w) for w in words):
            return _FIRST
        return None

    def _antecedent(self) -> ActorMention | None:
        """The party a relative clause is about: "the IMF (IMF) which has promised ..."."""
        k = self.clause_start - 2
        toks = self.doc.tokens
        while k >= self.sentence.first_token and toks[k].text in self.w.brackets:
            k -= 1
        for m in self.sentence_parties:
            if m.first_token <= k < m.last_token:
                if toks[k].text.isupper() and k > 0 and toks[k - 1].text in self.w.brackets:
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
        if i >= 0 and toks[i].lower in self.w.definite:
            i -= 1
        if i < self.sentence.first_token or toks[i].lower not in self.w.not_subject_before:
            return False
        if toks[i].lower in self.w.articles and m.role is not None:
            return False  # "a Turkish envoy met ...": an official known by nationality and title
        return not (toks[i].lower in self.w.of and i > 0 and toks[i - 1].lower in self.w.agents)

    def objects(self, role_preps: frozenset[str] | None = None, *, topic_first: bool = False) -> list[Party]:
        """Parties after the trigger in the clause, each with the preposition that introduced
        it; parties after a topic word ("about", "on", "in") are skipped until the next role
        preposition. The scan stops at a reporting verb or a participle clause (", providing")."""
        preps = self.role_preps if role_preps is None else role_preps
        toks = self.doc.tokens
        stop = self.clause_end
        by_start = {m.first_token: m for m in self.sentence_parties}
        out: list[Party] = []
        w_ = self.w
        state, prep = (_TOPIC if topic_first else _OBJECT), OBJECT
        j = self.last
        while j < stop:
            w = toks[j].lower
            if w in w_.reporting or w in w_.quote_openers:
                break
            if w in w_.comma and j + 1 < stop and _gerund(toks[j + 1].text) and toks[j + 1].text.islower():
                break
            m = by_start.get(j)
            if m is not None:
                if state is _OBJECT and m.text.lower() not in w_.personal_pronouns:
                    nxt = toks[m.last_token].lower if m.last_token < len(toks) else ""
                    out.append(Party(m, POSSESSIVE if nxt in w_.possessive else prep))
                j = m.last_token
                continue
            w = toks[j].lower
            if w in preps:
                # "an agreement signed with China": a participle keeps the topic going
                if not (state is _TOPIC and j > 0 and _participle(toks[j - 1].lower)):
                    state, prep = _OBJECT, w
            elif w in w_.topic and not (w in w_.of and j > 0 and toks[j - 1].lower in w_.agents):
                state = _TOPIC  # but "the foreign ministers of Russia and Ukraine" name parties
            j += 1
        return [p for p in out if not _modifier(self.doc, p.mention)]

    # -- modality -----------------------------------------------------------------------
    def _left_words(self, window: int) -> list[tuple[int, str]]:
        """The (index, lower-case word) pairs of up to ``window`` tokens before the trigger in
        its clause (its sentence for a borrowed subject), names left out; read once per
        window by the modality, negation and status checks (do not change the list)."""
        start = self.sentence.first_token if self.subject_from_sentence and window > 8 else self.clause_start
        lo = max(start, self.first - window, self.sentence.first_token)
        found = self._left_cache.get(lo)
        if found is None:
            found = self._left_cache[lo] = self._left_words_from(lo)
        return found

    def _left_words_from(self, lo: int) -> list[tuple[int, str]]:
        toks = self.doc.tokens
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
            if w in self.w.offers and any(v in self.w.refusals for v in words[:k]):
                return True
        return False

    @cached_property
    def negated(self) -> bool:
        """A negation in the six words before the trigger ("did not", "refused to", "no plans
        to"), or a denial governing its clause ("denied that it had suspended")."""
        if self.refused:
            return True
        words = self._left_words(6)
        if any(w in self.w.negators for _, w in words):
            return True
        if _has_phrase([w for _, w in words], self.doc.lexicon.phrases.negator_phrases):
            return True
        toks = self.doc.tokens
        k = self.clause_start - 1
        return (
            k > self.sentence.first_token
            and toks[k].lower in self.w.complementizers
            and toks[k - 1].lower in self.w.denials
        )

    @property
    def blocked(self) -> bool:
        """An appeal, threat, offer, condition or hypothesis governs the trigger (but a refused
        offer is a refusal of the event itself: see :attr:`refused`)."""
        return self.modality is not None

    @cached_property
    def modality(self) -> Veto | None:
        """The GUIDELINES exclusion that governs the trigger: an appeal, a threat, or a
        hypothesis or condition; None for a plain assertion."""
        if self.refused:
            return None
        w = self.w
        clause = self._left_words(80 if self.subject_from_sentence else 40)
        for _, word in clause:
            if word in w.appeals:
                return Veto.APPEAL
            if word in w.threats:
                return Veto.THREAT
        near = self._left_words(8)
        if any(word in w.hypothetical for _, word in near):
            return Veto.HYPOTHETICAL
        if _has_phrase([word for _, word in near], self.doc.lexicon.phrases.hypothetical_phrases):
            return Veto.HYPOTHETICAL
        sentence_left = self.words(max(self.sentence.first_token, self.first - _MAX_REACH), self.first)
        if set(sentence_left) & w.conditions:
            return Veto.HYPOTHETICAL
        toks = self.doc.tokens
        if set(self.words(self.clause_start, self.first)) & w.counterfactual and self.clause_end < self.sentence.last_token:
            if toks[self.clause_end].lower in w.conditions:
                return Veto.HYPOTHETICAL  # "Turkey would freeze its relations if ..."
        after = self.words(self.last, min(self.clause_end, self.last + 6))
        cut = next((k for k, x in enumerate(after) if x in w.comma or x in w.reporting), len(after))
        after = after[:cut]  # "a visit to Washington, said he expected ...": the modal is another clause's
        if set(after) & w.modal_after and self._noun_subject(after):
            return Veto.HYPOTHETICAL  # "a phone call between X and Y could take place"
        return None

    def _noun_subject(self, after: list[str]) -> bool:
        """Whether the trigger is a noun heading the subject of the modal after it (no verb
        between them): "talks between X and Y may resume", not "met X, who may ..."."""
        return self.doc.tokens[self.first].lower in self.doc.lexicon.forms(MEETING, NOUN) and not set(after) & self.w.boundaries

    @cached_property
    def planned(self) -> bool:
        """A future marker before the trigger ("will", "is to", "due to", "next week")."""
        words = [w for _, w in self._left_words(8)]
        to = self.w.infinitive
        if any(w in self.w.future and w not in to for w in words):
            return True
        if bool(words) and words[-1] in to or len(words) > 1 and words[-2] in to and _adverb(words[-1]):
            return True  # "is to visit", "agreed to swiftly resume"
        # "to hold (trade) talks", "to pay a visit"
        return any(a in to and b in self.w.light_verbs for a, b in zip(words[-4:], words[-3:], strict=False))

    @property
    def ongoing(self) -> bool:
        """A progressive form: "is stepping up", "are holding talks"."""
        first = self.doc.tokens[self.first].lower
        prev = self.words(self.first - 3, self.first)
        aux = self.w.progressive_aux
        if _gerund(first) and prev and prev[-1] in aux:
            return True
        # "are holding (trade) talks", "is paying a visit"
        return any(a in aux and _gerund(b) for a, b in zip(prev, prev[1:], strict=False))

    @property
    def status(self) -> EventStatus:
        """``planned``, ``ongoing`` or ``occurred``."""
        if self.planned:
            return PLANNED
        return ONGOING if self.ongoing else OCCURRED

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
        tense: Literal["future", "past"] = FUTURE if status == PLANNED else PAST
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
        if status != PLANNED and date is not None and published is not None and date.value > published:
            if date.precision == DAY or date.value.isocalendar()[:2] > published.isocalendar()[:2]:
                status = PLANNED
        return status, date

    def _story_date(self) -> EventDate | None:
        """An event reported as happening now ("said at the session", "has arrived to attend",
        "is being attended") takes the story's reference day, when the lead gives one."""
        if self.doc.reference is None or not self._current():
            return None
        day, start, end = self.doc.reference
        return EventDate(value=day, precision=DAY, text=self.doc.text[start:end], span=span_of(self.doc, start, end))

    def _current(self) -> bool:
        w = self.w
        words = self.words(max(self.sentence.first_token, self.first - 10), self.first)
        for k, (a, b) in enumerate(zip(words, words[1:], strict=False)):
            if a in w.reporting and b in w.at:
                return True  # "said at the opening of the session"
            if a in w.perfect_aux:
                c = words[k + 2] if k + 2 < len(words) else ""
                if b in w.now_verbs or (b in w.now_adverbs and c in w.now_verbs):
                    return True  # "has (also) arrived in Brussels to attend"
        clause = self.words(self.clause_start, self.clause_end)
        return any(a in w.progressive_aux and b in w.current_words for a, b in zip(clause, clause[1:], strict=False))

    def place_after_preposition(self, start: int, reach: int, preps: frozenset[str]) -> tuple[str, int, int] | None:
        """The place (code, start, end) after the first of ``preps`` in the ``reach`` tokens
        from ``start`` in the clause ("its embassy in Kabul", "arrived in Haiti")."""
        toks = self.doc.tokens
        for k in range(start, min(self.clause_end, start + reach)):
            if toks[k].lower in preps:
                return place_after(self.doc, k + 1)
        return None

    def location(self) -> Location | None:
        """Where the event happens: the place after "in"/"at" nearest the trigger."""
        return find_location(self.doc, self.clause_start, self.clause_end, self.first)


def candidates(doc: Document, sentence: Sentence, words: Collection[str]) -> list[int]:
    """The trigger tokens of ``sentence`` (``Document.trigger_tokens``) whose lower-case form
    is in ``words``, a subset of the lexicon's trigger words: where a trigger loop has
    something to do."""
    toks = doc.tokens
    return [i for i in doc.trigger_tokens(sentence) if toks[i].lower in words]


def is_trigger_case(doc: Document, sentence: Sentence, i: int) -> bool:
    """A trigger word is lower case, except at the start of a sentence or in a headline
    ("NATO Steps Up Cooperation"): "the Fund", "Aid" in a name are not triggers."""
    tok = doc.tokens[i]
    if i > 0 and doc.tokens[i - 1].text in doc.lexicon.words.hyphen and doc.tokens[i - 1].end == tok.start:
        return False  # "U.S.-funded", "Saudi-backed": a modifier, not an event
    if tok.text[0].islower() or i == sentence.first_token:
        return True
    return _is_headline(doc, sentence)


def _is_headline(doc: Document, sentence: Sentence) -> bool:
    """A short line mostly in capitalised words; decided once per sentence."""
    key = (_HEADLINE, sentence.first_token)
    headline = doc.cache.get(key)
    if headline is None:
        words = [t.text for t in doc.tokens[sentence.first_token : sentence.last_token] if t.text[0].isalpha()]
        capitalised = sum(1 for w in words if w[0].isupper())
        headline = doc.cache[key] = len(words) <= 16 and capitalised * 2 >= len(words)
    return bool(headline)


def _modifier(doc: Document, m: ActorMention) -> bool:
    """'the U.S. oil blockade', 'a Russian missile system': a name inside a noun phrase about
    something else is not a party (an agent after it, "the U.S. envoy", still is)."""
    toks = doc.tokens
    w = doc.lexicon.words
    if m.kind not in _NAME_KINDS or m.first_token == 0 or m.last_token >= len(toks):
        return False
    before, after = toks[m.first_token - 1].lower, toks[m.last_token]
    opens_with_the = m.text.lower().split()[0] in w.definite
    word = after.lower
    # "the UN relief agency": an agent at the head of the noun phrase makes the name a party
    head = [t.lower for t in toks[m.last_token : min(m.last_token + 3, len(toks))] if t.text.isalpha() and t.text.islower()]
    if any(h in w.agents for h in head):
        return False
    return (
        (before in w.articles or opens_with_the)
        and after.text.isalpha()
        and after.text.islower()
        and word not in w.not_a_noun
        and word not in w.agents
        and word not in doc.lexicon.forms(MEETING, NOUN)  # "the BRICS summit" names the meeting's parties
        and word not in w.reporting
        and not _participle(word)
    )


_MAX_REACH = 60
# cache keys and scan states: identities, not words
_PARTIES, _HEADLINE, _TOPIC, _OBJECT, _ANTECEDENT, _NEAREST, _FIRST = (object() for _ in range(7))


def _gerund(word: str) -> bool:
    return word.endswith("ing")


def _plural(word: str) -> bool:
    return word.endswith("s")


def _participle(word: str) -> bool:
    return word.endswith("ed")


def _adverb(word: str) -> bool:
    return word.endswith("ly")


def _expr_start(expr: Any) -> int:
    return int(expr.start)


def _sentence_start(s: Sentence) -> int:
    return s.start


def _first_token(m: ActorMention) -> int:
    return m.first_token


def _is_boundary(w: dict[str, frozenset[str]], toks: list[Token], i: int) -> bool:
    low = toks[i].lower
    if low in w.clause_breaks:
        return True
    if low in w.boundaries:
        if low in w.as_word and i > 0 and toks[i - 1].lower in w.as_continuers:
            return False
        if low in w.as_word and i + 1 < len(toks):
            nxt = toks[i + 1].lower
            # "as well as", "as aid", "as a grant", "as part of": not a new clause
            return not (nxt in w.as_continuers or nxt in w.support_objects)
        return True
    return False


def _capitalised(frame: Frame, word: str, a: int, b: int) -> bool:
    return any(t.lower == word and t.text[0].isupper() for t in frame.doc.tokens[a:b])


def _has_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                return True
    return False
