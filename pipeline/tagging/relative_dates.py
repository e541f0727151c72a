"""Relative periods (``前年度``, ``前年``, ``翌年度``, ``前年同月`` …) resolved to ISO dates.

``resolve_relative(surface, period)`` resolves ``前年度``, ``前年``, ``翌年度`` (two steps:
``翌々年度``, ``前々年``, ``翌々月``) … against
the period of a figure; ``find_relative_dates(text, mentions, previous)`` finds them in a
text and reads each against the text's explicit dates (from ``dates.find_dates``);
``find_paragraph_dates`` does both sentence by sentence, carrying the last date of a
paragraph or footnote into its next sentences (``…１月１日…発生した。気象庁は、同日に``).

The year before a figure's is counted in the figure's own shape: ``前年`` of a fiscal
year (``2017年度 … （前年比3.5％増）``) is the fiscal year before, of a day
(``2018年度末 … 前年より増加``) the same day a year before, of a calendar year or a month
the calendar year before; ``前年同月``/``前年同期`` (``前年同期間``)/``前年同日`` move the figure's month,
period or day back one year; ``前年度上期``, ``前年度第2四半期``, ``前年上半期`` are that part
of the year before. ``前年度`` is always the fiscal year before the one the figure
falls in; ``前年度末``/``前年末``/``前月末`` the last day of that fiscal year, year or month
(``2023年３月末 … 前年度末`` → 2022-03-31).

``edition_dates(text, edition, taken)`` reads ``今年度``, ``本年度``, ``年度内``, ``今年``,
``本年`` (no year printed) against the white paper's edition year, flagged
``publication_year``; ``edition_as_of_dates`` likewise a day or month printed without
its year and as-of it (``（5月28日現在）``) that nothing before it in its paragraph dates,
for the months surely before publication (``date_edition_as_of_months.tsv``); such a
day dates the figures of its own sentence, which say so (``period_basis =
edition_year``), and no other.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pipeline.common.lexicons import word_list
from pipeline.tagging.date_suffixes import opens_period
from pipeline.tagging.dates import (
    DateMention,
    find_dates,
    is_anchor,
    last_explicit,
    may_hold_dates,
)
from pipeline.tagging.numerals import fold_width
from pipeline.tagging.periods import (
    WESTERN,
    Period,
    add_months,
    fiscal_year,
    fiscal_year_of,
    month_end,
    month_period,
    shift_period,
    year_period,
)
from pipeline.tagging.year_parts import part_of_year

_MONTH_DAY = r"(?P<month>[0-9０-９]{1,2})月(?:(?P<day>[0-9０-９]{1,2})日|(?P<month_end>末日?))?"
# a half or quarter of the relative year (前年度上期, 前年度第2四半期, 前年上半期)
_PART = r"上半期|下半期|上期|下期|第[1-4１-４一二三四ⅠⅡⅢⅣ]四半期"
_RELATIVE_RE = re.compile(r"^(?:対)?(?P<when>前々|翌々|前|昨|翌|同|本|当|今)(?P<unit>年度|年|月)"
                          r"(?:(?P<edge>末)|(?P<same>同(?:月|期間?|日))(?P<same_end>末)?"
                          rf"|(?<=年)(?P<part>{_PART})|(?<=度)(?P<fiscal_part>{_PART})|(?<=年)"
                          + _MONTH_DAY + ")?")
_SHIFT = {"前々": -2, "翌々": 2, "前": -1, "昨": -1, "翌": 1, "同": 0, "本": 0, "当": 0,
          "今": 0}
# 対 is not the date's: it belongs to the comparison (対前年比, as 比 does); the date is 前年
_RELATIVE_FIND_RE = re.compile(r"(?=[前昨翌])(?:前々|翌々|前|昨|翌)(?:年度|年|月)"
                               rf"(?:末|同(?:月|期間?|日)末?|(?<=[年度])(?:{_PART})"
                               r"|(?<=年)[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日|末日?)?)?")


def period_shape(first: date, last: date) -> str:
    """What a period is, from its dates alone: ``fiscal_year`` (04-01 … 03-31 next
    year), ``year``, ``month``, ``date`` (one day) or ``range``."""
    if first == last:
        return "date"
    if (first, last) == fiscal_year(first.year):
        return "fiscal_year"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and \
            first.year == last.year:
        return "year"
    if first.day == 1 and last == month_end(first.year, first.month):
        return "month"
    return "range"


def _shifted(anchor: Period, unit: str, shift: int, same: str | None) -> Period | None:
    """The period ``shift`` years (or months, for 月) from ``anchor``; ``same``
    (前年同期, 前年度同期, 前年同月): the anchor's own period moved."""
    if same and unit != "月":
        return shift_period(anchor, 12 * shift)
    if unit == "年度":
        if fiscal_year_of(anchor.first) != fiscal_year_of(anchor.last):
            return None   # 前年度 of 令和元年度～令和5年度, of 2010年代: which one is not said
        return year_period(WESTERN, fiscal_year_of(anchor.first) + shift, True, False)
    if unit == "月":
        moved = shift_period(Period(WESTERN, "month", anchor.first.replace(day=1),
                                    month_end(anchor.first.year, anchor.first.month)), shift)
        return moved
    if shift and anchor.kind == "fiscal_year":
        return year_period(WESTERN, anchor.first.year + shift, True, False)
    if shift and anchor.kind == "date":
        return shift_period(anchor, 12 * shift)
    if anchor.first.year != anchor.last.year:
        return None   # 前年 of 2020～2022年, of 2010年代: which year is not said
    return year_period(WESTERN, anchor.first.year + shift, False, False)


