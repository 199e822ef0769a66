"""The Foreign Ministry's pages (fmprc.gov.cn, mfa.gov.cn) and the embassy and consulate mirrors.

The heading is ``h2.title`` (English) or ``div.title`` (Chinese); the transcript is ``div.content``,
where the site puts an appendix (``div#Appendix_article``) that is not part of it. Questions are bold
runs, labels may follow a ``<br>`` inside a paragraph, and Word pastes leave ``<o:p>`` debris: the
text reader keeps inline runs together and starts a line at each ``<br>``.
"""

from __future__ import annotations

from typing import Any

from .layout import Layout


class ForeignMinistryPage(Layout):
    name = "mfa"
    title = ("h2.title", "div.title", "#News_Body_Title", "h1")
    body = ("div.content", "#News_Body_Txt_A", "div#content")
    stop = ("#Appendix_article", "div.Appendix")
    chrome = ("div.fl", "div.location", "div.nav_cur", "div#Position")

    def matches(self, tree: Any) -> bool:
        heading = tree.css_first("title")
        text = heading.text() if heading is not None else ""
        mark = any(word in text for word in ("Spokesperson", "Foreign Ministry", "外交部", "发言人", "發言人"))
        return mark and super().matches(tree)
