"""Saved web pages in: the transcript read out by the site's layout, the same models out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import scio_transcripts as st
from scio_transcripts.cli import main

from .conftest import DATA, SHARED, needs_shared
from .support.facts import differences, facts_of, read_facts
from .support.leaves import coverage_problems
from .support.mfa_html import score

HTML = DATA / "html"
MFA_PAGES = SHARED / "data" / "mfa-html"
needs_pages = pytest.mark.skipif(
    not MFA_PAGES.is_dir(), reason=f"needs the shared Ministry pages ({MFA_PAGES} is missing)"
)
PAGES = sorted(HTML.glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.stem)
def test_each_saved_page_parses_to_its_facts(page: Path) -> None:
    """Title, date, people, every turn's label and role, exchanges: as written by hand for the page."""
    found = differences(read_facts(page.with_suffix(".facts.json")), facts_of(st.parse_file(page)))
    assert not found, "\n".join([f"{page.name} differs from its facts file:", *found])


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.stem)
def test_spans_index_the_text_read_out_of_the_page(page: Path) -> None:
    briefing = st.parse_file(page)
    assert briefing.source_text is not None
    assert coverage_problems(briefing.source_text, briefing) == []
    for turn in briefing.turns:
        for paragraph in turn.paragraphs:
            assert briefing.source_text[paragraph.span.start : paragraph.span.end] == paragraph.text


def test_words_split_over_tags_stay_whole_and_a_br_opens_a_label() -> None:
    briefing = st.parse_file(HTML / "mfa_mirror_word_paste.html")
    texts = [turn.text for turn in briefing.turns]
    assert any("cooperation in science and technology" in text for text in texts)
    assert [turn.label for turn in briefing.turns].count("Bloomberg") == 1


def test_a_chinese_page_in_gbk_is_read_by_its_declared_charset() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
        '<div class="title">2019年4月3日外交部发言人陆康主持例行记者会</div><div class="content">'
        "<p>问：中方将派团参加下周的国际会议吗？</p><p>答：中方将派出代表团出席。</p></div></body></html>"
    )
    briefing = st.parse_html(page.encode("gbk"))
    assert briefing.title == "2019年4月3日外交部发言人陆康主持例行记者会"
    assert [turn.label for turn in briefing.turns] == ["问", "答"]


def test_a_page_in_another_charset_than_it_declares_is_read_and_flagged() -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><div class="title">2019年4月3日外交部发言人陆康主持例行记者会'
        '</div><div class="content"><p>问：中方将派团参加吗？</p><p>答：中方将派出代表团出席。</p></div></body></html>'
    )
    briefing = st.parse_html(page.encode("gbk"))
    assert briefing.title == "2019年4月3日外交部发言人陆康主持例行记者会"
    assert briefing.diagnostics[0].code == "charset-mismatch"
    assert "declares utf-8" in briefing.diagnostics[0].message


def test_a_page_without_a_transcript_is_said_to_be_one() -> None:
    briefing = st.parse_html("<html><body><div class='nav'></div></body></html>")
    assert [d.code for d in briefing.diagnostics] == ["no-transcript"]


def test_html_passed_to_parse_as_text_is_flagged() -> None:
    text = (HTML / "china_org_article.html").read_text(encoding="utf-8")
    assert st.parse(text).diagnostics[0].code == "html-page"


def test_a_binary_file_named_html_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<html>" + bytes(range(256)) * 4)
    with pytest.raises(st.DecodeError, match=r"page\.html: a web page in no charset"):
        st.parse_file(page)


def test_a_truncated_page_still_parses(tmp_path: Path) -> None:
    text = (HTML / "china_org_article.html").read_text(encoding="utf-8")
    page = tmp_path / "cut.html"
    page.write_text(text[: text.index("Reuters")], encoding="utf-8")
    briefing = st.parse_file(page)
    assert briefing.title == "SCIO press conference on inland river ports"
    assert [turn.label for turn in briefing.turns] == ["Chen Wenjun", "He Zhenlong"]


def test_the_cli_joins_a_folder_of_pages_and_goes_on_past_a_bad_one(tmp_path: Path) -> None:
    (tmp_path / "content_1.html").write_bytes((HTML / "scio_cms_desktop.html").read_bytes())
    (tmp_path / "content_1_2.html").write_bytes((HTML / "scio_cms_mobile_continuation.html").read_bytes())
    (tmp_path / "broken.HTML").write_bytes(b"<html>" + bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["parse", str(tmp_path), "--join-pages", "--format", "csv", "--quiet"])
    assert result.exit_code == 2  # one file skipped, the others written
    assert "broken.HTML" in result.stderr
    rows = [line for line in result.stdout.splitlines()[1:] if line]
    assert len(rows) == 5 + 3  # the first page's turns, then the continuation's (its opening joins the last)


@needs_shared
def test_the_ministry_pages_give_their_facts_and_turns() -> None:
    """On the saved Ministry pages, at least 0.98 of the facts and a turn F1 of at least 0.99."""
    result = score(MFA_PAGES)
    assert result.pages == 60
    assert result.facts_right / result.facts_total >= 0.98, "\n".join(result.misses)
    assert result.turns_f1 >= 0.99, "\n".join(result.misses)


@needs_shared
def test_no_ministry_exchange_is_without_its_answer() -> None:
    """Every question followed by a turn that is not another question has its answer."""
    for page in sorted(MFA_PAGES.glob("*/*.html")):
        briefing = st.parse_file(page)
        for index, turn in enumerate(briefing.turns[:-1]):
            if turn.role is st.Role.JOURNALIST and briefing.turns[index + 1].role is not st.Role.JOURNALIST:
                exchange = next(e for e in briefing.exchanges() if e.question is turn)
                assert exchange.answers, f"{page.name}: {turn.label} {turn.text[:40]}"
