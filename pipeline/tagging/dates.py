"""Date and period expressions in Japanese text: find them and resolve them to ISO dates.

``find_dates(text)`` returns one ``DateMention`` per expression, with offsets into
``text``. What it reads:

- years in an era (``平成29年``, ``令和元年``, ``H25``) or western (``2017年``), with the
  eras, their letters and start dates from ``pipeline/data/eras.tsv``;
- fiscal years (``年度``, ``FY2023``, ``FY23``, ``FY2023年度``, ``2023FY``: N-04-01 … N+1-03-31); months, days, parts of a month (``上旬``,
  ``中旬``, ``下旬``; ``初め`` approx); a year's first month (``2024年初め``, approx);
  ends (``年末``, ``年度末``, ``３月末``, ``６月末日``: one day); an accounting year ending in a month (``2024年３月期``); quarters and halves
  (``令和4年度第3四半期``, ``第Ⅲ四半期``, ``2023年Q3``, ``上半期``), from April in a fiscal
  year; a season of a year (``2023年秋``: the JMA's 9–11月, approx; 冬 spans two years
  and is not read, but ``2022/23年冬`` is December to February, approx); a year printed
  as two (``2023/24年度``: a crop's or a foreign fiscal year) with no dates, ``flag =
  split_year``;
- dual forms in either order as ONE mention, keeping the finest precision printed
  (``令和５年（2023年）５月``, ``2023年（令和５年）11月``, ``平成27年度（2015年度）``), also
  with the number alone in brackets (``令和2（2020）年度``, ``2020（令和2）年度``);
- ranges with ``～``, ``–``, ``から``, and ``・`` (consecutive periods only), within or
  across eras: ``平成20～30年度``, ``2018～19年``, ``2023年4～6月期``, ``令和５年（2023年）６月から10月``,
  ``１日から同月７日まで``, ``９月上旬から中旬``,
  ``平成27年度（2015年度）～令和元年度（2019年度）``; a closing ``まで``/``にかけて``/``の間``
  is part of the range's surface (``令和2年12月から令和5年12月まで``); a weekday in
  brackets after a day is skipped (``10月1日（日）から10月7日（土）まで``);
- open periods (``2016年以降``, ``2017年度から``, ``より``, ``以来``, a ``～`` with nothing
  after it, ``2022年度～``): ``role = since``,
  empty ``end_date``; ``より`` before a comparison word (``2016年度より増加``) is no period;
- decades (``2010年代``, ``昭和40年代``: kind ``decade``, 2010-01-01 … 2019-12-31), their
  halves (``1990年代後半``: 1995 … 1999, kind ``range``; ``初頭``/``初め`` and ``末`` as
  ``前半`` and ``後半``, ``approx``), ``半ば``/``中頃`` of one (the whole decade,
  ``approx``), and ranges of them (``1990～2000年代``: 1990 … 2009);
- ``頃``/``ごろ``/``前後``: ``approx``; ``現在``/``時点``: ``role = as_of`` (a time of the
  day before it is part of the surface: ``2023年10月1日0時現在``);
- ``同年``/``同年度``/``同月``/``同日`` (with a month, day or end), and ``同期間`` after a
  closed period of the same sentence, resolved against the previous explicit date of the
  text (or ``previous``, the last one of the text before it in the same paragraph or
  footnote): ``resolved_from`` is that date's surface (``date_anaphora``);
- a bare western year in brackets (``（2023）``) where citations are printed (``where``
  in ``CITATION_WHERE``) or before a title (``櫻本健（2018）「…」``): ``role = citation``;
  so is, in a footnote or source line, any date alone in brackets (``（2024年３月）``; not
  one in a quoted title, ``「…（12月末）」``) or opening an item right before its title
  (``、2023年2月27日“…”``): the cited work's date; and a document's date with its word of
  adoption in the bracket after its name (``…基本計画（2021年10月閣議決定）``:
  ``pipeline/data/date_adoption_words.tsv``) (``date_citations``);
- an era letter year (``H28``, ``R3``): a fiscal year where a programme or budget word
  is next to it (``pipeline/data/fiscal_context_words.tsv``), else a calendar year with
  ``flag = abbreviated_era``; a letter that also abbreviates a measure (``M7``, a
  magnitude: ``pipeline/data/date_letter_measures.tsv``) is none;
- month and day in figures after a year head and ``.`` or ``/`` (``R5.4.1``, ``H30.3.31``,
  ``R5.4``, ``令和5.4.1``, ``2023/10/1``, ``2023.10.1``, ``2023/10``), a valid day of the
  era only, never in a path or version; ``2023.10`` only before a date word (``の``,
  ``に``, ``時点`` …), as ``2023.5億円`` is a decimal.

A year (or day) directly followed by a law's or order's number (``平成10年法律第52号``,
``平成二十五年法律第八十六号``, ``令和2年厚生労働省令第1号``: kinds in
``pipeline/data/date_law_kinds.tsv``) is the cited law's date, ``role = citation`` (no
anchor for ``同年`` or ``前年``); another number after a year (``2019年台風第19号``,
``平成26年諮問第22号``) makes it part of a name, no date; so is an edition
(``2023年版白書``, ``令和6年版情報通信白書``), which is then no anchor for ``前年`` either.

A month or day printed without its year (``12月には``, ``６日23時20分``) is read against
the previous date of the paragraph as ``同年`` is (``resolved_from``): a fiscal year's
month in that fiscal year, a year's in that year, after a month or day only a month not
before it in the same year, a day only with a time or ``には`` after it; it may open a
range (``12月から翌年3月まで``, ``11月・12月``); one of every year (``例年、8月から``) is
none; one it cannot date is not reported and ends that date's reach (no later ``同日``
or bare day is read against it); not in table or figure text, whose cells do not share
a year; ``11月に`` with no date before it is not reported.
One date or range is read by ``date_ranges`` (its year head in ``date_heads``, the date
in ``date_points``, a quarter, half or season in ``year_parts``, the forms in figures in
``date_figures``); what follows it (頃, 現在, 以降 …) by ``date_suffixes``; a date
without its year by ``date_anaphora``. Date arithmetic is in ``periods``; relative
periods (``前年度``, ``翌年`` …) in ``relative_dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from pipeline.common.lexicons import word_list, word_map
from pipeline.tagging.date_anaphora import (
    bare_reference,
    bare_references,
    closes_span,
    listed_day,
    moved_from_anchor,
    same_reference,
    same_span,
)
from pipeline.tagging.date_citations import (
    adoption_in_bracket,
    bare_paren,
    before_cited_title,
    in_quoted_title,
)
from pipeline.tagging.date_figures import law_number_at, owned_bounds
from pipeline.tagging.date_heads import head_pattern, head_re, letter_year_past_era
from pipeline.tagging.date_ranges import (
    CLOSING_RE,
    absorb_equivalent,
    after_day_marks,
    range_or_point,
)
from pipeline.tagging.date_split_years import SPLIT_YEAR, dateless_split_year
from pipeline.tagging.date_suffixes import suffix_after
from pipeline.tagging.eras import load_eras
from pipeline.tagging.numerals import fold_width
from pipeline.tagging.periods import (
    WESTERN,
    Period,
    fiscal_year,
    month_period,
    year_period,
)

__all__ = ["WESTERN", "KINDS", "ROLES", "CITATION_WHERE", "DateMention", "Period",
           "find_dates", "head_pattern", "may_hold_dates", "month_period", "year_period"]

KINDS = ("date", "month", "year", "fiscal_year", "decade", "range")
ROLES = ("since", "as_of", "citation")
CITATION_WHERE = frozenset({"footnote", "source", "caption"})   # where （2023） is a citation
CITED_DATE_WHERE = frozenset({"footnote", "source"})   # where （date）, date「…」 are citations
ABBREVIATED_ERA = "abbreviated_era"
FOREIGN_FISCAL_YEAR = "foreign_fiscal_year"   # another country's (米国の2024会計年度)
EVENT_NAME = "event_name"   # 令和6年能登半島地震: the date is part of an event's name
# Read as a span, marked approximate (a season after a year: 2023年秋).
_VAGUE_RE = re.compile(r"初め|初旬|初頭|当初|年代(?:半ば|中頃|末)|[年）)]の?[春夏秋冬]")
_SEASONS = frozenset("春夏秋冬")   # 冬 of a pair of years only: 2022/23年冬
_NEAR_IN_RANGE_RE = re.compile(r"(?:頃|ごろ)(?:～|-|から|・)")   # 1955年頃～1973年: approx
BARE_WHERE_OFF = frozenset({"table_text", "figure_text"})   # no bare months: cells and
                                                            # axis labels share no year
_RANGE_MARK_RE = re.compile(r"から|～|-|・")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    surface: str
    kind: str                 # date, month, year, fiscal_year, decade, range
    start_date: str | None    # ISO YYYY-MM-DD
    end_date: str | None      # empty for an open period (role since)
    era: str                  # 令和, 平成, 昭和, 大正, 明治, western (relative: relative_dates)
    role: str | None = None   # since, as_of, citation
    approx: bool = False      # 頃, ごろ, 前後
    resolved_from: str | None = None   # 同年 …: the surface of the date it was read against
    flag: str | None = None   # abbreviated_era: H27 alone, calendar or fiscal undecided


@lru_cache(maxsize=1)
def _event_name_re() -> re.Pattern[str]:
    """A name after a date that holds an event's head word (``能登半島地震``, ``豪雨``,
    ``東京オリンピック``: ``pipeline/data/date_event_heads.tsv``), with no particle
    between."""
    heads = "|".join(re.escape(word) for word in word_list("date_event_heads"))
    return re.compile(rf"[一-鿿ァ-ヶー・A-Za-z0-9]{{0,16}}?(?:{heads})")


@lru_cache(maxsize=1)
def _fiscal_context() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words before and after an era letter year that make it a fiscal year."""
    words = word_map("fiscal_context_words")
    return (tuple(w for w, side in words.items() if side == "before"),
            tuple(w for w, side in words.items() if side == "after"))


