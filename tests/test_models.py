"""The event models: frozen, strict, JSON round-trip, schema export."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from diplo_events import Actor, EventDate, Meeting, Mention, Span, SupportPledge, Suspension, event_json_schema
from diplo_events.models import event_adapter


def _mention(text: str = "met") -> Mention:
    span = Span(start=0, end=len(text), text=text)
    return Mention(trigger=span, evidence=span)


def test_models_are_frozen() -> None:
    event = Meeting(participants=(Actor(code="RUS", text="Russia"),), mentions=(_mention(),), extractor="x.v1")
    with pytest.raises(ValidationError):
        event.negated = True  # type: ignore[misc]


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Actor(code="RUS", text="Russia", colour="red")  # type: ignore[call-arg]


@pytest.mark.parametrize(("start", "end", "text"), [(3, 1, ""), (0, 3, "ab"), (-1, 1, "ab")])
def test_span_must_fit_its_text(start: int, end: int, text: str) -> None:
    with pytest.raises(ValidationError):
        Span(start=start, end=end, text=text)


@pytest.mark.parametrize("code", ["rus", "R", "RUSSIA_FED", ""])
def test_actor_codes_are_upper_case_codes(code: str) -> None:
    with pytest.raises(ValidationError):
        Actor(code=code, text="x")


def test_an_event_needs_a_mention() -> None:
    with pytest.raises(ValidationError):
        Suspension(actors=(Actor(code="NATO", text="NATO"),), mentions=(), extractor="x.v1")


def test_union_is_discriminated_on_type() -> None:
    data = {"type": "support_pledge", "mentions": [_mention().model_dump()], "extractor": "x.v1", "donors": [{"code": "JPN", "text": "Japan"}]}
    event = event_adapter.validate_python(data)
    assert isinstance(event, SupportPledge)
    assert event.donors[0].code == "JPN"


def test_schema_lists_the_three_types() -> None:
    schema = event_json_schema()
    text = str(schema)
    for name in ("Meeting", "Suspension", "SupportPledge", "discriminator"):
        assert name in text


actors = st.builds(Actor, code=st.sampled_from(["RUS", "NATO", "UKR", "EU", "G7"]), text=st.text(max_size=20))


@given(
    participants=st.lists(actors, max_size=3).map(tuple),
    negated=st.booleans(),
    day=st.none() | st.dates(min_value=dt.date(1900, 1, 1)),
    precision=st.sampled_from(["day", "week", "month", "year"]),
)
def test_json_round_trip(participants: tuple[Actor, ...], negated: bool, day: dt.date | None, precision: str) -> None:
    date = EventDate(value=day, precision=precision) if day else None  # type: ignore[arg-type]
    event = Meeting(participants=participants, mentions=(_mention(),), negated=negated, date=date, extractor="x.v1")
    assert Meeting.model_validate_json(event.model_dump_json()) == event
    assert event_adapter.validate_json(event.model_dump_json()) == event
