"""A contextual line lexer built from the grammar's own terminal definitions.

Lark's character lexers would tokenize a transcript word by word; transcripts are made of lines, so
this lexer hands the LALR parser one token per line (or per part of a line, when a label, a
heading or a date is glued to what follows it). Like Lark's contextual lexer it only considers the
terminals that the parser accepts in its current state, and picks the highest priority among
those that match; a veto from ``symbols.SYMBOLS`` may still refuse a match. Because the terminals come
from the grammar file, a dialect that overrides a terminal changes the lexing too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .lines import summary_end
from .source import Piece, content_lines
from .symbols import OPENERS, SPLITTERS, SUMMARY_ONLY, VETOES, local_name
from .token import Token

if TYPE_CHECKING:
    from lark.common import LexerConf
    from lark.lexer import LexerState

UNPLACED = "UNPLACED"
"""The type of a token that no terminal accepted in the parser's state matches."""


class LexerRule(NamedTuple):
    """One terminal as the line lexer uses it."""

    name: str
    """The terminal's name in the parse table (namespaced when a dialect imported it)."""
    pattern: str
    priority: int
    check: Callable[[str], bool] | None
    opens_line: bool
    """Whether the terminal may end before its line does (a label, a heading…)."""

    @property
    def anchored(self) -> str:
        """The pattern as it must match a line part: whole, unless the terminal opens a line."""
        return self.pattern if self.opens_line else f"(?:{self.pattern})\\Z"


class _Candidates:
    """The terminals one parser state accepts, tried in priority order.

    A state met often gets its terminals compiled into one alternation, so that a single
    ``re.match`` replaces the Python loop; when a check vetoes the winner, matching resumes with the
    alternatives after it. A state met less often is not worth the compilation: one alternation
    takes 1–7 ms to compile and saves about a microsecond a use, so it pays after thousands of uses.
    """

    HOT = 2048
    """Uses after which a state's alternation is compiled. (At 256, the states of a page's top were
    compiled within the first few hundred pages, and a first pass over 408 pages took 18 % longer.)"""

    def __init__(self, rules: Sequence[LexerRule], compiled: dict[str, re.Pattern[str]]) -> None:
        self.rules = list(rules)
        self._compiled = compiled
        self._uses = 0
        self._from: dict[int, re.Pattern[str] | None] = {}

    def choose(self, text: str) -> tuple[str, int] | None:
        """The winning terminal's name and the length it matched, or None."""
        self._uses += 1
        if self._uses > self.HOT:
            return self._choose_by_alternation(text)
        for rule in self.rules:
            pattern = self._compiled.get(rule.name)
            if pattern is None:
                pattern = self._compiled[rule.name] = re.compile(rule.anchored)
            match = pattern.match(text)
            if match is not None and match.end() > 0 and (rule.check is None or rule.check(match.group())):
                return rule.name, match.end()
        return None

    def _choose_by_alternation(self, text: str) -> tuple[str, int] | None:
        first = 0
        while (pattern := self._alternation(first)) is not None:
            match = pattern.match(text)
            if match is None or match.lastindex is None:
                return None
            # Terminal patterns have no capturing groups, so group k is the k-th alternative.
            rule = self.rules[first + match.lastindex - 1]
            if match.end() > 0 and (rule.check is None or rule.check(match.group())):
                return rule.name, match.end()
            first += match.lastindex
        return None

    def _alternation(self, first: int) -> re.Pattern[str] | None:
        if first not in self._from:
            alternatives = [f"({rule.anchored})" for rule in self.rules[first:]]
            compiled = re.compile("|".join(alternatives)) if alternatives else None
            # A terminal with capturing groups of its own would shift the numbering; never use one.
            assert compiled is None or compiled.groups == len(alternatives), "terminal patterns must not capture"
            self._from[first] = compiled
        return self._from[first]


