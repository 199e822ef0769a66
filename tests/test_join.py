"""``join_pages``: the pages a site split a briefing over, joined back into the briefing."""

from __future__ import annotations

from pathlib import Path

import pytest

import scio_transcripts as st

from .conftest import SAMPLE, SEED, needs_shared

MARKER = "_ueditor_page_break_tag_"


def _facts(briefing: st.Briefing) -> dict[str, object]:
    return {
        "title": briefing.title,
        "date": briefing.date,
        "speakers": [(p.name, p.title) for p in briefing.speakers],
        "chairperson": briefing.chairperson.name if briefing.chairperson else None,
        "turns": [(t.label, t.role, t.page, len(t.paragraphs)) for t in briefing.turns],
        "pages": briefing.page_count,
        "exchanges": [(e.question.label, [a.label for a in e.answers]) for e in briefing.exchanges()],
        "diagnostics": [d.code for d in briefing.diagnostics],
    }


def _cut_and_join(path: Path) -> tuple[st.Briefing, st.Briefing]:
    text = path.read_text(encoding="utf-8")
    whole = st.parse(text)
    pages = [st.parse(piece) for piece in text.split(MARKER)]
    return whole, st.join_pages(pages)


@needs_shared
def test_the_seed_cut_at_its_page_breaks_joins_back_into_the_whole() -> None:
    whole, joined = _cut_and_join(SEED)
    assert whole.page_count == 12
    assert _facts(joined) == _facts(whole)


def test_the_sample_cut_at_its_page_breaks_joins_back_into_the_whole() -> None:
    whole, joined = _cut_and_join(SAMPLE)
    assert whole.page_count > 1
    assert _facts(joined) == _facts(whole)


def test_every_span_says_which_page_it_points_into() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    pieces = text.split(MARKER)
    joined = st.join_pages([st.parse(piece) for piece in pieces])
    for turn in joined.turns:
        for paragraph in turn.paragraphs:
            source = pieces[paragraph.span.source]
            assert source[paragraph.span.start : paragraph.span.end] == paragraph.text


def test_a_continuation_page_continues_the_last_turn() -> None:
    first = st.parse(
        "SCIO briefing on ports\nSpeakers:\nMr. Li Ming, vice minister of transport\nDate:\nJune 1, 2023\n"
        "Xinhua:\nHow many ports?\nLi Ming:\nWe built ten"
    )
    second = st.parse("more ports this year.\nReuters:\nAnd roads?\nLi Ming:\nMore roads.\n")
    joined = st.join_pages([first, second])
    assert [(t.label, t.role.value, t.page) for t in joined.turns] == [
        ("Xinhua", "journalist", 1),
        ("Li Ming", "speaker", 1),
        ("Reuters", "journalist", 2),
        ("Li Ming", "speaker", 2),
    ]
    assert [p.text for p in joined.turns[1].paragraphs] == ["We built ten", "more ports this year."]
    assert [p.span.source for p in joined.turns[1].paragraphs] == [0, 1]


def test_nothing_to_join_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        st.join_pages([])
