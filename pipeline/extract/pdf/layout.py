"""Page geometry: characters → rows → runs → lines, boxes, ruby and vertical text.

Pure functions over ``chars`` values, named as transformations
(``chars_to_rows → rows_to_runs → runs_to_lines``). A *row* is the glyphs that overlap
vertically; a *run* is a part of a row with no wide horizontal gap; a *line* is what a
reader sees as one printed line (runs of a row on the same side of the gutter).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from pipeline.common.text import is_kana
from pipeline.extract.pdf.chars import Char, ParsedPage, Rect
from pipeline.extract.pdf.settings import PdfSettings

X0 = attrgetter("x0")
X1 = attrgetter("x1")
SIZE = attrgetter("size")
TOP_X0 = attrgetter("top", "x0")


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
    tops = sorted([c.top for c in chars])
    bottoms = sorted([c.bottom for c in chars])
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


# --------------------------------------------------------------------------- rows, runs


class RowGlyphs:
    """The centres and widths of a row's letters, kana, kanji and digits, sorted by
    centre: what ``place`` looks among. A glyph is checked against its neighbours
    only, not the whole row (rows of 40 glyphs and more made the check quadratic: 0.29 s
    of the 28 pages of mlit-kinki-road-ch1.pdf, ``python -m pipeline.bench.pdf``)."""

    def __init__(self) -> None:
        self.centres: list[float] = []
        self.widths: list[float] = []

    def place(self, centre: float, width: float) -> bool:
        """Add a glyph at ``centre`` unless it collides with one of the row: their
        centres are closer than 0.4 of the narrower glyph (a compressed bracket and the
        stop after it share a box but not a centre). Two glyphs cannot share a place on
        one line, so such a glyph belongs to another line set close by (or is an
        overprint in another size). True if added. One call that looks and adds, not
        two: the glyphs near the centre (none, mostly) give the place to add at."""
        reach = 0.4 * width    # 0.4 of the narrower glyph is at most 0.4 of this one
        centres, widths = self.centres, self.widths
        if not centres or (reach >= 0 and centre - reach > centres[-1]):
            centres.append(centre)     # right of the row's glyphs, out of their reach:
            widths.append(width)       # most glyphs (placed left to right)
            return True
        lo = bisect.bisect_left(centres, centre - reach)
        hi = bisect.bisect_right(centres, centre + reach)
        for k in range(lo, hi):
            if abs(centres[k] - centre) < 0.4 * min(widths[k], width):
                return False
        k = lo if lo == hi and reach >= 0 else bisect.bisect_left(centres, centre)
        centres.insert(k, centre)
        widths.insert(k, width)
        return True


def off_baseline(c: Char, band: tuple[float, float], opener: float) -> bool:
    """``c`` stands on another line than the row's: neither its foot (glyphs on one
    baseline) nor its middle (smaller glyphs centred on the line) within a quarter of
    its size of the row's. Digits and signs may sit higher (raised footnote markers
    ``2、3``): only letters, kana and kanji are held to the baseline."""
    if not c.text.isalpha() or c.size > opener:
        return False
    slack = 0.25 * c.size
    middle = (band[0] + band[1]) / 2
    return (abs(c.bottom - band[1]) > slack
            and abs((c.top + c.bottom) / 2 - middle) > slack)


def placing_order(chars: Sequence[Char]) -> list[Char]:
    """Letters first (they carry the baseline), then digits and signs, spaces last; in
    each, larger type first, then top to bottom and left to right."""
    rounded = {s: round(s, 1) for s in set(map(SIZE, chars))}    # a round per size
    classes: tuple[list[Char], list[Char], list[Char]] = ([], [], [])
    for c in chars:
        classes[0 if c.text.isalpha() else 2 if c.text.isspace() else 1].append(c)
    return [c for group in classes for c in by_size_and_place(group, rounded)]


def by_size_and_place(chars: list[Char], rounded: dict[float, float]) -> list[Char]:
    """Larger type (``rounded``: size → size to 0.1 pt) first, then top to bottom and
    left to right, ties in their order. Where no two sizes round alike (most pages),
    the order of the exact sizes is that of the rounded ones, and two sorts on keys made
    in C do it: by place, then by size (0.6 against 0.8 ms a page for one sort on a key
    made in Python, the 58 pages of four registered PDFs)."""
    if len(set(rounded.values())) == len(rounded):
        return sorted(sorted(chars, key=TOP_X0), key=SIZE, reverse=True)
    return sorted(chars, key=lambda c: (-rounded[c.size], c.top, c.x0))


def chars_to_rows(chars: list[Char], min_overlap: float) -> list[list[Char]]:
    """Group glyphs that overlap vertically by ``min_overlap`` of the smaller height.

    Letters, then larger glyphs are placed first (``placing_order``) and a row keeps the
    band of the glyph that opened it, so raised markers join their line while ruby (set
    clear above) and the next line do not, and a large glyph beside a line cannot drag
    its band. A glyph joins the row it overlaps most (``rows_that_fit``), except one
    where it would sit on another (``RowGlyphs.place``): two lines set close together
    stay two lines, whatever their type sizes. Only letters, kana, kanji and digits are
    held apart so: punctuation is kerned into its neighbours' boxes.

    The rows a glyph fits depend on its band, size and class alone, so they are found
    once for the glyphs of one line set alike, until a row opens (the 1,110 glyphs of a
    page of the registered PDFs ask for 150 such lists; with ``RowGlyphs.place`` looking
    and adding in one call, ``chars_to_rows`` takes 0.4 of its time before: 1.9 against
    4.7 ms a page, the old and the new code alternated in one process).
    """
    rows: list[list[Char]] = []
    glyphs: list[RowGlyphs] = []
    bands: list[tuple[float, float]] = []
    openers: list[float] = []                 # size of the glyph that opened a row
    tops: list[float] = []                    # the rows' tops, sorted …
    by_top: list[int] = []                    # … and the rows in that order
    tallest = max((c.bottom - c.top for c in chars), default=0.0)
    fitting: dict[tuple[float, float, float, bool], list[int]] = {}
    for c in placing_order(chars):
        alpha = c.text.isalpha()
        alnum = alpha or c.text.isalnum()
        shape = (c.top, c.bottom, c.size, alpha)
        fits = fitting.get(shape)
        if fits is None:
            lo = bisect.bisect_left(tops, c.top - tallest)
            hi = bisect.bisect_right(tops, c.bottom)
            fits = fitting[shape] = rows_that_fit(c, alpha, by_top[lo:hi], bands, openers,
                                                  min_overlap)
        centre, width = c.xmid, c.x1 - c.x0
        best = -1
        for i in fits:
            if not alnum or glyphs[i].place(centre, width):
                best = i
                break
        if best < 0:
            best = len(rows)
            rows.append([])
            glyphs.append(RowGlyphs())
            if alnum:
                glyphs[best].place(centre, width)     # the first glyph: always placed
            bands.append((c.top, c.bottom))
            openers.append(c.size)
            k = bisect.bisect_right(tops, c.top)
            tops.insert(k, c.top)
            by_top.insert(k, best)
            fitting.clear()                   # the new row may fit glyphs seen before
        rows[best].append(c)
    return rows


def rows_that_fit(c: Char, alpha: bool, near: list[int], bands: list[tuple[float, float]],
                  openers: list[float], min_overlap: float) -> list[int]:
    """The rows among ``near`` (by top) that ``c`` overlaps by ``min_overlap`` of the
    smaller height and stands on the baseline of (``off_baseline``, for a letter), the
    most overlapped first (ties: by top)."""
    c_top, c_bottom = c.top, c.bottom
    height = c_bottom - c_top
    found: list[tuple[float, int]] = []
    for i in near:
        top, bottom = band = bands[i]
        overlap = (bottom if bottom < c_bottom else c_bottom) - (top if top > c_top else c_top)
        if (overlap > 0 and overlap >= min_overlap * max(min(bottom - top, height), 0.1)
                and not (alpha and off_baseline(c, band, openers[i]))):
            found.append((overlap, i))
    if len(found) > 1:
        found.sort(key=lambda f: -f[0])       # stable: ties keep their order by top
    return [i for _, i in found]


def row_to_runs(row: list[Char], row_id: int, gap: float) -> list[Run]:
    """Split a row where the horizontal gap exceeds ``gap`` em (of the larger of a glyph
    and the one before it); a space glyph joins the run it follows within ``gap`` em of
    that glyph's size and never opens a run."""
    runs: list[list[Char]] = []
    run: list[Char] = []                 # the last run
    right, size = 0.0, 0.0               # its right edge, the size of its last glyph
    for c in sorted(row, key=X0):
        if c.text.isspace():
            if run and c.x0 - right <= gap * max(0, size):
                run.append(c)
            continue
        # comparisons, not max(): the two calls were half of this loop (0.65 → 0.35 ms a page)
        em = c.size if c.size > size else size
        if run and c.x0 - right <= gap * em:
            run.append(c)
            if c.x1 > right:
                right = c.x1
        else:
            run = [c]
            runs.append(run)
            right = c.x1
        size = c.size
    # every run opens with a glyph that is no space, and its glyphs are left to right
    return [run_of_ordered(tuple(r), row_id) for r in runs]


