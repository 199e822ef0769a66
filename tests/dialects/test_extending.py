"""The worked example of docs/extending.md runs as written, so the guide cannot rot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import scio_transcripts as st
from scio_transcripts.dialects.dialect import _registered

from ..conftest import REPO

GUIDE = REPO / "docs" / "extending.md"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.fixture
def guide_folder(tmp_path: Path) -> Path:
    """The guide's grammar file, written where its Python expects it."""
    (grammar,) = _blocks("lark")
    (tmp_path / "venue.lark").write_text(grammar, encoding="utf-8")
    return tmp_path


def test_the_extension_guide_runs(guide_folder: Path) -> None:
    """The guide's page fails without the dialect, and parses strictly with the Venue: field kept."""
    (page,) = _blocks("text")
    namespace: dict[str, object] = {"__file__": str(guide_folder / "venue_dialect.py"), "ANHUI_PAGE": page}
    try:
        for code in _blocks("python"):
            exec(compile(code, str(GUIDE), "exec"), namespace)  # the guide's code, as written
    finally:
        _registered.pop("scio-en-venue", None)
    briefing = namespace["briefing"]
    assert isinstance(briefing, st.Briefing)
    (venue,) = briefing.fields
    assert (venue.name, venue.value) == ("venue", "Press hall of the State Council Information Office")
    assert page[venue.span.start : venue.span.end] == venue.value
    assert st.from_json(st.to_json(briefing)) == briefing  # a dialect's field survives JSON


def test_without_the_dialect_the_field_is_a_strict_error() -> None:
    """The shipped grammar alone does not know the field: strict mode names the problem."""
    (page,) = _blocks("text")
    with pytest.raises(st.ParseError, match="Expected a speaker label before the speech"):
        st.parse(page, strict=True)
