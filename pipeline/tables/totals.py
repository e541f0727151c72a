"""Rows of a table that are the totals of other rows, checked by their sums.

Summing a column of ``table_cells`` counts a total twice when its addends are rows of
the same table (``総数`` over ``男性`` and ``女性``, ``計`` under the prefectures). A row is
a total only on two kinds of evidence together: the table's shape says which rows it
may sum (the rows set in one level under it, ``level``; or, for a label that names a
total, ``table_total_words.tsv``, the rows of its level it closes or heads, or those set
one level under it that it closes; never a row
that names a part, ``うち女性``: ``table_part_marks.tsv``), and its
figures are those rows' sums, within the rounding of the printed figures, in every
column of amounts where they all print one (``total_rows``; an addend's dash for nil,
``－``, adds nothing: ``table_nil_marks.tsv``). A rate or ratio column
(``前年比``, ``構成比``, a column in ``%``) is not summed. No such evidence, no mark: a
wrong total is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_nfkc
from pipeline.tables.values import CellValue

MIN_ADDENDS = 2      # a row equal to one other row is no evidence of a sum


@cache
def total_words() -> frozenset[str]:
    return frozenset(fold_nfkc(w) for w in word_list("table_total_words"))


def names_total(label: str) -> bool:
    """The row label says the row is a total (``計``, ``合　計``, ``総数``)."""
    return re.sub(r"\s+", "", fold_nfkc(label or "")) in total_words()


@cache
def part_marks() -> tuple[str, ...]:
    return tuple(fold_nfkc(w) for w in word_list("table_part_marks"))


def names_part(label: str) -> bool:
    """The row label names a part of the row above it, no addend (``うち女性``,
    ``（再掲）65歳以上``: ``table_part_marks.tsv``)."""
    return re.sub(r"[\s()\[\]【】]", "", fold_nfkc(label or "")).startswith(part_marks())


def children(labels: Sequence[str], levels: Sequence[int | None], i: int) -> list[int]:
    """The rows set one level under row ``i`` (deeper rows between them and parts,
    ``names_part``, left out), up to the next row at ``i``'s level or above, or one with
    no level."""
    level = levels[i]
    if level is None:
        return []
    found = []
    for k in range(i + 1, len(levels)):
        below = levels[k]
        if below is None or below <= level:
            break
        if below == level + 1 and not names_part(labels[k]):
            found.append(k)
    return found


def peers(labels: Sequence[str], levels: Sequence[int | None], i: int, step: int,
          headings: frozenset[int] = frozenset()) -> list[int]:
    """The rows of row ``i``'s level it closes (``step`` -1: those above it) or heads
    (``step`` 1: those below it), up to another total, a row at a lower level, a
    heading row (``headings``: a label and no cell beside it, ``【歳入】``), or the
    table's edge; rows set deeper and parts (``names_part``) are left out."""
    level = levels[i]
    found = []
    k = i + step
    while 0 <= k < len(labels) and not names_total(labels[k]) and k not in headings:
        other = levels[k]
        if level is not None and (other is None or other < level):
            break
        if other == level and not names_part(labels[k]):
            found.append(k)
        k += step
    return sorted(found)


def closed_children(labels: Sequence[str], levels: Sequence[int | None], i: int) -> list[int]:
    """The rows set one level under row ``i`` right above it (``　北海道``, ``　青森`` over a
    flush ``計``), up to a row at ``i``'s level or above, or one with no level; deeper
    rows and parts (``names_part``) left out."""
    level = levels[i]
    if level is None:
        return []
    found = []
    for k in range(i - 1, -1, -1):
        above = levels[k]
        if above is None or above <= level:
            break
        if above == level + 1 and not names_part(labels[k]):
            found.append(k)
    return sorted(found)


def totals_above(labels: Sequence[str], levels: Sequence[int | None], i: int) -> list[int]:
    """The rows above row ``i`` at its level whose labels name a total too (the
    ``小計`` rows a ``合計`` adds up), up to a row at a lower level."""
    level = levels[i]
    found = []
    for k in range(i - 1, -1, -1):
        other = levels[k]
        if level is not None and (other is None or other < level):
            break
        if other == level and names_total(labels[k]):
            found.append(k)
    return sorted(found)


@cache
def nil_marks() -> frozenset[str]:
    return frozenset(fold_nfkc(w) for w in word_list("table_nil_marks"))


def addend_value(value: CellValue | None, text: str, total: CellValue) -> CellValue | None:
    """An addend's figure, or nothing (0, in the total's unit) where it prints a dash for
    nil (``－``: ``table_nil_marks.tsv``); None where it prints no figure otherwise
    (``…``, ``x``: the sum is not known)."""
    if value is None and fold_nfkc(text).strip() in nil_marks():
        return CellValue(0.0, total.unit)
    return value


