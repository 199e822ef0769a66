"""Builds the Briefing from parts: merges header persons, resolves labels to people, assigns roles."""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import attrs
from lark import Token, Tree

from . import _heuristics as heuristics
from ._dates import find_date, split_dateline
from ._describe import local_name
from ._transform import (
    CreditsPart,
    DatelinePart,
    DatePart,
    NotePart,
    PageBreakPart,
    Part,
    RelatedPart,
    SectionPart,
    SummaryPart,
    TitlePart,
    TurnPart,
    token_span,
)
from .models import Briefing, Diagnostic, Fragment, Note, Paragraph, Person, RelatedBriefing, Role, Span, Turn

# A title's tail that is not title: " | March 3, 2023", " - China.org.cn", " _ China SCIO", "_www.gov.cn".
_TITLE_TAIL = re.compile(
    r"\s*(?:\|.*|[-_–—]\s*(?:China\.org\.cn|China SCIO|SCIO|[\w-]+(?:\.[\w-]+)*\.(?:cn|com|org|net))\s*)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•·▪●]\s*")
_HONORIFIC_PREFIX = re.compile(
    r"^(?:(?:Mr|Ms|Mrs|Madam|Dr|Prof)\.?\s+)?(?:(?:Senior|Major|Lieutenant|Rear|Vice)\s+)?"
    r"(?:(?:General|Colonel|Captain|Admiral|Commander)\s+)?"
)


class Unplaced(NamedTuple):
    """A line part the grammar had no place for, and what it expected instead."""

    token: Token
    message: str
    expected: tuple[str, ...]


_KNOWN_PARTS = frozenset(
    {TitlePart, DatelinePart, SectionPart, PageBreakPart, TurnPart, CreditsPart, RelatedPart, NotePart}
    | {SummaryPart, DatePart}
)


def build_briefing(parts: list[Part], unplaced: Iterable[Unplaced]) -> Briefing:
    """Assemble the public model from the transformer's parts and the lexer's leftovers."""
    return _Assembly(parts, list(unplaced)).briefing()


@functools.lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """A name or label as it is compared: no honorific or rank, spaces collapsed, case folded."""
    return " ".join(_HONORIFIC_PREFIX.sub("", name.replace("\u00a0", " ")).split()).casefold()


