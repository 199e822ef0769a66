"""Names of grammar symbols: readable ones for messages, local ones for code.

No message ever shows a terminal's name. And a dialect that ``%import``s rules of the base
grammar gets Lark's namespaced copies of everything those rules use (``scio_en__BREADCRUMB``,
``_scio_en__header_item``); code that gives a symbol a meaning looks it up by its local name.
"""

from __future__ import annotations

from collections.abc import Iterable

TERMINAL_NAMES = {
    "PAGE_BREAK": "a page break",
    "BREADCRUMB": "a breadcrumb",
    "PUBLICATION_STAMP": "a publication date",
    "SITE_CHROME": "site chrome",
    "READ_IN_CHINESE": "“Read in Chinese”",
    "PHOTO_CAPTION": "a photo caption",
    "GALLERY_CAPTION": "a gallery caption",
    "TRANSCRIPT_MARKER": "a line announcing the transcript",
    "CATEGORY": "a category",
    "TITLE": "a title",
    "DATELINE": "a dateline",
    "DATE_LINE": "a date",
    "SUMMARY_LINE": "a summary",
    "SPEAKERS_HEADING": "“Speakers:”",
    "CHAIR_HEADING": "“Chairperson:”",
    "DATE_HEADING": "“Date:”",
    "SPEAKERS_SUMMARY": "“Speakers”",
    "CHAIR_SUMMARY": "“Chairperson”",
    "PERSON_ENTRY": "a “Name, title” entry",
    "PERSON_NAME": "a name",
    "SPEAKER_LABEL": "a speaker label",
    "SPEECH_LINE": "speech",
    "CREDITS": "translator credits",
    "DISCLAIMER": "a note on the Chinese text",
    "RELATED_DATE": "the date of a related briefing",
    "RELATED_TITLE": "a related-briefing title",
    "LINKED_TITLE": "a related-briefing title",
    "$END": "the end of the text",
}

# Terminals that may stand almost anywhere; naming them in every message would bury the point.
_EVERYWHERE = frozenset(
    {
        "PAGE_BREAK",
        "BREADCRUMB",
        "PUBLICATION_STAMP",
        "SITE_CHROME",
        "READ_IN_CHINESE",
        "PHOTO_CAPTION",
        "GALLERY_CAPTION",
        "TRANSCRIPT_MARKER",
        "$END",
    }
)


def local_name(name: str) -> str:
    """``scio_en__BREADCRUMB`` → ``BREADCRUMB``, ``_scio_en__items`` → ``_items``; others unchanged."""
    if name.startswith("__") or "__" not in name:
        return name  # Lark's own helper rules (``__body_star_4``), and plain names
    inline = name.startswith("_")
    local = name[1:].split("__", 1)[1] if inline else name.split("__", 1)[1]
    return f"_{local}" if inline else local


def readable(terminal: str) -> str:
    """The readable name of a terminal; a dialect's own terminals fall back to their words."""
    terminal = local_name(terminal)
    return TERMINAL_NAMES.get(terminal, terminal.lower().replace("_", " ").strip())


def expected_names(terminals: Iterable[str]) -> tuple[str, ...]:
    """Readable names of what a parser state accepts, the ubiquitous ones left out when others exist."""
    names = sorted(name for name in set(terminals) if name.isupper())  # the rest are rules' gotos
    specific = [name for name in names if local_name(name) not in _EVERYWHERE and not name.startswith("_")]
    return tuple(dict.fromkeys(readable(name) for name in (specific or names)))


def join_alternatives(names: tuple[str, ...]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} or {names[-1]}"
