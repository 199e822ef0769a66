"""The signs of a probably wrong parse: one diagnostic each, with its own code, message and place."""

from __future__ import annotations

import pytest

import scio_transcripts as st

from ..conftest import DATA
from ..support.fixtures import read_fixture

TURNS = "Li Ming:\nThank you.\nChina Daily:\nWhat comes next?\nLi Ming:\nMore charging piles.\n"


def _found(text: str, **options: object) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in st.parse(text, **options).diagnostics]  # type: ignore[arg-type]


def test_a_summary_before_an_unlabelled_header_is_front_matter() -> None:
    """The header's shape alone (two "Name, title" lines) says where it starts; the prose above is a summary."""
    text = (
        "SCIO briefing on new energy vehicles\n"
        "The SCIO held a press conference on Monday on new energy vehicles.\n"
        "Mr. Li Ming, vice minister of industry and information technology\n"
        "Ms. Wang Fang, director of the Department of Equipment Industry\n"
        "June 12, 2023\n" + TURNS
    )
    briefing = st.parse(text, strict=True)
    assert [note.kind for note in briefing.notes] == ["summary", "header-date"]
    assert [person.name for person in briefing.speakers] == ["Li Ming", "Wang Fang"]
    assert briefing.chairperson is None  # nobody is set apart: the chair's block is missing


def test_a_header_read_as_speech_is_named_where_it_starts() -> None:
    """Far below the top (past where a summary may stand), a block of "Name, title" lines is speech
    to the grammar; the diagnostic says it reads like a header."""
    prose = "The officials spoke at length about the programme and what it has achieved so far.\n" * 60
    text = prose + "Mr. Li Ming, vice minister of industry\nMs. Wang Fang, director of the Department\n" + TURNS
    assert ("header-as-speech", 61, 1) in _found(text)


def test_a_news_summary_above_the_first_label_is_front_matter() -> None:
    """With no header, one sentence about the briefing in the third person, or one ending in a glued
    publication date, is a summary: nobody said it at the briefing."""
    for summary in (
        "The SCIO held a press conference on Monday on new energy vehicles.",
        "Officials briefed the media on the rural roads programme.  \u00a02023-06-12 10:30",
    ):
        briefing = st.parse(summary + "\n" + TURNS)
        assert [note.kind for note in briefing.notes] == ["summary"]
        assert [turn.label for turn in briefing.turns] == ["Li Ming", "China Daily", "Li Ming"]
        assert "summary-as-speech" not in [diagnostic.code for diagnostic in briefing.diagnostics]


def test_a_news_summary_below_the_header_is_named() -> None:
    """Below a header the prose before the first label is speech to the grammar; the diagnostic says it
    reads like a news summary."""
    header = "Speakers:\nMr. Li Ming, vice minister of commerce\nDate:\nJune 12, 2023\n"
    text = header + "The SCIO held a press conference on Monday on new energy vehicles.\n" + TURNS
    assert ("summary-as-speech", 5, 1) in _found(text)
    message = next(d.message for d in st.parse(text).diagnostics if d.code == "summary-as-speech")
    assert message.startswith("The speech before the first label reads like a news summary")


def test_speech_before_the_first_label_on_a_continuation_page_is_not_a_summary() -> None:
    """The end of an answer carried over from the page before is speech, and says nothing odd."""
    text = read_fixture(DATA / "valid" / "excerpt" / "continuation_mid_answer.txt")
    assert [code for code, *_ in _found(text)] == []


def test_a_header_whose_people_never_speak_is_named_at_its_first_person() -> None:
    text = (
        "Speakers:\nMr. Li Ming, vice minister of commerce\nChairperson:\nMs. Lu Yan, spokesperson of the SCIO\n"
        "Date:\nJune 12, 2023\nChina Daily:\nWhat comes next?\nReuters:\nAnd after that?\n"
    )
    assert _found(text) == [("silent-header", 2, 1)]
    assert "No speaker label names anyone of the header's 2 people" in st.parse(text).diagnostics[0].message


def test_labels_that_name_nobody_are_named_at_the_first_of_them() -> None:
    text = "China Daily:\nWhat comes next?\nZhao Lei:\nMore of the same.\nQian Bo:\nI agree.\n"
    assert _found(text) == [("unknown-speakers", 3, 1)]
    assert st.parse(text).diagnostics[0].message == "Most speaker labels (2 of 3) name nobody the page introduces"


def test_half_the_labels_known_is_not_most_unknown() -> None:
    assert _found("China Daily:\nWhat comes next?\nZhao Lei:\nMore of the same.\n") == []


def test_a_header_without_a_date_is_named_at_its_first_entry() -> None:
    text = "Speakers:\nMr. Li Ming, vice minister of commerce\n" + TURNS
    assert _found(text) == [("no-date", 2, 1)]


def test_text_with_no_header_and_no_label_is_not_a_briefing() -> None:
    text = "\n\nThe weather was fine and the river was calm all week.\nNobody came.\n"
    assert _found(text) == [("no-briefing", 3, 1)]
    with pytest.raises(st.ParseError, match=r"Expected a briefing: found no header and no speaker label \(at line 3"):
        st.parse(text, strict=True)


def test_an_empty_page_has_no_diagnostic() -> None:
    """There is nothing to judge; whoever read the file reports an empty one (EmptyFileError)."""
    assert _found("") == []
    assert _found(" \n\u3000\n") == []


def test_ignore_silences_one_code_in_both_modes() -> None:
    text = "Speakers:\nMr. Li Ming, vice minister of commerce\n" + TURNS
    assert _found(text, ignore={"no-date"}) == []
    assert st.parse(text, strict=True, ignore=["no-date"]).speakers[0].name == "Li Ming"
    assert _found(text, ignore="no-date") == []  # one code as a plain string is one code, not its letters


def test_every_code_given_is_documented() -> None:
    """Each diagnostic of every fixture has a code that diagnostic_codes() explains."""
    from ..support.fixtures import every_fixture

    codes = {
        diagnostic.code
        for dialect, path in every_fixture()
        for diagnostic in st.parse(read_fixture(path), dialect=dialect).diagnostics
    }
    assert codes <= set(st.diagnostic_codes())
    assert "unspecified" not in codes
