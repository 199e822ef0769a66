"""Flat tables: a row per turn and per exchange, written as RFC 4180 CSV, JSON Lines, pandas and Parquet."""

from __future__ import annotations

import csv
import datetime
import io
import json
import sys
from pathlib import Path

import pytest

import scio_transcripts as st
from scio_transcripts.outputs.files import briefing_id_of
from scio_transcripts.outputs.tables import EXCHANGE_COLUMNS, TURN_COLUMNS

from ..conftest import SAMPLE

SAMPLE_ID = briefing_id_of(SAMPLE)  # its path below the working directory, as the outputs name it


@pytest.fixture(scope="module")
def sample() -> st.Briefing:
    return st.parse_file(SAMPLE)


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_turn_rows_describe_each_turn(sample: st.Briefing) -> None:
    """8 rows for the sample; the fourth is China Daily's question on page 2, with its offsets."""
    rows = st.turn_rows(sample, source=SAMPLE)
    assert len(rows) == 8
    question = rows[3]
    assert question["briefing_id"] == SAMPLE_ID
    assert question["source"] == str(SAMPLE)
    assert question["date"] == datetime.date(2023, 9, 14)
    assert (question["turn_index"], question["page"], question["role"]) == (3, 2, "journalist")
    assert (question["label"], question["outlet"], question["speaker_name"]) == ("China Daily", "China Daily", None)
    assert (question["start"], question["end"]) == (sample.turns[3].span.start, sample.turns[3].span.end)
    assert question["text"] == sample.turns[3].text


def test_turn_rows_name_resolved_speakers(sample: st.Briefing) -> None:
    """A speaker's row carries the header name and title, not only the label."""
    answer = st.turn_rows(sample)[4]
    assert answer["speaker_name"] == "Tang Lihua"
    assert answer["speaker_title"] == "vice minister of Industry and Information Technology"
    assert answer["briefing_id"] is None  # no source, no id


def test_explicit_id_wins_over_the_file_name(sample: st.Briefing) -> None:
    """briefing_id= overrides the stem of the source."""
    assert st.turn_rows(sample, source="a/b.txt", briefing_id="2023-09-14")[0]["briefing_id"] == "2023-09-14"


def test_text_joins_paragraphs_with_blank_lines(sample: st.Briefing) -> None:
    """The text cell of a many-paragraph turn holds every paragraph, separated by a blank line."""
    opening = st.turn_rows(sample)[0]
    assert opening["text"].split("\n\n") == [paragraph.text for paragraph in sample.turns[0].paragraphs]


def test_exchange_rows_pair_questions_with_answers(sample: st.Briefing) -> None:
    """Two exchanges; each names the asking outlet, the answering turns and who answered."""
    rows = st.exchange_rows(sample, source=SAMPLE)
    assert len(rows) == 2
    assert [row["asker"] for row in rows] == ["China Daily", "Reuters"]
    assert [row["question_turn_index"] for row in rows] == [3, 5]
    assert [row["answer_turn_indices"] for row in rows] == [[4], [6]]
    assert [row["answerers"] for row in rows] == [["Tang Lihua"], ["Qiao Dewen"]]
    assert [row["question_page"] for row in rows] == [2, 3]


def test_answerers_are_listed_once_in_order() -> None:
    """Two answers by the same official and one by another give two answerers, first answer first."""
    text = (
        "Speakers:\nMr. Ji Haoran, director\nMs. Mo Qinglan, deputy director\n"
        "CCTV:\nA question?\nJi Haoran:\nFirst part.\nMo Qinglan:\nSecond part.\nJi Haoran:\nThird part.\n"
    )
    (row,) = st.exchange_rows(st.parse(text))
    assert row["answer_turn_indices"] == [1, 2, 3]
    assert row["answerers"] == ["Ji Haoran", "Mo Qinglan"]


def test_csv_is_rfc_4180(sample: st.Briefing) -> None:
    """Header first, CRLF after every record, quotes doubled, line breaks inside quoted cells."""
    text = st.to_csv(sample, source=SAMPLE)
    assert text.startswith(",".join(TURN_COLUMNS) + "\r\n")
    assert text.endswith("\r\n")
    rows = read_csv(text)
    assert len(rows) == 8
    assert rows[0]["text"] == sample.turns[0].text  # the "\n\n" between its four paragraphs survives the trip
    assert rows[3]["speaker_name"] == ""  # None is an empty cell
    assert rows[3]["date"] == "2023-09-14"
    # The sample has no double quote, so a page of its own has one.
    quoted = st.parse('China Daily:\nWhat is the "basic rural package"?\nSecond paragraph.\n')
    text = st.to_csv(quoted)
    assert ',"What is the ""basic rural package""?\n\nSecond paragraph.",' in text  # text is not the last column
    assert read_csv(text)[0]["text"] == quoted.turns[0].text


