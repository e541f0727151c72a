"""PDFium (pypdfium2) as the character source: a page's glyphs, rules and images as the
raw records ``chars.records_to_parsed`` reads (``RawChar`` glyphs, path records in
pdfplumber's keys), in pdfplumber's conventions.

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
  (``restore_dropped``), since the layout reads whether a space glyph sits in a gap
  (``hints.line_to_text``, ``tables.cell_line_to_text``) and bold from overprints
  (``chars.dedupe_chars``); an object left out for another reason is counted
  (``RawPage.unread_text``), as is one PDFium reads as its marked-content
  ``/ActualText`` in place of its glyphs (``set_vertical_boxes``), and ``char_source``
  reads that page with pdfplumber; glyphs are listed in content order, as pdfminer
  lists them;
- a glyph without a Unicode mapping (``FPDFText_HasUnicodeMapError``, or code 0 or
  U+FFFD) becomes ``(cid:0)``, pdfminer's form, with its character code (``code``: PDFium
  gives the code in place of the missing character); ``char_source`` asks pdfminer's
  reading of the page's fonts what it makes of the code, which tells a code mapped to
  nothing from one with no map; a ligature PDFium splits into several code points with
  one box is one record again;
- invisible glyphs (text render mode 3, e.g. an OCR layer over a scan) are kept, as
  pdfminer keeps them, with ``invisible`` set; the font name (UTF-8) and weight
  (``FPDFFont_GetBaseFontName``, ``FPDFFont_GetWeight``, read once per font of a page)
  ride along for the heading evidence;
- rules: ``pdfium_geometry.path_records`` (pdfminer's ``paint_path`` on PDFium's paths).
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.errors import PipelineError
from pipeline.extract.pdf.chars import RawChar, quarter_turn
from pipeline.extract.pdf.pdfium_geometry import (
    IDENTITY,
    Matrix,
    PageFrame,
    address_of,
    multiply,
    page_objects,
    path_records,
    unchecked,
)

INVISIBLE_RENDER_MODE = 3
UNMAPPED = "(cid:0)"
DEFAULT_VY = 880                          # pdfminer's default DW2 position vector
PDFIUM_HYPHEN, HYPHEN = 0x02, 0x2D       # PDFium reports a line-end hyphen as U+0002
TEXT, PATH, IMAGE = 1, 2, 3             # FPDF_PAGEOBJ_*
GENERATED_CODES = frozenset((0x20, 0x0D, 0x0A))   # what FPDFText_IsGenerated can be true of


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


# --------------------------------------------------------------------------- characters


class FontFacts(NamedTuple):
    """What PDFium tells of a font, read once per font of a page."""

    name: str               # the BaseFont name (PDFium drops some subset tags), UTF-8
    weight: int             # -1: not known
    descent: float          # per unit of size
    embedded: bool
    ascent: float = 0.0     # per unit of size, as PDFium gives it
    loose_descent: float = 0.0   # PDFium's own descent, which its loose boxes reach down to
    drawn: bool = False     # a Type3 font: glyphs drawn by content procedures (``font_facts``)


NO_FONT = FontFacts("", -1, 0.0, False)
DEEPEST_DESCENT = -1.0    # per unit of size: no text face reaches a whole em below the baseline


def has_made_up_metrics(font: FontFacts) -> bool:
    """PDFium gives a font's descent deeper than one em: a descent it made up. When a
    font descriptor gives ``Ascent`` and ``Descent`` as 0 (as TeX's drawing fonts, e.g.
    LCIRCLE10, do), PDFium takes them from the glyphs ``A`` and ``g`` or from the font's
    bounding box (``CPDF_Font::CheckFontMetrics``), while pdfminer keeps 0: the glyph
    boxes would stand a box's depth apart (−2 em, 20 pt at 10 pt). The deepest real
    descent on the registered and test PDFs is 0.79 em (Segoe UI Symbol). A made-up
    descent from ``g`` (about 0.2 em) cannot be told from a real one and stays."""
    return font.descent < DEEPEST_DESCENT


class ObjectFacts(NamedTuple):
    """What all glyphs of one text object share, read once at its first glyph: PDFium's
    glyph matrix is the text object's."""

    address: int            # the text object's address: which glyphs belong together
    linear: tuple[float, float, float, float]   # the matrix's a, b, c, d as PDFium gives them
    matrix: Matrix          # with e, f rounded to 4 decimals
    fontname: str
    weight: int
    render: int             # text render mode
    angle: float            # radians, rounded to 4 decimals
    descent: float          # the font's descent per unit of size
    font_size: float
    embedded: bool
    slant: float = 0.0      # how far a skewed glyph's loose box reaches past its advance
    turn: int = 0           # the quarter turn of its baseline (``chars.quarter_turn``)


