"""The first step of the cascade: one compiled pass over the raw text for the trigger words of
a lexicon, before any tokenising.

Most news text states no diplomatic event. When no word of the text can start one, the
extractors that only fire at trigger words (the built-in ones, and any that declare
``triggered_by_lexicon = True``) would find nothing, so the pipeline returns at once.

The pattern is an alternation shaped as a trie (``dates.trie_pattern``), which the ``regex``
engine runs several times faster than a flat list of the same words; its edges are those of
the tokeniser's words, so it matches wherever a token's lower-case form is a trigger word, and
sometimes more (inside "N.Korea"-like tokens): the scan may let a text through that
has no trigger, never the reverse.

>>> from diplo_events.lexicon import Lexicon
>>> scan = TriggerScan.of(Lexicon.default())
>>> scan.finds("Kerry and Lavrov HELD TALKS in Geneva."), scan.finds("Shares rose 3% on Tuesday.")
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from .dates import trie_pattern
from .loading import collector_paused

if TYPE_CHECKING:
    from .lexicon import Lexicon

__all__ = ["TriggerScan"]

_SCAN = object()  # a key of Lexicon.derived


class TriggerScan:
    """Whether a text holds a trigger word of a lexicon, in one compiled pass."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        # a typographic apostrophe is a plain one in tokens ("talks\u2019" is "talks'")
        body = trie_pattern(self.words | {w.replace("'", "\u2019") for w in self.words if "'" in w})
        # the tokeniser's word edges (segment._TOKEN): a letter or digit run starts and ends there
        with collector_paused():  # compiling makes many short-lived objects and no cycles
            self._pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE) if body else None

    @classmethod
    def of(cls, lexicon: Lexicon) -> TriggerScan:
        """The scan of every trigger word of ``lexicon``, built once per lexicon (and again
        after it changes)."""
        return lexicon.derived(_SCAN, lambda: cls(lexicon.trigger_words()))

    def finds(self, text: str) -> bool:
        """Whether ``text`` may hold a trigger word (no false "no")."""
        return self._pattern is not None and self._pattern.search(text) is not None
