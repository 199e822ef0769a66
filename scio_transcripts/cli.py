"""The ``scio-transcripts`` command: parse, check and show briefings, using only the public API.

Exit codes: 0 when every file was handled; 1 when ``check`` found problems; 2 when a file was
skipped (unreadable, empty, not UTF-8, or failing ``--strict``) or the command line was wrong.
"""

from __future__ import annotations

import glob
import io
import os
import secrets
import shutil
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import Literal, TextIO

import click
from tqdm import tqdm

import scio_transcripts as st

EXIT_PROBLEMS = 1
EXIT_SKIPPED = 2

Table = Literal["turns", "exchanges"]
TABLES: tuple[Table, ...] = ("turns", "exchanges")
FORMATS = ("json", "jsonl", "csv", "tei", "convokit", "parquet")
# Formats that need a directory: several files per run, or bytes that a terminal should not get.
DIRECTORY_ONLY = ("convokit", "parquet")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(st.__version__, prog_name="scio-transcripts")
def main() -> None:
    """Parse transcripts of SCIO press briefings into JSON, tables, TEI or ConvoKit corpora."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="json and tei: a document per input; csv, jsonl and parquet: tables of all inputs; "
    "convokit: one corpus of all inputs.",
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
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--strict", is_flag=True, help="Skip (and report) every file that strict parsing rejects.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
def parse(
    paths: tuple[str, ...],
    output_format: str,
    out: str,
    table: Table | None,
    jobs: int,
    strict: bool,
    quiet: bool,
) -> None:
    """Parse PATH... (files, folders searched recursively for *.txt, or globs) and write the results.

    \b
    Where outputs go, with --out DIR:
      json, tei   DIR/<path relative to the inputs' common folder>.json or .xml
      csv, jsonl  DIR/turns.csv and DIR/exchanges.csv (or .jsonl): one table for all inputs
      parquet     DIR/turns.parquet and DIR/exchanges.parquet
      convokit    DIR/utterances.jsonl, speakers.json, conversations.json, corpus.json, index.json
    With --out - (the default): json writes one briefing per line (JSON Lines), csv and jsonl write
    one table, and tei needs exactly one input. Files are written whole or not at all.
    """
    to_stdout = out == "-"
    if table and output_format not in ("csv", "jsonl", "parquet"):
        raise click.UsageError(f"--table applies to csv, jsonl and parquet, not {output_format}")
    if to_stdout and output_format in DIRECTORY_ONLY:
        raise click.UsageError(f"--format {output_format} writes several files: give --out DIR")
    if output_format == "parquet" and not (find_spec("pandas") and find_spec("pyarrow")):
        raise click.UsageError("--format parquet needs pandas and pyarrow: pip install 'scio-transcripts[pandas]'")
    files = _expand_inputs(paths)
    if to_stdout and output_format == "tei" and len(files) != 1:
        raise click.UsageError(f"--format tei writes one document per input; give --out DIR for {len(files)} inputs")
    directory = None if to_stdout else _output_directory(out)

    batch = _Batch(files, quiet=quiet, writing_to_stdout=to_stdout)
    briefings = batch.successes(st.parse_many(files, jobs=jobs, strict=strict))
    if output_format in ("json", "tei"):
        _write_documents(briefings, output_format, directory, _common_folder(files))
    elif output_format in ("csv", "jsonl"):
        tables = (table,) if table else (("turns",) if directory is None else TABLES)
        _write_tables(briefings, output_format, tables, directory)
    elif output_format == "parquet":
        assert directory is not None
        _write_parquet(briefings, (table,) if table else TABLES, directory)
    else:
        assert directory is not None
        st.write_convokit(briefings, directory)
    batch.finish(f"written to {out if directory else 'standard output'}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
def check(paths: tuple[str, ...], jobs: int, quiet: bool) -> None:
    """Report what strict parsing would reject in PATH..., as file:line:col: message.

    Exits 1 if any file has a problem, 2 if any file could not be read, 0 if all are clean.
    """
    files = _expand_inputs(paths)
    # The diagnostics go through the bar's own writer, so the bar may show between them.
    batch = _Batch(files, quiet=quiet, writing_to_stdout=False)
    with_problems = 0
    for path, briefing in batch.successes(st.parse_many(files, jobs=jobs)):
        for diagnostic in briefing.diagnostics:
            tqdm.write(f"{path}:{diagnostic.span.line}:{diagnostic.span.column}: {diagnostic.message}", file=sys.stdout)
        with_problems += bool(briefing.diagnostics)
    batch.finish(f"{with_problems} with problems")
    if with_problems:
        sys.exit(EXIT_PROBLEMS)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def show(file: Path) -> None:
    """Print a readable summary of one briefing: header, counts, and a line per turn."""
    try:
        briefing = st.parse_file(file)
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
    lines = [f"{name + ':':<13}{textwrap.shorten(value, max(width - 13, 30))}" for name, value in facts]
    header = f"{'#':>3}  {'page':>4}  {'role':<11}  {'speaker':<26}  {'words':>5}  text"
    lines += ["", header, "-" * min(len(header) + 20, max(width, 60))]
    for index, turn in enumerate(briefing.turns):
        who = turn.speaker.name if turn.speaker else (turn.label or "(no label)")
        start = f"{index:>3}  {turn.page:>4}  {turn.role.value:<11}  {textwrap.shorten(who, 26):<26}  "
        start += f"{len(turn.text.split()):>5}  "
        room = max(width - len(start), 30)
        lines.append(start + textwrap.shorten(turn.text, room, placeholder=" …"))
    return "\n".join(lines)


class _Batch:
    """One run over many files: the progress bar, the report of skipped files, the exit code."""

    def __init__(self, files: Sequence[Path], *, quiet: bool, writing_to_stdout: bool) -> None:
        self.total = len(files)
        self.skipped = 0
        self.quiet = quiet
        # A bar only where a person watches, and never in the middle of data on the same terminal.
        shown = not quiet and not writing_to_stdout and sys.stdout.isatty() and sys.stderr.isatty()
        self.bar = tqdm(total=self.total, unit="file", disable=not shown, file=sys.stderr, leave=False)

    def successes(self, results: Iterable[tuple[Path, st.Briefing | Exception]]) -> Iterator[tuple[Path, st.Briefing]]:
        """The parsed briefings; every failure is reported on stderr and counted instead."""
        for path, result in results:
            self.bar.update()
            if isinstance(result, st.Briefing):
                yield path, result
            else:
                self.skipped += 1
                tqdm.write(_failure(path, result), file=sys.stderr)

    def finish(self, outcome: str) -> None:
        """Close the bar, say what happened, and exit 2 if anything was skipped."""
        self.bar.close()
        if not self.quiet:
            click.echo(f"{self.total - self.skipped} of {self.total} files read, {outcome}", err=True)
        if self.skipped:
            if not self.quiet:
                click.echo(f"{self.skipped} file(s) skipped", err=True)
            sys.exit(EXIT_SKIPPED)


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
        return f"{path}:{error.line}:{error.column}: skipped: {error.message}"
    if isinstance(error, OSError):
        return f"{path}: skipped: cannot read: {error.strerror or error}"
    return f"{path}: skipped: {type(error).__name__}: {error}"


def _expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files from arguments: folders searched recursively for *.txt, globs expanded, duplicates dropped."""
    found: list[Path] = []
    for argument in paths:
        if Path(argument).is_dir():
            found += sorted(path for path in Path(argument).rglob("*.txt") if path.is_file())
        elif not Path(argument).exists() and glob.has_magic(argument):
            # glob.glob, unlike Path.glob, takes absolute patterns as a shell does.
            matches = sorted(Path(match) for match in glob.glob(argument, recursive=True))  # noqa: PTH207
            if not matches:
                raise click.UsageError(f"no file matches {argument}")
            for match in matches:
                found += sorted(match.rglob("*.txt")) if match.is_dir() else [match]
        else:
            found.append(Path(argument))  # a missing file is reported with the others and skipped
    unique = list(dict.fromkeys(found))
    if not unique:
        raise click.UsageError("no .txt files found in " + ", ".join(paths))
    return unique


