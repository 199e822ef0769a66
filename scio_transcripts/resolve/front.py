"""The front of a page: its title, its dateline, and the one rule for the briefing's date."""

from __future__ import annotations

import datetime
import itertools
import re

from ..engine.parts import DatelinePart, DatePart, NotePart, Part, SummaryPart, TitlePart, token_span
from ..engine.symbols import local_name
from ..models import Span
from .dates import find_date, split_dateline
from .record import Record

# A title's tail that is not title: " | March 3, 2023", " - China.org.cn", " _ China SCIO", "_www.gov.cn",
# and a mirror's date and toolbar glued on ("/, March 7, 2016 Adjust font size:", ",May 22, 2020 Adjust
# font size:"; no title has "/,").
_TITLE_TAIL = re.compile(
    r"\s*(?:\|.*|/\s*,.*"
    r"|(?:,\s*[A-Z][a-z]+\.?\s*\d{1,2},\s*\d{4}\s*)?(?:Adjust font size|Font size|Text size)\s*[:：].*"
    r"|[-_–—]\s*(?:China\.org\.cn|China SCIO|SCIO|[\w-]+(?:\.[\w-]+)*\.(?:cn|com|org|net))\s*"
    r"|[-_–—]\s*(?:中国网|中國網|新华网|新華網|人民网|人民網|央视网|央視網|中国政府网|中國政府網)\s*)$",
    re.IGNORECASE,
)
# A bullet, or a repost's "原标题:" ("original title"), before the title.
_BULLET = re.compile(r"^(?:[•·▪●\-–]\s*|(?:原标题|原標題)\s*[:：]\s*)")


def title(titles: list[TitlePart], continuations: list[str], record: Record) -> tuple[str | None, Span | None]:
    """The first title line without its bullet and site tail; a repeated title is a note.

    A title wrapped over two lines (``title-continuation`` notes, from a dialect's grammar) is joined
    with one space (none between Chinese characters); the second line stays a note, which keeps its
    span. So does the first half of a Chinese title wrapped below its subject (``_wrapped_head``).
    """
    if not titles:
        return None, None
    # A title the SCIO way wins over a headline in other words above or below it.
    first = next((part for part in titles if local_name(str(part.token.type)) == "TITLE"), titles[0])
    head = _wrapped_head(first, titles)
    for repeat in titles:
        if repeat is not first:
            record.note("title-continuation" if repeat is head else "title", repeat.token)
    text = _TITLE_TAIL.sub("", _BULLET.sub("", str(first.token))).strip() or str(first.token)
    if head is not None:
        text = _join(_BULLET.sub("", str(head.token)).strip(), text)
    if continuations:
        text = _join(text, continuations[0])
    return text, token_span(first.token)


_HAN = re.compile(r"[\u3400-\u9fff]")
# Who holds the briefing, or when: what the first half of a wrapped Chinese title names.
_TITLE_SUBJECT = re.compile(r"新闻办|新聞辦|国新办|國新辦|外交部|\d{4}\s*年")


def _wrapped_head(first: TitlePart, titles: list[TitlePart]) -> TitlePart | None:
    """The first half of a Chinese title that a copy wrapped ("新聞辦就2021年1-4月份" / "工業生產情況舉行
    發佈會"): the headline one or two lines above, naming who or when, which the title does not."""
    line = first.token.line or 0
    for part in titles:
        gap = line - (part.token.line or 0)
        text = str(part.token)
        wraps = part is not first and gap in (1, 2) and _HAN.search(text) and _TITLE_SUBJECT.search(text)
        if wraps and not _TITLE_SUBJECT.search(str(first.token)):
            return part
    return None


def _join(left: str, right: str) -> str:
    """Two halves of a wrapped title: with a space, but none between Chinese characters."""
    return f"{left}{right}" if _HAN.search(left[-1:]) and _HAN.search(right[:1]) else f"{left} {right}"