def _shifted_end(anchor: Period, unit: str, shift: int) -> Period | None:
    """The last day of the fiscal year, year or month ``shift`` from the one ``anchor``
    starts in: ``前年度末`` of ``2023年３月末`` is 2022-03-31, of ``2023年度末`` 2023-03-31."""
    if unit == "年度":
        if fiscal_year_of(anchor.first) != fiscal_year_of(anchor.last):
            return None   # 前年度末 of 2020～2022年度: which one is not said
        last = fiscal_year(fiscal_year_of(anchor.first) + shift)[1]
    elif unit == "月":
        moved = add_months(anchor.first.replace(day=1), shift, at_end=True)
        if moved is None:
            return None
        last = moved
    elif anchor.first.year != anchor.last.year and anchor.kind != "fiscal_year":
        return None   # 前年末 of 2020～2022年: which year is not said
    else:
        last = date(anchor.first.year + shift, 12, 31)
    return Period(WESTERN, "date", last, last)


def resolve_relative(surface: str, period: tuple[str, str]) -> tuple[str, str] | None:
    """Period named by ``前年度``, ``前年``, ``翌年度``, ``同月`` … relative to ``period``.

    ``period`` is the (start, end) ISO dates of the figure's period; the result is
    (start, end) ISO, or ``None`` when ``surface`` does not start with a relative
    expression or ``period`` is not ISO. ``前年度比`` and ``対前年比`` work too."""
    found = resolve_relative_period(surface, period)
    return (found.first.isoformat(), found.last.isoformat()) if found else None


def resolve_relative_period(surface: str, period: tuple[str, str]) -> Period | None:
    """As ``resolve_relative``, the period with its kind."""
    match = _RELATIVE_RE.match(surface.strip())
    try:
        first, last = date.fromisoformat(period[0]), date.fromisoformat(period[1])
    except (ValueError, IndexError, TypeError):
        return None
    if match is None or last < first:
        return None
    anchor = Period(WESTERN, period_shape(first, last), first, last)
    if match.group("month"):   # 翌年３月, 前年12月25日: a month or day of that year
        year = first.year + _SHIFT[match.group("when")]
        day = int(match.group("day")) if match.group("day") else None
        span = month_period(year, int(match.group("month")), day)
        if span and match.group("month_end"):   # 翌年3月末: the month's last day
            return Period(WESTERN, "date", span[1], span[1])
        return Period(WESTERN, "date" if day else "month", *span) if span else None
    if match.group("edge"):
        return _shifted_end(anchor, match.group("unit"), _SHIFT[match.group("when")])
    part = match.group("part") or match.group("fiscal_part")
    if part:   # 前年度上期: that half of the fiscal year before
        whole = _shifted(anchor, match.group("unit"), _SHIFT[match.group("when")], None)
        return part_of_year(whole, fold_width(part)) if whole is not None and \
            whole.kind in ("year", "fiscal_year") else None
    found = _shifted(anchor, match.group("unit"), _SHIFT[match.group("when")],
                     match.group("same"))
    if found is not None and match.group("same_end"):   # 前年同月末: that month's last day
        if found.kind not in ("month", "date"):
            return None
        return Period(WESTERN, "date", found.last, found.last)
    return found