def _output_directory(out: str) -> Path:
    directory = Path(out)
    if directory.exists() and not directory.is_dir():
        raise click.UsageError(f"--out {out} is a file; give a directory or -")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _common_folder(files: Sequence[Path]) -> Path:
    return Path(os.path.commonpath([path.absolute().parent for path in files]))


def _write_documents(
    briefings: Iterable[tuple[Path, st.Briefing]], output_format: str, directory: Path | None, common: Path
) -> None:
    """A JSON or TEI document per briefing: a file each in the directory, or lines on stdout."""
    with ExitStack() as stack:
        stdout = stack.enter_context(_stdout_text()) if directory is None else None
        for path, briefing in briefings:
            if output_format == "json":
                text = st.to_json(briefing, indent=None if stdout else 2) + "\n"
            else:
                text = st.to_tei(briefing, source=path)
            if stdout is not None:
                stdout.write(text)
                continue
            assert directory is not None
            suffix = ".json" if output_format == "json" else ".xml"
            target = directory / path.absolute().relative_to(common).with_suffix(suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            with _replacing(target) as file:
                file.write(text)


def _write_tables(
    briefings: Iterable[tuple[Path, st.Briefing]],
    output_format: str,
    tables: Sequence[Table],
    directory: Path | None,
) -> None:
    """Combined tables of all briefings as CSV or JSON Lines, streamed row by row."""
    with ExitStack() as stack:
        writers: dict[Table, st.CsvWriter | st.JsonlWriter] = {}
        for table in tables:
            if directory is None:
                file = stack.enter_context(_stdout_text())
            else:
                file = stack.enter_context(_replacing(directory / f"{table}.{output_format}"))
            writers[table] = st.CsvWriter(file, table=table) if output_format == "csv" else st.JsonlWriter(file)
        for path, briefing in briefings:
            if "turns" in writers:
                writers["turns"].write(st.turn_rows(briefing, source=path))
            if "exchanges" in writers:
                writers["exchanges"].write(st.exchange_rows(briefing, source=path))


def _write_parquet(briefings: Iterable[tuple[Path, st.Briefing]], tables: Sequence[Table], directory: Path) -> None:
    """Parquet tables; the rows of the whole batch are held in memory until the file is written."""
    turns: list[st.TurnRow] = []
    exchanges: list[st.ExchangeRow] = []
    for path, briefing in briefings:
        if "turns" in tables:
            turns += st.turn_rows(briefing, source=path)
        if "exchanges" in tables:
            exchanges += st.exchange_rows(briefing, source=path)
    for table in tables:
        with _temporary_beside(directory / f"{table}.parquet") as temporary:
            st.write_parquet(turns if table == "turns" else exchanges, temporary, table=table)


@contextmanager
def _temporary_beside(path: Path) -> Iterator[Path]:
    """A new file in ``path``'s folder that replaces ``path`` on success and vanishes on failure."""
    # Not tempfile.mkstemp: its files are private (0600), and outputs should get the umask's mode.
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    temporary.open("x").close()
    try:
        yield temporary
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    """A text file that replaces ``path`` only once it is completely written."""
    with _temporary_beside(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as file:
        # newline="" keeps the CSV writer's CRLF and the text's own line breaks exactly as given.
        yield file


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
