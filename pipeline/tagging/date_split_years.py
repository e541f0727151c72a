"""A year printed as two, for ``date_points``: ``2023/24年度``, ``2022/23年`` (also with the
second year in full, ``1999/2000年``) name one twelve-month year that opens in the first
and closes in the second (a crop's marketing year, a foreign fiscal year, a sports
season): its months are not printed and differ by crop and country, so it is read with
no dates (``flag = split_year``, ``dateless_split_year``), which keeps the figures after it
from taking an earlier date's period. A winter of such a pair (``2022/23年冬``,
``2022/23年の冬季``) is the JMA's December to February (approximate, as a season is).
Only two consecutive years make a pair: ``2023/25年``, ``2023/24`` with no 年 after it (a
ratio, a page, a score) or inside a path (``/2023/24年``) are none.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.tagging.periods import WESTERN, Period, month_end

SPLIT_YEAR = "split_year"
_PAIR_RE = re.compile(r"/(?P<second>\d{4}|\d{2})(?![0-9])(?P<nen>年)(?P<do>度)?"
                      r"(?P<winter>の?冬[季期]?)?")
_DATELESS_ONE = r"\d{4}/(?:\d{4}|\d{2})年度?"
# one, or a range of them with its closing word (2018/19年度から2023/24年度まで)
_DATELESS_RE = re.compile(rf"{_DATELESS_ONE}(?:\s?(?:～|-|から)\s?{_DATELESS_ONE}"
                          r"(?:までの間|まで|にかけて|の間)?)?")
_PATH_MARKS = "/.-_=#?&"


def split_year_at(folded: str, pos: int, year: int) -> tuple[Period, int] | None:
    """The pair of years whose first, ``year``, is printed at ``pos`` (four digits) and
    the end of its surface: a winter's months, else a period spanning both whole years
    that ``find_dates`` reports with no dates (``dateless_split_year``)."""
    pair = _PAIR_RE.match(folded, pos + 4)
    before = folded[pos - 1:pos] if pos > 0 else " "
    if pair is None or (before.isascii() and (before.isalnum() or before in _PATH_MARKS)):
        return None
    second = pair.group("second")
    if int(second) != (year + 1 if len(second) == 4 else (year + 1) % 100):
        return None   # 2023/25年: no pair
    if pair.group("winter") and not pair.group("do"):   # 2022/23年冬: December to February
        return Period(WESTERN, "range", date(year, 12, 1), month_end(year + 1, 2)), pair.end()
    kind = "fiscal_year" if pair.group("do") else "range"
    return (Period(WESTERN, kind, date(year, 1, 1), date(year + 1, 12, 31)),
            pair.end("do") if pair.group("do") else pair.end("nen"))


def dateless_split_year(folded: str, start: int, end: int) -> bool:
    """``folded[start:end]`` is a pair of years with no winter (``2023/24年度``), or a
    range of them (``2018/19年度から2023/24年度まで``): their months are not printed."""
    return _DATELESS_RE.fullmatch(folded, start, end) is not None
