"""The shortcuts taken before costly searches decide as the searches alone would.

Each shortcut is held to the search it stands in front of, written out here as it was before the
shortcut, on text made of the pieces that search looks for, with the characters that case-insensitive
matching treats specially, and on text of any kind.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as hs

from scio_transcripts.dialects import sniffs
from scio_transcripts.engine import caseless, lines

# Every character but the surrogates, which a str may hold but no page does.
_EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


def test_ignorecase_matches_an_ascii_letter_only_to_what_lowers_to_it_or_a_stray() -> None:
    """The premise of ``may_hold``: a character that ``IGNORECASE`` matches to an ASCII letter lowers to
    that letter, or is one of the strays the test looks for. Checked over every character, so that a
    Python whose case tables grow another such character fails here."""
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = set(re.findall(letter, _EVERY_CHARACTER, re.IGNORECASE))
        odd = {char for char in matched if char.lower() != letter}
        assert odd <= set(caseless._STRAYS), (letter, sorted(odd))


def _texts(pieces: list[str]) -> hs.SearchStrategy[str]:
    return hs.lists(hs.sampled_from(pieces) | hs.text(max_size=6), max_size=25).map("".join)


_WORD_PIECES = ["Briefing", "BRIEFING", "brıefing", "brİefing", "Conference", "PRESSER", "preſſer", "ſ", "\u212a"]


@given(_texts(_WORD_PIECES), hs.sampled_from(["briefing", "conference", "presser", "kelvin"]))
def test_may_hold_never_misses_a_word_ignorecase_finds(text: str, word: str) -> None:
    if re.search(word, text, re.IGNORECASE):
        assert caseless.may_hold(text, (word,))


# The header heading, searched as it was before the shortcut: from any position, with a lookbehind.
_HEADING_BY_LOOKBEHIND = re.compile(r"(?:^|(?<=[\r\n]))" + lines._HEADING_LINE, re.IGNORECASE)
_HEADING_PIECES = [
    "Speakers", "speaker", "SPEAKERS:", "Chair", "Chairperson：", "chairman", "Chairwoman", "Host:", "ſpeakers",
    "Spea\u212aers", "Chaır", " ", "\t", "\u00a0", "\u3000", "\ufeff", "\n", "\r", "\r\n", ":", "x", "a" * 1000,
]  # fmt: skip


@given(_texts(_HEADING_PIECES))
def test_the_header_heading_is_where_the_lookbehind_search_finds_it(text: str) -> None:
    match = _HEADING_BY_LOOKBEHIND.search(text, 0, lines._SUMMARY_WINDOW)
    assert lines._first_header_heading(text) == (match.start() if match else None)


_SUMMARY_PIECES = [
    "held", "hosted", "said", "told", "announced", " a press conference", " news conference", "Briefing", "brıefing",
    "presser", "PRESSERS", "at a ", "During an ", "举行", "召开", "发布会", "吹风会", "主持", "记者会", "發布會", "  ",
    "\u00a0", " ", "2023-09-12", "May 4, 2021", ".", "。", "ſ", "İ", "\u00a0\u00a02023-9-1", ".\u00a0 May 4, 2021",
]  # fmt: skip


@given(_texts(_SUMMARY_PIECES))
# Each word and mark the shortcut looks for, in a line the searches accept, so that a word left out fails.
@example("Officials said at a press conference")
@example("He hosted a Briefing")
@example("He hosted a brıefing")
@example("held a presser")
@example("国新办举行新闻发布会")
@example("国新办召开吹风会")
@example("主持人主持记者会")
@example("主持發布會")
@example("Report.  May 4, 2021")
@example("Report.\u00a0May 4, 2021")
@example("Report\u00a0 2023-09-12")
def test_reads_like_summary_decides_as_its_two_searches(text: str) -> None:
    both = bool(lines._SUMMARY.search(text) or lines._GLUED_DATE.search(text))
    assert lines.reads_like_summary(text) == both


_CHINESE_PIECES = ["国务院新闻办", "发布会", "，", "。", " ", "\n", "\u3000", "\x1c", "\u2028", "SCIO", "a" * 50]


@given(_texts(_CHINESE_PIECES))
def test_the_chinese_sniff_counts_as_character_by_character_removal(text: str) -> None:
    sample = text[:3000]
    if not re.search(r"[\u3400-\u9fff]", sample):
        expected = 0.0
    else:
        han = len(sample) - len(re.sub(r"[\u3400-\u9fff]", "", sample))
        expected = 0.8 if han / len(re.sub(r"\s", "", sample)) > 0.2 else 0.0
    assert sniffs.scio_zh(text) == expected
