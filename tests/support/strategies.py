"""Hypothesis strategies that build valid Briefing models, and texts to throw at the parser.

A valid model is one the parser could have produced: its labels resolve to its header people as
the parser resolves them, its pages follow from its page breaks, its date has a source on the
page. The builder lays the elements out in page order and gives each a span there, so that
rendering can put notes, page breaks and turns back in their places.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

import scio_transcripts as sc

from .fixtures import read_fixture, valid_fixtures

# Surnames of header people and of unknown speakers come from disjoint pools, so that an unknown
# label never resolves to a header person by its surname.
HEADER_SURNAMES = ["Cao", "Xing", "Yue", "Wang", "Shou", "Hu", "Zhou", "Mo", "Han", "Lan", "Ma", "Bai"]
OTHER_SURNAMES = ["Gao", "Qiao", "Deng", "Pei", "Luo", "Ji", "Fu", "Tang", "Xie"]
GIVEN_NAMES = ["Huina", "Shumin", "Zhongming", "Xiaoli", "Kaihong", "Pingting", "Qinglan", "Yuexin", "Wei", "Lin"]
WESTERN_NAMES = ["David Ball", "Tom Arnsten", "Jay Birbeck", "Anna Wright"]
HONORIFICS = [None, "Mr.", "Ms.", "Senior Colonel", "Major General", "Colonel", "Senior Captain"]
OUTLETS = [
    "CCTV", "China Daily", "Reuters", "Bloomberg", "Phoenix TV", "TV Tokyo", "Thecover.cn", "People.cn",
    "The Global Times", "Associated Press of Pakistan", "Channel NewsAsia", "21st Century Business Herald",
    "AP", "AFP", "NHK",
]  # fmt: skip
# Words that stand for a journalist asking without naming the outlet.
QUESTION_WORDS = ["Q", "Reporter", "Journalist", "Correspondent"]
# Words that name the chair's role instead of the chair.
CHAIR_WORDS = ["Moderator", "Host", "HOST", "Presenter"]
PLACES = ["Beijing", "Shanghai", "Hong Kong"]
TIMES = ["10 a.m.", "3 p.m.", "11:30 a.m.", "9:30 a.m."]

# Words of speech. The first word of a paragraph is one no other line kind starts with.
OPENING_WORDS = ["We", "China", "Thank", "Our", "This", "Last", "Over", "All", "More", "Since", "Many", "Yes"]
SPEECH_WORDS = [
    "the", "growth", "of", "rural", "roads", "has", "been", "steady", "and", "we", "will", "continue",
    "“quoted”", "‘single’", "—", "–", "中文", "café", "naïve", "two\u00a0words", "(CPC)", "2023", "percent",
    "in", "a", "new", "era", "questions", "reform", "“open”", "…", "，", "data",
]  # fmt: skip
DISCLAIMER = "In case of any discrepancy between the English and Chinese texts, the Chinese version prevails."
TITLE_WORDS = ["rural", "broadband", "“green”", "development", "of", "the", "economy", "in", "2023", "trade", "water"]


def _date_text(date: datetime.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def _distinct_names(draw: Callable[..., Any], surnames: list[str], count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{draw(st.sampled_from(surnames))} {draw(st.sampled_from(GIVEN_NAMES))}"
        if name not in names:
            names.append(name)
    return names


@st.composite
def titles(draw: Callable[..., Any]) -> str:
    """A person's office: commas, parentheses and curly apostrophes included; no closing stop."""
    head = draw(st.sampled_from(["vice minister", "director general", "spokesperson", "deputy head", "a volunteer"]))
    body = draw(st.sampled_from(["of the Ministry of Justice", "of the People’s Government of Yunnan", "of the CAC"]))
    tail = draw(st.sampled_from(["", " (MOJ)", ", and spokesperson of the SCIO", ", in charge of water, forests"]))
    return f"{head} {body}{tail}"


@st.composite
def paragraphs(draw: Callable[..., Any]) -> str:
    """A paragraph of speech: never a label, heading, caption or chrome line, and never cut off."""
    words = draw(st.lists(st.sampled_from(SPEECH_WORDS), min_size=3, max_size=12))
    end = draw(st.sampled_from([".", "?", "!", "。"]))
    return f"{draw(st.sampled_from(OPENING_WORDS))} {' '.join(words)}{end}"


class _Layout:
    """Gives each element a span in page order, as the parser would have found it."""

    def __init__(self) -> None:
        self.position = 0

    def span(self, text: str) -> sc.Span:
        start = self.position
        self.position += len(text) + 2
        return sc.Span(start=start, end=start + len(text), line=1, column=1)