class LineLexer:
    """Lexes a transcript line by line, in the context of the parser's state.

    A dialect subclasses it to change which terminals open or split lines and which checks veto
    a match; everything else comes from the grammar's terminal definitions. It is built from the
    shipped tables' terminals (``from_terminals``) or, when Lark compiles a grammar, from Lark's
    ``LexerConf``; ``lark_lexer`` makes the class Lark's parser front end accepts.
    """

    __future_interface__ = 2

    openers: frozenset[str] = OPENERS
    splitters: frozenset[str] = SPLITTERS
    summary_only: frozenset[str] = SUMMARY_ONLY
    checks: Mapping[str, Callable[[str], bool]] | None = None
    """Terminal (local) name → check; None means the vetoes of ``symbols.SYMBOLS``."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        terminals = [
            (terminal.name, terminal.pattern.to_regexp(), terminal.priority) for terminal in lexer_conf.terminals
        ]
        self._setup([terminal for terminal in terminals if terminal[0] not in lexer_conf.ignore])

    @classmethod
    def from_terminals(cls, terminals: Sequence[tuple[str, str, int]]) -> LineLexer:
        """The lexer of terminals given as (name, regular expression, priority), none of them ignored."""
        lexer = cls.__new__(cls)
        lexer._setup(terminals)
        return lexer

    @classmethod
    def lark_lexer(cls) -> type[Any]:
        """This class as a subclass of Lark's ``Lexer`` too, which ``Lark(lexer=...)`` requires."""
        from lark.lexer import Lexer

        return type(cls.__name__, (cls, Lexer), {})

    def _setup(self, terminals: Sequence[tuple[str, str, int]]) -> None:
        checks = VETOES if self.checks is None else self.checks
        rules = []
        for name, pattern, priority in terminals:
            local = local_name(name)
            opens = local in self.openers or local in self.splitters
            rules.append(LexerRule(name, pattern, priority, checks.get(local), opens))
        # Highest priority first; among equals, the order of the grammar file.
        self.rules = sorted(rules, key=lambda rule: -rule.priority)
        titles = [(re.compile(rule.pattern), rule.check) for rule in self.rules if local_name(rule.name) in _TITLES]
        self._title = functools.partial(_is_title, titles) if titles else None
        self._summary_names = frozenset(rule.name for rule in self.rules if local_name(rule.name) in self.summary_only)
        splitters = [rule.pattern for rule in self.rules if local_name(rule.name) in self.splitters]
        self._splitter = re.compile("|".join(splitters)) if splitters else None
        self._with_summary: dict[frozenset[str], _Candidates] = {}
        self._without_summary: dict[frozenset[str], _Candidates] = {}
        self._compiled: dict[str, re.Pattern[str]] = {}
        everything = [rule for rule in self.rules if rule.name not in self._summary_names]
        self._everything = _Candidates(everything, self._compiled)
        # Whether a line opens speech is asked of every top line of every page (``summary_end``), and
        # most are not labels: trying a label's own pattern first settles those in one match, where
        # the alternation of every terminal would try each. Each label terminal is paired with the
        # terminals that outrank it, which must not match for the label to win.
        self._labels = [
            (_Candidates([rule], self._compiled), _Candidates(everything[:index], self._compiled))
            for index, rule in enumerate(everything)
            if local_name(rule.name) == "SPEAKER_LABEL"
        ]

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
        for part, allow_summary in self.parts(text):
            while part.text:
                token = self.token(part, self.candidates(accepted(), allow_summary=allow_summary))
                yield token
                if len(token) == len(part.text):
                    break
                part = part.rest(token.end_pos or part.start + len(part.text))

    def parts(self, text: str) -> Iterator[tuple[Piece, bool]]:
        """The stripped line parts of ``text``, each with whether a summary may stand there."""
        summary_limit = summary_end(text, self._title, self._opens_speech)
        splitter = self._splitter
        for line in content_lines(text):
            if splitter is not None and splitter.search(line.text):
                for part in self._split(line):
                    yield part, part.start < summary_limit
            else:
                yield line, line.start < summary_limit

    def candidates(self, accepted: frozenset[str], *, allow_summary: bool) -> _Candidates:
        """The terminals to try, in priority order, where the parser accepts ``accepted``."""
        cache = self._with_summary if allow_summary else self._without_summary
        found = cache.get(accepted)
        if found is None:
            rules = [
                rule
                for rule in self.rules
                if rule.name in accepted and (allow_summary or rule.name not in self._summary_names)
            ]
            found = cache[accepted] = _Candidates(rules, self._compiled)
        return found

    def token(self, part: Piece, candidates: _Candidates) -> Token:
        """The token at the start of ``part``: the first candidate that matches, else ``UNPLACED``."""
        chosen = candidates.choose(part.text)
        if chosen is None:
            return _make_token(UNPLACED, part, len(part.text))
        return _make_token(chosen[0], part, chosen[1])

    def _opens_speech(self, line: str) -> bool:
        """Whether a line, read with nothing else around it, starts with a speaker's label: the
        dialect's own label check and the chrome it knows decide ("来源:新闻办网站" is a page field)."""
        for label, outranking in self._labels:
            if label.choose(line) is not None:
                return outranking.choose(line) is None
        return False

    def describe(self, text: str) -> str | None:
        """The terminal that would match ``text`` if the parser accepted everything."""
        chosen = self._everything.choose(text)
        return chosen[0] if chosen else None

    def _split(self, line: Piece) -> Iterator[Piece]:
        """Cut a line at every page-break marker, which the CMS glues anywhere."""
        assert self._splitter is not None
        position = line.start
        for match in self._splitter.finditer(line.text):
            if match.end() == match.start():
                continue
            start, end = line.start + match.start(), line.start + match.end()
            yield line.slice(position, start)
            yield line.slice(start, end)
            position = end
        yield line.slice(position, line.start + len(line.text))


def _make_token(kind: str, part: Piece, length: int) -> Token:
    value = part.text if length == len(part.text) else part.text[:length].rstrip()
    column = part.start - part.line_start + 1
    return Token(kind, value, part.start, part.line, column, None, None, part.start + len(value))


# The lines above which nothing is speech: the title, and the intro sentence that opens a Chinese header.
_TITLES = frozenset({"TITLE", "HEADLINE", "INTRO"})


def _is_title(titles: list[tuple[re.Pattern[str], Callable[[str], bool] | None]], line: str) -> bool:
    """Whether a whole line reads as one of the grammar's titles, its check included."""
    return any(pattern.fullmatch(line) and (check is None or check(line)) for pattern, check in titles)
