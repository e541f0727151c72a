"""Page regions that hold no running text: ruled tables and drawn figure frames.

``with_regions`` takes a page's layout and the ruled tables the table finder found on it
(``tables.find_page_tables``) and moves the text set inside them out of the flow of
free lines into boxes of their own: a ``table`` box per ruled table (its lines cut at
the table's vertical rules, one piece per cell), a ``frame`` box per drawn outline that
holds text where the page has several of them (the boxes of a flowchart or diagram:
stroked rectangles, rounded boxes, circles; ``ParsedPage.frames``). The hints stage
gives their lines ``table_text`` and ``figure_text`` (``REGION_HINTS``). Decided by
geometry alone: a glyph belongs to the innermost region its centre lies in.

Layout boxes (large frames, boxed columns) are left as they are: only free lines move.
A frame's text in heading type (larger than the body, or bold) stays in the flow, so a
heading printed in a box is still read as one.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any, NamedTuple

from pipeline.extract.pdf.chars import Char, Rect
from pipeline.extract.pdf.gutters import runs_to_gutter
from pipeline.extract.pdf.layout import (
    X0,
    X1,
    Box,
    GlyphsByLeft,
    Line,
    PageLayout,
    Ruby,
    make_line,
)
from pipeline.extract.pdf.settings import PdfSettings

TOP, BOTTOM = attrgetter("top"), attrgetter("bottom")
Piece = tuple[list[Char], tuple[Ruby, ...]]     # glyphs moved into a region, their ruby

# The hint each region kind gives its lines (read by ``hints.box_hint``).
REGION_HINTS = {"table": "table_text", "frame": "figure_text"}
# The table finder's strategies for tables with no rules down (``tables.find_page_tables``):
# their text is read line by line (``line_by_line``), not cell by cell.
UNRULED_DOWN = ("hrules", "text")


@dataclass(frozen=True)
class RegionSettings:
    """Thresholds of ``with_regions``."""

    min_frames: int = 3        # a page with fewer text-holding frames has no drawing:
    #                            one or two boxed lines are emphasis, not a figure
    slack: float = 1.0         # pt: a glyph may overhang its frame by this much
    rule_max_width: float = 2.0  # pt: a thinner upright rectangle is a vertical rule
    size_tolerance: float = 0.3  # pt: larger than body by more is heading type
    mark_max_glyphs: int = 3   # a free line this short inside a drawing belongs to it


def _centre_in(char: Char, rect: Rect, slack: float = 0.0) -> bool:
    x, y = char.xmid, (char.top + char.bottom) / 2
    return (rect.x0 - slack <= x <= rect.x1 + slack
            and rect.top - slack <= y <= rect.bottom + slack)


def _encloses(rect: Rect, char: Char, slack: float) -> bool:
    return (rect.x0 - slack <= char.x0 and char.x1 <= rect.x1 + slack
            and rect.top - slack <= char.top and char.bottom <= rect.bottom + slack)


def _area(rect: Rect) -> float:
    return (rect.x1 - rect.x0) * (rect.bottom - rect.top)


def table_rects(tables: Sequence[dict[str, Any]]) -> list[Rect]:
    """The bounding boxes of the page's ruled tables (points from the page's top-left)."""
    return [Rect(*(float(v) for v in t["bbox"])) for t in tables]


def vertical_rules(rects: Sequence[Rect], settings: RegionSettings) -> list[Rect]:
    """The page's upright rules: rectangles (or lines) thinner than ``rule_max_width``."""
    return [r for r in rects if r.x1 - r.x0 <= settings.rule_max_width
            and r.bottom - r.top > settings.rule_max_width]


