"""Loads the shipped grammar and builds its LALR parser and line lexer, once per grammar."""

from __future__ import annotations

import functools

import attrs
from lark import Lark

from ._lexer import LineLexer
from ._transform import PartsTransformer

GRAMMAR_PACKAGE = "scio_transcripts"
GRAMMAR_FOLDER = "grammar"
BASE_GRAMMAR = "scio_en.lark"


@attrs.frozen
class Engine:
    """A compiled grammar: the LALR parser (with the transformer inlined) and its lexer."""

    lark: Lark
    lexer: LineLexer


@functools.cache
def load_engine(grammar_file: str = BASE_GRAMMAR) -> Engine:
    """The engine for a grammar file shipped in the package's ``grammar/`` folder."""
    lark = Lark.open_from_package(
        GRAMMAR_PACKAGE,
        grammar_file,
        (GRAMMAR_FOLDER,),
        parser="lalr",
        lexer=LineLexer,
        transformer=PartsTransformer(),
        maybe_placeholders=False,
    )
    lexer = lark.parser.lexer
    assert isinstance(lexer, LineLexer)
    return Engine(lark, lexer)
