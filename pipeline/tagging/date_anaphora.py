"""Dates printed without their year, for ``dates.find_dates``: read against the previous
date of the paragraph (the anchor), whose surface the caller gives as ``resolved_from``.

- ``同年``/``同年度``/``同月``/``同日`` with a month, day, part or end (``同年５月``,
  ``同月30日``, ``同月末``; a range of months, quarter or half of the year, ``同年7～9月期``,
  ``同年度第3四半期``; ``同年度`` after a day or month is the fiscal year it falls in,
  ``2023年4月1日から…同年度末`` → 2024-03-31): ``same_reference``;
- a month or day printed alone (``12月には``, ``６日23時20分``): ``bare_reference``. A
  fiscal year's month falls in that fiscal year, a year's in that year; after a month,
  day or range of one year only a month not before it (``3月`` after ``10月`` may be
  either year: none); a day alone only with a time or ``には`` after it (``1日に3回`` is a
  rate) and in the anchor's month; it may open a range as a full date does
  (``12月から翌年3月まで``); a range of months alone (``４～６月に``) likewise, each month
  as one alone; a quarter or half (``2023年度の上半期``, ``第１四半期には``; ``年度後半`` of a
  fiscal year only) of a year or fiscal year, or of the year whose quarter or half came
  before (``2023年度上期…、下期には``; a month after it, ``下期（10月～3月）``, is of that
  year too); ``年度末`` printed alone, the last day of the fiscal year before it. Not a month of every year (``例年、8月から``), a closing
  month (``12月期``, ``3月決算``) or a duration (``7日間``). One that cannot be dated is
  returned without a period: it ends the anchor's reach (``令和5年10月まで…3月1日…
  6日23時``: the 6th is not October's). January right after a span ending in December is
  the next year's (``令和5年12月までの地震活動は…、1月1日の本地震直後から`` → 2024-01-01):
  ``closes_span``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.tagging.date_heads import SMALL, small_number
from pipeline.tagging.date_points import PART
from pipeline.tagging.date_ranges import (
    CLOSING_RE,
    DURATION_WORDS,
    after_day_marks,
    after_weekday,
    range_from,
)
from pipeline.tagging.periods import (
    SOLAR_CALENDAR_YEAR,
    WESTERN,
    Period,
    fiscal_year_of,
    month_end,
    month_part,
    month_period,
    year_period,
)
from pipeline.tagging.year_parts import (
    BARE_MONTHS_RE,
    PART_OF_YEAR_RE,
    months_of_year,
    part_of_year,
    year_of_part,
)

_SAME_RE = re.compile(rf"(?<![前昨翌年度])同(?P<unit>年度|年|月|日)(?P<edge>末)?"
                      rf"(?:(?P<month>{SMALL})月)?(?:(?P<day>{SMALL})日|(?P<part>{PART}))?")
# A month (or a month's day) printed without its year; not after a figure, 年 or
# 同/前/翌 (those are other rules') or 毎, nor after a figure and ・ (３・10月: two months of
# one 月); after 月・ it is (2023年4月・10月).
_BARE_MONTH_RE = re.compile(rf"(?<![0-9一二三四五六七八九十年度同前翌昨今毎～/.-])"
                            rf"(?<![0-9一二三四五六七八九十]・)"
                            rf"(?P<month>{SMALL})月(?:(?P<day>{SMALL})日|(?P<part>{PART}))?")
# A range of months printed without their year (４～６月に, ７・８月の, 10～12月期).
_BARE_MONTHS_RE = re.compile(rf"(?<![0-9一二三四五六七八九十年度同前翌昨今毎～・/.-])"
                             rf"(?P<m1>{SMALL})(?P<sep>～|-|・)(?P<m2>{SMALL})月(?P<ki>期)?")
# A quarter or half printed without its year (2023年度の上半期, 第１四半期には).
# 年度前半, 年度後半 (年度上期 …): a half of the fiscal year the text is in
_BARE_PART_RE = re.compile(r"(?<![0-9一-鿿])(?:第[1-4一二三四ⅠⅡⅢⅣ]四半期|上半期|下半期|上期|下期"
                           r"|年度(?P<fiscal_part>前半|後半|上半期|下半期|上期|下期))")
_PART_SEPARATOR_RE = re.compile(r"から|～")   # 第1四半期から第3四半期まで
# The end of the fiscal year the text is in, printed without it (2023年度は…。年度末時点の);
# not 前年度末, 同年度末, 今年度末 (other rules'), nor 年度末期.
_BARE_FISCAL_END_RE = re.compile(r"(?<![0-9一-鿿])年度末(?!期)")
# After a bare month, the words that make it a date (not 12月期, 12月決算, ４月入学).
_BARE_MONTH_NEXT = ("に", "から", "まで", "以降", "頃", "ごろ", "時点", "現在", "、", "中",
                    "の", "は", "が", "～", "・")
# A day printed alone, read as one of the previous date's month when a time or part of
# the day follows (６日23時20分, ７日未明) or には; ``1日に3回`` is a rate.
_BARE_DAY_RE = re.compile(r"(?<![0-9月年同前翌])(?P<day>\d{1,2})日"
                          r"(?=\d{1,2}時|未明|早朝|朝|昼|夕方|夜|深夜|午前|午後|正午|には)")
# A day after a date and a list's joiner (2022年6月1日、2日, １日及び２日): of its month;
# not a duration, rate or count of days (2日間, 2日に1回, 2日分, 2日おき).
_LISTED_DAY_RE = re.compile(r"(?:、|，|・|及び|および|並びに|ならびに|と)(?P<day>\d{1,2})日")
_NOT_A_LISTED_DAY = (*DURATION_WORDS, "分", "ごと", "毎", "おき", "ずつ", "当たり", "あたり")
_RATE_RE = re.compile(r"に[0-9一二三四五六七八九十]+[回度]")
# 同期間, the period just named (not 前年同期間: relative_dates'), and what names another
# span between them (過去10年間, 計画期間, 会期; not 前年同期比, a comparison's base)
_SAME_SPAN_RE = re.compile(r"(?<![前昨翌年度])同期間")
_OTHER_SPAN_RE = re.compile(r"間|期(?!比)")
_RECURRING_RE = re.compile(r"毎年|例年|毎月|各年|毎年度|通年|平年")   # a month of every year

# the length of a span after its まで (までの1年間, までの3か月, までの間): the span's months
_SPAN_LENGTH_RE = re.compile(r"の?(?:間|[0-9一二三四五六七八九十]+(?:年|か月|ヶ月|カ月|箇月|週)間?)")

Reference = tuple[int, int, Period | None]   # start, end, period (None: not datable)


# a relative year, fiscal year, month or day setting the time of what follows (翌年には,
# 翌年度は, 翌月、, 翌年10月には), which moves the text from its anchor; not one that qualifies a noun
# (昨年のＧ７…: an aside) nor a comparison's base (前年比, 前年と比べ)
_MOVED_RE = re.compile(r"(?:前々|翌々|前|昨|翌)(?:年度|年|月|日)"
                       r"(?:(?<=年)[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?"
                       r"|(?<=[年度])(?:上半期|下半期|上期|下期|第[1-4１-４一二三四ⅠⅡⅢⅣ]四半期))?"
                       r"(?:末日?)?(?=には|に|は|、)")


def moved_from_anchor(folded: str, begin: int, end: int) -> bool:
    """A relative date setting the time of what follows stands in ``folded[begin:end]``
    (``翌年には``): after it, ``同年`` or a bare month is not the anchor's but no rule
    reads whose it is; a wrong year is worse than none."""
    if not any(c in folded[begin:end] for c in "前翌昨"):
        return False
    return _MOVED_RE.search(folded, begin, end) is not None


def same_reference(folded: str, pos: int, previous: Period) -> tuple[int, int, Period] | None:
    """The first ``同年５月``, ``同月30日``, ``同日``, ``同年度`` … at or after ``pos`` that
    ``previous`` dates."""
    for same in _SAME_RE.finditer(folded, pos):
        period = _same_period(same, previous)
        if period and period.kind in ("year", "fiscal_year"):
            part = BARE_MONTHS_RE.match(folded, same.end()) or \
                PART_OF_YEAR_RE.match(folded, same.end())
            if part and not part.groupdict().get("season"):
                # 同年7～9月期, 同年度第3四半期: that part of the year, else no date (the
                # whole year would be a wrong period for the figures after it)
                inside = months_of_year(period, part)
                if inside is None:
                    continue
                return same.start(), part.end(), inside
        if period:
            return same.start(), same.end(), period
    return None


def _same_period(match: re.Match[str], previous: Period) -> Period | None:
    """``同年５月``, ``同月30日``, ``同日``, ``同年度`` read against the previous date."""
    unit, year = match.group("unit"), previous.first.year
    month, day = small_number(match.group("month")), small_number(match.group("day"))
    part, edge = match.group("part"), bool(match.group("edge"))
    if previous.kind in ("range", "decade") and previous.first.year != previous.last.year:
        return None
    if unit == "日":
        return previous if previous.kind == "date" and not (month or day or part) else None
    if unit == "月":
        if previous.kind not in ("month", "date") or month is not None:
            return None
        if edge:   # 同月末: the month's last day
            last = month_end(year, previous.first.month)
            return Period(previous.era, "date", last, last) if not (day or part) else None
        month = previous.first.month
    if unit == "年度":   # after a day, month or range within one fiscal year: that one's
        fiscal = fiscal_year_of(previous.first)
        return (year_period(previous.era, fiscal, True, edge)
                if (previous.kind == "fiscal_year" or previous.kind in ("date", "month", "range")
                    and fiscal_year_of(previous.last) == fiscal) and not (month or day or part)
                else None)
    if month is None:
        return year_period(previous.era, year, False, edge) if not (day or part) else None
    return _month_of(previous.era, year, month, day, part) if not edge else None


def closes_span(folded: str, end: int | None, surface: str) -> bool:
    """The anchor printed ``surface``, ending at ``end`` of ``folded`` (``None``: in an
    earlier text), closes a span with ``まで`` (``令和5年12月まで``, ``…から12月末まで``),
    and no length of it follows (``12月までの1年間``, ``までの間``: months inside it)."""
    if end is None or not (surface.endswith("まで") or folded.startswith("まで", end)):
        return False
    rest = end if surface.endswith("まで") else end + 2
    return _SPAN_LENGTH_RE.match(folded, rest) is None


def bare_reference(text: str, folded: str, pos: int, previous: Period,
                   surface: str = "", span_ended: bool = False) -> Reference | None:
    """The first month or day printed without its year at or after ``pos``, read against
    ``previous`` (printed ``surface``) (``12月には`` after ``令和5年10月1日``; ``６日23時``
    after ``１月``), with the range it opens and its closing ``まで``; its period is
    ``None`` when ``previous`` cannot date it. ``span_ended``: ``previous`` closes a span
    (``closes_span``), after which a January is the next year's."""
    # after a quarter or half of a year, its year (2023年度上期…、10月には: FY2023's)
    of_part = year_of_part(previous, surface) if previous.kind == "range" else None
    for match in bare_references(folded, pos):
        if match.re is _BARE_MONTHS_RE:   # ４～６月: no range after it is read
            return match.start(), match.end(), _bare_months_period(match, of_part or previous)
        if match.re is _BARE_PART_RE:   # 上半期 of a year or fiscal year only
            year = previous if previous.kind in ("year", "fiscal_year") else of_part
            part = match.group("fiscal_part")
            if part and (year is None or year.kind != "fiscal_year"):
                year = None   # 年度後半 of a calendar year: no date
            found = part_of_year(year, part or match.group()) if year is not None else None
            spanned = _part_range(folded, match.end(), year, found) if found and year else None
            return (match.start(), *spanned) if spanned else (match.start(), match.end(), found)
        if match.re is _BARE_FISCAL_END_RE:   # 年度末 of a fiscal year only
            fiscal = previous if previous.kind == "fiscal_year" else of_part
            last = fiscal.last if fiscal is not None and fiscal.kind == "fiscal_year" else None
            return match.start(), match.end(), \
                Period(previous.era, "date", last, last) if last else None
        if match.re is _BARE_DAY_RE:
            day = int(match.group("day"))
            period = _month_of(previous.era, previous.first.year, previous.first.month, day,
                               None) if previous.kind == "month" or (
                previous.kind == "date" and day >= previous.first.day) else None
        else:
            period = _bare_month_period(match, of_part or previous) or (
                _january_after(match, previous) if span_ended else None)
        joined = range_from(text, folded, period, match.end()) if period else \
            _range_to_day(text, folded, match, previous)
        if joined is None:
            return match.start(), match.end(), period
        closing = CLOSING_RE.match(folded, after_day_marks(folded, joined[1]))   # 8月から9月まで
        return match.start(), closing.end() if closing else joined[1], joined[0]
    return None


