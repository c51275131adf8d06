"""acme_events: an example third-party extractor for diplo_events.

"Guatemala expelled a Canadian diplomat" is a reduction of relations that the built-in
suspension rules do not read (they have no "expel"). This package adds it as a
:class:`~diplo_events.Suspension` with PLOVER mode "expel", and declares it in its
``pyproject.toml`` under the entry-point group ``diplo_events.extractors`` as
``acme.expulsion.v1``, so diplo_events finds it by that name once the package is installed.
"""

from __future__ import annotations

from collections.abc import Iterator

from diplo_events import Document, Suspension
from diplo_events.extractors.base import Frame, actor_of

__all__ = ["ExpulsionExtractor"]

_TRIGGERS = frozenset({"expel", "expels", "expelled", "expelling"})
_WHO = frozenset({"diplomat", "diplomats", "ambassador", "envoy", "attache", "consul", "staff", "officials"})


class ExpulsionExtractor:
    """'X expelled (two) Y diplomats' -> a suspension by X against Y (CAMEO 16, PLOVER SANCTION).

    The extractor contract (see ``diplo_events.Extractor``): a versioned ``name`` and an
    ``extract(doc)`` that returns events whose spans index ``doc.text``. ``Frame`` is the
    clause reader the built-in extractors share: subject, objects, negation, tense, date.
    """

    name = "acme.expulsion.v1"

    def extract(self, doc: Document) -> Iterator[Suspension]:
        for sentence in doc.sentences:
            for i in range(sentence.first_token, sentence.last_token):
                if doc.tokens[i].lower not in _TRIGGERS:
                    continue
                window = {t.lower for t in doc.tokens[i + 1 : min(i + 6, sentence.last_token)]}
                if not window & _WHO:
                    continue  # "expelled from the league": not about envoys
                frame = Frame(doc, sentence, i, i + 1)
                actors = {c: actor_of(doc, m, c) for m in frame.subject() for c in m.codes}
                targets = {
                    c: actor_of(doc, p.mention, c)
                    for p in frame.objects()
                    for c in p.mention.codes
                    if c not in actors
                }
                if not actors or not targets or frame.blocked:
                    continue
                yield Suspension(
                    actors=tuple(actors.values()),
                    counterparts=tuple(targets.values()),
                    suspended="diplomatic presence",
                    mentions=(frame.mention(),),
                    date=frame.date(frame.status),
                    status=frame.status,  # type: ignore[arg-type]
                    negated=frame.negated,
                    cameo="16",
                    plover="SANCTION",
                    extractor=self.name,
                    confidence=0.6,
                )
