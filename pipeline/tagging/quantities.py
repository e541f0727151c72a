"""Quantities in one Japanese sentence: value, unit, approximation, modifier, measure, period.

``find_numbers(sentence)`` returns one ``NumberMention`` per quantity, with offsets into
``sentence`` (the caller splits sentences and adds the sentence's offset). Conventions:

- ``value`` is in base units: 万/億/兆 (and 千/百 after a digit) belong to the numeral,
  so ``約608億円`` is 60800000000 円 and ``399.0万人`` is 3990000 人.
- ``unit`` comes from ``pipeline/data/counters.tsv`` (NFKC, ``％`` → ``%``) or, for a
  counter no row lists, from the UniDic word after the figure (``pipeline.tagging.counters``:
  ``110通り``, ``１位``, ``5事業者``, ``150億パラメータ``). A rate ``1357.4万円/人`` has its
  numerator in base units and unit ``円/人`` (13574000); a rate per a span of time
  keeps it (``5,000人/日``, ``60㎞／h`` → ``km/h``), and so does a length after 時速,
  分速 or 秒速 (``時速100km`` → ``km/h``). ``度`` is degrees or, as the sentence
  says, a count of times (``2度にわたり``, ``3度目``: unit ``回``); with no evidence either
  way the figure is left out (``counters.degree_or_times``). A floor ``3階`` is an
  ordinal, storeys ``10階建て`` a count; 個 before a noun counts it (``9個師団``).
- ``kind``: the counter's category (``count``, ``money``, ``percent``, ``ratio``, ``point``,
  ``duration``, ``measure``, ``rank``), ``ordinal`` for ``３校目``/``５回目``, ``count`` for a
  bare count (below), empty for a unit-less figure nothing classifies. ``N日`` is a
  duration only with a bound or approximation after it (``14日以内``), and ``N年``/``N日``
  with 約 before it or a fraction (``約9年``, ``8.8日``); else a year or a day of a month,
  the date rules' business. 半 after a span adds a half (``約1年半`` 1.5, ``1時間半``).
- Bare counts: ``35のＴＬＯ``, ``164の研究開発プラットフォーム``, ``合計91の特定補助金等``
  (a whole number followed by の and a word, not glued to a word before it) and
  ``140を超え`` (modifier ``超``) are counts without a unit; the noun is their measure.
- ``approx``: 約, およそ, 概ね, ほぼ before; 程度, 前後, 近く, ほど, 規模 after.
- ``modifier``: 超, 以上, 以下, 未満, 強, 弱, 余, 台 (``4,000人台``: in the 4,000s), 延べ,
  a verb that makes the figure a bound (``5%を超えた``, ``30%を上回る``: 超;
  ``3%を下回る``: 未満), and changes normalised to
  ``増`` (増, 増加, 増額, 上昇, ``0.2ポイント上回った``) or ``減`` (減, 減少, 減額, 低下,
  ``前年を0.07ポイント下回った``); ``52.7％の減少`` counts. A comparison
  base (``前年度比``, ``前年差``) before the figure is kept in ``surface``.
- A currency sign before a figure with no unit after it is its unit (``US$1.5兆`` ドル,
  ``€150億`` ユーロ: ``number_currency_signs.tsv``), but not ``S$70m``.
- Negative values: ``－4.3%``, ``▲``, ``△``, ``マイナス``; a plus sign (``前年度比＋3.2％``)
  is kept in the surface. A tolerance ``±0.5％`` keeps 0.5 with the modifier ``±``
  (``number_tolerance_words.tsv``).
- A proportion ``約5人に1人`` (one in five) gives no row; a rate ``1人に1台`` one row,
  ``1台`` with the unit ``台/人``.
- Ranges ``50～100件`` and ``6%～21%``: two rows, ``range_role`` ``low`` and ``high``,
  same unit; a bare low end takes the high end's 万/億/兆 while it stays below it
  (``2～3万円`` is 20000 to 30000 円, ``5,000～1万人`` 5000 to 10000 人).
- Any other figure with no unit is reported only when it is approximate, modified or
  composed with 万/億/兆 (``およそ150``, ``3万以上``), or a decimal whose sentence names
  its measure with a measure noun (``合計特殊出生率は1.26``): bare integers are too often
  labels.
- Never numbers: a scale kanji alone (``千ha``, ``（千人）``: an axis or header label),
  a figure that 数 makes vague (``数10億円``, ``10数%``, ``20数件``, ``1万数千人``: no value
  would be right; ``数百人`` is no numeral at all),
  dates (``find_dates``), ordinals and labels after 第 (``第1節``,
  ``第４次``, ``平成10年法律第52号``), hyphenated ids (``第２-５-１図``,
  ``図表3-1-1-1``), figures glued to Latin letters (``ＴＬＯ1``, ``5G``), URLs, and a
  year printed bare before a common noun that is no counter (``2024春季生活闘争``).
- ``measure`` and ``measure_confidence``: from the sentence's shape
  (``pipeline.tagging.measures``: ``XはN件``, ``Xの件数はN件``, ``N件のX``, the measure noun
  opening a list of entities' figures, ``ARPUをみると、KDDIは6,560円``, a comparison
  takes the measure of the figure it compares, else the sentence's topic, ``low``).
  After a unit of an attribute (``20GBのプラン``, ``65歳以上の高齢者``:
  ``number_attribute_units.tsv``) or a bounded amount (``資本金10億円以上の大企業``) the
  noun after の has the figure, it is not what the figure measures.
- ``period_start``/``period_end``: the nearest date before the figure that is not a
  comparison or price base (``平成26年度と比べると``, ``2000年から``, ``2011年価格``; a
  deadline is a target's period: ``2025年度までに約2万2,500人``; a change counted from
  a time a few words on is open from it: ``1961年のピーク時から約28%減少``; a ratio of a
  date's figure takes the date as base: ``2018年度の約1.7倍``, ``2019年同月比96.4%``),
  else the first following as-of date (``（平成31年１月時点）``).
- A numeral that does not parse (``1万2億円``: big units out of order) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from pipeline.common.lexicons import word_list, word_map
from pipeline.common.text import is_kanji
from pipeline.nlp.tokens import Token, tokenize
from pipeline.tagging import measures
from pipeline.tagging.counters import counter_re, degree_or_times, load_counters
from pipeline.tagging.dates import DateMention, find_dates
from pipeline.tagging.figure_periods import figure_period
from pipeline.tagging.figure_units import (
    AND_A_HALF,
    LATIN,
    MAY_START_WORD,
    SUFFIX_APPROX,
    SUFFIX_BOUND,
    SUFFIX_CHANGE,
    TokensAfter,
    currency_before,
    is_span,
    no_quantity_of_its_own,
    speed_unit,
    tenths_of_wari,
    unit_after,
)
from pipeline.tagging.numerals import NUMERAL_RE, NUMERAL_START, fold_width, parse_folded_decimal

__all__ = ["NumberMention", "TokensAfter", "find_numbers", "load_counters", "may_hold_numbers"]


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    surface: str
    value: float | None
    unit: str
    approx: bool
    modifier: str
    measure: str
    period_start: str | None
    period_end: str | None
    range_role: str           # '' | 'low' | 'high'
    kind: str = ""            # count, money, percent, ratio, point, duration, measure, rank, ordinal
    measure_confidence: str = ""   # high, medium, low, or ''


_SIGN_WORDS = word_list("number_sign_words")
_TOLERANCE_WORDS = word_list("number_tolerance_words")
_PLUS_WORDS = word_list("number_plus_words")
_APPROX_WORDS = word_list("number_approx_words")
_QUALIFIER_WORDS = word_list("number_qualifier_words")   # 毎年数10万人: 数 opens a word
_TOTAL_WORDS = ("延べ",)
_SUM_WORDS = word_list("number_sum_words")
_BASIS_WORDS = word_list("number_basis_words")
_BASIS_ENDS = ("比", "差")


def _one_of(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


_PREFIXES = (
    # before sign: プラスマイナス ends with マイナス
    ("tolerance", re.compile(rf"{_one_of(_TOLERANCE_WORDS)}$")),
    ("sign", re.compile(rf"(?<![0-9A-Za-z]){_one_of(_SIGN_WORDS)}$")),
    ("plus", re.compile(rf"(?<![0-9A-Za-z]){_one_of(_PLUS_WORDS)}$")),
    ("approx", re.compile(rf"{_one_of(_APPROX_WORDS)}$")),
    ("total", re.compile(rf"{_one_of(_TOTAL_WORDS)}$")),
    ("basis", re.compile(rf"(?:対)?{_one_of(_BASIS_WORDS)}{_one_of(_BASIS_ENDS)}?$")),
)
# The last character of every word ``_PREFIXES`` reads (and a newline, before which ``$``
# matches too): a figure after any other character has no prefix, and the four searches
# are skipped (nine figures in ten).
_PREFIX_LAST_CHARS = frozenset({w[-1] for w in (*_SIGN_WORDS, *_TOLERANCE_WORDS, *_PLUS_WORDS,
                                                *_APPROX_WORDS, *_TOTAL_WORDS, *_BASIS_WORDS,
                                                *_BASIS_ENDS)} | {"\n"})
# A total word before a bare count (合計91の): the count is not glued to a word
_SUM_BEFORE = re.compile(rf"(?<![一-鿿々]){_one_of(_SUM_WORDS)}$")
# A verb that makes the figure a bound: 5%を超えた, 30%を上回る (超); 3%を下回る (未満)
_VERB_BOUND = re.compile(r"を(?:超え|超す|上回|下回|割り込|割っ|割る)")
_VERB_BOUND_MODIFIER = {"超": "超", "上": "超", "下": "未満", "割": "未満"}
_RANGE_RE = re.compile(r"\s?～\s?")
_URL_RE = re.compile(r"https?://[!-~]+")
_NUMERAL_CHAR = re.compile(NUMERAL_START)   # what NUMERAL_RE needs
# A bare count: a whole number, then の and a word (35のＴＬＯ), or を超え (140を超え).
_BARE_OF = re.compile(r"の(?=[一-鿿々〆ヵヶ゠-ヿA-Za-z])")
_BARE_OVER = re.compile(r"を超え|を上回")
# what stands before 1 in 3分の1, 2/3 (not 上昇分の7割: no number before 分)
_AFTER_FRACTION = re.compile(r"(?:[0-9一二三四五六七八九十百]分の|[0-9]/)$")
_MULTIPLIERS_ALONE = frozenset("十百千万億兆")   # 千ha: a scale in a label, no number
_SHARE_KINDS = ("percent", "ratio")
_WORD_CHAR = re.compile(r"[一-鿿々〆゠-ヿA-Za-z0-9]")   # a footnote marker follows a word
# units of an attribute of one thing: 20GBのプラン is a plan of that size, not 20GB of plans
_ATTRIBUTE_UNITS = frozenset(word_list("number_attribute_units"))
# a bound on an amount or a span before の marks off a class of the noun after it
# (資本金10億円以上の大企業, 5年以上の経験): the noun is what falls in it, not what is measured
_CLASS_BOUNDS = frozenset(("以上", "以下", "未満", "以内"))
_AMOUNT_KINDS = ("money", "measure", "duration")
# counter → the group of things it names (``number_naming_units.tsv``)
_NAMING_UNITS = word_map("number_naming_units")


@dataclass(frozen=True)
class _Raw:
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


def _blocked_spans(folded: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in dates]
    spans += [(m.start(), m.end()) for m in _URL_RE.finditer(folded)]
    return spans


def _is_label(folded: str, start: int, end: int) -> bool:
    """Ordinals (第1節), hyphenated ids (2-5-1, GPT-3), figures glued to Latin letters
    (ＴＬＯ1) or set after a Latin word (Society 5.0)."""
    before = folded[start - 1] if start > 0 else ""
    after = folded[end] if end < len(folded) else ""
    if folded[max(0, start - 2):start].rstrip().endswith("第"):
        return True
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
            or folded.endswith(_APPROX_WORDS + _QUALIFIER_WORDS, 0, start - 1)):
        return True
    if not folded.startswith("数", end):
        return False
    after = tokens_after(start, end)
    return bool(after) and after[0].start == end and (
        after[0].text == "数" or after[0].tag == "名詞-数詞")


def _prefixes(folded: str, start: int) -> tuple[int, dict[str, str]]:
    """Walk back over sign, approximation, 延べ/合計 and comparison base before a figure."""
    found: dict[str, str] = {}
    if folded[start - 1:start] not in _PREFIX_LAST_CHARS:
        return start, found
    progress = True
    while progress:
        progress = False
        for name, pattern in _PREFIXES:
            match = pattern.search(folded, max(0, start - 8), start) if name not in found else None
            if match:
                found[name], start, progress = match.group(), match.start(), True
    return start, found


def _suffixes(folded: str, end: int) -> tuple[int, bool, str]:
    """Walk forward over approximation, bounds and changes after a figure and unit."""
    approx, modifier = False, ""
    for _ in range(3):
        match = SUFFIX_APPROX.match(folded, end)
        if match:
            approx, end = True, match.end()
            continue
        match = SUFFIX_BOUND.match(folded, end) or SUFFIX_CHANGE.match(folded, end)
        if match and not modifier:
            word = match.group()
            modifier = _change(word) if match.re is SUFFIX_CHANGE else word
            end = match.end()
            continue
        break
    return end, approx, modifier


def _change(word: str) -> str:
    """``増`` or ``減`` for a change word: 増, 増加, 増額, 上昇, 上回る by so much; 減, 減少,
    減額, 低下, 下回る."""
    return "増" if word.removeprefix("の")[0] in "増上" else "減"


def _verb_bound(folded: str, end: int) -> tuple[int, str]:
    """The end of the figure's surface and its modifier when a verb after it makes a
    figure with a unit a bound (``5%を超えた`` 超, ``3%を下回る`` 未満); a bare count's
    ``140を超え`` is ``_bare_count``'s."""
    match = _VERB_BOUND.match(folded, end)
    if match is None:
        return end, ""
    return match.end(), _VERB_BOUND_MODIFIER[match.group()[1]]


