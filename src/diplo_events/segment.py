"""Tokens and sentences.

A hand-written splitter rather than a model: news text is regular enough, it is linear in
the length of the text, and it keeps the package free of model downloads.
"""

from __future__ import annotations

import bisect

import regex

from .document import Document, Sentence, Token

__all__ = ["LINE_BREAK_CHARS", "Segmenter", "tokenize"]

_TOKEN = regex.compile(
    r"""
      (?:[A-Za-z]\.){2,}(?![A-Za-z])    # abbreviations with dots: U.S., U.K., a.m.
    | ['\u2019]s\b                       # possessive 's as its own token
    | [\p{L}\p{N}]+                      # a word: letters and digits
      (?:[.&][\p{L}\p{N}]+               #   with inner dots: N.Korea, 2.15, AT&T
      | ['\u2019](?!s\b)[\p{L}\p{N}]+)*  #   or apostrophes, but not a possessive: O'Brien
    | \S                                 # any other single character
    """,
    regex.VERBOSE,
)

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep rev st jr sr no vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd dept est fig mt ft""".split()
)

_SENTENCE_END = frozenset(".!?")
# every character that ends a line: \n, a lone \r (old Mac files), form feeds, Unicode separators
# (the pipeline cuts the windows of a long text after them too)
LINE_BREAK_CHARS = r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
_LINE_BREAK = regex.compile(LINE_BREAK_CHARS)
_CLOSERS = frozenset("\"'\u201d\u2019)]\u00bb")
# the last characters of the tokens that may end a sentence: stops (also "U.S.") and closers
_END_CHARS = _SENTENCE_END | _CLOSERS

# The longest sentence, in tokens: a longer one is cut. Real news sentences have fewer than
# 120 tokens (73 at most in the dev corpus); longer ones are run-ons, lists, tables or text
# without full stops. Everything read per sentence grows with its length (the evidence span
# that every event in it copies, its party and date lists, the headline test), so without a
# cap one endless sentence with a trigger every few words costs quadratic time and memory.
MAX_SENTENCE_TOKENS = 250
# A long sentence is cut at the last clause mark (";", then ",", then before "and") among
# this many tokens before the cap, else at the cap itself: a bounded search per cut.
_CUT_SEARCH = 100


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into tokens with absolute offsets.

    >>> [t.text for t in tokenize("Russia's N.Korea-U.S. talks.")]
    ['Russia', "'s", 'N.Korea', '-', 'U.S.', 'talks', '.']
    """
    stop = len(text) if end is None else end
    # NOTE: keep in sync with Token.of (inlined, and the tuple made directly: tokenisation is
    # on the hot path)
    return [
        _new_token(Token, (*m.span(), (g := m.group()), g.lower() if "\u2019" not in g else g.lower().replace("\u2019", "'")))
        for m in _TOKEN.finditer(text, start, stop)
    ]


_new_token = tuple.__new__


class Segmenter:
    """Fills ``doc.tokens`` and ``doc.sentences``.

    A sentence ends at ``.``, ``!`` or ``?`` (plus closing quotes) before a capital,
    a quote or a digit, and at every line break: headlines, datelines and the truncated
    lines of scraped pages stand alone.
    """

    name = "diplo_events.segmenter.v1"

    def __call__(self, doc: Document) -> None:
        tokens = tokenize(doc.text, *doc.bounds)
        doc.tokens = tokens
        doc.sentences = _capped(tokens, self._sentences(doc.text, tokens))

    @staticmethod
    def _sentences(text: str, tokens: list[Token]) -> list[Sentence]:
        out: list[Sentence] = []
        n = len(tokens)
        if not n:
            return out
        # Only tokens that end in a stop, a closer, or before a line break can end a sentence:
        # they are found first, so the loop below visits a few tokens per sentence, not all.
        starts = [t.start for t in tokens]
        line_breaks = _LINE_BREAK.finditer(text, tokens[0].start, tokens[-1].end)  # none matter outside
        before_break = {bisect.bisect_right(starts, m.start()) - 1 for m in line_breaks}
        ends = [i for i, t in enumerate(tokens) if t.text[-1] in _END_CHARS]
        first = 0
        for i in sorted(before_break.union(ends, (n - 1,))):
            if i < first:
                continue  # a line break before the first token
            tok = tokens[i]
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is None or i in before_break:
                boundary = True
            elif tok.text in _SENTENCE_END or (tok.text.endswith(".") and len(tok.text) > 1):
                boundary = _ends_sentence(tokens, i, nxt)
            elif tok.text in _CLOSERS and i > first and tokens[i - 1].text in _SENTENCE_END:
                boundary = nxt.start > tok.end and _starts_sentence(nxt)
            else:
                boundary = False
            if boundary:
                out.append(Sentence(tokens[first].start, tok.end, first, i + 1))
                first = i + 1
        return out


def _capped(tokens: list[Token], sentences: list[Sentence]) -> list[Sentence]:
    """The sentences, each one longer than :data:`MAX_SENTENCE_TOKENS` cut into pieces."""
    if all(s.last_token - s.first_token <= MAX_SENTENCE_TOKENS for s in sentences):
        return sentences
    out: list[Sentence] = []
    for s in sentences:
        first = s.first_token
        while s.last_token - first > MAX_SENTENCE_TOKENS:
            cut = _cut_point(tokens, first, first + MAX_SENTENCE_TOKENS)
            out.append(Sentence(tokens[first].start, tokens[cut - 1].end, first, cut))
            first = cut
        out.append(Sentence(tokens[first].start, s.end, first, s.last_token))
    return out


def _cut_point(tokens: list[Token], first: int, limit: int) -> int:
    """Where to end a piece of a long sentence that starts at token ``first`` and may run to
    ``limit`` (exclusive): after the last ";", else after the last ",", else before the last
    "and" of the last :data:`_CUT_SEARCH` tokens; else at ``limit``."""
    lo = max(first + 1, limit - _CUT_SEARCH)
    for mark in (";", ","):
        for k in range(limit - 1, lo - 1, -1):
            if tokens[k].text == mark:
                return k + 1
    for k in range(limit - 1, lo - 1, -1):
        if tokens[k].lower == "and":
            return k
    return limit


def _starts_sentence(tok: Token) -> bool:
    """Anything but a lower-case letter or a continuing mark may start a sentence: a capital,
    a digit, a quote, or a letter of a script without case."""
    ch = tok.text[0]
    return not ch.islower() and ch not in ",;:)]}-\u2013\u2014%"


def _ends_sentence(tokens: list[Token], i: int, nxt: Token) -> bool:
    tok = tokens[i]
    if nxt.start == tok.end and nxt.text not in _CLOSERS:
        return False  # "2.5", "U.S.-led": no space after the stop
    if nxt.text in _CLOSERS:
        return False  # the closing quote ends it instead
    if not _starts_sentence(nxt):
        return False
    if tok.text == "." and i > 0:
        prev = tokens[i - 1]
        if prev.end == tok.start and (prev.text.lower() in _ABBREVIATIONS or len(prev.text) == 1):
            return False  # "Mr. Blair", "John F. Kennedy"
    # "U.S." followed by a capital is usually mid-sentence ("the U.S. President").
    return not (tok.text.endswith(".") and len(tok.text) > 1 and nxt.text[0].isupper())
