"""Print predicted and gold events for each seed article (for error analysis)."""

from __future__ import annotations

import json
import pathlib
import sys

import diplo_events

PRIMARY = {"meeting": "participants", "suspension": "actors", "support_pledge": "donors"}
SECONDARY = {"meeting": None, "suspension": "counterparts", "support_pledge": "recipients"}


def main() -> None:
    gold_path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/seeds.gold.jsonl")
    for line in gold_path.open(encoding="utf-8"):
        rec = json.loads(line)
        text = (gold_path.parent / rec["doc"]).read_text(encoding="utf-8")
        print("=" * 20, rec["doc"], rec["published"])
        for g in rec["events"]:
            roles = {k: g.get(k) for k in ("participants", "actors", "counterparts", "donors", "recipients") if k in g}
            print("  GOLD", g["type"], roles, g.get("date"), g.get("location"), "opt" if g.get("optional") else "", g["evidence"][0][:70])
        for e in diplo_events.extract(text, published=rec["published"]):
            p = [a.code for a in getattr(e, PRIMARY[e.type])]
            s = [a.code for a in getattr(e, SECONDARY[e.type])] if SECONDARY[e.type] else []
            date = e.date.value.isoformat() + "/" + e.date.precision if e.date else None
            loc = e.location.country if e.location else None
            print("  PRED", e.type, p, s, date, loc, "neg" if e.negated else "", [m.trigger.text for m in e.mentions], "|", e.mentions[0].evidence.text[:70])


if __name__ == "__main__":
    main()
