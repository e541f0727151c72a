"""Tolerances and thresholds of the PDF adapter, as one validated frozen dataclass.

Lengths given in ``em`` are multiples of the font size of the text concerned; ratios
compare a font size with the document's body size (the most common size).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from pipeline.errors import PipelineError

# The PDF character sources (``char_source``): PDFium is several times faster; pdfplumber
# (pdfminer) is the reference it is compared against (``make compare-pdf``: on the
# registered chapters every remaining difference is explained in README, "PDF sources").
SOURCES = ("pdfium", "pdfplumber")
DEFAULT_SOURCE = "pdfium"

# (field, low, high): the open-closed range each setting must lie in.
_RANGES: dict[str, tuple[float, float]] = {
    "dedupe_ratio": (0.0, 1.0),
    "row_overlap": (0.0, 1.0),
    "segment_gap": (0.0, 10.0),
    "space_gap": (0.0, 5.0),
    "vertical_gap": (0.0, 2.0),
    "ruby_max_ratio": (0.0, 1.0),
    "ruby_max_gap": (0.0, 2.0),
    "marker_max_ratio": (0.0, 1.0),
    "marker_min_raise": (0.0, 1.0),
    "footnote_max_ratio": (0.0, 1.0),
    "furniture_band": (0.0, 0.5),
    "furniture_y_tolerance": (0.0, 20.0),
    "box_min_width": (0.0, 1.0),
    "box_min_height": (0.0, 50.0),
    "column_min_ratio": (0.0, 2.0),
    "column_prose_share": (0.0, 1.0),
    "gutter_min_width": (0.0, 10.0),
    "gutter_search": (0.0, 0.5),
    "band_gap": (0.0, 20.0),
    "indent_min": (0.0, 5.0),
    "paragraph_gap": (0.0, 10.0),
    "caption_min_ratio": (0.0, 2.0),
    "max_cid_share": (0.0, 1.0),
    "min_text_chars": (0.0, 1e6),
    "turned_page_share": (0.5, 1.0),
    "turned_body_run": (0.0, 1.0),
}


@dataclass(frozen=True)
class PdfSettings:
    """Settings of ``extract_pdf``; every value is checked in ``__post_init__``."""

    dedupe_ratio: float = 0.25       # em: the same glyph offset by less is a duplicate
    row_overlap: float = 0.3         # share of the smaller glyph height two glyphs must
    #                                  overlap vertically to sit on one printed row
    segment_gap: float = 1.0         # em: a wider horizontal gap splits a row into runs
    space_gap: float = 0.5           # em: a gap this wide inside a line becomes a space
    vertical_gap: float = 0.1        # em: max gap between stacked glyphs of vertical text
    ruby_max_ratio: float = 0.6      # ruby size ≤ this × base line size
    ruby_max_gap: float = 0.6        # em of the base: max distance ruby bottom → base top
    marker_max_ratio: float = 1.0    # raised marker size ≤ this × its line's size
    marker_min_raise: float = 0.25   # em of the line: marker bottom at least this above
    footnote_max_ratio: float = 0.8  # footnote size ≤ this × body size
    furniture_band: float = 0.1      # share of page height at top and foot for furniture;
    #                                  with the share of width at each side, the margins
    #                                  where text of another turn may stand (``turns``)
    furniture_y_tolerance: float = 3.0  # pt: same place on different pages
    furniture_min_pages: int = 2     # a running head repeats on at least this many pages
    box_min_width: float = 0.3       # share of page width for a rectangle to be a box
    box_min_height: float = 3.0      # em of body size for a rectangle to be a box
    column_min_ratio: float = 0.8    # a boxed column's text size ≥ this × body size
    column_prose_share: float = 0.5  # share of a column box's glyphs in box-wide runs
    column_box_min_lines: int = 5    # box-wide lines a boxed column has at least
    table_min_rules: int = 3         # a box with this many ruled lines is a table/figure
    gutter_min_width: float = 0.8    # em of body size: narrowest gutter between columns
    gutter_search: float = 0.3       # the gutter lies in the middle (1 - 2×this) of text
    band_gap: float = 1.5            # em of body size: blank space that ends a band
    column_min_lines: int = 3        # lines each side needs to make a page two-column
    indent_min: float = 0.5          # em: first-line indent that starts a paragraph
    paragraph_gap: float = 1.0       # em: blank space above a line that starts a paragraph
    caption_min_ratio: float = 0.95  # lines in a figure box this large are captions
    max_cid_share: float = 0.5       # more (cid:NN) glyphs than this share: error
    min_text_chars: int = 1          # fewer glyphs on every page: no text layer (OCR)
    turned_page_share: float = 0.8   # a page whose glyphs run up (or down) the page this
    #                                  often or more is read turned (``turns``)
    turned_body_run: float = 0.33    # a run of glyphs set otherwise, in such a page's body,
    #                                  this long (share of the page) is a line: no turn
    source: str = DEFAULT_SOURCE     # who reads the glyphs: "pdfium" or "pdfplumber"

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise PipelineError(f"PdfSettings.source={self.source!r}: must be one of "
                                f"{', '.join(SOURCES)}; the default is {DEFAULT_SOURCE!r}")
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "source":
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PipelineError(f"PdfSettings.{f.name}={value!r}: must be a number; "
                                    "pass e.g. PdfSettings(" f"{f.name}={f.default!r})")
            low, high = _RANGES.get(f.name, (0.0, 1e6))
            if not low < value <= high and not (f.name == "dedupe_ratio" and value == 0):
                raise PipelineError(f"PdfSettings.{f.name}={value!r}: must be in ({low}, "
                                    f"{high}]; the default is {f.default!r}")
        for name in ("furniture_min_pages", "column_min_lines", "column_box_min_lines",
                     "table_min_rules", "min_text_chars"):
            if not isinstance(getattr(self, name), int):
                raise PipelineError(f"PdfSettings.{name}={getattr(self, name)!r}: must be a "
                                    "whole number")


def pdf_settings(entry: dict[str, str], line: int = 0) -> PdfSettings:
    """The settings a registry entry asks for: ``pdf_source = "pdfium"`` or
    ``"pdfplumber"`` (default ``DEFAULT_SOURCE``)."""
    source = entry.get("pdf_source", DEFAULT_SOURCE)
    if source not in SOURCES:
        raise PipelineError(f"raw/chapters.toml:{line}: pdf_source {source!r} is not a PDF "
                            f"character source; use one of {', '.join(SOURCES)}")
    return PdfSettings(source=source)
