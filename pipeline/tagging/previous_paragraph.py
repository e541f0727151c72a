"""The period of a figure whose year is printed only in the previous paragraph
(``令和5年の貿易収支は…。`` / ``その内訳をみると、輸出は100兆8,738億円…``): a body paragraph with no
date of its own that opens by referring back (``period_previous_paragraph_openers.tsv``)
takes, for its undated figures, the one date framing the previous body paragraph of its
section, the date that paragraph's own figures were dated by (``period_basis
previous_paragraph``). The caller (``stage.tag_docs``) keeps the frame only from one body
paragraph to the next of one section: a heading, a figure, table, column or note
paragraph between drops it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from pipeline.common.lexicons import word_list
from pipeline.tagging.paragraph_periods import (
    FORECAST_WORDS,
    IN_PARAGRAPH,
    IN_SENTENCE,
    JAPAN_AFTER,
    foreign_country_re,
    names_other_time,
    names_other_times,
    sets_no_period,
)

Row = dict[str, Any]
PREVIOUS_PARAGRAPH = "previous_paragraph"
BODY = "body"
_SPAN = 12   # at most so many characters for the … of an opener (これを産業別にみると)


class ParagraphFrame(NamedTuple):
    """The period framing a body paragraph, and whether it is scoped to Japan's figures
    (``2022年の日本の…は``: another country's figures after it are not of that year)."""
    start_date: Any
    end_date: Any
    japan_only: bool


# the previous paragraph's frame, read on demand (``paragraph_frame`` with its arguments)
FrameOf = Callable[[], ParagraphFrame | None]


@lru_cache(maxsize=1)
def _opener_re() -> re.Pattern[str]:
    """The openers of ``period_previous_paragraph_openers.tsv`` at a paragraph's start, …
    standing for a few characters of the opening clause."""
    gap = f"[^、。]{{1,{_SPAN}}}"
    return re.compile("|".join(gap.join(re.escape(part) for part in word.split("…"))
                               for word in word_list("period_previous_paragraph_openers")))


def refers_back(folded: str) -> bool:
    """Does the paragraph open by referring back to the one before it (``その内訳をみると``,
    ``このうち``, ``これを産業別にみると``)?"""
    return _opener_re().match(folded.lstrip()) is not None


def paragraph_frame(folded: str, bounds: Sequence[tuple[int, int]], numbers: list[Row],
                    dates: list[Row], where: str) -> ParagraphFrame | None:
    """The one period framing the body paragraph ``folded``: its figures dated in it
    (``period_basis`` sentence or paragraph) are all of that period, every date of the
    paragraph that sets a period is of it (not a base, ``2016年度より増加し、2017年度は、
    3兆9,337億円``), and no sentence holding it names a target's or forecast's time; None
    otherwise (two competing frames: ``2021年の…は83兆円、2022年の…は98兆円``)."""
    if where != BODY:
        return None
    periods = {(row["period_start"], row["period_end"]) for row in numbers
               if row.get("period_basis") in (IN_SENTENCE, IN_PARAGRAPH)}
    if len(periods) != 1:
        return None
    period = periods.pop()
    framing: Row | None = None
    for date in dates:
        if date.get("role") == "citation":
            continue
        begin, end = _sentence_of(bounds, date["start"], len(folded))
        rows = [row for row in numbers if begin <= row["start"] < end]
        if (date["start_date"], date["end_date"]) == period:
            if names_other_time(folded, date["end"], end) or any(
                    word in folded[begin:end] for word in FORECAST_WORDS):
                return None   # 2030年度の目標は…, …となる見込み
            framing = framing if framing is not None else date
        elif not sets_no_period(folded, date, begin, rows):
            return None   # another period: competing frames
    if framing is None:
        return None
    return ParagraphFrame(*period, JAPAN_AFTER.match(folded, framing["end"]) is not None)


def _sentence_of(bounds: Sequence[tuple[int, int]], at: int, length: int) -> tuple[int, int]:
    """The bounds of the sentence holding the offset ``at``."""
    return next(((begin, end) for begin, end in bounds if begin <= at < end), (0, length))


def carry_previous_frame(folded: str, bounds: Sequence[tuple[int, int]], numbers: list[Row],
                         dates: list[Row], where: str,
                         frame_of: FrameOf | None) -> list[Row]:
    """The figure rows of a body paragraph with no date of its own that opens by referring
    back (``refers_back``), its undated figures given the frame of the previous body
    paragraph (``frame_of``: its ``paragraph_frame``, read only here; ``period_basis
    previous_paragraph``), up to a sentence naming a target,
    forecast or other time (``period_carry_stop_words.tsv``) or, for a frame of Japan's
    figures, another country; durations take none. Other paragraphs' rows unchanged."""
    if frame_of is None or where != BODY or dates or not refers_back(folded):
        return numbers
    frame = frame_of()
    if frame is None:
        return numbers
    found: list[Row] = []
    stopped_at = len(folded)
    for begin, end in bounds:
        sentence = folded[begin:end]
        if names_other_times(sentence) or frame.japan_only and \
                foreign_country_re().search(sentence) is not None:
            stopped_at = begin
            break
    for row in numbers:
        if row["start"] < stopped_at and row.get("kind") != "duration" \
                and not (row["period_start"] or row["period_end"]):
            row = {**row, "period_start": frame.start_date, "period_end": frame.end_date,
                   "period_basis": PREVIOUS_PARAGRAPH}
        found.append(row)
    return found
