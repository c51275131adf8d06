"""Batch results between processes: built-in events as plain data, any other class pickled."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator

import pytest

import diplo_events
from diplo_events import Document, Meeting, Pipeline, batch, extract_many, transport
from diplo_events.batch import BatchResult
from diplo_events.models import Amount

TEXTS = [
    "Japan pledged $50 million in humanitarian aid to Nepal.",
    "Russia suspended military cooperation with Norway.",
    "Kenya's president will visit Tanzania next month.",
    "Chile and Peru held talks in Lima on Monday. Peru's foreign minister met Chile's counterpart.",
    "Nothing happened today.",
]


class Summit(Meeting):
    """A user's own event class."""


class SummitExtractor:
    """Every built-in meeting, as a Summit."""

    name = "test.summit.v1"

    def extract(self, doc: Document) -> Iterator[Summit]:
        for event in diplo_events.extract(doc.text, doc.published):
            if isinstance(event, Meeting):
                yield Summit(**dict(event))


def deep(model: object) -> list:
    """A model's class, repr and set fields, and those of every model in it."""
    out: list = [type(model), repr(model), model.model_fields_set]  # type: ignore[attr-defined]
    for value in model.__dict__.values():
        for item in value if isinstance(value, tuple) else (value,):
            if hasattr(item, "model_fields_set"):
                out.append(deep(item))
    return out


def results() -> list[BatchResult]:
    out = [BatchResult(i, diplo_events.extract(t, "2024-05-15"), None, f"s{i}") for i, t in enumerate(TEXTS)]
    return [*out, BatchResult(len(out), [], "InputTypeError: text must be a str, not int")]


def test_built_in_events_come_back_equal_as_plain_data() -> None:
    sent = results()
    data = transport.encode(sent, plain=True)
    assert not isinstance(pickle.loads(data), list)  # the plain form, not the pickled results
    back = transport.decode(data)
    assert back == sent
    assert [[deep(e) for e in r.events] for r in back] == [[deep(e) for e in r.events] for r in sent]


def test_values_pydantic_would_not_write_as_json_survive() -> None:
    (pledge,) = diplo_events.extract(TEXTS[0], "2024-05-15")
    odd = pledge.model_copy(update={"amount": Amount(value=float("inf"), text="\ud800"), "items": ("\ud800",)})
    (back,) = transport.decode(transport.encode([BatchResult(0, [odd])], plain=True))
    assert back.events == [odd] and back.events[0].amount.value == float("inf")


def test_an_event_of_another_class_is_pickled_and_comes_back_as_itself() -> None:
    sent = results()
    (meeting,) = sent[2].events
    sent[2] = BatchResult(2, [Summit(**dict(meeting))])
    data = transport.encode(sent, plain=True)
    assert isinstance(pickle.loads(data), list)
    back = transport.decode(data)
    assert back == sent and type(back[2].events[0]) is Summit


def test_only_the_built_in_extractors_and_merger_send_plain_data() -> None:
    assert transport.builtin_events(Pipeline.default())
    assert transport.builtin_events(Pipeline(Pipeline.default().extractors, merger=None))
    assert not transport.builtin_events(Pipeline.default().add(SummitExtractor()))
    assert not transport.builtin_events(Pipeline(Pipeline.default().extractors, merger=lambda doc: None))


def test_a_users_event_class_comes_back_from_the_workers_as_itself() -> None:
    pipeline = Pipeline(merger=None).add(SummitExtractor())
    texts = TEXTS * 4  # one text a chunk: the workers get some
    got = [r.events for r in extract_many(texts, published="2024-05-15", n_jobs=2, pipeline=pipeline, chunk_size=1)]
    assert got == [pipeline.extract(t, "2024-05-15") for t in texts]
    assert any(got) and all(type(e) is Summit for events in got for e in events)


def test_results_are_read_with_the_collector_paused_and_restored() -> None:
    data = transport.encode(results(), plain=True)
    paused = []
    original = transport._GROUPS.validate_python

    def spy(value: object) -> object:
        paused.append(gc.isenabled())
        return original(value)

    transport._GROUPS.validate_python = spy  # type: ignore[method-assign]
    try:
        transport.decode(data)
        assert paused == [False] and gc.isenabled()
        gc.disable()
        transport.decode(data)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
        del transport._GROUPS.validate_python


def test_workers_encode_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    paused = []
    original = transport.encode

    def spy(results: list[BatchResult], plain: bool) -> bytes:
        paused.append(gc.isenabled())
        return original(results, plain)

    monkeypatch.setattr(transport, "encode", spy)
    monkeypatch.setattr(batch, "_worker_pipeline", Pipeline.default())
    monkeypatch.setattr(batch, "_worker_plain", True)
    data = batch._run_chunk([(0, TEXTS[0], "2024-05-15")])
    assert paused == [False] and gc.isenabled()
    assert transport.decode(data)[0].events == diplo_events.extract(TEXTS[0], "2024-05-15")
