"""What follows a figure: its unit or counter, and the quantity's kind.

Two sources, in this order:

1. ``pipeline/data/counters.tsv``, scanned on the width-folded text (rows with
   ``match = text``): canonical units (``ヶ所`` → ``か所``, ``k㎡`` → ``km2``) and kinds
   (``percent``, ``money``, ``duration``, ``rank`` …);
2. the word after the figure as UniDic tags it (``counter_of_tokens``): a counter noun
   (``名詞-普通名詞-助数詞可能``: ``110通り``, ``１行``), a noun suffix (``接尾辞-名詞的``:
   ``１位``, ``３校``) or a common noun glued to the figure (``5事業者``,
   ``150億パラメータ``) is the unit, so a counter no one listed still makes a quantity.
   Rows with ``match = token`` apply only here (``分`` is minutes when UniDic makes it a
   word after the figure, not inside ``5分類``), and ``not_counter`` rows (``等``) are never
   a unit.

``目`` right after a counter (``ordinal_mark``) makes the figure an ordinal (``３校目``).

``度`` is degrees or a count of times (``2度にわたり``): ``degree_or_times`` reads the
sentence's evidence (``pipeline/data/number_degree_words.tsv``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.common.lexicons import data_rows, data_where, word_map
from pipeline.errors import PipelineError
from pipeline.nlp.tokens import Token
from pipeline.tagging.numerals import fold_width

COLUMNS = ("surface", "unit", "category", "match", "source", "notes")
NOT_UNITS = ("not_counter", "ordinal_mark")
# UniDic tags whose word, right after a figure, counts what the figure counts.
COUNTER_TAGS = ("名詞-普通名詞-助数詞可能", "接尾辞-名詞的-助数詞")
SUFFIX_TAG = "接尾辞-名詞的"
# a verbal noun (参照, 実施) after a figure is an action, not what is counted
NOUN_TAGS = ("名詞-普通名詞-一般",)
VERBAL_NOUN_TAG = "名詞-普通名詞-サ変可能"   # 提案, 実施: counted only after a total (計73提案)


@dataclass(frozen=True)
class Counter:
    surface: str
    unit: str
    category: str
    match: str
    source: str
    notes: str


@lru_cache(maxsize=1)
def load_counters() -> tuple[Counter, ...]:
    """Units and counters from ``pipeline/data/counters.tsv``, longest surface first."""
    where = data_where("counters")
    counters = [Counter(*cells) for cells in data_rows("counters", COLUMNS, optional=("notes",))]
    for counter in counters:
        if counter.match not in ("text", "token"):
            raise PipelineError(f"{where}: {counter.surface!r} has match = {counter.match!r}; "
                                "write text (found in the text) or token (a token's surface)")
    return tuple(sorted(counters, key=lambda c: -len(c.surface)))


@lru_cache(maxsize=1)
def counter_re() -> re.Pattern[str]:
    """The ``match = text`` units, longest first, on width-folded text."""
    surfaces = sorted({fold_width(c.surface) for c in load_counters()
                       if c.match == "text" and c.category not in NOT_UNITS},
                      key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in surfaces))


@lru_cache(maxsize=1)
def unit_of() -> dict[str, tuple[str, str]]:
    """Folded surface → (canonical unit, kind), every row (for tokens, too)."""
    return {fold_width(c.surface): (c.unit, c.category) for c in load_counters()}


@lru_cache(maxsize=1)
def _ordinal_marks() -> tuple[str, ...]:
    return tuple(s for s, (_, kind) in unit_of().items() if kind == "ordinal_mark")


# 目 opening a word of its own after a counter: 1兆円目標 is a target, no 1兆th
_NOT_ORDINAL = re.compile(r"目(?:標|的|安|途|処|指)")


def is_ordinal_mark(folded: str, end: int) -> bool:
    """``目`` (an ``ordinal_mark`` row) at ``end``: ``３校目``, ``５回目``; not the first
    character of a word (``輸出額1兆円目標``: 目標)."""
    return folded.startswith(_ordinal_marks(), end) and not _NOT_ORDINAL.match(folded, end)


def counter_of_tokens(tokens: Sequence[Token], end: int,
                      after_total: bool = False) -> tuple[str, str, int] | None:
    """(unit, kind, end of the unit) from the UniDic word starting at ``end`` (``tokens``:
    those starting at or after ``end``, in order), or None when it is no counter.

    A counter noun or a noun suffix is the unit; a common noun is the unit with the noun
    suffixes glued to it (``事業`` + ``者``), unless the word alone is a listed unit
    (``２年次末``: 年次). Listed exceptions (``not_counter``) are none. After a word of a
    total (``after_total``: ``計73提案``) a verbal noun is what the total counts too."""
    if not tokens or tokens[0].start != end:
        return None
    first = tokens[0]
    if not (_may_count(first) or after_total and first.tag == VERBAL_NOUN_TAG
            and _listed_kind(first.text) not in NOT_UNITS) \
            and not _duration_read_as_share(tokens):
        return None
    unit_end, parts = first.end, [first.text]
    for token in tokens[1:3]:
        if token.start != unit_end or not token.tag.startswith(SUFFIX_TAG) \
                or _listed_kind(token.text) in NOT_UNITS:
            break
        parts.append(token.text)
        unit_end = token.end
    unit = unicodedata.normalize("NFKC", "".join(parts))
    listed = unit_of().get(fold_width("".join(parts)))
    if listed is not None and listed[1] not in NOT_UNITS:
        return listed[0], listed[1], unit_end
    alone = unit_of().get(fold_width(first.text))
    if len(parts) > 1 and alone is not None and alone[1] not in NOT_UNITS:
        return alone[0], alone[1], first.end   # ２年次|末: a listed unit takes no suffix
    return unit, "count", unit_end


# 分 as UniDic reads the share after a noun (増加分で): after a figure, minutes when a case
# particle, topic or punctuation follows (約3分で, 3分、), not の (3分の1: a fraction)
_SHARE_TAG = "名詞-普通名詞-副詞可能"
_AFTER_A_SPAN = ("助詞-格助詞", "助詞-係助詞", "助詞-副助詞", "補助記号-読点", "補助記号-句点")


def _duration_read_as_share(tokens: Sequence[Token]) -> bool:
    """A listed duration counter (``分``) that UniDic tags as the share noun after a figure
    (``約3分で``, ``3分、``) with a particle or punctuation after it, not ``の`` (``3分の1``,
    a fraction; a wrong unit is worse than none): minutes, as ``3分以内``'s counter is."""
    first = tokens[0]
    if first.tag != _SHARE_TAG or _listed_kind(first.text) != "duration":
        return False
    after = tokens[1] if len(tokens) > 1 and tokens[1].start == first.end else None
    return after is not None and after.tag.startswith(_AFTER_A_SPAN) and after.text != "の"


