"""PDFium's paths read as pdfminer's ``paint_path`` classes them
(``pdfium_geometry.subpath_to_shape``), and the curves no reader of the records takes
left out (``pdfium_geometry.subpaths``, ``curve_may_be_read``)."""

from __future__ import annotations

import inspect
import random
import struct
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf import pdfium_geometry as geometry
from pipeline.extract.pdf.chars import is_closed, raw_to_frames
from pipeline.extract.pdf.pdfium_geometry import (
    CLOSED_WITHIN,
    FRAME_MIN_SIDE,
    IDENTITY,
    MARGIN,
    UNUSED_LENGTH,
    PageFrame,
    Point,
    SegmentFields,
    curve_may_be_read,
    page_objects,
    path_segments,
    segment_calls,
    segment_fields,
    subpath_operators,
    subpath_to_shape,
    too_small,
)
from pipeline.extract.pdf.pdfium_source import read_pdfium_pages
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.extract.pdf.tables import is_thin_quad


@pytest.mark.parametrize(("shape", "pts", "want"), [
    ("ml", [(0.0, 0.0), (5.0, 0.0)], "line"),
    ("mllllh", [(0.0, 0.0), (5.0, 0.0), (5.0, 3.0), (0.0, 3.0), (0.0, 0.0), (0.0, 0.0)],
     "rect"),
    ("mllllh", [(0.0, 0.0), (5.0, 0.0), (6.0, 3.0), (0.0, 3.0), (0.0, 0.0), (0.0, 0.0)],
     "curve"),     # four corners, not a rectangle
    ("mch", [(0.0, 0.0), (4.0, 0.0), (0.0, 0.0)], "curve"),
])
def test_subpaths_classed_as_pdfminer_does(shape: str, pts: list[Point], want: str) -> None:
    assert subpath_to_shape(shape, pts)[0] == want


def test_a_curve_keeps_the_end_point_of_each_segment() -> None:
    """pdfminer's LTCurve points: each segment's end point, ``h`` at the start point, a
    redundant closing ``l`` dropped (what the frames and thin-quad rules read)."""
    pts = [(0.0, 0.0), (4.0, 0.0), (2.0, -1.0), (0.0, 0.0)]
    assert subpath_to_shape("mclh", pts) == ("curve", pts)
    closing = [(0.0, 0.0), (4.0, 0.0), (2.0, -1.0), (0.0, 0.0), (0.0, 0.0)]
    assert subpath_to_shape("mcllh", closing) == ("curve", pts)


def polygon(c: Any, x: float, y: float, corners: int, stroke: int, fill: int) -> None:
    """A closed zigzag of ``corners`` corners: ``m``, an ``l`` to each other corner and
    PDFium's closing ``l`` back to the start, then ``h``: a curve of ``corners`` + 1
    points (pdfminer drops the closing ``l``, ``h`` stands for the start)."""
    p = c.beginPath()
    p.moveTo(x, y)
    for k in range(1, corners):
        p.lineTo(x + 40 * (k % 2), y + 40 * k / corners)
    p.close()
    c.drawPath(p, stroke=stroke, fill=fill)


def chart_shapes(path: Path) -> Path:
    """Shapes of an MAFF crop-yield chart: a filled area of five corners, the same
    stroked, a filled one of four corners (a rule may be drawn so) and a ruled line."""
    c = fx._canvas(path)
    polygon(c, 60, 600, 5, stroke=0, fill=1)      # left out: seven operators
    polygon(c, 160, 600, 5, stroke=1, fill=0)     # a frame may be stroked
    polygon(c, 260, 600, 4, stroke=0, fill=1)
    c.line(60, 500, 400, 500)
    c.showPage()
    c.save()
    return path


def test_a_filled_curve_no_reader_takes_is_left_out(tmp_path: Path) -> None:
    (page,) = read_pdfium_pages(chart_shapes(tmp_path / "chart.pdf"))
    found = [(r["object_type"], r["x0"], len(r.get("pts", ())), r["fill"], r["stroke"])
             for r in page.rects]
    assert found == [("curve", 160.0, 6, False, True), ("curve", 260.0, 5, True, False),
                     ("line", 60.0, 2, False, True)]


