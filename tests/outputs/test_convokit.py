"""The ConvoKit corpus directory: the five files, their ids, and reply-to links from answers to questions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import scio_transcripts as st
from scio_transcripts.outputs.convokit import CORPUS_FILES
from scio_transcripts.outputs.files import briefing_id_of

from ..conftest import SAMPLE

SAMPLE_ID = briefing_id_of(SAMPLE)  # its path below the working directory, as the outputs name it


def read_corpus(directory: Path) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any], dict[str, Any], Any]:
    utterances = [json.loads(line) for line in (directory / "utterances.jsonl").read_text("utf-8").splitlines()]
    speakers, conversations, corpus, index = (
        json.loads((directory / name).read_text("utf-8"))
        for name in ("speakers.json", "conversations.json", "corpus.json", "index.json")
    )
    return utterances, speakers, conversations, corpus, index


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, ...]:
    directory = tmp_path_factory.mktemp("corpus")
    assert st.write_convokit([(SAMPLE, st.parse_file(SAMPLE))], directory) == directory
    return read_corpus(directory)


def test_writes_the_five_files_and_nothing_else(tmp_path: Path) -> None:
    """The directory holds exactly ConvoKit's five files; no temporary file is left behind."""
    st.write_convokit([(SAMPLE, st.parse_file(SAMPLE))], tmp_path / "new")
    assert sorted(path.name for path in (tmp_path / "new").iterdir()) == sorted(CORPUS_FILES)


def test_one_utterance_per_turn_with_the_mandatory_fields(corpus: tuple[Any, ...]) -> None:
    """8 utterances for the sample's 8 turns, each with ConvoKit's fields, ids unique, text as the turn's text."""
    utterances = corpus[0]
    briefing = st.parse_file(SAMPLE)
    assert len(utterances) == 8
    for utterance in utterances:
        assert {"id", "speaker", "conversation_id", "reply-to", "timestamp", "text", "meta"} <= set(utterance)
    assert [utterance["id"] for utterance in utterances] == [f"{SAMPLE_ID}.{index}" for index in range(8)]
    assert [utterance["text"] for utterance in utterances] == [turn.text for turn in briefing.turns]
    assert [utterance["timestamp"] for utterance in utterances] == list(range(8))


def test_answers_reply_to_their_question(corpus: tuple[Any, ...]) -> None:
    """Each answer's reply-to is its question's id; a question replies to the turn before it."""
    by_id = {utterance["id"]: utterance for utterance in corpus[0]}
    question, answer = by_id[f"{SAMPLE_ID}.3"], by_id[f"{SAMPLE_ID}.4"]
    assert (question["speaker"], question["reply-to"]) == ("China Daily", f"{SAMPLE_ID}.2")
    assert answer["reply-to"] == question["id"]
    assert answer["conversation_id"] == question["conversation_id"] == f"{SAMPLE_ID}.0"
    assert answer["speaker"] == "Tang Lihua"
    question, answer = by_id[f"{SAMPLE_ID}.5"], by_id[f"{SAMPLE_ID}.6"]
    assert (question["speaker"], answer["speaker"], answer["reply-to"]) == ("Reuters", "Qiao Dewen", question["id"])


def test_one_conversation_per_briefing(corpus: tuple[Any, ...]) -> None:
    """The briefing is one conversation rooted at its first utterance; every reply points inside it."""
    utterances, _, conversations, _, _ = corpus
    assert list(conversations) == [f"{SAMPLE_ID}.0"]
    assert conversations[f"{SAMPLE_ID}.0"]["meta"]["exchanges"] == 2
    assert {utterance["conversation_id"] for utterance in utterances} == {f"{SAMPLE_ID}.0"}
    ids = {utterance["id"] for utterance in utterances}
    assert [u["id"] for u in utterances if u["reply-to"] is None] == [f"{SAMPLE_ID}.0"]
    assert all(u["reply-to"] in ids for u in utterances if u["reply-to"] is not None)


def test_every_reply_stays_inside_its_conversation(corpus: tuple[Any, ...]) -> None:
    """A reply-to never crosses conversations: ConvoKit builds one tree per conversation."""
    by_id = {utterance["id"]: utterance for utterance in corpus[0]}
    for utterance in by_id.values():
        if utterance["reply-to"] is not None:
            assert by_id[utterance["reply-to"]]["conversation_id"] == utterance["conversation_id"]


