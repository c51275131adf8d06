"""The pipeline: stages that annotate a document, extractors that read it, a merger.

Two small contracts, both :class:`typing.Protocol`, so any object with the right shape fits:

* a :class:`Stage` annotates a :class:`~diplo_events.document.Document` in place
  (segmentation, publication date, actor resolution, merging);
* an :class:`Extractor` reads a document and returns events.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .actors import ActorResolver
from .document import Document
from .errors import ExtractorError, InputTypeError, PublishedDateError, RegistryError
from .lexicon import Lexicon
from .merge import EventMerger
from .registry import extractors as extractor_registry
from .scan import TriggerScan
from .segment import Segmenter

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
            doc.reference = self._reference(doc, dates)

    def _reference(self, doc: Document, dates: Any) -> tuple[dt.date, int, int] | None:
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

    Args:
        extractors: the extractor objects, run in order.
        gazetteer: the names the actor resolver uses (the built-in one by default).
        stages: the annotating stages; by default segmenter, publication date, actors.
        merger: merges mentions of one happening; ``None`` keeps one event per mention.
        lexicon: the trigger words and word classes the extractors read (the built-in one
            by default; see :class:`~diplo_events.lexicon.Lexicon`).
    """

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
        doc = Document(text=text, published=day, published_source="argument" if day else "none", lexicon=self.lexicon)
        if trace:
            doc.trace = []
        if not text.strip():
            return doc
        for stage in self.stages:
            stage(doc)
        events: list[Event] = []
        for extractor in self.extractors:
            try:
                events.extend(extractor.extract(doc))
            except Exception as exc:
                msg = f"extractor {extractor.name!r} failed: {type(exc).__name__}: {exc}"
                raise ExtractorError(msg, extractor=extractor.name) from exc
        doc.events = events
        if self.merger is not None:
            self.merger(doc)
        return doc

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


def _load_builtin_extractors() -> None:
    importlib.import_module("diplo_events.extractors")  # registers the built-in extractors
