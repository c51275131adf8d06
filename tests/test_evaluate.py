"""``evaluate`` and ``diplo-events evaluate``: matching, counts, attributes, sources, errors.

Sets: hand-made gold (items and documents) for each rule of the matching; the command line;
and the shared scorer, whose figures ``evaluate`` must equal on the seeds and the dev folder
(skipped when ``../shared`` is not next to the checkout).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

import pytest

from diplo_events import DataFileError, Evaluation, evaluate
from diplo_events.cli import main
from diplo_events.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

PLEDGE = "Japan pledged $50 million in humanitarian aid to Nepal."
SUSPENSION = "Russia suspended military cooperation with Norway."
NOTHING = "Nothing happened today."


def item(ident: str, text: str, *events: dict) -> dict:
    return {"id": ident, "text": text, "published": "2024-05-15", "events": list(events)}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# -- matching rules -------------------------------------------------------------------------
def test_items_count_hits_misses_and_false_alarms() -> None:
    result = evaluate([
        item("a:1", PLEDGE, {"type": "support_pledge", "actors": ["JPN", "NPL"], "negated": False}),
        item("a:2", SUSPENSION, {"type": "meeting", "actors": ["RUS", "NOR"], "negated": False}),
        item("b:1", NOTHING),
    ])
    assert (result.events["support_pledge"].tp, result.events["meeting"].fn, result.events["suspension"].fp) == (1, 1, 1)
    assert result.micro.tp == 1 and result.micro.fp == 1 and result.micro.fn == 1
    assert result.accuracy("primary") == result.accuracy("secondary") == 1.0
    assert result.accuracy("date") is None  # items carry no dates
    assert result.source_sizes == {"a": 2, "b": 1}
    assert result.sources["a"].tp == 1 and result.sources["b"].fp == 0
    assert [e.kind for e in result.errors] == ["false_positive", "false_negative"]


def test_a_wrong_primary_side_does_not_match_and_a_wrong_other_side_counts_as_an_attribute() -> None:
    result = evaluate([
        item("a:1", PLEDGE, {"type": "support_pledge", "actors": ["CHN", "NPL"]}),
        item("a:2", PLEDGE, {"type": "support_pledge", "actors": ["JPN", "IND"]}),
    ])
    assert result.events["support_pledge"].tp == 1 and result.events["support_pledge"].fn == 1
    assert result.attributes["secondary"] == [False]


def test_negated_events_are_left_out_of_item_detection() -> None:
    result = evaluate([item("a:1", NOTHING, {"type": "meeting", "actors": ["USA", "CHN"], "negated": True})])
    assert result.events["meeting"].fn == 1
    assert result.items["meeting"].fn == 0  # an item whose only event is negated is a negative


def test_documents_need_evidence_overlap_and_optional_events_count_neither_way(tmp_path: Path) -> None:
    text = f"{PLEDGE} {SUSPENSION}"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"doc": "doc.txt", "published": "2024-05-15", "events": [
        {"type": "support_pledge", "donors": ["JPN"], "recipients": ["NPL"], "evidence": ["Nepal"]},
        {"type": "suspension", "actors": ["RUS"], "counterparts": ["NOR"], "evidence": ["not in the text"]},
        {"type": "suspension", "actors": ["RUS"], "counterparts": ["NOR"], "evidence": ["military"], "optional": True},
    ]}])
    result = evaluate(gold)
    assert result.events["support_pledge"].tp == 1
    assert result.events["suspension"].tp == 0
    assert result.events["suspension"].fn == 1 and result.events["suspension"].fp == 0  # the optional took it
    assert not result.sources  # documents have no item-level figures
    (miss,) = result.errors
    assert miss.kind == "false_negative" and miss.origin == f"{gold}:1"
    assert [s["text"] for s in miss.sentences] == [text]  # evidence not found: the whole text


def test_an_extra_event_for_a_matched_happening_is_a_duplicate() -> None:
    double = f"{PLEDGE} {PLEDGE}"
    result = evaluate([item("a:1", double, {"type": "support_pledge", "actors": ["JPN", "NPL"]})])
    counts = result.events["support_pledge"]
    assert (counts.tp, counts.fp, counts.dup) == (1, 0, counts.dup)
    if counts.dup:  # the pipeline may merge the two mentions into one event
        assert result.errors[0].kind == "duplicate"


# -- error records ----------------------------------------------------------------------------
def test_error_records_carry_their_sentence_what_was_found_and_a_trace_slot() -> None:
    text = f"{NOTHING} {SUSPENSION}"
    result = evaluate([item("a:1", text, {"type": "meeting", "actors": ["RUS", "NOR"]})])
    fp = next(e for e in result.errors if e.kind == "false_positive")
    assert fp.type == "suspension" and fp.event["primary"] == ["RUS"]
    assert [s["text"] for s in fp.sentences] == [SUSPENSION]
    assert fp.sentences[0]["start"] == text.index(SUSPENSION)
    assert [f["type"] for f in fp.found] == ["suspension"]
    record = fp.as_dict()
    assert list(record) == ["kind", "key", "origin", "type", "event", "sentences", "found", "trace"]
    trace = record["trace"]  # the explain() trace of the error's sentence
    assert [s["text"] for s in trace["sentences"]] == [SUSPENSION]
    decisions = trace["sentences"][0]["decisions"]
    assert [(d["type"], d["outcome"]) for d in decisions] == [("suspension", "event")]
    json.dumps(record)


def test_the_trace_names_the_veto_of_a_missed_event() -> None:
    text = "Russia urged Norway to suspend military cooperation."
    result = evaluate([item("a:1", text, {"type": "suspension", "actors": ["NOR"]})])
    (fn,) = [e for e in result.errors if e.kind == "false_negative"]
    outcomes = [d["outcome"] for s in fn.trace["sentences"] for d in s["decisions"]]
    assert "veto: appeal" in outcomes


# -- bad gold ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("line", "message"), [
    ("not json", ":2: not JSON"),
    ('["a list"]', ":2: a gold line must be a JSON object"),
    ('{"id": "a:1", "text": "x", "events": [{"type": "treaty"}]}', ":2: unknown event type 'treaty'"),
    ('{"id": "a:1", "events": []}', ":2: a gold line needs either 'doc'"),
    ('{"doc": "missing.txt", "events": []}', ":2: cannot read the document"),
    ('{"id": "a:1", "text": "x", "published": "soon", "events": []}', ":2: published date 'soon'"),
])
def test_bad_gold_lines_name_their_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(item("a:0", NOTHING)) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message.replace("(", r"\(")):
        evaluate(gold)


def test_missing_gold_and_empty_folders_are_reported(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such gold file"):
        load_gold(tmp_path / "nope.jsonl")
    with pytest.raises(DataFileError, match="no \\*.jsonl gold files"):
        load_gold(tmp_path)


# -- the command line -------------------------------------------------------------------------
def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(args, stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", [item("a:1", PLEDGE, {"type": "support_pledge", "actors": ["JPN", "NPL"]})])
    write_jsonl(folder / "b.jsonl", [item("b:1", SUSPENSION, {"type": "meeting", "actors": ["RUS", "NOR"]})])
    return folder


def test_cli_prints_the_tables_and_writes_the_errors(gold: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    code, out, err = run(["evaluate", str(gold), "--errors", str(errors)])
    assert code == 0 and err == ""
    assert "item-F1 per source" in out and out.rstrip().endswith("micro-F1 0.500")
    assert [line.split()[0] for line in out.split("item-F1 per source")[1].splitlines()[2:4]] == ["a", "b"]
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["kind"], r["key"]) for r in records] == [("false_positive", "b:1"), ("false_negative", "b:1")]
    assert list(tmp_path.glob(".errors.jsonl.*")) == []  # no temporary file left


def test_cli_json_equals_the_library(gold: Path) -> None:
    code, out, _ = run(["evaluate", "--json", str(gold / "a.jsonl"), str(gold / "b.jsonl")])
    assert code == 0
    assert json.loads(out) == evaluate(gold).as_dict()


def test_cli_reports_bad_gold_and_usage_errors_in_one_line(tmp_path: Path) -> None:
    code, out, err = run(["evaluate", str(tmp_path / "nope.jsonl")])
    assert (code, out) == (1, "") and err.count("\n") == 1 and "no such gold file" in err
    code, _, err = run(["evaluate"])
    assert code == 2 and err.count("\n") == 1
    code, _, err = run(["evaluate", "--extractors", "no.such.v1", str(tmp_path)])
    assert code == 2 and "no.such.v1" in err


def test_evaluation_is_empty_before_scoring() -> None:
    empty = Evaluation()
    assert empty.micro.f1 == 0.0 and "items" not in empty.as_dict()


# -- the shared scorer --------------------------------------------------------------------------
def _scorer_json(*gold: Path) -> dict:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert module.main([*map(str, gold), "--json"]) == 0
    return json.loads(out.getvalue().rsplit("micro-F1", 1)[0])


def _assert_contains(expected: object, actual: object, path: str = "") -> None:
    """Every figure of ``expected`` is in ``actual`` (which may have more)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        for key, value in expected.items():
            assert key in actual, f"{path}/{key} missing"
            _assert_contains(value, actual[key], f"{path}/{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), path
        for n, (e, a) in enumerate(zip(expected, actual, strict=True)):
            _assert_contains(e, a, f"{path}[{n}]")
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared (the shared scorer and corpus) is not next to the checkout")
@pytest.mark.parametrize("gold", ["corpus/seeds.gold.jsonl", "corpus/dev"])
def test_figures_equal_the_shared_scorer(gold: str) -> None:
    expected = _scorer_json(SHARED / gold)
    mine = evaluate(SHARED / gold).as_dict()
    _assert_contains(expected, mine)
    if "items" in expected:  # the per-source table the command prints
        code, out, _ = run(["evaluate", str(SHARED / gold)])
        assert code == 0
        table = out.split("item-F1 per source")[1].split("\n\n")[0].splitlines()[2:]
        printed = {line.split()[0]: float(line.split()[-1]) for line in table}
        assert printed == expected["items"]["sources"]


# -- the gold line's JSON Schema (docs/gold.schema.json) -----------------------------------------
def _check_shape(line: dict, schema: dict) -> None:
    """The keys a form requires are there and no key is unknown (a small part of the schema)."""
    form = next(f for f in schema["oneOf"] if f["required"][0] in line)
    assert set(form["required"]) <= set(line) and set(line) <= set(form["properties"]), line
    event_schema = schema["$defs"][f"{form['title']}_event"]
    for event in line["events"]:
        assert set(event_schema["required"]) <= set(event) <= set(event_schema["properties"]), event
        assert event["type"] in schema["$defs"]["type"]["enum"]


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared is not next to the checkout")
def test_the_shared_gold_fits_the_documented_schema() -> None:
    schema = json.loads((ROOT / "docs" / "gold.schema.json").read_text(encoding="utf-8"))
    for path in (SHARED / "corpus" / "seeds.gold.jsonl", SHARED / "corpus" / "dev" / "dev.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            _check_shape(json.loads(line), schema)
