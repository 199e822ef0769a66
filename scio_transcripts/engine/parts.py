"""Turns the parse of a page into a flat list of typed parts, one method per grammar rule.

The parts are what the engine hands to resolution: named tuples of line tokens, so that resolution
never sees a parse tree. They are named tuples rather than attrs classes: they live for one parse,
and creating a dozen attrs classes would add a noticeable share to the library's import time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, NamedTuple

from ..models import Span, new_span
from .symbols import NOTE_KINDS, local_name
from .token import Token

__all__ = ["Token"]  # resolution annotates with the engine's Token


def token_span(token: Token) -> Span:
    """The span of a token made by the line lexer."""
    assert token.start_pos is not None
    assert token.end_pos is not None
    assert token.line is not None
    assert token.column is not None
    return new_span(token.start_pos, token.end_pos, token.line, token.column, 0)


def token_text(token: Token) -> str:
    """A token's text as a plain ``str``: the string it was made from, which the models keep rather
    than a copy of the token's own characters (a page's text would otherwise be held twice at once)."""
    value = getattr(token, "value", None)
    return value if type(value) is str else str(token)


class NotePart(NamedTuple):
    kind: str
    token: Token


class FieldPart(NamedTuple):
    """A header fact a dialect's rule names (``BriefingTransformer.make_field``)."""

    name: str
    token: Token


class PageBreakPart(NamedTuple):
    token: Token


class TitlePart(NamedTuple):
    token: Token


class DatelinePart(NamedTuple):
    token: Token


class DatePart(NamedTuple):
    """A date line; ``in_header`` when it is the header's date rather than one under the title."""

    token: Token
    in_header: bool


class SummaryPart(NamedTuple):
    token: Token


class EntryPart(NamedTuple):
    token: Token


class SectionPart(NamedTuple):
    """A header list: its heading (None for an unlabelled block) and its entries."""

    kind: str
    """``speakers``, ``chair``, ``date`` or ``unlabelled``."""
    summary: bool
    """True for the bare ``Speakers``/``Chairperson`` summary of a double header."""
    heading: Token | None
    entries: tuple[Token, ...]
    dates: tuple[Token, ...]


class TurnPart(NamedTuple):
    label: Token | None
    paragraphs: tuple[Token, ...]


class CreditsPart(NamedTuple):
    token: Token


class RelatedPart(NamedTuple):
    title: Token
    date: Token | None


Part = (
    NotePart
    | FieldPart
    | PageBreakPart
    | TitlePart
    | DatelinePart
    | DatePart
    | SummaryPart
    | EntryPart
    | SectionPart
    | TurnPart
    | CreditsPart
    | RelatedPart
)


class Unplaced(NamedTuple):
    """A line part the grammar had no place for, and what it expected instead."""

    token: Token
    message: str
    expected: tuple[str, ...]


# What resolution reads. An entry stands inside a section; one standing alone is a dialect's rule.
_RESOLVED: tuple[type, ...] = (NotePart, FieldPart, PageBreakPart, TitlePart, DatelinePart, DatePart, SummaryPart)
_RESOLVED += (SectionPart, TurnPart, CreditsPart, RelatedPart)


def typed_parts(value: Any) -> list[Part]:
    """The parts of a parse, with whatever a dialect's grammar left untransformed kept as notes.

    A dialect's rule without a transformer method leaves a tree or a token (or a part of a kind
    resolution does not read): its text becomes notes named after the rule, so that a grammar
    extension can never lose text.
    """
    parts: list[Part] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, _RESOLVED):
            parts.append(item)  # type: ignore[arg-type]  # one of the resolved kinds, checked just above
        else:
            parts.extend(_foreign_notes(item))
    return parts


def _foreign_notes(value: object) -> Iterable[NotePart]:
    if isinstance(value, Token):
        yield NotePart(local_name(value.type).lower().replace("_", "-"), value)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _foreign_notes(item)
    elif _is_tree(value):
        kind = local_name(str(value.data)).lower().replace("_", "-")  # type: ignore[attr-defined]
        for token in value.scan_values(lambda item: isinstance(item, Token)):  # type: ignore[attr-defined]
            yield NotePart(kind, token)


