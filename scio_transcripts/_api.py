"""The pipeline: text → line tokens → LALR parse → parts → Briefing → judged, leniently or strictly."""

from __future__ import annotations

import os
from collections.abc import Collection

import attrs

from ._diagnostics import checked_codes
from ._errors import DecodeError, ParseError, caret_context
from .dialects import Dialect, detect_dialect, get_dialect
from .engine.driver import Run
from .engine.grammar import load_engine
from .engine.parts import typed_parts
from .engine.source import LineIndex
from .models import Briefing, Diagnostic
from .resolve.assemble import build_briefing
from .resolve.plausible import judge


def parse(
    text: str, *, strict: bool = False, dialect: str | Dialect = "scio-en", ignore: Collection[str] = ()
) -> Briefing:
    """Parse the text of one briefing page.

    Args:
        text: The page as text. Line endings may be ``\\n``, ``\\r\\n`` or ``\\r``; spans index
            this string as given.
        strict: Raise at the first diagnostic (a problem worked around, or a sign of a wrong parse)
            instead of returning the briefing.
        dialect: The kind of transcript: a name from ``dialects()``, a ``Dialect``, or ``"auto"``
            to pick one by a cheap sniff of the text (``detect_dialect``).
        ignore: Diagnostic codes to drop (``diagnostic_codes()`` lists them), in both modes: a
            strict parse then raises only for the others.

    Returns:
        The briefing. In lenient mode, text that could not be placed is in ``unparsed``, and
        every workaround and every sign of a probably wrong parse is in ``diagnostics``.

    Raises:
        ParseError: In strict mode, at the first diagnostic in source order.
        TypeError: If ``text`` is not a ``str``.
        ValueError: If no dialect has the given name, or a code in ``ignore`` does not exist.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the text as str, not {type(text).__name__}; use parse_file() for files")
    silenced = checked_codes(ignore)
    chosen = get_dialect(detect_dialect(text) if dialect == "auto" else dialect)
    engine = load_engine(chosen)
    run = Run(engine.tables, engine.lexer)
    parts = typed_parts(run.parse(text))
    briefing = judge(chosen.finish(build_briefing(parts, run.unplaced, chosen), text), text)
    briefing = attrs.evolve(briefing, dialect=chosen.name)
    if silenced:
        kept = tuple(diagnostic for diagnostic in briefing.diagnostics if diagnostic.code not in silenced)
        briefing = attrs.evolve(briefing, diagnostics=kept)
    if strict and briefing.diagnostics:
        raise _strict_error(text, briefing.diagnostics[0])
    return briefing


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    dialect: str | Dialect = "scio-en",
    ignore: Collection[str] = (),
) -> Briefing:
    """Read a UTF-8 file (a BOM and any line endings are fine) and parse it.

    Spans index the decoded text as it is in the file: ``\\r\\n`` is not translated.

    Raises:
        DecodeError: If the bytes are not UTF-8; says which file and at which byte.
        ParseError: In strict mode, as for ``parse``; ``dialect`` and ``ignore`` as for ``parse`` too.
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
    return parse(text, strict=strict, dialect=dialect, ignore=ignore)


def _strict_error(text: str, diagnostic: Diagnostic) -> ParseError:
    """The first thing lenient mode worked around, as the error strict mode raises."""
    span = diagnostic.span
    return ParseError(
        diagnostic.message,
        line=span.line,
        column=span.column,
        context=caret_context(LineIndex(text).source_line(span.line), span.column),
        expected=diagnostic.expected,
    )