def _window_tokens(text: str) -> TokensAfter:
    """Tokens after a numeral for text in no Doc: the numeral and the few characters after
    it tokenised together (the numeral is context: ``位`` alone is a particle)."""
    def tokens_after(start: int, end: int) -> Sequence[Token]:
        tokens = tokenize(text[start:end + 12])
        return [t._replace(start=t.start + start, end=t.end + start)
                for t in tokens if t.start + start >= end]
    return tokens_after


def _is_token_start(tokens_after: TokensAfter, start: int, end: int) -> bool:
    """A kanji numeral is a word of its own, not part of one (十分 is one word)."""
    tokens = tokens_after(start, end)
    return not tokens or tokens[0].start == end


def _bare_count(folded: str, start: int, end: int, value: Decimal) -> tuple[str, int] | None:
    """``35のＴＬＯ`` (modifier '') or ``140を超え`` (``超``): a whole number not glued to a
    word before it (a total word aside: ``合計91の``); the modifier and the end of the
    figure's surface."""
    if value != value.to_integral_value():
        return None
    if start > 0 and _WORD_CHAR.match(folded, start - 1) and not _SUM_BEFORE.search(
            folded, max(0, start - 4), start):
        return None
    if _BARE_OF.match(folded, end):
        return "", end
    over = _BARE_OVER.match(folded, end)
    return ("超", over.end()) if over else None


