"""The ``scio-transcripts`` command: parse, check and show briefings, using only the public API.

Exit codes: 0 when every file was handled; 1 when ``check`` found problems; 2 when a file was
skipped (unreadable, empty, not UTF-8, or failing ``--strict``) or the command line was wrong.
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import io
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import Generic, Literal, NamedTuple, NoReturn, TextIO, TypeVar

import attrs
import click
from tqdm import tqdm
from wcwidth import wcswidth, wcwidth

import scio_transcripts as st
from scio_transcripts.outputs.files import briefing_id_of, replacing, replacing_path

EXIT_PROBLEMS = 1
EXIT_SKIPPED = 2

Table = Literal["turns", "exchanges"]
TABLES: tuple[Table, ...] = ("turns", "exchanges")
FORMATS = ("json", "jsonl", "csv", "tei", "tei-corpus", "convokit", "parquet")
# Names that say what they hold: a table in a format, or briefings one per line.
NAMED_FORMATS: dict[str, tuple[str, Table | None]] = {
    "turns-csv": ("csv", "turns"),
    "exchanges-csv": ("csv", "exchanges"),
    "turns-jsonl": ("jsonl", "turns"),
    "exchanges-jsonl": ("jsonl", "exchanges"),
    "briefings-jsonl": ("json", None),
}
# Formats that need a directory: several files per run, or bytes that a terminal should not get.
DIRECTORY_ONLY = ("convokit", "parquet")

T = TypeVar("T")


# The same --dialect for every command that parses.
DIALECT_OPTION = click.option(
    "--dialect",
    type=click.Choice(["auto", *st.dialects()]),
    default="auto",
    show_default=True,
    help="The kind of transcript; auto sniffs each file (English SCIO, Chinese SCIO, Foreign Ministry).",
)


# The same --ignore for every command that parses: the codes are listed in `check --help` and docs/api.md.
IGNORE_OPTION = click.option(
    "--ignore",
    multiple=True,
    type=click.Choice(list(st.diagnostic_codes())),
    metavar="CODE",
    help="Drop diagnostics of this code (repeat for more); see the codes in docs/api.md#diagnostics.",
)
# The encoding of inputs that are not UTF-8, for every command that reads files.
ENCODING_OPTION = click.option(
    "--encoding",
    default=None,
    metavar="NAME",
    help="Read files that are not UTF-8 in this encoding (e.g. gb18030). By default a Chinese encoding "
    "or UTF-16 is recognised and flagged; other bytes are an error.",
)


_JOBS_HELP = "Processes that parse: this one and N-1 workers."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(st.__version__, prog_name="scio-transcripts")
def main() -> None:
    """Parse transcripts of SCIO press briefings into JSON, tables, TEI or ConvoKit corpora."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice([*FORMATS, *NAMED_FORMATS]),
    default="json",
    show_default=True,
    help="json and tei: a document per input; csv, jsonl and parquet: tables of all inputs; "
    "tei-corpus: one teiCorpus of all inputs; convokit: one corpus of all inputs. "
    "turns-csv, exchanges-csv, turns-jsonl, exchanges-jsonl: "
    "that table; briefings-jsonl: one briefing per line on standard output.",
)
@click.option(
    "--out",
    default="-",
    show_default=True,
    metavar="DIR|-",
    help="The output directory (created if missing), or - for standard output.",
)
@click.option(
    "--table",
    type=click.Choice(TABLES),
    default=None,
    help="For csv, jsonl and parquet: write only this table. On standard output the default is turns.",
)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help=_JOBS_HELP)
@click.option("--strict", is_flag=True, help="Skip (and report) every file that strict parsing rejects.")
@click.option(
    "--excel",
    is_flag=True,
    help="For csv: start each file with a byte-order mark, so that Excel reads it as UTF-8 (Chinese too).",
)
@click.option(
    "--join-pages",
    is_flag=True,
    help="Join the pages of a briefing split over files (STEM.txt, STEM_2.txt, …) into one briefing.",
)
@ENCODING_OPTION
@DIALECT_OPTION
@IGNORE_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
def parse(
    paths: tuple[str, ...],
    output_format: str,
    out: str,
    table: Table | None,
    jobs: int,
    strict: bool,
    excel: bool,
    join_pages: bool,
    encoding: str | None,
    dialect: str,
    ignore: tuple[str, ...],
    quiet: bool,
) -> None:
    """Parse PATH... (files, folders searched recursively for *.txt and *.html, or globs) and write the results.

    \b
    Where outputs go, with --out DIR:
      json, tei   DIR/<path relative to the inputs' common folder>.json or .xml
      csv, jsonl  DIR/turns.csv and DIR/exchanges.csv (or .jsonl): one table for all inputs
      parquet     DIR/turns.parquet and DIR/exchanges.parquet
      tei-corpus  DIR/corpus.xml: one teiCorpus, every speaker declared once
      convokit    DIR/utterances.jsonl, speakers.json, conversations.json, corpus.json, index.json
    With --out - (the default): json writes one briefing per line (JSON Lines), csv and jsonl write
    one table, and tei needs exactly one input. Files are written whole or not at all.

    PATH - reads one transcript (or page) from standard input.

    With --join-pages, STEM_2.txt, STEM_3.txt, … are the later pages of STEM.txt when STEM.txt is
    among the inputs: they become one briefing, named after STEM.txt, and a page missing between
    them gives a missing-page diagnostic.
    """
    to_stdout = out == "-"
    if output_format in NAMED_FORMATS:
        named = output_format
        output_format, named_table = NAMED_FORMATS[named]
        if table and named_table and table != named_table:
            raise click.UsageError(f"--format {named} writes the {named_table} table, not --table {table}")
        if named == "briefings-jsonl" and not to_stdout:
            raise click.UsageError(
                "--format briefings-jsonl writes to standard output; use --format json with --out DIR"
            )
        table = table or named_table
    if table and output_format not in ("csv", "jsonl", "parquet"):
        raise click.UsageError(f"--table applies to csv, jsonl and parquet, not {output_format}")
    if to_stdout and output_format in DIRECTORY_ONLY:
        raise click.UsageError(f"--format {output_format} writes several files: give --out DIR")
    if excel and output_format != "csv":
        raise click.UsageError(f"--excel applies to csv, not {output_format}")
    if output_format == "parquet" and not (find_spec("pandas") and find_spec("pyarrow")):
        raise click.UsageError(
            "--format parquet needs pandas and pyarrow: pip install pandas pyarrow "
            "(or, in the checkout, pip install '.[pandas]')"
        )
    with _inputs(paths) as files:
        options = _RunOptions(jobs, strict, join_pages, encoding, dialect, ignore, quiet, excel)
        _parse_files(files, output_format, out, table, options)


