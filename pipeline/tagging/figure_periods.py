"""The period a figure refers to: the nearest date before it that is no comparison or
price base, else the first as-of date after it (see ``quantities``' conventions)
(``figure_period``). A paragraph's dates that carry to its later sentences are
``paragraph_periods``'."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.common.lexicons import word_list
from pipeline.tagging.date_anaphora import bare_references
from pipeline.tagging.date_heads import SMALL
from pipeline.tagging.dates import EVENT_NAME, DateMention

# After a date, these make it a comparison or price base, not the figure's period.
_BASE_WORDS = word_list("number_base_words")
# 前年産, 2022年分: words glued to a date that still belong to it, before a base word
_DATE_TAILS = tuple(word_list("number_date_tails"))
# ...but a deadline is a target's period (2025年度までに約2万2,500人: FY2025)
_TARGET_AFTER_DATE = "までに"
# a date a ratio is of (2018年度の約1.7倍), and the words that make a share of it a level
# reached against it (2019年の約9割まで回復, 2019年の8割の水準)
_APPROX = "|".join(re.escape(w) for w in word_list("number_approx_words"))
OF_DATE = re.compile(rf"の(?:{_APPROX})?")
_LEVEL_AFTER = re.compile(r"(?:程度|前後|近く|強|弱)?(?:まで|の水準|水準|に回復|に相当|に当たる)")
# a date whose figure is then compared with (2019年の4兆8,135億円と比べると約8割減少), or
# whose quantity named by a noun run is (2013年度の排出量と比べて, 1991～2020年の平均と比べ):
# the base of what follows the comparison, not its period
# (not a noun run before を比較: 2000年と2017年の数値を比較すると, both are compared)
_COMPARED_FIGURE = re.compile(r"の(?:[^、。]{0,16}?\d[^、。\d]{0,6}?(?:と比べ|と比較|に比べ|を比較)"
                              r"|[一-鿿ァ-ヶー・A-Za-z]{1,10}(?:と比べ|と比較|に比べ))")
# the rest of a bracket a date glosses a base with (平年（1991～2020年の平均）と比べて):
# a noun after の (or glued) of a few words, no figure, then the bracket closes
_BRACKET_REST = re.compile(r"(?:の?[^、。\d（）()［］\[\]をはがにで]{1,7})?[）)]")
# a note in brackets right after a date, of a few words and no figure (（確報）, （速報値）)
_NOTE_BRACKET = re.compile(r"[（(][^、。\d（）()［］\[\]]{1,8}[）)]")
# a date the figure after it exceeds or falls short of (平年（1991～2020年平均）を1.76℃上回った,
# 2019年を約1割下回る): the base, not the figure's period
# (前年の1.26を0.06ポイント下回り: the date's figure, named, is the base too)
_EXCEEDED = re.compile(r"(?:の(?:約|概ね)?[0-9][^、。をはが]{0,11}?)?を[^、。を]{0,12}?(?:上回|下回)")


def _exceeded(folded: str, at: int, start: int) -> bool:
    """Does the figure at ``start`` exceed or fall short of what the date ending at ``at``
    names (``2019年を約1割下回る``, ``前年の1.26を0.06ポイント下回り``)? Not the date's own
    figure before を (``2019年の3,188万人を681万人下回った``: 3,188万人 is of 2019)."""
    match = _EXCEEDED.match(folded, at)
    return match is not None and folded.find("を", at) < start


# a date a span counts back to (1991年以来33年ぶりに5％を超えた): the last time, not the period
_LAST_TIME = re.compile(r"[0-9]+(?:年|年度|か月|カ月|ヶ月|日)ぶり")


def is_last_time(folded: str, date_end: int) -> bool:
    """Is the date ending at ``date_end`` the last time before now that something happened
    (``1991年以来33年ぶりに``): no figure's period?"""
    return _LAST_TIME.match(folded, date_end) is not None


# a date a change is counted from, a few words on (1961年のピーク時から約28%減少)
_FROM_AFTER_DATE = re.compile(r"の[^、。\s]{1,8}?から|を(?:ピーク|境|底)に")   # 1997年をピークに
# a date of an event a period runs from, a few words on (2012年7月の固定価格買取制度の導入以降、
# …約10倍; 1月1日の本地震直後から、…150㎞程度の範囲に広がっている): open from it, whatever
# the figure
_SINCE_AFTER_DATE = re.compile(r"の[^、。\s\d]{1,16}?(?:以降|以来|以後|直後から|後から)")


# a clause aimed at a goal between a date and a figure (2050年カーボンニュートラルの実現に向けて、
# 2兆円の基金): the goal's time, not the figure's period
_GOAL_CLAUSE = re.compile("|".join(re.escape(w) for w in word_list("period_goal_words")))


def _aims_past(folded: str, date_end: int, start: int) -> bool:
    """A clause aimed at a goal named after the date ends between it and the figure at
    ``start`` (``2050年カーボンニュートラルの実現に向けて、2兆円``); not one aimed at the
    date itself (``2030年度に向けて、約1万人を育成``: a target for that year)."""
    goal = _GOAL_CLAUSE.search(folded, date_end, start)
    return goal is not None and goal.start() > date_end + 1


