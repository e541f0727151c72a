"""Dates printed in figures and letters after a year head, for ``date_points``: a month
and day after ``.`` or ``/`` (``R5.4.1``, ``H30.3.31``, ``R5.4``, ``R5.3末``,
``令和5.4.1``, ``2023/10/1``, ``2023.10.1``, ``2023/10``) or in ISO form
(``2023-10-01``), a fiscal year in letters
(``FY2023``, ``FY23``, ``FY2023年度``, ``2023FY``; a quarter may be glued after it,
``FY2023Q3``, read with its halves by ``date_points``), and the numbers after a year that make it a
law's date (``平成25年法律第86号``: ``pipeline/data/date_law_kinds.tsv``) or part of a
name (``2019年台風第19号``); an era letter that also abbreviates a measure (``M7``, a
magnitude: ``pipeline/data/date_letter_measures.tsv``) is no era year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pipeline.common.lexicons import data_rows, word_list
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
# After a country's word, what makes it the owner of the fiscal year after it: a particle
# or a word of its government (米国の, 中国では, 米国連邦政府; not 中国地方, インド太平洋).
_OWNER_NEXT_RE = re.compile(r"の|は|で|が|も|と|、|政府|連邦|国防|議会|財務|政権|軍")
_CLAUSE_SPLIT_RE = re.compile(r"[、，,]")
_TOPIC_ENDS = ("は", "では", "において")
_FISCAL_COLUMNS = ("country", "first_month", "named_by", "source")
# A name's number after a year: 法律第52号 (a law: date_law_kinds.tsv), 台風第19号.
_NUMBER_NAME_RE = re.compile(r"(?P<kind>[一-鿿]{1,10})第[0-9一二三四五六七八九十百千]+号")

_FISCAL_PRINTED_RE = re.compile(r"年度|FY|ＦＹ")   # not 2024年３月期 (an accounting year)
# A quarter or half glued after a fiscal year in letters (FY2023Q3), read by date_points.
_QUARTER_LETTERS_RE = re.compile(r"(?:Q[1-4]|H[12])(?![0-9A-Za-z])")   # FY2023H1: its half

# (period, end, names a month, names a day)
Numeric = tuple[Period, int, bool, bool]


def fiscal_year_in_letters(folded: str, head: re.Match[str]) -> int:
    """End of a fiscal year printed with ``FY`` (``FY2023``, ``FY23``, ``FY2023年度``, ``2023FY``:
    Japan's fiscal year from April, as ``2023年度``) after the year ``head``, else 0."""
    end = head.end()
    if head.group("wy") and folded.startswith("FY", end):
        end += 2
    elif head.group("wy") and folded.startswith("会計年度", end):   # 米国の2024会計年度
        return end + 4
    elif not head.group("fy"):
        return 0
    if folded.startswith("年度", end):
        end += 2
    return 0 if folded[end:end + 1].isascii() and folded[end:end + 1].isalpha() \
        and not _QUARTER_LETTERS_RE.match(folded, end) else end   # FY2023Q3: its quarter


def numeric_date(folded: str, pos: int, head: re.Match[str], era: str,
                 year: int) -> Numeric | None:
    """The year ``head`` at ``pos`` and its month and day in figures after ``.`` or ``/``,
    or nothing: not inside a path or version (``/2023/10/1.html``, ``v2023.10``), not a
    decimal (``2023.5億円``: a western year and one dotted number is read only before a
    date word, ``2023.10の``), not a measure (``M7.6``), not a pair of years (``2011/12年度``,
    ``令和4/5年度``: 年 after the figures), and only a valid day of the era
    printed (``R1.4.1`` is no date: 令和 began in May). ``2023/3期`` is the accounting
    year ending then, ``R5.3末`` the month's last day."""
    tail = _NUMERIC_TAIL_RE.match(folded, head.end())
    before = folded[pos - 1:pos] if pos > 0 else " "
    if tail is None or (before.isascii() and (before.isalnum() or before in "/.-_=#?&")) \
            or _NUMERIC_MORE_RE.match(folded, tail.end()) or folded.startswith("年", tail.end()) \
            or not (head.group("ey") or "1").replace("元", "1").isascii():   # 令和五.4
        return None
    day = tail.group("day")
    if not day and (letter_is_measure(head.group("ab")) or (
            head.group("wy") and tail.group("sep") == "."
            and not folded.startswith(_DOTTED_MONTH_NEXT, tail.end())
            and not (before == "～" and tail.end() == len(folded)))):
        return None   # 2023.5億円; but 2023.4～2024.3 ends a cell: a range's end
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


@dataclass(frozen=True)
class FiscalOwner:
    """Whose fiscal year a date is: a country's word (``date_foreign_fiscal_years.tsv``),
    the fiscal year's bounds there (``None`` when they are not sure), Japan's or not."""
    word: str
    period: Period | None
    japanese: bool


def fiscal_year_owner(folded: str, start: int, year: int) -> FiscalOwner | None:
    """The country whose fiscal year ``year`` is, when a country's word stands as an owner
    (``米国の``, ``米国連邦政府``, ``中国では、``) before the date at ``start`` in its clause
    or in a topic clause before it (``米国では、2024年度に``); the last one decides.
    ``None``: no such word (Japan's fiscal year, as 年度 is in a Japanese text)."""
    window = _owner_window(folded, start)
    best: tuple[int, str] | None = None
    for word in _fiscal_years():
        at = window.rfind(word)
        while at >= 0 and not _OWNER_NEXT_RE.match(window, at + len(word)):
            at = window.rfind(word, 0, at)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, word)
    if best is None:
        return None
    month, named_by = _fiscal_years()[best[1]]
    if not month:
        return FiscalOwner(best[1], None, False)
    first = date(year - (named_by == "end" and month > 1), month, 1)
    last = add_months(first, 11, at_end=True)
    period = Period(WESTERN, "fiscal_year", first, last) if last else None
    return FiscalOwner(best[1], period, (month, named_by) == (4, "start"))


