"""Dialects: a grammar file plus the few hooks it needs, registered by name.

``dialect.py`` holds the base (English SCIO pages, the default) and the registry; each other shipped
dialect is one module named after it (``scio_zh.py``, ``mfa_en.py``), loaded the first time its name is
asked for. ``docs/dialects.md`` describes them and ``docs/extending.md`` shows how to add one.
"""

from .dialect import BriefingTransformer, Dialect, detect_dialect, dialects, get_dialect, register_dialect

__all__ = ["BriefingTransformer", "Dialect", "detect_dialect", "dialects", "get_dialect", "register_dialect"]
