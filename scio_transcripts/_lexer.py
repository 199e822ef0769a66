"""A contextual line lexer built from the grammar's own terminal definitions.

Lark's character lexers would tokenize a transcript word by word; transcripts are made of lines, so
this lexer hands the LALR parser one token per line (or per part of a line, when a label, a
heading or a date is glued to what follows it). Like Lark's contextual lexer it only considers the
terminals that the parser accepts in its current state, and picks the highest priority among
those that match; a check from ``_heuristics`` may still veto a match. Because the terminals come
from the grammar file, a dialect that overrides a terminal changes the lexing too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

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

UNPLACED = "UNPLACED"
"""The type of a token that no terminal accepted in the parser's state matches."""


@attrs.frozen
class LexerRule:
    """One terminal as the line lexer uses it."""

    name: str
    pattern: str
    priority: int
    check: Callable[[str], bool] | None

    @property
    def anchored(self) -> str:
        """The pattern as it must match a line part: whole, unless the terminal opens a line."""
        return self.pattern if self.name in OPENERS else f"(?:{self.pattern})\\Z"


class _Candidates:
    """The terminals one parser state accepts, as a single alternation tried in priority order.

    One ``re.match`` over the alternation replaces a Python loop over the terminals; when a check
    vetoes the winner, matching resumes with the alternatives after it.
    """

    def __init__(self, rules: Sequence[LexerRule]) -> None:
        self.rules = list(rules)
        self._from: dict[int, re.Pattern[str] | None] = {}

    def _pattern(self, first: int) -> re.Pattern[str] | None:
        if first not in self._from:
            alternatives = [f"(?P<t{index}>{rule.anchored})" for index, rule in enumerate(self.rules) if index >= first]
            self._from[first] = re.compile("|".join(alternatives)) if alternatives else None
        return self._from[first]

    def choose(self, text: str) -> tuple[str, int] | None:
        """The winning terminal's name and the length it matched, or None."""
        first = 0
        while (pattern := self._pattern(first)) is not None:
            match = pattern.match(text)
            if match is None or match.lastgroup is None:
                return None
            index = int(match.lastgroup[1:])
            rule = self.rules[index]
            if match.end() > 0 and (rule.check is None or rule.check(match.group())):
                return rule.name, match.end()
            first = index + 1
        return None


class LineLexer(Lexer):
    """Lexes a transcript line by line, in the context of the parser's state."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: LexerConf, checks: dict[str, Callable[[str], bool]] | None = None) -> None:
        from ._heuristics import TERMINAL_CHECKS

        checks = TERMINAL_CHECKS if checks is None else checks
        rules = [
            LexerRule(terminal.name, terminal.pattern.to_regexp(), terminal.priority, checks.get(terminal.name))
            for terminal in lexer_conf.terminals
            if terminal.name not in lexer_conf.ignore
        ]
        # Highest priority first; among equals, the order of the grammar file.
        self.rules = sorted(rules, key=lambda rule: -rule.priority)
        splitters = [rule.pattern for rule in self.rules if rule.name in SPLITTERS]
        self._splitter = re.compile("|".join(splitters)) if splitters else None
        self._candidates: dict[tuple[frozenset[str], bool], _Candidates] = {}
        self._everything = _Candidates([rule for rule in self.rules if rule.name not in SUMMARY_ONLY])

    # -- Lark's interface: lets Lark.parse() use this lexer directly ----------------------------

    def lex(self, lexer_state: LexerState, parser_state: object) -> Iterator[Token]:
        states = parser_state.parse_conf.states  # type: ignore[attr-defined]
        return self.tokens(
            str(lexer_state.text.text),
            lambda: frozenset(states[parser_state.position]),  # type: ignore[attr-defined]
        )

    # -- the lexer proper ----------------------------------------------------------------------

    def tokens(self, text: str, accepted: Callable[[], frozenset[str]]) -> Iterator[Token]:
        """Yield one token per line part; a part no accepted terminal matches comes as ``UNPLACED``."""
        summary_limit = _summary_limit(text)
        for line in content_lines(text):
            for part in self._split(line):
                while part.text:
                    token = self._token(part, accepted(), allow_summary=part.start < summary_limit)
                    yield token
                    if len(token) == len(part.text):
                        break
                    part = part.rest(token.end_pos or part.start + len(part.text))

    def describe(self, text: str) -> str | None:
        """The terminal that would match ``text`` if the parser accepted everything."""
        chosen = self._everything.choose(text)
        return chosen[0] if chosen else None

    def _split(self, line: Piece) -> Iterator[Piece]:
        """Cut a line at every page-break marker, which the CMS glues anywhere."""
        if self._splitter is None or self._splitter.search(line.text) is None:
            yield line
            return
        position = line.start
        for match in self._splitter.finditer(line.text):
            if match.end() == match.start():
                continue
            start, end = line.start + match.start(), line.start + match.end()
            yield line.slice(position, start)
            yield line.slice(start, end)
            position = end
        yield line.slice(position, line.start + len(line.text))

    def _token(self, part: Piece, accepted: frozenset[str], *, allow_summary: bool) -> Token:
        key = (accepted, allow_summary)
        candidates = self._candidates.get(key)
        if candidates is None:
            candidates = self._candidates[key] = _Candidates(
                [
                    rule
                    for rule in self.rules
                    if rule.name in accepted and (allow_summary or rule.name not in SUMMARY_ONLY)
                ]
            )
        chosen = candidates.choose(part.text)
        if chosen is None:
            return _make_token(UNPLACED, part, len(part.text))
        return _make_token(chosen[0], part, chosen[1])


def _make_token(kind: str, part: Piece, length: int) -> Token:
    value = part.text[:length].rstrip()
    end = part.start + len(value)
    return Token(kind, value, start_pos=part.start, line=part.line, column=part.column, end_pos=end)


def _summary_limit(text: str) -> int:
    from ._heuristics import summary_end

    return summary_end(text)
