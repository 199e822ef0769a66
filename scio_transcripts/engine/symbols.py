"""Everything known about the grammar's terminals, in one table; and their names, readable and local.

No message ever shows a terminal's name. And a dialect that ``%import``s rules of the base
grammar gets Lark's namespaced copies of everything those rules use (``scio_en__BREADCRUMB``,
``_scio_en__header_item``); code that gives a symbol a meaning looks it up by its local name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from . import lines


class Symbol(NamedTuple):
    """Everything the package knows about one terminal of the shipped grammar, besides its pattern."""

    readable: str
    """How messages name it; no message ever shows a terminal's name."""
    note: str | None = None
    """The note kind it becomes when the grammar's ``note`` rule takes it."""
    opens_line: bool = False
    """It may end before its line does; the rest of the line is lexed on its own (a label, a heading)."""
    splits_line: bool = False
    """It cuts a line wherever it occurs in it (the CMS glues page breaks anywhere)."""
    summary_only: bool = False
    """It only applies above the first header heading (``lines.summary_end``)."""
    veto: Callable[[str], bool] | None = None
    """A check on the matched text; when it fails, the terminal does not match after all."""
    everywhere: bool = False
    """It may stand almost anywhere, so "expected" lists leave it out when there is something else."""


SYMBOLS: dict[str, Symbol] = {
    "PAGE_BREAK": Symbol("a page break", splits_line=True, everywhere=True),
    "BREADCRUMB": Symbol("a breadcrumb", note="breadcrumb", everywhere=True),
    "PUBLICATION_STAMP": Symbol("a publication date", note="publication-date", everywhere=True),
    "SITE_CHROME": Symbol("site chrome", note="site-chrome", everywhere=True),
    "READ_IN_CHINESE": Symbol("“Read in Chinese”", note="read-in-chinese", everywhere=True),
    "PHOTO_CAPTION": Symbol("a photo caption", note="photo-caption", everywhere=True),
    "GALLERY_CAPTION": Symbol("a gallery caption", note="gallery-caption", everywhere=True),
    "TRANSCRIPT_MARKER": Symbol("a line announcing the transcript", note="transcript-marker", everywhere=True),
    "CATEGORY": Symbol("a category"),
    "TITLE": Symbol("a title", veto=lines.is_not_sentence),
    "HEADLINE": Symbol("a title", veto=lines.is_headline),
    "DATELINE": Symbol("a dateline"),
    "DATE_LINE": Symbol("a date"),
    "SUMMARY_LINE": Symbol("a summary", summary_only=True),
    "SPEAKERS_HEADING": Symbol("“Speakers:”", opens_line=True),
    "CHAIR_HEADING": Symbol("“Chairperson:”", opens_line=True),
    "DATE_HEADING": Symbol("“Date:”", opens_line=True),
    "SPEAKERS_SUMMARY": Symbol("“Speakers”"),
    "CHAIR_SUMMARY": Symbol("“Chairperson”"),
    "PERSON_ENTRY": Symbol("a “Name, title” entry", opens_line=True, veto=lines.is_person_entry),
    "PERSON_NAME": Symbol("a name", veto=lines.is_person_entry),
    "SPEAKER_LABEL": Symbol("a speaker label", opens_line=True, veto=lines.is_speaker_label_line),
    "SPEECH_LINE": Symbol("speech"),
    "CREDITS": Symbol("translator credits", opens_line=True),
    "DISCLAIMER": Symbol("a note on the Chinese text"),
    "RELATED_DATE": Symbol("the date of a related briefing", opens_line=True),
    "RELATED_TITLE": Symbol("a related-briefing title", veto=lines.is_related_title),
    "LINKED_TITLE": Symbol("a related-briefing title"),
    "$END": Symbol("the end of the text", everywhere=True),
}
"""Terminal (local) name → what is known about it. A dialect's own terminals fall back to defaults:
their name in words, no note kind, no veto; a dialect adds openers and vetoes on its ``Dialect``."""

# The columns of the table, as the lexer, the transformer and the messages read them.
TERMINAL_NAMES = {name: symbol.readable for name, symbol in SYMBOLS.items()}
NOTE_KINDS = {name: symbol.note for name, symbol in SYMBOLS.items() if symbol.note}
OPENERS = frozenset(name for name, symbol in SYMBOLS.items() if symbol.opens_line)
SPLITTERS = frozenset(name for name, symbol in SYMBOLS.items() if symbol.splits_line)
SUMMARY_ONLY = frozenset(name for name, symbol in SYMBOLS.items() if symbol.summary_only)
VETOES: dict[str, Callable[[str], bool]] = {name: s.veto for name, s in SYMBOLS.items() if s.veto is not None}
_EVERYWHERE = frozenset(name for name, symbol in SYMBOLS.items() if symbol.everywhere)


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
