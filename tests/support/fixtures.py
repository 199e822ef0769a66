"""Finds the fixtures and the files beside them; refuses to find nothing, so an empty folder fails.

Beside each fixture text ``NAME.txt`` lie two files of different standing:

- ``NAME.facts.json``: what the page must parse to, written by hand from the text and the conventions of
  ``shared/FORMATS.md`` section 10 before the parser ran on it. This is the evidence.
- ``NAME.snapshot.json``: everything the parser reported last time it was reviewed, rewritten by
  ``python -m tests.support.regenerate``. It only catches unintended change; it proves nothing about correctness.
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import DATA

# One folder per section of the format catalogue (shared/FORMATS.md, sections 1-9).
FEATURES = ("chrome", "excerpt", "title", "dateline", "header", "blocks", "turns", "after_speech", "whitespace")


def valid_fixtures() -> list[Path]:
    """Every valid fixture text, after checking that each feature folder holds some."""
    for feature in FEATURES:
        folder = DATA / "valid" / feature
        if not sorted(folder.glob("*.txt")):
            raise AssertionError(f"no fixtures in {folder}")
    return sorted((DATA / "valid").glob("*/*.txt"))


def invalid_fixtures() -> list[Path]:
    """Every invalid fixture text; there must be some."""
    found = sorted((DATA / "invalid").glob("*.txt"))
    if not found:
        raise AssertionError(f"no fixtures in {DATA / 'invalid'}")
    return found


def facts_path(path: Path) -> Path:
    """The hand-written expected facts of a fixture."""
    return path.with_suffix(".facts.json")


def snapshot_path(path: Path) -> Path:
    """The parser's own last reviewed output for a fixture: a regression snapshot, not ground truth."""
    return path.with_suffix(".snapshot.json")


def read_fixture(path: Path) -> str:
    """The fixture exactly as stored: no newline translation, the BOM kept."""
    return path.read_bytes().decode("utf-8")


# Fixtures of the other shipped dialects, one folder per dialect and feature (FORMATS-DIALECTS.md).
DIALECT_FEATURES = {
    "scio-zh": ("intro", "labels", "host", "chrome", "bilingual", "traditional", "ministry", "title"),
    "mfa-en": ("title", "modern", "older", "mirrors"),
}


def dialect_fixtures() -> list[tuple[str, Path]]:
    """(dialect, path) of every dialect fixture, after checking that each feature folder holds some."""
    found: list[tuple[str, Path]] = []
    for dialect, features in DIALECT_FEATURES.items():
        for feature in features:
            folder = DATA / "dialects" / dialect / feature
            paths = sorted(folder.glob("*.txt"))
            if not paths:
                raise AssertionError(f"no fixtures in {folder}")
            found += [(dialect, path) for path in paths]
    return found


def every_fixture() -> list[tuple[str, Path]]:
    """(dialect, path) of every valid English fixture and every dialect fixture."""
    return [("scio-en", path) for path in valid_fixtures()] + dialect_fixtures()
