"""Feeds the line lexer's tokens to Lark's LALR parser and keeps what does not fit.

The lexer chooses among the terminals the parser accepts, so the accepted set must be that of the
real context. After a shared unit rule such as ``note: BREADCRUMB`` the LALR state merges the
lookaheads of every context (a header entry is "acceptable" after a page break inside a turn), so
the driver performs such default reductions before asking what comes next.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, cast

import attrs
from lark import Token
from lark.exceptions import UnexpectedInput
from lark.grammar import Rule
from lark.parsers.lalr_analysis import Reduce
from lark.parsers.lalr_parser_state import ParserState

from ._describe import expected_names, join_alternatives, readable
from ._grammar import Engine
from ._lexer import UNPLACED
from ._resolve import Unplaced
from ._transform import Part


def run(engine: Engine, text: str) -> tuple[list[Part], list[Unplaced]]:
    """Parse ``text``; return the transformer's parts and the tokens no rule could take."""
    state: ParserState[int] = engine.lark.parse_interactive().parser_state
    table = state.parse_conf.states
    tables = _tables(state)

    def accepted() -> frozenset[str]:
        _apply_default_reductions(state, tables.default_reductions)
        return tables.accepted[state.position]

    unplaced: list[Unplaced] = []
    last: Token | None = None
    for token in engine.lexer.tokens(text, accepted):
        if token.type == UNPLACED or token.type not in table[state.position]:
            unplaced.append(_unplaced(token, accepted(), engine.lexer.describe(str(token))))
            continue
        try:
            state.feed_token(token)
        except UnexpectedInput:  # pragma: no cover - default reductions leave no such case known
            unplaced.append(_unplaced(token, accepted(), token.type))
            continue
        last = token
    end = Token.new_borrow_pos("$END", "", last) if last is not None else Token("$END", "")
    parts: list[Part] = state.feed_token(end, True)
    return parts, unplaced


@attrs.frozen
class _StateTables:
    """What each LALR state accepts, and the rule it reduces by whatever comes next, if any."""

    accepted: dict[int, frozenset[str]]
    default_reductions: dict[int, Rule]


_TABLES: dict[int, _StateTables] = {}


def _tables(state: ParserState[int]) -> _StateTables:
    """The state tables of a parse table, computed once per grammar."""
    table = state.parse_conf.states
    found = _TABLES.get(id(table))
    if found is None:
        defaults: dict[int, Rule] = {}
        for number, actions in table.items():
            distinct = set(actions.values())
            if len(distinct) == 1 and number != state.parse_conf.end_state:
                ((action, rule),) = distinct
                if action is Reduce:
                    defaults[number] = rule
        accepted = {number: frozenset(actions) for number, actions in table.items()}
        found = _TABLES[id(table)] = _StateTables(accepted, defaults)
    return found


def _apply_default_reductions(state: ParserState[int], defaults: dict[int, Rule]) -> None:
    """Reduce while the top state can only reduce, and by one rule whatever comes next."""
    table = state.parse_conf.states
    # Lark types the callbacks by terminal name; rules are keys too, as feed_token uses them.
    callbacks = cast(dict[Any, Callable[[list[Any]], Any]], state.parse_conf.callbacks)
    while (rule := defaults.get(state.position)) is not None:
        size = len(rule.expansion)
        children = state.value_stack[-size:] if size else []
        if size:
            del state.state_stack[-size:]
            del state.value_stack[-size:]
        value = callbacks[rule](children) if callbacks else children
        _shift, goto = table[state.position][rule.origin.name]
        state.state_stack.append(goto)
        state.value_stack.append(value)


def _unplaced(token: Token, accepted: Collection[str], looks_like: str | None) -> Unplaced:
    expected = expected_names(accepted)
    found = readable(looks_like) if looks_like and looks_like != UNPLACED else "text"
    return Unplaced(token, f"Expected {join_alternatives(expected)}; found {found}", expected)
