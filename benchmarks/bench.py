"""End-to-end benchmark of ``diplo_events``: speed, the regex "floor", start-up, memory, linearity.

Usage (from the repository root, with the project's virtual environment)::

    python benchmarks/bench.py                 # defaults: a 5 MB corpus, human-readable report
    python benchmarks/bench.py --mb 5 --json   # the same figures as one JSON object on stdout
    python benchmarks/bench.py --profile 15    # also cProfile one pass (top 15 by tottime)

What one run measures, in this order:

1. **Import and warm-up**, each in a fresh subprocess (median of ``--fresh-runs``, default 3):
   the wall time of ``import diplo_events``, the first ``extract`` call (which loads the
   gazetteer, pycountry, the lexicon and builds the default pipeline) and a second call on the
   same short text. ``python -X importtime`` is also run once and its self/cumulative time of
   the top-level package is reported.
2. **Corpus**: ``../shared/corpus/seeds/*.txt`` (published dates from
   ``../shared/corpus/seeds.gold.jsonl``) and the ``text``/``published`` fields of
   ``../shared/corpus/dev/dev.jsonl``, where ``..`` is the parent of the repository
   (``Path(__file__).resolve().parents[1].parent / "shared"``). When that directory is absent
   the texts of ``examples/articles/`` are used instead (the report says so in ``corpus.source``).
   The documents are repeated, in order, until the corpus holds at least ``--mb`` megabytes of
   UTF-8 text (10**6 bytes per MB).
3. **Library throughput**: ``diplo_events.extract(text, published)`` per document, once over
   the whole corpus (after the warm-up call), in characters per second.
4. **Floor**: one compiled ``regex`` alternation of every trigger word of
   ``src/diplo_events/data/lexicon.toml`` (``verbs``, ``nouns``, ``weak_verbs`` and phrasal
   heads of ``[meeting]``, ``[suspension]`` and ``[support]``), case-insensitive and
   word-bounded, run with ``finditer`` over the same texts (best of 3). It is the cost of merely
   *finding* the trigger words; ``ratio`` = library chars/s / floor chars/s (how many times
   slower the whole library is than that floor).
5. **Memory**: ``tracemalloc`` peak over one pass of the distinct documents (every document is
   independent, so one pass shows the working set; tracing slows Python ~2-3x, which is why it
   is a separate pass) and ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` after the library run.
6. **Linear cost**: one document made by joining the corpus documents with blank lines, at
   sizes doubling up to ``--linear-mb`` (default 10) MB, against the same characters as many
   small documents. A step is only run when the time predicted from the previous step (times
   the last doubling ratio) fits the remaining ``--budget`` seconds (default 100), so a
   superlinear library is reported (``single_doc.reached_bytes`` < target, ``doubling_ratios``
   near 4) instead of running for hours. The same fixed published date is used for both forms.
   ``single_vs_small`` = chars/s of the single document / chars/s of the small documents at the
   largest size reached (1.0 for linear cost; well below 1.0 means the cost grows with the
   length of a document).
7. **Memory growth**: resident set size (``/proc/self/statm``; ``ru_maxrss`` where that is
   missing) before and after ``--small-docs`` (default 20,000) short documents, after a warm
   pass of 1,000 and ``gc.collect()``; growth should be ~0.

At defaults the run takes ~75 s on a 2-core machine (at most ~2.5 min: the single-document
steps stop at the budget). Figures are wall-clock, single
process, no ``extract_many``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import glob
import io
import json
import math
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import sys
import time
import tomllib
import tracemalloc
from pathlib import Path
from typing import Any

import regex

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
LEXICON_FILE = REPO / "src" / "diplo_events" / "data" / "lexicon.toml"
LINEAR_DATE = "2020-01-01"

Doc = tuple[str, str | None]


# -- corpus ---------------------------------------------------------------------------------
def base_documents() -> tuple[list[Doc], str]:
    """The distinct documents (text, published) and a description of where they came from."""
    corpus = SHARED / "corpus"
    seeds = sorted(glob.glob(str(corpus / "seeds" / "*.txt")))
    dev = corpus / "dev" / "dev.jsonl"
    if seeds or dev.is_file():
        published: dict[str, str | None] = {}
        gold = corpus / "seeds.gold.jsonl"
        if gold.is_file():
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    published[Path(rec["doc"]).name] = rec.get("published")
        docs: list[Doc] = [(Path(p).read_text(encoding="utf-8"), published.get(Path(p).name)) for p in seeds]
        if dev.is_file():
            for line in dev.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    docs.append((rec["text"], rec.get("published")))
        return docs, f"{SHARED}/corpus: {len(seeds)} seed files + {len(docs) - len(seeds)} dev.jsonl texts"
    articles = sorted((REPO / "examples" / "articles").glob("*.txt"))
    docs = [(p.read_text(encoding="utf-8"), None) for p in articles]
    return docs, f"FALLBACK: {SHARED} not found; {len(docs)} texts of examples/articles/ (no published dates)"


def repeat_to(docs: list[Doc], n_bytes: int) -> list[Doc]:
    """The documents repeated in order until they hold at least ``n_bytes`` of UTF-8."""
    out: list[Doc] = []
    total = 0
    while total < n_bytes:
        for doc in docs:
            out.append(doc)
            total += len(doc[0].encode("utf-8"))
            if total >= n_bytes:
                break
    return out


def one_document(docs: list[Doc], n_chars: int) -> str:
    """The texts joined by blank lines and repeated, cut to ``n_chars`` characters."""
    block = "\n\n".join(t for t, _ in docs) + "\n\n"
    return (block * (n_chars // len(block) + 1))[:n_chars]


def small_documents(docs: list[Doc], n_chars: int) -> list[str]:
    """The same texts as separate documents, repeated until they hold ``n_chars`` characters."""
    out: list[str] = []
    total = 0
    while total < n_chars:
        for text, _ in docs:
            take = text[: n_chars - total]
            out.append(take)
            total += len(take)
            if total >= n_chars:
                break
    return out


# -- floor ----------------------------------------------------------------------------------
def trigger_words() -> list[str]:
    data = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    words: set[str] = set()
    for section in ("meeting", "suspension", "support"):
        table = data.get(section, {})
        for key in ("verbs", "nouns", "weak_verbs"):
            words.update(w.lower() for w in table.get(key, []))
        words.update(w.lower() for w in table.get("phrasal", {}))
    return sorted(words, key=lambda w: (-len(w), w))


def floor_pattern() -> regex.Pattern[str]:
    alternation = "|".join(regex.escape(w) for w in trigger_words())
    return regex.compile(rf"(?<!\w)(?:{alternation})(?!\w)", regex.IGNORECASE)


def run_floor(pattern: regex.Pattern[str], texts: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    hits = 0
    for text in texts:
        for _ in pattern.finditer(text):
            hits += 1
    return time.perf_counter() - t0, hits


# -- measurements ---------------------------------------------------------------------------
_FRESH = r"""
import json, time
t0 = time.perf_counter()
import diplo_events
t1 = time.perf_counter()
diplo_events.extract("Russia and China held talks in Beijing on Tuesday.", "2024-05-02")
t2 = time.perf_counter()
diplo_events.extract("Japan pledged $50 million in aid to Nepal.", "2024-05-02")
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "first_call_s": t2 - t1, "second_call_s": t3 - t2}))
"""


def fresh_process_times(runs: int) -> dict[str, Any]:
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True, check=True, cwd=REPO)
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    result: dict[str, Any] = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
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
        result["importtime_top_self"] = {n: s_ / 1e6 for s_, _, _, n in sorted(subtree, key=lambda r: -r[0])[:8]}
    return result


def rss_bytes() -> int:
    """The current resident set size (Linux), else the peak."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return maxrss_bytes()


