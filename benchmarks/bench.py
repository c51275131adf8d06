"""End-to-end benchmark of ``diplo_events`` against the bars of the issue "Fast on real corpora".

Usage (from the repository root, with the project's virtual environment; Linux, as it reads
``/proc/self/statm``)::

    python benchmarks/bench.py                 # defaults: ~3 min on an idle 2-core machine
    python benchmarks/bench.py --quick         # a ~30 s smoke run: every size small
    python benchmarks/bench.py --json          # the same figures as one JSON object on stdout
    python benchmarks/bench.py --profile 15    # also cProfile one pass (top 15 by tottime)

The report has one line per figure, with its bar and PASS/FAIL where the issue sets one, then
the bars that fail. Figures are wall-clock, except the doubling series of step 5 (CPU time of
this process): the 1-minute load average at the start and the end is reported, since another
busy process makes every wall-clock timing slower (and ``n_jobs=2`` pointless).
In this order, a run measures:

1. **Start-up**, in fresh subprocesses (median of ``--fresh-runs``, default 3, after one
   untimed run that caches every module's bytecode, as an install does): the time of
   ``import diplo_events``, of the first ``extract`` call (data loading, the default pipeline)
   and of a second call, and the resident set size after the first call. Bars: import
   <= 100 ms, first call <= 150 ms, RSS <= 150 MB. The top modules of one
   ``python -X importtime`` are listed.
2. **Throughput against the floor**, for two kinds of input timed apart, each repeated to
   ``--mb`` MB of UTF-8 (default 2): *short items*, the ``text``/``published`` of
   ``../shared/corpus/dev/dev.jsonl`` (headline and lede, ~180 characters), and *whole
   articles*, ``../shared/corpus/seeds/*.txt`` (2-6k characters, dates from
   ``seeds.gold.jsonl``), where ``..`` is the repository's parent; without that directory,
   ``examples/articles/`` and their first lines (the report says FALLBACK). The library runs
   ``diplo_events.extract`` once over the corpus, after a warm-up pass over the distinct texts.
   The floor, in the same process, is a one-pass scan of the trigger words: per event type one
   compiled ``regex`` pattern of every written form of its triggers (``Lexicon.default()``;
   multiword forms with any blanks between the words), case-insensitive, word-bounded and
   shaped as a trie (``talk(?:ed|ing|s)?``, ~4x faster than a flat alternation), run with
   ``finditer`` over every text, best of 3. Bar: library chars/s / floor chars/s >= 0.25 for
   both kinds.
3. **Lexicon size**: ``Pipeline.default(lexicon=lex)``, the default lexicon grown with made-up
   trigger verbs ("zorbabaify": never in news) to 1x, 2x, 4x and 8x its trigger forms, each
   timed over short items (a quarter of ``--mb``). 8x chars/s / 1x chars/s is 1.0 when the
   cost does not depend on the lexicon's size (no bar).
4. **extract_many**: ``extract_many(texts, published=dates, n_jobs=2)`` over each corpus of
   step 2 against its serial ``extract`` pass. Bar: speedup >= 1.7.
5. **Linear cost**: one document, every distinct text joined by blank lines, at sizes doubling
   from ``--linear-mb``/32 (at least 64 kB) to ``--linear-mb`` MB (default 10), against the
   same characters as small documents (single/small is 1.0 for linear cost); then series from
   1/16 of ``--series-mb`` to ``--series-mb`` MB (default 1) of an endless sentence ("Russia
   met China and China met Japan and ...", no full stop) and of the kinds of adversarial input
   of ``tests/test_adversarial.py``. A size's time is the best CPU time of the calls made in
   0.2 s (at least one). From the third size on, a size only runs when the time predicted from the last
   one fits the budget left (``--budget`` for the single document, default 100 s;
   ``--series-budget`` shared by the series, default 30 s), so a superlinear library shows as
   a target not reached instead of running for hours. Bar: every time(2n)/time(n) <= 2.3.
6. **Peak memory on one large document**, in a fresh subprocess: the distinct texts repeated to
   ``--rss-mb`` million characters (default 20); (``ru_maxrss`` - RSS after the first call) /
   characters, the text itself included. Bars: <= 20 bytes/char, peak RSS <= 150 MB + 20
   bytes/char.
7. **Memory growth**: RSS before and after ``--small-docs`` (default 20,000) distinct short
   documents, after a warm pass of 1,000 and ``gc.collect()``; ~0 expected (no bar).

``--quick`` makes the sizes 0.2 MB (corpora), 1 MB (single document), 0.064 MB (series, 10 s
budget), 2M characters (peak memory) and 2,000 documents (growth); a flag given explicitly
wins. With ``--json`` only the JSON object is printed (progress goes to stderr otherwise).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import glob
import io
import itertools
import json
import math
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import regex

import diplo_events
from diplo_events import Lexicon, Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
LINEAR_DATE = "2020-01-01"
DEFAULTS = {"mb": 2.0, "linear_mb": 10.0, "series_mb": 1.0, "series_budget": 30.0, "rss_mb": 20.0, "small_docs": 20_000}
QUICK = {"mb": 0.2, "linear_mb": 1.0, "series_mb": 0.064, "series_budget": 10.0, "rss_mb": 2.0, "small_docs": 2_000}
LEXICON_FACTORS = (1, 2, 4, 8)
WINDOW_S = 0.2  # a size's time is the best of the calls made in this time (at least one)

Doc = tuple[str, str | None]
Extract = Callable[..., list[Any]]  # extract(text, published)
Pattern = regex.Pattern[str]


# -- corpus ---------------------------------------------------------------------------------
def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def base_documents() -> tuple[list[Doc], list[Doc], str]:
    """The distinct short items and whole articles (text, published), and where they came from."""
    corpus = SHARED / "corpus"
    seeds = sorted(glob.glob(str(corpus / "seeds" / "*.txt")))
    dev = corpus / "dev" / "dev.jsonl"
    if seeds and dev.is_file():
        published = {Path(rec["doc"]).name: rec.get("published") for rec in read_jsonl(corpus / "seeds.gold.jsonl")}
        articles = [(Path(p).read_text("utf-8"), published.get(Path(p).name)) for p in seeds]
        short = [(rec["text"], rec.get("published")) for rec in read_jsonl(dev)]
        return short, articles, f"{corpus}: {len(short)} dev.jsonl items, {len(articles)} seed articles"
    texts = [p.read_text("utf-8") for p in sorted((REPO / "examples" / "articles").glob("*.txt"))]
    short = [(t.split("\n", 1)[0], None) for t in texts]
    return short, [(t, None) for t in texts], f"FALLBACK: {SHARED} not found; examples/articles/ and their first lines"


def repeat_to(docs: list[Doc], n_bytes: int) -> list[Doc]:
    """The documents repeated in order until they hold at least ``n_bytes`` of UTF-8."""
    out: list[Doc] = []
    total = 0
    for doc in itertools.cycle(docs):
        if total >= n_bytes:
            break
        out.append(doc)
        total += len(doc[0].encode("utf-8"))
    return out


def block_of(docs: list[Doc]) -> str:
    """The texts joined by blank lines: the unit that makes one large document."""
    return "\n\n".join(t for t, _ in docs) + "\n\n"


def small_documents(docs: list[Doc], n_chars: int) -> list[str]:
    """The texts as separate documents, repeated until they hold ``n_chars`` characters."""
    out: list[str] = []
    total = 0
    for text, _ in itertools.cycle(docs):
        if total >= n_chars:
            break
        out.append(text[: n_chars - total])
        total += len(out[-1])
    return out


def fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# -- floor ----------------------------------------------------------------------------------
def trigger_forms(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Event type -> every written form of its triggers: the one-word forms the library looks up
    (a phrasal verb's verb) and the whole multiword forms ("broke off", "air dropped")."""
    by_type: dict[str, set[str]] = {}
    for t in lex.triggers:
        by_type.setdefault(t.type, set()).update(t.forms())
    return {type_: lex.forms(type_) | forms for type_, forms in sorted(by_type.items())}


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression of exactly ``words``, shaped as a trie ("talk(?:ed|ing|s)?"), so that
    the engine never tries two alternatives with the same first letter; a blank is ``\\s+``."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alternatives = [(r"\s+" if c == " " else regex.escape(c)) + render(node[c]) for c in sorted(node) if c]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and "" not in node:
            return alternatives[0]
        return f"(?:{'|'.join(alternatives)})" + ("?" if "" in node else "")

    return render(trie)


