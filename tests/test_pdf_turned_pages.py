"""Pages printed sideways are read turned back (``extract.pdf.turns``): a landscape
table set on a portrait page, and whole pages turned by ``/Rotate``, with both
character sources. Expectations read off the made-up pages (``pdf_fixtures``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.chars import RawChar, quarter_turn
from pipeline.extract.pdf.pdfium_source import read_pdfium_pages
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.settings import PdfSettings
from pipeline.extract.pdf.turns import Turn, page_turn, turn_box
from pipeline.schemas import Extracted


def lines_of(extracted: Extracted, page: int) -> list[tuple[str, str]]:
    return [(ln.hint, ln.text) for ln in extracted.lines if ln.page_index == page]


@pytest.mark.parametrize(("angle", "degrees"), [(90, 90), (-90, 270)])
def test_a_sideways_table_is_read_in_its_own_frame(tmp_path: Path, angle: int,
                                                   degrees: int) -> None:
    extracted = extract_pdf(fx.sideways_table(tmp_path / "s.pdf", angle), "x", PdfSettings())
    # 97 glyphs turned upright: the caption's 14, the cells' 34 and two body lines of 19
    # (indented) and 30; 18 left turned: the running head's 16 (with its space) and the page number
    assert extracted.page_flags == ({"page_index": 2, "flag": "turned", "count": 97,
                                     "degrees": degrees, "not_turned": 18},)
    [table] = extracted.tables
    assert (table["page_index"], table["caption"], table["rows"]) == (
        2, "表２-１", [["区分", "2022年度", "2023年度"], ["東京", "1,065", "1,102"],
                     ["大阪", "358", "362"]])
    body = [text for hint, text in lines_of(extracted, 2) if hint == ""]
    assert body == ["表２-１\u3000試験用の横向きの表", "横1本文の行を埋めるための文字列です。",
                    "横2本文の行を埋めるための文字列です。科学技術白書の試験用の"]
    assert {ln.page for ln in extracted.lines if ln.page_index == 2} == {"12"}   # 11, 13 around
    # the head and the page number stay upright on the page, so stand turned in its frame:
    # kept apart as turned text, not read into the body
    assert [(h, t) for h, t in lines_of(extracted, 2) if h == "vertical_text"] == [
        ("vertical_text", "第２章我が国における試験の取組"), ("vertical_text", "12")]
    assert ("running_header", "第２章 我が国における試験の取組") in lines_of(extracted, 3)


@pytest.mark.parametrize("angle", [90, -90])
def test_both_sources_read_a_sideways_page_the_same(tmp_path: Path, angle: int) -> None:
    """(PDFium leaves the turned page's blank objects out of its text page, so hands
    that page to pdfplumber: ``test_pdfium_reads_a_turned_page_as_pdfminer_does`` has
    turned pages PDFium reads itself.)"""
    path = fx.sideways_table(tmp_path / "s.pdf", angle)
    fast = extract_pdf(path, "x", PdfSettings(source="pdfium"))
    reference = extract_pdf(path, "x", PdfSettings(source="pdfplumber"))
    assert replace(fast, reader="") == replace(reference, reader="")


def rotated_copy(path: Path, target: Path, rotation: int,
                 cut: tuple[float, float, float, float] | None = None) -> Path:
    """``path`` with every page turned by ``/Rotate`` (a viewer shows it sideways), and
    cut by a CropBox ``cut`` points in from the left, bottom, right and top."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for page in pdf:
            if cut is not None:
                width, height = page.get_size()
                page.set_cropbox(cut[0], cut[1], width - cut[2], height - cut[3])
            page.set_rotation(rotation)
        pdf.save(target)
    finally:
        pdf.close()
    return target


@pytest.mark.parametrize("rotation", [90, 180, 270])
@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_page_turned_by_rotate_reads_as_the_upright_page(tmp_path: Path, rotation: int,
                                                           source: str) -> None:
    upright = fx.ruled_grid(tmp_path / "upright.pdf")
    turned = rotated_copy(upright, tmp_path / "turned.pdf", rotation)
    settings = PdfSettings(source=source)
    reference, extracted = (extract_pdf(upright, "x", settings),
                            extract_pdf(turned, "x", settings))
    # 222 glyphs: two body paragraphs (19 + 40 each), the caption's 16, the cells' 78,
    # the raised marker and the source note's 9
    assert extracted.page_flags == ({"page_index": 1, "flag": "turned", "count": 222,
                                     "degrees": (360 - rotation) % 360, "not_turned": 0},)
    assert extracted.lines == reference.lines
    assert extracted.tables == reference.tables


