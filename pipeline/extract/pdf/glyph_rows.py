"""Glyph rows: characters → rows → runs (``chars_to_rows → row_to_runs``).

A *row* is the glyphs that overlap vertically, each placed on the baseline of the row it
joins and never on another glyph of it (``RowGlyphs``); a *run* is a part of a row with
no wide horizontal gap. The hot path of the PDF layout: the measured speed-ups are
noted where they are made.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.layout import SIZE, TOP_X0, X0, X1, Run, median_band, run_of_ordered


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
    return [c for group in placing_groups(chars) for c in group]


def placing_groups(chars: Sequence[Char]) -> tuple[list[Char], list[Char], list[Char]]:
    """``placing_order`` as its three groups: letters, digits and signs, spaces."""
    rounded = {s: round(s, 1) for s in set(map(SIZE, chars))}    # a round per size
    letters: list[Char] = []
    others: list[Char] = []
    spaces: list[Char] = []
    for c in chars:
        (letters if c.text.isalpha() else spaces if c.text.isspace() else others).append(c)
    return (by_size_and_place(letters, rounded), by_size_and_place(others, rounded),
            by_size_and_place(spaces, rounded))


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
    again only where these change from the glyph before (in placing order, 9 glyphs in
    10 follow one set alike on the registered PDFs) or a row opens; a glyph's class is
    known from its group (``placing_groups``) and its centre is computed in place. With
    ``RowGlyphs.place`` looking and adding in one call, ``chars_to_rows`` takes 1.3 ms a
    page of the registered PDFs, against 4.7 of old (old and new code alternated in one
    process). The rows looked at are those whose top lies within the tallest row's
    height above the glyph's top (a row no taller cannot reach it), that height kept as
    rows open, not read from every glyph's box first (the three PDFs' layout
    1,772.6 → 1,721.3 M instructions, callgrind).
    """
    rows: list[list[Char]] = []
    glyphs: list[RowGlyphs] = []
    bands: list[tuple[float, float]] = []
    openers: list[float] = []                 # size of the glyph that opened a row
    tops: list[float] = []                    # the rows' tops, sorted …
    by_top: list[int] = []                    # … and the rows in that order
    tallest = 0.0                             # the height of the tallest row
    top = bottom = size = 0.0                 # the band and size ``fits`` was found for
    letters, others, spaces = placing_groups(chars)
    for group, alpha in ((letters, True), (others, False), (spaces, False)):
        fits: list[int] | None = None     # the rows that fit the last glyph's shape
        for c in group:
            alnum = alpha or c.text.isalnum()
            if fits is None or c.top != top or c.bottom != bottom or c.size != size:
                top, bottom, size = c.top, c.bottom, c.size
                lo = bisect.bisect_left(tops, top - tallest)
                hi = bisect.bisect_right(tops, bottom)
                fits = rows_that_fit(c, alpha, by_top[lo:hi], bands, openers, min_overlap)
            if not alnum:                     # punctuation and spaces: the best row
                best = fits[0] if fits else -1
            else:
                x0, x1 = c.x0, c.x1
                centre, width = (x0 + x1) / 2, x1 - x0
                best = -1
                for i in fits:
                    if glyphs[i].place(centre, width):
                        best = i
                        break
            if best < 0:
                best = len(rows)
                rows.append([])
                glyphs.append(RowGlyphs())
                if alnum:
                    glyphs[best].place(centre, width)     # the first glyph: always placed
                bands.append((c.top, c.bottom))
                if c.bottom - c.top > tallest:     # a row's band is its opener's
                    tallest = c.bottom - c.top
                openers.append(c.size)
                k = bisect.bisect_right(tops, c.top)
                tops.insert(k, c.top)
                by_top.insert(k, best)
                fits = None                       # the new row may fit the next glyph
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
    that glyph's size and never opens a run.

    A run's size, right edge and glyphs other than spaces are known as it is read: a run
    in one size (9 in 10) is made without ``size_and_band`` grouping its glyphs by size
    again (the three PDFs' layout 1,711.2 → 1,640.7 M instructions, callgrind)."""
    runs: list[Run] = []
    run: list[Char] = []                 # the last run
    right, size = 0.0, 0.0               # its right edge, the size of its last glyph
    first = 0.0                          # the size of its first glyph
    mixed = spaced = False               # another size in it, a space glyph in it
    for c in sorted(row, key=X0):
        if c.text.isspace():
            if run and c.x0 - right <= gap * max(0, size):
                run.append(c)
                spaced = True
            continue
        # each field read once into a name: a glyph's size was read up to four times and
        # its right edge twice (the three PDFs' layout 1,624.5 → 1,601.4 M instructions);
        # comparisons, not max(): the two calls were half of this loop (0.65 → 0.35 ms a page)
        x0, x1, glyph_size = c.x0, c.x1, c.size
        em = glyph_size if glyph_size > size else size
        if run and x0 - right <= gap * em:
            run.append(c)
            if x1 > right:
                right = x1
            if glyph_size != first:
                mixed = True
        else:
            if run:
                runs.append(read_run(run, row_id, first, mixed, spaced, right))
            run = [c]
            right, first, mixed, spaced = x1, glyph_size, False, False
        size = glyph_size
    if run:
        runs.append(read_run(run, row_id, first, mixed, spaced, right))
    return runs


def read_run(run: list[Char], row_id: int, size: float, mixed: bool, spaced: bool,
             right: float) -> Run:
    """The run of ``run``'s glyphs (left to right, the first no space) as
    ``run_of_ordered`` makes it, from what ``row_to_runs`` read of them: where its glyphs
    other than spaces are all in ``size`` (not ``mixed``), that size is its own and their
    median band its band, and without a space glyph (``spaced``) its right edge is
    ``right``, theirs."""
    ordered = tuple(run)
    if mixed:
        return run_of_ordered(ordered, row_id)
    if not spaced:
        return Run(ordered, row_id, (), ordered[0].x0, right, *median_band(ordered),
                   round(size, 1))
    glyphs = [c for c in ordered if not c.text.isspace()]
    return Run(ordered, row_id, (), ordered[0].x0, max(map(X1, ordered)),
               *median_band(glyphs), round(size, 1))
