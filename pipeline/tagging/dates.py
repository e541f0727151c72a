"""Date and period expressions in Japanese text: find them and resolve them to ISO dates.

``find_dates(text)`` returns one ``DateMention`` per expression, with offsets into
``text``. What it reads:

- years in an era (``平成29年``, ``令和元年``, ``H25``) or western (``2017年``), with the
  eras, their letters and start dates from ``pipeline/data/eras.tsv``;
- fiscal years (``年度``: N-04-01 … N+1-03-31), the end of a year or fiscal year
  (``年末``, ``年度末``: one day), months and days (``平成29年８月28日``);
- an era year followed by the same year in brackets as ONE mention
  (``令和５年（2023年）５月``, ``平成20～30年度（2008～2018年度）``);
- ranges with ``～`` (``平成20～30年度``, ``2010年～2017年``, ``H25～R3``) and with
  ``から … まで/にかけて`` (the surface stops before まで/にかけて);
- a bare western year in brackets (``（2019）``, as in citations);
- ``同年``/``同月``/``同年度``, resolved against the mention before it in the same text.

As-of words (``現在``, ``時点``) directly after an expression are included in its
surface; they do not change its dates. A year directly followed by a law or order
number (``平成10年法律第52号``) is a name, not a date, and is skipped. Month or day
without a year (``11月に``) is not reported. A calendar year in an era is clipped to
the era (``平成31年`` ends 2019-04-30); fiscal years are not (``平成31年度`` is FY2019).

Relative periods (``前年度``, ``同月`` …) are read in ``relative_dates``; the era table
and era-year conversions are in ``eras``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pipeline.tagging.eras import era_by_name, era_end, era_to_year, load_eras
from pipeline.tagging.numerals import fold_width, parse_numeral

WESTERN = "western"
KINDS = ("date", "month", "year", "fiscal_year", "range")
_KANJI_SMALL = "[一二三四五六七八九十]{1,3}"
_SMALL = rf"(?:\d{{1,2}}|{_KANJI_SMALL})"
_ERA_NUMBER = r"(?:\d{1,3}|[一二三四五六七八九十百]{1,5})"


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    surface: str
    kind: str                 # date, month, year, fiscal_year, range
    start_date: str | None    # ISO YYYY-MM-DD
    end_date: str | None
    era: str                  # 令和, 平成, 昭和, 大正, 明治 or western


@dataclass(frozen=True)
class Period:
    era: str
    kind: str
    first: date
    last: date


def head_pattern() -> str:
    """A year head: an era name and year, an era letter and year (``H25``), or a western
    year of four digits."""
    names = "|".join(era.name for era in load_eras())
    letters = "".join(era.letter for era in load_eras())
    return (rf"(?P<era>{names})\s?(?P<ey>元|{_ERA_NUMBER})"
            rf"|(?<![A-Za-z0-9])(?P<ab>[{letters}])(?P<ay>\d{{1,2}})(?![0-9A-Za-z.])"
            r"|(?<![0-9.,])(?P<wy>\d{4})(?![0-9])")


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern[str]:
    """``head_pattern`` behind a lookahead of every character a head can start with:
    ``re`` then skips the other positions at once instead of trying three branches at
    each (three times faster; tests/test_dates.py checks the matches are the same)."""
    firsts = "".join(sorted({era.name[0] for era in load_eras()} |
                            {era.letter for era in load_eras()}))
    return re.compile(rf"(?=[{re.escape(firsts)}\d])(?:{head_pattern()})")


_TAIL = (rf"(?P<do>度)?(?P<edge>末)?"
         rf"(?:(?P<month>{_SMALL})月(?:(?P<day>{_SMALL})日)?)?")
_TAIL_RE = re.compile(rf"(?P<nen>年)(?:（(?P<py>\d{{4}})年）)?{_TAIL}")
_TAIL_PLAIN_RE = re.compile(rf"(?P<nen>年)(?P<py>){_TAIL}")
_LAW_NUMBER_RE = re.compile(r"[一-鿿]{1,4}第[0-9一二三四五六七八九十百千]+号")
_AS_OF_RE = re.compile(r"\s?(?:現在|時点)")
_TILDE_RE = re.compile(r"\s?～\s?")
_BARE_RE = re.compile(r"(?<![0-9])(?P<n>\d{1,4})(?![0-9])")
_FROM_RE = re.compile(r"から")
_UNTIL_RE = re.compile(r"まで|にかけて|の間")
_SAME_RE = re.compile(rf"同(?P<unit>年度|年|月)(?:(?P<month>{_SMALL})月)?(?:(?P<day>{_SMALL})日)?")
_BARE_PAREN_RE = re.compile(r"（(?P<wy>\d{4})）")


def _small(text: str | None) -> int | None:
    if text and text.isascii() and text.isdigit():
        return int(text)   # most: Arabic digits (folded), which need no numeral parsing
    value = parse_numeral(text) if text else None
    return int(value) if value is not None else None


def month_period(year: int, month: int, day: int | None) -> tuple[date, date] | None:
    if not 1 <= month <= 12 or not 1 <= year <= 9998:
        return None
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last_day)
    if not 1 <= day <= last_day:
        return None
    return date(year, month, day), date(year, month, day)


def year_period(era: str, year: int, fiscal: bool, edge: bool) -> Period | None:
    if not 1 <= year <= 9998:
        return None
    if fiscal:
        first, last = date(year, 4, 1), date(year + 1, 3, 31)
        return Period(era, "date", last, last) if edge else Period(era, "fiscal_year", first, last)
    first, last = date(year, 1, 1), date(year, 12, 31)
    if edge:
        return Period(era, "date", last, last)
    if era != WESTERN:
        end = era_end(era_by_name(era))
        first = max(first, era_by_name(era).start)
        last = min(last, end) if end else last
    return Period(era, "year", first, last)


def _head_year(head: re.Match[str]) -> tuple[str, int] | None:
    """(era, western year) of a year head; ``None`` for an abbreviation out of its era."""
    if head.group("era"):
        number = 1 if head.group("ey") == "元" else _small(head.group("ey"))
        return (head.group("era"), era_to_year(head.group("era"), number)) if number else None
    if head.group("ab"):
        era = era_by_name(head.group("ab"))
        year = era_to_year(era.name, int(head.group("ay")))
        end = era_end(era)
        if int(head.group("ay")) < 1 or (end is not None and year > end.year):
            return None
        return era.name, year
    return WESTERN, int(head.group("wy"))


def _tail_period(era: str, year: int, tail: re.Match[str]) -> Period | None:
    """Period of a year head plus its tail (年, 度, 末, 月, 日)."""
    fiscal, edge = bool(tail.group("do")), bool(tail.group("edge"))
    month = _small(tail.group("month"))
    if month is not None and not fiscal and not edge:
        span = month_period(year, month, _small(tail.group("day")))
        if span:
            kind = "date" if tail.group("day") else "month"
            return Period(era, kind, span[0], span[1])
    return year_period(era, year, fiscal, edge)


def _trim_tail(tail: re.Match[str], period: Period) -> int:
    """End of the part of a tail that ``period`` used (drops an invalid month/day)."""
    if period.kind in ("date", "month") and tail.group("month") and not tail.group("edge"):
        return tail.end()
    return max(tail.end("nen"), tail.end("do"), tail.end("edge"))


def _point(folded: str, pos: int,
           head: re.Match[str] | None = None) -> tuple[Period, int, bool] | None:
    """A single date at ``pos``: (period, end, complete); complete means it has 年.

    An incomplete point (``平成20`` in ``平成20～30年度``) is a year head alone, usable
    only as the start of a range; an era letter (``H27``) is complete on its own.
    ``head``: the year head matched at ``pos``, when the caller has it.
    """
    head = _head_re().match(folded, pos) if head is None else head
    era_year = _head_year(head) if head else None
    if head is None or era_year is None:
        return None
    era, year = era_year
    tail = _TAIL_RE.match(folded, head.end())
    if tail and tail.group("py") and int(tail.group("py")) != year:
        tail = _TAIL_PLAIN_RE.match(folded, head.end())
    if tail is None:
        bare = year_period(era, year, False, False)
        return (bare, head.end(), bool(head.group("ab"))) if bare else None
    if _LAW_NUMBER_RE.match(folded, tail.end("nen")):
        return None
    period = _tail_period(era, year, tail)
    if period is None:
        return None
    return period, _trim_tail(tail, period), True


def _continuation(folded: str, pos: int, first: Period) -> tuple[Period, int] | None:
    """The end of a range after ``～``: a full date, or a bare number in the same era."""
    full = _point(folded, pos)
    if full and full[2]:
        return full[0], full[1]
    bare = _BARE_RE.match(folded, pos)
    if not bare:
        return None
    tail = _TAIL_PLAIN_RE.match(folded, bare.end())
    if tail is None:
        return None
    number = int(bare.group("n"))
    if first.era == WESTERN:
        year = number if len(bare.group("n")) == 4 else -1
    else:
        year = era_to_year(first.era, number) if len(bare.group("n")) <= 2 else -1
    period = _tail_period(first.era, year, tail) if year > 0 else None
    return (period, _trim_tail(tail, period)) if period else None


def _as_range(first: Period, last: Period) -> Period | None:
    if last.last < first.first:
        return None
    return Period(first.era, "range", first.first, last.last)


def _with_kind_of(bare: Period, full: Period) -> Period | None:
    """A bare range start (``平成20``) read with the range end's unit (``30年度``)."""
    if full.kind == "fiscal_year":
        return year_period(bare.era, bare.first.year, True, False)
    if full.kind == "year":
        return year_period(bare.era, bare.first.year, False, False)
    return None


