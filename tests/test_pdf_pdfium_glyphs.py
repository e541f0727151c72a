"""The short ways of the PDFium glyph path give what the long ways gave: an upright
glyph's box from its object's terms (``pdfium_glyphs.upright_terms``) is
``pdfminer_box``'s, ``pdfium_glyph_boxes.is_vertical`` on an object's origins, and
``chars.raw_to_chars`` looking at a glyph's cells only when its text is near."""

from __future__ import annotations

import pytest

from pipeline.extract.pdf.chars import RawChar, raw_to_chars
from pipeline.extract.pdf.pdfium_glyph_boxes import (
    is_vertical,
    join_ligatures,
    set_vertical_boxes,
)
from pipeline.extract.pdf.pdfium_glyphs import (
    TEXT,
    TOP,
    Glyph,
    GlyphRun,
    ObjectFacts,
    pdfminer_box,
    upright_terms,
)


def facts(linear: tuple[float, float, float, float], size: float = 10.5,
          descent: float = -0.12, slant: float = 0.0) -> ObjectFacts:
    return ObjectFacts(1, linear, (*linear, 72.0, 700.0), "MS-Mincho", 400, 0, 0.0,
                       descent, size, True, slant)


@pytest.mark.parametrize("linear,slant", [
    ((1.0, 0.0, 0.0, 1.0), 0.0),          # body text
    ((0.9, 0.0, 0.0, 1.0), 0.0),          # a squeezed table cell (長体 90 %)
    ((1.0, 0.0, 0.0, 1.1), 0.0),          # a flattened heading
    ((1.0, 0.0, 0.0, 1.0), 0.37),         # a slant read off a loose box
])
@pytest.mark.parametrize("x,y,right", [
    (72.0, 700.0, 82.5),                  # one em wide
    (310.25, 123.4, 313.1),               # a narrow digit
    (100.0, 50.0, 99.0),                  # a loose box short of the origin: no advance
])
def test_an_upright_glyphs_box_from_its_objects_terms(
        linear: tuple[float, float, float, float], slant: float,
        x: float, y: float, right: float) -> None:
    f = facts(linear, slant=slant)
    terms = upright_terms(f)
    assert terms is not None
    a, reach, below, above = terms
    # the sums read_glyphs makes of them
    box = (x, y + below, x + a * max((right - x - reach) / a, 0.0), y + above)
    assert box == pdfminer_box(f.linear, x, y, (x - 1.0, y - 3.0, right, y + 9.0),
                               f.descent, f.font_size, f.slant)


@pytest.mark.parametrize("linear", [
    (1.0, 0.0, 0.27, 1.0),                # a synthetic italic: skewed
    (0.0, 1.0, -1.0, 0.0),                # turned up the page (a table set sideways)
    (-1.0, 0.0, 0.0, -1.0),               # upside down
    (-1.0, 0.0, 0.0, 1.0),                # mirrored
])
def test_other_matrices_take_the_long_way(linear: tuple[float, float, float, float]) -> None:
    assert upright_terms(facts(linear)) is None


UPRIGHT = (1.0, 0.0, 0.0, 1.0, 500.0, 700.0)


@pytest.mark.parametrize("matrix,origins,stacked,vertical", [
    (UPRIGHT, [(500.0, 690.0), (500.0, 679.5), (500.0, 669.0)], False, True),   # 縦書き
    (UPRIGHT, [(500.0, 690.0)] * 3, True, True),            # PDFium set all at one origin
    (UPRIGHT, [(500.0, 700.0), (510.5, 700.0)], False, False),   # across the page
    (UPRIGHT, [(500.0, 690.0), (500.0, 690.0), (500.0, 679.5)], False, False),
    (UPRIGHT, [(495.0, 688.0)], False, True),                # one glyph off its position
    (UPRIGHT, [(500.0, 700.0)], False, False),               # one glyph on it
    ((0.0, 1.0, -1.0, 0.0, 500.0, 700.0), [(500.0, 690.0), (500.0, 679.5)], False, False),
])
def test_vertical_writing_from_an_objects_origins(
        matrix: tuple[float, ...], origins: list[tuple[float, float]], stacked: bool,
        vertical: bool) -> None:
    assert is_vertical(matrix, [at(x, y) for x, y in origins], stacked) is vertical


