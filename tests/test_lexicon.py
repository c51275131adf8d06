"""The lexicon: lemmas in data, forms generated, extended by users like the gazetteer."""

from __future__ import annotations

import json
import pickle
from importlib import resources

import pytest

import diplo_events
from diplo_events import DataFileError, Lexicon, Pipeline, lexicon_index
from diplo_events.inflect import forms, noun_forms, spellings, verb_forms
from diplo_events.lexicon import load_lexicon

# -- the inflector: regular rules, the irregular table, both spellings -------------------------
VERBS = [
    ("suspend", {"suspends", "suspended", "suspending"}),
    ("halt", {"halts", "halted", "halting"}),
    ("cut", {"cuts", "cutting"}),
    ("stop", {"stopped", "stopping"}),
    ("freeze", {"froze", "frozen", "freezing"}),
    ("withdraw", {"withdrew", "withdrawn", "withdrawing"}),
    ("supply", {"supplies", "supplied", "supplying"}),
    ("cancel", {"cancelled", "canceled", "cancelling", "canceling"}),
    ("commit", {"committed", "committing"}),
    ("visit", {"visited", "visiting"}),
    ("meet", {"met", "meeting"}),
    ("telephone", {"telephoned", "telephoning"}),
    ("mobilize", {"mobilised", "mobilized"}),
    ("break off", {"broke off", "broken off", "breaking off"}),
]


@pytest.mark.parametrize(("lemma", "expected"), VERBS)
def test_verb_forms(lemma: str, expected: set[str]) -> None:
    assert expected <= verb_forms(lemma)


def test_no_wrong_doubling() -> None:
    assert "visitted" not in verb_forms("visit")
    assert "offerred" not in verb_forms("offer")


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [("tie", {"ties"}), ("embassy", {"embassies"}), ("talks", {"talks"}), ("crisis", {"crises"}), ("defence", {"defense"})],
)
def test_noun_forms(lemma: str, expected: set[str]) -> None:
    assert expected <= noun_forms(lemma)


def test_spellings_and_words_as_written() -> None:
    assert spellings("favour") == {"favour", "favor"}
    assert spellings("tour") == {"tour"}
    assert forms("In favour of", "word") == {"in favour of"}
    assert forms("air drop", "compound") >= {"air dropped", "air dropping"}