def _decimals(text: str) -> int:
    found = re.search(r"[.．](\d+)", text)
    return len(found.group(1)) if found else 0


def columns_to_add(i: int, addends: Sequence[int], values: Sequence[Sequence[CellValue | None]],
                   texts: Sequence[Sequence[str]], summed: Sequence[int],
                   ) -> Iterator[tuple[int, CellValue, list[CellValue]]]:
    """The columns of ``summed`` where row ``i`` and every one of the ``addends`` print a
    figure (or an addend a dash for nil: ``addend_value``), with the total and the
    addends' values there."""
    for c in summed:
        total = values[i][c]
        if total is None:
            continue
        parts = [addend_value(values[k][c], texts[k][c], total) for k in addends]
        if all(p is not None for p in parts):
            yield c, total, [p for p in parts if p is not None]


def sums_agree(i: int, addends: Sequence[int], values: Sequence[Sequence[CellValue | None]],
               texts: Sequence[Sequence[str]], summed: Sequence[int]) -> bool:
    """Row ``i``'s figures are the sums of the ``addends``' in every column of ``summed``
    where all of them print one (and in one column at least): closer than half a unit
    of the last printed decimal for each figure added and the total (each was rounded;
    exact counts add up exactly). An addend's dash for nil adds nothing
    (``addend_value``); a column where fewer than ``MIN_ADDENDS`` addends print a
    figure must agree too, but proves no sum (a total equal to one row is none)."""
    checked = 0
    for c, total, parts in columns_to_add(i, addends, values, texts, summed):
        if any(v.unit != total.unit for v in parts):
            return False
        printed = [k for k in addends if values[k][c] is not None]
        decimals = max(_decimals(texts[k][c]) for k in (i, *printed))
        slack = 0.5 * 10 ** -decimals * (len(printed) + 1) - 1e-9
        if abs(sum(p.value for p in parts) - total.value) >= slack:
            return False
        checked += len(printed) >= MIN_ADDENDS
    return checked > 0


def summed_columns(values: Sequence[Sequence[CellValue | None]], ratio: Sequence[bool],
                   units: Sequence[str]) -> list[int]:
    """The columns whose figures may be added: not the first (the row labels), not a rate
    or ratio (``ratio``: its head says so; or its unit, the column's or the cells', is %)."""
    width = len(ratio)
    return [c for c in range(1, width) if not ratio[c] and units[c] != "%"
            and not any((value := row[c]) is not None and value.unit == "%"
                        for row in values)]


def total_rows(labels: Sequence[str], levels: Sequence[int | None],
               values: Sequence[Sequence[CellValue | None]], texts: Sequence[Sequence[str]],
               summed: Sequence[int]) -> list[list[int]]:
    """Per row, the rows (0-based) whose sums its figures are (empty when none): the
    first breakdown of ``total_breakdowns``."""
    return [found[0] if found else []
            for found in total_breakdowns(labels, levels, values, texts, summed)]


def total_breakdowns(labels: Sequence[str], levels: Sequence[int | None],
                     values: Sequence[Sequence[CellValue | None]],
                     texts: Sequence[Sequence[str]], summed: Sequence[int],
                     ) -> list[list[list[int]]]:
    """Per row, the breakdowns (each a list of 0-based rows) whose sums its figures are
    (empty when none): the rows set one level under it, or, for a row whose label names
    a total, the rows of its level it closes, else those it heads (a heading row, a
    label with every cell beside it blank, ends either run), else the totals of its
    level above it (``合計`` under two ``小計``), else the rows set one level under it
    right above it (``計`` under ``　北海道``, ``　青森``) (``MIN_ADDENDS`` at least); else
    each of two breakdowns or more in a run: of the rows set one level under it
    (``総数`` over ``　男性``, ``　女性``, ``　15～64歳``, ``　65歳以上``), or, for a total, of
    the rows of its level it heads (``breakdowns``)."""
    headings = heading_rows(labels, texts)
    found: list[list[list[int]]] = []
    for i in range(len(labels)):
        one = next((rows for rows in total_candidates(labels, levels, i, headings)
                    if len(rows) >= MIN_ADDENDS
                    and sums_agree(i, rows, values, texts, summed)), [])
        found.append([one] if one else [])
        if not one:
            found[-1] = breakdowns(i, children(labels, levels, i), values, texts, summed)
        if not found[-1] and names_total(labels[i]):
            found[-1] = breakdowns(i, peers(labels, levels, i, 1, headings),
                                   values, texts, summed)
    return found


