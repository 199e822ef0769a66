"""TEI XML of a briefing in the style of ParlaMint (Parla-CLARIN): speakers in the header, ``u`` per turn."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
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
    return _document(briefing, source_text, identifier, _Registry(), declare=True)


def to_tei_corpus(
    briefings: Iterable[tuple[str | os.PathLike[str], Briefing]], *, root: str | os.PathLike[str] | None = None
) -> str:
    """Briefings as one ``teiCorpus``, as ParlaMint publishes a corpus: one header declares every
    speaker once (``listPerson``, ``listOrg``) and the speaker types; each briefing is a ``TEI``
    document inside it, as ``to_tei`` writes it but without its own lists, its ``@who`` pointing
    into the shared ones. Ids are unique in the whole corpus: a document's ``xml:id`` is its briefing
    id (``briefing_id_of(source, root)``, as an NCName), its ``u`` and ``seg`` ids start with it.
    """
    registry = _Registry()
    documents = [
        _document(briefing, os.fspath(source), briefing_id_of(source, root), registry, declare=False)
        for source, briefing in briefings
    ]
    corpus = _element("teiCorpus", {_xml("lang"): _corpus_language(documents)})
    header = _sub(corpus, "teiHeader")
    file_description = _sub(header, "fileDesc")
    _sub(_sub(file_description, "titleStmt"), "title", type="main", text="SCIO and Foreign Ministry briefings")
    _sub(
        _sub(file_description, "publicationStmt"), "p", text="Converted from the transcript pages by scio-transcripts."
    )
    _sub(_sub(file_description, "sourceDesc"), "p", text=f"{len(documents)} briefings")
    _speaker_types(header)
    _participants(_sub(header, "profileDesc"), registry.people, registry.outlets)
    corpus.extend(documents)
    ElementTree.indent(corpus, space="  ")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{ElementTree.tostring(corpus, encoding="unicode")}\n'


class _Registry:
    """The ids of one XML document, and the people and outlets declared in it, shared by every
    briefing of a corpus."""

    def __init__(self) -> None:
        self.ids = _Identifiers()
        self.people: dict[str, tuple[str, Person, str]] = {}
        self.outlets: dict[str, str] = {}


def _corpus_language(documents: list[ElementTree.Element]) -> str:
    languages = {document.get(_xml("lang")) or "en" for document in documents}
    return languages.pop() if len(languages) == 1 else "mul"


def _document(
    briefing: Briefing, source_text: str | None, identifier: str | None, registry: _Registry, *, declare: bool
) -> ElementTree.Element:
    ids = registry.ids
    people = _declare_people(briefing, ids, registry.people)
    outlets = _declare_outlets(briefing, ids, registry.outlets)

    root = _element("TEI", {_xml("lang"): language_of(briefing)})
    root_id = ids.claim(identifier) if identifier else None
    if root_id:
        root.set(_xml("id"), root_id)
    root.append(_header(briefing, source_text, identifier, people, outlets, declare=declare))
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
    *,
    declare: bool,
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

    if declare:
        _speaker_types(header)

    profile = _sub(header, "profileDesc")
    setting = _sub(_sub(profile, "settingDesc"), "setting")
    if briefing.place:
        _sub(setting, "name", type="place", text=briefing.place)
    if briefing.date:
        _sub(setting, "date", when=briefing.date.isoformat(), text=briefing.date.isoformat())
    if briefing.time:
        _sub(setting, "time", text=briefing.time)
    if declare:
        _participants(profile, people, outlets)
    return header


def _speaker_types(header: ElementTree.Element) -> None:
    encoding = _sub(header, "encodingDesc")
    taxonomy = _sub(_sub(encoding, "classDecl"), "taxonomy", **{_xml("id"): "speaker_types"})
    for category_id, meaning in SPEAKER_TYPE_MEANINGS.items():
        category = _sub(taxonomy, "category", **{_xml("id"): category_id})
        _sub(category, "catDesc", text=meaning)


def _participants(
    profile: ElementTree.Element, people: dict[str, tuple[str, Person, str]], outlets: dict[str, str]
) -> None:
    participants = _sub(profile, "particDesc")
    person_list = _sub(participants, "listPerson")
    for person_id, person, role in people.values():
        entry = _sub(person_list, "person", role=role, **{_xml("id"): person_id})
        full_name = _sub(entry, "persName")
        if person.honorific:
            _sub(full_name, "roleName", type="honorific", text=person.honorific)
        surname, forename = split_name(person.name)
        _sub(full_name, "surname", text=surname)
        if forename:
            _sub(full_name, "forename", text=forename)
        if person.title:
            _sub(entry, "occupation", text=person.title)
    if outlets:
        organisation_list = _sub(participants, "listOrg")
        for outlet, org_id in outlets.items():
            organisation = _sub(organisation_list, "org", role="newsOutlet", **{_xml("id"): org_id})
            _sub(organisation, "orgName", text=outlet)


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
        utterance_id = ids.claim(f"{prefix}u{index}")
        utterance.set(_xml("id"), utterance_id)
        for number, paragraph in enumerate(turn.paragraphs):
            while upcoming is not None and upcoming[0] < paragraph.span.start:
                _append_loose(utterance, upcoming[1])
                upcoming = next(pending, None)
            segment = _sub(utterance, "seg", text=paragraph.text)
            segment.set(_xml("id"), ids.claim(f"{utterance_id}.s{number}"))
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


def _declare_people(
    briefing: Briefing, ids: _Identifiers, people: dict[str, tuple[str, Person, str]]
) -> dict[str, tuple[str, Person, str]]:
    """Header people by name: (xml:id, person, role), added to ``people``; a turn's speaker missing from
    the header lists too. A person already declared (in a corpus, by an earlier briefing) keeps their id."""
    chair = [briefing.chairperson] if briefing.chairperson else []
    turn_speakers = [turn.speaker for turn in briefing.turns if turn.speaker is not None]
    for person, role in [(p, "chair") for p in chair] + [(p, "speaker") for p in [*briefing.speakers, *turn_speakers]]:
        if person.name not in people:
            people[person.name] = (ids.claim(_camel(person.name) or "person"), person, role)
    return people


def _declare_outlets(briefing: Briefing, ids: _Identifiers, outlets: dict[str, str]) -> dict[str, str]:
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


# Chinese surnames of two characters; any other Chinese name has a surname of one.
_COMPOUND_SURNAMES = frozenset(
    {"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫",
     "慕容", "令狐", "司徒", "夏侯", "宇文", "长孙", "長孫", "端木", "轩辕", "軒轅", "独孤", "獨孤", "南宫", "南宮"}
)  # fmt: skip
_HAN = re.compile(r"[\u3400-\u9fff]")


def language_of(briefing: Briefing) -> str:
    """The ``xml:lang`` of a briefing: by the dialect that read it."""
    return "zh" if briefing.dialect.endswith("-zh") or briefing.dialect == "scio-zh" else "en"


def split_name(name: str) -> tuple[str, str | None]:
    """Surname and forename of a Chinese name, surname first: ``Cao Shumin`` → (``Cao``, ``Shumin``),
    ``欧阳晓岚`` → (``欧阳``, ``晓岚``). A name of one word is a surname alone."""
    if _HAN.search(name) and " " not in name:
        size = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
        return name[:size], name[size:] or None
    surname, _, forename = name.partition(" ")
    return surname, forename or None


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
