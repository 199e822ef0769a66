"""The scio-transcripts command: every format, where outputs go, skipped files, exit codes, atomic writes."""

from __future__ import annotations

import collections
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from click.testing import CliRunner, Result

import scio_transcripts as st
from scio_transcripts.cli import main

from .conftest import DATA, REPO, SAMPLE
from .support.fixtures import valid_fixtures

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def run(*arguments: str | Path) -> Result:
    return CliRunner().invoke(main, [str(argument) for argument in arguments], catch_exceptions=False)


def _has_turns(path: Path) -> bool:
    try:
        return bool(st.parse_file(path).turns)
    except st.DecodeError:
        return False


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A folder holding only the bundled sample briefing (8 turns, 2 exchanges, 2 page breaks)."""
    folder = tmp_path / "samples"
    folder.mkdir()
    shutil.copy(SAMPLE, folder)
    return folder


@pytest.fixture
def batch_of_50(tmp_path: Path) -> Path:
    """50 files in nested folders: the sample, 47 fixtures, one file that is not UTF-8 and one empty file."""
    folder = tmp_path / "batch"
    (folder / "more").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "000_sample.txt")
    for number, fixture in enumerate(valid_fixtures()[:47]):
        shutil.copy(fixture, folder / ("more" if number % 2 else ".") / f"{number:02d}_{fixture.name}")
    (folder / "more" / "latin1.txt").write_bytes("CCTV:\nCaf\xe9?\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    assert len(list(folder.rglob("*.txt"))) == 50
    return folder


def test_csv_of_the_sample_folder_has_8_turn_rows(samples: Path) -> None:
    """`parse samples/ --format csv` prints the turns table: 8 rows for the sample, exit 0."""
    result = run("parse", samples, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert len(rows) == 8
    assert {row["briefing_id"] for row in rows} == {SAMPLE.stem}
    assert result.stdout_bytes.count(b"\r\n") >= 9  # CRLF records, the header included


def test_csv_into_a_directory_writes_both_tables(samples: Path, tmp_path: Path) -> None:
    """With --out DIR, turns.csv and exchanges.csv hold 8 and 2 rows."""
    result = run("parse", samples, "--format", "csv", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert len(csv_rows((tmp_path / "out" / "turns.csv").read_text("utf-8"))) == 8
    assert len(csv_rows((tmp_path / "out" / "exchanges.csv").read_text("utf-8"))) == 2


def test_table_option_picks_the_exchanges(samples: Path) -> None:
    """--table exchanges sends the exchanges table to standard output instead of the turns."""
    result = run("parse", samples, "--format", "jsonl", "--table", "exchanges")
    assert [json.loads(line)["asker"] for line in result.stdout.splitlines()] == ["China Daily", "Reuters"]


def test_tei_of_the_sample_has_8_u_and_2_pb(samples: Path, tmp_path: Path) -> None:
    """`--format tei --out DIR` writes one document per input, with 8 u and 2 pb for the sample."""
    result = run("parse", samples, "--format", "tei", "--out", tmp_path / "tei")
    assert result.exit_code == 0, result.stderr
    root = ElementTree.parse(tmp_path / "tei" / f"{SAMPLE.stem}.xml").getroot()
    assert len(root.findall(".//tei:u", TEI)) == 8
    assert len(root.findall(".//tei:pb", TEI)) == 2


def test_json_files_validate_against_the_shipped_schema(samples: Path, tmp_path: Path) -> None:
    """The JSON written per input satisfies the shipped schema and reads back to the same briefing."""
    run("parse", samples, "--out", tmp_path / "json")
    written = (tmp_path / "json" / f"{SAMPLE.stem}.json").read_text("utf-8")
    schema = json.loads((REPO / "scio_transcripts" / "schema" / "briefing.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(json.loads(written))
    assert st.from_json(written) == st.parse_file(SAMPLE)


def test_json_on_stdout_is_one_briefing_per_line_in_input_order(samples: Path) -> None:
    """Several inputs to standard output give JSON Lines, one briefing each, in the order given."""
    other = valid_fixtures()[0]
    result = run("parse", other, samples)
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert st.from_json(lines[0]) == st.parse_file(other)
    assert st.from_json(lines[1]) == st.parse_file(SAMPLE)


def test_fifty_files_with_two_bad_ones(batch_of_50: Path, tmp_path: Path) -> None:
    """48 briefings are written; the non-UTF-8 and the empty file are named on stderr; exit code 2."""
    result = run("parse", batch_of_50, "--format", "csv", "--out", tmp_path / "out", "--table", "turns")
    assert result.exit_code == 2
    rows = csv_rows((tmp_path / "out" / "turns.csv").read_text("utf-8"))
    # Pages without speech (photo pages, bare headers) are read but have no turn rows.
    with_turns = {str(path) for path in batch_of_50.rglob("*.txt") if path.stat().st_size and _has_turns(path)}
    assert {row["source"] for row in rows} == with_turns
    assert f"{batch_of_50 / 'more' / 'latin1.txt'}:2:4: skipped: not UTF-8" in result.stderr
    assert f"{batch_of_50 / 'empty.txt'}: skipped: the file is empty" in result.stderr
    assert "48 of 50 files read" in result.stderr


def test_fifty_files_as_json_mirror_the_folders(batch_of_50: Path, tmp_path: Path) -> None:
    """One JSON per good input, under the same relative path; none for the two bad files."""
    result = run("parse", batch_of_50, "--out", tmp_path / "json", "--jobs", "2")
    assert result.exit_code == 2
    written = sorted(path.relative_to(tmp_path / "json") for path in (tmp_path / "json").rglob("*.json"))
    expected = sorted(
        path.relative_to(batch_of_50).with_suffix(".json")
        for path in batch_of_50.rglob("*.txt")
        if path.name not in ("latin1.txt", "empty.txt")
    )
    assert written == expected
    assert len(written) == 48


def test_jobs_keep_the_input_order(batch_of_50: Path) -> None:
    """--jobs 2 writes the same table, row for row, as --jobs 1."""
    one = run("parse", batch_of_50, "--format", "csv", "--jobs", "1", "--quiet")
    two = run("parse", batch_of_50, "--format", "csv", "--jobs", "2", "--quiet")
    assert one.stdout_bytes == two.stdout_bytes
    assert len(csv_rows(one.stdout)) > 48


def test_strict_skips_files_with_problems(tmp_path: Path) -> None:
    """--strict reports a rejected file as path:line:col and skips it; exit code 2."""
    invalid = DATA / "invalid" / "speakers_heading_without_entries.txt"
    result = run("parse", invalid, SAMPLE, "--strict", "--format", "csv")
    assert result.exit_code == 2
    assert f"{invalid}:2:1: skipped: Expected a “Name, title” entry under “Speakers:”" in result.stderr
    assert len(csv_rows(result.stdout)) == 8


def test_a_missing_path_is_an_error_and_nothing_is_written(samples: Path, tmp_path: Path) -> None:
    """A path that does not exist stops the run before anything is written, and says which."""
    out = tmp_path / "tables"
    result = run("parse", samples / "nope.txt", samples, "--format", "csv", "--out", out)
    assert result.exit_code == 2
    assert f"no such file or folder: {samples / 'nope.txt'}" in result.stderr
    assert not out.exists()


def test_standard_input_is_read_with_a_dash(samples: Path) -> None:
    text = next(samples.glob("*.txt")).read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "-", "--format", "csv", "--quiet"], input=text)
    assert result.exit_code == 0, result.output
    assert len(csv_rows(result.stdout)) == len(st.parse(text).turns)


def test_encoding_reads_files_that_are_not_utf8(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("Guo Weimin:\nGood morning, everyone. Welcome.\n".encode("utf-16"))
    plain = run("parse", page, "--format", "csv", "--quiet")
    assert plain.exit_code == 0  # UTF-16 is recognised
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Guo Weimin:\nCaf\xe9 talk.\n".encode("latin-1"))
    assert run("parse", latin, "--format", "csv", "--quiet").exit_code == 2
    given = run("parse", latin, "--format", "csv", "--quiet", "--encoding", "latin-1")
    assert given.exit_code == 0
    assert "Café talk." in given.stdout


def test_a_folder_says_how_many_files_it_did_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.TXT").write_text("Guo Weimin:\nGood morning.\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = run("parse", tmp_path, "--format", "csv")
    assert result.exit_code == 0
    assert len(csv_rows(result.stdout)) == 1  # a.TXT, whatever the case of its extension
    assert "1 file(s) not read (not .txt, .htm or .html)" in result.stderr


def test_globs_are_expanded(samples: Path) -> None:
    """A quoted glob is expanded by the command itself; a glob matching nothing is a usage error."""
    assert len(csv_rows(run("parse", f"{samples}/*.txt", "--format", "csv").stdout)) == 8
    nothing = run("parse", f"{samples}/*.html")
    assert nothing.exit_code == 2
    assert "no file matches" in nothing.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "convokit"], "--format convokit writes several files: give --out DIR"),
        (["--format", "parquet"], "--format parquet writes several files: give --out DIR"),
        (["--format", "tei", str(DATA / "invalid")], "--format tei writes one document per input"),
        (["--format", "json", "--table", "turns"], "--table applies to csv, jsonl and parquet"),
    ],
    ids=["convokit-stdout", "parquet-stdout", "tei-several-stdout", "table-with-json"],
)
def test_usage_errors(samples: Path, arguments: list[str], message: str) -> None:
    """Outputs that cannot go where asked are refused before any parsing, with exit code 2."""
    result = run("parse", samples, *arguments)
    assert result.exit_code == 2
    assert message in result.stderr


def test_convokit_directory(samples: Path, tmp_path: Path) -> None:
    """--format convokit --out DIR writes the five corpus files there."""
    result = run("parse", samples, "--format", "convokit", "--out", tmp_path / "corpus")
    assert result.exit_code == 0, result.stderr
    names = sorted(path.name for path in (tmp_path / "corpus").iterdir())
    assert names == ["conversations.json", "corpus.json", "index.json", "speakers.json", "utterances.jsonl"]
    assert len((tmp_path / "corpus" / "utterances.jsonl").read_text("utf-8").splitlines()) == 8


def test_parquet_directory(samples: Path, tmp_path: Path) -> None:
    """--format parquet --out DIR writes turns.parquet and exchanges.parquet."""
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    result = run("parse", samples, "--format", "parquet", "--out", tmp_path / "pq")
    assert result.exit_code == 0, result.stderr
    assert len(pandas.read_parquet(tmp_path / "pq" / "turns.parquet")) == 8
    assert len(pandas.read_parquet(tmp_path / "pq" / "exchanges.parquet")) == 2


def test_a_failure_midway_leaves_old_outputs_whole(
    samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing breaks off, the earlier turns.csv is untouched and no temporary file is left."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "turns.csv").write_bytes(b"old\r\n")

    def broken(*_: object, **__: object) -> list[st.TurnRow]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(st, "turn_rows", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        run("parse", samples, "--format", "csv", "--out", out)
    assert (out / "turns.csv").read_bytes() == b"old\r\n"
    assert sorted(path.name for path in out.iterdir()) == ["turns.csv"]


@pytest.mark.skipif(sys.platform != "linux", reason="workers see the monkeypatch only when forked")
def test_a_failure_in_a_worker_is_raised_not_skipped(
    samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Converting a briefing in a worker and failing is a bug that stops the run, as it does with --jobs 1."""
    out = tmp_path / "out"

    def broken(*_: object, **__: object) -> list[st.TurnRow]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(st, "turn_rows", broken)
    with pytest.raises(RuntimeError, match="disk full") as raised:
        run("parse", samples, SAMPLE, "--format", "jsonl", "--out", out, "--jobs", "2")
    assert "in broken" in "".join(raised.value.__notes__)  # the worker's traceback
    assert list(out.iterdir()) == []


