"""A ConvoKit corpus directory of briefings, written with the standard library: one conversation per exchange.

The files follow ConvoKit's documented on-disk format (``Corpus(filename=directory)`` loads them):
``utterances.jsonl`` one utterance per line, ``speakers.json`` and ``conversations.json`` maps of id
to ``{"meta": …, "vectors": []}``, ``corpus.json`` the corpus metadata and ``index.json`` the type of
every metadata field.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..models import Briefing, Role, Turn
from .files import briefing_id_of, replacing

INDEX_VERSION = 1
CORPUS_FILES = ("utterances.jsonl", "speakers.json", "conversations.json", "corpus.json", "index.json")

UNKNOWN_SPEAKER = "(unknown)"
"""The speaker id of speech with no label at all."""


def write_convokit(
    briefings: Iterable[tuple[str | os.PathLike[str], Briefing]],
    directory: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
) -> Path:
    """Write briefings as one ConvoKit corpus, without importing convokit.

    Each turn is an utterance, in turn order. Each briefing is one conversation, whose id is its
    first utterance's; every answer's ``reply-to`` is its question (``Briefing.exchanges``), every
    other turn's the turn before it. Speakers are identified by header name and journalists by their
    outlet across the corpus; other labels (``Q``, ``A``) and unlabelled speech (``(unknown)``) within
    their briefing, as ``label@briefing_id``. ``timestamp`` is the turn's position in its
    briefing (0, 1, …), so that ConvoKit orders utterances as the transcript does; the date is in
    the metadata.

    Args:
        briefings: ``(source, briefing)`` pairs, e.g. the successes of ``parse_many``. The briefing's
            id is the source's path relative to ``root``, without extension (``en/001``); a repeated
            id gets ``~2``, ``~3``…
        directory: The corpus directory; created if missing. The five files are replaced, each
            written to a temporary file beside it first.
        root: The folder the ids are relative to; by default as ``briefing_id_of`` takes a path alone.

    Returns:
        The directory.
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    utterances_index: dict[str, list[str]] = {}
    taken: set[str] = set()
    with replacing(target / "utterances.jsonl") as file:
        for source, briefing in briefings:
            briefing_id = _unique(briefing_id_of(source, root), taken)
            for utterance in _utterances(briefing, briefing_id, os.fspath(source), speakers, conversations):
                file.write(json.dumps(utterance, ensure_ascii=False) + "\n")
                _add_types(utterances_index, utterance["meta"])
    corpus_meta = {"generator": "scio-transcripts", "briefing_count": len(taken)}
    index = {
        "utterances-index": utterances_index,
        "speakers-index": _type_index(entry["meta"] for entry in speakers.values()),
        "conversations-index": _type_index(entry["meta"] for entry in conversations.values()),
        "overall-index": _type_index([corpus_meta]),
        "version": INDEX_VERSION,
        "vectors": [],
    }
    for name, content in (
        ("speakers.json", speakers),
        ("conversations.json", conversations),
        ("corpus.json", corpus_meta),
        ("index.json", index),
    ):
        with replacing(target / name) as file:
            json.dump(content, file, ensure_ascii=False, indent=1)
            file.write("\n")
    return target


def _utterances(
    briefing: Briefing,
    briefing_id: str,
    source: str,
    speakers: dict[str, dict[str, Any]],
    conversations: dict[str, dict[str, Any]],
) -> Iterator[dict[str, Any]]:
    """The briefing's utterances in turn order; registers their speakers and its one conversation.

    The conversation is the briefing, its id the first utterance's (ConvoKit's convention). An answer
    replies to its question; every other turn replies to the turn before it, the first to nothing.
    """
    if not briefing.turns:
        return
    position = {turn: index for index, turn in enumerate(briefing.turns)}
    question_of = {
        position[answer]: position[exchange.question]
        for exchange in briefing.exchanges()
        for answer in exchange.answers
    }
    conversation_id = _utterance_id(briefing_id, 0)
    conversations[conversation_id] = _conversation(briefing, briefing_id)
    for index, turn in enumerate(briefing.turns):
        speaker = _register_speaker(turn, briefing_id, speakers)
        replied = question_of.get(index, index - 1)
        yield {
            "id": _utterance_id(briefing_id, index),
            "conversation_id": conversation_id,
            "text": turn.text,
            "speaker": speaker,
            "meta": {
                "briefing_id": briefing_id,
                "source": source,
                "date": briefing.date.isoformat() if briefing.date else None,
                "turn_index": index,
                "page": turn.page,
                "role": turn.role.value,
                "label": turn.label,
                "start": turn.span.start,
                "end": turn.span.end,
            },
            "reply-to": _utterance_id(briefing_id, replied) if replied >= 0 else None,
            "timestamp": index,
            "vectors": [],
        }


def _conversation(briefing: Briefing, briefing_id: str) -> dict[str, Any]:
    return {
        "meta": {
            "briefing_id": briefing_id,
            "dialect": briefing.dialect,
            "date": briefing.date.isoformat() if briefing.date else None,
            "title": briefing.title,
            "exchanges": len(briefing.exchanges()),
        },
        "vectors": [],
    }


def _register_speaker(turn: Turn, briefing_id: str, speakers: dict[str, dict[str, Any]]) -> str:
    """A person by header name and an outlet by name, across the corpus; anyone else (``Q``, ``A``,
    ``Journalist``, unlabelled speech) only within the briefing, as ``label@briefing_id``: one ``Q``
    of one press conference is not the ``Q`` of another."""
    if turn.speaker is not None:
        speaker_id, meta = (
            turn.speaker.name,
            {
                "kind": "person",
                "honorific": turn.speaker.honorific,
                "title": turn.speaker.title,
            },
        )
    elif turn.role is Role.JOURNALIST and turn.outlet:
        speaker_id, meta = turn.outlet, {"kind": "outlet", "honorific": None, "title": None}
    else:
        speaker_id = f"{turn.label or UNKNOWN_SPEAKER}@{briefing_id}"
        meta = {"kind": "unknown", "honorific": None, "title": None}
    # The first appearance describes the speaker; a later briefing may give another title.
    speakers.setdefault(speaker_id, {"meta": meta, "vectors": []})
    return speaker_id


def _utterance_id(briefing_id: str, turn_index: int) -> str:
    return f"{briefing_id}.{turn_index}"


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}~{number}"
    taken.add(candidate)
    return candidate


def _type_index(metas: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """ConvoKit's index: each metadata key with the Python type of its values, as ``["<class 'str'>"]``."""
    index: dict[str, list[str]] = {}
    for meta in metas:
        _add_types(index, meta)
    return index


def _add_types(index: dict[str, list[str]], meta: dict[str, Any]) -> None:
    """Record the type of each value; a None only until a real value shows the field's type."""
    none_type = [str(type(None))]
    for key, value in meta.items():
        if key not in index or (index[key] == none_type and value is not None):
            index[key] = [str(type(value))]
