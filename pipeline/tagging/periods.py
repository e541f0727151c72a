"""Date arithmetic for the date tagger: the period a year, fiscal year, month, day or
part of a month names, and periods moved by whole years or months.

Conventions (README, the ``dates`` row): fiscal year N runs N-04-01 … N+1-03-31; the end
of a year, fiscal year or month (``年末``, ``年度末``, ``３月末``, ``６月末日``) is one
day; ``上旬`` is days 1–10, ``中旬`` 11–20, ``下旬`` 21 to the month's end; ``初め`` and
``初旬`` of a month are read as ``上旬``, ``初め``/``初頭`` of a year or fiscal year as its
first month (both approximate: ``dates``); a decade (``2010年代``) is its ten years,
``前半``/``後半`` the first or last five (``初頭``/``初め`` and ``末`` of one likewise,
approximate); a calendar year in an era is
clipped to the era (``平成31年`` ends 2019-04-30), a fiscal year is not; a year wholly
past its era's end is that western year, whole (``平成32年`` of a plan written before
2019 is 2020).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

from pipeline.tagging.eras import era_by_name, era_end

WESTERN = "western"
FIRST_FISCAL_MONTH = 4
# Japan's solar (Gregorian) calendar began on 明治6年1月1日 = 1873-01-01 (改暦ノ布告,
# 明治5年太政官布告第337号: 明治5年12月3日 became 明治6年1月1日); an era's month and day
# before it are of the lunisolar calendar and are not read as Gregorian ones.
SOLAR_CALENDAR_YEAR = 1873
# Days of the three parts of a month (旬); None: to the month's end.
MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "上旬": (1, 10), "初旬": (1, 10), "初め": (1, 10), "中旬": (11, 20), "下旬": (21, None)}


# Years of a decade a part names (offset, length): 前半 the first five, 後半 the last;
# 初頭/初め (the opening years) and 末 (the closing ones) as those five, approximate
# (``dates``).
DECADE_PARTS: dict[str, tuple[int, int]] = {"前半": (0, 5), "後半": (5, 5), "初頭": (0, 5),
                                            "初め": (0, 5), "末": (5, 5)}


@dataclass(frozen=True)
class Period:
    era: str
    kind: str          # date, month, year, fiscal_year, decade, range
    first: date
    last: date


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_period(year: int, month: int, day: int | None) -> tuple[date, date] | None:
    """The month (or its day ``day``) as (first, last); ``None`` when out of range."""
    if not 1 <= month <= 12 or not 1 <= year <= 9998:
        return None
    last_day = month_end(year, month).day
    if day is None:
        return date(year, month, 1), date(year, month, last_day)
    if not 1 <= day <= last_day:
        return None
    return date(year, month, day), date(year, month, day)


def month_part(year: int, month: int, part: str) -> tuple[date, date] | None:
    """Days of ``上旬``/``中旬``/``下旬``/``初旬``/``初め``/``末`` of a month."""
    span = month_period(year, month, None)
    if span is None:
        return None
    if part.startswith("末"):
        return span[1], span[1]
    first, last = MONTH_PARTS[part]
    return date(year, month, first), date(year, month, last) if last else span[1]


def fiscal_year(year: int) -> tuple[date, date]:
    return date(year, FIRST_FISCAL_MONTH, 1), date(year + 1, FIRST_FISCAL_MONTH - 1, 31)


def fiscal_year_of(day: date) -> int:
    """The fiscal year ``day`` falls in: 2019-03-31 → 2018."""
    return day.year if day.month >= FIRST_FISCAL_MONTH else day.year - 1


def year_period(era: str, year: int, fiscal: bool, edge: bool) -> Period | None:
    """Year ``year`` (western) printed in ``era``; ``fiscal``: 年度; ``edge``: its end (末)."""
    if not 1 <= year <= 9998:
        return None
    if fiscal:
        first, last = fiscal_year(year)
        return Period(era, "date", last, last) if edge else Period(era, "fiscal_year", first, last)
    first, last = date(year, 1, 1), date(year, 12, 31)
    if edge:
        return Period(era, "date", last, last)
    if era != WESTERN:
        end = era_end(era_by_name(era))
        if end is None or end.year >= year:   # 平成32年: past the era, not clipped to it
            first = max(first, era_by_name(era).start)
            last = min(last, end) if end else last
    return Period(era, "year", first, last)


def decade_period(era: str, first_year: int, part: str | None = None) -> Period | None:
    """The ten years from ``first_year`` (``2010年代``: 2010 … 2019, kind ``decade``), or
    the five of a part of it (``1990年代後半``: 1995 … 1999, kind ``range``); ``半ば`` and
    ``中頃`` name no years of their own: the whole decade."""
    offset, length = DECADE_PARTS.get(part or "", (0, 10))
    first, last = first_year + offset, first_year + offset + length - 1
    if not 1 <= first <= last <= 9998:
        return None
    return Period(era, "decade" if length == 10 else "range", date(first, 1, 1),
                  date(last, 12, 31))


def add_months(day: date, months: int, at_end: bool = False) -> date | None:
    """``day`` moved by ``months``; the day clipped to the month's length (Feb 29 → 28);
    ``at_end``: the new month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9998:
        return None
    last = month_end(year, month + 1)
    return last if at_end else last.replace(day=min(day.day, last.day))


def shift_period(period: Period, months: int) -> Period | None:
    """``period`` moved by ``months`` keeping its shape (a month stays a whole month, a
    fiscal year a fiscal year): ``前年同月``, ``前年同期``."""
    if period.kind == "year":
        found = year_period(WESTERN, period.first.year + months // 12, False, False)
        return replace(found, era=period.era) if found else None
    first = add_months(period.first, months)
    ends_month = period.last == month_end(period.last.year, period.last.month)
    last = add_months(period.last, months, at_end=ends_month and period.kind != "date")
    if first is None or last is None:
        return None
    return Period(period.era, period.kind, first, last)


def span_of(first: Period, last: Period, era: str | None = None) -> Period | None:
    """The range from ``first`` to ``last``; ``None`` when ``last`` ends before ``first``."""
    if last.last < first.first:
        return None
    return Period(era or first.era, "range", first.first, last.last)
