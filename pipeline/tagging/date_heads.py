"""The year head of a printed date, for ``date_points`` and ``dates``: an era name and
year (``平成29``, ``令和元``, ``平成二十五``), an era letter and year (``H25``, ``R元``), a
western year of four digits (``2023``, also in kanji digits before 年: ``二〇二三年``) or a
fiscal year in letters (``FY2023``, ``FY23``: 2023; ``FY98``: 1998), and the (era, western
year) it names (``head_year``; ``letter_year_past_era``: ``H32``, past 平成's end); the
eras, their letters and start dates are in ``pipeline/data/eras.tsv``. ``small_number``
reads a month's, day's or era year's number in Arabic or kanji figures; ``SMALL`` is its
pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.tagging.eras import (
    era_by_name,
    era_end,
    era_to_year,
    last_year_printed,
    load_eras,
)
from pipeline.tagging.numerals import parse_numeral
from pipeline.tagging.periods import WESTERN

_KANJI_SMALL = "[一二三四五六七八九十]{1,3}"
SMALL = rf"(?:\d{{1,2}}|{_KANJI_SMALL})"
_ERA_NUMBER = r"(?:\d{1,3}|[一二三四五六七八九十百]{1,5})"
# Two digits after FY name a year of this century below the pivot, else of the last
# (FY23 is 2023, FY98 1998): a fiscal year printed so is of a recent year.
FY_CENTURY_PIVOT = 50
_KANJI_DIGITS = "一二三四五六七八九"   # with 〇: a western year digit by digit, 二〇二三年


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


def small_number(text: str | None) -> int | None:
    """A month's, day's or era year's number in Arabic or kanji figures (``10``, ``十``)."""
    if text and text.isascii() and text.isdigit():
        return int(text)   # most: Arabic digits (folded), which need no numeral parsing
    value = parse_numeral(text) if text else None
    return int(value) if value is not None else None


def head_year(head: re.Match[str]) -> tuple[str, int] | None:
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
        found = head_year(head) if head.group("ab") else None
        last = era_end(era_by_name(found[0])) if found else None
        if found and last is not None and found[1] > last.year:
            return True
    return False


def same_year(bracket: str | None, year: int) -> bool:
    """``bracket`` (the inside of ``（2023年）``/``（令和５年）`` without 年) names ``year``."""
    if not bracket:
        return True
    head = head_re().fullmatch(bracket)
    found = head_year(head) if head else None
    return found is not None and found[1] == year