def _as_fiscal(period: Period) -> Period:
    """An era letter year or range read as fiscal years (``H25～R3`` of a programme)."""
    first, last = fiscal_year(period.first.year)[0], fiscal_year(period.last.year)[1]
    return Period(period.era, "range" if period.kind == "range" else "fiscal_year", first, last)


def _fiscal_context_at(folded: str, start: int, end: int) -> bool:
    before, after = _fiscal_context()
    return folded.startswith(after, end) or \
        folded[max(0, start - 12):start].rstrip("：:　 ").endswith(before)


def may_hold_dates(text: str) -> bool:
    """False when ``find_dates(text)`` is surely empty: every expression holds a digit,
    an era name, 同, an era letter before 元 (``H元``), a year in kanji digits
    (``二〇二三年``), a fiscal year of the edition (``今年度``) or a half or quarter read
    against the paragraph's date (``下期には``). A scan much cheaper than the
    search. (``前年`` alone holds none: ``relative_dates.may_hold_relative`` says.)"""
    return _date_hint_re().search(text) is not None


@lru_cache(maxsize=1)
def _date_hint_re() -> re.Pattern[str]:
    return re.compile("|".join([r"\d", "同", r"[A-Za-zＡ-Ｚａ-ｚ]元", "今年|本年|年度内",
                                "半期|[上下]期|四半期|年度[前後]半|年度末",   # 下期には: a part

                                "[一二][〇一二三四五六七八九]{3}年",
                                *(re.escape(era.name) for era in load_eras())]))


