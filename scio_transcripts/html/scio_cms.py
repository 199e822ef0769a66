"""The SCIO's own CMS (english.scio.gov.cn, www.scio.gov.cn), desktop and mobile.

The title is the ``<h1>``; the category word is ``div.box1l span.mmmm`` and the summary
``div.box1r``, with the source and the "Updated:" stamp after it; the transcript is ``div.cp``. The
breadcrumb is ``div.box5`` on desktop and ``div.column h1`` (with its ``ㄑ Press Room`` link) on
mobile; related links are ``div.box3``, after the transcript.
"""

from __future__ import annotations

from .layout import Layout


class ScioCms(Layout):
    name = "scio-cms"
    # On mobile the first h1 is the breadcrumb's ("ㄑ Press Room"); the title is the page's own.
    title = ("div.box1 h1", "h1.title", "body > h1", "h1")
    before = ("div.box1l span.mmmm", "div.box1r")
    body = ("div.cp",)
    chrome = ("div.box5", "div.column h1")
