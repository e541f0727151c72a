"""The grammar of one printed date or range, for ``dates.find_dates``: a year head (an
era and year, an era letter and year, or a western year), its tail (年, 年度, a dual form
in brackets, 末, month, day, part of a month, 月期; the other calendar's number may stand
in brackets before 年, ``令和2（2020）年度``; a quarter, half or season, ``2023年Q3``,
``2023年秋``) or a decade (``2010年代``, ``昭和40年代``, with ``前半``/``後半``/``半ば``/
``中頃``/``初頭``/``末``), and a range's second end after
``～``, ``–``, ``から`` or ``・`` (a full date, a bare number in the first one's era, a
month or day of the same year, a day or part of the same month, ``１日から同月７日``,
``上旬から中旬``; a weekday in brackets after a day, ``１日（日）から``, is
skipped). ``range_or_point(text, folded, pos)`` reads one at ``pos``; the period
arithmetic is in ``periods``, the forms in figures and letters (``R5.4.1``,
``2023/10/1``, ``FY2023``, a law's number after a year) in ``date_figures``. A hyphen (``-``, ``－``, ``−``, ``‐``)
is a range mark between two years only (``2018-2022年``, ``平成28-令和2年度``), as ``～`` is
anywhere; between figure numbers (``第1-2-1図``) or in phone numbers it is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from pipeline.tagging.date_figures import (
    NUMERIC_START_RE,
    fiscal_year_in_letters,
    iso_date,
    letter_is_measure,
    name_number_at,
    numeric_date,
)
from pipeline.tagging.eras import (
    era_by_name,
    era_end,
    era_to_year,
    last_year_printed,
    load_eras,
)
from pipeline.tagging.numerals import parse_numeral
from pipeline.tagging.periods import (
    SOLAR_CALENDAR_YEAR,
    WESTERN,
    Period,
    add_months,
    decade_period,
    month_part,
    month_period,
    span_of,
    year_period,
)

_KANJI_SMALL = "[一二三四五六七八九十]{1,3}"
SMALL = rf"(?:\d{{1,2}}|{_KANJI_SMALL})"
_ERA_NUMBER = r"(?:\d{1,3}|[一二三四五六七八九十百]{1,5})"
# Two digits after FY name a year of this century below the pivot, else of the last
# (FY23 is 2023, FY98 1998): a fiscal year printed so is of a recent year.
FY_CENTURY_PIVOT = 50
_KANJI_DIGITS = "一二三四五六七八九"   # with 〇: a western year digit by digit, 二〇二三年


@dataclass(frozen=True)
class _Point:
    period: Period
    end: int
    complete: bool            # has 年 (or is an era letter year)
    month: bool = False       # names a month (a bare month may continue it: ６月から10月)
    day: bool = False
    abbreviated: bool = False
    fiscal_letters: bool = False   # FY2022: a bare year after it ends a range (FY2022-2024)


def head_pattern() -> str:
    """A year head: an era name and year, an era letter and year (``H25``), or a western
    year of four digits (also in kanji digits before 年, ``二〇二三年``)."""
    names = "|".join(era.name for era in load_eras())
    letters = "".join(era.letter for era in load_eras())
    return (rf"(?P<era>{names})\s?(?P<ey>元|{_ERA_NUMBER})"
            rf"|(?<![〇{_KANJI_DIGITS}十百千万])(?P<ky>[一二][〇{_KANJI_DIGITS}]{{3}})(?=年|）|～|-|から|$)"
            rf"|(?<![A-Za-z0-9])(?P<ab>[{letters}])(?P<ay>\d{{1,2}}|元)"
            r"(?![0-9A-Za-z]|[./](?![0-9]))"
            r"|(?<![0-9A-Za-z])FY\s?(?P<fy>\d{4}|\d{2})(?![0-9])"
            r"|(?<![0-9.,])(?P<wy>\d{4})(?![0-9])")


@lru_cache(maxsize=1)
def head_re() -> re.Pattern[str]:
    """``head_pattern`` behind a lookahead of every character a head can start with:
    ``re`` then skips the other positions at once instead of trying three branches at
    each (three times faster; tests/test_dates.py checks the matches are the same)."""
    firsts = "".join(sorted({era.name[0] for era in load_eras()} |
                            {era.letter for era in load_eras()} | {"F", "一", "二"}))
    return re.compile(rf"(?=[{re.escape(firsts)}\d])(?:{head_pattern()})")


PART = r"末日?|上旬|中旬|下旬|初旬|初め"
# A space may stand between a figure and its 年, 月 or 日 (令和 5 年 4 月 1 日: a layout that
# sets half-width figures apart, as word processors do).
SPACE = "[ \u3000]?"
_MONTH_TAIL = (rf"(?:{SPACE}(?P<month>{SMALL}){SPACE}月(?P<ki>期)?"
               rf"(?:{SPACE}(?P<day>{SMALL}){SPACE}日|(?P<part>{PART}))?)?")
# The end or opening of a year: 年末, 年度初め, 年初頭, 年度当初から (not 当初予算).
_EDGE = r"(?P<edge>末|初め|初頭|当初(?=から|より|に|は|、)|元日|元旦)?"   # 元日: January 1
_TAIL_RE = re.compile(rf"(?P<nen>{SPACE}年)(?P<b1>（(?P<d1>[^（）年]{{1,8}})年）)?(?P<do>度)?"
                      r"(?P<b2>（(?P<d2>[^（）年]{1,8})年度）)?" + _EDGE + _MONTH_TAIL)
_TAIL_PLAIN_RE = re.compile(rf"(?P<nen>{SPACE}年)(?P<b1>)(?P<d1>)(?P<do>度)?(?P<b2>)(?P<d2>)"
                            + _EDGE + _MONTH_TAIL)
# ４～６月期 after a year: a range of months whose first month is bare.
_BARE_MONTHS_RE = re.compile(rf"(?P<m1>{SMALL})(?P<sep>～|-|から|・)(?P<m2>{SMALL})月(?P<ki>期)?")
# 第３四半期 (Ⅲ), Q3, 3Q, 上半期 (前半) after a year or fiscal year; 春 (3–5月), 夏, 秋 after a year
# (the JMA's seasons; 冬 straddles two years: not read), not 秋田, 春闘, 春季生活闘争.
_PART_OF_YEAR_RE = re.compile(r"(?:第(?P<q>[1-4一二三四ⅠⅡⅢⅣ])四半期|Q(?P<qq>[1-4])(?![0-9])"
                              r"|(?P<qn>[1-4])Q(?![0-9A-Za-z])"
                              r"|(?P<half>上半期|下半期|上期|下期|前半|後半)"
                              r"|(?P<season>[春夏秋])(?:季)?(?=頃|以降|以来|時点|現在|中|[^一-鿿]|$))")
_PART_FIRSTS = frozenset("0123456789一二三四五六七八九十第上下前後Q春夏秋")   # what the two above start with
_ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4}
SEASON_MONTHS = {"春": 3, "夏": 6, "秋": 9}   # a season's first month; three months each
_DUAL_NUMBER_RE = re.compile(r"（(?P<d>[^（）年]{1,8})）(?=年)")
_DECADE_RE = re.compile(r"年代(?P<part>前半|後半|半ば|中頃|初頭|初め|末)?")
_MONTH_RE = re.compile(_MONTH_TAIL.removeprefix("(?:").removesuffix(")?"))
_DAY_RE = re.compile(rf"(?P<day>{SMALL})日")
_SAME_MONTH_DAY_RE = re.compile(rf"(?P<day>{SMALL})日|末日?")
_PART_RE = re.compile(PART)
_SEPARATOR_RE = re.compile(r"\s?(?P<sep>～|-|から|・)\s?")
_BARE_RE = re.compile(r"(?<![0-9])(?P<n>\d{1,4})(?![0-9])")
_NEAR_RE = re.compile(r"頃|ごろ")
# A range's second end that the rules could not read: a figure, an era or a date word after
# ～ (2023年1Q～3Q); its first end alone is no date. (～ before 現在 or nothing: open.)
_UNREAD_END_RE = re.compile(r"(?:頃|ごろ)?\s?～\s?[0-9一二三四五六七八九十元明大昭平令同翌MTSHRFQ第]")
_UNTIL_RE = re.compile(r"まで|にかけて|の間")
CLOSING_RE = re.compile(r"までの間|まで|にかけて|の間")   # after a range: part of its surface
_WEEKDAY_RE = re.compile(r"（[月火水木金土日祝](?:・?[祝休]日?)?）")   # （日）, （月・祝）
# After a bare range end, a duration or count, not a date: 令和２年度から3年間, １日から3日後.
DURATION_WORDS = ("間", "後", "前", "目", "ぶり", "以内", "以上", "連続", "半", "余り", "程度")
# After a western year's 年, what makes the figure a number of years, no date (1000年に1度,
# 2000年以上の歴史, 1200年間, 約3000年前, 2500年後; not 2000年前後, 2019年前半, 2030年目標).
_YEARS_COUNTED_RE = re.compile(r"間|前(?!後|半)|後(?!半)|以上|以内|ぶり|余り|近く|程度|目(?!標)"
                               r"|半(?!ば)|に[1一]度|に[1一]回|の歴史(?!的)")
_RANGE_DASHES = "～〜~–—"   # printed characters a folded "-" may stand for in a range


def small_number(text: str | None) -> int | None:
    if text and text.isascii() and text.isdigit():
        return int(text)   # most: Arabic digits (folded), which need no numeral parsing
    value = parse_numeral(text) if text else None
    return int(value) if value is not None else None


def _head_year(head: re.Match[str]) -> tuple[str, int] | None:
    """(era, western year) of a year head. A year past its era's end is kept (a plan
    written before 2019 names ``H32``/``平成32年度`` for 2020), but not one past the next
    era's end as well (``明治150年``: a count of years, no date); ``dates`` keeps an era
    letter year past its era only next to a programme or budget word."""
    if head.group("era") or head.group("ab"):
        era = era_by_name(head.group("era") or head.group("ab"))
        digits = head.group("ey") or head.group("ay")
        number = 1 if digits == "元" else small_number(digits)
        year = era_to_year(era.name, number) if number and number >= 1 else None
        last = last_year_printed(era)
        return (era.name, year) if year and (last is None or year <= last) else None
    if head.group("ky"):   # 二〇二三年: a western year in kanji digits
        return WESTERN, int("".join(str("〇一二三四五六七八九".index(c)) for c in head.group("ky")))
    if head.group("fy") and len(head.group("fy")) == 2:   # FY23: 2023; FY98: 1998
        number = int(head.group("fy"))
        return WESTERN, number + (2000 if number < FY_CENTURY_PIVOT else 1900)
    return WESTERN, int(head.group("wy") or head.group("fy"))


def letter_year_past_era(folded: str, start: int, end: int) -> bool:
    """An era letter year between ``start`` and ``end`` lies past its era's end (``H32``:
    平成 ended in 2019)."""
    for head in head_re().finditer(folded, start, end):
        found = _head_year(head) if head.group("ab") else None
        last = era_end(era_by_name(found[0])) if found else None
        if found and last is not None and found[1] > last.year:
            return True
    return False


def _same_year(bracket: str | None, year: int) -> bool:
    """``bracket`` (the inside of ``（2023年）``/``（令和５年）`` without 年) names ``year``."""
    if not bracket:
        return True
    head = head_re().fullmatch(bracket)
    found = _head_year(head) if head else None
    return found is not None and found[1] == year


def _month_period(era: str, year: int, tail: re.Match[str]) -> Period | None:
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


def _tail_period(era: str, year: int, tail: re.Match[str]) -> Period | None:
    """Period of a year head plus its tail (年, 度, 末, 月, 日, 旬). A month or day in an
    era before the solar calendar (``明治5年8月3日``, of the lunisolar calendar: 1872-09-04)
    is left out, the year kept."""
    fiscal, edge = bool(tail.group("do")), bool(tail.group("edge"))
    if tail.group("month") and not fiscal and not edge and (era == WESTERN or
                                                            year >= SOLAR_CALENDAR_YEAR):
        found = _month_period(era, year, tail)
        if found:
            return found
    if tail.group("edge") in ("元日", "元旦"):   # 令和6年元日: New Year's Day
        return None if fiscal else Period(era, "date", date(year, 1, 1), date(year, 1, 1))
    if edge and tail.group("edge") != "末":   # 初め, 初頭, 当初: the first month (approx)
        span = month_period(year, 4 if fiscal else 1, None)
        return Period(era, "month", *span) if span else None
    return year_period(era, year, fiscal, edge)


def _trim_tail(tail: re.Match[str], period: Period) -> int:
    """End of the part of a tail that ``period`` used (drops an invalid month/day)."""
    if period.kind != "year" and tail.group("month") and not tail.group("edge") \
            and not tail.group("do"):
        return tail.end()
    return max(tail.end("nen"), tail.end("b1"), tail.end("do"), tail.end("b2"),
               tail.end("edge"))


def _point(folded: str, pos: int, head: re.Match[str] | None = None) -> _Point | None:
    """A single date at ``pos``. Incomplete (no 年): ``平成20`` in ``平成20～30年度``, a
    year head usable only as the start of a range; an era letter (``H27``) is complete.
    A year before ``版`` names an edition (``2023年版白書``) and is no date.
    ``head``: the year head matched at ``pos``, when the caller has it."""
    head = head_re().match(folded, pos) if head is None else head
    era_year = _head_year(head) if head else None
    if head is None or era_year is None:
        return None
    era, year = era_year
    if era == WESTERN and folded[max(0, pos - 3):pos].rstrip().endswith(("紀元前", "BC")):
        return None   # 紀元前2000年: before the common era
    fiscal = fiscal_year_in_letters(folded, head)
    if fiscal:   # FY2023, FY2023年度, 2023FY
        period = year_period(WESTERN, year, True, False)
        return _Point(period, fiscal, True, fiscal_letters=True) if period else None
    iso = iso_date(folded, pos, head, year) if folded.startswith("-", head.end()) else None
    if iso:   # 2023-10-01 (2018-2022年 is a range)
        return _Point(iso[0], iso[1], True, iso[2], iso[3])
    if NUMERIC_START_RE.match(folded, head.end()):   # R5.4.1, 2023/10/1, 2023.5億円
        found = numeric_date(folded, pos, head, era, year)
        return _Point(found[0], found[1], True, found[2], found[3]) if found else None
    if folded.startswith("年代", head.end()):
        return _decade(era, year, folded, head.end())
    tail = _TAIL_RE.match(folded, _after_dual_number(folded, head.end(), year))
    if tail and not (_same_year(tail.group("d1"), year) and _same_year(tail.group("d2"), year)):
        tail = _TAIL_PLAIN_RE.match(folded, head.end())
    if tail is None:
        bare = year_period(era, year, False, False)
        abbreviated = bool(head.group("ab"))
        if letter_is_measure(head.group("ab")):
            return None   # M7クラス: a magnitude, not 明治7年
        return _Point(bare, head.end(), abbreviated, abbreviated=abbreviated) if bare else None
    if name_number_at(folded, tail.end("nen")):
        return None   # 2019年台風第19号, 平成26年諮問第22号: part of a name
    period = _tail_period(era, year, tail)
    if period is None:
        return None
    end = _trim_tail(tail, period)
    if folded.startswith("版", end) and period.kind in ("year", "fiscal_year"):
        return None   # 2023年版白書, 令和6年版: an edition's name, not a date
    if _before_winter(folded, end, period):
        return None
    whole = period.kind in ("year", "fiscal_year") and not tail.group("edge") and \
        end < len(folded) and folded[end] in _PART_FIRSTS   # most years: nothing to read
    months = (_BARE_MONTHS_RE.match(folded, end) or _PART_OF_YEAR_RE.match(folded, end)) \
        if whole else None
    if months:
        return _bare_months(period, months) or _Point(period, end, True)
    if period.kind == "year" and era == WESTERN and end == tail.end("nen") and \
            _YEARS_COUNTED_RE.match(folded, end):
        return None   # 1000年に1度, 2000年以上: a number of years
    has_month = period.kind != "year" and tail.group("month") is not None and end == tail.end()
    return _Point(period, end, True, has_month and not tail.group("ki"),
                  has_month and bool(tail.group("day") or tail.group("part")))


def _after_dual_number(folded: str, pos: int, year: int) -> int:
    """``pos`` past the other calendar's number in brackets before 年 when it names the
    same year (the Cabinet Office's ``令和2（2020）年度``, ``2020（令和2）年``), else ``pos``."""
    dual = _DUAL_NUMBER_RE.match(folded, pos) if folded.startswith("（", pos) else None
    return dual.end() if dual and _same_year(dual.group("d"), year) else pos


def _decade(era: str, year: int, folded: str, pos: int) -> _Point | None:
    """``2010年代`` (and ``前半``/``後半``/``半ば``/``中頃`` of it) at ``pos``, after the year
    head; ``None`` unless the year printed ends in 0 (``2015年代`` is no decade)."""
    match = _DECADE_RE.match(folded, pos)
    period = decade_period(era, year, match.group("part")) \
        if match and _opens_decade(era, year) else None
    return _Point(period, match.end(), True) if period and match else None


def _opens_decade(era: str, year: int) -> bool:
    """Year ``year`` is printed with a final 0 in ``era`` (2010, 昭和40 = 1965)."""
    number = year if era == WESTERN else year - era_by_name(era).start.year + 1
    return number % 10 == 0 and number > 0


def _bare_months(year: Period, months: re.Match[str]) -> _Point | None:
    """``４～６月期`` after ``2023年`` (or ``令和4年度``: months of the fiscal year), or a
    quarter or half of it (``第３四半期``, ``上半期``)."""
    if "m1" in months.re.groupindex:
        first, last = small_number(months.group("m1")), small_number(months.group("m2"))
        if months.group("sep") == "・" and first is not None and last != first % 12 + 1:
            return None   # ３・10月: two months, not a range
    else:
        first, last = _part_of_year(year, months)
    if first is None or last is None:
        return None
    first_year = year.first.year + (year.kind == "fiscal_year" and first < 4)
    last_year = year.first.year + (year.kind == "fiscal_year" and last < 4)
    start, end = month_period(first_year, first, None), month_period(last_year, last, None)
    if start is None or end is None or end[1] < start[0]:
        return None
    return _Point(Period(year.era, "range", start[0], end[1]), months.end(), True)


def part_of_year(year: Period, word: str) -> Period | None:
    """A quarter or half printed without its year (``第１四半期``, ``上半期``), of ``year``
    (a year or fiscal year: from April in a fiscal year)."""
    part = _PART_OF_YEAR_RE.fullmatch(word)
    point = _bare_months(year, part) if part and not part.group("season") else None
    return point.period if point else None


def _part_of_year(year: Period, part: re.Match[str]) -> tuple[int, int] | tuple[None, None]:
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
        offset, length = (0 if part.group("half")[0] in "上前" else 6), 6
    else:
        return None, None
    first = (opening - 1 + offset) % 12 + 1
    return first, (first - 1 + length - 1) % 12 + 1


def _continuation(folded: str, pos: int, first: _Point) -> _Point | None:
    """The end of a range after a separator: a full date, a bare number in the same era
    (``平成20～30年度``), a month or day of the same year (``６月から10月``), or a month of
    ``同年`` or ``翌年`` (``令和5年12月から翌年3月まで``)."""
    full = _point(folded, pos)
    if full and full.complete:
        return full
    if folded.startswith("同月", pos):   # １日から同月７日まで, １日から同月末まで
        return _same_month_end(folded, pos + 2, first)
    if folded.startswith(("同年", "翌年"), pos):   # ６月から同年10月, 12月から翌年3月
        same = _MONTH_RE.match(folded, pos + 2)
        year = first.period.last.year + (folded[pos] == "翌")
        later = _month_period(first.period.era, year, same) \
            if same and same.group("month") else None
        return _Point(later, same.end(), True, True) if later and same else None
    if first.fiscal_letters:   # FY2022-2024, FY22-24: the fiscal years to that one
        return _fiscal_letters_end(folded, pos, first.period)
    bare = _bare_end(folded, pos, first)
    return bare if bare and not folded.startswith(DURATION_WORDS, bare.end) else None


def _fiscal_letters_end(folded: str, pos: int, first: Period) -> _Point | None:
    """The bare year ending a range of fiscal years printed with FY (``FY2022-2024``,
    ``FY22-24``: as many digits as the first printed, a later year)."""
    bare = _BARE_RE.match(folded, pos)
    digits = bare.group("n") if bare else ""
    if bare is None or len(digits) not in (2, 4) or folded.startswith(("年", "."), bare.end()) \
            or folded[bare.end():bare.end() + 1].isalpha() and folded[bare.end()].isascii():
        return None
    year = int(digits) if len(digits) == 4 else first.first.year // 100 * 100 + int(digits)
    period = year_period(WESTERN, year, True, False) if year > first.first.year else None
    return _Point(period, bare.end(), True) if period else None


def _same_month_end(folded: str, pos: int, first: _Point) -> _Point | None:
    """A day or the end of the first end's month after ``同月`` (``１日から同月７日``): the
    range's end, read only after a day, whose month it names."""
    day = _SAME_MONTH_DAY_RE.match(folded, pos) if first.day else None
    if day is None:
        return None
    year, month = first.period.first.year, first.period.first.month
    span = month_period(year, month, small_number(day.group("day"))) if day.group("day") \
        else month_part(year, month, "末")
    return _Point(Period(first.period.era, "date", *span), day.end(), True, True, True) \
        if span else None


def _bare_end(folded: str, pos: int, first: _Point) -> _Point | None:
    """A range end without its own year: ``10月`` after ``６月から``, ``30年度`` after
    ``平成20～``, ``3日`` after ``１日から``."""
    if first.month:
        part = _MONTH_RE.match(folded, pos)
        day = _DAY_RE.match(folded, pos) if first.day else None
        year, month = first.period.first.year, first.period.first.month
        if part and part.group("month"):
            later = _month_period(first.period.era, year, part)
            if later and later.first < first.period.first:   # ～２月 after 12月: next year
                later = _month_period(first.period.era, year + 1, part)
            return _Point(later, part.end(), True, True) if later else None
        if first.day and day is None:   # ９月上旬から中旬にかけて: a part of the same month
            piece = _PART_RE.match(folded, pos)
            span = month_part(year, month, piece.group()) if piece else None
            return _Point(Period(first.period.era, "range", *span), piece.end(), True, True,
                          True) if span and piece else None
        span = month_period(year, month, small_number(day.group("day"))) if day else None
        return _Point(Period(first.period.era, "date", *span), day.end(), True, True, True) \
            if span and day else None
    return _bare_year_end(folded, pos, first.period)


def _bare_year_end(folded: str, pos: int, first: Period) -> _Point | None:
    """``30年度`` after ``平成20～``: a bare number read in the first year's era; two
    digits after a western year, in its century (``2018～19年``: 2018 to 2019)."""
    bare = _BARE_RE.match(folded, pos)
    tail = _TAIL_PLAIN_RE.match(folded, bare.end()) if bare else None
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
        return _decade(first.era, year, folded, bare.end())
    period = _tail_period(first.era, year, tail) if year > 0 else None
    end = _trim_tail(tail, period) if period else 0
    return _Point(period, end, True) if period and not folded.startswith("版", end) \
        and not _before_winter(folded, end, period) else None


def _before_winter(folded: str, end: int, period: Period) -> bool:
    """A year before 冬 (``2023年冬``): a winter runs from December of one year or of the
    one before, so the year is not its period (a fiscal year holds its winter)."""
    return period.kind == "year" and folded.startswith("冬", end)


def _with_kind_of(bare: Period, full: Period) -> Period | None:
    """A bare range start (``平成20``) read with the range end's unit (``30年度``)."""
    if full.kind in ("fiscal_year", "year"):
        return year_period(bare.era, bare.first.year, full.kind == "fiscal_year", False)
    if full.kind == "decade" or (full.kind == "range" and full.first.year % 5 == 0 and
                                 full.last.year == full.first.year + 4):   # ～2000年代前半
        return decade_period(bare.era, bare.first.year) \
            if _opens_decade(bare.era, bare.first.year) else None
    return None


def _joined(text: str, folded: str, first: _Point) -> tuple[Period, int, bool] | None:
    """``first`` and the range end after a separator: (range, end, abbreviated)."""
    pos = after_weekday(folded, first.end)
    near = _NEAR_RE.match(folded, pos)   # 1955年頃～1973年頃: an approximate start
    sep = _SEPARATOR_RE.match(folded, near.end() if near else pos)
    if sep is None:
        return None
    hyphen = sep.group("sep") == "-" and text[sep.start("sep")] not in _RANGE_DASHES
    if hyphen and not _a_year(first):
        return None   # 第1-2-1図, 03-5253-2111: a hyphen is a range mark between years only
    last = _continuation(folded, sep.end(), first)
    if last is None or (hyphen and not _a_year(last)):
        return None
    start = first.period if first.complete else _with_kind_of(first.period, last.period)
    if start is None:
        return None
    if sep.group("sep") == "・" and last.period.first != start.last + timedelta(days=1):
        return None   # ４月・10月: two dates, not a range
    joined = span_of(start, last.period)
    return (joined, last.end, first.abbreviated or last.abbreviated) if joined else None


def range_from(text: str, folded: str, period: Period, end: int) -> tuple[Period, int] | None:
    """A range whose first end, ``period`` (a month or day, ending at ``end``), was read by
    the caller (a month without its year: ``8月から9月``), and its end."""
    day = period.kind == "date" or (period.kind == "range" and period.first.month ==
                                    period.last.month)
    joined = _joined(text, folded, _Point(period, end, True, True, day))
    return (joined[0], joined[1]) if joined else None


def after_weekday(folded: str, pos: int) -> int:
    """``pos`` past a weekday in brackets after a day (``１日（日）から``, ``2023/10/1（日）``),
    else ``pos``."""
    if folded.startswith("（", pos) and (folded[pos - 1:pos] == "日" or
                                        folded[pos - 1:pos].isdigit()):
        weekday = _WEEKDAY_RE.match(folded, pos)
        return weekday.end() if weekday else pos
    return pos


def _a_year(point: _Point) -> bool:
    """``point`` is a year or fiscal year (``2018``, ``2022年``, ``平成28``, ``令和2年度``),
    the only thing a hyphen joins into a range (``2018-2022年``)."""
    return point.period.kind in ("year", "fiscal_year") and not point.month


def range_or_point(text: str, folded: str, pos: int,
                    head: re.Match[str] | None = None) -> tuple[Period, int, bool] | None:
    """A date or range starting at ``pos``: (period, end of its surface, abbreviated)."""
    point = _point(folded, pos, head)
    if point is None:
        return None
    joined = _joined(text, folded, point)
    if joined:
        return joined
    if not point.complete or _unread_end(folded, after_weekday(folded, point.end)):
        return None   # 2023年1Q～3Q: the first end alone would be a wrong period
    return point.period, point.end, point.abbreviated


def _unread_end(folded: str, pos: int) -> bool:
    """A range mark at ``pos`` before a second end that is no date of its own
    (``2023年1Q～3Q``; not ``～2023年1月1日`` of a backwards range: two dates)."""
    mark = _UNREAD_END_RE.match(folded, pos)
    if mark is None:
        return False
    second = _point(folded, mark.end() - 1)
    return second is None or not second.complete


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
