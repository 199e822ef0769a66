"""Exchanges: a question and the turns that answer it, up to the next question."""

from __future__ import annotations

import scio_transcripts as st

HEADER = (
    "SCIO briefing on river ports\nSpeakers:\nMr. Li Ming, vice minister of transport\n"
    "Chairperson:\nMs. Lu Yan, spokesperson of the SCIO\nDate:\nJune 12, 2023\n"
)


def _answers(text: str, dialect: str = "scio-en") -> list[list[str | None]]:
    return [[answer.label for answer in exchange.answers] for exchange in st.parse(text, dialect=dialect).exchanges()]


def test_the_ministry_spokesperson_answers_as_chair() -> None:
    text = (
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on November 5, 2024\n"
        "AFP: Will China send a delegation?\nLin Jian: Yes, details will follow.\n"
        "Reuters: When?\nLin Jian: In due course.\n"
    )
    assert _answers(text, "mfa-en") == [["Lin Jian"], ["Lin Jian"]]


def test_a_chair_who_moves_on_ends_the_exchange_without_answering() -> None:
    text = (
        HEADER + "Lu Yan:\nWelcome.\nXinhua:\nWhat about ports?\nLu Yan:\nNext question, please.\n"
        "Reuters:\nAnd roads?\nLi Ming:\nMore roads.\n"
    )
    assert _answers(text) == [[], ["Li Ming"]]


def test_a_chair_who_hands_the_question_over_is_skipped() -> None:
    text = HEADER + "Xinhua:\nWhat about ports?\nLu Yan:\nMr. Li, would you like to answer?\nLi Ming:\nWe built ten.\n"
    assert _answers(text) == [["Li Ming"]]


def test_the_chair_taking_the_floor_back_after_an_answer_ends_the_exchange() -> None:
    text = (
        HEADER + "Xinhua:\nWhat about ports?\nLi Ming:\nWe built ten.\n"
        "Lu Yan:\nThank you, Mr. Li. Today's briefing ends here.\n"
    )
    assert _answers(text) == [["Li Ming"]]


def test_a_chinese_host_who_answers_is_an_answer() -> None:
    text = (
        "2019年4月3日外交部发言人陆康主持例行记者会\n问：中方将派团参加下周的国际会议吗？\n"
        "答：中方将派出由副部长率领的代表团出席。\n问：请继续。\n答：我没有掌握你提到的情况。\n"
    )
    assert _answers(text, "scio-zh") == [["答"], ["答"]]