def same_span(folded: str, pos: int, begin: int,
              previous: Period) -> tuple[int, int, Period] | None:
    """The first ``同期間`` at or after ``pos``: ``previous``, a period longer than a day
    (a month, year, fiscal year or range, closed) ending at ``begin`` in the same text, when
    no other span is named between them (``2023年4月から9月までの輸出額は…、同期間の輸入額``;
    not after ``…過去10年間で最高となり、同期間``)."""
    match = _SAME_SPAN_RE.search(folded, pos)
    if match is None or previous.kind == "date" or \
            _OTHER_SPAN_RE.search(folded, begin, match.start()) is not None:
        return None
    return match.start(), match.end(), previous


def listed_day(folded: str, pos: int, previous: Period) -> tuple[int, int, Period] | None:
    """A day listed right after the date ``previous`` (``2022年6月1日、2日``, ``１日と２日``,
    ``pos``: where that date's surface ends): a later day of its month; none before a
    duration, rate or count of days (``１日、２日間``, ``2日に1回``)."""
    if previous.kind != "date":
        return None
    match = _LISTED_DAY_RE.match(folded, after_weekday(folded, pos))
    if match is None or folded.startswith(_NOT_A_LISTED_DAY, match.end()) or \
            _RATE_RE.match(folded, match.end()):
        return None
    day = int(match.group("day"))
    period = _month_of(previous.era, previous.first.year, previous.first.month, day, None) \
        if day > previous.first.day else None
    return (match.start("day"), match.end(), period) if period else None


