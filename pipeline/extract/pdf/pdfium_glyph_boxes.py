"""Glyph boxes mended per text object, where PDFium's text page gives them otherwise
than pdfminer: glyphs of vertical writing set around the pen (``set_vertical_boxes``),
advances in a substituted font clipped where the pen set the next glyph
(``clip_advances``), code points of one ligature joined into one record
(``join_ligatures``); an object PDFium read as its marked-content ``/ActualText`` is
counted (``char_source`` reads that page with pdfplumber).
"""

from __future__ import annotations

from pipeline.extract.pdf.pdfium_geometry import Matrix
from pipeline.extract.pdf.pdfium_glyphs import Glyph, TextObject, is_zero

DEFAULT_VY = 880                          # pdfminer's default DW2 position vector


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
        address = g.facts.address
        if address:
            members = by_object.get(address)
            if members is None:
                by_object[address] = [i]
            else:
                members.append(i)
    replaced = 0
    for address, members in by_object.items():
        first = glyphs[members[0]]
        origins = [glyphs[i].origin for i in members]
        stacked = len(origins) > 1 and origins.count(first.origin) == len(origins)
        if stacked and address in objects and is_wide(objects[address]):
            replaced += 1
            continue
        if not is_vertical(first.facts.matrix, origins, stacked):
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


def is_vertical(matrix: Matrix, origins: list[tuple[float, float]], stacked: bool) -> bool:
    """Upright glyphs (``matrix``: their object's) whose ``origins`` step straight down,
    or all at one origin (``stacked``), or one glyph PDFium places away from its
    object's position (a horizontal run's first glyph sits on it)."""
    a, b, c, d, e, f = matrix
    if b or c or a <= 0 or d <= 0:
        return False
    if stacked:
        return True                    # PDFium could not place vertical glyphs apart
    if len(origins) > 1:
        return all(abs(p[0] - q[0]) < 0.01 and q[1] < p[1] - 0.01
                   for p, q in zip(origins, origins[1:], strict=False))
    return abs(origins[0][0] - e) > 0.01 and origins[0][1] < f - 0.01


def join_ligatures(glyphs: list[Glyph]) -> list[Glyph]:
    """Code points PDFium split out of one glyph (a ligature mapped to ``fi``): same text
    object, same box → one record, as pdfminer gives it."""
    out: list[Glyph] = []
    prev = None
    for g in glyphs:
        if (prev is not None and g.box == prev.box and g.facts.address == prev.facts.address
                and g.box[2] > g.box[0] and not g.text.isspace()
                and not prev.text.isspace()):
            prev = out[-1] = prev._replace(text=prev.text + g.text)
            continue
        out.append(g)
        prev = g
    return out
