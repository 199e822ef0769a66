"""Dates and times of day as SCIO pages write them."""

from __future__ import annotations

import datetime

import pytest

from scio_transcripts.resolve.dates import find_date, find_time, split_dateline


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
