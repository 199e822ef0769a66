"""Dates and times of day as SCIO pages write them: "Sept. 5, 2016", "Jan.19, 2016", "11:30 a.m."."""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# The one month pattern of the package. The grammar's MONTH terminal writes the same in Lark's syntax
# (with the abbreviation's period inside); tests/resolve/test_dates.py holds the two to the same words.
MONTH = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_CALENDAR_DATE = re.compile(
    rf"\b(?P<month>{MONTH})\.?\s*(?P<day>\d{{1,2}})\s*,?\s*(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<dm_day>\d{{1,2}})\s+(?P<dm_month>{MONTH})\.?\s*,?\s*(?P<dm_year>(?:19|20)\d\d)\b"
    r"|\b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)\b"
)
_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.\s?m\.?|p\.\s?m\.?|[ap]m\b|[AP]M\b|[AP]\.M\.)")


def find_date(text: str) -> datetime.date | None:
    """The first date with a year in ``text``, or None; impossible dates are skipped."""
    for match in _CALENDAR_DATE.finditer(text):
        try:
            if match.group("iso_year"):
                return datetime.date(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
            if match.group("dm_year"):
                month = _MONTHS[match["dm_month"][:3].casefold()]
                return datetime.date(int(match["dm_year"]), month, int(match["dm_day"]))
            month = _MONTHS[match["month"][:3].casefold()]
            return datetime.date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue
    return None


def find_time(text: str) -> str | None:
    """The first time of day as written ("10 a.m.", "11:30 a.m."), or None."""
    match = _TIME_OF_DAY.search(text)
    return match.group() if match else None


def split_dateline(dateline: str) -> tuple[str | None, str | None, datetime.date | None]:
    """Place, time and date of ``Beijing | 10 a.m. July 27, 2023``."""
    place, _bar, when = dateline.partition("|")
    return place.strip() or None, find_time(when), find_date(when)