def _raw_quantities(text: str, folded: str, blocked: list[tuple[int, int]],
                    tokens_after: TokensAfter) -> list[_Raw]:
    found = []
    for match in NUMERAL_RE.finditer(folded):
        start, end = match.span()
        if blocked and any(s < end and start < e for s, e in blocked):
            continue
        if _is_label(folded, start, end):
            continue
        prefix_start, prefixes = _prefixes(folded, start)
        if _inside_word(text, start, end) and prefix_start == start:
            continue
        value = parse_folded_decimal(match.group())
        if value is None or match.group() in _MULTIPLIERS_ALONE:
            continue        # 千ha, （千人）: a unit's scale in a label, no count of 1000
        if _made_vague(folded, start, end, tokens_after):
            continue        # 数10億円, 20数件: a vague amount, no value
        if is_kanji(text[start]) and not _is_token_start(tokens_after, start, end):
            continue
        if _AFTER_FRACTION.search(folded, max(0, start - 3), start):
            continue        # the 1 of 3分の1, 2/3: a fraction's part, no count of its own
        if "sign" in prefixes:
            value = -value
        unit, kind, unit_end = unit_after(folded, start, end, tokens_after)
        if not unit and is_span(folded, start, end, value, prefixes):
            unit, kind, unit_end = folded[end], "duration", end + 1   # 約9年, 8.8日
        unit = speed_unit(folded, unit, prefix_start)      # 時速100km: km/h
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
        if unit and no_quantity_of_its_own(folded, start, unit, unit_end):
            continue
        suffix_end, approx, modifier = _suffixes(folded, unit_end)
        if unit == "度":    # degrees, or times (2度にわたり): the sentence decides
            reading = degree_or_times(folded, prefix_start, unit_end, suffix_end,
                                      value == value.to_integral_value(), kind == "ordinal")
            if not reading:
                continue
            if reading == "times":
                unit, kind = "回", kind if kind == "ordinal" else "count"
        if unit and not modifier:
            suffix_end, modifier = _verb_bound(folded, suffix_end)
        bare = None if unit or suffix_end > end else _bare_count(
            folded, prefix_start, end, value)
        if bare is not None:
            modifier, suffix_end, kind = bare[0], bare[1], "count"
        if "total" in prefixes:
            modifier = modifier or "延べ"
        if "tolerance" in prefixes:   # ±0.5％: plus or minus 0.5, never 0.5 itself
            modifier = "±"
        big = next((10 ** {"万": 4, "億": 8, "兆": 12}[c] for c in reversed(match.group())
                    if c in "万億兆"), 1)
        found.append(_Raw(prefix_start, suffix_end, end, value, big if big > 1 else 1, unit,
                          approx or "approx" in prefixes, modifier, kind,
                          tuple(prefixes), bare is not None))
    return found


