"""Parse transcripts of SCIO press briefings into typed, faithful data."""

from typing import TYPE_CHECKING

from ._diagnostics import diagnostic_codes
from ._errors import DecodeError, ParseError
from ._parse import parse, parse_file
from ._render import render
from .dialects import BriefingTransformer, Dialect, detect_dialect, dialects, register_dialect
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

if TYPE_CHECKING:
    from ._batch import EmptyFileError, parse_many
    from ._convokit import write_convokit
    from ._json import from_dict, from_json, to_dict, to_json
    from ._tables import (
        CsvWriter,
        ExchangeRow,
        JsonlWriter,
        TurnRow,
        exchange_rows,
        to_csv,
        to_dataframe,
        to_jsonl,
        turn_rows,
        write_parquet,
    )
    from ._tei import to_tei

__version__ = "0.1.0"

# Outputs load on first use, so `import scio_transcripts` stays fast and needs no cattrs or pandas.
_LAZY = {
    "EmptyFileError": "._batch",
    "parse_many": "._batch",
    "write_convokit": "._convokit",
    "from_dict": "._json",
    "from_json": "._json",
    "to_dict": "._json",
    "to_json": "._json",
    "CsvWriter": "._tables",
    "ExchangeRow": "._tables",
    "JsonlWriter": "._tables",
    "TurnRow": "._tables",
    "exchange_rows": "._tables",
    "to_csv": "._tables",
    "to_dataframe": "._tables",
    "to_jsonl": "._tables",
    "turn_rows": "._tables",
    "write_parquet": "._tables",
    "to_tei": "._tei",
}

__all__ = [
    "Briefing",
    "BriefingTransformer",
    "CsvWriter",
    "DecodeError",
    "Diagnostic",
    "Dialect",
    "EmptyFileError",
    "Exchange",
    "ExchangeRow",
    "Fragment",
    "JsonlWriter",
    "Note",
    "Paragraph",
    "ParseError",
    "Person",
    "RelatedBriefing",
    "Role",
    "Span",
    "Turn",
    "TurnRow",
    "__version__",
    "detect_dialect",
    "diagnostic_codes",
    "dialects",
    "exchange_rows",
    "from_dict",
    "from_json",
    "parse",
    "parse_file",
    "parse_many",
    "register_dialect",
    "render",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_json",
    "to_jsonl",
    "to_tei",
    "turn_rows",
    "write_convokit",
    "write_parquet",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
