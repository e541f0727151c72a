"""Every numeral of a sentence that is a quantity, with what sits around it: its unit,
its prefixes and suffixes, before ranges, measure and period are read (``quantities``).

A numeral is left out when it is a date's (``find_dates``), part of a URL, a label
(``第1節``, ``2-5-1``, ``ＴＬＯ1``, ``Society 5.0``), a kanji numeral inside a word (``統一``,
a lone ``一``), a scale kanji alone (``千ha``), made vague by 数 (``数10億円``, ``20数件``),
the part of a fraction (``3分の1``) or of another quantity (``1人当たり``, ``16時10分``),
a grade or level's label with no unit (``要介護3～5``, ``区分4以上``), a figure glued to
a katakana word that is no unit (``70億インストラクトモデル``),
or ``度`` the sentence does not say is degrees or times. A whole number before の and a
word (``35のＴＬＯ``) or を超え (``140を超え``) is a bare count with no unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from pipeline.common.lexicons import word_list
from pipeline.common.text import is_kanji
from pipeline.nlp.tokens import Token
from pipeline.tagging.counters import counter_re, degree_or_times
from pipeline.tagging.dates import DateMention
from pipeline.tagging.figure_marks import (
    APPROX_WORDS,
    bound_past_spacing,
    change_past_bracket,
    one_of,
    prefixes_before,
    shares_the_change,
    suffixes_after,
    verb_bound,
)
from pipeline.tagging.figure_units import (
    AND_A_HALF,
    KATAKANA,
    LATIN,
    MAY_START_WORD,
    SUFFIX_APPROX,
    SUFFIX_BOUND,
    SUFFIX_CHANGE,
    TokensAfter,
    currency_before,
    frequency_unit,
    is_span,
    no_quantity_of_its_own,
    per_base_unit,
    per_denominator_unit,
    span_rate_unit,
    speed_unit,
    tenths_of_wari,
    unit_after,
)
from pipeline.tagging.numerals import BIG_UNITS, NUMERAL_RE, parse_folded_decimal

_QUALIFIER_WORDS = word_list("number_qualifier_words")   # 毎年数10万人: 数 opens a word
_CLASS_UNITS = frozenset(word_list("number_class_units"))   # 1級河川: a class, a label
# 要介護3, 障害支援区分4以上: a grade or level's label glued before a figure with no unit
_LABEL_HEADS = re.compile(rf"(?:{'|'.join(map(re.escape, word_list('number_label_heads')))})$")
# what joins the labels of a range or list (要介護3～5, 要支援1・2, 区分4、5)
_LABEL_JOINS = "～〜~-・、"
_SUM_WORDS = word_list("number_sum_words")
# A total word before a bare count (合計91の): the count is not glued to a word
_SUM_BEFORE = re.compile(rf"(?<![一-鿿々]){one_of(_SUM_WORDS)}$")
_URL_RE = re.compile(r"https?://[!-~]+")
# A bare count: a whole number, then の and a word (35のＴＬＯ), or を超え (140を超え).
_BARE_OF = re.compile(r"の(?=[一-鿿々〆ヵヶ゠-ヿA-Za-z])")
_BARE_OVER = re.compile(r"を超え|を上回")
# a figure and a range mark before a bare count: 30～50の企業 is no count of 50
_RANGE_BEFORE = re.compile(r"[0-9〇一二三四五六七八九十][～〜~]\s?$")
# what stands before 1 in 3分の1, 2/3 (not 上昇分の7割: no number before 分)
_AFTER_FRACTION = re.compile(r"(?:[0-9一二三四五六七八九十百]分の|[0-9]/)$")
# 千ha, （千人）, （百万トン）: scale kanji alone are a unit's scale in a label (or 十 in a
# set phrase, 十人十色), no number, unless an approximation is set before it (約十倍, 約千人)
_SCALES_ALONE = frozenset("十百千万億兆京")
_WORD_CHAR = re.compile(r"[一-鿿々〆゠-ヿA-Za-z0-9]")   # a footnote marker follows a word
# 第 makes a label of the figure after it (第1節, 第４次), but 第3位 is a place in a
# ranking as 3位 is: 位 is the one counter after 第 that keeps the figure a quantity
_DAI = re.compile(r"第\s?$")
_RANK_AFTER_DAI = re.compile(r"位(?!置)")


# a digit run the numeral grammar cut in two (1,2345人: 1,234 then 5人; 12,34件): a misprint
# whose parts are no figures
_DIGIT_BEFORE = re.compile(r"(?:[0-9],?)$")
_DIGIT_AFTER = re.compile(r",?[0-9]")
# 2、3件, 二、三人: two or three, no value (the figure before 、 is one less); but 1、2位
# lists two places
_LISTED_KINDS = ("rank", "ordinal")
_SHARE_KINDS = ("percent", "ratio", "point")   # 年2.5%: a rate of its own, no per year
_ONE_LESS_BEFORE = re.compile(r"(?<![0-9.,〇一二三四五六七八九十百千万億兆])"
                              r"(?P<n>[0-9]+|[一二三四五六七八九])、$")


@dataclass(frozen=True)
class RawFigure:
    """A numeral with what sits around it, before ranges, measure and period."""

    start: int
    end: int
    numeral_end: int
    value: Decimal | None
    big: int                 # multiplier of the numeral's last 万/億/兆, or 1
    unit: str
    approx: bool
    modifier: str
    kind: str = ""
    prefixes: tuple[str, ...] = ()
    bare: bool = False       # a bare count (35のＴＬＯ, 140を超え)
    scale: int = 1           # 10000 for 3万, 1000000 for 3百万; 1 for 2,000; 0 for 1万2千


# a figure and one scale after it (3万, 9千, 3百万, 1.5兆, 九千): what a bare low end of a
# range takes (2～3万円, 8～9千人)
_SCALED = re.compile(r"(?:[0-9][0-9,]*(?:\.[0-9]+)?|[一二三四五六七八九])"
                     r"(?P<small>[十百千]?)(?P<big>[万億兆京]?)")
_BARE = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|[〇一二三四五六七八九]+")
_SMALL = {"": 1, "十": 10, "百": 100, "千": 1000}
_BIG = {"": 1, **BIG_UNITS}


def numeral_scale(numeral: str) -> int:
    """The scale a numeral is printed in: 1 for bare digits (``2,000``, ``八``), the
    multiplier of one scale after a figure (``3万`` 10000, ``9千`` 1000, ``3百万``
    1000000), 0 for a numeral composed of several (``1万2千``, ``二千三百``)."""
    if _BARE.fullmatch(numeral):
        return 1
    scaled = _SCALED.fullmatch(numeral.replace(" ", "").replace("　", ""))
    if scaled is None:
        return 0
    return _SMALL[scaled.group("small")] * _BIG[scaled.group("big")]


def blocked_spans(folded: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    """Where no figure is a quantity: the dates' spans and URLs."""
    spans = [(d.start, d.end) for d in dates]
    spans += [(m.start(), m.end()) for m in _URL_RE.finditer(folded)]
    return spans


