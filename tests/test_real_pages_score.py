"""The real-page scorer (``bench/real-pages/score.py``) scores what it is given and counts what goes wrong.

The real pages themselves are not in the repository; these tests feed it fixtures and their
hand-written facts, in the shape of ``facts.jsonl``.
"""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import DATA

SCORE = Path(__file__).resolve().parents[1] / "bench" / "real-pages" / "score.py"
FIXTURE = DATA / "valid" / "header" / "summary_before_unlabelled_header"


def _main() -> Any:
    return runpy.run_path(str(SCORE))["main"]


def _facts_line(page_id: str, facts: dict[str, Any]) -> str:
    """A ``facts.jsonl`` line made from a fixture's hand-written facts file."""
    return json.dumps(
        {
            "id": page_id,
            "dialect": "scio-en",
            "title": facts["title"],
            "date": facts["date"],
            "speakers": [person["name"] for person in facts["speakers"]],
            "chairperson": facts["chairperson"]["name"] if facts["chairperson"] else None,
            "labels": [turn["label"] for turn in facts["turns"] if turn["label"] is not None],
            "doubts": [],
        }
    )


def _setup(tmp_path: Path, facts: dict[str, Any]) -> list[str]:
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(FIXTURE.with_suffix(".txt"), texts / "page-1.txt")
    lines = [_facts_line("page-1", facts), _facts_line("page-missing", facts)]
    (tmp_path / "facts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["--texts", str(texts), "--facts", str(tmp_path / "facts.jsonl")]


def test_a_page_that_parses_to_its_facts_scores_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = json.loads(FIXTURE.with_suffix(".facts.json").read_text(encoding="utf-8"))
    assert _main()(_setup(tmp_path, facts)) == 0
    out = capsys.readouterr().out
    assert "scio-en        1     5 of 5     1.000" in out
    assert "crashes: 0; pages losing text: 0; pages without a saved text: 1" in out


def test_a_wrong_fact_is_counted_and_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = json.loads(FIXTURE.with_suffix(".facts.json").read_text(encoding="utf-8"))
    facts["chairperson"] = {"name": "Somebody Else"}
    _main()([*_setup(tmp_path, facts), "--show-misses"])
    out = capsys.readouterr().out
    assert "4 of 5" in out
    assert "page-1 chairperson: expected 'Somebody Else'" in out