# --------------------------------------------------------------------------- ruby


def is_ruby_candidate(run: Run) -> bool:
    text = [c.text for c in run.chars if not c.text.isspace()]
    return bool(text) and all(is_kana(t) for t in text)


def find_ruby_base(ruby: Run, runs: list[Run], settings: PdfSettings) -> int:
    """Index of the run the ruby sits on: directly below, larger, under its centre."""
    mid, best, best_dist = (ruby.x0 + ruby.x1) / 2, -1, float("inf")
    for i, base in enumerate(runs):
        if base is ruby or ruby.size > settings.ruby_max_ratio * base.size:
            continue
        dist = base.top - ruby.bottom
        if not -0.5 * ruby.size <= dist <= settings.ruby_max_gap * base.size:
            continue
        if base.x0 <= mid <= base.x1 and abs(dist) < best_dist:
            best, best_dist = i, abs(dist)
    return best


def attach_rubies(runs: list[Run], settings: PdfSettings) -> list[Run]:
    """Move runs of small kana set above a base run onto that run as ``Ruby``."""
    out = list(runs)
    taken: set[int] = set()
    for i, run in enumerate(runs):
        if not is_ruby_candidate(run):
            continue
        base = find_ruby_base(run, runs, settings)
        if base < 0 or base in taken:
            continue
        text = "".join(c.text for c in run.chars if not c.text.isspace())
        ruby = Ruby(text, run.x0, run.x1, run.top, run.size)
        out[base] = out[base]._replace(rubies=out[base].rubies + (ruby,))
        taken.add(i)
    return [r for i, r in enumerate(out) if i not in taken]


