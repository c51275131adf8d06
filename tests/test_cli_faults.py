"""Corpus runs that survive faults: atomic ``--output``, write errors, Ctrl-C, ``--resume``.

The interrupt tests run the command in a subprocess of its own session, started through a
small script that adds a slow no-op extractor (5 ms a document), so that a SIGINT sent to the
whole process group, as Ctrl-C does, lands in the middle of the run.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplo_events.cli import main

TEXTS = [
    "Japan pledged $50 million in humanitarian aid to Nepal on Monday.",
    "Russia suspended military cooperation with Norway.",
    "Kenya's president will visit Tanzania next month.",
    "Nothing happened today.",
    "The foreign ministers of Chile and Peru held talks in Lima on Tuesday.",
]
DEFAULT = "diplo_events.meeting.v1,diplo_events.suspension.v1,diplo_events.support_pledge.v1"
SLOW_CLI = """
import sys, time
from diplo_events import extractor_registry

@extractor_registry.register("tests.slow.v1")
class Slow:
    name = "tests.slow.v1"

    def extract(self, doc):
        time.sleep(0.005)
        return []

from diplo_events.cli import main
sys.exit(main())
"""


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--published", "2024-05-15", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for i, text in enumerate(TEXTS):
        path = folder / f"{i}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


# -- write errors ------------------------------------------------------------------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_full_disk_is_one_line_and_status_1(articles: list[str], fmt: str) -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123
        proc = subprocess.run(
            [sys.executable, "-m", "diplo_events", "--format", fmt, "--published", "2024-05-15", *articles],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )
    assert proc.returncode == 1
    assert proc.stderr == "diplo-events: error: cannot write the output: No space left on device\n"


def test_an_output_that_cannot_be_created_is_one_line(articles: list[str], tmp_path: Path) -> None:
    code, out, err = run(["-o", str(tmp_path / "no" / "such" / "dir.jsonl"), *articles])
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "cannot write" in err and "No such file or directory" in err


# -- atomic output ---------------------------------------------------------------------------
def test_output_is_the_same_as_stdout_and_leaves_no_temporary_file(articles: list[str], tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    code, out, _ = run(articles)
    assert run(["-o", str(target), *articles]) == (0, "", "")
    assert target.read_text(encoding="utf-8") == out and code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "events.jsonl"]
    assert target.stat().st_mode & 0o777 != 0o600  # not mkstemp's private mode


def test_a_failed_run_leaves_the_old_output_untouched(articles: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "events.jsonl"
    target.write_text("the old run\n", encoding="utf-8")

    def no_room(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_room)
    code, _, err = run(["-o", str(target), *articles])
    assert code == 1 and err == f"diplo-events: error: cannot write {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "the old run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "events.jsonl"]


# -- resume ------------------------------------------------------------------------------------
def test_resume_skips_the_sources_already_written(articles: list[str], tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    _, full, _ = run(articles)
    lines = full.splitlines(keepends=True)
    first = json.loads(lines[0])["source"]
    partial = "".join(line for line in lines if json.loads(line)["source"] == first)
    target.write_text(partial + lines[-1][:20], encoding="utf-8")  # and a line cut in the middle
    assert run(["--resume", "-o", str(target), *articles])[0] == 0
    assert target.read_text(encoding="utf-8") == full


def test_resume_needs_a_jsonl_output_file(articles: list[str], tmp_path: Path) -> None:
    for args in (["--resume"], ["--resume", "--format", "csv", "-o", str(tmp_path / "x.csv")]):
        code, _, err = run([*args, *articles])
        assert code == 2 and "--resume needs --output FILE and --format jsonl" in err
    (tmp_path / "bad.jsonl").write_text("not an output\n", encoding="utf-8")
    code, _, err = run(["--resume", "-o", str(tmp_path / "bad.jsonl"), *articles])
    assert code == 2 and "bad.jsonl:1 is not a JSON line with a 'source'" in err


# -- Ctrl-C ------------------------------------------------------------------------------------
def _start(script: Path, args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(script), "--extractors", f"{DEFAULT},tests.slow.v1", "--published", "2024-05-15", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


@pytest.mark.parametrize(("input_format", "jobs"), [("files", "1"), ("jsonl", "2")])
def test_sigint_then_resume_gives_the_uninterrupted_output(tmp_path: Path, input_format: str, jobs: str) -> None:
    script = tmp_path / "slow_cli.py"
    script.write_text(SLOW_CLI, encoding="utf-8")
    texts = [f"{TEXTS[i % len(TEXTS)]} Item {i}." for i in range(200)]
    if input_format == "files":
        (tmp_path / "docs").mkdir()
        for i, text in enumerate(texts):
            (tmp_path / "docs" / f"{i:03d}.txt").write_text(text, encoding="utf-8")
        inputs = ["-r", str(tmp_path / "docs")]
    else:
        lines = (json.dumps({"id": f"doc-{i:03d}", "text": t, "date": f"2024-05-{i % 28 + 1:02d}"}) for i, t in enumerate(texts))
        (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        inputs = ["--input-format", "jsonl", str(tmp_path / "corpus.jsonl")]
    args = ["--jobs", jobs, *inputs]

    assert run([*args, "-o", str(tmp_path / "whole.jsonl")])[0] == 0  # uninterrupted, in this process

    cut = _start(script, [*args, "-o", "cut.jsonl"], tmp_path)
    deadline = time.monotonic() + 60
    while not any(p.stat().st_size for p in tmp_path.glob(".cut.jsonl.*.tmp")):  # the run has started writing
        assert cut.poll() is None and time.monotonic() < deadline, "the run ended before it could be interrupted"
        time.sleep(0.01)
    os.killpg(cut.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, err = cut.communicate(timeout=60)
    assert cut.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    written = (tmp_path / "cut.jsonl").read_bytes()
    complete = (tmp_path / "whole.jsonl").read_bytes()
    assert written.endswith(b"\n") and 0 < len(written) < len(complete)
    assert complete.startswith(written)  # whole documents, in order
    assert not list(tmp_path.glob(".cut.jsonl.*.tmp"))

    resumed = _start(script, [*args, "-o", "cut.jsonl", "--resume"], tmp_path)
    assert resumed.wait(timeout=120) == 0
    assert (tmp_path / "cut.jsonl").read_bytes() == complete