def test_speakers_are_declared_with_metadata(corpus: tuple[Any, ...]) -> None:
    """Every utterance's speaker is a key of speakers.json, as {"meta": …, "vectors": []}."""
    utterances, speakers, _, _, _ = corpus
    assert {utterance["speaker"] for utterance in utterances} == set(speakers)
    assert speakers["Tang Lihua"] == {
        "meta": {
            "kind": "person",
            "honorific": "Ms.",
            "title": "vice minister of Industry and Information Technology",
        },
        "vectors": [],
    }
    assert speakers["China Daily"]["meta"]["kind"] == "outlet"


def test_index_lists_every_metadata_field_with_its_type(corpus: tuple[Any, ...]) -> None:
    """index.json has ConvoKit's five keys and a type list for each metadata field in use."""
    utterances, speakers, conversations, corpus_meta, index = corpus
    assert set(index) >= {"utterances-index", "speakers-index", "conversations-index", "overall-index", "version"}
    assert set(index["utterances-index"]) == set(utterances[0]["meta"])
    assert index["utterances-index"]["page"] == ["<class 'int'>"]
    assert set(index["speakers-index"]) == set(next(iter(speakers.values()))["meta"])
    assert set(index["conversations-index"]) == set(next(iter(conversations.values()))["meta"])
    assert set(index["overall-index"]) == set(corpus_meta)
    assert corpus_meta["briefing_count"] == 1


def test_repeated_briefing_ids_are_made_unique(tmp_path: Path) -> None:
    """Two sources with the same file name in two folders are two briefings, a/sample and b/sample; the
    same source twice gets ~2, so utterance ids never clash."""
    briefing = st.parse_file(SAMPLE)
    st.write_convokit([("a/sample.txt", briefing), ("b/sample.txt", briefing)], tmp_path)
    utterances = read_corpus(tmp_path)[0]
    assert len({utterance["id"] for utterance in utterances}) == 16  # the sample's 8 turns, twice
    assert {utterance["meta"]["briefing_id"] for utterance in utterances} == {"a/sample", "b/sample"}
    st.write_convokit([("a/sample.txt", briefing), ("a/sample.txt", briefing)], tmp_path / "twice")
    twice = read_corpus(tmp_path / "twice")[0]
    assert {utterance["meta"]["briefing_id"] for utterance in twice} == {"a/sample", "a/sample~2"}


def test_unlabelled_speech_has_the_unknown_speaker(tmp_path: Path) -> None:
    """Speech before any label is spoken by "(unknown)" of that briefing, declared like any other speaker."""
    st.write_convokit([("page.txt", st.parse("Some words without a label.\nCCTV:\nA question?\n"))], tmp_path)
    utterances, speakers, *_ = read_corpus(tmp_path)
    assert [utterance["speaker"] for utterance in utterances] == ["(unknown)@page", "CCTV"]
    assert speakers["(unknown)@page"]["meta"]["kind"] == "unknown"


def test_anonymous_labels_are_speakers_of_their_briefing_only(tmp_path: Path) -> None:
    """Q of one Ministry press conference is not Q of another; an outlet is the same outlet everywhere."""
    page = (
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on November 5, 2024\n"
        "Q: Will China send a delegation?\nA: Yes.\nAFP: When?\nA: Soon.\n"
    )
    briefing = st.parse(page)
    st.write_convokit([("en/001.txt", briefing), ("en/002.txt", briefing)], tmp_path)
    _, speakers, *_ = read_corpus(tmp_path)
    assert {"Q@en/001", "Q@en/002", "AFP", "Lin Jian"} <= set(speakers)


def test_convokit_itself_loads_the_corpus(tmp_path: Path) -> None:
    """ConvoKit reads what we write: utterances, one conversation per briefing, replies to questions."""
    convokit = pytest.importorskip(
        "convokit", reason="convokit is not installed (the dev extra has it where it installs)"
    )
    briefing = st.parse_file(SAMPLE)
    st.write_convokit([("en/sample.txt", briefing), ("zh/sample.txt", briefing)], tmp_path)
    corpus = convokit.Corpus(filename=str(tmp_path))
    assert len(list(corpus.iter_utterances())) == 2 * len(briefing.turns)
    assert sorted(conversation.id for conversation in corpus.iter_conversations()) == ["en/sample.0", "zh/sample.0"]
    answer = corpus.get_utterance("en/sample.4")
    assert answer.reply_to == "en/sample.3"
    assert answer.speaker.id == "Tang Lihua"
