"""parse_many: results in input order, errors in place of briefings, bounded look-ahead, worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import assert_type

import pytest

import scio_transcripts as st
from scio_transcripts import _batch

from .conftest import DATA, SAMPLE
from .support.fixtures import valid_fixtures


@pytest.fixture
def folder(tmp_path: Path) -> list[Path]:
    """The sample briefing, three fixtures, a non-UTF-8 file, an empty file and a missing one, in that order."""
    paths = [tmp_path / "sample.txt"]
    shutil.copy(SAMPLE, paths[0])
    for number, fixture in enumerate(valid_fixtures()[:3]):
        paths.append(tmp_path / f"fixture{number}.txt")
        shutil.copy(fixture, paths[-1])
    paths.append(tmp_path / "latin1.txt")
    paths[-1].write_bytes("Xing Huina:\nCaf\xe9 au lait.\n".encode("latin-1"))
    paths.append(tmp_path / "empty.txt")
    paths[-1].write_bytes(b"")
    paths.append(tmp_path / "missing.txt")
    return paths


def test_results_come_in_input_order_with_errors_in_place(folder: list[Path]) -> None:
    """Each path is paired with its own result; bad files give their exception, not a briefing."""
    results = list(st.parse_many(folder))
    assert [path for path, _ in results] == folder
    assert all(isinstance(result, st.Briefing) for _, result in results[:4])
    assert results[0][1] == st.parse_file(SAMPLE)
    assert isinstance(results[4][1], st.DecodeError)
    assert isinstance(results[5][1], st.EmptyFileError)
    assert isinstance(results[6][1], FileNotFoundError)


def test_workers_give_the_same_results_in_the_same_order(folder: list[Path]) -> None:
    """jobs=2 yields what jobs=1 yields, briefings equal and errors of the same kind and message."""
    alone = list(st.parse_many(folder))
    parallel = list(st.parse_many(folder, jobs=2))
    assert [path for path, _ in parallel] == folder
    for (_, expected), (_, got) in zip(alone, parallel, strict=True):
        if isinstance(expected, st.Briefing):
            assert got == expected
        else:
            assert type(got) is type(expected)
            assert str(got) == str(expected)


@pytest.mark.parametrize("jobs", [2, 3])
def test_chunks_parsed_here_and_in_workers_keep_the_input_order(tmp_path: Path, jobs: int) -> None:
    """With more files than one chunk, this process parses some chunks and the workers the others;
    the results are those of jobs=1, in the same order."""
    paths = []
    for number, fixture in enumerate(valid_fixtures()[: _batch._CHUNK * 4 + 3]):
        paths.append(tmp_path / f"{number:03d}.txt")
        shutil.copy(fixture, paths[-1])
    assert list(st.parse_many(paths, jobs=jobs)) == list(st.parse_many(paths))


def test_strict_errors_cross_the_process_boundary_intact() -> None:
    """A strict ParseError from a worker keeps its message, line, column and context."""
    invalid = sorted((DATA / "invalid").glob("*.txt"))[:2]
    expected = [result for _, result in st.parse_many(invalid, strict=True)]
    got = [result for _, result in st.parse_many(invalid, jobs=2, strict=True)]
    for mine, theirs in zip(expected, got, strict=True):
        assert isinstance(mine, st.ParseError)
        assert isinstance(theirs, st.ParseError)
        assert (theirs.message, theirs.line, theirs.column, theirs.context) == (
            mine.message,
            mine.line,
            mine.column,
            mine.context,
        )


def test_empty_file_error_names_the_file(tmp_path: Path) -> None:
    """A file of blanks (a BOM, spaces, newlines) is an EmptyFileError, a ParseError whose message has the path."""
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"\xef\xbb\xbf  \r\n\n")
    ((_, error),) = list(st.parse_many([blank]))
    assert isinstance(error, st.ParseError)
    assert isinstance(error, st.EmptyFileError)
    assert str(error) == f"{blank}: the file is empty"


@pytest.mark.parametrize("jobs", [1, 2])
def test_paths_are_pulled_lazily(jobs: int) -> None:
    """Only a few chunks per worker are taken ahead of the results, so memory does not grow with the batch."""
    pulled = 0

    def endless() -> Iterator[Path]:
        nonlocal pulled
        while True:
            pulled += 1
            yield SAMPLE

    results = st.parse_many(endless(), jobs=jobs)
    for _ in range(3):
        next(results)
    ahead = 0 if jobs == 1 else (jobs * _batch._AHEAD_PER_WORKER + 1) * _batch._CHUNK
    assert pulled <= 3 + ahead
    results.close()


def test_jobs_must_be_positive() -> None:
    """jobs=0 is a ValueError raised on first use."""
    with pytest.raises(ValueError, match="jobs must be at least 1, not 0"):
        next(st.parse_many([SAMPLE], jobs=0))


def test_paths_may_be_strings(folder: list[Path]) -> None:
    """str paths are accepted and come back as Path objects."""
    ((path, result),) = list(st.parse_many([str(folder[0])]))
    assert path == folder[0]
    assert isinstance(result, st.Briefing)


def _turn_count(path: Path, briefing: st.Briefing) -> tuple[str, int]:
    """A ``then`` for the tests: small, plain, picklable."""
    return path.name, len(briefing.turns)


def _fail_on_fixtures(path: Path, briefing: st.Briefing) -> int:
    """A ``then`` that breaks for some files, as a bug in a caller's function would."""
    if path.name.startswith("fixture"):
        raise KeyError(path.name)
    return len(briefing.turns)


