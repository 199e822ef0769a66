"""The pipeline: text → line tokens → LALR parse → parts → Briefing → judged, leniently or strictly."""

from __future__ import annotations

import codecs
import gc
import os
import re
from collections.abc import Collection

import attrs

from ._diagnostics import checked_codes
from ._errors import DecodeError, ParseError, caret_context
from .dialects import Dialect, detect_dialect, get_dialect
from .engine.driver import Run
from .engine.grammar import load_engine
from .engine.parts import typed_parts
from .engine.source import LineIndex
from .models import Briefing, Diagnostic, Note, Span
from .resolve.assemble import build_briefing
from .resolve.plausible import judge


def parse(
    text: str, *, strict: bool = False, dialect: str | Dialect = "auto", ignore: Collection[str] = ()
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
    # A parse makes many small objects and frees none of them before it ends: the cyclic collector
    # would walk them again and again for nothing (6 % of a page, 17 % of a long text). It is
    # suspended for the parse only, and only if it was on, so an error or a nested call restores it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        run = Run(engine.tables, engine.lexer)
        parts = typed_parts(run.parse(text))
        briefing = judge(chosen.finish(build_briefing(parts, run.unplaced, chosen), text), text)
    finally:
        if collecting:
            gc.enable()
    briefing = attrs.evolve(briefing, dialect=chosen.name)
    if _MARKUP_FIRST.match(text):
        briefing = _flag_html(text, briefing)
    if silenced:
        kept = tuple(diagnostic for diagnostic in briefing.diagnostics if diagnostic.code not in silenced)
        briefing = attrs.evolve(briefing, diagnostics=kept)
    if strict and briefing.diagnostics:
        raise _strict_error(text, briefing.diagnostics[0])
    return briefing


def parse_html(
    html: str | bytes,
    *,
    strict: bool = False,
    dialect: str | Dialect = "auto",
    ignore: Collection[str] = (),
) -> Briefing:
    """Parse a saved web page: the transcript is read out of it by the layout of the site that served it.

    ``html`` may be bytes, read with the charset the page declares (GB2312 and GBK as GB18030), else
    UTF-8, else GB18030. The text read out (the title and dates, then the transcript, a line per
    paragraph) is parsed as ``parse`` would; ``Briefing.source_text`` holds it, with the page's
    breadcrumb and window title after it as notes, and every span indexes it. A page in which no
    layout finds text gets a ``no-transcript`` diagnostic.

    Raises:
        UnicodeDecodeError: If ``html`` is bytes that no charset reads.
        ParseError: In strict mode, as for ``parse``.
    """
    from .html import declared_charset, decode_html, extract  # a text page needs none of it

    silenced = checked_codes(ignore)
    misread: Diagnostic | None = None
    if isinstance(html, bytes):
        markup, charset = decode_html(html)
        declared = declared_charset(html)
        if declared is not None and codecs.lookup(declared).name != codecs.lookup(charset).name:
            misread = _whole_page(
                "charset-mismatch",
                f"The page declares {declared}, but its bytes are not {declared}; read as {charset}",
                f"bytes in {declared}",
            )
    else:
        markup = html
    found = extract(markup)
    text = "".join(f"{line}\n" for line in found.lines) if found is not None else ""
    briefing = parse(text, dialect=dialect, ignore=ignore)
    chrome: list[Note] = []
    position, line_number = len(text), text.count("\n") + 1
    for line in found.chrome if found is not None else ():
        span = Span(start=position, end=position + len(line), line=line_number, column=1)
        chrome.append(Note(kind="page-chrome", text=line, span=span))
        position, line_number = position + len(line) + 1, line_number + 1
    source = text + "".join(f"{note.text}\n" for note in chrome)
    briefing = attrs.evolve(briefing, notes=briefing.notes + tuple(chrome), source_text=source)
    if found is None:  # the empty text's own diagnostics say nothing a reader of the page can use
        missing = _whole_page("no-transcript", "Expected a transcript: no site layout found text in this page")
        briefing = _with_first(attrs.evolve(briefing, diagnostics=()), missing, silenced)
    if misread is not None:
        briefing = _with_first(briefing, misread, silenced)
    if strict and briefing.diagnostics:
        raise _strict_error(source, briefing.diagnostics[0])
    return briefing


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    dialect: str | Dialect = "auto",
    ignore: Collection[str] = (),
    encoding: str | None = None,
) -> Briefing:
    """Read a file and parse it: a transcript saved as text, or a saved web page (``parse_html``).

    Text is read as UTF-8 (a BOM and any line endings are fine), or in ``encoding`` when given. Bytes
    that are not UTF-8 but fit a Chinese encoding or UTF-16 (GB18030, Big5, …), as charset-normalizer
    finds, are read in it, and the briefing says so with a ``guessed-encoding`` diagnostic, which
    strict mode rejects; other bytes are an error, which ``encoding`` overrides.
    A page is recognised by its first bytes, whatever the file's name. Spans index the decoded text
    as it is in the file: ``\r\n`` is not translated.

    Raises:
        DecodeError: If no encoding reads the bytes; says which file and at which byte.
        ParseError: In strict mode, as for ``parse``, its message starting with the file's path;
            ``dialect`` and ``ignore`` as for ``parse`` too.
        LookupError: If ``encoding`` is not a codec Python knows.
        OSError: If the file cannot be read.
    """
    name = os.fspath(path)
    with open(path, "rb") as file:  # noqa: PTH123 - pathlib's import alone costs a tenth of a cold start
        data = file.read()
    try:
        if _HTML_BYTES.match(data[:2048]):
            markup: str | bytes = data if encoding is None else _decode(name, data, encoding)[0]
            return _parse_html_file(name, markup, strict=strict, dialect=dialect, ignore=ignore)
        text, guessed = _decode(name, data, encoding)
        briefing = parse(text, strict=False, dialect=dialect, ignore=ignore)
        if guessed is not None:
            message = f"The file is not UTF-8; read as {guessed}, the encoding its bytes fit best"
            found = _whole_page("guessed-encoding", message, "UTF-8 text", "--encoding NAME")
            briefing = _with_first(briefing, found, checked_codes(ignore))
        if strict and briefing.diagnostics:
            raise _strict_error(text, briefing.diagnostics[0])
        return briefing
    except ParseError as error:
        if type(error) is not ParseError or error.message.startswith(f"{name}: "):
            raise
        raise ParseError(
            f"{name}: {error.message}",
            line=error.line,
            column=error.column,
            context=error.context,
            expected=error.expected,
        ) from None


