"""The number a table cell holds, and the unit a column's header names.

A cell is read as a number only when the figure is the whole cell: a plain figure
(``6,143``, ``0.5``, full-width or not, negative after a minus sign of
``number_sign_words.tsv``: ``△1.2``, ``▲0.5``, ``－3``, ``△ 1.2``; ``＋1.2`` positive), or
one quantity the numbers tagger reads from end to end (``150億円`` → 15000000000 yen,
``約3割``, ``8割以上``). Anything else (words, a dash for none, a figure with a note mark
of ``footnote_marks.tsv`` or ``table_note_marks.tsv`` after it, two figures) has no
value: a wrong number is worse than none. A header's unit is the bracketed end of its
text when the numbers tagger reads a figure in it (``延長(km)`` → ``km``, ``人口（千人）``
→ ``千人``); the cells under it are not scaled by it.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import NamedTuple

from pipeline.common.footnote_marks import mark_forms
from pipeline.common.lexicons import word_list, word_map
from pipeline.common.text import fold_nfkc
from pipeline.nlp.tokens import tokenize
from pipeline.tagging.counters import NOT_UNITS, unit_of
from pipeline.tagging.quantities import find_numbers

_SIGN_WORDS = tuple(fold_nfkc(w) for w in word_list("number_sign_words"))
_SIGNS = "|".join(map(re.escape, _SIGN_WORDS))
# a sign that is no dash (△, ▲, マイナス) never stands for "none": a space after one
# (△ 1.2) is set for alignment, unlike a dash's (- 3 may be a dash and a figure)
_WORD_SIGNS = "|".join(re.escape(w) for w in _SIGN_WORDS if w != "-")
SPACED_MARK = re.compile(rf"^({_WORD_SIGNS})\s+(?=\d)")
# ``単位`` before its units: after a colon, or white space alone (``（単位　億円・％）``, as
# 地方財政白書 prints it), or, in brackets, nothing (a PDF table's text keeps no space
# between Japanese glyphs: ``（単位億円）``)
UNIT_WORD = r"(?:[(（]\s*単位\s*[:：]?|単位\s*[:：]|単位\s)\s*"
UNIT_LINE = re.compile(rf"{UNIT_WORD}(?P<units>[^()（）]{{1,20}}?)\s*[)）]?\s*$")
PLAIN_FIGURE = re.compile(rf"^(?:(?P<sign>{_SIGNS})|\+)?(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)"
                          r"(?P<fraction>\.\d+)?$")
HEADER_UNIT = re.compile(r"[(（]\s*(?:単位\s*[:：]?\s*)?(?P<unit>[^()（）]{1,8}?)\s*[)）]\s*$")


class CellValue(NamedTuple):
    """A cell's number: ``value`` in base units (as the numbers dataset gives it),
    ``unit`` the cell's own (empty for a plain figure), ``approx`` and ``modifier``
    (``以上``, ``超``, …) as the numbers tagger reads them."""

    value: float
    unit: str = ""
    approx: bool = False
    modifier: str = ""


@cache
def note_mark() -> re.Pattern[str]:
    """A note mark right after a figure (``3,905注``, ``12.3※1``, ``1,200（注2）``): a
    footnote's mark (``footnote_marks.tsv``) or one only tables set (``†``,
    ``table_note_marks.tsv``), on NFKC text."""
    marks = "|".join(re.escape(fold_nfkc(w))
                     for w in mark_forms() + word_list("table_note_marks"))
    return re.compile(rf"\d\s*[(（]?(?:{marks})")


def cell_value(text: str) -> CellValue | None:
    """The number ``text`` (one cell) is, or None when it is not one figure alone (a
    figure with a note mark after it, ``3,905注``, ``12.3※1``: ``footnote_marks.tsv``,
    ``table_note_marks.tsv``)."""
    cell = fold_nfkc(text).strip()
    if note_mark().search(cell):
        return None
    cell = SPACED_MARK.sub(r"\1", cell)
    plain = PLAIN_FIGURE.match(cell)
    if plain:
        number = float(plain["digits"].replace(",", "") + (plain["fraction"] or ""))
        return CellValue(-number if plain["sign"] else number)
    mentions = find_numbers(cell)
    if len(mentions) != 1:
        return None
    found = mentions[0]
    if found.value is None or found.range_role or (found.start, found.end) != (0, len(cell)):
        return None
    return CellValue(found.value, found.unit, found.approx, found.modifier)


LOWER_BOUNDS, UPPER_BOUNDS = ("以上", "超"), ("未満", "以下")


def class_bound(value: CellValue | None, label: str) -> tuple[float, str] | None:
    """The lower bound and unit of a label naming a class of a quantity: one quantity
    with a unit (``0歳``, ``75歳以上``: ``value``, the cell's ``cell_value``; minus
    infinity under a bound alone, ``1千万円未満``), a range (``65～69歳``) or a pair of
    bounds (``1億円以上5億円未満``); None for anything else (a bare figure, a year, two
    quantities of two units, words)."""
    if value is not None:
        if not value.unit:
            return None
        # a class under a bound has no lower one (1千万円未満 before 1千万円以上1億円未満)
        return (-math.inf if value.modifier in UPPER_BOUNDS else value.value), value.unit
    mentions = find_numbers(fold_nfkc(label).strip())
    if len(mentions) != 2 or not mentions[1].unit or mentions[0].unit != mentions[1].unit:
        return None
    low, high = mentions
    ranged = (low.range_role, high.range_role) == ("low", "high")
    bounded = low.modifier in LOWER_BOUNDS and high.modifier in UPPER_BOUNDS
    if low.value is None or not (ranged or bounded):
        return None
    return low.value, low.unit


def header_unit(header: str) -> str:
    """The unit a column's header prints in brackets at its end (``延長(km)`` → ``km``,
    ``（単位：億円）`` → ``億円``), when the numbers tagger reads a figure of a unit
    ``counters.tsv`` lists in it, or of a word UniDic tags as a counter (``（千頭）``:
    ``_counter_word``) or a table counts in (``（事業所）``: ``table_unit_nouns.tsv``); not
    another word it takes a figure with: ``区分（注）``; else empty."""
    bracket = HEADER_UNIT.search(fold_nfkc(header))
    if bracket is None:
        return ""
    unit = bracket["unit"]
    mentions = find_numbers("1" + unit)
    return unit if len(mentions) == 1 and mentions[0].end == len(unit) + 1 \
        and (mentions[0].unit in _listed_units() or _counter_word(unit)
             or unit.lstrip(_SCALES) in _unit_nouns()) else ""


def spanned_header_unit(header: str) -> str:
    """``header_unit``, or for a column under spanning heads (``余裕巾△W(m)／宅地／余裕幅``)
    the unit the nearest spanning head prints in brackets at its end (``m``), when the
    column's own head names no rate or ratio (``人口（千人）／構成比`` takes none)."""
    own = header_unit(header)
    parts = header.split("／")
    if own or len(parts) < 2 or is_ratio_head(parts[-1]):
        return own
    return next((unit for part in reversed(parts[:-1]) if (unit := header_unit(part))), "")


