"""The snapshot form of a parse: every field, spans as [start, end], for review by reading a diff."""

from __future__ import annotations

import hashlib
from typing import Any

import scio_transcripts as st

from ..conftest import DATA

SEED_DIGEST = DATA / "seed.parse.sha256"
"""The digest of the seed's whole parse: the seed's text is shared data, not the repository's."""


def parse_digest(text: str) -> str:
    """SHA-256 of the ``repr`` of a lenient parse, which shows every field of every model."""
    return hashlib.sha256(repr(st.parse(text)).encode("utf-8")).hexdigest()


def span(value: st.Span | None) -> list[int] | None:
    return None if value is None else [value.start, value.end]


def person(value: st.Person | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"name": value.name, "honorific": value.honorific, "title": value.title, "span": span(value.span)}


def snapshot(briefing: st.Briefing) -> dict[str, Any]:
    """Everything a parse reports, in a stable JSON-ready shape."""
    turns = list(briefing.turns)
    return {
        "title": briefing.title,
        "date": briefing.date.isoformat() if briefing.date else None,
        "place": briefing.place,
        "time": briefing.time,
        "speakers": [person(p) for p in briefing.speakers],
        "chairperson": person(briefing.chairperson),
        "turns": [
            {
                "label": turn.label,
                "role": turn.role.value,
                "speaker": turn.speaker.name if turn.speaker else None,
                "outlet": turn.outlet,
                "page": turn.page,
                "span": span(turn.span),
                "paragraphs": [paragraph.text for paragraph in turn.paragraphs],
            }
            for turn in turns
        ],
        "exchanges": [
            [turns.index(exchange.question), [turns.index(answer) for answer in exchange.answers]]
            for exchange in briefing.exchanges()
        ],
        "page_breaks": [span(s) for s in briefing.page_breaks],
        "notes": [[note.kind, note.text] for note in briefing.notes],
        "credits": list(briefing.credits),
        "related": [[r.title, r.date.isoformat() if r.date else None] for r in briefing.related],
        "unparsed": [[fragment.text, span(fragment.span)] for fragment in briefing.unparsed],
        "diagnostics": [[d.code, d.message, d.span.line, d.span.column] for d in briefing.diagnostics],
    }
