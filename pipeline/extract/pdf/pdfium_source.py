"""PDFium (pypdfium2) as the character source: a page's glyphs, rules and images as the
raw records ``chars.records_to_parsed`` reads, in pdfplumber's conventions.

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
  (``RawPage.unread_text``) and ``char_source`` reads that page with pdfplumber;
  glyphs are listed in content order, as pdfminer lists them;
- a glyph without a Unicode mapping (``FPDFText_HasUnicodeMapError``, or code 0 or
  U+FFFD) becomes ``(cid:0)``, pdfminer's form, with its character code (``code``: PDFium
  gives the code in place of the missing character); ``char_source`` asks pdfminer's
  reading of the page's fonts what it makes of the code, which tells a code mapped to
  nothing from one with no map; a ligature PDFium splits into several code points with
  one box is one record again;
- invisible glyphs (text render mode 3, e.g. an OCR layer over a scan) are kept, as
  pdfminer keeps them, with ``invisible: True``; the font name (UTF-8) and weight
  (``FPDFText_GetFontWeight``) ride along for the heading evidence;
- rules: ``pdfium_geometry.path_records`` (pdfminer's ``paint_path`` on PDFium's paths).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.extract.pdf.pdfium_geometry import (
    IDENTITY,
    Matrix,
    PageFrame,
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
    """One page as the layout reads it: glyph and rule records in pdfplumber's keys and
    coordinates, the page box and its image count; ``has_paths``: any path object."""

    page_index: int
    bbox: tuple[float, float, float, float]   # pdfplumber's ``page.bbox``
    chars: list[dict[str, Any]]
    rects: list[dict[str, Any]]   # the page's paths: rects, lines and curves (object_type)
    images: int
    has_paths: bool = True
    unread_text: int = 0     # text objects PDFium left out for no reason found here
    rotation: int = 0


# --------------------------------------------------------------------------- characters


def _font_name(textpage: Any, k: int, buf: Any) -> str:
    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFText_GetFontInfo(textpage, k, buf, len(buf), None)
    if size > len(buf):
        buf = ctypes.create_string_buffer(size)
        pdfium_c.FPDFText_GetFontInfo(textpage, k, buf, size, None)
    return buf.value.decode("utf-8", errors="replace")


def object_descent(obj: Any, fs: Any, descent: Any) -> tuple[float, float]:
    """(descent per unit of size, font size) of a text object: pdfminer sets a glyph's
    box from the baseline plus the font's descent, one font size tall."""
    import pypdfium2.raw as pdfium_c

    pdfium_c.FPDFTextObj_GetFontSize(obj, fs)
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font or not pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), descent):
        return 0.0, round(fs.value, 4)
    return round(descent.value, 3) / 1000.0, round(fs.value, 4)


