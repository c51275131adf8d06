"""Batch extraction and concurrency: order, failures, processes, threads."""

from __future__ import annotations

import os
import threading

import pytest

import diplo_events
from diplo_events import InputTypeError, Pipeline, Record, batch, extract_many

TEXTS = [
    "Japan pledged $50 million in humanitarian aid to Nepal.",
    "Russia suspended military cooperation with Norway.",
    "Kenya's president will visit Tanzania next month.",
    "Nothing happened today.",
] * 5


def serial() -> list[list]:
    return [diplo_events.extract(t, "2024-05-15") for t in TEXTS]


def test_results_come_in_input_order_with_indices() -> None:
    results = list(extract_many(TEXTS, published="2024-05-15"))
    assert [r.index for r in results] == list(range(len(TEXTS)))
    assert [r.events for r in results] == serial()


def test_processes_give_the_serial_results() -> None:
    results = list(extract_many(iter(TEXTS), published="2024-05-15", n_jobs=2, chunk_size=3))
    assert [r.events for r in results] == serial()


def test_default_chunks_in_processes_give_the_serial_results_failures_and_sources() -> None:
    texts: list = [*TEXTS, None, Record("r1", TEXTS[0]), Record("r2", "", problem="no text"), "x" * 50_000, *TEXTS]
    results = list(extract_many(texts, published="2024-05-15", n_jobs=2))
    assert [r.index for r in results] == list(range(len(texts)))
    assert [r.source for r in results[20:23]] == [None, "r1", "r2"]
    assert results[20].error is not None and results[20].error.startswith("InputTypeError")
    assert results[22].error == "no text"
    ok = [(i, t) for i, t in enumerate(texts) if isinstance(t, str)] + [(21, TEXTS[0])]
    assert all(results[i].events == diplo_events.extract(t, "2024-05-15") for i, t in ok)


class PidExtractor:
    """The built-in events, each marked with the process that made it."""

    name = "test.pid.v1"

    def extract(self, doc: diplo_events.Document) -> list:
        marked = {"extractor": f"pid{os.getpid()}"}
        return [e.model_copy(update=marked) for e in diplo_events.extract(doc.text, doc.published)]


def test_two_jobs_are_this_process_and_one_worker_with_the_serial_results() -> None:
    pipeline = Pipeline(merger=None).add(PidExtractor())
    texts = TEXTS * 10 + TEXTS[:2]
    results = list(extract_many(texts, published="2024-05-15", n_jobs=2, pipeline=pipeline, chunk_size=2))
    assert [r.index for r in results] == list(range(len(texts)))
    pids = {e.extractor for r in results for e in r.events}
    assert len(pids) == 2 and f"pid{os.getpid()}" in pids
    assert {e.extractor for e in results[-1].events} == {f"pid{os.getpid()}"}  # the last chunk runs here
    unmarked = [[e.model_copy(update={"extractor": ""}) for e in r.events] for r in results]
    expected = [diplo_events.extract(t, "2024-05-15") for t in texts]
    assert unmarked == [[e.model_copy(update={"extractor": ""}) for e in events] for events in expected]


def test_one_chunk_runs_here_without_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "ProcessPoolExecutor", None)  # starting a worker would fail
    results = list(extract_many(TEXTS, published="2024-05-15", n_jobs=2))
    assert [r.events for r in results] == serial()
    assert list(extract_many([], n_jobs=2)) == []


def test_chunks_hold_about_chunk_chars_characters_and_whole_documents() -> None:
    half = "x" * (batch.CHUNK_CHARS // 2)
    items = [(i, text, None) for i, text in enumerate([half, half, half, "y" * 3 * batch.CHUNK_CHARS, half, ""])]
    assert [[i for i, _, _ in c] for c in batch._sized_chunks(items)] == [[0, 1], [2, 3], [4, 5]]
    many = [(i, "", None) for i in range(1000)]  # empty texts still count: a chunk ends
    assert len(list(batch._sized_chunks(many))) > 1


def test_a_failing_document_is_reported_and_the_rest_continue() -> None:
    texts = ["Russia met NATO.", 42, "Japan pledged $5 million in aid to Nepal."]
    results = list(extract_many(texts, published=["2024-01-01", "2024-01-01", "not a date"]))  # type: ignore[list-item]
    assert results[0].error is None
    assert results[1].error is not None and results[1].error.startswith("InputTypeError")
    assert results[2].error is not None and "not a date" in results[2].error


def test_one_string_is_refused() -> None:
    with pytest.raises(InputTypeError):
        list(extract_many("Russia met NATO."))


@pytest.mark.parametrize("n_jobs", [0, -2])
def test_bad_job_counts(n_jobs: int) -> None:
    with pytest.raises(ValueError, match="n_jobs"):
        list(extract_many(TEXTS, n_jobs=n_jobs))


def test_one_pipeline_shared_by_threads_gives_serial_results() -> None:
    pipeline = Pipeline.default()
    expected = serial()
    out: dict[int, list] = {}

    def work(k: int) -> None:
        for _ in range(3):
            out[k] = [pipeline.extract(t, "2024-05-15") for t in TEXTS]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(v == expected for v in out.values())
