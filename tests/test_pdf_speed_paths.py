"""The fast paths of the PDF extract give what the slow ones gave: the page cache's
JSON (``ParsedPage.to_json``, written without ``dataclasses.asdict``) and the neighbour
index of ``vertical_text.split_vertical``."""

from __future__ import annotations

import json

from pipeline.common.files import dumps_json
from pipeline.extract.pdf.chars import Char, ParsedPage, Rect
from pipeline.extract.pdf.vertical_text import Neighbours, has_neighbour


def page() -> ParsedPage:
    chars = (Char("第", 10.0, 19.5, 5.0, 14.5, 9.5, True, True),
             Char("a", 20.0, 24.75, 5.5, 14.5, 9.5, False, False))
    return ParsedPage(3, 595.28, 841.89, chars, (Rect(1.0, 2.0, 3.0, 4.0),), 2, 1,
                      (Rect(5.0, 6.0, 70.0, 80.0),))


def test_page_json_lists_every_field_in_order() -> None:
    data = json.loads(dumps_json(page().to_json(), indent=None))
    assert data["chars"] == [list(c._asdict().values()) for c in page().chars]
    assert data["rects"] == [[1.0, 2.0, 3.0, 4.0]]
    assert data["frames"] == [[5.0, 6.0, 70.0, 80.0]]
    assert ParsedPage.from_json(data) == page()


def test_neighbour_index_agrees_with_the_whole_page() -> None:
    """A stacked tab glyph far right of the text (no neighbour), a glyph one em from a
    wide glyph whose left edge is far to its left (a neighbour), and a glyph on another
    row (none)."""
    wide = Char("■", 100.0, 160.0, 50.0, 60.0, 10.0)
    near_wide = Char("表", 165.0, 175.0, 50.0, 60.0, 10.0)
    tab = Char("第", 560.0, 570.0, 300.0, 310.0, 10.0)
    other_row = Char("字", 165.0, 175.0, 80.0, 90.0, 10.0)
    chars = [wide, near_wide, tab, other_row, Char(" ", 170.0, 172.0, 50.0, 60.0, 10.0)]
    index = Neighbours(chars)
    for c in chars:
        assert has_neighbour(c, index) == has_neighbour(c, chars)
    assert [has_neighbour(c, index) for c in (near_wide, tab, other_row)] == [True, False, False]
