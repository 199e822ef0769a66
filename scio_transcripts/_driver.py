"""Runs Lark's LALR tables over the line lexer's tokens and keeps what does not fit.

The driver owns the LALR loop instead of calling ``Lark.parse`` for three reasons:

* The lexer chooses among the terminals the parser accepts, so the accepted set must be that of
  the real context. After a shared unit rule such as ``note: BREADCRUMB`` an LALR state merges the
  lookaheads of every context (a header entry is "acceptable" after a page break inside a turn),
  so the driver performs such default reductions before asking what comes next.
* A line that fits nowhere is kept as a fragment and parsing goes on, instead of unwinding Lark's
  error recovery for every stray line of a messy page.
* Reductions call the transformer directly; Lark's tree-building wrappers cost more than the
  transformer itself on a page of a few hundred lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from lark import Token, Transformer, Tree
from lark.grammar import Rule
from lark.parsers.lalr_analysis import Shift

from ._describe import expected_names, join_alternatives, local_name, readable
from ._lexer import UNPLACED, LineLexer
from ._resolve import Unplaced


class _Inline(list[Any]):
    """The value of a rule whose name starts with ``_``: its children are spliced into the parent's."""


class Reduction(NamedTuple):
    """What reducing by one rule takes off the stack, and what it builds."""

    size: int
    origin: str
    build: Callable[[list[Any]], Any]


class ParseTables(NamedTuple):
    """Lark's LALR tables in the shape the driver's loop reads fastest."""

    actions: dict[int, dict[str, tuple[bool, Any]]]
    """State → terminal or rule name → (is a shift, next state or Reduction)."""
    accepted: dict[int, frozenset[str]]
    """State → every name it has an action for."""
    default_reductions: dict[int, Reduction]
    """States that reduce by one rule whatever comes next."""
    start_state: int
    end_state: int

    @classmethod
    def build(
        cls, states: dict[int, dict[str, tuple[Any, Any]]], start: int, end: int, transformer: Transformer[Any, Any]
    ) -> ParseTables:
        reductions: dict[int, Reduction] = {}  # by id(rule): Rule hashes are slow

        def reduction(rule: Rule) -> Reduction:
            found = reductions.get(id(rule))
            if found is None:
                found = reductions[id(rule)] = Reduction(
                    len(rule.expansion), rule.origin.name, _builder(rule, transformer)
                )
            return found

        actions = {
            state: {
                name: (action is Shift, arg if action is Shift else reduction(arg))
                for name, (action, arg) in row.items()
            }
            for state, row in states.items()
        }
        defaults = {}
        for state, row in actions.items():
            targets = {id(target): (shift, target) for shift, target in row.values()}
            if len(targets) == 1 and state != end:
                ((shift, target),) = targets.values()
                if not shift:
                    defaults[state] = target
        accepted = {state: frozenset(row) for state, row in actions.items()}
        return cls(actions, accepted, defaults, start, end)


def _builder(rule: Rule, transformer: Transformer[Any, Any]) -> Callable[[list[Any]], Any]:
    """The function that makes a rule's value from its children, as Lark's tree builder would."""
    name = local_name(rule.alias or rule.origin.name)
    if name.startswith("_"):
        return _inline
    method = getattr(transformer, name, None)
    expand_single = bool(rule.options.expand1)

    def build(children: list[Any]) -> Any:
        spliced = _splice(children)
        if expand_single and len(spliced) == 1:
            return spliced[0]
        return method(spliced) if method is not None else Tree(name, spliced)

    return build


def _inline(children: list[Any]) -> _Inline:
    # Lists grow by left recursion (``__items: __items item``); extend the list in place rather
    # than copying it at every item, which would make long pages quadratic.
    if children and isinstance(children[0], _Inline):
        head = children[0]
        head.extend(_splice(children[1:]))
        return head
    return _Inline(_splice(children))


def _splice(children: list[Any]) -> list[Any]:
    for child in children:
        if isinstance(child, _Inline):
            break
    else:
        return children
    spliced: list[Any] = []
    for child in children:
        if isinstance(child, _Inline):
            spliced.extend(child)
        else:
            spliced.append(child)
    return spliced


class Run:
    """One parse: an LALR stack fed by the line lexer."""

    def __init__(self, tables: ParseTables, lexer: LineLexer) -> None:
        self.tables = tables
        self.lexer = lexer
        self.states: list[int] = [tables.start_state]
        self.values: list[Any] = []
        self.unplaced: list[Unplaced] = []

    def parse(self, text: str) -> Any:
        """Feed every token of ``text``; return the value of the start rule."""
        lexer = self.lexer
        accepted_in = self.tables.accepted
        last: Token | None = None
        for part, allow_summary in lexer.parts(text):
            while part.text:
                accepted = accepted_in[self._settle()]
                token = lexer.token(part, lexer.candidates(accepted, allow_summary=allow_summary))
                if token.type not in accepted:  # UNPLACED included: no state accepts it
                    self._keep_unplaced(token, lexer.describe(str(token)))
                elif self._feed(token):
                    last = token
                else:  # an LALR reduction that only then finds the token misplaced
                    self._keep_unplaced(token, token.type)
                if len(token) == len(part.text):
                    break
                part = part.rest(token.end_pos or part.start + len(part.text))
        end = Token.new_borrow_pos("$END", "", last) if last is not None else Token("$END", "")
        return self._finish(end)

    def accepted(self) -> frozenset[str]:
        """What the parser accepts next, after the reductions that do not depend on it."""
        return self.tables.accepted[self._settle()]

    def _settle(self) -> int:
        """Perform the reductions the current state makes whatever comes next; return the new state."""
        defaults = self.tables.default_reductions
        states = self.states
        while (reduction := defaults.get(states[-1])) is not None:
            self._reduce(reduction)
        return states[-1]

    def _feed(self, token: Token) -> bool:
        actions = self.tables.actions
        while True:
            action = actions[self.states[-1]].get(token.type)
            if action is None:
                return False
            is_shift, target = action
            if is_shift:
                self.states.append(target)
                self.values.append(token)
                return True
            self._reduce(target)

    def _reduce(self, reduction: Reduction) -> None:
        size, origin, build = reduction
        states, values = self.states, self.values
        if size:
            children = values[-size:]
            del states[-size:]
            del values[-size:]
        else:
            children = []
        values.append(build(children))
        states.append(self.tables.actions[states[-1]][origin][1])

    def _finish(self, end: Token) -> Any:
        actions = self.tables.actions
        while self.states[-1] != self.tables.end_state:
            is_shift, target = actions[self.states[-1]]["$END"]
            assert not is_shift, "the grammar accepts the end of the text in every state"
            self._reduce(target)
        return self.values[-1]

    def _keep_unplaced(self, token: Token, looks_like: str | None) -> None:
        expected = expected_names(self.accepted())
        found = readable(looks_like) if looks_like and looks_like != UNPLACED else "text"
        self.unplaced.append(Unplaced(token, f"Expected {join_alternatives(expected)}; found {found}", expected))
