"""A page's glyphs as read → clean characters.

``records_to_parsed`` turns what a character source read of a page (``RawChar`` glyphs,
pdfplumber-style path records: ``char_source``) into a ``ParsedPage`` of plain values
(characters in page coordinates, box rectangles, counts) that the layout code works on
and that can be cached as JSON. Coordinates are relative to the page's own bounding
box, so a MediaBox that does not start at (0, 0) gives the same numbers as one that
does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from math import floor
from typing import Any, NamedTuple

from pipeline.common.text import stand_ins
from pipeline.extract.pdf.duplicates import Rows, first_duplicate
from pipeline.extract.pdf.font_names import NO_FACE, font_marks
from pipeline.extract.pdf.rounding import round2

# Characters that CID-keyed Japanese fonts map to a look-alike code point. The text
# sources of these white papers use the full-width forms, so the PDF adapter maps them
# back: (from, to, why); and every radical or vertical form standing in for an ordinary
# character (``common.text.stand_ins``).
LOOKALIKES: tuple[tuple[str, str, str], ...] = (
    ("\u301c", "\uff5e", "WAVE DASH → FULLWIDTH TILDE (range 〜)"),
    ("\u2212", "\uff0d", "MINUS SIGN → FULLWIDTH HYPHEN-MINUS"),
)
LOOKALIKE_MAP: dict[str, str] = {**{chr(code): form for code, form in stand_ins().items()},
                                  **{src: dst for src, dst, _ in LOOKALIKES}}
# Invisible format characters some producers put between glyphs: dropped.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")

CID_CODE = re.compile(r"^\(cid:\d+\)$")
REPLACEMENT = "\ufffd"


class RawChar(NamedTuple):
    """One glyph as a character source reads it (``char_source``): pdfplumber's
    coordinates (points from the top of the MediaBox; ``doctop`` from the top of the
    document), not yet rounded, its text as the font maps it (``(cid:N)`` when it does
    not). A tuple, not pdfplumber's dict: the PDFium source makes one per glyph."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    doctop: float
    size: float
    upright: bool
    fontname: str = ""
    invisible: bool = False   # text render mode 3 (an OCR layer); PDFium source only
    code: int = 0             # the character code of a glyph without a character, 0: unknown
    weight: int = -1          # the font's weight (PDFium source; -1: not read)
    angle: float = 0.0        # the glyph's angle in radians (PDFium source)
    turn: int = 0             # quarter turns of its baseline on the page as shown
    #                           (``quarter_turn``): 0 left to right, 1 up, 2 upside down, 3 down


