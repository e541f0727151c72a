"""What headings, captions, source lines and notes look like in white papers.

Each pattern is a general rule of Japanese government publications, not a string of
one chapter. Heading levels: 1 章, 2 節, 3 １, 4 （１）, 5 ア, 6 （ア）, 7 A.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.common.caption_grammar import caption_grammar, read_label
from pipeline.common.note_openings import opens_note
from pipeline.common.text import NOT_NUMBER_GOES_ON, ascii_digits

SEP = r"[ \u3000]"
DIGITS = r"[0-9０-９]{1,2}"
IROHA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
# The older order (``(イ)`` ``(ロ)`` ``(ハ)``): its letters after イ, up to where a list in
# the order above seldom goes, are read in this order (``ロ`` 2nd, ``ハ`` 3rd).
IROHA_ORDER = "イロハニホヘトチリヌルヲ"
HALF_KANA = "ｦ-ﾝ"          # half-width katakana (``(ｲ)``, ``ｱ``), a class's inside

DIGIT_CHARS = "0123456789０１２３４５６７８９"
LATIN_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"

# (level, the characters a matching line starts with, pattern), tried in this order.
HEADING_PATTERNS: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (1, "第", re.compile(rf"^(?P<label>第(?P<num>{DIGITS})章)(?:{SEP}+(?P<title>.*))?$")),
    (2, "第", re.compile(rf"^(?P<label>第(?P<num>{DIGITS})節){SEP}*(?P<title>\S.*)$")),
    (3, DIGIT_CHARS, re.compile(rf"^(?P<label>(?P<num>{DIGITS})){SEP}+(?P<title>\S.*)$")),
    (3, DIGIT_CHARS,
     re.compile(rf"^(?P<label>{DIGITS}[－\-](?P<num>{DIGITS})[．.]){SEP}*(?P<title>\S.*)$")),
    (4, "（(", re.compile(rf"^(?P<label>[（(](?P<num>{DIGITS})[）)]){SEP}*(?P<title>\S.*)$")),
    (5, IROHA + "".join(map(chr, range(0xFF66, 0xFF9E))),
     re.compile(rf"^(?P<label>(?P<num>[{IROHA}{HALF_KANA}])){SEP}+(?P<title>\S.*)$")),
    (6, "（(",
     re.compile(rf"^(?P<label>[（(](?P<num>[{IROHA}{HALF_KANA}])[）)]){SEP}*(?P<title>\S.*)$")),
    (7, LATIN_CAPITALS, re.compile(rf"^(?P<label>(?P<num>[A-ZＡ-Ｚ])){SEP}+(?P<title>\S.*)$")),
)
MAX_TITLE_CHARS = 60
MAX_TYPED_HEADING_CHARS = 40  # a heading known by its type or numbering alone is short

# Numbering schemes with no level of their own: a ministry sets them under whatever
# heading is open (``①``, ``(a)``), so the outline gives their level. Their lines are
# headings only where the document's numbering sequence shows it (``numbering``).
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
LATIN_SMALL = "abcdefghijklmnopqrstuvwxyzａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
# Manuals number their sections ``1．`` and ``2－1`` / ``1-1-1`` (the number of the
# section above, then its own), or ``第1`` (no 章 or 節 after it), and set them under
# whatever is open: a free level too.
DASHES = r"－\-"   # for a character class
FREE_LEVEL_PATTERNS = (
    re.compile(rf"^(?P<label>(?P<num>[{CIRCLED}])){SEP}*(?P<title>\S.*)$"),
    re.compile(rf"^(?P<label>[（(](?P<num>[{LATIN_SMALL}])[）)]){SEP}*(?P<title>\S.*)$"),
    re.compile(rf"^(?P<label>(?P<num>{DIGITS})[．.]){SEP}*(?P<title>[^\s0-9０-９].*)$"),
    re.compile(rf"^(?P<label>第(?P<num>{DIGITS})){SEP}+(?P<title>[^\s0-9０-９].*)$"),
    re.compile(rf"^(?P<label>{DIGITS}(?:[{DASHES}]{DIGITS}){{1,2}})"
               rf"(?:{SEP}+|(?![{NOT_NUMBER_GOES_ON}]))(?P<title>[^\s0-9０-９].*)$"),
)
FREE_LEVEL_STARTS = frozenset(CIRCLED + "(（第" + DIGIT_CHARS)
# A label's numbers, each kind by its own name: the scheme a label belongs to is its
# shape with each number put as its kind (``label_shape``).
LABEL_NUMBERS = (("1", re.compile(r"[0-9０-９]+")), ("ア", re.compile(f"[{IROHA}{HALF_KANA}]")),
                 ("①", re.compile(f"[{CIRCLED}]")), ("A", re.compile(r"[A-ZＡ-Ｚ]")),
                 ("a", re.compile(f"[{LATIN_SMALL}]")))


def heading_patterns_by_start() -> dict[str, tuple[tuple[int, re.Pattern[str]], ...]]:
    """First character of a line → the heading patterns (level, pattern) that can match
    it, in ``HEADING_PATTERNS`` order: a line is tried against one or two patterns
    rather than all eight (most lines start with a character that allows none)."""
    by_start: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
    for level, starts, pattern in HEADING_PATTERNS:
        for char in starts:
            by_start.setdefault(char, []).append((level, pattern))
    return {char: tuple(patterns) for char, patterns in by_start.items()}


HEADING_PATTERNS_BY_START = heading_patterns_by_start()

GRAMMAR = caption_grammar()
# A caption line: a mark or white space, a label of the grammar
# (``pipeline/data/caption_labels.tsv``), then a separator, white space or the line's end,
# then the title.
CAPTION = re.compile(
    rf"^[\s{re.escape(GRAMMAR.marks)}]*(?:{GRAMMAR.label()})"
    rf"(?:\s*[{re.escape(GRAMMAR.separators)}]|\s+|$)\s*(?P<title>.*)$")
# What a caption can start with (besides white space, which ``\s`` matches).
CAPTION_STARTS = GRAMMAR.starts()
# The unit a table's figures are in (``単位：億円``, ``（単位：千人、％）``): a note, no body text.
# a colon, or white space alone (``（単位　億円・％）``), parts 単位 from the units
UNIT_LINE = re.compile(r"^[（(]?単位(?:[：:]|\s)[^。]{1,30}$")
# The next item of a figure's numbered notes: ``2．``, or ``2）`` after ``注：1）`` (not
# ``（2）``, a heading's label)
NOTE_ITEM = re.compile(r"^[0-9０-９]{1,2}[．.）)]")
URL_ONLY = re.compile(r"^https?://\S+$")
# A URL printed under its own label after a source line (``URL：https://…``).
LABELLED_URL = re.compile(r"^(?:URL|ＵＲＬ)[：:]\s*https?://\S+$")
SENTENCE_END = "。．.！？!?"


def opens_source(text: str) -> bool:
    """A figure's or table's source line (``資料：``, ``（出典）``, ``出所：``): a
    ``source`` opening of ``pipeline/data/note_openings.tsv``, the tables' convention."""
    return opens_note(text, ("source",))


