"""The period a figure refers to: the nearest date before it that is no comparison or
price base, else the first as-of date after it (see ``quantities``' conventions)
(``figure_period``); for a figure of running text whose sentence gives none, the date
that frames an earlier sentence of its paragraph, when nothing since dates anything
(``carry_periods``; ``period_basis`` says which)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from pipeline.common.lexicons import data_rows, word_list
from pipeline.tagging.date_anaphora import bare_references
from pipeline.tagging.date_heads import SMALL
from pipeline.tagging.dates import EVENT_NAME, DateMention
from pipeline.tagging.relative_dates import PUBLICATION_YEAR

# After a date, these make it a comparison or price base, not the figure's period.
_BASE_WORDS = word_list("number_base_words")
# 前年産, 2022年分: words glued to a date that still belong to it, before a base word
_DATE_TAILS = tuple(word_list("number_date_tails"))
# ...but a deadline is a target's period (2025年度までに約2万2,500人: FY2025)
_TARGET_AFTER_DATE = "までに"
# a date a ratio is of (2018年度の約1.7倍), and the words that make a share of it a level
# reached against it (2019年の約9割まで回復, 2019年の8割の水準)
_APPROX = "|".join(re.escape(w) for w in word_list("number_approx_words"))
_OF_DATE = re.compile(rf"の(?:{_APPROX})?")
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
_EXCEEDED = re.compile(r"を[^、。を]{0,12}?(?:上回|下回)")
# a date a change is counted from, a few words on (1961年のピーク時から約28%減少)
_FROM_AFTER_DATE = re.compile(r"の[^、。\s]{1,8}?から|を(?:ピーク|境|底)に")   # 1997年をピークに
# a date of an event a period runs from, a few words on (2012年7月の固定価格買取制度の導入以降、
# …約10倍): open from it, whatever the figure
_SINCE_AFTER_DATE = re.compile(r"の[^、。\s\d]{1,16}?(?:以降|以来)")


# a clause aimed at a goal between a date and a figure (2050年カーボンニュートラルの実現に向けて、
# 2兆円の基金): the goal's time, not the figure's period
_GOAL_CLAUSE = re.compile("|".join(re.escape(w) for w in word_list("period_goal_words")))


def _aims_past(folded: str, date_end: int, start: int) -> bool:
    """A clause aimed at a goal named after the date ends between it and the figure at
    ``start`` (``2050年カーボンニュートラルの実現に向けて、2兆円``); not one aimed at the
    date itself (``2030年度に向けて、約1万人を育成``: a target for that year)."""
    goal = _GOAL_CLAUSE.search(folded, date_end, start)
    return goal is not None and goal.start() > date_end + 1


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
    return tied and bool(lead) and lead not in _OPENERS and \
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
    if not _OF_DATE.fullmatch(folded, date_end, start):
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
    it; else the first as-of date after it; None without either, or when a day, a
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
              and not _EXCEEDED.match(folded, _past_bracket(folded, d.end))
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


# --------------------------------------------------------------------------- a paragraph

Row = dict[str, Any]
# period_basis: where a figure's period was read
IN_SENTENCE, IN_PARAGRAPH = "sentence", "paragraph"
_CARRIED_WHERE = frozenset({"body", "column"})   # running text, not cells or captions
# one closed period: a year, a fiscal year or a month (and a day a stock is counted at,
# _is_snapshot; another day is an event's, 1月1日16時10分、地震が発生)
_FRAME_KINDS = frozenset({"year", "fiscal_year", "month"})
_YEAR_KINDS = frozenset({"year", "fiscal_year"})   # 2017年、…: only a year frames before 、
_OPENERS = frozenset(word_list("period_frame_openers"))
_STOP_WORDS = word_list("period_carry_stop_words")
_FRAME_STOP_WORDS = word_list("period_frame_stop_words")   # a target's or peak's date
_FORECAST_WORDS = word_list("period_frame_forecast_words")   # anywhere in its sentence
_NEAR = 8   # characters after a framing date where such a word names its time
# what follows a date that frames its sentence: 令和5年度の, 2022年は, 2023年末時点で、
_FRAME_AFTER = re.compile(r"(?:末)?(?:時点|現在|平均)?(?:における|において(?:は)?|には|では|で、|は|の|、)")


def _is_snapshot(date: Row) -> bool:
    """A day a stock is counted at: an as-of day (``2018年3月31日現在``) or the end of a
    year, fiscal year or month (``2021年度末``, ``3月末日``), not an event's day."""
    return date["kind"] == "date" and (date.get("role") == "as_of"
                                       or date["surface"].endswith(("末", "末日")))


