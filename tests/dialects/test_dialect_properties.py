"""Properties of the Chinese (``scio-zh``) and Foreign Ministry (``mfa-en``) dialects, on generated pages.

Each strategy writes a page from facts it chose first (the people, the date, who speaks in which
order), so the facts are known independently of the parser; the parse must give them back, lose
nothing, and be clean.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from hypothesis import given, note
from hypothesis import strategies as st

import scio_transcripts as sc

from ..support.content import assert_strict_raises_the_first_diagnostic
from ..support.leaves import coverage_problems
from ..support.strategies import any_text

ZH_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
ZH_GIVEN = ["文泉", "书宁", "海川", "丽娜", "佳怡", "立言", "雅静", "若兰", "小川", "晓岚", "国强", "建华"]
ZH_TITLES = [
    "农业农村部副部长",
    "教育部基础教育司司长",
    "国家统计局新闻发言人",
    "商务部对外贸易司司长",
    "水利部水文局局长",
]
ZH_HOST_TITLE = "国务院新闻办新闻局副局长、新闻发言人"
ZH_OUTLETS = ["光明日报", "中央广播电视总台央视", "路透社", "彭博社", "湖南卫视", "新加坡《联合早报》"]
ZH_SPEECH = [
    "女士们、先生们，上午好。",
    "谢谢主持人。",
    "请问下一步有哪些举措？",
    "我们将继续推进这项工作。",
    "今年的情况总体稳定。",
]
DATES = st.dates(datetime.date(2010, 1, 1), datetime.date(2025, 12, 31))


def _zh_names(draw: Callable[..., Any], count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = draw(st.sampled_from(ZH_SURNAMES)) + draw(st.sampled_from(ZH_GIVEN))
        if name not in names:
            names.append(name)
    return names


@st.composite
def chinese_pages(draw: Callable[..., Any]) -> tuple[str, dict[str, Any]]:
    """A Chinese SCIO page (intro sentence, host, officials, journalists) and its facts."""
    date = draw(DATES)
    *officials, host = _zh_names(draw, draw(st.integers(1, 4)) + 1)
    titles = [draw(st.sampled_from(ZH_TITLES)) for _ in officials]
    roster = "、".join(f"{title}{name}" for title, name in zip(titles, officials, strict=True))
    weekday = "一二三四五六日"[date.weekday()]
    hour = draw(st.sampled_from(["上午10时", "下午3时", "上午9时30分"]))
    lines = [
        f"国务院新闻办公室于{date.year}年{date.month}月{date.day}日（星期{weekday}）{hour}举行新闻发布会，"
        f"请{roster}介绍有关情况，并答记者问。",
        f"{ZH_HOST_TITLE} {host}：",
        draw(st.sampled_from(ZH_SPEECH)),
    ]
    turns = [(f"{ZH_HOST_TITLE} {host}", "chairperson")]
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["official", "journalist", "host"]))
        if kind == "official":
            label, role = draw(st.sampled_from(officials)), "speaker"
        elif kind == "journalist":
            label, role = draw(st.sampled_from(ZH_OUTLETS)) + "记者", "journalist"
        else:
            label, role = host, "chairperson"
        if turns[-1][0] == label:
            continue  # the same label twice in a row is one turn
        inline = draw(st.booleans())
        speech = draw(st.sampled_from(ZH_SPEECH))
        lines += [f"{label}：{speech}"] if inline else [f"{label}：", speech]
        turns.append((label, role))
    facts = {
        "date": date,
        "speakers": [(name, title) for name, title in zip(officials, titles, strict=True)],
        "chair": host,
        "turns": turns,
    }
    return "\n".join(lines) + "\n", facts


@given(chinese_pages())
def test_a_chinese_page_gives_back_its_facts(page: tuple[str, dict[str, Any]]) -> None:
    """Date, roster, host and every turn's label and role, cleanly and with nothing lost."""
    text, facts = page
    note(text)
    briefing = sc.parse(text, dialect="scio-zh")
    assert briefing.date == facts["date"]
    assert [(person.name, person.title) for person in briefing.speakers] == facts["speakers"]
    assert briefing.chairperson is not None
    assert briefing.chairperson.name == facts["chair"]
    assert [(turn.label, turn.role.value) for turn in briefing.turns] == facts["turns"]
    assert coverage_problems(text, briefing) == []
    assert briefing.diagnostics == ()


SPOKESPEOPLE = ["Wang Wenbin", "Mao Ning", "Lin Jian", "Hua Chunying", "Zhao Lijian", "Geng Shuang", "Hong Lei"]
MFA_OUTLETS = ["China Daily", "Reuters", "AFP", "Bloomberg", "CCTV", "Global Times", "NHK", "AP"]
QUESTIONS = ["What is your comment?", "Can you confirm the reports?", "Will China respond?"]
ANSWERS = ["We have noted the reports.", "China's position is consistent and clear.", "I have no information."]


@st.composite
def ministry_pages(draw: Callable[..., Any]) -> tuple[str, dict[str, Any]]:
    """A Foreign Ministry presser, modern (outlets and names) or older (Q and A), and its facts."""
    date = draw(DATES)
    spokesperson = draw(st.sampled_from(SPOKESPEOPLE))
    apostrophe = draw(st.sampled_from(["'", "’"]))
    on = f"{date:%B} {date.day}, {date.year}"
    lines = [f"Foreign Ministry Spokesperson {spokesperson}{apostrophe}s Regular Press Conference on {on}"]
    older = draw(st.booleans())
    surname = spokesperson.split()[0]
    turns: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(1, 5))):
        if older:
            asker, answerer = "Q", "A"
        else:
            asker = draw(st.sampled_from([*MFA_OUTLETS, "Follow-up"]))
            answerer = draw(st.sampled_from([spokesperson, surname]))
        lines += [f"{asker}: {draw(st.sampled_from(QUESTIONS))}", f"{answerer}: {draw(st.sampled_from(ANSWERS))}"]
        # A reflowed copy puts a sentence of the answer on a line of its own.
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(ANSWERS)))
        turns += [(asker, "journalist"), (answerer, "chairperson")]
    return "\n".join(lines) + "\n", {"date": date, "chair": spokesperson, "turns": turns}


@given(ministry_pages())
def test_a_ministry_page_gives_back_its_facts(page: tuple[str, dict[str, Any]]) -> None:
    """Date and spokesperson from the title; every question a journalist's, every answer the spokesperson's."""
    text, facts = page
    note(text)
    briefing = sc.parse(text, dialect="mfa-en")
    assert briefing.date == facts["date"]
    assert briefing.chairperson is not None
    assert briefing.chairperson.name == facts["chair"]
    assert [(turn.label, turn.role.value) for turn in briefing.turns] == facts["turns"]
    assert len(briefing.exchanges()) == len(facts["turns"]) // 2
    assert coverage_problems(text, briefing) == []
    assert briefing.diagnostics == ()


@given(any_text(), st.sampled_from(["scio-zh", "mfa-en"]))
def test_any_text_in_a_dialect_loses_nothing_and_fails_strictly_where_it_says(text: str, dialect: str) -> None:
    """What holds for English SCIO pages holds in every shipped dialect."""
    briefing = sc.parse(text, dialect=dialect)
    assert coverage_problems(text, briefing) == []
    assert_strict_raises_the_first_diagnostic(text, dialect=dialect)
