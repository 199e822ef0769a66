"""What the outputs share on disk: the one atomic file writer and the one id a source path gives."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import TextIO


def briefing_id_of(source: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> str:
    """The id of the briefing read from ``source``: its path relative to ``root``, without extension.

    With ``root`` the inputs' folder, ``corpus/en/001.txt`` gives ``en/001``, so ``en/001`` and
    ``zh/001`` stay two briefings. Without it, a relative path is taken as given (``en/001.txt`` gives
    ``en/001``), an absolute one relative to the working directory when it lies below it, else whole.
    The separator is always ``/``. Every output that names a briefing starts from this id: the tables'
    ``briefing_id`` column, ConvoKit's briefing ids and TEI's ``xml:id`` (made a valid NCName).
    """
    path = PurePath(os.fspath(source))
    if root is not None:
        path = PurePath(os.path.relpath(os.fspath(source), os.fspath(root)))
    elif path.is_absolute():
        relative = os.path.relpath(path, Path.cwd()) if _below(path, Path.cwd()) else str(path).lstrip("/\\")
        path = PurePath(relative)
    return path.with_suffix("").as_posix() if path.suffix else path.as_posix()


def _below(path: PurePath, folder: Path) -> bool:
    try:
        PurePath(path).relative_to(folder)
    except ValueError:
        return False
    return True


@contextmanager
def replacing_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A new, empty file beside ``path`` that replaces ``path`` on success and vanishes on failure.

    For writers that take a path (Parquet); ``replacing`` gives the same as an open text file.
    """
    target = Path(path)
    # Not tempfile.mkstemp: its files are private (0600), and outputs should get the umask's mode.
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    temporary.open("x").close()
    try:
        yield temporary
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A UTF-8 text file that replaces ``path`` only once it is completely written.

    Nothing is half-written: the text goes to a temporary file beside ``path``, which is renamed
    over ``path`` when the block ends and removed if it raises. Line ends are written as given
    (``newline=""``), so a CSV writer's CRLF and the text's own line breaks stay exactly as they are.
    """
    with replacing_path(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as file:
        yield file
