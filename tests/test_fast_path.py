"""What the fast paths must keep: the same output, the same models, and no Lark on a plain parse.

Speed itself is measured by ``bench/run.py``, never here.
"""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as hs

import scio_transcripts as st
from scio_transcripts.engine.lexer import _Candidates
from scio_transcripts.engine.token import Token
from scio_transcripts.models import POSITIONAL, new_paragraph, new_span

from .conftest import SEED, needs_shared
from .support.fixtures import every_fixture, read_fixture
from .support.snapshot import SEED_DIGEST, parse_digest

FIXTURES = every_fixture()


@needs_shared
def test_the_seed_parses_to_its_pinned_digest() -> None:
    """The seed's whole parse (every field of every model) is what it was when last reviewed; the
    fixtures' parses are held to their snapshots by test_fixtures."""
    expected = SEED_DIGEST.read_text(encoding="utf-8").strip()
    assert parse_digest(SEED.read_bytes().decode("utf-8")) == expected


@pytest.mark.parametrize(("dialect", "path"), FIXTURES, ids=lambda value: getattr(value, "name", value))
def test_the_compiled_alternation_chooses_as_the_loop(
    dialect: str, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state's terminals are tried one by one until it is met often, then by one compiled alternation;
    the two choose alike. Each fixture is parsed with every state on the loop, then on the alternation."""
    text = read_fixture(path)
    monkeypatch.setattr(_Candidates, "HOT", 10**12)
    by_loop = repr(st.parse(text, dialect=dialect))
    monkeypatch.setattr(_Candidates, "HOT", -1)
    assert repr(st.parse(text, dialect=dialect)) == by_loop


def _models(value: object) -> list[Any]:
    """Every model instance reachable from ``value``."""
    found: list[Any] = []
    stack = [value]
    while stack:
        item = stack.pop()
        cls: Any = type(item)
        if attrs.has(cls):
            found.append(item)
            stack.extend(getattr(item, field.name) for field in attrs.fields(cls))
        elif isinstance(item, tuple):
            stack.extend(item)
    return found


@pytest.mark.parametrize(("dialect", "path"), FIXTURES, ids=lambda value: getattr(value, "name", value))
def test_each_positional_constructor_equals_its_keyword_constructor(dialect: str, path: Path) -> None:
    """For every model of every fixture's parse: made by position, it equals (and reads as) the same
    fields given by keyword to the attrs constructor."""
    for model in _models(st.parse(read_fixture(path), dialect=dialect)):
        cls = type(model)
        values = [getattr(model, field.name) for field in attrs.fields(cls)]
        by_keyword = cls(**{field.name: value for field, value in zip(attrs.fields(cls), values, strict=True)})
        by_position = POSITIONAL[cls](*values)
        assert by_position == by_keyword
        assert repr(by_position) == repr(by_keyword)
        assert type(by_position) is cls


def test_every_model_has_a_positional_constructor() -> None:
    models = {value for value in vars(st.models).values() if isinstance(value, type) and attrs.has(value)}
    assert set(POSITIONAL) == models


@given(
    start=hs.integers(0, 10**9),
    length=hs.integers(0, 10**6),
    line=hs.integers(1, 10**6),
    column=hs.integers(1, 10**4),
    source=hs.integers(0, 100),
    text=hs.text(),
)
def test_fast_span_and_paragraph_equal_keyword_ones(
    start: int, length: int, line: int, column: int, source: int, text: str
) -> None:
    span = st.Span(start=start, end=start + length, line=line, column=column, source=source)
    assert new_span(start, start + length, line, column, source) == span
    assert new_paragraph(text, span) == st.Paragraph(text=text, span=span)


@pytest.mark.parametrize(("dialect", "path"), FIXTURES[::7], ids=lambda value: getattr(value, "name", value))
def test_briefings_survive_pickling(dialect: str, path: Path) -> None:
    """Briefings pickle by their fields in order (what parse_many sends between processes)."""
    briefing = st.parse(read_fixture(path), dialect=dialect)
    assert pickle.loads(pickle.dumps(briefing)) == briefing
    assert copy.deepcopy(briefing) == briefing


@attrs.frozen(kw_only=True)
class _NamedSpan(st.Span):
    name: str = "x"


def test_a_subclass_of_a_model_pickles_as_itself() -> None:
    span = _NamedSpan(start=0, end=1, line=1, column=1, name="y")
    copied = pickle.loads(pickle.dumps(span))
    assert type(copied) is _NamedSpan
    assert copied == span


def test_models_stay_frozen() -> None:
    span = new_span(0, 1, 1, 1, 0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]


def test_a_plain_parse_never_imports_lark() -> None:
    """Shipped grammars run on their compiled tables: importing and parsing loads neither Lark nor pathlib."""
    script = (
        "import sys, scio_transcripts as st\n"
        "for text in ['Speakers:\\nMr. Li Wei, spokesman\\n\\nLi Wei:\\nHello.\\n', '主持人：\\n好。\\n']:\n"
        "    st.parse(text)\n"
        "print(sorted(m for m in ('lark', 'pathlib') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_tokens_read_like_larks() -> None:
    """The engine's Token has Lark's attributes, constructor, repr and copies."""
    lark = pytest.importorskip("lark")
    ours = Token("SPEECH_LINE", "Hello.", 4, 2, 1, None, None, 10)
    theirs = lark.Token("SPEECH_LINE", "Hello.", 4, 2, 1, None, None, 10)
    for name in ("type", "value", "start_pos", "line", "column", "end_line", "end_column", "end_pos"):
        assert getattr(ours, name) == getattr(theirs, name)
    assert repr(ours) == repr(theirs)
    assert ours == theirs == "Hello."
    moved = Token.new_borrow_pos("LABEL", "Hi", ours)
    assert (moved.type, str(moved), moved.start_pos, moved.end_pos) == ("LABEL", "Hi", 4, 10)
    assert ours.update(type="OTHER").type == "OTHER"
    for copied in (pickle.loads(pickle.dumps(ours)), copy.deepcopy(ours)):
        assert (copied.type, str(copied), copied.start_pos, copied.line, copied.end_pos) == (
            "SPEECH_LINE",
            "Hello.",
            4,
            2,
            10,
        )
