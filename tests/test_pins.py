"""Behaviours a review once broke, one at a time, without any test noticing: each is pinned here.

Each test is the smallest page that shows the behaviour, and says in its docstring which small change
of the code it catches. ``make mutants`` plants those changes and checks that the suite fails.
"""

from __future__ import annotations

import pytest

import scio_transcripts as st

HEADER = """SCIO briefing on river freight
Speakers:
Mr. Ren Bo, vice minister of transport
Ms. Ren Hui, director general of the Department of Water Transport
Chairperson:
Ms. Lu Yan, spokesperson of the SCIO
Date:
May 9, 2024
"""


def _labels_and_roles(briefing: st.Briefing) -> list[tuple[str | None, str]]:
    return [(turn.label, turn.role.value) for turn in briefing.turns]


def test_a_transcript_marker_is_a_note_not_a_turn() -> None:
    """ "Transcript:" announces the speech; it outranks a speaker label (TRANSCRIPT_MARKER's priority)."""
    briefing = st.parse(HEADER + "Transcript:\nLu Yan:\nGood morning.\n")
    assert _labels_and_roles(briefing) == [("Lu Yan", "chairperson")]
    assert [(note.kind, note.text) for note in briefing.notes if note.kind == "transcript-marker"] == [
        ("transcript-marker", "Transcript:")
    ]


def test_an_author_line_is_site_chrome_not_a_turn() -> None:
    """ "Author: Li Wei" is the site's byline; it outranks a label with speech (SITE_CHROME's priority)."""
    briefing = st.parse("Author: Li Wei\n" + HEADER + "Lu Yan:\nGood morning.\n")
    assert _labels_and_roles(briefing) == [("Lu Yan", "chairperson")]
    assert ("site-chrome", "Author: Li Wei") in [(note.kind, note.text) for note in briefing.notes]


def test_a_turn_is_on_the_page_of_its_label() -> None:
    """A page break between a label and its first paragraph leaves the turn on the label's page."""
    briefing = st.parse(HEADER + "Lu Yan:\nGood morning.\nRen Bo:\n_ueditor_page_break_tag_\nThank you.\n")
    assert [(turn.label, turn.page) for turn in briefing.turns] == [("Lu Yan", 1), ("Ren Bo", 1)]
    assert briefing.page_count == 2


def test_a_surname_two_header_people_share_names_nobody() -> None:
    """ "Ren:" could be Ren Bo or Ren Hui: the turn is unknown, never the first of the two."""
    briefing = st.parse(HEADER + "Lu Yan:\nGood morning.\nRen:\nThank you.\nLu:\nNext question.\n")
    assert _labels_and_roles(briefing) == [("Lu Yan", "chairperson"), ("Ren", "unknown"), ("Lu", "chairperson")]
    assert briefing.turns[1].speaker is None


def test_a_two_letter_outlet_is_a_journalist() -> None:
    """ "AP:" is the Associated Press: a journalist asking, with the outlet kept."""
    briefing = st.parse(HEADER + "Lu Yan:\nGood morning.\nAP:\nWhen will the locks open?\nRen Bo:\nNext spring.\n")
    assert _labels_and_roles(briefing)[1] == ("AP", "journalist")
    assert briefing.turns[1].outlet == "AP"


def test_a_question_word_is_a_journalist_without_an_outlet() -> None:
    """ "Q:" and "Reporter:" ask without naming the outlet: journalists, with no outlet."""
    briefing = st.parse(HEADER + "Lu Yan:\nGood morning.\nQ:\nWhen?\nRen Bo:\nSoon.\nReporter:\nWhere?\n")
    assert [
        (turn.label, turn.role.value, turn.outlet) for turn in briefing.turns if turn.label in ("Q", "Reporter")
    ] == [
        ("Q", "journalist", None),
        ("Reporter", "journalist", None),
    ]


def test_a_ministry_answer_labelled_with_the_spokespersons_surname_is_the_spokesperson() -> None:
    """On a Foreign Ministry page "Wang:" answers: the spokesperson named in the title, who chairs."""
    text = (
        "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 9, 2024\n"
        "China Daily: What is your comment?\n"
        "Wang: We have noted the reports.\n"
        "Wang Wenbin: That concludes today's press conference.\n"
    )
    briefing = st.parse(text, dialect="mfa-en")
    assert briefing.chairperson is not None
    assert briefing.chairperson.name == "Wang Wenbin"
    assert _labels_and_roles(briefing) == [
        ("China Daily", "journalist"),
        ("Wang", "chairperson"),
        ("Wang Wenbin", "chairperson"),
    ]
    assert briefing.turns[1].speaker == briefing.chairperson


def test_ignore_refuses_a_code_that_does_not_exist() -> None:
    """A misspelt code would silence nothing; it is refused with the known codes listed."""
    with pytest.raises(ValueError, match=r"unknown diagnostic code 'no-dates'; known: .*\bno-date\b"):
        st.parse("text", ignore={"no-dates"})


def test_a_parse_leaves_the_garbage_collector_as_it_found_it() -> None:
    """The collector is suspended during a parse only: on after it, off if it was off, on after an error."""
    import gc

    assert gc.isenabled()
    st.parse("Li Ming:\nHello.\n")
    assert gc.isenabled()
    with pytest.raises(st.ParseError):
        st.parse("Speakers:\n", strict=True)
    assert gc.isenabled()
    gc.disable()
    try:
        st.parse("Li Ming:\nHello.\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