class UprightRules:
    """A page's upright rules as (middle x, top, bottom), by their middle: those whose
    middle lies within a line's span are found by bisection, not by a scan of the
    page's rules for every piece of a line (the scans were a sixth of ``with_regions``
    on mlit-kinki-road-ch1.pdf, 30 to 60 rules a page of ruled tables)."""

    def __init__(self, rules: Sequence[Rect]) -> None:
        self.spans = sorted(((r.x0 + r.x1) / 2, r.top, r.bottom) for r in rules)
        self.middles = [x for x, _, _ in self.spans]

    def meeting(self, left: float, right: float, top: float, bottom: float,
                ) -> list[tuple[float, float, float]]:
        """The rules with their middle from ``left`` to ``right`` that reach from above
        ``bottom`` to below ``top``."""
        lo = bisect.bisect_left(self.middles, left)
        hi = bisect.bisect_right(self.middles, right)
        return [s for s in self.spans[lo:hi] if s[1] <= bottom and s[2] >= top]


def split_at_rules(chars: Sequence[Char], rules: UprightRules) -> list[list[Char]]:
    """Glyphs of one printed line (left to right) cut where an upright rule passes
    between two neighbours: the parts of a line that crosses table cells."""
    ordered = sorted(chars, key=X0)
    if not ordered:
        return []
    # the rules this line meets
    near = rules.meeting(ordered[0].x0, ordered[-1].x1, min(map(TOP, ordered)),
                         max(map(BOTTOM, ordered)))
    if not near:
        parts = [ordered]
    else:
        # the rules' x by the height they cross, sorted: one bisection per neighbour
        # pair, not a test of every rule (the glyphs of a line share a few middles)
        crossing: dict[float, list[float]] = {}
        parts = [[ordered[0]]]
        for prev, char in itertools.pairwise(ordered):
            middle = (char.top + char.bottom) / 2
            xs = crossing.get(middle)
            if xs is None:
                xs = crossing[middle] = sorted(x for x, r_top, r_bottom in near
                                               if r_top <= middle <= r_bottom)
            if bisect.bisect_right(xs, prev.xmid) < bisect.bisect_left(xs, char.xmid):
                parts.append([char])     # a rule passes between the two middles
            else:
                parts[-1].append(char)
    return [p for p in parts if any(not c.text.isspace() for c in p)]


def in_heading_type(chars: Sequence[Char], body_size: float, settings: RegionSettings) -> bool:
    """Most glyphs are larger than the body type, or heavy."""
    glyphs = [c for c in chars if not c.text.isspace()]
    if not glyphs:
        return False
    large = sum(c.size > body_size + settings.size_tolerance or c.bold for c in glyphs)
    return 2 * large > len(glyphs)


def owners(chars: Sequence[Char], regions: Sequence[tuple[str, Rect]], slack: float,
           among: Sequence[int]) -> list[int]:
    """Index of the innermost region holding each glyph (a table: its centre; a frame:
    the whole glyph, within ``slack``), -1 for none; only the regions ``among`` (indices
    into ``regions``: ``regions_meeting``) are looked at. They are tried smallest first
    (ties in their order), each as its four bounds measured once, and the first that
    holds the glyph is its owner (a call per glyph and per region was most of
    ``claim_lines``)."""
    bounds = []
    for i in sorted(among, key=lambda i: _area(regions[i][1])):
        kind, rect = regions[i]
        pad = 0.0 if kind == "table" else slack
        bounds.append((i, kind == "table", rect.x0 - pad, rect.top - pad,
                       rect.x1 + pad, rect.bottom + pad))
    found = []
    for c in chars:
        owner = -1
        for i, centre, x0, top, x1, bottom in bounds:
            if (x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom
                    if centre else
                    x0 <= c.x0 and c.x1 <= x1 and top <= c.top and c.bottom <= bottom):
                owner = i
                break
        found.append(owner)
    return found


def regions_meeting(chars: Sequence[Char], regions: Sequence[tuple[str, Rect]],
                    slack: float) -> list[int]:
    """Indices of the regions whose rectangle, ``slack`` wider on every side, meets the
    box around ``chars``: the only ones that can hold one of them (``owners``). Most
    lines meet none and no glyph of theirs is looked at (every glyph against every region
    was half of ``claim_lines``); the glyphs' left and right are read only for a line
    that some region spans in height."""
    top, bottom = glyph_extent(chars, TOP, BOTTOM)
    across = [i for i, (_, r) in enumerate(regions)
              if r.top - slack <= bottom and top <= r.bottom + slack]
    if not across:
        return []
    x0, x1 = glyph_extent(chars, X0, X1)
    return [i for i in across
            if regions[i][1].x0 - slack <= x1 and x0 <= regions[i][1].x1 + slack]


