"""The pipeline and its extension contract: registry, entry points, add/remove/replace."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from unittest import mock

import pytest

import diplo_events
from diplo_events import Document, Event, Meeting, Pipeline, RegistryError, extractor_registry
from diplo_events.errors import ExtractorError, InputTypeError
from diplo_events.extractors.base import Frame, span_of
from diplo_events.lexicon import LEXICON
from diplo_events.merge import EventMerger
from diplo_events.models import Actor, Mention
from diplo_events.pipeline import _windows
from diplo_events.registry import ENTRY_POINT_GROUP, Registry


class CeasefireExtractor:
    """A user's extractor: every sentence with 'ceasefire' and two parties is a 'meeting' here."""

    name = "tests.ceasefire.v1"

    def extract(self, doc: Document) -> Iterable[Event]:
        for sentence in doc.sentences:
            words = [t.lower for t in doc.tokens[sentence.first_token : sentence.last_token]]
            if "ceasefire" in words:
                i = sentence.first_token + words.index("ceasefire")
                frame = Frame(doc, sentence, i, i + 1)
                yield Meeting(participants=(), mentions=(frame.mention(),), extractor=self.name)


class Broken:
    name = "tests.broken.v1"

    def extract(self, doc: Document) -> Iterable[Event]:
        raise RuntimeError("boom")


def test_default_pipeline_has_the_builtin_extractors() -> None:
    assert Pipeline.default().names == [
        "diplo_events.meeting.v1",
        "diplo_events.suspension.v1",
        "diplo_events.support_pledge.v1",
        "diplo_events.contingent.v1",
    ]


def test_add_remove_replace() -> None:
    pipe = Pipeline.default()
    pipe.add(CeasefireExtractor(), before="diplo_events.suspension.v1")
    assert pipe.names[1] == "tests.ceasefire.v1"
    pipe.remove("diplo_events.meeting.v1")
    assert "diplo_events.meeting.v1" not in pipe.names
    pipe.replace("tests.ceasefire.v1", Broken())
    assert pipe.names[0] == "tests.broken.v1"
    with pytest.raises(RegistryError, match="Available names"):
        pipe.remove("no.such.v1")
    with pytest.raises(ValueError, match="already"):
        pipe.add(Broken())
    with pytest.raises(InputTypeError):
        pipe.add(object())  # type: ignore[arg-type]


def test_a_custom_extractor_runs_and_its_events_are_returned() -> None:
    pipe = Pipeline.default(extractors=[]).add(CeasefireExtractor())
    events = pipe.extract("Israel and Hamas agreed a ceasefire on Friday.")
    assert [e.extractor for e in events] == ["tests.ceasefire.v1"]
    assert events[0].mentions[0].trigger.text == "ceasefire"


def test_a_failing_extractor_raises_extractor_error_naming_it() -> None:
    pipe = Pipeline([Broken()])
    with pytest.raises(ExtractorError) as info:
        pipe.extract("Russia met NATO.")
    assert info.value.extractor == "tests.broken.v1"
    assert "boom" in str(info.value)


def test_registry_lookup_error_lists_available_names() -> None:
    with pytest.raises(RegistryError, match="diplo_events.meeting.v1"):
        Pipeline.default(extractors=["diplo_events.nope.v9"])


def test_entry_points_are_resolved_lazily_by_name() -> None:
    registry = Registry(ENTRY_POINT_GROUP)
    ep = mock.Mock()
    ep.name = "acme.ceasefire.v1"
    ep.load.return_value = CeasefireExtractor
    selected = mock.Mock(return_value=[ep])
    eps = mock.Mock(select=selected)
    with mock.patch("importlib.metadata.entry_points", return_value=eps):
        assert registry.get("acme.ceasefire.v1") is CeasefireExtractor
    selected.assert_called_with(group=ENTRY_POINT_GROUP, name="acme.ceasefire.v1")
    ep.load.assert_called_once()


