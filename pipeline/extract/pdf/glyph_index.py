"""A page's glyphs found by the height of their middle: the table finder asks for the
glyphs of a band of the page (a table's box, a shaded band, the lines over a table)
many times a page; sorted once, each asks by bisection, not by a test of every glyph
on the page (``tables.find_page_tables``, ``bands``, ``table_captions.unit_line_near``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from pipeline.extract.pdf.chars import Char


class GlyphIndex(NamedTuple):
    """The page's glyphs (``chars``, in the page's order), the heights of their
    middles sorted (``middles``) and, for each, the glyph's place in ``chars``
    (``order``)."""

    chars: Sequence[Char]
    middles: list[float]
    order: list[int]


def index_glyphs(chars: Sequence[Char]) -> GlyphIndex:
    middles = [(c.top + c.bottom) / 2 for c in chars]
    order = sorted(range(len(chars)), key=middles.__getitem__)
    return GlyphIndex(chars, [middles[i] for i in order], order)


def glyphs_in_band(index: GlyphIndex, top: float, bottom: float,
                   closed: bool = True) -> list[Char]:
    """The glyphs whose middle lies between ``top`` and ``bottom`` (either one too when
    ``closed``), in the page's order."""
    if closed:
        lo, hi = bisect.bisect_left(index.middles, top), bisect.bisect_right(index.middles, bottom)
    else:
        lo, hi = bisect.bisect_right(index.middles, top), bisect.bisect_left(index.middles, bottom)
    return [index.chars[i] for i in sorted(index.order[lo:hi])]


def glyphs_in_box(index: GlyphIndex, box: Sequence[float]) -> list[Char]:
    """The glyphs whose middle lies inside ``box`` (``x0, top, x1, bottom``; its edges
    too), in the page's order."""
    x0, x1 = box[0], box[2]       # each glyph's xmid, with no property call
    return [c for c in glyphs_in_band(index, box[1], box[3]) if x0 <= (c.x0 + c.x1) / 2 <= x1]
