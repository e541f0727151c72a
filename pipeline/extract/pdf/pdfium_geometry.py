"""PDFium's page geometry in pdfminer's terms: matrices, the page frame (user space →
pdfplumber's coordinates), the page's objects with form XObjects opened, and painted
paths cut into subpaths and classed as pdfminer's ``paint_path`` does (``ml``/``mlh``
a line, a closed axis-aligned ``mlllh`` a rectangle, the rest curves, which the layout
does not read). Used by ``pdfium_source`` and ``pdfium_glyphs``."""

from __future__ import annotations

import ctypes
import functools
import struct
from collections.abc import Iterator
from typing import Any

from pipeline.extract.pdf.chars import CLOSED_WITHIN, FRAME_MIN_SIDE
from pipeline.extract.pdf.table_settings import THIN_QUAD_POINTS

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
FORM = 5                                 # FPDF_PAGEOBJ_FORM
MOVETO, LINETO, BEZIERTO = 2, 0, 1      # FPDF_SEGMENT_*


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention: p·m·n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def page_matrix(box: tuple[float, float, float, float], rotate: int) -> Matrix:
    """pdfminer's initial CTM (``PDFPageInterpreter.process_page``) for a MediaBox."""
    x0, y0, x1, y1 = box
    return {90: (0.0, -1.0, 1.0, 0.0, -y0, x1), 180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0)}.get(rotate, (1.0, 0.0, 0.0, 1.0, -x0, -y0))


