"""The leaf elements of a parse: the pieces of source that together must cover every character."""

from __future__ import annotations

import scio_transcripts as st


def leaf_spans(briefing: st.Briefing) -> list[tuple[str, st.Span]]:
    """Every leaf element as (what it is, its span); speakers are covered by their header entries."""
    leaves: list[tuple[str, st.Span]] = []
    for name, span in (
        ("title", briefing.title_span),
        ("dateline", briefing.dateline_span),
        ("credits", briefing.credits_span),
    ):
        if span is not None:
            leaves.append((name, span))
    leaves += [("entry", person.span) for person in briefing.header_entries]
    leaves += [(f"note:{note.kind}", note.span) for note in briefing.notes]
    leaves += [(f"field:{field.name}", field.span) for field in briefing.fields]
    leaves += [("page-break", span) for span in briefing.page_breaks]
    leaves += [("related", related.span) for related in briefing.related]
    leaves += [("related-date", r.date_span) for r in briefing.related if r.date_span is not None]
    leaves += [("fragment", fragment.span) for fragment in briefing.unparsed]
    for turn in briefing.turns:
        if turn.label_span is not None:
            leaves.append(("label", turn.label_span))
        leaves += [("paragraph", paragraph.span) for paragraph in turn.paragraphs]
    return leaves


def coverage_problems(text: str, briefing: st.Briefing) -> list[str]:
    """Characters outside every leaf or inside two, and leaves that overlap; empty when all is well."""
    owner: list[str | None] = [None] * len(text)
    problems: list[str] = []
    for name, span in leaf_spans(briefing):
        if not 0 <= span.start < span.end <= len(text):
            problems.append(f"{name} has an empty or out-of-range span {span}")
            continue
        for offset in range(span.start, span.end):
            if owner[offset] is not None:
                problems.append(f"{name} {span} overlaps {owner[offset]} at offset {offset}")
                break
            owner[offset] = name
    for offset, char in enumerate(text):
        if owner[offset] is None and not (char.isspace() or char == "\ufeff"):
            problems.append(f"{char!r} at offset {offset} lies in no element")
            break
    return problems
