"""Glyph boxes mended per text object, where PDFium's text page gives them otherwise
than pdfminer: glyphs of vertical writing set around the pen (``set_vertical_boxes``),
advances in a substituted font clipped where the pen set the next glyph
(``clip_advances``), code points of one ligature joined into one record
(``join_ligatures``); an object PDFium read as its marked-content ``/ActualText`` is
counted (``char_source`` reads that page with pdfplumber).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from operator import itemgetter

from pipeline.extract.pdf.pdfium_geometry import Matrix
from pipeline.extract.pdf.pdfium_glyphs import (
    BOTTOM,
    LEFT,
    RIGHT,
    TEXT,
    TOP,
    Glyph,
    GlyphRun,
    ObjectFacts,
    TextObject,
    X,
    Y,
    is_zero,
    runs_by_object,
)

DEFAULT_VY = 880                          # pdfminer's default DW2 position vector


def set_vertical_boxes(runs: list[GlyphRun], objects: dict[int, TextObject],
                       ) -> tuple[list[GlyphRun], int]:
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
    the glyphs, so that ``char_source`` reads the page with pdfplumber.

    The runs' glyph lists are mended in place (an object's glyphs in several runs:
    each run's share)."""
    replaced = 0
    for address, object_runs in runs_by_object(runs).items():
        if not address:         # glyphs of no object: none to mend
            continue
        glyphs = (object_runs[0].glyphs if len(object_runs) == 1
                  else [g for run in object_runs for g in run.glyphs])
        if is_plain_run(glyphs, object_runs[0].facts):
            continue
        mended = object_boxes(glyphs, object_runs[0].facts, objects.get(address))
        if mended is None:
            replaced += 1
        elif mended is not glyphs:
            start = 0
            for run in object_runs:
                run.glyphs[:] = mended[start:start + len(run.glyphs)]
                start += len(run.glyphs)
    return runs, replaced


def object_boxes(glyphs: list[Glyph], facts: ObjectFacts, obj: TextObject | None,
                 ) -> list[Glyph] | None:
    """One text object's ``glyphs`` (``facts``: its facts; ``obj``: the page's record of
    it) with their boxes mended (``set_vertical_boxes``): the same list when nothing
    changes, None for an object PDFium read as its ``/ActualText``."""
    first = glyphs[0]
    x0, y0 = first[X], first[Y]
    # the second glyph first: it tells most objects apart without a generator
    stacked = (len(glyphs) > 1 and glyphs[1][X] == x0 and glyphs[1][Y] == y0
               and all(g[X] == x0 and g[Y] == y0 for g in islice(glyphs, 2, None)))
    if stacked and obj is not None and is_wide(obj):
        return None
    if not is_vertical(facts.matrix, glyphs, stacked):
        return glyphs if facts.embedded else clip_advances(glyphs, facts.linear)
    _, _, _, d, e, f = facts.matrix
    size = facts.font_size * d
    mended = []
    for n, (text, _, _, _, _, _, x, y, code) in enumerate(glyphs):
        pen_x, pen_y = x + e - x0, y + f - y0   # PDFium's origin moved by the first offset
        if stacked:                # PDFium set every glyph at one origin: step down
            pen_x, pen_y = e, f - n * size
        top = pen_y + (1000 - DEFAULT_VY) / 1000 * size
        mended.append((text, pen_x - 0.5 * size, top - size, pen_x + 0.5 * size, top, size,
                       x, y, code))
    return mended


def is_plain_run(glyphs: list[Glyph], facts: ObjectFacts) -> bool:
    """An object ``object_boxes`` leaves as it is, told by its first two glyphs: in an
    embedded font, its second origin off the first's line down the page (neither
    stacked nor vertical writing): most objects, spared two calls (st2024-1-3's extract
    5,735 → 5,726 M instructions, callgrind)."""
    return (facts.embedded and len(glyphs) > 1
            and not abs(glyphs[0][X] - glyphs[1][X]) < 0.01)


def is_wide(obj: TextObject) -> bool:
    """The object's bounds are wider than tall: a run across the page."""
    left, bottom, right, top = obj.bounds
    return right - left > top - bottom