class _RunOptions(NamedTuple):
    """How ``parse`` reads and writes, besides what and where."""

    jobs: int
    strict: bool
    join_pages: bool
    encoding: str | None
    dialect: str
    ignore: tuple[str, ...]
    quiet: bool
    excel: bool


def _parse_files(files: list[Path], output_format: str, out: str, table: Table | None, options: _RunOptions) -> None:
    """``parse`` once its inputs are known files."""
    jobs, strict, join_pages, encoding, dialect, ignore, quiet, excel = options
    to_stdout = out == "-"
    if to_stdout and output_format == "tei" and len(files) != 1:
        raise click.UsageError(f"--format tei writes one document per input; give --out DIR for {len(files)} inputs")
    directory = None if to_stdout else _output_directory(out)
    root = _common_folder(files)  # briefing ids are paths relative to it: en/001 and zh/001 stay two

    # Each briefing is converted in the worker that parsed it (see _InWorker); this process only writes.
    # Joined pages are converted here, once all the pages of a briefing are parsed.
    batch = _Batch(
        files,
        quiet=quiet,
        writing_to_stdout=to_stdout,
        jobs=jobs,
        strict=strict,
        dialect=dialect,
        ignore=ignore,
        joining=join_pages,
        encoding=encoding,
    )
    if output_format in ("json", "tei"):
        convert: Callable[[Path, st.Briefing], str]
        if output_format == "json":
            convert = functools.partial(_json_text, None if directory is None else 2)
        else:
            convert = functools.partial(_tei_text, root)
        _write_documents(batch.run(convert), output_format, directory, root)
    elif output_format in ("csv", "jsonl"):
        tables = (table,) if table else (("turns",) if directory is None else TABLES)
        texts = batch.run(functools.partial(_table_text, output_format, tables, root))
        _write_tables(texts, output_format, tables, directory, excel=excel)
    elif output_format == "parquet":
        assert directory is not None
        tables = (table,) if table else TABLES
        _write_parquet(batch.run(functools.partial(_table_rows, tables, root)), tables, directory)
    elif output_format == "tei-corpus":
        # One document of all briefings: its speakers are declared once, so it is built here.
        corpus = st.to_tei_corpus(((path.absolute(), b) for path, b in batch.briefings()), root=root)
        if directory is None:
            with _stdout_text() as file:
                file.write(corpus)
        else:
            with replacing(directory / "corpus.xml") as file:
                file.write(corpus)
    else:
        assert directory is not None
        # The corpus numbers speakers and conversations across briefings, so it is built here.
        st.write_convokit(batch.briefings(), directory, root=root)
    batch.finish(f"written to {out if directory else 'standard output'}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help=_JOBS_HELP)
@ENCODING_OPTION
@DIALECT_OPTION
@IGNORE_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
def check(
    paths: tuple[str, ...], jobs: int, encoding: str | None, dialect: str, ignore: tuple[str, ...], quiet: bool
) -> None:
    """Report what strict parsing would reject in PATH..., as file:line:col: message [code].

    Both what lenient parsing worked around and the signs of a probably wrong parse are reported;
    --ignore CODE drops a kind you expect. Exits 1 if any file has a problem, 2 if any file could
    not be read, 0 if all are clean.
    """
    files = _expand_inputs(paths)
    # The diagnostics go through the bar's own writer, so the bar may show between them.
    batch = _Batch(
        files,
        quiet=quiet,
        writing_to_stdout=False,
        jobs=jobs,
        strict=False,
        dialect=dialect,
        ignore=ignore,
        encoding=encoding,
    )
    with_problems = 0
    for _, problems in batch.run(_problems):
        for problem in problems:
            tqdm.write(problem, file=sys.stdout)
        with_problems += bool(problems)
    batch.finish(f"{with_problems} with problems")
    if with_problems:
        sys.exit(EXIT_PROBLEMS)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@ENCODING_OPTION
@DIALECT_OPTION
def show(file: Path, encoding: str | None, dialect: str) -> None:
    """Print a readable summary of one briefing: header, counts, and a line per turn."""
    try:
        briefing = st.parse_file(file, dialect=dialect, encoding=encoding)
    except (OSError, st.ParseError) as error:
        click.echo(_failure(file, error), err=True)
        sys.exit(EXIT_SKIPPED)
    # Piped output has no terminal to fit; 120 columns still reads well in a pager.
    click.echo(summary(briefing, file, width=shutil.get_terminal_size(fallback=(120, 24)).columns))


def summary(briefing: st.Briefing, file: Path, *, width: int = 100) -> str:
    """The text ``show`` prints: header facts, counts, and a table with one row per turn."""
    chair = briefing.chairperson
    facts = [
        ("File", str(file)),
        ("Title", briefing.title or "(none)"),
        ("Date", briefing.date.isoformat() if briefing.date else "(unknown)"),
        ("Place, time", ", ".join(filter(None, (briefing.place, briefing.time))) or "(not given)"),
        ("Chairperson", _person(chair) if chair else "(not named)"),
        *[("Speaker", _person(person)) for person in briefing.speakers],
        (
            "Counts",
            f"{briefing.page_count} pages, {len(briefing.turns)} turns, {len(briefing.exchanges())} exchanges, "
            f"{len(briefing.notes)} notes, {len(briefing.unparsed)} unparsed, {len(briefing.diagnostics)} diagnostics",
        ),
    ]
    lines = [f"{name + ':':<13}{_fit(value, max(width - 13, 30))}" for name, value in facts]
    header = f"{'#':>3}  {'page':>4}  {'role':<11}  {'speaker':<26}  {'length':>7}  text"
    lines += ["", header, "-" * min(len(header) + 20, max(width, 60))]
    for index, turn in enumerate(briefing.turns):
        who = turn.speaker.name if turn.speaker else (turn.label or "(no label)")
        start = f"{index:>3}  {turn.page:>4}  {turn.role.value:<11}  {_pad(_fit(who, 26), 26)}  "
        start += f"{_length(turn.text):>7}  "
        room = max(width - wcswidth(start), 10)  # the text gets what the other columns leave
        lines.append(start + _fit(turn.text, room))
    return "\n".join(lines)


def _fit(text: str, room: int) -> str:
    """``text`` on one line, cut to ``room`` terminal columns with an ellipsis: a Chinese character
    takes two columns, and a text without spaces is cut anywhere (``textwrap`` would drop it whole)."""
    text = " ".join(text.split())
    if wcswidth(text) <= room:
        return text
    kept, used = [], 1  # the ellipsis takes one column
    for char in text:
        width = max(wcwidth(char), 0)
        if used + width > room:
            break
        kept.append(char)
        used += width
    return "".join(kept).rstrip() + "…"


def _pad(text: str, room: int) -> str:
    """``text`` padded with spaces to ``room`` terminal columns."""
    return text + " " * max(room - wcswidth(text), 0)


def _length(text: str) -> str:
    """How long a turn is: words, or characters for Chinese text, which has no spaces between words."""
    chinese = sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    return f"{chinese} ch" if chinese > len(text) // 4 else f"{len(text.split())} w"


class _Batch:
    """One run over many files: the progress bar, the report of skipped files, the exit code."""

    def __init__(
        self,
        files: Sequence[Path],
        *,
        quiet: bool,
        writing_to_stdout: bool,
        jobs: int,
        strict: bool,
        dialect: str,
        ignore: tuple[str, ...] = (),
        joining: bool = False,
        encoding: str | None = None,
    ) -> None:
        self.files = files
        self.joining = joining
        self.encoding = encoding
        self.ignore = ignore
        self.jobs = jobs
        self.strict = strict
        self.dialect = dialect
        self.total = len(files)
        self.skipped = 0
        self.quiet = quiet
        # A bar only where a person watches, and never in the middle of data on the same terminal.
        shown = not quiet and not writing_to_stdout and sys.stdout.isatty() and sys.stderr.isatty()
        self.bar = tqdm(total=self.total, unit="file", disable=not shown, file=sys.stderr, leave=False)

    def run(self, convert: Callable[[Path, st.Briefing], T]) -> Iterator[tuple[Path, T]]:
        """Parse the files and ``convert`` each briefing in the worker that parsed it, in input order.

        A file that could not be parsed is reported and counted as ``successes`` does; an exception
        raised by ``convert`` is a bug, not a skipped file, and is raised here, as it would be if
        the conversion ran in this process.
        """
        if self.joining:
            yield from ((path, convert(path, briefing)) for path, briefing in self._joined())
            return
        results = st.parse_many(
            self.files,
            jobs=self.jobs,
            strict=self.strict,
            dialect=self.dialect,
            ignore=self.ignore,
            encoding=self.encoding,
            then=_InWorker(convert),
        )
        converted: Iterator[tuple[Path, T | _Failed]] = self.successes(results)
        for path, result in converted:
            if isinstance(result, _Failed):
                result.reraise()
            yield path, result

    def briefings(self) -> Iterator[tuple[Path, st.Briefing]]:
        """The briefings themselves, each parsed file's (or, joining, each group's), in input order."""
        if self.joining:
            return self._joined()
        return self.successes(self._parsed())

    def _parsed(self) -> Iterator[tuple[Path, st.Briefing | Exception]]:
        """Each file's briefing, or its exception, in input order, parsed with this run's options."""
        return st.parse_many(
            self.files,
            jobs=self.jobs,
            strict=self.strict,
            dialect=self.dialect,
            ignore=self.ignore,
            encoding=self.encoding,
        )

    def _joined(self) -> Iterator[tuple[Path, st.Briefing]]:
        """Each briefing, its pages joined, named after its first page's file, in input order."""
        parsed = dict(self.successes(self._parsed()))
        for first, pages in page_groups(self.files):
            present = [(number, path) for number, path in pages if path in parsed]
            if not present:
                continue
            joined = st.join_pages([parsed[path] for _number, path in present])
            yield first, _with_missing_pages(joined, first, present)

    def successes(self, results: Iterable[tuple[Path, T | Exception]]) -> Iterator[tuple[Path, T]]:
        """The results of the files that were parsed; every failure is reported on stderr and counted instead."""
        for path, result in results:
            self.bar.update()
            if isinstance(result, Exception):
                self.skipped += 1
                tqdm.write(_failure(path, result), file=sys.stderr)
            else:
                yield path, result

    def finish(self, outcome: str) -> None:
        """Close the bar, say what happened, and exit 2 if anything was skipped."""
        self.bar.close()
        if not self.quiet:
            click.echo(f"{self.total - self.skipped} of {self.total} files read, {outcome}", err=True)
        if self.skipped:
            if not self.quiet:
                click.echo(f"{self.skipped} file(s) skipped", err=True)
            sys.exit(EXIT_SKIPPED)


@dataclasses.dataclass(frozen=True)
class _InWorker(Generic[T]):
    """A conversion for ``parse_many``'s ``then``: it runs in the worker that parsed the briefing.

    Sending a briefing back from a worker costs nearly half as much as parsing it, and converting
    it in this process would leave one process doing work the workers could share; so the workers
    send back what is to be written (text, or rows of plain values) and this process only writes.
    An exception in the conversion comes back as a ``_Failed`` rather than as the file's result,
    so that it is raised, as a bug, instead of being reported as a skipped file.
    """

    convert: Callable[[Path, st.Briefing], T]

    def __call__(self, path: Path, briefing: st.Briefing) -> T | _Failed:
        try:
            return self.convert(path, briefing)
        except Exception as error:
            return _Failed(error, "".join(traceback.format_exception(error)))


@dataclasses.dataclass(frozen=True)
class _Failed:
    """An exception raised while converting a briefing, with its traceback as text (pickling drops it)."""

    error: Exception
    trace: str

    def reraise(self) -> NoReturn:
        if self.error.__traceback__ is None:  # it came from a worker process
            self.error.add_note(f"Raised in a worker process:\n{self.trace}")
        raise self.error


def _json_text(indent: int | None, _: Path, briefing: st.Briefing) -> str:
    """A JSON document: indented for a file, one line on standard output (JSON Lines)."""
    return st.to_json(briefing, indent=indent) + "\n"


def _tei_text(root: Path, path: Path, briefing: st.Briefing) -> str:
    return st.to_tei(briefing, source=path, briefing_id=briefing_id_of(path.absolute(), root))


def _table_text(
    output_format: str, tables: Sequence[Table], root: Path, path: Path, briefing: st.Briefing
) -> list[str]:
    """The rows of each table as CSV or JSON Lines text, without the CSV header line."""
    texts = []
    for table in tables:
        buffer = io.StringIO(newline="")
        if output_format == "csv":
            writer: st.CsvWriter | st.JsonlWriter = st.CsvWriter(buffer, table=table)
            buffer.seek(0)  # the header line, which the file gets once, from its own writer
            buffer.truncate()
        else:
            writer = st.JsonlWriter(buffer)
        identifier = briefing_id_of(path.absolute(), root)
        rows = (
            st.turn_rows(briefing, source=path, briefing_id=identifier)
            if table == "turns"
            else st.exchange_rows(briefing, source=path, briefing_id=identifier)
        )
        writer.write(rows)
        texts.append(buffer.getvalue())
    return texts


def _table_rows(
    tables: Sequence[Table], root: Path, path: Path, briefing: st.Briefing
) -> tuple[list[st.TurnRow], list[st.ExchangeRow]]:
    """The turn rows and the exchange rows, each empty unless its table is wanted."""
    identifier = briefing_id_of(path.absolute(), root)
    turns = st.turn_rows(briefing, source=path, briefing_id=identifier) if "turns" in tables else []
    exchanges = st.exchange_rows(briefing, source=path, briefing_id=identifier) if "exchanges" in tables else []
    return turns, exchanges


def _problems(path: Path, briefing: st.Briefing) -> list[str]:
    """What ``check`` prints for a briefing: a file:line:col: message [code] line per diagnostic."""
    return [
        f"{path}:{diagnostic.span.line}:{diagnostic.span.column}: {diagnostic.message} [{diagnostic.code}]"
        for diagnostic in briefing.diagnostics
    ]


def _failure(path: Path, error: Exception) -> str:
    """One line that names the file and says why it was skipped."""
    if isinstance(error, st.EmptyFileError):
        return f"{path}: skipped: the file is empty"
    if isinstance(error, st.DecodeError):
        return (
            f"{path}:{error.line}:{error.column}: skipped: not UTF-8 "
            f"(undecodable byte at byte offset {error.byte_offset})"
        )
    if isinstance(error, st.ParseError):
        message = error.message.removeprefix(f"{path}: ")  # parse_file's errors name the file already
        return f"{path}:{error.line}:{error.column}: skipped: {message}"
    if isinstance(error, OSError):
        return f"{path}: skipped: cannot read: {error.strerror or error}"
    return f"{path}: skipped: {type(error).__name__}: {error}"


# What a folder is searched for, in any case: transcripts saved as text, and saved web pages.
INPUT_SUFFIXES = frozenset({".txt", ".htm", ".html"})


def _in_folder(folder: Path) -> list[Path]:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")]
    taken = sorted(path for path in files if path.suffix.lower() in INPUT_SUFFIXES)
    if len(taken) < len(files):
        click.echo(f"{folder}: {len(files) - len(taken)} file(s) not read (not .txt, .htm or .html)", err=True)
    return taken


@contextmanager
def _inputs(paths: Sequence[str]) -> Iterator[list[Path]]:
    """The input files; ``-`` is standard input, saved to a temporary file for the parse."""
    if list(paths) != ["-"]:
        yield _expand_inputs(paths)
        return
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "stdin.txt"
        saved.write_bytes(sys.stdin.buffer.read())
        yield [saved]


def _expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files from arguments: folders searched recursively for *.txt, *.htm and *.html (in any case),
    globs expanded, duplicates dropped."""
    found: list[Path] = []
    for argument in paths:
        if Path(argument).is_dir():
            found += _in_folder(Path(argument))
        elif not Path(argument).exists() and glob.has_magic(argument):
            # glob.glob, unlike Path.glob, takes absolute patterns as a shell does.
            matches = sorted(Path(match) for match in glob.glob(argument, recursive=True))  # noqa: PTH207
            if not matches:
                raise click.UsageError(f"no file matches {argument}")
            for match in matches:
                found += _in_folder(match) if match.is_dir() else [match]
        elif not Path(argument).exists():
            raise click.UsageError(f"no such file or folder: {argument}")
        else:
            found.append(Path(argument))
    unique = list(dict.fromkeys(found))
    if not unique:
        raise click.UsageError("no .txt, .htm or .html files found in " + ", ".join(paths))
    return unique


def page_groups(files: Sequence[Path]) -> list[tuple[Path, list[tuple[int, Path]]]]:
    """The files grouped into briefings: ``STEM_2.txt``, ``STEM_3.txt``, … are pages 2, 3, … of
    ``STEM.txt`` when that file is among ``files`` (a ``content_7.txt`` alone is a briefing of its
    own); each group is in page order and named after its first page, groups in input order."""
    later: dict[Path, list[tuple[int, Path]]] = {}
    given = set(files)  # a folder may hold thousands of pages
    for path in files:
        stem, _, number = path.stem.rpartition("_")
        first = path.with_name(stem + path.suffix)
        if stem and number.isdigit() and int(number) >= 2 and first in given:
            later.setdefault(first, []).append((int(number), path))
    pages_of_later = {path for pages in later.values() for _number, path in pages}
    return [(path, [(1, path), *sorted(later.get(path, []))]) for path in files if path not in pages_of_later]


def _with_missing_pages(briefing: st.Briefing, first: Path, present: list[tuple[int, Path]]) -> st.Briefing:
    """The joined briefing, with a ``missing-page`` diagnostic for each page number not among the files."""
    numbers = [number for number, _path in present]
    found: list[st.Diagnostic] = []
    for source, (number, previous) in enumerate(zip(numbers[1:], numbers, strict=False), start=1):
        for missing in range(previous + 1, number):
            name = f"{first.stem}_{missing}{first.suffix}" if missing > 1 else first.name
            found.append(
                st.Diagnostic(
                    code="missing-page",
                    message=f"Expected page {missing} ({name}) before this page; it is not among the files",
                    span=st.Span(start=0, end=0, line=1, column=1, source=source),
                    expected=(f"page {missing}",),
                )
            )
    if numbers and numbers[0] != 1:
        found.append(
            st.Diagnostic(
                code="missing-page",
                message=f"Expected page 1 ({first.name}); it could not be read",
                span=st.Span(start=0, end=0, line=1, column=1, source=0),
                expected=("page 1",),
            )
        )
    if not found:
        return briefing
    diagnostics = sorted((*briefing.diagnostics, *found), key=lambda d: (d.span.source, d.span.start))
    return attrs.evolve(briefing, diagnostics=tuple(diagnostics))


def _output_directory(out: str) -> Path:
    directory = Path(out)
    if directory.exists() and not directory.is_dir():
        raise click.UsageError(f"--out {out} is a file; give a directory or -")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _common_folder(files: Sequence[Path]) -> Path:
    return Path(os.path.commonpath([path.absolute().parent for path in files]))


def _write_documents(
    documents: Iterable[tuple[Path, str]], output_format: str, directory: Path | None, common: Path
) -> None:
    """A JSON or TEI document per briefing: a file each in the directory, or lines on stdout."""
    with ExitStack() as stack:
        stdout = stack.enter_context(_stdout_text()) if directory is None else None
        for path, text in documents:
            if stdout is not None:
                stdout.write(text)
                continue
            assert directory is not None
            suffix = ".json" if output_format == "json" else ".xml"
            target = directory / path.absolute().relative_to(common).with_suffix(suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            with replacing(target) as file:
                file.write(text)


def _write_tables(
    texts: Iterable[tuple[Path, list[str]]],
    output_format: str,
    tables: Sequence[Table],
    directory: Path | None,
    *,
    excel: bool = False,
) -> None:
    """Combined tables of all briefings as CSV or JSON Lines, streamed briefing by briefing.

    ``texts`` holds, per briefing, the text of its rows of each table, in the order of ``tables``.
    """
    with ExitStack() as stack:
        files: list[TextIO] = []
        for table in tables:
            if directory is None:
                file = stack.enter_context(_stdout_text())
            else:
                file = stack.enter_context(replacing(directory / f"{table}.{output_format}"))
            if output_format == "csv":
                if excel:
                    file.write("\ufeff")  # Excel takes a CSV without one for the locale's code page
                st.CsvWriter(file, table=table)  # writes the header line
            files.append(file)
        for _, briefing_texts in texts:
            for file, text in zip(files, briefing_texts, strict=True):
                file.write(text)


def _write_parquet(
    rows: Iterable[tuple[Path, tuple[list[st.TurnRow], list[st.ExchangeRow]]]], tables: Sequence[Table], directory: Path
) -> None:
    """Parquet tables; the rows of the whole batch are held in memory until the file is written."""
    turns: list[st.TurnRow] = []
    exchanges: list[st.ExchangeRow] = []
    for _, (briefing_turns, briefing_exchanges) in rows:
        turns += briefing_turns
        exchanges += briefing_exchanges
    for table in tables:
        with replacing_path(directory / f"{table}.parquet") as temporary:
            st.write_parquet(turns if table == "turns" else exchanges, temporary, table=table)


@contextmanager
def _stdout_text() -> Iterator[TextIO]:
    """Standard output as UTF-8 text without newline translation, whatever the locale."""
    sys.stdout.flush()  # whatever was written as text so far goes first
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()  # leave the underlying stdout open for whoever writes next


def _person(person: st.Person) -> str:
    name = " ".join(filter(None, (person.honorific, person.name)))
    return f"{name}, {person.title}" if person.title else name
