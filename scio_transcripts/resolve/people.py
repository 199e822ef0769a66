"""The header: its lists of speakers and chair, merged into one person each."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

import attrs

from ..engine.lines import GROUPS, split_honorific, split_person_entry
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
    # A chair's own section ("Chair:Guo Weimin, …" after an unlabelled block) names the chair; then no
    # entry of the unlabelled block is guessed to be one.
    chair_named = any(section.kind == "chair" and section.entries for section in sections)
    for section in sections:
        if section.heading is not None:
            record.note("heading", section.heading)
        _check_section(section, record)
        split = [split_person_entry(str(token)) for token in section.entries]
        chair_indexes = (
            _unlabelled_chairs([token.line or 0 for token in section.entries], split)
            if section.kind == "unlabelled" and not chair_named
            else set()
        )
        for index, (token, (honorific, name, title)) in enumerate(zip(section.entries, split, strict=True)):
            person = Person(name=name, honorific=honorific, title=title, span=token_span(token))
            entries.append(person)
            key = name_key(name)
            if key in GROUPS:
                continue  # "Officials from …": an entry of the header, but not one person
            labelled = not section.summary
            merged[key] = _merge(merged[key], (person, labelled)) if key in merged else (person, labelled)
            if (section.kind == "chair" or index in chair_indexes) and key not in chair_keys:
                chair_keys.append(key)
    chairperson = merged[chair_keys[0]][0] if chair_keys else None
    speakers = tuple(person for key, (person, _labelled) in merged.items() if key not in chair_keys)
    return tuple(entries), speakers, chairperson


def _unlabelled_chairs(lines: list[int], split: list[tuple[str | None, str, str | None]]) -> set[int]:
    """The chair's entries in an unlabelled block, which may hold two lists: a short one, then (after
    "Read in Chinese") the full one. A list starts over where a name comes again; each list's chair is
    found on its own."""
    lists: list[list[int]] = [[]]
    seen: set[str] = set()  # the names of the list being read
    for index, (_honorific, name, _title) in enumerate(split):
        key = name_key(name)
        if key in seen:
            lists.append([])
            seen = set()
        seen.add(key)
        lists[-1].append(index)
    chairs = set()
    for indexes in lists:
        found = unlabelled_chair_index([lines[i] for i in indexes], [split[i][2] for i in indexes])
        if found is not None:
            chairs.add(indexes[found])
    return chairs


def unlabelled_chair_index(lines: Sequence[int], titles: Sequence[str | None]) -> int | None:
    """Which entry of an unlabelled header is the chairperson, given each entry's line and title.

    Such headers list the speakers, leave a gap, then give the chair's line just before the date
    line: the chair is the last entry, but only when it is set apart, by a wider gap than any between
    the speakers, or by a title in the SCIO ("spokesperson of the SCIO", "vice minister of State Council
    Information Office"): the office chairs its own briefings, and lists its chair last. A block with
    nothing set apart is all speakers: a page whose chair's block is missing has no chair, rather than
    its last speaker for one. A single entry is a speaker. Two entries have no gap between speakers to
    compare with, and one blank line between them is how entries are spaced on many pages: the second
    is set apart only by two blank lines or more.
    """
    if len(lines) < 2:
        return None
    gaps = [later - earlier for earlier, later in itertools.pairwise(lines)]
    usual = max(gaps[:-1], default=2)  # one blank line between entries, when there is nothing to compare
    wider = gaps[-1] >= 2 and gaps[-1] > usual
    last_title = titles[-1] or ""
    if wider or _SCIO.search(last_title):
        return len(lines) - 1
    return None


_SCIO = re.compile(r"\bSCIO\b|\bInformation Office\b")


def people_by_key(speakers: Sequence[Person], chairperson: Person | None) -> dict[str, Person]:
    """The header's people by ``name_key``, as labels are resolved against them."""
    people = {name_key(person.name): person for person in speakers}
    if chairperson is not None:
        people[name_key(chairperson.name)] = chairperson
    return people


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
