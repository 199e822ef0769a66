"""Parse many files, in worker processes if asked, yielding results in input order with bounded memory."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import sys
import traceback
from collections import deque
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple, TypeVar, overload

from ._api import parse_file
from ._diagnostics import checked_codes
from ._errors import EmptyFileError
from .dialects import get_dialect
from .engine.grammar import load_engine
from .models import Briefing

# Files go to the workers in chunks: one task per file would spend more time passing tasks and
# results between processes than parsing. Two chunks in flight per worker keep every worker busy
# while the caller consumes results in order, and memory does not grow with the number of files.
_CHUNK = 16
_AHEAD_PER_WORKER = 2

T = TypeVar("T")


@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    strict: bool = False,
    dialect: str = "auto",
    ignore: Collection[str] = (),
    encoding: str | None = None,
    then: None = None,
) -> Generator[tuple[Path, Briefing | Exception], None, None]: ...


@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    strict: bool = False,
    dialect: str = "auto",
    ignore: Collection[str] = (),
    encoding: str | None = None,
    then: Callable[[Path, Briefing], T],
) -> Generator[tuple[Path, T | Exception], None, None]: ...


@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    strict: bool = False,
    dialect: str = "auto",
    ignore: Collection[str] = (),
    encoding: str | None = None,
    then: Callable[[Path, Briefing], T] | None,
) -> Generator[tuple[Path, Briefing | T | Exception], None, None]: ...


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    strict: bool = False,
    dialect: str = "auto",
    ignore: Collection[str] = (),
    encoding: str | None = None,
    then: Callable[[Path, Briefing], object] | None = None,
) -> Generator[tuple[Path, object], None, None]:
    """Parse files one by one or in worker processes, yielding each result in input order.

    A file that cannot be parsed does not stop the batch: its exception is yielded in place of
    the briefing. At most a few files per worker are in flight, so memory does not depend on
    how many paths there are, and ``paths`` may be a lazy iterator. Closing the generator early
    (``close()``, or leaving a ``for`` loop) waits for the files in flight and stops the workers.

    Args:
        paths: The files to parse.
        jobs: How many processes parse: this one and ``jobs - 1`` worker processes; 1 parses in this
            process only.
        strict: Parse strictly, as ``parse_file(path, strict=True)``.
        dialect: The kind of transcript, as for ``parse``: a name from ``dialects()`` or ``"auto"``
            to sniff each file.
        ignore: Diagnostic codes to drop, as for ``parse``.
        encoding: The encoding of files that are not UTF-8, as for ``parse_file``; by default a Chinese
            encoding or UTF-16 is recognised, and anything else is a ``DecodeError``.
        then: What to make of each briefing: called as ``then(path, briefing)`` in the process
            that parsed the file, right after parsing it, and its result is yielded instead of the
            briefing. Sending a briefing back from a worker costs nearly half as much as parsing
            it, so with ``jobs > 1`` convert it there (to JSON text, table rows, counts). With
            ``jobs > 1``, ``then`` and what it returns must be picklable: a module-level function,
            or a ``functools.partial`` of one.

    Yields:
        ``(path, result)`` where ``result`` is the ``Briefing`` (or what ``then`` returned for
        it), or the exception that parsing raised: ``OSError`` (unreadable), ``DecodeError``
        (not UTF-8), ``ParseError`` (strict mode) or ``EmptyFileError`` (a ``ParseError`` for a
        file with no text); any other exception would be a bug in the parser, and is yielded
        too rather than ending the batch. An exception raised by ``then`` is yielded for its file
        in the same way (from a worker, with the worker's traceback as a note). ``then`` is not
        called for a file that failed, and should not return exceptions, which would read as
        failures.

    Raises:
        ValueError: If ``jobs`` is less than 1, or a code in ``ignore`` does not exist.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    options = _Options(strict, dialect, tuple(sorted(checked_codes(ignore))), encoding)
    if jobs == 1:
        for path in paths:
            yield Path(path), parse_then(Path(path), options, then)
        return
    # Compiled once here, so that forked workers start with it.
    load_engine(get_dialect("scio-en" if dialect == "auto" else dialect))
    # ``jobs`` processes parse: this one and ``jobs - 1`` workers. This process would otherwise only
    # wait for results, and a chunk it parses itself is never pickled (on two cores, two jobs went from
    # 1.04 to 1.43 times as fast as one). Its share is every ``jobs``-th chunk, the first going to a
    # worker. (Parsing here only while the next result is still with a worker balanced worse: the
    # worker ran dry.)
    with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=_fast_start_context()) as pool:
        in_flight: deque[tuple[list[Path], Future[list[object]] | None]] = deque()
        for index, chunk in enumerate(_chunks(paths, _CHUNK)):
            here = index % jobs == jobs - 1
            in_flight.append((chunk, None if here else pool.submit(parse_chunk, chunk, options, then)))
            if len(in_flight) >= jobs * _AHEAD_PER_WORKER:
                yield from _settled(in_flight.popleft(), options, then)
        while in_flight:
            yield from _settled(in_flight.popleft(), options, then)


