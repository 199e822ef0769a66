"""Chinese originals of SCIO briefings (``scio-zh``): the intro sentence, labels, the host.

A Chinese transcript has no Speakers block. One intro sentence gives the date, the time and the
roster ("请国家互联网信息办公室副主任曹淑敏、……介绍……，并答记者问"); labels are bare names, titles run
into names, bracketed names glued to the speech, or ``<outlet>记者``. The host is labelled 主持人 on
some copies only: otherwise a title of the SCIO's press bureau gives them away, or they are the first
speaker who is not on the roster. The Ministry's Chinese pages (问/答) read with the same rules.
Punctuation may be full-width or ASCII and the characters Simplified or Traditional; matching folds
both, spans still index the original text.
"""

from __future__ import annotations

import datetime
import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import attrs

from ..engine.lines import is_speaker_label
from ..engine.parts import DatePart, NotePart, Part, SectionPart, SummaryPart, TitlePart, token_span
from ..engine.symbols import OPENERS, SPLITTERS, VETOES
from ..engine.token import Token
from ..models import Briefing, Note, Person, Role, Span, Turn
from ..resolve.record import Record
from ..resolve.turns import RoleOf
from .dialect import BriefingTransformer, Dialect
from .sniffs import HAN as _HAN
from .sniffs import scio_zh as _sniff

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(?:上午|下午|晚上|中午)?\s*\d{1,2}\s*[时時](?:\s*\d{1,2}\s*分)?")
# The roster runs from 请 ("invite") to the verb that says what the guests do.
# "就" is no boundary: it also stands inside offices ("人口和就业统计司").
_ROSTER_VERBS = r"(?:介绍|介紹|发布|發布|解读|解讀|出席|通报|通報|回答|答记者问|答記者問)"
_ROSTER = re.compile(r"[请請](?P<roster>.+?)" + _ROSTER_VERBS)
# Without 请, the roster is the clause after the event: "…举行新闻发布会，某部部长李明介绍…".
_ROSTER_AFTER_EVENT = re.compile(r"(?:发布会|發布會|發佈會)[^,，。]{0,4}[,，](?P<roster>[^。，,]+?)" + _ROSTER_VERBS)
# Words that end a title: what stands after the last of them is the name.
_ROLE_WORDS = (
    "新闻发言人", "新聞發言人", "发言人", "發言人", "副主任", "主任", "副局长", "局长", "局長", "副司长", "司长",
    "司長", "副部长", "部长", "部長", "参赞", "參贊", "主席", "书记", "書記", "院长", "院長", "负责人", "負責人",
    "组长", "組長", "成员", "成員",
    "市长", "市長", "省长", "省長", "总理", "總理", "秘书长", "秘書長", "会长", "會長", "行长",
    "行長", "署长", "署長", "委员", "委員", "总经理", "總經理", "董事长", "董事長", "理事长", "理事長", "校长",
    "校長", "主任委员", "总工程师", "總工程師", "专员", "專員", "总裁", "總裁", "厅长", "廳長", "处长", "處長",
    "馆长", "館長", "检察长", "檢察長", "庭长", "庭長", "大使", "总监", "總監", "巡视员", "巡視員", "社长", "社長",
)  # fmt: skip
_JOURNALIST = re.compile(r"(?:记者|記者)$")
_HOST_WORDS = re.compile(r"(?:新闻办|新聞辦|国新办|國新辦|新闻局|新聞局)")
# On the roster, the host is the SCIO's press officer: its press bureau, or its spokesperson. The SCIO's
# director or deputy on the roster ("国务院新闻办公室主任李明") presents, as any speaker does.
_PRESS_OFFICER = re.compile(r"新闻局|新聞局|(?:新闻办|新聞辦|国新办|國新辦)[^、，,]*(?:发言人|發言人)")
_HOST_LABELS = frozenset({"主持人", "主持"})
# Ministry pages label by position: 问 is a journalist's question, 答 the spokesperson's answer.
_QUESTION_LABELS = frozenset({"问", "問", "记者", "記者"})
_ANSWER_LABELS = frozenset({"答"})
# "2019年4月3日外交部发言人陆康主持例行记者会": the Ministry's title names the spokesperson, who chairs.
_MINISTRY_TITLE = re.compile(
    r"(?P<title>(?:外交部)?(?:发言人|發言人))(?P<name>[\u3400-\u9fff·]{2,4}?)(?:主持|答记者问|答記者問)"
)
# Characters a sentence starts with and a name does not: "第一：", "我认为：", "这方面：", "一是：".
_NOT_NAME_START = frozenset(
    "第我你您他她它这這那其一二三四五六七八九十首另同此各每本该該有在对對从從因为為如总總主要以"
)
# A bracket opened and not closed: a caption's "(来源:湖北日报)" cut at its colon.
_OPEN_BRACKET = re.compile(r"[(（][^)）]*$")
_SENTENCE_MARKS = re.compile(r"[。，？！；,?!;…]")