class PageFrame:
    """User space → pdfplumber's page coordinates: pdfminer's device space turned
    top-down, then moved by the MediaBox origin as pdfplumber does (``Page.mediabox``
    is ``page_box``), so ``chars.records_to_parsed`` does the same arithmetic on both
    sources' records."""

    def __init__(self, box: tuple[float, float, float, float], rotate: int,
                 doctop: float) -> None:
        self.ctm = page_matrix(box, rotate)
        width, height = box[2] - box[0], box[3] - box[1]
        self.width, self.height = (height, width) if rotate in (90, 270) else (width, height)
        self.left, self.top = box[0], -box[1]
        self.page_box = (self.left, self.top, self.left + self.width, self.top + self.height)
        self.doctop = doctop      # the heights of the pages before: pdfplumber's doctop is
                                  # this plus the top (whatever the MediaBox's origin)
        # the page's path coordinates rounded, each once (``subpath_operators``)
        self.rounded: Rounded = {}
        # a path of the page showed PDFium's points laid out as ``POINT_LAYOUT`` says
        # (``path_segments``)
        self.points_laid_out = False

    def bbox(self, points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of user-space points."""
        moved = [apply(self.ctm, x, y) for x, y in points]
        xs, ys = [p[0] for p in moved], [p[1] for p in moved]
        return (min(xs) + self.left, self.height - max(ys) + self.top,
                max(xs) + self.left, self.height - min(ys) + self.top)


def page_objects(container: Any, is_form: bool, matrix: Matrix,
                 ) -> Iterator[tuple[int, Any, Matrix, bool]]:
    """(type, object, matrix to user space, on the page itself) of every object in
    content order, form XObjects opened."""
    return contained_objects(container, is_form, matrix, MatrixReader())


Rounded = dict[float, float]   # a page's values → their rounding so far (``round_once``)


def round_once(value: float, digits: int, known: Rounded) -> float:
    """``round(value, digits)``, each value rounded once (``known``: a page's values
    rounded to ``digits`` so far): a page's matrices, baselines, type sizes and path
    coordinates repeat, and ``round`` to some decimals costs about 3,300 instructions
    (st2024-1-3's extract 8,076 → 8,013 M instructions, callgrind, for the matrices
    alone). A zero is given back as it is: 0.0 and -0.0 are one key, and ``round``
    keeps the sign."""
    if value == 0.0:
        return value
    found = known.get(value)
    if found is None:
        found = known[value] = round(value, digits)
    return found


class MatrixReader:
    """Objects' matrices as a content stream holds them: PDFium keeps single floats,
    rounded back to six decimals (four for the move), each value of a page once
    (``round_once``: 6 in 7 repeat on the registered PDFs)."""

    def __init__(self) -> None:
        self.values = (ctypes.c_float * 6)()      # an FS_MATRIX
        self.values_ref = ctypes.byref(self.values)
        self.six: Rounded = {}
        self.four: Rounded = {}

    def read(self, obj: Any) -> Matrix:
        """The object's matrix; the identity for one without (a shading's ``sh``)."""
        if not page_object_calls()[3](obj, self.values_ref):
            return IDENTITY
        a, b, c, d, e, f = self.values[:]
        six, four = self.six, self.four
        return (round_once(a, 6, six), round_once(b, 6, six), round_once(c, 6, six),
                round_once(d, 6, six), round_once(e, 4, four), round_once(f, 4, four))


@functools.cache
def page_object_calls() -> tuple[Any, Any, Any, Any]:
    """The calls made once per object of a page, ``unchecked``: the object of a page,
    of a form XObject, its type, its matrix."""
    import pypdfium2.raw as pdfium_c

    return (unchecked(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT),
            unchecked(pdfium_c.FPDFFormObj_GetObject, pdfium_c.FPDF_PAGEOBJECT),
            unchecked(pdfium_c.FPDFPageObj_GetType),
            unchecked(pdfium_c.FPDFPageObj_GetMatrix))


def contained_objects(container: Any, is_form: bool, matrix: Matrix, reader: MatrixReader,
                      ) -> Iterator[tuple[int, Any, Matrix, bool]]:
    """``page_objects`` of a page or a form XObject (``is_form``) drawn by ``matrix``."""
    import pypdfium2.raw as pdfium_c

    get_object, kind_of = page_object_calls()[1 if is_form else 0], page_object_calls()[2]
    count = (pdfium_c.FPDFFormObj_CountObjects(container) if is_form
             else pdfium_c.FPDFPage_CountObjects(container))
    for k in range(count):
        obj = get_object(container, k)
        kind = kind_of(obj)
        own = multiply(reader.read(obj), matrix)
        if kind == FORM:
            yield from contained_objects(obj, True, own, reader)
        else:
            yield kind, obj, own, not is_form


def unchecked(func: Any, restype: Any = ctypes.c_int) -> Any:
    """A ``pypdfium2.raw`` function called without argument types: ctypes neither checks
    nor converts the arguments, which the caller gives as C takes them (pointers as
    ``c_void_p``, out-parameters by ``byref``, indices as ints). Half the cost of a
    call: 1.3 → 0.64 µs for ``FPDFText_GetUnicode``, 1.6 → 0.77 µs for
    ``FPDFText_GetCharOrigin`` (best of 20 over a page's glyphs). Called holding the
    interpreter's lock (``PYFUNCTYPE``): these calls read a value PDFium already holds,
    shorter than handing the lock over and taking it back, which ``CFUNCTYPE`` does
    around each (st2024-1-3's extract 5,125 → 5,050 M instructions, callgrind; PDFium
    sets no Python error, the one thing ctypes then checks after a call)."""
    return ctypes.PYFUNCTYPE(restype)(address_of(func))


def address_of(pointer: Any) -> int:
    """The address a ctypes pointer (a PDFium handle, a function) holds; 0 for NULL:
    read from the pointer's own bytes, not through ``ctypes.cast``: 2.0 → 0.8 µs a call
    (st2024-1-2's extract 6,023 → 5,950 M instructions, callgrind)."""
    return ctypes.c_void_p.from_buffer(pointer).value or 0


class Segment(ctypes.c_void_p):
    """A path segment's handle: a call whose result type subclasses ``c_void_p`` gives
    back the pointer object, not an ``int`` to wrap again for the next call."""


@functools.cache
def path_calls() -> tuple[Any, Any]:
    """The calls made once per path object, ``unchecked``: its segment count and its
    draw mode (with the import done once, not per path: 2.6 µs a path less, timeit)."""
    import pypdfium2.raw as pdfium_c

    return (unchecked(pdfium_c.FPDFPath_CountSegments),
            unchecked(pdfium_c.FPDFPath_GetDrawMode))


@functools.cache
def segment_calls() -> tuple[Any, Any, Any, Any]:
    """The four calls of a path segment, ``unchecked``: get, point, type, close."""
    import pypdfium2.raw as pdfium_c

    return (unchecked(pdfium_c.FPDFPath_GetPathSegment, Segment),
            unchecked(pdfium_c.FPDFPathSegment_GetPoint),
            unchecked(pdfium_c.FPDFPathSegment_GetType),
            unchecked(pdfium_c.FPDFPathSegment_GetClose))


SegmentFields = tuple[float, float, int, int]     # x, y, type (FPDF_SEGMENT_*), closes
# PDFium's ``CFX_Path::Point``: x and y as floats, the type and the close flag a byte
# each (its types are numbered as FPDF_SEGMENT_*), padded to 12 bytes
POINT_LAYOUT = struct.Struct("=ffBB2x")


def path_segments(obj: Any, frame: PageFrame | None = None) -> list[SegmentFields]:
    """Each segment of a path object as (x, y, type, closes). PDFium keeps a path's
    segments as one array of ``CFX_Path::Point`` (``POINT_LAYOUT``; a ``std::vector``,
    so one block), into which ``FPDFPath_GetPathSegment`` hands out pointers: read at
    once from there, in place of four calls a segment (mlit-kinki-road-ch1's extract
    5,562 → 5,352 M instructions, callgrind); else by the calls. That the array lies so
    is the PDFium build's: shown by a path of two segments or more whose last segment's
    pointer and fields (read by the calls) agree with it: checked once a page
    (``frame``'s ``points_laid_out``; on every path without a ``frame``), not on every
    path (mlit-kinki-road-ch1's extract 4,529 → 4,494 M instructions, st2024-1-3's
    5,840 → 5,805 M)."""
    count = path_calls()[0](obj)
    if count <= 0:
        return []
    segment = segment_calls()[0]
    first = segment(obj, 0).value
    if first and frame is not None and frame.points_laid_out:
        return list(POINT_LAYOUT.iter_unpack(ctypes.string_at(first, POINT_LAYOUT.size * count)))
    last = segment(obj, count - 1)
    if first and last.value == first + POINT_LAYOUT.size * (count - 1):
        found = list(POINT_LAYOUT.iter_unpack(ctypes.string_at(first, POINT_LAYOUT.size * count)))
        if found[-1] == segment_fields(last):
            if frame is not None and count > 1:
                frame.points_laid_out = True
            return found
    return [segment_fields(segment(obj, k)) for k in range(count)]


def segment_fields(seg: Segment) -> SegmentFields:
    """A segment's (x, y, type, closes) by the ``FPDFPathSegment_*`` calls."""
    _, point, kind_of, closes = segment_calls()
    x, y = ctypes.c_float(), ctypes.c_float()
    point(seg, ctypes.byref(x), ctypes.byref(y))
    return x.value, y.value, kind_of(seg), closes(seg)


Point = tuple[float, float]
# a subpath of this many operators or more (``h`` counted) is a curve of six points or
# more (``subpath_to_shape``): no rule (``tables.is_thin_quad`` takes five points at
# most) and, unless stroked, no frame (``chars.raw_to_frames`` takes stroked ones only)
UNUSED_LENGTH = 7
# more than the rounding of a span's two ends to 4 decimals (0.00005 each at most) moves it
ROUNDING_SLACK = 0.0002


def subpaths(obj: Any, to_page: Matrix, stroked: bool, frame: PageFrame,
             ) -> list[tuple[str, list[Point]]]:
    """A path object's subpaths as pdfminer's operators (``m``, ``l``, ``c``, and ``h``
    after a segment PDFium marks closing) and the end point of each, in page space
    (``to_page``; ``h`` at the subpath's start), as ``subpath_to_shape`` reads them;
    none when the path does not start with ``m``. A subpath of ``UNUSED_LENGTH``
    operators or more, which only a frame may be, is left out, unread, when the path is not
    ``stroked`` (the charts' filled areas: st2024-1-3's extract 8,191 → 8,076 M
    instructions, st2024-1-1's 4,787 → 4,653 M, callgrind) or when it is too small for a
    frame (``too_small``: the outlines of a drawing's letters and signs). ``frame``: the
    page's (its coordinates rounded so far: ``subpath_operators``)."""
    found: list[tuple[str, list[Point]]] = []
    for ends in end_points(obj, frame):
        if is_long(ends) and (not stroked or too_small(ends, to_page)):
            continue
        found.append(subpath_operators(ends, to_page, frame.rounded))
    return found


def is_long(ends: list[SegmentFields]) -> bool:
    """The subpath (``end_points``) has ``UNUSED_LENGTH`` operators or more, ``h`` counted;
    its closes are counted only when its segments alone cannot say (a close is one
    segment's at most)."""
    count = len(ends)
    return count >= UNUSED_LENGTH or (
        2 * count >= UNUSED_LENGTH
        and count + sum(closes for _, _, _, closes in ends) >= UNUSED_LENGTH)


def subpath_operators(ends: list[SegmentFields], to_page: Matrix,
                      rounded: Rounded) -> tuple[str, list[Point]]:
    """A subpath's operators and points (``subpaths``) from its ``end_points``; each
    coordinate rounded to 4 decimals, as the content stream holds it, once a page
    (``round_once``; ``rounded``, the ``PageFrame``'s): a page's coordinates repeat (the
    rules of a table meet: 3 in 7 are new in a path on the registered PDFs, 1 in 7 on its
    page; mlit-kinki-road-ch1's read 2.49 → 2.44 G instructions, callgrind, once a path;
    its extract 5,148 → 5,128 M once a page)."""
    a, b, c, d, e, f = to_page
    ops: list[str] = []
    pts: list[Point] = []
    for x, y, kind, closes in ends:
        px, py = round_once(x, 4, rounded), round_once(y, 4, rounded)
        ops.append("c" if kind == BEZIERTO else "m" if kind == MOVETO else "l")
        pts.append((a * px + c * py + e, b * px + d * py + f))
        if closes:
            ops.append("h")
            pts.append(pts[0])
    return "".join(ops), pts


def end_points(obj: Any, frame: PageFrame | None = None) -> list[list[SegmentFields]]:
    """A path object's subpaths, each its segments from its ``m`` on less a Bézier's
    two control points (pdfminer keeps a curve's end points); none when the path does
    not start with ``m``, as pdfminer's paths do (``frame``: ``path_segments``)."""
    found: list[list[SegmentFields]] = []
    ends: list[SegmentFields] = []
    controls = 0                 # control points of the Bézier met so far
    for segment in path_segments(obj, frame):
        kind = segment[2]
        if kind == BEZIERTO:
            controls = (controls + 1) % 3
            if controls:
                continue
        if kind == MOVETO:
            ends = []
            found.append(ends)
        elif not found:
            return []
        ends.append(segment)
    return found


def too_small(ends: list[SegmentFields], to_page: Matrix) -> bool:
    """The subpath's points (``end_points``) span no more than ``FRAME_MIN_SIDE`` (less
    the ``MARGIN``) one way or the other in page space (``to_page`` neither turning nor skewing): no frame
    (``curve_may_be_read``). Read off the subpath's extreme coordinates, rounded and
    moved as ``subpaths`` moves each point (a move that keeps the order of values):
    the same spans ``path_records`` measures (mlit-kinki-road-ch1's extract 5,352 → 5,322 M
    instructions, callgrind)."""
    a, b, c, d, e, f = to_page
    if b or c:
        return False
    xs, ys = [x for x, _, _, _ in ends], [y for _, y, _, _ in ends]
    limit = FRAME_MIN_SIDE - MARGIN
    # decided on the spans unrounded when they lie clear of the limit, as they most
    # often do: rounding to 4 decimals moves each end by 0.00005 at most, and ``round``
    # to some decimals costs about 3,300 instructions
    near = ROUNDING_SLACK * max(abs(a), abs(d), 1.0)
    span = min(abs(a) * (max(xs) - min(xs)), abs(d) * (max(ys) - min(ys)))
    if abs(span - limit) > near:
        return span < limit
    width = abs(a * round(max(xs), 4) + e - (a * round(min(xs), 4) + e))
    height = abs(d * round(max(ys), 4) + f - (d * round(min(ys), 4) + f))
    return min(width, height) <= limit


def subpath_to_shape(shape: str, pts: list[Point]) -> tuple[str, list[Point]]:
    """pdfminer's ``paint_path`` for one subpath (its operators, ``shape``, and their
    end points, ``h`` at the start point): ("line"|"rect", its two corners) or ("curve",
    the points)."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    if shape in ("mlh", "ml"):
        return "line", pts[:2]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                  or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))
        if pts[0] == pts[4] and square:
            return "rect", [pts[0], pts[2]]
    return "curve", pts


# what the readers of curve records take, by their own limits (``chars.raw_to_frames``:
# a stroked curve closed within ``CLOSED_WITHIN`` whose sides are both longer than
# ``FRAME_MIN_SIDE``; ``tables.is_thin_quad``: a filled one of ``THIN_QUAD_POINTS``
# points at most)
MARGIN = 0.01    # pt: the readers see these sums moved to the page and turned (``turns``)


def curve_may_be_read(points: list[Point], width: float, height: float, fill: bool,
                      stroke: bool) -> bool:
    """A curve (``subpath_to_shape``) some reader of the records may take: a stroked one
    closed (its ends within ``CLOSED_WITHIN``) whose sides are longer than
    ``FRAME_MIN_SIDE`` (a frame), or a filled one of ``THIN_QUAD_POINTS`` points at most (a
    rule drawn as a thin quad). Decided with a ``MARGIN``, so that a curve on the edge is
    kept and left to the readers. Most curves of a page of drawings are neither (small
    closed outlines: mlit-kinki-road-ch1's 3.7 k path records hold 1.8 k no reader takes)."""
    if fill and len(points) <= THIN_QUAD_POINTS:
        return True
    if not stroke or min(width, height) <= FRAME_MIN_SIDE - MARGIN:
        return False
    (x_start, y_start), (x_end, y_end) = points[0], points[-1]
    return (abs(x_start - x_end) <= CLOSED_WITHIN + MARGIN
            and abs(y_start - y_end) <= CLOSED_WITHIN + MARGIN)


def path_records(obj: Any, matrix: Matrix, frame: PageFrame) -> list[dict[str, Any]]:
    """The lines, rectangles and curves of a painted path object, in pdfplumber's keys
    (less the curves no reader takes: ``subpaths``, ``curve_may_be_read``)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    path_calls()[1](obj, ctypes.byref(fill), ctypes.byref(stroke))
    records: list[dict[str, Any]] = []
    for shape, pts in subpaths(obj, multiply(matrix, frame.ctm), bool(stroke.value), frame):
        if len(shape) < 2:
            continue
        kind, points = subpath_to_shape(shape, pts)
        xs, ys = [pt[0] for pt in points], [pt[1] for pt in points]
        y0, y1 = min(ys), max(ys)
        if kind == "curve" and not curve_may_be_read(points, max(xs) - min(xs), y1 - y0,
                                                     bool(fill.value), bool(stroke.value)):
            continue
        x0, x1 = min(xs) + frame.left, max(xs) + frame.left
        top, bottom = frame.height - y1 + frame.top, frame.height - y0 + frame.top
        record = {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                  "top": top, "bottom": bottom, "doctop": frame.doctop + top,
                  "width": x1 - x0, "height": y1 - y0,
                  "fill": bool(fill.value), "stroke": bool(stroke.value)}
        if kind != "rect":      # pdfplumber's pts: (x, top) in page coordinates (a
            #                     line's tell which way it falls: ``corner_cells``)
            record["pts"] = [(x + frame.left, frame.height - y + frame.top) for x, y in points]
        records.append(record)
    return records
