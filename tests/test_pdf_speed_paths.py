"""The fast paths of the PDF extract give what the slow ones gave: the page cache's
JSON (``ParsedPage.to_json``, written without ``dataclasses.asdict``), the neighbour
index of ``vertical_text.split_vertical`` and a table's foot lines grouped from a clean
cut (``table_cell_text.lines_from_the_foot``), a line's footnote markers decided on its
type sizes first (``split_markers``) and a cell of one printed line read with no look at
its line breaks (``chars_to_cell_text``), and the column spans and glyphs of a table ruled
across only (``hrule_tables.column_spans``, ``glyphs_between``)."""

from __future__ import annotations

import json
import pickle
import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.common.files import dumps_json
from pipeline.extract.pdf.chars import Char, ParsedPage, Rect
from pipeline.extract.pdf.glyph_index import index_glyphs
from pipeline.extract.pdf.hrule_tables import column_spans, glyphs_between, glyphs_by_middle
from pipeline.extract.pdf.table_cell_text import (
    chars_to_cell_text,
    chars_to_lines,
    lines_from_the_foot,
    split_markers,
)
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.extract.pdf.vertical_text import has_neighbour, within_reach


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


def test_page_columns_give_the_page_back() -> None:
    """The page cache's form (glyphs by field, pickled) reads back as the same page,
    an empty one too; off-page glyphs kept apart."""
    with_off = replace(page(), off_page=(Char("頁", -20.0, -11.0, 3.0, 12.0, 9.0),))
    blank = ParsedPage(1, 595.28, 841.89, (), (), 0, 0)
    for original in (page(), with_off, blank):
        data = pickle.loads(pickle.dumps(original.to_columns()))
        assert ParsedPage.from_columns(data) == original
    assert page().to_columns()["chars"][0] == ("第", "a")
    assert with_off.to_columns()["off_page"] == [("頁",), (-20.0,), (-11.0,), (3.0,),
                                                 (12.0,), (9.0,), (True,), (False,),
                                                 (0,), (with_off.off_page[0].face,)]


def test_glyphs_within_reach_give_the_neighbours_of_the_whole_page() -> None:
    """A stacked tab glyph far right of the text (no neighbour), a glyph one em from a
    wide glyph whose left edge is far to its left (a neighbour), a glyph on another row
    (none), a glyph drawn right to left and one of no size beside a stack: looked for
    among the glyphs within reach of the stacked ones, as among the whole page's."""
    wide = Char("■", 100.0, 160.0, 50.0, 60.0, 10.0)
    near_wide = Char("表", 165.0, 175.0, 50.0, 60.0, 10.0)
    tab = Char("第", 560.0, 570.0, 300.0, 310.0, 10.0)
    other_row = Char("字", 165.0, 175.0, 80.0, 90.0, 10.0)
    reversed_box = Char("逆", 185.0, 176.0, 50.0, 60.0, 10.0)
    no_size = Char("・", 560.0, 560.0, 311.0, 312.0, 0.0)
    chars = [wide, near_wide, tab, other_row, reversed_box, no_size,
             Char(" ", 170.0, 172.0, 50.0, 60.0, 10.0)]
    for left, right in (([near_wide], []), ([], [tab]), ([other_row], [tab, no_size]),
                        ([reversed_box, wide], [])):
        near = within_reach(chars, left, right)
        assert [has_neighbour(c, near) for c in left + right] == [
            has_neighbour(c, chars) for c in left + right]
    assert [has_neighbour(c, chars) for c in (near_wide, tab, other_row)] == [True, False, False]
    assert within_reach(chars, [], [tab]) == [tab, no_size]
    assert within_reach(chars, [], []) == []


@pytest.mark.parametrize("seed", range(20))
def test_glyphs_within_reach_of_made_up_stacks(seed: int) -> None:
    """Random glyphs (some drawn right to left, some tiny) and random stacked ones:
    the neighbours found among those within reach are those of the whole page."""
    rng = random.Random(seed)
    chars = []
    for _ in range(80):
        x, y, size = rng.uniform(0.0, 500.0), rng.uniform(0.0, 700.0), rng.choice((0.0, 0.5, 9.0, 12.0))
        width = rng.choice((1.0, 1.0, -1.0)) * rng.uniform(0.0, 2.0) * size
        chars.append(Char(rng.choice("本文 の表1"), x, x + width, y, y + size, size))
    for _ in range(5):
        left, right = rng.sample(chars, rng.randint(0, 6)), rng.sample(chars, rng.randint(0, 6))
        near = within_reach(chars, left, right)
        assert [has_neighbour(c, near) for c in left + right] == [
            has_neighbour(c, chars) for c in left + right]


