"""The glyphs PDFium's text page lists, read as pdfminer draws them (the module
``pdfium_source`` tells the conventions): one ``Glyph`` per character but those PDFium
makes up (``read_glyphs``), its box from the origin along the baseline to the right
edge of PDFium's loose box and from the font's descent up one font size
(``pdfminer_box``), in runs of one text object's glyphs (``GlyphRun``) with the facts
the object's glyphs share (``ObjectFacts``, read once per object); the page's text
objects as records (``TextObject``); the glyphs then carried into pdfplumber's
coordinates (``glyphs_to_chars``).
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable
from typing import Any, Final, NamedTuple

from pipeline.extract.pdf.chars import RawChar, quarter_turn
from pipeline.extract.pdf.pdfium_fonts import NO_FONT, FontFacts, PageFonts
from pipeline.extract.pdf.pdfium_geometry import (
    Matrix,
    PageFrame,
    Rounded,
    address_of,
    multiply,
    round_once,
    unchecked,
)

INVISIBLE_RENDER_MODE = 3
UNMAPPED = "(cid:0)"
PDFIUM_HYPHEN, HYPHEN = 0x02, 0x2D       # PDFium reports a line-end hyphen as U+0002
GENERATED_CODES = frozenset((0x20, 0x0D, 0x0A))   # what FPDFText_IsGenerated can be true of


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


# One character PDFium lists, in user space: its box as pdfminer draws it (left, bottom,
# right, top), its size, PDFium's origin (x, y) and the code point PDFium read or the
# character code it kept. A plain tuple, read by unpacking or by the positions below: a
# tuple made by ``BUILD_TUPLE`` and unpacked by the interpreter's fast path, and one the
# garbage collector stops tracking (a NamedTuple's instances it traverses for good):
# st2024-1-3's extract 6,447 → 6,369 M instructions, callgrind.
Glyph = tuple[str, float, float, float, float, float, float, float, int]
TEXT: Final = 0
LEFT: Final = 1
BOTTOM: Final = 2
RIGHT: Final = 3
TOP: Final = 4
SIZE: Final = 5
X: Final = 6
Y: Final = 7
CODE: Final = 8


class GlyphRun(NamedTuple):
    """Glyphs of one text object that PDFium lists one after another, with the facts
    they share: an object's glyphs come together, so what is read or decided once an
    object (its facts, whether its glyphs are vertical writing, where it goes in
    content order) is done once a run, not once a glyph (with the flat ``Glyph``:
    st2024-1-3's extract 6,598 → 6,517 M instructions, callgrind)."""

    facts: ObjectFacts
    glyphs: list[Glyph]


def runs_by_object(runs: list[GlyphRun]) -> dict[int, list[GlyphRun]]:
    """The runs of each text object by its address (0: glyphs of no object), in the
    order the objects are first met: an object's glyphs may come in several runs."""
    by_object: dict[int, list[GlyphRun]] = {}
    for run in runs:
        found = by_object.get(run.facts.address)
        if found is None:
            by_object[run.facts.address] = [run]
        else:
            found.append(run)
    return by_object


@functools.cache
def object_calls() -> tuple[Any, Any, Any, Any, Any]:
    """The calls made once per text object, ``unchecked`` (the object given as a
    ``pointer_arg``; st2024-1-1's extract 40 M instructions less than checked calls and
    casts): its matrix and angle (by a glyph), font size, font (an address), render
    mode."""
    import pypdfium2.raw as pdfium_c

    return (unchecked(pdfium_c.FPDFText_GetMatrix),
            unchecked(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float),
            unchecked(pdfium_c.FPDFTextObj_GetFontSize),
            unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p),
            unchecked(pdfium_c.FPDFTextObj_GetTextRenderMode))


def pointer_arg(address: int) -> Any:
    """A pointer as ctypes hands it to a C function (a ``CArgObject``), made once for
    many calls: ctypes passes it on as it is, where a ``c_void_p`` is converted into a
    new one at each call (``FPDFText_GetUnicode``: 2,480 → 2,040 instructions a call,
    callgrind)."""
    return ctypes.c_void_p.from_param(address)