def _part_range(folded: str, end: int, year: Period,
                first: Period) -> tuple[int, Period] | None:
    """A range of a bare quarter or half to another of the same year (``第1四半期から第3
    四半期まで``, ``上期～下期``): its end (with its closing ``まで``) and period."""
    sep = _PART_SEPARATOR_RE.match(folded, end)
    last = _BARE_PART_RE.match(folded, sep.end()) if sep else None
    if last is None or last.group("fiscal_part"):
        return None
    period = part_of_year(year, last.group())
    if period is None or period.last < first.first:
        return None
    closing = CLOSING_RE.match(folded, last.end())
    return (closing.end() if closing else last.end(),
            Period(first.era, "range", first.first, period.last))


def bare_references(folded: str, pos: int) -> Iterator[re.Match[str]]:
    """Months and days printed without their year at or after ``pos``, in order; not
    those of every year (``例年、8月から``, ``毎年度4月に``: no one year's)."""
    # each pattern holds a character the text must hold after ``pos`` (月, 日, 期 or 半,
    # 末): asked first, most texts run none of the five scans
    found: list[re.Match[str]] = []
    if folded.find("月", pos) >= 0:
        found += (m for m in _BARE_MONTH_RE.finditer(folded, pos) if folded.startswith(
            DURATION_WORDS if m.group("day") or m.group("part") else _BARE_MONTH_NEXT,
            m.end()) != bool(m.group("day") or m.group("part")))
        found += (m for m in _BARE_MONTHS_RE.finditer(folded, pos)
                  if (m.group("ki") or folded.startswith(_BARE_MONTH_NEXT, m.end())
                      or folded[m.start() - 1:m.start()] == "（"
                      and folded.startswith("）", m.end()))
                  and (m.group("sep") != "・" or _consecutive(m)))   # ３・10月: two months
    if folded.find("日", pos) >= 0:
        found += _BARE_DAY_RE.finditer(folded, pos)
    if folded.find("期", pos) >= 0 or folded.find("半", pos) >= 0:
        found += _BARE_PART_RE.finditer(folded, pos)
    if folded.find("末", pos) >= 0:
        found += _BARE_FISCAL_END_RE.finditer(folded, pos)
    found.sort(key=lambda m: m.start())
    yield from (m for m in found if _RECURRING_RE.search(
        folded[max(0, m.start() - 12):m.start()].rsplit("。", 1)[-1]) is None)


