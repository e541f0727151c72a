"""One printed date or range, for ``dates.find_dates``: a date (``date_points``) and a
range's second end after ``～``, ``–``, ``から`` or ``・`` (a full date, a bare number in the
first one's era, ``平成20～30年度``, ``2018～19年``, a month or day of the same year,
``６月から10月``, a month of ``同年`` or ``翌年``, a day or part of the same month,
``１日から同月７日``, ``上旬から中旬``, a quarter or half of the same year,
``2023年度第1四半期から第3四半期``, a bare year after ``FY2022-``; a weekday in brackets
after a day, ``１日（日）から``, is skipped). ``range_or_point(text, folded, pos)`` reads one
at ``pos``; ``range_from`` a range whose first end the caller read (a month without its
year: ``date_anaphora``); ``absorb_equivalent`` the same period restated in brackets after
it (``平成27年度（2015年度）``, ``令和5年度（R5）``). A hyphen (``-``, ``－``, ``−``,
``‐``) is a range mark between two years only (``2018-2022年``, ``平成28-令和2年度``), as
``～`` is anywhere; between figure numbers (``第1-2-1図``) or in phone numbers it is none.
"""

from __future__ import annotations

import re
from datetime import timedelta

from pipeline.tagging.date_heads import SMALL, small_number
from pipeline.tagging.date_points import (
    MONTH_RE,
    PART,
    TAIL_PLAIN_RE,
    Point,
    before_winter,
    decade_at,
    month_of_tail,
    opens_decade,
    point_at,
    tail_period,
    trim_tail,
)
from pipeline.tagging.eras import era_to_year
from pipeline.tagging.periods import (
    WESTERN,
    Period,
    decade_period,
    month_part,
    month_period,
    span_of,
    year_period,
)
from pipeline.tagging.year_parts import PART_OF_YEAR_RE, months_of_year, year_of_part

_DAY_RE = re.compile(rf"(?P<day>{SMALL})日")
_SAME_MONTH_DAY_RE = re.compile(rf"(?P<day>{SMALL})日|末日?")
_PART_RE = re.compile(PART)
_SEPARATOR_RE = re.compile(r"\s?(?P<sep>～|-|から|・)\s?")
_BARE_RE = re.compile(r"(?<![0-9])(?P<n>\d{1,4})(?![0-9])")
_NEAR_RE = re.compile(r"頃|ごろ")
# A range's second end that the rules could not read: a figure, an era or a date word after
# ～ (2023年1Q～3Q); its first end alone is no date. (～ before 現在 or nothing: open.)
_UNREAD_END_RE = re.compile(r"(?:頃|ごろ)?\s?～\s?[0-9一二三四五六七八九十元明大昭平令同翌MTSHRFQ第]")
CLOSING_RE = re.compile(r"までの間|まで|にかけて|の間")   # after a range: part of its surface
_TIME_OF_DAY_RE = re.compile(r"\d{1,2}時(?:\d{1,2}分)?")   # 16時, 23時20分
_WEEKDAY_RE = re.compile(r"（[月火水木金土日祝](?:・?[祝休]日?)?）")   # （日）, （月・祝）
# After a bare range end, a duration or count, not a date: 令和２年度から3年間, １日から3日後.
DURATION_WORDS = ("間", "後", "前", "目", "ぶり", "以内", "以上", "連続", "半", "余り", "程度")
_RANGE_DASHES = "～〜~–—"   # printed characters a folded "-" may stand for in a range


def _continuation(folded: str, pos: int, first: Point) -> Point | None:
    """The end of a range after a separator: a full date, a bare number in the same era
    (``平成20～30年度``), a month or day of the same year (``６月から10月``), or a month of
    ``同年`` or ``翌年`` (``令和5年12月から翌年3月まで``)."""
    full = point_at(folded, pos)
    if full and full.complete:
        return full
    if folded.startswith("同月", pos):   # １日から同月７日まで, １日から同月末まで
        return _same_month_end(folded, pos + 2, first)
    if folded.startswith(("同年", "翌年"), pos):   # ６月から同年10月, 12月から翌年3月
        same = MONTH_RE.match(folded, pos + 2)
        year = first.period.last.year + (folded[pos] == "翌")
        later = month_of_tail(first.period.era, year, same) \
            if same and same.group("month") else None
        return Point(later, same.end(), True, True) if later and same else None
    part = PART_OF_YEAR_RE.match(folded, pos) if first.period.kind == "range" else None
    if part and not part.group("season"):   # 2023年度第1四半期から第3四半期まで
        whole = year_of_part(first.period, re.split(r"[、。]", folded[:first.end])[-1][-16:])
        inside = months_of_year(whole, part) if whole else None
        return Point(inside, part.end(), True) if inside else None
    if first.fiscal_letters:   # FY2022-2024, FY22-24: the fiscal years to that one
        return _fiscal_letters_end(folded, pos, first.period)
    bare = _bare_end(folded, pos, first)
    return bare if bare and not folded.startswith(DURATION_WORDS, bare.end) else None


