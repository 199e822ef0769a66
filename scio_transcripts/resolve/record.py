"""What every step of resolution may add besides its own result: notes, fragments, diagnostics."""

from __future__ import annotations

from ..engine.parts import Token, token_span, token_text
from ..models import Diagnostic, Fragment, Note, Span


class Record:
    """The notes, unplaced fragments and diagnostics of one resolution, in the order found."""

    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.unparsed: list[Fragment] = []
        self.diagnostics: list[Diagnostic] = []

    def note(self, kind: str, token: Token) -> None:
        """Keep a line as a note of ``kind``, with its span."""
        self.notes.append(Note(kind=kind, text=token_text(token), span=token_span(token)))

    def unplaced(self, token: Token) -> Span:
        """Keep a line nothing could place, and return its span for the diagnostic that says so."""
        span = token_span(token)
        self.unparsed.append(Fragment(text=token_text(token), span=span))
        return span

    def diagnose(self, code: str, message: str, span: Span, expected: tuple[str, ...]) -> None:
        """Say what was worked around, where, and what would have fitted."""
        self.diagnostics.append(Diagnostic(code=code, message=message, span=span, expected=expected))