def owned_bounds(folded: str, start: int, period: Period,
                 surface: str) -> tuple[bool, Period | None] | None:
    """(another country's, its bounds) of a fiscal year or a range of them printed at
    ``start`` (``米国の2024会計年度``, ``米国のFY2022-2024``); (False, ``period``) for
    Japan's or any other date; ``None`` for ``会計年度`` with no country named."""
    fiscal_years = period.kind == "fiscal_year" or period.kind == "range" and (
        (period.first.month, period.first.day, period.last.month, period.last.day) ==
        (4, 1, 3, 31))
    owner = fiscal_year_owner(folded, start, period.first.year) \
        if fiscal_years and _FISCAL_PRINTED_RE.search(surface) else None
    if owner is None or owner.japanese:
        return None if owner is None and "会計年度" in surface else (False, period)
    last = fiscal_year_owner(folded, start, period.last.year - 1) \
        if period.kind == "range" else owner
    if owner.period is None or last is None or last.period is None:
        return True, None
    return True, Period(period.era, period.kind, owner.period.first, last.period.last)


def _owner_window(folded: str, start: int) -> str:
    """The clause before ``start`` (from the last 、 or the sentence's start), with the
    clause before it when that one is a topic (``米国では、``)."""
    sentence = folded[folded.rfind("。", 0, start) + 1:start]
    clauses = _CLAUSE_SPLIT_RE.split(sentence)
    if len(clauses) > 1 and clauses[-2].endswith(_TOPIC_ENDS):
        return clauses[-2] + "、" + clauses[-1]
    return clauses[-1]


@lru_cache(maxsize=1)
def _fiscal_years() -> dict[str, tuple[int, str]]:
    """Country word → (first month of its fiscal year or 0, ``start``/``end`` or "")."""
    rows = data_rows("date_foreign_fiscal_years", _FISCAL_COLUMNS, ("first_month", "named_by"))
    return {word: (int(month) if month else 0, named_by) for word, month, named_by, _ in rows}


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