def test_check_prints_file_line_col_and_exits_1() -> None:
    """check lists each diagnostic as file:line:col: message [code] and exits 1 when there is any."""
    invalid = DATA / "invalid" / "date_heading_value_not_a_date.txt"
    result = run("check", invalid)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{invalid}:6:1: Expected a date under “Date:” [empty-section]",
        f"{invalid}:7:1: Expected a speaker label before the speech [unlabelled-speech]",
    ]


def test_check_ignores_the_codes_it_is_told_to() -> None:
    """--ignore drops one kind of diagnostic; a page with nothing else is then clean."""
    invalid = DATA / "invalid" / "date_heading_value_not_a_date.txt"
    result = run("check", invalid, "--ignore", "unlabelled-speech")
    assert result.stdout.splitlines() == [f"{invalid}:6:1: Expected a date under “Date:” [empty-section]"]
    assert run("check", invalid, "--ignore", "unlabelled-speech", "--ignore", "empty-section").exit_code == 0


def test_an_unknown_code_to_ignore_is_a_usage_error() -> None:
    """A misspelt code is refused with the list of codes, not silently ignoring nothing."""
    result = run("check", DATA / "invalid" / "date_heading_value_not_a_date.txt", "--ignore", "no-dates")
    assert result.exit_code == 2
    assert "no-date" in result.output


