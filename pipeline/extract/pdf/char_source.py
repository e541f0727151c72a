"""The character source of the PDF adapter: one interface, two readers.

``raw_pages(path, source)`` yields, page by page, a ``RawPage`` (glyph and rule records
in pdfplumber's keys and coordinates, the page box, the image count) and the page the
ruled-table finder works on (``tables.find_page_tables``). ``source`` is ``"pdfium"``
(pypdfium2: ``pdfium_source``) or ``"pdfplumber"`` (pdfminer underneath: the reference).

A page where PDFium leaves out a text object it gives no reason for (neither an
overprint nor spaces: ``pdfium_source.restore_dropped``), has a glyph without a
character on the page, or is turned by ``/Rotate``, is read by pdfplumber, that page
alone. With PDFium the finder gets a ``GeometryPage``: the rules PDFium read, pdfplumber's own
finder run on them (its ``explicit`` strategy needs no parse of the page), and the page
opened with pdfplumber only when the finder falls back to its ``text`` strategy (a
caption and no ruled table): that page alone, its words from pdfplumber's characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.extract.pdf.pdfium_source import UNMAPPED, RawPage, read_pdfium_pages
from pipeline.extract.pdf.settings import SOURCES

# the modules whose code decides what a source reads (part of the page cache key)
SOURCE_MODULES = {"pdfium": ("char_source.py", "pdfium_source.py", "pdfium_geometry.py"),
                  "pdfplumber": ("char_source.py",)}


class PlumberDocument:
    """The PDF opened with pdfplumber on first need, once, for the pages PDFium hands
    over (``pdfium_raw_pages``) and the table finder's text strategy."""

    def __init__(self, path: Path) -> None:
        self.path, self.pdf = path, None   # type: tuple[Path, Any]

    def page(self, n: int) -> Any:
        if self.pdf is None:
            from pipeline.extract.pdf.reader import open_pdf

            self.pdf = open_pdf(self.path)
        return self.pdf.pages[n - 1]

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


class GeometryPage:
    """What ``tables.find_page_tables`` reads of a page, from PDFium's paths: ``bbox``,
    ``rects``, ``lines``, ``curves``, ``find_tables``; ``crop`` opens the page with
    pdfplumber."""

    def __init__(self, plumber: PlumberDocument, raw: RawPage) -> None:
        self.plumber, self.page_index, self.bbox = plumber, raw.page_index, raw.bbox
        self.rects = [r for r in raw.rects if r["object_type"] == "rect"]
        self.lines = [r for r in raw.rects if r["object_type"] == "line"]
        self.curves = [r for r in raw.rects if r["object_type"] == "curve"]

    def find_tables(self, table_settings: dict[str, Any]) -> list[Any]:
        from pdfplumber.table import TableFinder, TableSettings

        return list(TableFinder(self, TableSettings.resolve(table_settings)).tables)  # type: ignore[arg-type]

    def crop(self, bbox: tuple[float, float, float, float]) -> Any:
        return self.plumber.page(self.page_index).crop(bbox)


def plumber_raw_pages(path: Path) -> Iterator[tuple[RawPage, Any]]:
    """The reference: pdfplumber's ``page.chars``, ``rects + lines`` and ``images``."""
    from pipeline.extract.pdf.reader import open_pdf

    with open_pdf(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            try:
                box = tuple(float(v) for v in page.bbox)
                raw = RawPage(n, (box[0], box[1], box[2], box[3]), page.chars,
                              page.rects + page.lines + page.curves, len(page.images))
                yield raw, page
            finally:
                page.close()


def plumber_page(plumber: PlumberDocument, n: int) -> tuple[RawPage, Any]:
    """Page ``n`` read by pdfplumber."""
    page = plumber.page(n)
    box = tuple(float(v) for v in page.bbox)
    return (RawPage(n, (box[0], box[1], box[2], box[3]), page.chars,
                    page.rects + page.lines + page.curves, len(page.images)), page)


def unmapped_on_page(raw: RawPage) -> bool:
    """A glyph without a character whose middle lies on the page (``chars.raw_to_chars``
    drops the others, whatever their text)."""
    left, top, right, bottom = raw.bbox
    return any(c["text"] == UNMAPPED and left <= (c["x0"] + c["x1"]) / 2 <= right
               and top <= (c["top"] + c["bottom"]) / 2 <= bottom for c in raw.chars)


def pdfium_raw_pages(path: Path) -> Iterator[tuple[RawPage, Any]]:
    """PDFium's pages; a page with text PDFium left out unexplained, a glyph on the page
    it finds no character for, or turned by ``/Rotate``, is read by pdfplumber instead
    (that page only): pdfminer tells a code mapped to nothing (no text) from one with no
    map (``(cid:NN)``), PDFium does not."""
    plumber = PlumberDocument(path)
    try:
        for raw in read_pdfium_pages(path):
            if raw.unread_text or raw.rotation or unmapped_on_page(raw):
                found = plumber_page(plumber, raw.page_index)
                yield found
                found[1].close()
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
