"""The Foreign Ministry's English regular press conferences (``mfa-en``).

These pages have no Speakers block: the title names the spokesperson, who chairs and answers, and
gives the date. Older pages label questions ``Q:`` and answers ``A:``; by convention ``Q`` is a
journalist and ``A`` the spokesperson.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import attrs
from lark import Token

from ..models import Briefing, Person, Role, Turn
from ..resolve.dates import find_date
from ..resolve.turns import is_outlet
from .dialect import BriefingTransformer, Dialect

# "Spokesperson Wang Wenbin's Regular…", "Spokesperson Wang Wenbin held a regular…"
_SPOKESPERSON = re.compile(r"Spokesperson\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}?)(?:['’]s\b|\s+held\b)")
# The title or the summary of a presser; an SCIO page that merely mentions the Ministry's
# spokesperson (a joint briefing, a speaker's title) has SCIO's own marks near its top.
_SNIFF = re.compile(r"Regular\s+Press\s+Conference|held\s+a\s+regular\s+press\s+conference", re.IGNORECASE)
_SCIO_MARKS = re.compile(
    r"\bSCIO\b|State Council Information Office|^\s*Speakers?\s*[:：]", re.IGNORECASE | re.MULTILINE
)
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

    def sniff(self, text: str) -> float:
        top = text[:1500]
        return 0.9 if _SNIFF.search(top) and not _SCIO_MARKS.search(top) else 0.0

    def finish(self, briefing: Briefing, text: str) -> Briefing:
        title = briefing.title
        continuation = next((n.text for n in briefing.notes if n.kind == "title-continuation"), None)
        if title is not None and continuation is not None:
            title = f"{title} {continuation}"
        sources = [(title, briefing.title_span)] + [(n.text, n.span) for n in briefing.notes if n.kind == "summary"]
        chair = briefing.chairperson
        date = None
        for source, span in sources:
            if source is None or span is None:
                continue
            date = date or find_date(source)
            found = _SPOKESPERSON.search(source)
            if chair is None and found:
                chair = Person(name=found["name"], honorific=None, title="Foreign Ministry Spokesperson", span=span)
        turns = tuple(_with_role(turn, chair) for turn in briefing.turns)
        return attrs.evolve(briefing, title=title, date=date or briefing.date, chairperson=chair, turns=turns)


def _with_role(turn: Turn, chair: Person | None) -> Turn:
    """Roles by position (``Q``/``A``), by the spokesperson's name, or by outlet."""
    if turn.label is None:
        return turn
    label = turn.label.casefold()
    if label in _ANSWER_LABELS or (chair is not None and _names(turn.label, chair)):
        return attrs.evolve(turn, role=Role.CHAIRPERSON, speaker=chair, outlet=None)
    if label in _QUESTION_LABELS:
        return attrs.evolve(turn, role=Role.JOURNALIST, speaker=None, outlet=None)
    if is_outlet(turn.label):
        return attrs.evolve(turn, role=Role.JOURNALIST, speaker=None, outlet=turn.label)
    return turn


def _names(label: str, person: Person) -> bool:
    """The label names the person in full or by surname, as the answers are labelled."""
    words = person.name.casefold().split()
    return label.casefold() in (person.name.casefold(), words[0], words[-1])
