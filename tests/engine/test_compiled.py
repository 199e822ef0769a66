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
from scio_transcripts.engine.parts import typed_parts
from scio_transcripts.engine.tables import CompiledTables, compiled_from, dump_tables, load_tables, tables_name
from scio_transcripts.models import Briefing
from scio_transcripts.resolve.assemble import build_briefing

from ..conftest import SEED, needs_shared
from ..support.fixtures import every_fixture, read_fixture

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


def _parse(tables: CompiledTables, text: str, dialect_name: str = "scio-en") -> Briefing:
    dialect = get_dialect(dialect_name)
    engine = load_engine(dialect)
    transformer = dialect.transformer()
    parse_tables = ParseTables.build(tables.rules, tables.actions, tables.start, tables.end, transformer)
    run = Run(parse_tables, engine.lexer)
    return build_briefing(typed_parts(run.parse(text)), run.unplaced, dialect)


_LOADED = {grammar: _shipped_tables(grammar) for grammar in SHIPPED}
_FRESH = {grammar: compiled_from(compile_grammar(grammar)) for grammar in SHIPPED}


@pytest.mark.parametrize(
    ("dialect", "path"),
    [pytest.param("scio-en", SEED, marks=needs_shared), *every_fixture()],
    ids=lambda value: getattr(value, "name", value),
)
def test_loaded_tables_parse_like_compiled_ones(dialect: str, path: Path) -> None:
    """Loaded and freshly compiled tables give the same parse (state numbers may differ), for each
    shipped grammar on its own fixtures. Loading does not check the Lark version the tables were
    built with; this test holds them to the installed one."""
    grammar = get_dialect(dialect).grammar
    loaded = _LOADED[grammar]
    assert loaded is not None
    text = read_fixture(path)
    assert _parse(loaded, text, dialect) == _parse(_FRESH[grammar], text, dialect)
