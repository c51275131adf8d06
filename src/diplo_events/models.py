"""Typed events: the JSON form every user and the scorer rely on.

All models are frozen and forbid unknown fields. ``Event`` is the union of the three
event types, discriminated on ``type``. Offsets are Python ``str`` indices into the exact
text given to :func:`diplo_events.extract`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Actor",
    "Amount",
    "Event",
    "EventDate",
    "EventStatus",
    "Location",
    "Meeting",
    "Mention",
    "Span",
    "SupportPledge",
    "SupportType",
    "Suspension",
    "event_adapter",
    "event_json_schema",
]

EventStatus = Literal["occurred", "planned", "ongoing"]
SupportType = Literal["military", "economic", "humanitarian", "political", "training", "technical"]
Precision = Literal["day", "week", "month", "year"]


class _Model(BaseModel):
    # defer_build: a model's validator is built when it is first used, not at import (a process
    # that never makes a Suspension never pays for it)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Span(_Model):
    """A stretch of the document: ``document[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            msg = f"span [{self.start}, {self.end}) does not fit its text {self.text!r}"
            raise ValueError(msg)
        return self


class Mention(_Model):
    """One place in the text that states the event.

    Attributes:
        trigger: the word or phrase that signals the event ("suspend", "talks").
        evidence: the clause or sentence that states it.
    """

    trigger: Span
    evidence: Span


class Actor(_Model):
    """A party to an event, coded as a state (ISO 3166-1 alpha-3) or an organisation.

    Attributes:
        code: ``RUS``, ``NATO``, ... (see GUIDELINES for the organisation codes).
        text: the surface text that named the party.
        span: where that text is, when it is in the document.
        name: for a person, the canonical name that resolved it.
        role: for a person or a title, the role that resolved it ("foreign minister").
    """

    code: str = Field(pattern=r"^[A-Z][A-Z0-9]{1,5}$")
    text: str
    span: Span | None = None
    name: str | None = None
    role: str | None = None


class EventDate(_Model):
    """When an event happens; ``value`` is the first day of the period."""

    value: dt.date
    precision: Precision = "day"
    text: str | None = None
    span: Span | None = None


class Location(_Model):
    """Where an event happens."""

    country: str = Field(pattern=r"^[A-Z][A-Z0-9]{2}$")
    place: str | None = None
    text: str | None = None
    span: Span | None = None


class Amount(_Model):
    """A sum of money or a quantity stated for a pledge ("€50 million")."""

    value: float | None = None
    currency: str | None = None
    text: str
    span: Span | None = None


class _EventBase(_Model):
    mentions: tuple[Mention, ...] = Field(min_length=1)
    date: EventDate | None = None
    location: Location | None = None
    status: EventStatus = "occurred"
    negated: bool = False
    cameo: str | None = Field(default=None, description="CAMEO event code, e.g. '036' or '16'.")
    plover: str | None = Field(default=None, description="PLOVER event category.")
    extractor: str = Field(description="The registered name of the rule set that produced the event.")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Meeting(_EventBase):
    """Talks, a visit, a summit, a council session, a call or a negotiation."""

    type: Literal["meeting"] = "meeting"
    participants: tuple[Actor, ...] = ()

    @property
    def primary(self) -> tuple[Actor, ...]:
        """The primary side: every participant."""
        return self.participants

    @property
    def secondary(self) -> tuple[Actor, ...]:
        """A meeting has no other side."""
        return ()


class Suspension(_EventBase):
    """An actor suspends, halts, freezes or scales back ties, talks, aid, a mission or a treaty."""

    type: Literal["suspension"] = "suspension"
    actors: tuple[Actor, ...] = ()
    counterparts: tuple[Actor, ...] = ()
    suspended: str | None = Field(default=None, description="What is suspended: 'joint mission'.")
    temporary: bool = False

    @property
    def primary(self) -> tuple[Actor, ...]:
        """Who suspends."""
        return self.actors

    @property
    def secondary(self) -> tuple[Actor, ...]:
        """With whom, or towards whom."""
        return self.counterparts


class SupportPledge(_EventBase):
    """An actor pledges, announces or provides support to another."""

    type: Literal["support_pledge"] = "support_pledge"
    donors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    support_types: tuple[SupportType, ...] = ()
    items: tuple[str, ...] = ()
    amount: Amount | None = None

    @property
    def primary(self) -> tuple[Actor, ...]:
        """Who gives."""
        return self.donors

    @property
    def secondary(self) -> tuple[Actor, ...]:
        """Who receives."""
        return self.recipients


Event = Annotated[Meeting | Suspension | SupportPledge, Field(discriminator="type")]


def __getattr__(name: str) -> Any:
    # ``event_adapter`` (a pydantic.TypeAdapter for one Event) is built on first use: building
    # it costs more than the whole of an extraction call, and most runs never validate JSON
    if name == "event_adapter":
        from pydantic import TypeAdapter  # noqa: PLC0415  (imported when first needed, like the adapter)

        adapter = globals()[name] = TypeAdapter(Event)
        return adapter
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def event_json_schema() -> dict[str, Any]:
    """The JSON Schema of a list of events (what the CLI writes, one per line)."""
    from pydantic import TypeAdapter  # noqa: PLC0415

    return TypeAdapter(list[Event]).json_schema()
