"""Loads a dialect's grammar and builds its LALR tables and line lexer, once per dialect."""

from __future__ import annotations

import os
import weakref
from typing import TYPE_CHECKING, NamedTuple

from .driver import ParseTables
from .lexer import LineLexer
from .tables import CompiledTables, compiled_from, dump_tables, load_tables, tables_name

if TYPE_CHECKING:
    from lark import Lark

    from ..dialects import Dialect

BASE_GRAMMAR = "scio_en.lark"
SHIPPED_GRAMMARS = ("scio_en.lark", "scio_zh.lark", "mfa_en.lark")


def _shipped_folder() -> str:
    """Where the shipped grammars and their tables are: inside the installed package, where the wheel
    puts the project's ``grammar/`` folder (hatch ``force-include``), or in a checkout, that folder
    itself beside the package. No symlink: those break on Windows and in some archives. (``os.path``,
    not ``pathlib``: a plain parse never needs pathlib, whose import costs about 3 ms of a cold start.)"""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # noqa: PTH120
    for folder in (os.path.join(package, "grammar"), os.path.join(os.path.dirname(package), "grammar")):  # noqa: PTH118, PTH120
        if os.path.isfile(os.path.join(folder, BASE_GRAMMAR)):  # noqa: PTH113, PTH118
            return folder
    raise FileNotFoundError(f"the shipped grammar {BASE_GRAMMAR} is neither in {package} nor beside it")


GRAMMAR_DIR = _shipped_folder()
"""The folder of the shipped grammars (a path as a string): ``%import scio_en`` finds them there."""


class Engine(NamedTuple):
    """A compiled grammar: the line lexer built from its terminals, and the LALR tables."""

    lexer: LineLexer
    tables: ParseTables


# One engine per Dialect object: a dialect registered anew under an old name is a new object, with
# an engine of its own, and nothing needs to know the registry to keep the cache right.
_engines: weakref.WeakKeyDictionary[Dialect, Engine] = weakref.WeakKeyDictionary()


def load_engine(dialect: Dialect) -> Engine:
    """The engine of a dialect, built on first use.

    Shipped grammars load from the tables compiled ahead of time when those match the grammars.
    """
    engine = _engines.get(dialect)
    if engine is None:
        engine = _engines[dialect] = _build(dialect)
    return engine


def _build(dialect: Dialect) -> Engine:
    lexer_class: type[LineLexer] = type(
        f"{type(dialect).__name__}Lexer",
        (LineLexer,),
        {
            "openers": dialect.openers,
            "splitters": dialect.splitters,
            "summary_only": dialect.summary_only,
            "checks": dialect.checks,
        },
    )
    compiled = _load_compiled(dialect.grammar) if dialect.grammar_folder is None else None
    if compiled is None:
        compiled = compiled_from(compile_grammar(dialect.grammar, lexer_class, dialect.grammar_folder))
    ignored = set(compiled.ignore)
    lexer = lexer_class.from_terminals([terminal for terminal in compiled.terminals if terminal[0] not in ignored])
    tables = ParseTables.build(compiled.rules, compiled.actions, compiled.start, compiled.end, dialect.transformer())
    return Engine(lexer, tables)


def compile_grammar(
    grammar_file: str, lexer_class: type[LineLexer] = LineLexer, folder: str | os.PathLike[str] | None = None
) -> Lark:
    """Build the LALR parser of a grammar file: shipped, or in ``folder``. Only this loads Lark.

    Either way ``%import`` finds the shipped grammars, so a user's grammar can extend them from
    an installed wheel.
    """
    from lark import Lark

    options = {"parser": "lalr", "lexer": lexer_class.lark_lexer(), "maybe_placeholders": False}
    path = os.path.join(GRAMMAR_DIR if folder is None else os.fspath(folder), grammar_file)  # noqa: PTH118
    paths = [GRAMMAR_DIR] if folder is None else [GRAMMAR_DIR, os.fspath(folder)]
    with open(path, encoding="utf-8") as grammar:  # noqa: PTH123
        return Lark(grammar.read(), source_path=path, import_paths=paths, **options)


def shipped_grammars_text() -> str:
    """The text of every shipped grammar: compiled tables are stamped with it, since a dialect's
    grammar may ``%import`` the others."""
    return "\n".join(_read(name) or "" for name in SHIPPED_GRAMMARS)


def _read(name: str) -> str | None:
    """A file of the shipped grammar folder, or None when there is no such file."""
    try:
        with open(os.path.join(GRAMMAR_DIR, name), encoding="utf-8") as file:  # noqa: PTH118, PTH123
            return file.read()
    except FileNotFoundError:
        return None


def _load_compiled(grammar_file: str) -> CompiledTables | None:
    tables = _read(tables_name(grammar_file))
    return None if tables is None else load_tables(tables, shipped_grammars_text())


def write_shipped_tables() -> None:
    """Rewrite the compiled tables of every shipped grammar (``make tables``)."""
    from pathlib import Path

    folder = Path(GRAMMAR_DIR)
    stamp = shipped_grammars_text()
    for entry in sorted(folder.glob("*.lark")):
        target = folder / tables_name(entry.name)
        target.write_text(dump_tables(compiled_from(compile_grammar(entry.name)), stamp) + "\n", encoding="utf-8")
        print(f"wrote {target}")
