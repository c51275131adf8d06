"""Where an event happens: a place after "in", "at" or "to" ("talks in Moscow", "a visit to
Beijing", "at the summit in Vilnius"), located in its country."""

from __future__ import annotations

import bisect

from .document import Document, PlaceMention
from .gazetteer import ORGANIZATION_CODES
from .models import Location, Span

__all__ = ["find_location", "place_after"]

_LOCATIVE = frozenset({"in", "at"})
_SKIP = frozenset({"the", "a", "capital", "city", "of", "port", "town", "resort", "nearby"})
_PLACE_KINDS = frozenset({"capital", "name"})


def place_after(doc: Document, i: int, *, max_skip: int = 3) -> tuple[str, int, int] | None:
    """The place (code, start, end) that starts at token ``i``, after articles and words like
    "the capital": a city, a capital, or a country name."""
    toks = doc.tokens
    j = i
    while j < len(toks) and j - i < max_skip and toks[j].lower in _SKIP:
        j += 1
    if j >= len(toks):
        return None
    k = bisect.bisect_left(doc.places, toks[j].start, key=_start)
    if k < len(doc.places) and doc.places[k].first_token == j:
        p = doc.places[k]
        return p.code, p.start, p.end
    lo = toks[j - 1].start if j > 0 else toks[j].start
    for m in doc.actors_between(lo, toks[j].end):
        if m.first_token in {j, j - 1} and m.kind in _PLACE_KINDS and len(m.codes) == 1:
            if m.codes[0] not in ORGANIZATION_CODES:
                return m.codes[0], m.start, m.end
    return None


def _start(p: PlaceMention) -> int:
    return p.start


def find_location(doc: Document, first: int, last: int, anchor: int) -> Location | None:
    """The place after a locative preposition nearest token ``anchor`` in tokens ``[first, last)``."""
    toks = doc.tokens
    best: tuple[int, str, int, int] | None = None
    for i in range(first, last - 1):
        if toks[i].lower not in _LOCATIVE:
            continue
        found = place_after(doc, i + 1)
        if found is None:
            continue
        distance = abs(i - anchor) + (0 if i > anchor else 3)
        if best is None or distance < best[0]:
            best = (distance, *found)
    if best is None:
        return None
    _, code, start, end = best
    text = doc.text[start:end]
    return Location(country=code, place=text, text=text, span=Span(start=start, end=end, text=text))