def test_the_curves_left_out_are_neither_rules_nor_frames() -> None:
    """What ``UNUSED_LENGTH`` rests on: a curve of six points (a subpath of seven
    operators, its closing ``l`` dropped) is no thin quad whatever its thickness, nor,
    unless stroked, a frame, however large."""
    pts = [(0.0, 0.0), (1.0, 0.1), (2.0, 0.0), (3.0, 0.1), (4.0, 0.0), (0.0, 0.0)]
    assert len(subpath_to_shape("mlllllh", [*pts, (0.0, 0.0)])[1]) == UNUSED_LENGTH - 1
    thin = {"object_type": "curve", "x0": 0.0, "x1": 4.0, "top": 0.0, "bottom": 0.1,
            "width": 4.0, "height": 0.1, "fill": True, "stroke": False, "pts": pts}
    assert not is_thin_quad(thin, TableFinderSettings(rule_max_thickness=10.0))
    large = {**thin, "bottom": 300.0, "height": 300.0}
    assert raw_to_frames([], [large], (0.0, 0.0, 600.0, 800.0)) == []
    assert raw_to_frames([], [{**large, "stroke": True}], (0.0, 0.0, 600.0, 800.0))


def test_curve_limits_are_the_readers() -> None:
    """``curve_may_be_read`` rests on the readers' own limits."""
    frames = inspect.signature(raw_to_frames).parameters["min_side"].default
    closed = inspect.signature(is_closed).parameters["tolerance"].default
    assert (FRAME_MIN_SIDE, CLOSED_WITHIN) == (frames, closed)


def curve_record(pts: list[Point], fill: bool, stroke: bool) -> dict[str, Any]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return {"object_type": "curve", "x0": min(xs), "x1": max(xs), "top": min(ys),
            "bottom": max(ys), "width": max(xs) - min(xs), "height": max(ys) - min(ys),
            "fill": fill, "stroke": stroke, "pts": pts}


@pytest.mark.parametrize("seed", range(30))
def test_a_curve_left_out_is_taken_by_no_reader(seed: int) -> None:
    """Random curves, open and closed, of 2 to 9 points, small and large, filled and
    stroked: every one a reader takes (a frame, a thin quad at the widest rule
    thickness) is one ``curve_may_be_read`` keeps; the small closed outlines of a
    drawing (an MLIT road sign's letters) and open strokes (a MAFF chart's line) are
    left out."""
    rng = random.Random(seed)
    widest = TableFinderSettings(rule_max_thickness=10.0)
    for _ in range(200):
        size = rng.choice((0.5, 1.5, 2.0, 2.5, 8.0, 60.0))
        pts = [(rng.uniform(0, size), rng.uniform(0, size)) for _ in range(rng.randint(2, 9))]
        if rng.random() < 0.6:
            pts.append((pts[0][0] + rng.choice((0.0, 0.5, 1.0, 3.0)), pts[0][1]))
        fill, stroke = rng.random() < 0.5, rng.random() < 0.7
        record = curve_record(pts, fill, stroke)
        taken = (raw_to_frames([], [record], (0.0, 0.0, 600.0, 800.0)) != []
                 or is_thin_quad(record, widest))
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        kept = curve_may_be_read(pts, max(xs) - min(xs), max(ys) - min(ys), fill, stroke)
        assert kept or not taken


def test_small_closed_outlines_and_open_strokes_are_left_out() -> None:
    outline = [(0.0, 0.0), (4.0, 0.0), (4.0, 0.5), (2.0, 0.6), (0.0, 0.5), (0.0, 0.0)]
    assert not curve_may_be_read(outline, 4.0, 0.6, True, True)
    stroke = [(0.0, 0.0), (50.0, 30.0), (100.0, 10.0)]
    assert not curve_may_be_read(stroke, 100.0, 30.0, False, True)
    assert curve_may_be_read([*stroke, (0.5, 0.0)], 100.0, 30.0, False, True)   # closed
    assert curve_may_be_read(outline[:5], 4.0, 0.6, True, False)   # a thin quad may be a rule


