"""Dates and times of day as SCIO pages write them."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scio_transcripts.engine.grammar import GRAMMAR_DIR
from scio_transcripts.resolve.dates import MONTH, find_date, find_time, split_dateline


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("March 16, 2023", datetime.date(2023, 3, 16)),
        ("Sept. 5, 2016", datetime.date(2016, 9, 5)),
        ("Jan.19, 2016", datetime.date(2016, 1, 19)),
        ("At 10:00 AM February 2, 2010, Tuesday", datetime.date(2010, 2, 2)),
        ("China.org.cnUpdated: Oct. 11, 2018", datetime.date(2018, 10, 11)),
        ("published 2020-07-18 00:48", datetime.date(2020, 7, 18)),
        ("21 June 2022", datetime.date(2022, 6, 21)),
        ("on July 16", None),
        ("February 30, 2023 then March 1, 2023", datetime.date(2023, 3, 1)),
    ],
)
def test_find_date(text: str, date: datetime.date | None) -> None:
    """Only dates with a year count; impossible dates are skipped."""
    assert find_date(text) == date


def test_dateline_parts() -> None:
    """A dateline gives place, time as written, and date."""
    assert split_dateline("Beijing | 11:30 a.m. Nov. 7, 2024") == ("Beijing", "11:30 a.m.", datetime.date(2024, 11, 7))
    assert find_time("at 3 p.m. sharp") == "3 p.m."


def _grammar_month() -> str:
    text = (Path(GRAMMAR_DIR) / "scio_en.lark").read_text(encoding="utf-8")
    match = re.search(r"^MONTH: /(.+)/$", text, re.MULTILINE)
    assert match is not None, "the grammar has no MONTH terminal"
    return match.group(1)


@given(st.data())
def test_the_grammar_and_the_date_reader_know_the_same_months(data: st.DataObject) -> None:
    """A month word the grammar lexes is one the date reader reads, and the other way round.

    Where the period of an abbreviation may stand differs ("Jan." in both; the reader also takes the
    "January." of a sentence's end), so the words are compared without it.
    """
    ours = rf"(?:{MONTH})\.?"
    grammar = _grammar_month()
    lexed = data.draw(st.from_regex(grammar, fullmatch=True)).rstrip(".")
    read = data.draw(st.from_regex(MONTH, fullmatch=True))
    assert re.fullmatch(ours, lexed), lexed
    assert re.fullmatch(grammar, read), read
    assert find_date(f"{lexed} 5, 2020") is not None
