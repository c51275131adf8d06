"""Hypothesis strategies for texts that look like news, and texts that do not."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

PARTIES = ["Russia", "NATO", "Ukraine", "the European Union", "China", "Japan", "Britain", "the U.S.", "Iran", "Lavrov"]
VERBS = ["met", "will meet", "suspended talks with", "pledged $5 million in aid to", "held talks with", "froze aid to", "visited"]
WHEN = ["", " on Tuesday", " next week", " in early April", " on 30 November", " yesterday"]

news_sentences = st.builds(
    lambda a, v, b, w: f"{a} {v} {b}{w}.",
    st.sampled_from(PARTIES),
    st.sampled_from(VERBS),
    st.sampled_from(PARTIES),
    st.sampled_from(WHEN),
)

news_texts = st.lists(news_sentences, min_size=1, max_size=6).map(" ".join)

# any text at all: unicode, control characters, CRLF, long tokens
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8")),
    st.lists(st.one_of(news_sentences, st.text(max_size=40)), max_size=8).map("\r\n".join),
)

published_dates = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)))