def _settled(
    entry: tuple[list[Path], Future[list[object]] | None],
    options: _Options,
    then: Callable[[Path, Briefing], object] | None,
) -> Iterator[tuple[Path, object]]:
    """The results of a chunk: a worker's, or (with no future) parsed here and now."""
    chunk, future = entry
    if future is None:
        for path in chunk:
            yield path, parse_then(path, options, then)
    else:
        yield from zip(chunk, future.result(), strict=True)


def _chunks(paths: Iterable[str | os.PathLike[str]], size: int) -> Iterator[list[Path]]:
    chunk: list[Path] = []
    for path in paths:
        chunk.append(Path(path))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fast_start_context() -> multiprocessing.context.BaseContext | None:
    """Fork where it is safe and available: workers then inherit the compiled grammar instead of
    importing and loading it again, which costs more than parsing a few dozen briefings."""
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


class _Options(NamedTuple):
    """How every file of a batch is parsed."""

    strict: bool
    dialect: str
    ignore: tuple[str, ...]
    encoding: str | None = None


def parse_chunk(paths: list[Path], options: _Options, then: Callable[[Path, Briefing], object] | None) -> list[object]:
    """Parse a chunk of files in a worker process, applying ``then`` to each briefing."""
    return [parse_then(path, options, then, in_worker=True) for path in paths]


def parse_then(
    path: Path, options: _Options, then: Callable[[Path, Briefing], object] | None, *, in_worker: bool = False
) -> object:
    """Parse one file and apply ``then`` to the briefing, returning the exception of either instead of raising it."""
    result = parse_one(path, options)
    if then is None or isinstance(result, Exception):
        return result
    try:
        return then(path, result)
    except Exception as error:  # a bug in ``then`` for this one file: the batch goes on without it
        if in_worker:  # the traceback does not survive pickling; a note keeps where it happened
            error.add_note("Traceback in the worker process:\n" + "".join(traceback.format_tb(error.__traceback__)))
        return error


def parse_one(path: Path, options: _Options) -> Briefing | Exception:
    """Parse one file, returning the exception instead of raising it (runs in a worker process)."""
    try:
        if _has_no_text(path):
            return EmptyFileError(os.fspath(path))
        return parse_file(
            path, strict=options.strict, dialect=options.dialect, ignore=options.ignore, encoding=options.encoding
        )
    # Any exception, a parser bug included, belongs to this one file: the batch goes on without it.
    except Exception as error:
        return error


def _has_no_text(path: Path) -> bool:
    # parse_file reads the file again; pages are small and the second read comes from the OS cache.
    return not path.read_bytes().removeprefix(b"\xef\xbb\xbf").strip()
