"""The package as users get it: the facade, the shipped grammar, the wheel, the demo."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import scio_transcripts as st
from scio_transcripts import demo

from .conftest import REPO, SEED, needs_shared


def test_facade_exports_exactly_all() -> None:
    """Every name in __all__ resolves (outputs load lazily), and the facade exports nothing else public."""
    assert all(getattr(st, name, None) is not None for name in st.__all__)
    public = {name for name in dir(st) if not name.startswith("_")}
    rooms = {"models", "demo", "cli", "engine", "resolve", "outputs", "html", "TYPE_CHECKING"}
    assert public - set(st.__all__) <= rooms


def test_import_loads_no_output_dependency() -> None:
    """`import scio_transcripts` imports neither cattrs, click, tqdm, pandas, selectolax nor the output or
    page-reading modules."""
    outputs = [f"scio_transcripts.outputs.{name}" for name in ("json", "schema", "tables", "tei", "convokit", "files")]
    heavy = ["cattrs", "click", "tqdm", "pandas", "pyarrow", "selectolax", "scio_transcripts.html", *outputs]
    script = f"import sys, scio_transcripts; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_models_import_nothing_of_the_package() -> None:
    """Models hold data only: they import no other module of the package."""
    tree = ast.parse((REPO / "scio_transcripts" / "models.py").read_text(encoding="utf-8"))
    imported = ["." * node.level + (node.module or "") for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert [module for module in imported if module.startswith((".", "scio_transcripts"))] == []


def test_outputs_import_only_models_and_each_other() -> None:
    """Outputs take models and give text: no output module imports lark or any other module of the package."""

    def allowed(module: str) -> bool:
        if module.startswith(".."):
            return module == "..models"
        if module.startswith("."):
            return True  # another output module
        if module.split(".")[0] == "scio_transcripts":
            return module == "scio_transcripts.models" or module.startswith("scio_transcripts.outputs")
        return module.split(".")[0] != "lark"

    for path in sorted((REPO / "scio_transcripts" / "outputs").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [
            "." * node.level + (node.module or "") for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        ]
        assert [module for module in imported if not allowed(module)] == [], path.name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built as a wheel, as users install it."""
    folder = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder)]
    subprocess.run([*command, str(REPO)], check=True)
    (built,) = folder.glob("scio_transcripts-*.whl")
    return built


def _run_from_wheel(wheel: Path, tmp_path: Path, script: str, *arguments: str) -> str:
    """Run ``script`` in a fresh interpreter that imports the package from the unpacked wheel only."""
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    prelude = f"import sys\nsys.path.insert(0, {str(unpacked)!r})\nimport scio_transcripts as st\n"
    prelude += f"assert st.__file__.startswith({str(unpacked)!r}), st.__file__\n"
    result = subprocess.run(
        [sys.executable, "-I", "-c", prelude + script, *arguments],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    return result.stdout.strip()


def test_wheel_ships_the_grammars_schema_and_script(wheel: Path) -> None:
    """A built wheel carries the grammars and their tables, the sample, the JSON Schema and the console script."""
    names = zipfile.ZipFile(wheel).namelist()
    for grammar in ("scio_en", "scio_zh", "mfa_en"):
        assert f"scio_transcripts/grammar/{grammar}.lark" in names
        assert f"scio_transcripts/grammar/{grammar}.tables.json" in names
    assert "scio_transcripts/samples/sample_briefing.txt" in names
    assert "scio_transcripts/py.typed" in names
    assert "scio_transcripts/schema/briefing.schema.json" in names
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    assert "scio-transcripts = scio_transcripts.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@needs_shared
def test_wheel_parses_the_seed(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel, the package parses the seed."""
    script = "print(len(st.parse_file(sys.argv[1]).turns))"
    assert _run_from_wheel(wheel, tmp_path, script, str(SEED)) == "24"


def test_user_grammar_imports_the_shipped_one_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    """A user's grammar that %imports scio_en compiles against the installed wheel, not the source tree."""
    (tmp_path / "venue.lark").write_text(
        "%import scio_en (start, _header_item)\n"
        "%extend _header_item: venue\n"
        "venue: VENUE_HEADING\n"
        "VENUE_HEADING.7: /Venue\\s*[:：][^\\n]*/\n",
        encoding="utf-8",
    )
    script = (
        "from pathlib import Path\n"
        "class Venue(st.Dialect):\n"
        "    name = 'venue'\n"
        "    grammar = 'venue.lark'\n"
        "    grammar_folder = Path(sys.argv[1])\n"
        "st.register_dialect(Venue())\n"
        "b = st.parse('Date:\\nMay 3, 2024\\nVenue: Hall 2\\nCCTV:\\nA question?\\n', dialect='venue', strict=True)\n"
        "print([note.kind for note in b.notes], b.turns[0].label)\n"
    )
    output = _run_from_wheel(wheel, tmp_path, script, str(tmp_path))
    assert output == "['heading', 'header-date', 'venue'] CCTV"


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