_SCALES = "十百千万億兆"
_COUNTER_TAGS = ("接尾辞-名詞的-助数詞", "名詞-普通名詞-助数詞可能")


@cache
def _counter_word(unit: str) -> bool:
    """``unit`` is one word UniDic tags as a counter (``頭``, ``羽``, ``戸``: a counter
    suffix or a noun that may be one), after a scale (``千頭``) or none; not a common
    noun or suffix it reads a figure with too (``注``, ``計``, ``全体``)."""
    tokens = tokenize("1" + unit.lstrip(_SCALES))[1:]     # read after a figure
    return len(tokens) == 1 and tokens[0].tag.startswith(_COUNTER_TAGS)


@cache
def _unit_nouns() -> frozenset[str]:
    return frozenset(fold_nfkc(w) for w in word_list("table_unit_nouns"))


@cache
def _listed_units() -> frozenset[str]:
    """The canonical units ``counters.tsv`` lists (its exceptions aside)."""
    return frozenset(u for u, kind in unit_of().values() if kind not in NOT_UNITS)


def line_unit(line: str) -> str:
    """The one unit a table's unit line names (``（単位：億円）`` → ``億円``), when
    ``header_unit`` would take it from a header; empty for a line of several units
    (``（単位：億円、％）``: which column is in which is not said) or none."""
    found = UNIT_LINE.search(fold_nfkc(line or ""))
    if found is None or re.search(r"[、,，・/／]", found["units"]):
        return ""
    return header_unit(f"({found['units'].strip()})")


def line_units(line: str) -> tuple[str, str]:
    """The units a table's unit line names, as ``(amounts, rates)``: one unit alone
    (``（単位：億円）`` → ``("億円", "")``), or an amount and ``%`` (``（単位：円、％）`` →
    ``("円", "%")``: the rate columns' figures are in %, the others' in the amount's);
    of two amounts and ``%`` (``（単位：事業所、人、％）``) the rates' alone (which column
    is in which amount is not said: ``head_line_unit``); both empty for any other line
    (two amounts, ``（単位：千t、億円）``)."""
    found = UNIT_LINE.search(fold_nfkc(line or ""))
    if found is None:
        return "", ""
    parts = [p.strip() for p in re.split(r"[、,，・/／]", found["units"])]
    if len(parts) == 1:
        return line_unit(line), ""
    units = [header_unit(f"({p})") for p in parts]
    if len(units) not in (2, 3) or not all(units) or units.count("%") != 1:
        return "", ""
    amounts = [u for u in units if u != "%"]
    return amounts[0] if len(amounts) == 1 else "", "%"


def names_units(line: str) -> bool:
    """``line`` ends in a unit line whose every part is a unit a head could print
    (``（単位：ha）``, ``（単位：事業所、人）``)."""
    found = UNIT_LINE.search(fold_nfkc(line or ""))
    return found is not None and all(
        header_unit(f"({p.strip()})") for p in re.split(r"[、,，・/／]", found["units"]))


