"""What a line reads as, where the grammar cannot tell: the lexer's vetoes, each with the convention behind it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .caseless import may_hold

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
        "requestid",
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
    # "At 3:40 pm tomorrow", "At 10:00 AM February 2": a preposition and the hour of a clock time.
    if len(words) == 2 and words[0].casefold() in _TIME_PREPOSITIONS and words[1].isdigit():
        return False
    # Names and outlets are letters, digits and a few marks; braces, control characters and the like
    # come from markup debris or binary junk, never from a speaker.
    if not all(char.isalnum() or char in _LABEL_MARKS for char in label):
        return False
    return all(_is_name_word(word) for word in words)


_TIME_PREPOSITIONS = frozenset({"at", "by", "from", "until", "till", "before", "after", "around", "about"})
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
# The one pattern of what may stand before a name: a courtesy title, then a military rank, each
# optional ("Mr. Li", "Senior Colonel Wu Qian", "Ms. Major General Li"). Labels and header entries
# both go through ``split_honorific``.
_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Madam|Dr|Prof)\.?(?=\s)")
_RANK = re.compile(
    r"(?:(?:Senior|Major|Lieutenant|Rear|Vice|Sr\.|Maj\.|Lt\.)\s*)?"
    r"(?:General|Colonel|Captain|Admiral|Commander|Gen\.|Col\.|Capt\.|Adm\.|Cmdr\.)(?=\s)"
    r"|Major(?=\s+[A-Z])"
)


def split_honorific(text: str) -> tuple[str | None, str]:
    """``Senior Colonel Wu Qian`` → (``Senior Colonel``, ``Wu Qian``); (None, text) when there is none."""
    rest = text
    found: list[str] = []
    for pattern in (_HONORIFIC, _RANK):
        match = pattern.match(rest)
        if match:
            found.append(match.group())
            rest = rest[match.end() :].lstrip()
    return " ".join(found) or None, rest


def split_person_entry(entry: str) -> tuple[str | None, str, str | None]:
    """Split ``Ms. Cao Shumin, vice minister of …;`` into honorific, name and title.

    The title may itself hold commas, so the entry splits on the first one; ``Name from the …
    Bureau`` has no comma and splits before ``from``. Trailing ``;`` and ``.`` close the entry in
    the source and are not part of the title.
    """
    rest = entry.strip()
    rest = rest[_BULLET.match(rest).end() :]  # type: ignore[union-attr]  # it matches the empty string
    honorific, rest = split_honorific(rest)
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
    if name.casefold() in _NOT_LABELS or name.casefold() in _STEPS:
        return False  # "Fourthly, we will …": a step of an argument, not a person
    return 1 <= len(words) <= 5 and all(word[0].isupper() for word in words)


# Capitalised words that open a "Word, …" line of speech and are never a person's name.
_STEPS = frozenset(
    {
        "fourthly", "fifthly", "sixthly", "seventhly", "besides", "furthermore", "however", "therefore",
        "in addition", "in short", "in general", "at present", "currently", "today", "now", "so", "also",
    }
)  # fmt: skip
# Entries that name a group ("Officials from the State Council Leading Group Office …"): header
# lines, kept as entries, but nobody to be a speaker.
GROUPS = frozenset({"officials", "representatives", "leaders", "experts", "guests", "delegates", "members", "heads"})


# ---------------------------------------------------------------------------------------------
# Front matter, endings and credits
# ---------------------------------------------------------------------------------------------

# A header heading alone on its line. Prose above the first one is a news summary, not speech.
# Lines end in "\n", "\r\n" or "\r"; a MULTILINE "$" only knows the first.
_HEADING_LINE = (
    r"[ \t\u00a0\u3000\ufeff]*(?:Speakers?|Chair(?:person|man|woman)?)[ \t\u00a0\u3000]*[:：]?"
    r"[ \t\u00a0\u3000]*(?=\r|\n|\Z)"
)
_HEADING_AT_START = re.compile(_HEADING_LINE, re.IGNORECASE)
# The same after a line break, in a group. Searching from the break rather than from a lookbehind lets
# the regex engine skip to the next break: a lookbehind made it try the pattern at every position.
_HEADING_AFTER_BREAK = re.compile(rf"[\r\n]({_HEADING_LINE})", re.IGNORECASE)
# Summaries sit right above the header; deeper than this, a heading-like line is something else.
_SUMMARY_WINDOW = 4000


def summary_end(
    text: str, title: Callable[[str], bool] | None = None, speech: Callable[[str], bool] | None = None
) -> int:
    """The offset before which prose lines are summaries: where the header starts, if one does.

    The header starts at its first heading; a header without headings starts at its first block of
    ``Name, title`` lines, found by that shape alone. Prose above either is the news summary. Above the
    title (a line that ``title`` accepts, before anyone speaks) nothing is speech either: a site's
    menus and masthead ("Ministry of Foreign Affairs", "Home   Embassy Info   …") stand there. A page
    with no header may still open with a news summary above the first label; it ends after the last
    line that reads like one.
    """
    # The three scans below read the same top lines; each line is judged once.
    speech = functools.cache(speech or opens_speech)
    title_line = _title_line(text, title, speech) if title is not None else None
    below_title = title_line.end() if title_line else 0
    header = _first_header_heading(text)
    if header is None:
        header = _entry_block_start(text, below_title, speech)
    if not header:
        header = _summary_lines_end(text, below_title, speech)
    return max(header, title_line.start() if title_line else 0)


def _first_header_heading(text: str) -> int | None:
    """Where the first header heading within the summary window starts; None if there is none."""
    if _HEADING_AT_START.match(text, 0, _SUMMARY_WINDOW):
        return 0
    match = _HEADING_AFTER_BREAK.search(text, 0, _SUMMARY_WINDOW)
    return match.start(1) if match else None


# A news summary speaks of the briefing in the third person: who held it, what was said at it.
_SUMMARY = re.compile(
    r"\b(?:held|hosted|convened|holds|hosts|said|says|announced|introduced|told)\b[^.?!]{0,160}"
    r"\b(?:press conference|news conference|press briefing|briefing|presser)s?\b"
    r"|\b(?:at|during)\s+an?\s+(?:press conference|news conference|press briefing|briefing)\b"
    r"|(?:举行|召开)[^。]{0,40}(?:发布会|吹风会)|主持[^。]{0,10}(?:记者会|發布會|发布会)",
    re.IGNORECASE,
)
# A date glued to the end of a summary sentence after a run of spaces or NBSP: the publication stamp.
_GLUED_DATE = re.compile(r"[.。]\s*[ \u00a0]{2,}\S.{0,30}\d{4}\s*$|[ \u00a0]{2,}\d{4}-\d{1,2}-\d{1,2}(?: [\d:]+)?\s*$")


# What follows a stamp's colon ("China.org.cnUpdated: May 4, 2021"), never a speaker's speech.
_DATE_START = re.compile(r"\s*(?:\d{1,4}[-/:.]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d)")


def opens_speech(line: str) -> bool:
    """Whether a line starts with a speaker's label: a name or outlet, a colon, and not a date after it."""
    head, colon, rest = line.partition(":")
    return bool(colon) and is_speaker_label(head.strip()) and not _DATE_START.match(rest)


