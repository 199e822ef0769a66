"""The documentation site's pages: their examples run, print what they show, and match the grammar."""

from __future__ import annotations

import contextlib
import datetime
import html
import importlib.util
import io
import os
import re
import shlex
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

import scio_transcripts as st
from scio_transcripts.engine.symbols import readable

from .conftest import DATA, REPO, SAMPLE

DOCS = REPO / "docs"
GRAMMAR = REPO / "grammar" / "scio_en.lark"

# =============================================================================================
# Runnable pages: the quick start and the tutorial
# =============================================================================================

# Every page with Python examples; extending.md runs in tests/dialects/test_extending.py, with its grammar file.
RUNNABLE_PAGES = ["quickstart.md", "tutorial.md", "faq.md", "index.md", "api.md", "outputs.md", "dialects.md", "cli.md"]
# The files the pages open by name without writing them first, as a reader would have them: the bundled
# sample under each name, and its pages cut at the page breaks for the join examples.
PAGE_FILES = ("2023-03-16.txt", "2023-06-08.txt", "en/001.txt")

_FENCE = re.compile(r"^```(?P<language>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
# A block whose info string holds this shows what the python block above it prints.
OUTPUT = 'title="Output"'
# A python block that starts with this comment line runs only where the named modules are installed.
_NEEDS = re.compile(r"#\s*needs:\s*(?P<modules>[\w, ]+)$")


class Block(NamedTuple):
    """One fenced code block of a page."""

    language: str
    info: str
    body: str
    line: int


def code_blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a page, in order, with the line of their opening fence."""
    text = page.read_text(encoding="utf-8")
    return [
        Block(match["language"], match["info"].strip(), match["body"], text.count("\n", 0, match.start()) + 1)
        for match in _FENCE.finditer(text)
    ]


def examples(page: Path) -> list[tuple[Block, Block | None]]:
    """Each python or console block of a page, with the Output block that follows it, if any."""
    pairs: list[tuple[Block, Block | None]] = []
    for block in code_blocks(page):
        if OUTPUT in block.info:
            assert pairs, f"docs/{page.name}:{block.line}: an Output block before any example"
            assert pairs[-1][1] is None, f"docs/{page.name}:{block.line}: two Output blocks for one example"
            pairs[-1] = (pairs[-1][0], block)
        elif block.language in ("python", "console"):
            pairs.append((block, None))
    return pairs


def missing_modules(block: Block) -> list[str]:
    """The modules a ``# needs: …`` first line asks for that are not installed."""
    first = block.body.split("\n", 1)[0].strip()
    match = _NEEDS.fullmatch(first)
    if match is None:
        return []
    wanted = [name.strip() for name in match["modules"].split(",") if name.strip()]
    return [name for name in wanted if importlib.util.find_spec(name) is None]


def run_python(block: Block, namespace: dict[str, object], where: str) -> str:
    """Run a python block in the page's namespace; return what it printed."""
    printed = io.StringIO()
    code = compile(block.body, where, "exec")
    with contextlib.redirect_stdout(printed):
        exec(code, namespace)
    return printed.getvalue()


def run_console(block: Block, folder: Path) -> str:
    """Run each ``$ scio-transcripts …`` line of a console block; return the commands with their output."""
    # Unbuffered, so that standard output and standard error interleave as in a terminal.
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "100"}
    shown: list[str] = []
    for line in block.body.splitlines():
        if not line.startswith("$ "):
            continue
        program, *arguments = shlex.split(line[2:])
        assert program == "scio-transcripts", f"only scio-transcripts commands run in tests, not {program!r}"
        result = subprocess.run(
            [sys.executable, "-m", "scio_transcripts", *arguments],
            cwd=folder,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        shown.append(f"{line}\n{result.stdout}")
    return "".join(shown)


def _reader_files(folder: Path) -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    for name in PAGE_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(sample, encoding="utf-8")
    first, second, *_ = sample.split("_ueditor_page_break_tag_")
    (folder / "content_1.txt").write_text(first, encoding="utf-8")
    (folder / "content_1_2.txt").write_text(second, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "bad-date.txt").write_bytes((DATA / "invalid" / "date_heading_value_not_a_date.txt").read_bytes())


def same_text(actual: str) -> str:
    """Text as a page shows it: no trailing spaces on a line, no blank lines at the end."""
    return "\n".join(line.rstrip() for line in actual.rstrip("\n").splitlines())


@pytest.mark.parametrize("page", RUNNABLE_PAGES)
def test_page_examples_run_and_print_what_the_page_shows(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every python and console block of the page runs, in order, in an empty folder, printing its Output block."""
    monkeypatch.chdir(tmp_path)
    _reader_files(tmp_path)
    # The page runs as a module of its own, so that functions it defines can be sent to worker processes.
    module = types.ModuleType(f"docs_page_{Path(page).stem}")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    namespace: dict[str, object] = module.__dict__
    skipped: list[str] = []
    pairs = examples(DOCS / page)
    assert pairs, f"docs/{page} has no examples"
    for block, output in pairs:
        where = f"docs/{page}:{block.line}"
        missing = missing_modules(block)
        if missing:
            skipped.append(f"{where} needs {', '.join(missing)}")
            continue
        if block.language == "python":
            printed = run_python(block, namespace, where)
            if output is not None:
                assert same_text(printed) == same_text(output.body), f"{where} printed something else"
        else:
            assert output is None, f"{where}: a console block shows its own output"
            assert same_text(run_console(block, tmp_path)) == same_text(block.body), f"{where} printed something else"
    if skipped:
        pytest.skip("; ".join(skipped))


def test_pandas_blocks_are_marked() -> None:
    """A python block that imports pandas or makes a DataFrame starts with ``# needs: pandas``."""
    for page in RUNNABLE_PAGES:
        for block, _output in examples(DOCS / page):
            uses_pandas = re.search(r"\bimport pandas\b|to_dataframe\(|write_parquet\(", block.body)
            if block.language == "python" and uses_pandas:
                assert block.body.startswith("# needs: pandas"), f"docs/{page}:{block.line}"


# =============================================================================================
# The grammar reference
# =============================================================================================

_RULE = re.compile(r"^\??(?P<name>_?[a-z][a-z0-9_]*)\s*:", re.MULTILINE)
_TERMINAL = re.compile(r"^(?P<name>_?[A-Z][A-Z0-9_]*)(?:\.(?P<priority>-?\d+))?\s*:", re.MULTILINE)
_RULE_ENTRY = re.compile(
    r"^### `(?P<name>_?[a-z][a-z0-9_]*)`\n(?P<text>.*?)^```text\n(?P<example>.*?)^```$", re.M | re.S
)
_TERMINAL_ROW = re.compile(
    r"^\| `(?P<name>[A-Z][A-Z0-9_]*)` \| (?P<priority>[^|]+) \| (?P<messages>[^|]+) \|.*\|$", re.M
)
_CODE = re.compile(r"`(?P<plain>[^`]+)`|<code>(?P<html>.*?)</code>")
NO_PRIORITY = "–"


def grammar_symbols() -> dict[str, str]:
    """Every rule and terminal defined in the grammar file: name → priority (a dash for rules and unset ones)."""
    text = "\n".join(line for line in GRAMMAR.read_text(encoding="utf-8").splitlines() if not line.startswith("//"))
    symbols = {match["name"]: NO_PRIORITY for match in _RULE.finditer(text)}
    symbols.update({match["name"]: match["priority"] or NO_PRIORITY for match in _TERMINAL.finditer(text)})
    return symbols


class Documented(NamedTuple):
    """One entry of the grammar reference."""

    priority: str
    messages: str
    example: str


def documented_symbols() -> dict[str, Documented]:
    """The grammar reference's entries: rules by their heading, terminals by their table row."""
    text = (DOCS / "grammar.md").read_text(encoding="utf-8")
    entries = {
        match["name"]: Documented(NO_PRIORITY, NO_PRIORITY, match["example"].rstrip("\n"))
        for match in _RULE_ENTRY.finditer(text)
    }
    for match in _TERMINAL_ROW.finditer(text):
        code = list(_CODE.finditer(match.group()))[-1]  # the example is the row's last cell
        example = code["plain"] if code["plain"] is not None else html.unescape(code["html"])
        entries[match["name"]] = Documented(match["priority"].strip(), match["messages"].strip(), example)
    return entries


# ---- pages to put an example in ------------------------------------------------------------------

TITLE = "SCIO briefing on river freight"
SPEAKERS = "Speakers:\nMr. Ren Bo, vice minister of transport"
CHAIR = "Chairperson:\nMs. Lu Yan, spokesperson of the SCIO"
DATE = "Date:\nMay 9, 2024"
HEADER = f"{SPEAKERS}\n{CHAIR}\n{DATE}"
SPEECH = "Lu Yan:\nGood morning.\nRiver News:\nWhen will the new locks open?\nRen Bo:\nNext spring."
CREDITS = "Translated by Ada Wu."


def page(front: str = TITLE, header: str = HEADER, speech: str = SPEECH, closing: str = CREDITS) -> str:
    """A small, clean briefing page made of the given parts; a header without a year gets the date line."""
    if header and not re.search(r"\b\d{4}\b", header):
        header = f"{header}\n{DATE}"
    return "\n".join(part for part in (front, header, speech, closing) if part) + "\n"


def in_front(example: str) -> str:
    return page(front=f"{TITLE}\n{example}")


def in_speech(example: str) -> str:
    """The example between two paragraphs of one turn."""
    return page(speech=f"Lu Yan:\nGood morning.\n{example}\nLet us begin.\n{SPEECH.split(chr(10), 2)[2]}")


def after_credits(example: str) -> str:
    return page(closing=f"{CREDITS}\n{example}")


def dated(line: str) -> str:
    return page(header=f"{SPEAKERS}\n{CHAIR}\nDate:\n{line}")


# ---- what a parsed page must show -----------------------------------------------------------------

Check = Callable[[st.Briefing, str, str], bool]
"""(briefing, page text, example) → whether the briefing shows the example as documented."""


def cut(text: str, span: st.Span | None) -> str | None:
    return None if span is None else text[span.start : span.end]


def lines(example: str) -> list[str]:
    return [line.strip() for line in example.splitlines() if line.strip()]


def note(kind: str | None = None, line: Callable[[str], str] = str) -> Check:
    """A note of ``kind`` (any kind if None) whose text is the example (or ``line(example)``)."""
    return lambda b, _t, e: any(n.text == line(e) and kind in (None, n.kind) for n in b.notes)


def page_break(b: st.Briefing, t: str, e: str) -> bool:
    return any(cut(t, span) == e for span in b.page_breaks)


def aside(b: st.Briefing, t: str, e: str) -> bool:
    """Kept as a note or a page break, and the turn around it goes on."""
    kept = note()(b, t, e) or page_break(b, t, e)
    return kept and [p.text for p in b.turns[0].paragraphs] == ["Good morning.", "Let us begin."]


def front_lines(b: st.Briefing, t: str) -> set[str | None]:
    return {cut(t, b.title_span), cut(t, b.dateline_span), *(n.text for n in b.notes)}


def in_front_part(b: st.Briefing, t: str, e: str) -> bool:
    return set(lines(e)) <= front_lines(b, t) and b.turns[0].label == "Lu Yan"


def header_lines(b: st.Briefing, t: str) -> set[str | None]:
    dates_and_headings = {n.text for n in b.notes if n.kind in ("heading", "header-date")}
    return {cut(t, person.span) for person in b.header_entries} | dates_and_headings


def in_header_part(b: st.Briefing, t: str, e: str) -> bool:
    return set(lines(e)) <= header_lines(b, t) and bool(b.speakers or b.chairperson)


def in_body(b: st.Briefing, t: str, e: str) -> bool:
    said = {cut(t, turn.label_span) for turn in b.turns} | {p.text for turn in b.turns for p in turn.paragraphs}
    return set(lines(e)) <= said


def closing_lines(b: st.Briefing, t: str) -> set[str | None]:
    links = {cut(t, link.span) for link in b.related} | {cut(t, link.date_span) for link in b.related}
    return {cut(t, b.credits_span), *links, *(n.text for n in b.notes)}


def in_closing(b: st.Briefing, t: str, e: str) -> bool:
    return set(lines(e)) <= closing_lines(b, t)


def related_link(b: st.Briefing, t: str, e: str) -> bool:
    return any([cut(t, link.span), cut(t, link.date_span)][: len(lines(e))] == lines(e) for link in b.related)


def heading_and(then: Check) -> Check:
    return lambda b, t, e: note("heading")(b, t, e) and then(b, t, e)


def speakers_are_ren_bo(b: st.Briefing, _t: str, _e: str) -> bool:
    return [person.name for person in b.speakers] == ["Ren Bo"]


def chair_is_lu_yan(b: st.Briefing, _t: str, _e: str) -> bool:
    return b.chairperson is not None and b.chairperson.name == "Lu Yan"


def entry(b: st.Briefing, t: str, e: str) -> bool:
    return any(cut(t, person.span) == e for person in b.header_entries)


def named(b: st.Briefing, _t: str, e: str) -> bool:
    return any(person.name == e and person.title is None for person in b.speakers)


def label(b: st.Briefing, t: str, e: str) -> bool:
    return any(cut(t, turn.label_span) == e for turn in b.turns)


def credits(b: st.Briefing, t: str, e: str) -> bool:
    return cut(t, b.credits_span) == e and len(b.credits) >= 1


class Case(NamedTuple):
    """Where an example goes in a page, and what the parsed page must then show."""

    page: Callable[[str], str]
    check: Check


CASES: dict[str, Case] = {
    # ---- rules --------------------------------------------------------------------------------
    "start": Case(str, lambda b, _t, _e: bool(b.title and b.speakers and b.turns and b.credits)),
    "_aside": Case(in_speech, aside),
    "note": Case(in_front, note()),
    "page_break": Case(in_speech, aside),
    "front": Case(lambda e: page(front=e), in_front_part),
    "_front_item": Case(in_front, in_front_part),
    "title": Case(lambda e: page(front=e), lambda b, t, e: b.title == e == cut(t, b.title_span)),
    "dateline": Case(in_front, lambda b, t, e: cut(t, b.dateline_span) == e and b.place is not None),
    "front_date": Case(in_front, note("date")),
    "category": Case(in_front, note("category")),
    "summary": Case(in_front, note("summary")),
    "header": Case(lambda e: page(header=e), in_header_part),
    "labelled_header": Case(lambda e: page(header=e), in_header_part),
    "header_section": Case(lambda e: page(header=e), in_header_part),
    "speakers_heading": Case(
        lambda e: page(header=f"{e}\n{SPEAKERS.split(chr(10))[1]}"), heading_and(speakers_are_ren_bo)
    ),
    "chair_heading": Case(
        lambda e: page(header=f"{SPEAKERS}\n{e}\n{CHAIR.split(chr(10))[1]}"), heading_and(chair_is_lu_yan)
    ),
    "date_heading": Case(
        lambda e: page(header=f"{SPEAKERS}\n{e}\nMay 9, 2024"),
        heading_and(lambda b, _t, _e: b.date == datetime.date(2024, 5, 9)),
    ),
    "_header_item": Case(lambda e: page(header=f"{SPEAKERS}\n{e}"), in_header_part),
    "unlabelled_header": Case(
        lambda e: page(header=e), lambda b, t, e: in_header_part(b, t, e) and b.chairperson is not None
    ),
    "entry": Case(lambda e: page(header=f"Speakers:\n{e}"), entry),
    "named": Case(lambda e: page(header=f"Speakers:\n{e}\n{CHAIR}"), named),
    "header_date": Case(dated, lambda b, t, e: note("header-date")(b, t, e) and b.date is not None),
    "body": Case(lambda e: page(speech=e), lambda b, t, e: in_body(b, t, e) and bool(b.turns)),
    "unlabelled_turn": Case(
        lambda e: page(front="", header="", speech=f"{e}\nRiver News:\nWhen will the new locks open?"),
        lambda b, _t, e: b.turns[0].label is None and b.turns[0].paragraphs[0].text == e,
    ),
    "turn": Case(
        lambda e: page(speech=f"{SPEECH}\n{e}"), lambda b, t, e: any(cut(t, turn.span) == e for turn in b.turns)
    ),
    "closing": Case(lambda e: page(closing=e), in_closing),
    "_closing_item": Case(after_credits, in_closing),
    "credits": Case(lambda e: page(closing=e), credits),
    "disclaimer": Case(after_credits, note("disclaimer")),
    "related": Case(after_credits, related_link),
    "linked": Case(lambda e: page(closing=e), related_link),  # no credits before it
    # ---- building blocks, seen through the terminals that use them -------------------------------
    "MONTH": Case(
        lambda e: dated(f"{e} 14, 2024"), lambda b, t, e: note("header-date", lambda e: f"{e} 14, 2024")(b, t, e)
    ),
    "CALENDAR_DATE": Case(dated, lambda b, t, e: note("header-date")(b, t, e) and b.date is not None),
    "CLOCK_TIME": Case(lambda e: in_front(f"Beijing | {e} May 9, 2024"), lambda b, _t, e: b.time == e),
    "WEEKDAY": Case(lambda e: in_front(f"{e}, May 9, 2024"), note("date", lambda e: f"{e}, May 9, 2024")),
    # ---- terminals ------------------------------------------------------------------------------
    "PAGE_BREAK": Case(in_speech, aside),
    "BREADCRUMB": Case(lambda e: page(front=f"{e}\n{TITLE}"), note("breadcrumb")),
    "PUBLICATION_STAMP": Case(in_front, note("publication-date")),
    "SITE_CHROME": Case(in_front, note("site-chrome")),
    "READ_IN_CHINESE": Case(in_front, note("read-in-chinese")),
    "PHOTO_CAPTION": Case(in_speech, lambda b, t, e: note("photo-caption")(b, t, e) and aside(b, t, e)),
    "GALLERY_CAPTION": Case(in_front, note("gallery-caption")),
    "TRANSCRIPT_MARKER": Case(lambda e: page(speech=f"{e}\n{SPEECH}"), note("transcript-marker")),
    "CATEGORY": Case(in_front, note("category")),
    "TITLE": Case(lambda e: page(front=e), lambda b, t, e: b.title == e == cut(t, b.title_span)),
    "HEADLINE": Case(lambda e: page(front=e), lambda b, t, e: b.title == e == cut(t, b.title_span)),
    "DATELINE": Case(in_front, lambda b, t, e: cut(t, b.dateline_span) == e),
    "DATE_LINE": Case(in_front, note("date")),
    "SUMMARY_LINE": Case(in_front, note("summary")),
    "SPEAKERS_HEADING": Case(
        lambda e: page(header=f"{e}\n{SPEAKERS.split(chr(10))[1]}"), heading_and(speakers_are_ren_bo)
    ),
    "CHAIR_HEADING": Case(
        lambda e: page(header=f"{SPEAKERS}\n{e}\n{CHAIR.split(chr(10))[1]}"), heading_and(chair_is_lu_yan)
    ),
    "DATE_HEADING": Case(
        lambda e: page(header=f"{SPEAKERS}\n{e}\nMay 9, 2024"),
        heading_and(lambda b, _t, _e: b.date == datetime.date(2024, 5, 9)),
    ),
    "SPEAKERS_SUMMARY": Case(
        lambda e: page(header=f"{e}\n{SPEAKERS.split(chr(10))[1]}\n{CHAIR}"), heading_and(speakers_are_ren_bo)
    ),
    "CHAIR_SUMMARY": Case(
        lambda e: page(header=f"{SPEAKERS}\n{e}\n{CHAIR.split(chr(10))[1]}"), heading_and(chair_is_lu_yan)
    ),
    "PERSON_ENTRY": Case(lambda e: page(header=f"Speakers:\n{e}"), entry),
    "PERSON_NAME": Case(lambda e: page(header=f"Speakers:\n{e}\n{CHAIR}"), named),
    "SPEAKER_LABEL": Case(lambda e: page(speech=f"{SPEECH}\n{e}\nAnd the ports?"), label),
    "SPEECH_LINE": Case(lambda e: page(speech=f"Lu Yan:\n{e}"), lambda b, _t, e: b.turns[0].paragraphs[0].text == e),
    "CREDITS": Case(lambda e: page(closing=e), credits),
    "DISCLAIMER": Case(after_credits, note("disclaimer")),
    "LINKED_TITLE": Case(lambda e: page(closing=e), lambda b, _t, e: [link.title for link in b.related] == [e]),
    "RELATED_DATE": Case(
        lambda e: after_credits(f"A talk on river ports\n{e}"), lambda b, t, e: cut(t, b.related[0].date_span) == e
    ),
    "RELATED_TITLE": Case(after_credits, lambda b, _t, e: [link.title for link in b.related] == [e]),
}


def test_grammar_reference_documents_every_rule_and_terminal() -> None:
    """The reference has exactly the grammar's rules and terminals, each terminal with its priority."""
    documented = documented_symbols()
    grammar = grammar_symbols()
    assert sorted(documented) == sorted(grammar)
    assert {name: entry.priority for name, entry in documented.items()} == grammar
    assert sorted(CASES) == sorted(grammar), "each entry needs a case in this test"


def test_grammar_reference_names_terminals_as_messages_do() -> None:
    """The *In messages* column gives the words that error messages use for each terminal."""
    for name, entry in documented_symbols().items():
        if name.isupper() and entry.priority != NO_PRIORITY:
            assert entry.messages == readable(name), name


@pytest.mark.parametrize("name", sorted(CASES))
def test_grammar_example_parses_as_documented(name: str) -> None:
    """The example of each rule and terminal, put in a page, parses cleanly and yields what the entry says."""
    example = documented_symbols()[name].example
    case = CASES[name]
    text = case.page(example)
    briefing = st.parse(text, strict=True)
    assert case.check(briefing, text, example), f"{name}: {example!r} in\n{text}"


# =============================================================================================
# The API reference
# =============================================================================================


def test_api_reference_covers_every_public_name() -> None:
    """Every name in ``scio_transcripts.__all__`` has a ``:::`` block in the reference, models through their module."""
    text = (DOCS / "reference.md").read_text(encoding="utf-8")
    blocks = set(re.findall(r"^::: (\S+)$", text, re.MULTILINE))
    missing = []
    for name in st.__all__:
        if name == "__version__":
            continue
        in_models = getattr(getattr(st, name), "__module__", None) == "scio_transcripts.models"
        named = any(block.endswith(f".{name}") for block in blocks)
        if not (named or (in_models and "scio_transcripts.models" in blocks)):
            missing.append(name)
    assert missing == []


def test_diagnostics_table_lists_every_code_with_its_meaning() -> None:
    """The API page's two tables of diagnostic codes are exactly ``diagnostic_codes()``."""
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    section = text[text.index("## Diagnostics") : text.index("## Errors")]
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", section, re.MULTILINE))
    assert rows == dict(st.diagnostic_codes())


def test_note_kinds_table_lists_every_kind_with_its_meaning() -> None:
    """The API page's table of note kinds is exactly ``note_kinds()``."""
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    section = text[text.index("`st.note_kinds()`") : text.index("- `Fragment`")]
    rows = dict(re.findall(r"^  \| `([a-z-]+)` \| (.+) \|$", section, re.MULTILINE))
    assert rows == dict(st.note_kinds())