def _proportions(folded: str, raws: list[_Raw]) -> list[_Raw]:
    """``N人にM人`` is a proportion (``約5人に1人``: one in five), no count of five people
    or of one: both go. ``1人に1台`` is a rate: the first goes, the second is per it
    (``台/人``). Another pair (``3社に1億円``: each or all?) is left as it is."""
    if len(raws) < 2 or "に" not in folded:
        return raws
    kept: list[_Raw] = []
    index = 0
    while index < len(raws):
        first = raws[index]
        second = raws[index + 1] if index + 1 < len(raws) else None
        index += 1
        if (second is None or not first.unit or not second.unit or first.modifier
                or not folded.startswith("に", first.end) or second.start != first.end + 1):
            kept.append(first)
        elif first.unit == second.unit:
            index += 1      # 5人に1人: a share, neither figure a count
        elif first.value == 1:
            kept.append(replace(raws[index], unit=f"{second.unit}/{first.unit}"))
            index += 1      # 1人に1台: 1 台 per person
        else:
            kept.append(first)
    return kept


def _pair_ranges(folded: str, raws: list[_Raw]) -> list[tuple[_Raw, str]]:
    """Join ``50～100件`` into a low and a high row that share the unit."""
    rows: list[tuple[_Raw, str]] = []
    index = 0
    while index < len(raws):
        low = raws[index]
        high = raws[index + 1] if index + 1 < len(raws) else None
        index += 1
        # 50～100件; or both ends with the unit, 約2,000億円～3,000億円
        tilde = _RANGE_RE.match(folded, low.numeral_end if not low.unit else low.end)
        if (high is None or tilde is None or tilde.end() != high.start or not high.unit
                or low.unit and (low.unit != high.unit or low.modifier)):
            rows.append((low, ""))
            continue
        value = low.value
        # 2～3万円: the low end takes the high end's 万 when it stays below it so; a low
        # end printed whole (5,000～1万人, 8千～1万2千人) is its own value
        if (value is not None and not low.unit and low.big == 1 and high.big > 1
                and high.value is not None and value * high.big <= high.value):
            value *= high.big
        approx = low.approx or high.approx
        rows.append((replace(low, value=value, unit=high.unit, kind=high.kind, approx=approx,
                             bare=False, modifier=""), "low"))
        rows.append((replace(high, approx=approx), "high"))
        index += 1
    return rows


