"""The facts a page must parse to, written by hand; and the same facts read off a parse, to compare.

A facts file (``NAME.facts.json`` beside ``NAME.txt``) is the ground truth of a fixture. It was written
from the text and the conventions of ``shared/FORMATS.md`` section 10 by someone who had not run the
parser on it, so it can disagree with the code, and then one of them is wrong. Its ``doubts`` list is the
writer's own notes on calls they were unsure of; the comparison ignores it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import scio_transcripts as st

FIELDS = ("title", "date", "speakers", "chairperson", "turns", "exchanges")


def read_facts(facts_file: Path) -> dict[str, Any]:
    """The hand-written facts in a facts file, without the writer's doubts."""
    facts = json.loads(facts_file.read_text(encoding="utf-8"))
    return {field: facts[field] for field in FIELDS}


def _person(person: st.Person | None) -> dict[str, str | None] | None:
    if person is None:
        return None
    return {"name": person.name, "honorific": person.honorific, "title": person.title}


def facts_of(briefing: st.Briefing) -> dict[str, Any]:
    """The facts of a parse, in the shape of a facts file."""
    return {
        "title": briefing.title,
        "date": briefing.date.isoformat() if briefing.date else None,
        "speakers": [_person(person) for person in briefing.speakers],
        "chairperson": _person(briefing.chairperson),
        "turns": [{"label": turn.label, "role": turn.role.value} for turn in briefing.turns],
        "exchanges": len(briefing.exchanges()),
    }


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """One readable line per field that differs; turns are compared one by one, so the line names the turn."""
    found: list[str] = []
    for field in FIELDS:
        want, got = expected[field], actual[field]
        if want == got:
            continue
        if field == "turns":
            for index, (want_turn, got_turn) in enumerate(zip(want, got, strict=False)):
                if want_turn != got_turn:
                    found.append(f"turns[{index}]: expected {want_turn}, parsed {got_turn}")
            if len(want) != len(got):
                found.append(f"turns: expected {len(want)} turns, parsed {len(got)}")
        else:
            found.append(f"{field}: expected {want!r}, parsed {got!r}")
    return found