# words that open a sentence before its framing date (まず、, また、): the date still opens it
FRAME_OPENERS = frozenset(word_list("period_frame_openers"))
# the end of a clause a contrastive conjunction closes (観測されていたが、, 増加したものの、)
_CONTRAST_END = re.compile("|".join(re.escape(w) for w in word_list("period_contrast_words")))
# after a date, に that ties it to its clause's verb (2019年に減少したものの); not には,
# において (a frame: 2023年には…), nor 時点で, の, は
_VERB_TIME = re.compile(r"に(?!は|お|つ|よ|関|係|対)")


def _contrasted(folded: str, date: DateMention, start: int) -> bool:
    """The date is the time of its clause's verb (open from it, ``頃から観測されていた``,
    or with に, ``2019年に減少した``) in a clause that a contrastive conjunction closes
    before the figure at ``start`` (``地殻変動は、令和2年12月頃から観測されていたが、本地震
    の発生に伴って、…1.3m程度の隆起``: ``period_contrast_words.tsv``), and does not open
    the sentence (``令和4年度に売上高は減少したが、営業利益は100億円`` keeps it): the figure
    is said against that time, not of it. A frame of both clauses (``2023年時点で…18社で
    あるが、80社以上``) keeps it."""
    lead = folded[:date.start].strip().rstrip("、")
    tied = date.role == "since" or _VERB_TIME.match(folded, date.end) is not None
    return tied and bool(lead) and lead not in FRAME_OPENERS and \
        _CONTRAST_END.search(folded, date.end, start) is not None


def _past_bracket(folded: str, date_end: int) -> int:
    """Where the words after a date start: past the bracket the date closes, with a few
    words of no figure before it (``前回調査（2015年）から``, ``平年（1991～2020年の平均）と
    比べて``: the bracket glosses what the words after it are said of)."""
    rest = _BRACKET_REST.match(folded, date_end)
    if rest is not None and _inside_bracket(folded, date_end):
        return rest.end()
    note = _NOTE_BRACKET.match(folded, date_end)   # 2021年度（確報）から: past its note
    return note.end() if note is not None else date_end


def _inside_bracket(folded: str, at: int) -> bool:
    """An opening bracket before ``at`` in its sentence is still open there."""
    depth = 0
    for k in range(at - 1, -1, -1):
        if folded[k] in _CLOSING:
            depth += 1
        elif folded[k] in _OPENING:
            if depth == 0:
                return True
            depth -= 1
        elif folded[k] == "。":
            break
    return False


def is_base(folded: str, date_end: int) -> bool:
    """A comparison or price base word (``number_base_words.tsv``) follows the date ending
    at ``date_end``, also past the bracket the date closes (``前回調査（2015年）から約95万人
    減少``, ``基準年度（2013年度）比``) or a word glued to the date that still belongs to it
    (``前年産に比べて``: ``number_date_tails.tsv``)."""
    at = _past_bracket(folded, date_end)
    tail = next((t for t in _DATE_TAILS if folded.startswith(t, at)), "")
    return folded.startswith(_BASE_WORDS, at) or bool(tail) and folded.startswith(
        _BASE_WORDS, at + len(tail))


def is_ratio_of(folded: str, date_end: int, start: int, end: int, unit: str) -> bool:
    """``2018年度の約1.7倍``, ``2019年の約9割まで回復``: a ratio of the date's figure, so
    the date is its base, not its period (a share of a date's whole, ``2020年の約3割の
    企業``, keeps it)."""
    if not OF_DATE.fullmatch(folded, date_end, start):
        return False
    return unit == "倍" or unit in ("割", "%") and _LEVEL_AFTER.match(folded, end) is not None


