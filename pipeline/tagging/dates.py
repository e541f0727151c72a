"""Date and period expressions in Japanese text: find them and resolve them to ISO dates.

``find_dates(text)`` returns one ``DateMention`` per expression, with offsets into
``text``. What it reads:

- years in an era (``平成29年``, ``令和元年``, ``H25``) or western (``2017年``), with the
  eras, their letters and start dates from ``pipeline/data/eras.tsv``;
- fiscal years (``年度``: N-04-01 … N+1-03-31); months, days, parts of a month (``上旬``,
  ``中旬``, ``下旬``, ``初め``); ends (``年末``, ``年度末``, ``３月末``, ``６月末日``: one
  day); an accounting year ending in a month (``2024年３月期``);
- dual forms in either order as ONE mention, keeping the finest precision printed
  (``令和５年（2023年）５月``, ``2023年（令和５年）11月``, ``平成27年度（2015年度）``);
- ranges with ``～``, ``–``, ``から``, and ``・`` (consecutive periods only), within or
  across eras: ``平成20～30年度``, ``2023年4～6月期``, ``令和５年（2023年）６月から10月``,
  ``平成27年度（2015年度）～令和元年度（2019年度）``; the surface stops before a closing
  ``まで``/``にかけて``;
- open periods (``2016年以降``, ``2017年度から``, ``より``, ``以来``): ``role = since``,
  empty ``end_date``; ``より`` before a comparison word (``2016年度より増加``) is no period;
- ``頃``/``ごろ``/``前後``: ``approx``; ``現在``/``時点``: ``role = as_of``;
- ``同年``/``同年度``/``同月``/``同日`` (with a month, day or end), resolved against the
  previous explicit date of the text (or ``previous``, the last one of the text before
  it in the same paragraph or footnote): ``resolved_from`` is that date's surface;
- a bare western year in brackets (``（2023）``) where citations are printed (``where``
  in ``CITATION_WHERE``) or before a title (``櫻本健（2018）「…」``): ``role = citation``;
- an era letter year (``H28``, ``R3``): a fiscal year where a programme or budget word
  is next to it (``pipeline/data/fiscal_context_words.tsv``), else a calendar year with
  ``flag = abbreviated_era``.

A year directly followed by a law or order number (``平成10年法律第52号``) is a name, not
a date. Month or day without a year (``11月に``) is not reported. Date arithmetic is in
``periods``; relative periods (``前年度``, ``翌年`` …) in ``relative_dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

from pipeline.common.lexicons import word_list, word_map
from pipeline.tagging.eras import era_by_name, era_end, era_to_year, load_eras
from pipeline.tagging.numerals import fold_width, parse_numeral
from pipeline.tagging.periods import (
    WESTERN,
    Period,
    add_months,
    fiscal_year,
    month_part,
    month_period,
    span_of,
    year_period,
)

__all__ = ["WESTERN", "KINDS", "ROLES", "CITATION_WHERE", "DateMention", "Period",
           "find_dates", "head_pattern", "may_hold_dates", "month_period", "year_period"]

KINDS = ("date", "month", "year", "fiscal_year", "range")
ROLES = ("since", "as_of", "citation")
CITATION_WHERE = frozenset({"footnote", "source", "caption"})
ABBREVIATED_ERA = "abbreviated_era"
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
    end_date: str | None      # empty for an open period (role since)
    era: str                  # 令和, 平成, 昭和, 大正, 明治, western (relative: relative_dates)
    role: str | None = None   # since, as_of, citation
    approx: bool = False      # 頃, ごろ, 前後
    resolved_from: str | None = None   # 同年 …: the surface of the date it was read against
    flag: str | None = None   # abbreviated_era: H27 alone, calendar or fiscal undecided


@dataclass(frozen=True)
class _Point:
    period: Period
    end: int
    complete: bool            # has 年 (or is an era letter year)
    month: bool = False       # names a month (a bare month may continue it: ６月から10月)
    day: bool = False
    abbreviated: bool = False


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


_PART = r"末日?|上旬|中旬|下旬|初旬|初め"
_MONTH_TAIL = (rf"(?:(?P<month>{_SMALL})月(?P<ki>期)?"
               rf"(?:(?P<day>{_SMALL})日|(?P<part>{_PART}))?)?")
_TAIL_RE = re.compile(r"(?P<nen>年)(?P<b1>（(?P<d1>[^（）年]{1,8})年）)?(?P<do>度)?"
                      r"(?P<b2>（(?P<d2>[^（）年]{1,8})年度）)?(?P<edge>末)?" + _MONTH_TAIL)
_TAIL_PLAIN_RE = re.compile(r"(?P<nen>年)(?P<b1>)(?P<d1>)(?P<do>度)?(?P<b2>)(?P<d2>)(?P<edge>末)?"
                            + _MONTH_TAIL)
# ４～６月期 after a year: a range of months whose first month is bare.
_BARE_MONTHS_RE = re.compile(rf"(?P<m1>{_SMALL})(?:～|-|から|・)(?P<m2>{_SMALL})月(?P<ki>期)?")
_MONTH_RE = re.compile(_MONTH_TAIL.removeprefix("(?:").removesuffix(")?"))
_DAY_RE = re.compile(rf"(?P<day>{_SMALL})日")
_LAW_NUMBER_RE = re.compile(r"[一-鿿]{1,4}第[0-9一二三四五六七八九十百千]+号")
_APPROX_RE = re.compile(r"頃|ごろ|前後")
_AS_OF_RE = re.compile(r"\s?(?:現在|時点)")
_SEPARATOR_RE = re.compile(r"\s?(?P<sep>～|-|から|・)\s?")
_BARE_RE = re.compile(r"(?<![0-9])(?P<n>\d{1,4})(?![0-9])")
_UNTIL_RE = re.compile(r"まで|にかけて|の間")
_SAME_RE = re.compile(rf"(?<![前昨翌年])同(?P<unit>年度|年|月|日)(?P<edge>末)?"
                      rf"(?:(?P<month>{_SMALL})月)?(?:(?P<day>{_SMALL})日|(?P<part>{_PART}))?")
_CLAUSE_END_RE = re.compile(r"[、。，,）]")
_FIGURE_RE = re.compile(r"[\d.,万億千百]+[^\d、。]{0,4}?(?=[増減上低多少高])")
_BARE_PAREN_RE = re.compile(r"（(?P<wy>\d{4})）")
_RANGE_DASHES = "～〜~–—"   # printed characters a folded "-" may stand for in a range


@lru_cache(maxsize=1)
def _open_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words after a date that open a period (以降, から …), and words after より that
    make it a comparison (より増加)."""
    return word_list("date_open_words"), word_list("date_comparison_words")


