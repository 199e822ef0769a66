"""The JSON Schema: generated from the models, shipped unchanged, and satisfied by every document we write."""

from __future__ import annotations

import functools
import importlib.resources
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as hs

import scio_transcripts as st
from scio_transcripts.outputs.schema import schema_for, schema_text

from ..conftest import REPO, SAMPLE
from ..support.fixtures import valid_fixtures

SHIPPED = importlib.resources.files("scio_transcripts").joinpath("schema", "briefing.schema.json")
REGENERATE = (
    "python -m scio_transcripts.outputs.schema"
    " | tee scio_transcripts/schema/briefing.schema.json > docs/briefing.schema.json"
)


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def shipped() -> jsonschema.Draft202012Validator:
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return validator(schema)


def test_shipped_schema_is_the_generated_one() -> None:
    """The schema in the package is what the generator makes from today's models (else regenerate it)."""
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), f"stale schema: run {REGENERATE}"


def test_docs_copy_is_the_shipped_schema() -> None:
    """docs/briefing.schema.json is a byte-for-byte copy of the shipped schema."""
    assert (REPO / "docs" / "briefing.schema.json").read_text(encoding="utf-8") == schema_text()


def test_sample_json_validates(shipped: jsonschema.Draft202012Validator) -> None:
    """The JSON of the bundled sample briefing satisfies the shipped schema, formats (dates) included."""
    shipped.validate(json.loads(st.to_json(st.parse_file(SAMPLE))))


@pytest.mark.parametrize("path", valid_fixtures(), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_fixture_json_validates(path: Path, shipped: jsonschema.Draft202012Validator) -> None:
    """The JSON of every fixture satisfies the shipped schema."""
    shipped.validate(json.loads(st.to_json(st.parse_file(path))))


@functools.cache
def generated() -> jsonschema.Draft202012Validator:
    return validator(json.loads(schema_text()))


@given(hs.from_type(st.Briefing))
def test_any_briefing_json_validates(briefing: st.Briefing) -> None:
    """Whatever the models can hold, to_dict writes a document the schema accepts."""
    generated().validate(st.to_dict(briefing))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("turns", 0, "role"), "boss"),
        (("date",), "September 14, 2023"),
        (("turns", 0, "page"), "3"),
        (("schema_version",), "2.0"),
        (("speakers", 0, "nickname"), "Tang"),
    ],
    ids=["role", "date-format", "page-type", "version", "extra-key"],
)
def test_schema_rejects_wrong_documents(
    path: tuple[str | int, ...], value: object, shipped: jsonschema.Draft202012Validator
) -> None:
    """A wrong role, a non-ISO date, a string page, another version or an unknown key fails validation."""
    data = st.to_dict(st.parse_file(SAMPLE))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert not shipped.is_valid(data)


def test_field_descriptions_come_from_the_model_docstrings() -> None:
    """Each property is described by the docstring under its field in models.py."""
    schema = json.loads(schema_text())
    assert schema["$defs"]["Turn"]["properties"]["page"]["description"] == (
        "1-based page of the transcript on which the turn starts."
    )
    assert schema["$defs"]["Role"]["enum"] == ["chairperson", "speaker", "journalist", "unknown"]
    assert "expected" not in schema["$defs"]["Diagnostic"]["required"]  # it has a default


@attrs.frozen(kw_only=True)
class Cat:
    name: str


@attrs.frozen(kw_only=True)
class Dog:
    name: str


@attrs.frozen(kw_only=True)
class Kennel:
    first: Cat | Dog


def test_unions_of_classes_are_one_of_by_kind() -> None:
    """Union members get a required kind constant, so two look-alike classes are told apart."""
    check = validator(schema_for(Kennel))
    base = {"schema_version": "1.1"}
    assert check.is_valid({**base, "first": {"kind": "Dog", "name": "Rex"}})
    assert not check.is_valid({**base, "first": {"name": "Rex"}})
    assert not check.is_valid({**base, "first": {"kind": "Bird", "name": "Rex"}})
