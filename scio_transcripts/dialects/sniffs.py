"""How much a text looks like each shipped dialect: the sniffs of ``dialect="auto"``, kept apart from
the dialects themselves.

``detect_dialect`` runs every dialect's sniff on every page. The shipped ones live here, in a module
that compiles three small patterns, so that sniffing an English page does not import the Chinese and
Ministry dialects (their grammars' rules and patterns, a tenth of a cold start); a dialect's module
is imported only when its sniff wins. Each dialect's ``sniff`` method is the function here.
"""

from __future__ import annotations

import re

from ..engine.caseless import may_hold


def scio_en(text: str) -> float:
    """0.1 for any text: English SCIO pages are the default, which another dialect's sniff must beat."""
    return 0.1


HAN = re.compile(r"[\u3400-\u9fff]")
# Runs, so that counting by removal removes a run at a time rather than a character at a time.
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_WHITESPACE_RUN = re.compile(r"\s+")


def scio_zh(text: str) -> float:
    """0.8 when more than a fifth of what is not whitespace in the first 3,000 characters is Han."""
    # Counted by the regex engine, by what removing them leaves: a loop over 3,000 characters in Python
    # cost a sixth of a parse, and a list of every match a tenth of a sniff.
    sample = text[:3000]
    if not HAN.search(sample):  # an English page, told apart in one scan
        return 0.0
    letters = len(_WHITESPACE_RUN.sub("", sample))
    return 0.8 if (len(sample) - len(_HAN_RUN.sub("", sample))) / letters > 0.2 else 0.0


_MINISTRY = re.compile(
    r"Regular\s+Press\s+Conference|held\s+a\s+regular\s+press\s+conference|Spokesperson['’]s\s+Remarks"
    r"|Foreign\s+Ministry\s+Spokes(?:person|man|woman)\b",
    re.IGNORECASE,
)
_SCIO_MARKS = re.compile(
    r"\bSCIO\b|State Council Information Office|^\s*Speakers?\s*[:：]", re.IGNORECASE | re.MULTILINE
)


# Every alternative of each pattern holds one of its words, and a case-insensitive search costs more
# than all the rest of the sniffs: a top that lacks the words is not searched.
_MINISTRY_WORDS = ("regular", "remarks", "spokes")
_SCIO_WORDS = ("scio", "state council information office", "speaker")


def mfa_en(text: str) -> float:
    """0.9 when the top of the page names a Ministry presser and nothing of the SCIO's."""
    top = text[:1500]
    # The SCIO's marks first: an SCIO page that names a spokesperson shows them near its top, where
    # the search for a Ministry title would run to the end of the top in vain.
    if not may_hold(top, _MINISTRY_WORDS) or (may_hold(top, _SCIO_WORDS) and _SCIO_MARKS.search(top)):
        return 0.0
    return 0.9 if _MINISTRY.search(top) else 0.0
