"""Pages printed sideways are read turned back (``extract.pdf.turns``): a landscape
table set on a portrait page, and whole pages turned by ``/Rotate``, with both
character sources. Expectations read off the made-up pages (``pdf_fixtures``)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.chars import RawChar, quarter_turn
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.settings import PdfSettings
from pipeline.extract.pdf.turns import page_turn, turn_box
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
    path = fx.sideways_table(tmp_path / "s.pdf", angle)
    fast = extract_pdf(path, "x", PdfSettings(source="pdfium"))
    reference = extract_pdf(path, "x", PdfSettings(source="pdfplumber"))
    assert replace(fast, reader="") == replace(reference, reader="")


def rotated_copy(path: Path, target: Path, rotation: int) -> Path:
    """``path`` with every page turned by ``/Rotate`` (a viewer shows it sideways)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for page in pdf:
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


def glyph(turn: int, text: str = "字") -> RawChar:
    return RawChar(text, 0.0, 10.0, 0.0, 10.0, 0.0, 10.0, turn == 0, turn=turn)


def test_a_page_is_turned_only_when_most_of_its_glyphs_are() -> None:
    page = (0.0, 0.0, 600.0, 800.0)
    labels = [glyph(0)] * 70 + [glyph(1)] * 30          # a figure's turned labels
    assert page_turn(labels, page, 0.8) == 0
    sideways = [glyph(0)] * 15 + [glyph(3)] * 85        # an upright head over a turned table
    assert page_turn(sideways, page, 0.8) == 3
    spaces = [glyph(0, " ")] * 50 + [glyph(1)] * 40     # spaces are not counted
    assert page_turn(spaces, page, 0.8) == 1
    slug = [glyph(0)] * 10 + [glyph(2)._replace(x0=700.0, x1=710.0)] * 90   # off the page
    assert page_turn(slug, page, 0.8) == 0
    assert page_turn([], page, 0.8) == 0


def test_quarter_turns_and_turned_boxes() -> None:
    assert [quarter_turn(a, b) for a, b in ((1, 0), (0, 1), (-1, 0), (0, -1), (1, 0.2))] == [
        0, 1, 2, 3, 0]
    shown = (0.0, 0.0, 600.0, 800.0)                    # a portrait page, 600 × 800
    glyph_box = (100.0, 700.0, 110.0, 720.0)            # low on the left
    assert turn_box(glyph_box, shown, 1) == (80.0, 100.0, 100.0, 110.0)
    assert turn_box(glyph_box, shown, 3) == (700.0, 490.0, 720.0, 500.0)
    assert turn_box(glyph_box, shown, 2) == (490.0, 80.0, 500.0, 100.0)


def test_a_turned_page_reads_the_same_from_the_page_cache(tmp_path: Path) -> None:
    path = fx.sideways_table(tmp_path / "s.pdf", 90)
    cache = tmp_path / "cache"
    parsed = extract_pdf(path, "x", PdfSettings(), cache_dir=cache)
    cached = extract_pdf(path, "x", PdfSettings(), cache_dir=cache)
    assert (cache / "2.json").exists()
    assert cached == parsed and cached.page_flags[0]["flag"] == "turned"
