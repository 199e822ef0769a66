"""The header: its lists of speakers and chair, merged into one person each."""

from __future__ import annotations

import functools

import attrs

from ..engine.lines import split_honorific, split_person_entry
from ..engine.parts import SectionPart, Token, token_span
from ..models import Person
from .dates import find_date
from .record import Record


def header_people(
    sections: list[SectionPart], record: Record
) -> tuple[tuple[Person, ...], tuple[Person, ...], Person | None]:
    """Every header entry as written, the speakers (each once) and the chairperson."""
    entries: list[Person] = []
    merged: dict[str, tuple[Person, bool]] = {}  # name key → (person, from the labelled list)
    chair_keys: list[str] = []
    for section in sections:
        if section.heading is not None:
            record.note("heading", section.heading)
        _check_section(section, record)
        chair_index = unlabelled_chair_index(len(section.entries)) if section.kind == "unlabelled" else None
        for index, token in enumerate(section.entries):
            honorific, name, title = split_person_entry(str(token))
            person = Person(name=name, honorific=honorific, title=title, span=token_span(token))
            entries.append(person)
            key = name_key(name)
            labelled = not section.summary
            merged[key] = _merge(merged[key], (person, labelled)) if key in merged else (person, labelled)
            if (section.kind == "chair" or index == chair_index) and key not in chair_keys:
                chair_keys.append(key)
    chairperson = merged[chair_keys[0]][0] if chair_keys else None
    speakers = tuple(person for key, (person, _labelled) in merged.items() if key not in chair_keys)
    return tuple(entries), speakers, chairperson


def unlabelled_chair_index(entry_count: int) -> int | None:
    """Which entry of an unlabelled header is the chairperson.

    Such headers list the speakers, leave a gap, then give the chair's line just before the date
    line; so the chair is the last entry. A single entry is a speaker: a page with one person and
    no headings names who speaks, not who chairs.
    """
    return entry_count - 1 if entry_count >= 2 else None


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A name or label as it is compared: no honorific or rank, spaces collapsed, case folded."""
    return " ".join(split_honorific(" ".join(name.replace("\u00a0", " ").split()))[1].split()).casefold()


def _check_section(section: SectionPart, record: Record) -> None:
    # The bare summary "Chairperson" may stand alone (the seed's shape); a labelled list may not.
    if section.heading is None or section.summary:
        return
    heading = str(section.heading).rstrip(":： ")
    if section.kind == "date":
        if not any(find_date(str(token)) for token in section.dates):
            _expected("a date", f"under “{heading}:”", section.heading, record)
    elif not section.entries:
        _expected("a “Name, title” entry", f"under “{heading}:”", section.heading, record)


def _expected(what: str, where: str, token: Token, record: Record) -> None:
    record.diagnose("empty-section", f"Expected {what} {where}", token_span(token), (what,))


def _merge(current: tuple[Person, bool], new: tuple[Person, bool]) -> tuple[Person, bool]:
    """One person from two header lists: the labelled list's entry wins, else the fuller title."""
    (old, old_labelled), (fresh, fresh_labelled) = current, new
    if fresh_labelled != old_labelled:
        winner, loser = (fresh, old) if fresh_labelled else (old, fresh)
    else:
        winner, loser = (fresh, old) if len(fresh.title or "") > len(old.title or "") else (old, fresh)
    merged = attrs.evolve(winner, honorific=winner.honorific or loser.honorific, title=winner.title or loser.title)
    return merged, old_labelled or fresh_labelled