def opens_figure_note(text: str) -> bool:
    """A note under or over a figure (``注：``, ``注1）``, ``注１ `` (its number and a
    space), ``（注１）``, ``※``, ``備考：``: a ``note`` opening of
    ``pipeline/data/note_openings.tsv``), or the unit its figures are in (``UNIT_LINE``)."""
    return opens_note(text, ("note",)) or UNIT_LINE.match(text) is not None


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    level: int
    label: str
    number: str
    ordinal: int
    title: str


FULLWIDTH_CAPITALS = str.maketrans("ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ",
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def ordinal_of(number: str) -> int:
    """1-based position of a heading number: ``３`` → 3, ``ウ`` → 3, ``C`` → 3, ``1-3`` → 3,
    ``③`` → 3, ``c`` → 3."""
    if number in CIRCLED:                 # before isdigit: ``"③".isdigit()`` is True
        return CIRCLED.index(number) + 1
    if number in IROHA_ORDER[1:]:
        return IROHA_ORDER.index(number) + 1
    number = ascii_digits(number).rsplit("-", 1)[-1]
    if number.isdigit():
        return int(number)
    if number in IROHA:
        return IROHA.index(number) + 1
    letter = number.upper().translate(FULLWIDTH_CAPITALS)
    return ord(letter) - ord("A") + 1


def ordinal_in_place(heading: HeadingMatch, previous: int | None) -> int:
    """The ordinal ``heading`` takes after a sibling of ordinal ``previous`` (None: it
    is the first): ``イ`` first opens the older order (1, then ``ロ`` 2), after ``ア`` it
    is 2."""
    if previous is None and heading.number == IROHA_ORDER[0]:
        return 1
    return heading.ordinal


def match_heading(text: str) -> HeadingMatch | None:
    """The heading a stripped line starts with, if its shape allows one."""
    for level, pattern in HEADING_PATTERNS_BY_START.get(text[:1], ()):
        found = pattern.match(text)
        if not found:
            continue
        title = (found.group("title") or "").strip()
        if level > 1 and not _title_shaped(title):
            return None
        label = found.group("label")
        number = unicodedata.normalize("NFKC", ascii_digits(found.group("num")))  # ｲ → イ
        if "－" in label or "-" in label:     # １－３． → 1-3
            number = "-".join(re.findall(r"\d+", ascii_digits(label)))
        if level == 7:
            number = chr(ord("A") + ordinal_of(number) - 1)
        return HeadingMatch(level, label, number, ordinal_of(number), title)
    return None


def match_free_level_heading(text: str) -> HeadingMatch | None:
    """A stripped line numbered in a scheme with no level of its own (``①出生率の低下``,
    ``(a) 概要``): the heading it would be, level 0 (the outline decides), number in
    ASCII (``①`` → ``1``, ``ｂ`` → ``b``)."""
    if text[:1] not in FREE_LEVEL_STARTS:         # most lines: no regex
        return None
    for pattern in FREE_LEVEL_PATTERNS:
        found = pattern.match(text)
        if found is None:
            continue
        title = found.group("title").strip()
        if not _title_shaped(title) or unicodedata.category(title[0]).startswith("P"):
            return None                     # ``①、②の順に``: a reference, no label
        label = found.group("label")
        if "num" not in found.groupdict():         # ``2－3``: the numbers, ASCII, by ``-``
            number = "-".join(re.findall(r"\d+", ascii_digits(label)))
            return HeadingMatch(0, label, number, ordinal_of(number), unspaced(title))
        ordinal = ordinal_of(found.group("num"))
        number = (chr(ord("a") + ordinal - 1) if found.group("num") in LATIN_SMALL
                  else str(ordinal))
        return HeadingMatch(0, label, number, ordinal, unspaced(title))
    return None


def label_shape(label: str) -> str:
    """The numbering scheme a label belongs to: its shape, each number put as the first
    of its kind, brackets half-width (``（３）`` and ``(1)`` → ``(1)``, ``②`` → ``①``,
    ``１－２．`` → ``1－1．``, ``（イ）`` → ``(ア)``)."""
    shape = label.translate(FULLWIDTH_BRACKETS)
    for first, numbers in LABEL_NUMBERS:
        shape = numbers.sub(first, shape)
    return shape


FULLWIDTH_BRACKETS = str.maketrans("（）", "()")


# The schemes of ``FREE_LEVEL_PATTERNS`` as ``label_shape`` names them.
FREE_LEVEL_SCHEMES = frozenset({label_shape(label) for label in (
    "①", "(a)", "1．", "1.", "1－1", "1-1", "1－1－1", "1-1-1", "第1")})
# The level each scheme of ``HEADING_PATTERNS`` below 節 has of its own.
OWN_LEVELS = {label_shape(label): level for label, level in (
    ("1", 3), ("1－1．", 3), ("1-1.", 3), ("(1)", 4), ("ア", 5), ("(ア)", 6), ("A", 7))}


def label_parents(label: str) -> tuple[int, ...]:
    """The numbers a hierarchical label gives its parents: ``2－3`` → (2,), ``1-1-4`` →
    (1, 1); other labels give none."""
    label = ascii_digits(label)
    if not re.search(rf"\d[{DASHES}]\d", label):
        return ()
    return tuple(int(n) for n in re.findall(r"\d+", label)[:-1])


LETTER_SPACED = re.compile(r"^[^\x00-\x7f\s](?: [^\x00-\x7f\s])+$")   # not ``A B``


def unspaced(title: str) -> str:
    """A title set letter-spaced (``路 肩``, ``余 裕 幅``: one-character words apart),
    closed up: ``路肩``."""
    return title.replace(" ", "") if LETTER_SPACED.match(title) else title


def is_heading_title(title: str) -> bool:
    """Short, two letters at least, not a sentence, not cut at a dash."""
    return (0 < len(title) <= MAX_TYPED_HEADING_CHARS and "。" not in title
            and sum(ch.isalpha() for ch in title) >= 2
            and title[-1] not in SENTENCE_END and title[-1] not in "－-‐―")


def _title_shaped(title: str) -> bool:
    """A heading title is short and is not a sentence."""
    if not title or len(title) > MAX_TITLE_CHARS:
        return False
    if "。" in title or not any(ch.isalpha() for ch in title):
        return False                        # ``２ ３``: figures, not a title of words
    return title[-1] not in "、，,"


@dataclass(frozen=True, slots=True)
class CaptionMatch:
    kind: str          # figure or table
    label: str
    number: str
    title: str


def match_caption(text: str) -> CaptionMatch | None:
    """The caption a stripped line is, if it opens with a label of the caption grammar
    followed by a separator, white space or the line's end (``表1-1-1に示す`` is a
    reference in running text, not a caption)."""
    if text[:1] not in CAPTION_STARTS and not text[:1].isspace():    # most lines: no regex
        return None
    found = CAPTION.match(text)
    if not found:
        return None
    title = found.group("title").strip()
    label = read_label(found, GRAMMAR)
    return CaptionMatch(label.kind, label.label, label.number, title)