class Char(NamedTuple):
    """One printed glyph in page coordinates (points from the page's top-left).

    A named tuple, not a frozen dataclass: made once per glyph and read many times by
    the layout, it costs a fifth to build (0.5 against 2.5 µs, ``python -m timeit``);
    equal and hashed by its values as the dataclass was."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool = True
    bold: bool = False     # a heavy face by name, or a glyph overprinted at an offset
    turn: int = 0          # quarter turns of its baseline on the page as read (``RawChar``)
    face: int = NO_FACE    # the family of type its font's name tells (``font_names``)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def xmid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Rect:
    x0: float
    top: float
    x1: float
    bottom: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    def encloses(self, other: Rect) -> bool:
        return (self.x0 <= other.x0 and self.top <= other.top
                and self.x1 >= other.x1 and self.bottom >= other.bottom)


@dataclass(frozen=True)
class ParsedPage:
    """Everything the layout needs from one page, parsed once."""

    page_index: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rects: tuple[Rect, ...]
    images: int
    cid_count: int
    frames: tuple[Rect, ...] = ()   # outlines drawn around an area (``raw_to_frames``)
    # glyphs in text render mode 3 (invisible: an OCR layer) read on the page: only PDFium
    # reads the mode (pdfminer does not keep it), so it is not part of a page's equality
    invisible: int = field(default=0, compare=False)
    off_page: tuple[Char, ...] = ()   # glyphs whose centre is off the page (``raw_to_chars``)
    # quarter turns the page was turned back by to be read (``turns``; 0: read as shown):
    # its coordinates are then the turned page's
    turn: int = 0
    held_turn: int = 0   # the turn most glyphs share, not applied: upright body text

    def to_json(self) -> dict[str, Any]:
        # the fields in order, as ``from_json`` reads them (``dataclasses.asdict`` per
        # glyph cost 18 ms a page, more than the layout of many pages); a ``Char`` is a
        # tuple, which JSON writes as the array of its fields
        return {"page_index": self.page_index, "width": self.width, "height": self.height,
                "chars": list(self.chars),
                "rects": [[r.x0, r.top, r.x1, r.bottom] for r in self.rects],
                "frames": [[r.x0, r.top, r.x1, r.bottom] for r in self.frames],
                "images": self.images, "cid_count": self.cid_count,
                "invisible": self.invisible, "off_page": list(self.off_page),
                "turn": self.turn, "held_turn": self.held_turn}

    def to_columns(self) -> dict[str, Any]:
        """``to_json`` with the glyphs by field, not by glyph (a tuple of each field's
        values): what the page cache pickles (``reader.load_pages``), as tuples of plain
        values pickle far faster than named tuples."""
        return {**self.to_json(), "chars": list(zip(*self.chars, strict=True)),
                "off_page": list(zip(*self.off_page, strict=True))}

    @classmethod
    def from_columns(cls, data: dict[str, Any]) -> ParsedPage:
        """The page ``to_columns`` gave."""
        return cls.from_json({**data, "chars": zip(*data["chars"], strict=True),
                              "off_page": zip(*data["off_page"], strict=True)})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedPage:
        return cls(page_index=data["page_index"], width=data["width"], height=data["height"],
                   chars=tuple(map(Char._make, data["chars"])),
                   rects=tuple(Rect(*r) for r in data["rects"]),
                   images=data["images"], cid_count=data["cid_count"],
                   frames=tuple(Rect(*r) for r in data.get("frames", ())),
                   invisible=data.get("invisible", 0),
                   off_page=tuple(map(Char._make, data.get("off_page", ()))),
                   turn=data.get("turn", 0), held_turn=data.get("held_turn", 0))


def text_entry(text: str) -> tuple[str | None, Rows]:
    """A glyph text's character (``normalise_char_text``), None for a ``(cid:NN)`` code
    or an invisible character (``raw_to_chars`` reads those apart), and an empty grid
    for its glyphs' cells."""
    char_text, was_cid = normalise_char_text(text)
    return (None if was_cid or char_text in INVISIBLE else char_text), {}


def normalise_char_text(text: str) -> tuple[str, bool]:
    """Map look-alikes back; a ``(cid:NN)`` code becomes U+FFFD. Returns (text, was_cid)."""
    if len(text) > 1 and CID_CODE.match(text):
        return REPLACEMENT, True
    return LOOKALIKE_MAP.get(text, text), False


def centre_on_page(c: RawChar, bbox: tuple[float, float, float, float]) -> bool:
    """The middle of the glyph's box lies on the page ``bbox`` (left, top, right,
    bottom): a glyph off the page (a printer's slug, a bleed) is no text of it."""
    left, top, right, bottom = bbox
    return left <= (c.x0 + c.x1) / 2 <= right and top <= (c.top + c.bottom) / 2 <= bottom


class PageChars(NamedTuple):
    """A page's glyphs as ``raw_to_chars`` made them."""

    chars: list[Char]        # those whose centre is on the page
    cid_count: int           # the ``(cid:NN)`` codes among them
    off_page: list[Char]     # those whose centre is off the page
    invisible: int           # the glyphs kept that are in text render mode 3