def _fiscal_letters_end(folded: str, pos: int, first: Period) -> Point | None:
    """The bare year ending a range of fiscal years printed with FY (``FY2022-2024``,
    ``FY22-24``: as many digits as the first printed, a later year)."""
    bare = _BARE_RE.match(folded, pos)
    digits = bare.group("n") if bare else ""
    if bare is None or len(digits) not in (2, 4) or folded.startswith(("年", "."), bare.end()) \
            or folded[bare.end():bare.end() + 1].isalpha() and folded[bare.end()].isascii():
        return None
    year = int(digits) if len(digits) == 4 else first.first.year // 100 * 100 + int(digits)
    period = year_period(WESTERN, year, True, False) if year > first.first.year else None
    return Point(period, bare.end(), True) if period else None


def _same_month_end(folded: str, pos: int, first: Point) -> Point | None:
    """A day or the end of the first end's month after ``同月`` (``１日から同月７日``): the
    range's end, read only after a day, whose month it names."""
    day = _SAME_MONTH_DAY_RE.match(folded, pos) if first.day else None
    if day is None:
        return None
    year, month = first.period.first.year, first.period.first.month
    span = month_period(year, month, small_number(day.group("day"))) if day.group("day") \
        else month_part(year, month, "末")
    return Point(Period(first.period.era, "date", *span), day.end(), True, True, True) \
        if span else None


def _bare_end(folded: str, pos: int, first: Point) -> Point | None:
    """A range end without its own year: ``10月`` after ``６月から``, ``30年度`` after
    ``平成20～``, ``3日`` after ``１日から``."""
    if first.month:
        part = MONTH_RE.match(folded, pos)
        day = _DAY_RE.match(folded, pos) if first.day else None
        year, month = first.period.first.year, first.period.first.month
        if part and part.group("month"):
            later = month_of_tail(first.period.era, year, part)
            if later and later.first < first.period.first:   # ～２月 after 12月: next year
                later = month_of_tail(first.period.era, year + 1, part)
            return Point(later, part.end(), True, True) if later else None
        if first.day and day is None:   # ９月上旬から中旬にかけて: a part of the same month
            piece = _PART_RE.match(folded, pos)
            span = month_part(year, month, piece.group()) if piece else None
            return Point(Period(first.period.era, "range", *span), piece.end(), True, True,
                          True) if span and piece else None
        span = month_period(year, month, small_number(day.group("day"))) if day else None
        return Point(Period(first.period.era, "date", *span), day.end(), True, True, True) \
            if span and day else None
    return _bare_year_end(folded, pos, first.period)


