"""Cells that name a point in time (``2018年``, ``2020年度``, ``令和2年``, ``R2``,
``FY2020``, ``2020年3月``, ``4月``) and the rule that reads a row of them as the column
labels of a time series rather than as a row of quantities.

A bare year or month is also a number, so a row of them cannot be told from data by its
cells alone; what tells it is the shape of the table: the time points run in order
across the row and the cells under them hold other numbers (``count_header_rows``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from pipeline.common.lexicons import data_rows
from pipeline.common.text import fold_nfkc

ERA_COLUMNS = ("name", "letter", "start", "source")
_YEAR_END = r"(?:年度末|年度|年末|年)"
_WESTERN = re.compile(r"^(?:FY|CY)?((?:19|20)\d{2})"
                      rf"(?:{_YEAR_END}|FY|(?:年|/)(\d{{1,2}})月?末?)?$")
_MONTH_ONLY = re.compile(r"^(\d{1,2})月末?$")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _era_pattern() -> re.Pattern[str]:
    """``令和2年``, ``R2``, ``平成元年度``, ``令和2年3月``: an era (name or letter, from
    ``pipeline/data/eras.tsv``), its year, an optional month."""
    names = [re.escape(row[0]) for row in data_rows("eras", ERA_COLUMNS)]
    letters = [re.escape(row[1]) for row in data_rows("eras", ERA_COLUMNS)]
    return re.compile(rf"^({'|'.join(names + letters)})(元|\d{{1,2}})"
                      rf"(?:{_YEAR_END}|年(\d{{1,2}})月末?)?$")


@lru_cache(maxsize=1)
def _era_first_years() -> dict[str, int]:
    """Era name or letter → the western year of its first year (元年)."""
    firsts: dict[str, int] = {}
    for name, letter, start, _ in data_rows("eras", ERA_COLUMNS):
        firsts[name] = firsts[letter] = int(start[:4])
    return firsts


def time_point(text: str) -> tuple[str, int] | None:
    """``("year", year * 100 + month)`` for a year (month 0 when none is given),
    ``("month", month)`` for a month alone; None when ``text`` is not a time point."""
    folded = re.sub(r"\s+", "", fold_nfkc(text))
    if match := _WESTERN.match(folded):
        kind, year, month = "year", int(match[1]), match[2]
    elif match := _era_pattern().match(folded):
        era_year = 1 if match[2] == "元" else int(match[2])
        kind, year, month = "year", _era_first_years()[match[1]] + era_year - 1, match[3]
    elif match := _MONTH_ONLY.match(folded):
        kind, year, month = "month", 0, match[1]
    else:
        return None
    if month is not None and not 1 <= int(month) <= 12:
        return None
    return kind, year * 100 + int(month or 0)


def runs_in_order(points: Sequence[tuple[str, int]]) -> bool:
    """Two or more time points of one kind, each later than the one before (or each
    earlier); months may wrap once from 12 to 1 (a fiscal year ``4月 … 3月``)."""
    if len(points) < 2 or len({kind for kind, _ in points}) != 1:
        return False
    values = [value for _, value in points]
    steps = [b - a for a, b in pairwise(values)]
    if all(step > 0 for step in steps) or all(step < 0 for step in steps):
        return True
    wraps = [step for step in steps if step <= 0]
    return (points[0][0] == "month" and len(set(values)) == len(values)
            and len(wraps) == 1 and values[-1] < values[0])


def heads_time_series(cells: Sequence[str], groups: Sequence[int],
                      below: Sequence[Sequence[str]], printed: Sequence[str] = ()) -> bool:
    """The row ``cells`` reads as the column labels of a time series: every cell is blank
    (the caller blanks those that read as labels) or a time point (a year by its number
    alone after one printed whole, ``令和元年度 | 2 | 3``, read on the row as ``printed``:
    ``points_down``); the time
    points of each group of columns (the columns under one spanning header cell; the
    whole row for a first row) run in order (``runs_in_order``); and under each time
    point the rows ``below`` hold a number that is not itself a time point (a row of
    years over a row of years is a list of years, not a header)."""
    points = points_down(printed or cells)
    by_group: dict[int, list[tuple[str, int]]] = {}
    for c, text in enumerate(cells):
        point = points[c] if text.strip() else None
        label_year = points[c] if printed and not text.strip() else None
        if label_year is not None:      # a label that is a year (令和元年度) runs too
            by_group.setdefault(groups[c], []).append(label_year)
            continue
        if point is None:
            if text.strip():
                return False
            continue
        if not any(c < len(row) and _DIGIT.search(row[c]) and time_point(row[c]) is None
                   for row in below):
            return False
        by_group.setdefault(groups[c], []).append(point)
    return bool(by_group) and all(runs_in_order(points) for points in by_group.values())


# a year printed without its era or century under one printed whole (``令和元年`` then
# ``2``, ``3年``, ``4年度``; ``2019年`` then ``20``)
_YEAR_ALONE = re.compile(rf"^(元|\d{{1,2}})(?:{_YEAR_END})?$")


def points_down(cells: Sequence[str]) -> list[tuple[str, int] | None]:
    """Each cell's time point (``time_point``; None for a blank cell or none), reading a
    year printed alone (``2``, ``3年度``) under a year printed whole as that year's era's
    (``令和元年`` → ``2`` is 令和2年, 2020) or century's (``2019年`` → ``20`` is 2020):
    a column of years set down, abbreviated after the first."""
    out: list[tuple[str, int] | None] = []
    era_first = century = None
    for text in cells:
        folded = re.sub(r"\s+", "", fold_nfkc(text))
        point = time_point(text) if folded else None
        alone = _YEAR_ALONE.match(folded) if point is None else None
        if point is not None and point[0] == "year":
            era = _era_pattern().match(folded)
            era_first = _era_first_years()[era[1]] - 1 if era else None
            century = None if era else point[1] // 10000 * 100
        elif alone and (era_first is not None or (century is not None and len(alone[1]) == 2)):
            year = 1 if alone[1] == "元" else int(alone[1])
            point = ("year", ((era_first + year) if era_first is not None
                              else (century or 0) + year) * 100)
        elif folded:
            era_first = century = None
        out.append(point)
    return out


def labels_rows(cells: Sequence[str]) -> bool:
    """A column's cells name the rows of a time series set down (``2019``, ``2020``,
    ``2021`` under ``年度``; ``令和元年``, ``2``, ``3``: ``points_down``): every cell that
    is not blank is a time point, and they run in order (``runs_in_order``); such
    figures are labels, not quantities."""
    points = [p for text, p in zip(cells, points_down(cells), strict=True) if text.strip()]
    return all(points) and runs_in_order([p for p in points if p is not None])
