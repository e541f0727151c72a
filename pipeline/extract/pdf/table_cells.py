"""A table found on a page → its record: the cell boxes of pdfplumber's grid in
points from the page's top-left (``table_to_grid``), each cell's glyphs
(``grid_to_cells``) and text (``grid_to_rows``: ``table_cell_text``), merged and cut
cells, where each row's label is printed (``label_spans``); a table set sideways or
with too few rows or columns of text is none (``table_record``). A table ruled across
only (``hrule_tables``) comes with its cells and becomes a record the same way
(``hrule_record``).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.glyph_index import GlyphIndex, glyphs_in_band
from pipeline.extract.pdf.hrule_tables import HRuleTable
from pipeline.extract.pdf.table_cell_text import (
    cell_line_to_text,
    chars_to_cell_text,
    chars_to_lines,
)
from pipeline.extract.pdf.table_settings import TableFinderSettings

BBox = tuple[float, float, float, float]
X0, X1, TOP, BOTTOM = (attrgetter(edge) for edge in ("x0", "x1", "top", "bottom"))


def crosses_border(chars: Sequence[Char], box: BBox, slack: float) -> bool:
    """Some glyph reaches out of ``box`` by more than ``slack`` on some side: the four
    outermost edges of the glyphs against the box's, not each glyph's four."""
    return (min(map(X0, chars)) < box[0] - slack or max(map(X1, chars)) > box[2] + slack
            or min(map(TOP, chars)) < box[1] - slack or max(map(BOTTOM, chars)) > box[3] + slack)


def shift_box(box: Sequence[float], origin: tuple[float, float]) -> BBox:
    """A pdfplumber box moved to coordinates from the page's top-left (``origin``)."""
    return (round(box[0] - origin[0], 2), round(box[1] - origin[1], 2),
            round(box[2] - origin[0], 2), round(box[3] - origin[1], 2))


def table_to_grid(table: Any, origin: tuple[float, float]) -> list[list[BBox | None]]:
    """A pdfplumber table's rows of cell boxes (``None`` where no cell starts)."""
    return [[None if cell is None else shift_box(cell, origin) for cell in row.cells]
            for row in table.rows]


def column_edges(grid: Sequence[Sequence[BBox | None]]) -> list[float]:
    """The x positions of the table's column rules, left to right."""
    return sorted({x for row in grid for box in row if box is not None for x in (box[0], box[2])})


def grid_to_merged(grid: Sequence[Sequence[BBox | None]]) -> list[list[int]]:
    """``[row, col, from_row, from_col]`` for each slot a merged cell covers."""
    placed = [(r, c, box) for r, row in enumerate(grid) for c, box in enumerate(row)
              if box is not None]
    xs = sorted({box[0] for _, _, box in placed})
    merged = []
    for r, row in enumerate(grid):
        y = next(b[1] for b in row if b is not None) + 1.0
        for c in (c for c, box in enumerate(row) if box is None):
            x = xs[c] + 1.0
            merged += [[r, c, fr, fc] for fr, fc, b in placed
                       if b[0] <= x <= b[2] and b[1] <= y <= b[3]][:1]
    return merged


Cells = list[list[list[Char] | None]]   # per row, per cell: its glyphs (None: merged away)


def grid_to_cells(grid: Sequence[Sequence[BBox | None]], index: GlyphIndex) -> Cells:
    """Each cell's glyphs: those of the page (``index``) whose middle it holds, in the
    page's order."""
    # the glyphs of a row's band first (``glyphs_in_band``), each cell then looks at a
    # row, not the table: not a scan of the table's glyphs per row, which grows with
    # rows × glyphs (0.7 % of mlit-kinki-road-ch1's extract instructions, callgrind);
    # the page's index, not one of the table's glyphs made per table: every cell lies
    # in the table's box (mlit-kinki-road-ch1's extract 5,577 → 5,552 M instructions)
    cells: Cells = []
    for row in grid:
        boxes = [box for box in row if box is not None]
        top = min((b[1] for b in boxes), default=0.0)
        bottom = max((b[3] for b in boxes), default=-1.0)
        cells.append(row_to_cells(row, glyphs_in_band(index, top, bottom)))
    return cells


def row_to_cells(row: Sequence[BBox | None], band: Sequence[Char]) -> list[list[Char] | None]:
    """Each box's glyphs among those of its row's ``band`` (those whose middle lies in
    the box, its edges too), in the band's order: the band sorted by the glyphs' middle
    across once, each box takes its span of it by bisection, not a test of every glyph
    of the row per cell (mlit-kinki-road-ch1's extract 6,573 → 6,501 M instructions,
    callgrind)."""
    across = [(c.x0 + c.x1) / 2 for c in band]     # each one's xmid, with no property call
    order = sorted(range(len(band)), key=across.__getitem__)
    keys = [across[i] for i in order]
    cells: list[list[Char] | None] = []
    for box in row:
        if box is None:
            cells.append(None)
            continue
        span = sorted(order[bisect.bisect_left(keys, box[0]):bisect.bisect_right(keys, box[2])])
        cells.append([band[i] for i in span
                      if box[1] <= (band[i].top + band[i].bottom) / 2 <= box[3]])
    return cells


