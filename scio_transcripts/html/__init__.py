"""Saved web pages in: the transcript's text, found by the layout of the site that served it.

Extraction is one small module per site layout (``mfa``, ``scio_cms``, ``article``), registered in
``extract``; the first that recognises a page gives its text. Everything else of the package parses that
text as if it had been saved as text, so spans, ``render`` and the no-loss checks work unchanged.
"""

from __future__ import annotations

from .decode import declared_charset, decode_html, looks_like_html
from .extract import extract, layouts, register_layout
from .layout import Extracted, Layout

__all__ = [
    "Extracted",
    "Layout",
    "declared_charset",
    "decode_html",
    "extract",
    "layouts",
    "looks_like_html",
    "register_layout",
]
