"""Properties of the whole pipeline over nasty text (Hypothesis, the ``ci`` profile of conftest).

* it never raises on a ``str`` (and any published date of the documented types);
* every span of every event is in bounds and equals the slice of the text it points to, and
  the events survive a JSON round trip;
* it is deterministic: twice the same text gives the same events, also after other texts and
  from a separately built pipeline (no state leaks between calls);
* prepending a neutral paragraph only shifts every offset by its length.

The strategies mix any Unicode outside the surrogates, control characters, several scripts,
bidi and zero-width marks, CR/LF/CRLF and Unicode line separators, very long tokens and runs of
punctuation, interleaved with news sentences that do contain events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import diplo_events
from diplo_events import Pipeline
from diplo_events.models import event_adapter

# -- strategies -----------------------------------------------------------------------------
PARTIES = [
    "Russia", "NATO", "Ukraine", "the European Union", "China", "Japan", "Britain", "the U.S.", "Iran",
    "Lavrov", "Foreign Minister Sergei Lavrov", "the Kremlin", "Moscow", "Russian officials", "the alliance",
    "Wang Yi", "Germany's chancellor", "N.Korea", "the two countries", "he", "we",
]
VERBS = [
    "met", "will meet", "held talks with", "suspended talks with", "froze aid to", "pledged $5 million in aid to",
    "visited", "did not meet", "called off a visit to", "sent tanks to", "is expected to host", "spoke by phone with",
    "cut ties with", "agreed to provide training to", "urged", "may suspend cooperation with",
]
WHEN = [
    "", " on Tuesday", " next week", " in early April", " on 30 November", " yesterday", " last May", " in May",
    " on March 12, 2024", " on 2024-02-29", " the day before", " this weekend", " in late summer", " on 31/12/2023",
]
WHERE = ["", " in Brussels", " in the capital of Kenya", " at the summit in Vilnius", " in Moscow"]

news_sentences = st.builds(
    lambda a, v, b, w, p, q: f'{q}{a} {v} {b}{p}{w}{"." if not q else ","}{q and chr(34) + " said Lavrov."}',
    st.sampled_from(PARTIES),
    st.sampled_from(VERBS),
    st.sampled_from(PARTIES),
    st.sampled_from(WHEN),
    st.sampled_from(WHERE),
    st.sampled_from(["", '"']),
)

# headlines: no final punctuation, and the last one ends the text
headlines = st.builds(
    lambda a, v, b, w: f"{a} {v} {b}{w}",
    st.sampled_from(PARTIES),
    st.sampled_from(VERBS),
    st.sampled_from(PARTIES),
    st.sampled_from(WHEN + WHERE),
)

SCRIPTS = [
    "Россия", "Китай провели переговоры.", "中国和俄罗斯举行会谈。", "روسيا والصين", "मंत्री ने", "Ελλάδα", "İstanbul",
    "🇷🇺🤝🇨🇳", "👩‍👩‍👧", "e\u0301", "\u0301\u0301", "\u202eRussia\u202c", "\u200b", "\ufeff", "\u00ad", "\ue000",
    "\U0010fffd", "\uffff", "ǅ", "ß", "ﬁ", "Ⅻ", "²", "٣", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c",
]
PUNCT = [".", "...", "?!", "''", '"', "\u201c", "\u201d", "\u2019s", "'s", "(", ")", "[", "»", "«", "-", "\u2014", "&", "$", "€", "%", "/"]

no_surrogates = st.characters(blacklist_categories=("Cs",))
controls = st.characters(whitelist_categories=("Cc", "Cf", "Zl", "Zp"))
long_tokens = st.builds(
    lambda unit, n: unit * n,
    st.sampled_from(["a", "Z", "9", ".", "-", "'", "(", "\u00e9", "\u4e2d", "U.", "N.K", "O'", "Russia", "May ", "\r\n"]),
    st.integers(min_value=50, max_value=3_000),
)
junk = st.one_of(
    st.text(alphabet=no_surrogates, max_size=200),
    st.text(alphabet=controls, max_size=30),
    st.lists(st.sampled_from(SCRIPTS + PUNCT), max_size=12).map("".join),
    long_tokens,
)
separators = st.sampled_from([" ", "", "\n", "\r\n", "\r", "\n\n", "\t", ". ", " \u2028 ", "\u00a0", "\x00"])

# news sentences interleaved with junk, joined by any separator
nasty_texts = st.lists(st.tuples(st.one_of(news_sentences, junk), separators), max_size=10).map(
    lambda parts: "".join(a + b for a, b in parts)
)
wild_texts = st.one_of(
    st.text(alphabet=no_surrogates, max_size=2_000),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=500),
    nasty_texts,
)
news_with_junk = st.lists(st.one_of(news_sentences, news_sentences, junk), min_size=1, max_size=8).map(" ".join)

_days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
published_values = st.one_of(
    st.none(),
    _days,
    _days.map(dt.date.isoformat),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31)),
)

NASTY = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


# -- helpers --------------------------------------------------------------------------------
def _span_dicts(node: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if {"start", "end", "text"} <= set(node):
            out.append(node)
        for value in node.values():
            out.extend(_span_dicts(value))
    elif isinstance(node, list):
        for value in node:
            out.extend(_span_dicts(value))
    return out


def assert_valid(text: str, events: list[Any]) -> None:
    assert isinstance(events, list)
    for event in events:
        dumped = event.model_dump(mode="json")
        for span in _span_dicts(dumped):
            assert 0 <= span["start"] <= span["end"] <= len(text), span
            assert text[span["start"] : span["end"]] == span["text"], span
        assert event_adapter.validate_json(event.model_dump_json()) == event


def _shift(node: Any, by: int) -> Any:
    if isinstance(node, dict):
        out = {k: _shift(v, by) for k, v in node.items()}
        if {"start", "end", "text"} <= set(node):
            out["start"] -= by
            out["end"] -= by
        return out
    if isinstance(node, list):
        return [_shift(v, by) for v in node]
    return node


# -- properties -----------------------------------------------------------------------------
@NASTY
@given(text=wild_texts, published=published_values)
def test_never_raises_and_every_span_indexes_the_text(text: str, published: Any) -> None:
    assert_valid(text, diplo_events.extract(text, published=published))


@NASTY
@given(text=news_with_junk, published=published_values)
def test_news_among_junk_gives_valid_spans(text: str, published: Any) -> None:
    assert_valid(text, diplo_events.extract(text, published=published))


@NASTY
@given(text=nasty_texts, other=news_with_junk, published=published_values)
def test_deterministic_and_free_of_state_between_calls(text: str, other: str, published: Any) -> None:
    first = diplo_events.extract(text, published=published)
    diplo_events.extract(other, published=published)  # anything cached must not leak into the next call
    assert diplo_events.extract(text, published=published) == first
    assert Pipeline.default().extract(text, published=published) == first


PREFIX = "The weather was mild across the region.\n\n"


@NASTY
@given(text=news_with_junk, published=_days)
def test_prepending_a_paragraph_only_shifts_offsets(text: str, published: dt.date) -> None:
    plain = [e.model_dump(mode="json") for e in diplo_events.extract(text, published=published)]
    shifted = [e.model_dump(mode="json") for e in diplo_events.extract(PREFIX + text, published=published)]
    assert [_shift(e, len(PREFIX)) for e in shifted] == plain


# found by the fuzzer: a party mention at the very end of the text raised IndexError
# (extractors/meeting.py _joint_forum_after), fixed in issue 7
@NASTY
@example(text="Russia met the European Union", published=dt.date(2024, 3, 12))
@given(text=st.lists(st.one_of(headlines, news_sentences), min_size=1, max_size=4).map("\n".join), published=_days)
def test_headlines_without_final_punctuation_give_valid_spans(text: str, published: dt.date) -> None:
    assert_valid(text, diplo_events.extract(text, published=published))
