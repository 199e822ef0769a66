"""Every fixture parses to the facts written for it by hand, before the parser ran on it.

A failure prints each field that differs, one turn per line. When one fails, decide from the text and
the conventions (``shared/FORMATS.md`` section 10) which of the two is wrong: fix the parser, or correct
the facts file and say why in the commit. Never rewrite a facts file from the parser's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scio_transcripts as st
from scio_transcripts.demo import sample_text

from .conftest import DATA
from .support.facts import differences, facts_of, read_facts
from .support.fixtures import every_fixture, facts_path, read_fixture

FIXTURES = every_fixture()
SAMPLE_FACTS = DATA / "sample" / "sample_briefing.facts.json"


def _id(entry: tuple[str, Path]) -> str:
    return str(entry[1].relative_to(DATA).with_suffix(""))


@pytest.mark.parametrize("entry", FIXTURES, ids=_id)
def test_fixture_parses_to_its_facts(entry: tuple[str, Path]) -> None:
    """Title, date, people, every turn's label and role, and the number of exchanges are as written."""
    dialect, path = entry
    found = differences(read_facts(facts_path(path)), facts_of(st.parse(read_fixture(path), dialect=dialect)))
    assert not found, "\n".join([f"{path.name} differs from its facts file:", *found])


def test_every_fixture_has_a_facts_file() -> None:
    """No fixture without hand-written expected facts."""
    assert [str(path) for _, path in FIXTURES if not facts_path(path).is_file()] == []


def test_the_sample_parses_to_its_facts() -> None:
    """The bundled sample, which the batch, CLI and output tests run on, is what its facts file says."""
    briefing = st.parse(sample_text())
    assert differences(read_facts(SAMPLE_FACTS), facts_of(briefing)) == []
    counts = json.loads(SAMPLE_FACTS.read_text(encoding="utf-8"))
    assert len(briefing.page_breaks) == counts["page_breaks"]
    assert sum(len(turn.paragraphs) for turn in briefing.turns) == counts["paragraphs"]
    assert len(briefing.related) == counts["related"]


def test_a_wrong_fact_is_reported_by_field_and_turn() -> None:
    """The comparison itself can fail, and says where."""
    expected = read_facts(SAMPLE_FACTS)
    wrong = {**expected, "title": "not the title", "turns": [{"label": "Nobody", "role": "unknown"}]}
    found = differences(wrong, expected)
    assert found[0].startswith("title: expected 'not the title'")
    assert any(line.startswith("turns[0]: expected {'label': 'Nobody'") for line in found)
