"""Shaded bands that stand in for the rules of a table drawn with no rules.

Some white papers draw a table with no rule at all: a shaded header, rows banded in
two tints. ``band_edges`` gives the finder of tables ruled across only
(``hrule_tables``) the top and bottom edges of such bands as rules across, never the
``lines`` finder: banded rows (``banded_rows``), the unshaded row they leave at the foot
(``row_under_bands``), and a shaded header over unshaded rows (``rows_under_header``),
each read as a table's rows only where its words stand apart as cells do
(``reads_as_row``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.glyph_index import GlyphIndex, glyphs_in_band

if TYPE_CHECKING:
    from pipeline.extract.pdf.table_settings import TableFinderSettings

BAND_MAX_HEIGHT = 0.05   # × the page height: a taller shaded box is no row's band


def band_edges(page: Any, index: GlyphIndex, settings: TableFinderSettings,
               ) -> list[dict[str, Any]]:
    """The top and bottom edges, as rules across, of the page's shaded bands: filled
    rectangles with no outline, thicker than a rule and no taller than
    ``BAND_MAX_HEIGHT`` of the page (a table's shaded header, its banded rows). They
    stand in for the rules of a table drawn with no rules (``hrule_tables``), never for
    a ruled table's (the ``lines`` finder does not see them); only bands of the same
    ends (drawn whole or cell by cell, ``join_side_by_side``) that follow each other as
    banded rows do (``banded_rows``). Under the lowest,
    the row banded rows leave unshaded at the foot (``row_under_bands``) is closed by an
    edge a band's height lower."""
    from pdfplumber.utils import rect_to_edges

    height = float(page.bbox[3]) - float(page.bbox[1])
    bands = join_side_by_side([r for r in page.rects if r.get("fill") and not r.get("stroke")
                               and settings.rule_max_thickness < r["height"]
                               <= BAND_MAX_HEIGHT * height], settings.snap_tolerance)
    groups: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for rect in bands:
        groups.setdefault((round(rect["x0"]), round(rect["x1"])), []).append(rect)
    origin = (float(page.bbox[0]), float(page.bbox[1]))
    edges: list[dict[str, Any]] = []
    for group in groups.values():
        group.sort(key=lambda r: r["top"])
        if len(group) == 1:         # a shaded header alone: over unshaded rows?
            foot = rows_under_header(group[0], index, origin, settings)
            if foot is not None:
                low = {**group[0], "top": foot, "bottom": foot + group[0]["height"]}
                edges += [e for e in rect_to_edges(group[0]) if e["orientation"] == "h"]
                edges += [e for e in rect_to_edges(low)
                          if e["orientation"] == "h" and abs(e["top"] - foot) < 0.01]
            continue
        if not banded_rows(group):
            continue
        for rect in group:
            edges += [e for e in rect_to_edges(rect) if e["orientation"] == "h"]
        last = group[-1]
        if row_under_bands(last, index, origin, settings):
            low = {**last, "top": last["bottom"], "bottom": last["bottom"] + last["height"]}
            edges += [e for e in rect_to_edges(low) if e["orientation"] == "h"
                      and e["top"] > last["bottom"]]
    return edges


def join_side_by_side(rects: Sequence[dict[str, Any]], snap: float) -> list[dict[str, Any]]:
    """Shaded rectangles of one height standing side by side (within ``snap``: a band
    drawn cell by cell) joined into one band across."""
    joined: list[dict[str, Any]] = []
    for rect in sorted(rects, key=lambda r: (round(r["top"]), round(r["bottom"]), r["x0"])):
        last = joined[-1] if joined else None
        if (last is not None and abs(last["top"] - rect["top"]) <= snap
                and abs(last["bottom"] - rect["bottom"]) <= snap
                and -snap <= rect["x0"] - last["x1"] <= snap):
            joined[-1] = {**last, "x1": max(last["x1"], rect["x1"]),
                          "width": max(last["x1"], rect["x1"]) - last["x0"]}
        else:
            joined.append(dict(rect))
    return joined


def banded_rows(bands: Sequence[dict[str, Any]]) -> bool:
    """Bands of the same ends, top to bottom, are a table's banded rows: two or more, each
    after the one above it at most one unshaded row of about its height later (within
    half of it); a banner over a figure and a box at its foot are not."""
    return len(bands) >= 2 and all(
        below["top"] - above["bottom"] <= 1.5 * max(above["height"], below["height"])
        for above, below in itertools.pairwise(bands))


def row_under_bands(band: dict[str, Any], index: GlyphIndex,
                    origin: tuple[float, float], settings: TableFinderSettings) -> bool:
    """A table's row is printed right under ``band`` (in a slot as tall as it, within its
    ends) whose words read as a row's cells (``reads_as_row``)."""
    top, bottom = band["bottom"] - origin[1], band["bottom"] + band["height"] - origin[1]
    x0, x1 = band["x0"] - origin[0], band["x1"] - origin[0]
    slot = [c for c in glyphs_in_band(index, top, bottom, closed=False)
            if c.text.strip() and x0 <= c.xmid <= x1]
    return reads_as_row(slot, x1 - x0, settings)


def reads_as_row(glyphs: Sequence[Char], width: float, settings: TableFinderSettings) -> bool:
    """The glyphs of one printed line stand as a table row's cells: two words or more
    (parted by more than ``hrule_column_gap`` em), none wider than a third of the
    table's ``width`` (not a source line, a title or running text)."""
    if not glyphs:
        return False
    gap = settings.hrule_column_gap * sorted(c.size for c in glyphs)[len(glyphs) // 2]
    words: list[list[Char]] = []
    for char in sorted(glyphs, key=lambda c: c.x0):
        if words and char.x0 - words[-1][-1].x1 <= gap:
            words[-1].append(char)
        else:
            words.append([char])
    return len(words) >= 2 and all(3 * (w[-1].x1 - w[0].x0) <= width for w in words)


HEADER_ROW_GAP = 1.5    # × the type size: a wider blank between two lines ends the rows


def rows_under_header(band: dict[str, Any], index: GlyphIndex,
                      origin: tuple[float, float], settings: TableFinderSettings,
                      ) -> float | None:
    """Where the rows printed under a shaded header alone end (in the page's own
    coordinates, as ``band``), or None: the band's words read as heads
    (``reads_as_row``), and two printed lines or more follow right under it within its
    ends, each read as a row, none more than ``HEADER_ROW_GAP`` × its type size under
    the one before; the first line that does not read so ends them."""
    from pipeline.extract.pdf.table_cell_text import chars_to_lines

    top, bottom = band["top"] - origin[1], band["bottom"] - origin[1]
    x0, x1 = band["x0"] - origin[0], band["x1"] - origin[0]
    # the heads first, from the band's height alone (``glyphs_in_band``): every shaded
    # box of a page (a heading's banner) comes here, most of them over no row of heads
    def kept(glyphs: list[Char]) -> list[Char]:
        return [c for c in glyphs if c.bottom > top and x0 <= c.xmid <= x1 and c.text.strip()]

    heads = kept(glyphs_in_band(index, top, bottom, closed=False))
    if not reads_as_row(heads, x1 - x0, settings):
        return None
    below = kept(glyphs_in_band(index, bottom, math.inf, closed=False))
    rows, last = 0, bottom
    for line in chars_to_lines(below, settings.line_overlap):
        size = sorted(c.size for c in line)[len(line) // 2]
        if min(c.top for c in line) - last > HEADER_ROW_GAP * size \
                or not reads_as_row(line, x1 - x0, settings):
            break
        rows, last = rows + 1, max(c.bottom for c in line)
    return last + 2.0 + origin[1] if rows >= 2 else None


