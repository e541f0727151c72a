"""The table finder's glyph index (``glyph_index``) gives exactly what a scan of every
glyph of the page gives, and the quick test of a cell that may print figures alone on
its lines (``table_cells.may_print_figures``) never turns one away."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.glyph_index import glyphs_in_band, glyphs_in_box, index_glyphs
from pipeline.extract.pdf.table_cells import (
    _FIGURE_LINE,
    _FIGURE_TEXT,
    grid_to_cells,
    may_print_figures,
    row_to_cells,
)


def middle_inside(char: Char, box: tuple[float, float, float, float]) -> bool:
    """The plain reading the index must give: the glyph's middle in the box, edges too."""
    x, y = char.xmid, (char.top + char.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _page() -> list[Char]:
    """A page of a heading, a caption, rows of a table and a note, out of reading order
    as producers give them (the note drawn before the table), glyphs on equal heights."""
    return [*fx.chars("第１-２-３表　一般会計歳出の推移", top=80.0, size=10.0),
            *fx.chars("資料：厚生労働省「国民医療費」", top=300.0, size=8.0),
            *fx.chars("区分", top=120.0, size=9.0, x=60.0), *fx.chars("令和4年度", top=120.0,
                                                                   size=9.0, x=200.0),
            *fx.chars("社会保障関係費", top=140.0, size=9.0, x=60.0),
            *fx.chars("362,735", top=140.0, size=9.0, x=200.0),
            *fx.chars("防衛関係費", top=160.0, size=9.0, x=60.0),
            *fx.chars("53,687", top=160.0, size=9.0, x=200.0)]


def _random_page(seed: int) -> list[Char]:
    rng = random.Random(seed)
    out = []
    for _ in range(300):
        top = round(rng.uniform(0, 800), 1)
        x0 = round(rng.uniform(0, 560), 1)
        out.append(Char("字", x0, x0 + 9.0, top, top + rng.choice((8.0, 9.0, 10.0)), 9.0))
    return out


@pytest.mark.parametrize("box", [
    (50.0, 115.0, 300.0, 170.0),      # the table's rows
    (60.0, 124.5, 78.0, 124.5),       # a box of no height on the heads' middle: its edges count
    (0.0, 0.0, 600.0, 800.0),         # the whole page
    (0.0, 500.0, 600.0, 800.0),       # nothing there
])
def test_glyphs_in_box_are_the_scanned_ones_in_page_order(box: tuple[float, ...]) -> None:
    page = _page()
    found = glyphs_in_box(index_glyphs(page), box)
    assert found == [c for c in page if middle_inside(c, box)]  # type: ignore[arg-type]


def test_glyphs_in_box_on_random_pages() -> None:
    for seed in range(5):
        page = _random_page(seed)
        index = index_glyphs(page)
        for box in [(100.0, 100.0, 400.0, 300.0), (0.0, 404.0, 600.0, 404.5)]:
            assert glyphs_in_box(index, box) == [c for c in page if middle_inside(c, box)]


def test_open_band_leaves_out_glyphs_on_its_edges() -> None:
    page = _page()
    index = index_glyphs(page)
    middle = 140.0 + 9.0 / 2          # the row 社会保障関係費 362,735
    assert glyphs_in_band(index, middle, middle + 10.0, closed=False) == []
    assert "".join(c.text for c in glyphs_in_band(index, middle, middle)) == "社会保障関係費362,735"
    below = glyphs_in_band(index, middle, float("inf"), closed=False)
    assert "".join(c.text for c in below) == "資料：厚生労働省「国民医療費」防衛関係費53,687"


def test_figure_text_is_what_a_figure_line_prints() -> None:
    """``_FIGURE_TEXT`` holds every character ``_FIGURE_LINE`` lets a line print, and
    no other: change one, change the other."""
    printed = {chr(cp) for cp in range(0x20, 0x10000)
               if any(_FIGURE_LINE.match(s) for s in (chr(cp), chr(cp) + "1", "1" + chr(cp)))}
    assert printed == set(_FIGURE_TEXT)


@pytest.mark.parametrize("cell, may", [
    ("1,2345,678", True),        # figures of several lines (財務 style 一般会計歳出)
    ("△1,700－", True),           # a fall and a dash for none (MAFF, MOD tables)
    ("12", True),
    ("1", False),                # one glyph: never two lines
    ("総数", False),              # a label
    ("362,735億円", False),       # a unit printed with the figure
    ("R4", False),
])
def test_may_print_figures(cell: str, may: bool) -> None:
    assert may_print_figures(fx.chars(cell)) is may


def test_blanks_do_not_count_as_printed() -> None:
    assert may_print_figures(fx.chars("1　")) is False
    assert may_print_figures(fx.chars("1 2")) is True


def test_row_to_cells_are_the_scanned_ones() -> None:
    """Each cell of a ruled row takes the glyphs whose middle it holds, its borders too
    (a glyph centred on a rule goes to both cells), in the band's order."""
    band = [*fx.chars("社会保障関係費", top=140.0, size=9.0, x=60.0),
            *fx.chars("362,735", top=140.0, size=9.0, x=200.0),
            *fx.chars("△1,700", top=140.0, size=9.0, x=300.0)]
    on_rule = band[7].xmid          # the rule between the first two cells through 3
    row = [(50.0, 130.0, on_rule, 160.0), None, (on_rule, 130.0, 290.0, 160.0),
           (290.0, 130.0, 400.0, 150.0), (400.0, 130.0, 500.0, 160.0)]
    cells = row_to_cells(row, band)
    assert cells == [None if box is None else [c for c in band if middle_inside(c, box)]
                     for box in row]
    assert ["".join(c.text for c in cell) if cell is not None else None for cell in cells] == [
        "社会保障関係費3", None, "362,735", "△1,700", ""]


def test_grid_to_cells_on_random_pages() -> None:
    for seed in range(3):
        page = _random_page(seed)
        xs, ys = [40.0, 120.0, 250.0, 251.0, 420.0], [90.0, 200.0, 404.0, 610.0]
        grid: list[list[tuple[float, float, float, float] | None]] = [
            [(a, top, b, bottom) for a, b in zip(xs, xs[1:], strict=False)]
            for top, bottom in zip(ys, ys[1:], strict=False)]
        grid[1][1] = None
        expected = [[None if box is None else [c for c in page if middle_inside(c, box)]
                     for box in row] for row in grid]
        assert grid_to_cells(grid, index_glyphs(page)) == expected
        # a cell lies in its table's box: the page's glyphs give what the box's gave
        # (the glyphs beside, over and under the table are in no cell)
        table_box = (xs[0], ys[0], xs[-1], ys[-1])
        inside = glyphs_in_box(index_glyphs(page), table_box)
        assert grid_to_cells(grid, index_glyphs(inside)) == expected
