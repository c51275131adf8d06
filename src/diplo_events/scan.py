"""The first step of the cascade: one pass over the raw text for the trigger words of a
lexicon, before any tokenising.

Most news text states no diplomatic event. When no word of the text can start one, the
extractors that only fire at trigger words (the built-in ones, and any that declare
``triggered_by_lexicon = True``) would find nothing, so the pipeline returns at once.

The scan splits the text into runs of letters and digits and looks each run up, lower-cased,
in a set: a token that is a trigger word is such a run (or, for a token such as "N.Korea" or
"cut-off", begins with one, so the set holds the first run of every trigger word). It may let a
text through that has no trigger, never the reverse. A set rather than one alternation of
every form: compiling that pattern cost more than a whole first call's extraction, and the
lookups run faster than it over text with no trigger.

>>> from diplo_events.lexicon import Lexicon
>>> scan = TriggerScan.of(Lexicon.default())
>>> scan.finds("Kerry and Lavrov HELD TALKS in Geneva."), scan.finds("Shares rose 3% on Tuesday.")
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .lexicon import Lexicon

__all__ = ["TriggerScan"]

_SCAN = object()  # a key of Lexicon.derived
_RUN = regex.compile(r"[\p{L}\p{N}]+")  # the tokeniser's words are such runs (segment._TOKEN)
# Texts are read this many characters at a time (a cut moved to the end of a run), so that a
# long document never holds all its runs at once and a trigger near the start ends the scan.
_CHUNK = 1 << 14


class TriggerScan:
    """Whether a text holds a trigger word of a lexicon, in one pass."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        runs = [_RUN.search(w) for w in self.words]
        self._runs = frozenset(m.group() for m in runs if m is not None)
        # a trigger word with no letter or digit could hide anywhere: every text goes through
        self._all = any(m is None for m in runs)

    @classmethod
    def of(cls, lexicon: Lexicon) -> TriggerScan:
        """The scan of every trigger word of ``lexicon``, built once per lexicon (and again
        after it changes)."""
        return lexicon.derived(_SCAN, lambda: cls(lexicon.trigger_words()))

    def finds(self, text: str) -> bool:
        """Whether ``text`` may hold a trigger word (no false "no")."""
        if self._all:
            return True
        runs, find, n = self._runs, _RUN.findall, len(text)
        start = 0
        while start < n:
            end = start + _CHUNK
            if end < n:
                cut = _RUN.match(text, end)  # a run across the cut: read it whole in this chunk
                if cut is not None:
                    end = cut.end()
            if not runs.isdisjoint(map(str.lower, find(text, start, end))):
                return True
            start = end
        return False