def _fold(text: str) -> str:
    """Full-width punctuation and spaces to ASCII, for matching only (spans keep the original)."""
    return unicodedata.normalize("NFKC", text)


def is_chinese_label(matched: str) -> bool:
    """Whether a "…：" or "[…]" at the start of a line names a speaker."""
    text = _label_text(matched)
    if not text:
        return False
    if not _HAN.search(text):
        return is_speaker_label(text)  # the English half of a bilingual repost
    if len(text) > 40 or _SENTENCE_MARKS.search(text) or _CHROME_MARKS.search(text) or _OPEN_BRACKET.search(text):
        return False
    if "《" in text and not _JOURNALIST.search(text):
        return False  # "《规划纲要》编制组负责人:今年…": a headline quoting a document; outlets end in 记者
    compact = text.replace(" ", "").replace("\u3000", "")
    if not matched.rstrip().endswith((":", "：", "]")):
        # Alone on its line with no colon, a label must say what it is: a title, a host, a journalist.
        return bool(
            any(word in compact for word in _ROLE_WORDS)
            or _JOURNALIST.search(compact)
            or _host_name(compact)
            or _HOST_WORDS.search(compact)
        )
    if _JOURNALIST.search(compact) or compact in _HOST_LABELS or matched.lstrip("▲ ").startswith("["):
        return True
    if compact in _QUESTION_LABELS or compact in _ANSWER_LABELS:
        return True
    if _host_name(compact) is not None:
        return True
    if any(word in compact for word in _ROLE_WORDS) or _HOST_WORDS.search(compact):
        return True
    # A bare name: two to four characters that do not start like a sentence ("第一：", "我认为：").
    return (2 <= len(compact) <= 4 and compact[0] not in _NOT_NAME_START) or "·" in compact


# What a site's menus, toolbars and banners hold, and a headline never does.
_CHROME_MARKS = re.compile(
    r">|\||【|】|〖|©|https?:|www\.|首页|首頁|主页|主頁|微博|微信|打印|列印|字号|字號|字体|字體|网上直播|網上直播"
    r"|当前位置|當前位置|您当前的位置|返回|查看|本网|本網|Not Found|登录|登錄|注册|註冊|客户端|客戶端|同传|同傳"
)


_COLON = re.compile("[:：]")
# The shapes of a label alone on its line without a colon (the grammar's SPEAKER_LABEL has them too):
# "…副局长 冯志远", "经济日报记者".
_OWN_LINE_LABEL = re.compile(
    r"[^\s:：，。,？！\[\]]{2,40}[ \u3000]+[\u3400-\u9fff·]{2,4}|[^\s:：，。,？！\[\]]{2,30}(?:记者|記者)"
)


def is_chinese_headline(line: str) -> bool:
    """A Chinese headline: Han characters, no sentence or clause ending it, no label's colon, no chrome,
    and not a menu of short items ("本网首页 今日中国 中国概况 …", "北京 晴 4 ~ -7 ℃")."""
    text = line.strip()
    pieces = text.split()
    return (
        bool(_HAN.search(text))
        and not text.endswith(("。", "？", "！", "，", "、", "：", ":", "；", ".", "?", "!"))
        and not any(mark in text for mark in "。！？")
        and not text.startswith(("[", "【", "▲"))  # a bracket label glued to its speech
        and not _CHROME_MARKS.search(text)
        and not (len(pieces) >= 3 and sum(len(piece) <= 6 for piece in pieces) * 2 > len(pieces))
        and not text.endswith(("网站", "網站"))
        and not (_COLON.search(text) and is_chinese_label(_COLON.split(text)[0] + "："))
        and not (_OWN_LINE_LABEL.fullmatch(text) and is_chinese_label(text))
    )