def find_marker_host(digits: Run, runs: list[Run]) -> int:
    """Index of the run a raised digit run belongs to: it sits over that run's upper
    half, inside it or just after its end."""
    best = -1
    for i, run in enumerate(runs):
        if run is digits or run.size < 0.8 * digits.size:
            continue
        height = run.bottom - run.top
        if not (run.x0 < digits.x0 <= run.x1 + 0.5 * run.size
                and run.top - 0.3 * height <= digits.bottom <= run.top + 0.7 * height):
            continue
        if best < 0 or abs(run.top - digits.bottom) < abs(runs[best].top - digits.bottom):
            best = i
    return best


RAISED_MARKS = "※＊*注"   # set raised before a marker's number (``※¹``, ``注¹``)


def attach_markers(runs: list[Run]) -> list[Run]:
    """Raised footnote digits (with the mark before them: ``※1``, ``注1``) set so high
    that they formed a row of their own go back into the run they belong to."""
    out = list(runs)
    taken: set[int] = set()
    for i, run in enumerate(runs):
        glyphs = [c.text for c in run.chars if not c.text.isspace()]
        if glyphs and glyphs[0] in RAISED_MARKS:
            glyphs = glyphs[1:]     # ``※1``, ``注1``: a footnote mark before the digits
        if not glyphs or len(glyphs) > 3 or not all(g.isdigit() for g in glyphs):
            continue
        host = find_marker_host(run, runs)
        if host < 0 or host in taken:
            continue
        out[host] = make_run(out[host].chars + run.chars, out[host].row, out[host].rubies)
        taken.add(i)
    return [r for i, r in enumerate(out) if i not in taken]