# a figure alone on its printed line: digits, a separator or decimal point, a sign or
# dash before it (``△1,700``, ``－``): what a column of figures prints line by line
_FIGURE_LINE = re.compile(r"^[△▲+＋\-－−]?[0-9０-９][0-9０-９,，.．]*$|^[\-－―−…]$")


# every character ``_FIGURE_LINE`` lets a line print
_FIGURE_TEXT = frozenset("△▲+＋-－−―…0123456789０１２３４５６７８９,，.．")


def may_print_figures(glyphs: Sequence[Char]) -> bool:
    """The cell prints two glyphs or more and nothing but what figures alone on their
    lines print (``_FIGURE_LINE``): decided before its lines are grouped, which most
    cells of a ruled table (words) need not be."""
    printed = [c.text for c in glyphs if c.text.strip()]
    return len(printed) >= 2 and all(ch in _FIGURE_TEXT for text in printed for ch in text)


def _band(line: Sequence[Char]) -> tuple[float, float]:
    return min(c.top for c in line), max(c.bottom for c in line)


def unruled_row_bands(row_cells: Sequence[list[Char] | None],
                      settings: TableFinderSettings) -> list[tuple[float, float]]:
    """The printed lines of one ruled row that are rows of their own, top to bottom: a
    table ruled down but not across between its rows (財務 style) gives pdfplumber one
    cell per column for all of them. They are when a column beyond the first prints a
    figure alone on each of two lines or more (``_FIGURE_LINE``), every other cell's
    lines stand on those lines' bands and the first cell prints a label on each, its
    other lines between two of them (a label wrapped onto a line of its own, which the
    cut halfway between lines leaves with the row above); a label's line after the last
    figure, a share printed under its figure in brackets, or two figures stacked beside
    one label keep the row whole; else none."""
    if any(glyphs is None for glyphs in row_cells) \
            or not any(may_print_figures(glyphs or ()) for glyphs in row_cells[1:]):
        return []
    lines = [chars_to_lines([c for c in glyphs or () if c.text.strip()], settings.line_overlap)
             for glyphs in row_cells]
    figures = [cell for cell in lines[1:] if len(cell) >= 2 and all(
        _FIGURE_LINE.match(cell_line_to_text(ln, settings.space_gap)) for ln in cell)]
    if not figures:
        return []
    bands = [_band(ln) for ln in max(figures, key=len)]

    def on_band(line: Sequence[Char]) -> bool:
        top, bottom = _band(line)
        return sum(1 for b in bands if top < (b[0] + b[1]) / 2 < bottom) == 1

    def wrapped(line: Sequence[Char]) -> bool:      # a label's line between two rows'
        top, bottom = _band(line)
        return bands[0][1] < top and bottom < bands[-1][0]

    labels = [ln for ln in lines[0] if on_band(ln)]
    if len(labels) != len(bands) or not all(on_band(ln) or wrapped(ln) for ln in lines[0]) \
            or not all(on_band(ln) for cell in lines[1:] for ln in cell):
        return []
    # each row's band reaches down over its label's wrapped lines
    wraps = [_band(ln) for ln in lines[0] if not on_band(ln)]
    return [(top, max([bottom, *(w[1] for w in wraps if bottom < w[0] < below)]))
            for (top, bottom), below in zip(bands, [b[0] for b in bands[1:]] + [math.inf],
                                            strict=True)]


def split_unruled_rows(grid: Sequence[Sequence[BBox | None]], cells: Cells,
                       settings: TableFinderSettings) -> list[list[BBox | None]]:
    """The grid with each row that holds several rows of figures not ruled apart
    (``unruled_row_bands``) cut into one row per printed line, halfway between lines."""
    out: list[list[BBox | None]] = []
    for row, row_cells in zip(grid, cells, strict=True):
        bands = unruled_row_bands(row_cells, settings)
        if len(bands) < 2:
            out.append(list(row))
            continue
        top = min(b[1] for b in row if b is not None)
        bottom = max(b[3] for b in row if b is not None)
        cuts = [top, *((a[1] + b[0]) / 2 for a, b in itertools.pairwise(bands)), bottom]
        for y0, y1 in itertools.pairwise(cuts):
            out.append([None if b is None else (b[0], round(y0, 2), b[2], round(y1, 2))
                        for b in row])
    return out