def run_floor(patterns: list[Pattern], texts: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    hits = 0
    for text in texts:
        for pattern in patterns:
            for _ in pattern.finditer(text):
                hits += 1
    return time.perf_counter() - t0, hits


# -- start-up and peak memory, in fresh processes --------------------------------------------
# argv[1]: repeats of the block read from stdin that make one large document (0: none)
_CHILD = r"""
import json, os, resource, sys, time
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
t0 = time.perf_counter()
import diplo_events
t1 = time.perf_counter()
diplo_events.extract("Russia and China held talks in Beijing on Tuesday.", "2024-05-02")
t2 = time.perf_counter()
out = {"import_s": t1 - t0, "first_call_s": t2 - t1, "rss_after_first_call": rss()}
t3 = time.perf_counter()
diplo_events.extract("Japan pledged $50 million in aid to Nepal.", "2024-05-02")
out["second_call_s"] = time.perf_counter() - t3
repeats = int(sys.argv[1])
if repeats:
    text = sys.stdin.read() * repeats
    diplo_events.extract(text, "2020-01-01")
    out["chars"] = len(text)
    out["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(out))
"""


def child(repeats: int = 0, block: str = "", env: dict[str, str] | None = None) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(repeats)],
        input=block, capture_output=True, text=True, check=True, cwd=REPO, env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup(runs: int) -> dict[str, Any]:
    # Timed with every module's bytecode cached, as an installed package has it: a source tree
    # may hold stale bytecode, and PYTHONDONTWRITEBYTECODE keeps it stale, so that each child
    # would compile the changed modules again. One untimed child first writes the bytecode to
    # a temporary PYTHONPYCACHEPREFIX, which the timed ones read.
    with tempfile.TemporaryDirectory(prefix="diplo-bench-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        child(env=env)
        samples = [child(env=env) for _ in range(runs)]
    result: dict[str, Any] = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    result["rss_after_first_call_mb"] = result.pop("rss_after_first_call") / 1e6
    result["runs"] = runs
    # -X importtime: "import time: self [us] | cumulative | imported package"
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import diplo_events"],
        capture_output=True, text=True, check=True, cwd=REPO,
    )
    rows = []
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)), m.group(4)))
    roots = [i for i, r in enumerate(rows) if r[3] == "diplo_events" and r[2] == 1]
    if roots:
        end = roots[-1]
        result["importtime_cumulative_s"] = rows[end][1] / 1e6
        begin = end
        while begin > 0 and rows[begin - 1][2] > 1:  # post-order: the subtree precedes its root
            begin -= 1
        subtree = rows[begin:end]
        result["importtime_top_cumulative"] = {n: c / 1e6 for _, c, _, n in sorted(subtree, key=lambda r: -r[1])[:8]}
        result["importtime_top_self"] = {n: s / 1e6 for s, _, _, n in sorted(subtree, key=lambda r: -r[0])[:8]}
    return result