# -- the built-in data ---------------------------------------------------------------------------
def _trigger_rows() -> list[list[str]]:
    text = (resources.files("diplo_events") / "data" / "triggers.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_each_trigger_lemma_is_listed_once_with_its_source() -> None:
    rows = _trigger_rows()
    keys = [(r[0], r[1], r[2]) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(r[6].startswith(("CAMEO", "GUIDELINES")) for r in rows)
    assert {r[2] for r in rows} == {"meeting", "suspension", "support_pledge"}


def test_default_lexicon_spells_out_its_triggers() -> None:
    lex = Lexicon.default()
    assert {"suspended", "severed", "froze"} <= lex.forms("suspension", "verb")
    assert "broke" in lex.phrasal("suspension")
    assert lex.trigger("talks", "meeting").lemma == "talks"
    assert lex.trigger("telephoned", "meeting").family == "call"
    assert "appealed" in lex.words.appeals
    assert ("ruled", "out") in lex.phrases.negator_phrases


# -- extending it --------------------------------------------------------------------------------
def test_the_default_is_shared_and_read_only() -> None:
    with pytest.raises(TypeError, match="copy"):
        Lexicon.default().add_words("appeals", "beseech", pos="verb")


def test_a_copy_takes_new_lemmas_and_a_pipeline_uses_them() -> None:
    text = "Chile parleyed with Peru on Monday."
    assert diplo_events.extract(text, published="2024-05-08") == []
    lex = Lexicon.default().copy()
    lex.add_trigger("parley", "verb", "meeting", family="talks", cameo="040")
    (event,) = Pipeline.default(lexicon=lex).extract(text, published="2024-05-08")
    assert [a.code for a in event.participants] == ["CHL", "PER"]
    assert diplo_events.extract(text, published="2024-05-08") == []  # the default is untouched


def test_a_new_word_in_a_class_changes_a_rule() -> None:
    text = "Japan gave satellites to the Philippines."
    assert diplo_events.extract(text, published="2024-05-08") == []
    lex = Lexicon.default().copy()
    lex.add_words("support_objects", "satellite", pos="noun")
    (event,) = Pipeline.default(lexicon=lex).extract(text, published="2024-05-08")
    assert event.type == "support_pledge"


def test_a_data_file_of_ones_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    triggers = tmp_path / "mine.tsv"
    triggers.write_text("# mine\nparley\tverb\tmeeting\ttalks\t040\t-\tuser: our own corpus\n", encoding="utf-8")
    classes = tmp_path / "mine.toml"
    classes.write_text('[support_objects]\nnouns = ["satellite"]\n', encoding="utf-8")
    lex = Lexicon.default().copy()
    lex.load(triggers)
    lex.load(classes)
    assert "parleys" in lex.forms("meeting")
    assert "satellites" in lex.words.support_objects


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("parley\tverb\tmeeting\n", ".tsv", "7 tab-separated"),
        ("parley\tadverb\tmeeting\ttalks\t040\t-\tuser\n", ".tsv", "part of speech"),
        ("parley\tverb\tmeeting\ttalks\t040\tsomething\tuser\n", ".tsv", "needs"),
        ("parley\tverb\tmeeting\ttalks\t040\tobject:nosuchclass\tuser\n", ".tsv", "nosuchclass"),
        ("[x]\nadjectives = ['big']\n", ".toml", "unknown key"),
        ("[x\n", ".toml", "not valid TOML"),
    ],
)
def test_bad_data_files_are_reported(tmp_path, content: str, suffix: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        Lexicon.default().copy().load(path)


def test_lexicons_pickle() -> None:
    assert pickle.loads(pickle.dumps(Lexicon.default())) is Lexicon.default()
    lex = Lexicon.default().copy()
    lex.add_trigger("parley", "verb", "meeting", family="talks")
    assert "parleyed" in pickle.loads(pickle.dumps(lex)).forms("meeting")


def test_pipeline_rejects_what_is_not_a_lexicon() -> None:
    with pytest.raises(diplo_events.InputTypeError):
        Pipeline.default(lexicon={"meet": "meeting"})  # type: ignore[arg-type]


# -- the prebuilt default (data/lexicon_index.json) --------------------------------------------
def test_the_shipped_lexicon_index_is_in_sync_with_its_sources() -> None:
    shipped = (resources.files("diplo_events") / "data" / lexicon_index.FILENAME).read_text(encoding="utf-8")
    assert shipped == lexicon_index.render(load_lexicon()), "run: python scripts/build_lexicon_index.py"


def test_the_shipped_actor_word_classes_are_those_of_actors_toml() -> None:
    shipped = (resources.files("diplo_events") / "data" / lexicon_index.ACTOR_WORDS_PREBUILT).read_text(encoding="utf-8")
    source = lexicon_index.read_actor_words_source()
    assert shipped == lexicon_index.render_actor_words(source), "run: python scripts/build_lexicon_index.py"
    assert json.loads(shipped) == source


def test_the_prebuilt_default_is_the_lexicon_of_its_sources() -> None:
    built, prebuilt = load_lexicon(), Lexicon.default()
    assert vars(prebuilt.words) == vars(built.words)
    assert list(prebuilt.words) == list(built.words)  # file order
    assert vars(prebuilt.phrases) == vars(built.phrases)
    assert prebuilt.triggers == built.triggers
    for name in ("_members", "_includes", "_raw", "_trigger_forms", "_by_form"):
        assert getattr(prebuilt, name) == getattr(built, name), name
    assert prebuilt.trigger_words() == built.trigger_words()
    # a copy of the default extends as one built from the sources does
    mine, theirs = prebuilt.copy(), built.copy()
    for lex in (mine, theirs):
        lex.add_trigger("parley", "verb", "meeting", family="talks", cameo="040")
        lex.add_words("support_objects", "satellite", pos="noun")
    assert vars(mine.words) == vars(theirs.words) and mine._by_form == theirs._by_form
