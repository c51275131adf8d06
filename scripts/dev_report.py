"""Print the dev-set items where predictions and gold disagree (for error analysis).

Usage: python scripts/dev_report.py [../shared/corpus/dev/dev.jsonl] [--all]
"""

from __future__ import annotations

import json
import sys

import diplo_events

PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}


def codes(event: diplo_events.Event) -> list[str]:
    first = [a.code for a in getattr(event, PRIMARY[event.type])]
    role = SECONDARY[event.type]
    second = [a.code for a in getattr(event, role)] if role else []
    return first + second


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0] if args else "../shared/corpus/dev/dev.jsonl"
    show_all = "--all" in sys.argv
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        events = diplo_events.extract(rec["text"], published=rec.get("published"))
        gold = sorted((e["type"][:4], sorted(e["actors"][:1]), sorted(e["actors"][1:]), e.get("negated", False)) for e in rec["events"])
        pred = []
        for e in events:
            c = codes(e)
            n = len(getattr(e, PRIMARY[e.type]))
            pred.append((e.type[:4], sorted(c[:n]), sorted(c[n:]), e.negated))
        pred.sort()
        gtypes = {g[0] for g in gold if not g[3]}
        ptypes = {p[0] for p in pred if not p[3]}
        ok = gtypes == ptypes
        if ok and not show_all:
            continue
        print(("OK " if ok else "XX ") + rec["id"], rec.get("published"))
        print("   ", rec["text"][:400])
        print("    gold:", [(g[0], g[1] + g[2], g[3]) for g in gold], "|", rec.get("note", "")[:100])
        for e in events:
            print("    pred:", e.type[:4], codes(e), "neg" if e.negated else "", "|", e.mentions[0].trigger.text)


if __name__ == "__main__":
    main()
