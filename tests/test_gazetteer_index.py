"""The built-in gazetteer read from its prebuilt indexes (data/names_index.txt whole,
data/people_index.txt on demand) is the one built from its sources: the shipped indexes are in
sync, and every table and lookup agrees."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from diplo_events import names_index
from diplo_events.gazetteer import Gazetteer, _build_default, build_from_sources
from diplo_events.people_index import FILENAME, PeopleIndex, render
from diplo_events.segment import tokenize


@pytest.fixture(scope="module")
def eager() -> Gazetteer:
    return build_from_sources()


def _deferred() -> Gazetteer:
    gaz = _build_default()
    assert gaz._deferred is not None
    return gaz


def test_the_shipped_index_is_in_sync_with_people_tsv() -> None:
    people = Gazetteer()
    data = resources.files("diplo_events") / "data"
    people._load_tsv((data / "people.tsv").read_text(encoding="utf-8"), "people.tsv")
    shipped = (data / FILENAME).read_text(encoding="utf-8")
    assert shipped == render(people), "run: python scripts/build_gazetteer_index.py"


def test_the_shipped_names_index_is_in_sync_with_its_sources() -> None:
    shipped = (resources.files("diplo_events") / "data" / names_index.FILENAME).read_text(encoding="utf-8")
    assert shipped == names_index.render(build_from_sources(people=False)), "run: python scripts/build_gazetteer_index.py"


def test_prebuilt_names_are_the_built_ones_in_the_same_order(eager: Gazetteer) -> None:
    prebuilt = _deferred()
    assert list(prebuilt.entries.items()) == list(eager.entries.items())
    assert list(prebuilt.cities.items()) == list(eager.cities.items())
    assert prebuilt.regions == eager.regions
    assert list(prebuilt.sovereign.items()) == list(eager.sovereign.items())


def test_deferred_people_agree_with_eager_ones_on_every_lookup(eager: Gazetteer) -> None:
    lazy = _deferred()
    assert set(eager.key_trie) == set(lazy.first_words)  # complete before anything is read
    assert all(lazy.person_of(key) == name for key, name in eager.person_keys.items())
    assert all(lazy.surnamed(word) == names for word, names in eager.surnames.items())
    assert all(lazy.tenures(name) == tenures for name, tenures in eager.people.items())
    assert lazy._trie == eager.key_trie
    days = [None, dt.date(1999, 1, 1), dt.date(2012, 6, 1), dt.date(2024, 5, 2)]
    for code, role in eager.holders:
        assert [lazy.holder_on(code, role, d) for d in days] == [eager.holder_on(code, role, d) for d in days]
    assert lazy.person_of(("nobody", "at", "all")) is None
    assert lazy.surnamed("nobodyatall") == set()
    assert lazy.tenures("Nobody At All") == []


def test_key_lengths_read_the_words_they_meet(eager: Gazetteer) -> None:
    lazy = _deferred()
    words = tokenize("Vladimir Putin met Xi Jinping and Antony Blinken with Kishida in Tokyo.")
    for i in range(len(words)):
        assert lazy.key_lengths(words, i, len(words)) == eager.key_lengths(words, i, len(words))


def test_reading_a_whole_table_builds_the_people_as_people_tsv_does(eager: Gazetteer) -> None:
    lazy = _deferred()
    lazy.person_of(("vladimir", "putin"))  # partly read first
    assert list(lazy.people.items()) == list(eager.people.items())
    assert lazy._deferred is None
    assert list(lazy.person_keys.items()) == list(eager.person_keys.items())
    assert list(lazy.surnames.items()) == list(eager.surnames.items())
    assert list(lazy.holders.items()) == list(eager.holders.items())
    assert lazy.key_trie == eager.key_trie


def test_a_copy_stays_deferred_and_extends_like_an_eager_one(eager: Gazetteer) -> None:
    shared = _deferred()
    copied = shared.copy()
    assert copied._deferred is shared._deferred
    copied.add_person("Vladimir Putin", "RUS", "chess player", start="2031-01-01")
    expected = eager.copy()
    expected.add_person("Vladimir Putin", "RUS", "chess player", start="2031-01-01")
    assert copied.tenures("Vladimir Putin") == expected.tenures("Vladimir Putin")
    assert copied.tenures("Vladimir Putin")[-1].role == "chess player"
    assert shared._deferred is not None and shared.tenures("Vladimir Putin") == eager.people["Vladimir Putin"]


def test_the_index_reads_back_what_it_renders() -> None:
    gaz = Gazetteer()
    gaz.add_person("Li Wei", "CHN", "premier", start="2001-02-03", aliases=["Wei Li"])
    gaz.add_person("Ann Bee", "GBR", end="1999-12-31")
    gaz.add_person("Ann Bee", "FRA", "envoy")
    index = PeopleIndex(render(gaz))
    assert index.word_list == sorted(index.words)  # found by bisection
    assert dict(k for w in index.words for k in index.keys_of(w)) == gaz.person_keys
    assert {w: index.surnamed(w) for w in index.words if index.surnamed(w)} == gaz.surnames
    assert {n: index.tenures(n) for n in gaz.people} == gaz.people
    assert index.holders() == gaz.holders


def test_a_words_line_is_found_by_bisection_over_the_bytes() -> None:
    index = PeopleIndex.builtin()
    assert all(index._line_of(w) == line for w, line in index.words.items())  # noqa: SLF001
    for word in ("", "0", "zzzzzz", "putin!", "\u00e9", index.word_list[0] + "\u00e9"):
        if word not in index.words:
            with pytest.raises(KeyError):
                index._line_of(word)  # noqa: SLF001
