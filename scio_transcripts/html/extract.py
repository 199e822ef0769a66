"""The layouts, in the order they are tried, and the one call that reads a page with them."""

from __future__ import annotations

from .article import ArticlePage
from .layout import Extracted, Layout
from .mfa import ForeignMinistryPage
from .scio_cms import ScioCms

_LAYOUTS: list[Layout] = []


def register_layout(layout: Layout) -> None:
    """Add a site layout; it is tried before the shipped ones, so a site of your own wins."""
    _LAYOUTS.insert(0, layout)


def layouts() -> tuple[str, ...]:
    """The names of the layouts, in the order they are tried."""
    _load()
    return tuple(layout.name for layout in _LAYOUTS)


def extract(markup: str) -> Extracted | None:
    """The transcript of a saved page, by the first layout that recognises it; None if none does."""
    from selectolax.lexbor import LexborHTMLParser  # only pages need it

    _load()
    tree = LexborHTMLParser(markup)
    for layout in _LAYOUTS:
        if layout.matches(tree):
            found = layout.read(tree)
            if found is not None:
                return found
    return None


def _load() -> None:
    if not any(layout.name == "article" for layout in _LAYOUTS):
        _LAYOUTS.extend([ScioCms(), ForeignMinistryPage(), ArticlePage()])
