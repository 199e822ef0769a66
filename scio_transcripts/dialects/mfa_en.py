"""The Foreign Ministry's English regular press conferences (``mfa-en``).

These pages have no Speakers block: the title names the spokesperson, who chairs and answers, and
gives the date. Older pages label questions ``Q:`` and answers ``A:``; by convention ``Q`` is a
journalist and ``A`` the spokesperson.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import attrs

from ..engine.parts import NotePart, Part, SectionPart, SummaryPart, TitlePart, token_span
from ..engine.symbols import VETOES
from ..engine.token import Token
from ..models import Briefing, Person, Role, Span
from ..resolve import front
from ..resolve.dates import find_date
from ..resolve.record import Record
from ..resolve.turns import RoleOf
from .dialect import BriefingTransformer, Dialect
from .sniffs import mfa_en as _sniff

# "Spokesperson Wang Wenbin's Regular…", "Spokesperson Wang Wenbin held a regular…"
_SPOKESPERSON = re.compile(r"Spokesperson\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}?)(?:['’]s\b|\s+held\b)")
# The title or the summary of a presser; an SCIO page that merely mentions the Ministry's
# spokesperson (a joint briefing, a speaker's title) has SCIO's own marks near its top.
_ANNOUNCES = re.compile(r"\b(?:started|opened|began)\b[^\n]*\b(?:announcements?|statements?)\b", re.IGNORECASE)
# Labels by position rather than by name.
_QUESTION_LABELS = frozenset({"q", "question", "follow-up", "follow up", "followup"})
_ANSWER_LABELS = frozenset({"a", "answer"})


class MinistryTransformer(BriefingTransformer):
    """Keeps the second line of a wrapped title as a note the title is completed from."""

    def title_continuation(self, children: list[Token]) -> list[Any]:
        return [self.make_note("title-continuation", children[0])]


class ForeignMinistry(Dialect):
    """English transcripts of the Foreign Ministry's regular press conferences."""

    name: ClassVar[str] = "mfa-en"
    grammar: ClassVar[str] = "mfa_en.lark"
    transformer: ClassVar[type[BriefingTransformer]] = MinistryTransformer
    # "Foreign Ministry Spokesperson Hong Lei started the press conference with the following
    # announcement:" names the spokesperson too, but is the summary's sentence, not a title.
    checks: ClassVar[Mapping[str, Callable[[str], bool]] | None] = {
        **VETOES,
        "TITLE": lambda line: not line.rstrip().endswith((":", "：", ".")),
    }

    def sniff(self, text: str) -> float:
        return _sniff(text)

    def header_people(
        self, sections: list[SectionPart], parts: list[Part], record: Record
    ) -> tuple[tuple[Person, ...], tuple[Person, ...], Person | None]:
        """No Speakers block: the spokesperson named in the title (or the summary) chairs."""
        entries, speakers, chair = super().header_people(sections, parts, record)
        if chair is None:
            chair = next(
                (
                    Person(name=found["name"], honorific=None, title="Foreign Ministry Spokesperson", span=span)
                    for source, span in _sources(parts)
                    if (found := _SPOKESPERSON.search(source))
                ),
                None,
            )
        return entries, speakers, chair

    def choose_date(self, parts: list[Part], dateline_date: datetime.date | None) -> datetime.date | None:
        """The date in the title (or the summary), else the English rule."""
        found = next((date for source, _span in _sources(parts) if (date := find_date(source))), None)
        return found or super().choose_date(parts, dateline_date)

    def finish(self, briefing: Briefing, text: str) -> Briefing:
        """Speech before the first label that a summary announces as the spokesperson's ("… started the
        press conference with the following announcement:") is the chair's."""
        turns = briefing.turns
        if not turns or turns[0].label is not None or briefing.chairperson is None:
            return briefing
        announced = any(
            note.kind == "summary" and _ANNOUNCES.search(note.text) and note.span.start < turns[0].span.start
            for note in briefing.notes
        )
        if not announced:
            return briefing
        opening = attrs.evolve(turns[0], role=Role.CHAIRPERSON, speaker=briefing.chairperson)
        return attrs.evolve(briefing, turns=(opening, *turns[1:]))

    def role_of(self, label: str | None, people_by_key: dict[str, Person], chairperson: Person | None) -> RoleOf:
        """``A`` is the spokesperson and ``Q`` a journalist, by position; names and outlets as in English."""
        if label is not None and label.casefold() in _ANSWER_LABELS:
            return Role.CHAIRPERSON, chairperson, None
        if label is not None and label.casefold() in _QUESTION_LABELS:
            return Role.JOURNALIST, None, None
        return super().role_of(label, people_by_key, chairperson)


def _sources(parts: list[Part]) -> list[tuple[str, Span]]:
    """The title as reported (joined when wrapped) and the summary sentences, where the Ministry names
    the spokesperson and the date."""
    titles = [part for part in parts if isinstance(part, TitlePart)]
    notes = [part for part in parts if isinstance(part, NotePart)]
    continuations = [str(note.token) for note in notes if note.kind == "title-continuation"]
    title, span = front.title(titles[:1], continuations, Record())
    found = [(title, span)] if title is not None and span is not None else []
    summaries = [part.token for part in parts if isinstance(part, SummaryPart)]
    summaries += [note.token for note in notes if note.kind == "summary"]
    return found + [(str(token), token_span(token)) for token in sorted(summaries, key=lambda t: t.start_pos or 0)]