def at(x: float, y: float, text: str = "縦", width: float = 10.5) -> Glyph:
    """A glyph with its origin at (x, y), its box one ``width`` to the right."""
    return (text, x, y - 1.26, x + width, y + 9.24, 10.5, x, y, ord(text[0]))


def test_an_object_read_in_two_runs_is_mended_in_each() -> None:
    """Vertical writing whose glyphs PDFium lists in two runs (another object's glyph
    between them): the object's boxes are set as one, each run keeping its own."""
    f = facts((1.0, 0.0, 0.0, 1.0))._replace(address=7, matrix=(1.0, 0.0, 0.0, 1.0, 72.0, 700.0))
    other = facts((1.0, 0.0, 0.0, 1.0))._replace(address=8, matrix=(1.0, 0.0, 0.0, 1.0, 300.0, 400.0))
    runs = [GlyphRun(f, [at(72.0, 690.0), at(72.0, 679.5)]), GlyphRun(other, [at(300.0, 400.0)]),
            GlyphRun(f, [at(72.0, 669.0)])]
    mended, replaced = set_vertical_boxes(runs, {})
    assert replaced == 0
    assert [len(r.glyphs) for r in mended] == [2, 1, 1]
    tops = [g[TOP] for r in (mended[0], mended[2]) for g in r.glyphs]
    assert tops == pytest.approx([701.26, 690.76, 680.26])   # the pen 0.12 size below the top
    assert mended[1].glyphs == [at(300.0, 400.0)]


def test_ligatures_are_joined_within_a_run_only() -> None:
    """Code points with one box in one run are one record; a space, a glyph of no width
    and the next run's glyph are not joined."""
    f = facts((1.0, 0.0, 0.0, 1.0))
    fi = [at(72.0, 700.0, "f"), at(72.0, 700.0, "i"), at(82.5, 700.0, "x")]
    runs = [GlyphRun(f, fi), GlyphRun(f._replace(address=2), [at(82.5, 700.0, "y")]),
            GlyphRun(f, [at(90.0, 700.0, " "), at(90.0, 700.0, "z")]),
            GlyphRun(f, [at(95.0, 700.0, "a", 0.0), at(95.0, 700.0, "b", 0.0)])]
    texts = [[g[TEXT] for g in r.glyphs] for r in join_ligatures(runs)]
    assert texts == [["fi", "x"], ["y"], [" ", "z"], ["a", "b"]]


PAGE = (0.0, 0.0, 595.0, 842.0)


def glyph(text: str, x: float, top: float, size: float = 10.5) -> RawChar:
    return RawChar(text, x, x + size, top, top + size, top, size, True, "UDShinGoPr6N")


def test_a_text_far_off_on_the_page_is_no_duplicate() -> None:
    """The same kana a line or a column away is kept: only the rows about a glyph are
    looked at (an MLIT line: 「の」 twice in a line and once below)."""
    chars = [glyph("の", 100.0, 200.0), glyph("の", 163.0, 200.0), glyph("の", 100.0, 221.0)]
    kept = raw_to_chars(chars, PAGE, 0.25).chars
    assert [(c.text, c.x0, c.top, c.bold) for c in kept] == [
        ("の", 100.0, 200.0, False), ("の", 163.0, 200.0, False), ("の", 100.0, 221.0, False)]


def test_an_overprint_goes_to_the_first_glyph_it_repeats() -> None:
    """A fake bold 「重」 printed at 0.2 pt right, one row down the grid from its first
    print (its top just past a cell's edge): dropped, and the first print marked bold;
    an exact overprint is dropped without the mark."""
    first = glyph("重", 100.0, 209.9)
    chars = [first, glyph("重", 100.2, 210.1), glyph("点", 110.5, 209.9),
             glyph("点", 110.5, 209.9)]
    kept = raw_to_chars(chars, PAGE, 0.25).chars
    assert [(c.text, c.x0, c.top, c.bold) for c in kept] == [
        ("重", first.x0, first.top, True), ("点", 110.5, 209.9, False)]