def _is_label(folded: str, start: int, end: int) -> bool:
    """Ordinals (第1節), hyphenated ids (2-5-1, GPT-3), figures glued to Latin letters
    (ＴＬＯ1) or set after a Latin word (Society 5.0)."""
    before = folded[start - 1] if start > 0 else ""
    after = folded[end] if end < len(folded) else ""
    if folded[max(0, start - 2):start].rstrip().endswith("第"):
        return not _RANK_AFTER_DAI.match(folded, end)
    if (before == "-" and (folded[start - 2:start - 1].isdigit()
                           or folded[start - 2:start - 1] in LATIN)) or \
            (after == "-" and folded[end + 1:end + 2].isdigit()):
        return True   # 2-5-1, GPT-3
    if before in LATIN or before == ".":
        return True
    if before == " " and start > 1 and folded[start - 2] in LATIN:
        return True   # a version after a name: Society 5.0
    return after in LATIN and not counter_re().match(folded, end)


def _inside_word(text: str, start: int, end: int) -> bool:
    """A kanji numeral inside a word: after another kanji (統一, 同一), or a lone 一,
    which is far more often a word-forming prefix (一度, 一つ, 一部) than a count."""
    if not is_kanji(text[start]):
        return False
    return text[start:end] == "一" or (start > 0 and is_kanji(text[start - 1]))


