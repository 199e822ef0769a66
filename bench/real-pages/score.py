"""Score the parser on real pages saved locally, against facts written by hand.

Usage: ``python bench/real-pages/score.py [--texts DIR] [--show-misses] [--dialect auto]``

It fetches nothing. The page texts live in ``bench/real-pages/texts/`` (ignored by git: they are other
people's pages and are never committed); ``facts.jsonl`` beside this script holds, for each page id, the
five facts a correct parse reports, written by someone who read the page and FORMATS.md section 10 and
never ran the parser. A page whose text is missing is skipped and counted, so the script scores whatever
subset you have. ``manifest.tsv`` says where each page came from.

The five facts: ``title``, ``date``, ``speakers`` (names, in header order), ``chairperson`` (name) and
``labels`` (every label that opens speech, in order). Besides the score it counts crashes (any exception
from ``parse``) and pages that lose text (a visible character outside every element of the parse).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

import scio_transcripts as st  # noqa: E402
from tests.support.leaves import coverage_problems  # noqa: E402

FACTS = ("title", "date", "speakers", "chairperson", "labels")


def facts_of(briefing: st.Briefing) -> dict[str, Any]:
    """The five facts of a parse, in the shape of a line of ``facts.jsonl``."""
    return {
        "title": briefing.title,
        "date": briefing.date.isoformat() if briefing.date else None,
        "speakers": [person.name for person in briefing.speakers],
        "chairperson": briefing.chairperson.name if briefing.chairperson else None,
        "labels": [turn.label for turn in briefing.turns if turn.label is not None],
    }


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--texts", type=Path, default=HERE / "texts")
    options.add_argument("--facts", type=Path, default=HERE / "facts.jsonl")
    options.add_argument("--dialect", help="parse every page with this dialect (default: the page's own)")
    options.add_argument("--show-misses", action="store_true", help="print each wrong fact")
    args = options.parse_args(argv)

    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    crashes: list[str] = []
    lossy: list[str] = []
    missing = 0
    for line in args.facts.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        expected = json.loads(line)
        page = args.texts / f"{expected['id']}.txt"
        if not page.exists():
            missing += 1
            continue
        text = page.read_text(encoding="utf-8")
        dialect = expected["dialect"]
        try:
            briefing = st.parse(text, dialect=args.dialect or dialect)
        except Exception as error:  # a crash is what this script exists to count
            crashes.append(f"{expected['id']}: {type(error).__name__}: {error}")
            total[dialect] += len(FACTS)
            continue
        if coverage_problems(text, briefing):
            lossy.append(expected["id"])
        parsed = facts_of(briefing)
        for fact in FACTS:
            total[dialect] += 1
            if parsed[fact] == expected[fact]:
                right[dialect] += 1
            elif args.show_misses:
                print(f"{expected['id']} {fact}: expected {expected[fact]!r}, parsed {parsed[fact]!r}")

    print(f"{'dialect':<10} {'pages':>5} {'facts right':>12} {'score':>6}")
    for dialect in sorted(total):
        pages = total[dialect] // len(FACTS)
        print(
            f"{dialect:<10} {pages:>5} {right[dialect]:>5} of {total[dialect]:<5} {right[dialect] / total[dialect]:.3f}"
        )
    print(f"crashes: {len(crashes)}; pages losing text: {len(lossy)}; pages without a saved text: {missing}")
    for crash in crashes:
        print("  crash", crash)
    for page_id in lossy:
        print("  loses text", page_id)
    return 1 if crashes or lossy else 0


if __name__ == "__main__":
    raise SystemExit(main())
