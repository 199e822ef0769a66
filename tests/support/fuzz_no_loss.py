"""Coverage-guided fuzzing of the no-loss property with atheris: ``make fuzz`` (not part of CI).

Every input is decoded as UTF-8 (invalid bytes replaced) and parsed leniently; the harness stops
at the first exception or at the first character that lies in no element of the parse, or in two.

    python tests/support/fuzz_no_loss.py -max_total_time=60 [corpus folder]
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import scio_transcripts as sc

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.support.leaves import coverage_problems


def check(data: bytes) -> None:
    """The no-loss property for one input."""
    text = data.decode("utf-8", errors="replace")
    briefing = sc.parse(text)
    problems = coverage_problems(text, briefing)
    if problems:
        raise AssertionError(f"{problems[0]} in {text!r}")
    with contextlib.suppress(sc.ParseError):  # strict mode may refuse, but only this way
        sc.parse(text, strict=True)


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
