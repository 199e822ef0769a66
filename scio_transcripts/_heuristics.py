"""Judgement calls the grammar cannot make on its own, each with the transcript convention behind it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# ---------------------------------------------------------------------------------------------
# Is this short "Something:" a speaker label?
# ---------------------------------------------------------------------------------------------

# Lower-case words that may sit inside a name or an outlet ("Associated Press of Pakistan",
# "Science and Technology Daily"). Any other lower-case word means the line is a sentence,
# which is how colon traps such as "Present at the conference are:" give themselves away.
_NAME_PARTICLES = frozenset({"of", "and", "the", "for", "on", "in", "de", "da", "van", "von", "al", "bin", "&"})

# Capitalised words that end in a colon in real transcripts but never name a speaker: enumerations
# ("First: …"), chrome ("Share:") and note headings ("Note:").
_NOT_LABELS = frozenset(
    {
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "firstly",
        "secondly",
        "thirdly",
        "finally",
        "lastly",
        "next",
        "moreover",
        "meanwhile",
        "note",
        "notes",
        "share",
        "print",
        "tags",
        "source",
        "editor",
        "keywords",
        "related",
        "adjust font size",
        "font size",
        "you are here",
        "photo",
        "video",
        "updated",
        "date",
        "time",
        "venue",
        "location",
        "topic",
        "theme",
        "subject",
        "example",
        "for example",
    }
)

# Labels are short: a name, an outlet or a role word. SCIO outlets run to five or six words
# ("Hong Kong Bauhinia Magazine", "China Media Group's China Global Television Network").
_MAX_LABEL_WORDS = 10
_MAX_LABEL_CHARS = 80


def is_speaker_label(label: str) -> bool:
    """True when ``label`` (the text before a colon) names a speaker rather than opening a sentence."""
    words = label.split()
    if not words or len(words) > _MAX_LABEL_WORDS or len(label) > _MAX_LABEL_CHARS:
        return False
    if label.casefold() in _NOT_LABELS or any(mark in label for mark in ',;?!"“”'):
        return False
    # A time of day ("11:30 a.m.") or a numbered point ("1:") has no letter in its first word;
    # "21st Century Business Herald" has.
    if not any(char.isalpha() for char in words[0]):
        return False
    # Names and outlets are letters, digits and a few marks; braces, control characters and the like
    # come from markup debris or binary junk, never from a speaker.
    if not all(char.isalnum() or char in _LABEL_MARKS for char in label):
        return False
    return all(_is_name_word(word) for word in words)


_LABEL_MARKS = frozenset(" \t\u00a0\u3000.-–'’&()[]/·・《》（）【】▲")


def _is_name_word(word: str) -> bool:
    # "Thecover.cn" and "people.cn" are outlets whatever their case, "iFeng" has its capital
    # inside, "(CGTN)" its brackets; CJK has no case at all.
    word = word.strip("()[]")
    if not word or "." in word.strip(".") or word in _NAME_PARTICLES:
        return True
    return not word[0].islower() or any(char.isupper() for char in word)


# ---------------------------------------------------------------------------------------------
# Is this a header entry "Name, title"?
# ---------------------------------------------------------------------------------------------

_BULLET = re.compile(r"(?:[•·\-–*]\s*)?(?:and\s+)?")
_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Madam|Dr|Prof)\.?(?=\s)")
_RANK = re.compile(
    r"(?:(?:Senior|Major|Lieutenant|Rear|Vice)\s+)?(?:General|Colonel|Captain|Admiral|Commander)(?=\s)"
    r"|Major(?=\s+[A-Z])"
)


def split_person_entry(entry: str) -> tuple[str | None, str, str | None]:
    """Split ``Ms. Cao Shumin, vice minister of …;`` into honorific, name and title.

    The title may itself hold commas, so the entry splits on the first one; ``Name from the …
    Bureau`` has no comma and splits before ``from``. Trailing ``;`` and ``.`` close the entry in
    the source and are not part of the title.
    """
    rest = entry.strip()
    rest = rest[_BULLET.match(rest).end() :]  # type: ignore[union-attr]  # it matches the empty string
    honorific_parts: list[str] = []
    for pattern in (_HONORIFIC, _RANK):
        match = pattern.match(rest)
        if match:
            honorific_parts.append(match.group())
            rest = rest[match.end() :].lstrip()
    honorific = " ".join(honorific_parts) or None
    name, separator, title = rest.partition(",")
    if not separator:
        name, separator, title = rest.partition(" from ")
        title = f"from {title}" if separator else ""
    name = name.strip().rstrip(";.").strip()
    title = title.strip().rstrip(";.\u00a0 ").strip()
    return honorific, name, title or None


def is_person_entry(entry: str) -> bool:
    """True when a header line reads as one person rather than a sentence of speech."""
    if entry.endswith(("?", ":", "：")) or len(entry) > 400:
        return False
    _honorific, name, _title = split_person_entry(entry)
    words = name.split()
    return 1 <= len(words) <= 5 and all(word[0].isupper() for word in words)


# ---------------------------------------------------------------------------------------------
# Who is a journalist, who chairs?
# ---------------------------------------------------------------------------------------------

# Words that make a label an outlet rather than a person: the medium, the agency, or a web domain.
_OUTLET_WORDS = frozenset(
    """daily news times post press herald journal gazette tribune review weekly magazine radio tv
    television broadcasting broadcast network media agency channel newspaper online net reporter
    correspondent xinhua xinhuanet cctv cgtn cri cnr bloomberg reuters afp nhk kyodo yonhap caixin nikkei
    phoenix sputnik tass bernama lianhe zaobao asahi yomiuri mainichi globe observer economist dispatch
    insider outlook voice wire pao po xinmin paper sina sohu tencent netease jiemian yicai guancha
    hongxing cover shimbun ilbo evening agence presse prensa novosti satellite jazeera arabiya dpa efe
    ansa antara jiji straits kommersant bauhinia ifeng""".split()  # noqa: SIM905 - a word list reads best as text
)
# A web domain ("Thecover.cn", "People.cn") or a leading article ("The Paper") marks an outlet too.
_OUTLET_SHAPE = re.compile(r"\.(?:cn|com|net|org)\b|^The\s", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
# Acronyms of broadcasters and agencies: "CCTV", "CNBC", "AP", "KBS".
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")

# Role words that SCIO pages and their neighbours use for the moderator.
_CHAIR_WORDS = frozenset({"moderator", "host", "chairperson", "chair", "chairman", "chairwoman", "presenter"})


def is_outlet(label: str) -> bool:
    """True when a label reads as a news outlet: a journalist is asking."""
    words = {word.casefold() for word in _WORD.findall(label)}
    return bool(words & _OUTLET_WORDS or _OUTLET_SHAPE.search(label) or _ACRONYM.match(label))


# Labels that say a question is asked without naming the outlet: older pages and their mirrors.
_QUESTION_WORDS = frozenset({"q", "question", "reporter", "journalist", "correspondent", "follow-up", "follow up"})


def is_question_word(label: str) -> bool:
    """True when a label stands for a journalist asking ("Q:", "Reporter:") without an outlet."""
    return label.casefold() in _QUESTION_WORDS


def is_chair_word(label: str) -> bool:
    """True when a label names the moderator's role instead of a person ("Moderator:", "HOST:")."""
    return label.casefold() in _CHAIR_WORDS


