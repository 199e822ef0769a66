"""TEI XML of a briefing in the style of ParlaMint (Parla-CLARIN): speakers in the header, ``u`` per turn."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from xml.etree import ElementTree

from ..models import Briefing, Fragment, Note, Person, Role, Span, Turn
from .files import briefing_id_of

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# ParlaMint's speaker types. The SCIO chairs its briefings and invites officials to brief the press,
# so officials are guests and the press corps that attends every briefing is regular. Nobody is
# typed on a guess: a turn whose speaker is unknown carries no @ana.
SPEAKER_TYPES = {
    Role.CHAIRPERSON: "chair",
    Role.SPEAKER: "guest",
    Role.JOURNALIST: "regular",
}
SPEAKER_TYPE_MEANINGS = {
    "chair": "The chairperson of the briefing, usually a spokesperson of the SCIO.",
    "regular": "A member of the press corps asking questions, named by their outlet.",
    "guest": "An official invited to brief the press.",
}

_NOT_IN_NCNAME = re.compile(r"[^\w.-]")

ElementTree.register_namespace("", TEI_NS)


def to_tei(briefing: Briefing, *, source: str | os.PathLike[str] | None = None, briefing_id: str | None = None) -> str:
    """The briefing as a TEI document in the ParlaMint style.

    The header names the briefing (title, date, source) and declares every speaker: header people
    as ``person`` in ``listPerson``, journalists' outlets as ``org`` in ``listOrg``. The body has,
    in source order, a ``note type="speaker"`` with each label as written, a ``u`` per turn with
    ``@who`` (absent when the speaker is unknown) and ``@ana`` (``#chair``, ``#guest`` for
    officials, ``#regular`` for journalists), a ``seg`` per paragraph, a ``pb`` per page break, and
    every note of the page as ``note`` typed by its kind. Text the parser could not place is a
    ``note type="unparsed"``.

    Args:
        briefing: The parsed briefing.
        source: Where the briefing came from; goes to ``idno type="source"``.
        briefing_id: The document's identifier; by default the file name of ``source`` without
            extension.

    Returns:
        The XML text, with an XML declaration, in UTF-8 form (no character references).
    """
    root = tei_element(briefing, source=source, briefing_id=briefing_id)
    ElementTree.indent(root, space="  ")
    body = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def tei_element(
    briefing: Briefing, *, source: str | os.PathLike[str] | None = None, briefing_id: str | None = None
) -> ElementTree.Element:
    """The TEI document of ``to_tei`` as an ElementTree element, for callers who add to it."""
    source_text = os.fspath(source) if source is not None else None
    identifier = briefing_id or (briefing_id_of(source_text) if source_text else None)
    ids = _Identifiers()
    people = _declare_people(briefing, ids)
    outlets = _declare_outlets(briefing, ids)

    root = _element("TEI", {_xml("lang"): "en"})
    root_id = ids.claim(identifier) if identifier else None
    if root_id:
        root.set(_xml("id"), root_id)
    root.append(_header(briefing, source_text, identifier, people, outlets))
    text = _sub(root, "text")
    body = _sub(text, "body")
    division = _sub(body, "div", type="debateSection")
    if briefing.title:
        _sub(division, "head", text=briefing.title)
    _fill_body(division, briefing, people, outlets, ids, prefix=f"{root_id}." if root_id else "")
    if briefing.related:
        back = _sub(text, "back")
        related = _sub(_sub(back, "div", type="related"), "listBibl")
        for link in briefing.related:
            bibl = _sub(related, "bibl")
            _sub(bibl, "title", text=link.title)
            if link.date:
                _sub(bibl, "date", when=link.date.isoformat(), text=link.date.isoformat())
    return root


def _header(
    briefing: Briefing,
    source: str | None,
    identifier: str | None,
    people: dict[str, tuple[str, Person, str]],
    outlets: dict[str, str],
) -> ElementTree.Element:
    header = _element("teiHeader")
    file_description = _sub(header, "fileDesc")
    title_statement = _sub(file_description, "titleStmt")
    _sub(title_statement, "title", type="main", text=_title(briefing))
    if briefing.credits:
        responsibility = _sub(title_statement, "respStmt")
        _sub(responsibility, "resp", text="Translated and edited by")
        for name in briefing.credits:
            _sub(responsibility, "persName", text=name)
    publication = _sub(file_description, "publicationStmt")
    _sub(publication, "p", text="Converted from the transcript page by scio-transcripts.")
    bibl = _sub(_sub(file_description, "sourceDesc"), "bibl")
    _sub(bibl, "title", text=_title(briefing))
    if source is not None or identifier is not None:
        _sub(bibl, "idno", type="source", text=source if source is not None else identifier)
    if briefing.date:
        _sub(bibl, "date", when=briefing.date.isoformat(), text=briefing.date.isoformat())

    encoding = _sub(header, "encodingDesc")
    taxonomy = _sub(_sub(encoding, "classDecl"), "taxonomy", **{_xml("id"): "speaker_types"})
    for category_id, meaning in SPEAKER_TYPE_MEANINGS.items():
        category = _sub(taxonomy, "category", **{_xml("id"): category_id})
        _sub(category, "catDesc", text=meaning)

    profile = _sub(header, "profileDesc")
    setting = _sub(_sub(profile, "settingDesc"), "setting")
    if briefing.place:
        _sub(setting, "name", type="place", text=briefing.place)
    if briefing.date:
        _sub(setting, "date", when=briefing.date.isoformat(), text=briefing.date.isoformat())
    if briefing.time:
        _sub(setting, "time", text=briefing.time)
    participants = _sub(profile, "particDesc")
    person_list = _sub(participants, "listPerson")
    for person_id, person, role in people.values():
        entry = _sub(person_list, "person", role=role, **{_xml("id"): person_id})
        full_name = _sub(entry, "persName")
        if person.honorific:
            _sub(full_name, "roleName", type="honorific", text=person.honorific)
        _sub(full_name, "name", text=person.name)
        if person.title:
            _sub(entry, "occupation", text=person.title)
    if outlets:
        organisation_list = _sub(participants, "listOrg")
        for outlet, org_id in outlets.items():
            organisation = _sub(organisation_list, "org", role="newsOutlet", **{_xml("id"): org_id})
            _sub(organisation, "orgName", text=outlet)
    return header


def _fill_body(
    division: ElementTree.Element,
    briefing: Briefing,
    people: dict[str, tuple[str, Person, str]],
    outlets: dict[str, str],
    ids: _Identifiers,
    prefix: str,
) -> None:
    """Turns, page breaks, notes and fragments in source order; the last two inside a turn stay in its ``u``."""
    loose: list[tuple[int, Span | Note | Fragment]] = [(span.start, span) for span in briefing.page_breaks]
    loose += [(note.span.start, note) for note in briefing.notes]
    loose += [(fragment.span.start, fragment) for fragment in briefing.unparsed]
    loose.sort(key=lambda item: item[0])
    pending = iter(loose)
    upcoming = next(pending, None)
    for index, turn in enumerate(briefing.turns):
        while upcoming is not None and upcoming[0] < turn.span.start:
            _append_loose(division, upcoming[1])
            upcoming = next(pending, None)
        if turn.label is not None:
            _sub(division, "note", type="speaker", text=turn.label)
        utterance = _sub(division, "u", **_speaker_attributes(turn, people, outlets))
        utterance.set(_xml("id"), ids.claim(f"{prefix}u{index}"))
        for paragraph in turn.paragraphs:
            while upcoming is not None and upcoming[0] < paragraph.span.start:
                _append_loose(utterance, upcoming[1])
                upcoming = next(pending, None)
            _sub(utterance, "seg", text=paragraph.text)
    while upcoming is not None:
        _append_loose(division, upcoming[1])
        upcoming = next(pending, None)


def _append_loose(parent: ElementTree.Element, item: Span | Note | Fragment) -> None:
    if isinstance(item, Span):
        _sub(parent, "pb")
    elif isinstance(item, Note):
        _sub(parent, "note", type=item.kind, text=item.text)
    else:
        _sub(parent, "note", type="unparsed", text=item.text)


def _speaker_attributes(
    turn: Turn, people: dict[str, tuple[str, Person, str]], outlets: dict[str, str]
) -> dict[str, str]:
    attributes: dict[str, str] = {}
    if turn.speaker is not None and turn.speaker.name in people:
        attributes["who"] = "#" + people[turn.speaker.name][0]
    elif turn.role is Role.JOURNALIST and turn.outlet in outlets:
        attributes["who"] = "#" + outlets[turn.outlet]
    speaker_type = SPEAKER_TYPES.get(turn.role)
    if speaker_type is not None:
        attributes["ana"] = "#" + speaker_type
    return attributes


def _declare_people(briefing: Briefing, ids: _Identifiers) -> dict[str, tuple[str, Person, str]]:
    """Header people by name: (xml:id, person, role); a turn's speaker missing from the header lists too."""
    people: dict[str, tuple[str, Person, str]] = {}
    chair = [briefing.chairperson] if briefing.chairperson else []
    turn_speakers = [turn.speaker for turn in briefing.turns if turn.speaker is not None]
    for person, role in [(p, "chair") for p in chair] + [(p, "speaker") for p in [*briefing.speakers, *turn_speakers]]:
        if person.name not in people:
            people[person.name] = (ids.claim(_camel(person.name) or "person"), person, role)
    return people


def _declare_outlets(briefing: Briefing, ids: _Identifiers) -> dict[str, str]:
    outlets: dict[str, str] = {}
    for turn in briefing.turns:
        if turn.role is Role.JOURNALIST and turn.outlet and turn.outlet not in outlets:
            outlets[turn.outlet] = ids.claim(_camel(turn.outlet) or "outlet")
    return outlets


class _Identifiers:
    """Hands out xml:id values that are valid NCNames and unique within one document."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        # A briefing id is a path ("en/001"): its separators become dots, which an NCName may hold.
        base = _NOT_IN_NCNAME.sub("", wanted.replace(" ", "_").replace("/", ".").replace("\\", ".")) or "id"
        if not (base[0].isalpha() or base[0] == "_"):
            base = "_" + base
        candidate, number = base, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{base}.{number}"
        self._taken.add(candidate)
        return candidate


def _camel(text: str) -> str:
    """``Hong Kong Bauhinia Magazine`` → ``HongKongBauhiniaMagazine``: ParlaMint's way with names."""
    return "".join(word[:1].upper() + word[1:] for word in _words(text))


def _words(text: str) -> Iterator[str]:
    yield from (word for word in re.split(r"[^\w.-]+", text) if word)


def _title(briefing: Briefing) -> str:
    if briefing.title:
        return briefing.title
    if briefing.date:
        return f"SCIO briefing of {briefing.date.isoformat()}"
    return "SCIO briefing"


def _element(tag: str, attributes: dict[str, str] | None = None) -> ElementTree.Element:
    return ElementTree.Element(f"{{{TEI_NS}}}{tag}", attributes or {})


def _sub(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    child = ElementTree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attributes)
    child.text = text
    return child


def _xml(name: str) -> str:
    return f"{{{XML_NS}}}{name}"
