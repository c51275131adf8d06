"""Amounts of money (or tonnage) stated with a pledge: "$3.8 billion", "260 mln dlrs".

The currencies, scale words and units are data (``data/amounts.toml``); the pattern is built
from them once.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from .loading import data_text

__all__ = ["find_amount"]


@cache
def _table() -> dict[str, Any]:
    import tomllib  # noqa: PLC0415  (~3 ms to import: only once a text states an amount)

    return tomllib.loads(data_text("amounts.toml"))


def _alternation(words: Any) -> str:
    return "|".join(regex.escape(w).replace("\\ ", r"\ ") for w in sorted(words, key=len, reverse=True))


@cache
def _pattern() -> regex.Pattern[str]:
    t = _table()
    scales = _alternation(t["scales"])
    return regex.compile(
        rf"""
        (?:{_alternation(t["symbols"])})\s?\d[\d,.]*(?:\s?(?:{scales}))?\b
        | \d[\d,.]*\s?(?:{scales})?\s?(?:{_alternation(t["words"])})\b
        | \d[\d,.]*\s(?:{_alternation(t["quantities"]["units"])})\b
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


@cache
def _scale_patterns() -> tuple[tuple[regex.Pattern[str], float], ...]:
    """Each scale word after a number ("3.8 billion"), compiled, with its factor, in file order."""
    return tuple((regex.compile(rf"\d\s?{regex.escape(word)}\b"), f) for word, f in _table()["scales"].items())


_NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def find_amount(text: str, start: int, end: int) -> tuple[int, int, float | None, str | None] | None:
    """The first amount in ``text[start:end]``: (start, end, value, ISO currency or None).

    >>> find_amount("pledged $3.8 billion in aid", 0, 27)
    (8, 20, 3800000000.0, 'USD')
    """
    m = _pattern().search(text, start, end)
    if m is None:
        return None
    t = _table()
    low = m.group().lower()
    words = low.split()
    currency = next((c for sym, c in t["symbols"].items() if low.startswith(sym.lower())), None)
    currency = currency or next((c for word, c in t["words"].items() if word in words or low.endswith(word)), None) or None
    number = _NUMBER.search(low)
    value = float(number.group().replace(",", "")) if number else None
    if value is not None:
        scale = next((f for word, f in _scale_patterns() if word.search(low)), 1.0)
        value *= scale
    return m.start(), m.end(), value, currency
