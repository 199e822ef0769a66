"""The source text as lines with offsets, so every span indexes the text the caller passed."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..models import Span

# Every Unicode line break a copied page may carry; "\r\n" counts as one.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_KEPT = re.compile(r"(\r\n|\r|\n)")

# What surrounds the content of a line and is never content: ASCII and Unicode spaces,
# NBSP, the ideographic space of Chinese editors, and a BOM that another tool left behind.
STRIPPED = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
    "\u202f\u205f\u3000\ufeff"
)


class Piece(NamedTuple):
    """A stretch of one line, stripped of surrounding whitespace, with its position."""

    text: str
    start: int
    """Offset of the first character in the whole text."""
    line: int
    """1-based number of the line the piece is on."""
    line_start: int
    """Offset of the start of that line."""

    @property
    def column(self) -> int:
        return self.start - self.line_start + 1

    def rest(self, offset: int) -> Piece:
        """What follows ``offset`` on the piece, stripped."""
        return self.slice(offset, self.start + len(self.text))

    def slice(self, start: int, end: int) -> Piece:
        """The stretch between two offsets of the piece, stripped."""
        raw = self.text[start - self.start : end - self.start]
        stripped_left = raw.lstrip(STRIPPED)
        offset = start + len(raw) - len(stripped_left)
        return Piece(stripped_left.rstrip(STRIPPED), offset, self.line, self.line_start)


def content_lines(text: str) -> list[Piece]:
    """The non-blank lines of ``text``, each stripped, with its position."""
    if "\r" in text:
        # The rare CR or CRLF text: split keeping the breaks, whose lengths differ.
        parts = _LINE_BREAK_KEPT.split(text)
        lines, break_lengths = parts[0::2], [len(part) for part in parts[1::2]] + [0]
    else:
        # str.split runs in C; a regex scan of a 40 kB page costs four times as much.
        lines, break_lengths = text.split("\n"), [1] * (text.count("\n") + 1)
    pieces: list[Piece] = []
    line_start = 0
    for number, (raw, break_length) in enumerate(zip(lines, break_lengths, strict=True), 1):
        body = raw.strip(STRIPPED)
        if body:
            offset = line_start + len(raw) - len(raw.lstrip(STRIPPED))
            pieces.append(Piece(body, offset, number, line_start))
        line_start += len(raw) + break_length
    return pieces


class LineIndex:
    """Turns offsets into 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def line_and_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.line_and_column(start)
        return Span(start=start, end=end, line=line, column=column)

    def source_line(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        start = self._line_starts[line - 1]
        match = _LINE_BREAK.search(self.text, start)
        return self.text[start : match.start() if match else len(self.text)]
