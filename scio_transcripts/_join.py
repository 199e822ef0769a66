"""One briefing from the pages a site split it over (``content_N.htm``, ``content_N_2.htm``, …)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ._diagnostics import PLAUSIBILITY
from .dialects import get_dialect
from .models import Briefing, Note, Span, Turn
from .resolve.people import people_by_key
from .resolve.plausible import assess


def join_pages(briefings: Sequence[Briefing]) -> Briefing:
    """Join the briefings parsed from the consecutive pages of one briefing, in page order.

    The first page gives the header (title, date, dateline, speakers, chairperson); a later page's
    own title is kept as a ``title`` note. Speech that opens a continuation page without a label
    continues the last turn of the page before, and the labels of later pages are resolved against
    the first page's header, so roles and exchanges run across the joins. Pages number on: the
    first page of each text comes after the last page of the one before. Every ``Span`` of the
    result says which page text it indexes in ``source`` (its place in ``briefings``), and the signs
    of a probably wrong parse are judged again on the whole.

    Raises:
        ValueError: If ``briefings`` is empty.
    """
    if not briefings:
        raise ValueError("join_pages() needs at least one briefing")
    pages = [_with_source(briefing, index) for index, briefing in enumerate(briefings)]
    first = pages[0]
    header = next((page for page in pages if page.speakers or page.chairperson is not None), first)
    people = people_by_key(header.speakers, header.chairperson)
    rules = get_dialect(first.dialect)

    turns: list[Turn] = []
    notes: list[Note] = []
    page_breaks: list[Span] = []
    offset = 0
    for index, page in enumerate(pages):
        if index > 0:
            # The page text begins a new page: its own start stands for the break the site made.
            page_breaks.append(Span(start=0, end=0, line=1, column=1, source=index))
            if page.title is not None and page.title_span is not None:
                notes.append(Note(kind="title", text=page.title, span=page.title_span))
        page_breaks.extend(page.page_breaks)
        notes.extend(page.notes)
        for turn in page.turns:
            moved = attrs.evolve(turn, page=turn.page + offset)
            if index > 0 and turn.label is not None and page is not header:
                role, speaker, outlet = rules.role_of(turn.label, people, header.chairperson)
                moved = attrs.evolve(moved, role=role, speaker=speaker, outlet=outlet)
            if index > 0 and turn.label is None and turn is page.turns[0] and turns:
                turns[-1] = attrs.evolve(turns[-1], paragraphs=turns[-1].paragraphs + turn.paragraphs)
                continue
            turns.append(moved)
        offset += page.page_count

    joined = attrs.evolve(
        first,
        speakers=header.speakers,
        chairperson=header.chairperson,
        header_entries=tuple(entry for page in pages for entry in page.header_entries),
        turns=tuple(turns),
        page_breaks=tuple(page_breaks),
        notes=tuple(notes),
        credits=tuple(name for page in pages for name in page.credits),
        credits_span=next((page.credits_span for page in pages if page.credits_span is not None), None),
        related=tuple(link for page in pages for link in page.related),
        unparsed=tuple(fragment for page in pages for fragment in page.unparsed),
        diagnostics=tuple(
            diagnostic for page in pages for diagnostic in page.diagnostics if diagnostic.code not in PLAUSIBILITY
        ),
        fields=tuple(field for page in pages for field in page.fields),
    )
    return assess(joined)


def _with_source(briefing: Briefing, source: int) -> Briefing:
    """The briefing with every span pointing into page text number ``source``."""
    restamped = _restamp(briefing, source)
    assert isinstance(restamped, Briefing)
    return restamped


def _restamp(value: Any, source: int) -> Any:
    if isinstance(value, Span):
        return attrs.evolve(value, source=source)
    if isinstance(value, tuple):
        return tuple(_restamp(item, source) for item in value)
    if attrs.has(type(value)):
        changes = {
            field.name: _restamp(getattr(value, field.name), source)
            for field in attrs.fields(type(value))
            if _holds_spans(getattr(value, field.name))
        }
        return attrs.evolve(value, **changes) if changes else value
    return value


def _holds_spans(value: Any) -> bool:
    return isinstance(value, Span | tuple) or attrs.has(type(value))
