"""Boxes: the large rectangles of a page (figure frames, column backgrounds), the rules
inside them, and whether one holds a boxed column's prose or a figure."""

from __future__ import annotations

from pipeline.common.column_labels import is_column_label
from pipeline.extract.pdf.chars import Rect
from pipeline.extract.pdf.layout import Run, dominant_size
from pipeline.extract.pdf.settings import PdfSettings


def rects_to_box_rects(rects: tuple[Rect, ...], width: float, body_size: float,
                       settings: PdfSettings) -> list[Rect]:
    """Large rectangles (figure frames, column backgrounds), outermost only."""
    big = [r for r in rects if r.x1 - r.x0 >= settings.box_min_width * width
           and r.bottom - r.top >= settings.box_min_height * body_size]
    outer = [r for r in big if not any(o is not r and o.encloses(r) and o != r for o in big)]
    unique: list[Rect] = []
    for r in sorted(outer, key=lambda r: (r.top, r.x0)):
        if r not in unique:
            unique.append(r)
    return unique


def count_rules(rect: Rect, rects: tuple[Rect, ...]) -> int:
    """Thin rectangles and lines inside ``rect``: the rules of a table or chart."""
    return sum(1 for r in rects if rect.encloses(r) and r != rect
               and min(r.x1 - r.x0, r.bottom - r.top) < 1.5)


def box_kind(runs: list[Run], rect: Rect, rules: int, body_size: float,
             settings: PdfSettings) -> str:
    """``column`` when the box holds prose near body size in box-wide lines and no ruled
    table (``column_box_min_lines`` of them, or two under a column's label), else
    ``figure``."""
    chars = [c for r in runs for c in r.chars if not c.text.isspace()]
    if not chars or dominant_size(chars) < settings.column_min_ratio * body_size:
        return "figure"
    if rules >= settings.table_min_rules:
        return "figure"
    wide = [r for r in runs if r.x1 - r.x0 >= 0.5 * (rect.x1 - rect.x0)]
    rows = len({r.row for r in wide})
    if rows < settings.column_box_min_lines and not (rows >= LABELLED_COLUMN_MIN_LINES
                                                      and opens_with_column_label(runs)):
        return "figure"
    share = sum(len(r.chars) for r in wide) / len(chars)
    return "column" if share >= settings.column_prose_share else "figure"


LABELLED_COLUMN_MIN_LINES = 2   # box-wide lines of a box its column label opens


def opens_with_column_label(runs: list[Run]) -> bool:
    """The box's first row is a boxed column's label (``コラム　題名``, ``コラム1-1``): a
    short column (a few lines on this page) is still prose, not a figure."""
    if not runs:
        return False
    first = min(runs, key=lambda r: (r.top, r.x0)).row
    row = sorted((r for r in runs if r.row == first), key=lambda r: r.x0)
    text = " ".join("".join(c.text for c in r.chars).strip() for r in row)
    return is_column_label(text)


def runs_in_rect(runs: list[Run], rect: Rect) -> list[Run]:
    return [r for r in runs if rect.contains((r.x0 + r.x1) / 2, (r.top + r.bottom) / 2)]
