"""The line token: a ``str`` with its place in the text, as Lark's ``Token`` is, without importing Lark.

A plain parse runs on tables compiled ahead of time and never needs Lark, whose import alone costs
about half a cold start. Tokens are the one Lark object a parse would still make, so the engine has
its own: the same attributes, constructor and ``repr`` as ``lark.Token``, so a transformer written
for Lark reads it unchanged. Lark's parser accepts it too when a grammar is compiled (it only reads
``type``). ``isinstance(token, lark.Token)`` is the one thing that tells them apart.
"""

from __future__ import annotations

from typing import Any


class Token(str):
    """A line, or the part of one, that the lexer matched: its text, its terminal and its position.

    ``value`` is the plain ``str`` the token was made from; resolution keeps that one in the models
    rather than copying the token's own characters.
    """

    __slots__ = ("column", "end_column", "end_line", "end_pos", "line", "start_pos", "type", "value")
    __match_args__ = ("type", "value")

    type: str
    start_pos: int | None
    value: Any
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    end_pos: int | None

    def __new__(
        cls,
        type: str,
        value: Any,
        start_pos: int | None = None,
        line: int | None = None,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        end_pos: int | None = None,
    ) -> Token:
        token = str.__new__(cls, value)
        token.type = type
        token.start_pos = start_pos
        token.value = value
        token.line = line
        token.column = column
        token.end_line = end_line
        token.end_column = end_column
        token.end_pos = end_pos
        return token

    def update(self, type: str | None = None, value: Any = None) -> Token:
        """A token of another type or value at the same place."""
        return Token.new_borrow_pos(
            type if type is not None else self.type, value if value is not None else self.value, self
        )

    @classmethod
    def new_borrow_pos(cls, type_: str, value: Any, borrow_t: Token) -> Token:
        """A token of ``type_`` and ``value`` at the place of ``borrow_t``."""
        return cls(
            type_,
            value,
            borrow_t.start_pos,
            borrow_t.line,
            borrow_t.column,
            borrow_t.end_line,
            borrow_t.end_column,
            borrow_t.end_pos,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            self.__class__,
            (self.type, self.value, self.start_pos, self.line, self.column, None, None, self.end_pos),
        )

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"

    def __deepcopy__(self, memo: dict[int, Any]) -> Token:
        return Token.new_borrow_pos(self.type, self.value, self)
