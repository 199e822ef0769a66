"""Parts → Briefing: the steps of resolution in order, each in its own module."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..engine.parts import (
    CreditsPart,
    DatelinePart,
    DatePart,
    FieldPart,
    NotePart,
    PageBreakPart,
    Part,
    RelatedPart,
    SectionPart,
    SummaryPart,
    TitlePart,
    Token,
    TurnPart,
    Unplaced,
    token_span,
)
from ..models import Briefing, Field
from . import closing, front, turns
from .record import Record
from .rules import ENGLISH, Rules


def build_briefing(parts: list[Part], unplaced: Iterable[Unplaced], rules: Rules = ENGLISH) -> Briefing:
    """Assemble the public model from the engine's parts and the lexer's leftovers.

    ``rules`` are the steps a dialect changes (a ``Dialect`` is one); the English ones by default.
    """
    record = Record()
    parts = turns.chair_headings_as_labels(parts)
    for leftover in unplaced:
        span = record.unplaced(leftover.token)
        record.diagnose("unplaced-line", leftover.message, span, leftover.expected)
    by_kind: dict[type, list[Any]] = defaultdict(list)
    for part in parts:
        by_kind[type(part)].append(part)

    wrapped = front.title_continuation(parts)
    if wrapped is not None:  # kept as the note a dialect's own continuation line becomes
        by_kind[type(wrapped)].remove(wrapped)
        by_kind[NotePart].append(NotePart("title-continuation", wrapped.token))
    continuations = [str(note.token) for note in by_kind[NotePart] if note.kind == "title-continuation"]
    title, title_span = front.title(by_kind[TitlePart], continuations, record)
    place, time, dateline_date, dateline_span = front.dateline(by_kind[DatelinePart], record)
    entries, speakers, chairperson = rules.header_people(by_kind[SectionPart], parts, record)
    page_breaks = tuple(token_span(p.token) for p in by_kind[PageBreakPart])
    found_turns = turns.turns(
        by_kind[TurnPart],
        speakers,
        chairperson,
        page_breaks,
        [person.name for person in entries],
        record,
        last_other_start=_last_start(part for part in parts if not isinstance(part, TurnPart)),
        role_rule=rules.role_of,
        label_rule=rules.label_of,
    )
    closing.check_speech_after_credits(parts, record)
    credits, credits_span = closing.credits(by_kind[CreditsPart], record)
    related = tuple(closing.related(p) for p in by_kind[RelatedPart])
    for note in by_kind[NotePart]:
        record.note(note.kind, note.token)
    for summary in by_kind[SummaryPart]:
        record.note("summary", summary.token)
    for date_part in by_kind[DatePart]:
        record.note("header-date" if date_part.in_header else "date", date_part.token)
    return Briefing(
        title=title,
        title_span=title_span,
        date=rules.choose_date(parts, dateline_date),
        published=front.published_date(parts),
        place=place,
        time=rules.choose_time(parts, time),
        dateline_span=dateline_span,
        speakers=speakers,
        chairperson=chairperson,
        header_entries=entries,
        turns=found_turns,
        page_breaks=page_breaks,
        notes=tuple(sorted(record.notes, key=lambda note: note.span.start)),
        credits=credits,
        credits_span=credits_span,
        related=related,
        unparsed=tuple(sorted(record.unparsed, key=lambda fragment: fragment.span.start)),
        diagnostics=tuple(sorted(record.diagnostics, key=lambda diagnostic: diagnostic.span.start)),
        fields=tuple(Field(name=p.name, value=str(p.token), span=token_span(p.token)) for p in by_kind[FieldPart]),
    )


def _last_start(parts: Iterable[Part]) -> int:
    """Where the last of ``parts`` starts (its token, title or heading), or -1 when none has one."""
    starts = [-1]
    for part in parts:
        token = getattr(part, "token", None) or getattr(part, "title", None) or getattr(part, "heading", None)
        if isinstance(token, Token) and token.start_pos is not None:
            starts.append(token.start_pos)
    return max(starts)