@pytest.mark.parametrize("rotation", [90, 180, 270])
@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_page_turned_by_rotate_and_cropped_unevenly(tmp_path: Path, rotation: int,
                                                      source: str) -> None:
    """pdfplumber's ``cropbox`` of a page turned a quarter only swaps the axes: a CropBox
    cutting 30 pt at the left and 10 at the right (20 at the foot, 40 at the head) stood
    20 pt beside the glyphs, and at 180° the running head beyond it was read."""
    heads = fx.running_heads(tmp_path / "heads.pdf")
    cropped = rotated_copy(heads, tmp_path / "cropped.pdf", 0, cut=(30, 20, 10, 40))
    turned = rotated_copy(heads, tmp_path / "turned.pdf", rotation, cut=(30, 20, 10, 40))
    settings = PdfSettings(source=source)
    reference, extracted = (extract_pdf(cropped, "x", settings),
                            extract_pdf(turned, "x", settings))
    assert extracted.lines == reference.lines
    # the body's first lines at 70.5 (indented) and 60, less the 30 cut; the running
    # head, its baseline at 805 above the cut at 842 - 40, is off the page
    assert [ln.x0 for ln in reference.lines[:2]] == [40.5, 30.0]
    assert {ln.hint for ln in reference.lines if "我が国" in ln.text} == {"off_page"}
    assert {ln.page for ln in reference.lines} == {"11", "12", "13"}


@pytest.mark.parametrize("angle", [90, -90, 180])
def test_a_table_without_full_rules_on_a_turned_page(tmp_path: Path, angle: int) -> None:
    """pdfplumber's text strategy reads the turned page's glyphs turned back, as the
    upright page's."""
    upright = extract_pdf(fx.ruled_table(tmp_path / "up.pdf"), "x", PdfSettings())
    turned = extract_pdf(fx.ruled_table(tmp_path / "t.pdf", angle), "x", PdfSettings())
    [table] = upright.tables
    # the text strategy's rows: the words' lines and the gaps between them
    assert (table["strategy"], table["caption"], table["rows"][::2]) == (
        "text", "第１-１-１表", [["項目", "件数"], ["東京", "100"], ["大阪", "80"],
                                ["名古屋", "60"]])
    assert turned.tables == upright.tables and turned.lines == upright.lines


@pytest.mark.parametrize(("make", "angle"), [(fx.double_spaced, 90), (fx.double_spaced, -90),
                                            (fx.ruled_grid, 180), (fx.ruled_table, 180)],
                         ids=lambda v: getattr(v, "__name__", str(v)))
def test_pdfium_reads_a_turned_page_as_pdfminer_does(tmp_path: Path, angle: int,
                                                     make: Callable[..., Path]) -> None:
    """PDFium reads these pages itself: its box of a glyph turned a quarter is built as
    pdfminer's (one size across the baseline from the descent, not the font's ascent
    and descent: body text read 10.1 pt), and a substituted font's overrun is clipped in
    every turn (an upside-down ``Data science`` lost its space). (Turned a quarter, the
    8-point words of the two tables are left out of PDFium's text page: it hands those
    pages to pdfplumber.)"""
    path = make(tmp_path / "t.pdf", angle)
    [raw] = read_pdfium_pages(path)
    assert (raw.unread_text, raw.rotation, raw.made_up_metrics) == (0, 0, 0)
    fast = extract_pdf(path, "x", PdfSettings(source="pdfium"))
    reference = extract_pdf(path, "x", PdfSettings(source="pdfplumber"))
    assert replace(fast, reader="") == replace(reference, reader="")
    assert fast.page_flags[0]["degrees"] == (360 + angle) % 360
    upright = extract_pdf(make(tmp_path / "up.pdf"), "x", PdfSettings(source="pdfium"))
    assert fast.lines == upright.lines and fast.tables == upright.tables


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_turned_column_heads_read_their_way(tmp_path: Path, source: str) -> None:
    """Heads turned up their columns over upright figures: the table is kept (most of
    its cells are upright) and each head reads from its foot up."""
    path = fx.turned_heads_table(tmp_path / "t.pdf")
    [table] = extract_pdf(path, "x", PdfSettings(source=source)).tables
    assert table["rows"] == [["年", *fx.TURNED_HEADS], *fx.TURNED_HEADS_BODY]


@pytest.mark.parametrize("angle", [90, -90, 180])
def test_squeezed_type_turned(tmp_path: Path, angle: int) -> None:
    """Type squeezed by ``Tz`` scales the glyph matrix's b, not its c: the box across
    the baseline is still built as pdfminer's, and the page reads as upright."""
    upright = extract_pdf(fx.squeezed_lines(tmp_path / "up.pdf"), "x", PdfSettings())
    path = fx.squeezed_lines(tmp_path / "t.pdf", angle)
    fast = extract_pdf(path, "x", PdfSettings(source="pdfium"))
    reference = extract_pdf(path, "x", PdfSettings(source="pdfplumber"))
    assert replace(fast, reader="") == replace(reference, reader="")
    assert fast.lines == upright.lines
    assert {ln.size for ln in fast.lines} == {10.5}


