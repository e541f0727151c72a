"""The character source of the PDF adapter: one interface, two readers.

``raw_pages(path, source)`` yields, page by page, a ``RawPage`` (``RawChar`` glyphs and
rule records in pdfplumber's keys, both in its coordinates; the page box; the image
count) and the page the ruled-table finder works on (``tables.find_page_tables``).
``source`` is ``"pdfium"`` (pypdfium2: ``pdfium_source``) or ``"pdfplumber"`` (pdfminer
underneath: the reference).

A page where PDFium leaves out a text object it gives no reason for (neither an
overprint nor spaces: ``pdfium_dropped_objects.restore_dropped``), has a glyph without a
character on the page that the page's fonts do not explain (``read_unmapped``), has
text in a font whose metrics PDFium made up and pdfminer's reading of the font
dictionaries does not mend (``pdfium_fonts.PageFonts``), a MediaBox inherited from the
page tree, which PDFium cannot tell for sure (``pdfium_source.media_box``), or is
turned by ``/Rotate``, is read by pdfplumber, that page alone. With PDFium the finder
gets a ``GeometryPage``: the rules PDFium read, pdfplumber's own finder run on them (its
``explicit`` strategy needs no parse of the page), and the page opened with pdfplumber
only when the finder falls back to its ``text`` strategy (a caption and no ruled
table): that page alone, its words from pdfplumber's characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.extract.pdf.chars import RawChar, centre_on_page, plumber_char
from pipeline.extract.pdf.pdfium_glyphs import UNMAPPED
from pipeline.extract.pdf.pdfium_source import RawPage, read_pdfium_pages, smaller_box
from pipeline.extract.pdf.settings import SOURCES

# the modules whose code decides what a source reads (part of the page cache key)
SOURCE_MODULES = {"pdfium": ("char_source.py", "pdfium_source.py", "pdfium_geometry.py",
                             "pdfium_fonts.py", "pdfium_glyphs.py", "pdfium_glyph_boxes.py",
                             "pdfium_dropped_objects.py"),
                  "pdfplumber": ("char_source.py",)}


class PlumberDocument:
    """The PDF opened with pdfplumber on first need, once, for the pages PDFium hands
    over (``pdfium_raw_pages``), the table finder's text strategy and the descents of
    fonts whose metrics PDFium may have made up (``descent_of``)."""

    def __init__(self, path: Path) -> None:
        self.path, self.pdf = path, None   # type: tuple[Path, Any]
        self.descents: dict[int, dict[str, float | None]] = {}

    def page(self, n: int) -> Any:
        if self.pdf is None:
            from pipeline.extract.pdf.reader import open_pdf

            self.pdf = open_pdf(self.path)
        return self.pdf.pages[n - 1]

    def descent_of(self, n: int, name: str) -> float | None:
        """pdfminer's descent per unit of size of the font named ``name`` on page ``n``
        (``font_descents``); None when the page's own fonts do not tell it."""
        if n not in self.descents:
            self.descents[n] = font_descents(self.page(n))
        return self.descents[n].get(without_subset_tag(name))

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def find_tables(page: Any, table_settings: dict[str, Any]) -> list[Any]:
    """pdfplumber's table finder on any object with what it reads of a page."""
    from pdfplumber.table import TableFinder, TableSettings

    return list(TableFinder(page, TableSettings.resolve(table_settings)).tables)


