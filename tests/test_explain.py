"""explain(): every veto by name, with a sentence of our own that it stops (a negative test per
exclusion), the frame it reads, and the CLI's explain subcommand."""

from __future__ import annotations

import json

import pytest

import diplo_events
from diplo_events import Veto, explain
from diplo_events.cli import main

PUBLISHED = "2024-05-10"

# veto -> (event type, a sentence it stops); written for this table
VETOED = {
    Veto.APPEAL: ("suspension", "Russia urged Mali to cut ties with France."),
    Veto.THREAT: ("suspension", "Russia threatened to suspend cooperation with Norway."),
    Veto.HYPOTHETICAL: ("meeting", "Japan may hold talks with South Korea next week."),
    Veto.MEET_IDIOM: ("meeting", "Egypt met its IMF targets for the year."),
    Veto.NO_SECOND_PARTY: ("meeting", "France held a cabinet meeting on Tuesday."),
    Veto.DOMESTIC: ("suspension", "Germany suspended federal assistance programs."),
    Veto.PRAISE: ("meeting", "The Kremlin welcomed Trump's remarks on Ukraine."),
    Veto.PURCHASE: ("support_pledge", "Saudi Arabia signed a deal to buy jets from France."),
    Veto.NOT_DIPLOMATIC: ("suspension", "Russia suspended flights to Georgia."),
    Veto.SUSPENDED_MEETING: ("meeting", "Russia suspended talks with Japan."),
    Veto.SUPPORT_STOPPED: ("support_pledge", "The United States stopped providing weapons to Ukraine."),
    Veto.TRAVEL_NOT_VISIT: ("meeting", "Russian troops travelled to Belarus."),
    Veto.NOT_SUSPENDED: ("suspension", "Talks between Iran and the EU ended without agreement."),
    Veto.NOT_PEACEKEEPING: ("support_pledge", "Russian troops arrived in Belarus on Monday."),
    Veto.NOT_SUPPORT_OF_ACTOR: ("support_pledge", "Germany approved a support package for airlines."),
    Veto.NO_PARTY: ("support_pledge", "It pledged $5 million in aid to Nepal."),
    Veto.NO_OBJECT: ("suspension", "Russia halted the convoy near Norway."),
    Veto.QUALIFIER_MISSING: ("meeting", "France and Italy opened the session."),
    Veto.DUPLICATE: ("meeting", "Japan met China during a visit to Beijing."),
    Veto.OWN_PROGRAMME: ("suspension", "Libya agreed to halt its programme to develop chemical weapons."),
    Veto.ADJECTIVAL: ("suspension", "A court in Spain gave the Russian a suspended sentence."),
    Veto.BACKGROUND: ("suspension", "Ties between Morocco and Algeria have been frozen for years."),
    Veto.NEXT_VERB: ("support_pledge", "Japan promised to lend Nepal $5 million."),
}


def test_every_veto_has_a_sentence_here() -> None:
    assert set(VETOED) == set(Veto)


@pytest.mark.parametrize("veto", list(VETOED), ids=lambda v: v.label)
def test_each_veto_stops_its_own_sentence(veto: Veto) -> None:
    type_, text = VETOED[veto]
    report = explain(text, published=PUBLISHED)
    outcomes = {(d.type, d.outcome) for d in report.decisions}
    assert (type_, f"veto: {veto.label}") in outcomes, str(report)
    if veto not in {Veto.DUPLICATE, Veto.NEXT_VERB}:  # the same event is made at another trigger
        assert not any(e.type == type_ and not e.negated for e in report.events), str(report)


def test_every_veto_names_the_rule_it_applies() -> None:
    for veto in Veto:
        assert veto.label and len(veto.rule) > 10


def test_an_event_shows_its_frame() -> None:
    report = explain("Niger suspended military cooperation with France.", published=PUBLISHED)
    (decision,) = [d for d in report.decisions if d.outcome == "event"]
    assert decision.type == "suspension"
    assert (decision.lemma, decision.family, decision.cameo) == ("suspend", "suspend", "160")
    assert decision.frame["subject"] == ["NER"]
    assert decision.frame["objects"] == ["with:FRA"]
    assert decision.event == {"type": "suspension", "primary": ["NER"], "secondary": ["FRA"], "negated": False, "status": "occurred"}
    assert report.text[decision.start : decision.end] == decision.trigger == "suspended"


def test_explain_agrees_with_extract() -> None:
    text = "Japan pledged $50 million in aid to Nepal.\nRussia urged Mali to cut ties with France."
    assert explain(text, published=PUBLISHED).events == diplo_events.extract(text, published=PUBLISHED)


def test_explain_json_is_grouped_by_sentence() -> None:
    data = explain("Japan pledged aid to Nepal. Russia urged Mali to cut ties.", published=PUBLISHED).to_dict()
    assert [len(s["decisions"]) >= 1 for s in data["sentences"]] == [True, True]
    json.dumps(data)


def test_explain_rejects_what_extract_rejects() -> None:
    with pytest.raises(diplo_events.InputTypeError):
        explain(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(diplo_events.PublishedDateError):
        explain("text", published="yesterday")


def test_cli_explain(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Russia urged Mali to cut ties with France.", encoding="utf-8")
    assert main(["explain", "--published", PUBLISHED, str(path)]) == 0
    out = capsys.readouterr().out
    assert "veto: appeal" in out and "events: 0" in out
    assert main(["explain", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == []
    assert main(["explain", str(tmp_path / "missing.txt")]) == 1
    assert main(["explain", "--published", "nope", str(path)]) == 2
