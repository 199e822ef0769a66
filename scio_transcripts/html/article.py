"""Any other article page (china.org.cn and the sites that copy it): the title is the page's
heading, the transcript the element that holds the most paragraph text."""

from __future__ import annotations

from typing import Any

from .layout import Layout


class ArticlePage(Layout):
    name = "article"
    title = ("h1", "#title", ".title", "title")
    # The source and date line under the title: "China.org.cn | June 3, 2022".
    before = ("div.info", "#pubtime", "span.time", "div.time")
    chrome = ("div.crumbs", "div.breadcrumb", "#crumbs")

    def matches(self, tree: Any) -> bool:
        return tree.body is not None

    def find_body(self, tree: Any) -> Any:
        return _richest(tree)


def _richest(tree: Any) -> Any:
    """The element whose own ``<p>`` children hold the most text: the article, not the page around it."""
    sizes: dict[int, list[Any]] = {}  # parent's node id → [parent, text size of its <p> children]
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is not None:
            entry = sizes.setdefault(parent.mem_id, [parent, 0])
            entry[1] += len(paragraph.text(deep=True) or "")
    best = max(sizes.values(), key=lambda entry: entry[1], default=None)
    return best[0] if best is not None and best[1] > 0 else tree.body