def glyph(turn: int, text: str = "字") -> RawChar:
    return RawChar(text, 0.0, 10.0, 0.0, 10.0, 0.0, 10.0, turn == 0, turn=turn)


def test_a_page_is_turned_only_when_most_of_its_glyphs_are() -> None:
    page = (0.0, 0.0, 600.0, 800.0)

    def turn(glyphs: list[RawChar]) -> Turn:
        return page_turn(glyphs, page, 0.8, 0.1, 0.33)

    labels = [glyph(0)] * 70 + [glyph(1)] * 30          # a figure's turned labels
    assert turn(labels) == Turn(0)
    # a running head: a line of 30 upright glyphs, 300 pt of the page's 600, which in its
    # body would hold the turn back (``test_a_line_across_the_body_holds_the_turn_back``)
    head = row(30, top=20.0)                             # in the head band (80 pt)
    assert turn(head + [glyph(3)] * 170) == Turn(3)
    assert turn(row(30) + [glyph(3)] * 170) == Turn(0, held=3)
    spaces = [glyph(0, " ")] * 50 + [glyph(1)] * 40     # spaces are not counted
    assert turn(spaces) == Turn(1)
    slug = [glyph(0)] * 10 + [glyph(2)._replace(x0=700.0, x1=710.0)] * 90   # off the page
    assert turn(slug) == Turn(0)
    assert turn([]) == Turn(0)


def row(n: int, x: float = 100.0, top: float = 400.0) -> list[RawChar]:
    """``n`` upright glyphs 10 pt wide side by side from ``x``, in the page's body."""
    return [glyph(0)._replace(x0=x + 10 * i, x1=x + 10 * i + 10, top=top, bottom=top + 10)
            for i in range(n)]


def test_a_line_across_the_body_holds_the_turn_back() -> None:
    page, turned = (0.0, 0.0, 600.0, 800.0), [glyph(1)] * 400

    def turn(glyphs: list[RawChar]) -> Turn:
        return page_turn(glyphs, page, 0.8, 0.1, 0.33)

    assert turn(turned + row(12)) == Turn(1)                     # an axis title: 120 pt
    assert turn(turned + row(12) + row(12, x=360.0)) == Turn(1)  # two, a gap between
    assert turn(turned + row(12) + row(12, top=450.0)) == Turn(1)
    assert turn(turned + row(20)) == Turn(0, held=1)            # 200 pt of 600: a line
    assert turn(turned + row(20)[::3]) == Turn(1)      # gaps of two glyphs: words, no line


@pytest.mark.parametrize("angle", [90, -90])
def test_a_paragraph_beside_a_turned_table_keeps_the_page_as_printed(tmp_path: Path,
                                                                     angle: int) -> None:
    path = fx.sideways_table(tmp_path / "s.pdf", angle, turned_lines=12, upright_lines=2)
    extracted = extract_pdf(path, "x", PdfSettings())
    # 397 glyphs turned: the caption's 14, the cells' 34, 19 + 11 × 30 in the lines;
    # 77 upright: the paragraph's 19 + 40, the running head's 16 and the page number's 2
    assert extracted.page_flags == ({"page_index": 2, "flag": "turned_text", "count": 397,
                                     "degrees": 90 if angle == 90 else 270,
                                     "not_turned": 77},)
    body = [text for hint, text in lines_of(extracted, 2) if hint == ""]
    assert body == ["縦1本文の行を埋めるための文字列です。", fx.body_line("縦2", 40)]
    assert not extracted.tables


def test_quarter_turns_and_turned_boxes() -> None:
    assert [quarter_turn(a, b) for a, b in ((1, 0), (0, 1), (-1, 0), (0, -1), (1, 0.2))] == [
        0, 1, 2, 3, 0]
    shown = (0.0, 0.0, 600.0, 800.0)                    # a portrait page, 600 × 800
    glyph_box = (100.0, 700.0, 110.0, 720.0)            # low on the left
    assert turn_box(glyph_box, shown, 1) == (80.0, 100.0, 100.0, 110.0)
    assert turn_box(glyph_box, shown, 3) == (700.0, 490.0, 720.0, 500.0)
    assert turn_box(glyph_box, shown, 2) == (490.0, 80.0, 500.0, 100.0)


def test_a_turned_page_reads_the_same_from_the_page_cache(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    from pipeline.extract.pdf import reader

    path = fx.sideways_table(tmp_path / "s.pdf", 90)
    cache = tmp_path / "cache"
    parsed = extract_pdf(path, "x", PdfSettings(), cache_dir=cache)

    def no_read(*_: object) -> None:
        raise AssertionError("the PDF was read again, not the page cache")
    monkeypatch.setattr(reader, "raw_pages", no_read)
    cached = extract_pdf(path, "x", PdfSettings(), cache_dir=cache)
    assert cached == parsed and cached.page_flags[0]["flag"] == "turned"
