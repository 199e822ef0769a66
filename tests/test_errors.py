"""Errors callers see: readable, positioned, never a Lark exception."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import scio_transcripts as st
from scio_transcripts._errors import caret_context

from .support.content import assert_strict_raises_the_first_diagnostic


def test_error_text_has_message_position_and_caret() -> None:
    """str(ParseError) ends its first line with the position, then shows the line and a caret."""
    with pytest.raises(st.ParseError) as raised:
        st.parse("Speakers:\nThe meeting began on time and everyone sat down.\n", strict=True)
    error = raised.value
    assert str(error).splitlines() == [
        "Expected a “Name, title” entry under “Speakers:” (at line 1, column 1)",
        "Speakers:",
        "^",
    ]
    assert (error.line, error.column, error.expected) == (1, 1, ("a “Name, title” entry",))
    assert isinstance(error, ValueError)


def test_caret_follows_tabs() -> None:
    """The caret sits under the column even when the line is indented with tabs."""
    assert caret_context("\tab: c", 3) == "\tab: c\n\t ^"


def test_parse_refuses_bytes() -> None:
    """Bytes are a TypeError pointing to parse_file, not a confusing parse."""
    with pytest.raises(TypeError, match="parse_file"):
        st.parse(b"Speakers:")  # type: ignore[arg-type]


def test_parse_file_reports_bad_utf8_with_path_and_offset(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 raise DecodeError naming the file, byte and offset."""
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Xing Huina:\nGood \xff morning.\n")
    with pytest.raises(st.DecodeError) as raised:
        st.parse_file(path)
    error = raised.value
    assert isinstance(error, st.ParseError)
    assert (error.path, error.byte_offset, error.line, error.column) == (str(path), 17, 2, 6)
    assert str(path) in str(error)
    assert "0xff" in str(error)


def test_parse_file_keeps_crlf_offsets(tmp_path: Path) -> None:
    """parse_file does no newline translation: spans index the file's own characters."""
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffCCTV:\r\nA question?\r\nLi Wei:\r\nAn answer.\r\n".encode())
    briefing = st.parse_file(path)
    text = path.read_bytes().decode("utf-8")
    answer = briefing.turns[1].paragraphs[0]
    assert text[answer.span.start : answer.span.end] == "An answer."
    assert (answer.span.line, answer.span.column) == (4, 1)


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", ":", "：", "\r", "\ufeff", "_ueditor_page_break_tag_", "Speakers:", "Date:", "a" * 5000 + ":"],
)
def test_odd_inputs_never_leak_lark_errors(text: str) -> None:
    """Degenerate pages parse leniently, and strictly raise a ParseError for their first diagnostic, if any."""
    assert_strict_raises_the_first_diagnostic(text)


def _random_text(seed: int, size: int, alphabet: str | None) -> str:
    rng = random.Random(seed)
    if alphabet is None:  # any character of the Basic Multilingual Plane but surrogates
        return "".join(chr(rng.choice([rng.randint(32, 0xD7FF), rng.randint(0xE000, 0xFFFD)])) for _ in range(size))
    return "".join(rng.choice(alphabet) for _ in range(size))


_ASCII = "".join(chr(code) for code in range(9, 127))
_WORDS = ["the", "of", "press", "conference", "said", "minister", "economy", "growth", "river"]
GARBAGE = {
    **{f"5000 random characters #{seed}": _random_text(seed, 5000, None) for seed in range(3)},
    **{f"20000 random ASCII #{seed}": _random_text(seed, 20_000, _ASCII) for seed in range(3)},
    "one 1 MB line of words": " ".join(random.Random(7).choice(_WORDS) for _ in range(130_000))[:1_000_000],
    "only page-break markers": "_ueditor_page_break_tag_\n" * 40,
    "only page-break markers, glued": "_ueditor_page_break_tag_" * 40,
}


@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_strict_mode_rejects_what_is_not_a_briefing(name: str) -> None:
    """Strict mode refuses garbage with a located error that says what a briefing needs; lenient keeps it all."""
    text = GARBAGE[name]
    briefing = st.parse(text)
    assert briefing.diagnostics, "lenient mode calls garbage a clean briefing"
    assert {d.code for d in briefing.diagnostics} & {"no-briefing", "unknown-speakers", "unplaced-line"}
    with pytest.raises(st.ParseError) as raised:
        st.parse(text, strict=True)
    error = raised.value
    assert error.line >= 1
    assert error.column >= 1
    assert error.expected, "the error does not say what was expected"
    assert any(word in str(error) for word in ("briefing", "header", "label")), str(error)


def test_a_strict_error_of_a_file_names_the_file(tmp_path: Path) -> None:
    """Strict mode's error from parse_file starts with the file's path, then what and where."""
    path = tmp_path / "briefing.txt"
    path.write_text("Speakers:\nDate:\nJune 1, 2023\nLi Ming:\nHello.\n", encoding="utf-8")
    with pytest.raises(st.ParseError) as raised:
        st.parse_file(path, strict=True)
    assert raised.value.message.startswith(f"{path}: Expected")
    assert (raised.value.line, raised.value.column) == (1, 1)


def test_a_file_in_a_chinese_encoding_is_read_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    text = (
        "国务院新闻办公室于2023年3月16日（星期四）上午10时举行新闻发布会，"
        "请交通运输部副部长李明介绍有关情况，并答记者问。\n李明：\n谢谢。\n"
    )
    path.write_bytes(text.encode("gbk"))
    briefing = st.parse_file(path)
    assert briefing.diagnostics[0].code == "guessed-encoding"
    assert [person.name for person in briefing.speakers] == ["李明"]
    assert st.parse_file(path, encoding="gbk").diagnostics == ()
