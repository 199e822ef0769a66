"""Typed, immutable models of a parsed SCIO briefing.

These classes hold data only: they import nothing else of the package, so users can annotate
against them and serializers can be written without touching the parser.
"""

from __future__ import annotations

import copyreg
import datetime
import enum
import operator
import re
from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class Span:
    """Where an element sits in the text that was passed to the parser."""

    start: int
    """0-based offset of the first character."""
    end: int
    """0-based offset just past the last character (exclusive)."""
    line: int
    """1-based line of ``start``; ``\\r\\n``, ``\\r`` and ``\\n`` each end a line."""
    column: int
    """1-based column of ``start`` within its line, counted in characters."""
    source: int = 0
    """Which text the offsets index: 0 for a page parsed alone; in a briefing joined from several
    pages (``join_pages``), the page's place in the sequence."""


class Role(enum.Enum):
    """What part a speaker plays in the briefing."""

    CHAIRPERSON = "chairperson"
    """The moderator: usually a spokesperson of the SCIO."""
    SPEAKER = "speaker"
    """An official listed among the header's speakers."""
    JOURNALIST = "journalist"
    """A questioner, labelled by their outlet."""
    UNKNOWN = "unknown"
    """Nobody we can name: a label we cannot resolve, or speech with no label."""


@attrs.frozen(kw_only=True)
class Person:
    """One person named in the header, as ``Name, title``."""

    name: str
    """The name without honorific or rank, e.g. ``Cao Shumin``."""
    honorific: str | None
    """``Mr.``, ``Ms.`` or a military rank such as ``Senior Colonel``; None when absent."""
    title: str | None
    """The office as written in the fuller list, without trailing ``;``, ``.`` or spaces."""
    span: Span
    """The whole entry line this person was read from."""


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of speech: a line of the source."""

    text: str
    """The paragraph exactly as in the source, without surrounding whitespace."""
    span: Span
    """Where ``text`` is in the source."""


@attrs.frozen(kw_only=True)
class Turn:
    """One speaker's uninterrupted speech."""

    label: str | None
    """The label as written, without colon or page-break tag; None for speech before any label."""
    role: Role
    """The part the speaker plays."""
    speaker: Person | None
    """The header person the label names, if any."""
    outlet: str | None
    """The news outlet of a journalist's turn (the label as written); None otherwise."""
    paragraphs: tuple[Paragraph, ...]
    """The speech, paragraph by paragraph."""
    page: int
    """1-based page of the transcript on which the turn starts."""
    span: Span
    """From the label (or first paragraph) to the end of the last paragraph."""
    label_span: Span | None
    """The label as written including its colon; None for unlabelled speech."""

    @property
    def text(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(paragraph.text for paragraph in self.paragraphs)


@attrs.frozen(kw_only=True)
class Exchange:
    """A journalist's question and the turns that answer it."""

    question: Turn
    """The journalist's turn."""
    answers: tuple[Turn, ...]
    """The turns that answer it, up to the next question (see ``Briefing.exchanges``)."""


@attrs.frozen(kw_only=True)
class Note:
    """Text that is neither speech nor a header fact: chrome, captions, headings, markers."""

    kind: str
    """What the text is, e.g. ``breadcrumb``, ``photo-caption``, ``read-in-chinese``, ``heading``."""
    text: str
    """The text exactly as in the source."""
    span: Span
    """Where ``text`` is in the source."""


@attrs.frozen(kw_only=True)
class Fragment:
    """Text the parser could not place; kept so that nothing is lost."""

    text: str
    """The text exactly as in the source."""
    span: Span
    """Where ``text`` is in the source."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something lenient parsing worked around, or a sign that the parse is probably wrong.

    Strict parsing raises the first one as a ``ParseError``; ``parse(..., ignore=...)`` drops those of
    the codes given. ``diagnostic_codes()`` lists every code with its meaning.
    """

    message: str
    """What was wrong, in words."""
    span: Span
    """Where it was found."""
    expected: tuple[str, ...] = ()
    """Readable names of what would have been valid here."""
    code: str = "unspecified"
    """The kind of problem, short and stable (e.g. ``no-date``), for silencing it with ``ignore``."""


@attrs.frozen(kw_only=True)
class RelatedBriefing:
    """A link to another briefing listed after the transcript."""

    title: str
    """The linked briefing's title."""
    date: datetime.date | None
    """The linked briefing's date, when the page gives one."""
    span: Span
    """The link's title."""
    date_span: Span | None
    """The link's date, often glued to the start of the next title."""


@attrs.frozen(kw_only=True)
class Field:
    """A header fact that a dialect's grammar names: ``venue``, ``location``, ``organizer``…

    The shipped dialects report their facts as ``Briefing`` attributes; a dialect of your own adds
    facts of its kind here, from its transformer (``make_field``), without changing the models.
    """

    name: str
    """What the fact is, as the dialect names it."""
    value: str
    """The fact exactly as in the source."""
    span: Span
    """Where ``value`` is in the source."""


@attrs.frozen(kw_only=True)
class Briefing:
    """One parsed briefing page."""

    title: str | None
    """The title without bullet or trailing ``| date``; None when the page has no title line."""
    title_span: Span | None
    """The whole title line, bullet and suffix included."""
    date: datetime.date | None
    """The briefing date, else the page's publication date, else None."""
    published: datetime.date | None = None
    """The page's publication date as the site stamps it ("Updated: …"), which may differ from ``date``."""
    place: str | None
    """The place of a ``Beijing | 10 a.m. July 27, 2023`` dateline."""
    time: str | None
    """The time of day as written, e.g. ``10 a.m.``."""
    dateline_span: Span | None
    """The dateline, when there is one."""
    speakers: tuple[Person, ...]
    """Header speakers, once each, in header order."""
    chairperson: Person | None
    """The chairperson named in the header."""
    header_entries: tuple[Person, ...]
    """Every ``Name, title`` entry of the header as written, duplicates across lists included."""
    turns: tuple[Turn, ...]
    """Every turn of speech in order."""
    page_breaks: tuple[Span, ...]
    """Each page-break marker of the source."""
    notes: tuple[Note, ...]
    """Everything kept that is not speech: chrome, captions, headings, ``Read in Chinese``…"""
    credits: tuple[str, ...]
    """Translators and editors, one name each."""
    credits_span: Span | None
    """The ``Translated and edited by …`` sentence."""
    related: tuple[RelatedBriefing, ...]
    """Links to other briefings listed after the transcript."""
    unparsed: tuple[Fragment, ...]
    """Text the parser could not place (lenient mode only)."""
    diagnostics: tuple[Diagnostic, ...]
    """What lenient mode worked around, and the signs of a probably wrong parse, in source order."""
    fields: tuple[Field, ...] = ()
    """Header facts a dialect of your own names (see ``Field``); the shipped dialects give none."""
    dialect: str = "scio-en"
    """The name of the dialect that read the page (``"auto"`` resolved to the one it chose)."""
    source_text: str | None = None
    """The text the spans index when it is not the text given to ``parse``: the text read out of a
    saved web page (``parse_html``), transcript first, then the page's breadcrumb and window title."""

    def field(self, name: str) -> str | None:
        """The value of the first field called ``name``, or None when the page has none."""
        return next((field.value for field in self.fields if field.name == name), None)

    @property
    def page_count(self) -> int:
        """The number of pages: one more than the number of page breaks."""
        return len(self.page_breaks) + 1

    def exchanges(self) -> tuple[Exchange, ...]:
        """Pair each journalist's question with the turns that answer it, up to the next question.

        An answer comes from a header speaker, from anyone the page does not name, or from the
        chairperson who also answers (the Foreign Ministry's spokesperson, a Chinese host). A
        chairperson's turn ends the exchange when it only moves on ("Next question, please", "请继续提问")
        or takes the floor back after someone else has answered; on a page with header speakers, a
        short one that hands the question to an official ("Mr. Li, would you like to answer?") is
        neither answer nor end.
        """
        exchanges: list[Exchange] = []
        for index, turn in enumerate(self.turns):
            if turn.role is not Role.JOURNALIST:
                continue
            answers: list[Turn] = []
            for later in self.turns[index + 1 :]:
                if later.role is Role.JOURNALIST:
                    break
                if later.role is Role.CHAIRPERSON:
                    if _moves_on(later) or any(answer.role is not Role.CHAIRPERSON for answer in answers):
                        break
                    if self.speakers and _hands_over(later):
                        continue  # to one of the officials; with none on the page, the chair answers
                answers.append(later)
            exchanges.append(Exchange(question=turn, answers=tuple(answers)))
        return tuple(exchanges)


# A chairperson's words that only give the floor to the next questioner.
_MOVES_ON = re.compile(
    r"\b(?:next question|last question|any (?:other|more) questions?|more questions|please go ahead|go ahead"
    r"|the (?:gentleman|lady|journalist|reporter)\b|that'?s all for today|this concludes)\b"
    r"|下一个问题|下一個問題|请继续提问|請繼續提問|继续提问|繼續提問|请提问|請提問|最后一个问题|最後一個問題|还有.{0,4}问题|還有.{0,4}問題",
    re.IGNORECASE,
)
# A chairperson's words that hand a question to an official.
_HANDS_OVER = re.compile(
    r"\b(?:answer|respond|take (?:this|the) question|give the floor)\b|回答|回應|回应|介绍一下|介紹一下",
    re.IGNORECASE,
)
_SHORT_TURN = 40  # words, or characters of Chinese text, in a turn that only manages the floor


def _turn_text(turn: Turn) -> str:
    return " ".join(paragraph.text for paragraph in turn.paragraphs)


def _size(text: str) -> int:
    words = text.split()
    return len(text.replace(" ", "")) // 2 if any("\u3400" <= char <= "\u9fff" for char in text) else len(words)


def _moves_on(turn: Turn) -> bool:
    text = _turn_text(turn)
    return _size(text) <= _SHORT_TURN and bool(_MOVES_ON.search(text))


def _hands_over(turn: Turn) -> bool:
    text = _turn_text(turn)
    return _size(text) <= _SHORT_TURN and bool(_HANDS_OVER.search(text))


# ---------------------------------------------------------------------------------------------
# Positional constructors, for the parser's hot loops and for pickling
# ---------------------------------------------------------------------------------------------

_MODELS: tuple[type, ...] = (Span, Person, Paragraph, Turn, Exchange, Note, Fragment, Diagnostic)
_MODELS += (RelatedBriefing, Field, Briefing)


def _positional(cls: type) -> Callable[..., Any]:
    """A constructor of ``cls`` taking every field by position, in declaration order, none defaulted.

    A frozen attrs ``__init__`` takes keywords and sets each field through ``object.__setattr__``;
    this one fills the slots directly. The parser makes its spans and paragraphs with it, and pickling
    a briefing and back costs 0.2 ms instead of 0.54 ms on the seed. It checks nothing the keyword
    constructor would check: the models have no validators or converters, and a test holds each
    equal to its keyword constructor.
    """
    names = [field.name for field in attrs.fields(cls)]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    namespace.update({f"set_{name}": cls.__dict__[name].__set__ for name in names})
    body = "".join(f"    set_{name}(made, {name})\n" for name in names)
    exec(f"def make({', '.join(names)}):\n    made = new(cls)\n{body}    return made\n", namespace)
    make: Callable[..., Any] = namespace["make"]
    # Pickle finds the constructor by this name, so that a briefing sent between processes (parse_many)
    # is its fields in order rather than a dictionary per object.
    make.__module__ = __name__
    make.__name__ = make.__qualname__ = f"_new_{cls.__name__}"
    globals()[make.__name__] = make
    fields_of = operator.attrgetter(*names)

    def reduce(self: Any) -> tuple[Any, ...]:
        if type(self) is not cls:  # a subclass of a model pickles as attrs would pickle it, as itself
            return copyreg.__newobj__, (type(self),), self.__getstate__()  # type: ignore[attr-defined]
        return make, fields_of(self)

    cls.__reduce__ = reduce  # type: ignore[assignment]
    return make


POSITIONAL: dict[type, Callable[..., Any]] = {cls: _positional(cls) for cls in _MODELS}
"""Model class → its positional constructor (fields in declaration order, every one given)."""

new_span: Callable[[int, int, int, int, int], Span] = POSITIONAL[Span]
"""``Span(start=…, end=…, line=…, column=…, source=…)``, by position and faster."""
new_paragraph: Callable[[str, Span], Paragraph] = POSITIONAL[Paragraph]
"""``Paragraph(text=…, span=…)``, by position and faster."""
