"""Text objects PDFium's text page leaves out, put back as pdfminer reads them
(``pdfium_dropped_objects.restore_dropped``), pages sent to pdfplumber only for what needs it
(``char_source.unmapped_on_page``), and the invisible-text page flag."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf import char_source, pdfium_dropped_objects
from pipeline.extract.pdf.char_source import GeometryPage, raw_pages, unmapped_on_page
from pipeline.extract.pdf.chars import RawChar
from pipeline.extract.pdf.pdfium_dropped_objects import is_blank
from pipeline.extract.pdf.pdfium_glyphs import UNMAPPED, TextObject
from pipeline.extract.pdf.pdfium_source import RawPage, read_pdfium_pages
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.settings import PdfSettings


def latin_space_object(path: Path) -> Path:
    """A space set as a text object of its own in Helvetica, a standard font that is
    not embedded: PDFium bounds it by a point and leaves it out of its text page."""
    c = fx._canvas(path)
    fx.draw(c, fx.LEFT_X, 760, "見える文字の行です。")
    c.setFont("Helvetica", 10)
    c.drawString(fx.LEFT_X, 700, "Latin")
    c.drawString(fx.LEFT_X + 30, 700, " ")
    c.drawString(fx.LEFT_X + 40, 700, "words")
    c.showPage()
    c.save()
    return path


def test_space_object_in_a_standard_latin_font_is_put_back(tmp_path: Path) -> None:
    path = latin_space_object(tmp_path / "s.pdf")
    raw = next(iter(read_pdfium_pages(path)))
    assert raw.unread_text == 0
    assert "".join(c.text for c in raw.chars if c.x0 < 140 and c.top > 80) \
        == "Latin words"
    assert isinstance(next(iter(raw_pages(path, "pdfium")))[1], GeometryPage)
    fast = extract_pdf(path, "x", PdfSettings(source="pdfium"))
    reference = extract_pdf(path, "x", PdfSettings(source="pdfplumber"))
    assert replace(fast, reader="") == replace(reference, reader="")


def obj(bounds: tuple[float, float, float, float]) -> TextObject:
    return TextObject(5, None, (1.0, 0.0, 0.0, 1.0, 100.0, 700.0), bounds, True)


def test_inked_object_after_a_space_is_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFium keeps one space of a run (``CloseTempLine``): an object with ink that
    follows a space was spaces by its font's map (st2024-1-1 p. 4: a form's glyphs
    pdfminer reads as 13 spaces); one that follows a letter is not told here."""
    monkeypatch.setattr(pdfium_dropped_objects, "has_actual_text", lambda handle: False)
    inked = obj((7.18, 14.16, 8.15, 15.88))
    assert is_blank(inked, after_space=True)
    assert not is_blank(inked, after_space=False)


def test_actual_text_keeps_an_object_unexplained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfium_dropped_objects, "has_actual_text", lambda handle: True)
    assert not is_blank(obj((7.18, 14.16, 8.15, 15.88)), after_space=True)


def page_with(chars: list[RawChar]) -> RawPage:
    return RawPage(1, (36.85, -36.85, 632.13, 805.04), chars, [], 0)


def glyph(text: str, top: float, font: str = "", code: int = 0) -> RawChar:
    return RawChar(text, 134.03, 141.58, top, top + 13.58, top, 13.58, True, font, code=code)


def test_unmapped_glyph_counts_only_on_the_page() -> None:
    """bousai2024-t2-1 p. 4: glyphs without a character in the slug above the page
    (their middle above the box) send nothing to pdfplumber; one on the page does."""
    assert not unmapped_on_page(page_with([glyph(UNMAPPED, -109.97), glyph("あ", 100.0)]))
    assert unmapped_on_page(page_with([glyph(UNMAPPED, 100.0)]))
    assert not unmapped_on_page(page_with([glyph("あ", 100.0)]))


def test_invisible_text_is_flagged_on_its_page(tmp_path: Path) -> None:
    """An OCR-like layer (render mode 3) is read as text and flagged with its glyph
    count; pdfminer does not keep the render mode, so the reference source cannot."""
    path = fx.invisible_layer(tmp_path / "i.pdf")
    fast = extract_pdf(path, "x", PdfSettings(source="pdfium"))
    assert {"page_index": 1, "flag": "invisible_text", "count": 8} in fast.page_flags
    assert any("見えない文字の層" in ln.text for ln in fast.lines)
    reference = extract_pdf(path, "x", PdfSettings(source="pdfplumber"))
    assert not any(f["flag"] == "invisible_text" for f in reference.page_flags)


class FontMap:
    """A font as pdfminer reads it: code 20 mapped to nothing, 21 to ``A``, no others."""

    def to_unichr(self, code: int) -> str:
        from pdfminer.pdffont import PDFUnicodeNotDefined

        found = {20: "", 21: "A"}.get(code)
        if found is None:
            raise PDFUnicodeNotDefined(None, code)
        return found


def unmapped(code: int, font: str, top: float = 100.0) -> RawChar:
    return glyph(UNMAPPED, top, font, code)