def _sets_no_period(folded: str, date: Row, begin: int, numbers: Sequence[Row]) -> bool:
    """A date that sets no period for the figures around it: a comparison or price base
    (``2013年度比で20.3%の減少``, ``前年度と比べて``), the base of a ratio among ``numbers``
    (``2000年の約2.6倍``: ``is_ratio_of``) or a relative date inside the sentence
    (``合計特殊出生率は1.26で、前年の1.30より低下``: read against the paragraph's date, it
    stays in its time); not a relative date opening the sentence (``翌年度には``)."""
    if is_base(folded, date["end"]) or any(
            is_ratio_of(folded, date["end"], row["start"], row["end"], row["unit"] or "")
            for row in numbers):   # 2000年の約2.6倍: the base a ratio is of
        return True
    lead = folded[begin:date["start"]].strip().rstrip("、")
    return date.get("era") == "relative" and bool(lead) and lead not in _OPENERS


def framing_date(folded: str, begin: int, end: int, dates: list[Row],
                 numbers: Sequence[Row] = ()) -> Row | None:
    """The date that frames the sentence ``folded[begin:end]``: the sentence opens with it
    (after a conjunction at most, ``period_frame_openers.tsv``: ``また、令和5年度の…は``)
    and goes on with の, は, には, において (or 、 after a year: ``2017年、``); it is one
    closed year, fiscal year or month, or an as-of day or an end (``2018年3月31日現在の``,
    ``2021年度末の``), no base
    (``2013年度比``) or citation, and every other date of the sentence is the same period
    or a base. None when no date frames it so: a day or a month before 、 is an event's
    (``令和5年12月、…を公開した``), and the figures after it are not of that day."""
    inside = [d for d in dates if begin <= d["start"] < end and d.get("role") != "citation"]
    if not inside:
        return None
    first = inside[0]
    lead = folded[begin:first["start"]].strip().rstrip("、")
    after = _FRAME_AFTER.match(folded, first["end"])
    if (lead and lead not in _OPENERS) or not first["start_date"] or not first["end_date"] \
            or first.get("era") == "relative" \
            or first["kind"] not in _FRAME_KINDS and not _is_snapshot(first) \
            or first.get("role") == "since" or is_base(folded, first["end"]) \
            or after is None or after.group().endswith("、") and first["kind"] not in _YEAR_KINDS:
        return None   # 令和５年12月、…を公開: an event's month, no frame
    period = (first["start_date"], first["end_date"])
    if any((d["start_date"], d["end_date"]) != period
           and not _sets_no_period(folded, d, begin, numbers) for d in inside[1:]):
        return None
    return first


_DATE_FIELDS = tuple(DateMention.__dataclass_fields__)


def sentence_mentions(dates: list[Row], begin: int, end: int,
                      relative: bool = False) -> list[DateMention]:
    """The date rows of the sentence ``[begin, end)`` as mentions with offsets into it:
    those the number rules read (``find_dates``'), and with ``relative`` the relative
    ones too (``前年``, read against the paragraph's dates after them)."""
    return [DateMention(**{**{f: row.get(f) for f in _DATE_FIELDS},
                           "start": row["start"] - begin, "end": row["end"] - begin})
            for row in dates if begin <= row["start"] < end
            and (_resolved(row) if row.get("era") == "relative" else True)
            and (relative or row.get("era") != "relative")]


def _resolved(row: Row) -> bool:
    """A relative date read against a date of the text (``前年``), not an inferred
    publication year (``今年度``, flag ``publication_year``: no figure's period)."""
    return row.get("era") == "relative" and row.get("flag") != PUBLICATION_YEAR


def _relative_period(folded: str, begin: int, end: int, row: Row,
                     dates: list[Row]) -> DateMention | None:
    """The period a relative date before the figure gives it (``前年は81万人``: the
    figure rules read the sentence before relative dates are resolved), as
    ``figure_period`` reads it; None when the nearest is not a relative date."""
    if not any(begin <= d["start"] < row["start"] and _resolved(d) for d in dates):
        return None
    found = figure_period(folded[begin:end], row["start"] - begin, row["end"] - begin,
                          row.get("modifier") or "", row.get("unit") or "",
                          sentence_mentions(dates, begin, end, relative=True))
    return found if found is not None and found.era == "relative" else None


# after a relative date, what makes it the time of the figure after it over an explicit
# date before it (翌月には同4.0％増, 前年は81万人, 前年の77万人): it opens a clause or owns
# the figure
_SETS_TIME = re.compile(r"(?:には|では|は|、)")   # not に: 前年度に引き続き


def _sets_time(folded: str, relative: DateMention, start: int) -> bool:
    """The relative date ``relative`` (offsets into ``folded``, a sentence and what
    follows) sets the time of the figure at ``start``: a clause's time (``翌月には``,
    ``前年は``) or the owner of the figure right after it (``前年の77万人``), so it beats an
    explicit date before it in the sentence."""
    return _SETS_TIME.match(folded, relative.end) is not None or \
        _OF_DATE.fullmatch(folded, relative.end, start) is not None