def mention_period(mention: DateMention) -> Period | None:
    """The period of a mention (an open one: its first unit, from its start date)."""
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
    unresolved: bool = False   # a bare month or day the anchor cannot date: not reported


def find_dates(text: str, folded: str | None = None, *, where: str | None = None,
               previous: DateMention | None = None) -> list[DateMention]:
    """Every date or period expression in ``text``, in order, with offsets into ``text``.

    ``folded``: ``fold_width(text)``, when the caller has it. ``where``: the kind of text
    (a paragraph kind, or ``footnote``); bare years in brackets are citations only where
    ``where`` is in ``CITATION_WHERE``. ``previous``: the last date of the same paragraph
    or footnote before ``text`` (``last_explicit``), for ``同年`` at its start. (``今年度``
    needs the edition's year: ``relative_dates.edition_dates``.)"""
    folded = fold_width(text) if folded is None else folded
    mentions: list[DateMention] = []
    start_period = mention_period(previous) if previous else None
    anchor = (start_period, previous.surface) if start_period and previous else None
    citations = where in CITATION_WHERE
    bare = where not in BARE_WHERE_OFF and ("月" in folded or "日" in folded or "期" in folded
                                             or "半" in folded or "末" in folded)
    same_words = "同" in folded or bare
    pos = anchor_end = 0
    closed_anchor = False   # the anchor is a closed period of this text (同期間 is of it,
                            # a day listed right after it of its month)
    while pos < len(folded):
        found = _next_expression(text, folded, pos, anchor if same_words else None, citations,
                                 bare, adjacent=0 < pos == anchor_end and closed_anchor,
                                 span_begin=anchor_end if closed_anchor else None)
        if found is None:
            break
        if found.unresolved or found.resolved_from is not None and \
                moved_from_anchor(folded, anchor_end, found.start):
            anchor, pos = None, found.end   # ends the anchor's reach; reported as nothing
            continue                        # (翌年には…、同年の: not the anchor's year)
        found = _with_suffixes(folded, found)
        if law_number_at(folded, found.end):   # 平成25年法律第86号: the law's date
            found = replace(found, role="citation")
        if found.role is None and adoption_in_bracket(folded, found.start, found.end):
            found = replace(found, role="citation")   # 計画（2021年10月閣議決定）: its date
        if where in CITED_DATE_WHERE and found.role is None and (
                folded[found.start - 1:found.start] == "（" and folded.startswith("）", found.end)
                or before_cited_title(folded, found.start, found.end)) \
                and not in_quoted_title(folded, found.start):
            found = replace(found, role="citation")   # （2024年３月）, 2023年2月27日“…”: the work's
        period, end = found.period, found.end
        surface = text[found.start:end]
        owned = (False, None) if found.flag == SPLIT_YEAR else \
            owned_bounds(folded, found.start, period, surface)
        if owned is None:
            pos = end   # 2024会計年度 with no country named: whose is not said
            continue
        foreign, bounds = owned
        mentions.append(DateMention(
            found.start, end, surface, period.kind,
            bounds.first.isoformat() if bounds else None,
            None if found.role == "since" or bounds is None else bounds.last.isoformat(),
            period.era,
            found.role, found.approx or _NEAR_IN_RANGE_RE.search(surface) is not None or (
                ("初" in surface or "年代" in surface or
                 not _SEASONS.isdisjoint(surface)) and _VAGUE_RE.search(surface) is not None),
            found.resolved_from, FOREIGN_FISCAL_YEAR if foreign else (
                EVENT_NAME if found.flag is None and found.role is None and not found.approx
                and "年度" not in surface and _event_name_re().match(folded, end)
                else found.flag)))
        if foreign or found.flag == SPLIT_YEAR:
            anchor, pos = None, end   # no 同年度, 前年度 or month is read against it
            continue
        restated = found.resolved_from is not None and found.start - 1 == anchor_end and \
            folded[anchor_end:found.start] == "（"   # 上期（4～9月）: the anchor's months
        if found.role != "citation" and not folded.startswith(_base_words(), end) and \
                not restated and \
                not (mentions[-1].flag == EVENT_NAME and anchor is not None
                     and period.first <= anchor[0].first and anchor[0].last <= period.last):
            # not a base (2013年度比…、4月には is not FY2013's), nor an event's name's year
            # after a date in it (2024年1月1日に発生した令和6年能登半島地震…同月中旬: January's)
            anchor, anchor_end = (period, surface), end
            closed_anchor = found.role is None
        pos = end                                          # is not FY2013's
    return mentions