# A title cannot end in these words: the copy wrapped it onto the next line ("…Conference on").
_DANGLING = re.compile(r"\b(?:on|of|the|and|for|about|in|to|with|at|from|a|an)\s*$", re.IGNORECASE)


def title_continuation(parts: list[Part]) -> NotePart | SummaryPart | None:
    """The line a copy wrapped the first title onto: the next line, when the title ends in a word no
    title ends in, or that line opens with a quote ("SCIO briefing on white paper" / "'Human Rights …'")."""
    first = next((part for part in parts if isinstance(part, TitlePart)), None)
    if first is None or first.token.line is None:
        return None
    for part in parts:
        if not isinstance(part, NotePart | SummaryPart) or part.token.line != first.token.line + 1:
            continue
        if isinstance(part, NotePart) and part.kind != "category":
            continue
        text = str(part.token)
        if _DANGLING.search(str(first.token)) or text[:1] in "'\"‘“":
            return part
    return None


def dateline(
    datelines: list[DatelinePart], record: Record
) -> tuple[str | None, str | None, datetime.date | None, Span | None]:
    """Place, time and date of the first dateline; a repeated dateline is a note."""
    if not datelines:
        return None, None, None, None
    first, *repeats = datelines
    for repeat in repeats:
        record.note("dateline", repeat.token)
    place, time, date = split_dateline(str(first.token))
    return place, time, date, token_span(first.token)


def briefing_date(parts: list[Part], dateline_date: datetime.date | None) -> datetime.date | None:
    """The briefing date as the page states it, else the page's publication date.

    In order: the header's date line; the dateline; a date line under the title (unless it completes
    a publication line, "China SCIO |" then the date); a photo caption's date; then the publication
    dates (stamps, a title's "| date" tail, a date glued to a summary).
    """
    header_dates = [p.token for p in parts if isinstance(p, DatePart) and p.in_header]
    completing = _completing_dates(parts)
    front_dates = [p.token for p in parts if isinstance(p, DatePart) and not p.in_header and p not in completing]
    for token in header_dates:
        found = find_date(str(token))
        if found:
            return found
    if dateline_date:
        return dateline_date
    for token in front_dates:
        found = find_date(str(token))
        if found:
            return found
    # A caption that dates the scene ("… holds a press conference in Beijing on March 24, 2021") states
    # the briefing's date, which the page's stamp only approaches.
    for part in parts:
        if isinstance(part, NotePart) and part.kind == "photo-caption" and (found := find_date(str(part.token))):
            return found
    return published_date(parts)


def published_date(parts: list[Part]) -> datetime.date | None:
    """When the page was published, as the site stamps it: "Updated: …", "China SCIO | date" (on one
    line or two), else a title's "| date" tail or a date glued to the end of the summary.

    A stamp is the site's own word and wins over a date glued to a title or a summary; a date inside
    the title proper ("… Press Conference on July 17, 2020") is the briefing's, not the page's.
    """
    completing = _completing_dates(parts)
    stamps = [p.token for p in parts if (isinstance(p, NotePart) and p.kind == "publication-date") or p in completing]
    glued = [str(p.token) for p in parts if isinstance(p, SummaryPart)]
    glued += [tail.group() for p in parts if isinstance(p, TitlePart) and (tail := _TITLE_TAIL.search(str(p.token)))]
    for text in [str(token) for token in sorted(stamps, key=lambda token: token.start_pos or 0)] + glued:
        found = find_date(text)
        if found:
            return found
    return None


def _completing_dates(parts: list[Part]) -> list[DatePart]:
    """Date lines right after a publication stamp that ends before its date ("China SCIO |")."""
    return [
        part
        for previous, part in itertools.pairwise(parts)
        if isinstance(part, DatePart)
        and isinstance(previous, NotePart)
        and previous.kind == "publication-date"
        and str(previous.token).rstrip().endswith(("|", ","))
    ]
