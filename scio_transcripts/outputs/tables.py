"""Flat tables of briefings: a row per turn and a row per exchange, as CSV, JSON Lines or pandas."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypedDict

from ..models import Briefing, Turn
from .files import briefing_id_of

if TYPE_CHECKING:
    import pandas

Table = Literal["turns", "exchanges"]
"""Which table: one row per turn, or one row per exchange (a question and its answers)."""

# A list cell in CSV holds its items joined by this; names and indices never contain it.
LIST_SEPARATOR = ";"


class TurnRow(TypedDict):
    """One turn of one briefing, flattened."""

    briefing_id: str | None
    source: str | None
    dialect: str
    date: datetime.date | None
    turn_index: int
    page: int
    label: str | None
    role: str
    who: str | None
    speaker_name: str | None
    speaker_title: str | None
    outlet: str | None
    text: str
    start: int
    end: int


class ExchangeRow(TypedDict):
    """One journalist's question and the turns that answer it, flattened."""

    briefing_id: str | None
    source: str | None
    dialect: str
    date: datetime.date | None
    exchange_index: int
    question_turn_index: int
    question_page: int
    asker: str | None
    answer_turn_indices: list[int]
    answerers: list[str]


TURN_COLUMNS: tuple[str, ...] = tuple(TurnRow.__annotations__)
EXCHANGE_COLUMNS: tuple[str, ...] = tuple(ExchangeRow.__annotations__)


def columns(table: Table) -> tuple[str, ...]:
    """The column names of a table, in order."""
    if table == "turns":
        return TURN_COLUMNS
    if table == "exchanges":
        return EXCHANGE_COLUMNS
    raise ValueError(f"unknown table {table!r}: choose 'turns' or 'exchanges'")


def turn_rows(
    briefing: Briefing, *, source: str | os.PathLike[str] | None = None, briefing_id: str | None = None
) -> list[TurnRow]:
    """One row per turn of a briefing.

    Args:
        briefing: The parsed briefing.
        source: Where the briefing came from, usually its file path; goes to the ``source`` column.
        briefing_id: The ``briefing_id`` column; by default ``source``'s path without its
            extension (``en/001``), or None without a source.

    ``who`` is the speaker's header name where the label was resolved, else the label: one column
    to group by. ``dialect`` is the dialect that read the page.

    Returns:
        The rows in turn order; ``turn_index`` counts from 0 as ``briefing.turns`` does.
    """
    source_text, identifier = _identify(source, briefing_id)
    return [
        TurnRow(
            briefing_id=identifier,
            source=source_text,
            dialect=briefing.dialect,
            date=briefing.date,
            turn_index=index,
            page=turn.page,
            label=turn.label,
            role=turn.role.value,
            who=_speaker_name(turn),
            speaker_name=turn.speaker.name if turn.speaker else None,
            speaker_title=turn.speaker.title if turn.speaker else None,
            outlet=turn.outlet,
            text=turn.text,
            start=turn.span.start,
            end=turn.span.end,
        )
        for index, turn in enumerate(briefing.turns)
    ]


def exchange_rows(
    briefing: Briefing, *, source: str | os.PathLike[str] | None = None, briefing_id: str | None = None
) -> list[ExchangeRow]:
    """One row per exchange of a briefing (see ``Briefing.exchanges``).

    Args:
        briefing: The parsed briefing.
        source: As for ``turn_rows``.
        briefing_id: As for ``turn_rows``.

    Returns:
        The rows in question order. ``asker`` is the question's outlet (or label); ``answerers``
        names each answering speaker once, in order of first answer, by header name where the
        label was resolved and by label otherwise.
    """
    source_text, identifier = _identify(source, briefing_id)
    # Turns are told apart by value: no two turns of a briefing share a span.
    position = {turn: index for index, turn in enumerate(briefing.turns)}
    rows: list[ExchangeRow] = []
    for index, exchange in enumerate(briefing.exchanges()):
        answerers = [name for name in (_speaker_name(turn) for turn in exchange.answers) if name is not None]
        rows.append(
            ExchangeRow(
                briefing_id=identifier,
                source=source_text,
                dialect=briefing.dialect,
                date=briefing.date,
                exchange_index=index,
                question_turn_index=position[exchange.question],
                question_page=exchange.question.page,
                asker=exchange.question.outlet or exchange.question.label,
                answer_turn_indices=[position[turn] for turn in exchange.answers],
                answerers=list(dict.fromkeys(answerers)),
            )
        )
    return rows


def table_rows(
    briefing: Briefing,
    table: Table,
    *,
    source: str | os.PathLike[str] | None = None,
    briefing_id: str | None = None,
) -> list[TurnRow] | list[ExchangeRow]:
    """The rows of one table for one briefing: ``turn_rows`` or ``exchange_rows`` by name."""
    if table == "turns":
        return turn_rows(briefing, source=source, briefing_id=briefing_id)
    if table == "exchanges":
        return exchange_rows(briefing, source=source, briefing_id=briefing_id)
    raise ValueError(f"unknown table {table!r}: choose 'turns' or 'exchanges'")


