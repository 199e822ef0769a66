"""Every kind of diagnostic, by its code: what the parser worked around, and what looks wrong.

The code is the stable handle of a diagnostic: ``check`` prints it, ``parse(..., ignore=...)`` and
``--ignore`` silence by it, and a message may be reworded without breaking either.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType

# Structural problems: lenient mode placed the text somewhere and says where it worked around.
STRUCTURE = {
    "unplaced-line": "a line (or part of one) the grammar had no place for; it is kept in `unparsed`",
    "empty-section": "a header heading (`Speakers:`, `Chairperson:`, `Date:`) with nothing usable under it",
    "unlabelled-speech": "speech with no speaker label on a page whose header names people",
    "repeated-label": "the same speaker label twice in a row, read as one turn",
    "cut-label": "the text ends inside a speaker label; the stub is kept in `unparsed`",
    "speech-after-credits": "speech after the translator credits, as if another page were pasted on",
    "guessed-encoding": "a file that is not UTF-8, read in the encoding its bytes fit best (charset-normalizer)",
    "charset-mismatch": "a saved web page whose bytes are not in the charset it declares; read in the one that fits",
    "missing-page": "a page of a briefing split over pages is not among the pages joined (`--join-pages`)",
}
# Plausibility: the text parsed, but the result is probably not what the page says.
PLAUSIBILITY = {
    "no-briefing": "neither a header nor a single speaker label: probably not a transcript",
    "summary-as-speech": "the speech before the first label reads like a news summary, so the header "
    "after it was probably read as speech",
    "header-as-speech": "the speech before the first label is a list of `Name, title` lines: a header "
    "that was read as speech",
    "silent-header": "the header names people, but no speaker label is theirs",
    "unknown-speakers": "most speaker labels name nobody the page introduces",
    "no-date": "the page has a header but no briefing or publication date",
    "no-transcript": "a saved web page in which no site layout found the text of a transcript",
    "html-page": "the text is a saved web page (HTML): read it with `parse_html` or `parse_file`",
}
CODES: Mapping[str, str] = MappingProxyType({**STRUCTURE, **PLAUSIBILITY})


def diagnostic_codes() -> Mapping[str, str]:
    """Every diagnostic code the shipped dialects give, with what it means."""
    return CODES


def checked_codes(ignore: Collection[str]) -> frozenset[str]:
    """The codes to silence, after refusing any that does not exist (a typo would silence nothing)."""
    if isinstance(ignore, str):
        ignore = (ignore,)
    unknown = sorted(code for code in ignore if code not in CODES)
    if unknown:
        raise ValueError(f"unknown diagnostic code {unknown[0]!r}; known: {', '.join(CODES)}")
    return frozenset(ignore)