@st.composite
def briefings(draw: Callable[..., Any]) -> sc.Briefing:
    """A Briefing the parser could have produced from a clean page."""
    layout = _Layout()
    date = draw(st.none() | st.dates(datetime.date(2010, 1, 1), datetime.date(2025, 12, 31)))
    speaker_names = _distinct_names(draw, HEADER_SURNAMES, draw(st.integers(0, 4)))
    has_chair = draw(st.booleans())
    has_header = bool(speaker_names) or has_chair
    with_dateline = date is not None and draw(st.booleans())
    if date is not None and not has_header and not with_dateline:
        date = date if draw(st.booleans()) else None
    notes: list[sc.Note] = []

    def note(kind: str, text: str) -> None:
        notes.append(sc.Note(kind=kind, text=text, span=layout.span(text)))

    # Front matter: chrome, title, dateline, a date line where nothing else gives the date.
    if draw(st.booleans()):
        note("breadcrumb", "Home > Press Room >")
    title = None
    title_span = None
    if draw(st.booleans()):
        prefix = draw(st.sampled_from(["SCIO briefing on", "SCIO press conference on", "Press conference:"]))
        title = f"{prefix} {' '.join(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=6)))}"
        title_span = layout.span(title)
    if draw(st.booleans()):
        note("category", draw(st.sampled_from(["Economy", "Around China", "Politics"])))
    place = time = None
    dateline_span = None
    if with_dateline:
        assert date is not None
        place, time = draw(st.sampled_from(PLACES)), draw(st.sampled_from(TIMES))
        dateline_span = layout.span(f"{place} | {time} {_date_text(date)}")
    if date is not None and not has_header and not with_dateline:
        note("date", _date_text(date))
    if date is not None and draw(st.booleans()):
        note("publication-date", f"China.org.cnUpdated: {_date_text(date)}")
    if draw(st.booleans()):
        note("read-in-chinese", "Read in Chinese")

    # The header: one labelled list, people once each.
    people = {}
    for name in speaker_names:
        people[name] = sc.Person(
            name=name,
            honorific=draw(st.sampled_from(HONORIFICS)),
            title=draw(st.none() | titles()),
            span=layout.span(name),
        )
    chair = None
    if has_chair:
        chair_name = draw(st.sampled_from([n for n in _distinct_names(draw, HEADER_SURNAMES, 5) if n not in people]))
        chair = sc.Person(
            name=chair_name,
            honorific=draw(st.sampled_from(HONORIFICS)),
            title=draw(titles()),
            span=layout.span(chair_name),
        )
    if has_header and draw(st.booleans()):
        note("photo-caption", "[Photo by Lu Hang/China SCIO]")

    turns, page_breaks = _turns(draw, layout, note, list(people.values()), chair)

    credits: tuple[str, ...] = ()
    credits_span = None
    if draw(st.booleans()):
        credits = tuple(
            draw(
                st.lists(
                    st.sampled_from([*WESTERN_NAMES, "Zhu Bochen", "Gong Yingchun"]),
                    min_size=1,
                    max_size=4,
                    unique=True,
                )
            )
        )
        credits_span = layout.span("credits")
        if draw(st.booleans()):
            note("disclaimer", DISCLAIMER)
    related = []
    # Without credits, speech or a header before them, a briefing title on its own is the page title.
    for _ in range(draw(st.integers(0, 3)) if credits or turns or has_header else 0):
        topic = " ".join(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=5)))
        linked_date = draw(st.none() | st.dates(datetime.date(2010, 1, 1), datetime.date(2025, 12, 31)))
        span = layout.span(f"SCIO briefing on {topic}")
        date_span = layout.span(_date_text(linked_date)) if linked_date else None
        related.append(
            sc.RelatedBriefing(title=f"SCIO briefing on {topic}", date=linked_date, span=span, date_span=date_span)
        )

    return sc.Briefing(
        title=title,
        title_span=title_span,
        date=date,
        place=place,
        time=time,
        dateline_span=dateline_span,
        speakers=tuple(people.values()),
        chairperson=chair,
        header_entries=(*people.values(), *([chair] if chair else [])),
        turns=tuple(turns),
        page_breaks=tuple(page_breaks),
        notes=tuple(sorted(notes, key=lambda n: n.span.start)),
        credits=credits,
        credits_span=credits_span,
        related=tuple(related),
        unparsed=(),
        diagnostics=(),
    )


@st.composite
def person_labels(draw: Callable[..., Any], person: sc.Person, people: list[sc.Person]) -> tuple[str, sc.Person | None]:
    """A label for a header person as pages write it, and whom it names.

    The full name, the name after a rank or honorific, the honorific and surname ("Mr. Cao"), or the
    surname alone. A surname two header people share names nobody: the turn is unknown.
    """
    surname = person.name.split()[0]
    forms = [person.name, surname]
    if person.honorific:
        forms += [f"{person.honorific} {person.name}", f"{person.honorific} {surname}"]
    label = draw(st.sampled_from(forms))
    if label.endswith(person.name):
        return label, person
    sharing = [other for other in people if other.name.split()[0] == surname]
    return label, person if len(sharing) == 1 else None