def test_foot_lines_are_the_lines_read_from_the_foot() -> None:
    """Two lines of one size, a raised small glyph between them that overlaps both (no
    clean cut above the second line), and a last line apart: the same lines, foot first,
    as grouping every glyph."""
    first = [Char("注", 10.0, 20.0, 100.0, 110.0, 10.0), Char("表", 20.0, 30.0, 100.0, 110.0, 10.0)]
    raised = [Char("1", 30.0, 34.0, 106.0, 113.0, 5.0)]
    second = [Char("資", 10.0, 20.0, 111.0, 121.0, 10.0), Char("料", 20.0, 30.0, 111.0, 121.0, 10.0)]
    last = [Char("※", 10.0, 20.0, 130.0, 140.0, 10.0)]
    glyphs = second + last + raised + first
    expected = list(reversed(chars_to_lines(glyphs, 0.5)))
    assert [[c.text for c in line] for line in expected] == [["※"], ["資", "料"], ["注", "表", "1"]]
    assert list(lines_from_the_foot(glyphs, 0.5)) == expected


def test_no_cut_under_a_tall_glyph_of_the_line_above() -> None:
    """A line whose first glyph stands below the glyph just before it, but not below a
    tall bracket earlier in the line above (MOE's ``【``): no clean cut there; a last
    line below everything: one."""
    above = [Char("表", 10.0, 20.0, 100.0, 110.0, 10.0), Char("【", 20.0, 30.0, 100.0, 125.0, 10.0),
             Char("計", 30.0, 40.0, 100.0, 110.0, 10.0)]
    under = [Char("注", 10.0, 20.0, 112.0, 122.0, 10.0), Char("記", 20.0, 30.0, 112.0, 122.0, 10.0)]
    last = [Char("※", 10.0, 20.0, 130.0, 140.0, 10.0)]
    glyphs = above + under + last
    assert list(lines_from_the_foot(glyphs, 0.5)) == list(reversed(chars_to_lines(glyphs, 0.5)))


@pytest.mark.parametrize("seed", range(40))
def test_foot_lines_agree_on_random_glyphs(seed: int) -> None:
    """Glyphs of mixed sizes scattered over a few bands, some of no height or upside
    down (no cut is sure: all grouped), at three overlaps."""
    rng = random.Random(seed)
    glyphs = []
    for k in range(rng.randint(0, 40)):
        size = rng.choice((5.0, 9.0, 10.0, 12.0))
        top = rng.choice((100.0, 111.0, 120.5, 140.0)) + rng.uniform(-4.0, 4.0)
        height = size if rng.random() > 0.05 else rng.choice((0.0, -2.0))
        x0 = rng.uniform(0.0, 200.0)
        glyphs.append(Char(str(k), x0, x0 + size, top, top + height, size))
    for overlap in (0.0, 0.5, 1.0):
        assert list(lines_from_the_foot(glyphs, overlap)) == list(
            reversed(chars_to_lines(glyphs, overlap)))


printed = fx.chars      # a printed line of glyphs an em wide (Latin ones half as wide)


def raised(text: str, x: float, baseline: float, size: float) -> list[Char]:
    """Small glyphs set high: their foot well above the line's baseline."""
    return [Char(g, x + i * size, x + (i + 1) * size, baseline - 2.2 * size,
                 baseline - 1.2 * size, size) for i, g in enumerate(text)]


