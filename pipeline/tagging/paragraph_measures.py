"""Measures read across a paragraph's sentences: a list whose measure the sentence before
announces (``carry_list_measures``; the sentence-level rules are ``measures`` and
``measure_lists``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.common.lexicons import word_list
from pipeline.tagging.dates import DateMention
from pipeline.tagging.measure_lists import announced_measure, announcement, has_breakdown
from pipeline.tagging.measure_nouns import NONE, NOUN, is_measure_noun
from pipeline.tagging.measures import adjacent_measure, bracket_measure
from pipeline.tagging.paragraph_periods import sentence_mentions

Row = dict[str, Any]
_ENTITY_CONFIDENCES = ("high", "medium")   # how an entity before the figure is taken
RUNNING_TEXT = frozenset({"body", "column"})


def _figure_measures(rows: list[Row], folded: str, begin: int) -> dict[str, str]:
    """Unit → the measure every figure of that unit outside brackets has in a sentence
    (``folded``, starting at ``begin`` in the paragraph), when it is one measure noun of
    its own (no の: ``固定通信の割合`` is its entity's); a unit whose figures measure two
    things (売上高は5兆円、営業利益は3,000億円) announces neither."""
    found: dict[str, set[str]] = {}
    for row in rows:
        at = row["start"] - begin
        if folded.count("（", 0, at) == folded.count("）", 0, at):
            measure = row["measure"] or ""
            own = is_measure_noun(measure) and "の" not in measure \
                and row["measure_confidence"] in _ENTITY_CONFIDENCES
            found.setdefault(row["unit"] or "", set()).add(measure if own else "")
    return {unit: measures.pop() for unit, measures in found.items()
            if len(measures) == 1 and "" not in measures}


def carry_list_measures(folded: str, bounds: Sequence[tuple[int, int]], numbers: list[Row],
                        dates: list[Row], where: str, title: str = "") -> list[Row]:
    """The figure rows of one paragraph (``folded``: its folded text; ``bounds``: its
    sentences' offsets; ``dates``: its date rows; ``where``: its kind) with the measure of
    a list whose measure the sentence before announces (a frame, or the measure its figures
    of the same unit share: ``measure_lists.announced_measure``:
    ``主要国における研究者数は、…。その他の国の値をみると、ドイツ（2020年：45.2万人）`` →
    ``研究者数``, ``low``) instead of the entity each figure is given for; in running text
    (body, column) only. A frame that only opens its topic (``待機児童数は、減少している。``)
    announces the measure of a list of two items or more, not of one figure (``保育所は
    約3万か所``). A breakdown's items (``都道府県別にみると、福井県が1.91倍``) after two
    measures in their unit earlier in the paragraph take the one the section's ``title``
    names, else neither (``_unambiguous``)."""
    if where not in RUNNING_TEXT:
        return numbers
    found: list[Row] = []
    for k, (begin, end) in enumerate(bounds):
        rows = [row for row in numbers if begin <= row["start"] < end]
        # an item of a breakdown (部門別にみると、畜産は…) is kept at low
        low = has_breakdown(folded[begin:end])
        if k and any(_given_for_entity(row, low) for row in rows):
            # most sentences have no such figure: the sentences before are read only here
            frame, figures = _announced_before(folded, bounds[:k], found, dates)
            if low:
                figures = _unambiguous(figures, folded, bounds[:k], found, title)
            rows = _announced_list(folded[begin:end], begin, rows,
                                   sentence_mentions(dates, begin, end), frame, figures, low)
        found += rows
    found += [row for row in numbers if not any(b <= row["start"] < e for b, e in bounds)]
    return [row for row in found if not _unnamed_decimal(row)]


def _unnamed_decimal(row: Row) -> bool:
    """A decimal with no unit kept for an item of a breakdown (``沖縄県が1.60``) whose
    measure no sentence named: no value without one."""
    return not row["unit"] and not row.get("kind") and not row["modifier"] \
        and not row.get("range_role") and any(c in row["surface"] for c in ".．") \
        and row["measure_confidence"] == "low" and not is_measure_noun(row["measure"] or "")


_SKIPPED_AT_MOST = 2   # sentences of no figure and no frame read past (これは、…による)


def _announced_before(folded: str, bounds: Sequence[tuple[int, int]], rows: list[Row],
                      dates: list[Row]) -> tuple[tuple[str, bool], dict[str, str]]:
    """The frame and unit → measure the sentence before announces (``bounds``: the
    sentences before, ``rows``: their figure rows). A sentence with neither, one that
    explains the figures before it (``…5.3％減少した。これは、…によるものである。一方、
    運輸部門は約1億9,200万トン``), is read past, up to ``_SKIPPED_AT_MOST`` of them."""
    frame: tuple[str, bool] = ("", False)
    figures: dict[str, str] = {}
    for begin, end in list(reversed(bounds))[:_SKIPPED_AT_MOST + 1]:
        text = folded[begin:end]
        frame = announcement(text, sentence_mentions(dates, begin, end))
        own = [row for row in rows if begin <= row["start"] < end]
        figures = {unit: item for unit, measure in _figure_measures(own, text, begin).items()
                   if (item := _of_aggregate(text, measure))}
        if frame[0] or own:
            break
    return frame, figures


# heads of a measure of an aggregate over items (平均額, 合計): measure_aggregate_heads.tsv
_AGGREGATE_HEADS = tuple(word_list("measure_aggregate_heads"))
_OF_AGGREGATE = re.compile(rf"(?P<m>{NOUN})の$")


def _of_aggregate(text: str, measure: str) -> str:
    """The measure a list of items after a sentence announcing ``measure`` takes: for an
    aggregate over items written ``AのX`` (``地域別最低賃金の全国加重平均額は1,004円``:
    ``measure_aggregate_heads.tsv``), A, each item's own (``最も高い東京都は1,113円``),
    or '' when no measure noun A is named (an item is no average); else ``measure``."""
    if not measure.endswith(_AGGREGATE_HEADS):
        return measure
    at = text.find("の" + measure)
    match = _OF_AGGREGATE.search(text, max(0, at - 30), at + 1) if at >= 0 else None
    noun = match.group("m") if match is not None else ""
    return noun if is_measure_noun(noun) else ""


def _unambiguous(figures: dict[str, str], folded: str, bounds: Sequence[tuple[int, int]],
                 rows: list[Row], title: str) -> dict[str, str]:
    """``figures`` (unit → the measure the sentence before announces) without a unit whose
    figures in the paragraph's sentences before (``bounds``, ``rows``) measure another
    thing too (``有効求人倍率は1.29倍…。新規求人倍率は2.26倍…。都道府県別にみると、福井県が
    1.91倍``: either may be broken down), unless the section's ``title`` names exactly one
    of them (``有効求人倍率の動向``): that one."""
    seen: dict[str, set[str]] = {}
    for begin, end in bounds:
        own = [row for row in rows if begin <= row["start"] < end]
        for unit, measure in _figure_measures(own, folded[begin:end], begin).items():
            seen.setdefault(unit, set()).add(measure)
    kept = {}
    for unit, measure in figures.items():
        named = sorted(m for m in seen.get(unit, {measure}) | {measure} if m in title)
        if len(seen.get(unit, {measure}) | {measure}) == 1:
            kept[unit] = measure
        elif len(named) == 1:
            kept[unit] = named[0]
    return kept


def _given_for_entity(row: Row, low: bool = False) -> bool:
    """May the figure's measure be the entity it is given for (``ドイツ（45.2万人）``; at
    ``low`` too, with ``low``: an item of a breakdown)?"""
    return bool(row["measure"]) and (row["measure_confidence"] in _ENTITY_CONFIDENCES
                                     or low and row["measure_confidence"] == "low") \
        and not is_measure_noun(row["measure"])


def _announced_list(text: str, begin: int, rows: list[Row], dates: list[DateMention],
                    frame: tuple[str, bool], figures: dict[str, str],
                    low: bool = False) -> list[Row]:
    """The rows of one sentence (``text``, at ``begin`` in the paragraph) with the
    measure the sentence before announces (``frame``: a measure noun and whether it opens
    a list for sure; ``figures``: unit → measure) for the entities' figures of a list."""
    if not (frame[0] or figures):
        return rows
    starts = frozenset(row["start"] - begin for row in rows)
    window, changed = 0, NONE
    done: list[Row] = []
    by_frame = 0   # figures given the frame's measure
    inherited = ""   # the measure the figure before had, which a comparison after it takes
    for row in rows:
        start = row["start"] - begin
        taken, inherited = inherited, row["measure"]
        if changed.text and (row.get("range_role") == "high" or taken and (
                row["measure"] == taken and row["measure_confidence"] == "medium")):
            # a range's high end, or a comparison that took the figure before's measure
            # (このうち農産物は9,059億円で、前年比2.4％増: 農産物's figure is of 輸出額)
            row = {**row, "measure": changed.text, "measure_confidence": changed.confidence}
        elif _given_for_entity(row, low):
            entity = adjacent_measure(text, start, dates, window)
            entity = entity if entity.text else bracket_measure(text, start, window, dates)
            unit = row["unit"] or ""
            measure = figures.get(unit, frame[0])
            changed = announced_measure(text, start, entity, starts, measure,
                                        row.get("kind") or "", unit) \
                if entity.text == row["measure"] else NONE
            if changed.text:
                by_frame += unit not in figures
                row = {**row, "measure": changed.text, "measure_confidence": changed.confidence}
        else:
            changed = NONE
        window = row["end"] - begin
        done.append(row)
    if by_frame == 1 and not frame[1]:
        # 待機児童数は、減少している。保育所は約3万か所: a topic, and one figure of another
        return [d if (d["unit"] or "") in figures else o for d, o in zip(done, rows, strict=True)]
    return done
