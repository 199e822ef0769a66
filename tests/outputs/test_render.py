"""``render`` writes each dialect's own page, so every fixture of every dialect survives a round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scio_transcripts as st

from ..support.fixtures import every_fixture, read_fixture


def _content(briefing: st.Briefing) -> tuple[Any, ...]:
    """What a reader of the page sees: title, date, people, every turn's label, role, page and paragraphs."""
    chair = briefing.chairperson
    return (
        briefing.title,
        briefing.date,
        [(person.name, person.title) for person in briefing.speakers],
        (chair.name, chair.title) if chair else None,
        [(turn.label, turn.role, turn.page, [p.text for p in turn.paragraphs]) for turn in briefing.turns],
        briefing.credits,
    )


@pytest.mark.parametrize("entry", every_fixture(), ids=lambda entry: f"{entry[0]}/{entry[1].stem}")
def test_every_fixture_survives_render_and_parse_in_its_dialect(entry: tuple[str, Path]) -> None:
    dialect, path = entry
    briefing = st.parse(read_fixture(path), dialect=dialect)
    again = st.parse(st.render(briefing), dialect=briefing.dialect)
    assert _content(again) == _content(briefing)


def test_a_chinese_page_renders_no_english_header() -> None:
    page = (
        "国务院新闻办公室于2023年3月16日（星期四）上午10时举行新闻发布会，"
        "请交通运输部副部长李明介绍有关情况，并答记者问。\n李明：\n谢谢。\n"
    )
    rendered = st.render(st.parse(page))
    assert "Speakers:" not in rendered
    assert rendered.startswith("国务院新闻办公室于2023年3月16日")
