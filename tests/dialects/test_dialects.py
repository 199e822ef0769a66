"""Dialects: the registry, detection, and fixtures of the Chinese and Foreign Ministry pages."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import scio_transcripts as st

from ..conftest import DATA, SEED, needs_shared
from ..support.fixtures import dialect_fixtures, read_fixture, snapshot_path
from ..support.leaves import coverage_problems
from ..support.snapshot import snapshot

FIXTURES = dialect_fixtures()


def _id(entry: tuple[str, Path]) -> str:
    return str(entry[1].relative_to(DATA / "dialects").with_suffix(""))


def test_shipped_dialects_are_listed() -> None:
    """The three shipped dialects are known by name, the default first."""
    assert st.dialects()[:3] == ("scio-en", "scio-zh", "mfa-en")


def test_unknown_dialect_names_the_known_ones() -> None:
    """Asking for a dialect that does not exist says which do."""
    with pytest.raises(ValueError, match="unknown dialect 'klingon'; known: scio-en, scio-zh, mfa-en"):
        st.parse("text", dialect="klingon")


@pytest.mark.parametrize("entry", FIXTURES, ids=_id)
def test_auto_detects_the_dialect_of_each_fixture(entry: tuple[str, Path]) -> None:
    """The cheap sniff picks the dialect each fixture was written in."""
    dialect, path = entry
    assert st.detect_dialect(read_fixture(path)) == dialect


@needs_shared
def test_english_pages_stay_english() -> None:
    """The seed and an empty text are English SCIO pages for the sniff."""
    assert st.detect_dialect(SEED.read_text(encoding="utf-8")) == "scio-en"
    assert st.detect_dialect("") == "scio-en"
    assert st.parse_file(SEED, dialect="auto") == st.parse_file(SEED)


@pytest.mark.parametrize("entry", FIXTURES, ids=_id)
def test_dialect_fixture_matches_its_snapshot(entry: tuple[str, Path]) -> None:
    """Each dialect fixture parses to its regression snapshot."""
    dialect, path = entry
    expected = json.loads(snapshot_path(path).read_text(encoding="utf-8"))
    assert snapshot(st.parse(read_fixture(path), dialect=dialect)) == expected


@pytest.mark.parametrize("entry", FIXTURES, ids=_id)
def test_dialect_fixture_loses_nothing(entry: tuple[str, Path]) -> None:
    """Every visible character of a dialect fixture lies in exactly one element."""
    dialect, path = entry
    text = read_fixture(path)
    assert coverage_problems(text, st.parse(text, dialect=dialect)) == []


def test_chinese_intro_gives_date_time_roster_and_host() -> None:
    """The intro sentence gives the date, the time and the roster; the press bureau's title chairs."""
    text = (
        "国务院新闻办公室于2024年5月20日（星期一）上午10时举行新闻发布会，请农业农村部副部长邓小川、"
        "国务院新闻办新闻局副局长、新闻发言人柯林介绍有关情况，并答记者问。\n"
        "柯林：\n女士们、先生们，上午好。\n邓小川：\n谢谢主持人。\n湖南卫视记者：\n请问下一步有哪些举措？\n"
    )
    briefing = st.parse(text, dialect="scio-zh")
    assert (briefing.date, briefing.time) == (datetime.date(2024, 5, 20), "上午10时")
    assert [(p.name, p.title) for p in briefing.speakers] == [("邓小川", "农业农村部副部长")]
    assert briefing.chairperson is not None
    assert (briefing.chairperson.name, briefing.chairperson.title) == ("柯林", "国务院新闻办新闻局副局长、新闻发言人")
    assert [(t.label, t.role, t.outlet) for t in briefing.turns] == [
        ("柯林", st.Role.CHAIRPERSON, None),
        ("邓小川", st.Role.SPEAKER, None),
        ("湖南卫视记者", st.Role.JOURNALIST, "湖南卫视"),
    ]
    person = briefing.speakers[0]
    assert text[person.span.start : person.span.end] == "农业农村部副部长邓小川"


def test_ministry_title_gives_date_and_spokesperson() -> None:
    """A Foreign Ministry title names the chair and the date; Q and A are roles by position."""
    text = (
        "Foreign Ministry Spokesperson Lin Haotian's Regular Press Conference on May 3, 2012\n"
        "Q: What is your comment on the talks?\nA: The talks were constructive.\n"
    )
    briefing = st.parse(text, dialect="auto")
    assert briefing.date == datetime.date(2012, 5, 3)
    assert briefing.chairperson is not None
    assert briefing.chairperson.name == "Lin Haotian"
    assert [(t.label, t.role) for t in briefing.turns] == [("Q", st.Role.JOURNALIST), ("A", st.Role.CHAIRPERSON)]


def test_joint_briefing_with_the_ministry_stays_english_scio() -> None:
    """An SCIO page whose speaker is the Ministry's spokesperson is not taken for a Ministry presser."""
    text = (
        "SCIO briefing on consular protection\nSpeakers:\n"
        "Mr. Wang Lin, Foreign Ministry Spokesperson; he held a regular press conference yesterday\n"
    )
    assert st.detect_dialect(text) == "scio-en"
