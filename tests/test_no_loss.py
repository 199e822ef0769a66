"""Nothing lost: every visible character of a page lies in exactly one element of its parse."""

from __future__ import annotations

from pathlib import Path

import pytest

import scio_transcripts as st

from .conftest import DATA, SEED, needs_shared
from .support.fixtures import invalid_fixtures, read_fixture, valid_fixtures
from .support.leaves import coverage_problems, leaf_spans

PAGES = [pytest.param(SEED, marks=needs_shared, id=SEED.name), *valid_fixtures(), *invalid_fixtures()]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name if p == SEED else str(p.relative_to(DATA)))
def test_every_character_is_in_one_element(path: Path) -> None:
    """Each non-whitespace character of the seed and of every fixture is covered exactly once."""
    text = read_fixture(path)
    assert coverage_problems(text, st.parse(text)) == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name if p == SEED else str(p.relative_to(DATA)))
def test_text_elements_slice_back(path: Path) -> None:
    """Paragraphs, notes and fragments are exactly the source text under their spans."""
    text = read_fixture(path)
    briefing = st.parse(text)
    elements: list[st.Paragraph | st.Note | st.Fragment] = [p for t in briefing.turns for p in t.paragraphs]
    elements += [*briefing.notes, *briefing.unparsed]
    for element in elements:
        assert text[element.span.start : element.span.end] == element.text
    assert len(leaf_spans(briefing)) > 0
