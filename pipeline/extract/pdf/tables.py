"""Ruled tables on a PDF page → rows of cell text, found on the page geometry.

Run inside the PDF adapter's single pass, on the same pdfplumber page, on every page (a
ruled table needs no caption); ``table_captions.find_captions`` reads the table labels
of the caption grammar (``pipeline/data/caption_labels.tsv``) that open a printed line.
``page_to_rules`` (thin filled rectangles, stroked rectangles and lines on the page; not
shading, chart curves or crop marks) → pdfplumber's finder on those edges (``lines``;
then tables ruled across only, no rule down, ``hrule_tables``: ``hrules``; ``text``
below a caption only when neither makes a table) → ``table_cells.table_record`` (cell
text from the adapter's de-duplicated, normalised glyphs: ``table_cell_text``;
``is_real_table``) → the captions and unit line next to it (``table_captions``) →
across pages, ``continued_tables.join_continued_tables``. The settings of all of it:
``table_settings.TableFinderSettings``.

A page table (``Extracted.tables``) is a dict: ``page_index``, ``page``, ``bbox``
(points from the page's top-left), ``rows`` (cell text, ``None`` where a merged cell
covers the slot), ``strategy``, ``merged`` (``[row, col, from_row, from_col]`` per
``None``), ``cut`` (``[row, col]``: glyphs cross the cell border), ``markers`` (``[row,
col, text]``: raised footnote markers taken out), ``caption`` (label printed nearest
above, or None), ``caption_gap`` (points between the nearest caption above with no table
between, and the table), ``caption_below``/``caption_below_gap`` (the same below),
``xs`` (the x of its column rules), ``unit_line`` (the unit line printed just above or
under it, ``（単位：億円、％）``, or None), ``continued`` (parts from later pages joined to it:
``page_index``, ``page``, ``bbox``, ``first_row``, ``header_dropped``, ``header`` (the
header rows printed again there, dropped from ``rows``), ``caption_below``,
``caption_below_gap`` (the caption under that part)), ``continues_previous`` (True
on a table that goes on with the one before from the page before but whose columns do
not agree, so it is not joined), ``unsure_rows`` (``hrules`` tables only: rows read one
per printed line that may be a wrapped cell's second line), ``label_spans`` (per row,
where the first line of its first-column cell is printed: ``[x0, x1, size, width]`` in
points from the cell's left edge, ``width`` the cell's, ``None`` for a blank or covered slot; the tables stage reads a
sub-category's indentation from it, ``from_pdf.row_levels``), ``corner_heads`` (only on a table
whose top-left cell a diagonal rule splits: the words over the rule, which name the heads
across, left out of that cell's text: ``corner_cells``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.extract.pdf.bands import band_edges
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.corner_cells import falling_rules, split_corner
from pipeline.extract.pdf.glyph_index import index_glyphs
from pipeline.extract.pdf.hrule_tables import find_hrule_tables
from pipeline.extract.pdf.table_captions import (
    Caption,
    caption_above,
    caption_gaps,
    find_captions,
    unit_line_near,
)
from pipeline.extract.pdf.table_cell_text import chars_to_cell_text
from pipeline.extract.pdf.table_cells import (
    grid_to_cells,
    hrule_record,
    shift_box,
    split_unruled_rows,
    table_record,
    table_to_grid,
)
from pipeline.extract.pdf.table_settings import THIN_QUAD_POINTS, TableFinderSettings


def is_thin_quad(curve: dict[str, Any], settings: TableFinderSettings) -> bool:
    """A filled path of at most four corners (and the closing point), no thicker than a
    rule: some producers draw table rules so rather than as rectangles."""
    return (bool(curve.get("fill")) and len(curve.get("pts") or ()) <= THIN_QUAD_POINTS
            and min(curve["width"], curve["height"]) <= settings.rule_max_thickness)


def rule_edge(orientation: str, x0: float, x1: float, top: float, bottom: float,
              width: float, height: float) -> dict[str, Any]:
    """An edge as pdfplumber's finder reads it, with no other key: its snapping and
    joining copy every key of every edge, and a rect's edges carry its twenty-odd
    (``page_to_rules``: mlit-kinki-road-ch1's extract 5,619 → 5,577 M instructions,
    callgrind). ``rule_edge`` in the type: the finder takes it as an edge, as is."""
    return {"object_type": "rule_edge", "orientation": orientation, "x0": x0, "x1": x1,
            "top": top, "bottom": bottom, "width": width, "height": height}


def rect_rules(rect: dict[str, Any]) -> list[dict[str, Any]]:
    """pdfplumber's ``rect_to_edges`` of a rectangle (top, bottom, left, right), in the
    finder's keys only (``rule_edge``): the same coordinates, computed the same way."""
    x0, x1, top, bottom = rect["x0"], rect["x1"], rect["top"], rect["bottom"]
    width, height = rect["width"], rect["height"]
    return [rule_edge("h", x0, x1, top, top, width, 0),
            rule_edge("h", x0, x1, top + height, bottom, width, 0),
            rule_edge("v", x0, x0, top, bottom, 0, height),
            rule_edge("v", x1, x1, top, bottom, 0, height)]


