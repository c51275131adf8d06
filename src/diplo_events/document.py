"""The parse result: a document with its sentences, tokens, actor mentions and events."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from .lexicon import Lexicon
    from .models import Event

__all__ = ["ActorMention", "Document", "PlaceMention", "Sentence", "Token"]

PublishedSource = Literal["argument", "stamp", "dateline", "none"]


class Token(NamedTuple):
    """A word or punctuation mark; ``text == document.text[start:end]``.

    A named tuple rather than a frozen dataclass: a document has one per word, and a tuple is
    made ~6x faster and is as immutable.

    Attributes:
        lower: the token in lower case with typographic apostrophes made plain, computed
            once because every rule compares it.
    """

    start: int
    end: int
    text: str
    lower: str = ""

    @classmethod
    def of(cls, start: int, end: int, text: str) -> Token:
        """A token with its ``lower`` form filled in."""
        return cls(start, end, text, text.lower().replace("\u2019", "'"))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a headline line): its span and its tokens' index range."""

    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A stretch of text that names a party, resolved to a code.

    Attributes:
        kind: how it was named: ``name`` (a state or organisation name), ``adjective``
            ("Russian"), ``capital`` ("Moscow"), ``institution`` ("the Kremlin"),
            ``person``, ``title`` ("the NATO Secretary General"), ``anaphor``
            ("the alliance", "we"), ``members`` (a grouping coded as its members).
        codes: one code, or several for a grouping coded as its member states.
        first_token, last_token: the token range (last exclusive).
    """

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    kind: str
    first_token: int
    last_token: int
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A city or other place name that locates an event in a country."""

    start: int
    end: int
    text: str
    code: str
    first_token: int
    last_token: int


@dataclass(slots=True)
class Document:
    """What the pipeline knows about one text; stages fill it in order.

    Attributes:
        text: the exact text given to the pipeline.
        published: the publication date used to resolve people and relative dates.
        published_source: where ``published`` came from: the ``argument`` of the call,
            a ``stamp`` or ``dateline`` in the text, or ``none``.
        sentences, tokens: filled by the segmenter.
        actors, places: filled by the actor resolver (places: cities that are not parties).
        sovereign: dependent territory -> its state (GRL -> DNK), from the resolver's gazetteer.
        cache: derived data that extractors share (party lists per sentence); not part of the
            result.
        reference: (a property) the story's own day, when its lead dates what it reports ("Lavrov said
            Tuesday", "MOSCOW, June 26"): ``(day, start, end)`` of the expression that gave it.
        events: filled by the extractors, then merged into one event per happening.
        lexicon: the trigger words and word classes the extractors read (the pipeline's).
        trace: ``None``, or a list that extractors append a
            :class:`~diplo_events.explain.Decision` to for every trigger they consider
            (filled when :func:`diplo_events.explain` runs).
        window: ``(start, end)`` when the document reads only that part of ``text`` (one
            window of a long text, see :class:`~diplo_events.pipeline.Pipeline`); None for
            all of it.
    """

    text: str
    published: dt.date | None = None
    published_source: PublishedSource = "none"
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    sovereign: dict[str, str] = field(default_factory=dict)
    # the story's reference day, or what finds it on first use (see the ``reference`` property)
    _reference: tuple[dt.date, int, int] | Callable[[Document], tuple[dt.date, int, int] | None] | None = field(
        default=None, repr=False
    )
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)
    events: list[Event] = field(default_factory=list)
    lexicon: Lexicon = field(default_factory=lambda: _default_lexicon(), repr=False)
    trace: list[Any] | None = field(default=None, repr=False)
    window: tuple[int, int] | None = None

    @property
    def bounds(self) -> tuple[int, int]:
        """The ``(start, end)`` of the part of ``text`` this document reads: all of it, or a
        window of a long text (``window``); every offset is in the whole text either way."""
        return self.window if self.window is not None else (0, len(self.text))

    @property
    def reference(self) -> tuple[dt.date, int, int] | None:
        """The story's own day (see the class's attributes); found on first use, since most
        documents never need it."""
        if callable(self._reference):
            self._reference = self._reference(self)
        return self._reference

    @reference.setter
    def reference(self, value: tuple[dt.date, int, int] | Callable[[Document], tuple[dt.date, int, int] | None] | None) -> None:
        self._reference = value

    def date_expressions(self, sentence: Sentence) -> list[Any]:
        """The date expressions of one sentence (``dates.DateExpression``), found once and
        shared by every stage and extractor that asks."""
        key = ("dates", sentence.first_token)
        found = self.cache.get(key)
        if found is None:
            from .dates import find_date_expressions  # noqa: PLC0415

            found = self.cache[key] = find_date_expressions(self.text, sentence.start, sentence.end)
        return found

    def lower_words(self) -> list[str]:
        """The lower-case form of every token (``Token.lower``), in one list made once: the
        rules read runs of them as slices."""
        found = self.cache.get(_LOWER_WORDS)
        if found is None:
            found = self.cache[_LOWER_WORDS] = [t.lower for t in self.tokens]
        return found

    def trigger_tokens(self, sentence: Sentence) -> list[int]:
        """The indices of the tokens of ``sentence`` that are trigger words of the lexicon
        (``Lexicon.trigger_words``): where extractors look, found once for the document."""
        found = self.cache.get(_TRIGGER_TOKENS)
        if found is None:
            words = self.lexicon.trigger_words()
            found = self.cache[_TRIGGER_TOKENS] = [i for i, t in enumerate(self.tokens) if t.lower in words]
        lo = bisect.bisect_left(found, sentence.first_token)
        return found[lo : bisect.bisect_left(found, sentence.last_token, lo)]

    def same_state(self, a: str, b: str) -> bool:
        """Whether two codes are one state, or a state and its own territory."""
        return self.sovereign.get(a, a) == self.sovereign.get(b, b)

    def sentence_text(self, sentence: Sentence) -> str:
        """The text of one sentence."""
        return self.text[sentence.start : sentence.end]

    def sentence_actors(self, sentence: Sentence) -> list[ActorMention]:
        """The actor mentions inside ``sentence``, in text order (``actors`` is sorted)."""
        return self.actors_between(sentence.start, sentence.end)

    def actors_between(self, start: int, end: int) -> list[ActorMention]:
        """The actor mentions that start in ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self.actors, start, key=_start)
        hi = bisect.bisect_left(self.actors, end, lo=lo, key=_start)
        return self.actors[lo:hi]


_TRIGGER_TOKENS, _LOWER_WORDS = "trigger_tokens", "lower_words"  # keys of Document.cache


def _default_lexicon() -> Lexicon:
    from .lexicon import LEXICON  # noqa: PLC0415

    return LEXICON


def _start(mention: ActorMention) -> int:
    return mention.start
