"""One printed date, for ``date_ranges``: a year head (``date_heads``) and its tail: 年,
年度, a dual form in brackets (``平成27年度（2015年度）``; the other calendar's number may
stand in brackets before 年, ``令和2（2020）年度``), an end or opening (``年末``,
``年度初め``, ``元日``), a month, a day, a part of a month (``上旬``, ``末``), an accounting
year (``2024年３月期``), a quarter, half or season after the year (``year_parts``; a
quarter or half one space after an accounting or fiscal year, ``2024年３月期 第３四半期``; after
a fiscal year in letters too, ``FY2023上期``, ``FY2023Q3``, ``FY2023 Q3``), or a
decade (``2010年代``, ``昭和40年代``, with ``前半``/``後半``/``半ば``/``中頃``/``初頭``/``末``);
a year printed as two (``2023/24年度``, ``2022/23年冬``) is ``date_split_years``'.
``point_at(folded, pos)`` reads one; the forms in figures and letters (``R5.4.1``,
``2023/10/1``, ``FY2023``, a law's number after a year) are in ``date_figures``, the
period arithmetic in ``periods``. A year that counts years (``1000年に1度``, ``2000年以上``),
an edition (``2023年版``) or a year before 冬 is no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.tagging.date_figures import (
    NUMERIC_START_RE,
    fiscal_year_in_letters,
    iso_date,
    letter_is_measure,
    name_number_at,
    numeric_date,
)
from pipeline.tagging.date_heads import SMALL, head_re, head_year, same_year, small_number
from pipeline.tagging.date_split_years import split_year_at
from pipeline.tagging.eras import era_by_name
from pipeline.tagging.periods import (
    SOLAR_CALENDAR_YEAR,
    WESTERN,
    Period,
    add_months,
    decade_period,
    month_part,
    month_period,
    year_period,
)
from pipeline.tagging.year_parts import (
    BARE_MONTHS_RE,
    PART_FIRSTS,
    PART_OF_YEAR_RE,
    months_of_year,
    part_after_space,
)


@dataclass(frozen=True)
class Point:
    """One date read at a place: its period, the end of its surface, and what a range's
    second end may leave out after it."""
    period: Period
    end: int
    complete: bool            # has 年 (or is an era letter year)
    month: bool = False       # names a month (a bare month may continue it: ６月から10月)
    day: bool = False
    abbreviated: bool = False
    fiscal_letters: bool = False   # FY2022: a bare year after it ends a range (FY2022-2024)
    split: bool = False   # 2023/24年度: one year printed as two, never a range's end


PART = r"末日?|上旬|中旬|下旬|初旬|初め"
# A space may stand between a figure and its 年, 月 or 日 (令和 5 年 4 月 1 日: a layout that
# sets half-width figures apart, as word processors do).
SPACE = "[ \u3000]?"
_MONTH_TAIL = (rf"(?:{SPACE}(?P<month>{SMALL}){SPACE}月(?P<ki>期)?"
               rf"(?:{SPACE}(?P<day>{SMALL}){SPACE}日|(?P<part>{PART}))?)?")
# The end or opening of a year: 年末, 年度初め, 年初頭, 年度当初から (not 当初予算).
_EDGE = r"(?P<edge>末|初め|初頭|当初(?=から|より|に|は|、)|元日|元旦)?"   # 元日: January 1
# 2022暦年: a calendar year named so beside fiscal years (energy and trade statistics)
_TAIL_RE = re.compile(rf"(?P<nen>{SPACE}(?:暦(?=年(?!度)))?年)(?P<b1>（(?P<d1>[^（）年]{{1,8}})年）)?(?P<do>度)?"
                      r"(?P<b2>（(?P<d2>[^（）年]{1,8})年度）)?" + _EDGE + _MONTH_TAIL)
TAIL_PLAIN_RE = re.compile(rf"(?P<nen>{SPACE}年)(?P<b1>)(?P<d1>)(?P<do>度)?(?P<b2>)(?P<d2>)"
                           + _EDGE + _MONTH_TAIL)
_DUAL_NUMBER_RE = re.compile(r"（(?P<d>[^（）年]{1,8})）(?=年)")
_DECADE_RE = re.compile(r"年代(?P<part>前半|後半|半ば|中頃|初頭|初め|末)?")
MONTH_RE = re.compile(_MONTH_TAIL.removeprefix("(?:").removesuffix(")?"))
# After a western year's 年, what makes the figure a number of years, no date (1000年に1度,
# 2000年以上の歴史, 1200年間, 約3000年前, 2500年後; not 2000年前後, 2019年前半, 2030年目標).
_YEARS_COUNTED_RE = re.compile(r"間|前(?!後|半)|後(?!半)|以上|以内|ぶり|余り|近く|程度|目(?!標)"
                               r"|半(?!ば)|に[1一]度|に[1一]回|の歴史(?!的)")


def month_of_tail(era: str, year: int, tail: re.Match[str]) -> Period | None:
    """The month of a tail, with its day, part (上旬, 末 …) or accounting year (３月期)."""
    month = small_number(tail.group("month"))
    if month is None:
        return None
    if tail.group("ki"):
        last = month_period(year, month, None)
        first = add_months(last[0], -11) if last else None
        return Period(era, "fiscal_year" if month == 3 else "range", first, last[1]) \
            if first and last and not tail.group("day") else None
    if tail.group("part"):
        span = month_part(year, month, tail.group("part"))
        kind = "date" if tail.group("part").startswith("末") else "range"
    else:
        span = month_period(year, month, small_number(tail.group("day")))
        kind = "date" if tail.group("day") else "month"
    return Period(era, kind, span[0], span[1]) if span else None


def tail_period(era: str, year: int, tail: re.Match[str]) -> Period | None:
    """Period of a year head plus its tail (年, 度, 末, 月, 日, 旬). A month or day in an
    era before the solar calendar (``明治5年8月3日``, of the lunisolar calendar: 1872-09-04)
    is left out, the year kept."""
    fiscal, edge = bool(tail.group("do")), bool(tail.group("edge"))
    if tail.group("month") and not fiscal and not edge and (era == WESTERN or
                                                            year >= SOLAR_CALENDAR_YEAR):
        found = month_of_tail(era, year, tail)
        if found:
            return found
    if tail.group("edge") in ("元日", "元旦"):   # 令和6年元日: New Year's Day
        return None if fiscal else Period(era, "date", date(year, 1, 1), date(year, 1, 1))
    if edge and tail.group("edge") != "末":   # 初め, 初頭, 当初: the first month (approx)
        span = month_period(year, 4 if fiscal else 1, None)
        return Period(era, "month", *span) if span else None
    return year_period(era, year, fiscal, edge)


def trim_tail(tail: re.Match[str], period: Period) -> int:
    """End of the part of a tail that ``period`` used (drops an invalid month/day)."""
    if period.kind != "year" and tail.group("month") and not tail.group("edge") \
            and not tail.group("do"):
        return tail.end()
    return max(tail.end("nen"), tail.end("b1"), tail.end("do"), tail.end("b2"),
               tail.end("edge"))


def point_at(folded: str, pos: int, head: re.Match[str] | None = None) -> Point | None:
    """A single date at ``pos``. Incomplete (no 年): ``平成20`` in ``平成20～30年度``, a
    year head usable only as the start of a range; an era letter (``H27``) is complete.
    A year before ``版`` names an edition (``2023年版白書``) and is no date.
    ``head``: the year head matched at ``pos``, when the caller has it."""
    head = head_re().match(folded, pos) if head is None else head
    era_year = head_year(head) if head else None
    if head is None or era_year is None:
        return None
    era, year = era_year
    if era == WESTERN and folded[max(0, pos - 3):pos].rstrip().endswith(("紀元前", "BC")):
        return None   # 紀元前2000年: before the common era
    fiscal = fiscal_year_in_letters(folded, head)
    if fiscal:   # FY2023, FY2023年度, 2023FY; FY2023上期, FY2023Q3: a part of it
        period = year_period(WESTERN, year, True, False)
        part = PART_OF_YEAR_RE.match(folded, fiscal) if period else None
        if period and part and not part.group("season"):
            return _part_point(folded, period, part, fiscal)
        spaced = part_after_space(folded, fiscal, period, False) if period else None
        if spaced is not None:   # FY2023 Q3
            return Point(spaced[0], spaced[1], True)
        return Point(period, fiscal, True, fiscal_letters=True) if period else None
    iso = iso_date(folded, pos, head, year) if folded.startswith("-", head.end()) else None
    if iso:   # 2023-10-01 (2018-2022年 is a range)
        return Point(iso[0], iso[1], True, iso[2], iso[3])
    split = split_year_at(folded, pos, year) if head.group("wy") and \
        folded.startswith("/", head.end()) else None
    if split:   # 2023/24年度, 2022/23年冬
        return Point(split[0], split[1], True, split=True)
    if NUMERIC_START_RE.match(folded, head.end()):   # R5.4.1, 2023/10/1, 2023.5億円
        found = numeric_date(folded, pos, head, era, year)
        return Point(found[0], found[1], True, found[2], found[3]) if found else None
    if folded.startswith("年代", head.end()):
        return decade_at(era, year, folded, head.end())
    tail = _TAIL_RE.match(folded, _after_dual_number(folded, head.end(), year))
    if tail and not (same_year(tail.group("d1"), year) and same_year(tail.group("d2"), year)):
        tail = TAIL_PLAIN_RE.match(folded, head.end())
    if tail is None:
        bare = year_period(era, year, False, False)
        abbreviated = bool(head.group("ab"))
        if letter_is_measure(head.group("ab")):
            return None   # M7クラス: a magnitude, not 明治7年
        if abbreviated and folded[pos - 1:pos] in ("年", "度"):
            return None   # 2024年H2ロケット: no year right after a year; a name's letters
        return Point(bare, head.end(), abbreviated, abbreviated=abbreviated) if bare else None
    if name_number_at(folded, tail.end("nen")):
        return None   # 2019年台風第19号, 平成26年諮問第22号: part of a name
    period = tail_period(era, year, tail)
    if period is None:
        return None
    end = trim_tail(tail, period)
    if folded.startswith("版", end) and period.kind in ("year", "fiscal_year"):
        return None   # 2023年版白書, 令和6年版: an edition's name, not a date
    if before_winter(folded, end, period):
        return None
    whole = period.kind in ("year", "fiscal_year") and not tail.group("edge") and \
        end < len(folded) and folded[end] in PART_FIRSTS   # most years: nothing to read
    months = (BARE_MONTHS_RE.match(folded, end) or PART_OF_YEAR_RE.match(folded, end)) \
        if whole else None
    if months is None and not tail.group("edge"):
        spaced = part_after_space(folded, end, period, bool(tail.group("ki")))
        if spaced is not None:
            return Point(spaced[0], spaced[1], True)
    if months:
        return _part_point(folded, period, months, end)
    if period.kind == "year" and era == WESTERN and end == tail.end("nen") and \
            _YEARS_COUNTED_RE.match(folded, end):
        return None   # 1000年に1度, 2000年以上: a number of years
    has_month = period.kind != "year" and tail.group("month") is not None and end == tail.end()
    return Point(period, end, True, has_month and not tail.group("ki"),
                 has_month and bool(tail.group("day") or tail.group("part")))


def _part_point(folded: str, year: Period, months: re.Match[str], end: int) -> Point:
    """The part of ``year`` that ``months`` names after it (``上期``, ``4～6月期``), or its
    last day with 末 after it (``2023年度上期末``); ``year`` alone (ending at ``end``)
    when the part is no period of it."""
    part = months_of_year(year, months)
    if part and folded.startswith("末", months.end()) and \
            not folded.startswith("末期", months.end()):   # 2023年度上期末: its last day
        return Point(Period(part.era, "date", part.last, part.last), months.end() + 1, True)
    return Point(part, months.end(), True) if part else Point(year, end, True)


def _after_dual_number(folded: str, pos: int, year: int) -> int:
    """``pos`` past the other calendar's number in brackets before 年 when it names the
    same year (the Cabinet Office's ``令和2（2020）年度``, ``2020（令和2）年``), else ``pos``."""
    dual = _DUAL_NUMBER_RE.match(folded, pos) if folded.startswith("（", pos) else None
    return dual.end() if dual and same_year(dual.group("d"), year) else pos


def decade_at(era: str, year: int, folded: str, pos: int) -> Point | None:
    """``2010年代`` (and ``前半``/``後半``/``半ば``/``中頃`` of it) at ``pos``, after the year
    head; ``None`` unless the year printed ends in 0 (``2015年代`` is no decade)."""
    match = _DECADE_RE.match(folded, pos)
    period = decade_period(era, year, match.group("part")) \
        if match and opens_decade(era, year) else None
    return Point(period, match.end(), True) if period and match else None


def opens_decade(era: str, year: int) -> bool:
    """Year ``year`` is printed with a final 0 in ``era`` (2010, 昭和40 = 1965)."""
    number = year if era == WESTERN else year - era_by_name(era).start.year + 1
    return number % 10 == 0 and number > 0


def before_winter(folded: str, end: int, period: Period) -> bool:
    """A year before 冬 (``2023年冬``, ``2023年の冬季``): a winter runs from December of one
    year or of the one before, so the year is not its period, nor the year of a month
    after it (a fiscal year holds its winter)."""
    return period.kind == "year" and folded.startswith(("冬", "の冬"), end)