@lru_cache(maxsize=1)
def _suffix_firsts() -> frozenset[str]:
    """First characters of everything ``_with_suffixes`` reads (a quick test first)."""
    return frozenset("頃ご前現時 ") | {word[0] for word in _open_words()[0]}


@lru_cache(maxsize=1)
def _fiscal_context() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words before and after an era letter year that make it a fiscal year."""
    words = word_map("fiscal_context_words")
    return (tuple(w for w, side in words.items() if side == "before"),
            tuple(w for w, side in words.items() if side == "after"))


def _small(text: str | None) -> int | None:
    if text and text.isascii() and text.isdigit():
        return int(text)   # most: Arabic digits (folded), which need no numeral parsing
    value = parse_numeral(text) if text else None
    return int(value) if value is not None else None


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


def _same_year(bracket: str | None, year: int) -> bool:
    """``bracket`` (the inside of ``（2023年）``/``（令和５年）`` without 年) names ``year``."""
    if not bracket:
        return True
    head = _head_re().fullmatch(bracket)
    found = _head_year(head) if head else None
    return found is not None and found[1] == year


def _month_period(era: str, year: int, tail: re.Match[str]) -> Period | None:
    """The month of a tail, with its day, part (上旬, 末 …) or accounting year (３月期)."""
    month = _small(tail.group("month"))
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
        span = month_period(year, month, _small(tail.group("day")))
        kind = "date" if tail.group("day") else "month"
    return Period(era, kind, span[0], span[1]) if span else None


def _tail_period(era: str, year: int, tail: re.Match[str]) -> Period | None:
    """Period of a year head plus its tail (年, 度, 末, 月, 日, 旬)."""
    fiscal, edge = bool(tail.group("do")), bool(tail.group("edge"))
    if tail.group("month") and not fiscal and not edge:
        found = _month_period(era, year, tail)
        if found:
            return found
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
    ``head``: the year head matched at ``pos``, when the caller has it."""
    head = _head_re().match(folded, pos) if head is None else head
    era_year = _head_year(head) if head else None
    if head is None or era_year is None:
        return None
    era, year = era_year
    tail = _TAIL_RE.match(folded, head.end())
    if tail and not (_same_year(tail.group("d1"), year) and _same_year(tail.group("d2"), year)):
        tail = _TAIL_PLAIN_RE.match(folded, head.end())
    if tail is None:
        bare = year_period(era, year, False, False)
        abbreviated = bool(head.group("ab"))
        return _Point(bare, head.end(), abbreviated, abbreviated=abbreviated) if bare else None
    if _LAW_NUMBER_RE.match(folded, tail.end("nen")):
        return None
    period = _tail_period(era, year, tail)
    if period is None:
        return None
    end = _trim_tail(tail, period)
    months = _BARE_MONTHS_RE.match(folded, end) if period.kind in ("year", "fiscal_year") \
        and not tail.group("edge") else None
    if months:
        return _bare_months(period, months) or _Point(period, end, True)
    has_month = period.kind != "year" and tail.group("month") is not None and end == tail.end()
    return _Point(period, end, True, has_month and not tail.group("ki"),
                  has_month and bool(tail.group("day") or tail.group("part")))