def test_a_paths_segments_read_at_once_are_the_ones_the_calls_give(tmp_path: Path) -> None:
    """``path_segments`` reads PDFium's array of path points at once: the same
    (x, y, type, closes) as the ``FPDFPathSegment_*`` calls give one by one, on a MOE
    map's legend (lines, a closed zigzag, a rounded box of Béziers, a circle)."""
    import pypdfium2 as pdfium

    c = fx._canvas(tmp_path / "legend.pdf")
    polygon(c, 60, 600, 5, stroke=1, fill=1)
    c.roundRect(200, 600, 120, 40, 8, stroke=1, fill=0)
    c.circle(400, 620, 15, stroke=1, fill=1)
    c.line(60, 500, 400, 500)
    c.rect(60, 400, 300, 0.5, stroke=0, fill=1)
    c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(tmp_path / "legend.pdf")
    page = pdf[0]
    paths = [obj for kind, obj, _, _ in page_objects(page.raw, False, IDENTITY) if kind == 2]
    assert len(paths) == 5
    by_calls = [[segment_fields(segment_calls()[0](obj, k))
                 for k in range(pdfium.raw.FPDFPath_CountSegments(obj))] for obj in paths]
    assert [path_segments(obj) for obj in paths] == by_calls
    # once a path of the page showed the layout, the others are read without the check
    frame = PageFrame((0.0, 0.0, 612.0, 792.0), 0, 0.0)
    assert [path_segments(obj, frame) for obj in paths] == by_calls
    assert frame.points_laid_out
    seen = {(kind, closes) for found in by_calls for _, _, kind, closes in found}
    assert seen >= {(0, 0), (0, 1), (1, 0), (2, 0)}      # l, closing l, c, m
    # an array laid out otherwise (another PDFium) is not read: the calls are
    for layout in ("=ffBB6x", "=BBxxff"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(geometry, "POINT_LAYOUT", struct.Struct(layout))
            assert [path_segments(obj) for obj in paths] == by_calls
            frame = PageFrame((0.0, 0.0, 612.0, 792.0), 0, 0.0)
            assert [path_segments(obj, frame) for obj in paths] == by_calls
            assert not frame.points_laid_out
    page.close()
    pdf.close()


@pytest.mark.parametrize("seed", range(20))
def test_too_small_measures_the_spans_path_records_measures(seed: int) -> None:
    """``too_small`` reads a subpath's spans off its extreme coordinates: the spans of
    its points read one by one (``subpath_operators``, ``subpath_to_shape``), on random
    outlines near the 2 pt limit (a METI flow chart's arrowheads, a MOD map's symbols)
    through upright matrices, mirrored ones among them."""
    rng = random.Random(seed)
    for _ in range(100):
        to_page = (rng.choice((1.0, -1.0, 0.5, 1.3333)), 0.0, 0.0,
                   rng.choice((1.0, -1.0, 0.75)), rng.uniform(-50, 50), rng.uniform(-900, 900))
        sizes = (1.0, 1.98, 1.99, 2.0, 2.01, 2.5, 5.0)
        x0, y0, w, h = (rng.uniform(0, 500), rng.uniform(0, 800), rng.choice(sizes),
                        rng.choice(sizes))
        ends: list[SegmentFields] = [(x0, y0, 2, 0), (x0 + w, y0 + h, 0, 0)]
        for _ in range(rng.randint(1, 8)):
            ends.append((x0 + rng.uniform(0, w), y0 + rng.uniform(0, h), 0, 0))
        ends[-1] = (*ends[-1][:3], rng.choice((0, 1)))
        shape, pts = subpath_operators(ends, to_page, {})
        _, points = subpath_to_shape(shape, pts)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        spans = min(max(xs) - min(xs), max(ys) - min(ys))
        assert too_small(ends, to_page) == (spans <= FRAME_MIN_SIDE - MARGIN)
    assert not too_small([(0.0, 0.0, 2, 0), (0.0, 1.0, 0, 0)], (0.0, 1.0, -1.0, 0.0, 0.0, 0.0))


def test_coordinates_rounded_once_a_page_are_rounded_as_round_does() -> None:
    """``subpath_operators`` rounds each coordinate of a page once (the ``PageFrame``'s
    ``rounded``): a memo shared by paths gives the points fresh rounding gives, a zero's
    sign kept (0.0 and -0.0 are one key of a dict, ``round`` keeps the sign)."""
    to_page = (1.0, 0.0, 0.0, -1.0, -0.0, 842.0)
    rounded: dict[float, float] = {}
    paths: list[list[SegmentFields]] = [
        [(0.0, 10.123456, 2, 0), (100.000049, 10.123456, 0, 0)],
        [(-0.0, 10.123456, 2, 0), (-0.0, -0.0, 0, 0), (100.000049, 0.0, 0, 1)],
    ]
    for ends in paths:
        shared, fresh = subpath_operators(ends, to_page, rounded), subpath_operators(ends, to_page, {})
        assert shared == fresh
        assert [struct.pack("=d", v) for pt in shared[1] for v in pt] == \
            [struct.pack("=d", v) for pt in fresh[1] for v in pt]
    assert 0.0 not in rounded and rounded[100.000049] == 100.0


@pytest.mark.parametrize(("closes", "want"), [
    ((0, 0), False), ((0, 0, 0, 1), False), ((0, 0, 0, 0, 0, 1), True),
    ((0, 0, 0, 0, 0, 0), False), ((0,) * 7, True), ((1, 1, 1, 1), True)])
def test_is_long_counts_a_close_as_an_operator(closes: tuple[int, ...], want: bool) -> None:
    ends: list[SegmentFields] = [(0.0, 0.0, 2 if k == 0 else 0, close)
                                 for k, close in enumerate(closes)]
    assert geometry.is_long(ends) is want
    assert want is (len(ends) + sum(closes) >= UNUSED_LENGTH)
