"""After the speech: the translators' credits, the related briefings, and speech that should not be there."""

from __future__ import annotations

import re

from ..engine.parts import CreditsPart, Part, RelatedPart, TurnPart, token_span
from ..models import RelatedBriefing, Span
from .dates import find_date
from .record import Record


def credits(parts: list[CreditsPart], record: Record) -> tuple[tuple[str, ...], Span | None]:
    """The translators' names, one each, and where the first credits line is; later lines are notes."""
    if not parts:
        return (), None
    names: list[str] = []
    for part in parts[1:]:
        record.note("credits", part.token)
    for part in parts:
        names.extend(credit_names(str(part.token)))
    return tuple(names), token_span(parts[0].token)


def related(part: RelatedPart) -> RelatedBriefing:
    """A link to another briefing, with its date when the page gives one."""
    return RelatedBriefing(
        title=str(part.title),
        date=find_date(str(part.date)) if part.date is not None else None,
        span=token_span(part.title),
        date_span=token_span(part.date) if part.date is not None else None,
    )


def check_speech_after_credits(parts: list[Part], record: Record) -> None:
    """Credits close a page; speech after them means another page or briefing was pasted on."""
    credits_seen = False
    for part in parts:
        if isinstance(part, CreditsPart):
            credits_seen = True
        elif credits_seen and isinstance(part, TurnPart):
            first = part.label if part.label is not None else part.paragraphs[0]
            found = "a speaker label" if part.label is not None else "speech"
            record.diagnose(
                "speech-after-credits",
                f"Expected no more speech after the translator credits; found {found}",
                token_span(first),
                ("a related-briefing title", "the end of the text"),
            )
            return


_CREDITS_LEAD = re.compile(
    r"^(?:Translated|Edited|Compiled|Interpreted|Proofread)(?:\s+and\s+\w+)?\s+by\s+", re.IGNORECASE
)
_CREDITS_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\.\s*(?:Edited|Proofread|Translated|Compiled)\s+by\s+)", re.IGNORECASE
)


def credit_names(credits: str) -> tuple[str, ...]:
    """The names in ``Translated and edited by A, B, …, and Z.``, one each."""
    body = _CREDITS_LEAD.sub("", credits.strip()).rstrip(". ")
    return tuple(name.strip() for name in _CREDITS_SEPARATOR.split(body) if name.strip())
