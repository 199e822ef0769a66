"""The LALR driver: default reductions, lines that fit nowhere, long lists."""

from __future__ import annotations

from typing import Any

from lark import Lark, Token, Transformer

from scio_transcripts.engine.driver import ParseTables, Run
from scio_transcripts.engine.lexer import LineLexer
from scio_transcripts.engine.tables import compiled_from

# A page of questions and answers that must open with a heading: a question before it fits nowhere.
GRAMMAR = r"""
start: HEADING item*
item: QUESTION | ANSWER
HEADING.5: /Questions:/
QUESTION.3: /[^\n]*\?/
ANSWER.1: /[^\n]+/
%ignore /\s+/
"""


class Collect(Transformer[Token, Any]):
    def start(self, children: list[Any]) -> list[Any]:
        return children

    def item(self, children: list[Any]) -> Token:
        token: Token = children[0]
        return token


def _run(text: str) -> tuple[Any, Run]:
    parser = Lark(GRAMMAR, parser="lalr", lexer=LineLexer.lark_lexer())
    compiled = compiled_from(parser)
    tables = ParseTables.build(compiled.rules, compiled.actions, compiled.start, compiled.end, Collect())
    lexer = parser.parser.lexer
    assert isinstance(lexer, LineLexer)
    run = Run(tables, lexer)
    return run.parse(text), run


def test_lines_that_fit_nowhere_are_kept_with_what_was_expected() -> None:
    """A line no accepted terminal matches is kept, named, and parsing goes on."""
    value, run = _run("Why?\nQuestions:\nWhen?\nSoon.\n")
    assert [str(token) for token in value] == ["Questions:", "When?", "Soon."]
    (unplaced,) = run.unplaced
    assert (str(unplaced.token), unplaced.token.line, unplaced.token.column) == ("Why?", 1, 1)
    assert unplaced.message == "Expected heading; found question"
    assert unplaced.expected == ("heading",)


def test_long_lists_are_built_in_linear_time() -> None:
    """Items of a long list are appended in place, so 20,000 lines parse in one pass."""
    value, run = _run("Questions:\n" + "Yes.\n" * 20_000)
    assert len(value) == 20_001
    assert run.unplaced == []