def _bare_months(year: Period, months: re.Match[str]) -> _Point | None:
    """``４～６月期`` after ``2023年`` (or ``令和4年度``: months of the fiscal year)."""
    first, last = _small(months.group("m1")), _small(months.group("m2"))
    if first is None or last is None:
        return None
    first_year = year.first.year + (year.kind == "fiscal_year" and first < 4)
    last_year = year.first.year + (year.kind == "fiscal_year" and last < 4)
    start, end = month_period(first_year, first, None), month_period(last_year, last, None)
    if start is None or end is None or end[1] < start[0]:
        return None
    return _Point(Period(year.era, "range", start[0], end[1]), months.end(), True)


def _continuation(folded: str, pos: int, first: _Point) -> _Point | None:
    """The end of a range after a separator: a full date, a bare number in the same era
    (``平成20～30年度``), or a month or day of the same year (``６月から10月``)."""
    full = _point(folded, pos)
    if full and full.complete:
        return full
    if first.month:
        part = _MONTH_RE.match(folded, pos)
        day = _DAY_RE.match(folded, pos) if first.day else None
        year, month = first.period.first.year, first.period.first.month
        if part and part.group("month"):
            later = _month_period(first.period.era, year, part)
            if later and later.first < first.period.first:   # ～２月 after 12月: next year
                later = _month_period(first.period.era, year + 1, part)
            return _Point(later, part.end(), True, True) if later else None
        span = month_period(year, month, _small(day.group("day"))) if day else None
        return _Point(Period(first.period.era, "date", *span), day.end(), True, True, True) \
            if span and day else None
    return _bare_year_end(folded, pos, first.period)


def _bare_year_end(folded: str, pos: int, first: Period) -> _Point | None:
    """``30年度`` after ``平成20～``: a bare number read in the first year's era."""
    bare = _BARE_RE.match(folded, pos)
    tail = _TAIL_PLAIN_RE.match(folded, bare.end()) if bare else None
    if bare is None or tail is None:
        return None
    number = int(bare.group("n"))
    if first.era == WESTERN:
        year = number if len(bare.group("n")) == 4 else -1
    else:
        year = era_to_year(first.era, number) if len(bare.group("n")) <= 2 else -1
    period = _tail_period(first.era, year, tail) if year > 0 else None
    return _Point(period, _trim_tail(tail, period), True) if period else None


def _with_kind_of(bare: Period, full: Period) -> Period | None:
    """A bare range start (``平成20``) read with the range end's unit (``30年度``)."""
    if full.kind in ("fiscal_year", "year"):
        return year_period(bare.era, bare.first.year, full.kind == "fiscal_year", False)
    return None


def _joined(text: str, folded: str, first: _Point) -> tuple[Period, int, bool] | None:
    """``first`` and the range end after a separator: (range, end, abbreviated)."""
    sep = _SEPARATOR_RE.match(folded, first.end)
    if sep is None or (sep.group("sep") == "-" and text[sep.start("sep")] not in _RANGE_DASHES):
        return None
    last = _continuation(folded, sep.end(), first)
    if last is None:
        return None
    start = first.period if first.complete else _with_kind_of(first.period, last.period)
    if start is None:
        return None
    if sep.group("sep") == "・" and last.period.first != start.last + timedelta(days=1):
        return None   # ４月・10月: two dates, not a range
    joined = span_of(start, last.period)
    return (joined, last.end, first.abbreviated or last.abbreviated) if joined else None