def _measure(folded: str, raw: _Raw, role: str, window_start: int,
             previous: measures.Measure, dates: list[DateMention],
             figure_starts: frozenset[int],
             listed: tuple[str, measures.Measure, int] = ("", measures.NONE, -1),
             ) -> measures.Measure:
    """What the figure counts, from the sentence's shape (``pipeline.tagging.measures``);
    ``listed``: the unit, measure and end of the last figure outside brackets."""
    if role == "high":
        return previous
    same = folded[raw.start - 1:raw.start] == "同"   # 同６億: the same measure as before
    if previous.text and ("basis" in raw.prefixes or same):
        # 「通信業」（前年比2.4％増）: a noun right before the bracket is the one compared
        found = measures.bracket_measure(folded, raw.start, window_start, dates)
        return found if found.text else measures.Measure(previous.text, "medium")
    if raw.bare and not folded.startswith("を", raw.numeral_end):
        found = measures.following_measure(folded, raw.numeral_end, dates, chain=True,
                                           figure_starts=figure_starts)
        if found.text:
            return found
    following = measures.following_measure(folded, raw.end, dates,
                                           figure_starts=figure_starts)
    if raw.unit in _NAMING_UNITS and not names_the_same(raw.unit, following.text):
        following = measures.NONE   # ３機関の取組: institutions are counted, not initiatives
    elif describes_the_noun(folded, raw) and not measures.is_measure_noun(following.text):
        # 20GBのプラン: the plan has the size; 4m以上の津波の浸水高: the height is measured
        # (a physical unit only: 30歳代の女性の就業率 is no rate of 30)
        following = measures.owned_measure(folded, raw.end, dates) \
            if raw.kind == "measure" else measures.NONE
    adjacent = measures.adjacent_measure(folded, raw.start, dates, window_start,
                                         over_qualifier=raw.kind != "duration")
    entity = adjacent if adjacent.text else measures.bracket_measure(
        folded, raw.start, window_start, dates)
    if entity.text and not following.text:
        # ARPUをみると、NTTドコモは4,800円, 業種別にみると、電気通信業（4347.6万円/人）: the
        # entity a listed figure is given for is not what it measures
        unit, before, before_end = listed
        found = measures.listed_measure(
            folded, raw.start, entity, dates, figure_starts,
            before if unit == raw.unit else measures.NONE, before_end, raw.kind)
        if found.text:
            return found
    adjacent = measures.demote_actor_or_place(
        adjacent, following,
        # a share is the topic's own (情報通信産業は全産業の9.7％を占める); any other
        # figure as an object (政府は約1,234億円を計上) is the topic's doing
        folded.startswith("を", raw.end) and raw.kind not in _SHARE_KINDS)
    # ＡＩを五つの重要科学技術の一つと: the figure qualifies the noun after it
    if following.text and adjacent.text and folded[raw.start - 1:raw.start] in "をも":
        return following
    for found in (measures.glued_measure(folded, raw.start, dates), adjacent,
                  measures.bracket_measure(folded, raw.start, window_start, dates),
                  following, measures.owner_measure(folded, raw.start, window_start, dates,
                                                    raw.kind in _SHARE_KINDS)):
        if found.text:
            return found
    topic = measures.topic_measure(folded, window_start, raw.start, dates,
                                   raw.kind in _SHARE_KINDS)
    if topic is None:   # only brackets since the previous figure: the figure it compares
        return measures.Measure(previous.text, "medium") if previous.text else measures.NONE
    return topic


