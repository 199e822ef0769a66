"""Loads a dialect's grammar and builds its LALR tables and line lexer, once per dialect."""

from __future__ import annotations

import pkgutil
import weakref
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

from lark import Lark
from lark.lexer import PatternRE, TerminalDef
from lark.load_grammar import FromPackageLoader

from .driver import ParseTables
from .lexer import LineLexer
from .tables import CompiledTables, compiled_from, dump_tables, load_tables, tables_name

if TYPE_CHECKING:
    from ..dialects import Dialect

GRAMMAR_PACKAGE = "scio_transcripts"
GRAMMAR_FOLDER = "grammar"
BASE_GRAMMAR = "scio_en.lark"


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
    lexer_class = type(
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
    conf = SimpleNamespace(
        terminals=[TerminalDef(name, PatternRE(pattern), priority) for name, pattern, priority in compiled.terminals],
        ignore=compiled.ignore,
    )
    lexer = lexer_class(conf)  # a LexerConf is only read for these two attributes
    tables = ParseTables.build(compiled.rules, compiled.actions, compiled.start, compiled.end, dialect.transformer())
    return Engine(lexer, tables)


def compile_grammar(grammar_file: str, lexer_class: type[LineLexer] = LineLexer, folder: Path | None = None) -> Lark:
    """Build the LALR parser of a grammar file: shipped, or in ``folder``.

    Either way ``%import`` finds the shipped grammars, so a user's grammar can extend them from
    an installed wheel.
    """
    shipped = FromPackageLoader(GRAMMAR_PACKAGE, (GRAMMAR_FOLDER,))
    options = {"parser": "lalr", "lexer": lexer_class, "maybe_placeholders": False}
    if folder is None:
        return Lark.open_from_package(GRAMMAR_PACKAGE, grammar_file, (GRAMMAR_FOLDER,), **options)
    path = folder / grammar_file
    text = path.read_text(encoding="utf-8")
    return Lark(text, source_path=str(path), import_paths=[shipped, str(folder)], **options)


def shipped_grammars_text() -> str:
    """The text of every shipped grammar: compiled tables are stamped with it, since a dialect's
    grammar may ``%import`` the others."""
    names = ("scio_en.lark", "scio_zh.lark", "mfa_en.lark")
    texts = [pkgutil.get_data(GRAMMAR_PACKAGE, f"{GRAMMAR_FOLDER}/{name}") or b"" for name in names]
    return "\n".join(text.decode("utf-8") for text in texts)


def _load_compiled(grammar_file: str) -> CompiledTables | None:
    try:
        tables = pkgutil.get_data(GRAMMAR_PACKAGE, f"{GRAMMAR_FOLDER}/{tables_name(grammar_file)}")
    except FileNotFoundError:
        return None
    if tables is None:
        return None
    return load_tables(tables.decode("utf-8"), shipped_grammars_text())


def write_shipped_tables() -> None:
    """Rewrite the compiled tables of every shipped grammar (``make tables``)."""
    from importlib import resources

    folder = resources.files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FOLDER)
    stamp = shipped_grammars_text()
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".lark"):
            target = folder.joinpath(tables_name(entry.name))
            document = dump_tables(compiled_from(compile_grammar(entry.name)), stamp)
            target.write_text(document + "\n", encoding="utf-8")  # type: ignore[attr-defined]
            print(f"wrote {target}")


if __name__ == "__main__":
    write_shipped_tables()
