"""Parse many files, in worker processes if asked, yielding results in input order with bounded memory."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from ._errors import ParseError
from ._grammar import load_engine
from ._parse import parse_file
from .models import Briefing

# Files go to the workers in chunks: one task per file would spend more time passing tasks and
# results between processes than parsing. Two chunks in flight per worker keep every worker busy
# while the caller consumes results in order, and memory does not grow with the number of files.
_CHUNK = 16
_AHEAD_PER_WORKER = 2


class EmptyFileError(ParseError):
    """A file holds no text (nothing, or only whitespace), so there is no briefing to parse."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path}: the file is empty", line=1, column=1)
        self.args = (self.message,)  # no "(at line 1, column 1)": an empty file has no position to show


def parse_many(
    paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, strict: bool = False
) -> Generator[tuple[Path, Briefing | Exception], None, None]:
    """Parse files one by one or in worker processes, yielding each result in input order.

    A file that cannot be parsed does not stop the batch: its exception is yielded in place of
    the briefing. At most a few files per worker are in flight, so memory does not depend on
    how many paths there are, and ``paths`` may be a lazy iterator. Closing the generator early
    (``close()``, or leaving a ``for`` loop) waits for the files in flight and stops the workers.

    Args:
        paths: The files to parse.
        jobs: How many worker processes to use; 1 parses in this process.
        strict: Parse strictly, as ``parse_file(path, strict=True)``.

    Yields:
        ``(path, result)`` where ``result`` is the ``Briefing``, or the exception that parsing
        raised: ``OSError`` (unreadable), ``DecodeError`` (not UTF-8), ``ParseError`` (strict mode)
        or ``EmptyFileError`` (a ``ParseError`` for a file with no text); any other exception
        would be a bug in the parser, and is yielded too rather than ending the batch.

    Raises:
        ValueError: If ``jobs`` is less than 1.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        for path in paths:
            yield Path(path), parse_one(Path(path), strict)
        return
    load_engine()  # compiled once here, so that forked workers start with it
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_fast_start_context()) as pool:
        in_flight: deque[tuple[list[Path], Future[list[Briefing | Exception]]]] = deque()
        for chunk in _chunks(paths, _CHUNK):
            in_flight.append((chunk, pool.submit(parse_chunk, chunk, strict)))
            if len(in_flight) >= jobs * _AHEAD_PER_WORKER:
                yield from _settled(in_flight.popleft())
        while in_flight:
            yield from _settled(in_flight.popleft())


def _chunks(paths: Iterable[str | os.PathLike[str]], size: int) -> Iterator[list[Path]]:
    chunk: list[Path] = []
    for path in paths:
        chunk.append(Path(path))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _settled(
    entry: tuple[list[Path], Future[list[Briefing | Exception]]],
) -> Iterator[tuple[Path, Briefing | Exception]]:
    chunk, future = entry
    yield from zip(chunk, future.result(), strict=True)


def _fast_start_context() -> multiprocessing.context.BaseContext | None:
    """Fork where it is safe and available: workers then inherit the compiled grammar instead of
    importing and loading it again, which costs more than parsing a few dozen briefings."""
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def parse_chunk(paths: list[Path], strict: bool) -> list[Briefing | Exception]:
    """Parse a chunk of files in a worker process."""
    return [parse_one(path, strict) for path in paths]


def parse_one(path: Path, strict: bool) -> Briefing | Exception:
    """Parse one file, returning the exception instead of raising it (runs in a worker process)."""
    try:
        if _has_no_text(path):
            return EmptyFileError(os.fspath(path))
        return parse_file(path, strict=strict)
    # Any exception, a parser bug included, belongs to this one file: the batch goes on without it.
    except Exception as error:
        return error


def _has_no_text(path: Path) -> bool:
    # parse_file reads the file again; pages are small and the second read comes from the OS cache.
    return not path.read_bytes().removeprefix(b"\xef\xbb\xbf").strip()
