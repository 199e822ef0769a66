"""Dialects: a grammar file plus the few hooks it needs, registered by name.

A dialect describes one kind of transcript: English SCIO pages (``scio-en``, the default), their
Chinese originals (``scio-zh``) and the Foreign Ministry's English pressers (``mfa-en``) ship with
the package. To read transcripts we never saw, subclass :class:`Dialect`, point it at a ``.lark``
file that ``%import``s what it needs from the shipped grammar and ``%extend``s or ``%override``s
it, and :func:`register_dialect` an instance::

    class VenueDialect(st.Dialect):
        name = "scio-en-venue"
        grammar = "venue.lark"
        grammar_folder = Path(__file__).parent
        openers = st.Dialect.openers | {"VENUE_HEADING"}

    st.register_dialect(VenueDialect())
    briefing = st.parse(text, dialect="scio-en-venue")

``docs/extending.md`` walks through that example; ``docs/dialects.md`` describes the shipped ones.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from ..engine.parts import FieldPart, NotePart, PartsTransformer
from ..engine.symbols import OPENERS, SPLITTERS, SUMMARY_ONLY
from ..engine.token import Token
from ..models import Briefing
from ..resolve.rules import Rules
from .sniffs import mfa_en as _sniff_mfa_en
from .sniffs import scio_en as _sniff_scio_en
from .sniffs import scio_zh as _sniff_scio_zh

if TYPE_CHECKING:
    from pathlib import Path


class BriefingTransformer(PartsTransformer):
    """The transformer a dialect subclasses to give its own grammar rules a meaning.

    Each method is named after a rule and receives that rule's children: tokens, and the values
    of child rules. To keep a line as a note, return ``[self.make_note(kind, token)]``.
    """

    @staticmethod
    def make_note(kind: str, token: Token) -> NotePart:
        """A note of ``kind`` for a token: the line is kept, with its span, in ``Briefing.notes``."""
        return NotePart(kind, token)

    @staticmethod
    def make_field(name: str, token: Token) -> FieldPart:
        """A header fact called ``name``: the token's text, with its span, in ``Briefing.fields``."""
        return FieldPart(name, token)


class Dialect(Rules):
    """One kind of transcript: its grammar, how its lines are lexed, and how a parse is finished.

    Subclass it and override the class attributes and methods that differ; the defaults are
    those of English SCIO pages.
    """

    name: ClassVar[str] = "scio-en"
    """The name passed as ``parse(text, dialect=name)``."""
    grammar: ClassVar[str] = "scio_en.lark"
    """The grammar file, found in ``grammar_folder`` (or the package's own grammar folder)."""
    grammar_folder: ClassVar[Path | None] = None
    """Where ``grammar`` lives; None for the grammars shipped in the package."""
    openers: ClassVar[frozenset[str]] = OPENERS
    """Terminals that may end before their line does; the rest of the line is lexed on its own."""
    splitters: ClassVar[frozenset[str]] = SPLITTERS
    """Terminals that cut a line wherever they occur in it (page breaks, inline timestamps)."""
    summary_only: ClassVar[frozenset[str]] = SUMMARY_ONLY
    """Terminals that only apply above the first header heading."""
    checks: ClassVar[Mapping[str, Callable[[str], bool]] | None] = None
    """Terminal name → a check that may veto a match; None keeps those of English SCIO pages."""
    transformer: ClassVar[type[PartsTransformer]] = BriefingTransformer
    """The transformer whose methods give the grammar's rules a meaning."""

    def sniff(self, text: str) -> float:
        """How much ``text`` looks like this dialect, from 0 to 1; ``dialect="auto"`` takes the best."""
        return _sniff_scio_en(text)

    def finish(self, briefing: Briefing, text: str) -> Briefing:
        """Rework the finished briefing where a rule needs all of it at once (whole turns, in order).

        Facts have their own steps, inherited from ``Rules`` with the English rule as default:
        ``header_people``, ``choose_date``, ``choose_time``, ``label_of``, ``person_of_label`` and
        ``role_of``. Override those; ``finish`` is for what no single step can see.
        """
        return briefing


class _Shipped(NamedTuple):
    """A shipped dialect: where its class is, and its sniff (the same function as its ``sniff`` method)."""

    module: str
    attribute: str
    sniff: Callable[[str], float]


# Shipped dialects are imported when first asked for, so `import scio_transcripts` stays fast; their
# sniffs are at hand without importing them.
_BUILT_IN = {
    "scio-en": _Shipped("scio_transcripts.dialects", "Dialect", _sniff_scio_en),
    "scio-zh": _Shipped("scio_transcripts.dialects.scio_zh", "ChineseScio", _sniff_scio_zh),
    "mfa-en": _Shipped("scio_transcripts.dialects.mfa_en", "ForeignMinistry", _sniff_mfa_en),
}
_registered: dict[str, Dialect] = {}


def register_dialect(dialect: Dialect) -> Dialect:
    """Make ``dialect`` available by its name (replacing any dialect of that name); returns it."""
    _registered[dialect.name] = dialect
    return dialect


def dialects() -> tuple[str, ...]:
    """The names of every dialect that ``parse`` accepts, shipped and registered."""
    return tuple(dict.fromkeys([*_BUILT_IN, *_registered]))


def get_dialect(name: str | Dialect) -> Dialect:
    """The dialect registered under ``name`` (a Dialect passes through).

    Raises:
        ValueError: If no dialect has that name; the message lists those that do.
    """
    if isinstance(name, Dialect):
        return name
    found = _registered.get(name)
    if found is not None:
        return found
    if name in _BUILT_IN:
        shipped = _BUILT_IN[name]
        dialect: Dialect = getattr(importlib.import_module(shipped.module), shipped.attribute)()
        _registered[name] = dialect
        return dialect
    raise ValueError(f"unknown dialect {name!r}; known: {', '.join(dialects())}")


def detect_dialect(text: str) -> str:
    """The name of the dialect that ``text`` looks most like, by a cheap sniff of its characters.

    English SCIO pages win ties (they come first), so text that looks like nothing in particular
    parses as before. A shipped dialect not yet used is sniffed without importing it.
    """
    best, best_score = "scio-en", float("-inf")
    for name in dialects():
        registered = _registered.get(name)
        score = registered.sniff(text) if registered is not None else _BUILT_IN[name].sniff(text)
        if score > best_score:
            best, best_score = name, score
    return best