class _Assembly:
    def __init__(self, parts: list[Part], unplaced: list[Unplaced]) -> None:
        self.parts = parts
        self.notes: list[Note] = []
        self.diagnostics: list[Diagnostic] = []
        self.unparsed: list[Fragment] = []
        for leftover in unplaced:
            span = token_span(leftover.token)
            self.unparsed.append(Fragment(text=str(leftover.token), span=span))
            self.diagnostics.append(
                Diagnostic(code="unplaced-line", message=leftover.message, span=span, expected=leftover.expected)
            )

    def note(self, kind: str, token: Token) -> None:
        self.notes.append(Note(kind=kind, text=str(token), span=token_span(token)))

    def briefing(self) -> Briefing:
        parts = self.parts
        by_kind: dict[type, list[Any]] = defaultdict(list)
        for part in parts:
            by_kind[type(part)].append(part)
        title, title_span = self._title(by_kind[TitlePart])
        place, time, dateline_date, dateline_span = self._dateline(by_kind[DatelinePart])
        entries, speakers, chairperson = self._people(by_kind[SectionPart])
        page_breaks = tuple(token_span(p.token) for p in by_kind[PageBreakPart])
        turns = self._turns(by_kind[TurnPart], speakers, chairperson, page_breaks, entries)
        self._check_speech_after_credits(parts)
        credits, credits_span = self._credits(by_kind[CreditsPart])
        related = tuple(self._related(p) for p in by_kind[RelatedPart])
        for note in by_kind[NotePart]:
            self.note(note.kind, note.token)
        for summary in by_kind[SummaryPart]:
            self.note("summary", summary.token)
        for date_part in by_kind[DatePart]:
            self.note("header-date" if date_part.in_header else "date", date_part.token)
        self._keep_foreign(part for kind, found in by_kind.items() if kind not in _KNOWN_PARTS for part in found)
        date = self._date(parts, dateline_date)
        return Briefing(
            title=title,
            title_span=title_span,
            date=date,
            place=place,
            time=time,
            dateline_span=dateline_span,
            speakers=speakers,
            chairperson=chairperson,
            header_entries=entries,
            turns=turns,
            page_breaks=page_breaks,
            notes=tuple(sorted(self.notes, key=lambda note: note.span.start)),
            credits=credits,
            credits_span=credits_span,
            related=related,
            unparsed=tuple(sorted(self.unparsed, key=lambda fragment: fragment.span.start)),
            diagnostics=tuple(sorted(self.diagnostics, key=lambda diagnostic: diagnostic.span.start)),
        )

    def _keep_foreign(self, values: Iterable[object]) -> None:
        """A dialect's rule without a transformer method leaves a tree or a token: keep its text as
        notes named after the rule, so that a grammar extension can never lose text."""
        for value in values:
            if isinstance(value, Token):
                self.note(local_name(value.type).lower().replace("_", "-"), value)
            elif isinstance(value, Tree):
                kind = local_name(str(value.data)).lower().replace("_", "-")
                for token in value.scan_values(lambda item: isinstance(item, Token)):
                    self.note(kind, token)
            elif isinstance(value, list | tuple):
                self._keep_foreign(value)

    # -- title, dateline, date ---------------------------------------------------------------

    def _title(self, titles: list[TitlePart]) -> tuple[str | None, Span | None]:
        if not titles:
            return None, None
        first, *repeats = titles
        for repeat in repeats:
            self.note("title", repeat.token)
        text = _TITLE_TAIL.sub("", _BULLET.sub("", str(first.token))).strip()
        return text or str(first.token), token_span(first.token)

    def _dateline(
        self, datelines: list[DatelinePart]
    ) -> tuple[str | None, str | None, datetime.date | None, Span | None]:
        if not datelines:
            return None, None, None, None
        first, *repeats = datelines
        for repeat in repeats:
            self.note("dateline", repeat.token)
        place, time, date = split_dateline(str(first.token))
        return place, time, date, token_span(first.token)

    def _date(self, parts: list[Part], dateline_date: datetime.date | None) -> datetime.date | None:
        """The briefing date as the page states it, else the page's publication date."""
        header_dates = [p.token for p in parts if isinstance(p, DatePart) and p.in_header]
        front_dates = [p.token for p in parts if isinstance(p, DatePart) and not p.in_header]
        stated = [*header_dates, *front_dates]
        for token in stated:
            found = find_date(str(token))
            if found and token in header_dates:
                return found
        if dateline_date:
            return dateline_date
        for token in front_dates:
            found = find_date(str(token))
            if found:
                return found
        # Publication dates: stamps, a title's "| date" tail, a date glued to a summary.
        published = [
            p.token
            for p in parts
            if (isinstance(p, NotePart) and p.kind == "publication-date") or isinstance(p, TitlePart | SummaryPart)
        ]
        for token in published:
            found = find_date(str(token))
            if found:
                return found
        return None

    # -- people -------------------------------------------------------------------------------

    def _people(self, sections: list[SectionPart]) -> tuple[tuple[Person, ...], tuple[Person, ...], Person | None]:
        entries: list[Person] = []
        merged: dict[str, tuple[Person, bool]] = {}  # name key → (person, from the labelled list)
        chair_keys: list[str] = []
        for section in sections:
            if section.heading is not None:
                self.note("heading", section.heading)
            self._check_section(section)
            chair_index = (
                heuristics.unlabelled_chair_index(len(section.entries)) if section.kind == "unlabelled" else None
            )
            for index, token in enumerate(section.entries):
                honorific, name, title = heuristics.split_person_entry(str(token))
                person = Person(name=name, honorific=honorific, title=title, span=token_span(token))
                entries.append(person)
                key = _name_key(name)
                labelled = not section.summary
                if key in merged:
                    merged[key] = _merge(merged[key], (person, labelled))
                else:
                    merged[key] = (person, labelled)
                if (section.kind == "chair" or index == chair_index) and key not in chair_keys:
                    chair_keys.append(key)
        chairperson = merged[chair_keys[0]][0] if chair_keys else None
        speakers = tuple(person for key, (person, _l) in merged.items() if key not in chair_keys)
        return tuple(entries), speakers, chairperson

    def _check_section(self, section: SectionPart) -> None:
        # The bare summary "Chairperson" may stand alone (the seed's shape); a labelled list may not.
        if section.heading is None or section.summary:
            return
        heading = str(section.heading).rstrip(":： ")
        if section.kind == "date":
            if not any(find_date(str(token)) for token in section.dates):
                self._expected("a date", f"under “{heading}:”", section.heading)
        elif not section.entries:
            self._expected("a “Name, title” entry", f"under “{heading}:”", section.heading)

    def _expected(self, what: str, where: str, token: Token) -> None:
        self.diagnostics.append(
            Diagnostic(
                code="empty-section", message=f"Expected {what} {where}", span=token_span(token), expected=(what,)
            )
        )

    # -- turns --------------------------------------------------------------------------------

    def _turns(
        self,
        turn_parts: list[TurnPart],
        speakers: tuple[Person, ...],
        chairperson: Person | None,
        page_breaks: tuple[Span, ...],
        entries: tuple[Person, ...],
    ) -> tuple[Turn, ...]:
        turn_parts = self._merge_repeated_labels(turn_parts)
        turn_parts = self._drop_cut_label(turn_parts, entries)
        people = {_name_key(person.name): person for person in speakers}
        if chairperson is not None:
            people[_name_key(chairperson.name)] = chairperson
        break_starts = [span.start for span in page_breaks]
        roles: dict[str | None, tuple[Role, Person | None, str | None]] = {}  # labels recur all page long
        turns: list[Turn] = []
        for part in turn_parts:
            paragraphs = tuple(Paragraph(text=str(token), span=token_span(token)) for token in part.paragraphs)
            label_span = token_span(part.label) if part.label is not None else None
            first = label_span or paragraphs[0].span
            last = paragraphs[-1].span if paragraphs else first
            label = str(part.label).rstrip(":：").strip() if part.label is not None else None
            if label not in roles:
                roles[label] = _role_of(label, people, chairperson)
            role, speaker, outlet = roles[label]
            if label is None and entries:
                self.diagnostics.append(
                    Diagnostic(
                        code="unlabelled-speech",
                        message="Expected a speaker label before the speech",
                        span=first,
                        expected=("a speaker label",),
                    )
                )
            turns.append(
                Turn(
                    label=label,
                    role=role,
                    speaker=speaker,
                    outlet=outlet,
                    paragraphs=paragraphs,
                    page=bisect.bisect_right(break_starts, first.start) + 1,
                    span=Span(start=first.start, end=last.end, line=first.line, column=first.column),
                    label_span=label_span,
                )
            )
        return tuple(turns)

    def _merge_repeated_labels(self, turn_parts: list[TurnPart]) -> list[TurnPart]:
        """A label repeated with nothing between is a typo for one turn."""
        merged: list[TurnPart] = []
        for part in turn_parts:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and previous.label is not None
                and part.label is not None
                and not previous.paragraphs
                and _name_key(str(previous.label).rstrip(":：")) == _name_key(str(part.label).rstrip(":："))
            ):
                self.note("repeated-label", part.label)
                self.diagnostics.append(
                    Diagnostic(
                        code="repeated-label",
                        message="The same speaker label appears twice in a row; read as one turn",
                        span=token_span(part.label),
                        expected=("speech",),
                    )
                )
                merged[-1] = TurnPart(previous.label, part.paragraphs)
            else:
                merged.append(part)
        return merged

    def _drop_cut_label(self, turn_parts: list[TurnPart], entries: tuple[Person, ...]) -> list[TurnPart]:
        """A page that stops inside a label ("Zh") leaves a stub that is not speech."""
        if not turn_parts or not turn_parts[-1].paragraphs:
            return turn_parts
        last = turn_parts[-1]
        stub = last.paragraphs[-1]
        known = [str(p.label).rstrip(":：") for p in turn_parts if p.label is not None]
        known += [person.name for person in entries]
        # Only a stub that is the very end of the parsed text and not the turn's only speech.
        if not heuristics.looks_like_cut_label(str(stub), known) or self._anything_after(stub):
            return turn_parts
        span = token_span(stub)
        self.unparsed.append(Fragment(text=str(stub), span=span))
        self.diagnostics.append(
            Diagnostic(
                code="cut-label",
                message="The text ends inside a speaker label",
                span=span,
                expected=("a colon after the label",),
            )
        )
        rest = TurnPart(last.label, last.paragraphs[:-1])
        if rest.label is None and not rest.paragraphs:
            return turn_parts[:-1]
        return [*turn_parts[:-1], rest]

    def _anything_after(self, token: Token) -> bool:
        assert token.start_pos is not None
        for part in self.parts:
            if isinstance(part, TurnPart):
                continue
            other = getattr(part, "token", None) or getattr(part, "title", None) or getattr(part, "heading", None)
            if isinstance(other, Token) and other.start_pos is not None and other.start_pos > token.start_pos:
                return True
        return False

    # -- after the speech ---------------------------------------------------------------------

    def _check_speech_after_credits(self, parts: list[Part]) -> None:
        """Credits close a page; speech after them means another page or briefing was pasted on."""
        credits_seen = False
        for part in parts:
            if isinstance(part, CreditsPart):
                credits_seen = True
            elif credits_seen and isinstance(part, TurnPart):
                first = part.label if part.label is not None else part.paragraphs[0]
                found = "a speaker label" if part.label is not None else "speech"
                self.diagnostics.append(
                    Diagnostic(
                        code="speech-after-credits",
                        message=f"Expected no more speech after the translator credits; found {found}",
                        span=token_span(first),
                        expected=("a related-briefing title", "the end of the text"),
                    )
                )
                return

    def _credits(self, parts: list[CreditsPart]) -> tuple[tuple[str, ...], Span | None]:
        if not parts:
            return (), None
        names: list[str] = []
        for part in parts[1:]:
            self.note("credits", part.token)
        for part in parts:
            names.extend(heuristics.credit_names(str(part.token)))
        return tuple(names), token_span(parts[0].token)

    def _related(self, part: RelatedPart) -> RelatedBriefing:
        return RelatedBriefing(
            title=str(part.title),
            date=find_date(str(part.date)) if part.date is not None else None,
            span=token_span(part.title),
            date_span=token_span(part.date) if part.date is not None else None,
        )