class Glyph(NamedTuple):
    """One character PDFium lists, in user space (``box``: left, bottom, right, top as
    pdfminer draws it; ``origin``: PDFium's)."""

    text: str
    box: tuple[float, float, float, float]
    size: float
    origin: tuple[float, float]
    code: int               # the code point PDFium read, or the character code it kept
    facts: ObjectFacts


def font_facts(font: Any) -> FontFacts:
    """The name, weight, descent and embedding of a font (an ``FPDF_FONT``): pdfminer sets
    a glyph's box from the baseline plus the font's descent, one font size tall."""
    import pypdfium2.raw as pdfium_c

    if not font:
        return NO_FONT
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(max(size, 1))
    pdfium_c.FPDFFont_GetBaseFontName(font, buf, size)
    descent, ascent = ctypes.c_float(), ctypes.c_float()
    read = pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), descent)
    pdfium_c.FPDFFont_GetAscent(font, ctypes.c_float(1000.0), ascent)
    name = buf.value.decode("utf-8", errors="replace")
    embedded = pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
    own = round(descent.value, 3) / 1000.0 if read else 0.0
    standard = None if embedded else standard_descents().get(name)
    # a Type3 font is "embedded" with no font program: its glyphs are content procedures
    program = ctypes.c_size_t()
    drawn = embedded and bool(pdfium_c.FPDFFont_GetFontData(font, None, 0, program)) \
        and program.value == 0
    return FontFacts(name, pdfium_c.FPDFFont_GetWeight(font),
                     own if standard is None else standard, embedded,
                     round(ascent.value, 3) / 1000.0, own, drawn)


DescentOf = Callable[[str], "float | None"]   # a font's name → pdfminer's descent per unit
# the descents asked of a document so far, by font name and PDFium's ascent and descent
AskedDescents = dict[tuple[str, float, float], "float | None"]


def may_be_made_up(font: FontFacts) -> bool:
    """PDFium's ascent and descent of the font span less than 0.99 em, or it is a Type3
    font: maybe metrics it made up. (Chromium writes a Type3 font for each CFF face and
    for synthetic bold: PDFium gives it no name and 0.88 and −0.12 em where pdfminer
    reads 0, and the descriptor's name, which tells the weight.) When a font descriptor
    gives ``Ascent`` and ``Descent`` as 0 (LibreOffice 7.4 writes every font so), PDFium
    takes them from the glyphs at codes ``A`` and ``g`` (``CPDF_Font::CheckFontMetrics``:
    0.86 and −0.10 em for IPAexGothic, 0.64 and −0.07 for an IPAexMincho subset; 0.71 to
    0.96 em in all on made-up LibreOffice PDFs, but 0.999 for a Noto Sans CJK subset,
    which is not caught) while pdfminer keeps 0. A real descriptor of a Japanese face spans about one em
    (0.88 and −0.12, 0.859 and −0.141, MS Gothic's 0.859 and −0.137 in bousai2024-t2-1)
    and a Latin one more (Arial 0.905 and −0.211); Adobe's metrics of the standard
    fonts span less (Helvetica 0.718 and −0.207), and pdfminer's descent for them is
    taken from its table already (``standard_descents``). This only decides whether to
    ask (``PageFonts``): asking opens the PDF with pdfplumber (bousai2024-t2-1's extract
    3 % more instructions when its MS Gothic was asked about)."""
    return font is not NO_FONT and (font.drawn or font.ascent - font.descent < 0.99)