# --------------------------------------------------------------------------- vertical text


def stack_chars(chars: list[Char], settings: PdfSettings) -> list[list[Char]]:
    """Chain glyphs set one under another (same column, touching) into stacks."""
    stacks: list[list[Char]] = []
    column: list[Char] = []
    for c in sorted(chars, key=lambda c: c.xmid) + [None]:  # type: ignore[list-item]
        if c is not None and column and c.xmid - column[0].xmid <= 0.3 * c.size:
            column.append(c)
            continue
        for g in sorted(column, key=lambda g: g.top):
            last = stacks[-1][-1] if stacks and stacks[-1][0] in column else None
            if last is not None and (-0.5 * g.height <= g.top - last.bottom
                                     <= settings.vertical_gap * g.size):
                stacks[-1].append(g)
            else:
                stacks.append([g])
        column = [c] if c is not None else []
    return stacks


def body_span(chars: list[Char], body_size: float) -> tuple[float, float]:
    """Left and right edge of the glyphs in the body size (the text block)."""
    tolerance = 0.05 * body_size
    body = [c for c in chars if abs(c.size - body_size) <= tolerance and not c.text.isspace()]
    if not body:
        return (float("-inf"), float("inf"))
    return min(c.x0 for c in body), max(c.x1 for c in body)


class GlyphsByLeft:
    """Glyphs sorted by left edge: those whose left edge lies between two x are found by
    bisection, not by a scan of the page (``Neighbours``, ``regions.GlyphStrip``)."""

    def __init__(self, chars: Iterable[Char]) -> None:
        self.chars = sorted(chars, key=X0)
        self.lefts = [c.x0 for c in self.chars]

    def starting_between(self, lo: float, hi: float) -> list[Char]:
        """The glyphs with ``lo <= x0 <= hi``, left to right."""
        return self.chars[bisect.bisect_left(self.lefts, lo):bisect.bisect_right(self.lefts, hi)]


class Neighbours(GlyphsByLeft):
    """A page's glyphs (not spaces) by left edge, for ``has_neighbour``: a glyph is
    checked against those within reach of it, not the whole page (the whole page for
    each stacked glyph cost 0.6 s of the 71 registered pages)."""

    def __init__(self, chars: list[Char]) -> None:
        super().__init__(c for c in chars if not c.text.isspace())
        self.widest = max((c.x1 - c.x0 for c in self.chars), default=0.0)

    def near(self, char: Char) -> list[Char]:
        """The glyphs whose box may come within ``char.size`` of ``char`` sideways."""
        return self.starting_between(char.x0 - char.size - self.widest, char.x1 + char.size)


def has_neighbour(char: Char, chars: list[Char] | Neighbours) -> bool:
    """Another glyph on the same row within one em to the left or right."""
    if isinstance(chars, Neighbours):
        chars = chars.near(char)
    for c in chars:
        if c is char or c.text.isspace():
            continue
        overlap = min(c.bottom, char.bottom) - max(c.top, char.top)
        gap = max(c.x0 - char.x1, char.x0 - c.x1)
        if overlap > 0.5 * min(c.height, char.height) and gap < char.size:
            return True
    return False