@pytest.mark.parametrize(("line", "kept", "markers"), [
    # a footnote marker raised after a MOD figure: taken out
    (printed("防衛関係費", top=100.0, size=10.0) + raised("1", 100.0, 110.0, 6.0),
     "防衛関係費", "1"),
    # a line of one size (most lines): nothing small enough to be a marker
    (printed("農業産出額9兆円", top=100.0, size=10.0), "農業産出額9兆円", ""),
    # small glyphs on the baseline (a unit set smaller, MHLW): no marker
    (printed("保険料", top=100.0, size=10.0) + printed("千円", top=104.0, size=6.0, x=80.0),
     "保険料千円", ""),
])
def test_markers_split_only_from_small_raised_glyphs(line: list[Char], kept: str,
                                                      markers: str) -> None:
    glyphs, found = split_markers(line, 0.9)
    assert ("".join(c.text for c in glyphs), found) == (kept, markers)


@pytest.mark.parametrize(("text", "expected"), [
    ("環境基本計画", "環境基本計画"),                  # one line: as printed
    ("　", ""),                                          # a blank cell
])
def test_cell_text_of_one_line(text: str, expected: str) -> None:
    settings = TableFinderSettings()
    box = (40.0, 95.0, 300.0, 115.0)
    assert chars_to_cell_text(printed(text), settings, box) == (expected, "")
    assert chars_to_cell_text(printed(text), settings) == (expected, "")


def spans_one_glyph_at_a_time(glyphs: list[Char], gap: float) -> list[tuple[float, float]]:
    """``column_spans`` read plainly: each glyph, left to right, widens the last span
    when it starts within ``gap`` of its end, else opens a span of its own."""
    spans: list[tuple[float, float]] = []
    for char in sorted(glyphs, key=lambda c: c.x0):
        if spans and char.x0 - spans[-1][1] <= gap:
            spans[-1] = (spans[-1][0], max(spans[-1][1], char.x1))
        else:
            spans.append((char.x0, char.x1))
    return spans


@pytest.mark.parametrize("seed", range(30))
def test_column_spans_agree_with_the_plain_reading(seed: int) -> None:
    """Columns of figures (METI, MAFF tables) with glyphs of several widths, some
    starting together, a wide head over two columns, at gaps of none to several ems."""
    rng = random.Random(seed)
    glyphs = []
    for k in range(rng.randint(0, 60)):
        x0 = rng.choice((50.0, 120.0, 121.5, 200.0, 330.0)) + rng.choice((0.0, rng.uniform(0, 40)))
        width = rng.choice((0.0, 4.5, 9.0, 9.0, 80.0 if k % 17 == 0 else 9.0))
        glyphs.append(Char(str(k), x0, x0 + width, 100.0, 109.0, 9.0))
    for gap in (0.0, 1.5, 13.5, 40.0):
        assert column_spans(glyphs, gap) == spans_one_glyph_at_a_time(glyphs, gap)


@pytest.mark.parametrize("seed", range(20))
def test_glyphs_between_rules_are_the_scanned_ones(seed: int) -> None:
    """A page's printed glyphs by their middles, read off its index (blanks left out,
    glyphs of one middle in the page's order), and a header's and a table's data glyphs
    between rules, cut at the rule under the header by bisection: those a scan of the
    page finds, glyphs on a rule too."""
    rng = random.Random(seed)
    chars = []
    for k in range(rng.randint(0, 80)):
        top = rng.choice((95.0, 100.0, 105.5, 118.0, 130.0)) + rng.choice((0.0, rng.uniform(-6, 6)))
        x0 = rng.uniform(0, 500)
        text = rng.choice(("表", "1", " ", "\u3000", "計" + str(k)))
        chars.append(Char(text, x0, x0 + 9.0, top, top + 9.0, 9.0))
    plain = sorted((c for c in chars if not c.text.isspace()), key=lambda c: (c.top + c.bottom) / 2)
    page = glyphs_by_middle(index_glyphs(chars))
    assert page.glyphs == plain
    assert page.middles == [(c.top + c.bottom) / 2 for c in plain]
    for top, under, bottom in ((100.0, 112.0, 140.0), (104.5, 104.5, 126.0), (99.0, 122.5, 122.5)):
        head, data = glyphs_between(page, top, under, bottom, 50.0, 400.0)
        inside = [c for c in plain if top < (c.top + c.bottom) / 2 < bottom
                  and 50.0 <= c.xmid <= 400.0]
        assert head + data == inside
        assert data == [c for c in inside if (c.top + c.bottom) / 2 > under]
