"""Parse transcripts of SCIO press briefings into typed, faithful data."""

from typing import TYPE_CHECKING

from ._api import parse, parse_file, parse_html
from ._diagnostics import diagnostic_codes
from ._errors import DecodeError, EmptyFileError, ParseError
from ._notes import note_kinds
from .dialects import BriefingTransformer, Dialect, detect_dialect, dialects, register_dialect
from .models import (
    Briefing,
    Diagnostic,
    Exchange,
    Field,
    Fragment,
    Note,
    Paragraph,
    Person,
    RelatedBriefing,
    Role,
    Span,
    Turn,
)
from .outputs.render import render

if TYPE_CHECKING:
    from ._batch import parse_many
    from ._join import join_pages
    from .outputs.convokit import write_convokit
    from .outputs.json import from_dict, from_json, to_dict, to_json
    from .outputs.tables import (
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
    from .outputs.tei import to_tei, to_tei_corpus

__version__ = "0.1.0"

# Outputs load on first use, so `import scio_transcripts` stays fast and needs no cattrs or pandas.
_LAZY = {
    "parse_many": "._batch",
    "join_pages": "._join",
    "write_convokit": ".outputs.convokit",
    "from_dict": ".outputs.json",
    "from_json": ".outputs.json",
    "to_dict": ".outputs.json",
    "to_json": ".outputs.json",
    "CsvWriter": ".outputs.tables",
    "ExchangeRow": ".outputs.tables",
    "JsonlWriter": ".outputs.tables",
    "TurnRow": ".outputs.tables",
    "exchange_rows": ".outputs.tables",
    "to_csv": ".outputs.tables",
    "to_dataframe": ".outputs.tables",
    "to_jsonl": ".outputs.tables",
    "turn_rows": ".outputs.tables",
    "write_parquet": ".outputs.tables",
    "to_tei": ".outputs.tei",
    "to_tei_corpus": ".outputs.tei",
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
    "Field",
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
    "join_pages",
    "note_kinds",
    "parse",
    "parse_file",
    "parse_html",
    "parse_many",
    "register_dialect",
    "render",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_json",
    "to_jsonl",
    "to_tei",
    "to_tei_corpus",
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