def object_font(handle: Any, fonts: PageFonts, fs: Any, rounded: Rounded,
                ) -> tuple[FontFacts, float]:
    """The facts of a text object's font (``fonts``: the page's) and its font size
    (``rounded``: the page's values rounded to 4 decimals so far, ``round_once``)."""
    if not handle:
        return NO_FONT, 0.0
    _, _, font_size_of, font_of, _ = object_calls()
    font_size_of(handle, ctypes.byref(fs))
    return fonts.facts(font_of(handle) or 0), round_once(fs.value, 4, rounded)


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


UprightTerms = tuple[float, float, float, float]


def upright_terms(facts: ObjectFacts) -> UprightTerms | None:
    """For a text object set upright and unskewed (``pdfminer_box``'s short case), what
    its glyphs' boxes take from it: the matrix's ``a``, the ``slant``, and the bottom and
    top of the box above the baseline (the same products ``pdfminer_box`` forms); None
    for any other matrix."""
    a, b, c, d = facts.linear
    if not (b == 0 and c == 0 and a > 0 and d > 0):
        return None
    low = facts.descent * facts.font_size
    return a, facts.slant, d * low, d * (low + facts.font_size)


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
                 fonts: PageFonts, rounded: Rounded) -> ObjectFacts:
    """The facts of the text object at ``address``, read at its glyph ``k`` (``page_ptr``:
    the text page as a ``pointer_arg``; ``rounded``: ``object_font``'s; a page's text
    objects share most of their baselines, type sizes and angles: st2024-1-3's extract
    6,517 → 6,504 M instructions, callgrind, each rounded once a page)."""
    matrix_of, angle_of, _, _, render_mode_of = object_calls()
    matrix_of(page_ptr, k, ctypes.byref(matrix))
    # as PDFium gives it: pdfminer's upright test (a·d > 0) turns on the sign of a
    # rounded sine (st2024-1-3 p. 5: a turned word pdfminer calls upright); neither is
    # the origin rounded (pdfminer's own sums are not decimal either: rounding made more
    # glyphs land on the other side of 0.005 pt, measured on mlit2023-1-1)
    m = (matrix.a, matrix.b, matrix.c, matrix.d)
    font, font_size, render = NO_FONT, 0.0, 0
    if address:
        handle = pointer_arg(address)
        font, font_size = object_font(handle, fonts, fs, rounded)
        render = render_mode_of(handle)
    return ObjectFacts(
        address, m, (*m, round_once(matrix.e, 4, rounded), round_once(matrix.f, 4, rounded)),
        font.name, font.weight, render,
        round_once(angle_of(page_ptr, k), 4, rounded),
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


def read_glyphs(textpage: Any, fonts: PageFonts) -> list[GlyphRun]:
    """Every character PDFium lists but those it made up (``GENERATED_CODES``), in runs
    of one text object with its facts (``fonts``: the page's fonts read so far, by
    address)."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage)
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    ox, oy, fs = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
    # the per-glyph calls unchecked (``unchecked``: half the cost, five calls a glyph):
    # the text page as a ``pointer_arg``, out-parameters by ``byref``; the text object
    # as an address
    page_ptr = pointer_arg(address_of(textpage))
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    object_of = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
    unicode_of = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
    is_generated = unchecked(pdfium_c.FPDFText_IsGenerated)
    loose_box = unchecked(pdfium_c.FPDFText_GetLooseCharBox)
    origin_of = unchecked(pdfium_c.FPDFText_GetCharOrigin)
    map_error = unchecked(pdfium_c.FPDFText_HasUnicodeMapError)
    objects: dict[int, tuple[ObjectFacts, UprightTerms | None]] = {}
    rounded: Rounded = {}
    runs: list[GlyphRun] = []
    glyphs: list[Glyph] = []
    last = -1           # the address of the run being read (no object's: 0)
    for k in range(count):
        code = unicode_of(page_ptr, k)
        # PDFium makes up only spaces and line breaks (``GenerateCharInfo``, the gaps of
        # ``ProcessTextObject``): other code points need not be asked about
        if code in GENERATED_CODES and is_generated(page_ptr, k) == 1:
            continue       # line breaks and made-up spaces (see pdfium_dropped_objects)
        code = HYPHEN if code == PDFIUM_HYPHEN else code
        address = object_of(page_ptr, k) or 0
        if address != last:     # a new run: its object's facts, read at its first glyph
            found = objects.get(address)
            if found is None:
                facts = object_facts(page_ptr, k, address, matrix, fs, fonts, rounded)
                found = objects[address] = facts, upright_terms(facts)
            facts, terms = found
            if terms is not None:
                a, slant, below, above = terms
            glyphs, last = [], address
            runs.append(GlyphRun(facts, glyphs))
        loose_box(page_ptr, k, rect_ref)
        origin_of(page_ptr, k, ox_ref, oy_ref)
        x, y = ox.value, oy.value
        if terms is None:
            left, bottom, right, top = pdfminer_box(
                facts.linear, x, y, (rect.left, rect.bottom, rect.right, rect.top),
                facts.descent, facts.font_size, facts.slant)
        else:   # ``pdfminer_box`` of an upright glyph, its object's terms read once a
                # run, and of the loose box its right edge alone; max(advance, 0.0)
                # written out (a -0.0 or NaN advance kept, as ``max`` keeps it)
            advance = (rect.right - x - slant) / a
            left, bottom, top = x, y + below, y + above
            right = x + a * (0.0 if advance < 0.0 else advance)
        unmapped = map_error(page_ptr, k) == 1 or code in (0, 0xFFFD)
        glyphs.append((UNMAPPED if unmapped else chr(code), left, bottom, right, top,
                       top - bottom, x, y, code))
    return runs


class TextObject(NamedTuple):
    """A text object of the page in content order: where it is and what it bounds."""

    order: int
    handle: Any
    matrix: Matrix                              # text matrix to user space
    bounds: tuple[float, float, float, float]   # left, bottom, right, top
    in_form: bool = False                       # bounds in the form's space then


Bounds = tuple[float, float, float, float]


def bounds_reader() -> Callable[[Any], Bounds]:
    """A call giving a page object's bounds (left, bottom, right, top), ``unchecked``,
    into four floats made once: 0.4 µs an object against 1.4 µs with four new floats
    and a checked call (timeit; a page holds hundreds of text objects)."""
    import pypdfium2.raw as pdfium_c

    bounds_of = unchecked(pdfium_c.FPDFPageObj_GetBounds)
    left, bottom, right, top = out = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in out]

    def bounds(obj: Any) -> Bounds:
        bounds_of(obj, *refs)
        return left.value, bottom.value, right.value, top.value

    return bounds


def glyphs_to_chars(runs: list[GlyphRun], frame: PageFrame) -> list[RawChar]:
    """The glyphs in pdfplumber's coordinates."""
    if frame.ctm[:4] != (1.0, 0.0, 0.0, 1.0):
        return [turned_glyph_to_char(g, run.facts, frame) for run in runs for g in run.glyphs]
    # no /Rotate: a move, the same sums as ``PageFrame.bbox`` (the frame's values read
    # once a page, not once a glyph: st2024-1-1's extract 27 M instructions less)
    e, f, left_edge, top_edge = frame.ctm[4], frame.ctm[5], frame.left, frame.top
    height, doctop = frame.height, frame.doctop
    chars: list[RawChar] = []
    new = tuple.__new__   # as ``RawChar._make`` makes it, without its length check
    for facts, glyphs in runs:       # a run's facts into locals once
        a, b, c, d = facts.linear
        upright = 0 < a * d and b * c <= 0
        fontname, weight, angle, turn = facts.fontname, facts.weight, facts.angle, facts.turn
        invisible = facts.render == INVISIBLE_RENDER_MODE
        for text, left, bottom, right, top, size, _, _, code in glyphs:
            y_top = height - (top + f) + top_edge
            chars.append(new(RawChar, (
                text, left + e + left_edge, right + e + left_edge, y_top,
                height - (bottom + f) + top_edge, doctop + y_top, size, upright, fontname,
                invisible, code if text == UNMAPPED else 0, weight, angle, turn)))
    return chars


def turned_glyph_to_char(g: Glyph, facts: ObjectFacts, frame: PageFrame) -> RawChar:
    """A glyph of a page turned by ``/Rotate`` in pdfplumber's coordinates (``facts``:
    its text object's)."""
    text, left, bottom, right, top, size, _, _, code = g
    x0, y_top, x1, y_bottom = frame.bbox([(left, bottom), (right, top)])
    a, b, c, d, _, _ = multiply(facts.matrix, frame.ctm)
    return RawChar(text, x0, x1, y_top, y_bottom, frame.doctop + y_top, size,
                   0 < a * d and b * c <= 0, facts.fontname,
                   facts.render == INVISIBLE_RENDER_MODE,
                   code if text == UNMAPPED else 0, facts.weight, facts.angle,
                   quarter_turn(a, b))
