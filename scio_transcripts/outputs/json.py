"""JSON for briefings through one cattrs converter: ISO dates, roles by value, a schema version."""

from __future__ import annotations

import datetime
import functools
import json
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import cattrs
from cattrs.strategies import configure_tagged_union

from ..models import Briefing

SCHEMA_VERSION = "1.1"
"""The version of the JSON shape; the major number changes when old readers would misread it."""

VERSION_KEY = "schema_version"
TAG_KEY = "kind"
"""The key that says which class a member of a union of classes is."""


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain JSON-ready data.

    Args:
        briefing: The parsed briefing.

    Returns:
        A dict of str, int, None, lists and dicts: ``schema_version`` first, then every field of
        ``Briefing`` in declaration order. Dates are ISO 8601 strings and roles their values.
    """
    return {VERSION_KEY: SCHEMA_VERSION, **_converter(Briefing).unstructure(briefing)}


def from_dict(data: dict[str, Any]) -> Briefing:
    """Rebuild a briefing from the data ``to_dict`` made.

    Args:
        data: A dict with a ``schema_version`` this library reads (major version 1).

    Returns:
        A briefing equal to the one that was serialized.

    Raises:
        ValueError: If the version is missing or unsupported, or the data does not describe a
            briefing; the message lists every problem with its path, e.g. ``$.turns[3].page``.
    """
    if not isinstance(data, dict):
        raise ValueError(f"a briefing is a JSON object, not {type(data).__name__}")
    fields = dict(data)
    _check_version(fields.pop(VERSION_KEY, None))
    try:
        return _converter(Briefing).structure(fields, Briefing)
    except cattrs.BaseValidationError as error:
        problems = "; ".join(cattrs.transform_error(error))
        raise ValueError(f"not a briefing: {problems}") from None


def to_json(briefing: Briefing, *, indent: int | None = 2) -> str:
    """The briefing as a JSON document.

    Args:
        briefing: The parsed briefing.
        indent: Spaces per nesting level; None writes one line.

    Returns:
        The JSON text of ``to_dict(briefing)``; non-ASCII characters are kept as they are.
    """
    separators = (",", ":") if indent is None else None
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=indent, separators=separators)


def from_json(text: str | bytes) -> Briefing:
    """Rebuild a briefing from the JSON ``to_json`` wrote.

    Args:
        text: The JSON document, as text or UTF-8 bytes.

    Returns:
        A briefing equal to the one that was serialized.

    Raises:
        ValueError: If the text is not JSON (``json.JSONDecodeError``) or not a briefing of a
            supported schema version.
    """
    return from_dict(json.loads(text))


def union_tag(cls: type) -> str:
    """The ``kind`` value that marks an instance of ``cls`` inside a union of classes."""
    return cls.__name__


def class_unions(root: type) -> Iterator[Any]:
    """Every union of two or more attrs classes reachable from ``root``'s fields, once each."""
    seen_classes: set[type] = set()
    seen_unions: list[Any] = []

    def visit(hint: Any) -> Iterator[Any]:
        if attrs.has(hint) and isinstance(hint, type):
            if hint in seen_classes:
                return
            seen_classes.add(hint)
            for field_hint in typing.get_type_hints(hint).values():
                yield from visit(field_hint)
            return
        arguments = typing.get_args(hint)
        members = [member for member in arguments if member is not type(None)]
        if is_union(hint) and sum(1 for member in members if attrs.has(member)) >= 2 and hint not in seen_unions:
            seen_unions.append(hint)
            yield hint
        for argument in arguments:
            yield from visit(argument)

    yield from visit(root)


def is_union(hint: Any) -> bool:
    """Whether a type hint is ``A | B`` or ``typing.Union[A, B]``."""
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


@functools.cache
def _converter(root: type) -> cattrs.Converter:
    """The converter for ``root`` and everything reachable from it; built once per root."""
    # Unknown keys are errors rather than silently dropped, so a typo or a newer file is noticed.
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(datetime.date, _structure_date)
    for union in class_unions(root):
        members = [member for member in typing.get_args(union) if member is not type(None)]
        for member in members:
            if TAG_KEY in attrs.fields_dict(member):
                raise TypeError(f"{member.__name__} has a field named {TAG_KEY!r}, which tags unions in JSON")
        configure_tagged_union(union, converter, tag_generator=union_tag, tag_name=TAG_KEY)
    return converter


def _structure_date(value: Any, _: type) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"a date is an ISO 8601 string, not {type(value).__name__}")
    return datetime.date.fromisoformat(value)


def _check_version(version: object) -> None:
    if version is None:
        raise ValueError(f"missing {VERSION_KEY!r}: this does not look like a briefing written by to_json")
    major = SCHEMA_VERSION.split(".")[0]
    if not isinstance(version, str) or version.split(".")[0] != major:
        raise ValueError(f"unsupported {VERSION_KEY} {version!r}: this version reads {major}.x")
