"""The period of a figure of running text whose sentence gives none: the date that
frames an earlier sentence of its paragraph, when nothing since dates anything
(``carry_periods``; ``period_basis`` says which, and ``edition_year`` when a yearless
as-of day read in the edition's year dates it); figures after a list of dates taking
them in order (``それぞれ``, ``XからY``); a frame scoped to Japan dating no sentence about
another country. A sentence's own dating is ``figure_periods``'."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pipeline.common.lexicons import data_rows, word_list
from pipeline.tagging.dates import DateMention
from pipeline.tagging.figure_periods import (
    FRAME_OPENERS,
    OF_DATE,
    figure_period,
    is_base,
    is_last_time,
    is_ratio_of,
    undated_between,
)
from pipeline.tagging.relative_dates import PUBLICATION_YEAR

Row = dict[str, Any]
# period_basis: where a figure's period was read; EDITION_YEAR: in its sentence, from a
# yearless as-of day read in the edition's year (5月28日現在: an inference, to check)
IN_SENTENCE, IN_PARAGRAPH, EDITION_YEAR = "sentence", "paragraph", "edition_year"
_CARRIED_WHERE = frozenset({"body", "column"})   # running text, not cells or captions
# one closed period: a year, a fiscal year or a month (and a day a stock is counted at,
# _is_snapshot; another day is an event's, 1月1日16時10分、地震が発生)
_FRAME_KINDS = frozenset({"year", "fiscal_year", "month"})
_YEAR_KINDS = frozenset({"year", "fiscal_year"})   # 2017年、…: only a year frames before 、
_STOP_WORDS = word_list("period_carry_stop_words")
_STOP_EXCEPTIONS = word_list("period_carry_stop_exceptions")   # 過去最低: a record
_FRAME_STOP_WORDS = word_list("period_frame_stop_words")   # a target's or peak's date
FORECAST_WORDS = word_list("period_frame_forecast_words")   # anywhere in its sentence
_NEAR = 8   # characters after a framing date where such a word names its time
# what follows a date that frames its sentence: 令和5年度の, 2022年は, 2023年末時点で、
_FRAME_AFTER = re.compile(r"(?:末)?(?:時点|現在|平均)?(?:における|において(?:は)?|には|では|で、|は|の|、)")


def names_other_times(sentence: str) -> bool:
    """Does the sentence hold a word of a target, forecast, total or other time
    (``period_carry_stop_words.tsv``), not inside a record (``過去最低``:
    ``period_carry_stop_exceptions.tsv``)?"""
    for phrase in _STOP_EXCEPTIONS:
        sentence = sentence.replace(phrase, "")
    return any(word in sentence for word in _STOP_WORDS)


def _is_snapshot(date: Row) -> bool:
    """A day a stock is counted at: an as-of day (``2018年3月31日現在``) or the end of a
    year, fiscal year or month (``2021年度末``, ``3月末日``), not an event's day."""
    return date["kind"] == "date" and (date.get("role") == "as_of"
                                       or date["surface"].endswith(("末", "末日")))


def sets_no_period(folded: str, date: Row, begin: int, numbers: Sequence[Row]) -> bool:
    """A date that sets no period for the figures around it: a comparison or price base
    (``2013年度比で20.3%の減少``, ``前年度と比べて``), a last time (``1991年以来33年ぶりに``), the base of a ratio among ``numbers``
    (``2000年の約2.6倍``: ``is_ratio_of``) or a relative date inside the sentence
    (``合計特殊出生率は1.26で、前年の1.30より低下``: read against the paragraph's date, it
    stays in its time); not a relative date opening the sentence (``翌年度には``)."""
    if is_base(folded, date["end"]) or is_last_time(folded, date["end"]) or any(
            is_ratio_of(folded, date["end"], row["start"], row["end"], row["unit"] or "")
            for row in numbers):   # 2000年の約2.6倍: the base a ratio is of
        return True
    lead = folded[begin:date["start"]].strip().rstrip("、")
    return date.get("era") == "relative" and bool(lead) and lead not in FRAME_OPENERS


