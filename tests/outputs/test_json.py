"""JSON through the cattrs converter: exact round trips, ISO dates, role values, versions, clear errors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as hs

import scio_transcripts as st
from scio_transcripts.outputs.json import _converter

from ..conftest import SAMPLE
from ..support.fixtures import valid_fixtures


@pytest.fixture(scope="module")
def sample() -> st.Briefing:
    return st.parse_file(SAMPLE)


def test_sample_round_trips_exactly(sample: st.Briefing) -> None:
    """from_json(to_json(b)) equals the parsed sample briefing, field for field."""
    assert st.from_json(st.to_json(sample)) == sample


@pytest.mark.parametrize("path", valid_fixtures(), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_fixture_round_trips(path: Path) -> None:
    """Every fixture survives to_dict/from_dict and to_json/from_json unchanged."""
    briefing = st.parse_file(path)
    assert st.from_dict(st.to_dict(briefing)) == briefing
    assert st.from_json(st.to_json(briefing, indent=None)) == briefing


@given(hs.from_type(st.Briefing))
def test_any_briefing_round_trips(briefing: st.Briefing) -> None:
    """Any value the models can hold, odd text and missing parts included, round trips."""
    assert st.from_json(st.to_json(briefing)) == briefing


def test_dates_are_iso_and_roles_are_values(sample: st.Briefing) -> None:
    """The date is an ISO 8601 string and a role is its lower-case value, as a reader of the JSON expects."""
    data = json.loads(st.to_json(sample))
    assert data["date"] == "2023-09-14"
    assert [turn["role"] for turn in data["turns"]] == [
        "chairperson",
        "speaker",
        "chairperson",
        "journalist",
        "speaker",
        "journalist",
        "speaker",
        "chairperson",
    ]
    assert data["turns"][3]["outlet"] == "China Daily"


def test_schema_version_comes_first(sample: st.Briefing) -> None:
    """The document opens with schema_version 1.1, then the Briefing fields in declaration order."""
    keys = list(st.to_dict(sample))
    assert keys[0] == "schema_version"
    assert st.to_dict(sample)["schema_version"] == "1.1"
    assert keys[1:] == [field.name for field in attrs.fields(st.Briefing)]


def test_non_ascii_is_written_as_is() -> None:
    """Dashes and quotes of the page stay characters, not \\u escapes (on a page of its own: the sample is ASCII)."""
    text = st.to_json(st.parse("China Daily:\nIs the “basic rural package” — at a capped price — for every village?\n"))
    assert "—" in text
    assert "“basic rural package”" in text
    assert "\\u2014" not in text
    assert "\\u201c" not in text


def test_indent_none_writes_one_line(sample: st.Briefing) -> None:
    """indent=None gives a single line, as JSON Lines output needs."""
    assert "\n" not in st.to_json(sample, indent=None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data.pop("schema_version"), "missing 'schema_version'"),
        (lambda data: data.update(schema_version="2.0"), "unsupported schema_version '2.0'"),
        (lambda data: data["turns"][0].update(page="one"), "$.turns[0].page"),
        (lambda data: data["turns"][0].update(role="boss"), "$.turns[0].role"),
        (lambda data: data.update(date="14 September 2023"), "$.date"),
        (lambda data: data.update(colour="red"), "colour"),
    ],
    ids=["no-version", "future-major", "bad-int", "bad-role", "bad-date", "unknown-key"],
)
def test_bad_documents_raise_value_error_naming_the_place(sample: st.Briefing, change: Any, message: str) -> None:
    """A document that is not a briefing raises ValueError that says where it is wrong."""
    data = st.to_dict(sample)
    change(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        st.from_dict(data)


def test_a_diagnostic_of_a_1_0_document_has_no_code() -> None:
    """Version 1.0 wrote diagnostics without a code; they read back as "unspecified"."""
    data = st.to_dict(st.parse("Speakers:\n"))
    data["schema_version"] = "1.0"
    for diagnostic in data["diagnostics"]:
        del diagnostic["code"]
    assert data["diagnostics"]
    assert {diagnostic.code for diagnostic in st.from_dict(data).diagnostics} == {"unspecified"}


def test_minor_versions_are_read() -> None:
    """A 1.x document is read: minor versions only add what older readers can ignore in meaning."""
    data = st.to_dict(st.parse(""))
    data["schema_version"] = "1.7"
    assert st.from_dict(data) == st.parse("")


def test_not_an_object_is_refused() -> None:
    """A JSON array is not a briefing."""
    with pytest.raises(ValueError, match="a briefing is a JSON object, not list"):
        st.from_json("[]")


@attrs.frozen(kw_only=True)
class Cat:
    name: str


@attrs.frozen(kw_only=True)
class Dog:
    name: str
    good: bool


@attrs.frozen(kw_only=True)
class Kennel:
    first: Cat | Dog
    rest: tuple[Cat | Dog, ...]


def test_unions_of_classes_are_tagged_with_kind() -> None:
    """A union of attrs classes is written with a "kind" naming the class, and read back by it."""
    kennel = Kennel(first=Dog(name="Rex", good=True), rest=(Cat(name="Tom"), Dog(name="Fido", good=False)))
    converter = _converter(Kennel)
    data = converter.unstructure(kennel)
    assert data["first"] == {"name": "Rex", "good": True, "kind": "Dog"}
    assert [item["kind"] for item in data["rest"]] == ["Cat", "Dog"]
    assert converter.structure(data, Kennel) == kennel


def test_a_union_member_may_not_have_its_own_kind_field() -> None:
    """A class with a field named kind cannot be tagged in a union: building the converter says so."""

    @attrs.frozen(kw_only=True)
    class Holder:
        item: Cat | st.Note

    with pytest.raises(TypeError, match="Note has a field named 'kind'"):
        _converter(Holder)