def _json_and_rows(path: Path, briefing: st.Briefing) -> tuple[str, list[st.TurnRow]]:
    return st.to_json(briefing), st.turn_rows(briefing, source=path)


@pytest.mark.parametrize("jobs", [1, 2])
def test_then_results_come_in_input_order_with_errors_in_place(folder: list[Path], jobs: int) -> None:
    """With then, its result is yielded instead of the briefing; files that fail still give their exception."""
    results = list(st.parse_many(folder, jobs=jobs, then=_turn_count))
    assert [path for path, _ in results] == folder
    expected = [(path.name, len(st.parse_file(path).turns)) for path in folder[:4]]
    assert [result for _, result in results[:4]] == expected
    assert isinstance(results[4][1], st.DecodeError)
    assert isinstance(results[5][1], st.EmptyFileError)
    assert isinstance(results[6][1], FileNotFoundError)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_exception_from_then_is_yielded_for_its_file(folder: list[Path], jobs: int) -> None:
    """then raising for some files does not stop the batch: those files give the exception, the others go on."""
    results = [result for _, result in st.parse_many(folder[:4], jobs=jobs, then=_fail_on_fixtures)]
    assert results[0] == 8  # the sample's turns
    for path, result in zip(folder[1:4], results[1:4], strict=True):
        assert isinstance(result, KeyError)
        assert result.args == (path.name,)
    if jobs > 1:  # the worker's traceback travels as a note, since pickling drops the traceback itself
        assert isinstance(results[1], KeyError)
        assert "in _fail_on_fixtures" in "".join(results[1].__notes__)


def test_then_results_cross_the_process_boundary_intact(folder: list[Path]) -> None:
    """What then returns in a worker (text, rows with dates) equals what it returns in this process."""
    alone = list(st.parse_many(folder[:4], then=_json_and_rows))
    parallel = list(st.parse_many(folder[:4], jobs=2, then=_json_and_rows))
    assert parallel == alone
    sample_result = alone[0][1]
    assert not isinstance(sample_result, Exception)
    text, rows = sample_result
    assert st.from_json(text) == st.parse_file(SAMPLE)
    assert len(rows) == 8  # one per turn of the sample


def test_parse_many_result_types() -> None:
    """Without then the results are briefings or exceptions; with it, then's return type or exceptions."""
    plain = st.parse_many([SAMPLE])
    assert_type(plain, Generator[tuple[Path, st.Briefing | Exception], None, None])
    counted = st.parse_many([SAMPLE], then=_turn_count)
    assert_type(counted, Generator[tuple[Path, tuple[str, int] | Exception], None, None])
    maybe: Callable[[Path, st.Briefing], tuple[str, int]] | None = _turn_count
    assert_type(
        st.parse_many([SAMPLE], then=maybe),
        Generator[tuple[Path, st.Briefing | tuple[str, int] | Exception], None, None],
    )
    assert next(counted) == (SAMPLE, (SAMPLE.name, 8))
    assert isinstance(next(plain)[1], st.Briefing)