def _bare_month_period(match: re.Match[str], previous: Period) -> Period | None:
    """A month printed without its year, in the year of ``previous``: the fiscal year's
    (April to March) after a fiscal year, the year's after a year, and after a month, day
    or range of one year only a month not before it."""
    month, day = small_number(match.group("month")), small_number(match.group("day"))
    year = previous.first.year
    if month is None or not 1 <= month <= 12:
        return None
    if previous.kind == "fiscal_year":
        year += month < 4
    elif previous.kind != "year" and (previous.kind == "decade" or previous.last.year != year
                                      or month < previous.first.month):
        return None
    return _month_of(previous.era, year, month, day, match.group("part"))


def _january_after(match: re.Match[str], previous: Period) -> Period | None:
    """January (or a day of it) printed right after a span that ends in December of one
    year (a month, day or range; not a year or decade): the next year's, the month that
    follows the span (``令和5年12月までの…、1月1日の本地震`` → 2024-01-01)."""
    month, day = small_number(match.group("month")), small_number(match.group("day"))
    if month != 1 or previous.kind not in ("month", "date", "range") or \
            previous.last.month != 12:
        return None
    return _month_of(previous.era, previous.last.year + 1, month, day, match.group("part"))


def _range_to_day(text: str, folded: str, match: re.Match[str],
                  previous: Period) -> tuple[Period, int] | None:
    """A range of days printed without their year that ends on the day ``previous`` just
    named (``令和6年4月1日現在…、1月1日16時から4月1日0時までの間``): of that day's year,
    though it starts in a month before it; none when it ends on any other day."""
    if match.re is not _BARE_MONTH_RE or previous.kind != "date" or match.group("part"):
        return None   # a day alone (15日には) has no month of its own
    month, day = small_number(match.group("month")), small_number(match.group("day"))
    if month is None or day is None:
        return None
    first = _month_of(previous.era, previous.first.year, month, day, None)
    joined = range_from(text, folded, first, match.end()) if first else None
    return joined if joined and joined[0].last == previous.last else None


