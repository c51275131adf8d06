"""diplo_events: typed diplomatic events (meetings, suspensions, support pledges) from English news.

>>> import diplo_events
>>> [e.type for e in diplo_events.extract("Japan pledged $50 million in aid to Nepal.", published="2024-05-02")]
['support_pledge']
"""

from __future__ import annotations

import datetime as dt
import importlib
import threading
from typing import TYPE_CHECKING, Any

# Names are imported on first use (PEP 562), so ``import diplo_events`` stays cheap: pydantic,
# the gazetteer and the date patterns load with the first call that needs them.
_WHERE = {
    "BatchResult": "batch", "Record": "batch", "extract_many": "batch", "read_records": "batch",
    "ActorMention": "document", "Document": "document", "Sentence": "document",
    "DataFileError": "errors", "DiploEventsError": "errors", "ExtractionError": "errors",
    "ExtractorError": "errors", "InputTypeError": "errors", "PublishedDateError": "errors",
    "RegistryError": "errors",
    "events_to_dataframe": "export", "to_json_record": "export", "to_plover": "export", "to_records": "export",
    "Gazetteer": "gazetteer",
    "Lexicon": "lexicon", "Trigger": "lexicon",
    "Actor": "models", "Amount": "models", "Event": "models", "EventDate": "models", "Location": "models",
    "Meeting": "models", "Mention": "models", "Span": "models", "SupportPledge": "models",
    "Suspension": "models", "event_json_schema": "models",
    "Extractor": "pipeline", "Pipeline": "pipeline", "Stage": "pipeline",
    "Registry": "registry",
    "Veto": "vetoes",
}

# NOTE: ``evaluate`` and ``explain`` are both a function and a submodule: imported here, so that a
# later ``import diplo_events.evaluate`` cannot rebind the package attribute to the module.
# Both are light (no pydantic, no data).
from .evaluate import Evaluation, evaluate
from .explain import Decision, Explanation, explain

if TYPE_CHECKING:
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
    __version__: str


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            value = version("diplo_events")
        except PackageNotFoundError:  # pragma: no cover  (running from a source tree)
            value = "0.0.0"
    elif name == "extractor_registry":
        value = importlib.import_module(".registry", __name__).extractors
    elif name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    else:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
                from .loading import collector_paused  # noqa: PLC0415

                with collector_paused(long_lived=True):
                    from .pipeline import Pipeline  # noqa: PLC0415

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
