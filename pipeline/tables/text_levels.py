"""The ``level`` of a text table's rows, from what the text shows: the white space its
row labels open with (``総数`` 0, ``　男性`` 1, ``　　うち非正規`` 2: ``indent_levels``), or,
where every label is set flush, the parts named as such (``うち女性`` under the row it
is a part of: ``part_levels``). A PDF table's levels are measured on the page
(``from_pdf.row_levels``); where the evidence is unclear no row has a level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.tables.from_pdf import LEVEL_TOLERANCE
from pipeline.tables.rows import Rebuilt
from pipeline.tables.totals import names_part, names_total


def indent_levels(labels: Sequence[str], indents: Sequence[float | None]) -> list[int | None]:
    """Per row, the indentation level of its label from the ems of white space its source
    line opens with (``indents``): the starts fall into positions (within
    ``LEVEL_TOLERANCE``, so a half-width space, as a PDF's text puts before a page's
    first line, is none) and the level is the position's rank, 0 the leftmost. None for
    every row where the labels start in fewer than two positions or any start is
    unknown (a tab), and for a label naming a total set in right of the leftmost
    (``　　計``, centred under the rows it sums: no sub-category)."""
    levels: list[int | None] = [None] * len(labels)
    if len(labels) < 2 or any(ems is None for ems in indents):
        return levels
    starts = [float(ems or 0.0) for ems in indents]
    leftmost = min(starts)
    centred = {r for r, label in enumerate(labels)
               if names_total(label) and starts[r] - leftmost >= LEVEL_TOLERANCE}
    positions: list[float] = []
    for start in sorted(s for r, s in enumerate(starts) if r not in centred):
        if not positions or start - positions[-1] >= LEVEL_TOLERANCE:
            positions.append(start)
    if len(positions) < 2:
        return levels
    for r, start in enumerate(starts):
        if r not in centred:
            levels[r] = max(i for i, p in enumerate(positions) if p <= start + LEVEL_TOLERANCE)
    return levels


def with_indent_levels(rebuilt: Rebuilt) -> Rebuilt:
    """A text table's rows with the ``indent_levels`` of their labels (the first line of
    each row's first cell); as it was when no row has one."""
    rows = rebuilt.rows
    labels = [row.cells[0].values[0] if row.cells else "" for row in rows]
    indents = [row.cells[0].lines[0].indent if row.cells and row.cells[0].lines else None
               for row in rows]
    levels = indent_levels(labels, indents)
    if all(level is None for level in levels):
        return rebuilt
    return replace(rebuilt, rows=tuple(replace(row, level=level)
                                       for row, level in zip(rows, levels, strict=True)))


def part_levels(labels: Sequence[str], levels: Sequence[int | None],
                totals: Sequence[Sequence[int]]) -> list[int | None]:
    """A table whose labels are all set flush (no level) with rows naming a part
    (``うち女性``, ``（うち女性）``, ``（再掲）…``: ``totals.names_part``): each part one level
    under the row above it that is none (rows of parts in a run are parts of that one
    row), every other row 0. A part is left with no level where that row is one of the
    rows a total above it sums (``総数`` over ``男性`` and ``女性``, then ``うち非正規``: a part
    of 女性 or of 総数, which a flush table does not say), or where no row stands above
    it. ``levels`` as they are where any row has one, or no part gets a level."""
    if any(level is not None for level in levels):
        return list(levels)
    summed_below = {k for i, rows in enumerate(totals) for k in rows if i < k}
    found: list[int | None] = [None if names_part(label) else 0 for label in labels]
    owner: int | None = None
    for r, label in enumerate(labels):
        if not names_part(label):
            owner = r
        elif owner is not None and owner not in summed_below:
            found[r] = 1
    if not any(level == 1 for level in found):
        return list(levels)
    return found
