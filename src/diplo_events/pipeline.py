"""The pipeline: stages that annotate a document, extractors that read it, a merger.

Two small contracts, both :class:`typing.Protocol`, so any object with the right shape fits:

* a :class:`Stage` annotates a :class:`~diplo_events.document.Document` in place
  (segmentation, publication date, actor resolution, merging);
* an :class:`Extractor` reads a document and returns events.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import regex

from .actors import ActorResolver
from .document import Document, Sentence
from .errors import ExtractorError, InputTypeError, PublishedDateError, RegistryError
from .lexicon import Lexicon
from .merge import EventMerger, RunningMerge
from .registry import extractors as extractor_registry
from .scan import TriggerScan
from .segment import LINE_BREAK_CHARS, Segmenter

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .models import Event

__all__ = ["DEFAULT_EXTRACTORS", "Extractor", "Pipeline", "PublicationDate", "Stage", "parse_published"]

logger = logging.getLogger("diplo_events")

DEFAULT_EXTRACTORS = (
    "diplo_events.meeting.v1",
    "diplo_events.suspension.v1",
    "diplo_events.support_pledge.v1",
    "diplo_events.contingent.v1",
)


@runtime_checkable
class Stage(Protocol):
    """Annotates a document in place.

    Attributes:
        name: a versioned name, e.g. ``"diplo_events.segmenter.v1"``.
    """

    name: str

    def __call__(self, doc: Document) -> None:
        """Add what this stage knows to ``doc`` (tokens, sentences, actors, ...)."""


@runtime_checkable
class Extractor(Protocol):
    """Finds events of one kind in an annotated document.

    An extractor is called after segmentation and actor resolution, so ``doc.text``,
    ``doc.published``, ``doc.tokens``, ``doc.sentences``, ``doc.actors`` and ``doc.places``
    are filled in. It must not change the document.

    Attributes:
        name: a versioned, unique name, e.g. ``"acme.ceasefire.v1"``; events it returns
            should carry it in their ``extractor`` field.
        triggered_by_lexicon: optional; ``True`` promises that every event it returns has
            a trigger word of ``doc.lexicon`` (``Lexicon.trigger_words``) in its sentence.
            When every extractor of a pipeline promises it, :meth:`Pipeline.extract` returns
            ``[]`` at once for a text with none of those words (:mod:`diplo_events.scan`),
            without tokenising it. Leave it out when your extractor fires at other words.

    Returns:
        the events found, one per mention: the pipeline merges mentions of one happening
        afterwards. Every span in them must index ``doc.text``. An extractor that raises
        makes the pipeline raise :class:`~diplo_events.errors.ExtractorError`.
    """

    name: str

    def extract(self, doc: Document) -> Iterable[Event]:
        """Return the events found in ``doc``."""
        ...


class PublicationDate:
    """Uses the date stated in the text (a stamp, a byline) when none was given, then finds
    the story's reference day: the day its lead or dateline gives to what it reports."""

    name = "diplo_events.publication_date.v1"
    lead_chars = 1500
    max_days_before = 7

    def __call__(self, doc: Document) -> None:
        from . import dates  # noqa: PLC0415

        if doc.published is None:
            found = dates.find_publication_date(doc.text)
            if found is not None:
                doc.published = found.value
                doc.published_source = "dateline" if found.source == "dateline" else "stamp"
        if doc.published is not None:
            doc.reference = self._reference  # found when first read: most documents never need it

    def _reference(self, doc: Document) -> tuple[dt.date, int, int] | None:
        from . import dates  # noqa: PLC0415

        published = doc.published
        assert published is not None
        for sentence in doc.sentences:
            if sentence.start > self.lead_chars:
                break
            for expr in doc.date_expressions(sentence):
                if expr.kind not in {"weekday", "relative_day", "day_month", "full_date", "numeric"}:
                    continue
                day = dates.resolve(expr, published, "past")
                if day is not None and day.precision == "day" and 0 <= (published - day.value).days <= self.max_days_before:
                    return day.value, day.start, day.end
        return None


