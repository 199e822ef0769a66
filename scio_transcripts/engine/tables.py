"""Parse tables compiled ahead of time and shipped as JSON beside the grammar, for a fast start.

Building the LALR tables from a grammar takes longer than importing Lark itself, and even Lark's
own deserialization of them costs a noticeable share of a cold start. The shipped grammars'
tables are therefore stored as plain JSON (never pickle: loading data must not be able to run
code) next to their ``.lark`` file, in the form the driver reads: terminals, rule shapes and
actions. They are stamped with the text of the shipped grammars; when it differs, the tables are
ignored and the grammar is compiled as usual. Loading them never imports Lark: the tables are
self-contained (the driver reads nothing else of Lark's), so the Lark version they were built with
is recorded but not checked, and a test holds their parses equal to those of what the installed
Lark compiles.
Regenerate them with ``python -m scio_transcripts.engine`` (``make tables``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, NamedTuple

from .driver import Actions, RuleShape, lark_tables

if TYPE_CHECKING:
    from lark import Lark


class CompiledTables(NamedTuple):
    """Everything the line lexer and the LALR driver need of a grammar."""

    terminals: list[tuple[str, str, int]]
    """(name, regular expression, priority) of each terminal."""
    ignore: list[str]
    rules: list[RuleShape]
    actions: Actions
    start: int
    end: int


def tables_name(grammar_file: str) -> str:
    """The file of compiled tables that belongs to a grammar file."""
    return grammar_file.removesuffix(".lark") + ".tables.json"


def compiled_from(parser: Lark) -> CompiledTables:
    """The tables of a parser that Lark compiled from a grammar."""
    table = parser.parser.parser.parser.parse_table
    rules, actions = lark_tables(table)
    terminals = [(t.name, t.pattern.to_regexp(), t.priority) for t in parser.terminals]
    start, end = table.start_states["start"], table.end_states["start"]
    return CompiledTables(terminals, list(parser.lexer_conf.ignore), rules, actions, start, end)


def dump_tables(tables: CompiledTables, grammar_text: str) -> str:
    """The tables as JSON, stamped with the grammars' text and the Lark version."""
    import lark

    document = {
        "lark_version": lark.__version__,
        "grammar": grammar_text,
        "terminals": tables.terminals,
        "ignore": tables.ignore,
        "rules": [list(rule) for rule in tables.rules],
        # JSON keys are strings; states are numbers, so rows are lists.
        "actions": [
            [state, [[name, shift, target] for name, (shift, target) in row.items()]]
            for state, row in tables.actions.items()
        ],
        "start": tables.start,
        "end": tables.end,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def load_tables(document: str, grammar_text: str) -> CompiledTables | None:
    """The tables of a JSON document, or None when they were built from other grammars."""
    stamped: dict[str, Any] = json.loads(document)
    if stamped.get("grammar") != grammar_text:
        return None
    actions = {state: {name: (shift, target) for name, shift, target in row} for state, row in stamped["actions"]}
    return CompiledTables(
        [(name, pattern, priority) for name, pattern, priority in stamped["terminals"]],
        stamped["ignore"],
        [RuleShape(*rule) for rule in stamped["rules"]],
        actions,
        stamped["start"],
        stamped["end"],
    )