def _host_name(compact: str) -> str | None:
    """``主持人寿小丽`` → ``寿小丽``: a name after the host's role word, or None."""
    for word in sorted(_HOST_LABELS, key=len, reverse=True):
        if compact.startswith(word):
            name = compact[len(word) :]
            return name if 2 <= len(name) <= 4 or "·" in name else None
    return None


# Ranks follow the name in Chinese, the service before them: "张军大校", "李明海军大校".
_RANK_AFTER = re.compile(
    r"(?:海军|海軍|空军|空軍|陆军|陸軍|火箭军|火箭軍|武警)?(?:上将|中将|少将|大校|上校|中校|少校|上將|中將|少將)$"
)


def split_rank(item: str) -> tuple[str | None, str]:
    """``…局长张军大校`` → (``大校``, ``…局长张军``)."""
    bare = item.strip().rstrip("、,，").strip()
    match = _RANK_AFTER.search(bare)
    return (match.group(), bare[: match.start()]) if match else (None, item)


def _label_text(label: str) -> str:
    """``▲[统计局局长 马建堂]：`` → ``统计局局长 马建堂``; a live-text bullet (``• 郭卫民：``) goes too."""
    return label.strip().lstrip("▲•·-–*").strip().rstrip(":：").strip().strip("[]").strip()


def split_title_and_name(item: str) -> tuple[str | None, str]:
    """``国务院新闻办新闻局副局长、新闻发言人寿小丽`` → (title, ``寿小丽``); a space may separate them.

    "等" after the last name ("…张宏卫等") closes the list, and a military rank after a name
    ("…局长张军大校") is no part of it: ``split_rank`` takes it off first."""
    item = item.strip().rstrip("、,，").strip()
    item = item[:-1] if item.endswith("等") and len(item) > 3 else item
    if " " in item or "\u3000" in item:
        title, _space, name = item.replace("\u3000", " ").rpartition(" ")
        return title.strip() or None, name.strip()
    host = _host_name(item)
    if host is not None:
        return item[: len(item) - len(host)], host
    end = 0
    for word in _ROLE_WORDS:
        found = item.rfind(word)
        if found >= 0:
            end = max(end, found + len(word))
    name = item[end:]
    if len(name) > 4 and "就" in name:  # "包丽娜就人口普查工作…": the topic follows the name
        name = name.split("就", 1)[0]
    if not 2 <= len(name) <= 4 and "·" not in name:
        name = item[-3:] if len(item) > 3 else item
    title = item[: len(item) - len(name)]
    return title or None, name


class ChineseTransformer(BriefingTransformer):
    """Keeps the intro sentence as a note; the dialect's steps read the date, time and roster from it."""

    def intro(self, children: list[Token]) -> list[Any]:
        return [self.make_note("intro", children[0])]

    def intro_translation(self, children: list[Token]) -> list[Any]:
        return [self.make_note("intro-translation", children[0])]