def test_register_decorator_adds_to_the_shared_registry() -> None:
    @extractor_registry.register("tests.registered.v1")
    class Registered(CeasefireExtractor):
        name = "tests.registered.v1"

    pipe = Pipeline.default(extractors=["tests.registered.v1"])
    assert pipe.names == ["tests.registered.v1"]


def test_pipeline_pickles_and_gives_the_same_events() -> None:
    text = "Russia suspended military cooperation with Norway on Monday."
    pipe = Pipeline.default()
    clone = pickle.loads(pickle.dumps(pipe))
    assert clone.extract(text, "2020-03-04") == pipe.extract(text, "2020-03-04")


def test_package_exports_are_listed() -> None:
    for name in diplo_events.__all__:
        assert hasattr(diplo_events, name), name


# -- long texts: read in windows --------------------------------------------------------------
def _paragraphs() -> list[str]:
    """Separate happenings, one per paragraph, that no other paragraph refers to."""
    states = ["Russia", "China", "Japan", "Nepal", "Kenya", "Brazil", "Chile", "Peru", "Egypt", "Spain"]
    out = []
    for k, (a, b) in enumerate((a, b) for a in states for b in states if a < b):
        if k % 3 == 0:
            out.append(f"{a} and {b} held talks in Geneva on Tuesday, officials said.")
        elif k % 3 == 1:
            out.append(f"{a} pledged $5 million in humanitarian aid to {b}.\nThe weather was mild.")
        else:
            out.append(f"{a} suspended military cooperation with {b} on Monday.")
    return out


def _moved(event: Event, offset: int) -> Event:
    """``event`` with every span ``offset`` characters further on."""

    def move(node: object) -> object:
        if isinstance(node, dict):
            if set(node) == {"start", "end", "text"}:  # a Span
                return {**node, "start": node["start"] + offset, "end": node["end"] + offset}
            return {k: move(v) for k, v in node.items()}
        if isinstance(node, list | tuple):
            return [move(v) for v in node]
        return node

    return type(event).model_validate(move(event.model_dump()))


def _windowed(size: int) -> Pipeline:
    pipe = Pipeline.default()
    pipe.window_chars = size
    return pipe


