"""The command line over many inputs: processes, directories, globs, failures, progress, summary."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest

from diplo_events import Document, extractor_registry
from diplo_events.cli import ProgressBar, main

TEXTS = {
    "a_pledge.txt": "Japan pledged $50 million in humanitarian aid to Nepal.\n",
    "b_suspension.txt": "Russia suspended military cooperation with Norway.\n",
    "c_visit.txt": "Kenya's president will visit Tanzania next month.\n",
    "d_nothing.txt": "Nothing happened today.\n",
    "e_both.txt": "Russia suspended military cooperation with Norway. Japan pledged $50 million in aid to Nepal.\n",
    "f_visit.txt": "Kenya's president visited Tanzania on Monday.\n",
}
SUMMARY = re.compile(r"^diplo-events: (\d+ of )?\d+ inputs?, \d+ failed( \(stopped at the first failure\))?: "
                     r"\d+ meeting, \d+ suspension, \d+ support_pledge$")


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(args: list[str], *, tty: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), (_Terminal() if tty else io.StringIO())
    code = main(["--published", "2024-05-15", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def sources(out: str) -> list[str]:
    return [json.loads(line)["source"] for line in out.splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    for i, (name, text) in enumerate(TEXTS.items()):
        (root / ("sub" if i % 2 else "") / name).write_text(text, encoding="utf-8")
    (root / "notes.md").write_text(TEXTS["b_suspension.txt"], encoding="utf-8")
    return root


def files(corpus: Path) -> list[str]:
    return sorted(str(p) for p in corpus.rglob("*.txt"))


# -- processes ----------------------------------------------------------------------------
def test_jobs_give_the_serial_output_in_input_order(corpus: Path) -> None:
    inputs = files(corpus)[::-1] * 2  # not sorted, repeated: the order given is kept
    serial = run(inputs)
    parallel = run(["--jobs", "2", *inputs])
    assert serial[0] == parallel[0] == 0
    assert serial[1] == parallel[1] and serial[1]
    assert sources(serial[1])[0] == inputs[0]


def test_jobs_keep_read_failures_in_their_place(corpus: Path) -> None:
    inputs = [*files(corpus)[:3], str(corpus / "missing.txt"), *files(corpus)[3:]]
    serial, parallel = run(["--summary", *inputs]), run(["--summary", "-j", "2", *inputs])
    assert serial == parallel
    code, _, err = parallel
    assert code == 1
    assert err.splitlines()[0].endswith("missing.txt: No such file or directory")


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_bad_job_counts_are_usage_errors(corpus: Path, jobs: str) -> None:
    code, out, err = run(["--jobs", jobs, *files(corpus)])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--jobs" in err


# -- directories and globs ------------------------------------------------------------------
def test_a_directory_is_read_recursively_with_r(corpus: Path) -> None:
    code, out, err = run(["-r", str(corpus)])
    assert code == 0, err
    assert sorted(set(sources(out))) == [f for f in files(corpus) if not f.endswith("d_nothing.txt")]
    assert not any(s.endswith(".md") for s in sources(out))
    assert sources(out) == sorted(sources(out))


def test_glob_changes_the_pattern_and_implies_r(corpus: Path) -> None:
    code, out, _ = run(["--glob", "*.md", str(corpus)])
    assert code == 0
    assert set(sources(out)) == {str(corpus / "notes.md")}


def test_a_directory_without_r_is_an_error(corpus: Path) -> None:
    code, out, err = run([str(corpus), files(corpus)[0]])
    assert code == 1
    assert err.count("\n") == 1 and "is a directory (use -r" in err
    assert set(sources(out)) == {files(corpus)[0]}


def test_a_directory_without_matching_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run(["-r", str(tmp_path / "empty")])
    assert code == 1 and "no *.txt files under this directory" in err


def test_quoted_glob_patterns_are_expanded(corpus: Path) -> None:
    code, out, err = run([str(corpus / "*.txt"), str(corpus / "**" / "f_*.txt")])
    assert code == 0, err
    top = sorted(str(p) for p in corpus.glob("*.txt"))
    assert sorted(set(sources(out))) == sorted({*top, str(corpus / "sub" / "f_visit.txt")} - {str(corpus / "d_nothing.txt")})


def test_a_glob_that_matches_nothing_is_reported(corpus: Path) -> None:
    code, out, err = run([str(corpus / "*.pdf"), files(corpus)[0]])
    assert code == 1
    assert err == f"diplo-events: error: {corpus / '*.pdf'}: no file matches this pattern\n"
    assert sources(out)


# -- failures -------------------------------------------------------------------------------
@extractor_registry.register("tests.boom.v1")
class Boom:
    """Fails on any text that says BOOM."""

    name = "tests.boom.v1"

    def extract(self, doc: Document) -> list:
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return []


@pytest.fixture
def with_failures(corpus: Path) -> list[str]:
    ok = files(corpus)
    boom = corpus.parent / "boom.txt"
    boom.write_text("BOOM. Russia met NATO.\n", encoding="utf-8")
    return [ok[0], str(corpus / "missing.txt"), ok[1], str(boom), ok[2]]


ALL_AND_BOOM = "diplo_events.meeting.v1,diplo_events.suspension.v1,diplo_events.support_pledge.v1,tests.boom.v1"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_by_default_failing_inputs_are_reported_and_skipped(with_failures: list[str], jobs: str) -> None:
    code, out, err = run(["--extractors", ALL_AND_BOOM, "-j", jobs, *with_failures])
    assert code == 1
    assert list(dict.fromkeys(sources(out))) == with_failures[0::2]  # every other input, in order
    lines = err.splitlines()
    assert len(lines) == 2 and "Traceback" not in err
    assert lines[0].endswith("missing.txt: No such file or directory")
    assert "boom.txt: ExtractorError: extractor 'tests.boom.v1' failed: RuntimeError: boom" in lines[1]
    assert run(["--skip-errors", "--extractors", ALL_AND_BOOM, *with_failures]) == (code, out, err)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fail_fast_stops_at_the_first_failing_input(with_failures: list[str], jobs: str) -> None:
    code, out, err = run(["--fail-fast", "--summary", "-j", jobs, *with_failures])
    assert code == 1
    assert set(sources(out)) == {with_failures[0]}  # nothing after the missing file
    first, summary = err.splitlines()
    assert first.endswith("missing.txt: No such file or directory")
    assert summary.startswith("diplo-events: 2 of 5 inputs, 1 failed (stopped at the first failure): ")


def test_fail_fast_and_skip_errors_exclude_each_other(corpus: Path) -> None:
    code, _, err = run(["--fail-fast", "--skip-errors", *files(corpus)])
    assert code == 2 and err.count("\n") == 1 and "not allowed with" in err


# -- summary, progress, quiet ------------------------------------------------------------------
def test_summary_counts_inputs_failures_and_events(corpus: Path) -> None:
    inputs = [*files(corpus), str(corpus / "missing.txt")]
    code, out, err = run(["--summary", *inputs])
    assert code == 1
    types = [json.loads(line)["type"] for line in out.splitlines()]
    summary = err.splitlines()[-1]
    assert SUMMARY.match(summary)
    assert summary == (
        f"diplo-events: 7 inputs, 1 failed: {types.count('meeting')} meeting, "
        f"{types.count('suspension')} suspension, {types.count('support_pledge')} support_pledge"
    )


def test_no_summary_and_no_bar_when_stderr_is_not_a_terminal(corpus: Path) -> None:
    code, _, err = run(files(corpus))
    assert code == 0 and err == ""


def test_a_terminal_gets_the_progress_bar_and_the_summary(corpus: Path) -> None:
    code, out, err = run(files(corpus), tty=True)
    assert code == 0
    assert "\r" not in out
    assert re.search(r"\rdiplo-events: \d+/6 docs \[[#.]+\] +\d+% \S+ chars/s", err)
    assert err.endswith("\n") and SUMMARY.match(err.splitlines()[-1].split("\r")[-1])


def test_quiet_silences_bar_and_summary_but_not_errors(corpus: Path) -> None:
    code, _, err = run(["--quiet", *files(corpus), str(corpus / "missing.txt")], tty=True)
    assert code == 1
    assert err == f"diplo-events: error: {corpus / 'missing.txt'}: No such file or directory\n"


def test_summary_and_quiet_exclude_each_other(corpus: Path) -> None:
    code, _, err = run(["--summary", "--quiet", *files(corpus)])
    assert code == 2 and err.count("\n") == 1


def test_progress_bar_rendering() -> None:
    stream = _Terminal()
    bar = ProgressBar(4, stream=stream, interval=0)
    bar.update(chars=1000)
    assert stream.getvalue().startswith("\rdiplo-events: 1/4 docs [######..................]  25% ")
    bar.write("a line")
    bar.close()
    assert "a line\n" in stream.getvalue()
    assert stream.getvalue().endswith("\r")  # the bar is erased
    assert ProgressBar(None, stream=stream).render(2.0).startswith("diplo-events: 0 docs 0 chars/s")


def test_progress_bar_is_off_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with ProgressBar(2, stream=stream) as bar:
        bar.update(chars=10)
        bar.update(chars=10)
    assert stream.getvalue() == ""


def test_a_closed_pipe_ends_quietly(corpus: Path) -> None:
    class Closed(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    code = main(files(corpus), stdout=Closed(), stderr=err)
    assert code == 1 and err.getvalue() == ""


def test_many_inputs_with_processes(tmp_path: Path) -> None:
    """Chunks of several documents per worker, still in order."""
    names = []
    for i in range(40):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(list(TEXTS.values())[i % len(TEXTS)], encoding="utf-8")
        names.append(str(path))
    serial, parallel = run(names), run(["-j", "2", *names])
    assert serial == parallel and serial[0] == 0
    assert sources(parallel[1]) == sorted(sources(parallel[1]))
    assert os.cpu_count()  # -1 is every core
    assert run(["-j", "-1", *names]) == serial