class ChineseScio(Dialect):
    """Chinese transcripts of SCIO briefings."""

    name: ClassVar[str] = "scio-zh"
    grammar: ClassVar[str] = "scio_zh.lark"
    transformer: ClassVar[type[BriefingTransformer]] = ChineseTransformer
    openers: ClassVar[frozenset[str]] = OPENERS | {"SPEAKER_LABEL"}
    splitters: ClassVar[frozenset[str]] = SPLITTERS | {"INLINE_TIME"}
    checks: ClassVar[Mapping[str, Callable[[str], bool]] | None] = {
        **VETOES,
        "SPEAKER_LABEL": is_chinese_label,
        "HEADLINE": is_chinese_headline,
        # An intro that a copy glued a photographer's credit to ("…并答记者问。(中国网 张三摄)") is the intro.
        "PHOTO_CAPTION": lambda line: not (_ROSTER.search(line) and _HOST_WORDS.search(line)),
        # A sentence of speech that mentions a briefing ends in a full stop; a link title does not.
        # and is a headline's length, with no bracket label before it ("[主持人李华]…").
        "LINKED_TITLE": lambda line: (
            len(line) <= 80
            and not line.startswith(("[", "【"))
            and not line.endswith(("。", "？", "！", ".", "?", "!"))
        ),
    }

    def sniff(self, text: str) -> float:
        return _sniff(text)

    def header_people(
        self, sections: list[SectionPart], parts: list[Part], record: Record
    ) -> tuple[tuple[Person, ...], tuple[Person, ...], Person | None]:
        """The roster of the intro sentence's 请… clause; the host may be on it, by the press bureau's title."""
        entries, _speakers, chair = super().header_people(sections, parts, record)
        intro = _intro(parts)
        roster = _roster(str(intro), token_span(intro)) if intro is not None else ()
        chair = next((p for p in roster if p.title and _PRESS_OFFICER.search(p.title)), chair)
        if chair is None:
            chair = _ministry_spokesperson(parts)
        return entries, tuple(person for person in roster if person is not chair), chair

    def choose_date(self, parts: list[Part], dateline_date: datetime.date | None) -> datetime.date | None:
        """The intro sentence's date, else the English rule, else the first date of any note."""
        intro = _intro(parts)
        found = (_date(str(intro)) if intro is not None else None) or super().choose_date(parts, dateline_date)
        if found is None:
            found = next((date for token in _note_tokens(parts) if (date := _date(str(token)))), None)
        return found

    def choose_time(self, parts: list[Part], dateline_time: str | None) -> str | None:
        """The intro sentence's time of day ("上午10时"), else the dateline's."""
        intro = _intro(parts)
        return (_time(str(intro)) if intro is not None else None) or dateline_time

    def label_of(self, label: str) -> str:
        """``▲[统计局局长 马建堂]：`` is reported as ``统计局局长 马建堂``."""
        return _label_text(label)

    def role_of(self, label: str | None, people_by_key: dict[str, Person], chairperson: Person | None) -> RoleOf:
        """Journalists by 记者, officials by their roster name, the host by 主持人 or as the chair."""
        if label is None or not _HAN.search(label):
            return super().role_of(label, people_by_key, chairperson)  # the English half of a bilingual repost
        compact = _compact(label)
        if compact in _QUESTION_LABELS:
            return Role.JOURNALIST, None, None
        if compact in _ANSWER_LABELS:
            return Role.CHAIRPERSON, chairperson, None
        if _JOURNALIST.search(compact):
            return Role.JOURNALIST, None, _JOURNALIST.sub("", compact).strip() or compact
        roster = [person for person in people_by_key.values() if person is not chairperson]
        person = next((p for p in roster if compact.endswith(p.name) or compact == p.name), None)
        if person is None and (compact in _HOST_LABELS or (chairperson is not None and _is(chairperson, compact))):
            return Role.CHAIRPERSON, chairperson, None
        if person is not None:
            return Role.SPEAKER, person, None
        return Role.UNKNOWN, None, None

    def finish(self, briefing: Briefing, text: str) -> Briefing:
        """What needs the turns in order: a host found as the first stranger to speak, a summary
        under "发布会摘要：", and the pairs of a bilingual repost."""
        opening = bool(briefing.speakers or briefing.title) or any(note.kind == "intro" for note in briefing.notes)
        turns, chair = _host_by_order(briefing.turns, briefing.chairperson, opening=opening)
        turns, notes = _summary_after_marker(turns, briefing.notes)
        turns, notes = _pair_translations(turns, notes, text)
        return attrs.evolve(briefing, chairperson=chair, turns=turns, notes=notes)


def _ministry_spokesperson(parts: list[Part]) -> Person | None:
    """The spokesperson a Ministry title or summary names ("…外交部发言人陆康主持例行记者会"), who chairs;
    a title wrapped after the name ("…外交部发言人汪文斌" / "主持例行记者会") is read whole."""
    sources = [part.token for part in parts if isinstance(part, TitlePart | SummaryPart)]
    for token, after in itertools.zip_longest(sources, sources[1:]):
        text = str(token) + (str(after) if after is not None else "")
        found = _MINISTRY_TITLE.search(text)
        if found and found.start("name") < len(str(token)):
            span = token_span(token)
            start = span.start + found.start("name")
            column = span.column + found.start("name")
            name_span = Span(start=start, end=start + len(found["name"]), line=span.line, column=column)
            return Person(name=found["name"], honorific=None, title=found["title"], span=name_span)
    return None


def _intro(parts: list[Part]) -> Token | None:
    return next((part.token for part in parts if isinstance(part, NotePart) and part.kind == "intro"), None)