def _range_or_point(folded: str, pos: int,
                    head: re.Match[str] | None = None) -> tuple[Period, int] | None:
    """A date or range starting at ``pos``, with the end of its surface (``head``: the year
    head matched at ``pos``, when the caller has it)."""
    point = _point(folded, pos, head)
    if point is None:
        return None
    first, end, complete = point
    tilde = _TILDE_RE.match(folded, end)
    if tilde:
        last = _continuation(folded, tilde.end(), first)
        start = first if complete else (_with_kind_of(first, last[0]) if last else None)
        joined = _as_range(start, last[0]) if start and last else None
        if joined and last:
            return joined, last[1]
    if not complete:
        return _bare_paren(folded, pos, first)
    since = _FROM_RE.match(folded, end)
    later = _point(folded, since.end()) if since else None
    if later and later[2] and _UNTIL_RE.match(folded, later[1]):
        joined = _as_range(first, later[0])
        if joined:
            return joined, later[1]
    return first, end


def _bare_paren(folded: str, pos: int, first: Period) -> tuple[Period, int] | None:
    """A western year alone in brackets, as in citations: ``（2019）``."""
    paren = _BARE_PAREN_RE.match(folded, pos - 1) if pos > 0 else None
    if paren and first.era == WESTERN and 1868 <= first.first.year <= 2100:
        return first, paren.end() - 1
    return None