# What every alternative of _SUMMARY names, and what every glued date needs: two spaces in a row, or
# an NBSP. Most lines hold neither, and the two searches cost more than the rest of the scan.
_SUMMARY_WORDS = ("conference", "briefing", "presser", "发布会", "吹风会", "记者会", "發布會")
_GLUED_DATE_MARKS = ("  ", "\u00a0")


def reads_like_summary(line: str) -> bool:
    """Whether a line speaks of the briefing in the third person, or ends in a glued publication date."""
    return bool(
        (may_hold(line, _SUMMARY_WORDS) and _SUMMARY.search(line))
        or (any(mark in line for mark in _GLUED_DATE_MARKS) and _GLUED_DATE.search(line))
    )


def _summary_lines_end(text: str, start: int, speech: Callable[[str], bool]) -> int:
    """The end of the last line above the first speaker label that reads like a news summary; 0 if none.
    Lines before ``start`` (the title's) are not read: a title may look like a label."""
    end = 0
    for match in _LINE.finditer(text, start, _SUMMARY_WINDOW):
        line = match.group().strip(" \t\u00a0\u3000\ufeff")
        if speech(line):
            break
        if reads_like_summary(line):
            end = match.end()
    return end


def _title_line(text: str, title: Callable[[str], bool], speech: Callable[[str], bool]) -> re.Match[str] | None:
    """The last line ``title`` accepts above the first speaker label or sentence; None if none. (A
    dialect may accept its header's opening line too, such as the Chinese intro sentence below the
    title.)"""
    found = None
    for match in _LINE.finditer(text, 0, _SUMMARY_WINDOW):
        line = match.group().strip(" \t\u00a0\u3000\ufeff")
        if line and title(line):
            found = match
        elif speech(line) or line.endswith(_SENTENCE_ENDS):
            break  # speech has begun: a title below it is a link's, or a quote's
    return found