def test_unmapped_glyphs_read_from_the_page_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """bousai2024-t2-1 p. 4: Arial codes 20–24 and 66 PDFium has no character for are
    mapped to nothing by the font's ToUnicode (pdfminer reads ``""``): the page needs
    no pdfplumber parse. A code without an entry is ``(cid:N)``, as pdfminer gives it;
    a glyph on the page in a font not among the page's own sends the page on."""
    monkeypatch.setattr(char_source, "page_fonts", lambda page, names=None: {"LNVHOR+Arial": FontMap()})
    plumber = char_source.PlumberDocument(Path("unused.pdf"))
    monkeypatch.setattr(plumber, "page", lambda n: None)
    raw = page_with([unmapped(20, "LNVHOR+Arial"), unmapped(21, "LNVHOR+Arial"),
                     unmapped(99, "LNVHOR+Arial"), unmapped(5, "Other", top=-109.97)])
    assert char_source.read_unmapped(plumber, raw)
    assert [c.text for c in raw.chars] == ["", "A", "(cid:99)", UNMAPPED]
    on_page = page_with([unmapped(20, "LNVHOR+Arial"), unmapped(5, "Other")])
    assert not char_source.read_unmapped(plumber, on_page)
    assert [c.text for c in on_page.chars] == [UNMAPPED, UNMAPPED]


def test_page_fonts_reads_only_the_fonts_asked_for() -> None:
    """bousai2024-t2-1 p. 4 has eleven fonts; the two its unmapped glyphs are set in
    (``LNVHOR+Arial``, ``KOLBAT+Arial,Bold``) are read alone, each as the whole page's
    reading gives it (the same ToUnicode entries)."""
    path = Path(__file__).resolve().parent.parent / "raw" / "pdf" / "bousai2024-t2-ch1.pdf"
    plumber = char_source.PlumberDocument(path)
    try:
        page = plumber.page(4)
        every = char_source.page_fonts(page)
        asked = char_source.page_fonts(page, {"LNVHOR+Arial", "KOLBAT+Arial,Bold"})
    finally:
        plumber.close()
    assert len(every) == 11
    assert sorted(asked) == ["KOLBAT+Arial,Bold", "LNVHOR+Arial"]
    for name, font in asked.items():
        assert font.unicode_map.cid2unichr == every[name].unicode_map.cid2unichr


def plain_twin(obj: TextObject, read: list[tuple[int, TextObject]]) -> int | None:
    """The old reading of a twin: every read object tested on its own (PDFium's
    ``IsSameTextObject``), the nearest kept."""
    def is_twin(kept: TextObject) -> bool:
        a, b, c, d, e, f = kept.matrix
        size = max(abs(d), abs(b), 0.1)
        width = kept.bounds[2] - kept.bounds[0]
        return (kept.matrix[:4] == obj.matrix[:4]
                and abs(obj.matrix[4] - e) < 0.25 * size and abs(obj.matrix[5] - f) < 0.25 * size
                and abs((obj.bounds[2] - obj.bounds[0]) - width) < 0.25 * size)

    twins = [(a, kept) for a, kept in read if is_twin(kept)]
    return min(twins, key=lambda t: abs(t[1].matrix[4] - obj.matrix[4])
               + abs(t[1].matrix[5] - obj.matrix[5]), default=(None,))[0]


def text_object(e: float, f: float, width: float, linear: tuple[float, ...] = (10.5, 0, 0, 10.5),
                ) -> TextObject:
    return TextObject(0, None, (*linear, e, f), (e, f - 1.3, e + width, f + 9.2))


READ = [(1, text_object(100.0, 700.0, 42.0)),      # 厚生労働省 (MHLW), set once
        (2, text_object(100.3, 700.2, 42.0)),      # and again 0.3 pt off: fake bold
        (3, text_object(99.7, 699.8, 42.0)),       # as near the other way: the first kept
        (4, text_object(160.0, 700.0, 21.0)),      # the next word on the line
        (5, text_object(100.0, 689.5, 42.0)),      # the line below
        (6, text_object(100.0, 700.0, 42.0, (0, 10.5, -10.5, 0))),   # turned up the page
        (7, text_object(300.0, 500.0, 0.0, (-0.0, 10.5, -10.5, 0)))]


@pytest.mark.parametrize("dropped", [
    text_object(100.2, 700.1, 42.0), text_object(100.0, 700.0, 42.0),
    text_object(99.9, 699.9, 42.0), text_object(100.0, 700.0, 44.0),   # a stroke's width
    text_object(100.0, 700.0, 50.0), text_object(103.0, 700.0, 42.0),   # not twins
    text_object(160.5, 700.0, 21.5), text_object(100.0, 689.6, 42.0),
    text_object(100.0, 694.8, 42.0), text_object(100.0, 700.0, 42.0, (0, 10.5, -10.5, 0)),
    text_object(300.1, 500.0, 0.0, (0.0, 10.5, -10.5, -0.0)),     # 0.0 and -0.0 alike
    text_object(100.0, 700.0, 42.0, (9.0, 0, 0, 9.0)),
])
def test_find_twin_is_the_plain_reading(dropped: TextObject) -> None:
    """``find_twin`` over ``twin_candidates`` (a band's values, one loop) finds the twin
    testing every read object on its own found."""
    objects = dict(READ)
    near = pdfium_dropped_objects.twin_candidates(objects, objects)
    assert pdfium_dropped_objects.find_twin(dropped, near) == plain_twin(dropped, READ)
