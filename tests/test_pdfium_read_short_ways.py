"""The short ways of the PDFium read give what the long ways give: a run whose glyphs
all stand at different left edges joins no ligature (``join_ligatures`` against
``joined`` on every run), an object ``is_plain_run`` passes over is one
``object_boxes`` leaves as it is, and a pointer handed to PDFium as a ``pointer_arg``
reaches it as pypdfium2's own checked calls hand it."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.pdfium_geometry import address_of, unchecked
from pipeline.extract.pdf.pdfium_glyph_boxes import (
    is_plain_run,
    join_ligatures,
    joined,
    object_boxes,
)
from pipeline.extract.pdf.pdfium_glyphs import (
    Glyph,
    GlyphRun,
    ObjectFacts,
    TextObject,
    pointer_arg,
)

# a few values, so that edges and origins meet often; -0.0 meets 0.0, NaN meets nothing
VALUES = st.sampled_from([0.0, -0.0, 72.0, 72.005, 82.5, 700.0, 699.995, float("nan")])
GLYPHS = st.lists(st.tuples(st.sampled_from(["f", "i", "文", " ", "(cid:0)"]), VALUES, VALUES,
                            VALUES, VALUES, VALUES, VALUES, VALUES, st.just(0x66)),
                  max_size=6)
LINEAR = st.sampled_from([(1.0, 0.0, 0.0, 1.0),      # body text
                          (0.8, 0.0, 0.0, 1.0),      # a squeezed cell
                          (0.0, 1.0, -1.0, 0.0),     # turned up the page
                          (-1.0, 0.0, 0.0, -1.0)])   # upside down


def facts(linear: tuple[float, float, float, float], embedded: bool) -> ObjectFacts:
    return ObjectFacts(1, linear, (*linear, 72.0, 700.0), "MS-Mincho", 400, 0, 0.0,
                       -0.12, 10.5, embedded)


@settings(max_examples=400, deadline=None)
@given(GLYPHS)
def test_a_run_joins_what_the_long_way_joins(glyphs: list[Glyph]) -> None:
    run = GlyphRun(facts((1.0, 0.0, 0.0, 1.0), True), glyphs)
    assert join_ligatures([run])[0].glyphs == joined(glyphs)


def test_a_ligature_is_still_joined_and_a_line_kept_as_it_is() -> None:
    box = (72.0, 697.5, 82.5, 708.0, 10.5, 72.0, 700.0, 0x66)
    ligature = [("f", *box), ("i", *box), ("x", 82.5, *box[1:])]
    line = [("M", *box), ("A", 82.5, *box[1:]), ("F", 93.0, *box[1:])]
    runs = [GlyphRun(facts((1.0, 0.0, 0.0, 1.0), True), g) for g in (ligature, line)]
    first, second = join_ligatures(runs)
    assert [g[0] for g in first.glyphs] == ["fi", "x"]
    assert second is runs[1]


@settings(max_examples=400, deadline=None)
@given(GLYPHS, LINEAR, st.booleans(), st.booleans())
def test_an_object_passed_over_is_one_object_boxes_leaves(
        glyphs: list[Glyph], linear: tuple[float, float, float, float], embedded: bool,
        wide: bool) -> None:
    f = facts(linear, embedded)
    obj = TextObject(0, None, f.matrix, (72.0, 697.0, 200.0 if wide else 80.0, 708.0))
    if glyphs and is_plain_run(glyphs, f):
        assert object_boxes(glyphs, f, obj) is glyphs


def test_a_column_of_vertical_writing_is_not_passed_over() -> None:
    column = [("縦", 0.0, 0.0, 0.0, 0.0, 10.5, 300.0, 700.0 - 10.5 * n, 0x7E26)
              for n in range(3)]
    line = [("横", 0.0, 0.0, 0.0, 0.0, 10.5, 300.0 + 10.5 * n, 700.0, 0x6A2A)
            for n in range(3)]
    upright = facts((1.0, 0.0, 0.0, 1.0), True)
    assert not is_plain_run(column, upright)
    assert is_plain_run(line, upright)
    assert not is_plain_run(line, facts((1.0, 0.0, 0.0, 1.0), False))   # clipped


def test_a_pointer_arg_reaches_pdfium_as_a_checked_call_does(tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(fx.two_columns(tmp_path / "t.pdf"))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        unicode_of = unchecked(pdfium_c.FPDFText_GetUnicode)
        page_arg = pointer_arg(address_of(textpage.raw))
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        assert count > 100
        assert ([unicode_of(page_arg, k) for k in range(count)]
                == [pdfium_c.FPDFText_GetUnicode(textpage.raw, k) for k in range(count)])
        textpage.close()
        page.close()
    finally:
        pdf.close()