class PageFonts:
    """The fonts of one page by address, each read once (``font_facts``). A font whose
    metrics PDFium may have made up (``may_be_made_up``) takes the descent pdfminer
    reads in its descriptor (``descent_of``, when given), asked once per document for
    each such font (``asked``: by name and PDFium's metrics, shared by a document's
    pages); when that cannot be told, the font is counted in ``unsure`` (``char_source``
    reads the page with pdfplumber)."""

    def __init__(self, descent_of: DescentOf | None = None,
                 asked: AskedDescents | None = None) -> None:
        self.by_address: dict[int, FontFacts] = {}
        self.descent_of = descent_of
        self.asked = {} if asked is None else asked
        self.unsure = 0

    def facts(self, address: int) -> FontFacts:
        found = self.by_address.get(address)
        if found is None:
            found = self.by_address[address] = self.read(address)
        return found

    def read(self, address: int) -> FontFacts:
        import pypdfium2.raw as pdfium_c

        facts = font_facts(ctypes.cast(address, pdfium_c.FPDF_FONT))
        if self.descent_of is None or not may_be_made_up(facts):
            return facts
        key = (facts.name, facts.ascent, facts.descent)
        if key not in self.asked:
            self.asked[key] = self.descent_of(facts.name)
        descent = self.asked[key]
        if descent is None:
            self.unsure += 1
            return facts
        return facts._replace(descent=descent)

    def made_up(self) -> int:
        """Fonts whose metrics PDFium made up and pdfminer's reading does not mend."""
        return self.unsure + sum(1 for f in self.by_address.values() if has_made_up_metrics(f))


@functools.cache
def standard_descents() -> dict[str, float]:
    """Per unit of size, the descent pdfminer gives a font named as a standard one
    (``Helvetica``, ``Times-Roman``, ``Arial,Bold``, …: its table of Adobe's metrics,
    ``pdfminer.fontmetrics``), which it takes before the PDF's font descriptor; PDFium
    takes the descriptor's, or, without one, the depth of the face's ``g`` (Helvetica
    0.225 em against 0.207). Only a font not embedded is named so plainly: an embedded
    one carries a subset tag (``ABCDEF+Arial``), and pdfminer reads its descriptor."""
    from pdfminer.fontmetrics import FONT_METRICS

    return {name: float(descriptor.get("Descent", 0)) / 1000.0   # type: ignore[arg-type]
            for name, (descriptor, _) in FONT_METRICS.items()}


@functools.cache
def object_calls() -> tuple[Any, Any, Any, Any, Any]:
    """The calls made once per text object, ``unchecked`` (the object given as a
    ``c_void_p``; st2024-1-1's extract 40 M instructions less than checked calls and
    casts): its matrix and angle (by a glyph), font size, font (an address), render
    mode."""
    import pypdfium2.raw as pdfium_c

    return (unchecked(pdfium_c.FPDFText_GetMatrix),
            unchecked(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float),
            unchecked(pdfium_c.FPDFTextObj_GetFontSize),
            unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p),
            unchecked(pdfium_c.FPDFTextObj_GetTextRenderMode))


def object_font(handle: Any, fonts: PageFonts, fs: Any) -> tuple[FontFacts, float]:
    """The facts of a text object's font (``fonts``: the page's) and its font size."""
    if not handle:
        return NO_FONT, 0.0
    _, _, font_size_of, font_of, _ = object_calls()
    font_size_of(handle, ctypes.byref(fs))
    return fonts.facts(font_of(handle) or 0), round(fs.value, 4)


