"""Rewrite the regression snapshots from the current parser: ``python -m tests.support.regenerate``.

A snapshot is the parser's word about itself; it never replaces a hand-written facts file. Review every
changed snapshot by reading its diff, and check it against the fixture's facts, before committing it.
"""

from __future__ import annotations

import json
import re

import scio_transcripts as st

from ..conftest import SEED
from .fixtures import every_fixture, invalid_fixtures, read_fixture, snapshot_path
from .snapshot import SEED_DIGEST, parse_digest, snapshot


def main() -> None:
    for dialect, path in every_fixture():
        briefing = st.parse(read_fixture(path), dialect=dialect)
        text = _compact_lists(json.dumps(snapshot(briefing), indent=2, ensure_ascii=False)) + "\n"
        snapshot_path(path).write_text(text, encoding="utf-8")
    for path in invalid_fixtures():
        try:
            st.parse(read_fixture(path), strict=True)
        except st.ParseError as error:
            path.with_suffix(".error").write_text(str(error) + "\n", encoding="utf-8")
        else:
            raise SystemExit(f"{path} parses in strict mode; it is not an invalid fixture")
    # The seed is not ours to copy into the repository: its parse is pinned by digest only.
    if SEED.is_file():
        SEED_DIGEST.write_text(parse_digest(SEED.read_bytes().decode("utf-8")) + "\n", encoding="utf-8")


# A list of scalars ([start, end], a note's kind and text) reads best on one line.
_SCALAR_LIST = re.compile(r"\[\s*((?:(?:\"(?:[^\"\\\\]|\\\\.)*\"|-?\d+|null|true|false)\s*,?\s*)*)\]")


def _compact_lists(text: str) -> str:
    return _SCALAR_LIST.sub(lambda match: "[" + re.sub(r",\s+", ", ", match.group(1).strip()) + "]", text)


if __name__ == "__main__":
    main()