def _leading_relative(folded: str, row: Row, dates: list[Row]) -> DateMention | None:
    """A relative date the figure's surface opens with, or whose bracket the figure opens
    (``前年度約7万件``, ``前年2万1,881人``, ``前年度（11.2％）より上昇``: that year's figure),
    no comparison's base; not ``前年度比2.8％``, nor a change counted from it,
    ``前年度1割増``: the change is of the figure's own period)."""
    if row.get("modifier") in ("増", "減"):
        return None
    for d in dates:
        opens = d["start"] == row["start"] and d["end"] < row["end"] or \
            d["end"] + 1 == row["start"] and folded[d["end"]:row["start"]] in ("（", "(")
        if _resolved(d) and opens and d["start_date"] and d["end_date"] and \
                not is_base(folded, d["end"]):
            return sentence_mentions([d], 0, len(folded), relative=True)[0]
    return None


def carry_periods(folded: str, bounds: Sequence[tuple[int, int]], numbers: list[Row],
                  dates: list[Row], where: str) -> list[Row]:
    """The figure rows of one paragraph (``folded``: its folded text; ``bounds``: its
    sentences' offsets; ``dates``: its date rows) with ``period_basis``: ``sentence`` for
    a period read in the figure's own sentence (``figure_period``, relative dates too:
    ``前年は81万人``); ``paragraph`` for a
    figure of running text with none, taken from the date framing an earlier sentence
    (``令和5年度の研究開発費は次のとおりである。企業は14.2兆円…``: ``framing_date``) when no
    sentence since, nor the figure's own, holds a date that sets a period (a base or a
    relative date inside a sentence does not: ``_sets_no_period``) or a day or month the
    date rules left undated, and the figure's sentence no target, forecast or running
    total (``period_carry_stop_words.tsv``). A duration takes none; a relative date
    opening a sentence (``前年は``) frames nothing."""
    numbers = _respective_periods(folded, bounds, numbers, dates)
    carried = where in _CARRIED_WHERE and bool(dates) and any(
        not (row["period_start"] or row["period_end"]) for row in numbers)
    takes = _frames(folded, bounds, dates, numbers) if carried else [None] * len(bounds)
    starts = [begin for begin, _ in bounds]
    found: list[Row] = []
    for row in numbers:
        k = bisect.bisect_right(starts, row["start"]) - 1
        take = takes[k] if k >= 0 else None
        relative = _leading_relative(folded, row, dates)   # 約8万件（前年度約7万件）
        if relative is None and k >= 0:
            relative = _relative_period(folded, *bounds[k], row, dates)
            if relative is not None and (row["period_start"] or row["period_end"]) and \
                    not _sets_time(folded[bounds[k][0]:], relative, row["start"] - bounds[k][0]):
                relative = None   # 2023年の…前年の水準を上回り、100億円: the sentence's
        if relative is not None:
            row = {**row, "period_start": relative.start_date, "period_end": relative.end_date}
        if row["period_start"] or row["period_end"]:
            row = {**row, "period_basis": IN_SENTENCE}
        elif take is not None and row.get("kind") != "duration" \
                and not undated_between(folded, starts[k], row["start"], []):
            row = {**row, "period_start": take["start_date"], "period_end": take["end_date"],
                   "period_basis": IN_PARAGRAPH}
        found.append(row)
    return found


# between two dates of one list (2013年度、2019年度、2022年度の; 2010年度と2022年度を比較)
_LIST_JOINER = re.compile(r"、|・|,|，|及び|および|並びに|ならびに|と|や")


def _date_lists(folded: str, begin: int, end: int, dates: list[Row]) -> list[list[Row]]:
    """Lists of two dates or more in the sentence ``folded[begin:end]``, printed one after
    the other with only a joiner between (``2020年度及び2021年度``); relative dates and
    citations are none."""
    inside = sorted((d for d in dates if begin <= d["start"] < end and d.get("era") !=
                     "relative" and d.get("role") != "citation"), key=lambda d: d["start"])
    lists: list[list[Row]] = []
    for date_row in inside:
        if lists and _LIST_JOINER.fullmatch(folded, lists[-1][-1]["end"], date_row["start"]):
            lists[-1].append(date_row)
        else:
            lists.append([date_row])
    return [dated for dated in lists if len(dated) > 1]


