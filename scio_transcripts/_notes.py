"""Every kind of note, by its name: what a line that is neither speech nor a header fact was kept as.

(``engine.symbols.NOTE_KINDS`` says which terminal becomes which kind; this says what each kind is.)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

NOTE_MEANINGS: Mapping[str, str] = MappingProxyType(
    {
        "breadcrumb": "the site's path to the page (`Home > Press Room`)",
        "category": "a section word under the title (`Economy`)",
        "publication-date": "when the site published the page (`Updated: …`, `China SCIO | date`, a mirror's stamp)",
        "site-chrome": "toolbars, footers and language links of the page (`Adjust font size:`, `中文 | English`)",
        "page-chrome": "what a saved web page shows around its transcript: breadcrumb, window title",
        "read-in-chinese": "the link to the Chinese original",
        "photo-caption": "a photo's caption or credit",
        "gallery-caption": "a gallery's numbered caption (`2/5 Name`)",
        "transcript-marker": "a line announcing the transcript (`The following is the text record:`, `文字实录：`)",
        "summary": "a news summary of the briefing above its header or first label",
        "title": "a title line after the first (a repeat, or a continuation page's own)",
        "title-continuation": "a line the title was wrapped onto, joined into `Briefing.title`",
        "dateline": "a dateline after the first",
        "date": "a date line under the title",
        "heading": "a header heading (`Speakers:`, `Chairperson:`, `Date:`) or a field's heading",
        "header-date": "the header's date line",
        "disclaimer": "a note that the Chinese text prevails",
        "credits": "a second translator-credits line",
        "repeated-label": "a label written twice in a row, which opens one turn",
        "intro": "the intro sentence of a Chinese page, its header (date, time, roster)",
        "intro-translation": "the English rendering of that intro in a bilingual repost",
        "label-translation": "the English label under a Chinese label in a bilingual repost",
        "timestamp": "a live-text timestamp on a line of its own (`2010-01-20 14:51:19`)",
        "inline-time": "a live-text time before a turn (`[09:25]`)",
        "page-field": "a Chinese page's own field (`时间：`, `来源：`, `责任编辑：`)",
    }
)
"""Note kind → what it is. A dialect of your own may add kinds (see ``BriefingTransformer.make_note``)."""


def note_kinds() -> Mapping[str, str]:
    """Every note kind the shipped dialects give, with what it is."""
    return NOTE_MEANINGS
