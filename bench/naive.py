"""The 40-line regex splitter a researcher would write instead of using the library.

Label lines by one regex, the header by keywords, no validation: fast and wrong in the ways the
format catalogue describes. It is the baseline the benchmark compares ``scio_transcripts.parse`` to.
"""

from __future__ import annotations

import re
from typing import Any

_LABEL = re.compile(r"^(?:_ueditor_page_break_tag_)?\s*([^:\n]{1,60}):\s*(.*)$")
_HEADINGS = {"Speakers:": "speakers", "Speaker:": "speakers", "Chairperson:": "chair", "Date:": "date"}


def naive_split(text: str) -> dict[str, Any]:
    """Split a briefing into header lists and (label, paragraphs) turns with one regex."""
    header: dict[str, list[str]] = {"speakers": [], "chair": [], "date": []}
    turns: list[tuple[str | None, list[str]]] = []
    section: str | None = None
    page_breaks = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        page_breaks += line.count("_ueditor_page_break_tag_")
        if line in _HEADINGS:
            section = _HEADINGS[line]
            continue
        match = _LABEL.match(line)
        if match and not turns and section in ("speakers", "chair") and "," in line:
            header[section].append(line)
            continue
        if match:
            section = None
            turns.append((match.group(1).strip(), [match.group(2)] if match.group(2) else []))
        elif section is not None:
            header[section].append(line)
        elif turns:
            turns[-1][1].append(line)
        else:
            turns.append((None, [line]))
    return {"header": header, "turns": turns, "page_breaks": page_breaks}