def total_candidates(labels: Sequence[str], levels: Sequence[int | None], i: int,
                     headings: frozenset[int]) -> list[list[int]]:
    """The runs of rows row ``i`` may be the total of, by the table's shape, in the
    order ``total_breakdowns`` tries them."""
    candidates = [children(labels, levels, i)]
    if names_total(labels[i]):
        candidates += [peers(labels, levels, i, -1, headings),
                       peers(labels, levels, i, 1, headings),
                       totals_above(labels, levels, i), closed_children(labels, levels, i)]
    return candidates


def heading_rows(labels: Sequence[str], texts: Sequence[Sequence[str]]) -> frozenset[int]:
    """Rows of a label and no cell beside it (``【歳入】``)."""
    return frozenset(k for k, row in enumerate(texts)
                     if labels[k].strip() and not any(t.strip() for t in row[1:]))


def differing_totals(labels: Sequence[str], levels: Sequence[int | None],
                     values: Sequence[Sequence[CellValue | None]],
                     texts: Sequence[Sequence[str]], summed: Sequence[int],
                     found: Sequence[Sequence[Sequence[int]]]) -> list[bool]:
    """Per row, whether its label names a total (``計``) that is the total of no rows
    (``found``: ``total_breakdowns``) though some run it may be the total of
    (``total_candidates``, ``MIN_ADDENDS`` rows at least) prints every figure of a
    column of amounts beside it (``checkable``), and no part of a run next to it sums
    to it either (``総数`` over ``男性``, ``女性`` then ``平均年齢``: no sum of the whole
    run, but one of its first rows): a total whose sum the table shows and that does
    not add up, to be flagged, never marked."""
    headings = heading_rows(labels, texts)
    flags = []
    for i in range(len(labels)):
        runs = [rows for rows in total_candidates(labels, levels, i, headings)
                if len(rows) >= MIN_ADDENDS] if names_total(labels[i]) and not found[i] else []
        flags.append(any(checkable(i, rows, values, texts, summed) for rows in runs)
                     and not any(sums_agree(i, part, values, texts, summed)
                                 for rows in runs for part in end_runs(rows)))
    return flags


def end_runs(rows: Sequence[int]) -> list[list[int]]:
    """The runs of ``MIN_ADDENDS`` of ``rows`` or more from either end (the first rows
    a total heads, the last it closes)."""
    return [list(part) for k in range(MIN_ADDENDS, len(rows))
            for part in (rows[:k], rows[-k:])]


def checkable(i: int, addends: Sequence[int], values: Sequence[Sequence[CellValue | None]],
              texts: Sequence[Sequence[str]], summed: Sequence[int]) -> bool:
    """Row ``i``'s figures look meant as the sums of the ``addends``': in some column of
    ``summed`` it and every one of them print a figure (or a dash for nil), and in each
    such column of figures none below 0 it is no smaller than any of them (an average,
    ``全国`` over the prefectures' ages or shares, is not flagged as a sum that differs)."""
    compared = 0
    for _, total, parts in columns_to_add(i, addends, values, texts, summed):
        figures = [p.value for p in parts]
        if min([total.value, *figures]) >= 0 and total.value < max(figures, default=0.0):
            return False
        compared += 1
    return compared > 0


def breakdowns(i: int, below: Sequence[int], values: Sequence[Sequence[CellValue | None]],
               texts: Sequence[Sequence[str]], summed: Sequence[int]) -> list[list[int]]:
    """The breakdowns a total heads, printed flush one after the other (``総数`` over
    ``男性``, ``女性``, then ``15～29歳``, ``30歳以上``): ``below`` cut into runs of
    ``MIN_ADDENDS`` rows at least, each summing to row ``i``, two runs at least and
    every row in one (the shortest first run that lets the rest be cut so); none when
    no such cut exists."""
    def cut(rest: Sequence[int]) -> list[list[int]] | None:
        if not rest:
            return []
        for end in range(MIN_ADDENDS, len(rest) + 1):
            if len(rest) - end and len(rest) - end < MIN_ADDENDS:
                continue
            if sums_agree(i, rest[:end], values, texts, summed):
                tail = cut(rest[end:])
                if tail is not None:
                    return [list(rest[:end]), *tail]
        return None

    found = cut(below)
    return found if found and len(found) >= 2 else []


def breakdown_ranges(found: Sequence[Sequence[int]]) -> str:
    """Breakdowns as ``row_ranges`` joined by ``;`` (``2-3;4-6``: 総数 is the sum of rows
    2-3, and of rows 4-6 too); empty for none."""
    return ";".join(row_ranges(rows) for rows in found)


def row_ranges(rows: Sequence[int]) -> str:
    """Row numbers (from 1) of 0-based ``rows``, runs joined: ``2-3``, ``2,4``."""
    numbers = [r + 1 for r in sorted(rows)]
    parts: list[str] = []
    start = prev = None
    for n in [*numbers, None]:
        if start is not None and prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ",".join(parts)