def find_relative_dates(text: str, mentions: list[DateMention],
                        previous: DateMention | None = None) -> list[DateMention]:
    """``前年度``, ``前年``, ``翌年度``, ``前年同月`` … resolved against the figure's period.

    That period is the nearest explicit date before the expression in ``text`` (not a
    comparison or price base), else ``previous`` (the last date of the paragraph or
    footnote before ``text``), else the first one after it; without one nothing is
    returned: a wrong year is worse than none. The resolved mentions carry
    ``era = "relative"`` and ``resolved_from``, the surface of the date read against."""
    anchors = [m for m in mentions if is_anchor(text, m)]
    folded = fold_width(text)
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in _RELATIVE_FIND_RE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        before = [m for m in anchors if m.end <= match.start()]
        after = (m for m in anchors if m.start >= match.end())
        anchor = before[-1] if before else (previous or next(after, None))
        if anchor is None or anchor.start_date is None or anchor.end_date is None:
            continue
        period = resolve_relative_period(match.group(), (anchor.start_date, anchor.end_date))
        if period is None:
            continue
        opened = opens_period(folded, match.end(), relative=True)   # 翌年度以降
        end = opened or match.end()
        found.append(DateMention(match.start(), end, text[match.start():end], period.kind,
                                 period.first.isoformat(),
                                 None if opened else period.last.isoformat(), "relative",
                                 role="since" if opened else None,
                                 resolved_from=anchor.surface))
    return found



PUBLICATION_YEAR = "publication_year"   # 今年度: read as the edition's year (inferred)
# The fiscal year the text is written in, named without its year: read against the
# edition's year (a white paper is published in its 版 year, most after April, so
# 今年度 is most likely that fiscal year; an inference, flagged). Not 同年度内, 2023年度内,
# 当該年度内 (a kanji or figure before it makes it another word's).
_EDITION_FISCAL_RE = re.compile(r"(?<![0-9一-鿿])(?:今年度|本年度|年度内)(?P<edge>末)?")
# The calendar year likewise, and a month or day of it (本年1月1日に発生した能登半島地震;
# not 本年次報告, this annual report, nor 本年金, this pension).
_EDITION_YEAR_RE = re.compile(r"(?<![0-9一-鿿])(?:今年|本年)(?![度次報金齢])"
                              r"(?:(?P<month>[0-9０-９]{1,2})月(?:(?P<day>[0-9０-９]{1,2})日)?)?")

def edition_dates(text: str, edition: int,
                  taken: list[DateMention]) -> list[DateMention]:
    """``今年度``, ``本年度``, ``年度内``: the fiscal year of ``edition`` (``今年度末``: its
    last day); ``今年``, ``本年``: its calendar year (``本年1月1日``: that day); the year the
    white paper is published in (era ``relative``, ``flag = publication_year``: an
    inference, no anchor for other dates and no figure's period), outside ``taken``
    (the dates ``find_dates`` found in ``text``)."""
    found = []
    for match in _EDITION_FISCAL_RE.finditer(text) if "年度" in text else ():
        period = year_period(WESTERN, edition, True, bool(match.group("edge")))   # 今年度末
        found.append((match, period))
    for match in _EDITION_YEAR_RE.finditer(text) if "年" in text else ():
        found.append((match, _edition_year_period(edition, match)))
    return sorted((DateMention(m.start(), m.end(), m.group(), p.kind, p.first.isoformat(),
                               p.last.isoformat(), "relative", flag=PUBLICATION_YEAR)
                   for m, p in found
                   if p and not any(t.start <= m.start() < t.end for t in taken)),
                  key=lambda mention: mention.start)