def _merge(current: tuple[Person, bool], new: tuple[Person, bool]) -> tuple[Person, bool]:
    """One person from two header lists: the labelled list's entry wins, else the fuller title."""
    (old, old_labelled), (fresh, fresh_labelled) = current, new
    if fresh_labelled != old_labelled:
        winner, loser = (fresh, old) if fresh_labelled else (old, fresh)
    else:
        winner, loser = (fresh, old) if len(fresh.title or "") > len(old.title or "") else (old, fresh)
    merged = attrs.evolve(
        winner,
        honorific=winner.honorific or loser.honorific,
        title=winner.title or loser.title,
    )
    return merged, old_labelled or fresh_labelled


def _role_of(
    label: str | None, people: dict[str, Person], chairperson: Person | None
) -> tuple[Role, Person | None, str | None]:
    """Who speaks under ``label``: a header person, the chair by role word, an outlet, or unknown."""
    if label is None:
        return Role.UNKNOWN, None, None
    person = _find_person(label, people)
    if person is not None:
        return (Role.CHAIRPERSON if person is chairperson else Role.SPEAKER), person, None
    if heuristics.is_chair_word(label):
        return Role.CHAIRPERSON, chairperson, None
    if heuristics.is_question_word(label):
        return Role.JOURNALIST, None, None
    if heuristics.is_outlet(label):
        return Role.JOURNALIST, None, label
    return Role.UNKNOWN, None, None


def _find_person(label: str, people: dict[str, Person]) -> Person | None:
    key = _name_key(label)
    if key in people:
        return people[key]
    # "Senior Colonel Wu Qian", "Spokesperson Wang Wenbin": the name closes the label.
    enders = [person for name, person in people.items() if key.endswith(" " + name)]
    if len(enders) == 1:
        return enders[0]
    # A surname alone ("Wen:") names a person when only one header person has it.
    surnames = [person for name, person in people.items() if key in (name.split()[0], name.split()[-1])]
    return surnames[0] if len(surnames) == 1 else None