def maxrss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def run_library(extract: Any, docs: list[Doc]) -> tuple[float, int]:
    t0 = time.perf_counter()
    events = 0
    for text, published in docs:
        events += len(extract(text, published))
    return time.perf_counter() - t0, events


def linear_check(extract: Any, docs: list[Doc], target_bytes: int, budget_s: float) -> dict[str, Any]:
    # sizes doubling up to the target, starting at target / 32 (at least 64 kB)
    sizes = [target_bytes]
    while sizes[-1] // 2 >= max(64_000, target_bytes // 32):
        sizes.append(sizes[-1] // 2)
    sizes.reverse()
    deadline = time.perf_counter() + budget_s
    steps: list[dict[str, Any]] = []
    ratio = 2.0
    for size in sizes:
        if steps:
            predicted = steps[-1]["seconds"] * max(ratio, 2.0)
            if time.perf_counter() + predicted > deadline:
                break
        text = one_document(docs, size)
        gc.collect()
        t0 = time.perf_counter()
        n_events = len(extract(text, LINEAR_DATE))
        seconds = time.perf_counter() - t0
        if steps:
            ratio = seconds / max(steps[-1]["seconds"], 1e-9)
        steps.append({"chars": len(text), "seconds": seconds, "chars_per_s": len(text) / seconds, "events": n_events,
                      "ru_maxrss_mb": maxrss_bytes() / 1e6})
        del text
    reached = steps[-1]["chars"]
    ratios = [b["seconds"] / max(a["seconds"], 1e-9) for a, b in zip(steps, steps[1:])]
    small = small_documents(docs, reached)
    gc.collect()
    t0 = time.perf_counter()
    for text in small:
        extract(text, LINEAR_DATE)
    small_s = time.perf_counter() - t0
    single_cps = steps[-1]["chars_per_s"]
    small_cps = reached / small_s
    return {
        "target_chars": target_bytes,
        "single_doc": {
            "reached_chars": reached,
            "reached_target": reached >= target_bytes,
            "chars_per_s": single_cps,
            "steps": steps,
            "doubling_ratios": ratios,
            "exponent": math.log2(statistics.median(ratios)) if ratios else None,
        },
        "small_docs": {"docs": len(small), "chars": reached, "seconds": small_s, "chars_per_s": small_cps},
        "single_vs_small": single_cps / small_cps,
        "budget_s": budget_s,
    }


def memory_growth(extract: Any, docs: list[Doc], n_docs: int) -> dict[str, Any]:
    # short documents only: the dev texts (the seeds are whole articles)
    short = [d for d in docs if len(d[0]) < 1500] or docs
    for i in range(1000):
        text, published = short[i % len(short)]
        extract(text, published)
    gc.collect()
    before = rss_bytes()
    maxrss_before = maxrss_bytes()
    t0 = time.perf_counter()
    chars = 0
    for i in range(n_docs):
        text, published = short[i % len(short)]
        # make every document distinct, so caches keyed on the text would show up as growth
        text = f"{text} (ref {i})"
        chars += len(text)
        extract(text, published)
    seconds = time.perf_counter() - t0
    gc.collect()
    after = rss_bytes()
    return {
        "docs": n_docs,
        "chars": chars,
        "seconds": seconds,
        "docs_per_s": n_docs / seconds,
        "rss_before_mb": before / 1e6,
        "rss_after_mb": after / 1e6,
        "rss_growth_mb": (after - before) / 1e6,
        "maxrss_before_mb": maxrss_before / 1e6,
        "maxrss_after_mb": maxrss_bytes() / 1e6,
    }


def profile(extract: Any, docs: list[Doc], top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for text, published in docs:
        extract(text, published)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


# -- main -----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of UTF-8 (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--linear-mb", type=float, default=10.0, help="target size of the single document (default 10)")
    parser.add_argument("--budget", type=float, default=100.0, help="seconds for the single-document steps (default 100)")
    parser.add_argument("--small-docs", type=int, default=20_000, help="documents for the memory-growth check")
    parser.add_argument("--fresh-runs", type=int, default=3, help="fresh processes for import/warm-up timing")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile one corpus pass, top N")
    args = parser.parse_args(argv)
    t_start = time.perf_counter()
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr, flush=True))

    report: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    log("fresh-process import and warm-up ...")
    report["startup"] = fresh_process_times(args.fresh_runs)

    import diplo_events  # noqa: PLC0415  (after the fresh-process timings, on purpose)

    report["diplo_events_version"] = diplo_events.__version__
    t0 = time.perf_counter()
    diplo_events.extract("Russia and China held talks in Beijing on Tuesday.", "2024-05-02")
    report["startup"]["in_process_first_call_s"] = time.perf_counter() - t0
    extract = diplo_events.extract

    base, source = base_documents()
    corpus = repeat_to(base, int(args.mb * 1e6))
    texts = [t for t, _ in corpus]
    n_chars = sum(map(len, texts))
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    report["corpus"] = {"source": source, "distinct_docs": len(base), "docs": len(corpus), "chars": n_chars, "bytes": n_bytes}
    log(f"corpus: {source}; {len(corpus)} docs, {n_chars:,} chars")

    log("library pass ...")
    gc.collect()
    lib_s, n_events = run_library(extract, corpus)
    report["library"] = {"seconds": lib_s, "chars_per_s": n_chars / lib_s, "docs_per_s": len(corpus) / lib_s, "events": n_events}
    report["memory"] = {"ru_maxrss_after_library_mb": maxrss_bytes() / 1e6}

    pattern = floor_pattern()
    floor_runs = [run_floor(pattern, texts) for _ in range(3)]
    floor_s, hits = min(floor_runs)
    report["floor"] = {
        "seconds": floor_s,
        "chars_per_s": n_chars / floor_s,
        "trigger_words": len(trigger_words()),
        "matches": hits,
    }
    report["ratio_library_to_floor"] = report["library"]["chars_per_s"] / report["floor"]["chars_per_s"]

    log("tracemalloc pass ...")
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    run_library(extract, base)
    traced_s = time.perf_counter() - t0
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report["memory"].update({
        "tracemalloc_docs": len(base),
        "tracemalloc_peak_mb": peak / 1e6,
        "tracemalloc_current_after_mb": current / 1e6,
        "tracemalloc_pass_s": traced_s,
    })

    log(f"linear-cost check (budget {args.budget:.0f} s) ...")
    report["linear"] = linear_check(extract, base, int(args.linear_mb * 1e6), args.budget)

    log(f"memory growth over {args.small_docs:,} documents ...")
    report["memory_growth"] = memory_growth(extract, base, args.small_docs)
    report["memory"]["ru_maxrss_end_mb"] = maxrss_bytes() / 1e6

    if args.profile:
        log("profile ...")
        report["profile_top"] = profile(extract, corpus[: max(1, len(corpus) // 5)], args.profile)
    report["total_runtime_s"] = time.perf_counter() - t_start

    if args.json:
        print(json.dumps(report, indent=None, default=str))
    else:
        print_report(report)
    return report


def print_report(r: dict[str, Any]) -> None:
    s, lib, fl, lin, mg, mem = r["startup"], r["library"], r["floor"], r["linear"], r["memory_growth"], r["memory"]
    single, small = lin["single_doc"], lin["small_docs"]
    print(f"diplo_events {r['diplo_events_version']}  Python {r['python']}  {r['cpus']} CPUs")
    print(f"corpus            {r['corpus']['source']}")
    print(f"                  {r['corpus']['docs']:,} docs, {r['corpus']['chars']:,} chars")
    print(f"library           {lib['chars_per_s']:>14,.0f} chars/s  ({lib['seconds']:.2f} s, {lib['docs_per_s']:,.0f} docs/s, {lib['events']:,} events)")
    print(f"floor (regex)     {fl['chars_per_s']:>14,.0f} chars/s  ({fl['trigger_words']} trigger words, {fl['matches']:,} matches)")
    print(f"ratio lib/floor   {r['ratio_library_to_floor']:.4f}  (floor is {1 / r['ratio_library_to_floor']:,.0f}x faster)")
    print(f"import            {s['import_s'] * 1e3:.0f} ms (fresh process, median of {s['runs']}); -X importtime cumulative "
          f"{s.get('importtime_cumulative_s', float('nan')) * 1e3:.0f} ms")
    print("                  top cumulative: " + ", ".join(f"{k} {v * 1e3:.0f}" for k, v in s.get("importtime_top_cumulative", {}).items()))
    print("                  top self (ms):  " + ", ".join(f"{k} {v * 1e3:.0f}" for k, v in s.get("importtime_top_self", {}).items()))
    print(f"first call        {s['first_call_s'] * 1e3:.0f} ms (data loading; fresh process), second call {s['second_call_s'] * 1e3:.1f} ms; "
          f"in this process {s['in_process_first_call_s'] * 1e3:.0f} ms")
    print(f"tracemalloc peak  {mem['tracemalloc_peak_mb']:.1f} MB over {mem['tracemalloc_docs']} distinct docs")
    print(f"ru_maxrss         {mem['ru_maxrss_after_library_mb']:.1f} MB after the library pass, {mem['ru_maxrss_end_mb']:.1f} MB at the end")
    steps = ", ".join(f"{st['chars'] / 1e6:.2f} MB {st['seconds']:.2f} s (maxrss {st['ru_maxrss_mb']:.0f} MB)" for st in single["steps"])
    print(f"single document   {single['chars_per_s']:>14,.0f} chars/s at {single['reached_chars'] / 1e6:.2f} MB "
          f"(target {lin['target_chars'] / 1e6:.1f} MB {'reached' if single['reached_target'] else 'NOT reached within the budget'})")
    print(f"                  steps: {steps}")
    ratios = ", ".join(f"{x:.2f}" for x in single["doubling_ratios"])
    print(f"                  time(2n)/time(n): {ratios}  (2.0 = linear, 4.0 = quadratic); exponent {single['exponent'] or float('nan'):.2f}")
    print(f"small documents   {small['chars_per_s']:>14,.0f} chars/s ({small['docs']:,} docs, same {small['chars'] / 1e6:.2f} MB)")
    print(f"single/small      {lin['single_vs_small']:.3f}  (1.0 = linear)")
    print(f"memory growth     RSS {mg['rss_before_mb']:.1f} -> {mg['rss_after_mb']:.1f} MB ({mg['rss_growth_mb']:+.2f} MB) "
          f"over {mg['docs']:,} docs ({mg['docs_per_s']:,.0f} docs/s)")
    if "profile_top" in r:
        print(r["profile_top"])
    print(f"total runtime     {r['total_runtime_s']:.0f} s")


if __name__ == "__main__":
    main()
