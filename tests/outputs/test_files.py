"""What the outputs share on disk: one briefing id from a source path, and one atomic file writer."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import pytest

import scio_transcripts as st
from scio_transcripts.outputs.files import briefing_id_of, replacing, replacing_path

from ..conftest import SAMPLE

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.mark.parametrize(
    ("source", "root", "expected"),
    [
        ("2023-06-08.txt", None, "2023-06-08"),
        ("a/b/2023-06-08.txt", None, "a/b/2023-06-08"),
        ("corpus/en/001.txt", "corpus", "en/001"),
        ("corpus/zh/001.txt", "corpus", "zh/001"),
        (Path("a") / "page.v2.txt", None, "a/page.v2"),
        (PurePosixPath("no_extension"), None, "no_extension"),
        ("a/.hidden", None, "a/.hidden"),
    ],
)
def test_the_id_is_the_path_below_the_root_without_extension(
    source: str | os.PathLike[str], root: str | None, expected: str
) -> None:
    """Ids are paths, so en/001.txt and zh/001.txt are two briefings, and always strings."""
    assert briefing_id_of(source, root) == expected


def test_an_absolute_path_below_the_working_directory_is_taken_relative_to_it() -> None:
    assert briefing_id_of(Path.cwd() / "en" / "001.txt") == "en/001"


def test_every_output_names_a_briefing_by_the_same_id(tmp_path: Path) -> None:
    """Tables, ConvoKit and TEI give one briefing read from one source the same id (TEI as an NCName)."""
    briefing = st.parse_file(SAMPLE)
    source = tmp_path / "en" / "briefing-2023-06-08.txt"
    wanted = "en/briefing-2023-06-08"
    assert briefing_id_of(source, tmp_path) == wanted
    rows = st.turn_rows(briefing, source=source, briefing_id=wanted)
    assert {row["briefing_id"] for row in rows} == {wanted}
    st.write_convokit([(source, briefing)], tmp_path / "corpus", root=tmp_path)
    lines = (tmp_path / "corpus" / "utterances.jsonl").read_text("utf-8").splitlines()
    assert {json.loads(line)["meta"]["briefing_id"] for line in lines} == {wanted}
    root = ElementTree.fromstring(st.to_tei(briefing, source=source, briefing_id=wanted).encode("utf-8"))
    assert root.get(XML_ID) == "en.briefing-2023-06-08"


def test_replacing_writes_the_text_as_given(tmp_path: Path) -> None:
    """The file appears only when the block ends, holding the text byte for byte: UTF-8, CRLF kept."""
    target = tmp_path / "out.csv"
    target.write_bytes(b"old\n")
    with replacing(target) as file:
        file.write("a,“b”\r\nc\n")
        assert target.read_bytes() == b"old\n"
    assert target.read_bytes() == "a,“b”\r\nc\n".encode()
    assert [path.name for path in tmp_path.iterdir()] == ["out.csv"]


def _write_text_then_fail(target: Path) -> None:
    with replacing(target) as file:
        file.write("half")
        raise RuntimeError("disk full")


def _write_path_then_fail(target: Path) -> None:
    with replacing_path(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("disk full")


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old\n")
    with pytest.raises(RuntimeError, match="disk full"):
        _write_text_then_fail(target)
    with pytest.raises(RuntimeError, match="disk full"):
        _write_path_then_fail(target)
    assert target.read_bytes() == b"old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_replacing_path_gives_a_new_file_beside_the_target(tmp_path: Path) -> None:
    """A writer that needs a path gets an empty file in the same folder, which then becomes the target."""
    target = tmp_path / "turns.parquet"
    with replacing_path(target) as temporary:
        assert temporary.parent == tmp_path
        assert temporary.read_bytes() == b""
        assert not target.exists()
        temporary.write_bytes(b"PAR1")
    assert target.read_bytes() == b"PAR1"
    assert [path.name for path in tmp_path.iterdir()] == ["turns.parquet"]
