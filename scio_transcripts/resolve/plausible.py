"""The last stage: does the finished briefing look like the page it came from?

Resolution never refuses a reading; it finds the likeliest one. Some readings are likely wrong all
the same: a page with no header and no label is not a transcript, a header swallowed as speech leaves
every label unknown. This stage looks at the finished briefing, whatever the dialect, and adds one
diagnostic per sign of a wrong parse, placed where a reader should look. It changes nothing else.
"""

from __future__ import annotations

import attrs

from ..engine.lines import is_person_entry, reads_like_summary, split_person_entry
from ..models import Briefing, Diagnostic, Role, Span, Turn


def judge(briefing: Briefing, text: str) -> Briefing:
    """The briefing with a diagnostic for each sign that its parse is probably wrong."""
    if not text.strip():
        return briefing  # nothing to read; an empty page is reported by whoever read the file
    return assess(briefing)


def assess(briefing: Briefing) -> Briefing:
    """``judge`` on a briefing whose text is known not to be empty."""
    found = [
        diagnostic
        for check in (_no_briefing, _opening_speech, _silent_header, _unknown_speakers, _no_date)
        if (diagnostic := check(briefing)) is not None
    ]
    if not found:
        return briefing
    merged = sorted(
        (*briefing.diagnostics, *found), key=lambda diagnostic: (diagnostic.span.source, diagnostic.span.start)
    )
    return attrs.evolve(briefing, diagnostics=tuple(merged))


def _labelled(briefing: Briefing) -> list[Turn]:
    return [turn for turn in briefing.turns if turn.label is not None]


def _has_header(briefing: Briefing) -> bool:
    return bool(briefing.speakers or briefing.chairperson is not None or briefing.header_entries)


def _no_briefing(briefing: Briefing) -> Diagnostic | None:
    if _has_header(briefing) or _labelled(briefing):
        return None
    spans = [
        *(turn.span for turn in briefing.turns),
        *briefing.page_breaks,
        *(note.span for note in briefing.notes),
        *(fragment.span for fragment in briefing.unparsed),
        *(related.span for related in briefing.related),
        *(span for span in (briefing.title_span, briefing.dateline_span, briefing.credits_span) if span),
    ]
    if not spans:
        return None
    return Diagnostic(
        code="no-briefing",
        message="Expected a briefing: found no header and no speaker label",
        span=min(spans, key=lambda span: span.start),
        expected=("a header of speakers and chairperson", "a speaker label (“Name:”)"),
    )


def _opening_speech(briefing: Briefing) -> Diagnostic | None:
    """Speech before the first label that is really front matter: a summary, or the header itself."""
    if not briefing.turns or briefing.turns[0].label is not None:
        return None
    opening = briefing.turns[0]
    if not _labelled(briefing):
        return None  # one block of text is no-briefing's case
    entries = [p for p in opening.paragraphs if is_person_entry(p.text) and _has_title(p.text)]
    if len(entries) >= 2:
        return Diagnostic(
            code="header-as-speech",
            message=f"The speech before the first label is a list of {len(entries)} “Name, title” lines; "
            "read as speech, not as the header",
            span=entries[0].span,
            expected=("a header of speakers and chairperson",),
        )
    first = opening.paragraphs[0] if opening.paragraphs else None
    if first is not None and reads_like_summary(first.text):
        return Diagnostic(
            code="summary-as-speech",
            message="The speech before the first label reads like a news summary; what follows it was read as speech",
            span=first.span,
            expected=("a summary note", "a header of speakers and chairperson"),
        )
    return None


def _has_title(entry: str) -> bool:
    return split_person_entry(entry)[2] is not None


def _silent_header(briefing: Briefing) -> Diagnostic | None:
    labelled = _labelled(briefing)
    if not briefing.speakers or len(labelled) < 2:
        return None
    if any(turn.role in (Role.SPEAKER, Role.CHAIRPERSON) for turn in labelled):
        return None
    people = len(briefing.speakers) + (briefing.chairperson is not None)
    return Diagnostic(
        code="silent-header",
        message=f"No speaker label names anyone of the header's {people} people; labels or header misread",
        span=briefing.speakers[0].span,
        expected=("a speaker label naming a header person",),
    )


def _unknown_speakers(briefing: Briefing) -> Diagnostic | None:
    labelled = _labelled(briefing)
    unknown = [turn for turn in labelled if turn.role is Role.UNKNOWN]
    if not labelled or 2 * len(unknown) <= len(labelled):
        return None
    span = unknown[0].label_span or unknown[0].span
    return Diagnostic(
        code="unknown-speakers",
        message=f"Most speaker labels ({len(unknown)} of {len(labelled)}) name nobody the page introduces",
        span=span,
        expected=("a header naming the speakers", "an outlet or role word as label"),
    )


def _no_date(briefing: Briefing) -> Diagnostic | None:
    if briefing.date is not None or not _has_header(briefing):
        return None
    if any("a date" in diagnostic.expected for diagnostic in briefing.diagnostics):
        return None  # a date heading with no date under it already says so, at the heading
    candidates: list[Span] = [
        *(person.span for person in briefing.header_entries),
        *(person.span for person in briefing.speakers),
        *([briefing.chairperson.span] if briefing.chairperson is not None else []),
    ]
    return Diagnostic(
        code="no-date",
        message="Expected a date: the page has a header but no briefing or publication date",
        span=min(candidates, key=lambda span: span.start),
        expected=("a date line under the header", "a publication date"),
    )
