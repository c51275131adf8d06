"""Compact views of extract() output for example tables."""

from __future__ import annotations

import diplo_events

PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}


def summary(text: str, published: str | None = "2024-05-15") -> list[tuple[str, frozenset[str], frozenset[str], bool]]:
    """(type, primary codes, other codes, negated) for each event, sorted."""
    out = []
    for e in diplo_events.extract(text, published=published):
        primary = frozenset(a.code for a in getattr(e, PRIMARY[e.type]))
        role = SECONDARY[e.type]
        other = frozenset(a.code for a in getattr(e, role)) if role else frozenset()
        out.append((e.type, primary, other, e.negated))
    return sorted(out, key=lambda t: (t[0], sorted(t[1]), sorted(t[2]), t[3]))


def types(text: str, published: str | None = "2024-05-15") -> list[str]:
    """The types of the events that are not negated."""
    return sorted(e.type for e in diplo_events.extract(text, published=published) if not e.negated)


def fs(*codes: str) -> frozenset[str]:
    return frozenset(codes)
