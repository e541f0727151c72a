"""Page layout: the records a page is laid out in and the geometry they are made with.

A *row* is the glyphs that overlap vertically; a *run* is a part of a row with no wide
horizontal gap (``Run``); a *line* is what a reader sees as one printed line (runs of a
row on the same side of the gutter: ``Line``), with the ruby set over it (``Ruby``);
``Box`` is a figure frame or a column background with its lines, ``PageLayout`` a laid
out page. Runs and lines are made with the dominant size and median band of their
glyphs (``size_and_band``); ``GlyphsByLeft`` finds glyphs by left edge.

The transformations are pure functions over ``chars`` values, named as such:
``glyph_rows`` (``chars_to_rows → row_to_runs``), ``raised_runs`` (ruby and footnote
markers onto their run), ``vertical_text``, ``boxes``, and ``columns`` (runs → lines in
reading order).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from pipeline.extract.pdf.chars import Char, ParsedPage, Rect
from pipeline.extract.pdf.font_names import NO_FACE

X0 = attrgetter("x0")
X1 = attrgetter("x1")
SIZE = attrgetter("size")
TEXT = attrgetter("text")
RESIZED_RATIO = 0.85  # type this much smaller than the body's is another text's
BODY_SIZE_SLACK = 0.05  # share of the body size a run of body text may differ by
TOP_X0 = attrgetter("top", "x0")
TOP = attrgetter("top")
BOTTOM = attrgetter("bottom")


def dominant_size(chars: Sequence[Char]) -> float:
    """The font size most glyphs are set in (spaces ignored; ties → larger size)."""
    by_size = glyphs_by_size(chars)
    if not by_size:
        return most_common_size(Counter([c.size for c in chars]))
    return most_common_size({size: len(group) for size, group in by_size.items()})


def glyphs_by_size(chars: Sequence[Char]) -> dict[float, list[Char]]:
    """The glyphs that are not spaces, by their exact size."""
    by_size: dict[float, list[Char]] = {}
    for c in chars:
        if not c.text.isspace():
            group = by_size.get(c.size)
            if group is None:
                by_size[c.size] = [c]
            else:
                group.append(c)
    return by_size


def most_common_size(counts: Mapping[float, int]) -> float:
    """The size (rounded to 0.1 pt) counted most, ties → the larger; a round per size
    met, not per glyph."""
    rounded: dict[float, int] = {}
    for size, n in counts.items():
        key = round(size, 1)
        rounded[key] = rounded.get(key, 0) + n
    return max(rounded.items(), key=lambda kv: (kv[1], kv[0]))[0] if rounded else 0.0


def size_and_band(chars: Sequence[Char]) -> tuple[float, float, float]:
    """(dominant size, top, bottom): ``dominant_size`` and ``band_of`` with the glyphs
    grouped by size once (the two apart read every glyph four times and made
    ``make_run`` and ``make_line`` a fifth of the layout's time)."""
    by_size = glyphs_by_size(chars)
    if not by_size:                       # spaces only: every glyph counts
        return (most_common_size(Counter([c.size for c in chars])), *median_band(chars))
    if len(by_size) == 1:                 # one size, as in most runs and lines
        ((exact, main),) = by_size.items()
        return (round(exact, 1), *median_band(main))
    size = most_common_size({s: len(group) for s, group in by_size.items()})
    main = [c for s, group in by_size.items() if round(s, 1) == size for c in group]
    return (size, *median_band(main))


def median_band(chars: Sequence[Char]) -> tuple[float, float]:
    """The median top and the median bottom of ``chars``."""
    tops = sorted(map(TOP, chars))
    bottoms = sorted(map(BOTTOM, chars))
    return tops[len(tops) // 2], bottoms[len(bottoms) // 2]


@dataclass(frozen=True)
class Ruby:
    """A reading set in small kana above base characters."""

    text: str
    x0: float
    x1: float
    top: float
    size: float


class Run(NamedTuple):
    """Part of a row with no wide gap; geometry computed once by ``make_run``.

    Named tuples, not frozen dataclasses, as ``Char``: a run and a line are made for
    every row of a page, and a named tuple costs a quarter to build (0.6 against 2.4 µs
    for a line, ``python -m timeit``)."""

    chars: tuple[Char, ...]           # left to right
    row: int
    rubies: tuple[Ruby, ...] = ()
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0


def make_run(chars: Sequence[Char], row: int, rubies: tuple[Ruby, ...] = ()) -> Run:
    return run_of_ordered(tuple(sorted(chars, key=X0)), row, rubies)


def run_of_ordered(ordered: tuple[Char, ...], row: int, rubies: tuple[Ruby, ...] = ()) -> Run:
    """``make_run`` of glyphs already left to right (sorted by ``x0``)."""
    size, top, bottom = size_and_band(ordered)
    return Run(ordered, row, rubies, ordered[0].x0, max(map(X1, ordered)), top, bottom, size)


class Line(NamedTuple):
    """One printed line: glyphs left to right, where it sits, and what hangs on it (a
    named tuple, as ``Run``)."""

    chars: tuple[Char, ...]
    side: str = "S"                   # L, R (a column) or S (spans the gutter)
    box: int = -1                     # index of the box it sits in, -1 for none
    rubies: tuple[Ruby, ...] = ()
    vertical: bool = False
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0


@dataclass(frozen=True)
class Box:
    rect: Rect
    kind: str                         # "figure" or "column"
    lines: tuple[Line, ...] = ()      # in reading order


@dataclass(frozen=True)
class PageLayout:
    page: ParsedPage
    lines: tuple[Line, ...]           # outside boxes, not yet in reading order
    boxes: tuple[Box, ...]
    gutter: tuple[float, float] | None
    body_size: float
    overprints: tuple[Line, ...] = ()   # a caption label printed over its twin
    # the face that reads heavier than the document's body type at the body's size
    # (``columns.document_type``: gothic over a mincho body), or none
    heading_face: int = NO_FACE


def band_of(chars: Sequence[Char]) -> tuple[float, float]:
    """Top and bottom of the line: the median of its glyphs in the dominant size, so
    raised markers and ruby do not move it."""
    _, top, bottom = size_and_band(chars)
    return top, bottom


def make_line(chars: Sequence[Char], side: str = "S", box: int = -1,
              rubies: tuple[Ruby, ...] = ()) -> Line:
    ordered = tuple(sorted(chars, key=X0))
    size, top, bottom = size_and_band(ordered)
    return Line(ordered, side, box, rubies, False, ordered[0].x0, max(map(X1, ordered)),
                top, bottom, size)


def line_of_run(run: Run, side: str = "S", box: int = -1) -> Line:
    """``make_line`` of one run's glyphs, with its ruby: the run's geometry, not measured
    again."""
    return Line(run.chars, side, box, run.rubies, False, run.x0, run.x1, run.top,
                run.bottom, run.size)


class GlyphsByLeft:
    """Glyphs sorted by left edge: those whose left edge lies between two x are found by
    bisection, not by a scan of the page (``regions.GlyphStrip``)."""

    def __init__(self, chars: Iterable[Char]) -> None:
        self.chars = sorted(chars, key=X0)
        self.lefts = [c.x0 for c in self.chars]

    def starting_between(self, lo: float, hi: float) -> list[Char]:
        """The glyphs with ``lo <= x0 <= hi``, left to right."""
        return self.chars[bisect.bisect_left(self.lefts, lo):bisect.bisect_right(self.lefts, hi)]
