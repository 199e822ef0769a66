"""Lines, offsets, lines and columns, whatever the line endings."""

from __future__ import annotations

from scio_transcripts.engine.source import LineIndex, content_lines


def test_content_lines_strip_and_keep_offsets() -> None:
    """Blank lines vanish; each line is stripped of spaces, NBSP and U+3000 but keeps its offset."""
    text = "\ufeff  A:\u00a0\r\n\r\n\u3000B\rC  \n"
    lines = content_lines(text)
    assert [(p.text, p.start, p.line, p.column) for p in lines] == [("A:", 3, 1, 4), ("B", 11, 3, 2), ("C", 13, 4, 1)]
    assert all(text[p.start : p.start + len(p.text)] == p.text for p in lines)


def test_line_index_counts_crlf_once() -> None:
    """\\r\\n is one line break, \\r alone is one too."""
    index = LineIndex("ab\r\ncd\ref")
    assert index.line_and_column(4) == (2, 1)
    assert index.line_and_column(8) == (3, 2)
    assert index.source_line(2) == "cd"