def _listed_kind(surface: str) -> str:
    listed = unit_of().get(fold_width(surface))
    return listed[1] if listed else ""


def _may_count(token: Token) -> bool:
    if _listed_kind(token.text) in NOT_UNITS or token.unknown:
        return False
    tag = token.tag
    return tag in COUNTER_TAGS or tag.startswith(SUFFIX_TAG) or tag in NOUN_TAGS


DEGREE_READINGS = ("degree_before", "degree_after", "times_after", "times_unless_degree",
                   "times_before")


@lru_cache(maxsize=1)
def _degree_words() -> dict[str, tuple[str, ...]]:
    """Reading → its words, from ``pipeline/data/number_degree_words.tsv``."""
    groups: dict[str, list[str]] = {reading: [] for reading in DEGREE_READINGS}
    for word, reading in word_map("number_degree_words").items():
        if reading not in groups:
            raise PipelineError(f"{data_where('number_degree_words')}: {word!r} has value "
                                f"{reading!r}; write one of {', '.join(DEGREE_READINGS)}")
        groups[reading].append(word)
    return {reading: tuple(words) for reading, words in groups.items()}


def degree_or_times(folded: str, start: int, unit_end: int, suffix_end: int,
                    whole: bool, ordinal: bool) -> str:
    """What ``度`` after the figure at ``start`` counts: ``degree``, ``times`` (as 回) or
    ``''`` when the sentence says neither. UniDic tags 度 as a counter in both senses, so
    the words around decide: a count of times is whole, and ordinal (``3度目``) or followed
    by ``にわたり``, ``続けて``, ``も`` … or set after ``年に`` (``100年に1度``); degrees have a temperature or an angle before them
    (``気温``, ``東経``) or a change of level after (``2度上昇``, ``平年より2度高い``).
    ``unit_end``: the end of 度; ``suffix_end``: past the bound or change after it."""
    words = _degree_words()

    def after(reading: str) -> bool:
        return folded.startswith(words[reading], unit_end) or \
            folded.startswith(words[reading], suffix_end)

    if not whole:
        return "degree"
    if ordinal or after("times_after") or folded.endswith(words["times_before"], 0, start):
        return "times"
    if any(word in folded[:start] for word in words["degree_before"]) \
            or after("degree_after") or suffix_end > unit_end and folded[unit_end:suffix_end] in (
                "上昇", "低下"):
        return "degree"
    return "times" if after("times_unless_degree") else ""