_SENTENCE_ENDS = (".", "。", "?", "？", "!", "！", "”", '"')


# An unlabelled header lists two people or more before anyone speaks.
_LINE = re.compile(r"[^\r\n]+")
_BLOCK_SIZE = 2


def _entry_block_start(text: str, start: int, speech: Callable[[str], bool]) -> int:
    """The start of the first run of two ``Name, title`` lines (blank lines between them allowed)
    between ``start`` and the first speaker label, within the summary window; 0 when there is none."""
    run_start, run = 0, 0
    for match in _LINE.finditer(text, start, _SUMMARY_WINDOW):
        line = match.group().strip(" \t\u00a0\u3000\ufeff")
        if not line:
            continue
        if speech(line):
            return 0  # speech has begun: what follows is not a header's
        if _is_titled_entry(line):
            run_start, run = (match.start() if run == 0 else run_start), run + 1
            if run >= _BLOCK_SIZE:
                return run_start
        else:
            run = 0
    return 0


def _is_titled_entry(line: str) -> bool:
    return is_person_entry(line) and split_person_entry(line)[2] is not None


# ---------------------------------------------------------------------------------------------
# Vetoes: a terminal's pattern matched, but does the line really read that way?
# ---------------------------------------------------------------------------------------------


def is_speaker_label_line(matched: str) -> bool:
    """The veto of ``SPEAKER_LABEL``: the text before the colon names a speaker."""
    return is_speaker_label(matched.rstrip(":：").strip())


# A sentence ends inside the line: "… of COVID-19. May 16, 2020", "… in the south.July 17, 2021".
_SENTENCE_INSIDE = re.compile(r"[a-z][.!?]\s*[A-Z]|[0-9)”\"'’][.!?]\s+[A-Z]|[.!?][”\"'’]\s+[A-Z]")


# A word, a full stop and a number: a sentence and a glued date ("… the grid. 2023-09-12"), unless the
# word is an abbreviation that stands before numbers ("Jan. 16", "No. 1").
_STOP_BEFORE_NUMBER = re.compile(r"(\w+)[.!?]\s+\d")
_BEFORE_NUMBERS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "art"}
)


def is_not_sentence(line: str) -> bool:
    """The veto of ``TITLE``: a title does not end in a full stop ("State Council Information Office
    press department hosts the press conference." is a summary's last line)."""
    return not line.endswith((".", "。"))


def is_headline(line: str) -> bool:
    """The veto of ``HEADLINE``: a headline's length, not a sentence, and no sentence ends inside it."""
    return (
        len(line) <= 300
        and not line.endswith((".", "。", "?", "!", ":", "：", ";", ","))
        and not _SENTENCE_INSIDE.search(line)
        and all(word.casefold() in _BEFORE_NUMBERS for word in _STOP_BEFORE_NUMBER.findall(line))
        and not line[0].islower()
    )


def is_related_title(line: str) -> bool:
    """The veto of ``RELATED_TITLE``: the line reads as a headline."""
    # Link titles are headlines: not a paragraph's length, and closed by neither a full stop
    # nor the colon of a label or heading.
    return len(line) <= 300 and not line.endswith((".", "。", "?", "!", ":", "：")) and not line[0].islower()