def glyph_extent(chars: Sequence[Char], low: Callable[[Char], float],
                 high: Callable[[Char], float]) -> tuple[float, float]:
    """The least and the greatest of the glyphs' two edges ``low`` and ``high`` (either
    edge of each box, whichever way it was drawn)."""
    return (min(min(map(low, chars)), min(map(high, chars))),
            max(max(map(low, chars)), max(map(high, chars))))


class GlyphStrip(GlyphsByLeft):
    """Glyphs by left edge, for the glyphs that may lie between two x: found by
    bisection, not by a scan of the page for each frame (the scans were 8 % of the
    layout's time over the registered PDFs)."""

    def __init__(self, chars: Sequence[Char]) -> None:
        super().__init__(chars)
        # how far a box's left edge may lie right of its right edge (0: none does)
        self.reversed = max(max((c.x0 - c.x1 for c in self.chars), default=0.0), 0.0)

    def between(self, left: float, right: float) -> list[Char]:
        """The glyphs with ``x0 >= left`` that may have ``x1 <= right``, in x order."""
        return self.starting_between(left, right + self.reversed)


def text_frames(layout: PageLayout, tables: Sequence[Rect],
                settings: RegionSettings) -> list[Rect]:
    """The page's drawn frames that hold free text in body or smaller type, outside the
    ruled tables; none when fewer than ``min_frames`` do (no drawing on the page)."""
    frames = set(layout.page.frames)
    if len(frames) < settings.min_frames:
        return []                  # too few to make a drawing, whatever they hold
    chars = [c for ln in layout.lines if not ln.vertical for c in ln.chars
             if not c.text.isspace()]
    if tables:
        chars = [c for c in chars if not any(_centre_in(c, t) for t in tables)]
    strip, slack = GlyphStrip(chars), settings.slack
    holding = []
    for frame in frames:
        if any(_centre_in(frame_mid(frame), t) for t in tables):
            continue
        # ``_encloses`` read in place, the frame's bounds measured once (a call per
        # glyph was most of ``text_frames``)
        x0, top, x1, bottom = (frame.x0 - slack, frame.top - slack,
                               frame.x1 + slack, frame.bottom + slack)
        inside = [c for c in strip.between(x0, x1)
                  if x0 <= c.x0 and c.x1 <= x1 and top <= c.top and c.bottom <= bottom]
        if inside and not in_heading_type(inside, layout.body_size, settings):
            holding.append(frame)
    return sorted(holding, key=lambda r: (r.top, r.x0)) if len(holding) >= settings.min_frames \
        else []


def is_mark(line: Line, area: Rect, band: float, height: float,
            settings: RegionSettings) -> bool:
    """A short free line (a connector ``Ⅱ``, a label) set inside the area of the
    page's drawing (the box around its text frames), outside the head and foot bands:
    part of the drawing, though no frame encloses it."""
    glyphs = [c for c in line.chars if not c.text.isspace()]
    return (not line.vertical and 0 < len(glyphs) <= settings.mark_max_glyphs
            and band <= line.top and line.bottom <= height - band
            and all(_centre_in(c, area) for c in glyphs))


def on_outline(line: Line, frames: Sequence[Rect], settings: RegionSettings) -> bool:
    """A short free line set across a drawn outline (half in, half out: a connector
    mark printed on its shape at the edge of a flowchart)."""
    glyphs = [c for c in line.chars if not c.text.isspace()]
    if line.vertical or not 0 < len(glyphs) <= settings.mark_max_glyphs:
        return False
    x0, x1 = min(c.x0 for c in glyphs), max(c.x1 for c in glyphs)
    top, bottom = min(c.top for c in glyphs), max(c.bottom for c in glyphs)
    return any(f.x0 < x1 and x0 < f.x1 and f.top < bottom and top < f.bottom
               and not (f.x0 <= x0 and x1 <= f.x1 and f.top <= top and bottom <= f.bottom)
               for f in frames)


