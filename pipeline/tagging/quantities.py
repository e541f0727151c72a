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
  分速 or 秒速 (``時速100km`` → ``km/h``). A figure after the base of its rate and 対
  is per that base (``出生千対1.8`` → 1.8 ``/1000``, kind ``ratio``;
  ``自殺死亡率（人口10万対）は16.4`` → ``/100000``; ``7対1`` has no base), and one after
  its rate's denominators, with at most its measure noun between, is per them
  (``人口一人当たりでは37万円`` → ``円/人``, ``1人1日当たり880グラム`` → ``g/人/日``,
  ``10a当たり収量は536kg`` → ``kg/10a``); an exchange rate ``1ドル＝150円`` is one
  figure, 150 ``円/ドル``. ``度`` is degrees or, as the sentence says, a count of times (``2度にわたり``, ``3度目``: unit ``回``); with no evidence either
  way the figure is left out (``counters.degree_or_times``). A floor ``3階`` is an
  ordinal, storeys ``10階建て`` a count; 個 before a noun counts it (``9個師団``).
- ``kind``: the counter's category (``count``, ``money``, ``percent``, ``ratio``, ``point``,
  ``duration``, ``measure``, ``rank``), ``ordinal`` for ``３校目``/``５回目``, ``count`` for a
  bare count (below), empty for a unit-less figure nothing classifies. ``N日`` is a
  duration only with a bound or approximation after it (``14日以内``), and so is ``N年``
  (``5年以上``, ``5〜10年程度``); ``N年``/``N日`` with 約 before it or a fraction
  (``約9年``, ``8.8日``); else a year or a day of a month, the date rules' business. 半 after a span adds a half (``約1年半`` 1.5, ``1時間半``).
- Bare counts: ``35のＴＬＯ``, ``164の研究開発プラットフォーム``, ``合計91の特定補助金等``
  (a whole number followed by の and a word, not glued to a word before it) and
  ``140を超え`` (modifier ``超``) are counts without a unit; the noun is their measure.
- ``approx``: 約, およそ, 概ね, ほぼ before; 程度, 前後, 近く, ほど, 規模 after.
- ``modifier``: 超, 以上, 以下, 未満, 強, 弱, 余, 台 (``4,000人台``: in the 4,000s), 延べ,
  a level mark with a bound (``震度6弱以上``: 弱以上, 6弱 or more; ``5強未満``: 強未満),
  a verb that makes the figure a bound (``5%を超えた``, ``30%を上回る``: 超;
  ``3%を下回る``: 未満), and changes normalised to
  ``増`` (増, 増加, 増額, 上昇, ``0.2ポイント上回った``, ``平年より1.29℃高く``, 多い) or
  ``減`` (減, 減少, 減額, 削減, 低下, ``前年を0.07ポイント下回った``, 低い, 少ない);
  ``52.7％の減少`` counts, and a change after a bracket holding only the figure's share
  is both figures' (``2,102人（16.4％）増加``). A comparison base (``前年度比``,
  ``前年差``, ``前年度当初予算比``) before the figure is kept in ``surface``.
- A currency sign before a figure with no unit after it is its unit (``US$1.5兆`` ドル,
  ``€150億`` ユーロ: ``number_currency_signs.tsv``), but not ``S$70m``.
- Negative values: ``－4.3%``, ``▲``, ``△``, ``マイナス``; a plus sign (``前年度比＋3.2％``)
  is kept in the surface. A tolerance ``±0.5％`` keeps 0.5 with the modifier ``±``
  (``number_tolerance_words.tsv``).
- A proportion ``約5人に1人`` (one in five) gives no row; a rate ``1人に1台`` one row,
  ``1台`` with the unit ``台/人``.
- Ranges ``50～100件`` and ``6%～21%``: two rows, ``range_role`` ``low`` and ``high``,
  same unit; a bare low end takes the scale the high end is printed in while it stays
  below it (``2～3万円`` is 20000 to 30000 円, ``8～9千人`` 8000 to 9000, ``5,000～1万人``
  5000 to 10000 人).
- Any other figure with no unit is reported only when it is approximate, modified or
  composed with 万/億/兆 (``およそ150``, ``3万以上``), or a decimal whose sentence names
  its measure with a measure noun (``合計特殊出生率は1.26``): bare integers are too often
  labels.
- Never numbers: a scale kanji alone (``千ha``, ``（千人）``: an axis or header label;
  but ``約十倍``, ``およそ千人`` with an approximation before it are figures),
  a figure that 数 makes vague (``数10億円``, ``10数%``, ``20数件``, ``1万数千人``: no value
  would be right; ``数百人`` is no numeral at all) or a pair that means "two or three"
  (``2、3件``; a list of ranks ``1、2位`` stays), the parts of a misprinted digit run
  (``1,2345人``), a grade (``1級``, ``第1種1、2級``: a label as ``2型``, ``5類`` are) and a
  figure with no unit after a grade or level word (``要介護3～5``, ``障害支援区分4以上``:
  ``number_label_heads.tsv``),
  dates (``find_dates``), ordinals and labels after 第 (``第1節``, ``第４次``,
  ``平成10年法律第52号``; but ``世界第3位`` is a rank, as ``3位`` is), hyphenated ids
  (``第２-５-１図``, ``図表3-1-1-1``), figures glued to Latin letters (``ＴＬＯ1``, ``5G``), URLs, and a
  year printed bare before a common noun that is no counter (``2024春季生活闘争``).
