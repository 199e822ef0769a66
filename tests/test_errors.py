"""Errors callers see: readable, positioned, never a Lark exception."""

from __future__ import annotations

from pathlib import Path

import pytest

import scio_transcripts as st
from scio_transcripts._errors import caret_context

from .content import assert_strict_raises_the_first_diagnostic


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