def line_rule(line: dict[str, Any]) -> dict[str, Any]:
    """pdfplumber's ``line_to_edge`` of a line in the finder's keys only: across when
    its ends are level, else down (a slanted line too, as pdfplumber has it)."""
    return rule_edge("h" if line["top"] == line["bottom"] else "v", line["x0"], line["x1"],
                     line["top"], line["bottom"], line["width"], line["height"])


def page_to_rules(page: Any, settings: TableFinderSettings) -> list[dict[str, Any]]:
    """Edges of the page's rules: thin filled rectangles (or four-cornered paths),
    stroked rectangles and lines whose middle lies on the page (crop marks and shading
    are left out)."""
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    edges: list[dict[str, Any]] = []
    for rect in page.rects:
        thin = min(rect["width"], rect["height"]) <= settings.rule_max_thickness
        if thin or rect.get("stroke"):
            edges += rect_rules(rect)
    for curve in page.curves:        # a rule drawn as a filled four-cornered path
        if is_thin_quad(curve, settings):
            edges += rect_rules(curve)
    edges += map(line_rule, page.lines)
    return [e for e in edges
            if x0 <= (e["x0"] + e["x1"]) / 2 <= x1 and top <= (e["top"] + e["bottom"]) / 2 <= bottom]


def rules_to_tables(page: Any, rules: list[dict[str, Any]],
                    settings: TableFinderSettings) -> list[Any]:
    """pdfplumber tables on the given rule edges (its lines strategy, fed explicitly)."""
    vertical = [e for e in rules if e["orientation"] == "v"]
    horizontal = [e for e in rules if e["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    table_settings = settings.finder_settings("explicit")
    table_settings["explicit_vertical_lines"] = vertical
    table_settings["explicit_horizontal_lines"] = horizontal
    return list(page.find_tables(table_settings))


def text_tables_below(page: Any, captions: Sequence[Caption],
                      settings: TableFinderSettings) -> list[Any]:
    """Fallback: pdfplumber's text strategy between each caption and the next one."""
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    found: list[Any] = []
    ordered = sorted(captions, key=lambda c: c.top)
    for i, caption in enumerate(ordered):
        end = ordered[i + 1].top + top if i + 1 < len(ordered) else bottom
        region = (x0, caption.bottom + top, x1, end)
        if region[3] - region[1] >= settings.min_region:
            found += page.crop(region).find_tables(settings.finder_settings("text"))
    return found


def _overlaps(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def find_page_tables(page: Any, settings: TableFinderSettings, chars: Sequence[Char],
                     page_index: int) -> list[dict[str, Any]]:
    """The tables on one pdfplumber page, top to bottom, as ``Extracted.tables`` dicts.

    ``chars`` are the adapter's characters of this page (page-relative, de-duplicated).
    Ruled tables first (``lines``), then tables ruled across only (``hrules``,
    ``hrule_tables``) where no ruled table stands; the ``text`` strategy is tried below
    the page's table captions only when neither made a table. A table is named by the
    labels of either kind printed next to it (a ruled table in a ``図表1-1`` figure).
    The page's captions are read once (``find_captions``) for both.
    """
    origin = (float(page.bbox[0]), float(page.bbox[1]))
    rules = page_to_rules(page, settings)
    index = index_glyphs(chars)
    found: list[dict[str, Any]] = []
    diagonals = falling_rules(page, origin, settings.snap_tolerance * 2)
    for table in rules_to_tables(page, rules, settings):
        grid, bbox = table_to_grid(table, origin), shift_box(table.bbox, origin)
        cells = grid_to_cells(grid, index)
        split = split_unruled_rows(grid, cells, settings)   # rows ruled down only
        if len(split) != len(grid):
            grid, cells = split, grid_to_cells(split, index)
        cells, over = split_corner(grid, cells, diagonals, settings.snap_tolerance)
        record = table_record(grid, bbox, cells, "lines", page_index, settings)
        if record is not None and over:
            record["corner_heads"] = [chars_to_cell_text(over, settings)[0]]
        found += filter(None, [record])
    ruled = [t["bbox"] for t in found]
    for hrule in find_hrule_tables(rules + band_edges(page, index, settings), index, origin,
                                   settings.hrule_settings()):
        if not any(_overlaps(hrule.bbox, box) for box in ruled):
            found += filter(None, [hrule_record(hrule, page_index, settings)])
    named = find_captions(chars, settings, ("figure", "table"))
    if not found:
        captions = [c for c in named if c.kind == "table"]
        for table in text_tables_below(page, captions, settings):
            grid, bbox = table_to_grid(table, origin), shift_box(table.bbox, origin)
            cells = grid_to_cells(grid, index)
            found += filter(None, [table_record(grid, bbox, cells, "text", page_index,
                                                settings)])
    if found:
        boxes = [t["bbox"] for t in found]
        found = [{**t, "caption": caption_above(t["bbox"], named),
                  **caption_gaps(t["bbox"], named, boxes),
                  "unit_line": unit_line_near(t["bbox"], index, boxes, settings)
                  or t.get("unit_line")}
                 for t in found]
    return sorted(found, key=lambda t: (t["bbox"][1], t["bbox"][0]))