class GeometryPage:
    """What ``tables.find_page_tables`` reads of a page, from the paths a source read:
    ``bbox``, ``rects``, ``lines``, ``curves``, ``find_tables``; ``crop`` opens the page
    with pdfplumber (``plumber``), or, for a page turned to be read (``turns``; no
    ``plumber``: pdfplumber's page has the glyphs as printed), gives its turned glyphs
    (``chars``) as a ``TextPage``."""

    def __init__(self, plumber: PlumberDocument | None, raw: RawPage) -> None:
        self.plumber, self.page_index, self.bbox = plumber, raw.page_index, raw.shown
        self.rects = [r for r in raw.rects if r["object_type"] == "rect"]
        self.lines = [r for r in raw.rects if r["object_type"] == "line"]
        self.curves = [r for r in raw.rects if r["object_type"] == "curve"]
        self.chars = raw.chars if plumber is None else []

    def find_tables(self, table_settings: dict[str, Any]) -> list[Any]:
        return find_tables(self, table_settings)

    def crop(self, bbox: tuple[float, float, float, float]) -> Any:
        if self.plumber is None:
            return TextPage([char_dict(c) for c in self.chars], self.bbox).crop(bbox)
        return self.plumber.page(self.page_index).crop(bbox)


class TextPage:
    """What pdfplumber's text strategy reads of a page (``bbox``, ``extract_words``)
    from glyphs as pdfplumber's char dicts: a turned page's, which pdfplumber's own page
    has as printed; ``crop`` cuts them as pdfplumber's does."""

    def __init__(self, chars: list[dict[str, Any]],
                 bbox: tuple[float, float, float, float]) -> None:
        self.chars, self.bbox = chars, bbox

    def crop(self, bbox: tuple[float, float, float, float]) -> TextPage:
        from pdfplumber.utils import crop_to_bbox

        return TextPage(crop_to_bbox(self.chars, bbox), bbox)

    def extract_words(self, **settings: Any) -> list[dict[str, Any]]:
        from pdfplumber.utils import extract_words

        return extract_words(self.chars, **settings)

    def find_tables(self, table_settings: dict[str, Any]) -> list[Any]:
        return find_tables(self, table_settings)


def char_dict(c: RawChar) -> dict[str, Any]:
    """A glyph as pdfplumber's char dict: the keys its word extraction reads."""
    return {"object_type": "char", "text": c.text, "x0": c.x0, "x1": c.x1, "top": c.top,
            "bottom": c.bottom, "doctop": c.doctop, "width": c.x1 - c.x0,
            "height": c.bottom - c.top, "size": c.size, "upright": c.upright,
            "fontname": c.fontname}