def _range_or_point(text: str, folded: str, pos: int,
                    head: re.Match[str] | None = None) -> tuple[Period, int, bool] | None:
    """A date or range starting at ``pos``: (period, end of its surface, abbreviated)."""
    point = _point(folded, pos, head)
    if point is None:
        return None
    joined = _joined(text, folded, point)
    if joined:
        return joined
    if not point.complete:
        return None
    return point.period, point.end, point.abbreviated


def _bare_paren(folded: str, pos: int, citations: bool) -> tuple[Period, int] | None:
    """A western year alone in brackets, as in citations: ``（2019）`` where ``citations``
    (a footnote, source or caption), and anywhere before a title (``櫻本健（2018）「…」``)."""
    paren = _BARE_PAREN_RE.match(folded, pos - 1) if pos > 0 else None
    if paren and not citations and not folded.startswith(("「", "『"), paren.end()):
        return None
    year = int(paren.group("wy")) if paren else 0
    found = year_period(WESTERN, year, False, False) if 1868 <= year <= 2100 else None
    return (found, paren.end() - 1) if found and paren else None


def _absorb_equivalent(text: str, folded: str, period: Period, end: int) -> int:
    """Swallow ``（2008～2018年度）`` after a period that it restates."""
    if not folded.startswith("（", end):
        return end
    inner = _range_or_point(text, folded, end + 1)
    if inner and folded.startswith("）", inner[1]):
        same = (inner[0].first, inner[0].last) == (period.first, period.last)
        same_year = inner[0].kind == period.kind == "year" and \
            inner[0].first.year == period.first.year
        if same or same_year:
            return inner[1] + 1
    return end


def _as_fiscal(period: Period) -> Period:
    """An era letter year or range read as fiscal years (``H25～R3`` of a programme)."""
    first, last = fiscal_year(period.first.year)[0], fiscal_year(period.last.year)[1]
    return Period(period.era, "range" if period.kind == "range" else "fiscal_year", first, last)


def _fiscal_context_at(folded: str, start: int, end: int) -> bool:
    before, after = _fiscal_context()
    return folded.startswith(after, end) or \
        folded[max(0, start - 12):start].rstrip("：:　 ").endswith(before)


def _same_reference(match: re.Match[str], previous: Period) -> Period | None:
    """``同年５月``, ``同月30日``, ``同日``, ``同年度`` read against the previous date."""
    unit, year = match.group("unit"), previous.first.year
    month, day = _small(match.group("month")), _small(match.group("day"))
    part, edge = match.group("part"), bool(match.group("edge"))
    if previous.kind == "range" and previous.first.year != previous.last.year:
        return None
    if unit == "日":
        return previous if previous.kind == "date" and not (month or day or part) else None
    if unit == "月":
        if previous.kind not in ("month", "date") or month is not None or edge:
            return None
        month = previous.first.month
    if unit == "年度":
        return (year_period(previous.era, year, True, edge)
                if previous.kind == "fiscal_year" and not (month or day or part) else None)
    if month is None:
        return year_period(previous.era, year, False, edge) if not (day or part) else None
    span = month_part(year, month, part) if part else month_period(year, month, day)
    kind = "date" if day is not None or (part or "").startswith("末") else (
        "range" if part else "month")
    return Period(previous.era, kind, span[0], span[1]) if span and not edge else None


def may_hold_dates(text: str) -> bool:
    """False when ``find_dates(text)`` is surely empty (and so ``find_relative_dates``):
    every expression holds a digit, an era name or 同. A scan much cheaper than the search."""
    return _date_hint_re().search(text) is not None


@lru_cache(maxsize=1)
def _date_hint_re() -> re.Pattern[str]:
    return re.compile("|".join([r"\d", "同", *(re.escape(era.name) for era in load_eras())]))


def mention_period(mention: DateMention) -> Period | None:
    """The period of a mention (an open one: its first unit, from its start date)."""
    from datetime import date

    if mention.start_date is None:
        return None
    first = date.fromisoformat(mention.start_date)
    last = date.fromisoformat(mention.end_date) if mention.end_date else first
    return Period(mention.era, mention.kind, first, last)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    period: Period
    resolved_from: str | None = None
    role: str | None = None
    approx: bool = False
    flag: str | None = None