def grid_to_rows(grid: Sequence[Sequence[BBox | None]], cells: Cells,
                 settings: TableFinderSettings) -> dict[str, Any]:
    """Each cell's text from its glyphs (``grid_to_cells``), lines broken on purpose
    kept apart (``cell_line_breaks``); ``cut`` cells (a glyph crosses the border) and
    footnote ``markers`` taken out."""
    rows: list[list[str | None]] = []
    cut: list[list[int]] = []
    markers: list[list[Any]] = []
    for r, (row, row_cells) in enumerate(zip(grid, cells, strict=True)):
        texts: list[str | None] = []
        for c, (box, own) in enumerate(zip(row, row_cells, strict=True)):
            if box is None or own is None:
                texts.append(None)
                continue
            if own and crosses_border(own, box, settings.snap_tolerance):
                cut.append([r, c])
            text, raised = chars_to_cell_text(own, settings, box)
            if raised:
                markers.append([r, c, raised])
            texts.append(text)
        rows.append(texts)
    return {"rows": rows, "cut": cut, "markers": markers}


def label_spans(grid: Sequence[Sequence[BBox | None]], cells: Cells,
                settings: TableFinderSettings) -> list[list[float] | None]:
    """Per row, the first printed line of its first-column cell: ``[x0, x1, size,
    width]``, its left and right ends measured from the cell's left edge, its type size
    and the cell's width, in points; ``None`` where the slot is covered or blank. A
    leading full-width space is no glyph that prints: ``　男性`` starts an em right of
    ``総数``."""
    spans: list[list[float] | None] = []
    for row, row_cells in zip(grid, cells, strict=True):
        box, glyphs = (row[0], row_cells[0]) if row else (None, None)
        printed = [c for c in glyphs or () if c.text.strip() and not c.turn]
        if box is None or not printed:
            spans.append(None)
            continue
        first = chars_to_lines(printed, settings.line_overlap)[0]
        sizes = sorted(c.size for c in first)
        spans.append([round(first[0].x0 - box[0], 2), round(first[-1].x1 - box[0], 2),
                      round(sizes[len(sizes) // 2], 2), round(box[2] - box[0], 2)])
    return spans


def is_real_table(rows: Sequence[Sequence[str | None]], settings: TableFinderSettings) -> bool:
    """At least ``min_rows`` rows and ``min_cols`` columns that hold text: one ruled box
    or a single rule under a heading is not a table."""
    filled_rows = sum(any(cell for cell in row) for row in rows)
    n_cols = max((len(row) for row in rows), default=0)
    filled_cols = sum(any(len(row) > c and row[c] for row in rows) for c in range(n_cols))
    return filled_rows >= settings.min_rows and filled_cols >= settings.min_cols


def mostly_turned(cells: Cells) -> bool:
    """Most cells with text hold mostly turned glyphs (a table set sideways on a page
    read as printed, whose cells would read backwards); a table with turned heads over
    upright figures is not."""
    filled = [glyphs for row in cells for glyphs in row if glyphs]
    turned = sum(2 * sum(1 for c in glyphs if c.turn) > len(glyphs) for glyphs in filled)
    return 2 * turned > len(filled)


def table_record(grid: list[list[BBox | None]], bbox: BBox, cells: Cells, strategy: str,
                 page_index: int, settings: TableFinderSettings) -> dict[str, Any] | None:
    """A page table (``Extracted.tables``) from its cell boxes and glyphs; None when it
    is set sideways on a page read as printed or is no real table (``is_real_table``)."""
    if mostly_turned(cells):
        return None     # set sideways on a page read as printed: cells read backwards
    record = grid_to_rows(grid, cells, settings)
    if not is_real_table(record["rows"], settings):
        return None
    return {"page_index": page_index, "page": None, "bbox": list(bbox), **record,
            "strategy": strategy, "merged": grid_to_merged(grid), "xs": column_edges(grid),
            "label_spans": label_spans(grid, cells, settings),
            "caption": None, "continued": []}


def hrule_record(table: HRuleTable, page_index: int,
                 settings: TableFinderSettings) -> dict[str, Any] | None:
    """A table ruled across only as a page table: strategy ``hrules``, its columns'
    borders measured on the data rows (``xs``), ``unsure_rows`` read one per line that
    may be a wrapped cell's second line."""
    record = table_record(table.grid, table.bbox, table.cells, "hrules", page_index, settings)
    return None if record is None else {**record, "xs": table.xs,
                                        "unsure_rows": table.unsure_rows,
                                        **({"unit_line": table.unit_line}
                                           if table.unit_line else {})}
