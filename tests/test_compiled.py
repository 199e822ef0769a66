"""The parse tables shipped beside the grammar: current, and equivalent to compiling it afresh."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

from scio_transcripts import _resolve
from scio_transcripts._compiled import load_tables, tables_name
from scio_transcripts._driver import ParseTables, Run
from scio_transcripts._grammar import (
    BASE_GRAMMAR,
    GRAMMAR_FOLDER,
    GRAMMAR_PACKAGE,
    compile_grammar,
    shipped_grammars_text,
)
from scio_transcripts._lexer import LineLexer
from scio_transcripts._transform import PartsTransformer
from scio_transcripts.models import Briefing

from .conftest import SEED
from .fixtures import read_fixture, valid_fixtures


def _shipped(name: str) -> str:
    data = pkgutil.get_data(GRAMMAR_PACKAGE, f"{GRAMMAR_FOLDER}/{name}")
    assert data is not None
    return data.decode("utf-8")


def _parser(loaded: bool) -> tuple[ParseTables, LineLexer]:
    grammar = shipped_grammars_text()
    parser = load_tables(_shipped(tables_name(BASE_GRAMMAR)), grammar, lexer=LineLexer) if loaded else None
    parser = parser or compile_grammar(BASE_GRAMMAR)
    table = parser.parser.parser.parser.parse_table
    lexer = parser.parser.lexer
    assert isinstance(lexer, LineLexer)
    start, end = table.start_states["start"], table.end_states["start"]
    return ParseTables.build(table.states, start, end, PartsTransformer()), lexer


def _parse(engine: tuple[ParseTables, LineLexer], text: str) -> Briefing:
    run = Run(*engine)
    parts = run.parse(text)
    return _resolve.build_briefing(parts, run.unplaced)


@pytest.mark.parametrize("grammar", ["scio_en.lark", "scio_zh.lark", "mfa_en.lark"])
def test_shipped_tables_match_the_grammars(grammar: str) -> None:
    """Each grammar's JSON tables were built from the grammars as they are now (`make tables` if not)."""
    assert load_tables(_shipped(tables_name(grammar)), shipped_grammars_text(), lexer=LineLexer) is not None


def test_stale_tables_are_ignored() -> None:
    """Tables stamped with another grammar text are not used."""
    tables = _shipped(tables_name(BASE_GRAMMAR))
    assert load_tables(tables, shipped_grammars_text() + "\n// edited", lexer=LineLexer) is None


@pytest.mark.parametrize("path", [SEED, *valid_fixtures()], ids=lambda path: path.name)
def test_loaded_tables_parse_like_compiled_ones(path: Path) -> None:
    """Loaded and freshly compiled tables give the same parse (state numbers may differ)."""
    text = read_fixture(path)
    assert _parse(_LOADED, text) == _parse(_FRESH, text)


_LOADED = _parser(loaded=True)
_FRESH = _parser(loaded=False)