def peak_rss(docs: list[Doc], n_chars: int) -> dict[str, Any]:
    block = block_of(docs)
    out = child(max(1, n_chars // len(block)), block)
    peak, base = out["peak_rss"], out["rss_after_first_call"]
    return {
        "chars": out["chars"],
        "peak_rss_mb": peak / 1e6,
        "rss_after_first_call_mb": base / 1e6,
        "bytes_per_char": (peak - base) / out["chars"],
        "bar_mb": (150e6 + 20 * out["chars"]) / 1e6,
    }


# -- measurements in this process -----------------------------------------------------------
def rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_library(extract: Extract, docs: list[Doc]) -> tuple[float, int]:
    gc.collect()
    t0 = time.perf_counter()
    events = 0
    for text, published in docs:
        events += len(extract(text, published))
    return time.perf_counter() - t0, events


def throughput(extract: Extract, distinct: list[Doc], corpus: list[Doc], floor: list[Pattern]) -> dict[str, Any]:
    """The library over ``corpus`` once, after a warm-up pass over ``distinct``, and the floor."""
    run_library(extract, distinct)  # warm-up
    seconds, events = run_library(extract, corpus)
    texts = [t for t, _ in corpus]
    chars = sum(map(len, texts))
    floor_s, hits = min(run_floor(floor, texts) for _ in range(3))
    return {
        "docs": len(corpus),
        "chars": chars,
        "seconds": seconds,
        "chars_per_s": chars / seconds,
        "docs_per_s": len(corpus) / seconds,
        "events": events,
        "floor_chars_per_s": chars / floor_s,
        "floor_matches": hits,
        "ratio": floor_s / seconds,
    }


def lexicon_scaling(corpus: list[Doc]) -> dict[str, Any]:
    """chars/s over ``corpus`` with the default lexicon grown by made-up trigger verbs."""
    lex = Lexicon.default().copy()
    base = forms = sum(map(len, trigger_forms(lex).values()))
    templates = itertools.cycle([t for t in lex.triggers if t.pos == "verb"])
    made_up = ("zor" + "".join(p) + "ify" for p in itertools.product("bdgklmnprstvz", "aeiou", repeat=2))
    chars = sum(len(t) for t, _ in corpus)
    steps = []
    for factor in LEXICON_FACTORS:
        while forms < factor * base:
            template = next(templates)
            lex.add_trigger(next(made_up), "verb", template.type, family=template.family, cameo=template.cameo)
            forms += len(lex.triggers[-1].forms())  # made-up words: every form is new
        pipeline = Pipeline.default(lexicon=lex)
        pipeline.extract(*corpus[0])  # builds what the pipeline derives from the lexicon
        seconds, _ = run_library(pipeline.extract, corpus)
        steps.append({"factor": factor, "triggers": len(lex.triggers), "trigger_forms": forms,
                      "chars_per_s": chars / seconds})
    return {"steps": steps, "ratio_largest": steps[-1]["chars_per_s"] / steps[0]["chars_per_s"]}


def parallel(corpus: list[Doc], serial_s: float) -> dict[str, Any]:
    gc.collect()
    t0 = time.perf_counter()
    for _ in diplo_events.extract_many([t for t, _ in corpus], published=[p for _, p in corpus], n_jobs=2):
        pass
    seconds = time.perf_counter() - t0
    return {"serial_s": serial_s, "n_jobs_2_s": seconds, "speedup": serial_s / seconds}


def timed(extract: Extract, text: str) -> float:
    """CPU seconds for one call on ``text``: the best of the calls made in ``WINDOW_S`` (at least
    one), so that short calls give stable ratios. CPU time, not wall time: the doubling ratios
    measure the library's own cost, which another busy process on the machine does not change."""
    gc.collect()
    best = math.inf
    stop = time.perf_counter() + WINDOW_S
    while best == math.inf or time.perf_counter() < stop:
        t0 = time.process_time()
        extract(text, LINEAR_DATE)
        best = min(best, time.process_time() - t0)
    return best


def doubling(extract: Extract, make: Callable[[int], str], target: int, start: int, budget_s: float) -> dict[str, Any]:
    """Times of one document ``make(n)`` for n doubling from ``start`` to ``target``; from the third
    step on, a step only runs when the time predicted from the last one (times the last ratio,
    at least 2; at least ``WINDOW_S``) fits what is left of ``budget_s``."""
    sizes = [target]
    while sizes[-1] // 2 >= start:
        sizes.append(sizes[-1] // 2)
    deadline = time.perf_counter() + budget_s
    steps: list[tuple[int, float]] = []
    ratio = 2.0
    for size in reversed(sizes):
        if len(steps) > 1 and time.perf_counter() + max(steps[-1][1] * max(ratio, 2.0), WINDOW_S) > deadline:
            break
        seconds = timed(extract, make(size))
        if steps:
            ratio = seconds / steps[-1][1]
        steps.append((size, seconds))
    ratios = [b / a for (_, a), (_, b) in itertools.pairwise(steps)]
    return {
        "target_chars": target,
        "reached_chars": steps[-1][0],
        "chars_per_s": steps[-1][0] / steps[-1][1],
        "steps": [{"chars": n, "seconds": s} for n, s in steps],
        "doubling_ratios": ratios,
        "max_ratio": max(ratios, default=None),
    }


def linear_check(extract: Extract, docs: list[Doc], target: int, budget_s: float) -> dict[str, Any]:
    block = block_of(docs)
    single = doubling(extract, lambda n: fill(block, n), target, max(64_000, target // 32), budget_s)
    small = small_documents(docs, single["reached_chars"])
    gc.collect()
    t0 = time.process_time()  # CPU time, as the single document's (see timed)
    for text in small:
        extract(text, LINEAR_DATE)
    small_cps = single["reached_chars"] / (time.process_time() - t0)
    return {
        "single_doc": single,
        "small_docs": {"docs": len(small), "chars_per_s": small_cps},
        "single_vs_small": single["chars_per_s"] / small_cps,
        "budget_s": budget_s,
    }


# the inputs of tests/test_adversarial.py that grow with n, and one endless sentence
COUNTRIES = ["Russia", "China", "Japan", "Korea", "India", "Brazil", "France", "Germany", "Kenya", "Egypt"]
ENDLESS = "".join(f"{a} met {b} and " for a, b in zip(COUNTRIES, COUNTRIES[1:] + COUNTRIES[:1], strict=True))
QUIET = (
    "Russian Foreign Minister Sergei Lavrov and his Chinese counterpart Wang Yi were in Moscow on "
    "Tuesday, officials from Japan, Nepal, Poland and Belarus said, the European Union and NATO said, "
)
NEWS = (
    "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Moscow on Tuesday, "
    "and Japan pledged $50 million in humanitarian aid to Nepal, while Poland suspended military "
    "cooperation with Belarus until further notice, officials said, "
)
MIXED = (
    "Россия и Китай провели переговоры. 中国和俄罗斯举行会谈。 روسيا والصين \u202eRussia\u202c met \u200bChina\ufeff "
    "on Tuesday. मंत्री ने 🇷🇺🤝🇨🇳 e\u0301 \u0301\u0301\u0301 "
)
PLACES = "Russia met China in Moscow, in Paris, in Berlin, in Rome, in Madrid and in Vienna. "
# the slowest last: a series' budget is what is left divided by the series still to run
SERIES: dict[str, Callable[[int], str]] = {
    "one repeated character": lambda n: "a" * n,
    "nested brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "thousands of names": lambda n: fill("Russia, China, France, Germany, Japan, ", n),
    "quiet long sentence": lambda n: fill(QUIET, n),
    "news clauses, no full stop": lambda n: fill(NEWS, n),
    "mixed scripts with triggers": lambda n: fill(MIXED, n),
    "many places": lambda n: fill(PLACES, n),
    "endless sentence": lambda n: fill(ENDLESS, n),
}


def series(extract: Extract, target: int, budget_s: float) -> dict[str, Any]:
    deadline = time.perf_counter() + budget_s
    out = {}
    for i, (name, make) in enumerate(SERIES.items()):
        share = (deadline - time.perf_counter()) / (len(SERIES) - i)
        out[name] = doubling(extract, make, target, target // 16, share)
    return out


def memory_growth(extract: Extract, short: list[Doc], n_docs: int) -> dict[str, Any]:
    for text, published in itertools.islice(itertools.cycle(short), 1000):
        extract(text, published)
    gc.collect()
    before = rss_bytes()
    t0 = time.perf_counter()
    for i, (text, published) in enumerate(itertools.islice(itertools.cycle(short), n_docs)):
        # every document distinct, so caches keyed on the text would show up as growth
        extract(f"{text} (ref {i})", published)
    seconds = time.perf_counter() - t0
    gc.collect()
    after = rss_bytes()
    return {
        "docs": n_docs,
        "docs_per_s": n_docs / seconds,
        "rss_before_mb": before / 1e6,
        "rss_after_mb": after / 1e6,
        "rss_growth_mb": (after - before) / 1e6,
    }


def profile(extract: Extract, docs: list[Doc], top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for text, published in docs:
        extract(text, published)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


# -- bars -----------------------------------------------------------------------------------
def bars(r: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Figure -> its value, the bar of the issue "Fast on real corpora" and whether it passes."""
    s, rss = r["startup"], r["peak_rss"]
    found = {
        "import": (s["import_s"] * 1e3, "<=", 100, " ms"),
        "first call": (s["first_call_s"] * 1e3, "<=", 150, " ms"),
        "RSS after first call": (s["rss_after_first_call_mb"], "<=", 150, " MB"),
        "peak RSS: bytes/char": (rss["bytes_per_char"], "<=", 20, " B/char"),
        "peak RSS": (rss["peak_rss_mb"], "<=", rss["bar_mb"], " MB"),
        "single document: max time(2n)/time(n)": (r["linear"]["single_doc"]["max_ratio"], "<=", 2.3, ""),
    }
    for kind in ("short", "articles"):
        found[f"{kind}: library/floor"] = (r["throughput"][kind]["ratio"], ">=", 0.25, "")
        found[f"{kind}: extract_many speedup"] = (r["extract_many"][kind]["speedup"], ">=", 1.7, "x")
    for name, run in r["series"].items():
        found[f"{name}: max time(2n)/time(n)"] = (run["max_ratio"], "<=", 2.3, "")
    return {
        name: {
            "value": v,
            "bar": f"{op} {bar:,.4g}{unit}",
            "shown": "-" if v is None else f"{v:,.4g}{unit}",
            "pass": v is not None and (v <= bar if op == "<=" else v >= bar),
        }
        for name, (v, op, bar, unit) in found.items()
    }


# -- main -----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add = parser.add_argument
    add("--quick", action="store_true", help="a ~30 s smoke run: every size small (a flag given explicitly wins)")
    add("--mb", type=float, help="MB of UTF-8 of each kind, short items and articles (default 2, quick 0.2)")
    add("--linear-mb", type=float, help="size of the single document in MB (default 10, quick 1)")
    add("--budget", type=float, default=100.0, help="seconds for the single-document steps (default 100)")
    add("--series-mb", type=float, help="size the adversarial series double up to, in MB (default 1, quick 0.064)")
    add("--series-budget", type=float, help="seconds shared by the series (default 30, quick 10)")
    add("--rss-mb", type=float, help="million characters of the peak-memory document (default 20, quick 2)")
    add("--small-docs", type=int, help="documents for the memory-growth check (default 20,000, quick 2,000)")
    add("--fresh-runs", type=int, default=3, help="fresh processes for the start-up timings (default 3)")
    add("--json", action="store_true", help="print the figures as one JSON object")
    add("--profile", type=int, default=0, metavar="N", help="also cProfile one pass of both kinds, top N")
    args = parser.parse_args(argv)
    for key, value in (QUICK if args.quick else DEFAULTS).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    t_start = time.perf_counter()

    def log(message: str) -> None:
        if not args.json:
            print(f"[{time.perf_counter() - t_start:3.0f} s] {message}", file=sys.stderr, flush=True)

    report: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_1min_at_start": os.getloadavg()[0],
    }
    log("start-up in fresh processes ...")
    report["startup"] = startup(args.fresh_runs)

    report["diplo_events_version"] = diplo_events.__version__
    extract = diplo_events.extract
    short, articles, source = base_documents()
    distinct = {"short": short, "articles": articles}
    corpora = {kind: repeat_to(docs, int(args.mb * 1e6)) for kind, docs in distinct.items()}
    report["corpus"] = {"source": source, "mb_each": args.mb}

    log("throughput against the floor ...")
    forms = trigger_forms(Lexicon.default())
    report["floor_trigger_forms"] = {t: len(f) for t, f in forms.items()}
    patterns = [regex.compile(rf"\b(?:{trie_pattern(f)})\b", regex.IGNORECASE) for f in forms.values()]
    report["throughput"] = {kind: throughput(extract, distinct[kind], corpora[kind], patterns) for kind in corpora}

    log("lexicon size ...")
    report["lexicon_size"] = lexicon_scaling(repeat_to(short, int(args.mb * 1e6 / 4)))

    log("extract_many(n_jobs=2) ...")
    report["extract_many"] = {kind: parallel(corpora[kind], report["throughput"][kind]["seconds"]) for kind in corpora}

    log(f"linear cost: one document up to {args.linear_mb:g} MB (budget {args.budget:.0f} s) ...")
    report["linear"] = linear_check(extract, short + articles, int(args.linear_mb * 1e6), args.budget)
    log(f"linear cost: series up to {args.series_mb:g} MB (budget {args.series_budget:.0f} s) ...")
    report["series"] = series(extract, int(args.series_mb * 1e6), args.series_budget)

    log(f"peak memory on {args.rss_mb:g}M characters in a fresh process ...")
    report["peak_rss"] = peak_rss(short + articles, int(args.rss_mb * 1e6))

    log(f"memory growth over {args.small_docs:,} documents ...")
    report["memory_growth"] = memory_growth(extract, short, args.small_docs)

    if args.profile:
        log("profile ...")
        report["profile_top"] = profile(extract, corpora["short"] + corpora["articles"], args.profile)
    report["bars"] = bars(report)
    report["load_average_1min_at_end"] = os.getloadavg()[0]
    report["total_runtime_s"] = time.perf_counter() - t_start

    if args.json:
        print(json.dumps(report, default=str))
    else:
        print_report(report)
    return report


def print_report(r: dict[str, Any]) -> None:
    b = r["bars"]

    def line(label: str, text: str, bar: str | None = None) -> None:
        verdict = f"   [{b[bar]['bar']}: {'PASS' if b[bar]['pass'] else 'FAIL'}]" if bar else ""
        print(f"{label:<32}{text}{verdict}")

    def ratios(run: dict[str, Any]) -> str:
        size = f"{run['reached_chars'] / 1e6:.3g} MB"
        if run["reached_chars"] < run["target_chars"]:
            size += f" (of {run['target_chars'] / 1e6:g} MB: budget)"
        steps = " ".join(f"{x:.2f}" for x in run["doubling_ratios"])
        return f"{run['chars_per_s']:>11,.0f} chars/s at {size}; time(2n)/time(n) {steps}"

    s, lin, rss, mg = r["startup"], r["linear"], r["peak_rss"], r["memory_growth"]
    print(f"diplo_events {r['diplo_events_version']}, Python {r['python']}, {r['cpus']} CPUs, load average "
          f"{r['load_average_1min_at_start']:.2f} at the start, {r['load_average_1min_at_end']:.2f} at the end")
    line("corpus", f"{r['corpus']['source']}; {r['corpus']['mb_each']:g} MB of each kind")
    line("import", f"{s['import_s'] * 1e3:.0f} ms (fresh process, median of {s['runs']})", "import")
    line("first call", f"{s['first_call_s'] * 1e3:.0f} ms; second call {s['second_call_s'] * 1e3:.1f} ms", "first call")
    line("RSS after first call", f"{s['rss_after_first_call_mb']:.0f} MB", "RSS after first call")
    if "importtime_cumulative_s" in s:
        top = ", ".join(f"{k} {v * 1e3:.0f}" for k, v in s["importtime_top_cumulative"].items())
        line("-X importtime", f"{s['importtime_cumulative_s'] * 1e3:.0f} ms; cumulative (ms): {top}")
        line("", "self (ms): " + ", ".join(f"{k} {v * 1e3:.0f}" for k, v in s["importtime_top_self"].items()))
    line("floor: trigger forms", ", ".join(f"{t} {n}" for t, n in r["floor_trigger_forms"].items()))
    for kind, t in r["throughput"].items():
        line(f"{kind}: library", f"{t['chars_per_s']:>11,.0f} chars/s, {t['docs_per_s']:,.0f} docs/s "
             f"({t['docs']:,} docs, {t['chars']:,} chars, {t['events']:,} events)")
        line(f"{kind}: floor", f"{t['floor_chars_per_s']:>11,.0f} chars/s ({t['floor_matches']:,} matches)")
        line(f"{kind}: library/floor", f"{t['ratio']:.3f}", f"{kind}: library/floor")
    for step in r["lexicon_size"]["steps"]:
        line(f"lexicon {step['factor']}x", f"{step['chars_per_s']:>11,.0f} chars/s on short items "
             f"({step['trigger_forms']:,} trigger forms, {step['triggers']:,} triggers)")
    line(f"lexicon {LEXICON_FACTORS[-1]}x / 1x", f"{r['lexicon_size']['ratio_largest']:.3f} (1.0 = flat; no bar)")
    for kind, p in r["extract_many"].items():
        text = f"{p['speedup']:.2f}x ({p['serial_s']:.2f} s serial, {p['n_jobs_2_s']:.2f} s)"
        line(f"{kind}: extract_many n_jobs=2", text, f"{kind}: extract_many speedup")
    line("single document", ratios(lin["single_doc"]), "single document: max time(2n)/time(n)")
    line("small documents, same chars", f"{lin['small_docs']['chars_per_s']:>11,.0f} chars/s; single/small "
         f"{lin['single_vs_small']:.3f} (1.0 = linear; no bar)")
    for name, run in r["series"].items():
        line(name, ratios(run), f"{name}: max time(2n)/time(n)")
    line(f"peak RSS, {rss['chars'] / 1e6:.0f}M chars", f"{rss['bytes_per_char']:.1f} bytes/char over the "
         f"{rss['rss_after_first_call_mb']:.0f} MB after the first call", "peak RSS: bytes/char")
    line("", f"{rss['peak_rss_mb']:.0f} MB peak", "peak RSS")
    line("memory growth", f"RSS {mg['rss_before_mb']:.1f} -> {mg['rss_after_mb']:.1f} MB ({mg['rss_growth_mb']:+.2f} MB) "
         f"over {mg['docs']:,} docs, {mg['docs_per_s']:,.0f} docs/s (~0 expected; no bar)")
    if "profile_top" in r:
        print(r["profile_top"])
    failed = {name: v for name, v in b.items() if not v["pass"]}
    print(f"bars: {len(b) - len(failed)} of {len(b)} PASS" + (", FAIL:" if failed else ""))
    for name, v in failed.items():
        print(f"  {name:<50}{v['shown']:>12}  (bar {v['bar']})")
    print(f"total runtime {r['total_runtime_s']:.0f} s")


if __name__ == "__main__":
    main()