def test_a_long_text_read_in_windows_gives_the_events_of_its_paragraphs() -> None:
    paragraphs = _paragraphs()
    text = "\n\n".join(paragraphs)
    assert len(list(_windows(text, 600))) >= 4
    windowed = _windowed(600)(text, "2024-03-12")
    whole = _windowed(len(text))(text, "2024-03-12")
    assert [(s.start, s.end) for s in windowed.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert windowed.events == whole.events
    # the events of each paragraph read alone, moved to its place in the text
    alone = []
    offset = 0
    for paragraph in paragraphs:
        alone.extend(_moved(e, offset) for e in diplo_events.extract(paragraph, "2024-03-12"))
        offset += len(paragraph) + 2
    assert len(alone) == len(paragraphs)
    assert windowed.events == EventMerger().merge(alone)
    for event in windowed.events:
        for mention in event.mentions:
            for span in (mention.trigger, mention.evidence):
                assert text[span.start : span.end] == span.text
        for actor in event.primary + event.secondary:
            assert actor.span is not None and text[actor.span.start : actor.span.end] == actor.span.text


def test_a_long_text_without_line_breaks_is_cut_at_sentence_ends() -> None:
    text = " ".join(p.replace("\n", " ") for p in _paragraphs())
    assert len(list(_windows(text, 500))) >= 4
    windowed = _windowed(500)(text, "2024-03-12")
    whole = _windowed(len(text))(text, "2024-03-12")
    assert windowed.events == whole.events
    assert [(s.start, s.end) for s in windowed.sentences] == [(s.start, s.end) for s in whole.sentences]


def test_a_long_text_without_any_boundary_keeps_valid_spans() -> None:
    text = ("Russia met China and " * 300 + "x" * 5_000 + " ") * 3 + "Japan met Nepal."
    doc = _windowed(1_000)(text, "2024-03-12")
    assert doc.events
    for event in doc.events:
        for mention in event.mentions:
            assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.text
    assert doc.sentences[0].start == 0 and doc.sentences[-1].end == len(text)


def test_explain_and_parse_of_a_long_text_read_in_windows() -> None:
    text = "\n\n".join(_paragraphs())
    pipe = _windowed(700)
    report = diplo_events.explain(text, "2024-03-12", pipeline=pipe)
    assert report.events == pipe(text, "2024-03-12").events
    assert report.decisions
    for d in report.decisions:
        a, b = report.sentences[d.sentence]
        assert a <= d.start < d.end <= b
        assert text[d.start : d.end] == d.trigger
    doc = pipe(text, "2024-03-12")
    assert doc.tokens == [] and doc.actors == []  # not kept for a text read in windows
    assert doc.published is not None and doc.published.isoformat() == "2024-03-12"


class _MergedAtTheEnd:
    """The merger as a plain stage (no ``fold``): the pipeline keeps every window's events and
    merges them once, at the end."""

    name = "tests.merged_at_the_end.v1"

    def __call__(self, doc: Document) -> None:
        EventMerger()(doc)


def test_a_long_text_merged_window_by_window_gives_the_events_merged_at_the_end() -> None:
    # each happening is told again in later windows, in other words and with its date
    paragraphs = _paragraphs()
    retold = [p.replace(" on Tuesday", "").replace(" on Monday", " last week") for p in paragraphs[::3]]
    text = "\n\n".join(paragraphs + retold + paragraphs[::2])
    running = _windowed(600)
    once = _windowed(600)
    once.merger = _MergedAtTheEnd()
    doc = running(text, "2024-03-12")
    assert doc.events == once(text, "2024-03-12").events
    assert any(len({m.trigger.start // 600 for m in e.mentions}) > 1 for e in doc.events)  # merged across windows


class _KeepsEveryMention(EventMerger):
    """A user's merger that overrides only ``merge`` (here: no merging at all)."""

    def merge(self, events, lexicon=LEXICON):  # type: ignore[no-untyped-def]
        return sorted(events, key=lambda e: e.mentions[0].trigger.start)


def test_a_merger_subclass_with_its_own_merge_is_not_bypassed_on_a_long_text() -> None:
    paragraphs = _paragraphs()
    text = "\n\n".join(paragraphs + paragraphs)  # every happening told twice
    pipe = _windowed(600)
    pipe.merger = _KeepsEveryMention()
    events = pipe(text, "2024-03-12").events
    unmerged = _windowed(600)
    unmerged.merger = None
    assert events == sorted(unmerged(text, "2024-03-12").events, key=lambda e: e.mentions[0].trigger.start)
    assert len(events) > len(_windowed(600)(text, "2024-03-12").events)  # the default merger merges them


class _AtTheTop:
    """Reports, in every window, a meeting of its own at the top of the whole text (out of the
    window): merged at the end, these come first."""

    name = "tests.at_the_top.v1"

    def extract(self, doc: Document) -> Iterable[Event]:
        mention = Mention(trigger=span_of(doc, 0, 6), evidence=span_of(doc, 0, 12))
        yield Meeting(mentions=(mention,), participants=(Actor(code=f"W{doc.bounds[0]}", text="w"),), extractor=self.name)


def test_events_out_of_their_window_are_merged_at_the_end() -> None:
    text = "\n\n".join(_paragraphs())
    running = _windowed(600).add(_AtTheTop())
    once = _windowed(600).add(_AtTheTop())
    once.merger = _MergedAtTheEnd()
    doc, reference = running(text, "2024-03-12", trace=True), once(text, "2024-03-12", trace=True)
    assert doc.events == reference.events
    assert doc.sentences == reference.sentences and doc.trace == reference.trace  # read once more from the top
    assert [e.extractor for e in doc.events[:5]] == [_AtTheTop.name] * 5
