"""diplo_events: typed diplomatic events (meetings, suspensions, support pledges) from English news.

>>> import diplo_events
>>> [e.type for e in diplo_events.extract("Japan pledged $50 million in aid to Nepal.", published="2024-05-02")]
['support_pledge']
"""

from __future__ import annotations

import datetime as dt
import threading
from importlib.metadata import PackageNotFoundError, version

from .batch import BatchResult, Record, extract_many, read_records
from .document import ActorMention, Document, Sentence
from .errors import (
    DataFileError,
    DiploEventsError,
    ExtractionError,
    ExtractorError,
    InputTypeError,
    PublishedDateError,
    RegistryError,
)
from .evaluate import Evaluation, evaluate
from .explain import Decision, Explanation, explain
from .export import events_to_dataframe, to_json_record, to_plover, to_records
from .gazetteer import Gazetteer
from .lexicon import Lexicon, Trigger
from .models import (
    Actor,
    Amount,
    Event,
    EventDate,
    Location,
    Meeting,
    Mention,
    Span,
    SupportPledge,
    Suspension,
    event_json_schema,
)
from .pipeline import Extractor, Pipeline, Stage
from .registry import Registry
from .registry import extractors as extractor_registry
from .vetoes import Veto

try:
    __version__ = version("diplo_events")
except PackageNotFoundError:  # pragma: no cover  (running from a source tree)
    __version__ = "0.0.0"

__all__ = [
    "Actor",
    "ActorMention",
    "Amount",
    "BatchResult",
    "DataFileError",
    "Decision",
    "DiploEventsError",
    "Document",
    "Evaluation",
    "Event",
    "EventDate",
    "ExtractionError",
    "Explanation",
    "Extractor",
    "ExtractorError",
    "Gazetteer",
    "InputTypeError",
    "Lexicon",
    "Location",
    "Meeting",
    "Mention",
    "Pipeline",
    "PublishedDateError",
    "Record",
    "Registry",
    "RegistryError",
    "Sentence",
    "Span",
    "Stage",
    "SupportPledge",
    "Suspension",
    "Trigger",
    "Veto",
    "__version__",
    "evaluate",
    "event_json_schema",
    "events_to_dataframe",
    "explain",
    "extract",
    "extract_many",
    "extractor_registry",
    "parse",
    "read_records",
    "to_json_record",
    "to_plover",
    "to_records",
]

_default: Pipeline | None = None
_default_lock = threading.Lock()


def _pipeline() -> Pipeline:
    global _default  # noqa: PLW0603  (one shared default pipeline, built on first use)
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Pipeline.default()
    return _default


def extract(text: str, published: str | dt.date | None = None) -> list[Event]:
    """The diplomatic events in ``text``, one per happening.

    Args:
        text: the article (headline and body), exactly as published.
        published: its publication date (ISO string, ``date`` or ``datetime``); people and
            relative dates ("on Tuesday") are resolved against it. Without it, a date stamp
            in the text is used when there is one.

    Returns:
        A list of :data:`Event` (``Meeting``, ``Suspension``, ``SupportPledge``), empty when
        nothing is found.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (a ``TypeError``).
        PublishedDateError: ``published`` cannot be read (a ``ValueError``).
    """
    return _pipeline().extract(text, published)


def parse(text: str, published: str | dt.date | None = None) -> Document:
    """Like :func:`extract`, but the whole parse: sentences, actors, the date used, events."""
    return _pipeline()(text, published)