# The encodings transcripts come in when they are not UTF-8. A stray byte in a UTF-8 file also "fits"
# Latin-1 or cp1252, but that is damage, not an encoding: it stays an error, and encoding= reads it.
_GUESSABLE = frozenset(
    {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "cp936", "hz", "utf_16", "utf_16_le", "utf_16_be",
     "utf_32", "utf_32_le", "utf_32_be"}
)  # fmt: skip


def _decode(path: str, data: bytes, encoding: str | None) -> tuple[str, str | None]:
    """The text of a file, and the encoding it was guessed to be in (None when it was not a guess)."""
    try:
        return data.decode(encoding or "utf-8"), None
    except UnicodeDecodeError as error:
        if encoding is None:
            from charset_normalizer import from_bytes  # only files that are not UTF-8 need it

            best = from_bytes(data).best()
            text = str(best) if best is not None else ""
            if best is not None and best.encoding in _GUESSABLE and "\x00" not in text:
                return text, best.encoding
        what = encoding or "UTF-8, nor in a Chinese encoding or UTF-16 (give its encoding)"
        raise _decode_error(path, data, error.start, f"not {what}: byte 0x{data[error.start]:02x}") from None


_MARKUP_FIRST = re.compile(r"[\ufeff\s]{0,256}<")


def _flag_html(text: str, briefing: Briefing) -> Briefing:
    """A saved web page passed as text parses as markup: say so, and how to read it."""
    from .html.decode import looks_like_html

    if not looks_like_html(text):
        return briefing
    message = "The text is a saved web page (HTML), parsed here as text: read it with parse_html() or parse_file()"
    return _with_first(briefing, _whole_page("html-page", message, "the text of a transcript"), frozenset())


# A saved web page, whatever its name: its first tag, after a BOM, blank lines or comments.
_HTML_BYTES = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html[\s>]|head[\s>]|meta\s)",
    re.IGNORECASE | re.DOTALL,
)


def _parse_html_file(
    path: str, data: str | bytes, *, strict: bool, dialect: str | Dialect, ignore: Collection[str]
) -> Briefing:
    try:
        return parse_html(data, strict=strict, dialect=dialect, ignore=ignore)
    except UnicodeDecodeError as error:
        what = f"a web page in no charset it could be read in ({error.encoding}):"
        raise _decode_error(path, error.object, error.start, what) from None


def _decode_error(path: str, data: bytes, offset: int, what: str) -> DecodeError:
    """The error for bytes no encoding reads: the file, what it is not, and where, by byte, line and column."""
    return DecodeError(
        f"{path}: {what} at byte offset {offset} cannot be decoded",
        path=path,
        byte_offset=offset,
        line=data.count(b"\n", 0, offset) + 1,
        column=offset - (data.rfind(b"\n", 0, offset) + 1) + 1,
    )


def _whole_page(code: str, message: str, *expected: str) -> Diagnostic:
    """A diagnostic about the file or page as a whole, placed at its start."""
    return Diagnostic(code=code, message=message, span=Span(start=0, end=0, line=1, column=1), expected=expected)


def _with_first(briefing: Briefing, diagnostic: Diagnostic, silenced: frozenset[str]) -> Briefing:
    """The briefing with ``diagnostic`` first among its diagnostics, unless its code is silenced."""
    if diagnostic.code in silenced:
        return briefing
    return attrs.evolve(briefing, diagnostics=(diagnostic, *briefing.diagnostics))


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