def unlabelled_chair_index(entry_count: int) -> int | None:
    """Which entry of an unlabelled header is the chairperson.

    Such headers list the speakers, leave a gap, then give the chair's line just before the date
    line; so the chair is the last entry. A single entry is a speaker: a page with one person and
    no headings names who speaks, not who chairs.
    """
    return entry_count - 1 if entry_count >= 2 else None


# ---------------------------------------------------------------------------------------------
# Front matter, endings and credits
# ---------------------------------------------------------------------------------------------

# A header heading alone on its line. Prose above the first one is a news summary, not speech.
# Lines end in "\n", "\r\n" or "\r"; a MULTILINE "$" only knows the first.
_HEADER_HEADING = re.compile(
    r"(?:^|(?<=[\r\n]))[ \t\u00a0\u3000\ufeff]*(?:Speakers?|Chair(?:person|man|woman)?)[ \t\u00a0\u3000]*[:：]?"
    r"[ \t\u00a0\u3000]*(?=\r|\n|\Z)",
    re.IGNORECASE,
)
# Summaries sit right above the header; deeper than this, a heading-like line is something else.
_SUMMARY_WINDOW = 4000


def summary_end(text: str) -> int:
    """The offset before which prose lines are summaries: the first header heading, if any."""
    match = _HEADER_HEADING.search(text, 0, _SUMMARY_WINDOW)
    return match.start() if match else 0


def looks_like_cut_label(text: str, known_labels: Sequence[str]) -> bool:
    """True when the last line of a page is a speaker label cut before its colon (``Zh``).

    Speech ends in punctuation; a bare capitalised stub that begins a name or outlet seen
    earlier on the page is what is left of a label when the copy stops mid-word.
    """
    if len(text) > 40 or text[-1] in '.?!"”’)' or not text[0].isupper():
        return False
    folded = text.casefold()
    return any(label.casefold().startswith(folded) for label in known_labels)


_CREDITS_LEAD = re.compile(
    r"^(?:Translated|Edited|Compiled|Interpreted|Proofread)(?:\s+and\s+\w+)?\s+by\s+", re.IGNORECASE
)
_CREDITS_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\.\s*(?:Edited|Proofread|Translated|Compiled)\s+by\s+)", re.IGNORECASE
)


def credit_names(credits: str) -> tuple[str, ...]:
    """The names in ``Translated and edited by A, B, …, and Z.``, one each."""
    body = _CREDITS_LEAD.sub("", credits.strip()).rstrip(". ")
    return tuple(name.strip() for name in _CREDITS_SEPARATOR.split(body) if name.strip())


# ---------------------------------------------------------------------------------------------
# Vetoes: a terminal's pattern matched, but does the line really read that way?
# ---------------------------------------------------------------------------------------------


def _label_text(label: str) -> str:
    return label.rstrip(":：").strip()


def _is_related_title(line: str) -> bool:
    # Link titles are headlines: not a paragraph's length, and closed by neither a full stop
    # nor the colon of a label or heading.
    return len(line) <= 300 and not line.endswith((".", "。", "?", "!", ":", "：")) and not line[0].islower()


TERMINAL_CHECKS: dict[str, Callable[[str], bool]] = {
    "SPEAKER_LABEL": lambda matched: is_speaker_label(_label_text(matched)),
    "PERSON_ENTRY": is_person_entry,
    "PERSON_NAME": is_person_entry,
    "RELATED_TITLE": _is_related_title,
}
"""Terminal name → a check on the matched text; a terminal whose check fails does not match."""