def raw_to_chars(raw: list[RawChar], bbox: tuple[float, float, float, float],
                 ratio: float) -> PageChars:
    """Glyphs as read → ``Char`` relative to ``bbox``, those printed twice (fake bold,
    overprints: ``duplicates.is_duplicate`` within ``ratio`` of the type size, in any font) dropped
    and the first print of one printed again at an offset made ``bold``, as a heavy
    font's name makes it; ``face`` from the font name (``font_names.font_face``). Returns the
    glyphs whose centre is on the page, the number of ``(cid:NN)`` codes among them,
    the glyphs off the page (a printer's slug beyond the trimmed page: its file name and
    time, an editor's note), which are no text of the page but are kept to be published
    as dropped lines, and the number of invisible glyphs kept (an OCR layer).

    Duplicates are found in O(n) with a grid of cells one em wide per text. One pass
    over the glyphs, each unpacked once, its duplicates looked for and its ``Char`` made
    (a pass to drop duplicates, then one to make characters, cost the extracts of the
    five registered PDFs 79 M instructions more, st2024-1-3's 30 M, callgrind); a fake
    bold mark comes after its glyph's character is made, so the few marked are made
    again at the end. A glyph's text is looked up once (``text_entry``: its character
    and its cells), and its nine cells searched only when one holds a glyph of the text.
    The tests hold this to the two passes it replaced (test_pdf_char_oracles)."""
    page_left, page_top, page_right, page_bottom = bbox
    kept: list[RawChar] = []
    made: list[Char | None] = []    # per kept glyph: its character (None: an invisible one)
    off: list[int] = []             # the kept glyphs whose centre is off the page
    offset_twice: set[int] = set()  # the kept glyphs printed twice at an offset
    # per text (``text_entry``): its character and its glyphs' cells by row, then
    # column, one lookup a glyph; a glyph whose text is not yet on the page (most kanji
    # of a page are) needs no look at its nine cells
    texts: dict[str, tuple[str | None, Rows]] = {}
    fonts: dict[str, tuple[bool, int]] = {}      # per font name: one search, not one per glyph
    # tops, bottoms and sizes repeat along a line (about 1 distinct in 20 on the
    # registered PDFs): each rounded once a page
    rounded: dict[float, float] = {}
    line_top = line_bottom = line_size = float("nan")   # the glyph before's (none: nan)
    r0: float | None = None
    r1: float | None = None
    size: float | None = None
    cid_count = invisible_count = dropped = 0
    new = tuple.__new__   # as ``Char._make`` makes it, without its length check: 0.3 µs less
    for glyph in raw:
        # each glyph's fields unpacked at once, not read by name one by one
        (text, x0, x1, top, bottom, doctop, raw_size, upright, fontname, invisible, _, _, _,
         turn) = glyph
        entry = texts.get(text)
        if entry is None:
            entry = texts[text] = text_entry(text)
        char_text, rows = entry
        if ratio > 0:
            step = raw_size if raw_size > 1.0 else 1.0
            # ``floor`` of the whole float ``//`` gives is the int ``int`` makes of it,
            # for a third of the call (st2024-1-3's pages 30 M instructions less, callgrind)
            gx, gy = floor(x0 // step), floor(doctop // step)
            if not rows:            # the text's first glyph on the page (most kanji's)
                rows[gy] = {gx: len(kept)}
            else:
                above, row, below = rows.get(gy - 1), rows.get(gy), rows.get(gy + 1)
                # the search called only when one of the nine cells holds a glyph of the
                # text: for one glyph in four of those with their text in the rows about
                # them (in line, st2024-1-3's pages 51 M instructions less)
                if ((row and (gx in row or gx - 1 in row or gx + 1 in row))
                        or (above and (gx in above or gx - 1 in above or gx + 1 in above))
                        or (below and (gx in below or gx - 1 in below or gx + 1 in below))):
                    twin = first_duplicate((above, row, below), gx, kept, glyph, ratio)
                    if twin >= 0:
                        if max(abs(kept[twin].x0 - x0), abs(kept[twin].doctop - doctop)) > 0.01:
                            offset_twice.add(twin)
                        continue
                if row is None:
                    rows[gy] = {gx: len(kept)}
                elif gx not in row:
                    row[gx] = len(kept)
                else:       # a second glyph of the text in the cell, no duplicate: rare
                    cell = row[gx]
                    row[gx] = [cell, len(kept)] if isinstance(cell, int) else [*cell, len(kept)]
        kept.append(glyph)
        invisible_count += invisible
        # ``centre_on_page`` written out: a call a glyph less (st2024-1-1's extract
        # 4,104 → 4,080 M instructions with ``normalise_char_text``, callgrind); the
        # tests hold this copy to it (test_pdf_source.test_raw_to_chars_as_its_helpers).
        # Halved by ``* 0.5``, the same float as ``/ 2`` for a quarter of the work.
        on_page = (page_left <= (x0 + x1) * 0.5 <= page_right
                   and page_top <= (top + bottom) * 0.5 <= page_bottom)
        if not on_page:
            off.append(len(made))
        if char_text is None:       # a ``(cid:NN)`` code or an invisible character
            char_text, was_cid = normalise_char_text(text)
            cid_count += was_cid and on_page
            if char_text in INVISIBLE:
                made.append(None)
                dropped += 1
                continue
        marks = fonts.get(fontname)
        if marks is None:
            marks = fonts[fontname] = font_marks(fontname)
        bold, face = marks
        # a glyph shares its top, bottom and size with the one before (nine in ten on
        # the registered PDFs): their rounded values kept, not looked up again (equal
        # floats find one entry of ``rounded``; st2024-1-3's pages 58 M instructions less)
        if top != line_top or bottom != line_bottom or raw_size != line_size:
            line_top, line_bottom, line_size = top, bottom, raw_size
            y0, y1 = top - page_top, bottom - page_top
            r0 = rounded.get(y0)
            if r0 is None:
                r0 = rounded[y0] = round(y0, 2)
            r1 = rounded.get(y1)
            if r1 is None:
                r1 = rounded[y1] = round(y1, 2)
            size = rounded.get(raw_size)
            if size is None:
                size = rounded[raw_size] = round(raw_size, 2)
        made.append(new(Char, (char_text, round2(x0 - page_left), round2(x1 - page_left), r0,
                               r1, size, upright, bold, turn, face)))
    return page_chars(made, off, offset_twice, dropped, cid_count, invisible_count)


def page_chars(made: list[Char | None], off: list[int], offset_twice: set[int], dropped: int,
               cid_count: int, invisible: int) -> PageChars:
    """``raw_to_chars``'s result from the characters it made (``made``, None for
    ``dropped`` invisible ones) and the indices into them of those off the page and
    those printed twice at an offset (fake bold)."""
    for k in offset_twice:
        twin = made[k]
        if twin is not None:
            made[k] = twin._replace(bold=True)
    if not off and not dropped:     # most pages: every character made is on the page
        return PageChars(made, cid_count, [], invisible)  # type: ignore[arg-type]
    away = set(off)
    return PageChars([c for k, c in enumerate(made) if c is not None and k not in away],
                     cid_count, [c for k in off if (c := made[k]) is not None], invisible)


def raw_to_rects(raw: list[dict[str, Any]], bbox: tuple[float, float, float, float],
                 ) -> list[Rect]:
    """Filled or stroked rectangles and ruled lines in page coordinates (a line is a
    rectangle of no width or height; boxes and rules are told apart later)."""
    left, top = bbox[0], bbox[1]
    return [Rect(round(r["x0"] - left, 2), round(r["top"] - top, 2),
                 round(r["x1"] - left, 2), round(r["bottom"] - top, 2))
            for r in raw if r.get("fill") or r.get("stroke") or r.get("object_type") == "line"]


# a frame (``raw_to_frames``): a stroked rectangle, or a stroked curve whose ends are
# within ``CLOSED_WITHIN`` points (``is_closed``), both sides longer than ``FRAME_MIN_SIDE``
FRAME_MIN_SIDE, CLOSED_WITHIN = 2.0, 1.0


def is_closed(points: Any, tolerance: float = CLOSED_WITHIN) -> bool:
    """A drawn path ends where it starts (a rounded box, a circle, a hexagon)."""
    pts = list(points or ())
    return len(pts) >= 3 and all(abs(a - b) <= tolerance for a, b in zip(pts[0], pts[-1],
                                                                         strict=False))


def raw_to_frames(rects: list[dict[str, Any]], curves: list[dict[str, Any]],
                  bbox: tuple[float, float, float, float], min_side: float = FRAME_MIN_SIDE,
                  ) -> list[Rect]:
    """Outlines drawn around an area, in page coordinates: stroked rectangles and
    stroked closed curves (rounded boxes, circles, hexagons) whose sides are both
    longer than ``min_side`` points (a thin rectangle is a rule, a fill alone is shading
    or a white mask behind text, not a frame)."""
    left, top = bbox[0], bbox[1]
    shapes = [r for r in rects if r.get("stroke")]
    shapes += [c for c in curves if c.get("stroke") and is_closed(c.get("pts"))]
    return [Rect(round(r["x0"] - left, 2), round(r["top"] - top, 2),
                 round(r["x1"] - left, 2), round(r["bottom"] - top, 2))
            for r in shapes if min(r["x1"] - r["x0"], r["bottom"] - r["top"]) > min_side]


def quarter_turn(a: float, b: float) -> int:
    """The quarter turn, counter-clockwise, of a glyph whose baseline runs along
    (``a``, ``b``) in PDF space (y up; a glyph matrix's first row, the page's
    ``/Rotate`` included): 0 left to right, 1 up the page, 2 upside down, 3 down."""
    if abs(a) >= abs(b):
        return 0 if a > 0 else 2
    return 1 if b > 0 else 3


def plumber_char(c: dict[str, Any]) -> RawChar:
    """pdfplumber's char dict as a ``RawChar``."""
    matrix = c.get("matrix") or (1.0, 0.0)
    return RawChar(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["doctop"],
                   c["size"], bool(c["upright"]), str(c.get("fontname", "")),
                   turn=quarter_turn(matrix[0], matrix[1]))


def records_to_parsed(page_index: int, bbox: tuple[float, ...], raw_chars: list[RawChar],
                      raw_paths: list[dict[str, Any]], images: int, dedupe_ratio: float,
                      turn: int = 0, held_turn: int = 0) -> ParsedPage:
    """A page's glyphs and path records (pdfplumber's path keys, from either character
    source: ``char_source``; ``raw_paths``: its rects, lines and curves; ``turn``: the
    quarter turns they were turned back by, ``held_turn`` the one not applied: ``turns``)
    → ``ParsedPage``."""
    box = (bbox[0], bbox[1], bbox[2], bbox[3])
    rules = [r for r in raw_paths if r["object_type"] in ("rect", "line")]
    boxes = [r for r in raw_paths if r["object_type"] == "rect"]
    curves = [r for r in raw_paths if r["object_type"] == "curve"]
    chars, cid_count, off_page, invisible = raw_to_chars(raw_chars, box, dedupe_ratio)
    return ParsedPage(page_index=page_index, width=round(box[2] - box[0], 2),
                      invisible=invisible,
                      height=round(box[3] - box[1], 2), chars=tuple(chars),
                      rects=tuple(raw_to_rects(rules, box)), images=images,
                      cid_count=cid_count, frames=tuple(raw_to_frames(boxes, curves, box)),
                      off_page=tuple(off_page), turn=turn, held_turn=held_turn)