def head_line_unit(header: str, line: str) -> str:
    """For a unit line of two amounts (``（単位：千t、億円）``; a ``%`` beside them left to
    the rate columns), the one a column's head names: of unlike kinds (a mass and
    money), the one whose kind its last word names and not the other's (``産出額`` →
    money → ``億円``; ``生産量`` → ``千t``: ``measure_head_kinds.tsv``,
    ``table_head_kinds.tsv``); else the one whose counter its head counts and not the
    other's (``事業所数`` → ``事業所``, ``従業者数`` → ``人`` of ``（単位：事業所、人）``:
    ``head_counts``); of a spanned head (``輸出／金額``, ``事業所数／計``) its last part
    that names one or the other. Empty for a head that names neither (``2022年``) or
    both, or any other line."""
    found = UNIT_LINE.search(fold_nfkc(line or ""))
    if found is None:
        return ""
    units = [header_unit(f"({p.strip()})") for p in re.split(r"[、,，・/／]", found["units"])]
    amounts = [u for u in units if u != "%"]
    if not all(units) or len(amounts) != 2:
        return ""
    kinds = [_unit_kind(u) for u in amounts]
    for head in reversed(header.split("／")):     # 事業所数／計: the span's head names it
        named = _head_kinds(head)
        chosen = [u for u, kind in zip(amounts, kinds, strict=True) if kind in named]
        counted = [u for u in amounts if head_counts(head, u)]
        if len(set(kinds)) == 2 and named:
            return chosen[0] if len(chosen) == 1 else ""
        if counted:
            return counted[0] if len(counted) == 1 else ""
    return ""


def head_counts(header: str, unit: str) -> bool:
    """A head counts what ``unit``'s counter counts: the counter, or the noun it stands
    for (``measure_counter_nouns.tsv``: ``企業数`` in ``社``), and ``数`` end it
    (``事業所数`` in ``事業所``, ``世帯数`` in ``千世帯``), or a noun of persons
    (``measure_person_heads.tsv``: ``従業者数``, ``職員数``) in a counter of persons
    (``measure_person_counters.tsv``: ``人``, ``千人``)."""
    mentions = find_numbers("1" + unit)
    if len(mentions) != 1 or mentions[0].kind != "count":
        return False
    counter = fold_nfkc(mentions[0].unit)
    head = _bare_head(header)
    nouns = {counter, _counter_nouns().get(counter, counter)}
    if head.endswith(tuple(noun + "数" for noun in nouns)):
        return True
    return counter in _person_counters() and head.removesuffix("数").endswith(_person_heads())


@cache
def _counter_nouns() -> dict[str, str]:
    return {fold_nfkc(w): fold_nfkc(noun) for w, noun in word_map("measure_counter_nouns").items()}


@cache
def _person_counters() -> frozenset[str]:
    return frozenset(fold_nfkc(w) for w in word_list("measure_person_counters"))


@cache
def _person_heads() -> tuple[str, ...]:
    return tuple(fold_nfkc(w) for w in word_list("measure_person_heads"))


def _unit_kind(unit: str) -> str:
    mentions = find_numbers("1" + unit)
    return mentions[0].kind if len(mentions) == 1 else ""


@cache
def _kinds_by_head_word() -> dict[str, frozenset[str]]:
    return {fold_nfkc(word): frozenset(kinds.split())
            for name in ("measure_head_kinds", "table_head_kinds")
            for word, kinds in word_map(name).items()}


def _head_kinds(header: str) -> frozenset[str]:
    """The kinds of figure a head's last word measures (``measure_head_kinds.tsv``,
    ``table_head_kinds.tsv``: the longest word it ends with)."""
    head = _bare_head(header)
    words = [w for w in _kinds_by_head_word() if head.endswith(w)]
    return _kinds_by_head_word()[max(words, key=len)] if words else frozenset()


def is_unit_line(text: str) -> bool:
    """``text`` is a unit line and nothing else (``（単位：億円）``, ``単位：千人``)."""
    return bool(re.fullmatch(rf"{UNIT_WORD}[^()（）]{{1,20}}[)）]?",
                             fold_nfkc(text).strip()))


def is_ratio_head(header: str) -> bool:
    """A column head that says its figures are a rate, ratio or index (``伸び率``,
    ``前年比``, ``構成比``: ``table_ratio_heads.tsv``), which a table's unit line does not
    give its unit to."""
    return _bare_head(header).endswith(_RATIO_HEADS)


def is_time_head(header: str) -> bool:
    """A column head that says its cells name a point in time (``発表年``, ``年度``:
    ``table_time_heads.tsv``)."""
    return _bare_head(header).endswith(_TIME_HEADS)


def _bare_head(header: str) -> str:
    """A head as its list words are matched: NFKC, no spaces or brackets."""
    return re.sub(r"[\s()（）]", "", fold_nfkc(header))


_RATIO_HEADS = tuple(fold_nfkc(w) for w in word_list("table_ratio_heads"))
_TIME_HEADS = tuple(fold_nfkc(w) for w in word_list("table_time_heads"))
