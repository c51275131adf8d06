"""The benchmark's own arithmetic: its floor pattern, its verdicts and its doubling series.

``benchmarks/bench.py`` is a script, not part of the package: these tests load it by path and
skip where it is absent (the test run against the installed wheel copies no benchmarks).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from diplo_events import Lexicon

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"
if not BENCH.is_file():
    pytest.skip("benchmarks/bench.py is not here (a run against the installed wheel)", allow_module_level=True)


def _load():
    spec = importlib.util.spec_from_file_location("diplo_events_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and typing resolve names through it
    spec.loader.exec_module(module)
    return module


bench = _load()

WORDS = st.text(alphabet="abct ", min_size=1, max_size=6).map(str.strip).filter(bool)


@given(st.sets(WORDS, min_size=1, max_size=12), WORDS)
def test_trie_pattern_matches_exactly_its_words(words, probe):
    pattern = regex.compile(bench.trie_pattern(words))
    spelled = probe.replace(" ", "  ")  # a blank of a multiword form is any run of blanks
    assert (pattern.fullmatch(spelled) is not None) == (probe in words)


def test_floor_finds_every_trigger_form_in_running_text():
    # the floor once matched nothing at all, which made every ratio meaningless
    forms = bench.trigger_forms(Lexicon.default())
    for type_, words in forms.items():
        pattern = regex.compile(rf"\b(?:{bench.trie_pattern(words)})\b", regex.IGNORECASE)
        for word in sorted(words):
            found = [m.group() for m in pattern.finditer(f"Officials said that {word.upper()} happened.")]
            assert found == [word.upper()], (type_, word)


def _report(**changes):
    series = {"endless sentence": {"max_ratio": 2.0}}
    report = {
        "startup": {"import_s": 0.05, "first_call_s": 0.1, "rss_after_first_call_mb": 90},
        "peak_rss": {"bytes_per_char": 10, "peak_rss_mb": 300, "bar_mb": 550},
        "linear": {"single_doc": {"max_ratio": 2.1}},
        "throughput": {k: {"ratio": 0.3} for k in ("short", "articles")},
        "extract_many": {k: {"speedup": 1.8} for k in ("short", "articles")},
        "series": series,
    }
    for path, value in changes.items():
        *keys, last = path.split("__")
        node = report
        for key in keys:
            node = node[key]
        node[last] = value
    return report


def test_bars_pass_at_the_bar_and_fail_past_it():
    assert all(b["pass"] for b in bench.bars(_report()).values())
    at_bar = bench.bars(_report(startup__first_call_s=0.150, throughput__short__ratio=0.25))
    assert at_bar["first call"]["pass"] and at_bar["short: library/floor"]["pass"]
    past = bench.bars(_report(startup__first_call_s=0.151, throughput__articles__ratio=0.249))
    assert not past["first call"]["pass"] and not past["articles: library/floor"]["pass"]
    unmeasured = bench.bars(_report(series={"endless sentence": {"max_ratio": None}}))
    assert not unmeasured["endless sentence: max time(2n)/time(n)"]["pass"]  # one size only: no ratio, no pass
