"""Quantities in one Japanese sentence: value, unit, approximation, modifier, measure, period.

``find_numbers(sentence)`` returns one ``NumberMention`` per quantity, with offsets into
``sentence`` (the caller splits sentences and adds the sentence's offset). Conventions:

- ``value`` is in base units: 万/億/兆 (and 千/百 after a digit) belong to the numeral,
  so ``約608億円`` is 60800000000 円 and ``399.0万人`` is 3990000 人.
- ``unit`` comes from ``pipeline/data/counters.tsv`` (NFKC, ``％`` → ``%``). A rate
  ``1357.4万円/人`` has its numerator in base units and unit ``円/人`` (13574000).
- ``approx``: 約, およそ, 概ね, ほぼ before; 程度, 前後, 近く, ほど after.
- ``modifier``: 超, 以上, 以下, 未満, 強, 弱, 余, 延べ, and changes normalised to
  ``増`` (増, 増加, 上昇) or ``減`` (減, 減少, 低下); ``52.7％の減少`` counts. A comparison
  base (``前年度比``, ``前年差``) before the figure is kept in ``surface``.
- Negative values: ``－4.3%``, ``▲``, ``△``, ``マイナス``.
- Ranges ``50～100件``: two rows, ``range_role`` ``low`` and ``high``, same unit; a bare
  low end takes the high end's 万/億/兆 (``2～3万円`` is 20000 to 30000 円).
- A figure with no unit is reported only when it is approximate, modified or composed
  with 万/億/兆 (``およそ150の``, ``3万以上``): bare integers are too often labels.
- Never numbers: dates (``find_dates``), ordinals and labels after 第 (``第1節``,
  ``第４次``, ``平成10年法律第52号``), hyphenated ids (``第２-５-１図``,
  ``図表3-1-1-1``), figures glued to Latin letters (``ＴＬＯ1``, ``5G``) and URLs.
- ``measure``: the nearest 「…」 or noun run (kanji, katakana, Latin) directly before
  は/が/では, between the previous figure and this one; a figure that only follows a
  bracket (``２万5,451件（前年度比10.6％増）``) inherits the previous figure's measure.
- ``period_start``/``period_end``: the nearest date before the figure that is not a
  comparison or price base (``平成26年度と比べると``, ``2000年から``, ``2011年価格``),
  else the first following as-of date (``（平成31年１月時点）``).
- A numeral that does not parse (``1万2億円``: big units out of order) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from pipeline.common.lexicons import word_list
from pipeline.common.text import is_kanji
from pipeline.errors import PipelineError
from pipeline.tagging.dates import DateMention, find_dates
from pipeline.tagging.numerals import NUMERAL_RE, NUMERAL_START, fold_width, parse_folded_decimal


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


@dataclass(frozen=True)
class Counter:
    surface: str
    unit: str
    category: str
    source: str
    notes: str


@lru_cache(maxsize=1)
def load_counters() -> tuple[Counter, ...]:
    """Units and counters from ``pipeline/data/counters.tsv``, longest surface first."""
    path = resources.files("pipeline") / "data" / "counters.tsv"
    counters = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], 2):
        cells = line.split("\t")
        if len(cells) != 5 or not cells[0] or not cells[1]:
            raise PipelineError(f"pipeline/data/counters.tsv line {number}: expected 5 tab-"
                                "separated cells (surface, unit, category, source, notes) with "
                                f"surface and unit set, got {line!r}")
        counters.append(Counter(*cells))
    return tuple(sorted(counters, key=lambda c: -len(c.surface)))


@lru_cache(maxsize=1)
def _counter_re() -> re.Pattern[str]:
    surfaces = sorted({fold_width(c.surface) for c in load_counters()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in surfaces))


@lru_cache(maxsize=1)
def _unit_of() -> dict[str, str]:
    return {fold_width(c.surface): c.unit for c in load_counters()}


_SIGN_WORDS = word_list("number_sign_words")
_APPROX_WORDS = word_list("number_approx_words")
_TOTAL_WORDS = ("延べ",)
_BASIS_WORDS = word_list("number_basis_words")
_BASIS_ENDS = ("比", "差")


def _one_of(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


_PREFIXES = (
    ("sign", re.compile(rf"(?<![0-9A-Za-z]){_one_of(_SIGN_WORDS)}$")),
    ("approx", re.compile(rf"{_one_of(_APPROX_WORDS)}$")),
    ("total", re.compile(rf"{_one_of(_TOTAL_WORDS)}$")),
    ("basis", re.compile(rf"(?:対)?{_one_of(_BASIS_WORDS)}{_one_of(_BASIS_ENDS)}?$")),
)
# The last character of every word ``_PREFIXES`` reads (and a newline, before which ``$``
# matches too): a figure after any other character has no prefix, and the four searches
# are skipped (nine figures in ten).
_PREFIX_LAST_CHARS = frozenset({w[-1] for w in (*_SIGN_WORDS, *_APPROX_WORDS, *_TOTAL_WORDS,
                                                *_BASIS_WORDS, *_BASIS_ENDS)} | {"\n"})
_SUFFIX_APPROX = re.compile(r"程度|前後|近く|ほど")
_SUFFIX_BOUND = re.compile(r"以上|以下|未満|超|強|弱|余")
_SUFFIX_CHANGE = re.compile(r"の?(?:増加|減少|上昇|低下)|(?:増|減)(?![えやらっ])")
_CHANGE = {"増": "増", "加": "増", "昇": "増", "減": "減", "少": "減", "下": "減"}
_RANGE_RE = re.compile(r"\s?～\s?")
_PER_RE = re.compile(r"当たり|あたり|ごと|毎")
_URL_RE = re.compile(r"https?://[!-~]+")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NUMERAL_CHAR = re.compile(NUMERAL_START)   # what NUMERAL_RE needs
_QUOTED_TOPIC = re.compile(r"「(?P<m>[^「」]{1,40})」[0-9]{0,2}(?:は|が|では)")
_NOUN_TOPIC = re.compile(r"(?P<m>[一-鿿々〆ヵヶ゠-ヿA-Za-z0-9・]{2,40}?)[0-9]{0,2}"
                         r"(?:（[^（）]{0,30}）)?(?:では|は|が)")
_CONJUNCTIONS = ("又", "或い", "若しく")   # 又は, 或いは, 若しくは: は is not a topic here
# After a date, these make it a comparison or price base, not the figure's period.
_BASE_WORDS = word_list("number_base_words")


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


def _blocked_spans(folded: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in dates]
    spans += [(m.start(), m.end()) for m in _URL_RE.finditer(folded)]
    return spans


def _is_label(folded: str, start: int, end: int) -> bool:
    """Ordinals (第1節), hyphenated ids (2-5-1), figures glued to Latin letters (ＴＬＯ1)."""
    before = folded[start - 1] if start > 0 else ""
    after = folded[end] if end < len(folded) else ""
    if folded[max(0, start - 2):start].rstrip().endswith("第"):
        return True
    if (before == "-" and folded[start - 2:start - 1].isdigit()) or \
            (after == "-" and folded[end + 1:end + 2].isdigit()):
        return True
    if before in _LATIN or before == ".":
        return True
    return after in _LATIN and not _counter_re().match(folded, end)


def _inside_word(text: str, start: int, end: int) -> bool:
    """A kanji numeral inside a word: after another kanji (統一, 同一), or a lone 一,
    which is far more often a word-forming prefix (一度, 一つ, 一部) than a count."""
    if not is_kanji(text[start]):
        return False
    return text[start:end] == "一" or (start > 0 and is_kanji(text[start - 1]))


def _prefixes(folded: str, start: int) -> tuple[int, dict[str, str]]:
    """Walk back over sign, approximation, 延べ and comparison base before a figure."""
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
        match = _SUFFIX_APPROX.match(folded, end)
        if match:
            approx, end = True, match.end()
            continue
        match = _SUFFIX_BOUND.match(folded, end) or _SUFFIX_CHANGE.match(folded, end)
        if match and not modifier:
            word = match.group()
            modifier = _CHANGE[word[-1]] if _SUFFIX_CHANGE.fullmatch(word) else word
            end = match.end()
            continue
        break
    return end, approx, modifier


def _unit(folded: str, end: int) -> tuple[str, int]:
    """Unit or counter at ``end`` (``円``, ``%``, ``円/人``), or ``''``."""
    match = _counter_re().match(folded, end)
    if not match:
        return "", end
    unit, end = _unit_of()[match.group()], match.end()
    if folded.startswith("/", end):
        per = _counter_re().match(folded, end + 1)
        if per:
            return f"{unit}/{_unit_of()[per.group()]}", per.end()
    return unit, end


def _raw_quantities(text: str, folded: str, blocked: list[tuple[int, int]]) -> list[_Raw]:
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
        if value is None:
            continue
        if "sign" in prefixes:
            value = -value
        unit, unit_end = _unit(folded, end)
        if unit and _PER_RE.match(folded, unit_end):
            continue
        suffix_end, approx, modifier = _suffixes(folded, unit_end)
        if "total" in prefixes:
            modifier = modifier or "延べ"
        big = next((10 ** {"万": 4, "億": 8, "兆": 12}[c] for c in reversed(match.group())
                    if c in "万億兆"), 1)
        found.append(_Raw(prefix_start, suffix_end, end, value, big if big > 1 else 1, unit,
                          approx or "approx" in prefixes, modifier))
    return found


def _pair_ranges(folded: str, raws: list[_Raw]) -> list[tuple[_Raw, str]]:
    """Join ``50～100件`` into a low and a high row that share the unit."""
    rows: list[tuple[_Raw, str]] = []
    index = 0
    while index < len(raws):
        low = raws[index]
        high = raws[index + 1] if index + 1 < len(raws) else None
        index += 1
        tilde = _RANGE_RE.match(folded, low.numeral_end) if not low.unit else None
        if high is None or tilde is None or tilde.end() != high.start or not high.unit:
            rows.append((low, ""))
            continue
        value = low.value
        if value is not None and low.big == 1 and high.big > 1:
            value *= high.big
        approx = low.approx or high.approx
        rows.append((replace(low, value=value, unit=high.unit, approx=approx), "low"))
        rows.append((replace(high, approx=approx), "high"))
        index += 1
    return rows


def _measure(folded: str, window_start: int, start: int,
             dates: list[DateMention]) -> str | None:
    """What the figure counts: the nearest topic in ``folded[window_start:start]``."""
    best: tuple[int, str] | None = None
    window = folded[window_start:start]
    # every topic ends with は or が: without them, the two scans (slow ones, the noun run
    # tries each length from each start) surely find nothing
    patterns = (_QUOTED_TOPIC, _NOUN_TOPIC) if "は" in window or "が" in window else ()
    for pattern in patterns:
        for match in pattern.finditer(folded, window_start, start):
            inside_date = any(d.start < match.end("m") and match.start("m") < d.end for d in dates)
            conjunction = match.group("m").endswith(_CONJUNCTIONS)
            if not inside_date and not conjunction and (best is None or match.end() > best[0]):
                best = (match.end(), match.group("m"))
    if best is not None:
        return best[1]
    rest = window.strip("（）() 　")
    return None if rest else ""


def _period(folded: str, start: int, end: int,
            dates: list[DateMention]) -> DateMention | None:
    before = [d for d in dates if d.end <= start
              and not folded.startswith(_BASE_WORDS, d.end)]
    if before:
        return before[-1]
    as_of = [d for d in dates if d.start >= end and d.surface.endswith(("現在", "時点"))]
    return as_of[0] if as_of else None


def may_hold_numbers(text: str) -> bool:
    """False when ``find_numbers(text)`` is surely empty: every numeral holds a digit or
    a kanji numeral. A scan much cheaper than the search."""
    return _NUMERAL_CHAR.search(text) is not None


def find_numbers(text: str, dates: list[DateMention] | None = None,
                 folded: str | None = None) -> list[NumberMention]:
    """Every quantity in one sentence, in order, with offsets into ``text``.

    ``dates`` (``find_dates(text)``) and ``folded`` (``fold_width(text)``): when the caller
    has them (a tagger reports dates too)."""
    folded = fold_width(text) if folded is None else folded
    if dates is None:
        dates = find_dates(text, folded)
    mentions: list[NumberMention] = []
    previous_end, previous_measure = 0, ""
    for raw, role in _pair_ranges(folded, _raw_quantities(text, folded, _blocked_spans(
            folded, dates))):
        if not (raw.unit or raw.approx or raw.modifier or raw.big > 1 or role):
            continue
        if role == "high":
            measure = previous_measure
        else:
            found = _measure(folded, previous_end, raw.start, dates)
            measure = previous_measure if found == "" else (found or "")
        period = _period(folded, raw.start, raw.end, dates)
        mentions.append(NumberMention(
            raw.start, raw.end, text[raw.start:raw.end],
            None if raw.value is None else float(raw.value), raw.unit, raw.approx,
            raw.modifier, measure, period.start_date if period else None,
            period.end_date if period else None, role))
        previous_end, previous_measure = raw.end, measure
    return mentions
