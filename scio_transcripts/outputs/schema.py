"""JSON Schema of the briefing JSON, generated from the attrs models and their field docstrings.

``python -m scio_transcripts.outputs.schema`` prints it; ``make schema`` writes the shipped copies.
"""

from __future__ import annotations

import ast
import datetime
import enum
import functools
import inspect
import itertools
import json
import textwrap
import typing
from typing import Any

import attrs

from ..models import Briefing
from .json import SCHEMA_VERSION, TAG_KEY, VERSION_KEY, is_union, union_tag

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: dict[type, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    datetime.date: {"type": "string", "format": "date"},
}


def briefing_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``to_json`` document satisfies."""
    return schema_for(Briefing)


def schema_for(root: type) -> dict[str, Any]:
    """The JSON Schema of ``to_dict``-style data for the attrs class ``root``.

    Args:
        root: An attrs class; every attrs class reachable from it goes to ``$defs``.

    Returns:
        The schema: ``root`` inline with a ``schema_version`` property, the rest by ``$ref``.

    Raises:
        TypeError: For a field type the generator does not know how to describe.
    """
    definitions: dict[str, dict[str, Any]] = {}
    body = _object_schema(root, definitions, tag=None)
    body["properties"] = {
        VERSION_KEY: {"const": SCHEMA_VERSION, "description": "The version of this JSON shape."},
        **body["properties"],
    }
    body["required"] = [VERSION_KEY, *body["required"]]
    definitions.pop(root.__name__, None)
    return {"$schema": DIALECT, **body, "$defs": dict(sorted(definitions.items()))}


def schema_text() -> str:
    """The schema as the shipped file holds it: two-space indents and a final newline."""
    return json.dumps(briefing_schema(), indent=2, ensure_ascii=False) + "\n"


def _object_schema(cls: type, definitions: dict[str, dict[str, Any]], tag: str | None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if tag is not None:
        properties[TAG_KEY] = {"const": tag, "description": "Which kind of element this is."}
        required.append(TAG_KEY)
    for field in attrs.fields(cls):
        described = _type_schema(hints[field.name], definitions)
        if field.name in docs:
            described = {**described, "description": docs[field.name]}
        properties[field.name] = described
        # A field with a default may be left out when reading; to_json always writes it.
        if field.default is attrs.NOTHING:
            required.append(field.name)
    return {
        "title": cls.__name__,
        "description": _first_paragraph(inspect.getdoc(cls) or cls.__name__),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type_schema(hint: Any, definitions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    if hint is type(None):
        return {"type": "null"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _reference(hint, definitions)
    if isinstance(hint, type) and attrs.has(hint):
        return _reference(hint, definitions)
    if typing.get_origin(hint) is tuple:
        arguments = typing.get_args(hint)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(arguments[0], definitions)}
    if is_union(hint):
        return _union_schema(hint, definitions)
    raise TypeError(f"no JSON Schema for the type {hint!r}")


def _union_schema(hint: Any, definitions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    members = typing.get_args(hint)
    classes = [member for member in members if isinstance(member, type) and attrs.has(member)]
    # Two or more classes are told apart by their ``kind`` tag, as the converter writes them.
    tagged = len(classes) >= 2
    alternatives = [
        _reference(member, definitions, tag=union_tag(member)) if tagged and member in classes else None
        for member in members
    ]
    schemas = [
        alternative if alternative is not None else _type_schema(member, definitions)
        for member, alternative in zip(members, alternatives, strict=True)
    ]
    return {"oneOf" if tagged else "anyOf": schemas}


def _reference(cls: type, definitions: dict[str, dict[str, Any]], tag: str | None = None) -> dict[str, Any]:
    name = cls.__name__ if tag is None else f"{cls.__name__}Tagged"
    if name not in definitions:
        definitions[name] = {}  # reserve the name first, so a class that refers to itself ends
        if issubclass(cls, enum.Enum):
            definitions[name] = {
                "title": cls.__name__,
                "description": _first_paragraph(inspect.getdoc(cls) or cls.__name__),
                "enum": [member.value for member in cls],
            }
        else:
            definitions[name] = _object_schema(cls, definitions, tag)
    return {"$ref": f"#/$defs/{name}"}


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    """The docstring under each field of a class body, by field name."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    (class_node,) = ast.parse(source).body
    assert isinstance(class_node, ast.ClassDef)
    docs: dict[str, str] = {}
    statements = class_node.body
    for statement, following in itertools.pairwise(statements):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


def _first_paragraph(doc: str) -> str:
    return doc.split("\n\n")[0].replace("\n", " ")


if __name__ == "__main__":
    print(schema_text(), end="")
