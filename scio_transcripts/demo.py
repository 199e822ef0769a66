"""``python -m scio_transcripts.demo``: parse the bundled sample briefing and say what was found."""

from __future__ import annotations

import importlib.resources
import textwrap

from . import parse
from .models import Briefing

SAMPLE = "sample_briefing.txt"


def sample_text() -> str:
    """The sample briefing bundled with the package (written for it, in SCIO's shape)."""
    return importlib.resources.files(__package__).joinpath("samples", SAMPLE).read_text(encoding="utf-8")


def summarize(briefing: Briefing) -> str:
    """A readable summary: title, date, people, and one line per turn."""
    lines = [
        f"Title:        {briefing.title or '(none)'}",
        f"Date:         {briefing.date.isoformat() if briefing.date else '(unknown)'}"
        + (f"  ({briefing.place}, {briefing.time})" if briefing.place else ""),
    ]
    chair = briefing.chairperson
    lines.append(f"Chairperson:  {chair.name}, {chair.title}" if chair else "Chairperson:  (not named)")
    lines.append("Speakers:")
    lines.extend(f"  - {' '.join(filter(None, (p.honorific, p.name)))}, {p.title}" for p in briefing.speakers)
    lines.append(f"Turns ({len(briefing.turns)}, over {briefing.page_count} pages):")
    for number, turn in enumerate(briefing.turns, 1):
        who = turn.label or "(no label)"
        first = turn.paragraphs[0].text if turn.paragraphs else ""
        lines.append(f"  {number:>3}. p{turn.page} {turn.role.value:<11} {who:<24} {textwrap.shorten(first, 60)}")
    lines.append(f"Exchanges:    {len(briefing.exchanges())} questions answered")
    lines.append(f"Credits:      {', '.join(briefing.credits) or '(none)'}")
    lines.extend(f"Related:      {r.date} {r.title}" for r in briefing.related)
    lines.append(f"Notes:        {len(briefing.notes)} kept ({', '.join(sorted({n.kind for n in briefing.notes}))})")
    lines.append(f"Unplaced:     {len(briefing.unparsed)} fragments, {len(briefing.diagnostics)} diagnostics")
    return "\n".join(lines)


def main() -> None:
    """Parse the sample and print the summary."""
    print(summarize(parse(sample_text())))


if __name__ == "__main__":
    main()