def _respective_periods(folded: str, bounds: Sequence[tuple[int, int]], numbers: list[Row],
                        dates: list[Row]) -> list[Row]:
    """Figures after a list of dates (``2020年度及び2021年度の再エネ比率は、それぞれ19.8％、
    20.3％``; ``2010年度と2022年度を比較すると、…65％から73％に上昇``), up to the next date of
    their sentence: as many as the dates, after それぞれ or two joined by から, each takes
    the date of its rank (a range's two ends one); otherwise a change takes the latest
    date, as a change from a base does
    (``2000年と2017年の数値を比較すると、15.9％の減少``: 2017), and any other none, where
    the nearest date alone would date them all."""
    periods: dict[int, tuple[Any, Any]] = {}
    for begin, end in bounds:
        for dated in _date_lists(folded, begin, end, dates):
            stop = min((d["start"] for d in dates if dated[-1]["end"] <= d["start"] < end
                        and d.get("era") != "relative" and not is_base(folded, d["end"])),
                       default=end)   # past a base (2013年度からそれぞれ60％、73％削減)
            after = [k for k, row in enumerate(numbers)
                     if dated[-1]["end"] <= row["start"] < stop and row.get("kind") != "duration"]
            items: list[list[int]] = []
            for k in after:   # a range's high end goes with its low end
                if numbers[k].get("range_role") == "high" and items:
                    items[-1].append(k)
                else:
                    items.append([k])
            latest = max(dated, key=lambda d: str(d["end_date"]))   # a change's end
            last = (latest["start_date"], latest["end_date"])
            in_order = len(items) == len(dated) and (
                "それぞれ" in folded[dated[-1]["end"]:numbers[items[0][0]]["start"]]
                or len(items) == 2 and folded[numbers[items[0][-1]]["end"]:
                                              numbers[items[1][0]]["start"]] == "から")
            for rank, item in enumerate(items):
                period = (dated[rank]["start_date"], dated[rank]["end_date"]) if in_order \
                    else last if numbers[item[0]].get("modifier") in ("増", "減") else (None, None)
                periods.update({k: period for k in item})
    return [{**row, "period_start": periods[k][0], "period_end": periods[k][1]}
            if k in periods else row for k, row in enumerate(numbers)]


def _names_other_time(folded: str, date_end: int, end: int) -> bool:
    """The words right after a framing date, within its clause, name a target's or a past
    peak's time (``2030年度の目標は``, ``1984年のピーク時には``:
    ``period_frame_stop_words.tsv``): the date is that time's, no frame for what follows."""
    near = re.split(r"[、。]", folded[date_end:min(end, date_end + _NEAR)], maxsplit=1)[0]
    return any(word in near for word in _FRAME_STOP_WORDS)


# a framing date scoped to Japan's figures (2022年の日本の研究者数は…, 我が国の…)
_JAPAN_AFTER = re.compile(r"の(?:日本|我が国|わが国)の")
_PLACE_COLUMNS = ("name_ja", "type", "name_en", "aliases", "code", "source")


@lru_cache(maxsize=1)
def _foreign_country_re() -> re.Pattern[str]:
    """Another country than Japan named as a sentence's subject or owner (``米国の``,
    ``中国は``; not ``中国地方``): its names and aliases in ``places.tsv``."""
    names = {name for row in data_rows("places", _PLACE_COLUMNS, ("aliases", "code"))
             if row[1] == "country" and row[4] != "JP"
             for name in (row[0], *row[3].split("|")) if name}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?=の|は|では|が|も|、)")


def _other_country(folded: str, frame: Row, begin: int, end: int) -> bool:
    """The frame is Japan's (``2022年の日本の研究者数は``) and the sentence
    ``folded[begin:end]`` names another country (``一方、米国の研究者数は``): its figures
    are not of the frame's year for sure (another country's latest year may differ)."""
    return _JAPAN_AFTER.match(folded, frame["end"]) is not None and \
        _foreign_country_re().search(folded, begin, end) is not None


def _frames(folded: str, bounds: Sequence[tuple[int, int]], dates: list[Row],
            numbers: list[Row]) -> list[Row | None]:
    """Per sentence, the date framing an earlier one that its figures may take
    (``carry_periods``), or None."""
    takes: list[Row | None] = []
    frame: Row | None = None
    for begin, end in bounds:
        rows = [row for row in numbers if begin <= row["start"] < end]
        dated = any(begin <= d["start"] < end and not _sets_no_period(folded, d, begin, rows)
                    for d in dates)
        stopped = dated or frame is None \
            or any(word in folded[begin:end] for word in _STOP_WORDS) \
            or _other_country(folded, frame, begin, end)
        takes.append(None if stopped else frame)
        if dated:
            frame = framing_date(folded, begin, end, dates, rows)
            if frame is not None and (_names_other_time(folded, frame["end"], end) or any(
                    word in folded[begin:end] for word in _FORECAST_WORDS)):
                frame = None   # 2030年度の目標は…, 1984年のピーク時には…, …となる見込み
        elif frame is not None and undated_between(folded, begin, end, []):
            frame = None
    return takes
