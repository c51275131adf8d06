"""Print the capability table: per type and phrasing family, rows and pass rates.

Usage:
    python scripts/capability_report.py              # the table
    python scripts/capability_report.py --failures   # the table, then every failing row
    python scripts/capability_report.py --write-floors   # rewrite tests/capability/floors.toml
                                                         # at the measured rates, rounded down to 0.05

The rows and their semantics are described in tests/capability/README.md; the logic is shared
with tests/test_capability.py, which this script imports.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _harness():  # noqa: ANN202 - a module loaded by path
    path = ROOT / "tests" / "test_capability.py"
    spec = importlib.util.spec_from_file_location("_capability_harness", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def _pct(rate: float | None) -> str:
    return "   -" if rate is None else f"{rate:4.0%}"


def main() -> None:
    h = _harness()
    rates = h.rates()
    print(f"{'type':<15} {'family':<19} {'pos':>4} {'neg':>4} {'pos pass':>8} {'neg pass':>8}")
    print("-" * 63)
    tot_pos = tot_neg = ok_pos = ok_neg = 0
    for (table, family), r in rates.items():
        print(
            f"{table:<15} {family:<19} {r.positives:>4} {r.negatives:>4} "
            f"{_pct(r.positive_rate):>8} {_pct(r.negative_rate):>8}"
        )
        tot_pos += r.positives
        tot_neg += r.negatives
        ok_pos += round((r.positive_rate or 0) * r.positives)
        ok_neg += round((r.negative_rate or 0) * r.negatives)
    print("-" * 63)
    print(
        f"{'all':<15} {'':<19} {tot_pos:>4} {tot_neg:>4} "
        f"{_pct(ok_pos / tot_pos if tot_pos else None):>8} {_pct(ok_neg / tot_neg if tot_neg else None):>8}"
    )
    print(f"{tot_pos + tot_neg} rows")

    if "--failures" in sys.argv:
        print("\nfailing rows:")
        for row, ok, got in h.results():
            if not ok:
                want = f"{row.type}{'!' if row.kind == 'negated' else ''}:{','.join(row.primary)}"
                want += ">" + ",".join(row.other) if row.other else ""
                if row.kind == "none":
                    want = f"none:{row.type}"
                print(f"{row.source:<24} {row.family:<19} want {want:<28} got {got}\n    {row.text!r}")

    if "--write-floors" in sys.argv:
        lines = [
            "# Pass-rate floors per (table, family), checked by tests/test_capability.py.",
            "# Measured rates rounded down to 0.05; raise them as the extractors improve,",
            "# e.g. with `python scripts/capability_report.py --write-floors` (never lower one",
            "# without saying why in the commit).",
        ]
        current = None
        for (table, family), r in rates.items():
            if table != current:
                lines += ["", f"[{table}]"]
                current = table
            parts = []
            if r.positive_rate is not None:
                parts.append(f"positives = {h.floor_of(r.positive_rate):.2f}")
            if r.negative_rate is not None:
                parts.append(f"negatives = {h.floor_of(r.negative_rate):.2f}")
            lines.append(f"{family} = {{ {', '.join(parts)} }}")
        (ROOT / "tests" / "capability" / "floors.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("wrote tests/capability/floors.toml")


if __name__ == "__main__":
    main()