def _bare_year_end(folded: str, pos: int, first: Period) -> Point | None:
    """``30年度`` after ``平成20～``: a bare number read in the first year's era; two
    digits after a western year, in its century (``2018～19年``: 2018 to 2019)."""
    bare = _BARE_RE.match(folded, pos)
    tail = TAIL_PLAIN_RE.match(folded, bare.end()) if bare else None
    if bare is None or tail is None:
        return None
    number = int(bare.group("n"))
    if first.era == WESTERN:   # 2018～2022年; 2018～19年: the century of the first
        year = number if len(bare.group("n")) == 4 else (
            first.first.year // 100 * 100 + number if len(bare.group("n")) == 2 else -1)
        year = year if year > first.first.year or len(bare.group("n")) == 4 else -1
    else:
        year = era_to_year(first.era, number) if len(bare.group("n")) <= 2 else -1
    if year > 0 and folded.startswith("年代", bare.end()):   # 昭和40～50年代
        return decade_at(first.era, year, folded, bare.end())
    period = tail_period(first.era, year, tail) if year > 0 else None
    end = trim_tail(tail, period) if period else 0
    return Point(period, end, True) if period and not folded.startswith("版", end) \
        and not before_winter(folded, end, period) else None


def _with_kind_of(bare: Period, full: Period) -> Period | None:
    """A bare range start (``平成20``) read with the range end's unit (``30年度``)."""
    if full.kind in ("fiscal_year", "year"):
        return year_period(bare.era, bare.first.year, full.kind == "fiscal_year", False)
    if full.kind == "decade" or (full.kind == "range" and full.first.year % 5 == 0 and
                                 full.last.year == full.first.year + 4):   # ～2000年代前半
        return decade_period(bare.era, bare.first.year) \
            if opens_decade(bare.era, bare.first.year) else None
    return None


def _joined(text: str, folded: str, first: Point) -> tuple[Period, int, bool] | None:
    """``first`` and the range end after a separator: (range, end, abbreviated)."""
    pos = after_day_marks(folded, first.end) if first.day else after_weekday(folded, first.end)
    near = _NEAR_RE.match(folded, pos)   # 1955年頃～1973年頃: an approximate start
    sep = _SEPARATOR_RE.match(folded, near.end() if near else pos)
    if sep is None:
        return None
    hyphen = sep.group("sep") == "-" and text[sep.start("sep")] not in _RANGE_DASHES
    if hyphen and not _a_year(first):
        return None   # 第1-2-1図, 03-5253-2111: a hyphen is a range mark between years only
    last = _continuation(folded, sep.end(), first)
    if last is None or (hyphen and not _a_year(last)) or last.split:
        return None   # ～2023/24年度: a year with no dates of its own
    start = first.period if first.complete else _with_kind_of(first.period, last.period)
    abbreviated = first.abbreviated or last.abbreviated
    if first.abbreviated and start is not None and start.kind == "year" and \
            last.period.kind == "fiscal_year" and not last.abbreviated:
        # R1～R5年度: the 年度 printed at the end makes the era letter year a fiscal one
        start = year_period(start.era, start.first.year, True, False)
        abbreviated = False
    if start is None:
        return None
    if sep.group("sep") == "・" and last.period.first != start.last + timedelta(days=1):
        return None   # ４月・10月: two dates, not a range
    joined = span_of(start, last.period)
    return (joined, last.end, abbreviated) if joined else None


def range_from(text: str, folded: str, period: Period, end: int) -> tuple[Period, int] | None:
    """A range whose first end, ``period`` (a month or day, ending at ``end``), was read by
    the caller (a month without its year: ``8月から9月``), and its end."""
    day = period.kind == "date" or (period.kind == "range" and period.first.month ==
                                    period.last.month)
    joined = _joined(text, folded, Point(period, end, True, True, day))
    return (joined[0], joined[1]) if joined else None


def after_day_marks(folded: str, pos: int) -> int:
    """``pos`` past a weekday in brackets and a time of day after a day, where a range
    mark or its closing may follow (``1月1日16時から4月1日0時までの間``: the days' range;
    alone, a time stays out of a day's surface)."""
    pos = after_weekday(folded, pos)
    time = _TIME_OF_DAY_RE.match(folded, pos) if folded[pos - 1:pos] in "日）" else None
    return time.end() if time else pos


def after_weekday(folded: str, pos: int) -> int:
    """``pos`` past a weekday in brackets after a day (``１日（日）から``, ``2023/10/1（日）``),
    else ``pos``."""
    if folded.startswith("（", pos) and (folded[pos - 1:pos] == "日" or
                                        folded[pos - 1:pos].isdigit()):
        weekday = _WEEKDAY_RE.match(folded, pos)
        return weekday.end() if weekday else pos
    return pos


def _a_year(point: Point) -> bool:
    """``point`` is a year or fiscal year (``2018``, ``2022年``, ``平成28``, ``令和2年度``),
    the only thing a hyphen joins into a range (``2018-2022年``)."""
    return point.period.kind in ("year", "fiscal_year") and not point.month


def range_or_point(text: str, folded: str, pos: int,
                    head: re.Match[str] | None = None) -> tuple[Period, int, bool] | None:
    """A date or range starting at ``pos``: (period, end of its surface, abbreviated)."""
    point = point_at(folded, pos, head)
    if point is None:
        return None
    if point.split:   # 2018/19～2023/24年度: a range of pairs of years alike, or the one
        joined = _split_range(folded, point)   # (not the first end of a range no rule reads)
        return joined or (None if _unread_end(folded, point.end) else
                          (point.period, point.end, False))
    joined = _joined(text, folded, point)
    if joined:
        return joined
    if not point.complete or _unread_end(folded, after_weekday(folded, point.end)):
        return None   # 2023年1Q～3Q: the first end alone would be a wrong period
    return point.period, point.end, point.abbreviated


def _split_range(folded: str, first: Point) -> tuple[Period, int, bool] | None:
    """A range from a pair of years (``first``) to a later one of the same kind: two
    winters (``2021/22年冬～2022/23年冬``: December to February), or two with no dates
    (``2018/19年度から2023/24年度``: ``dates`` reads the surface)."""
    sep = _SEPARATOR_RE.match(folded, first.end)
    last = point_at(folded, sep.end()) if sep and sep.group("sep") != "・" else None
    if last is None or not last.split or last.period.first <= first.period.first or \
            (last.period.first.month == 12) != (first.period.first.month == 12):
        return None
    joined = span_of(first.period, last.period)
    return (joined, last.end, False) if joined else None


def _unread_end(folded: str, pos: int) -> bool:
    """A range mark at ``pos`` before a second end that is no date of its own
    (``2023年1Q～3Q``; not ``～2023年1月1日`` of a backwards range: two dates)."""
    mark = _UNREAD_END_RE.match(folded, pos)
    if mark is None:
        return False
    second = point_at(folded, mark.end() - 1)
    return second is None or not second.complete or second.split   # ～2023/24年度


def absorb_equivalent(text: str, folded: str, period: Period, end: int) -> int:
    """Swallow ``（2008～2018年度）`` after a period that it restates (an era letter year
    after a fiscal year of that year too: ``令和5年度（R5）``)."""
    if not folded.startswith("（", end):
        return end
    inner = range_or_point(text, folded, end + 1)
    if inner and folded.startswith("）", inner[1]):
        same = (inner[0].first, inner[0].last) == (period.first, period.last)
        same_year = inner[0].kind == period.kind == "year" and \
            inner[0].first.year == period.first.year
        letter = inner[2] and inner[0].kind == "year" and period.kind == "fiscal_year" \
            and inner[0].first.year == period.first.year   # 令和5年度（R5）
        if same or same_year or letter:
            return inner[1] + 1
    return end
