"""A contextual line lexer built from the grammar's own terminal definitions.

Lark's character lexers would tokenize a transcript word by word; transcripts are made of lines, so
this lexer hands the LALR parser one token per line (or per part of a line, when a label, a
heading or a date is glued to what follows it). Like Lark's contextual lexer it only considers the
terminals that the parser accepts in its current state, and picks the highest priority among
those that match; a check from ``_heuristics`` may still veto a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

import attrs
from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer, LexerState

from ._source import Piece, content_lines

# Terminals that may end before their line does; the rest of the line is lexed on its own.
OPENERS = frozenset(
    {"SPEAKER_LABEL", "SPEAKERS_HEADING", "CHAIR_HEADING", "DATE_HEADING", "CREDITS", "RELATED_DATE", "PERSON_ENTRY"}
)
# Terminals that cut a line wherever they occur in it.
SPLITTERS = frozenset({"PAGE_BREAK"})
# Terminals that only apply above the first header heading (see _heuristics.summary_end).
SUMMARY_ONLY = frozenset({"SUMMARY_LINE"})


@attrs.frozen
class LexerRule:
    """One terminal as the line lexer uses it."""

    name: str
    pattern: re.Pattern[str]
    priority: int
    check: Callable[[str], bool] | None


class LineLexer(Lexer):
    """Lexes a transcript line by line, in the context of the parser's state."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: LexerConf, checks: dict[str, Callable[[str], bool]] | None = None) -> None:
        from ._heuristics import TERMINAL_CHECKS

        checks = TERMINAL_CHECKS if checks is None else checks
        rules = [
            LexerRule(
                terminal.name,
                re.compile(terminal.pattern.to_regexp()),
                terminal.priority,
                checks.get(terminal.name),
            )
            for terminal in lexer_conf.terminals
            if terminal.name not in lexer_conf.ignore
        ]
        # Highest priority first; among equals, the order of the grammar file.
        self.rules = sorted(rules, key=lambda rule: -rule.priority)
        self.splitters = [rule for rule in self.rules if rule.name in SPLITTERS]
        self._rules_by_state: dict[frozenset[str], list[LexerRule]] = {}

    # -- Lark's interface: lets Lark.parse() use this lexer directly ----------------------------

    def lex(self, lexer_state: LexerState, parser_state: object) -> Iterator[Token]:
        states = parser_state.parse_conf.states  # type: ignore[attr-defined]
        return self.tokens(str(lexer_state.text.text), lambda: states[parser_state.position])  # type: ignore[attr-defined]

    # -- the lexer proper ----------------------------------------------------------------------

    def tokens(self, text: str, accepted: Callable[[], Collection[str]]) -> Iterator[Token]:
        """Yield one token per line part; a part no accepted terminal matches comes as ``UNPLACED``."""
        summary_limit = _summary_limit(text)
        for line in content_lines(text):
            for part in self._split(line):
                while part.text:
                    token = self._token(part, accepted(), allow_summary=part.start < summary_limit)
                    yield token
                    part = part.rest(token.end_pos or part.start + len(part.text))

    def describe(self, text: str) -> str | None:
        """The terminal that would match ``text`` if the parser accepted everything."""
        for rule in self.rules:
            if self._match(rule, text):
                return rule.name
        return None

    def _split(self, line: Piece) -> Iterator[Piece]:
        """Cut a line at every page-break marker, which the CMS glues anywhere."""
        position = line.start
        for rule in self.splitters:
            for match in rule.pattern.finditer(line.text):
                if match.end() == match.start():
                    continue
                start, end = line.start + match.start(), line.start + match.end()
                if start < position:
                    continue
                yield line.slice(position, start)
                yield line.slice(start, end)
                position = end
        yield line.slice(position, line.start + len(line.text))

    def _token(self, part: Piece, accepted: Collection[str], *, allow_summary: bool) -> Token:
        key = frozenset(accepted)
        rules = self._rules_by_state.get(key)
        if rules is None:
            rules = self._rules_by_state[key] = [rule for rule in self.rules if rule.name in key]
        for rule in rules:
            if rule.name in SUMMARY_ONLY and not allow_summary:
                continue
            length = self._match(rule, part.text)
            if length:
                return _make_token(rule.name, part, length)
        return _make_token(UNPLACED, part, len(part.text))

    @staticmethod
    def _match(rule: LexerRule, text: str) -> int:
        match = rule.pattern.match(text)
        if match is None or match.end() == 0:
            return 0
        length = match.end()
        if length < len(text) and rule.name not in OPENERS and rule.name not in SPLITTERS:
            return 0
        if rule.check is not None and not rule.check(match.group()):
            return 0
        return length


UNPLACED = "UNPLACED"
"""The type of a token that no terminal accepted in the parser's state matches."""


def _make_token(kind: str, part: Piece, length: int) -> Token:
    value = part.text[:length].rstrip()
    end = part.start + len(value)
    return Token(kind, value, start_pos=part.start, line=part.line, column=part.column, end_pos=end)


def _summary_limit(text: str) -> int:
    from ._heuristics import summary_end

    return summary_end(text)