def pdfminer_box(m: tuple[float, float, float, float], ox: float, oy: float,
                 loose: tuple[float, float, float, float], descent: float, size: float,
                 slant: float = 0.0) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in user space of a glyph's box as pdfminer draws it:
    from the origin along the baseline by the advance (read off PDFium's loose box, less
    the ``slant`` a skewed matrix gives its top or bottom: ``skew_reach``), and from the
    font's descent up one font size, through the glyph's matrix ``m``."""
    a, b, c, d = m
    if abs(a) < abs(b) or a <= 0 or d <= 0:
        turned = turned_advance(m, ox, oy, loose)
        if turned is None:
            return loose             # mirrored or slanted glyphs: PDFium's loose box
        advance = turned
    else:
        advance = max((loose[2] - ox - slant) / a, 0.0)
    low, high = descent * size, descent * size + size
    if b == 0 and c == 0 and a > 0 and d > 0:   # upright, unskewed: the same sums, fewer
        return ox, oy + d * low, ox + a * advance, oy + d * high
    xs, ys = [], []
    for x, y in ((0.0, low), (0.0, high), (advance, low), (advance, high)):
        xs.append(ox + a * x + c * y)
        ys.append(oy + b * x + d * y)
    return min(xs), min(ys), max(xs), max(ys)


def turned_advance(m: tuple[float, float, float, float], ox: float, oy: float,
                   loose: tuple[float, float, float, float]) -> float | None:
    """The advance of a glyph turned by a quarter turn (``m``: its matrix's a, b, c, d;
    up, down or upside down, squeezed or mirrored too), read off PDFium's loose box
    along its baseline from the origin; None for any other matrix (a slant). Across the
    baseline the loose box spans the font's ascent and descent, pdfminer's box its
    descent and one size above it: the box is then built as pdfminer builds it (a page
    read turned, ``turns``, takes its glyphs' size from the box)."""
    a, b, c, d = m
    left, bottom, right, top = loose
    if b and c and is_zero(a, b) and is_zero(d, c):             # up or down the page
        return max((top - oy) / b if b > 0 else (oy - bottom) / -b, 0.0)
    if a < 0 and d < 0 and is_zero(b, a) and is_zero(c, d):     # upside down
        return max((ox - left) / -a, 0.0)
    return None


def is_zero(term: float, against: float) -> bool:
    """A matrix term that is zero but for rounding against another (cos 90° written out
    in decimals: 6e-17)."""
    return abs(term) <= 1e-6 * abs(against)


def object_facts(page_ptr: Any, k: int, address: int, matrix: Any, fs: Any,
                 fonts: PageFonts) -> ObjectFacts:
    """The facts of the text object at ``address``, read at its glyph ``k`` (``page_ptr``:
    the text page as a ``c_void_p``)."""
    matrix_of, angle_of, _, _, render_mode_of = object_calls()
    handle = ctypes.c_void_p(address)
    matrix_of(page_ptr, k, ctypes.byref(matrix))
    # as PDFium gives it: pdfminer's upright test (a·d > 0) turns on the sign of a
    # rounded sine (st2024-1-3 p. 5: a turned word pdfminer calls upright); neither is
    # the origin rounded (pdfminer's own sums are not decimal either: rounding made more
    # glyphs land on the other side of 0.005 pt, measured on mlit2023-1-1)
    m = (matrix.a, matrix.b, matrix.c, matrix.d)
    font, font_size = object_font(handle, fonts, fs)
    return ObjectFacts(
        address, m, (*m, round(matrix.e, 4), round(matrix.f, 4)), font.name, font.weight,
        render_mode_of(handle) if address else 0, round(angle_of(page_ptr, k), 4),
        font.descent, font_size, font.embedded, skew_reach(matrix.c, font, font_size),
        quarter_turn(matrix.a, matrix.b))


def skew_reach(c: float, font: FontFacts, size: float) -> float:
    """How far right of the advance PDFium's loose box of a glyph skewed by ``c`` (a
    synthetic italic: c = tan 15°) reaches: the box is the advance by the font's ascent
    and descent through the matrix, so its top (or, leaning left, its bottom) sticks
    out by c times that height (an IPA Mincho italic: 1.83 pt at 10.5 pt, which ate the
    space after the word)."""
    if c == 0:
        return 0.0
    return max(c * font.ascent, c * font.loose_descent, 0.0) * size


def read_glyphs(textpage: Any, fonts: PageFonts) -> list[Glyph]:
    """Every character PDFium lists but those it made up (``GENERATED_CODES``), with
    its text object's facts (``fonts``: the page's fonts read so far, by address)."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage)
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    ox, oy, fs = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
    # the per-glyph calls unchecked (``unchecked``: half the cost, five calls a glyph):
    # the text page as a ``c_void_p``, out-parameters by ``byref``; the text object as
    # an address
    page_ptr = ctypes.c_void_p(address_of(textpage))
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    object_of = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
    unicode_of = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
    is_generated = unchecked(pdfium_c.FPDFText_IsGenerated)
    loose_box = unchecked(pdfium_c.FPDFText_GetLooseCharBox)
    origin_of = unchecked(pdfium_c.FPDFText_GetCharOrigin)
    map_error = unchecked(pdfium_c.FPDFText_HasUnicodeMapError)
    objects: dict[int, ObjectFacts] = {}
    glyphs: list[Glyph] = []
    make_glyph = Glyph._make   # from a tuple: 0.2 µs a glyph less than Glyph(...) (timeit)
    for k in range(count):
        code = unicode_of(page_ptr, k)
        # PDFium makes up only spaces and line breaks (``GenerateCharInfo``, the gaps of
        # ``ProcessTextObject``): other code points need not be asked about
        if code in GENERATED_CODES and is_generated(page_ptr, k) == 1:
            continue                  # line breaks and made-up spaces (see restore_dropped)
        code = HYPHEN if code == PDFIUM_HYPHEN else code
        address = object_of(page_ptr, k) or 0
        facts = objects.get(address)
        if facts is None:
            facts = objects[address] = object_facts(page_ptr, k, address, matrix, fs, fonts)
        loose_box(page_ptr, k, rect_ref)
        origin_of(page_ptr, k, ox_ref, oy_ref)
        x, y = ox.value, oy.value
        box = pdfminer_box(facts.linear, x, y, (rect.left, rect.bottom, rect.right, rect.top),
                           facts.descent, facts.font_size, facts.slant)
        unmapped = map_error(page_ptr, k) == 1 or code in (0, 0xFFFD)
        glyphs.append(make_glyph((UNMAPPED if unmapped else chr(code), box, box[3] - box[1],
                                  (x, y), code, facts)))
    return glyphs


def set_vertical_boxes(glyphs: list[Glyph], objects: dict[int, TextObject],
                       ) -> tuple[list[Glyph], int]:
    """Glyphs of vertical writing (a CID font's ``-V`` encoding: the page-edge tab) get
    pdfminer's box around the pen, with the default metrics of vertical writing
    (``DW2 [880 -1000]``, ``vx`` half the size): one size wide and tall, 0.12 of it
    above the pen. PDFium reports the origin displaced from the pen; the object's
    position is the first glyph's pen. Glyphs of other objects in a substituted font
    get their advances clipped (``clip_advances``).

    Several glyphs at one origin in an object wider than tall (``objects``: the page's
    text objects by address) are no vertical writing: PDFium's text page gave a
    marked-content ``/ActualText`` in place of the object's glyphs, every character at
    its origin (pdfminer reads the glyphs). They are left as they are and counted, with
    the glyphs, so that ``char_source`` reads the page with pdfplumber."""
    by_object: dict[int, list[int]] = {}
    for i, g in enumerate(glyphs):
        if g.facts.address:
            by_object.setdefault(g.facts.address, []).append(i)
    replaced = 0
    for address, members in by_object.items():
        first = glyphs[members[0]]
        stacked = len(members) > 1 and len({glyphs[i].origin for i in members}) == 1
        if stacked and address in objects and is_wide(objects[address]):
            replaced += 1
            continue
        if not is_vertical([glyphs[i] for i in members]):
            if not first.facts.embedded:
                clip_advances(glyphs, members)
            continue
        a, _, _, d, e, f = first.facts.matrix
        x0, y0 = first.origin
        for n, i in enumerate(members):   # the pen: PDFium's origin moved by the first offset
            g = glyphs[i]
            size = g.facts.font_size * d
            pen_x, pen_y = g.origin[0] + e - x0, g.origin[1] + f - y0
            if stacked:                # PDFium set every glyph at one origin: step down
                pen_x, pen_y = e, f - n * size
            top = pen_y + (1000 - DEFAULT_VY) / 1000 * size
            glyphs[i] = g._replace(box=(pen_x - 0.5 * size, top - size, pen_x + 0.5 * size, top),
                                   size=size)
    return glyphs, replaced


def is_wide(obj: TextObject) -> bool:
    """The object's bounds are wider than tall: a run across the page."""
    left, bottom, right, top = obj.bounds
    return right - left > top - bottom


def clip_advances(glyphs: list[Glyph], members: list[int], slack: float = 0.15) -> None:
    """In a font PDFium substitutes (not embedded), a glyph whose loose box runs a little
    (under ``slack`` of its size) past where the pen set the next glyph of its run ends
    there (``members``: the run's indices into ``glyphs``): pdfminer's box is the
    advance of the PDF's widths, the pen's step when there is no letter spacing, while
    PDFium's loose box takes the substitute's width (ASCII digits of HeiseiMin-W3: 0.62
    em against 0.5). Not in embedded fonts, where the loose box is the PDF's width and an
    overlap is kerning (measured on the registered PDFs: clipping there moved 20 more
    glyphs off pdfminer's boxes than it put on)."""
    for i, j in zip(members, members[1:], strict=False):
        g, nxt = glyphs[i], glyphs[j]
        clipped = clipped_box(g, nxt.origin, slack)
        if clipped is not None:
            glyphs[i] = g._replace(box=clipped)


def clipped_box(g: Glyph, pen: tuple[float, float], slack: float,
                ) -> tuple[float, float, float, float] | None:
    """``g``'s box ended where the pen set the next glyph (``pen``) when it runs past
    it by under ``slack`` of the type size along the baseline, in whichever of the four
    quarter turns the glyph is set (a table turned on the page, ``turns``); None when it
    does not."""
    left, bottom, right, top = g.box
    a, b, c, d = g.facts.linear
    x, y = pen
    if is_zero(b, a) and is_zero(c, d) and abs(y - g.origin[1]) < 0.01:   # → or ←
        if a > 0 and left < x < right and right - x < slack * g.size:
            return left, bottom, x, top
        if a < 0 and d < 0 and left < x < right and x - left < slack * g.size:
            return x, bottom, right, top
    elif b and c and is_zero(a, b) and is_zero(d, c) and abs(x - g.origin[0]) < 0.01:  # ↑ ↓
        across = right - left
        if b > 0 and bottom < y < top and top - y < slack * across:
            return left, bottom, right, y
        if b < 0 and bottom < y < top and y - bottom < slack * across:
            return left, y, right, top
    return None


def is_vertical(members: list[Glyph]) -> bool:
    """Upright glyphs whose origins step straight down, or one glyph PDFium places away
    from its object's position (a horizontal run's first glyph sits on it)."""
    a, b, c, d, e, f = members[0].facts.matrix
    if b or c or a <= 0 or d <= 0:
        return False
    origins = [g.origin for g in members]
    if len(origins) > 1 and len(set(origins)) == 1:
        return True                    # PDFium could not place vertical glyphs apart
    if len(origins) > 1:
        return all(abs(p[0] - q[0]) < 0.01 and q[1] < p[1] - 0.01
                   for p, q in zip(origins, origins[1:], strict=False))
    return abs(origins[0][0] - e) > 0.01 and origins[0][1] < f - 0.01


def join_ligatures(glyphs: list[Glyph]) -> list[Glyph]:
    """Code points PDFium split out of one glyph (a ligature mapped to ``fi``): same text
    object, same box → one record, as pdfminer gives it."""
    out: list[Glyph] = []
    for g in glyphs:
        prev = out[-1] if out else None
        if (prev is not None and g.facts.address == prev.facts.address and g.box == prev.box
                and g.box[2] > g.box[0] and not g.text.isspace()
                and not prev.text.isspace()):
            out[-1] = prev._replace(text=prev.text + g.text)
            continue
        out.append(g)
    return out


@dataclass
class TextObject:
    """A text object of the page in content order: where it is and what it bounds."""

    order: int
    handle: Any
    matrix: Matrix                              # text matrix to user space
    bounds: tuple[float, float, float, float]   # left, bottom, right, top
    in_form: bool = False                       # bounds in the form's space then


def text_object(order: int, obj: Any, matrix: Matrix, top_level: bool) -> TextObject:
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    box = (left.value, bottom.value, right.value, top.value)
    return TextObject(order, obj, matrix, box, not top_level)


def restore_dropped(glyphs: list[Glyph], objects: dict[int, TextObject],
                    fonts: PageFonts) -> tuple[list[Glyph], int]:
    """PDFium's text page leaves out text objects pdfminer reads (``CPDF_TextPage``:
    ``ProcessTextObject``, ``IsSameAsPreTextObject``, ``CloseTempLine``): one printed
    again at a small offset (fake bold, an overprint), one whose bounds are less than
    0.01 wide (no ink: space glyphs), and one of spaces only that follows a space (it
    keeps one space of a run). Each text object no glyph points to is put back, in
    content order: as a copy of its twin's glyphs (``is_twin``) moved by the offset, or,
    when it is spaces (``is_blank``), as one space glyph at its origin. Then every glyph
    is set in content order (by its object), as pdfminer lists them; the count of objects
    left out for no reason found here is returned with them."""
    unread = 0
    by_object: dict[int, list[Glyph]] = {}
    for g in glyphs:
        by_object.setdefault(g.facts.address, []).append(g)
    restored: dict[int, list[Glyph]] = {}
    near: dict[tuple[Any, ...], list[int]] = {}     # same matrix, same band of rows
    for a in by_object:
        if a in objects:
            near.setdefault(shape_band(objects[a]), []).append(a)
    last_text = {a: members[-1].text for a, members in by_object.items()}
    previous = 0
    for address, obj in sorted(objects.items(), key=lambda item: item[1].order):
        before, previous = previous, address
        if address in by_object:
            continue
        *shape, band = shape_band(obj)
        twins = [a for step in (-1, 0, 1) for a in near.get((*shape, band + step), ())
                 if is_twin(objects[a], obj)]
        twin = min(twins, key=lambda a: abs(objects[a].matrix[4] - obj.matrix[4])
                   + abs(objects[a].matrix[5] - obj.matrix[5]), default=None)
        if twin is not None:
            restored[address] = moved_copy(by_object[twin],
                                           obj.matrix[4] - objects[twin].matrix[4],
                                           obj.matrix[5] - objects[twin].matrix[5], address)
            last_text[address] = last_text[twin]
            continue
        if is_blank(obj, last_text.get(before) == " "):
            restored[address] = [space_glyph(obj, address, fonts)]
            last_text[address] = " "
        else:
            unread += 1
    order = {a: o.order for a, o in objects.items()}
    kept = glyphs + [g for members in restored.values() for g in members]
    return sorted(kept, key=lambda g: order.get(g.facts.address, -1)), unread


def moved_copy(glyphs: list[Glyph], dx: float, dy: float, address: int) -> list[Glyph]:
    """``glyphs`` printed again by the object at ``address``, moved by (dx, dy)."""
    facts = glyphs[0].facts._replace(address=address)
    return [g._replace(box=(g.box[0] + dx, g.box[1] + dy, g.box[2] + dx, g.box[3] + dy),
                       facts=facts) for g in glyphs]


def shape_band(obj: TextObject) -> tuple[Any, ...]:
    """An object's matrix and the band of one type size its baseline falls in: a twin
    (``is_twin``) lies in the same band or the next."""
    size = max(abs(obj.matrix[3]), abs(obj.matrix[1]), 0.1)
    return (*obj.matrix[:4], int(obj.matrix[5] // size))


def is_twin(kept: TextObject, dropped: TextObject) -> bool:
    """``dropped`` is ``kept`` printed again (PDFium's ``IsSameTextObject``): the same
    text matrix but for an offset below a quarter of the type size, and bounds of about
    the same width (a stroked overprint's bounds grow by its line width)."""
    a, b, c, d, e, f = kept.matrix
    size = max(abs(d), abs(b), 0.1)
    width = kept.bounds[2] - kept.bounds[0]
    return (kept.matrix[:4] == dropped.matrix[:4]
            and abs(dropped.matrix[4] - e) < 0.25 * size and abs(dropped.matrix[5] - f) < 0.25 * size
            and abs((dropped.bounds[2] - dropped.bounds[0]) - width) < 0.25 * size)


NONSYMBOLIC, SYMBOLIC = 1 << 5, 1 << 2     # font descriptor flags (PDF 32000, 9.8.2)


def is_blank(obj: TextObject, after_space: bool) -> bool:
    """A text object PDFium left out (and no overprint) is spaces when

    - its bounds have no area (no glyph of it has ink: a point, or a segment along the
      baseline through the glyphs' origins) and PDFium has outlines for its font: the
      font is embedded, or it is a standard Latin font (descriptor flag Nonsymbolic,
      not Symbolic), for which PDFium substitutes a face it has. A CJK font that is not
      embedded and not installed gives no outlines either, so its text is bounded the
      same way: not counted as spaces;
    - or it follows a space (the previous text object, in content order, ends with a
      space, read or restored): PDFium keeps one space of a run (``CloseTempLine``),
      whatever ink the font draws for it (a font whose ToUnicode maps drawn glyphs to
      U+0020: pdfminer reads spaces there too).

    The second not when a marked-content ``/ActualText`` covers the object: PDFium may
    leave it out for that (its text in the place of the glyphs pdfminer reads)."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = obj.bounds
    if right - left >= 0.01 and top - bottom >= 0.01:
        return after_space and not has_actual_text(obj.handle)
    font = pdfium_c.FPDFTextObj_GetFont(obj.handle)
    if not font:
        return False
    if pdfium_c.FPDFFont_GetIsEmbedded(font) == 1:
        return True
    flags = pdfium_c.FPDFFont_GetFlags(font)
    return flags >= 0 and bool(flags & NONSYMBOLIC) and not flags & SYMBOLIC


def has_actual_text(handle: Any) -> bool:
    """A marked-content sequence with ``/ActualText`` holds the object."""
    import pypdfium2.raw as pdfium_c

    for k in range(pdfium_c.FPDFPageObj_CountMarks(handle)):
        mark = pdfium_c.FPDFPageObj_GetMark(handle, k)
        if mark and pdfium_c.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") != 0:
            return True
    return False


def space_glyph(obj: TextObject, address: int, fonts: PageFonts) -> Glyph:
    """One space glyph standing for a text object of spaces PDFium left out."""
    import pypdfium2.raw as pdfium_c

    font, size = object_font(obj.handle, fonts, ctypes.c_float())
    d = font.descent
    a, b, c, m_d, ox, oy = obj.matrix
    # bounds of an object in a form XObject are in the form's space: no advance read
    loose = ((ox, oy, ox, oy) if obj.in_form
             else (ox, obj.bounds[1], max(obj.bounds[2], ox), obj.bounds[3]))
    # a turned blank keeps its point: its font's descent, which would place the box
    # across the baseline, is not always the one pdfminer reads (mlit2023-1-1 p. 12)
    box = (loose if quarter_turn(a, b) else
           pdfminer_box((a, b, c, m_d), ox, oy, loose, d, size))
    facts = ObjectFacts(address, (a, b, c, m_d), obj.matrix, "", -1,
                        pdfium_c.FPDFTextObj_GetTextRenderMode(obj.handle), 0.0, d, size,
                        False, turn=quarter_turn(a, b))
    return Glyph(" ", box, box[3] - box[1], (ox, oy), 0x20, facts)


def glyphs_to_chars(glyphs: list[Glyph], frame: PageFrame) -> list[RawChar]:
    """The glyphs in pdfplumber's coordinates."""
    if frame.ctm[:4] != (1.0, 0.0, 0.0, 1.0):
        return [turned_glyph_to_char(g, frame) for g in glyphs]
    # no /Rotate: a move, the same sums as ``PageFrame.bbox`` (the frame's values read
    # once a page, not once a glyph: st2024-1-1's extract 27 M instructions less)
    e, f, left_edge, top_edge = frame.ctm[4], frame.ctm[5], frame.left, frame.top
    height, doctop = frame.height, frame.doctop
    chars: list[RawChar] = []
    make_char = RawChar._make   # from a tuple: 0.2 µs a glyph less than RawChar(...)
    for g in glyphs:
        left, bottom, right, top = g.box
        facts = g.facts
        a, b, c, d = facts.linear
        y_top = height - (top + f) + top_edge
        chars.append(make_char((
            g.text, left + e + left_edge, right + e + left_edge, y_top,
            height - (bottom + f) + top_edge, doctop + y_top, g.size,
            0 < a * d and b * c <= 0, facts.fontname, facts.render == INVISIBLE_RENDER_MODE,
            g.code if g.text == UNMAPPED else 0, facts.weight, facts.angle, facts.turn)))
    return chars


def turned_glyph_to_char(g: Glyph, frame: PageFrame) -> RawChar:
    """A glyph of a page turned by ``/Rotate`` in pdfplumber's coordinates."""
    left, bottom, right, top = g.box
    facts = g.facts
    x0, y_top, x1, y_bottom = frame.bbox([(left, bottom), (right, top)])
    a, b, c, d, _, _ = multiply(facts.matrix, frame.ctm)
    return RawChar(g.text, x0, x1, y_top, y_bottom, frame.doctop + y_top, g.size,
                   0 < a * d and b * c <= 0, facts.fontname,
                   facts.render == INVISIBLE_RENDER_MODE,
                   g.code if g.text == UNMAPPED else 0, facts.weight, facts.angle,
                   quarter_turn(a, b))


# --------------------------------------------------------------------------- pages


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
        for order, (kind, obj, matrix, top_level) in enumerate(
                page_objects(page.raw, False, IDENTITY)):
            if kind == IMAGE:
                images += 1
            elif kind == PATH:
                paths = True
                rects += path_records(obj, matrix, frame)
            elif kind == TEXT:
                texts[address_of(obj)] = text_object(order, obj, matrix, top_level)
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
