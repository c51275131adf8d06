"""The documentation stays true: committed schema, runnable examples, a strict site build.

Conventions in ``docs/*.md``:

- a fenced ``python`` block directly after a line ``<!-- run -->`` is executed, on its own, in a
  fresh namespace with the repository root as the working directory;
- a fenced block directly after a line ``<!-- output -->`` is what the last runnable block
  before it prints, exactly (trailing spaces aside);
- the fenced block after ``<!-- cli-help -->`` in ``cli.md`` is ``diplo-events --help``.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import diplo_events
from diplo_events import extractor_registry

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
RUN_MARK = "<!-- run -->"
OUTPUT_MARK = "<!-- output -->"
HELP_MARK = "<!-- cli-help -->"
_FENCE = re.compile(r"^(?P<fence>`{3,})(?P<lang>[\w-]*)\s*$")


@dataclass(frozen=True)
class Block:
    """A marked fenced block of a docs page."""

    page: str
    line: int  # 1-based line of the opening fence
    code: str
    expected_output: str | None  # what it prints, when the page shows it


def _fenced(lines: list[str], start: int, page: str) -> tuple[str, str, int]:
    """(language, body, index after the closing fence) of the fence opening at ``start``."""
    m = _FENCE.match(lines[start]) if start < len(lines) else None
    if m is None:
        pytest.fail(f"{page}:{start}: a marker must be directly followed by a fenced block")
    for end in range(start + 1, len(lines)):
        if lines[end].strip() == m.group("fence"):
            return m.group("lang"), "\n".join(lines[start + 1 : end]), end + 1
    pytest.fail(f"{page}:{start + 1}: unclosed fence")


def _blocks() -> list[Block]:
    assert DOCS.is_dir(), f"no docs/ next to tests/ in {ROOT}"
    blocks: list[Block] = []
    for path in sorted(DOCS.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            mark = lines[i].strip()
            if mark == RUN_MARK:
                lang, code, nxt = _fenced(lines, i + 1, path.name)
                assert lang == "python", f"{path.name}:{i + 2}: {RUN_MARK} marks a {lang or 'plain'} block"
                blocks.append(Block(path.name, i + 2, code, None))
                i = nxt
                continue
            if mark == OUTPUT_MARK:
                _, output, nxt = _fenced(lines, i + 1, path.name)
                assert blocks and blocks[-1].page == path.name, f"{path.name}:{i + 1}: output without a runnable block"
                last = blocks.pop()
                assert last.expected_output is None, f"{path.name}:{i + 1}: two outputs for one block"
                blocks.append(Block(last.page, last.line, last.code, output))
                i = nxt
                continue
            i += 1
    return blocks


BLOCKS = _blocks()


# -- the JSON Schema ------------------------------------------------------------------------
def test_committed_schema_is_current() -> None:
    committed = json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    assert committed == diplo_events.event_json_schema(), (
        "docs/schema.json is out of date with the models: regenerate it with "
        "`diplo-events schema > docs/schema.json` and note the change in CHANGELOG.md"
    )


# -- runnable examples ------------------------------------------------------------------------
def test_the_docs_have_runnable_examples() -> None:
    assert len(BLOCKS) >= 5, "the runnable-block markers are gone from docs/"


@pytest.mark.parametrize("block", BLOCKS, ids=[f"{b.page}:{b.line}" for b in BLOCKS])
def test_runnable_block(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    # examples may register extractors: keep the shared registry as it was (built-ins loaded)
    importlib.import_module("diplo_events.extractors")
    monkeypatch.setattr(extractor_registry, "_items", dict(extractor_registry._items))
    namespace = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block.code, f"docs/{block.page}:{block.line}", "exec"), namespace)  # noqa: S102
    if block.expected_output is not None:
        printed = [line.rstrip() for line in out.getvalue().rstrip("\n").splitlines()]
        shown = [line.rstrip() for line in block.expected_output.splitlines()]
        assert printed == shown, f"docs/{block.page}:{block.line} prints something else than the page shows"


# -- the command line page ------------------------------------------------------------------
def test_cli_page_shows_the_current_help() -> None:
    lines = (DOCS / "cli.md").read_text(encoding="utf-8").splitlines()
    assert HELP_MARK in lines, f"docs/cli.md lost its {HELP_MARK} block"
    _, shown, _ = _fenced(lines, lines.index(HELP_MARK) + 1, "cli.md")
    env = {**os.environ, "COLUMNS": "80"}  # argparse wraps to the terminal width
    proc = subprocess.run([sys.executable, "-m", "diplo_events", "--help"], capture_output=True, text=True, env=env, check=True)
    assert [line.rstrip() for line in proc.stdout.rstrip("\n").splitlines()] == [line.rstrip() for line in shown.splitlines()], (
        "docs/cli.md shows an old `diplo-events --help`: paste the current one (COLUMNS=80) and "
        "document the options that changed"
    )


# -- the site -------------------------------------------------------------------------------
def _have(*modules: str) -> bool:
    try:
        return all(importlib.util.find_spec(m) is not None for m in modules)
    except ModuleNotFoundError:  # a parent package is missing
        return False


@pytest.mark.skipif(not _have("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python"), reason="the docs extra is not installed")
def test_site_builds_strictly(tmp_path: Path) -> None:
    if not (ROOT / "mkdocs.yml").is_file():
        pytest.skip("no mkdocs.yml next to tests/ (not a checkout of the repository)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "schema.json").is_file()
