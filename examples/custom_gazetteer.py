"""Teach the pipeline names of your own: aliases and people with dated tenures, from TSV files.

Run: python examples/custom_gazetteer.py

``examples/data/my_actors.tsv`` has the columns of the built-in ``countries.tsv`` (code, kind,
text, start, end) and ``examples/data/my_people.tsv`` those of ``people.tsv`` (name, aliases,
code, role, start, end). Loaded into a copy of the built-in gazetteer, they are used by the
pipeline built on that copy and by no other: ``diplo_events.extract`` is unchanged.
"""

from __future__ import annotations

from pathlib import Path

from diplo_events import Gazetteer, Pipeline

DATA = Path(__file__).parent / "data"


def parties(pipeline: Pipeline, text: str, published: str) -> list[str]:
    """One short line per event: type and the codes of its parties."""
    out = []
    for event in pipeline.extract(text, published=published):
        first = getattr(event, "participants", ()) or getattr(event, "actors", ()) or getattr(event, "donors", ())
        second = getattr(event, "counterparts", ()) or getattr(event, "recipients", ())
        side = " -> " + " ".join(a.code for a in second) if second else ""
        out.append(f"{event.type} {' '.join(a.code for a in first)}{side}")
    return out or ["(no event)"]


if __name__ == "__main__":
    gazetteer = Gazetteer.default().copy()  # never change the shared default
    gazetteer.load_file(DATA / "my_actors.tsv")
    gazetteer.load_file(DATA / "my_people.tsv")
    mine = Pipeline.default(gazetteer=gazetteer)
    builtin = Pipeline.default()

    examples = [
        # an institution standing for its state
        ("Aso Rock hosted Ghana's foreign minister on Monday for talks on regional security.", "2024-05-14"),
        # the same person acts for Sierra Leone, then for the African Union (dated tenures)
        ("Amara Kessely met Liberia's president in Monrovia on Tuesday.", "2024-03-06"),
        ("Amara Kessely met Liberia's president in Monrovia on Tuesday.", "2026-03-04"),
        # a seat of government valid only up to August 2018
        ("Palacio Quemado suspended military cooperation with Paraguay.", "2016-01-05"),
        ("Palacio Quemado suspended military cooperation with Paraguay.", "2021-01-05"),
    ]
    for text, published in examples:
        print(f"{published}  {text}")
        print(f"    built-in: {'; '.join(parties(builtin, text, published))}")
        print(f"    mine:     {'; '.join(parties(mine, text, published))}")
