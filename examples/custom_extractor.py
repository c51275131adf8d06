"""Write your own extractor and plug it into the pipeline.

Run: python examples/custom_extractor.py

An extractor is any object with a ``name`` and an ``extract(doc)`` method returning events
(see ``diplo_events.Extractor``). Here: a toy rule that reads "signed ... agreement" between
two parties as a meeting, to show the contract, the shared clause reader and the registry.
"""

from __future__ import annotations

from collections.abc import Iterator

from diplo_events import Document, Meeting, Pipeline, extractor_registry
from diplo_events.extractors.base import Frame, actor_of


@extractor_registry.register("example.signing.v1")
class SigningExtractor:
    """'X and Y signed an agreement' -> a meeting of X and Y (a toy rule)."""

    name = "example.signing.v1"

    def extract(self, doc: Document) -> Iterator[Meeting]:
        for sentence in doc.sentences:
            for i in range(sentence.first_token, sentence.last_token):
                if doc.tokens[i].lower not in {"signed", "signs"}:
                    continue
                frame = Frame(doc, sentence, i, i + 1)
                parties = frame.subject() + [p.mention for p in frame.objects()]
                actors = {c: actor_of(doc, m, c) for m in parties for c in m.codes}
                if len(actors) >= 2:
                    yield Meeting(
                        participants=tuple(actors.values()),
                        mentions=(frame.mention(),),
                        status=frame.status,  # type: ignore[arg-type]
                        location=frame.location(),
                        extractor=self.name,
                    )


if __name__ == "__main__":
    text = "Kenya and Ethiopia signed a border security agreement in Nairobi on Friday."
    pipeline = Pipeline.default().add(SigningExtractor())
    for event in pipeline.extract(text, published="2024-06-08"):
        codes = [a.code for a in event.participants]
        print(event.type, codes, event.extractor, event.location.country if event.location else None)
    # by name, through the registry (a package would declare an entry point instead)
    only = Pipeline.default(extractors=["example.signing.v1"])
    assert [e.extractor for e in only.extract(text)] == ["example.signing.v1"]