def describes_the_noun(folded: str, raw: _Raw) -> bool:
    """The noun after ``N<unit>の`` has the figure as an attribute (``20GBのプラン``,
    ``65歳の高齢者``: ``number_attribute_units.tsv``) or falls in the class a bounded amount
    or a count's scale marks off (``資本金10億円以上の大企業``, ``従業員300人規模の企業``): it
    is not what the figure counts or amounts to, as it is after a count (``3,000人の
    職員``), a share (``50%の企業``) or a plain amount (``約500億円の予算``). A measure noun
    after it is still what it measures (``256kbps以上の通信速度``)."""
    return raw.unit in _ATTRIBUTE_UNITS or (
        raw.kind in _AMOUNT_KINDS and raw.modifier in _CLASS_BOUNDS) or (
        raw.kind == "count" and folded.endswith("規模", 0, raw.end))


def names_the_same(unit: str, noun: str) -> bool:
    """``noun`` ends with a counter of ``unit``'s group: it names what ``unit`` counts
    (80社以上の通信事業者), not something of theirs (３機関の取組)."""
    group = _NAMING_UNITS[unit]
    return any(noun.endswith(word) for word, g in _NAMING_UNITS.items() if g == group)


def _is_decimal(folded: str, raw: _Raw) -> bool:
    """A figure printed with a fraction (``1.26``, ``マグニチュード9.0``): no label numbers
    so, unlike a bare integer."""
    return "." in folded[raw.start:raw.numeral_end]