- ``measure`` and ``measure_confidence``: from the sentence's shape
  (``pipeline.tagging.measures``: ``XはN件``, ``Xの件数はN件``, ``N件のX``, the measure noun
  opening a list of entities' figures, ``ARPUをみると、KDDIは6,560円``, a comparison
  takes the measure of the figure it compares, else the sentence's topic, ``low``).
  After a unit of an attribute (``20GBのプラン``, ``65歳以上の高齢者``:
  ``number_attribute_units.tsv``) or a bounded amount (``資本金10億円以上の大企業``) the
  noun after の has the figure, it is not what the figure measures, nor is the topic
  before は (``児童手当は3歳未満の子``); nor is a set-up after の (``22隻の体制``), a basis
  of reckoning (``CO2換算11.7億トン``, ``カロリーベースで38％``), a rank's field
  (``世界第3位``), a breakdown (``年齢別では``) or the base a figure is compared with
  (``前年より4万875人減少`` takes the measure before it, or the previous figure's):
  ``pipeline.tagging.figure_measures``.
- ``period_start``/``period_end``: the nearest date before the figure that is not a
  comparison or price base (``平成26年度と比べると``, ``2000年から``, ``2011年価格``; a
  deadline is a target's period: ``2025年度までに約2万2,500人``; a change counted from
  a time a few words on is open from it: ``1961年のピーク時から約28%減少``; a ratio of a
  date's figure takes the date as base: ``2018年度の約1.7倍``, ``2019年同月比96.4%``),
  else the first following as-of date (``（平成31年１月時点）``).
- A numeral that does not parse (``1万2億円``: big units out of order) is dropped.

The work is shared by what each part is: ``raw_figures`` finds every numeral that is a
quantity with its unit (``figure_units``) and the words around it (``figure_marks``);
``figure_pairs`` reads proportions and ranges; ``figure_measures`` picks the measure and
``figure_periods`` the period; this module puts them together as rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.nlp.tokens import Token, tokenize
from pipeline.tagging import measures
from pipeline.tagging.counters import load_counters
from pipeline.tagging.dates import DateMention, find_dates
from pipeline.tagging.figure_measures import figure_measure, names_its_measure
from pipeline.tagging.figure_pairs import join_proportions, pair_ranges
from pipeline.tagging.figure_periods import figure_period
from pipeline.tagging.figure_units import MAY_START_WORD, TokensAfter, per_denominator_unit
from pipeline.tagging.measure_lists import has_breakdown
from pipeline.tagging.numerals import NUMERAL_START, fold_width
from pipeline.tagging.raw_figures import RawFigure, blocked_spans, dash_ranges, find_raw_figures

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


_NUMERAL_CHAR = re.compile(NUMERAL_START)   # what NUMERAL_RE needs
_SHARE_KINDS = ("percent", "ratio", "point")   # a change in % of a rate is no rate
# 作況指数は101, 消費者物価指数は105: an index's value, a whole number no label is
_INDEX_BEFORE = re.compile(r"指数(?:は|が)[、 　]*$")
_OPEN_RANGE = re.compile(r"\s?[～〜~]\s?[0-9〇一二三四五六七八九]")   # 約30～50の: a range's low end


def _window_tokens(text: str) -> TokensAfter:
    """Tokens after a numeral for text in no Doc: the numeral and the few characters after
    it tokenised together (the numeral is context: ``位`` alone is a particle)."""
    def tokens_after(start: int, end: int) -> Sequence[Token]:
        tokens = tokenize(text[start:end + 12])
        return [t._replace(start=t.start + start, end=t.end + start)
                for t in tokens if t.start + start >= end]
    return tokens_after


def _is_decimal(folded: str, raw: RawFigure) -> bool:
    """A figure printed with a fraction (``1.26``, ``マグニチュード9.0``): no label numbers
    so, unlike a bare integer."""
    return "." in folded[raw.start:raw.numeral_end]


def may_hold_numbers(text: str) -> bool:
    """False when ``find_numbers(text)`` is surely empty: every numeral holds a digit or
    a kanji numeral. A scan much cheaper than the search."""
    return _NUMERAL_CHAR.search(text) is not None


def find_numbers(text: str, dates: list[DateMention] | None = None,
                 folded: str | None = None,
                 tokens_after: TokensAfter | None = None,
                 breakdown_items: bool = False) -> list[NumberMention]:
    """Every quantity in one sentence, in order, with offsets into ``text``.
    ``breakdown_items``: keep a decimal with no unit given for an item of a breakdown
    (``都道府県別にみると、沖縄県が1.60``), whose measure the sentence before may name
    (``paragraph_measures`` takes it, or drops the row).

    ``dates`` (``find_dates(text)``) and ``folded`` (``fold_width(text)``): when the caller
    has them (a tagger reports dates too). ``tokens_after``: the UniDic tokens after a
    numeral, from the caller's Doc; without it, the few characters after a numeral that
    may be a counter are tokenised on their own."""
    folded = fold_width(text) if folded is None else folded
    if dates is None:
        dates = find_dates(text, folded)
    folded = dash_ranges(text, folded)   # 36－38％: a range, read after the dates
    tokens_after = _window_tokens(text) if tokens_after is None else tokens_after
    mentions: list[NumberMention] = []
    previous_end, previous = 0, measures.NONE
    window = 0   # where the words that may name the figure begin (_window_start)
    listed: tuple[str, measures.Measure, int] = ("", measures.NONE, -1)
    raws = join_proportions(folded, find_raw_figures(text, folded, blocked_spans(folded, dates),
                                                     tokens_after))
    figure_starts = frozenset(raw.start for raw in raws)   # 1.19倍の約3倍: 約3倍 is no noun
    for raw, role in pair_ranges(folded, raws):
        # a figure composed with 万/億 stands for an amount unless a word goes on from it
        # (一億総活躍社会: a slogan, no 100,000,000)
        composed = raw.big > 1 and not MAY_START_WORD.match(folded, raw.end)
        classified = raw.unit or raw.approx or raw.modifier or composed or role or raw.bare
        if not (classified or _is_decimal(folded, raw)
                or _INDEX_BEFORE.search(folded, max(0, raw.start - 6), raw.start)):
            continue
        if not (raw.unit or role) and _OPEN_RANGE.match(folded, raw.numeral_end):
            continue    # 約30～50の団体: a low end no unit joins to a high end, no value
        window = _window_start(folded, previous_end, raw.start, window)
        measure = figure_measure(folded, raw, role, window, previous, dates,
                                 figure_starts, listed)
        if not classified and not names_its_measure(measure) and not (
                breakdown_items and _is_decimal(folded, raw) and measure.confidence == "low"
                and measure.text and has_breakdown(folded)):
            continue
        period = figure_period(folded, raw.start, raw.end, raw.modifier, raw.unit, dates)
        kind = raw.kind or ("count" if raw.unit else "")
        unit = _rate_of_measure(folded, raw, measure, mentions)
        mentions.append(NumberMention(
            raw.start, raw.end, text[raw.start:raw.end],
            None if raw.value is None else float(raw.value), unit, raw.approx,
            raw.modifier, measure.text, period.start_date if period else None,
            period.end_date if period else None, role, kind, measure.confidence))
        previous_end, previous = raw.end, measure
        if _bracket_depth(folded, raw.start) == 0:
            listed = (raw.unit, measure, raw.end)
    return mentions


def _rate_of_measure(folded: str, raw: RawFigure, measure: measures.Measure,
                     mentions: list[NumberMention]) -> str:
    """The unit of a figure that takes a rate's measure from the sentence (a list or a
    comparison, not glued to it): the rate's, when the figure is in the rate's numerator
    unit (``人口10万人当たり医師数は262.1人で、…5.3人増加`` → ``人/100000人``;
    ``1戸当たり経営耕地面積は、北海道が30.9ha`` → ``ha/戸``); else its own unit."""
    unit = raw.unit
    if not unit or "/" in unit or not measure.text or measure.confidence == "high" \
            or raw.kind in _SHARE_KINDS:
        return unit     # 前年度比3.4％増: a share of the rate is no rate
    same = [m for m in mentions if m.measure == measure.text]
    if same:
        return next((m.unit for m in reversed(same) if m.unit.startswith(unit + "/")), unit)
    at = folded.rfind(measure.text, 0, raw.start)
    return unit if at < 0 else per_denominator_unit(folded, at + len(measure.text), unit)


def _window_start(folded: str, previous_end: int, start: int, previous_window: int) -> int:
    """Where the words that may name the figure at ``start`` begin: after the figure
    before (``previous_end``), or, when that one stands in a bracket that closes before
    this figure, where that figure's own words began (``previous_window``) or after the
    last 、 before the bracket (``育児休業取得率（令和4年度17.13％）を2025年までに50％``,
    ``現金給与総額（事業所規模5人以上）は月平均32万9,859円``: the noun before the bracket
    names this figure too)."""
    if _bracket_depth(folded, previous_end) <= _bracket_depth(folded, start):
        return previous_end
    depth = 0
    for at in range(previous_end - 1, previous_window - 1, -1):
        if folded[at] == "）":
            depth += 1
        elif folded[at] == "（":
            if depth == 0:
                return max(previous_window, folded.rfind("、", previous_window, at) + 1)
            depth -= 1
    return previous_end


def _bracket_depth(folded: str, at: int) -> int:
    """How many brackets are open at ``at``."""
    return folded.count("（", 0, at) - folded.count("）", 0, at)