def clip_advances(glyphs: list[Glyph], linear: tuple[float, float, float, float],
                  slack: float = 0.15) -> list[Glyph]:
    """In a font PDFium substitutes (not embedded), a glyph whose loose box runs a little
    (under ``slack`` of its size) past where the pen set the next glyph of its run ends
    there (``glyphs``: one text object's, ``linear``: its matrix's a, b, c, d): pdfminer's
    box is the advance of the PDF's widths, the pen's step when there is no letter
    spacing, while PDFium's loose box takes the substitute's width (ASCII digits of
    HeiseiMin-W3: 0.62 em against 0.5). Not in embedded fonts, where the loose box is the
    PDF's width and an overlap is kerning (measured on the registered PDFs: clipping
    there moved 20 more glyphs off pdfminer's boxes than it put on)."""
    clipped = list(glyphs)
    for i, nxt in enumerate(islice(glyphs, 1, None)):
        box = clipped_box(glyphs[i], linear, nxt[X], nxt[Y], slack)
        if box is not None:
            text, _, _, _, _, size, x, y, code = glyphs[i]
            clipped[i] = (text, *box, size, x, y, code)
    return clipped


def clipped_box(g: Glyph, linear: tuple[float, float, float, float], x: float, y: float,
                slack: float) -> tuple[float, float, float, float] | None:
    """``g``'s box (``linear``: its matrix's a, b, c, d) ended where the pen set the next
    glyph (``x``, ``y``) when it runs past it by under ``slack`` of the type size along
    the baseline, in whichever of the four quarter turns the glyph is set (a table
    turned on the page, ``turns``); None when it does not."""
    _, left, bottom, right, top, size, gx, gy, _ = g
    a, b, c, d = linear
    if is_zero(b, a) and is_zero(c, d) and abs(y - gy) < 0.01:   # → or ←
        if a > 0 and left < x < right and right - x < slack * size:
            return left, bottom, x, top
        if a < 0 and d < 0 and left < x < right and x - left < slack * size:
            return x, bottom, right, top
    elif b and c and is_zero(a, b) and is_zero(d, c) and abs(x - gx) < 0.01:  # ↑ ↓
        across = right - left
        if b > 0 and bottom < y < top and top - y < slack * across:
            return left, bottom, right, y
        if b < 0 and bottom < y < top and y - bottom < slack * across:
            return left, y, right, top
    return None


def is_vertical(matrix: Matrix, glyphs: Sequence[Glyph], stacked: bool) -> bool:
    """Upright glyphs (``matrix``: their object's) whose origins step straight down,
    or all at one origin (``stacked``), or one glyph PDFium places away from its
    object's position (a horizontal run's first glyph sits on it)."""
    a, b, c, d, e, f = matrix
    if b or c or a <= 0 or d <= 0:
        return False
    if stacked:
        return True                    # PDFium could not place vertical glyphs apart
    if len(glyphs) > 1:     # the first step first: most objects run across the page
        return (abs(glyphs[0][X] - glyphs[1][X]) < 0.01 and glyphs[1][Y] < glyphs[0][Y] - 0.01
                and all(abs(p[X] - q[X]) < 0.01 and q[Y] < p[Y] - 0.01
                        for p, q in zip(glyphs, islice(glyphs, 1, None), strict=False)))
    return abs(glyphs[0][X] - e) > 0.01 and glyphs[0][Y] < f - 0.01


def join_ligatures(runs: list[GlyphRun]) -> list[GlyphRun]:
    """Code points PDFium split out of one glyph (a ligature mapped to ``fi``): same text
    object, same box → one record, as pdfminer gives it (glyphs next to each other in
    PDFium's list: in one run). A run whose glyphs all have different left edges
    (``left_edge``, in one set) joins nothing and is kept as it is (st2024-1-3's extract
    5,746 → 5,727 M instructions, callgrind, against a loop over every glyph)."""
    return [run if len(set(map(left_edge, run.glyphs))) == len(run.glyphs)
            else GlyphRun(run.facts, joined(run.glyphs)) for run in runs]


left_edge = itemgetter(LEFT)


def joined(glyphs: list[Glyph]) -> list[Glyph]:
    """One run's glyphs with each ligature's code points in one record
    (``join_ligatures``)."""
    out: list[Glyph] = []
    prev = None
    for g in glyphs:
        if (prev is not None and g[LEFT] == prev[LEFT] and g[BOTTOM] == prev[BOTTOM]
                and g[RIGHT] == prev[RIGHT] and g[TOP] == prev[TOP] and g[RIGHT] > g[LEFT]
                and not g[TEXT].isspace() and not prev[TEXT].isspace()):
            prev = out[-1] = (prev[TEXT] + g[TEXT], *prev[LEFT:])
            continue
        out.append(g)
        prev = g
    return out