def _absorb_equivalent(folded: str, period: Period, end: int) -> int:
    """Swallow ``（2008～2018年度）`` after a period that it restates."""
    if not folded.startswith("（", end):
        return end
    inner = _range_or_point(folded, end + 1)
    if inner and folded.startswith("）", inner[1]):
        same = (inner[0].first, inner[0].last) == (period.first, period.last)
        same_year = inner[0].kind == period.kind == "year" and \
            inner[0].first.year == period.first.year
        if same or same_year:
            return inner[1] + 1
    return end


def _same_reference(match: re.Match[str], previous: Period) -> Period | None:
    """``同年５月``, ``同月30日``, ``同年度`` read against the previous mention."""
    unit, year = match.group("unit"), previous.first.year
    month = _small(match.group("month"))
    day = _small(match.group("day"))
    if unit == "月":
        if previous.kind not in ("month", "date") or month is not None:
            return None
        month = previous.first.month
    if month is not None and unit != "年度":
        span = month_period(year, month, day)
        kind = "date" if day is not None else "month"
        return Period(previous.era, kind, span[0], span[1]) if span else None
    if unit == "年度" and previous.kind == "fiscal_year":
        return previous
    if unit == "年" and month is None:
        return year_period(previous.era, year, False, False)
    return None


def may_hold_dates(text: str) -> bool:
    """False when ``find_dates(text)`` is surely empty (and so ``find_relative_dates``):
    every expression holds a digit, an era name or 同. A scan much cheaper than the search."""
    return _date_hint_re().search(text) is not None


@lru_cache(maxsize=1)
def _date_hint_re() -> re.Pattern[str]:
    return re.compile("|".join([r"\d", "同", *(re.escape(era.name) for era in load_eras())]))


def find_dates(text: str, folded: str | None = None) -> list[DateMention]:
    """Every date or period expression in ``text``, in order, with offsets into ``text``.

    ``folded``: ``fold_width(text)``, when the caller has it."""
    folded = fold_width(text) if folded is None else folded
    mentions: list[DateMention] = []
    previous: Period | None = None
    pos = 0
    while pos < len(folded):
        found = _next_expression(folded, pos, previous)
        if found is None:
            break
        start, period, end = found
        as_of = _AS_OF_RE.match(folded, end)
        end = as_of.end() if as_of else end
        mentions.append(DateMention(start, end, text[start:end], period.kind,
                                    period.first.isoformat(), period.last.isoformat(),
                                    period.era))
        previous, pos = period, end
    return mentions


def _next_expression(folded: str, pos: int,
                     previous: Period | None) -> tuple[int, Period, int] | None:
    """The first expression at or after ``pos``: (start, period, end)."""
    candidates = []
    for head in _head_re().finditer(folded, pos):
        found = _range_or_point(folded, head.start(), head)
        if found:
            candidates.append((head.start(), found[0], _absorb_equivalent(folded, *found)))
            break
    if previous is not None:
        for same in _SAME_RE.finditer(folded, pos):
            period = _same_reference(same, previous)
            if period:
                candidates.append((same.start(), period, same.end()))
                break
    return min(candidates, key=lambda c: c[0]) if candidates else None
