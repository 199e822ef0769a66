"""The one error family callers catch: what was expected, where, and the line with a caret."""

from __future__ import annotations

from typing import Any


class ParseError(ValueError):
    """The text does not have the structure of a briefing (strict mode), or cannot be read.

    Attributes:
        message: What was wrong, in words, without the position.
        line: 1-based line of the problem.
        column: 1-based column of the problem.
        context: The source line with a caret under the column.
        expected: Readable names of what would have been valid there.
    """

    def __init__(
        self, message: str, *, line: int, column: int, context: str = "", expected: tuple[str, ...] = ()
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.context = context
        self.expected = expected
        text = f"{message} (at line {line}, column {column})"
        super().__init__(f"{text}\n{context}" if context else text)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions unpickle as cls(*args), which keyword-only fields break; parse_many needs
        # errors to travel back from worker processes intact.
        return _restore, (type(self), self.args, self.__dict__)


class DecodeError(ParseError):
    """A file's bytes are not UTF-8; says which file and at which byte."""

    def __init__(self, message: str, *, path: str, byte_offset: int, line: int, column: int) -> None:
        self.path = path
        self.byte_offset = byte_offset
        super().__init__(message, line=line, column=column)


def _restore(cls: type[ParseError], args: tuple[Any, ...], state: dict[str, Any]) -> ParseError:
    """Rebuild a pickled error without calling its ``__init__``."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


def caret_context(source_line: str, column: int) -> str:
    """The source line and a caret under ``column`` (1-based), tabs kept so the caret lines up."""
    shown = source_line.rstrip("\r\n")
    padding = "".join(char if char == "\t" else " " for char in shown[: column - 1])
    return f"{shown}\n{padding}^"


class EmptyFileError(ParseError):
    """A file holds no text (nothing, or only whitespace), so there is no briefing to parse."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path}: the file is empty", line=1, column=1)
        self.args = (self.message,)  # no "(at line 1, column 1)": an empty file has no position to show