def _bare_months_period(match: re.Match[str], previous: Period) -> Period | None:
    """A range of months printed without their year (``４～６月``), each month read as
    ``_bare_month_period`` reads one."""
    first, last = (re.match(rf"(?P<month>{m})(?P<day>)(?P<part>)", m)
                   for m in (match.group("m1"), match.group("m2")))
    start = _bare_month_period(first, previous) if first else None
    end = _bare_month_period(last, previous) if last else None
    if start is None or end is None or end.last < start.first:
        return None
    return Period(previous.era, "range", start.first, end.last)


def _consecutive(match: re.Match[str]) -> bool:
    """The two months of ``７・８月`` follow each other (``３・10月`` are two months, no
    range, left to the single months' rule)."""
    first, last = small_number(match.group("m1")), small_number(match.group("m2"))
    return first is not None and last == first % 12 + 1


def _month_of(era: str, year: int, month: int, day: int | None,
              part: str | None) -> Period | None:
    """Month ``month`` of ``year``, or its day or part (上旬, 末 …); none in an era before
    the solar calendar (明治5年…9月12日: a lunisolar day)."""
    if era != WESTERN and year < SOLAR_CALENDAR_YEAR:
        return None
    span = month_part(year, month, part) if part else month_period(year, month, day)
    kind = "date" if day is not None or (part or "").startswith("末") else (
        "range" if part else "month")
    return Period(era, kind, span[0], span[1]) if span else None
