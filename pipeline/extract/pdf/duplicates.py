"""A glyph printed twice (fake bold, an overprint: ``chars.raw_to_chars`` drops the
second print): ``is_duplicate``, and the search of the glyphs of a text in the cells
one em wide about a glyph that ``raw_to_chars`` keeps per text (``Rows``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.extract.pdf.chars import RawChar


def is_duplicate(a: RawChar, b: RawChar, ratio: float) -> bool:
    """``b`` is ``a`` printed again (fake bold or an overprint): same text and upright
    flag, the same size within 2 %, boxes overlapping and offset by less than ``ratio``
    of the type size, whatever the font."""
    size = max(a.size, 0.1)
    return (a.text == b.text and a.upright == b.upright
            and abs(a.size - b.size) <= 0.02 * size
            and abs(a.x0 - b.x0) < ratio * size
            and abs(a.doctop - b.doctop) < ratio * size
            and min(a.x1, b.x1) - max(a.x0, b.x0) >= 0.5 * min(a.x1 - a.x0, b.x1 - b.x0))


Cell = int | list[int]                 # the kept glyphs of a text in a cell: one, or more
Rows = dict[int, dict[int, Cell]]      # row → column → the cell's kept glyphs


def first_duplicate(near: tuple[dict[int, Cell] | None, ...], gx: int,
                    kept: list[RawChar], char: RawChar, ratio: float) -> int:
    """The first kept glyph that ``char`` duplicates (``is_duplicate``) among those of
    its text in the nine cells about its own (``near``: the rows above, at and below
    its own, column → cell; cells left to right, top to bottom, a cell's glyphs in
    order), or -1."""
    for column in (gx - 1, gx, gx + 1):
        for row in near:
            cell = row.get(column) if row else None
            if cell is None:
                continue
            for k in (cell,) if isinstance(cell, int) else cell:
                if is_duplicate(kept[k], char, ratio):
                    return k
    return -1
