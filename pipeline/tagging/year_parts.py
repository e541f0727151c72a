"""Parts of a year printed after it, for ``date_points``: a range of months whose first
month is bare (``2023年4～6月期``; ``令和4年度4～6月``: months of the fiscal year), a quarter
(``第３四半期``, ``第Ⅲ四半期``, ``Q3``, ``3Q``) or half (``上半期``, ``前半``, ``H1``, ``1H``), counted from April
in a fiscal year (or an accounting year's first month, ``2024年３月期 第３四半期``: one
space may stand between such a year and its quarter or half), and a season of a calendar year (``2023年秋``: the JMA's 9–11月; 冬
straddles two years and is not read). ``part_of_year`` reads a quarter or half printed
without its year (``第１四半期には``) for ``date_anaphora``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.tagging.date_heads import SMALL, small_number
from pipeline.tagging.numerals import fold_width
from pipeline.tagging.periods import (
    Period,
    add_months,
    fiscal_year,
    fiscal_year_of,
    month_period,
)

# ４～６月期 after a year: a range of months whose first month is bare.
BARE_MONTHS_RE = re.compile(rf"(?P<m1>{SMALL})(?P<sep>～|-|から|・)(?P<m2>{SMALL})月(?P<ki>期)?")
# 第３四半期 (Ⅲ), Q3, 3Q, 上半期 (前半, H1, 1H) after a year or fiscal year; 春 (3–5月), 夏, 秋
# after a year (the JMA's seasons; 冬 straddles two years: not read), not 秋田, 春闘, 春季生活闘争.
PART_OF_YEAR_RE = re.compile(r"(?:第(?P<q>[1-4一二三四ⅠⅡⅢⅣ])四半期|Q(?P<qq>[1-4])(?![0-9])"
                              r"|(?P<qn>[1-4])Q(?![0-9A-Za-z])"
                              r"|(?P<half>上半期|下半期|上期|下期|前半|後半"
                              r"|(?:H[12]|[12]H)(?![0-9A-Za-zァ-ヶー]))"   # not H2ロケット
                              r"|(?P<season>[春夏秋])(?:季)?(?=頃|以降|以来|時点|現在|中|[^一-鿿]|$))")
PART_FIRSTS = frozenset("0123456789一二三四五六七八九十第上下前後QH春夏秋")   # what the two above start with
_ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4}
_CLOSING_MONTH_RE = re.compile(r"(?P<month>\d{1,2})\s?月期")   # 2024年3月期: the year to March
_ONE_DAY = timedelta(days=1)
SEASON_MONTHS = {"春": 3, "夏": 6, "秋": 9}   # a season's first month; three months each


def months_of_year(year: Period, months: re.Match[str]) -> Period | None:
    """``４～６月期`` after ``2023年`` (or ``令和4年度``: months of the fiscal year), or a
    quarter, half or season of it (``第３四半期``, ``上半期``, ``秋``): ``months`` is a match
    of ``BARE_MONTHS_RE`` or ``PART_OF_YEAR_RE`` after ``year``."""
    if "m1" in months.re.groupindex:
        first, last = small_number(months.group("m1")), small_number(months.group("m2"))
        if months.group("sep") == "・" and first is not None and last != first % 12 + 1:
            return None   # ３・10月: two months, not a range
    else:
        first, last = _months_of_part(year, months)
    if first is None or last is None:
        return None
    first_year = year.first.year + (year.kind == "fiscal_year" and first < 4)
    last_year = year.first.year + (year.kind == "fiscal_year" and last < 4)
    start, end = month_period(first_year, first, None), month_period(last_year, last, None)
    if start is None or end is None or end[1] < start[0]:
        return None
    return Period(year.era, "range", start[0], end[1])


def part_after_space(folded: str, end: int, year: Period,
                     accounting: bool) -> tuple[Period, int] | None:
    """A quarter or half printed one space (half- or full-width) after an accounting year
    (``2024年３月期 第３四半期``, ``accounting``: its twelve months end in the month printed)
    or a fiscal year (``2023年度 上期``): that part of it, counted from the year's first
    month, and the end of its surface; None for anything else (a calendar year's
    ``2023年 第３四半期`` may head a list, a season, a range of months)."""
    if end + 1 >= len(folded) or folded[end] not in " \u3000" or \
            folded[end + 1] not in PART_FIRSTS:
        return None
    if year.kind != "fiscal_year" and not (accounting and year.kind == "range"):
        return None
    if year.first.day != 1 or add_months(year.first, 12) != year.last + _ONE_DAY:
        return None   # not twelve whole months
    part = PART_OF_YEAR_RE.match(folded, end + 1)
    if part is None or part.group("season"):
        return None
    number = part.group("q") or part.group("qq") or part.group("qn")
    quarter = _ROMAN.get(number) or small_number(number) if number else None
    if quarter is not None and 1 <= quarter <= 4:
        offset, length = 3 * (quarter - 1), 3
    elif part.group("half") and part.group("half") not in ("前半", "後半"):
        offset, length = (6 if _second_half(part.group("half")) else 0), 6
    else:
        return None   # 前半, 後半: a half of what follows as often as of the year
    first = add_months(year.first, offset)
    last = add_months(year.first, offset + length - 1, True)
    if first is None or last is None:
        return None
    return Period(year.era, "range", first, last), part.end()


def part_of_year(year: Period, word: str) -> Period | None:
    """A quarter or half printed without its year (``第１四半期``, ``上半期``), of ``year``
    (a year or fiscal year: from April in a fiscal year)."""
    part = PART_OF_YEAR_RE.fullmatch(word)
    return months_of_year(year, part) if part and not part.group("season") else None


def _months_of_part(year: Period, part: re.Match[str]) -> tuple[int, int] | tuple[None, None]:
    """First and last month of a quarter or half of ``year`` (counted from April in a
    fiscal year)."""
    opening = 4 if year.kind == "fiscal_year" else 1
    if part.group("season"):   # 2023年秋: September to November
        first = SEASON_MONTHS[part.group("season")]
        return (first, first + 2) if year.kind == "year" else (None, None)
    number = part.group("q") or part.group("qq") or part.group("qn")
    quarter = _ROMAN.get(number) or small_number(number) if number else None
    if quarter is not None and 1 <= quarter <= 4:
        offset, length = 3 * (quarter - 1), 3
    elif part.group("half"):
        offset, length = (6 if _second_half(part.group("half")) else 0), 6
    else:
        return None, None
    first = (opening - 1 + offset) % 12 + 1
    return first, (first - 1 + length - 1) % 12 + 1


def _second_half(half: str) -> bool:
    """``下期``, ``後半``, ``H2``, ``2H``: the second half."""
    return half[0] in "下後" or "2" in half


def _head_of_bare_part(previous: Period, part: re.Match[str]) -> str:
    """``年度`` when the months of a half or quarter printed alone are those of a fiscal
    year's (上期 of April to September, 第1四半期 of April to June), ``年`` when a
    calendar year's (a quarter's months differ by three), else empty."""
    if part.group("half"):
        return "年度" if previous.first.month in (4, 10) else "年"
    number = part.group("q") or part.group("qq") or part.group("qn")
    quarter = _ROMAN.get(number) or small_number(number) if number else None
    if quarter is None or not 1 <= quarter <= 4:
        return ""
    if previous.first.month == 3 * quarter - 2:
        return "年"
    return "年度" if previous.first.month == 3 * quarter % 12 + 1 else ""


def year_of_part(previous: Period, surface: str) -> Period | None:
    """The year or fiscal year whose quarter or half ``previous`` is, printed with it
    (``2023年度上期``, ``2022年度第1四半期``, ``2023年上半期``: a bare half or quarter after
    it is of the same year, counted the same way), or whose half or quarter it is, printed
    alone and read against its year before (``上期`` of April to September, ``第1四半期``
    of April to June: a fiscal year's, so ``下期`` or ``第2四半期`` after it is too); the
    fiscal year of months printed after one (``2023年度4～6月期``); an accounting year to
    March counts as a fiscal year (``2024年3月期 第3四半期``); None for any other range
    (``2023年4～6月期``: a calendar or a fiscal year's quarter; ``2025年9月期 第1四半期``)."""
    folded = fold_width(surface)
    part = PART_OF_YEAR_RE.search(folded)
    head = folded[:part.start()] if part is not None else ""
    if part is None and previous.kind == "range":   # 2023年度4～6月期: the fiscal year's
        months = BARE_MONTHS_RE.search(folded)
        part, head = (months, folded[:months.start()]) if months else (None, "")
        if "年度" not in head and "FY" not in head:
            return None   # 2023年4～6月期: a calendar or a fiscal year's quarter
    if previous.kind != "range" or part is None or part.groupdict().get("season"):
        return None
    if not head and part.end() == len(folded):   # 上期, 第2四半期 read against a year
        head = _head_of_bare_part(previous, part)   # before: its months say whose
    if "年" not in head and "FY" not in head:
        return None
    closing = _CLOSING_MONTH_RE.search(head)   # 2024年3月期 第3四半期: an accounting year's
    if closing and int(closing.group("month")) != 3:
        return None   # 2025年9月期: its quarters are counted from October, not read here
    if "年度" in head or "FY" in head or closing:
        fiscal = fiscal_year_of(previous.first)
        if fiscal_year_of(previous.last) != fiscal:
            return None
        first, last = fiscal_year(fiscal)
        return Period(previous.era, "fiscal_year", first, last)
    if previous.first.year != previous.last.year:
        return None
    year = previous.first.year
    return Period(previous.era, "year", date(year, 1, 1), date(year, 12, 31))