def figure_period(folded: str, start: int, end: int, modifier: str, unit: str,
                  dates: list[DateMention]) -> DateMention | None:
    """The date the figure ``folded[start:end]`` (its ``modifier`` and ``unit``) refers
    to among the sentence's ``dates``: the nearest before it that is no citation, no
    comparison or price base (``number_base_words.tsv``; a deadline ``までに`` is one),
    no goal's time a clause aims at before the figure (``2050年…の実現に向けて、2兆円``:
    ``period_goal_words.tsv``), no time of a clause a contrastive conjunction closes
    before it (``…頃から観測されていたが、…1.3m程度``: ``_contrasted``)
    and no date it is a ratio of (``is_ratio_of``), opened when a change is counted from
    it; else the first as-of date after it (none when a day or month no date rule dated
    stands between them); None without either, or when a day, a
    time or a month the date rules could not date stands between that date (or the
    sentence's start) and the figure (``undated_between``): the figure is of that
    moment, and a wrong period is worse than none."""
    before = [d for d in dates if d.end <= start and d.role != "citation"   # 法律第52号's year
              and (folded.startswith(_TARGET_AFTER_DATE, _past_bracket(folded, d.end))
                   or not is_base(folded, d.end))
              and not is_ratio_of(folded, d.end, start, end, unit)
              and not _COMPARED_FIGURE.match(folded, _past_bracket(folded, d.end), start)
              and not _aims_past(folded, d.end, start)
              and not _contrasted(folded, d, start)
              and not _exceeded(folded, _past_bracket(folded, d.end), start)
              and not is_last_time(folded, d.end)
              and not _base_of_change(folded, d, start, modifier)
              and not in_closed_figure_aside(folded, d.start, d.end, start)]
    noted = _as_of_in_bracket_after(folded, end, dates)
    if noted is not None:   # 245人（災害関連死を含む。同年5月28日時点）: a count as of that day
        return noted
    if undated_between(folded, before[-1].end if before else 0, start, dates):
        return None     # 1月1日の本地震直後から…150㎞程度: dated by a day no rule read
    if before:
        nearest = _finer_than_event(before)
        if nearest.end_date and (modifier in ("増", "減")
                                 and _FROM_AFTER_DATE.match(
                                     folded, _past_bracket(folded, nearest.end), start)
                                 or _SINCE_AFTER_DATE.match(folded, nearest.end, start)):
            # 1961年のピーク時から約28%減少: a change counted from that time on, open; so is
            # any figure after 2012年7月の制度の導入以降
            return replace(nearest, end_date=None)
        return nearest
    as_of = [d for d in dates if d.start >= end and d.surface.endswith(("現在", "時点"))]
    if as_of and undated_between(folded, end, as_of[0].start, dates):
        return None     # 最大約3万人（1月4日）に達したが、…（5月28日現在）: that day's
    return as_of[0] if as_of else None


def _finer_than_event(before: list[DateMention]) -> DateMention:
    """The last of ``before``, or for an event's name's year (``令和6年能登半島地震``) the
    last date before it that lies in that year (``2024年1月1日に発生した令和6年能登半島
    地震では…約4万戸``: the day, not the whole year)."""
    last = before[-1]
    if last.flag != EVENT_NAME or not last.start_date or not last.end_date:
        return last
    return next((d for d in reversed(before[:-1]) if d.start_date and d.end_date
                 and last.start_date <= d.start_date and d.end_date <= last.end_date), last)


# a date read as the start of an open period (2020年度より) right before a change
# (43円引き上げ): the base it is compared with
_COMPARING_SUFFIX = "より"


def _base_of_change(folded: str, date: DateMention, start: int, modifier: str) -> bool:
    """``2020年度より43円引き上げられた``: a date the date rules read as open (より: since)
    right before a figure of a change is the base of a comparison, not its period."""
    return modifier in ("増", "減") and date.surface.endswith(_COMPARING_SUFFIX) \
        and not folded[date.end:start].strip("、 　")


_OPENING, _CLOSING = "（(［[", "）)］]"


def _as_of_in_bracket_after(folded: str, end: int, dates: list[DateMention]) -> DateMention | None:
    """An as-of date (``時点``/``現在``) inside the bracket that opens right after the figure
    ending at ``end`` (``245人（災害関連死を含む。同年5月28日時点）``), or a date filling it
    (``約1億kW（2023年3月末）``, ``約3万人（2023年度）``, ``月額1万6,520円（2023年度）``): the
    figure's own note of when it was counted, over any date before it."""
    if folded[end:end + 1] not in ("（", "("):
        return None
    close = next((at for at in range(end + 1, len(folded)) if folded[at] in _CLOSING), -1)
    if close < 0 or any(c in _OPENING for c in folded[end + 1:close]):
        return None
    return next((d for d in dates if end < d.start and d.end <= close and d.start_date
                 and d.end_date and (d.role == "as_of" or d.role is None and d.start == end + 1
                                     and d.end == close)), None)   # 約1億kW（2023年3月末）


def in_closed_figure_aside(folded: str, date_start: int, date_end: int, figure: int) -> bool:
    """Is the date inside a bracket that closes before the figure at ``figure`` and holds
    a figure of its own (``米国（2019年：158.6万人）に次ぐ第3位``: 2019 is 158.6万人's year,
    not 第3位's)? A bracket of a date alone (``調査（2023年）では…約8割``) or one the figure
    is inside (``中国（2020年：228.1万人）``) keeps it."""
    depth, opened = 0, -1
    for at in range(date_start - 1, -1, -1):   # the innermost bracket open at the date
        if folded[at] in _CLOSING:
            depth += 1
        elif folded[at] in _OPENING:
            if depth == 0:
                opened = at
                break
            depth -= 1
    if opened < 0:
        return False
    depth = 0
    for at in range(date_end, figure):
        if folded[at] in _OPENING:
            depth += 1
        elif folded[at] in _CLOSING:
            if depth == 0:   # closes before the figure: an aside with a figure of its own?
                rest = folded[opened + 1:date_start] + folded[date_end:at]
                return any(c.isdigit() for c in rest)
            depth -= 1
    return False


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
