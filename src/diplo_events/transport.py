"""Batch results from worker processes to the parent: built-in events as plain data, others pickled.

Unpickling an event model costs a Python call per nested model (spans, mentions, actors). When a
pipeline's extractors and merger are the built-in ones, its events are of the built-in classes
and were validated when made, so a worker sends them as plain data instead (``model_dump``
without the unset fields, so ``model_fields_set`` survives), grouped by class, and the parent
rebuilds them in one call of pydantic's compiled validator: equal events of the same classes,
for about half the cost. Any other pipeline (a user's extractor or merger may make events of its
own classes, or models it did not validate) has its results pickled whole.

Either way the parent reads a chunk with the cyclic garbage collector paused: reading makes
thousands of small objects, none of them in a cycle, and each collection they would trigger walks
every object the caller holds (3-4 times the cost of the reading itself). They are collected as
usual afterwards.
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from .loading import collector_paused
from .merge import EventMerger
from .models import Meeting, SupportPledge, Suspension

if TYPE_CHECKING:
    from .batch import BatchResult
    from .pipeline import Pipeline

__all__ = ["builtin_events", "decode", "encode"]

_CLASSES = (Meeting, Suspension, SupportPledge)
_CODES = {cls: code for code, cls in enumerate(_CLASSES)}
_GROUPS: TypeAdapter[tuple[list[Meeting], list[Suspension], list[SupportPledge]]] = TypeAdapter(
    tuple[list[Meeting], list[Suspension], list[SupportPledge]],
)


def builtin_events(pipeline: Pipeline) -> bool:
    """Whether every event of ``pipeline`` comes from the built-in extractors and merger."""
    return (type(pipeline.merger) in (EventMerger, type(None))) and all(
        type(e).__module__.startswith("diplo_events.extractors.") for e in pipeline.extractors
    )


def encode(results: list[BatchResult], plain: bool) -> bytes:
    """A chunk's results as bytes: with ``plain``, its events as plain data when all are of the
    built-in classes (else, or when they cannot be dumped, the results pickled whole)."""
    if plain:
        groups: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
        classes = []
        try:
            for result in results:
                codes = bytes(_CODES[type(event)] for event in result.events)
                for code, event in zip(codes, result.events, strict=True):
                    groups[code].append(event)
                classes.append(codes)
            data = _GROUPS.dump_python(groups, exclude_unset=True)
        except (KeyError, ValueError):  # a class of its own, or a value pydantic cannot dump
            pass
        else:
            rows = [(r.index, r.error, r.source) for r in results]
            return pickle.dumps((rows, classes, data), pickle.HIGHEST_PROTOCOL)
    return pickle.dumps(results, pickle.HIGHEST_PROTOCOL)


def decode(data: bytes) -> list[BatchResult]:
    """The results :func:`encode` made, read with the collector paused."""
    from .batch import BatchResult  # noqa: PLC0415  (batch imports this module)

    with collector_paused():
        payload = pickle.loads(data)  # noqa: S301  (our own workers' results)
        if isinstance(payload, list):
            return payload
        rows, classes, plain = payload
        events = [iter(group).__next__ for group in _GROUPS.validate_python(plain)]
        return [
            BatchResult(index, [events[code]() for code in codes], error, source)
            for (index, error, source), codes in zip(rows, classes, strict=True)
        ]
