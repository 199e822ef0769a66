"""The pipeline: text → line tokens → LALR parse → parts → Briefing, leniently or strictly."""

from __future__ import annotations

import os

from ._driver import Run
from ._errors import DecodeError, ParseError, caret_context
from ._grammar import load_engine
from ._resolve import build_briefing
from ._source import LineIndex
from .models import Briefing


def parse(text: str, *, strict: bool = False) -> Briefing:
    """Parse the text of one briefing page.

    Args:
        text: The page as text. Line endings may be ``\\n``, ``\\r\\n`` or ``\\r``; spans index
            this string as given.
        strict: Raise at the first structural problem instead of working around it.

    Returns:
        The briefing. In lenient mode, text that could not be placed is in ``unparsed`` and
        every workaround is in ``diagnostics``.

    Raises:
        ParseError: In strict mode, at the first problem lenient mode would have worked around.
        TypeError: If ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the text as str, not {type(text).__name__}; use parse_file() for files")
    engine = load_engine()
    run = Run(engine.tables, engine.lexer)
    parts = run.parse(text)
    unplaced = run.unplaced
    briefing = build_briefing(parts, unplaced)
    if strict and briefing.diagnostics:
        raise _strict_error(text, briefing.diagnostics[0].message, briefing.diagnostics[0])
    return briefing


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Briefing:
    """Read a UTF-8 file (a BOM and any line endings are fine) and parse it.

    Spans index the decoded text as it is in the file: ``\\r\\n`` is not translated.

    Raises:
        DecodeError: If the bytes are not UTF-8; says which file and at which byte.
        ParseError: In strict mode, as for ``parse``.
        OSError: If the file cannot be read.
    """
    with open(path, "rb") as file:  # noqa: PTH123 - pathlib's import alone costs a tenth of a cold start
        data = file.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise DecodeError(
            f"{os.fspath(path)}: not UTF-8: byte 0x{data[error.start]:02x} at byte offset {error.start} "
            f"cannot be decoded",
            path=os.fspath(path),
            byte_offset=error.start,
            line=line,
            column=column,
        ) from None
    return parse(text, strict=strict)


def _strict_error(text: str, message: str, diagnostic: object) -> ParseError:
    from .models import Diagnostic

    assert isinstance(diagnostic, Diagnostic)
    index = LineIndex(text)
    span = diagnostic.span
    return ParseError(
        message,
        line=span.line,
        column=span.column,
        context=caret_context(index.source_line(span.line), span.column),
        expected=diagnostic.expected,
    )
