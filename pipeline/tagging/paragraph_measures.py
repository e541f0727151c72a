"""Measures read across a paragraph's sentences: a list whose measure the sentence before
announces (``carry_list_measures``; the sentence-level rules are ``measures`` and
``measure_lists``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.tagging.figure_periods import sentence_mentions
from pipeline.tagging.measure_lists import announced_measure, announcement
from pipeline.tagging.measure_nouns import NONE, is_measure_noun
from pipeline.tagging.measures import adjacent_measure, bracket_measure

Row = dict[str, Any]
_ENTITY_CONFIDENCES = ("high", "medium")   # how an entity before the figure is taken
_RUNNING_TEXT = frozenset({"body", "column"})


def _last_figure(rows: list[Row], folded: str) -> tuple[str, str]:
    """(unit, measure) of a sentence's last figure outside brackets, when its measure is a
    measure noun of its own (no の: ``固定通信の割合`` is its entity's)."""
    for row in reversed(rows):
        if folded.count("（", 0, row["start"]) == folded.count("）", 0, row["start"]):
            measure = row["measure"] or ""
            if is_measure_noun(measure) and "の" not in measure \
                    and row["measure_confidence"] in _ENTITY_CONFIDENCES:
                return row["unit"] or "", measure
            return "", ""
    return "", ""


def carry_list_measures(folded: str, bounds: Sequence[tuple[int, int]], numbers: list[Row],
                        dates: list[Row], where: str) -> list[Row]:
    """The figure rows of one paragraph (``folded``: its folded text; ``bounds``: its
    sentences' offsets; ``dates``: its date rows; ``where``: its kind) with the measure of
    a list whose measure the sentence before announces (``measure_lists.announced_measure``:
    ``主要国における研究者数は、…。その他の国の値をみると、ドイツ（2020年：45.2万人）`` →
    ``研究者数``, ``low``) instead of the entity each figure is given for; in running text
    (body, column) only."""
    if where not in _RUNNING_TEXT:
        return numbers
    found: list[Row] = []
    announced, last = "", ("", "")
    for begin, end in bounds:
        rows = [row for row in numbers if begin <= row["start"] < end]
        text = folded[begin:end]
        sentence_dates = sentence_mentions(dates, begin, end)
        starts = frozenset(row["start"] - begin for row in rows)
        window, changed = 0, NONE
        done: list[Row] = []
        for row in rows:
            start = row["start"] - begin
            if row.get("range_role") == "high" and changed.text:
                row = {**row, "measure": changed.text, "measure_confidence": changed.confidence}
            elif row["measure"] and row["measure_confidence"] in _ENTITY_CONFIDENCES \
                    and (announced or last[1]):
                entity = adjacent_measure(text, start, sentence_dates, window)
                entity = entity if entity.text else bracket_measure(text, start, window,
                                                                    sentence_dates)
                measure = last[1] if last[1] and last[0] == (row["unit"] or "") else announced
                changed = announced_measure(text, start, entity, starts, measure,
                                            row.get("kind") or "") \
                    if entity.text == row["measure"] else NONE
                if changed.text:
                    row = {**row, "measure": changed.text,
                           "measure_confidence": changed.confidence}
            else:
                changed = NONE
            window = row["end"] - begin
            done.append(row)
        found += done
        announced, last = announcement(text, sentence_dates), _last_figure(done, text)
    found += [row for row in numbers if not any(b <= row["start"] < e for b, e in bounds)]
    return found