def _turns(
    draw: Callable[..., Any],
    layout: _Layout,
    note: Callable[[str, str], None],
    speakers: list[sc.Person],
    chair: sc.Person | None,
) -> tuple[list[sc.Turn], list[sc.Span]]:
    """Turns by the chair, the speakers, journalists, unknown people, and unlabelled speech first."""
    kinds = (
        ["journalist", "question-word", "unknown", "role-word"]
        + (["speaker"] if speakers else [])
        + (["chair"] if chair else [])
    )
    unknown_names = [f"{surname} Lin" for surname in OTHER_SURNAMES]
    turns: list[sc.Turn] = []
    page_breaks: list[sc.Span] = []
    count = draw(st.integers(0, 7))
    for index in range(count):
        if draw(st.integers(0, 4)) == 0:
            page_breaks.append(layout.span("_ueditor_page_break_tag_"))
        if draw(st.integers(0, 6)) == 0:
            note("photo-caption", "[Photo by Lu Hang/China SCIO]")
        kind = "unlabelled" if index == 0 and draw(st.booleans()) else draw(st.sampled_from(kinds))
        label: str | None
        speaker: sc.Person | None = None
        outlet = None
        if kind == "unlabelled":
            label, role = None, sc.Role.UNKNOWN
        elif kind in ("chair", "speaker"):
            person = chair if kind == "chair" else draw(st.sampled_from(speakers))
            assert person is not None
            label, speaker = draw(person_labels(person, [*speakers, *([chair] if chair else [])]))
            role = sc.Role.UNKNOWN if speaker is None else sc.Role.CHAIRPERSON if kind == "chair" else sc.Role.SPEAKER
        elif kind == "journalist":
            label = draw(st.sampled_from(OUTLETS))
            role, outlet = sc.Role.JOURNALIST, label
        elif kind == "question-word":
            label, role = draw(st.sampled_from(QUESTION_WORDS)), sc.Role.JOURNALIST
        elif kind == "role-word":
            label, role, speaker = draw(st.sampled_from(CHAIR_WORDS)), sc.Role.CHAIRPERSON, chair
        else:
            label, role = draw(st.sampled_from(unknown_names)), sc.Role.UNKNOWN
        last = index == count - 1
        previous = turns[-1] if turns else None
        # An empty turn is only the page cut after a label; a label repeated with nothing between
        # would be one turn, so a turn after an empty one never repeats its label.
        minimum = 0 if last else 1
        if previous is not None and not previous.paragraphs and previous.label == label:
            minimum = 1
        label_span = layout.span(f"{label}:") if label is not None else None
        texts = draw(st.lists(paragraphs(), min_size=max(minimum, 1 if label is None else 0), max_size=4))
        built: list[sc.Paragraph] = []
        for number, text in enumerate(texts):
            # A page may change between two paragraphs, or between a label and its first paragraph;
            # the turn is on the page of its label either way.
            if (number or label is not None) and draw(st.integers(0, 5)) == 0:
                page_breaks.append(layout.span("_ueditor_page_break_tag_"))
            built.append(sc.Paragraph(text=text, span=layout.span(text)))
        first = label_span or built[0].span
        last_span = built[-1].span if built else first
        page = 1 + sum(1 for span in page_breaks if span.start < first.start)
        turns.append(
            sc.Turn(
                label=label,
                role=role,
                speaker=speaker,
                outlet=outlet,
                paragraphs=tuple(built),
                page=page,
                span=sc.Span(start=first.start, end=last_span.end, line=1, column=1),
                label_span=label_span,
            )
        )
    return turns, page_breaks


# ---------------------------------------------------------------------------------------------
# Texts: anything at all, and pages spliced from fixture lines
# ---------------------------------------------------------------------------------------------

_FIXTURE_LINES = sorted({line for path in valid_fixtures() for line in read_fixture(path).splitlines()})

# Characters real pages carry besides letters: NBSP, ideographic space, CJK, curly quotes,
# dashes, line endings of other systems, a BOM, control characters, colons full- and half-width.
_ODD_CHARACTERS = "\u00a0\u3000\ufeff\r\n\t\x0b\x0c\x1c\x85\u2028“”‘’—–…：:，。、中国新闻办_|>[]/()"


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary text, weighted towards the characters that matter to a line-based parser."""
    return st.one_of(
        st.text(),
        st.text(alphabet=st.sampled_from(_ODD_CHARACTERS) | st.characters(), max_size=300),
        spliced_pages(),
    )


@st.composite
def spliced_pages(draw: Callable[..., Any]) -> str:
    """Lines of the fixtures in any order, joined by any line ending, sometimes cut mid-line."""
    lines: list[str] = draw(st.lists(st.sampled_from(_FIXTURE_LINES), max_size=40))
    ending: str = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u00a0\n"]))
    text = ending.join(lines)
    if text and draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text