def test_csv_lists_are_joined_with_semicolons(sample: st.Briefing) -> None:
    """The exchanges table puts list cells as items joined by ';'."""
    text = "CCTV:\nQ?\nA:\nOne.\nB:\nTwo.\n"
    (row,) = read_csv(st.to_csv(st.parse(text), table="exchanges"))
    assert row["answer_turn_indices"] == "1;2"
    assert row["answerers"] == "A;B"
    assert list(row) == list(EXCHANGE_COLUMNS)


def test_csv_without_rows_still_has_its_header() -> None:
    """An empty briefing gives the header line alone, so a reader still knows the columns."""
    assert st.to_csv(st.parse(""), table="exchanges") == ",".join(EXCHANGE_COLUMNS) + "\r\n"


def test_csv_writer_streams_many_briefings(sample: st.Briefing) -> None:
    """One CsvWriter takes the rows of several briefings under a single header."""
    buffer = io.StringIO(newline="")
    writer = st.CsvWriter(buffer, table="turns")
    written = writer.write(st.turn_rows(sample, source="a.txt")) + writer.write(st.turn_rows(sample, source="b.txt"))
    rows = read_csv(buffer.getvalue())
    assert written == len(rows) == 16  # the sample's 8 turns, twice
    assert {row["briefing_id"] for row in rows} == {"a", "b"}


def test_jsonl_keeps_types(sample: st.Briefing) -> None:
    """JSON Lines rows keep integers, nulls and lists, with dates as ISO strings."""
    lines = st.to_jsonl(sample, table="exchanges").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["answer_turn_indices"] == [4]
    assert first["date"] == "2023-09-14"
    assert first["briefing_id"] is None
    assert list(first) == list(EXCHANGE_COLUMNS)


def test_unknown_table_is_refused(sample: st.Briefing) -> None:
    """A table name other than turns or exchanges is a ValueError naming both."""
    with pytest.raises(ValueError, match="choose 'turns' or 'exchanges'"):
        st.to_csv(sample, table="speakers")  # type: ignore[arg-type]


def test_dataframe_of_many_briefings(sample: st.Briefing) -> None:
    """Rows of two briefings make one DataFrame with typed columns and a datetime date."""
    pandas = pytest.importorskip("pandas")
    frame = st.to_dataframe([*st.turn_rows(sample, source="a.txt"), *st.turn_rows(sample, source="b.txt")])
    assert list(frame.columns) == list(TURN_COLUMNS)
    assert len(frame) == 16
    assert frame["date"].dt.year.unique().tolist() == [2023]
    assert pandas.api.types.is_integer_dtype(frame["page"])
    assert frame[frame.role == "journalist"].outlet.value_counts().to_dict() == {"China Daily": 2, "Reuters": 2}


def test_dataframe_of_one_briefing_and_of_nothing(sample: st.Briefing) -> None:
    """A briefing is taken as its rows; no rows still give the table's columns."""
    pytest.importorskip("pandas")
    assert len(st.to_dataframe(sample, table="exchanges")) == 2
    empty = st.to_dataframe([], table="exchanges")
    assert (len(empty), list(empty.columns)) == (0, list(EXCHANGE_COLUMNS))


def test_parquet_round_trips_through_pandas(sample: st.Briefing, tmp_path: Path) -> None:
    """A Parquet file of the exchanges table reads back with its rows and list cells."""
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    target = tmp_path / "exchanges.parquet"
    st.write_parquet(st.exchange_rows(sample, source=SAMPLE), target, table="exchanges")
    frame = pandas.read_parquet(target)
    assert len(frame) == 2
    assert list(frame.loc[0, "answerers"]) == ["Tang Lihua"]
    assert frame.loc[0, "briefing_id"] == SAMPLE_ID


def test_missing_pandas_names_the_extra(sample: st.Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_dataframe raises ImportError telling which extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"pip install pandas pyarrow"):
        st.to_dataframe(sample)
