"""The word lists the rules read, loaded once from ``data/lexicon.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

__all__ = ["LEXICON", "Lexicon", "TypeLexicon"]


@dataclass(frozen=True)
class TypeLexicon:
    """Triggers and objects of one event type."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    weak_verbs: frozenset[str]
    phrasal: dict[str, frozenset[str]]
    objects: frozenset[str]
    non_objects: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Every word list, as frozensets for O(1) membership tests."""

    meeting: TypeLexicon
    suspension: TypeLexicon
    support: TypeLexicon
    meeting_qualifiers: dict[str, frozenset[str]]
    idiom_objects: frozenset[str]
    domestic_qualifiers: frozenset[str]
    withdraw_objects: frozenset[str]
    temporary_markers: tuple[str, ...]
    support_types: dict[str, frozenset[str]]
    support_items: tuple[str, ...]
    appeals: frozenset[str]
    threats: frozenset[str]
    hypothetical: frozenset[str]
    hypothetical_phrases: tuple[tuple[str, ...], ...]
    negators: frozenset[str]
    negator_phrases: tuple[tuple[str, ...], ...]
    future: frozenset[str]
    boundaries: frozenset[str]
    topic: frozenset[str]
    reporting: frozenset[str]
    agent_nouns: frozenset[str]
    common_words: frozenset[str]
    regions: tuple[str, ...]

    def anaphor_heads(self, gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
        """Head noun of each back-reference ("alliance") -> the codes it may stand for."""
        cached: dict[str, frozenset[str]] | None = getattr(gazetteer, "_anaphor_heads", None)
        if cached is not None and getattr(gazetteer, "_anaphor_heads_size", -1) == len(gazetteer.entries):
            return cached
        heads: dict[str, set[str]] = {}
        for key, entries in gazetteer.entries.items():
            for entry in entries:
                if entry.kind == "anaphor":
                    heads.setdefault(key[-1], set()).update(entry.codes)
        result = {k: frozenset(v) for k, v in heads.items()}
        gazetteer._anaphor_heads = result  # type: ignore[attr-defined]  # noqa: SLF001
        gazetteer._anaphor_heads_size = len(gazetteer.entries)  # type: ignore[attr-defined]  # noqa: SLF001
        return result


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def _phrases(values: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(v).lower().split()) for v in values)


def _with_singulars(values: Any) -> frozenset[str]:
    """Object nouns in both numbers: "systems" also matches "system"."""
    words = _words(values)
    return words | {w[:-1] for w in words if w.endswith("s") and not w.endswith("ss") and len(w) > 3}


def _type(section: dict[str, Any]) -> TypeLexicon:
    return TypeLexicon(
        verbs=_words(section.get("verbs", ())),
        nouns=_words(section.get("nouns", ())),
        weak_verbs=_words(section.get("weak_verbs", ())),
        phrasal={k: _words(v) for k, v in section.get("phrasal", {}).items()},
        objects=_with_singulars(section.get("objects", ())),
        non_objects=_with_singulars(section.get("non_objects", ())),
    )


def load_lexicon() -> Lexicon:
    """Read ``data/lexicon.toml``."""
    raw = tomllib.loads((resources.files("diplo_events") / "data" / "lexicon.toml").read_text("utf-8"))
    return Lexicon(
        meeting=_type(raw["meeting"]),
        suspension=_type(raw["suspension"]),
        support=_type(raw["support"]),
        meeting_qualifiers={k: _words(v) for k, v in raw["meeting"]["needs_qualifier"].items()},
        idiom_objects=_words(raw["meeting"]["idiom_objects"]),
        domestic_qualifiers=_words(raw["meeting"]["domestic_qualifiers"]),
        withdraw_objects=_words(raw["suspension"]["withdraw_objects"]),
        temporary_markers=tuple(raw["suspension"]["temporary_markers"]),
        support_types={k: _words(v) for k, v in raw["support"]["types"].items()},
        support_items=tuple(sorted(raw["support"]["items"], key=len, reverse=True)),
        appeals=_words(raw["modality"]["appeals"]),
        threats=_words(raw["modality"]["threats"]),
        hypothetical=_words(raw["modality"]["hypothetical"]),
        hypothetical_phrases=_phrases(raw["modality"]["hypothetical_phrases"]),
        negators=_words(raw["modality"]["negators"]),
        negator_phrases=_phrases(raw["modality"]["negator_phrases"]),
        future=_words(raw["modality"]["future"]),
        boundaries=_words(raw["clause"]["boundaries"]),
        topic=_words(raw["clause"]["topic"]),
        reporting=_words(raw["clause"]["reporting"]),
        agent_nouns=_words(raw["agents"]["nouns"]),
        common_words=_words(raw["common_words"]["words"]),
        regions=tuple(raw["regions"]["names"]),
    )


LEXICON = load_lexicon()