def _note_tokens(parts: list[Part]) -> list[Token]:
    """The title and the tokens that become notes, in page order: where a page without an intro may still
    date itself (a Ministry title "2019年4月3日外交部发言人…" gives the date of the press conference)."""
    tokens = [part.token for part in parts if isinstance(part, NotePart | SummaryPart | DatePart | TitlePart)]
    return sorted(tokens, key=lambda token: token.start_pos or 0)


def _host_by_order(
    turns: tuple[Turn, ...], chair: Person | None, *, opening: bool
) -> tuple[tuple[Turn, ...], Person | None]:
    """With no host named, the first stranger to speak hosts, if their label says so (主持人, the press
    bureau), or, on a page that opens the briefing (a title, an intro, a roster), if no official spoke
    before them and they do not answer a journalist; their turns, from there on, are the chair's. A
    continuation page has none of these: its strangers answer questions, nobody hosts by order."""
    if chair is not None:
        return turns, chair
    for index, turn in enumerate(turns):
        if turn.label is None or turn.label_span is None or turn.role is not Role.UNKNOWN:
            continue
        compact = _compact(turn.label)
        if not _HAN.search(compact) or compact in _HOST_LABELS or not _may_host(compact, turns[:index], opening):
            continue
        host_title, host_name = split_title_and_name(turn.label)
        host = Person(name=host_name, honorific=None, title=host_title, span=turn.label_span)
        rest = tuple(
            attrs.evolve(later, role=Role.CHAIRPERSON, speaker=host, outlet=None)
            if later.role is Role.UNKNOWN and later.label is not None and _is(host, _compact(later.label))
            else later
            for later in turns[index:]
        )
        return turns[:index] + rest, host
    return turns, None


def _compact(label: str) -> str:
    return label.replace(" ", "").replace("\u3000", "")


def _summary_after_marker(
    turns: tuple[Turn, ...], notes: tuple[Note, ...]
) -> tuple[tuple[Turn, ...], tuple[Note, ...]]:
    """Lines under "发布会摘要：" before the first label summarise the briefing; nobody says them."""
    if not turns or turns[0].label is not None:
        return turns, notes
    first = turns[0]
    markers = [n for n in notes if n.kind == "transcript-marker" and n.span.start < first.span.start]
    if not markers or not ("摘要" in markers[-1].text or "摘要" in _fold(markers[-1].text)):
        return turns, notes
    summary = [Note(kind="summary", text=p.text, span=p.span) for p in first.paragraphs]
    return turns[1:], tuple(sorted((*notes, *summary), key=lambda note: note.span.start))


def _pair_translations(
    turns: tuple[Turn, ...], notes: tuple[Note, ...], text: str
) -> tuple[tuple[Turn, ...], tuple[Note, ...]]:
    """A bilingual repost gives each label twice, Chinese then English: one utterance, two languages.

    Whether both labels stand on their own lines before the two paragraphs or each label opens its own
    paragraph, the Chinese label opens the one turn, the English label is kept as a note, and the turn
    holds the paragraphs of both languages in page order. Counting the translation as a turn of its own
    would double every question and answer, and give each question an exchange with no answer.
    """
    paired: list[Turn] = []
    extra: list[Note] = []
    for turn in turns:
        previous = paired[-1] if paired else None
        english = turn.label is not None and not _HAN.search(turn.label)
        chinese_before = previous is not None and previous.label is not None and _HAN.search(previous.label)
        if not (english and chinese_before and previous is not None and turn.label_span is not None):
            paired.append(turn)
            continue
        label_span = turn.label_span
        extra.append(Note(kind="label-translation", text=text[label_span.start : label_span.end], span=label_span))
        span = Span(start=previous.span.start, end=turn.span.end, line=previous.span.line, column=previous.span.column)
        paired[-1] = attrs.evolve(previous, paragraphs=previous.paragraphs + turn.paragraphs, span=span)
    if not extra:
        return tuple(paired), notes
    return tuple(paired), tuple(sorted((*notes, *extra), key=lambda note: note.span.start))


def _date(text: str) -> datetime.date | None:
    for pattern in (_DATE, _ISO_DATE):
        for match in pattern.finditer(_fold(_unglossed(text)[0])):
            try:
                return datetime.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None


def _time(text: str) -> str | None:
    folded = _fold(_unglossed(text)[0])
    date = _DATE.search(folded)
    match = _TIME.search(folded, date.end() if date else 0)
    return match.group().strip() if match else None


# The pinyin a gateway copy puts after some characters: "發(fā)布會", "國務(wù)院".
_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü\u00e0-\u01dc]{1,7}\)")


