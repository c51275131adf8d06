"""Properties of extract() over any text: never raises, valid spans, deterministic, JSON
round-trip, offsets shift when text is prepended."""

from __future__ import annotations

import datetime as dt

from hypothesis import given

import diplo_events
from diplo_events.models import event_adapter

from .strategies import any_text, news_texts, published_dates


def _spans(event: object) -> list[dict]:
    out = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if set(node) >= {"start", "end", "text"}:
                out.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(event.model_dump(mode="json"))  # type: ignore[attr-defined]
    return out


@given(text=any_text, published=published_dates)
def test_never_raises_and_spans_index_the_text(text: str, published: dt.date | None) -> None:
    for event in diplo_events.extract(text, published=published):
        for span in _spans(event):
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"]


@given(text=news_texts, published=published_dates)
def test_news_spans_are_valid_and_output_is_deterministic(text: str, published: dt.date | None) -> None:
    first = diplo_events.extract(text, published=published)
    assert first == diplo_events.extract(text, published=published)
    for event in first:
        for span in _spans(event):
            assert text[span["start"] : span["end"]] == span["text"]
        assert event_adapter.validate_json(event.model_dump_json()) == event


@given(text=news_texts, published=published_dates)
def test_prepending_a_paragraph_only_shifts_offsets(text: str, published: dt.date | None) -> None:
    prefix = "The weather was mild across the region.\n\n"
    plain = diplo_events.extract(text, published=published)
    shifted = diplo_events.extract(prefix + text, published=published)
    assert [e.type for e in shifted] == [e.type for e in plain]
    for a, b in zip(plain, shifted, strict=True):
        assert [m.trigger.start + len(prefix) for m in a.mentions] == [m.trigger.start for m in b.mentions]
