"""The ``level`` of a text table's rows, from what the text shows: the white space its
row labels open with (``総数`` 0, ``　男性`` 1, ``　　うち非正規`` 2: ``indent_levels``), or,
where every label is set flush, what the rows say: a line marking a breakdown
(``（内訳）``: ``marked_levels``), a total heading the rows it sums and the parts named
as such (``うち女性`` under the row it is a part of: ``flush_levels``). A PDF table's
levels are measured on the page (``from_pdf.row_levels``); where the evidence is
unclear no row has a level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.tables.from_pdf import LEVEL_TOLERANCE
from pipeline.tables.rows import Rebuilt
from pipeline.tables.totals import names_part, names_total
from pipeline.tables.values import CellValue

HALF_STEP = 0.5         # em: a half-width space
MIN_HALF_STEP_ROWS = 2  # rows set in by one half-width space that make it a step


def indent_levels(labels: Sequence[str], indents: Sequence[float | None]) -> list[int | None]:
    """Per row, the indentation level of its label from the ems of white space its source
    line opens with (``indents``): the starts fall into positions (within
    ``LEVEL_TOLERANCE``, so a half-width space, as a PDF's text puts before a line here
    and there, is none; but within a half-width space where ``MIN_HALF_STEP_ROWS`` rows
    are set in by one, ``half_steps``) and the level is the position's rank, 0 the
    leftmost. None for every row where the labels start in fewer than two positions or
    any start is unknown (white space mixing tabs and spaces), and for a label naming a
    total set in right of the leftmost (``　　計``, centred under the rows it sums: no
    sub-category)."""
    levels: list[int | None] = [None] * len(labels)
    if len(labels) < 2 or any(ems is None for ems in indents):
        return levels
    starts = [float(ems or 0.0) for ems in indents]
    leftmost = min(starts)
    centred = {r for r, label in enumerate(labels)
               if names_total(label) and starts[r] - leftmost >= LEVEL_TOLERANCE}
    kept = [s for r, s in enumerate(starts) if r not in centred]
    tolerance = HALF_STEP / 2 if half_steps(kept) else LEVEL_TOLERANCE
    positions: list[float] = []
    for start in sorted(kept):
        if not positions or start - positions[-1] >= tolerance:
            positions.append(start)
    if len(positions) < 2:
        return levels
    for r, start in enumerate(starts):
        if r not in centred:
            levels[r] = max(i for i, p in enumerate(positions) if p <= start + tolerance)
    return levels


def half_steps(starts: Sequence[float]) -> bool:
    """Labels set in by half-width spaces (``総数``, `` 男性``, `` 女性``): ``MIN_HALF_STEP_ROWS``
    rows at least start one half-width space right of the leftmost, so the space is no
    stray one (a PDF's text opens a line with one here and there)."""
    leftmost = min(starts, default=0.0)
    return sum(abs(s - leftmost - HALF_STEP) < 1e-6 for s in starts) >= MIN_HALF_STEP_ROWS


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


def flush_levels(labels: Sequence[str], levels: Sequence[int | None],
                 breakdowns: Sequence[Sequence[Sequence[int]]],
                 values: Sequence[Sequence[CellValue | None]],
                 summed: Sequence[int]) -> list[int | None]:
    """A table whose labels are all set flush (no level), from what its rows say: the
    rows a total heads and sums (``総数`` over ``男性`` and ``女性``, each breakdown of
    ``breakdowns``: ``totals.total_breakdowns``) one level under it, every other row
    that is no part 0, and each part (``うち非正規``) one under the row above it that is
    none (``with_parts``). ``levels`` as they are where any row has one, or where no
    row gets a level over 0 (a flush ``計`` closing the rows above it says nothing of
    them: no level)."""
    if any(level is not None for level in levels):
        return list(levels)
    base = [0] * len(labels)
    for t, found in enumerate(breakdowns):
        for k in (k for rows in found for k in rows if all(r > t for r in rows)):
            base[k] = base[t] + 1
    return _some_level(with_parts(labels, base, values, summed), levels)


def marked_levels(labels: Sequence[str], levels: Sequence[int | None],
                  marked: Sequence[int], values: Sequence[Sequence[CellValue | None]],
                  summed: Sequence[int]) -> list[int | None]:
    """A table whose labels are all set flush (no level) where a line marks a breakdown
    (``（内訳）`` between ``総額`` and ``国費``, ``地方費``: ``marked``, the rows the marks
    stand over): the rows from a mark to the next mark or a row naming a total one level
    under the row right above the mark, every other row that is no part 0, and parts
    placed by ``with_parts``. ``levels`` as they are where any row has one or no mark
    has a row above it."""
    if any(level is not None for level in levels):
        return list(levels)
    base = [0] * len(labels)
    for m in sorted(marked):
        owner = m - 1
        if owner < 0 or names_part(labels[owner]):
            continue
        k = m
        while k < len(labels) and not names_total(labels[k]) and (k == m or k not in marked):
            base[k] = base[owner] + 1
            k += 1
    if not any(base):
        return list(levels)
    return with_parts(labels, base, values, summed)


def _some_level(found: list[int | None], levels: Sequence[int | None]) -> list[int | None]:
    """``found`` where some row is set under another, else ``levels`` as they were."""
    return found if any(level for level in found) else list(levels)


def with_parts(labels: Sequence[str], base: Sequence[int],
               values: Sequence[Sequence[CellValue | None]],
               summed: Sequence[int]) -> list[int | None]:
    """``base`` for the rows that name no part; each part (``うち女性``, ``（再掲）…``:
    ``totals.names_part``) one level under the row above it that is none (parts in a run
    are parts of that one row), if its figures fit in that row's (``fits_in``); else,
    or with no row above it, no level."""
    found: list[int | None] = []
    owner: int | None = None
    for r, label in enumerate(labels):
        if not names_part(label):
            owner = r
            found.append(base[r])
        elif owner is not None and fits_in(values[r], values[owner], summed):
            found.append(base[owner] + 1)
        else:
            found.append(None)
    return found


def fits_in(part: Sequence[CellValue | None], whole: Sequence[CellValue | None],
            summed: Sequence[int]) -> bool:
    """A part's figures are no larger than the row's it is a part of, in every column of
    amounts (``summed``) where both print one in one unit, neither below 0 (a change
    can be either)."""
    for c in summed:
        a, b = part[c], whole[c]
        if a is not None and b is not None and a.unit == b.unit \
                and min(a.value, b.value) >= 0 and a.value > b.value:
            return False
    return True
