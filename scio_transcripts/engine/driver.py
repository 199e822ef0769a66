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

from .lexer import UNPLACED, LineLexer
from .parts import Unplaced
from .symbols import expected_names, join_alternatives, local_name, readable
from .token import Token


class _Inline(list[Any]):
    """The value of a rule whose name starts with ``_``: its children are spliced into the parent's."""


class Reduction(NamedTuple):
    """What reducing by one rule takes off the stack, and what it builds."""

    size: int
    origin: str
    build: Callable[[list[Any]], Any]


class RuleShape(NamedTuple):
    """What the driver needs to know of a grammar rule to reduce by it."""

    origin: str
    """The rule's name (namespaced when a dialect imported it)."""
    size: int
    """How many symbols its expansion has."""
    alias: str | None
    """The name of the alternative (``-> name``), if it has one."""
    expand1: bool
    """Whether the rule is ``?rule``: a single child stands for it."""


Actions = dict[int, dict[str, tuple[bool, int]]]
"""State → terminal or rule name → (is a shift, next state or index of the rule to reduce by)."""


def lark_tables(parse_table: Any) -> tuple[list[RuleShape], Actions]:
    """Lark's LALR parse table as rule shapes and actions, the form the driver and the JSON share."""
    from lark.parsers.lalr_analysis import Shift

    shapes: list[RuleShape] = []
    index: dict[int, int] = {}  # id(rule) → position: Rule hashes are slow
    actions: Actions = {}
    for state, row in parse_table.states.items():
        actions[state] = {}
        for name, (action, arg) in row.items():
            if action is Shift:
                actions[state][name] = (True, arg)
                continue
            if id(arg) not in index:
                index[id(arg)] = len(shapes)
                shapes.append(RuleShape(arg.origin.name, len(arg.expansion), arg.alias, bool(arg.options.expand1)))
            actions[state][name] = (False, index[id(arg)])
    return shapes, actions


class ParseTables(NamedTuple):
    """LALR tables in the shape the driver's loop reads fastest."""

    actions: dict[int, dict[str, tuple[bool, Any]]]
    """State → terminal or rule name → (is a shift, next state or Reduction)."""
    accepted: dict[int, frozenset[str]]
    """State → every name it has an action for."""
    default_reductions: dict[int, Reduction]
    """States that reduce by one rule whatever comes next."""
    start_state: int
    end_state: int

    @classmethod
    def build(cls, rules: list[RuleShape], actions: Actions, start: int, end: int, transformer: Any) -> ParseTables:
        reductions = [Reduction(rule.size, rule.origin, _builder(rule, transformer)) for rule in rules]
        table = {
            state: {name: (shift, target if shift else reductions[target]) for name, (shift, target) in row.items()}
            for state, row in actions.items()
        }
        defaults = {}
        for state, row in actions.items():
            targets = set(row.values())
            if len(targets) == 1 and state != end:
                ((shift, target),) = targets
                if not shift:
                    defaults[state] = reductions[target]
        accepted = {state: frozenset(row) for state, row in actions.items()}
        return cls(table, accepted, defaults, start, end)


def _builder(rule: RuleShape, transformer: Any) -> Callable[[list[Any]], Any]:
    """The function that makes a rule's value from its children, as Lark's tree builder would."""
    name = local_name(rule.alias or rule.origin)
    if name.startswith("_"):
        return _inline
    method = getattr(transformer, name, None)
    expand_single = rule.expand1

    def build(children: list[Any]) -> Any:
        spliced = _splice(children)
        if expand_single and len(spliced) == 1:
            return spliced[0]
        return method(spliced) if method is not None else _tree(name, spliced)

    return build


def _tree(name: str, children: list[Any]) -> Any:
    """What a rule with no transformer method becomes: Lark's tree, as Lark itself would build it. Only a
    dialect's own grammar has such rules, and compiling it has loaded Lark already."""
    from lark import Tree

    return Tree(name, children)


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
