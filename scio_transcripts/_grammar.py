"""Loads the shipped grammar and builds its LALR parser and line lexer, once per grammar."""

from __future__ import annotations

import functools
import pkgutil
from typing import NamedTuple

from lark import Lark

from ._compiled import load_tables, tables_name
from ._driver import ParseTables
from ._lexer import LineLexer
from ._transform import PartsTransformer

GRAMMAR_PACKAGE = "scio_transcripts"
GRAMMAR_FOLDER = "grammar"
BASE_GRAMMAR = "scio_en.lark"


class Engine(NamedTuple):
    """A compiled grammar: Lark's parser, the line lexer built from its terminals, and the tables."""

    lark: Lark
    lexer: LineLexer
    tables: ParseTables


@functools.cache
def load_engine(grammar_file: str = BASE_GRAMMAR) -> Engine:
    """The engine for a grammar file shipped in the package's ``grammar/`` folder.

    Uses the tables compiled ahead of time when they match the grammar, else compiles it.
    """
    parser = _load_compiled(grammar_file) or compile_grammar(grammar_file)
    lexer = parser.parser.lexer
    assert isinstance(lexer, LineLexer)
    table = parser.parser.parser.parser.parse_table
    tables = ParseTables.build(table.states, table.start_states["start"], table.end_states["start"], PartsTransformer())
    return Engine(parser, lexer, tables)


def compile_grammar(grammar_file: str) -> Lark:
    """Build the LALR parser of a shipped grammar from its text."""
    return Lark.open_from_package(
        GRAMMAR_PACKAGE,
        grammar_file,
        (GRAMMAR_FOLDER,),
        parser="lalr",
        lexer=LineLexer,
        maybe_placeholders=False,
    )


def _load_compiled(grammar_file: str) -> Lark | None:
    grammar = pkgutil.get_data(GRAMMAR_PACKAGE, f"{GRAMMAR_FOLDER}/{grammar_file}")
    try:
        tables = pkgutil.get_data(GRAMMAR_PACKAGE, f"{GRAMMAR_FOLDER}/{tables_name(grammar_file)}")
    except FileNotFoundError:
        return None
    if grammar is None or tables is None:
        return None
    return load_tables(tables.decode("utf-8"), grammar.decode("utf-8"), lexer=LineLexer)
