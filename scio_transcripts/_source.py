"""The source text as lines with offsets, so every span indexes the text the caller passed."""

from __future__ import annotations

import bisect
import re

import attrs

from .models import Span

# Every Unicode line break a copied page may carry; "\r\n" counts as one.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# What surrounds the content of a line and is never content: ASCII and Unicode spaces,
# NBSP, the ideographic space of Chinese editors, and a BOM that another tool left behind.
STRIPPED = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
    "\u202f\u205f\u3000\ufeff"
)


@attrs.frozen
class Piece:
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
    pieces: list[Piece] = []
    start = 0
    line = 1
    for line_break in _LINE_BREAK.finditer(text):
        piece = Piece(text[start : line_break.start()], start, line, start).rest(start)
        if piece.text:
            pieces.append(piece)
        start = line_break.end()
        line += 1
    piece = Piece(text[start:], start, line, start).rest(start)
    if piece.text:
        pieces.append(piece)
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