def pdfminer_box(m: tuple[float, float, float, float], ox: float, oy: float,
                 loose: tuple[float, float, float, float], descent: float, size: float,
                 ) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in user space of a glyph's box as pdfminer draws it:
    from the origin along the baseline by the advance (read off PDFium's loose box), and
    from the font's descent up one font size, through the glyph's matrix ``m``."""
    a, b, c, d = m
    if abs(a) < abs(b) or a <= 0 or d <= 0:
        return loose                 # turned glyphs: PDFium's loose box is pdfminer's
    advance = max((loose[2] - ox) / a, 0.0)
    low, high = descent * size, descent * size + size
    if b == 0 and c == 0:           # upright, unskewed: the same sums, fewer of them
        return ox, oy + d * low, ox + a * advance, oy + d * high
    xs, ys = [], []
    for x, y in ((0.0, low), (0.0, high), (advance, low), (advance, high)):
        xs.append(ox + a * x + c * y)
        ys.append(oy + b * x + d * y)
    return min(xs), min(ys), max(xs), max(ys)


def is_embedded(handle: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    font = pdfium_c.FPDFTextObj_GetFont(handle) if handle else None
    return bool(font) and pdfium_c.FPDFFont_GetIsEmbedded(font) == 1


def object_facts(textpage: Any, k: int, handle: Any, matrix: Any, buf: Any, fs: Any,
                 descent: Any) -> dict[str, Any]:
    """What all glyphs of one text object share (read at its glyph ``k``): the font
    name and weight, the render mode, the matrix (PDFium's glyph matrix is the text
    object's), its angle, the font size and descent."""
    import pypdfium2.raw as pdfium_c

    pdfium_c.FPDFText_GetMatrix(textpage, k, matrix)
    # as PDFium gives it: pdfminer's upright test (a·d > 0) turns on the sign of a
    # rounded sine (st2024-1-3 p. 5: a turned word pdfminer calls upright); neither is
    # the origin rounded (pdfminer's own sums are not decimal either: rounding made more
    # glyphs land on the other side of 0.005 pt, measured on mlit2023-1-1)
    m = (matrix.a, matrix.b, matrix.c, matrix.d)
    own_descent, font_size = object_descent(handle, fs, descent) if handle else (0.0, 0.0)
    return {"m": m, "matrix": (*m, round(matrix.e, 4), round(matrix.f, 4)),
            "fontname": _font_name(textpage, k, buf),
            "weight": pdfium_c.FPDFText_GetFontWeight(textpage, k),
            "render": pdfium_c.FPDFTextObj_GetTextRenderMode(handle) if handle else 0,
            "angle": pdfium_c.FPDFText_GetCharAngle(textpage, k), "handle": handle,
            "descent": own_descent, "font_size": font_size,
            "embedded": is_embedded(handle)}


def read_glyphs(textpage: Any) -> list[dict[str, Any]]:
    """Every character PDFium lists, with what the layout and the source checks need:
    ``text``, user-space ``box``, ``size``, ``matrix``, ``fontname``, ``weight``,
    ``generated``, ``unmapped``, ``object`` (its text object's address), ``render``."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage)
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    ox, oy, fs, descent = ctypes.c_double(), ctypes.c_double(), ctypes.c_float(), ctypes.c_float()
    buf = ctypes.create_string_buffer(128)
    # the per-glyph calls unchecked (``unchecked``: half the cost, five calls a glyph): the text page as a ``c_void_p``,
    # out-parameters by ``byref``; the text object as an address
    page_ptr = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    object_of = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
    unicode_of = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
    is_generated = unchecked(pdfium_c.FPDFText_IsGenerated)
    loose_box = unchecked(pdfium_c.FPDFText_GetLooseCharBox)
    origin_of = unchecked(pdfium_c.FPDFText_GetCharOrigin)
    map_error = unchecked(pdfium_c.FPDFText_HasUnicodeMapError)
    handle_type = pdfium_c.FPDF_PAGEOBJECT
    objects: dict[int, dict[str, Any]] = {}   # per text object: font, render mode, matrix
    glyphs: list[dict[str, Any]] = []
    for k in range(count):
        code = unicode_of(page_ptr, k)
        # PDFium makes up only spaces and line breaks (``GenerateCharInfo``, the gaps of
        # ``ProcessTextObject``): other code points need not be asked about
        if code in GENERATED_CODES and is_generated(page_ptr, k) == 1:
            continue                  # line breaks and made-up spaces (see restore_dropped)
        code = HYPHEN if code == PDFIUM_HYPHEN else code
        address = object_of(page_ptr, k) or 0
        own = objects.get(address)
        if own is None:
            own = objects[address] = object_facts(textpage, k, ctypes.cast(address, handle_type),
                                                  matrix, buf, fs, descent)
            own["shared"] = {   # the keys every glyph of the object has alike
                "generated": False, "matrix": own["matrix"], "fontname": own["fontname"],
                "weight": own["weight"], "object": address, "obj": own["handle"],
                "angle": own["angle"], "font_size": own["font_size"],
                "render": own["render"], "embedded": own["embedded"]}
        loose_box(page_ptr, k, rect_ref)
        origin_of(page_ptr, k, ox_ref, oy_ref)
        x, y = ox.value, oy.value
        box = pdfminer_box(own["m"], x, y, (rect.left, rect.bottom, rect.right, rect.top),
                           own["descent"], own["font_size"])
        unmapped = map_error(page_ptr, k) == 1 or code in (0, 0xFFFD)
        glyphs.append({**own["shared"], "text": UNMAPPED if unmapped else chr(code),
                       "box": box, "size": box[3] - box[1], "unmapped": unmapped,
                       "origin": (x, y), "code": code})
    return set_vertical_boxes(glyphs)


def set_vertical_boxes(glyphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Glyphs of vertical writing (a CID font's ``-V`` encoding: the page-edge tab) get
    pdfminer's box around the pen, with the default metrics of vertical writing
    (``DW2 [880 -1000]``, ``vx`` half the size): one size wide and tall, 0.12 of it
    above the pen. PDFium reports the origin displaced from the pen; the object's
    position is the first glyph's pen."""
    by_object: dict[int, list[dict[str, Any]]] = {}
    for g in glyphs:
        if not g["generated"] and g["object"]:
            by_object.setdefault(g["object"], []).append(g)
    for members in by_object.values():
        if not is_vertical(members):
            if not members[0]["embedded"]:
                clip_advances(members)
            continue
        a, _, _, d, e, f = members[0]["matrix"]
        x0, y0 = members[0]["origin"]
        stacked = len(members) > 1 and len({g["origin"] for g in members}) == 1
        for i, g in enumerate(members):  # the pen: PDFium's origin moved by the first offset
            size = g["font_size"] * d
            pen_x, pen_y = g["origin"][0] + e - x0, g["origin"][1] + f - y0
            if stacked:                # PDFium set every glyph at one origin: step down
                pen_x, pen_y = e, f - i * size
            top = pen_y + (1000 - DEFAULT_VY) / 1000 * size
            g["box"] = (pen_x - 0.5 * size, top - size, pen_x + 0.5 * size, top)
            g["size"] = size
    return glyphs


def clip_advances(members: list[dict[str, Any]], slack: float = 0.15) -> None:
    """In a font PDFium substitutes (not embedded), a glyph whose loose box runs a little
    (under ``slack`` of its size) past where the pen set the next glyph of its run ends
    there: pdfminer's box is the advance of the PDF's widths, the pen's step when there
    is no letter spacing, while PDFium's loose box takes the substitute's width (ASCII
    digits of HeiseiMin-W3: 0.62 em against 0.5). Not in embedded fonts, where the loose
    box is the PDF's width and an overlap is kerning (measured on the registered PDFs:
    clipping there moved 20 more glyphs off pdfminer's boxes than it put on)."""
    for g, nxt in zip(members, members[1:], strict=False):
        left, bottom, right, top = g["box"]
        a, b, c, d = g["matrix"][:4]
        x = nxt["origin"][0]
        if (b == 0 and c == 0 and a > 0 and abs(nxt["origin"][1] - g["origin"][1]) < 0.01
                and left < x < right and right - x < slack * g["size"]):
            g["box"] = (left, bottom, x, top)


def is_vertical(members: list[dict[str, Any]]) -> bool:
    """Upright glyphs whose origins step straight down, or one glyph PDFium places away
    from its object's position (a horizontal run's first glyph sits on it)."""
    a, b, c, d, e, f = members[0]["matrix"]
    if b or c or a <= 0 or d <= 0:
        return False
    origins = [g["origin"] for g in members]
    if len(origins) > 1 and len(set(origins)) == 1:
        return True                    # PDFium could not place vertical glyphs apart
    if len(origins) > 1:
        return all(abs(p[0] - q[0]) < 0.01 and q[1] < p[1] - 0.01
                   for p, q in zip(origins, origins[1:], strict=False))
    return abs(origins[0][0] - e) > 0.01 and origins[0][1] < f - 0.01


def join_ligatures(glyphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Code points PDFium split out of one glyph (a ligature mapped to ``fi``): same text
    object, same box, none generated → one record, as pdfminer gives it."""
    out: list[dict[str, Any]] = []
    for g in glyphs:
        prev = out[-1] if out else None
        if (prev is not None and not g["generated"] and not prev["generated"]
                and g["object"] == prev["object"] and g["box"] == prev["box"]
                and g["box"][2] > g["box"][0] and not g["text"].isspace()
                and not prev["text"].isspace()):
            out[-1] = {**prev, "text": prev["text"] + g["text"]}
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


def restore_dropped(glyphs: list[dict[str, Any]], objects: dict[int, TextObject],
                    fs: Any, descent: Any) -> tuple[list[dict[str, Any]], int]:
    """PDFium's text page leaves out text objects pdfminer reads (``CPDF_TextPage``:
    ``ProcessTextObject``, ``IsSameAsPreTextObject``, ``CloseTempLine``): one printed
    again at a small offset (fake bold, an overprint), one whose bounds are less than
    0.01 wide (no ink: space glyphs), and one of spaces only that follows a space (it
    keeps one space of a run). Each text object no glyph points to is put back, in
    content order: as a copy of its twin's glyphs (``is_twin``) moved by the offset, or,
    when it is spaces (``is_blank``), as one space glyph at its origin. Then every glyph
    is set in content order (by its object), as pdfminer lists them; the count of objects
    left out for no reason found here is returned with them."""
    kept = [g for g in glyphs if not g["generated"]]
    unread = 0
    by_object: dict[int, list[dict[str, Any]]] = {}
    for g in kept:
        by_object.setdefault(g["object"], []).append(g)
    near: dict[tuple[Any, ...], list[int]] = {}     # same matrix, same band of rows
    for a in by_object:
        if a in objects:
            near.setdefault(shape_band(objects[a]), []).append(a)
    last_text = {a: members[-1]["text"] for a, members in by_object.items()}
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
            dx = obj.matrix[4] - objects[twin].matrix[4]
            dy = obj.matrix[5] - objects[twin].matrix[5]
            kept += [{**g, "box": (g["box"][0] + dx, g["box"][1] + dy, g["box"][2] + dx,
                                   g["box"][3] + dy), "object": address}
                     for g in by_object[twin]]
            last_text[address] = last_text[twin]
            continue
        if is_blank(obj, last_text.get(before) == " "):
            kept.append(space_glyph(obj, address, fs, descent))
            last_text[address] = " "
        else:
            unread += 1
    order = {a: o.order for a, o in objects.items()}
    return sorted(kept, key=lambda g: order.get(g["object"], -1)), unread


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


def space_glyph(obj: TextObject, address: int, fs: Any, descent: Any) -> dict[str, Any]:
    """One space glyph standing for a text object of spaces PDFium left out."""
    import pypdfium2.raw as pdfium_c

    d, size = object_descent(obj.handle, fs, descent)
    a, b, c, m_d, ox, oy = obj.matrix
    # bounds of an object in a form XObject are in the form's space: no advance read
    loose = ((ox, oy, ox, oy) if obj.in_form
             else (ox, obj.bounds[1], max(obj.bounds[2], ox), obj.bounds[3]))
    box = pdfminer_box((a, b, c, m_d), ox, oy, loose, d, size)
    return {"text": " ", "generated": False, "box": box, "size": box[3] - box[1],
            "matrix": obj.matrix, "fontname": "", "weight": -1, "unmapped": False,
            "object": address, "obj": obj.handle, "angle": 0.0,
            "render": pdfium_c.FPDFTextObj_GetTextRenderMode(obj.handle)}


def glyph_to_record(g: dict[str, Any], frame: PageFrame) -> dict[str, Any]:
    """A glyph in pdfplumber's keys and coordinates."""
    left, bottom, right, top = g["box"]
    if frame.ctm[:4] == (1.0, 0.0, 0.0, 1.0):     # no /Rotate: a move, the same sums
        e, f = frame.ctm[4], frame.ctm[5]
        x0, x1 = left + e + frame.left, right + e + frame.left
        y_top = frame.height - (top + f) + frame.top
        y_bottom = frame.height - (bottom + f) + frame.top
        a, b, c, d = g["matrix"][:4]
    else:
        x0, y_top, x1, y_bottom = frame.bbox([(left, bottom), (right, top)])
        a, b, c, d, _, _ = multiply(g["matrix"], frame.ctm)
    record = {"text": g["text"], "x0": x0, "x1": x1, "top": y_top, "bottom": y_bottom,
              "doctop": frame.doctop + y_top - frame.top, "size": g["size"],
              "upright": 0 < a * d and b * c <= 0, "angle": round(g.get("angle", 0.0), 4),
              "fontname": g["fontname"],
              "weight": g["weight"], "invisible": g["render"] == INVISIBLE_RENDER_MODE}
    if g["text"] == UNMAPPED:   # the code PDFium found no character for (0: not known)
        record["code"] = g.get("code", 0)
    return record


# --------------------------------------------------------------------------- pages


def open_document(path: Path) -> Any:
    """``pypdfium2.PdfDocument`` with encrypted and corrupt files turned into
    PipelineError (the messages of the pdfplumber source)."""
    import pypdfium2 as pdfium

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


def read_page(pdf: Any, n: int, doctop: float) -> RawPage:
    """Page ``n`` (1-based) of an open document as a ``RawPage``."""
    import pypdfium2.raw as pdfium_c

    page = pdf[n - 1]
    try:
        box = [ctypes.c_float() for _ in range(4)]
        if not pdfium_c.FPDFPage_GetMediaBox(page.raw, *box):
            box = [ctypes.c_float(v) for v in (0.0, 0.0, 612.0, 792.0)]
        left, bottom, right, top = (v.value for v in box)
        media = (min(left, right), min(bottom, top), max(left, right), max(bottom, top))
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
                texts[ctypes.cast(obj, ctypes.c_void_p).value or 0] = text_object(
                    order, obj, matrix, top_level)
        textpage = page.get_textpage()
        try:
            glyphs = join_ligatures(read_glyphs(textpage.raw))
            fs, descent = ctypes.c_float(), ctypes.c_float()
            restored, unread = restore_dropped(glyphs, texts, fs, descent)
            chars = [glyph_to_record(g, frame) for g in restored]
        finally:
            textpage.close()
        return RawPage(n, frame.page_box, chars, rects, images, paths, unread, rotation)
    finally:
        page.close()


def read_pdfium_pages(path: Path) -> Iterator[RawPage]:
    """Every page of ``path`` read by PDFium, in order."""
    pdf = open_document(path)
    try:
        doctop = 0.0
        for n in range(1, len(pdf) + 1):
            raw = read_page(pdf, n, doctop)
            doctop += raw.bbox[3] - raw.bbox[1]
            yield raw
    finally:
        pdf.close()