def _made_vague(folded: str, start: int, end: int, tokens_after: TokensAfter) -> bool:
    """数 before or after the figure makes it a vague amount, not a value: ``数10億円``
    (数 opening a word, or after an approximation or qualifier word: ``約数10億円``,
    ``毎年数10万人``; not the end of a measure noun, ``利用者数10万``) and ``10数%``, ``20数件``, ``1万数千人`` (the word after
    the figure is 数 or a numeral opening with it, as UniDic cuts it; not ``3数値``)."""
    if folded[start - 1:start] == "数" and (
            start < 2 or not MAY_START_WORD.match(folded, start - 2)
            or folded.endswith(APPROX_WORDS + _QUALIFIER_WORDS, 0, start - 1)):
        return True
    if not folded.startswith("数", end):
        return False
    after = tokens_after(start, end)
    return bool(after) and after[0].start == end and (
        after[0].text == "数" or after[0].tag == "名詞-数詞")


def _is_fragment(folded: str, start: int, end: int) -> bool:
    """A numeral glued to digits the grammar would not join to it (``1,2345人``,
    ``12,34件``): part of a misprint, no figure."""
    return _DIGIT_BEFORE.search(folded, max(0, start - 2), start) is not None \
        or _DIGIT_AFTER.match(folded, end) is not None


def _one_or_two_more(folded: str, start: int, value: Decimal) -> bool:
    """``2、3件``, ``二、三人``: a figure after the one just below it and 、 is a vague
    "two or three", no value of three."""
    match = _ONE_LESS_BEFORE.search(folded, max(0, start - 4), start)
    return match is not None and parse_folded_decimal(match.group("n")) == value - 1


def _names_a_class(folded: str, unit_end: int, after: Sequence[Token]) -> bool:
    """A noun glued after a class counter (``1級河川``, ``1種免許``; ``after``: the tokens
    from ``unit_end`` on): the figure and the counter name a class of it; not a bound,
    an approximation or a change after it (``100種以上``), nor a conjunction (``4級及び``)."""
    return bool(after) and after[0].start == unit_end and after[0].tag.startswith("名詞") \
        and not (SUFFIX_APPROX.match(folded, unit_end) or SUFFIX_BOUND.match(folded, unit_end)
                 or SUFFIX_CHANGE.match(folded, unit_end))


def _is_token_start(tokens_after: TokensAfter, start: int, end: int) -> bool:
    """A kanji numeral is a word of its own, not part of one (十分 is one word)."""
    tokens = tokens_after(start, end)
    return not tokens or tokens[0].start == end


def _bare_count(folded: str, start: int, end: int, value: Decimal) -> tuple[str, int] | None:
    """``35のＴＬＯ`` (modifier '') or ``140を超え`` (``超``): a whole number not glued to a
    word before it (a total word aside: ``合計91の``); the modifier and the end of the
    figure's surface."""
    if value != value.to_integral_value() or _RANGE_BEFORE.search(folded, max(0, start - 3),
                                                                   start):
        return None     # 30～50の企業: the high end of a range, no count of 50
    if start > 0 and _WORD_CHAR.match(folded, start - 1) and not _SUM_BEFORE.search(
            folded, max(0, start - 4), start):
        return None
    if _BARE_OF.match(folded, end):
        return "", end
    over = _BARE_OVER.match(folded, end)
    return ("超", over.end()) if over else None


def _is_grade_label(folded: str, start: int, label_end: int) -> bool:
    """A figure with no unit glued after a grade or level word (``要介護3``, ``区分4以上``:
    ``number_label_heads.tsv``), or joined by a range or list mark to such a label just
    before it (``label_end``: ``要介護3～5``, ``要支援1・2``)."""
    if start == label_end + 1 and folded[label_end] in _LABEL_JOINS:
        return True
    return _LABEL_HEADS.search(folded, max(0, start - 8), start) is not None


