"""The Foreign Ministry's saved pages (``shared/data/mfa-html``) against facts written by hand for each.

Each ``tests/data/mfa-html/<lang>/NNN.facts.json`` was written by someone who read only the page: its
title, date and spokesperson, and every turn's label and first six words (six characters of Chinese).
``score`` compares ``parse_file`` on each page with them: the share of the three facts that are right,
and the F1 of the turns, matched as (label, first words) pairs.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any, NamedTuple

import scio_transcripts as st

FACTS = Path(__file__).resolve().parents[1] / "data" / "mfa-html"


class Score(NamedTuple):
    pages: int
    facts_right: int
    facts_total: int
    turns_f1: float
    misses: list[str]


def opening(text: str, chinese: bool) -> str:
    """The first six words of a turn's speech, or its first six characters when it is Chinese."""
    text = " ".join(text.replace("\u00a0", " ").replace("\u3000", " ").split())
    return text.replace(" ", "")[:6] if chinese else " ".join(text.split()[:6])


def page_turns(briefing: st.Briefing, chinese: bool) -> list[tuple[str | None, str]]:
    return [(turn.label, opening(turn.text, chinese)) for turn in briefing.turns]


def score(pages: Path) -> Score:
    right = total = 0
    true_positive = found = expected_count = 0
    misses: list[str] = []
    for facts_file in sorted(FACTS.glob("*/*.facts.json")):
        language = facts_file.parent.name
        page = pages / language / facts_file.name.replace(".facts.json", ".html")
        if not page.exists():
            continue
        expected: dict[str, Any] = json.loads(facts_file.read_text(encoding="utf-8"))
        briefing = st.parse_file(page)
        parsed = {
            "title": briefing.title,
            "date": briefing.date.isoformat() if briefing.date else None,
            "spokesperson": briefing.chairperson.name if briefing.chairperson else None,
        }
        for fact, value in parsed.items():
            total += 1
            if value == expected[fact]:
                right += 1
            else:
                misses.append(f"{language}/{page.name} {fact}: expected {expected[fact]!r}, parsed {value!r}")
        chinese = language == "zh"
        want = collections.Counter((label, opening(words, chinese)) for label, words in expected["turns"])
        got = collections.Counter(page_turns(briefing, chinese))
        true_positive += sum((want & got).values())
        found += sum(got.values())
        expected_count += sum(want.values())
        for label, words in (want - got).elements():
            misses.append(f"{language}/{page.name} turn missed: {label!r} {words!r}")
        for label, words in (got - want).elements():
            misses.append(f"{language}/{page.name} turn extra: {label!r} {words!r}")
    precision = true_positive / found if found else 0.0
    recall = true_positive / expected_count if expected_count else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pages_scored = total // 3
    return Score(pages_scored, right, total, f1, misses)
