"""Text objects PDFium's text page leaves out and pdfminer reads, put back from the
page's objects (``restore_dropped``): one printed again at a small offset (fake bold,
an overprint: a copy of its twin's glyphs, ``find_twin``) and one of spaces
(``is_blank``: one space glyph at its origin), since the layout reads whether a space
glyph sits in a gap and bold from overprints (``chars.raw_to_chars``); an object left
out for no reason found here is counted (``char_source`` reads that page with
pdfplumber).
"""

from __future__ import annotations

import ctypes
from typing import Any

from pipeline.extract.pdf.chars import quarter_turn
from pipeline.extract.pdf.pdfium_fonts import PageFonts
from pipeline.extract.pdf.pdfium_glyphs import (
    TEXT,
    GlyphRun,
    ObjectFacts,
    TextObject,
    object_calls,
    object_font,
    pdfminer_box,
    runs_by_object,
)


def restore_dropped(runs: list[GlyphRun], objects: dict[int, TextObject],
                    fonts: PageFonts) -> tuple[list[GlyphRun], int]:
    """PDFium's text page leaves out text objects pdfminer reads (``CPDF_TextPage``:
    ``ProcessTextObject``, ``IsSameAsPreTextObject``, ``CloseTempLine``): one printed
    again at a small offset (fake bold, an overprint), one whose bounds are less than
    0.01 wide (no ink: space glyphs), and one of spaces only that follows a space (it
    keeps one space of a run). Each text object no glyph points to is put back, in
    content order: as a copy of its twin's glyphs (``find_twin``) moved by the offset, or,
    when it is spaces (``is_blank``), as one space glyph at its origin. Then every glyph
    is set in content order (by its object), as pdfminer lists them; the count of objects
    left out for no reason found here is returned with them."""
    unread = 0
    by_object = runs_by_object(runs)
    near: Candidates | None = None    # made when an object is found left out
    last_text = {a: object_runs[-1].glyphs[-1][TEXT] for a, object_runs in by_object.items()}
    # runs of no object listed first, then each object's, read or restored: in content
    # order, by object, with no sort of the glyphs (st2024-1-3's extract 8,013 → 7,970 M
    # instructions, callgrind)
    placed = ([run for run in runs if run.facts.address not in objects]
              if any(a not in objects for a in by_object) else [])
    previous = 0
    for address, obj in sorted(objects.items(), key=lambda item: item[1].order):
        before, previous = previous, address
        if address in by_object:
            placed += by_object[address]
            continue
        if near is None:
            near = twin_candidates(by_object, objects)
        twin = find_twin(obj, near)
        if twin is not None:
            placed.append(moved_copy(by_object[twin], obj.matrix[4] - objects[twin].matrix[4],
                                     obj.matrix[5] - objects[twin].matrix[5], address))
            last_text[address] = last_text[twin]
        elif is_blank(obj, last_text.get(before) == " "):
            placed.append(space_glyph(obj, address, fonts))
            last_text[address] = " "
        else:
            unread += 1
    return placed, unread


Candidates = dict[tuple[Any, ...], list[tuple[int, float, float, float]]]


def twin_candidates(by_object: dict[int, Any], objects: dict[int, TextObject]) -> Candidates:
    """The read objects (``by_object``'s addresses among ``objects``) by ``shape_band``,
    each with what ``find_twin`` compares: its address, its move (e, f) and its width."""
    near: Candidates = {}
    for a in by_object:
        obj = objects.get(a)
        if obj is not None:
            near.setdefault(shape_band(obj), []).append(
                (a, obj.matrix[4], obj.matrix[5], obj.bounds[2] - obj.bounds[0]))
    return near


def find_twin(obj: TextObject, near: Candidates) -> int | None:
    """The read object ``obj`` prints again, the nearest of several (by the sum of the
    offsets along both axes; of two as near, the first listed), of the read objects
    ``near`` lists by ``shape_band`` (``twin_candidates``). A twin (PDFium's
    ``IsSameTextObject``) has the same text matrix but for an offset below a quarter of
    the type size, and bounds of about the same width (a stroked overprint's bounds grow
    by its line width). The matrix is the band's key: one size for the band; each
    candidate's values compared in one loop, not a call each, and the candidates made
    only on a page that leaves out an object (st2024-1-3's extract 6,473 → 6,448 M
    instructions, callgrind)."""
    a, b, c, d, e, f = obj.matrix
    size = max(abs(d), abs(b), 0.1)
    reach, band, width = 0.25 * size, int(f // size), obj.bounds[2] - obj.bounds[0]
    twin, nearest = None, 0.0
    for step in (-1, 0, 1):
        for address, te, tf, tw in near.get((a, b, c, d, band + step), ()):
            if abs(e - te) < reach and abs(f - tf) < reach and abs(width - tw) < reach:
                offset = abs(te - e) + abs(tf - f)
                if twin is None or offset < nearest:
                    twin, nearest = address, offset
    return twin


def moved_copy(runs: list[GlyphRun], dx: float, dy: float, address: int) -> GlyphRun:
    """The glyphs of ``runs`` (one object's) printed again by the object at ``address``,
    moved by (dx, dy)."""
    return GlyphRun(runs[0].facts._replace(address=address),
                    [(text, left + dx, bottom + dy, right + dx, top + dy, size, x, y, code)
                     for run in runs
                     for text, left, bottom, right, top, size, x, y, code in run.glyphs])


def shape_band(obj: TextObject) -> tuple[Any, ...]:
    """An object's matrix and the band of one type size its baseline falls in: a twin
    (``find_twin``) lies in the same band or the next."""
    a, b, c, d, _, f = obj.matrix
    return a, b, c, d, int(f // max(abs(d), abs(b), 0.1))


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


def space_glyph(obj: TextObject, address: int, fonts: PageFonts) -> GlyphRun:
    """One space glyph standing for a text object of spaces PDFium left out."""
    font, size = object_font(obj.handle, fonts, ctypes.c_float(), {})
    d = font.descent
    a, b, c, m_d, ox, oy = obj.matrix
    # bounds of an object in a form XObject are in the form's space: no advance read
    loose = ((ox, oy, ox, oy) if obj.in_form
             else (ox, obj.bounds[1], max(obj.bounds[2], ox), obj.bounds[3]))
    # a turned blank keeps its point: its font's descent, which would place the box
    # across the baseline, is not always the one pdfminer reads (mlit2023-1-1 p. 12)
    box = (loose if quarter_turn(a, b) else
           pdfminer_box((a, b, c, m_d), ox, oy, loose, d, size))
    render_mode_of = object_calls()[4]
    facts = ObjectFacts(address, (a, b, c, m_d), obj.matrix, "", -1,
                        render_mode_of(obj.handle), 0.0, d, size, False,
                        turn=quarter_turn(a, b))
    left, bottom, right, top = box
    return GlyphRun(facts, [(" ", left, bottom, right, top, top - bottom, ox, oy, 0x20)])