# 36－38％, 2‐3割: a hyphen between two figures, a listed unit after the second, as a range
# mark; not inside a chain of figures (第1-2-1図, 03-1234-5678, 2-5-1), after a label's 第,
# a Latin letter (GPT-3) or a decimal point, nor printed as an ASCII hyphen (a code's)
_RANGE_DASHES = "－‐"   # full-width hyphen-minus, hyphen
_FIGURE = r"[0-9][0-9,]*(?:\.[0-9]+)?[千万億兆]?"
_DASH_RANGE = re.compile(rf"(?<![0-9A-Za-z.,\-/第])(?P<low>{_FIGURE})-(?P<high>{_FIGURE})")


def dash_ranges(text: str, folded: str) -> str:
    """``folded`` with each hyphen that joins a range of two figures (``36－38％`` in
    ``text``) made ``～``, as the range rules read it: the low end below the high end, the
    high end followed by a listed unit that no figure or hyphen follows; ``folded`` itself
    when none."""
    if not any(c in text for c in _RANGE_DASHES):
        return folded
    marks = []
    for match in _DASH_RANGE.finditer(folded):
        dash = match.end("low")
        unit = counter_re().match(folded, match.end())
        if text[dash] not in _RANGE_DASHES or unit is None \
                or re.match(r"-?[0-9]", folded[unit.end():unit.end() + 2]):
            continue
        low, high = (parse_folded_decimal(match.group(g)) for g in ("low", "high"))
        if low is not None and high is not None and low < high:
            marks.append(dash)
    for dash in marks:
        folded = folded[:dash] + "～" + folded[dash + 1:]
    return folded


