"""Finds the golden fixtures; refuses to find nothing, so an empty folder fails instead of passing."""

from __future__ import annotations

from pathlib import Path

from .conftest import DATA

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


def read_fixture(path: Path) -> str:
    """The fixture exactly as stored: no newline translation, the BOM kept."""
    return path.read_bytes().decode("utf-8")


# Fixtures of the other shipped dialects, one folder per dialect and feature (FORMATS-DIALECTS.md).
DIALECT_FEATURES = {
    "scio-zh": ("intro", "labels", "host", "chrome", "bilingual", "traditional"),
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
