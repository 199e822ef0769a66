"""The shipped dialects' sniffs: their shortcuts decide as the full patterns would."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as hs

from scio_transcripts.dialects import sniffs

# Pieces of Ministry and SCIO tops, with the characters case-insensitive matching treats specially.
_PIECES = [
    "Regular Press Conference", "held a regular press conference", "Spokesperson's Remarks",
    "Foreign Ministry Spokesperson", "FOREIGN MINISTRY SPOKESWOMAN", "ſpokesman", "Spo\u212aesperson",
    "Foreıgn Mınıstry Spokesman", "SCIO", "Speakers:", "State Council Information Office", "press",
    "conference", "\n", " ", "regular", "remarks", "Reǵular", "主持人", "Mao Ning:",
]  # fmt: skip


def _full_pattern_verdict(text: str) -> float:
    top = text[:1500]
    return 0.9 if sniffs._MINISTRY.search(top) and not sniffs._SCIO_MARKS.search(top) else 0.0


@given(hs.lists(hs.sampled_from(_PIECES) | hs.text(max_size=8), max_size=30).map("".join))
# A Ministry title beside each of the SCIO's marks, which the shortcut looks for by their words.
@example("Foreign Ministry Spokesperson Mao Ning SCIO")
@example("Regular Press Conference of the State Council Information Office")
@example("Regular Press Conference\nSpeakers:")
@example("Regular Press Conference \u017fcio")
def test_the_ministry_shortcut_decides_as_its_pattern(text: str) -> None:
    assert sniffs.mfa_en(text) == _full_pattern_verdict(text)
