"""Columns of a table that are the totals of other columns, checked by their sums.

A table may print its total as a column (``区分 | 総数 | 男性 | 女性``, ``… | 計`` after
the prefectures' columns): summing a row of ``table_cells`` counts it twice. The rows'
rules (``totals.total_breakdowns``) are read across: a column whose head names a total
(``table_total_words.tsv``) is the total of the columns of its group it heads or closes
(or of each breakdown it heads, ``総数 | 男性 | 女性 | 15～29歳 | 30歳以上``) where its
figures are their sums in every row of amounts where they all print one. A group is the
columns under one spanning head (``2022年／計``, ``2022年／男性``), or those sharing a
head under spanning heads (``計／実数``, ``男性／実数``); the columns of a rate or ratio
(``構成比``, ``%``) and the rows of one are left out. No sum, no mark.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.tables.totals import differing_totals, total_breakdowns
from pipeline.tables.values import CellValue, is_ratio_head

SPAN = "／"     # a spanning head and the head under it, as the tables name them


def column_groups(heads: Sequence[str], summed: Sequence[int]) -> list[tuple[list[int], list[str]]]:
    """The groups of columns (of ``summed``, the columns of amounts) a total may be found
    in, each with the part of the heads that names the columns in it: by the spanning
    head (``2022年／計`` → ``計``), then by the head under it (``計／実数`` → ``計``); one
    group of whole heads where no head is spanned."""
    parts = {c: heads[c].split(SPAN) for c in summed}
    if all(len(p) == 1 for p in parts.values()):
        return [(list(summed), [heads[c] for c in summed])] if summed else []
    groups: list[tuple[list[int], list[str]]] = []
    for key, name in ((lambda p: SPAN.join(p[:-1]), lambda p: p[-1]),
                      (lambda p: p[-1], lambda p: SPAN.join(p[:-1]))):
        by_key: dict[str, list[int]] = {}
        for c in summed:
            if len(parts[c]) > 1:
                by_key.setdefault(key(parts[c]), []).append(c)
        groups += [(cols, [name(parts[c]) for c in cols]) for cols in by_key.values()]
    return groups


def summed_rows(labels: Sequence[str], values: Sequence[Sequence[CellValue | None]]) -> list[int]:
    """The rows whose figures may be added across: not a row whose label names a rate or
    ratio (``構成比``: ``table_ratio_heads.tsv``) or with a figure in %."""
    return [r for r, row in enumerate(values)
            if not is_ratio_head(labels[r])
            and not any(v is not None and v.unit == "%" for v in row)]


Across = tuple[list[int], list[str], list[list[CellValue | None]], list[list[str]]]


def read_across(heads: Sequence[str], labels: Sequence[str],
                values: Sequence[Sequence[CellValue | None]], texts: Sequence[Sequence[str]],
                summed: Sequence[int]) -> tuple[list[Across], list[int]]:
    """Each group of columns (``column_groups``) as a table read across: its columns,
    their names, and per column its figures and texts as a row (row r of the table its
    cell r + 1, after the name); with the rows to add across (``summed_rows``)."""
    groups: list[Across] = []
    for cols, names in column_groups(heads, summed):
        across = [[None, *(row[c] for row in values)] for c in cols]
        across_texts = [[name, *(row[c] for row in texts)]
                        for name, c in zip(names, cols, strict=True)]
        groups.append((cols, names, across, across_texts))
    return groups, [r + 1 for r in summed_rows(labels, values)]


def total_columns(heads: Sequence[str], labels: Sequence[str],
                  values: Sequence[Sequence[CellValue | None]],
                  texts: Sequence[Sequence[str]], summed: Sequence[int]) -> list[list[list[int]]]:
    """Per column (0-based), the breakdowns (each a list of columns) whose sums its
    figures are, row by row; empty when none (``totals.total_breakdowns`` read across,
    ``read_across``: the first group that finds one)."""
    found: list[list[list[int]]] = [[] for _ in heads]
    groups, rows = read_across(heads, labels, values, texts, summed)
    for cols, names, across, across_texts in groups:
        within = total_breakdowns(names, [None] * len(cols), across, across_texts, rows)
        for c, parts in zip(cols, within, strict=True):
            if parts and not found[c]:
                found[c] = [[cols[k] for k in part] for part in parts]
    return found


def differing_columns(heads: Sequence[str], labels: Sequence[str],
                      values: Sequence[Sequence[CellValue | None]],
                      texts: Sequence[Sequence[str]], summed: Sequence[int],
                      found: Sequence[Sequence[Sequence[int]]]) -> list[bool]:
    """Per column, whether its head names a total that is the total of no columns
    (``found``: ``total_columns``) though the columns of its group it may be the total
    of print their figures beside it (``totals.differing_totals`` read across)."""
    differs = [False] * len(heads)
    groups, rows = read_across(heads, labels, values, texts, summed)
    for cols, names, across, across_texts in groups:
        for c, flagged in zip(cols, differing_totals(
                names, [None] * len(cols), across, across_texts, rows,
                [found[c] for c in cols]), strict=True):
            differs[c] = differs[c] or (flagged and not found[c])
    return differs