def last_explicit(text: str, mentions: list[DateMention],
                  previous: DateMention | None = None,
                  folded: str | None = None) -> DateMention | None:
    """The date a later ``前年`` of the same paragraph is read against: the last mention
    of ``text`` that ``is_anchor``, else ``previous``; none when the last mention has no
    dates (``2023/24年度``) or a month or day without
    its year that no mention dates follows it (``1月1日の本地震``: the
    next sentence's ``同日`` or ``６日`` is not of the date before it). ``folded``:
    ``fold_width(text)``, when the caller has it."""
    folded = fold_width(text) if folded is None else folded
    after = mentions[-1].end if mentions else 0
    if ("月" in text or "日" in text or "期" in text or "半" in text or "末" in text) and \
            next(bare_references(folded, after), None) is not None:
        return None
    if mentions and mentions[-1].start_date is None:
        return None   # 2023/24年度の…。同年の: not the year of a date before it
    dated = [m for m in mentions if is_anchor(text, m)]
    if moved_from_anchor(folded, dated[-1].end if dated else 0, len(text)):
        return None   # 2020年…。翌年には…。同年の: the next sentence's 同年 is not 2020
    if len(dated) > 1 and dated[-1].resolved_from is not None and \
            dated[-1].start == dated[-2].end + 1 and text[dated[-2].end] in "（(":
        dated = dated[:-1]   # 上期（4～9月）: the months restate the half
    if len(dated) > 1 and dated[-1].flag == EVENT_NAME and \
            str(dated[-1].start_date) <= str(dated[-2].start_date) and \
            str(dated[-2].end_date) <= str(dated[-1].end_date):   # anchors have both
        return dated[-2]   # 2024年1月1日に発生した令和6年能登半島地震: the day
    return dated[-1] if dated else previous