def _names_its_measure(measure: measures.Measure) -> bool:
    """A figure with no unit is reported when the sentence names what it measures,
    confidently, with a measure noun (``合計特殊出生率は1.26``, ``有効求人倍率は1.31``)."""
    return measure.confidence == "high" and measures.is_measure_noun(measure.text)


def may_hold_numbers(text: str) -> bool:
    """False when ``find_numbers(text)`` is surely empty: every numeral holds a digit or
    a kanji numeral. A scan much cheaper than the search."""
    return _NUMERAL_CHAR.search(text) is not None


def find_numbers(text: str, dates: list[DateMention] | None = None,
                 folded: str | None = None,
                 tokens_after: TokensAfter | None = None) -> list[NumberMention]:
    """Every quantity in one sentence, in order, with offsets into ``text``.

    ``dates`` (``find_dates(text)``) and ``folded`` (``fold_width(text)``): when the caller
    has them (a tagger reports dates too). ``tokens_after``: the UniDic tokens after a
    numeral, from the caller's Doc; without it, the few characters after a numeral that
    may be a counter are tokenised on their own."""
    folded = fold_width(text) if folded is None else folded
    if dates is None:
        dates = find_dates(text, folded)
    tokens_after = _window_tokens(text) if tokens_after is None else tokens_after
    mentions: list[NumberMention] = []
    previous_end, previous = 0, measures.NONE
    listed: tuple[str, measures.Measure, int] = ("", measures.NONE, -1)
    raws = _proportions(folded, _raw_quantities(text, folded, _blocked_spans(folded, dates),
                                                tokens_after))
    figure_starts = frozenset(raw.start for raw in raws)   # 1.19倍の約3倍: 約3倍 is no noun
    for raw, role in _pair_ranges(folded, raws):
        # a figure composed with 万/億 stands for an amount unless a word goes on from it
        # (一億総活躍社会: a slogan, no 100,000,000)
        composed = raw.big > 1 and not MAY_START_WORD.match(folded, raw.end)
        classified = raw.unit or raw.approx or raw.modifier or composed or role or raw.bare
        if not (classified or _is_decimal(folded, raw)):
            continue
        measure = _measure(folded, raw, role, previous_end, previous, dates, figure_starts,
                           listed)
        if not classified and not _names_its_measure(measure):
            continue
        period = figure_period(folded, raw.start, raw.end, raw.modifier, raw.unit, dates)
        kind = raw.kind or ("count" if raw.unit else "")
        mentions.append(NumberMention(
            raw.start, raw.end, text[raw.start:raw.end],
            None if raw.value is None else float(raw.value), raw.unit, raw.approx,
            raw.modifier, measure.text, period.start_date if period else None,
            period.end_date if period else None, role, kind, measure.confidence))
        previous_end, previous = raw.end, measure
        if _bracket_depth(folded, raw.start) == 0:
            listed = (raw.unit, measure, raw.end)
    return mentions


def _bracket_depth(folded: str, at: int) -> int:
    """How many brackets are open at ``at``."""
    return folded.count("（", 0, at) - folded.count("）", 0, at)