def framing_date(folded: str, begin: int, end: int, dates: list[Row],
                 numbers: Sequence[Row] = ()) -> Row | None:
    """The date that frames the sentence ``folded[begin:end]``: the sentence opens with it
    (after a conjunction at most, ``period_frame_openers.tsv``: ``また、令和5年度の…は``, or a
    clause naming the source, ``…調査によると、``: ``period_frame_source_tails.tsv``)
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
    if (lead and lead not in FRAME_OPENERS and not _names_a_source(lead)) \
            or not first["start_date"] or not first["end_date"] \
            or first.get("era") == "relative" \
            or first["kind"] not in _FRAME_KINDS and not _is_snapshot(first) \
            or first.get("role") == "since" or is_base(folded, first["end"]) \
            or after is None or after.group().endswith("、") and first["kind"] not in _YEAR_KINDS:
        return None   # 令和５年12月、…を公開: an event's month, no frame
    period = (first["start_date"], first["end_date"])
    if any((d["start_date"], d["end_date"]) != period
           and not sets_no_period(folded, d, begin, numbers) for d in inside[1:]):
        return None
    return first


# the tail of a clause naming the figures' source before the date (…によると、2023年の)
_SOURCE_TAILS = tuple(word_list("period_frame_source_tails"))


def _names_a_source(lead: str) -> bool:
    """Is the sentence's text before its first date a clause naming where its figures are
    from (``厚生労働省「人口動態統計」によると``; a conjunction may open it)?"""
    return lead.endswith(_SOURCE_TAILS) and "。" not in lead


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


def is_edition_as_of(row: Row) -> bool:
    """A yearless as-of day or month read in the edition's year (``5月28日現在``, flag
    ``publication_year``, role ``as_of``: ``relative_dates.edition_as_of_dates``)."""
    return row.get("flag") == PUBLICATION_YEAR and row.get("role") == "as_of"


def _edition_as_of_period(folded: str, begin: int, end: int, row: Row,
                          dates: list[Row]) -> DateMention | None:
    """The as-of day read in the edition's year that dates the figure ``row`` of the
    sentence ``folded[begin:end]`` as ``figure_period`` reads it with that day among the
    sentence's dates (``…珠洲市111名…の犠牲者が発生した（5月28日現在）``: 2024-05-28 in a
    令和6年版), or None: the figure's period is then an inference (``period_basis =
    edition_year``). Not ``今年度`` and its kin, which date no figure."""
    inferred = [d for d in dates if begin <= d["start"] < end and is_edition_as_of(d)]
    if not inferred:
        return None
    mentions = sentence_mentions(dates, begin, end) + [
        DateMention(**{**{f: d.get(f) for f in _DATE_FIELDS},
                       "start": d["start"] - begin, "end": d["end"] - begin}) for d in inferred]
    mentions.sort(key=lambda mention: mention.start)
    found = figure_period(folded[begin:end], row["start"] - begin, row["end"] - begin,
                          row.get("modifier") or "", row.get("unit") or "", mentions)
    return found if found is not None and found.flag == PUBLICATION_YEAR \
        and found.role == "as_of" and found.start_date and found.end_date else None


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
        OF_DATE.fullmatch(folded, relative.end, start) is not None


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
    relative date inside a sentence does not: ``sets_no_period``) or a day or month the
    date rules left undated, and the figure's sentence no target, forecast or running
    total (``period_carry_stop_words.tsv``); ``edition_year`` for a figure its sentence
    dates only by a yearless as-of day read in the edition's year (``…の犠牲者が発生した
    （5月28日現在）``: ``_edition_as_of_period``, an inference). A duration takes none from
    the paragraph; a relative date opening a sentence (``前年は``) frames nothing."""
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
        edition_as_of = None if row["period_start"] or row["period_end"] or k < 0 \
            else _edition_as_of_period(folded, *bounds[k], row, dates)
        if edition_as_of is not None:   # 珠洲市111名…の犠牲者が発生した（5月28日現在）
            row = {**row, "period_start": edition_as_of.start_date,
                   "period_end": edition_as_of.end_date, "period_basis": EDITION_YEAR}
        elif row["period_start"] or row["period_end"]:
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


def names_other_time(folded: str, date_end: int, end: int) -> bool:
    """The words right after a framing date, within its clause, name a target's or a past
    peak's time (``2030年度の目標は``, ``1984年のピーク時には``:
    ``period_frame_stop_words.tsv``): the date is that time's, no frame for what follows."""
    near = re.split(r"[、。]", folded[date_end:min(end, date_end + _NEAR)], maxsplit=1)[0]
    return any(word in near for word in _FRAME_STOP_WORDS)


# a framing date scoped to Japan's figures (2022年の日本の研究者数は…, 我が国の…)
JAPAN_AFTER = re.compile(r"の(?:日本|我が国|わが国)の")
_PLACE_COLUMNS = ("name_ja", "type", "name_en", "aliases", "code", "source")


@lru_cache(maxsize=1)
def foreign_country_re() -> re.Pattern[str]:
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
    return JAPAN_AFTER.match(folded, frame["end"]) is not None and \
        foreign_country_re().search(folded, begin, end) is not None


def _frames(folded: str, bounds: Sequence[tuple[int, int]], dates: list[Row],
            numbers: list[Row]) -> list[Row | None]:
    """Per sentence, the date framing an earlier one that its figures may take
    (``carry_periods``), or None."""
    takes: list[Row | None] = []
    frame: Row | None = None
    for begin, end in bounds:
        rows = [row for row in numbers if begin <= row["start"] < end]
        dated = any(begin <= d["start"] < end and not sets_no_period(folded, d, begin, rows)
                    for d in dates)
        stopped = dated or frame is None \
            or names_other_times(folded[begin:end]) \
            or _other_country(folded, frame, begin, end)
        takes.append(None if stopped else frame)
        if dated:
            frame = framing_date(folded, begin, end, dates, rows)
            if frame is not None and (names_other_time(folded, frame["end"], end) or any(
                    word in folded[begin:end] for word in FORECAST_WORDS)):
                frame = None   # 2030年度の目標は…, 1984年のピーク時には…, …となる見込み
        elif frame is not None and undated_between(folded, begin, end, []):
            frame = None
    return takes
