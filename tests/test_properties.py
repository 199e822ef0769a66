"""Properties that hold for every briefing and every text, not just the shapes we thought of."""

from __future__ import annotations

import functools
import re

from hypothesis import event, given, note
from hypothesis import strategies as st

import scio_transcripts as sc

from .support.content import assert_strict_raises_the_first_diagnostic, content
from .support.leaves import coverage_problems
from .support.strategies import any_text, briefings, spliced_pages


@given(briefings())
def test_round_trip(briefing: sc.Briefing) -> None:
    """parse(render(m)) has the content of m."""
    text = sc.render(briefing)
    note(text)
    assert content(sc.parse(text)) == content(briefing)


@given(briefings())
def test_render_is_idempotent(briefing: sc.Briefing) -> None:
    """render(parse(render(m))) is render(m)."""
    text = sc.render(briefing)
    assert sc.render(sc.parse(text)) == text


@given(any_text())
def test_nothing_is_lost(text: str) -> None:
    """Lenient parsing never raises, and every visible character lies in exactly one element."""
    briefing = sc.parse(text)
    assert coverage_problems(text, briefing) == []
    elements: list[sc.Paragraph | sc.Note | sc.Fragment] = [p for t in briefing.turns for p in t.paragraphs]
    for element in [*elements, *briefing.notes, *briefing.unparsed]:
        assert text[element.span.start : element.span.end] == element.text


@given(any_text())
def test_strict_raises_the_first_lenient_diagnostic(text: str) -> None:
    """On any text, strict parsing fails exactly where lenient parsing's first diagnostic is."""
    assert_strict_raises_the_first_diagnostic(text)


def expected_codes(briefing: sc.Briefing) -> set[str]:
    """The diagnostics the rendered text of a generated briefing must carry, judged from the model.

    A rendered page has nothing to work around, so only the signs of an implausible page can show, and
    the model says which: the rules of ``docs/api.md#diagnostics``, applied to what was generated.
    """
    labelled = [turn for turn in briefing.turns if turn.label is not None]
    unknown = [turn for turn in labelled if turn.role is sc.Role.UNKNOWN]
    has_header = bool(briefing.speakers) or briefing.chairperson is not None
    codes = set()
    if not has_header and not labelled and sc.render(briefing).strip():
        codes.add("no-briefing")
    if has_header and briefing.turns and briefing.turns[0].label is None:
        codes.add("unlabelled-speech")
    if has_header and briefing.date is None:
        codes.add("no-date")
    if labelled and 2 * len(unknown) > len(labelled):
        codes.add("unknown-speakers")
    named = any(turn.role in (sc.Role.SPEAKER, sc.Role.CHAIRPERSON) for turn in labelled)
    if briefing.speakers and len(labelled) >= 2 and not named:
        codes.add("silent-header")
    return codes


@given(briefings())
def test_a_rendered_briefing_has_exactly_the_diagnostics_its_model_calls_for(briefing: sc.Briefing) -> None:
    """A clean page parses strictly; a page with no header, no date or unknown labels says so, and only so."""
    text = sc.render(briefing)
    note(text)
    expected = expected_codes(briefing)
    event("clean" if not expected else "implausible: " + ", ".join(sorted(expected)))
    assert {diagnostic.code for diagnostic in sc.parse(text).diagnostics} == expected
    if not expected:
        assert content(sc.parse(text, strict=True)) == content(briefing)
    assert_strict_raises_the_first_diagnostic(text)


def _with_layout(text: str, layout: str) -> str:
    lines = text.split("\n")
    if layout == "crlf":
        return "\r\n".join(lines)
    if layout == "cr":
        return "\r".join(lines)
    if layout == "bom":
        return "\ufeff" + text
    if layout == "trailing":
        return "\n".join(f"{line} \u00a0 " if line else line for line in lines)
    return "\n".join(f"    {line}" if line else line for line in lines)


@given(
    st.one_of(briefings().map(sc.render), spliced_pages()), st.sampled_from(["crlf", "cr", "bom", "trailing", "indent"])
)
def test_layout_does_not_change_content(text: str, layout: str) -> None:
    """CRLF, CR, a BOM, trailing spaces and NBSP, or indentation give the content of the plain text."""
    plain = "\n".join(re.split(r"\r\n|\r|\n", text))
    assert content(sc.parse(_with_layout(plain, layout))) == content(sc.parse(plain))


# Terminals whose patterns Hypothesis's regex strategy handles badly (possessive quantifiers,
# word boundaries under a case-insensitive flag), written out by hand instead.
_HAND_WRITTEN = {
    "SPEAKER_LABEL": ["Xing Huina:", "CCTV:", "Mr. Li:", "China Daily：", "Q:", "Present at the conference are:"],
    "TITLE": ["SCIO briefing on trade", "• Press conference: water | May 3, 2020", "Text of a speech (Text)"],
    "LINKED_TITLE": ["SCIO briefing on rural roads", "Press briefing on the economy"],
    "CREDITS": ["Translated and edited by Zhu Bochen, Gong Yingchun, and David Ball.", "Translated by A."],
}


@functools.cache
def _grammar_strings() -> st.SearchStrategy[str]:
    """Strings of the shipped grammar's language, one terminal per line as the lexer reads them."""
    from hypothesis.extra.lark import from_lark

    from scio_transcripts.engine.grammar import BASE_GRAMMAR, compile_grammar

    parser = compile_grammar(BASE_GRAMMAR)
    one_line = st.characters(exclude_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    explicit: dict[str, st.SearchStrategy[str]] = {}
    for terminal in parser.terminals:
        if terminal.name in _HAND_WRITTEN:
            lines = st.sampled_from(_HAND_WRITTEN[terminal.name])
        elif terminal.name.startswith("__"):  # the %ignore whitespace
            continue
        else:
            lines = st.from_regex(terminal.pattern.to_regexp(), fullmatch=True, alphabet=one_line)
        explicit[terminal.name] = lines.map(lambda text: text + "\n")
    return from_lark(parser, explicit=explicit)


@given(st.data())
def test_grammar_fuzz(data: st.DataObject) -> None:
    """Texts generated from the grammar itself parse without loss; most parse strictly too."""
    text = data.draw(_grammar_strings())
    briefing = sc.parse(text)
    assert coverage_problems(text, briefing) == []
    event("parses strictly" if not briefing.diagnostics else "parses with diagnostics")
