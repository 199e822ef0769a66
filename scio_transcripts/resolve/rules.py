"""The steps of resolution a dialect may change, each with the English SCIO rule as its default.

``Dialect`` inherits these. A dialect overrides only the step its pages do differently: where the
people come from (the Chinese intro sentence, the Ministry's title), which date is the briefing's,
how a label is written and whom it names, which role it gives. Each rule then exists once, and the
English rule is what a dialect falls back to by calling ``super()``.
"""

from __future__ import annotations

import datetime

from ..engine.parts import Part, SectionPart
from ..models import Person
from . import front, people, turns
from .record import Record
from .turns import RoleOf


class Rules:
    """The English SCIO rules of each step a dialect may change."""

    def header_people(
        self, sections: list[SectionPart], parts: list[Part], record: Record
    ) -> tuple[tuple[Person, ...], tuple[Person, ...], Person | None]:
        """Every header entry as written, the speakers (each once) and the chairperson."""
        return people.header_people(sections, record)

    def choose_date(self, parts: list[Part], dateline_date: datetime.date | None) -> datetime.date | None:
        """The briefing date as the page states it, else its publication date (``front.briefing_date``)."""
        return front.briefing_date(parts, dateline_date)

    def choose_time(self, parts: list[Part], dateline_time: str | None) -> str | None:
        """The time of day of the briefing: the dateline's."""
        return dateline_time

    def label_of(self, label: str) -> str:
        """A label as reported: the text before the colon."""
        return label.rstrip(":：").strip()

    def person_of_label(self, label: str, people_by_key: dict[str, Person]) -> Person | None:
        """The header person a label names, or None (``turns.person_of_label``)."""
        return turns.person_of_label(label, people_by_key)

    def role_of(self, label: str | None, people_by_key: dict[str, Person], chairperson: Person | None) -> RoleOf:
        """Who speaks under a label: a header person, the chair by role word, a journalist, or unknown."""
        return turns.role_of(label, people_by_key, chairperson, person_of_label=self.person_of_label)


ENGLISH = Rules()
