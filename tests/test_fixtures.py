"""Golden fixtures: one small page per shape of the format catalogue, and the strict errors of bad pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scio_transcripts as st

from .conftest import DATA
from .support.fixtures import invalid_fixtures, read_fixture, snapshot_path, valid_fixtures
from .support.snapshot import snapshot

VALID = valid_fixtures()
INVALID = invalid_fixtures()


def _id(path: Path) -> str:
    return str(path.relative_to(DATA).with_suffix(""))


@pytest.mark.parametrize("path", VALID, ids=_id)
def test_valid_fixture_matches_its_snapshot(path: Path) -> None:
    """The lenient parse of each fixture is exactly its regression snapshot."""
    expected = json.loads(snapshot_path(path).read_text(encoding="utf-8"))
    assert snapshot(st.parse(read_fixture(path))) == expected


@pytest.mark.parametrize("path", VALID, ids=_id)
def test_valid_fixture_strict_agrees_or_explains(path: Path) -> None:
    """Strict mode equals lenient mode when nothing was worked around, else raises the first diagnostic."""
    text = read_fixture(path)
    lenient = st.parse(text)
    if lenient.diagnostics:
        with pytest.raises(st.ParseError) as raised:
            st.parse(text, strict=True)
        first = lenient.diagnostics[0]
        assert (raised.value.message, raised.value.line, raised.value.column) == (
            first.message,
            first.span.line,
            first.span.column,
        )
    else:
        assert st.parse(text, strict=True) == lenient


@pytest.mark.parametrize("path", INVALID, ids=_id)
def test_invalid_fixture_error_message(path: Path) -> None:
    """Strict mode rejects each invalid fixture with exactly the pinned message, position and caret."""
    expected = path.with_suffix(".error").read_text(encoding="utf-8").rstrip("\n")
    with pytest.raises(st.ParseError) as raised:
        st.parse(read_fixture(path), strict=True)
    assert str(raised.value) == expected


@pytest.mark.parametrize("path", INVALID, ids=_id)
def test_invalid_fixture_lenient_keeps_everything(path: Path) -> None:
    """Lenient mode never raises on an invalid fixture and reports what it worked around."""
    briefing = st.parse(read_fixture(path))
    assert briefing.diagnostics


def test_every_fixture_has_its_snapshot_or_error() -> None:
    """No fixture text without its regression snapshot, no invalid fixture without its pinned error."""
    assert [p for p in VALID if not snapshot_path(p).is_file()] == []
    assert [p for p in INVALID if not p.with_suffix(".error").is_file()] == []


def test_every_note_kind_a_fixture_gives_is_a_known_one() -> None:
    """What ``note_kinds()`` lists is every kind the fixtures of every dialect produce."""
    from .support.fixtures import every_fixture

    found = {
        note.kind for dialect, path in every_fixture() for note in st.parse(read_fixture(path), dialect=dialect).notes
    }
    assert found <= set(st.note_kinds())