def is_anchor(text: str, mention: DateMention) -> bool:
    """A figure's period: an explicit date or period that is not a citation, an open
    period, a relative one, another country's fiscal year (whose 前年度 is not Japan's)
    or a comparison or price base (``2016年と比較すると``, ``2015年価格で``:
    ``pipeline/data/date_base_words.tsv``)."""
    return bool(mention.start_date and mention.end_date) and mention.era != "relative" \
        and mention.role not in ("since", "citation") and mention.flag != FOREIGN_FISCAL_YEAR \
        and not text.startswith(_base_words(), mention.end)


@lru_cache(maxsize=1)
def _base_words() -> tuple[str, ...]:
    return word_list("date_base_words")


def _with_suffixes(folded: str, found: _Found) -> _Found:
    """``found`` with what follows it: approx, as_of or since (``suffix_after``)."""
    suffix = suffix_after(folded, found.end, found.period.kind == "date")
    if suffix is None:
        return found
    return replace(found, end=suffix.end, approx=found.approx or suffix.approx,
                   role=suffix.role or found.role)


def _next_expression(text: str, folded: str, pos: int, anchor: tuple[Period, str] | None,
                     citations: bool, bare: bool = False, adjacent: bool = False,
                     span_begin: int | None = None) -> _Found | None:
    """The first expression at or after ``pos`` (``bare``: also a month or day printed
    without its year, read against ``anchor``; ``adjacent``: ``anchor`` ends at ``pos``, and
    a day listed after it is of its month, ``2022年6月1日、2日``; ``span_begin``: where
    ``anchor``, a closed period of this text, ends, for ``同期間``)."""
    listed = listed_day(folded, pos, anchor[0]) if adjacent and anchor and bare else None
    if listed and anchor:
        return _Found(*listed, resolved_from=anchor[1])
    candidates = []
    for head in head_re().finditer(folded, pos):
        found = range_or_point(text, folded, head.start(), head)
        explicit = _explicit(text, folded, head.start(), *found) if found else None
        if explicit:
            candidates.append(explicit)
            break
        paren = bare_paren(folded, head.start(), citations)
        if paren:
            candidates.append(_Found(head.start(), paren[1], paren[0], role="citation"))
            break
    same = same_reference(folded, pos, anchor[0]) if anchor is not None else None
    if same and anchor:
        candidates.append(_Found(*same, resolved_from=anchor[1]))
    span = same_span(folded, pos, span_begin, anchor[0]) \
        if anchor is not None and span_begin is not None else None
    if span and anchor:
        candidates.append(_Found(*span, resolved_from=anchor[1]))
    alone = bare_reference(text, folded, pos, *anchor, closes_span(
        folded, span_begin, anchor[1])) if anchor and bare else None
    if alone and anchor:   # one it cannot date ends the anchor's reach
        candidates.append(_Found(alone[0], alone[1], alone[2] or anchor[0], anchor[1],
                                 unresolved=alone[2] is None))
    return min(candidates, key=lambda c: c.start) if candidates else None


def _explicit(text: str, folded: str, start: int, period: Period, end: int,
              abbreviated: bool) -> _Found | None:
    """An explicit date with its restatement absorbed; an era letter year read as a
    fiscal year next to a programme or budget word, else flagged (``None`` when it lies
    past its era's end: ``H32`` alone is no date, ``H32予算`` is FY2020)."""
    end = absorb_equivalent(text, folded, period, end)
    if period.kind == "range" and _RANGE_MARK_RE.search(folded, start, end):
        closing = CLOSING_RE.match(folded, after_day_marks(folded, end))   # から…まで
        end = closing.end() if closing else end
    if dateless_split_year(folded, start, end):   # 2023/24年度: its months are not printed
        return _Found(start, end, period, flag=SPLIT_YEAR)
    if not abbreviated:
        return _Found(start, end, period)
    if _fiscal_context_at(folded, start, end):
        return _Found(start, end, _as_fiscal(period))
    if letter_year_past_era(folded, start, end):
        return None
    return _Found(start, end, period, flag=ABBREVIATED_ERA)
