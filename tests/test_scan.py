"""The cascade's first step: the trigger scan, and the pipeline returning early on texts it
clears. The scan may let a text through that has no trigger word, never the reverse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events import Lexicon, Pipeline
from diplo_events.models import Meeting, Mention, Span
from diplo_events.scan import TriggerScan
from diplo_events.segment import tokenize

from .strategies import any_text, news_texts, published_dates

SCAN = TriggerScan.of(Lexicon.default())
WORDS = sorted(SCAN.words)
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "dev.jsonl"


# -- examples: written for this file ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kerry and Lavrov held talks in Geneva.", True),
        ("KERRY, LAVROV HOLD TALKS", True),
        ("Poland suspended military cooperation with Belarus.", True),
        ("Japan pledged aid to Nepal", True),
        ("the talks\u2019 outcome", True),
        ("Shares rose 3% on Tuesday after the central bank's decision.", False),
        ("The striker scored twice in the second half.", False),
        ("", False),
        ("a talkshow presenter", False),  # a trigger inside a longer word is not one
    ],
)
def test_scan_examples(text: str, found: bool) -> None:
    assert SCAN.finds(text) is found


def test_every_trigger_word_is_found_in_any_case_and_between_marks() -> None:
    assert len(WORDS) > 300
    for word in WORDS:
        for text in (word, word.upper(), f'"{word.capitalize()}," he said.', f"({word})"):
            assert SCAN.finds(text), (word, text)


def test_a_user_trigger_enters_the_scan() -> None:
    lexicon = Lexicon.default().copy()
    assert not TriggerScan.of(lexicon).finds("They parleyed at dawn.")
    lexicon.add_trigger("parley", "verb", "meeting", family="talks", cameo="040")
    assert TriggerScan.of(lexicon).finds("They parleyed at dawn.")


# -- properties ------------------------------------------------------------------------------
@given(st.one_of(any_text, news_texts, st.lists(st.sampled_from([*WORDS[:40], "x", " ", ".", "_", "\u2019", "N."])).map("".join)))
def test_no_false_no(text: str) -> None:
    """Wherever a token is a trigger word, the scan finds one."""
    if any(t.lower in SCAN.words for t in tokenize(text)):
        assert SCAN.finds(text)


@given(st.one_of(any_text, news_texts), published_dates)
def test_the_early_return_changes_no_result(text: str, published: object) -> None:
    pipeline = Pipeline.default()
    assert pipeline.extract(text, published) == list(pipeline(text, published).events)


@pytest.mark.skipif(not DEV.is_file(), reason="the shared development corpus is not beside the repository")
def test_the_early_return_changes_no_result_on_the_development_texts() -> None:
    pipeline = Pipeline.default()
    for line in DEV.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert pipeline.extract(item["text"], item["published"]) == list(pipeline(item["text"], item["published"]).events)


# -- the promise is the extractor's: without it, nothing is skipped ----------------------------
class _Weather:
    """Fires at a word no lexicon holds, so it makes no promise."""

    name = "tests.weather.v1"

    def extract(self, doc):
        i = doc.text.find("thunderstorm")
        if i < 0:
            return []
        span = Span(start=i, end=i + 12, text="thunderstorm")
        return [Meeting(mentions=(Mention(trigger=span, evidence=span),), extractor=self.name)]


def test_an_extractor_without_the_promise_sees_every_text() -> None:
    pipeline = Pipeline.default().add(_Weather())
    assert [e.extractor for e in pipeline.extract("A thunderstorm hit Oslo.")] == ["tests.weather.v1"]


def test_a_bad_date_is_still_an_error_on_a_text_without_triggers() -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        Pipeline.default().extract("Shares rose.", "yesterday")
