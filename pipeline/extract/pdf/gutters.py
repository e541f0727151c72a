"""The gutter between text columns: the widest vertical strip in the middle of the text
that fewest runs cross (``runs_to_gutter``), or, where there is none, the strip left of
a narrow side column of notes beside a wide main column (``side_gutter``); and which side
of it a run is on (``side_of``). Read by ``columns`` and ``regions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import Protocol

from pipeline.extract.pdf.layout import BODY_SIZE_SLACK, RESIZED_RATIO
from pipeline.extract.pdf.settings import PdfSettings


class Extent(Protocol):
    """Anything set across the page from ``x0`` to ``x1`` in type of ``size`` (a run, a
    line's glyphs)."""

    @property
    def x0(self) -> float: ...

    @property
    def x1(self) -> float: ...

    @property
    def size(self) -> float: ...


def runs_to_gutter(runs: Sequence[Extent], body_size: float, settings: PdfSettings,
                   ) -> tuple[float, float] | None:
    """The (x0, x1) strip between two text columns, or None for a one-column area."""
    if len(runs) < 2 * settings.column_min_lines:
        return None
    left, right = min(r.x0 for r in runs), max(r.x1 for r in runs)
    width = int(right - left) + 1
    cover = run_coverage(runs, left, width)
    lo, hi = int(width * settings.gutter_search), int(width * (1 - settings.gutter_search))
    if hi <= lo:
        return None
    start, end = widest_thin_strip(cover, lo, hi)
    g0, g1 = left + start, left + end
    if g1 - g0 < settings.gutter_min_width * body_size or not has_columns_beside(
            runs, (g0, g1), right - left, settings.column_min_lines):
        return side_gutter(runs, cover, left, body_size, settings)
    return (g0, g1)


SIDE_MAX_SHARE = 0.35    # a side column takes at most this share of the text's width
SIDE_CROSSING = 0.1      # share of the runs that may cross a side column's gutter
MAIN_MIN_SHARE = 0.4     # the main column's lines span this share of the text's width


def side_gutter(runs: Sequence[Extent], cover: list[int], left: float, body_size: float,
                settings: PdfSettings) -> tuple[float, float] | None:
    """The strip between a wide main column and a narrow side column of smaller type
    (notes, a glossary's boxes set beside the text, as 防衛白書 and 警察白書 set them):
    within the outer ``SIDE_MAX_SHARE`` of the text's width at either side, the widest
    strip at least ``gutter_min_width`` em wide that few runs cross, with at least
    ``column_min_lines`` runs beyond it, most of their glyphs in type smaller than the
    body's (``RESIZED_RATIO``), and as many runs of the main column, each
    ``MAIN_MIN_SHARE`` of the width wide, in body type. None on a page without one."""
    width = len(cover) - 1
    ceiling = SIDE_CROSSING * len(runs)
    reach = int(width * SIDE_MAX_SHARE)
    for lo, hi in ((width - reach, width), (0, reach)):
        strip = widest_low_strip(cover, lo, hi, ceiling)
        if strip is None:
            continue
        g0, g1 = left + strip[0], left + strip[1]
        if g1 - g0 < settings.gutter_min_width * body_size:
            continue
        right_side = lo > 0
        side = [r for r in runs if (r.x0 >= g1 if right_side else r.x1 <= g0)]
        main = [r for r in runs if (r.x1 <= g0 if right_side else r.x0 >= g1)]
        if side_and_main(side, main, width, body_size, settings.column_min_lines):
            return (g0, g1)
    return None


def widest_low_strip(cover: list[int], lo: int, hi: int, ceiling: float,
                     ) -> tuple[int, int] | None:
    """(start, end) of the widest stretch of ``cover[lo:hi]`` that at most ``ceiling``
    runs cover, not touching either end (text lies on both sides of it)."""
    best: tuple[int, int] | None = None
    start = -1
    for x in range(lo, hi + 1):
        if x < hi and cover[x] <= ceiling:
            start = x if start < 0 else start
        elif start >= 0:
            if start > lo and x < hi and (best is None or x - start > best[1] - best[0]):
                best = (start, x)
            start = -1
    return best


def side_and_main(side: Sequence[Extent], main: Sequence[Extent], width: int,
                  body_size: float, min_lines: int) -> bool:
    """A side column of smaller type beside a main column of body text."""
    if len(side) < min_lines:
        return False
    small = sum(r.x1 - r.x0 for r in side if r.size < RESIZED_RATIO * body_size)
    if 2 * small <= sum(r.x1 - r.x0 for r in side):
        return False
    body = [r for r in main if r.x1 - r.x0 >= MAIN_MIN_SHARE * width
            and abs(r.size - body_size) <= BODY_SIZE_SLACK * body_size]
    return len(body) >= min_lines


def run_coverage(runs: Sequence[Extent], left: float, width: int) -> list[int]:
    """How many runs cover each whole point from ``left`` (``width`` + 1 of them): a
    step up where a run starts and down after it ends, summed once (not one addition
    per point of each run: some 7,400 a page of the registered PDFs)."""
    steps = [0] * (width + 2)
    for r in runs:
        start, end = int(r.x0 - left), int(r.x1 - left) + 1
        if start < end:
            steps[start] += 1
            steps[end] -= 1
    return list(accumulate(steps[:width + 1]))


def widest_thin_strip(cover: list[int], lo: int, hi: int) -> tuple[int, int]:
    """(start, end) of the widest stretch of ``cover[lo:hi]`` where few runs cross: at
    most a fifth of the way from the least coverage to the median; (0, -1) if none."""
    least = min(cover[lo:hi])
    typical = sorted(cover[lo:hi])[(hi - lo) // 2]
    ceiling = least + 0.2 * (typical - least)
    best: tuple[int, int] = (0, -1)
    start = -1
    for x in range(lo, hi + 1):
        if x < hi and cover[x] <= ceiling:
            start = x if start < 0 else start
        elif start >= 0:
            if x - start > best[1] - best[0]:
                best = (start, x)
            start = -1
    return best


def has_columns_beside(runs: Sequence[Extent], gutter: tuple[float, float], extent: float,
                       min_lines: int) -> bool:
    """Both sides of the strip hold at least ``min_lines`` runs a fifth of ``extent``
    wide (column text, not labels of a figure)."""
    g0, g1 = gutter
    span = 0.2 * extent
    n_left = sum(1 for r in runs if r.x1 <= g1 and r.x1 - r.x0 >= span)
    n_right = sum(1 for r in runs if r.x0 >= g0 and r.x1 - r.x0 >= span)
    return min(n_left, n_right) >= min_lines


def side_of(x0: float, x1: float, gutter: tuple[float, float] | None) -> str:
    if gutter is None:
        return "S"
    g0, g1 = gutter
    if x0 < g0 - 1 and x1 > g1 + 1:
        return "S"
    return "L" if (x0 + x1) / 2 < (g0 + g1) / 2 else "R"