def frame_mid(rect: Rect) -> Char:
    """A point glyph at the middle of ``rect`` (to test which table holds a frame)."""
    x, y = (rect.x0 + rect.x1) / 2, (rect.top + rect.bottom) / 2
    return Char("", x, x, y, y, 0.0)


def rules_above(line: Line, rect: Rect, rules: Sequence[Rect]) -> int:
    """The row of a piece of a table: the horizontal rules above it that cross it."""
    middle = (line.x0 + line.x1) / 2
    return len({round(r.top) for r in rules if r.x0 <= middle <= r.x1
                and rect.top - 1.0 <= r.top <= line.top + 1.0})


def reading_key(line: Line, rect: Rect, rules: Sequence[Rect]) -> tuple[int, float, float]:
    """Where a piece of a table ruled into cells is read: the row (``rules_above``),
    then cell by cell left to right, each top to bottom."""
    return rules_above(line, rect, rules), line.x0, line.top


def line_by_line(lines: Sequence[Line], rect: Rect, rules: Sequence[Rect]) -> list[Line]:
    """The pieces of a table with no rules down (ruled across only, or found by its
    words' alignment) in reading order: by row (``rules_above``), then printed line by
    printed line, each left to right. A cell's text there is no block of its own: read
    cell by cell, a column's figures set flush right came in the order of their left
    edges. Pieces are on one printed line when their middles lie within half the
    height of the first of them."""
    rows = [rules_above(ln, rect, rules) for ln in lines]
    middles = [(ln.top + ln.bottom) / 2 for ln in lines]
    order = sorted(range(len(lines)), key=lambda i: (rows[i], middles[i]))
    keyed: list[tuple[int, float, int]] = []    # (printed line, left edge, piece)
    printed, head = -1, -1                      # the printed line read, its first piece
    for i in order:
        if head < 0 or rows[i] != rows[head] or \
                middles[i] - middles[head] > (lines[head].bottom - lines[head].top) / 2:
            printed, head = printed + 1, i
        keyed.append((printed, lines[i].x0, i))
    return [lines[i] for _, _, i in sorted(keyed)]


def horizontal_rules(rects: Sequence[Rect], settings: RegionSettings) -> list[Rect]:
    """The page's level rules: rectangles (or lines) lower than ``rule_max_width``."""
    return [r for r in rects if r.bottom - r.top <= settings.rule_max_width
            and r.x1 - r.x0 > settings.rule_max_width]


def claim_lines(lines: Sequence[Line], regions: Sequence[tuple[str, Rect]],
                rules: UprightRules, body_size: float, settings: RegionSettings,
                pieces: dict[int, list[Piece]]) -> list[Line]:
    """The lines with their glyphs inside ``regions`` taken out (added to ``pieces`` by
    region: a table's cut at its upright rules); what is left of each line is kept in
    place. A frame's glyphs in heading type stay."""
    kept: list[Line] = []
    for line in lines:
        near = [] if line.vertical else regions_meeting(line.chars, regions, settings.slack)
        if not near:                 # most lines: no glyph of theirs is looked at
            kept.append(line)
            continue
        owner = owners(line.chars, regions, settings.slack, near)
        if all(o < 0 for o in owner):
            kept.append(line)
            continue
        rest = [c for c, o in zip(line.chars, owner, strict=True) if o < 0]
        for i in sorted({o for o in owner if o >= 0}):
            mine = [c for c, o in zip(line.chars, owner, strict=True) if o == i]
            if regions[i][0] == "frame" and in_heading_type(mine, body_size, settings):
                rest += mine
                continue
            cut = split_at_rules(mine, rules) if regions[i][0] == "table" else [mine]
            pieces.setdefault(i, []).extend((part, rubies_over(line, part)) for part in cut)
        if any(not c.text.isspace() for c in rest):
            kept.append(make_line(rest, line.side, line.box, rubies_over(line, rest)))
    return kept


def rubies_over(line: Line, chars: Sequence[Char]) -> tuple[Ruby, ...]:
    """The line's ruby set over some of ``chars`` (its middle above their span)."""
    glyphs = [c for c in chars if not c.text.isspace()]
    if not glyphs or not line.rubies:
        return ()
    left, right = min(c.x0 for c in glyphs), max(c.x1 for c in glyphs)
    return tuple(r for r in line.rubies if left <= (r.x0 + r.x1) / 2 <= right)


