"""The parse tables shipped beside the grammars: current, and equivalent to compiling afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from scio_transcripts.dialects import get_dialect
from scio_transcripts.engine.driver import ParseTables, Run
from scio_transcripts.engine.grammar import (
    BASE_GRAMMAR,
    GRAMMAR_DIR,
    compile_grammar,
    load_engine,
    shipped_grammars_text,
)
from scio_transcripts.engine.parts import PartsTransformer, typed_parts
from scio_transcripts.engine.tables import CompiledTables, compiled_from, dump_tables, load_tables, tables_name
from scio_transcripts.models import Briefing
from scio_transcripts.resolve.assemble import build_briefing

from ..conftest import SEED, needs_shared
from ..support.fixtures import read_fixture, valid_fixtures

SHIPPED = ["scio_en.lark", "scio_zh.lark", "mfa_en.lark"]


def _shipped_tables(grammar: str) -> CompiledTables | None:
    data = (Path(GRAMMAR_DIR) / tables_name(grammar)).read_bytes()
    assert data is not None
    return load_tables(data.decode("utf-8"), shipped_grammars_text())


@pytest.mark.parametrize("grammar", SHIPPED)
def test_shipped_tables_match_the_grammars(grammar: str) -> None:
    """Each grammar's JSON tables were built from the grammars as they are now (`make tables` if not)."""
    assert _shipped_tables(grammar) is not None


def test_stale_tables_are_ignored() -> None:
    """Tables stamped with other grammars are not used."""
    document = dump_tables(compiled_from(compile_grammar(BASE_GRAMMAR)), "another grammar")
    assert load_tables(document, shipped_grammars_text()) is None


@pytest.mark.parametrize("grammar", SHIPPED)
def test_tables_survive_json(grammar: str) -> None:
    """Dumping and loading tables gives them back exactly."""
    compiled = compiled_from(compile_grammar(grammar))
    assert load_tables(dump_tables(compiled, "stamp"), "stamp") == compiled


def _parse(tables: CompiledTables, text: str) -> Briefing:
    engine = load_engine(get_dialect("scio-en"))
    parse_tables = ParseTables.build(tables.rules, tables.actions, tables.start, tables.end, PartsTransformer())
    run = Run(parse_tables, engine.lexer)
    return build_briefing(typed_parts(run.parse(text)), run.unplaced)


_LOADED = _shipped_tables(BASE_GRAMMAR)
_FRESH = compiled_from(compile_grammar(BASE_GRAMMAR))


@pytest.mark.parametrize(
    "path", [pytest.param(SEED, marks=needs_shared), *valid_fixtures()], ids=lambda path: path.name
)
def test_loaded_tables_parse_like_compiled_ones(path: Path) -> None:
    """Loaded and freshly compiled tables give the same parse (state numbers may differ). Loading does
    not check the Lark version the tables were built with; this test holds them to the installed one."""
    assert _LOADED is not None
    text = read_fixture(path)
    assert _parse(_LOADED, text) == _parse(_FRESH, text)
