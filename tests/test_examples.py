"""The scripts in examples/ run as documented and print what they say they print.

Each runs as ``python examples/<name>.py`` in a subprocess from the repository root, the way
a user runs it. The plugin package is tested twice: through the entry-point machinery in this
process (always), and installed with pip into a throw-away virtual environment (when the
hatchling build backend is available offline).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from diplo_events import Pipeline, extractor_registry
from diplo_events.export import RECORD_FIELDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PLUGIN = EXAMPLES / "plugin_package"
CORPUS = EXAMPLES / "corpus"
TIMEOUT = 180


def run_example(name: str, *args: str, env: dict[str, str] | None = None, python: str = sys.executable) -> str:
    proc = subprocess.run(
        [python, str(EXAMPLES / name), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=False,
        env={**os.environ, **(env or {})},
    )
    assert proc.returncode == 0, f"{name} failed:\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr
    return proc.stdout


def test_the_corpus_is_named_by_publication_date() -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    assert 6 <= len(paths) <= 10
    for path in paths:
        assert path.name[4] == path.name[7] == "-" and path.name[10] == "_", path.name
        assert path.read_text(encoding="utf-8").strip()


def test_custom_extractor() -> None:
    out = run_example("custom_extractor.py")
    assert "example.signing.v1" in out


def test_custom_gazetteer_uses_aliases_and_dated_tenures() -> None:
    out = run_example("custom_gazetteer.py")
    mine = [line.split("mine:", 1)[1].strip() for line in out.splitlines() if "mine:" in line]
    builtin = [line.split("built-in:", 1)[1].strip() for line in out.splitlines() if "built-in:" in line]
    assert mine == ["meeting NGA GHA", "meeting SLE LBR", "meeting AU LBR", "suspension BOL -> PRY", "(no event)"]
    assert set(builtin) == {"(no event)"}


def test_corpus_run_writes_jsonl_and_csv(tmp_path: Path) -> None:
    out = run_example("corpus_run.py", str(tmp_path / "out"))
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == RECORD_FIELDS
    assert len(events) == len(rows) >= len(list(CORPUS.glob("*.txt")))
    assert [e["source"] for e in events] == [r["doc_id"] for r in rows]
    assert {e["type"] for e in events} == {"meeting", "suspension", "support_pledge"}
    assert f"{len(list(CORPUS.glob('*.txt')))} articles, {len(events)} events" in out
    assert "\r" not in out  # the progress bar is for terminals only


def test_events_dataframe_saves_a_png(tmp_path: Path) -> None:
    png = tmp_path / "plot.png"
    out = run_example("events_dataframe.py", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 5000
    assert f"plot: {png} ({png.stat().st_size} bytes)" in out
    header = out.splitlines()[0].split()
    assert header == ["published", "type", "event_type", "mode", "primary", "secondary", "date"]


def test_dask_equals_serial() -> None:
    out = run_example("dask_corpus.py")
    assert "cluster: 2 workers" in out
    assert "none of them this one" in out
    assert "dask == serial: True (8 files" in out


# -- the plugin package ------------------------------------------------------------------
def _declared_entry_points() -> dict[str, str]:
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))
    return project["project"]["entry-points"]["diplo_events.extractors"]


def _fake_install(site: Path) -> None:
    """What pip leaves for importlib.metadata: a .dist-info with the package's entry points."""
    info = site / "acme_events-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme_events\nVersion: 0.1.0\n", encoding="utf-8")
    lines = [f"{name} = {target}" for name, target in _declared_entry_points().items()]
    (info / "entry_points.txt").write_text("[diplo_events.extractors]\n" + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def acme_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _fake_install(tmp_path / "site")
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    yield tmp_path / "site"
    extractor_registry._items.pop("acme.expulsion.v1", None)  # noqa: SLF001  (forget the loaded plugin)
    sys.modules.pop("acme_events", None)


def test_the_plugin_declares_its_extractor() -> None:
    assert _declared_entry_points() == {"acme.expulsion.v1": "acme_events:ExpulsionExtractor"}


def test_the_plugin_is_found_by_its_entry_point_name(acme_installed: Path) -> None:
    assert "acme.expulsion.v1" in extractor_registry.names()
    pipeline = Pipeline.default(extractors=["acme.expulsion.v1"])
    events = pipeline.extract("Estonia expelled two Russian diplomats on Friday.", published="2024-05-14")
    assert [(e.type, e.extractor, [a.code for a in e.actors], [a.code for a in e.counterparts]) for e in events] == [
        ("suspension", "acme.expulsion.v1", ["EST"], ["RUS"]),
    ]


def test_use_plugin_example(acme_installed: Path) -> None:
    path = os.pathsep.join([str(acme_installed), str(PLUGIN / "src")])
    out = run_example("use_plugin.py", env={"PYTHONPATH": path})
    assert "pipeline:  diplo_events.suspension.v1 -> acme.expulsion.v1" in out
    assert "acme.expulsion.v1            SANCTION mode=expel GTM -> CAN" in out


def test_use_plugin_says_how_to_install_it_when_missing() -> None:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "use_plugin.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )
    if proc.returncode == 0:
        pytest.skip("acme_events is installed in this environment")
    assert proc.returncode == 1
    assert proc.stderr.strip() == "acme.expulsion.v1 is not installed: run `pip install examples/plugin_package` first"


@pytest.mark.skipif(importlib.util.find_spec("hatchling") is None, reason="needs the hatchling build backend to build offline")
def test_plugin_installed_with_pip_into_a_new_venv(tmp_path: Path) -> None:
    """The real thing: pip builds the plugin with hatchling and installs it in a fresh venv,
    which sees this environment's packages (diplo_events, pip, hatchling) through a .pth."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=TIMEOUT)
    python = str(venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True, timeout=TIMEOUT,
    ).stdout.strip()
    here = sysconfig.get_paths()["purelib"]
    (Path(site) / "outer_env.pth").write_text(f"import site; site.addsitedir({here!r})\n", encoding="utf-8")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--disable-pip-version-check", str(PLUGIN)],
        cwd=tmp_path, check=True, capture_output=True, timeout=TIMEOUT,
    )
    assert (Path(site) / "acme_events").is_dir()
    out = run_example("use_plugin.py", python=python)
    assert "acme.expulsion.v1            SANCTION mode=expel GTM -> CAN" in out
