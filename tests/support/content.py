"""The content of a parse: what must survive rendering, with positions and workarounds left out."""

from __future__ import annotations

import re
from typing import Any

import pytest

import scio_transcripts as st

# Notes that record where the header's headings stood or what lenient mode repaired; the canonical
# text writes its own headings and has nothing to repair.
REGENERATED_NOTES = frozenset({"heading", "header-date", "repeated-label"})


def person(value: st.Person | None) -> tuple[str, str | None, str | None] | None:
    return None if value is None else (value.name, value.honorific, value.title)


def content(briefing: st.Briefing) -> dict[str, Any]:
    """Every content field of a briefing, spans excluded."""
    return {
        "title": briefing.title,
        "date": briefing.date,
        "place": briefing.place,
        "time": briefing.time,
        "speakers": [person(p) for p in briefing.speakers],
        "chairperson": person(briefing.chairperson),
        "turns": [
            (turn.label, turn.role, person(turn.speaker), turn.outlet, turn.page, [p.text for p in turn.paragraphs])
            for turn in briefing.turns
        ],
        "page_count": briefing.page_count,
        "notes": [(note.kind, note.text) for note in briefing.notes if note.kind not in REGENERATED_NOTES],
        "credits": list(briefing.credits),
        "related": [(related.title, related.date) for related in briefing.related],
        "fields": [(field.name, field.value) for field in briefing.fields],
    }


def assert_strict_raises_the_first_diagnostic(text: str, **options: Any) -> None:
    """Strict parsing raises exactly when lenient parsing has a diagnostic, and then for the first one
    in source order, placed inside the input, in words a reader knows."""
    lenient = st.parse(text, **options)
    starts = [diagnostic.span.start for diagnostic in lenient.diagnostics]
    assert starts == sorted(starts), "diagnostics are not in source order"
    if not lenient.diagnostics:
        st.parse(text, strict=True, **options)
        return
    with pytest.raises(st.ParseError) as raised:
        st.parse(text, strict=True, **options)
    error, first = raised.value, lenient.diagnostics[0]
    assert (error.message, error.line, error.column, error.expected) == (
        first.message,
        first.span.line,
        first.span.column,
        first.expected,
    )
    assert 1 <= error.line <= len(_LINES.split(text))
    assert error.column >= 1
    # The message and the expected items are ours; the context line is the user's text, which may be anything.
    assert not _INTERNAL_NAME.search(" ".join([error.message, *error.expected])), str(error)


_LINES = re.compile(r"\r\n|\r|\n")
# Names of the grammar's terminals and rules: no message may show one.
_INTERNAL_NAME = re.compile(r"\b[A-Z]+_[A-Z_]+\b|__ANON|\$END")
