"""PDFium (pypdfium2) as the character source: a page's glyphs, rules and images as the
raw records ``chars.records_to_parsed`` reads (``RawChar`` glyphs, path records in
pdfplumber's keys), in pdfplumber's conventions. This module reads the pages
(``read_pdfium_pages``); the glyphs are read in ``pdfium_glyphs``, their boxes mended per
text object in ``pdfium_glyph_boxes``, the text objects PDFium leaves out put back in
``pdfium_dropped_objects``, the fonts read in ``pdfium_fonts``.

Every value is taken in PDF user space and carried into the coordinates pdfminer gives
(its page matrix: the MediaBox origin moved to 0,0, a ``/Rotate`` applied), then to
points from the page's top-left, so both sources feed the layout the same numbers:

- glyph boxes as pdfminer draws them: from the origin (``FPDFText_GetCharOrigin``)
  along the baseline to the right edge of PDFium's loose box, and from the font's
  descent (``FPDFFont_GetDescent``) up one font size; glyphs of vertical writing
  around their pen with pdfminer's default vertical metrics; turned glyphs take the
  loose box. The size is the box's height, as pdfminer's; ``upright`` from the glyph
  matrix (``FPDFText_GetMatrix``) as pdfminer decides it (``a·d > 0 and b·c ≤ 0``: a
  glyph turned by 90° through a rounded sine counts as upright there too), the angle
  (``FPDFText_GetCharAngle``) riding along as ``angle``;
- characters PDFium makes up (``FPDFText_IsGenerated``: line breaks, and spaces where it
  sees a gap) are dropped. PDFium's text page also leaves out text objects: one printed
  again at a small offset (fake bold) and one of space glyphs only (it makes up a
  zero-width generated space instead). Both are put back from the page's objects
  (``pdfium_dropped_objects.restore_dropped``), since the layout reads whether a space
  glyph sits in a gap (``hints.line_to_text``, ``table_cell_text.cell_line_to_text``) and bold
  from overprints (``chars.raw_to_chars``); an object left out for another reason is
  counted (``RawPage.unread_text``), as is one PDFium reads as its marked-content
  ``/ActualText`` in place of its glyphs (``pdfium_glyph_boxes.set_vertical_boxes``),
  and ``char_source`` reads that page with pdfplumber; glyphs are listed in content
  order, as pdfminer lists them;
- a glyph without a Unicode mapping (``FPDFText_HasUnicodeMapError``, or code 0 or
  U+FFFD) becomes ``(cid:0)``, pdfminer's form, with its character code (``code``: PDFium
  gives the code in place of the missing character); ``char_source`` asks pdfminer's
  reading of the page's fonts what it makes of the code, which tells a code mapped to
  nothing from one with no map; a ligature PDFium splits into several code points with
  one box is one record again;
- invisible glyphs (text render mode 3, e.g. an OCR layer over a scan) are kept, as
  pdfminer keeps them, with ``invisible`` set; the font name (UTF-8) and weight
  (``FPDFFont_GetBaseFontName``, ``FPDFFont_GetWeight``, read once per font of a page:
  ``pdfium_fonts``) ride along for the heading evidence;
- rules: ``pdfium_geometry.path_records`` (pdfminer's ``paint_path`` on PDFium's paths).
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.extract.pdf.chars import RawChar
from pipeline.extract.pdf.pdfium_dropped_objects import restore_dropped
from pipeline.extract.pdf.pdfium_fonts import AskedDescents, PageFonts
from pipeline.extract.pdf.pdfium_geometry import (
    IDENTITY,
    PageFrame,
    address_of,
    page_objects,
    path_records,
)
from pipeline.extract.pdf.pdfium_glyph_boxes import join_ligatures, set_vertical_boxes
from pipeline.extract.pdf.pdfium_glyphs import (
    TextObject,
    bounds_reader,
    glyphs_to_chars,
    read_glyphs,
)

TEXT, PATH, IMAGE = 1, 2, 3             # FPDF_PAGEOBJ_*


@dataclass
class RawPage:
    """One page as the layout reads it: glyphs and rule records in pdfplumber's
    coordinates, the page box and its image count; ``has_paths``: any path object."""

    page_index: int
    bbox: tuple[float, float, float, float]   # pdfplumber's ``page.bbox``
    chars: list[RawChar]
    rects: list[dict[str, Any]]   # the page's paths: rects, lines and curves (object_type)
    images: int
    has_paths: bool = True
    unread_text: int = 0     # text objects PDFium left out for no reason found here, or
                             # read as an /ActualText in place of their glyphs
    rotation: int = 0
    made_up_metrics: int = 0   # fonts whose metrics PDFium made up (``PageFonts.made_up``)
    box_known: bool = True     # the MediaBox known for sure (``media_box``)
    # the CropBox cut to the MediaBox, in ``bbox``'s coordinates, where it is smaller:
    # the page a viewer shows (a print PDF's MediaBox holds the bleed and the slug)
    crop: tuple[float, float, float, float] | None = None

    @property
    def shown(self) -> tuple[float, float, float, float]:
        """The page as a viewer shows it: the CropBox, or the MediaBox without one."""
        return self.crop or self.bbox


def smaller_box(crop: tuple[float, float, float, float],
                media: tuple[float, float, float, float],
                ) -> tuple[float, float, float, float] | None:
    """``crop`` cut to ``media`` (a CropBox reaching past the MediaBox is clipped to it,
    as the PDF reference says), when it leaves out more than 0.01 pt of ``media`` on
    some side; None when it does not, or when the two do not meet."""
    cut = (max(crop[0], media[0]), max(crop[1], media[1]),
           min(crop[2], media[2]), min(crop[3], media[3]))
    if cut[2] - cut[0] < 1 or cut[3] - cut[1] < 1:
        return None
    return cut if any(abs(a - b) > 0.01 for a, b in zip(cut, media, strict=True)) else None


@functools.cache
def without_system_fonts() -> None:
    """Have PDFium stand in for a font a PDF does not embed with its own built-in faces
    only, never with the fonts installed on the machine (``FPDF_SetSystemFontInfo``
    with NULL). With the machine's fonts, what PDFium reads of such a font depends on
    the machine: with a CJK face installed it measures glyphs of a Japanese font not
    embedded by that face's widths (which are not the PDF's) and reads text objects it
    leaves out without one, so one PDF gave two extracts on two machines. PDFium has
    one font mapper per process: this is set once, before the first document opens."""
    import pypdfium2.raw as pdfium_c

    pdfium_c.FPDF_SetSystemFontInfo(None)


def open_document(path: Path) -> Any:
    """``pypdfium2.PdfDocument`` with encrypted and corrupt files turned into
    PipelineError (the messages of the pdfplumber source)."""
    import pypdfium2 as pdfium

    without_system_fonts()
    if not path.is_file():
        raise PipelineError(f"{path}: PDF not found; check the chapter's source in "
                            "raw/chapters.toml")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise PipelineError(f"{path}: page 1: the PDF is encrypted ({err}); save an "
                                "unprotected copy (e.g. qpdf --decrypt) into raw/") from err
        raise PipelineError(f"{path}: page 1: not a readable PDF ({err}); download the "
                            "file again or repair it (e.g. qpdf) into raw/") from err


def media_box(page: Any) -> tuple[tuple[float, float, float, float], bool]:
    """The page's MediaBox (left, bottom, right, top), and whether it is known for sure.

    ``FPDFPage_GetMediaBox`` (and ``FPDFPage_GetCropBox``) read the page's own
    dictionary only. A page that inherits its MediaBox from the page tree (pdfminer
    reads it there) gets the box PDFium resolves through the tree
    (``FPDF_GetPageBoundingBox``), which is the MediaBox cut to a CropBox, the page's
    own or one inherited too, which cannot be seen here: not known for sure
    (``char_source`` reads the page with pdfplumber). Without any MediaBox: US Letter,
    as both readers take it."""
    import pypdfium2.raw as pdfium_c

    box = [ctypes.c_float() for _ in range(4)]
    known = bool(pdfium_c.FPDFPage_GetMediaBox(page, *box))
    if not known:
        rect = pdfium_c.FS_RECTF()
        found = pdfium_c.FPDF_GetPageBoundingBox(page, rect)
        box = [ctypes.c_float(v) for v in ((rect.left, rect.bottom, rect.right, rect.top)
                                           if found else (0.0, 0.0, 612.0, 792.0))]
    left, bottom, right, top = (v.value for v in box)
    return (min(left, right), min(bottom, top), max(left, right), max(bottom, top)), known


def crop_box(page: Any, frame: PageFrame) -> tuple[float, float, float, float] | None:
    """The page's CropBox cut to its MediaBox (``FPDF_GetPageBoundingBox``, which reads
    both through the page tree) in pdfplumber's coordinates, where it is smaller."""
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDF_GetPageBoundingBox(page, rect):
        return None
    return smaller_box(frame.bbox([(rect.left, rect.bottom), (rect.right, rect.top)]),
                       frame.page_box)