def plumber_raw_pages(path: Path) -> Iterator[tuple[RawPage, Any]]:
    """The reference: pdfplumber's ``page.chars``, ``rects + lines`` and ``images``."""
    from pipeline.extract.pdf.reader import open_pdf

    with open_pdf(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            try:
                raw = plumber_raw_page(page, n)
                yield raw, shown_page(page, raw)
            finally:
                page.close()


def plumber_raw_page(page: Any, n: int) -> RawPage:
    """A pdfplumber page's glyphs, paths and image count as a ``RawPage``."""
    box = (float(page.bbox[0]), float(page.bbox[1]), float(page.bbox[2]), float(page.bbox[3]))
    crop = (turned_crop_box(page) if page.rotation in (90, 180, 270) else
            (float(page.cropbox[0]), float(page.cropbox[1]), float(page.cropbox[2]),
             float(page.cropbox[3])))
    return RawPage(n, box, [plumber_char(c) for c in page.chars],
                   page.rects + page.lines + page.curves, len(page.images),
                   crop=smaller_box(crop, box))


def turned_crop_box(page: Any) -> tuple[float, float, float, float]:
    """The CropBox of a pdfplumber page turned by ``/Rotate``, where its glyphs are:
    through the matrix pdfminer turns the page's content by (``PDFPageInterpreter``),
    then flipped to pdfplumber's top-down coordinates. pdfplumber's own ``cropbox``
    only swaps the axes of a page turned a quarter, which puts a CropBox that cuts the
    sides unevenly beside the glyphs. (A ``/Rotate`` that is no multiple of 90, against
    the PDF reference, turns nothing in pdfminer: its ``cropbox`` is then right.)"""
    from pdfminer.pdftypes import resolve1

    mx0, my0, mx1, my1 = (float(v) for v in page.page_obj.mediabox)
    cx0, cy0, cx1, cy1 = (float(v) for v in resolve1(page.page_obj.cropbox))
    turned = {90: lambda x, y: (y - my0, mx1 - x), 180: lambda x, y: (mx1 - x, my1 - y),
              270: lambda x, y: (my1 - y, x - mx0)}[page.rotation]
    (ax, ay), (bx, by) = turned(cx0, cy0), turned(cx1, cy1)
    left, top = float(page.mediabox[0]), float(page.mediabox[1])
    height = float(page.mediabox[3]) - top
    return (min(ax, bx) + left, height - max(ay, by) + top,
            max(ax, bx) + left, height - min(ay, by) + top)


def plumber_page(plumber: PlumberDocument, n: int) -> tuple[RawPage, Any]:
    """Page ``n`` read by pdfplumber."""
    page = plumber.page(n)
    raw = plumber_raw_page(page, n)
    return raw, shown_page(page, raw)


def shown_page(page: Any, raw: RawPage) -> Any:
    """The pdfplumber page the table finder reads: cut to the CropBox where the page
    has a smaller one, so that its tables stand where the glyphs do (both measured from
    the box a viewer shows: ``RawPage.shown``)."""
    return page.crop(raw.crop) if raw.crop else page


def unmapped_on_page(raw: RawPage) -> bool:
    """A glyph without a character whose middle lies on the page (``chars.raw_to_chars``
    drops the others, whatever their text)."""
    return any(c.text == UNMAPPED and centre_on_page(c, raw.bbox) for c in raw.chars)


def font_specs(page: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(``BaseFont`` name, font dictionary) of each font of a pdfplumber page's own
    resources: the dictionaries alone, not the page's content."""
    from pdfminer.pdftypes import dict_value, resolve1
    from pdfminer.psparser import literal_name

    resources = dict_value(page.page_obj.resources)
    for ref in dict_value(resources.get("Font", {})).values():
        spec = dict_value(resolve1(ref))
        yield literal_name(spec.get("BaseFont", "")), spec


def page_fonts(page: Any, names: set[str] | None = None) -> dict[str, Any]:
    """pdfminer's fonts of a pdfplumber page's own resources (``font_specs``) by their
    ``BaseFont`` name (the name both sources give a glyph); a name two fonts share is
    left out. Their ToUnicode maps are read, and of ``names`` only when given (each font
    read costs its ToUnicode map's parse)."""
    from pdfminer.pdffont import PDFCIDFont, PDFSimpleFont
    from pdfminer.pdfinterp import PDFResourceManager

    manager = PDFResourceManager()
    found: dict[str, Any] = {}
    shared: set[str] = set()
    for name, spec in font_specs(page):
        if names is not None and name not in names:
            continue
        font = manager.get_font(None, spec)
        if not isinstance(font, PDFSimpleFont | PDFCIDFont):
            continue
        if name in found:
            shared.add(name)
        found[name] = font
    return {name: font for name, font in found.items() if name not in shared}


def without_subset_tag(name: str) -> str:
    """``ABCDEF+Arial`` → ``Arial`` (PDFium keeps the tag of some fonts, not others)."""
    return name[7:] if len(name) > 7 and name[6] == "+" and name[:6].isupper() else name


def font_descents(page: Any) -> dict[str, float | None]:
    """The descent per unit of size pdfminer gives each font of a pdfplumber page's own
    resources (``PDFFont``), by BaseFont name without its subset tag, read from the font
    dictionaries alone (``font_specs``; no ToUnicode map parsed): a standard font's from Adobe's metrics
    (``standard_descents``, by the full name, as pdfminer looks it up), else the
    descriptor's ``/Descent`` (a Type0 font's in its descendant), a positive one negated,
    0 without one. None for a Type3 font (pdfminer takes its bounding box through its
    matrix) and for a name whose fonts disagree."""
    from pdfminer.pdftypes import dict_value, list_value, num_value, resolve1
    from pdfminer.psparser import literal_name

    from pipeline.extract.pdf.pdfium_fonts import standard_descents

    found: dict[str, float | None] = {}
    for name, spec in font_specs(page):
        subtype = literal_name(spec.get("Subtype", ""))
        descent: float | None
        if subtype == "Type3":
            descent = None
        elif subtype != "Type0" and name in standard_descents():
            descent = standard_descents()[name]
        else:
            if subtype == "Type0":
                descendants = list_value(spec.get("DescendantFonts", []))
                spec = dict_value(descendants[0]) if descendants else {}
            descriptor = dict_value(spec.get("FontDescriptor", {}))
            descent = -abs(num_value(resolve1(descriptor.get("Descent", 0)))) / 1000.0
        key = without_subset_tag(name)
        found[key] = descent if found.get(key, descent) == descent else None
    return found


def read_unmapped(plumber: PlumberDocument, raw: RawPage) -> bool:
    """Give each glyph PDFium found no character for the text pdfminer gives it: the
    font's ToUnicode entry (``""`` for a code mapped to nothing) or ``(cid:N)`` for a
    code without one. False (nothing changed) when a glyph on the page cannot be told
    so: its code unknown, its font not among the page's own (in a form XObject) or a
    CID font whose codes are not its CIDs (only an Identity encoding is read here)."""
    from pdfminer.cmapdb import IdentityCMap, IdentityCMapByte
    from pdfminer.pdffont import PDFCIDFont, PDFUnicodeNotDefined

    fonts = page_fonts(plumber.page(raw.page_index),
                       {c.fontname for c in raw.chars if c.text == UNMAPPED})
    texts: list[tuple[int, str]] = []
    for n, c in enumerate(raw.chars):
        if c.text != UNMAPPED:
            continue
        font, code = fonts.get(c.fontname), c.code
        if (font is None or not code or isinstance(font, PDFCIDFont)
                and not isinstance(font.cmap, IdentityCMap | IdentityCMapByte)):
            if centre_on_page(c, raw.bbox):
                return False
            continue
        try:
            texts.append((n, font.to_unichr(code)))
        except PDFUnicodeNotDefined:
            texts.append((n, f"(cid:{code})"))
    for n, text in texts:
        raw.chars[n] = raw.chars[n]._replace(text=text)
    return True


def pdfium_raw_pages(path: Path) -> Iterator[tuple[RawPage, Any]]:
    """PDFium's pages; a page with text PDFium left out unexplained, a glyph on the page
    it finds no character for that the page's fonts do not explain (``read_unmapped``:
    pdfminer tells a code mapped to nothing from one with no map, PDFium does not), text
    in a font whose metrics PDFium made up, a MediaBox not known for sure, or turned by
    ``/Rotate``, is read by pdfplumber instead (that page only)."""
    plumber = PlumberDocument(path)
    try:
        for raw in read_pdfium_pages(path, plumber.descent_of):
            if (raw.unread_text or raw.rotation or raw.made_up_metrics or not raw.box_known
                    or unmapped_on_page(raw) and not read_unmapped(plumber, raw)):
                yield plumber_page(plumber, raw.page_index)
                plumber.page(raw.page_index).close()
            else:
                yield raw, GeometryPage(plumber, raw)
    finally:
        plumber.close()


def raw_pages(path: Path, source: str) -> Iterator[tuple[RawPage, Any]]:
    """Each page's raw records and its table-finder page, read by ``source``."""
    if source not in SOURCES:
        raise PipelineError(f"{path}: unknown PDF character source {source!r}; use one of "
                            f"{', '.join(SOURCES)} (pdf_source in raw/chapters.toml)")
    return pdfium_raw_pages(path) if source == "pdfium" else plumber_raw_pages(path)
