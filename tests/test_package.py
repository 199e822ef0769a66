"""The package as users get it: the facade, the shipped grammar, the wheel, the demo."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import scio_transcripts as st
from scio_transcripts import demo

from .conftest import REPO, SEED


def test_facade_exports_exactly_all() -> None:
    """Every name in __all__ resolves (outputs load lazily), and the facade exports nothing else public."""
    assert all(getattr(st, name, None) is not None for name in st.__all__)
    public = {name for name in dir(st) if not name.startswith("_")}
    assert public - set(st.__all__) <= {"models", "demo", "cli", "TYPE_CHECKING"}


def test_import_loads_no_output_dependency() -> None:
    """`import scio_transcripts` imports neither cattrs, click, tqdm, pandas nor the output modules."""
    heavy = ["cattrs", "click", "tqdm", "pandas", "pyarrow", "scio_transcripts._json", "scio_transcripts._tables"]
    script = f"import sys, scio_transcripts; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_models_import_nothing_of_the_package() -> None:
    """Models hold data only: they import no other module of the package."""
    tree = ast.parse((REPO / "scio_transcripts" / "models.py").read_text(encoding="utf-8"))
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert [module for module in imported if module and not module.startswith(("__future__", "attrs"))] == []


def test_wheel_ships_the_grammar_and_parses_the_seed(tmp_path: Path) -> None:
    """A built wheel carries the .lark files, the JSON Schema and the console script, and parses the seed."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("scio_transcripts-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "scio_transcripts/grammar/scio_en.lark" in names
    assert "scio_transcripts/samples/sample_briefing.txt" in names
    assert "scio_transcripts/py.typed" in names
    assert "scio_transcripts/schema/briefing.schema.json" in names
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    assert "scio-transcripts = scio_transcripts.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    script = (
        "import scio_transcripts as st, sys; b = st.parse_file(sys.argv[1]); "
        "assert st.__file__.startswith(sys.argv[2]), st.__file__; print(len(b.turns))"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(unpacked)!r}); {script}",
            str(SEED),
            str(unpacked),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.stdout.strip() == "24"


def test_demo_summarizes_the_sample(capsys: object) -> None:
    """The demo prints the sample's title, people and one line per turn."""
    briefing = st.parse(demo.sample_text())
    summary = demo.summarize(briefing)
    assert briefing.diagnostics == ()
    assert summary.splitlines()[0] == f"Title:        {briefing.title}"
    assert sum(1 for line in summary.splitlines() if line.lstrip()[:1].isdigit() and ". p" in line) == len(
        briefing.turns
    )
    assert all(person.name in summary for person in briefing.speakers)
