"""The period a figure refers to: the nearest date before it that is no comparison or
price base, else the first as-of date after it (see ``quantities``' conventions)."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.common.lexicons import word_list
from pipeline.tagging.date_anaphora import bare_references
from pipeline.tagging.date_grammar import SMALL
from pipeline.tagging.dates import DateMention

# After a date, these make it a comparison or price base, not the figure's period.
_BASE_WORDS = word_list("number_base_words")
# ...but a deadline is a target's period (2025年度までに約2万2,500人: FY2025)
_TARGET_AFTER_DATE = "までに"
# a date a ratio is of (2018年度の約1.7倍), and the words that make a share of it a level
# reached against it (2019年の約9割まで回復, 2019年の8割の水準)
_APPROX = "|".join(re.escape(w) for w in word_list("number_approx_words"))
_OF_DATE = re.compile(rf"の(?:{_APPROX})?")
_LEVEL_AFTER = re.compile(r"(?:程度|前後|近く|強|弱)?(?:まで|の水準|水準|に回復|に相当|に当たる)")
# a date a change is counted from, a few words on (1961年のピーク時から約28%減少)
_FROM_AFTER_DATE = re.compile(r"の[^、。\s]{1,8}?から")


def is_ratio_of(folded: str, date: DateMention, start: int, end: int, unit: str) -> bool:
    """``2018年度の約1.7倍``, ``2019年の約9割まで回復``: a ratio of the date's figure, so
    the date is its base, not its period (a share of a date's whole, ``2020年の約3割の
    企業``, keeps it)."""
    if not _OF_DATE.fullmatch(folded, date.end, start):
        return False
    return unit == "倍" or unit in ("割", "%") and _LEVEL_AFTER.match(folded, end) is not None


def figure_period(folded: str, start: int, end: int, modifier: str, unit: str,
                  dates: list[DateMention]) -> DateMention | None:
    """The date the figure ``folded[start:end]`` (its ``modifier`` and ``unit``) refers
    to among the sentence's ``dates``: the nearest before it that is no citation, no
    comparison or price base (``number_base_words.tsv``; a deadline ``までに`` is one)
    and no date it is a ratio of (``is_ratio_of``), opened when a change is counted from
    it; else the first as-of date after it; None without either, or when a day, a
    time or a month the date rules could not date stands between that date (or the
    sentence's start) and the figure (``undated_between``): the figure is of that
    moment, and a wrong period is worse than none."""
    before = [d for d in dates if d.end <= start and d.role != "citation"   # 法律第52号's year
              and (folded.startswith(_TARGET_AFTER_DATE, d.end)
                   or not folded.startswith(_BASE_WORDS, d.end))
              and not is_ratio_of(folded, d, start, end, unit)]
    if undated_between(folded, before[-1].end if before else 0, start, dates):
        return None     # 1月1日の本地震直後から…150㎞程度: dated by a day no rule read
    if before:
        nearest = before[-1]
        if (nearest.end_date and modifier in ("増", "減")
                and _FROM_AFTER_DATE.match(folded, nearest.end, start)):
            # 1961年のピーク時から約28%減少: a change counted from that time on, open
            return replace(nearest, end_date=None)
        return nearest
    as_of = [d for d in dates if d.start >= end and d.surface.endswith(("現在", "時点"))]
    return as_of[0] if as_of else None


# a day of the month before: 同日16時12分, 同月7日 (a month or day with no year of its own is
# the date rules' ``bare_references``)
_SAME_DAY = re.compile(rf"同日|同月{SMALL}日")


def undated_between(folded: str, begin: int, end: int, dates: list[DateMention]) -> bool:
    """A day, time or month the date rules left without a year (no mention in ``dates``
    covers it) stands in ``folded[begin:end]``: a month or day printed alone as the date
    rules find them (``1月1日``, ``6日23時20分``, ``12月には``, ``4月の``;
    ``date_anaphora.bare_references``) or a day of ``同日``/``同月N日``."""
    if "月" not in folded[begin:end] and "日" not in folded[begin:end]:
        return False
    starts = [m.start() for m in bare_references(folded, begin) if m.end() <= end]
    starts += [m.start() for m in _SAME_DAY.finditer(folded, begin, end)]
    return any(not any(d.start <= at < d.end for d in dates) for at in starts)
