"""A cheap test before a case-insensitive search: can the text hold any of the words the pattern needs?

Python's ``re`` has no fast start for an ``IGNORECASE`` pattern: it tries the whole pattern at every
position, which over the top of a page costs 15–25 µs a search, where lowering the text and looking
for a word with ``in`` costs one or two. A search that most pages or lines fail (a news summary's
wording, a Ministry title, the SCIO's marks) is worth this test first.

The test is exact in one direction, which is all a prefilter needs: when it says no, the pattern
cannot match. It compares as ``IGNORECASE`` compares the ASCII letters the words are made of.
"""

from __future__ import annotations

from collections.abc import Iterable

# ``IGNORECASE`` matches an ASCII letter to these, which ``str.lower`` does not turn into that letter:
# the long s "ſ" for "s", the dotless "ı" and the dotted "İ" for "i". (The Kelvin sign lowers to "k",
# and no other character matches an ASCII letter: tests/engine/test_shortcuts.py checks every one.)
_STRAYS = ("\u017f", "\u0131", "\u0130")


def may_hold(text: str, words: Iterable[str]) -> bool:
    """False only when ``text`` holds none of ``words``, compared as ``IGNORECASE`` would. The words are
    lower-case ASCII letters and spaces, or characters without case such as Han."""
    lowered = text.lower()
    return any(word in lowered for word in words) or _has_strays(text)


def _has_strays(text: str) -> bool:
    return any(stray in text for stray in _STRAYS)