def test_check_of_a_clean_page_is_silent_and_exits_0(samples: Path) -> None:
    """The sample has nothing strict parsing would reject: no output, exit 0."""
    result = run("check", samples, "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_check_says_when_a_file_could_not_be_read(batch_of_50: Path) -> None:
    """Unreadable files make check exit 2, even when others have problems, and are named on stderr."""
    result = run("check", batch_of_50)
    assert result.exit_code == 2
    assert "empty.txt: skipped: the file is empty" in result.stderr


def test_show_summarizes_one_briefing() -> None:
    """show prints the header facts, the counts and one line per turn."""
    result = run("show", SAMPLE)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"File:        {SAMPLE}"
    assert "Chairperson: Mr. Shen Yiran, deputy director general" in result.stdout
    assert "3 pages, 8 turns, 2 exchanges" in result.stdout  # two page breaks make three pages
    assert sum(1 for line in lines if line[:3].strip().isdigit()) == 8


def test_show_of_a_bad_file_exits_2(tmp_path: Path) -> None:
    """show names a file that is not UTF-8 (nor Chinese, nor UTF-16) and exits 2."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Good \xff morning.\n")
    result = run("show", bad)
    assert result.exit_code == 2
    assert f"{bad}:1:6: skipped: not UTF-8" in result.stderr


def test_no_progress_bar_without_a_terminal(batch_of_50: Path, tmp_path: Path) -> None:
    """Off a terminal stderr holds only the skipped files and the summary, no bar; --quiet drops the summary."""
    result = run("parse", batch_of_50, "--out", tmp_path / "a")
    assert "\r" not in result.stderr
    assert result.stderr.splitlines()[-2:] == [
        "48 of 50 files read, written to " + str(tmp_path / "a"),
        "2 file(s) skipped",
    ]
    quiet = run("parse", batch_of_50, "--out", tmp_path / "b", "--quiet")
    assert len(quiet.stderr.splitlines()) == 2  # the two skipped files, nothing else


def test_module_runs_as_a_real_process(samples: Path) -> None:
    """`python -m scio_transcripts parse DIR --format csv` works from a shell: 8 rows, exit 0."""
    result = subprocess.run(
        [sys.executable, "-m", "scio_transcripts", "parse", str(samples), "--format", "csv"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(csv_rows(result.stdout.decode("utf-8"))) == 8


def test_entry_point_reports_skips_as_a_real_process(batch_of_50: Path, tmp_path: Path) -> None:
    """The installed scio-transcripts script exits 2 and names both bad files when run by a shell."""
    script = Path(sys.executable).with_name("scio-transcripts")
    result = subprocess.run(
        [str(script), "parse", str(batch_of_50), "--out", str(tmp_path / "out"), "--jobs", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "latin1.txt:2:4: skipped: not UTF-8" in result.stderr
    assert "empty.txt: skipped: the file is empty" in result.stderr
    assert len(list((tmp_path / "out").rglob("*.json"))) == 48


def test_dialect_is_sniffed_per_file_by_default(tmp_path: Path) -> None:
    """Chinese and Foreign Ministry pages in one folder each parse in their own dialect."""
    chinese = DATA / "dialects" / "scio-zh" / "host" / "press_bureau_title_then_bare_name.txt"
    ministry = DATA / "dialects" / "mfa-en" / "older" / "q_colon_no_space.txt"
    for source in (chinese, ministry):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    result = CliRunner().invoke(main, ["parse", str(tmp_path), "--format", "csv", "--quiet"])
    assert result.exit_code == 0, result.output
    roles = {row["role"] for row in csv.DictReader(io.StringIO(result.output))}
    assert {"chairperson", "speaker", "journalist"} <= roles
    forced = CliRunner().invoke(main, ["parse", str(tmp_path), "--format", "csv", "--quiet", "--dialect", "scio-en"])
    assert forced.exit_code == 0
    assert forced.output != result.output


def test_parse_many_passes_the_dialect(tmp_path: Path) -> None:
    """parse_many parses every file in the dialect it is given."""
    source = DATA / "dialects" / "mfa-en" / "title" / "straight_apostrophe.txt"
    (tmp_path / "a.txt").write_bytes(source.read_bytes())
    ((_, briefing),) = list(st.parse_many([tmp_path / "a.txt"], dialect="mfa-en"))
    assert isinstance(briefing, st.Briefing)
    assert briefing.chairperson is not None
    assert briefing.chairperson.name == "Lin Haotian"


def test_join_pages_joins_a_briefing_split_over_files(tmp_path: Path) -> None:
    """``content_1.txt``, ``content_1_2.txt``, ``content_1_3.txt`` are one briefing; ``content_9.txt`` is another."""
    text = SAMPLE.read_text(encoding="utf-8")
    first, second, third = text.split("_ueditor_page_break_tag_")
    for name, piece in (("content_1.txt", first), ("content_1_2.txt", second), ("content_1_3.txt", third)):
        (tmp_path / name).write_text(piece, encoding="utf-8")
    (tmp_path / "content_9.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(tmp_path), "--join-pages", "--format", "csv", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_briefing = collections.Counter(row["briefing_id"] for row in rows)
    whole = st.parse(text)
    assert by_briefing == {"content_1": len(whole.turns), "content_9": len(whole.turns)}


def test_join_pages_names_a_missing_page(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    first, _second, third = text.split("_ueditor_page_break_tag_")
    (tmp_path / "content_1.txt").write_text(first, encoding="utf-8")
    (tmp_path / "content_1_3.txt").write_text(third, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "content_1.txt")])
    assert result.exit_code == 0
    joined = CliRunner().invoke(main, ["parse", str(tmp_path), "--join-pages", "--quiet"])
    document = json.loads(joined.stdout.splitlines()[0])
    assert [d["code"] for d in document["diagnostics"]] == ["missing-page"]
    assert "content_1_2.txt" in document["diagnostics"][0]["message"]


def test_excel_csv_starts_with_a_byte_order_mark(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert run("parse", samples, "--format", "csv", "--excel", "--out", out, "--quiet").exit_code == 0
    assert (out / "turns.csv").read_bytes().startswith(b"\xef\xbb\xbfbriefing_id,")
    assert run("parse", samples, "--format", "jsonl", "--excel").exit_code == 2


def test_format_names_say_what_they_hold(samples: Path) -> None:
    turns = run("parse", samples, "--format", "turns-csv", "--quiet")
    exchanges = run("parse", samples, "--format", "exchanges-csv", "--quiet")
    assert turns.stdout.startswith("briefing_id,source,dialect,date,turn_index")
    assert exchanges.stdout.startswith("briefing_id,source,dialect,date,exchange_index")
    briefings = run("parse", samples, "--format", "briefings-jsonl", "--quiet").stdout.splitlines()
    assert all(json.loads(line)["schema_version"] for line in briefings)
    assert run("parse", samples, "--format", "turns-csv", "--table", "exchanges").exit_code == 2


def test_show_fits_chinese_text_by_display_width() -> None:
    """Chinese text is cut by terminal columns (two per character), never dropped, and counted in characters."""
    text = (DATA / "dialects" / "scio-zh" / "labels" / "title_space_name.txt").read_text(encoding="utf-8")
    from wcwidth import wcswidth

    from scio_transcripts.cli import summary

    shown = summary(st.parse(text, dialect="scio-zh"), Path("zh.txt"), width=80)
    rows = [line for line in shown.splitlines() if line[:3].strip().isdigit()]
    assert rows
    assert all(wcswidth(row) <= 80 for row in rows)
    assert all(" ch  " in row for row in rows)
    assert all(row.rstrip().endswith(("…", "。", "？", "！")) for row in rows)
