"""Events in a pandas DataFrame, and a plot of events per type over time.

Run: python examples/events_dataframe.py [PLOT.png]

Needs the ``plot`` extra (``pip install "diplo_events[plot]"``: pandas and matplotlib). The
plot is written to PLOT.png, by default to a new temporary file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files only: no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from diplo_events import events_to_dataframe, extract  # noqa: E402

CORPUS = Path(__file__).parent / "corpus"

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkstemp(prefix="events_", suffix=".png")[1])

    # {document id: its events} and {document id: its publication date}, from names like
    # "2024-05-14_canada_cancels_trade_mission.txt"
    paths = sorted(CORPUS.glob("*.txt"))
    published = {p.name: p.name[:10] for p in paths}
    events = {p.name: extract(p.read_text(encoding="utf-8"), published[p.name]) for p in paths}

    df = events_to_dataframe(events, published=published)
    with pd.option_context("display.width", 120, "display.max_columns", 10):
        print(df[["published", "type", "event_type", "mode", "primary", "secondary", "date"]].head(8))
    print()
    print(df.groupby("type").size().to_string())

    # when: the event's own date when the text gives one, else the article's date
    df["when"] = df["date"].fillna(df["published"]).dt.to_period("M").dt.to_timestamp()
    per_month = df.pivot_table(index="when", columns="type", values="id", aggfunc="count", fill_value=0)
    per_month.index = per_month.index.strftime("%b %Y")
    ax = per_month.plot(kind="bar", stacked=True, figsize=(8, 4), rot=0)
    ax.set_xlabel("month")
    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="type", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    ax.set_title("Diplomatic events per month in examples/corpus")
    plt.tight_layout()
    plt.savefig(target, dpi=80)
    print(f"\nplot: {target} ({target.stat().st_size} bytes)")
