"""Use an extractor from another installed package, by its registered name.

Run, from the repository root:

    pip install examples/plugin_package
    python examples/use_plugin.py

``examples/plugin_package`` is a separate package (``acme_events``) whose ``pyproject.toml``
declares::

    [project.entry-points."diplo_events.extractors"]
    "acme.expulsion.v1" = "acme_events:ExpulsionExtractor"

diplo_events looks that name up in the installed packages' entry points the first time it is
asked for: no import of ``acme_events`` here, no edit to diplo_events.
"""

from __future__ import annotations

import sys
from pathlib import Path

from diplo_events import Pipeline, RegistryError, extractor_registry, to_plover

ARTICLE = Path(__file__).parent / "corpus" / "2024-05-14_canada_cancels_trade_mission.txt"
NAME = "acme.expulsion.v1"

if __name__ == "__main__":
    try:
        # a name the registry does not have is looked up among the installed entry points
        pipeline = Pipeline.default(extractors=["diplo_events.suspension.v1", NAME])
    except RegistryError:
        print(f"{NAME} is not installed: run `pip install examples/plugin_package` first", file=sys.stderr)
        sys.exit(1)
    # ours, plus every name declared by an installed package
    print("available:", ", ".join(extractor_registry.names()))
    print("pipeline: ", " -> ".join(pipeline.names))

    text = ARTICLE.read_text(encoding="utf-8")
    for event in pipeline.extract(text, published="2024-05-14"):
        record = to_plover(event)
        print(
            f"{event.extractor:28} {record['event_type']} mode={record['mode']}",
            " ".join(record["actor_country"]), "->", " ".join(record["recipient_country"]),
            f"negated={event.negated}",
        )
