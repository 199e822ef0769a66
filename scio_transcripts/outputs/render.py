"""Canonical SCIO text for a Briefing: the one renderer of the package.

The text is what a clean page of the site looks like in the briefing's dialect: for English SCIO
pages a labelled header (Chinese and Ministry pages keep their intro sentence or title instead), one
label line per turn, a blank line between paragraphs, page-break tags where pages change, the credits
and the related links. Elements that keep their place in the source (notes, page breaks) are
rendered in the order of their spans; the header and the credits are rendered from the model, so a
double header becomes one labelled list. Text the parser could not place is not rendered.
"""

from __future__ import annotations

import datetime

from ..models import Briefing, Person, Turn

PAGE_BREAK = "_ueditor_page_break_tag_"

# Notes the renderer writes itself from the model, or drops as the workarounds they record.
_REGENERATED_NOTES = frozenset({"heading", "header-date", "repeated-label", "title-continuation"})
# Dialects whose pages have no labelled header: the Chinese intro sentence (a note, rendered where it
# stood) names the roster and the date, the Ministry's title the spokesperson and the date. Writing
# an English header into them would make their speech start with a list of people.
_NO_LABELLED_HEADER = frozenset({"scio-zh", "mfa-en"})


def render(briefing: Briefing) -> str:
    """The canonical text of ``briefing``.

    Args:
        briefing: A parsed or constructed briefing.

    Returns:
        Text that parses back to the same content: title, date, people, turns with their roles
        and pages, notes, credits and related links.
    """
    blocks: list[tuple[int, int, str]] = []  # (position, tie-breaker, text)

    def add(position: int, text: str) -> None:
        blocks.append((position, len(blocks), text))

    if briefing.title is not None:
        add(_start(briefing.title_span, -3), briefing.title)
    if briefing.place is not None:
        add(_start(briefing.dateline_span, -2), _dateline(briefing))
    header = _header(briefing) if briefing.dialect not in _NO_LABELLED_HEADER else ""
    if header:
        add(_header_position(briefing), header)
    for note in briefing.notes:
        if note.kind not in _REGENERATED_NOTES:
            add(note.span.start, note.text)
    for field in briefing.fields:
        add(field.span.start, field.value)
    breaks = sorted(span.start for span in briefing.page_breaks)
    for turn in briefing.turns:
        add(turn.span.start, _turn(turn, breaks))
    turn_ranges = [(turn.span.start, turn.span.end) for turn in briefing.turns]
    for position in breaks:
        if not any(start < position < end for start, end in turn_ranges):
            add(position, PAGE_BREAK)
    if briefing.credits:
        add(_start(briefing.credits_span, _after(blocks)), _credits(briefing.credits))
    for related in briefing.related:
        lines = [related.title] + ([_date(related.date)] if related.date else [])
        add(related.span.start, "\n".join(lines))
    blocks.sort()
    return "\n\n".join(text for _position, _order, text in blocks) + "\n"


def _start(span: object, default: int) -> int:
    start = getattr(span, "start", None)
    return start if isinstance(start, int) else default


def _after(blocks: list[tuple[int, int, str]]) -> int:
    return max((position for position, _order, _text in blocks), default=0) + 1


def _date(date: datetime.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def _dateline(briefing: Briefing) -> str:
    when = " ".join(part for part in (briefing.time, _date(briefing.date) if briefing.date else None) if part)
    return f"{briefing.place} | {when}" if when else f"{briefing.place} |"


def _entry(person: Person) -> str:
    name = f"{person.honorific} {person.name}" if person.honorific else person.name
    return f"{name}, {person.title}" if person.title else name


def _header(briefing: Briefing) -> str:
    headings = {note.text.rstrip(":： ").casefold() for note in briefing.notes if note.kind == "heading"}
    lines: list[str] = []
    # A heading with no one under it is kept too: it is what makes the page a first page.
    if briefing.speakers or headings & {"speakers", "speaker"}:
        lines += ["Speakers:", *(_entry(person) for person in briefing.speakers)]
    chair = briefing.chairperson
    if chair is not None or headings & {"chairperson", "chair", "chairman", "chairwoman"}:
        lines += ["Chairperson:", *([_entry(chair)] if chair is not None else [])]
    if lines and briefing.date is not None and briefing.place is None:
        lines += ["Date:", _date(briefing.date)]
    return "\n".join(lines)


def _header_position(briefing: Briefing) -> int:
    """Where the header stood: its first entry or heading, else just before the first turn."""
    starts = [person.span.start for person in briefing.header_entries]
    starts += [note.span.start for note in briefing.notes if note.kind in ("heading", "header-date")]
    if starts:
        return min(starts)
    if briefing.chairperson is not None or briefing.speakers:
        people = [person.span.start for person in (*briefing.speakers, briefing.chairperson) if person is not None]
        return min(people)
    return -1


def _turn(turn: Turn, breaks: list[int]) -> str:
    lines = [f"{turn.label}:"] if turn.label is not None else []
    previous_end = turn.span.start
    for paragraph in turn.paragraphs:
        # A page that changes between two paragraphs of one turn keeps its tag there.
        lines += [PAGE_BREAK for position in breaks if previous_end <= position < paragraph.span.start]
        lines.append(paragraph.text)
        previous_end = paragraph.span.end
    return "\n\n".join(lines)


def _credits(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        listed = names[0]
    elif len(names) == 2:
        listed = f"{names[0]} and {names[1]}"
    else:
        listed = f"{', '.join(names[:-1])}, and {names[-1]}"
    return f"Translated and edited by {listed}."
