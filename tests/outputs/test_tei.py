"""TEI in the ParlaMint style: counts of u, seg and pb, declared speakers, labels and notes, checked by path."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

import scio_transcripts as st
from scio_transcripts.outputs.files import briefing_id_of

from ..conftest import DATA, SAMPLE
from ..support.fixtures import every_fixture, read_fixture, valid_fixtures

SAMPLE_ID = briefing_id_of(SAMPLE)  # its path below the working directory, as the outputs name it

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML}}}id"


def tei(briefing: st.Briefing, source: str | Path | None = None) -> ElementTree.Element:
    """Serialize and read back, so every assertion is about the text a user gets."""
    return ElementTree.fromstring(st.to_tei(briefing, source=source).encode("utf-8"))


@pytest.fixture(scope="module")
def sample() -> ElementTree.Element:
    return tei(st.parse_file(SAMPLE), source=SAMPLE)


def declared_ids(root: ElementTree.Element) -> set[str]:
    return {element.get(XML_ID, "") for element in root.iter()} - {""}


def test_one_u_per_turn(sample: ElementTree.Element) -> None:
    """The sample's 8 turns are 8 u elements in the body."""
    assert len(sample.findall(".//tei:body//tei:u", NS)) == 8


def test_one_seg_per_paragraph(sample: ElementTree.Element) -> None:
    """The sample's 14 paragraphs are 14 seg elements, all inside u, four in each of the first two."""
    assert len(sample.findall(".//tei:u/tei:seg", NS)) == 14
    assert len(sample.findall(".//tei:seg", NS)) == 14
    assert [len(u.findall("tei:seg", NS)) for u in sample.findall(".//tei:u", NS)] == [4, 4, 1, 1, 1, 1, 1, 1]


def test_one_pb_per_page_break(sample: ElementTree.Element) -> None:
    """The sample's 2 page breaks are 2 pb elements."""
    assert len(sample.findall(".//tei:pb", NS)) == 2


def test_every_who_and_ana_points_to_a_declaration(sample: ElementTree.Element) -> None:
    """Every @who names a person in listPerson or an org in listOrg; every @ana a speaker-type category."""
    people = {p.get(XML_ID) for p in sample.findall(".//tei:particDesc/tei:listPerson/tei:person", NS)}
    outlets = {o.get(XML_ID) for o in sample.findall(".//tei:particDesc/tei:listOrg/tei:org", NS)}
    categories = {c.get(XML_ID) for c in sample.findall(".//tei:taxonomy/tei:category", NS)}
    utterances = sample.findall(".//tei:u", NS)
    assert all(u.get("who", "")[1:] in people | outlets for u in utterances)
    assert all(u.get("ana", "")[1:] in categories for u in utterances)
    assert people == {"ShenYiran", "TangLihua", "QiaoDewen"}  # the chair and two speakers
    assert outlets == {"ChinaDaily", "Reuters"}


def test_speakers_and_types_of_the_sample(sample: ElementTree.Element) -> None:
    """The chair is #chair, officials #guest and outlets #regular, each u pointing at its speaker."""
    utterances = sample.findall(".//tei:u", NS)
    assert [(u.get("who"), u.get("ana")) for u in utterances] == [
        ("#ShenYiran", "#chair"),
        ("#TangLihua", "#guest"),
        ("#ShenYiran", "#chair"),
        ("#ChinaDaily", "#regular"),
        ("#TangLihua", "#guest"),
        ("#Reuters", "#regular"),
        ("#QiaoDewen", "#guest"),
        ("#ShenYiran", "#chair"),
    ]
    chair = sample.find(".//tei:person[@role='chair']", NS)
    assert chair is not None
    assert chair.findtext("tei:persName/tei:surname", namespaces=NS) == "Shen"
    assert chair.findtext("tei:persName/tei:forename", namespaces=NS) == "Yiran"
    assert chair.findtext("tei:persName/tei:roleName", namespaces=NS) == "Mr."


def test_a_chinese_briefing_is_chinese_with_its_names_surname_first() -> None:
    text = (DATA / "dialects" / "scio-zh" / "labels" / "title_space_name.txt").read_text(encoding="utf-8")
    root = tei(st.parse(text))
    assert root.get(f"{{{XML}}}lang") == "zh"
    names = [
        (
            person.findtext("tei:persName/tei:surname", namespaces=NS),
            person.findtext("tei:persName/tei:forename", namespaces=NS),
        )
        for person in root.iterfind(".//tei:person", NS)
    ]
    assert ("欧阳", "晓岚") in names
    assert ("冉", "佳怡") in names


def test_every_u_and_seg_has_an_id(sample: ElementTree.Element) -> None:
    for element in [*sample.iterfind(".//tei:u", NS), *sample.iterfind(".//tei:seg", NS)]:
        assert element.get(XML_ID)


def test_label_notes_precede_each_u(sample: ElementTree.Element) -> None:
    """A note type="speaker" with the label as written comes right before each labelled u."""
    body = sample.find(".//tei:body/tei:div", NS)
    assert body is not None
    children = list(body)
    for index, child in enumerate(children):
        if child.tag.endswith("}u"):
            label = children[index - 1]
            assert label.tag.endswith("}note")
            assert label.get("type") == "speaker"
    labels = [note.text for note in body.findall("tei:note[@type='speaker']", NS)]
    assert labels == [
        "Shen Yiran",
        "Tang Lihua",
        "Shen Yiran",
        "China Daily",
        "Tang Lihua",
        "Reuters",
        "Qiao Dewen",
        "Shen Yiran",
    ]


