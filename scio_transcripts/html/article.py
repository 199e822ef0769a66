"""Any other article page (china.org.cn and the sites that copy it): the title is the page's
heading, the transcript the element that holds the most paragraph text."""

from __future__ import annotations

from typing import Any

from .layout import Extracted, Layout
from .text import lines_of


class ArticlePage(Layout):
    name = "article"
    title = ("h1", "#title", ".title", "title")
    # The source and date line under the title: "China.org.cn | June 3, 2022".
    before = ("div.info", "#pubtime", "span.time", "div.time")
    chrome = ("div.crumbs", "div.breadcrumb", "#crumbs")

    def matches(self, tree: Any) -> bool:
        return tree.body is not None

    def read(self, tree: Any) -> Extracted | None:
        body = _richest(tree)
        if body is None:
            return None
        text = lines_of(body)
        title_node = next((node for node in (tree.css_first(s) for s in self.title) if node is not None), None)
        head = lines_of(title_node)[:1] if title_node is not None else []
        if head and text and text[0] == head[0]:
            head = []
        above = [line for selector in self.before for node in tree.css(selector)[:1] for line in lines_of(node)]
        chrome = [line for selector in self.chrome for node in tree.css(selector)[:1] for line in lines_of(node)]
        return Extracted(lines=tuple(head + above + text), chrome=tuple(chrome), layout=self.name) if text else None


def _richest(tree: Any) -> Any:
    """The element whose own ``<p>`` children hold the most text: the article, not the page around it."""
    best, most = None, 0
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        size = sum(len(p.text(deep=True) or "") for p in parent.iter() if p.tag == "p")
        if size > most:
            best, most = parent, size
    return best or tree.body
