"""The pipeline and its extension contract: registry, entry points, add/remove/replace."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from unittest import mock

import pytest

import diplo_events
from diplo_events import Document, Event, Meeting, Pipeline, RegistryError, extractor_registry
from diplo_events.errors import ExtractorError, InputTypeError
from diplo_events.extractors.base import Frame
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