class Span(NamedTuple):
    """Where a line's glyphs begin and end across the page, and its type size: all
    ``runs_to_gutter`` reads of a run (a run made of each line to measure it was a fifth
    of ``with_regions``)."""

    x0: float
    x1: float
    size: float


def glyph_span(chars: Sequence[Char], size: float) -> Span:
    """The leftmost left edge and the rightmost right edge of the glyphs (a run's
    ``x0`` and ``x1``), with the type ``size`` of their line."""
    return Span(min(map(X0, chars)), max(map(X1, chars)), size)


def with_regions(layout: PageLayout, tables: Sequence[dict[str, Any]],
                 pdf: PdfSettings | None = None,
                 settings: RegionSettings | None = None) -> PageLayout:
    """``layout`` with the text inside ruled tables (free, or in a figure box) and the
    free text inside drawn frames moved into boxes of kind ``table`` and ``frame`` (see
    the module docstring). With the adapter's settings ``pdf``, a gutter the moved text
    alone made (a table's column gap) is dropped: the rest is one column."""
    settings = settings or RegionSettings()
    ruled = table_rects(tables)
    regions = [("table", r) for r in ruled]
    frames = text_frames(layout, ruled, settings)
    regions += [("frame", r) for r in frames]
    if not regions:
        return layout
    rules = UprightRules(vertical_rules(layout.page.rects, settings))
    pieces: dict[int, list[Piece]] = {}
    free = claim_lines(layout.lines, regions, rules, layout.body_size, settings, pieces)
    if frames:
        area = Rect(min(r.x0 for r in frames), min(r.top for r in frames),
                    max(r.x1 for r in frames), max(r.bottom for r in frames))
        band = (pdf.furniture_band if pdf else 0.0) * layout.page.height
        marks = [ln for ln in free if is_mark(ln, area, band, layout.page.height, settings)
                 or on_outline(ln, layout.page.frames, settings)]
        if marks:
            regions.append(("frame", area))
            pieces[len(regions) - 1] = [(list(ln.chars), ln.rubies) for ln in marks]
            free = [ln for ln in free if all(ln is not m for m in marks)]
    boxes = list(layout.boxes)
    for n, box in enumerate(layout.boxes):
        if box.kind != "figure":
            continue
        kept = claim_lines(box.lines, regions[:len(ruled)], rules, layout.body_size,
                           settings, pieces)
        below = max((r.bottom for r in ruled if box.rect.encloses(r)), default=box.rect.bottom)
        boxes[n] = replace(box, lines=tuple(ln for ln in kept if ln.top < below))
        rest = [ln for ln in kept if ln.top >= below]
        if rest:     # read after the table: a figure's source or notes under it
            boxes.append(Box(Rect(box.rect.x0, below, box.rect.x1, box.rect.bottom), "figure",
                             tuple(ln._replace(box=len(boxes)) for ln in rest)))
    levels = horizontal_rules(layout.page.rects, settings)
    for i, parts in sorted(pieces.items()):
        kind, rect = regions[i]
        index = len(boxes)
        lines = [make_line(p, box=index, rubies=r) for p, r in parts]
        if kind == "table" and tables[i].get("strategy") in UNRULED_DOWN:
            boxes.append(Box(rect, kind, tuple(line_by_line(lines, rect, levels))))
            continue
        boxes.append(Box(rect, kind, tuple(sorted(lines, key=lambda ln: reading_key(
            ln, rect, levels if kind == "table" else ())))))
    gutter = layout.gutter
    if gutter is not None and pdf is not None and runs_to_gutter(
            [glyph_span(ln.chars, ln.size) for ln in free if not ln.vertical],
            layout.body_size, pdf) is None:
        gutter = None          # the table's columns made the gutter: one column of text
        free = [ln if ln.vertical else ln._replace(side="S") for ln in free]
    return replace(layout, lines=tuple(free), boxes=tuple(boxes), gutter=gutter)