def split_vertical(chars: list[Char], body_size: float, settings: PdfSettings,
                   ) -> tuple[list[Char], list[list[Char]]]:
    """Take out vertical text set beside the text block (a chapter tab on the page
    edge): glyphs stacked one under another, touching. Returns the other glyphs and
    the stacks, top to bottom."""
    left, right = body_span(chars, body_size)
    margin = 0.5 * body_size
    left, right = left - margin, right + margin
    beside = [c for c in chars if not left <= c.xmid <= right and not c.text.isspace()]
    stacks = [s for s in stack_chars(beside, settings) if len(s) >= 2]
    if not stacks:          # most pages: no neighbour index to build
        return list(chars), []
    neighbours = Neighbours(chars)
    stacks = [s for s in stacks if not any(has_neighbour(c, neighbours) for c in s)]
    taken = {id(c) for s in stacks for c in s}
    return [c for c in chars if id(c) not in taken], stacks


def stack_rotated(chars: list[Char]) -> list[list[Char]]:
    """Rotated glyphs in content order, a new stack where the x position jumps."""
    stacks: list[list[Char]] = []
    for c in chars:
        if stacks and abs(stacks[-1][-1].xmid - c.xmid) <= 0.5 * c.size:
            stacks[-1].append(c)
        else:
            stacks.append([c])
    return stacks


def make_line_vertical(chars: list[Char]) -> Line:
    return Line(chars=tuple(chars), vertical=True, x0=min(c.x0 for c in chars),
                x1=max(c.x1 for c in chars), top=min(c.top for c in chars),
                bottom=max(c.bottom for c in chars), size=dominant_size(chars))


# --------------------------------------------------------------------------- boxes


def rects_to_box_rects(rects: tuple[Rect, ...], width: float, body_size: float,
                       settings: PdfSettings) -> list[Rect]:
    """Large rectangles (figure frames, column backgrounds), outermost only."""
    big = [r for r in rects if r.x1 - r.x0 >= settings.box_min_width * width
           and r.bottom - r.top >= settings.box_min_height * body_size]
    outer = [r for r in big if not any(o is not r and o.encloses(r) and o != r for o in big)]
    unique: list[Rect] = []
    for r in sorted(outer, key=lambda r: (r.top, r.x0)):
        if r not in unique:
            unique.append(r)
    return unique


def count_rules(rect: Rect, rects: tuple[Rect, ...]) -> int:
    """Thin rectangles and lines inside ``rect``: the rules of a table or chart."""
    return sum(1 for r in rects if rect.encloses(r) and r != rect
               and min(r.x1 - r.x0, r.bottom - r.top) < 1.5)


def box_kind(runs: list[Run], rect: Rect, rules: int, body_size: float,
             settings: PdfSettings) -> str:
    """``column`` when the box holds prose near body size in box-wide lines and no ruled
    table, else ``figure``."""
    chars = [c for r in runs for c in r.chars if not c.text.isspace()]
    if not chars or dominant_size(chars) < settings.column_min_ratio * body_size:
        return "figure"
    if rules >= settings.table_min_rules:
        return "figure"
    wide = [r for r in runs if r.x1 - r.x0 >= 0.5 * (rect.x1 - rect.x0)]
    if len({r.row for r in wide}) < settings.column_box_min_lines:
        return "figure"
    share = sum(len(r.chars) for r in wide) / len(chars)
    return "column" if share >= settings.column_prose_share else "figure"


def runs_in_rect(runs: list[Run], rect: Rect) -> list[Run]:
    return [r for r in runs if rect.contains((r.x0 + r.x1) / 2, (r.top + r.bottom) / 2)]