def parse_published(published: str | dt.date | None) -> dt.date | None:
    """Read a publication date: an ISO string, a ``date``, a ``datetime`` or None.

    Raises:
        PublishedDateError: a string that is not an ISO date.
        InputTypeError: any other type.

    >>> parse_published("2014-03-06T10:00:00")
    datetime.date(2014, 3, 6)
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        value = published.strip()
        try:
            return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date.fromisoformat(value)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError as exc:
            msg = f"published date {published!r} is not an ISO date (YYYY-MM-DD)"
            raise PublishedDateError(msg) from exc
    msg = f"published must be an ISO date string, a date, a datetime or None, not {type(published).__name__}"
    raise InputTypeError(msg)


class Pipeline:
    """Stages, then extractors, then the merger.

    A text longer than :attr:`window_chars` is read in windows of whole lines, one after the
    other, so that memory stays proportional to one window rather than to the whole text
    (tokens and actor mentions take many times the size of the text they describe). Each
    window is cut at the first line break after ``window_chars`` characters; a window with no
    line break there is cut at a sentence end, else at the first token boundary. Each window
    is annotated and read as a document of its own over the same text (``Document.window``:
    offsets stay those of the whole text), with the publication date of the first window
    (given, or found at the top of the text). A merger with a ``fold`` method
    (:meth:`EventMerger.fold <diplo_events.merge.EventMerger.fold>`) merges each window's
    events as soon as it is read, so that only merged events stay in memory, with the result
    of one merge of every event (should an extractor put an event before an earlier window's,
    the text is read again and merged once); another merger, or a subclass of ``EventMerger``
    that overrides ``merge`` or ``__call__`` but not ``fold``, gets every event at the end.
    What crosses a window edge is
    lost: a pronoun, a surname or "the alliance" that refers to a name in the previous window,
    and the story's reference day ("said on Tuesday" in the lead), which dates only the
    events of the first window that give no date of their own. The document returned for such a text keeps its sentences
    (offsets and token indices in the whole text) but no tokens, actors or places.

    Args:
        extractors: the extractor objects, run in order.
        gazetteer: the names the actor resolver uses (the built-in one by default).
        stages: the annotating stages; by default segmenter, publication date, actors.
        merger: merges mentions of one happening; ``None`` keeps one event per mention.
        lexicon: the trigger words and word classes the extractors read (the built-in one
            by default; see :class:`~diplo_events.lexicon.Lexicon`).
    """

    #: Texts longer than this (in characters) are read in windows (see above); a window
    #: reaches from this size to the next line break, or to twice this size at most when a
    #: line break is that far (then it ends at a sentence end or a token boundary).
    window_chars = 200_000

    def __init__(
        self,
        extractors: Iterable[Extractor] = (),
        *,
        gazetteer: Gazetteer | None = None,
        stages: Sequence[Stage] | None = None,
        merger: Stage | None = EventMerger(),  # noqa: B008  (stateless)
        lexicon: Lexicon | None = None,
    ) -> None:
        if lexicon is not None and not isinstance(lexicon, Lexicon):
            msg = f"lexicon must be a diplo_events.Lexicon, not {type(lexicon).__name__}"
            raise InputTypeError(msg)
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self.stages: list[Stage] = list(stages) if stages is not None else [
            Segmenter(),
            PublicationDate(),
            ActorResolver(gazetteer),
        ]
        self.extractors: list[Extractor] = []
        for extractor in extractors:
            self.add(extractor)
        self.merger = merger

    @classmethod
    def default(
        cls, *, gazetteer: Gazetteer | None = None, extractors: Iterable[str] | None = None, lexicon: Lexicon | None = None
    ) -> Pipeline:
        """The standard pipeline, or one with the extractors named (registry names), the
        gazetteer or the lexicon given."""
        _load_builtin_extractors()
        names = DEFAULT_EXTRACTORS if extractors is None else tuple(extractors)
        return cls([extractor_registry.get(n)() for n in names], gazetteer=gazetteer, lexicon=lexicon)

    # -- editing ------------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        """The names of the extractors, in order."""
        return [e.name for e in self.extractors]

    def add(self, extractor: Extractor, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """Add an extractor, at the end or before/after a named one; returns the pipeline.

        Raises:
            InputTypeError: the object is not an extractor.
            ValueError: an extractor with that name is already there.
        """
        if not isinstance(extractor, Extractor):
            msg = f"{extractor!r} is not an extractor: it needs a `name` and an `extract(doc)` method"
            raise InputTypeError(msg)
        if extractor.name in self.names:
            msg = f"the pipeline already has an extractor named {extractor.name!r}"
            raise ValueError(msg)
        if before is not None:
            self.extractors.insert(self._index(before), extractor)
        elif after is not None:
            self.extractors.insert(self._index(after) + 1, extractor)
        else:
            self.extractors.append(extractor)
        return self

    def remove(self, name: str) -> Pipeline:
        """Remove the extractor named ``name``; returns the pipeline."""
        del self.extractors[self._index(name)]
        return self

    def replace(self, name: str, extractor: Extractor) -> Pipeline:
        """Put ``extractor`` where the one named ``name`` was; returns the pipeline."""
        i = self._index(name)
        del self.extractors[i]
        try:
            self.add(extractor, before=self.names[i] if i < len(self.extractors) else None)
        except Exception:
            self.extractors.insert(i, extractor)
            raise
        return self

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            msg = f"no extractor named {name!r} in this pipeline. Available names: {', '.join(self.names) or '(none)'}"
            raise RegistryError(msg) from None

    # -- running ------------------------------------------------------------------------
    def __call__(self, text: str, published: str | dt.date | None = None, *, trace: bool = False) -> Document:
        """Run every stage and extractor over ``text``; the filled document (with
        ``doc.trace``, every trigger considered and what became of it, when ``trace``)."""
        if not isinstance(text, str):
            msg = f"text must be a str, not {type(text).__name__}"
            raise InputTypeError(msg)
        day = parse_published(published)
        doc = self._document(text, day, trace=trace)
        if not text.strip():
            return doc
        if len(text) <= self.window_chars:
            doc.events = self._read(doc)
        else:
            fold = _fold_of(self.merger)
            if fold is not None:
                if self._read_windows(doc, fold(doc.lexicon)):
                    return doc
                doc = self._document(text, day, trace=trace)  # read again, keeping every event
            self._read_windows(doc, None)
        if self.merger is not None:
            self.merger(doc)
        return doc

    def _document(self, text: str, day: dt.date | None, *, trace: bool) -> Document:
        doc = Document(text=text, published=day, published_source="argument" if day else "none", lexicon=self.lexicon)
        if trace:
            doc.trace = []
        return doc

    def _read(self, doc: Document, *, lead: bool = True) -> list[Event]:
        """Run the stages over ``doc``, then the extractors; their events (not merged).
        Without ``lead`` (a later window of a long text), the top of ``doc`` is not the top of
        the text: :class:`PublicationDate`, which reads a stamp and the lead there, is skipped."""
        for stage in self.stages:
            if lead or not isinstance(stage, PublicationDate):
                stage(doc)
        events: list[Event] = []
        for extractor in self.extractors:
            try:
                events.extend(extractor.extract(doc))
            except Exception as exc:
                msg = f"extractor {extractor.name!r} failed: {type(exc).__name__}: {exc}"
                raise ExtractorError(msg, extractor=extractor.name) from exc
        return events

    def _read_windows(self, doc: Document, running: RunningMerge | None) -> bool:
        """Fill ``doc`` (a long text) window by window: each window is a document of its own
        over the same text (``Document.window``), so its offsets, spans and trace are those
        of the whole text; sentences get token indices that count the earlier windows'
        tokens. The first window gives the publication date.

        With ``running``, each window's events are merged as soon as it is read, so that only
        the merged events stay in memory; returns False (``doc`` is then half filled) if a
        window gives an event before one of an earlier window, which only merging every event
        at once handles. Without it, ``doc.events`` gets every event, not merged."""
        events: list[Event] = []
        tokens = 0  # tokens in the windows before this one
        for start, end in _windows(doc.text, self.window_chars):
            if _NON_BLANK.search(doc.text, start, end) is None:
                continue
            window = Document(
                text=doc.text, published=doc.published, published_source=doc.published_source, lexicon=doc.lexicon,
                window=(start, end),
            )
            window.trace = [] if doc.trace is not None else None
            first = not doc.sentences
            found = self._read(window, lead=first)
            if running is None:
                events.extend(found)
            elif not running.add(found):
                return False
            if first:
                doc.published, doc.published_source, doc.reference = window.published, window.published_source, window.reference
                doc.sovereign = window.sovereign
            if doc.trace is not None and window.trace:
                n = len(doc.sentences)
                doc.trace.extend(dataclasses.replace(d, sentence=d.sentence + n) for d in window.trace)
            doc.sentences.extend(
                Sentence(s.start, s.end, s.first_token + tokens, s.last_token + tokens) for s in window.sentences
            )
            tokens += len(window.tokens)
        doc.events = events if running is None else running.events()
        return True

    def extract(self, text: str, published: str | dt.date | None = None) -> list[Event]:
        """The events in ``text``, one per happening.

        A text with no trigger word is not parsed at all when every extractor fires only at
        trigger words (``triggered_by_lexicon``); the result is the same, ``[]``.
        """
        if isinstance(text, str) and self.extractors and all(getattr(e, "triggered_by_lexicon", False) for e in self.extractors):
            parse_published(published)  # a bad date is an error whatever the text
            if not TriggerScan.of(self.lexicon).finds(text):
                return []
        return list(self(text, published).events)


_NON_BLANK = regex.compile(r"\S")
_SENTENCE_END = regex.compile(r"[.!?][\"'\u201d\u2019)\]\u00bb]*\s")
# the characters a token of several characters is made of (see segment._TOKEN): a window may
# end anywhere one of the two characters around its end is not one of them
_TOKEN_INNER = regex.compile(r"[^\p{L}\p{N}.&'\u2019]")
_LINE_BREAKS = regex.compile(LINE_BREAK_CHARS + "+")  # a run of them


def _windows(text: str, size: int) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of the windows of a long text: each ends after the first line
    break at or after ``size`` characters, else (no break before ``2 * size``) after the first
    sentence end there, else at the first token boundary; the last one may reach ``2 * size``. Every search is bounded or consumed
    by the window it cuts, so cutting is linear in the length of the text."""
    start, n = 0, len(text)
    while start < n:
        lo, hi = start + size, start + 2 * size
        if hi >= n:  # the rest is one window
            yield start, n
            return
        m = _LINE_BREAKS.search(text, lo, hi) or _SENTENCE_END.search(text, lo, hi)
        if m is not None:
            end = m.end()
        else:
            m = _TOKEN_INNER.search(text, lo - 1)
            end = n if m is None else max(m.start(), lo)
        yield start, end
        start = end


def _fold_of(merger: Stage | None) -> Callable[[Lexicon], RunningMerge] | None:
    """The merger's ``fold``, unless it is an :class:`EventMerger` subclass that merges its own
    way (``merge`` or ``__call__`` overridden) and keeps the inherited ``fold``: folding would
    pass its rule by, so such a merger gets every event at the end."""
    fold = getattr(merger, "fold", None)
    if fold is None or not isinstance(merger, EventMerger):
        return fold
    cls = type(merger)
    own_rule = cls.merge is not EventMerger.merge or cls.__call__ is not EventMerger.__call__
    return None if own_rule and cls.fold is EventMerger.fold else fold


def _load_builtin_extractors() -> None:
    importlib.import_module("diplo_events.extractors")  # registers the built-in extractors
