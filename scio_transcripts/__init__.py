"""Parse transcripts of SCIO press briefings into typed, faithful data."""

from ._errors import DecodeError, ParseError
from ._parse import parse, parse_file
from .models import (
    Briefing,
    Diagnostic,
    Exchange,
    Fragment,
    Note,
    Paragraph,
    Person,
    RelatedBriefing,
    Role,
    Span,
    Turn,
)

__version__ = "0.1.0"

__all__ = [
    "Briefing",
    "DecodeError",
    "Diagnostic",
    "Exchange",
    "Fragment",
    "Note",
    "Paragraph",
    "ParseError",
    "Person",
    "RelatedBriefing",
    "Role",
    "Span",
    "Turn",
    "__version__",
    "parse",
    "parse_file",
]