PageDescentOf = Callable[[int, str], "float | None"]   # (page, font name) → descent


def read_page(pdf: Any, n: int, doctop: float, descent_of: PageDescentOf | None = None,
              asked: AskedDescents | None = None) -> RawPage:
    """Page ``n`` (1-based) of an open document as a ``RawPage`` (``descent_of``: the
    descent pdfminer reads for a font of a page, asked of fonts whose metrics PDFium may
    have made up, ``asked``: the answers so far: ``PageFonts``)."""
    import pypdfium2.raw as pdfium_c

    page = pdf[n - 1]
    try:
        media, box_known = media_box(page.raw)
        rotation = pdfium_c.FPDFPage_GetRotation(page.raw) * 90
        frame = PageFrame(media, rotation, doctop)
        rects: list[dict[str, Any]] = []
        images, paths = 0, False
        texts: dict[int, TextObject] = {}
        bounds = bounds_reader()
        for order, (kind, obj, matrix, top_level) in enumerate(
                page_objects(page.raw, False, IDENTITY)):
            if kind == IMAGE:
                images += 1
            elif kind == PATH:
                paths = True
                rects += path_records(obj, matrix, frame)
            elif kind == TEXT:
                texts[address_of(obj)] = TextObject(order, obj, matrix, bounds(obj),
                                                    not top_level)
        textpage = page.get_textpage()
        try:
            fonts = PageFonts(None if descent_of is None
                              else functools.partial(descent_of, n), asked)
            placed, replaced = set_vertical_boxes(read_glyphs(textpage.raw, fonts), texts)
            restored, unread = restore_dropped(join_ligatures(placed), texts, fonts)
            chars = glyphs_to_chars(restored, frame)
        finally:
            textpage.close()
        made_up = fonts.made_up()
        return RawPage(n, frame.page_box, chars, rects, images, paths, unread + replaced,
                       rotation, made_up, box_known, crop_box(page.raw, frame))
    finally:
        page.close()


def read_pdfium_pages(path: Path, descent_of: PageDescentOf | None = None,
                      ) -> Iterator[RawPage]:
    """Every page of ``path`` read by PDFium, in order (``descent_of``: ``read_page``)."""
    pdf = open_document(path)
    try:
        doctop = 0.0
        asked: AskedDescents = {}
        for n in range(1, len(pdf) + 1):
            raw = read_page(pdf, n, doctop, descent_of, asked)
            doctop += raw.bbox[3] - raw.bbox[1]
            yield raw
    finally:
        pdf.close()