# A day or month printed without its year and as-of it (5月28日現在, 3月末時点, 4月1日0時
# 現在); not after a figure, 年, 度 or 同/前/翌 (other rules') or 毎.
_AS_OF_ALONE_RE = re.compile(r"(?<![0-9一-鿿～・/.-])(?P<month>\d{1,2})月"
                             r"(?:(?P<day>\d{1,2})日|(?P<end>末日?))?"
                             r"(?:\d{1,2}時(?:\d{1,2}分)?)?(?:現在|時点)")


@lru_cache(maxsize=1)
def _edition_as_of_months() -> frozenset[int]:
    """Months an as-of day printed without its year is read in the edition's year
    (``pipeline/data/date_edition_as_of_months.tsv``)."""
    return frozenset(int(month) for month in word_list("date_edition_as_of_months"))


def edition_as_of_dates(text: str, edition: int,
                        taken: list[DateMention]) -> list[DateMention]:
    """A day or month printed without its year with ``現在``/``時点`` after it (``石川県に
    おける非住家被害は約2万6千棟とされている（5月28日現在）``), in a text that no date before
    it dates (the caller says the paragraph or footnote holds none before ``text``; none
    of ``taken``, the dates ``find_dates`` found in ``text``, comes before it): read in
    the edition's year when its month is one the white paper surely reports before it is
    published (``date_edition_as_of_months.tsv``), flagged ``publication_year`` (an
    inference: no anchor; the period of its sentence's figures only with
    ``period_basis = edition_year``, ``paragraph_periods.carry_periods``), ``role = as_of``."""
    if "月" not in text:   # nor in its folded form: fold_width keeps kanji
        return []
    found = []
    folded = fold_width(text)
    for match in _AS_OF_ALONE_RE.finditer(folded):
        if any(t.start < match.end() for t in taken) or \
                int(match.group("month")) not in _edition_as_of_months():
            continue
        day = int(match.group("day")) if match.group("day") else None
        span = month_period(edition, int(match.group("month")), day)
        if span is None:
            continue
        first = span[1] if match.group("end") else span[0]
        kind = "date" if day or match.group("end") else "month"
        found.append(DateMention(match.start(), match.end(), text[match.start():match.end()],
                                 kind, first.isoformat(), span[1].isoformat(), "relative",
                                 role="as_of", flag=PUBLICATION_YEAR))
    return found


def _edition_year_period(edition: int, match: re.Match[str]) -> Period | None:
    """今年, 本年 (the edition's year), or a month or day of it (本年1月1日)."""
    if not match.group("month"):
        return year_period(WESTERN, edition, False, False)
    day = int(fold_width(match.group("day"))) if match.group("day") else None
    span = month_period(edition, int(fold_width(match.group("month"))), day)
    return Period(WESTERN, "date" if day else "month", *span) if span else None


_RELATIVE_HINT_RE = re.compile(r"[前昨翌]々?(?:年|月)")

SentenceDates = tuple[list[DateMention], list[DateMention]]


def may_hold_relative(text: str) -> bool:
    """False when ``find_relative_dates(text, …)`` is surely empty."""
    return _RELATIVE_HINT_RE.search(text) is not None


def find_paragraph_dates(text: str, spans: list[tuple[int, int]], folded: str | None = None,
                         where: str | None = None) -> list[SentenceDates]:
    """For each sentence of a paragraph or footnote (``spans``: its (start, end) offsets in
    ``text``), its explicit dates (``find_dates``) and its relative ones
    (``find_relative_dates``), offsets into the sentence. ``同年`` or ``前年`` at the start
    of a sentence is read against the last date of the sentences before it.
    ``folded``: ``fold_width(text)``; ``where``: as for ``find_dates``."""
    folded = fold_width(text) if folded is None else folded
    previous: DateMention | None = None
    found: list[SentenceDates] = []
    for start, end in spans:
        sentence = text[start:end]
        mentions = find_dates(sentence, folded[start:end], where=where, previous=previous) \
            if may_hold_dates(sentence) else []
        relative = find_relative_dates(sentence, mentions, previous) \
            if (mentions or previous) and may_hold_relative(sentence) else []
        previous = last_explicit(sentence, mentions, previous, folded[start:end])
        found.append((mentions, relative))
    return found
