"""The text of an element as a reader sees it: a line per block, words never split or glued by markup."""

from __future__ import annotations

import contextlib
import re
from typing import Any

# Elements that start and end a line of their own; everything else runs on inside the line, so a
# word split over two tags ("Spokes<span>person</span>") stays one word, and no space is inserted.
_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "blockquote", "section",
     "article", "header", "footer", "center", "dd", "dt", "dl", "pre", "figure", "figcaption", "form"}
)  # fmt: skip
# Elements whose content is never text a reader sees.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "select", "button"})
_SPACES = " \t\r\n\f\v"
_MARKUP_SPACE = re.compile(f"[{_SPACES}]+")


def lines_of(node: Any, *, stop: Any = None) -> list[str]:
    """The lines of ``node``'s visible text, each stripped, empty ones dropped; reading stops at ``stop``.

    A ``<br>`` ends a line too (a label after it opens a line of its own). Runs of spaces and
    newlines of the markup are one space; ``&nbsp;`` stays a no-break space, as on the page.
    """
    collected: list[str] = []
    current: list[str] = []
    _walk(node, collected, current, stop)
    _end_line(collected, current)
    return collected


class _StopError(Exception):
    """Raised at the element reading stops at."""


def _walk(node: Any, lines: list[str], current: list[str], stop: Any) -> None:
    with contextlib.suppress(_StopError):
        _visit(node, lines, current, stop)


def _visit(node: Any, lines: list[str], current: list[str], stop: Any) -> None:
    for child in node.iter(include_text=True):
        if stop is not None and child.mem_id == stop.mem_id:
            raise _StopError
        tag = child.tag
        if tag == "-text":
            current.append(_collapse(child.text_content or ""))
        elif tag == "br":
            _end_line(lines, current)
        elif tag in _HIDDEN or tag == "-comment" or tag.startswith(("?", "!")):
            continue
        elif tag in _BLOCKS:
            _end_line(lines, current)
            _visit(child, lines, current, stop)
            _end_line(lines, current)
        else:
            _visit(child, lines, current, stop)


def _collapse(text: str) -> str:
    """Markup whitespace as one space; no-break and ideographic spaces are the page's own, and stay."""
    return _MARKUP_SPACE.sub(" ", text)


def _end_line(lines: list[str], current: list[str]) -> None:
    line = "".join(current).strip(_SPACES)
    current.clear()
    if line.strip(_SPACES + "\u00a0\u3000"):
        lines.append(line)