def _is_tree(value: object) -> bool:
    """Whether ``value`` is a Lark tree; only a grammar compiled by Lark (which loaded it) makes one."""
    lark = sys.modules.get("lark")
    return lark is not None and isinstance(value, lark.Tree)


_HEADING_KINDS = {
    "SPEAKERS_HEADING": ("speakers", False),
    "SPEAKERS_SUMMARY": ("speakers", True),
    "CHAIR_HEADING": ("chair", False),
    "CHAIR_SUMMARY": ("chair", True),
    "DATE_HEADING": ("date", False),
}


def _flatten(children: list[Any]) -> list[Part]:
    parts: list[Part] = []
    for child in children:
        if isinstance(child, list):
            parts.extend(child)
        else:
            parts.append(child)
    return parts


def _section(kind: str, summary: bool, heading: Token | None, children: list[Any]) -> list[Part]:
    items = _flatten(children)
    entries = tuple(item.token for item in items if isinstance(item, EntryPart))
    dates = tuple(item.token for item in items if isinstance(item, DatePart))
    others = [item for item in items if not isinstance(item, EntryPart)]
    return [SectionPart(kind, summary, heading, entries, dates), *others]


class PartsTransformer:
    """Mirrors the grammar: each rule becomes parts; sections and turns keep their members.

    Like a Lark ``Transformer``, it has a method per rule, which the driver calls with the rule's
    children; it is not one, so that a parse never imports Lark. A rule without a method becomes a
    Lark ``Tree``, whose tokens ``typed_parts`` keeps as notes.
    """

    def start(self, children: list[Any]) -> list[Part]:
        return _flatten(children)

    def note(self, children: list[Token]) -> list[Part]:
        (token,) = children
        kind = local_name(token.type)
        return [NotePart(NOTE_KINDS.get(kind, kind.lower().replace("_", "-")), token)]

    def page_break(self, children: list[Token]) -> list[Part]:
        return [PageBreakPart(children[0])]

    front = start

    def title(self, children: list[Token]) -> list[Part]:
        return [TitlePart(children[0])]

    def dateline(self, children: list[Token]) -> list[Part]:
        return [DatelinePart(children[0])]

    def front_date(self, children: list[Token]) -> list[Part]:
        return [DatePart(children[0], in_header=False)]

    def category(self, children: list[Token]) -> list[Part]:
        return [NotePart("category", children[0])]

    def summary(self, children: list[Token]) -> list[Part]:
        return [SummaryPart(children[0])]

    header = start
    labelled_header = start

    def header_section(self, children: list[Any]) -> list[Part]:
        heading, *items = children
        kind, summary = _HEADING_KINDS.get(local_name(heading.type), (local_name(heading.type).lower(), False))
        return _section(kind, summary, heading, items)

    def speakers_heading(self, children: list[Token]) -> Token:
        return children[0]

    chair_heading = speakers_heading
    date_heading = speakers_heading

    def unlabelled_header(self, children: list[Any]) -> list[Part]:
        return _section("unlabelled", False, None, children)

    def entry(self, children: list[Token]) -> list[Part]:
        return [EntryPart(children[0])]

    named = entry

    def header_date(self, children: list[Token]) -> list[Part]:
        return [DatePart(children[0], in_header=True)]

    body = start

    def unlabelled_turn(self, children: list[Any]) -> list[Part]:
        return _turn(None, children)

    def turn(self, children: list[Any]) -> list[Part]:
        label, *items = children
        return _turn(label, items)

    closing = start

    def credits(self, children: list[Token]) -> list[Part]:
        return [CreditsPart(children[0])]

    def disclaimer(self, children: list[Token]) -> list[Part]:
        return [NotePart("disclaimer", children[0])]

    def related(self, children: list[Token]) -> list[Part]:
        title, *date = children
        return [RelatedPart(title, date[0] if date else None)]

    linked = related


def _turn(label: Token | None, children: list[Any]) -> list[Part]:
    # Paragraphs arrive as SPEECH_LINE tokens; asides as the parts of their own rules.
    paragraphs = tuple(child for child in children if isinstance(child, Token))
    asides = _flatten([child for child in children if not isinstance(child, Token)])
    return [TurnPart(label, paragraphs), *asides]
