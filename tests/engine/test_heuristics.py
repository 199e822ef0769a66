"""The judgement calls of the engine and of resolution: labels against colon traps, outlets, entries, credits."""

from __future__ import annotations

import pytest

from scio_transcripts.engine.lines import is_speaker_label, split_person_entry
from scio_transcripts.resolve.closing import credit_names
from scio_transcripts.resolve.people import unlabelled_chair_index
from scio_transcripts.resolve.turns import is_outlet, is_question_word, looks_like_cut_label


@pytest.mark.parametrize(
    "label",
    ["Xing Huina", "CCTV", "China Daily", "Thecover.cn", "People.cn", "Associated Press of Pakistan",
     "Science and Technology Daily", "21st Century Business Herald", "Senior Colonel Wu Qian", "Q", "Mr. Li"],
)  # fmt: skip
def test_name_like_labels(label: str) -> None:
    """Short, name-like text before a colon is a speaker label."""
    assert is_speaker_label(label)


@pytest.mark.parametrize(
    "trap",
    ["Present at the conference are", "Let me introduce them one by one", "My first point is",
     "The main tasks are five-fold", "The following is the text record for this conference",
     "Adjust font size", "Share", "11", "First", "Note", "Thank you, everyone"],
)  # fmt: skip
def test_colon_traps_are_not_labels(trap: str) -> None:
    """Sentences, chrome, times and enumerations that end in a colon are not labels."""
    assert not is_speaker_label(trap)


@pytest.mark.parametrize(
    ("label", "outlet"),
    [("CCTV", True), ("Legal Daily", True), ("Thecover.cn", True), ("Red Star News", True), ("Bloomberg", True),
     ("The Global Times", True), ("Phoenix TV", True), ("TV Tokyo", True), ("Cao Shumin", False), ("Wen", False)],
)  # fmt: skip
def test_outlets(label: str, outlet: bool) -> None:
    """Outlet-like labels make journalists; person names do not."""
    assert is_outlet(label) is outlet


@pytest.mark.parametrize(
    ("entry", "parts"),
    [
        ("Ms. Cao Shumin, vice minister of the CAC (CAC);", ("Ms.", "Cao Shumin", "vice minister of the CAC (CAC)")),
        ("Senior Colonel Wu Qian, spokesperson, MND.", ("Senior Colonel", "Wu Qian", "spokesperson, MND")),
        ("Major General Hou Bo, deputy director", ("Major General", "Hou Bo", "deputy director")),
        ("Su Hao from the Forestry Bureau of Yunnan", (None, "Su Hao", "from the Forestry Bureau of Yunnan")),
        ("Ma Li, a volunteer\u00a0", (None, "Ma Li", "a volunteer")),
        ("Xing Huina", (None, "Xing Huina", None)),
    ],
)
def test_person_entries_split(entry: str, parts: tuple[str | None, str, str | None]) -> None:
    """Entries split on the first comma; honorifics and ranks come off the name."""
    assert split_person_entry(entry) == parts


def test_credit_names() -> None:
    """Credits give one name each, whatever the separators."""
    assert credit_names("Translated and edited by A Li, B Wu, and C Ma.") == ("A Li", "B Wu", "C Ma")
    assert credit_names("Translated by Ann Lee and Bo Xu. Edited by Cy Hu.") == ("Ann Lee", "Bo Xu", "Cy Hu")


def test_unlabelled_chair_is_last_of_several() -> None:
    """The chair of an unlabelled header is the last entry, and a lone entry is a speaker."""
    assert unlabelled_chair_index([2, 3, 4, 6], ["a", "b", "c", "d"]) == 3  # set apart by a blank line
    assert unlabelled_chair_index([2, 4, 6, 9], ["a", "b", "c", "d"]) == 3  # a wider gap
    assert unlabelled_chair_index([2, 3, 4], ["a", "b", "spokesperson of the SCIO"]) == 2  # by its title
    assert unlabelled_chair_index([2, 3, 4], ["a", "b", "director of the bureau"]) is None  # nothing set apart
    assert unlabelled_chair_index([2], ["a"]) is None


def test_cut_label_needs_a_known_name() -> None:
    """A stub ends the page as a cut label only when it starts a name seen on the page."""
    assert looks_like_cut_label("Zh", ["Zhou Pingting", "Legal Daily"])
    assert not looks_like_cut_label("Goodbye", ["Zhou Pingting"])
    assert not looks_like_cut_label("Zhou said so.", ["Zhou Pingting"])


@pytest.mark.parametrize(("label", "asks"), [("Q", True), ("Reporter", True), ("Follow-up", True), ("Quan Wei", False)])
def test_question_words(label: str, asks: bool) -> None:
    """A label that only says someone asks ("Q:", "Reporter:") is a journalist without an outlet."""
    assert is_question_word(label) is asks
