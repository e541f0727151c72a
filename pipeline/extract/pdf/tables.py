"""Ruled tables on a PDF page → rows of cell text, found on the page geometry.

Run inside the PDF adapter's single pass, on the same pdfplumber page, on every page (a
ruled table needs no caption); ``find_captions`` reads the table labels of the caption
grammar (``pipeline/data/caption_labels.tsv``) that open a printed line. ``page_to_rules`` (thin
filled rectangles, stroked rectangles and lines on the page; not shading, chart curves
or crop marks) → pdfplumber's finder on those edges (``lines``; then tables ruled
across only, no rule down, ``hrule_tables``: ``hrules``; ``text`` below a caption only
when neither makes a table) → ``table_to_rows`` (cell text from the
adapter's de-duplicated, normalised glyphs) → ``is_real_table`` → across pages,
``join_continued_tables``.

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
sub-category's indentation from it, ``from_pdf.row_levels``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from pipeline.common.caption_grammar import caption_grammar, read_label
from pipeline.errors import PipelineError
from pipeline.extract.pdf.bands import band_edges
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.hrule_tables import HRuleSettings, HRuleTable, find_hrule_tables
from pipeline.extract.pdf.turns import turn_glyph

BBox = tuple[float, float, float, float]

# (field, low, high): the open-closed range each number must lie in.
_RANGES: dict[str, tuple[float, float]] = {
    "rule_max_thickness": (0.0, 10.0), "snap_tolerance": (0.0, 20.0),
    "join_tolerance": (0.0, 20.0), "intersection_tolerance": (0.0, 20.0),
    "min_rows": (1.0, 100.0), "min_cols": (1.0, 100.0), "space_gap": (0.0, 5.0),
    "line_overlap": (0.0, 1.0), "continue_band": (0.0, 0.5), "marker_max_ratio": (0.0, 1.0),
    "min_region": (0.0, 1000.0), "hrule_end_tolerance": (0.0, 50.0),
    "hrule_column_gap": (0.0, 20.0), "hrule_min_columns": (1.0, 100.0),
}
_WHOLE = ("min_rows", "min_cols", "hrule_min_columns")
_CAPTION_PREFIX = frozenset("■□◆◇●○▲△▼▽【")


@dataclass(frozen=True)
class TableFinderSettings:
    """Settings of ``find_page_tables``; every value is checked in ``__post_init__``."""

    # labels of the caption grammar (pipeline/data/caption_labels.tsv): 第１-２-３表, 表1-1-1, 図表1-1
    caption_pattern: str = caption_grammar().label()
    rule_max_thickness: float = 2.0   # pt: a filled rectangle this thin is a ruled line
    snap_tolerance: float = 3.0       # pt: rules this close are one rule (pdfplumber)
    join_tolerance: float = 3.0       # pt: collinear rules this close are joined
    intersection_tolerance: float = 3.0
    min_rows: int = 2                 # fewer rows with text: not a table
    min_cols: int = 2                 # fewer columns with text: not a table
    space_gap: float = 0.25           # em: a wider gap between Latin glyphs is a space
    line_overlap: float = 0.5         # share of glyph height two glyphs overlap on a line
    marker_max_ratio: float = 0.9     # a raised glyph this small × the line is a marker
    continue_band: float = 0.25       # share of page height at the foot (and head) where
    #                                   a table may run on to (from) another page
    min_region: float = 20.0          # pt: text strategy only in a taller space between
    #                                   a caption and the next one (or the page foot)
    hrule_end_tolerance: float = 6.0  # pt: rules across whose ends differ by less stand
    #                                   in one table ruled across only (``hrule_tables``)
    hrule_column_gap: float = 1.5     # em: a wider gap no data row crosses parts columns
    hrule_min_columns: int = 2        # fewer column positions between rules across:
    #                                   no table; two need a one-line header over both
    #                                   and no word across them (not a page's columns)

    def __post_init__(self) -> None:
        try:
            re.compile(self.caption_pattern)
        except re.error as err:
            raise PipelineError(f"TableFinderSettings.caption_pattern="
                                f"{self.caption_pattern!r}: not a regular expression ({err}); "
                                "pass a valid pattern such as the default") from err
        for f in fields(self):
            if f.name == "caption_pattern":
                continue
            value = getattr(self, f.name)
            whole = f.name in _WHOLE
            if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
                kind = "a whole number" if whole else "a number"
                raise PipelineError(f"TableFinderSettings.{f.name}={value!r}: must be {kind}; "
                                    f"the default is {f.default!r}")
            low, high = _RANGES[f.name]
            if not (low <= value <= high if whole else low < value <= high):
                raise PipelineError(f"TableFinderSettings.{f.name}={value!r}: must lie in "
                                    f"({low}, {high}]; the default is {f.default!r}")

    def finder_settings(self, strategy: str) -> dict[str, Any]:
        return {"vertical_strategy": strategy, "horizontal_strategy": strategy,
                "snap_tolerance": self.snap_tolerance, "join_tolerance": self.join_tolerance,
                "intersection_tolerance": self.intersection_tolerance}

    def hrule_settings(self) -> HRuleSettings:
        return HRuleSettings(self.hrule_end_tolerance, self.hrule_column_gap,
                             self.hrule_min_columns, self.snap_tolerance,
                             self.rule_max_thickness, self.line_overlap)


@dataclass(frozen=True)
class Caption:
    """A caption label on a page, in page coordinates (points from top-left)."""

    label: str
    x0: float
    top: float
    bottom: float
    kind: str = "table"     # figure or table, by the caption grammar


# --------------------------------------------------------------------------- captions


def _is_word_char(text: str) -> bool:
    return bool(text) and unicodedata.category(text[0])[0] in "LN"


def find_captions(chars: Sequence[Char], settings: TableFinderSettings,
                  kinds: tuple[str, ...] = ("table",)) -> list[Caption]:
    """Caption labels of ``kinds`` that open their printed line (``■第１-１-５表／…``;
    with ``figure``, ``図表1-1`` too), not references in running text
    (``（第１-２-３表）``, ``第１-２-６表のとおり``). The kind is the caption grammar's;
    a label the grammar does not read (a pattern of one's own) is a table."""
    joined = "".join(c.text[:1] or " " for c in chars)
    found: list[Caption] = []
    for match in re.finditer(settings.caption_pattern, joined):
        start, end = match.start(), match.end()
        first = chars[start]
        if start > 0:
            prev = chars[start - 1]
            same_line = abs(prev.top - first.top) < first.height / 2
            if same_line and (_is_word_char(prev.text) and prev.text not in _CAPTION_PREFIX
                              or prev.text in "（(「『"):
                continue
        if end < len(chars) and "\u3041" <= chars[end].text[:1] <= "\u3096":
            continue
        run = chars[start:end]
        label = re.sub(r"\s+", "", match.group())
        kind = label_kind(label)
        if kind in kinds:
            found.append(Caption(label, first.x0, min(c.top for c in run),
                                 max(c.bottom for c in run), kind))
    return found


def label_kind(label: str) -> str:
    """``figure`` or ``table``: the kind the caption grammar gives a whole label."""
    grammar = caption_grammar()
    found = re.fullmatch(grammar.label(), label)
    return read_label(found, grammar).kind if found else "table"


# --------------------------------------------------------------------------- rules


def is_thin_quad(curve: dict[str, Any], settings: TableFinderSettings) -> bool:
    """A filled path of at most four corners (and the closing point), no thicker than a
    rule: some producers draw table rules so rather than as rectangles."""
    return (bool(curve.get("fill")) and len(curve.get("pts") or ()) <= 5
            and min(curve["width"], curve["height"]) <= settings.rule_max_thickness)


def page_to_rules(page: Any, settings: TableFinderSettings) -> list[dict[str, Any]]:
    """Edges of the page's rules: thin filled rectangles (or four-cornered paths),
    stroked rectangles and lines whose middle lies on the page (crop marks and shading
    are left out)."""
    from pdfplumber.utils import line_to_edge, rect_to_edges

    x0, top, x1, bottom = (float(v) for v in page.bbox)
    edges: list[dict[str, Any]] = []
    for rect in page.rects:
        thin = min(rect["width"], rect["height"]) <= settings.rule_max_thickness
        if thin or rect.get("stroke"):
            edges += rect_to_edges(rect)
    for curve in page.curves:        # a rule drawn as a filled four-cornered path
        if is_thin_quad(curve, settings):
            edges += rect_to_edges({**curve, "object_type": "rect"})
    for line in page.lines:
        edges.append(line_to_edge(line))
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


# --------------------------------------------------------------------------- cell text


def _is_latin(text: str) -> bool:
    return bool(text) and text[0].isascii() and not text[0].isspace()


def chars_to_lines(chars: Sequence[Char], overlap: float) -> list[list[Char]]:
    """Glyphs grouped into printed lines, top to bottom, each left to right."""
    lines: list[list[Char]] = []
    top = bottom = 0.0           # the last line's band, kept as glyphs join it
    for char in sorted(chars, key=lambda c: (c.top, c.x0)):
        if lines:
            shared = min(bottom, char.bottom) - max(top, char.top)
            if shared >= overlap * min(char.height, bottom - top):
                lines[-1].append(char)
                top, bottom = min(top, char.top), max(bottom, char.bottom)
                continue
        lines.append([char])
        top, bottom = char.top, char.bottom
    return [sorted(line, key=lambda c: c.x0) for line in lines]


def split_markers(line: Sequence[Char], ratio: float) -> tuple[list[Char], str]:
    """A line's glyphs without its raised small footnote markers (``…Community）¹``),
    and the markers' text."""
    size = max(c.size for c in line)
    baseline = max(c.bottom for c in line if c.size == size)
    raised = [c for c in line if c.size <= ratio * size and c.bottom < baseline - 0.3 * size]
    return [c for c in line if c not in raised], "".join(c.text for c in raised)


def cell_line_to_text(line: Sequence[Char], space_gap: float) -> str:
    """One printed line of a table cell. Spaces only between Latin glyphs (where a space glyph or a gap
    wider than ``space_gap`` em separates them); none between Japanese."""
    out, prev, spaced = "", None, False
    for char in line:
        if not char.text.strip():
            spaced = True
            continue
        if prev is not None and _is_latin(prev.text) and _is_latin(char.text) and (
                spaced or char.x0 - prev.x1 > space_gap * char.size):
            out += " "
        out += char.text
        prev, spaced = char, False
    return out


def join_cell_lines(lines: Sequence[str]) -> str:
    """Wrapped lines of one cell joined: nothing between Japanese, one space between
    Latin words (not after a hyphen)."""
    out = ""
    for text in (ln.strip() for ln in lines):
        if not text:
            continue
        if out and _is_latin(out[-1]) and _is_latin(text[0]) and out[-1] not in "-/":
            out += " "
        out += text
    return re.sub(r" {2,}", " ", out)


def read_turned(chars: Sequence[Char]) -> Sequence[Char]:
    """A cell's glyphs as read: when most are turned one way (a head set up a narrow
    column), turned back in a frame of their own, so that lines run left to right and
    follow each other down (text turned up reads from the foot, its first line left)."""
    if not any(c.turn for c in chars):     # most cells
        return chars
    turns = Counter(c.turn for c in chars)
    turn, count = max(turns.items(), key=lambda item: (item[1], -item[0]))
    if turn == 0 or 2 * count <= len(chars):
        return chars
    # turned within a page of no size: only the glyphs' order counts
    return [turn_glyph(c, (0.0, 0.0, 0.0, 0.0), turn) for c in chars]


def chars_to_cell_text(chars: Sequence[Char], settings: TableFinderSettings,
                       ) -> tuple[str, str]:
    """A cell's text (turned glyphs read their way: ``read_turned``), and the footnote
    markers taken out of it."""
    texts, markers = [], ""
    for line in chars_to_lines(read_turned(chars), settings.line_overlap):
        kept, raised = split_markers(line, settings.marker_max_ratio)
        texts.append(cell_line_to_text(kept, settings.space_gap))
        markers += raised
    return join_cell_lines(texts), markers


# --------------------------------------------------------------------------- tables


def _inside(char: Char, box: BBox) -> bool:
    x, y = char.xmid, (char.top + char.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _crosses(char: Char, box: BBox, slack: float) -> bool:
    return (char.x0 < box[0] - slack or char.x1 > box[2] + slack
            or char.top < box[1] - slack or char.bottom > box[3] + slack)


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


def grid_to_cells(grid: Sequence[Sequence[BBox | None]], chars: Sequence[Char]) -> Cells:
    """Each cell's glyphs: those whose middle it holds, in the glyphs' order."""
    cells: Cells = []
    # the glyphs of a row's band first, each cell then looks at a row, not the table; the
    # band found by the glyphs' middles, sorted once, and kept in the glyphs' order: not
    # a scan of the table's glyphs per row, which grows with rows × glyphs (0.7 % of
    # mlit-kinki-road-ch1's extract instructions, callgrind)
    middles = sorted(((ch.top + ch.bottom) / 2, i) for i, ch in enumerate(chars))
    keys = [middle for middle, _ in middles]
    for row in grid:
        boxes = [box for box in row if box is not None]
        top = min((b[1] for b in boxes), default=0.0)
        bottom = max((b[3] for b in boxes), default=-1.0)
        found = middles[bisect.bisect_left(keys, top):bisect.bisect_right(keys, bottom)]
        band = [chars[i] for i in sorted(i for _, i in found)]
        cells.append([None if box is None else [ch for ch in band if _inside(ch, box)]
                      for box in row])
    return cells


def grid_to_rows(grid: Sequence[Sequence[BBox | None]], cells: Cells,
                 settings: TableFinderSettings) -> dict[str, Any]:
    """Each cell's text from its glyphs (``grid_to_cells``); ``cut`` cells (a glyph
    crosses the border) and footnote ``markers`` taken out."""
    rows: list[list[str | None]] = []
    cut: list[list[int]] = []
    markers: list[list[Any]] = []
    for r, (row, row_cells) in enumerate(zip(grid, cells, strict=True)):
        texts: list[str | None] = []
        for c, (box, own) in enumerate(zip(row, row_cells, strict=True)):
            if box is None or own is None:
                texts.append(None)
                continue
            if any(_crosses(ch, box, settings.snap_tolerance) for ch in own):
                cut.append([r, c])
            text, raised = chars_to_cell_text(own, settings)
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


def caption_above(bbox: Sequence[float], captions: Sequence[Caption]) -> str | None:
    """The label of the caption printed nearest above the table (at most its top)."""
    above = [c for c in captions if c.top <= bbox[1] + 2.0 and c.x0 <= bbox[2]]
    return max(above, key=lambda c: c.bottom).label if above else None


def caption_gaps(bbox: Sequence[float], captions: Sequence[Caption],
                 tables: Sequence[Sequence[float]]) -> dict[str, Any]:
    """The table captions printed next to the table, with no other table between: the
    nearest above and the nearest below, each with its gap in points (``None`` when
    there is none). Which side names the table is decided for the whole document by the
    tables stage (``from_pdf.caption_side``)."""
    def clear(top: float, bottom: float) -> bool:
        return not any(t[1] >= top - 2.0 and t[3] <= bottom + 2.0 for t in tables
                       if list(t) != list(bbox))

    def beside(c: Caption) -> bool:
        return c.x0 <= bbox[2]

    above = [c for c in captions if beside(c) and c.bottom <= bbox[1] + 2.0
             and clear(c.bottom, bbox[1])]
    below = [c for c in captions if beside(c) and c.top >= bbox[3] - 2.0
             and clear(bbox[3], c.top)]
    near_above = max(above, key=lambda c: c.bottom, default=None)
    near_below = min(below, key=lambda c: c.top, default=None)
    return {"caption_gap": None if near_above is None else round(bbox[1] - near_above.bottom, 2),
            "caption_below": None if near_below is None else near_below.label,
            "caption_below_gap": None if near_below is None else round(near_below.top - bbox[3], 2)}


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
                                        "unsure_rows": table.unsure_rows}


UNIT_LINE = re.compile(r"[（(]\s*単位\s*[：:]\s*[^（）()]{1,20}?\s*[）)]")
UNIT_LINE_REACH = 3.0    # × the table's type size: how far from it its unit line stands


def unit_line_near(bbox: Sequence[float], chars: Sequence[Char],
                   boxes: Sequence[Sequence[float]], settings: TableFinderSettings,
                   ) -> str | None:
    """The unit line printed with a table (``（単位：億円、％）``): ending the nearest line
    above it within ``UNIT_LINE_REACH`` of its type size and within its width (alone, or
    after its caption), or, when that line is its caption, the nearest line above the
    caption as near; else the nearest line under it, when no other table starts right
    under that; None when there is none."""
    inside = [c.size for c in chars if _inside(c, tuple(bbox))]  # type: ignore[arg-type]
    if not inside:
        return None
    reach = UNIT_LINE_REACH * sorted(inside)[len(inside) // 2]
    x0, top, x1, bottom = bbox

    def lines_in(low: float, high: float) -> list[list[Char]]:
        near = [c for c in chars if low < (c.top + c.bottom) / 2 < high
                and x0 - 2.0 <= c.xmid <= x1 + 2.0]
        return chars_to_lines(near, settings.line_overlap)

    above = lines_in(top - reach, top)[::-1]
    if above and opens_with_caption(cell_line_to_text(above[0], settings.space_gap), settings):
        head = min(c.top for c in above[0])      # the caption: its unit line may stand over it
        above = [above[0], *lines_in(head - reach, head)[::-1][:1]]
    below = lines_in(bottom, bottom + reach)
    if any(bottom < b[1] <= bottom + 2 * reach for b in boxes if list(b) != list(bbox)):
        below = []
    for line in [*above[:2], *below[:1]]:
        text = cell_line_to_text(line, settings.space_gap).rstrip()
        found = UNIT_LINE.search(text)
        if found and found.end() == len(text):     # the line's end, not inside a sentence
            return found.group()
    return None


def opens_with_caption(text: str, settings: TableFinderSettings) -> bool:
    """The printed line opens with a caption label (after a mark such as ``■``)."""
    return re.match(settings.caption_pattern, text.lstrip("".join(_CAPTION_PREFIX))) is not None


def _overlaps(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def find_page_tables(page: Any, settings: TableFinderSettings, chars: Sequence[Char],
                     captions: Sequence[Caption], page_index: int) -> list[dict[str, Any]]:
    """The tables on one pdfplumber page, top to bottom, as ``Extracted.tables`` dicts.

    ``chars`` are the adapter's characters of this page (page-relative, de-duplicated);
    ``captions`` its table captions (``find_captions``). Ruled tables first (``lines``),
    then tables ruled across only (``hrules``, ``hrule_tables``) where no ruled table
    stands; the ``text`` strategy is tried only when there are captions and neither
    made a table. A table is named by the labels of either kind printed next to it (a
    ruled table in a ``図表1-1`` figure).
    """
    origin = (float(page.bbox[0]), float(page.bbox[1]))
    rules = page_to_rules(page, settings)
    found: list[dict[str, Any]] = []
    for table in rules_to_tables(page, rules, settings):
        grid, bbox = table_to_grid(table, origin), shift_box(table.bbox, origin)
        cells = grid_to_cells(grid, [c for c in chars if _inside(c, bbox)])
        found += filter(None, [table_record(grid, bbox, cells, "lines", page_index, settings)])
    ruled = [t["bbox"] for t in found]
    for hrule in find_hrule_tables(rules + band_edges(page, chars, settings), chars, origin,
                                   settings.hrule_settings()):
        if not any(_overlaps(hrule.bbox, box) for box in ruled):
            found += filter(None, [hrule_record(hrule, page_index, settings)])
    if not found and captions:
        for table in text_tables_below(page, captions, settings):
            grid, bbox = table_to_grid(table, origin), shift_box(table.bbox, origin)
            cells = grid_to_cells(grid, [c for c in chars if _inside(c, bbox)])
            found += filter(None, [table_record(grid, bbox, cells, "text", page_index,
                                                settings)])
    if found:
        named = find_captions(chars, settings, ("figure", "table"))
        boxes = [t["bbox"] for t in found]
        found = [{**t, "caption": caption_above(t["bbox"], named),
                  **caption_gaps(t["bbox"], named, boxes),
                  "unit_line": unit_line_near(t["bbox"], chars, boxes, settings)}
                 for t in found]
    return sorted(found, key=lambda t: (t["bbox"][1], t["bbox"][0]))


# --------------------------------------------------------------------------- pages


def may_continue(tables: Sequence[dict[str, Any]], height: float,
                 settings: TableFinderSettings) -> bool:
    """Whether a table ends near the page foot (so may run on to the next page)."""
    return any(t["bbox"][3] >= (1 - settings.continue_band) * height for t in tables)


def follows(before: dict[str, Any], after: dict[str, Any], first_on_page: bool,
            heights: dict[int, float], settings: TableFinderSettings) -> bool:
    """``after`` stands where ``before`` would go on: ``before`` (or its last part) ends
    near its page foot, not over a caption of its own (``ends_over_caption``), ``after``
    is the first table near the head of the next page, under no caption of its own
    (none, or ``before``'s label printed again)."""
    last = before["continued"][-1] if before["continued"] else before
    return (first_on_page and after["page_index"] == last["page_index"] + 1
            and may_continue([last], heights[last["page_index"]], settings)
            and not ends_over_caption(last)
            and after["caption"] in (None, before["caption"])
            and after["bbox"][1] <= settings.continue_band * heights[after["page_index"]])


def ends_over_caption(table: dict[str, Any]) -> bool:
    """A caption is printed under the table, nearer to it than any caption above: the
    table ends there, as a document that prints captions under its tables ends each
    (a part that goes on over the page has its caption under its last part)."""
    below, above = table.get("caption_below_gap"), table.get("caption_gap")
    return (table.get("caption_below") is not None and below is not None
            and (above is None or below < above))


def column_map(before: dict[str, Any], after: dict[str, Any], tolerance: float,
               ) -> list[int] | None:
    """For each column of ``after``, the column of ``before`` it starts at: the same
    columns (as many), or columns whose edges are all edges of ``before`` (a part that
    leaves out a rule ``before`` has), measured from the table's left edge (pages may
    shift the text block); None when the columns do not agree."""
    widths = {len(r) for r in before["rows"]} | {len(r) for r in after["rows"]}
    if len(widths) == 1:
        return list(range(widths.pop()))
    xs_before, xs_after = before.get("xs"), after.get("xs")
    if not xs_before or not xs_after or len(widths) != 2:
        return None
    edges = [x - xs_before[0] for x in xs_before]
    starts = []
    for x in (x - xs_after[0] for x in xs_after):
        near = [i for i, e in enumerate(edges) if abs(e - x) <= tolerance]
        if not near:
            return None
        starts.append(near[0])
    n_after = max(len(r) for r in after["rows"])
    if starts[-1] != len(edges) - 1 or len(starts) != n_after + 1:
        return None
    return starts[:-1]


def remap_part(after: dict[str, Any], starts: list[int], n_cols: int) -> dict[str, Any]:
    """``after``'s rows, merged cells, cut cells and markers on ``before``'s columns:
    a cell spanning several of them fills the first, the others are merged into it."""
    ends = [*starts[1:], n_cols]
    origin = {(r, c): (fr, fc) for r, c, fr, fc in after["merged"]}
    rows: list[list[str | None]] = []
    merged: list[list[int]] = []
    for r, row in enumerate(after["rows"]):
        out: list[str | None] = [None] * n_cols
        for c, text in enumerate(row):
            span = range(starts[c], ends[c])
            if text is not None:
                out[span[0]] = text
                merged += [[r, k, r, span[0]] for k in span[1:]]
            elif (r, c) in origin:
                fr, fc = origin[(r, c)]
                merged += [[r, k, fr, starts[fc]] for k in span]
        rows.append(out)
    return {**after, "rows": rows, "merged": merged,
            "cut": [[r, starts[c]] for r, c in after["cut"]],
            "markers": [[r, starts[c], t] for r, c, t in after["markers"]]}


def _column_texts(rows: Sequence[Sequence[str | None]], count: int) -> list[str]:
    width = max((len(r) for r in rows[:count]), default=0)
    return ["".join(re.sub(r"\s+", "", r[c] or "") for r in rows[:count] if c < len(r))
            for c in range(width)]


def repeated_header(before: dict[str, Any], after: dict[str, Any], most: int = 3) -> int:
    """How many of ``after``'s first rows print ``before``'s header again: the most rows
    (up to ``most``, one data row left) whose text, column by column, agrees with
    ``before``'s first rows in at least half of the columns that hold text (a repeated
    header may rename a column: ``本体詳細`` → ``本体設計``)."""
    found = 0
    for count in range(1, min(most, len(after["rows"]) - 1) + 1):
        mine, theirs = _column_texts(after["rows"], count), _column_texts(before["rows"], count)
        filled = [c for c in range(min(len(mine), len(theirs))) if mine[c] or theirs[c]]
        same = sum(mine[c] == theirs[c] for c in filled)
        if filled and mine[0] == theirs[0] and 2 * same >= len(filled):
            found = count
    return found


def append_continuation(before: dict[str, Any], after: dict[str, Any],
                        starts: list[int] | None = None) -> dict[str, Any]:
    """``before`` with the rows of ``after`` added, on ``before``'s columns
    (``column_map``), its repeated header rows dropped (kept in the part's ``header``)."""
    n_cols = max(len(r) for r in before["rows"])
    if starts is not None and starts != list(range(n_cols)):
        after = remap_part(after, starts, n_cols)
    skip = repeated_header(before, after)
    first_row = len(before["rows"])
    shift = first_row - skip

    def moved(items: list[list[Any]], rows_at: tuple[int, ...]) -> list[list[Any]]:
        return [[v + shift if i in rows_at else v for i, v in enumerate(item)]
                for item in items if item[0] >= skip]

    unsure = [r + shift for r in after.get("unsure_rows", []) if r >= skip]
    if unsure or "unsure_rows" in before:     # tables ruled across only
        before = {**before, "unsure_rows": before.get("unsure_rows", []) + unsure}
    if "label_spans" in before:
        spans = after.get("label_spans") or [None] * len(after["rows"])
        before = {**before, "label_spans": before["label_spans"] + spans[skip:]}
    return {**before, "rows": before["rows"] + after["rows"][skip:],
            "merged": before["merged"] + moved(after["merged"], (0, 2)),
            "cut": before["cut"] + moved(after["cut"], (0,)),
            "markers": before["markers"] + moved(after["markers"], (0,)),
            "continued": [*before["continued"], {
                "page_index": after["page_index"], "page": after["page"],
                "bbox": after["bbox"], "first_row": first_row, "header_dropped": bool(skip),
                "header": after["rows"][:skip],
                **{k: after[k] for k in ("caption_below", "caption_below_gap") if k in after}}]}


def join_continued_tables(tables: Sequence[dict[str, Any]], heights: dict[int, float],
                          settings: TableFinderSettings) -> list[dict[str, Any]]:
    """Tables in page order, each one that runs on to the next page (``follows``) joined
    with its continuation where their columns agree (``column_map``); a continuation
    whose columns do not agree stays a table of its own, marked ``continues_previous``
    (the tables stage links it to the part before). The input is not changed."""
    tops: dict[int, float] = {}
    for t in tables:
        tops[t["page_index"]] = min(tops.get(t["page_index"], t["bbox"][1]), t["bbox"][1])
    joined: list[dict[str, Any]] = []
    for table in tables:
        first = table["bbox"][1] == tops[table["page_index"]]
        if joined and follows(joined[-1], table, first, heights, settings):
            starts = column_map(joined[-1], table, settings.snap_tolerance)
            if starts is not None:
                joined[-1] = append_continuation(joined[-1], table, starts)
                continue
            table = {**table, "continues_previous": True}
        joined.append({**table, "continued": list(table["continued"])})
    return joined