class CsvWriter:
    """Writes rows of one table as RFC 4180 CSV: a header line first, CRLF line ends, UTF-8 text.

    Open the file with ``newline=""`` so that the CRLF line ends and line breaks inside quoted
    cells are written as they are. Dates are ISO 8601, empty cells are None, and list cells hold
    their items joined by ``;``.
    """

    def __init__(self, file: TextIO, *, table: Table = "turns") -> None:
        """Write the header line of ``table`` to ``file``.

        Args:
            file: A text file opened for writing with ``newline=""``.
            table: The table the rows belong to.

        Raises:
            ValueError: For an unknown table.
        """
        self._writer = csv.DictWriter(file, fieldnames=columns(table), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        self._writer.writeheader()

    def write(self, rows: Iterable[TurnRow] | Iterable[ExchangeRow]) -> int:
        """Write rows; returns how many were written."""
        count = 0
        for row in rows:
            self._writer.writerow({name: _csv_cell(value) for name, value in row.items()})
            count += 1
        return count


class JsonlWriter:
    """Writes rows as JSON Lines: one object per line, ``\\n`` line ends, dates as ISO 8601."""

    def __init__(self, file: TextIO) -> None:
        """Write rows to ``file``, a text file opened for writing."""
        self._file = file

    def write(self, rows: Iterable[TurnRow] | Iterable[ExchangeRow]) -> int:
        """Write rows; returns how many were written."""
        count = 0
        for row in rows:
            self._file.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
            count += 1
        return count


def to_csv(
    briefing: Briefing,
    *,
    table: Table = "turns",
    source: str | os.PathLike[str] | None = None,
    briefing_id: str | None = None,
) -> str:
    """One table of one briefing as CSV text (see ``CsvWriter``).

    Args:
        briefing: The parsed briefing.
        table: ``"turns"`` or ``"exchanges"``.
        source: As for ``turn_rows``.
        briefing_id: As for ``turn_rows``.

    Returns:
        The header and one line per row, each ending in CRLF.

    Raises:
        ValueError: For an unknown table.
    """
    buffer = io.StringIO(newline="")
    CsvWriter(buffer, table=table).write(table_rows(briefing, table, source=source, briefing_id=briefing_id))
    return buffer.getvalue()


def to_jsonl(
    briefing: Briefing,
    *,
    table: Table = "turns",
    source: str | os.PathLike[str] | None = None,
    briefing_id: str | None = None,
) -> str:
    """One table of one briefing as JSON Lines text (see ``JsonlWriter``).

    Args:
        briefing: The parsed briefing.
        table: ``"turns"`` or ``"exchanges"``.
        source: As for ``turn_rows``.
        briefing_id: As for ``turn_rows``.

    Returns:
        One JSON object per line; empty for a briefing without rows.

    Raises:
        ValueError: For an unknown table.
    """
    buffer = io.StringIO()
    JsonlWriter(buffer).write(table_rows(briefing, table, source=source, briefing_id=briefing_id))
    return buffer.getvalue()


def to_dataframe(
    rows: Briefing | Iterable[TurnRow] | Iterable[ExchangeRow], *, table: Table = "turns"
) -> pandas.DataFrame:
    """A pandas DataFrame of one table; needs the ``[pandas]`` extra.

    Args:
        rows: A briefing (its rows of ``table`` are taken), or rows from ``turn_rows`` or
            ``exchange_rows``, e.g. of many briefings chained together.
        table: Which table the rows are, so that the columns are right even without rows.

    Returns:
        One row per row, the columns in table order; ``date`` is a datetime64 column (NaT where
        unknown) and list cells stay Python lists.

    Raises:
        ImportError: If pandas is not installed; install pandas and pyarrow (the ``[pandas]`` extra).
        ValueError: For an unknown table.
    """
    pandas = _require("pandas")
    names = columns(table)
    if isinstance(rows, Briefing):
        rows = table_rows(rows, table)
    frame = pandas.DataFrame.from_records(list(rows), columns=list(names))
    frame["date"] = pandas.to_datetime(frame["date"])
    return frame


def write_parquet(
    rows: Briefing | Iterable[TurnRow] | Iterable[ExchangeRow],
    path: str | os.PathLike[str],
    *,
    table: Table = "turns",
) -> None:
    """Write one table as a Parquet file; needs the ``[pandas]`` extra (pandas and pyarrow).

    Args:
        rows: As for ``to_dataframe``.
        path: The file to write; it is replaced if it exists.
        table: As for ``to_dataframe``.

    Raises:
        ImportError: If pandas or pyarrow is not installed; install them (the ``[pandas]`` extra).
        ValueError: For an unknown table.
    """
    frame = to_dataframe(rows, table=table)
    _require("pyarrow")
    frame.to_parquet(os.fspath(path), engine="pyarrow", index=False)


def _identify(source: str | os.PathLike[str] | None, briefing_id: str | None) -> tuple[str | None, str | None]:
    if source is None:
        return None, briefing_id
    text = os.fspath(source)
    return text, briefing_id if briefing_id is not None else briefing_id_of(text)


def _speaker_name(turn: Turn) -> str | None:
    return turn.speaker.name if turn.speaker else turn.label


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _require(module: str) -> Any:
    """Import an optional dependency, or say which extra brings it."""
    try:
        return __import__(module)
    except ImportError as error:
        raise ImportError(
            f"{module} is needed for DataFrames and Parquet; install it with: pip install pandas pyarrow "
            "(or, in the checkout of scio-transcripts, pip install '.[pandas]')"
        ) from error
