"""Turns: each label resolved to a person and a role, each turn placed on its page."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from ..engine.parts import Part, SectionPart, TurnPart, token_span, token_text
from ..models import Person, Role, Span, Turn, new_paragraph
from .people import name_key, people_by_key
from .record import Record

RoleOf = tuple[Role, Person | None, str | None]
"""Who speaks under a label: the role, the person (if known) and the outlet (for journalists)."""


def turns(
    turn_parts: list[TurnPart],
    speakers: tuple[Person, ...],
    chairperson: Person | None,
    page_breaks: tuple[Span, ...],
    known_names: Sequence[str],
    record: Record,
    *,
    last_other_start: int,
    role_rule: Callable[[str | None, dict[str, Person], Person | None], RoleOf] | None = None,
    label_rule: Callable[[str], str] | None = None,
) -> tuple[Turn, ...]:
    """The turns of the page, labels resolved against the header, in order.

    ``known_names`` are the names of the header's entries: a label cut off at the end of the page may
    begin one, and with a header, speech without a label is a label lost. ``last_other_start`` is
    where the last part that is not a turn starts, so a cut label is only looked for at the very end.
    ``role_rule`` and ``label_rule`` are a dialect's rules for a label's role and its written form.
    """
    find_role = role_rule or role_of
    write_label = label_rule or (lambda label: label.rstrip(":：").strip())
    turn_parts = _merge_repeated_labels(turn_parts, record)
    turn_parts = _drop_cut_label(turn_parts, known_names, record, last_other_start=last_other_start)
    people = people_by_key(speakers, chairperson)
    break_starts = [span.start for span in page_breaks]
    roles: dict[str | None, RoleOf] = {}  # labels recur all page long
    found: list[Turn] = []
    for part in turn_parts:
        paragraphs = tuple(new_paragraph(token_text(token), token_span(token)) for token in part.paragraphs)
        label_span = token_span(part.label) if part.label is not None else None
        first = label_span or paragraphs[0].span
        last = paragraphs[-1].span if paragraphs else first
        label = write_label(str(part.label)) if part.label is not None else None
        if label not in roles:
            roles[label] = find_role(label, people, chairperson)
        role, speaker, outlet = roles[label]
        if label is None and known_names:
            record.diagnose(
                "unlabelled-speech", "Expected a speaker label before the speech", first, ("a speaker label",)
            )
        found.append(
            Turn(
                label=label,
                role=role,
                speaker=speaker,
                outlet=outlet,
                paragraphs=paragraphs,
                # A turn is on the page of its label: a break right after the label starts the next page.
                page=bisect.bisect_right(break_starts, first.start) + 1,
                span=Span(start=first.start, end=last.end, line=first.line, column=first.column),
                label_span=label_span,
            )
        )
    return tuple(found)


def role_of(
    label: str | None,
    people: dict[str, Person],
    chairperson: Person | None,
    *,
    person_of_label: Callable[[str, dict[str, Person]], Person | None] | None = None,
) -> RoleOf:
    """Who speaks under ``label``: a header person, the chair by role word, a journalist, or unknown.

    ``person_of_label`` finds the person a label names; a dialect may give its own.
    """
    if label is None:
        return Role.UNKNOWN, None, None
    person = (person_of_label or _person_of_label)(label, people)
    if person is not None:
        return (Role.CHAIRPERSON if person is chairperson else Role.SPEAKER), person, None
    if is_chair_word(label):
        return Role.CHAIRPERSON, chairperson, None
    if is_question_word(label):
        return Role.JOURNALIST, None, None
    if is_outlet(label):
        return Role.JOURNALIST, None, label
    return Role.UNKNOWN, None, None


def _person_of_label(label: str, people: dict[str, Person]) -> Person | None:
    return person_of_label(label, people)


def person_of_label(label: str, people: dict[str, Person]) -> Person | None:
    """The header person a label names (``people`` by ``name_key``), or None when none or two might."""
    key = name_key(label)
    if key in people:
        return people[key]
    # "Senior Colonel Wu Qian", "Spokesperson Wang Wenbin": the name closes the label.
    enders = [person for name, person in people.items() if key.endswith(" " + name)]
    if len(enders) == 1:
        return enders[0]
    # A surname alone ("Wen:") names a person when only one header person has it.
    surnames = [person for name, person in people.items() if key in (name.split()[0], name.split()[-1])]
    return surnames[0] if len(surnames) == 1 else None


# ---------------------------------------------------------------------------------------------
# Who is a journalist, who chairs?
# ---------------------------------------------------------------------------------------------

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


def chair_headings_as_labels(parts: list[Part]) -> list[Part]:
    """A ``Chair:`` heading with speech right under it, and no one named, is the chair's label.

    The lexer cannot tell ``Chair:`` the heading from ``Chair:`` the label (the line is the same);
    what follows tells: a name for a heading, speech for a label. The speakers' heading never
    labels speech, so ``Speakers:`` over a greeting stays a header problem.
    """
    found: list[Part] = []
    for part in parts:
        previous = found[-1] if found else None
        if (
            isinstance(part, TurnPart)
            and part.label is None
            and isinstance(previous, SectionPart)
            and previous.kind == "chair"
            and previous.heading is not None
            and not previous.summary
            and not previous.entries
            and not previous.dates
        ):
            found[-1] = TurnPart(previous.heading, part.paragraphs)
        else:
            found.append(part)
    return found


# ---------------------------------------------------------------------------------------------
# Repairs: a label typed twice, a label cut off by the end of the page
# ---------------------------------------------------------------------------------------------


def _merge_repeated_labels(turn_parts: list[TurnPart], record: Record) -> list[TurnPart]:
    """A label repeated with nothing between is a typo for one turn."""
    merged: list[TurnPart] = []
    for part in turn_parts:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.label is not None
            and part.label is not None
            and not previous.paragraphs
            and name_key(str(previous.label).rstrip(":：")) == name_key(str(part.label).rstrip(":："))
        ):
            record.note("repeated-label", part.label)
            record.diagnose(
                "repeated-label",
                "The same speaker label appears twice in a row; read as one turn",
                token_span(part.label),
                ("speech",),
            )
            merged[-1] = TurnPart(previous.label, part.paragraphs)
        else:
            merged.append(part)
    return merged


def _drop_cut_label(
    turn_parts: list[TurnPart], known_names: Sequence[str], record: Record, *, last_other_start: int
) -> list[TurnPart]:
    """A page that stops inside a label ("Zh") leaves a stub that is not speech."""
    if not turn_parts or not turn_parts[-1].paragraphs:
        return turn_parts
    last = turn_parts[-1]
    stub = last.paragraphs[-1]
    assert stub.start_pos is not None
    known = [str(p.label).rstrip(":：") for p in turn_parts if p.label is not None] + list(known_names)
    # Only a stub that is the very end of the parsed text and not the turn's only speech.
    if not looks_like_cut_label(str(stub), known) or last_other_start > stub.start_pos:
        return turn_parts
    span = record.unplaced(stub)
    record.diagnose("cut-label", "The text ends inside a speaker label", span, ("a colon after the label",))
    rest = TurnPart(last.label, last.paragraphs[:-1])
    if rest.label is None and not rest.paragraphs:
        return turn_parts[:-1]
    return [*turn_parts[:-1], rest]


def looks_like_cut_label(text: str, known_labels: Sequence[str]) -> bool:
    """True when the last line of a page is a speaker label cut before its colon (``Zh``).

    Speech ends in punctuation; a bare capitalised stub that begins a name or outlet seen
    earlier on the page is what is left of a label when the copy stops mid-word.
    """
    if len(text) > 40 or text[-1] in '.?!"”’)' or not text[0].isupper():
        return False
    folded = text.casefold()
    return any(label.casefold().startswith(folded) for label in known_labels)