def find_raw_figures(text: str, folded: str, blocked: list[tuple[int, int]],
                     tokens_after: TokensAfter) -> list[RawFigure]:
    """Every numeral of ``folded`` (``text`` width-folded) outside ``blocked`` that is a
    quantity, in order, with its unit, prefixes and suffixes."""
    found = []
    label_end = -2      # the end of the last grade label (要介護3): a range's other end is one
    for match in NUMERAL_RE.finditer(folded):
        start, end = match.span()
        if blocked and any(s < end and start < e for s, e in blocked):
            continue
        if _is_label(folded, start, end) or _is_fragment(folded, start, end):
            continue
        prefix_start, prefixes = prefixes_before(folded, start)
        dai = _DAI.search(folded, max(0, start - 2), start)
        if dai is not None:
            prefix_start = dai.start()      # 世界第3位: 第 is part of the rank's surface
        if _inside_word(text, start, end) and prefix_start == start:
            continue
        value = parse_folded_decimal(match.group())
        if value is None or set(match.group()) <= _SCALES_ALONE and "approx" not in prefixes:
            continue        # 千ha, （単位：百万トン）: a unit's scale in a label, no number
        if _made_vague(folded, start, end, tokens_after):
            continue        # 数10億円, 20数件: a vague amount, no value
        if is_kanji(text[start]) and not _is_token_start(tokens_after, start, end):
            continue
        if _AFTER_FRACTION.search(folded, max(0, start - 3), start):
            continue        # the 1 of 3分の1, 2/3: a fraction's part, no count of its own
        if "sign" in prefixes:
            value = -value
        unit, kind, unit_end = unit_after(folded, start, end, tokens_after)
        if not unit and KATAKANA.match(folded, end):
            continue        # 70億インストラクトモデル: glued to a word that counts nothing
        if not unit and prefix_start == start and _is_grade_label(folded, start, label_end):
            label_end = end
            continue        # 要介護3～5の者: grades, no 5 persons
        if not unit and is_span(folded, start, end, value, prefixes):
            unit, kind, unit_end = folded[end], "duration", end + 1   # 約9年, 8.8日
        if kind not in _LISTED_KINDS and _one_or_two_more(folded, prefix_start, value):
            continue        # 2、3件: two or three, no value (1、2位 lists two places)
        unit = speed_unit(folded, unit, prefix_start)      # 時速100km: km/h
        if kind not in _SHARE_KINDS:
            unit = span_rate_unit(folded, unit, prefix_start)   # 月45時間: 時間/月
        rate, base_start = per_base_unit(folded, prefix_start, unit)   # 出生千対1.8
        if rate != unit:
            unit, kind, prefix_start = rate, kind if unit else "ratio", base_start
        rate = per_denominator_unit(folded, prefix_start, unit)   # 1人当たり37万円: 円/人
        if rate != unit:    # 人口千人当たり6.3: a rate per mille, no count
            unit, kind = rate, kind if unit else "ratio"
        if not unit:
            unit, sign_start = currency_before(folded, start, end)   # US$1.5兆, €150億
            if unit:
                kind, prefix_start = "money", min(prefix_start, sign_start)
        if unit == "割":
            value, unit_end = tenths_of_wari(folded, value, unit_end)
        if kind == "duration" and AND_A_HALF.match(folded, unit_end):
            # 約1年半, 1時間半: and a half
            value, unit_end = value + (Decimal("0.5") if value >= 0 else Decimal("-0.5")), \
                unit_end + 1
        if unit and no_quantity_of_its_own(folded, start, unit, unit_end) \
                or unit in _CLASS_UNITS and _names_a_class(
                    folded, unit_end, tokens_after(start, unit_end)):
            continue
        suffix_end, approx, modifier = suffixes_after(folded, unit_end)
        if unit and not modifier:   # 2,102人（16.4％）増加: both figures' change
            modifier = change_past_bracket(folded, prefix_start, unit_end) \
                or bound_past_spacing(folded, unit_end)
        if unit == "度":    # degrees, or times (2度にわたり): the sentence decides
            reading = degree_or_times(folded, prefix_start, unit_end, suffix_end,
                                      value == value.to_integral_value(), kind == "ordinal")
            if not reading:
                continue
            if reading == "times":
                unit, kind = "回", kind if kind == "ordinal" else "count"
        if kind == "count" and "/" not in unit:   # 10年に1度: once per ten years
            rate, base_start = frequency_unit(folded, unit, prefix_start)
            if rate != unit and not any(s < prefix_start and base_start < e
                                        for s, e in blocked):   # 2010年に1回: a date
                unit = rate
            unit = span_rate_unit(folded, unit, prefix_start)   # 年に2度: 回/年
        if unit and not modifier:
            suffix_end, modifier = verb_bound(folded, suffix_end)
        bare = None if unit or suffix_end > end else _bare_count(
            folded, prefix_start, end, value)
        if bare is not None:
            modifier, suffix_end, kind = bare[0], bare[1], "count"
        if "total" in prefixes:
            modifier = modifier or "延べ"
        if "tolerance" in prefixes:   # ±0.5％: plus or minus 0.5, never 0.5 itself
            modifier = "±"
        big = next((BIG_UNITS[c] for c in reversed(match.group()) if c in BIG_UNITS), 1)
        found.append(RawFigure(prefix_start, suffix_end, end, value, big if big > 1 else 1,
                               unit, approx or "approx" in prefixes, modifier, kind,
                               tuple(prefixes), bare is not None,
                               numeral_scale(match.group())))
    return _spread_changes(folded, found)


def _spread_changes(folded: str, found: list[RawFigure]) -> list[RawFigure]:
    """A change word after the last of a list of figures in one unit applies to each
    (``男性は0.42年、女性は0.49年下回った``: both 減; ``figure_marks.shares_the_change``);
    not past a comparison base (``シェアは30%、前年比5%増``: 30% is a level)."""
    for k in range(len(found) - 2, -1, -1):
        item, after = found[k], found[k + 1]
        if (after.modifier in ("増", "減") and not item.modifier and item.unit
                and item.unit == after.unit and item.kind == after.kind
                and "basis" not in item.prefixes and "basis" not in after.prefixes
                and shares_the_change(folded, item.start, item.end, after.start)):
            found[k] = replace(item, modifier=after.modifier)
    return found
