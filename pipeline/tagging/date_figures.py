"""Dates printed in figures and letters after a year head, for ``date_grammar``: a month
and day after ``.`` or ``/`` (``R5.4.1``, ``H30.3.31``, ``R5.4``, ``R5.3末``,
``令和5.4.1``, ``2023/10/1``, ``2023.10.1``, ``2023/10``) or in ISO form
(``2023-10-01``), a fiscal year in letters
(``FY2023``, ``FY23``, ``FY2023年度``, ``2023FY``), and the numbers after a year that make it a
law's date (``平成25年法律第86号``: ``pipeline/data/date_law_kinds.tsv``) or part of a
name (``2019年台風第19号``); an era letter that also abbreviates a measure (``M7``, a
magnitude: ``pipeline/data/date_letter_measures.tsv``) is no era year.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pipeline.common.lexicons import word_list
from pipeline.tagging.eras import era_by_name, era_end
from pipeline.tagging.periods import (
    SOLAR_CALENDAR_YEAR,
    WESTERN,
    Period,
    add_months,
    month_period,
)

# A month and day in figures after a year head: R5.4.1, 2023/10/1 (one separator).
NUMERIC_START_RE = re.compile(r"[./][0-9]")
_NUMERIC_TAIL_RE = re.compile(r"(?P<sep>[./])(?P<month>\d{1,2})(?:(?P=sep)(?P<day>\d{1,2}))?")
# After the figures: a longer number, a path or version, or a unit (R5.4%, H2.5倍: decimals)
_NUMERIC_MORE_RE = re.compile(r"[0-9A-Za-z%万億兆倍円]|[./][0-9A-Za-z]")
# After 2023.10, the words that make it a month rather than a decimal (2023.5億円).
_DOTTED_MONTH_NEXT = ("の", "に", "から", "まで", "以降", "時点", "現在", "末", "頃", "ごろ",
                      "～", "-", "）", ")", "、", "。")
# An ISO date after a western year: 2023-10-01 (two-digit month and day, nothing after).
_ISO_TAIL_RE = re.compile(r"-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9A-Za-z]|[-./][0-9])")
# A name's number after a year: 法律第52号 (a law: date_law_kinds.tsv), 台風第19号.
_NUMBER_NAME_RE = re.compile(r"(?P<kind>[一-鿿]{1,10})第[0-9一二三四五六七八九十百千]+号")

# (period, end, names a month, names a day)
Numeric = tuple[Period, int, bool, bool]


def fiscal_year_in_letters(folded: str, head: re.Match[str]) -> int:
    """End of a fiscal year printed with ``FY`` (``FY2023``, ``FY23``, ``FY2023年度``, ``2023FY``:
    Japan's fiscal year from April, as ``2023年度``) after the year ``head``, else 0."""
    end = head.end()
    if head.group("wy") and folded.startswith("FY", end):
        end += 2
    elif not head.group("fy"):
        return 0
    if folded.startswith("年度", end):
        end += 2
    return 0 if folded[end:end + 1].isascii() and folded[end:end + 1].isalpha() else end


def numeric_date(folded: str, pos: int, head: re.Match[str], era: str,
                 year: int) -> Numeric | None:
    """The year ``head`` at ``pos`` and its month and day in figures after ``.`` or ``/``,
    or nothing: not inside a path or version (``/2023/10/1.html``, ``v2023.10``), not a
    decimal (``2023.5億円``: a western year and one dotted number is read only before a
    date word, ``2023.10の``), not a measure (``M7.6``), and only a valid day of the era
    printed (``R1.4.1`` is no date: 令和 began in May). ``2023/3期`` is the accounting
    year ending then, ``R5.3末`` the month's last day."""
    tail = _NUMERIC_TAIL_RE.match(folded, head.end())
    before = folded[pos - 1:pos] if pos > 0 else " "
    if tail is None or (before.isascii() and (before.isalnum() or before in "/.-_=#?&")) \
            or _NUMERIC_MORE_RE.match(folded, tail.end()) \
            or not (head.group("ey") or "1").replace("元", "1").isascii():   # 令和五.4
        return None
    day = tail.group("day")
    if not day and (letter_is_measure(head.group("ab")) or (
            head.group("wy") and tail.group("sep") == "."
            and not folded.startswith(_DOTTED_MONTH_NEXT, tail.end()))):
        return None
    span = month_period(year, int(tail.group("month")), int(day) if day else None)
    if span is None or (era != WESTERN and (not _within_era(era, *span) or
                                            year < SOLAR_CALENDAR_YEAR)):
        return None   # R1.4.1: before 令和; M5.8.3: a lunisolar day
    if not day and folded.startswith("末", tail.end()):   # R5.3末: the month's last day
        end = tail.end() + (2 if folded.startswith("末日", tail.end()) else 1)
        return Period(era, "date", span[1], span[1]), end, False, False
    if not day and folded.startswith("期", tail.end()):   # 2023/3期: the year ending then
        first = add_months(span[0], -11)
        return (Period(era, "fiscal_year" if span[0].month == 3 else "range", first, span[1]),
                tail.end() + 1, False, False) if first else None
    return Period(era, "date" if day else "month", *span), tail.end(), True, bool(day)


def iso_date(folded: str, pos: int, head: re.Match[str], year: int) -> Numeric | None:
    """An ISO date (``2023-10-01``) at the western year ``head``: a valid day, not inside
    a path, file name or longer code (``/2023-10-01/``, ``2023-10-01-2``)."""
    tail = _ISO_TAIL_RE.match(folded, head.end()) if head.group("wy") else None
    before = folded[pos - 1:pos] if pos > 0 else " "
    if tail is None or (before.isascii() and (before.isalnum() or before in "/.-_=#?&")):
        return None
    span = month_period(year, int(tail.group("month")), int(tail.group("day")))
    return (Period(WESTERN, "date", *span), tail.end(), True, True) if span else None


def law_number_at(folded: str, pos: int) -> bool:
    """A law's or order's number starts at ``pos`` (``法律第52号``, ``厚生労働省令第1号``:
    ``pipeline/data/date_law_kinds.tsv``), after the year it was promulgated in."""
    number = _NUMBER_NAME_RE.match(folded, pos)
    return number is not None and number.group("kind").endswith(_law_kinds())


def name_number_at(folded: str, pos: int) -> bool:
    """A number that makes the year before it part of a name starts at ``pos``
    (``台風第19号``, ``諮問第22号``; not a law's, whose year is its date)."""
    return _NUMBER_NAME_RE.match(folded, pos) is not None and not law_number_at(folded, pos)


def letter_is_measure(letter: str | None) -> bool:
    """``letter`` also abbreviates a measure (``M``: a magnitude, ``M7.6``)."""
    return letter is not None and letter in _letter_measures()


@lru_cache(maxsize=1)
def _law_kinds() -> tuple[str, ...]:
    return word_list("date_law_kinds")


@lru_cache(maxsize=1)
def _letter_measures() -> frozenset[str]:
    return frozenset(word_list("date_letter_measures"))


def _within_era(era: str, first: date, last: date) -> bool:
    """``first`` … ``last`` lies within ``era`` (its start to the day before the next)."""
    end = era_end(era_by_name(era))
    return era_by_name(era).start <= first and (end is None or last <= end)
