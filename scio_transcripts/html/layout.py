"""Site layouts: where a site puts the title, the dates and the transcript, and what is chrome."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from .text import lines_of


@attrs.frozen
class Extracted:
    """What a layout found on a page."""

    lines: tuple[str, ...]
    """The transcript as lines of text, the title and the page's dates first, as a saved text has them."""
    chrome: tuple[str, ...]
    """Lines of the page outside the transcript that are worth keeping: breadcrumb, the window title."""
    layout: str
    """The name of the layout that read the page."""


class Layout:
    """One site's layout. A subclass names the elements; ``read`` builds the lines from them.

    ``title``, ``before`` (lines printed above the transcript: category, summary, stamp), ``body`` and
    ``chrome`` are CSS selectors tried in order (the first that matches wins); ``stop`` is where the
    body ends, when the site puts appendices inside it.
    """

    name: ClassVar[str] = "layout"
    title: ClassVar[tuple[str, ...]] = ()
    before: ClassVar[tuple[str, ...]] = ()
    body: ClassVar[tuple[str, ...]] = ()
    stop: ClassVar[tuple[str, ...]] = ()
    chrome: ClassVar[tuple[str, ...]] = ()

    def matches(self, tree: Any) -> bool:
        """Whether the page is in this layout: by default, when its body element is there."""
        return _first(tree, self.body) is not None

    def find_body(self, tree: Any) -> Any:
        """The element that holds the transcript: by default the first that ``body`` selects."""
        return _first(tree, self.body)

    def read(self, tree: Any) -> Extracted | None:
        """The page's lines, or None when the body holds no text."""
        body = self.find_body(tree)
        if body is None:
            return None
        stop = next((node for node in (body.css_first(s) for s in self.stop) if node is not None), None)
        text = lines_of(body, stop=stop)
        if not text:
            return None
        title = _first(tree, self.title)
        head = lines_of(title)[:1] if title is not None else []
        if head and head[0] == text[0]:
            head = []  # the body starts with the heading itself
        above = [line for selector in self.before for node in tree.css(selector)[:1] for line in lines_of(node)]
        chrome = [line for selector in self.chrome for node in tree.css(selector)[:1] for line in lines_of(node)]
        window = tree.css_first("title")
        window_title = " ".join((window.text() or "").split()) if window is not None else ""
        if window_title and window_title not in head:
            chrome.append(window_title)
        return Extracted(lines=tuple(head + above + text), chrome=tuple(chrome), layout=self.name)


def _first(tree: Any, selectors: tuple[str, ...]) -> Any:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            return node
    return None
