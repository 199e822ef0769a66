"""A cheap test before a case-insensitive search: can the text hold any of the words the pattern needs?

Python's ``re`` has no fast start for an ``IGNORECASE`` pattern: it tries the whole pattern at every
position, which over the top of a page costs 15–25 µs a search, where lowering the text and looking
for a word with ``in`` costs one or two. A search that most pages fail (a header heading, a news
summary's wording, a Ministry title) is worth this test first.

The test is exact in one direction, which is all a prefilter needs: when it says no, the pattern
cannot match. It compares as ``IGNORECASE`` compares the ASCII letters the words are made of.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

# ``IGNORECASE`` matches an ASCII letter to these, which ``str.lower`` does not turn into that letter:
# the long s "ſ" for "s", the dotless "ı" and the dotted "İ" for "i". (The Kelvin sign lowers to "k",
# and no other character matches an ASCII letter.) "İ" is also the only character whose lower case
# is longer than itself, so a text without these lowers character for character.
_STRAYS = ("\u017f", "\u0131", "\u0130")


def may_hold(text: str, words: Iterable[str]) -> bool:
    """False only when ``text`` holds none of ``words`` (lower-case), compared as ``IGNORECASE`` would."""
    lowered = text.lower()
    return any(word in lowered for word in words) or _has_strays(text)


def word_starts(text: str, words: Sequence[str]) -> Iterator[int] | None:
    """The offsets in ``text`` where one of ``words`` (lower-case) starts, compared as ``IGNORECASE``
    would, in order and found as they are asked for; None when the text holds a character that makes
    offsets unsafe to compute this way (then search with the pattern itself)."""
    if _has_strays(text):
        return None
    return _starts(text.lower(), words)


def _starts(lowered: str, words: Sequence[str]) -> Iterator[int]:
    position = 0
    while found := [start for word in words if (start := lowered.find(word, position)) >= 0]:
        position = min(found)
        yield position
        position += 1


def _has_strays(text: str) -> bool:
    return any(stray in text for stray in _STRAYS)
