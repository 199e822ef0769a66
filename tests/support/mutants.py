"""Plant small bugs, one at a time, in a scratch copy of the project, and see whether the suite notices.

``make mutants`` (outside CI: it runs the suite once per bug, a few minutes in all). Each mutant is one
textual change of one file, written down here rather than generated, so the list says what the suite
must be able to catch: the grammar's priorities, how a header entry splits, roles, the page of a turn,
the outlet rule, the dialects' own resolution, and the diagnostics.

A mutant is killed when a test that checks behaviour fails on it. Tests that only keep records in step
(the regression snapshots, the grammar reference's table of priorities, the compiled tables) fail on
almost any change and prove nothing about it, so they do not count. The table lists each mutant with
how many behaviour tests failed and the first of them; the run fails if any mutant survives.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[2]


class Mutant(NamedTuple):
    name: str
    path: str
    old: str
    new: str


MUTANTS = [
    Mutant("TRANSCRIPT_MARKER priority 8 → 2", "grammar/scio_en.lark", "TRANSCRIPT_MARKER.8:", "TRANSCRIPT_MARKER.2:"),
    Mutant("SITE_CHROME priority 8 → 2", "grammar/scio_en.lark", "SITE_CHROME.8:", "SITE_CHROME.2:"),
    Mutant(
        "a header entry splits at its last comma",
        "scio_transcripts/engine/lines.py",
        'name, separator, title = rest.partition(",")',
        'name, separator, title = rest.rpartition(",")',
    ),
    Mutant(
        "a turn's page from its first paragraph, not its label",
        "scio_transcripts/resolve/turns.py",
        "page=bisect.bisect_right(break_starts, first.start) + 1,",
        "page=bisect.bisect_right(break_starts, (paragraphs[0].span if paragraphs else first).start) + 1,",
    ),
    Mutant(
        "an ambiguous surname names the first header person",
        "scio_transcripts/resolve/turns.py",
        "return surnames[0] if len(surnames) == 1 else None",
        "return surnames[0] if surnames else None",
    ),
    Mutant(
        'a surname alone ("Wang:") no longer names its person',
        "scio_transcripts/resolve/turns.py",
        "key in (name.split()[0], name.split()[-1])",
        "key in (name.split()[-1],)",
    ),
    Mutant(
        "role words no longer name the chair",
        "scio_transcripts/resolve/turns.py",
        "    if is_chair_word(label):\n        return Role.CHAIRPERSON, chairperson, None",
        "    if False:\n        return Role.CHAIRPERSON, chairperson, None",
    ),
    Mutant(
        "Q and Reporter are no longer journalists",
        "scio_transcripts/resolve/turns.py",
        "    if is_question_word(label):\n        return Role.JOURNALIST, None, None",
        "    if False:\n        return Role.JOURNALIST, None, None",
    ),
    Mutant(
        "two-letter outlets (AP) are no longer outlets",
        "scio_transcripts/resolve/turns.py",
        '_ACRONYM = re.compile(r"^[A-Z]{2,6}$")',
        '_ACRONYM = re.compile(r"^[A-Z]{3,6}$")',
    ),
    Mutant(
        "a Ministry answer labelled A: is no longer the spokesperson's",
        "scio_transcripts/dialects/mfa_en.py",
        "if label is not None and label.casefold() in _ANSWER_LABELS:",
        "if False:",
    ),
    Mutant(
        "Chinese journalists (…记者) are no longer recognised",
        "scio_transcripts/dialects/scio_zh.py",
        '_JOURNALIST = re.compile(r"(?:记者|記者)$")',
        '_JOURNALIST = re.compile(r"(?:记者者|記者者)$")',
    ),
    Mutant(
        "a Chinese host found as the first stranger to speak no longer chairs",
        "scio_transcripts/dialects/scio_zh.py",
        "return turns[:index] + rest, host",
        "return turns, None",
    ),
    Mutant(
        "a bilingual label pair is two turns",
        "scio_transcripts/dialects/scio_zh.py",
        "if not (english and chinese_before and previous is not None and turn.label_span is not None):",
        "if True:",
    ),
    Mutant(
        "a label repeated with nothing between is two turns",
        "scio_transcripts/resolve/turns.py",
        "            and not previous.paragraphs\n",
        "            and False\n",
    ),
    Mutant(
        "unknown-speakers fires only when every label is unknown",
        "scio_transcripts/resolve/plausible.py",
        "if not labelled or 2 * len(unknown) <= len(labelled):",
        "if not labelled or len(unknown) < len(labelled):",
    ),
    Mutant(
        "no-date is never reported",
        "scio_transcripts/resolve/plausible.py",
        "    if briefing.date is not None or not _has_header(briefing):\n        return None",
        "    if True:\n        return None",
    ),
    Mutant(
        "strict mode lets a page with one diagnostic through",
        "scio_transcripts/_api.py",
        "    if strict and briefing.diagnostics:\n        raise _strict_error(text, briefing.diagnostics[0])\n"
        "    return briefing\n\n\ndef parse_html(",
        "    if strict and len(briefing.diagnostics) > 1:\n        raise _strict_error(text, briefing.diagnostics[0])\n"
        "    return briefing\n\n\ndef parse_html(",
    ),
]


def _tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, text=True)
    return [name for name in listed.stdout.split("\0") if name]


def _scratch_copy(target: Path) -> None:
    for name in _tracked_files():
        source, destination = REPO / name, target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            destination.symlink_to(source.readlink())
        elif source.is_file():
            shutil.copy2(source, destination)


def _run(command: list[str], where: Path) -> subprocess.CompletedProcess[str]:
    # The scratch copy comes first on the path, ahead of the editable install of the checkout.
    environment = {**os.environ, "PYTHONPATH": str(where), "HYPOTHESIS_PROFILE": "dev", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=where, env=environment, capture_output=True, text=True, check=False)


# Record-keeping tests: they fail on any change of output or grammar text, whether or not it matters.
_RECORD_KEEPING = ("matches_its_snapshot", "test_grammar_reference_documents_every_rule_and_terminal", "test_compiled")


def _behaviour_failures(output: str) -> list[str]:
    failed = [
        line.removeprefix("FAILED ").split(" - ")[0] for line in output.splitlines() if line.startswith("FAILED ")
    ]
    return [test for test in failed if not any(mark in test for mark in _RECORD_KEEPING)]


def _plant(root: Path, mutant: Mutant) -> None:
    path = root / mutant.path
    text = path.read_text(encoding="utf-8")
    if text.count(mutant.old) != 1:
        raise SystemExit(
            f"mutant {mutant.name!r}: its text is not found exactly once in {mutant.path}; update the list"
        )
    path.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")
    if mutant.path.endswith(".lark"):  # the shipped tables follow the grammar, as `make tables` would
        rebuilt = _run([sys.executable, "-m", "scio_transcripts.engine"], root)
        if rebuilt.returncode != 0:
            raise SystemExit(f"mutant {mutant.name!r}: the tables did not rebuild:\n{rebuilt.stderr}")


def main() -> int:
    rows: list[tuple[str, str, list[str], float]] = []
    with tempfile.TemporaryDirectory(prefix="scio-mutants-") as folder:
        pristine = Path(folder) / "pristine"
        _scratch_copy(pristine)
        probe = _run([sys.executable, "-c", "import scio_transcripts; print(scio_transcripts.__file__)"], pristine)
        if not probe.stdout.strip().startswith(str(pristine)):
            raise SystemExit(f"the scratch copy is not the package imported: {probe.stdout or probe.stderr}")
        for mutant in MUTANTS:
            root = Path(folder) / "mutant"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(pristine, root, symlinks=True)
            _plant(root, mutant)
            started = time.perf_counter()
            result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], root)
            seconds = time.perf_counter() - started
            failures = _behaviour_failures(result.stdout)
            verdict = "killed" if failures else "SURVIVED"
            rows.append((mutant.name, verdict, failures, seconds))
            print(f"{verdict:8}  {len(failures):4} tests  {seconds:5.1f} s  {mutant.name}", flush=True)
    width = max(len(name) for name, *_ in rows)
    print(f"\n| {'planted bug':{width}} | result | failing behaviour tests | first of them |")
    print(f"|{'-' * (width + 2)}|--------|-------------------------|---------------|")
    for name, verdict, failures, _seconds in rows:
        print(f"| {name:{width}} | {verdict} | {len(failures)} | {failures[0] if failures else '-'} |")
    survivors = [name for name, verdict, *_ in rows if verdict != "killed"]
    print(f"\n{len(rows) - len(survivors)} of {len(rows)} planted bugs killed")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