def test_header_names_title_date_and_source(sample: ElementTree.Element) -> None:
    """teiHeader carries a title, the ISO date and the source path as idno."""
    assert sample.findtext(".//tei:titleStmt/tei:title", namespaces=NS)
    date = sample.find(".//tei:sourceDesc/tei:bibl/tei:date", NS)
    assert date is not None
    assert date.get("when") == "2023-09-14"
    assert sample.findtext(".//tei:sourceDesc/tei:bibl/tei:idno[@type='source']", namespaces=NS) == str(SAMPLE)
    assert sample.get(XML_ID) == SAMPLE_ID.replace("/", ".")
    # An NCName cannot start with a digit, as numbered file names do: such a stem gets a leading "_".
    assert tei(st.parse_file(SAMPLE), source="000_briefing.txt").get(XML_ID) == "_000_briefing"
    # A path's separators become dots: pages/000_briefing is the briefing pages.000_briefing.
    assert tei(st.parse_file(SAMPLE), source="pages/000_briefing.txt").get(XML_ID) == "pages.000_briefing"


def test_ids_are_unique(sample: ElementTree.Element) -> None:
    """No xml:id is declared twice."""
    ids = [element.get(XML_ID) for element in sample.iter() if element.get(XML_ID)]
    assert len(ids) == len(set(ids))


def test_captions_are_notes_inside_the_turn_they_interrupt() -> None:
    """A photo caption between two paragraphs of a turn is a note of that kind inside its u, in place."""
    briefing = st.parse("CCTV:\nFirst part of the question.\n[Photo by Yin Kaifeng/China SCIO]\nSecond part?\n")
    assert [note.kind for note in briefing.notes] == ["photo-caption"]
    (utterance,) = tei(briefing).findall(".//tei:u", NS)
    assert [(child.tag.split("}")[1], child.get("type")) for child in utterance] == [
        ("seg", None),
        ("note", "photo-caption"),
        ("seg", None),
    ]


def test_captions_between_turns_stay_between_them() -> None:
    """A caption after a turn's last paragraph is a note in the division, before the next label."""
    root = tei(st.parse("CCTV:\nA question?\n[Photo by Yin Kaifeng/China SCIO]\nLin Zhaohui:\nAn answer.\n"))
    division = root.find(".//tei:body/tei:div", NS)
    assert division is not None
    assert [(child.tag.split("}")[1], child.get("type")) for child in division] == [
        ("note", "speaker"),
        ("u", None),
        ("note", "photo-caption"),
        ("note", "speaker"),
        ("u", None),
    ]


@pytest.mark.parametrize("path", valid_fixtures(), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_fixture_gives_consistent_tei(path: Path) -> None:
    """For every fixture: u, seg and pb counts match the parse and every reference is declared."""
    briefing = st.parse_file(path)
    root = tei(briefing, source=path)
    assert len(root.findall(".//tei:u", NS)) == len(briefing.turns)
    assert len(root.findall(".//tei:seg", NS)) == sum(len(turn.paragraphs) for turn in briefing.turns)
    assert len(root.findall(".//tei:pb", NS)) == len(briefing.page_breaks)
    targets = declared_ids(root)
    for element in root.iter():
        for attribute in ("who", "ana"):
            if element.get(attribute):
                assert element.get(attribute, "")[1:] in targets


def test_unknown_speakers_have_no_who_or_ana() -> None:
    """A label naming nobody in the header gets neither @who nor @ana: unknown stays unknown."""
    root = tei(st.parse("Ji Haoran:\nSome speech.\n"))
    (utterance,) = root.findall(".//tei:u", NS)
    assert utterance.get("who") is None
    assert utterance.get("ana") is None
    assert root.findtext(".//tei:note[@type='speaker']", namespaces=NS) == "Ji Haoran"


SCHEMA = DATA / "tei" / "scio-tei.rng"


def _validator() -> Any:
    etree = pytest.importorskip("lxml.etree", reason="needs lxml (in the dev extra)")
    return etree, etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.mark.parametrize("entry", every_fixture(), ids=lambda entry: f"{entry[0]}/{entry[1].stem}")
def test_every_fixture_is_valid_against_the_schema(entry: tuple[str, Path]) -> None:
    """The TEI of every fixture, in every dialect, is valid against the RelaxNG schema of our TEI."""
    etree, schema = _validator()
    dialect, path = entry
    document = etree.fromstring(st.to_tei(st.parse(read_fixture(path), dialect=dialect), source=path).encode())
    assert schema.validate(document), schema.error_log


def test_a_corpus_declares_each_speaker_once_and_its_ids_are_unique() -> None:
    etree, schema = _validator()
    entries = every_fixture()
    corpus = st.to_tei_corpus([(path, st.parse(read_fixture(path), dialect=d)) for d, path in entries], root=DATA)
    root = etree.fromstring(corpus.encode())
    assert schema.validate(root), schema.error_log
    ids = root.xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    assert len(root.xpath("/tei:teiCorpus/tei:TEI", namespaces=NS)) == len(entries)
    assert not root.xpath("/tei:teiCorpus/tei:TEI//tei:listPerson", namespaces=NS)  # only the shared one
    declared = set(root.xpath("/tei:teiCorpus/tei:teiHeader//tei:person/@xml:id | //tei:org/@xml:id", namespaces=NS))
    assert {who[1:] for who in root.xpath("//tei:u/@who", namespaces=NS)} <= declared
    assert root.get(f"{{{XML}}}lang") == "mul"  # English and Chinese briefings