def find_dates(text: str, folded: str | None = None, *, where: str | None = None,
               previous: DateMention | None = None) -> list[DateMention]:
    """Every date or period expression in ``text``, in order, with offsets into ``text``.

    ``folded``: ``fold_width(text)``, when the caller has it. ``where``: the kind of text
    (a paragraph kind, or ``footnote``); bare years in brackets are citations only where
    ``where`` is in ``CITATION_WHERE``. ``previous``: the last date of the same paragraph
    or footnote before ``text`` (``last_explicit``), for ``同年`` at its start."""
    folded = fold_width(text) if folded is None else folded
    mentions: list[DateMention] = []
    start_period = mention_period(previous) if previous else None
    anchor = (start_period, previous.surface) if start_period and previous else None
    citations = where in CITATION_WHERE
    same_words = "同" in folded
    pos = 0
    while pos < len(folded):
        found = _next_expression(text, folded, pos, anchor if same_words else None, citations)
        if found is None:
            break
        found = _with_suffixes(folded, found)
        period, end = found.period, found.end
        mentions.append(DateMention(
            found.start, end, text[found.start:end], period.kind, period.first.isoformat(),
            None if found.role == "since" else period.last.isoformat(), period.era,
            found.role, found.approx, found.resolved_from, found.flag))
        anchor, pos = (period, text[found.start:end]), end
    return mentions


def last_explicit(text: str, mentions: list[DateMention],
                  previous: DateMention | None = None) -> DateMention | None:
    """The date a later ``前年`` of the same paragraph is read against: the last mention
    of ``text`` that ``is_anchor``, else ``previous``."""
    dated = [m for m in mentions if is_anchor(text, m)]
    return dated[-1] if dated else previous


def is_anchor(text: str, mention: DateMention) -> bool:
    """A figure's period: an explicit date or period that is not a citation, an open
    period, a relative one or a comparison or price base (``2016年と比較すると``,
    ``2015年価格で``: ``pipeline/data/date_base_words.tsv``)."""
    return bool(mention.start_date and mention.end_date) and mention.era != "relative" \
        and mention.role not in ("since", "citation") \
        and not text.startswith(_base_words(), mention.end)


@lru_cache(maxsize=1)
def _base_words() -> tuple[str, ...]:
    return word_list("date_base_words")


def _with_suffixes(folded: str, found: _Found) -> _Found:
    """頃/ごろ/前後 (approx), then 現在/時点 (as_of) or an open-period word (since)."""
    end, approx, role = found.end, found.approx, found.role
    if end >= len(folded) or folded[end] not in _suffix_firsts():
        return found   # most dates: nothing follows them that this reads
    near = _APPROX_RE.match(folded, end)
    if near:
        end, approx = near.end(), True
    as_of = _AS_OF_RE.match(folded, end)
    if as_of:
        return replace(found, end=as_of.end(), approx=approx, role="as_of")
    opening, comparisons = _open_words()
    word = next((w for w in opening if folded.startswith(w, end)), None)
    if word and not (word == "より" and _compares(folded, end + len(word), comparisons)):
        return replace(found, end=end + len(word), approx=approx, role="since")
    return replace(found, end=end, approx=approx, role=role)


def _compares(folded: str, pos: int, comparisons: tuple[str, ...]) -> bool:
    """A comparison word right after より, or after the figure that follows it
    (``より1件減少``), within the clause."""
    clause = _CLAUSE_END_RE.split(folded[pos:pos + 16], maxsplit=1)[0]
    return clause.startswith(comparisons) or any(
        clause.startswith(comparisons, m.end()) for m in _FIGURE_RE.finditer(clause))


def _next_expression(text: str, folded: str, pos: int, anchor: tuple[Period, str] | None,
                     citations: bool) -> _Found | None:
    """The first expression at or after ``pos``."""
    candidates = []
    for head in _head_re().finditer(folded, pos):
        found = _range_or_point(text, folded, head.start(), head)
        if found:
            candidates.append(_explicit(text, folded, head.start(), *found))
            break
        paren = _bare_paren(folded, head.start(), citations)
        if paren:
            candidates.append(_Found(head.start(), paren[1], paren[0], role="citation"))
            break
    if anchor is not None:
        for same in _SAME_RE.finditer(folded, pos):
            period = _same_reference(same, anchor[0])
            if period:
                candidates.append(_Found(same.start(), same.end(), period, anchor[1]))
                break
    return min(candidates, key=lambda c: c.start) if candidates else None


def _explicit(text: str, folded: str, start: int, period: Period, end: int,
              abbreviated: bool) -> _Found:
    """An explicit date with its restatement absorbed; an era letter year read as a
    fiscal year next to a programme or budget word, else flagged."""
    end = _absorb_equivalent(text, folded, period, end)
    if not abbreviated:
        return _Found(start, end, period)
    if _fiscal_context_at(folded, start, end):
        return _Found(start, end, _as_fiscal(period))
    return _Found(start, end, period, flag=ABBREVIATED_ERA)
