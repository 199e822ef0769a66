"""The real briefing of March 16, 2023: every fact a reader of the page can check, in both modes."""

from __future__ import annotations

import datetime

import pytest

import scio_transcripts as st

from .conftest import SEED, needs_shared

pytestmark = needs_shared

XING = "Xing Huina"
CAO, YUE, WANG, LI = "Cao Shumin", "Yue Zhongming", "Wang Xiaoguang", "Li Changxi"
CHAIR, SPEAKER, JOURNALIST = st.Role.CHAIRPERSON, st.Role.SPEAKER, st.Role.JOURNALIST

# (label, role, page) of every turn, read off the page by hand.
TURNS = [
    (XING, CHAIR, 1), (CAO, SPEAKER, 2), (XING, CHAIR, 3), ("Legal Daily", JOURNALIST, 3),
    (CAO, SPEAKER, 3), ("Thecover.cn", JOURNALIST, 4), (YUE, SPEAKER, 4), ("Red Star News", JOURNALIST, 5),
    (LI, SPEAKER, 5), ("CCTV", JOURNALIST, 6), (CAO, SPEAKER, 6), ("Southern Metropolis Daily", JOURNALIST, 7),
    (WANG, SPEAKER, 7), ("People.cn", JOURNALIST, 8), (LI, SPEAKER, 8), ("CRI", JOURNALIST, 9),
    (YUE, SPEAKER, 9), ("Science and Technology Daily", JOURNALIST, 10), (LI, SPEAKER, 10),
    ("Hong Kong Bauhinia Magazine", JOURNALIST, 11), (WANG, SPEAKER, 11), ("China Daily", JOURNALIST, 12),
    (CAO, SPEAKER, 12), (XING, CHAIR, 12),
]  # fmt: skip

SPEAKER_TITLES = [
    (CAO, "Ms.", "vice minister of the Cyberspace Administration of China (CAC)"),
    (
        YUE,
        "Mr.",
        "director of the Economic Law Department of the Legislative Affairs Commission of the Standing Committee "
        "of the National People's Congress",
    ),
    (
        WANG,
        "Mr.",
        "director general of the Bureau of Law Popularization and Rule of Law of the Ministry of Justice (MOJ)",
    ),
    (LI, "Mr.", "director general of the Bureau of Law-Based Cyberspace Governance of the CAC"),
]


@pytest.fixture(scope="module", params=[False, True], ids=["lenient", "strict"])
def seed(request: pytest.FixtureRequest) -> st.Briefing:
    assert SEED.is_file(), f"the shared seed briefing is missing at {SEED}"
    return st.parse_file(SEED, strict=request.param)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


def test_header_facts(seed: st.Briefing) -> None:
    """Date and title as the page states them: no title line, the header's date."""
    assert seed.date == datetime.date(2023, 3, 16)
    assert seed.title is None
    assert (seed.place, seed.time) == (None, None)


def test_speakers_take_the_labelled_list(seed: st.Briefing) -> None:
    """Four speakers once each, with Mr./Ms. and the titles of the labelled list."""
    assert [(p.name, p.honorific, p.title) for p in seed.speakers] == SPEAKER_TITLES


def test_chairperson(seed: st.Briefing) -> None:
    """The chair comes from the labelled list; the bare summary heading names nobody."""
    assert seed.chairperson is not None
    assert seed.chairperson.name == XING
    assert seed.chairperson.honorific == "Ms."
    assert seed.chairperson.title == (
        "deputy director general of the Press Bureau of the State Council Information Office (SCIO) "
        "and spokesperson of the SCIO"
    )


def test_turns_labels_roles_pages(seed: st.Briefing) -> None:
    """24 turns with their labels, roles and pages."""
    assert [(t.label, t.role, t.page) for t in seed.turns] == TURNS


def test_turn_speakers_and_outlets(seed: st.Briefing) -> None:
    """Officials resolve to header persons; journalists keep their outlet and no person."""
    for turn in seed.turns:
        if turn.role is JOURNALIST:
            assert (turn.speaker, turn.outlet) == (None, turn.label)
        else:
            assert turn.speaker is not None
            assert (turn.speaker.name, turn.outlet) == (turn.label, None)
    assert seed.turns[0].speaker == seed.chairperson


def test_paragraphs_pages_exchanges(seed: st.Briefing) -> None:
    """83 paragraphs, 11 page breaks, 12 pages, 10 question-and-answer exchanges."""
    assert sum(len(t.paragraphs) for t in seed.turns) == 83
    assert len(seed.page_breaks) == 11
    assert seed.page_count == 12
    exchanges = seed.exchanges()
    assert len(exchanges) == 10
    assert [e.question.label for e in exchanges] == [t[0] for t in TURNS if t[1] is JOURNALIST]
    assert all(len(e.answers) == 1 and e.answers[0].role is SPEAKER for e in exchanges)


def test_credits_and_related(seed: st.Briefing) -> None:
    """23 translators and editors; three related briefings with the dates glued after them."""
    assert len(seed.credits) == 23
    assert seed.credits[0] == "Zhu Bochen"
    assert seed.credits[-3:] == ("David Ball", "Tom Arnsten", "Jay Birbeck")
    assert [(r.title[:40], r.date) for r in seed.related] == [
        ("SCIO briefing on China's economic perfor", datetime.date(2023, 3, 15)),
        ("SCIO briefing on supporting the high-qua", datetime.date(2023, 3, 3)),
        ("SCIO briefing on taking new steps for hi", datetime.date(2023, 3, 2)),
    ]


def test_nothing_unplaced(seed: st.Briefing) -> None:
    """The seed parses cleanly: no fragments, no diagnostics."""
    assert seed.unparsed == ()
    assert seed.diagnostics == ()


def test_every_span_slices_back(seed: st.Briefing, seed_text: str) -> None:
    """Each element's span slices the file's text back to the element's own text."""

    def cut(span: st.Span) -> str:
        return seed_text[span.start : span.end]

    for turn in seed.turns:
        assert turn.label_span is not None
        assert cut(turn.label_span) == f"{turn.label}:"
        for paragraph in turn.paragraphs:
            assert cut(paragraph.span) == paragraph.text
        assert cut(turn.span).startswith(f"{turn.label}:")
        assert cut(turn.span).endswith(turn.paragraphs[-1].text)
    for note in seed.notes:
        assert cut(note.span) == note.text
    for person in (*seed.header_entries, seed.chairperson):
        assert person is not None
        assert person.name in cut(person.span)
        assert person.title is not None
        assert cut(person.span).endswith(person.title)
    assert all(cut(span) == "_ueditor_page_break_tag_" for span in seed.page_breaks)
    assert seed.credits_span is not None
    assert cut(seed.credits_span).startswith("Translated and edited by Zhu Bochen")
    for related in seed.related:
        assert cut(related.span) == related.title
        assert related.date_span is not None
        assert related.date is not None
        assert cut(related.date_span) == related.date.strftime("%B %-d, %Y")


def test_lines_and_columns_match_offsets(seed: st.Briefing, seed_text: str) -> None:
    """Line and column of every span agree with its offset."""
    spans = [t.span for t in seed.turns] + [p.span for t in seed.turns for p in t.paragraphs]
    spans += [n.span for n in seed.notes] + list(seed.page_breaks)
    for span in spans:
        before = seed_text[: span.start]
        assert span.line == before.count("\n") + 1
        assert span.column == span.start - (before.rfind("\n") + 1) + 1