def _unglossed(text: str) -> tuple[str, list[int]]:
    """The text without pinyin glosses, and for each of its characters the offset it had in ``text``."""
    kept: list[int] = []
    position = 0
    for found in _GLOSS.finditer(text):
        kept.extend(range(position, found.start()))
        position = found.end()
    kept.extend(range(position, len(text)))
    return "".join(text[i] for i in kept), kept


def _roster(glossed: str, span: Span) -> tuple[Person, ...]:
    """The people of the intro's 请… clause, each with a span inside the intro sentence (read without
    the pinyin glosses of a gateway copy, which the spans still count)."""
    intro, offsets = _unglossed(glossed)
    match = _ROSTER.search(intro) or _ROSTER_AFTER_EVENT.search(intro)
    if match is None:
        return ()
    start = match.start("roster")
    items: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    position = start
    for piece in _pieces(match["roster"]):
        if not piece.strip() or piece in _JOINERS:
            position += len(piece)
            continue
        # A title may itself hold 、 ("副局长、新闻发言人寿小丽"): a piece that ends in a role word has
        # no name yet, and joins the next piece.
        pending = (pending[0], pending[1] + piece) if pending is not None else (position, piece)
        position += len(piece)
        if not pending[1].rstrip("、,，").endswith(_ROLE_WORDS):
            items.append(pending)
            pending = None
    if pending is not None:
        items.append(pending)
    people: list[Person] = []
    for offset, item in items:
        rank, unranked = split_rank(item)
        title, name = split_title_and_name(unranked)
        if _is_office(unranked, name):
            continue  # "卫生部负责人", "有关部门领导": an office invited, nobody named
        stripped = item.rstrip("、,，").rstrip()
        first, last = offsets[offset], offsets[offset + len(stripped) - 1] + 1
        item_span = Span(start=span.start + first, end=span.start + last, line=span.line, column=span.column + first)
        if title is None and people:  # "副主任张明、李强": the second shares the first's title
            title = people[-1].title
        people.append(Person(name=name, honorific=rank, title=title, span=item_span))
    return tuple(people)


# What an invited office, not a person, ends in.
_OFFICE_ENDS = ("部", "局", "厅", "廳", "署", "团", "團", "委", "办", "辦", "院", "司", "处", "處", "委员会", "委員會")
_NOBODY = frozenset({"负责人", "負責人", "领导", "領導", "有关领导", "有關領導", "负责同志", "負責同志"})


def _is_office(item: str, name: str) -> bool:
    """Whether a roster item names an office rather than a person."""
    stripped = item.strip().rstrip("、,，").strip()
    return (
        name in _NOBODY
        or stripped.endswith(_ROLE_WORDS)
        or name.endswith(_OFFICE_ENDS)
        or any(stripped.endswith(word) for word in _NOBODY)
    )


def _pieces(roster: str) -> list[str]:
    """The roster cut after each 、 or comma, and at a 和 ("and") that follows a name, where a role word
    stands two or three characters before it ("…副局长张明和某省副省长李强"); a 和 inside an office
    ("工业和信息化部") has no role word there."""
    pieces: list[str] = []
    for piece in re.split(r"(?<=[、,，])", roster):
        start = 0
        for found in re.finditer("和|及", piece):
            before, after = piece[start : found.start()], piece[found.end() :].rstrip("、,，")
            # A title must follow: "…钱永和、" ends a name in 和, it joins nothing.
            if len(after) >= 4 and any(before[: len(before) - n].endswith(_ROLE_WORDS) for n in (2, 3)):
                pieces += [piece[start : found.start()], found.group()]
                start = found.end()
        pieces.append(piece[start:])
    return pieces


_JOINERS = frozenset({"和", "及"})


def _may_host(compact_label: str, earlier: tuple[Turn, ...], opening: bool) -> bool:
    """A stranger hosts when their label says so (主持人, the press bureau), or, on a page that opens
    the briefing, when no official spoke before."""
    if _HOST_WORDS.search(compact_label) or _host_name(compact_label) is not None:
        return True
    if not opening or (earlier and earlier[-1].role is Role.JOURNALIST):
        return False
    return all(turn.role is not Role.SPEAKER for turn in earlier)


def _is(person: Person, compact_label: str) -> bool:
    return compact_label == person.name or compact_label.endswith(person.name)
