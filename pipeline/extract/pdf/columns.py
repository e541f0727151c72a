"""Columns and reading order: build lines beside the gutter, order them.

The gutter (``gutters``) is the widest vertical strip in the middle of the text that
fewest runs cross; runs entirely left or right of it are column text, runs crossing it are
full-width blocks (titles, wide figures, footnotes). Reading order goes band by band:
a full-width item closes a band; within a band the left column is read before the
right one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter
from typing import TypeVar

from pipeline.extract.pdf.boxes import box_kind, count_rules, rects_to_box_rects, runs_in_rect
from pipeline.extract.pdf.caption_lines import join_caption_runs
from pipeline.extract.pdf.chars import ParsedPage, Rect
from pipeline.extract.pdf.font_names import GOTHIC, MINCHO, NO_FACE
from pipeline.extract.pdf.gutters import runs_to_gutter, side_of
from pipeline.extract.pdf.layers import chars_to_runs
from pipeline.extract.pdf.layout import (
    BODY_SIZE_SLACK,
    RESIZED_RATIO,
    SIZE,
    Box,
    Line,
    PageLayout,
    Run,
    line_of_run,
    make_line,
)
from pipeline.extract.pdf.raised_runs import attach_markers, attach_rubies
from pipeline.extract.pdf.settings import PdfSettings
from pipeline.extract.pdf.vertical_text import make_line_vertical, split_vertical, stack_rotated

Item = TypeVar("Item", bound=Line | Box)
FACE = attrgetter("face")
TEXT = attrgetter("text")


def runs_to_lines(runs: Sequence[Run], gutter: tuple[float, float] | None,
                  box: int = -1, full_below: float = float("inf"),
                  rules: Sequence[Rect] = (), body_size: float = 0.0) -> list[Line]:
    """Join the runs of each row that sit on the same side of the gutter into a line; a
    row with a run across the gutter, or below ``full_below`` (the foot of the body,
    where footnotes run across the page), becomes one full-width line, unless its text
    stands apart at the gutter (``apart_at_gutter``): the last lines of two columns set
    lower than the body's floor measures (its foot band), or footnotes set under each
    column, are two lines. Texts set side by side far apart with no rule between them
    are lines apart (``split_at_wide_gaps``; ``rules`` are the page's vertical rules: a
    ruled table's row stays one line; with ``body_size``, a line of body text keeps
    apart what is set beside it in smaller type)."""
    by_row: dict[int, list[Run]] = {}
    for run in runs:
        by_row.setdefault(run.row, []).append(run)
    lines: list[Line] = []
    for row_runs in by_row.values():
        sides = [side_of(r.x0, r.x1, gutter) for r in row_runs]
        if min(r.top for r in row_runs) >= full_below and not apart_at_gutter(row_runs,
                                                                               sides):
            sides = ["S"] * len(sides)
        groups: dict[str, list[Run]] = {}
        for run, side in zip(row_runs, sides, strict=True):
            groups.setdefault("S" if "S" in sides else side, []).append(run)
        for side, group in groups.items():
            lines += [runs_to_line(part, side, box)
                      for part in split_at_wide_gaps(group, rules, body_size)]
    return lines


GUTTER_GAP_EM = 1.5   # a footnote's text goes on past the gutter a space or so later


def apart_at_gutter(runs: Sequence[Run], sides: Sequence[str]) -> bool:
    """The row has text in both columns with more than ``GUTTER_GAP_EM`` of its type
    between them: two columns' texts, not one line that crosses the gutter (a
    footnote whose URL follows its title one space later)."""
    left = [r.x1 for r, side in zip(runs, sides, strict=True) if side == "L"]
    right = [r.x0 for r, side in zip(runs, sides, strict=True) if side == "R"]
    if not left or not right:
        return False
    size = max(r.size for r in runs)
    return min(right) - max(left) > GUTTER_GAP_EM * size


def runs_to_line(runs: Sequence[Run], side: str, box: int) -> Line:
    """One line of the runs' glyphs and ruby; a line of one run (most lines) takes the
    run's geometry as it is."""
    if len(runs) == 1:
        return line_of_run(runs[0], side, box)
    return make_line([c for r in runs for c in r.chars], side, box,
                     tuple(rb for r in runs for rb in r.rubies))


WIDE_GAP = 6.0     # em: runs of one row this far apart are two texts set side by side
RESIZED_GAP = 1.5  # em: … or, beside body text, this far apart in smaller type


def split_at_wide_gaps(runs: list[Run], rules: Sequence[Rect] = (),
                       body_size: float = 0.0) -> list[list[Run]]:
    """The runs of one row, cut where the blank between two runs is wider than
    ``WIDE_GAP`` em of the larger (or ``RESIZED_GAP`` em between a run of body text and
    one in smaller type: ``sets_apart``) and no vertical rule stands in it: a line of
    text never has such a gap, two texts set side by side (the source lines under two
    figures, a page tab beside the text, a photograph's caption on the baseline of the
    text set around the photograph) do; a ruled table's row is left whole (its cells are
    rebuilt from the rules by the table finder)."""
    parts: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: r.x0):
        last = parts[-1][-1] if parts else None
        if last is None or (sets_apart(last, run, body_size)
                            and not rule_between(last, run, rules)):
            parts.append([run])
        else:
            parts[-1].append(run)
    return parts


def sets_apart(left: Run, right: Run, body_size: float = 0.0) -> bool:
    """Two runs of a row are two texts: far apart, or, where one is body text
    (``body_size`` given) and the other in smaller type, apart by ``RESIZED_GAP`` em."""
    gap, larger = right.x0 - left.x1, max(right.size, left.size)
    if gap > WIDE_GAP * larger:
        return True
    body = body_size > 0 and abs(larger - body_size) <= BODY_SIZE_SLACK * body_size
    return (body and min(right.size, left.size) < RESIZED_RATIO * larger
            and gap > RESIZED_GAP * larger)


def rule_between(left: Run, right: Run, rules: Sequence[Rect]) -> bool:
    middle = (left.top + left.bottom + right.top + right.bottom) / 4
    return any(left.x1 <= r.x0 and r.x1 <= right.x0 and r.top <= middle <= r.bottom
               for r in rules)


def vertical_rules(rects: Sequence[Rect]) -> list[Rect]:
    """Thin upright rectangles and lines: the rules between a table's columns."""
    return [r for r in rects if r.x1 - r.x0 < 1.5 and r.bottom - r.top >= 1.5]


def runs_to_cells(runs: Sequence[Run], box: int) -> list[Line]:
    """Inside a figure every run is its own line (a label, a cell), in visual rows."""
    return order_visual_rows([line_of_run(r, box=box) for r in runs])


def order_visual_rows(lines: Sequence[Line]) -> list[Line]:
    """Top to bottom by visual rows, each left to right: a line whose band lies within
    the band of a row's first line (or holds it) is on that row, whatever its type size
    (a label ``第1章`` centred beside a larger title). Lines whose bands merely overlap
    keep the order of their tops."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (round(ln.top), ln.x0)):
        if rows and on_row(line, rows[-1][0]):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln.x0)]


def on_row(line: Line, first: Line, slack: float = 0.5) -> bool:
    inside = first.top - slack <= line.top and line.bottom <= first.bottom + slack
    holds = line.top - slack <= first.top and first.bottom <= line.bottom + slack
    return inside or holds


# --------------------------------------------------------------------------- reading order


def item_extent(item: Line | Box) -> tuple[float, float, float, float]:
    if isinstance(item, Box):
        return item.rect.x0, item.rect.top, item.rect.x1, item.rect.bottom
    return item.x0, item.top, item.x1, item.bottom


def lone_items(items: Sequence[Line | Box], sides: Sequence[str]) -> list[bool]:
    """Items with nothing in the other column beside them (a heading, a short box). An
    item is looked at against the other column's items only, not the page's."""
    extents = [item_extent(it) for it in items]
    column: dict[str, list[tuple[float, float, float, float]]] = {"L": [], "R": [], "S": []}
    for e, side in zip(extents, sides, strict=True):
        column[side].append(e)
    other = {"L": column["R"], "R": column["L"]}
    lone = []
    for (_, top, _, bottom), side in zip(extents, sides, strict=True):
        margin = 0.5 * (bottom - top)
        lone.append(side == "S" or not any(
            e[1] < bottom + margin and e[3] > top - margin for e in other[side]))
    return lone


def items_to_bands(items: list[Item], sides: list[str], cut_gap: float) -> list[list[int]]:
    """Split the page top to bottom into bands: at each full-width item, and at blank
    space of at least ``cut_gap`` next to an item with nothing beside it."""
    lone = lone_items(items, sides)
    order = sorted(range(len(items)), key=lambda i: item_extent(items[i])[1])
    bands: list[list[int]] = [[]]
    floor, above = -1e9, -1
    for i in order:
        _, top, _, bottom = item_extent(items[i])
        gap_cut = above >= 0 and top - floor >= cut_gap and (lone[above] or lone[i])
        if sides[i] == "S" or gap_cut or (above >= 0 and sides[above] == "S"):
            bands.append([])
        bands[-1].append(i)
        if bottom > floor:
            floor, above = bottom, i
    return [b for b in bands if b]


def order_banded(items: list[Item], gutter: tuple[float, float] | None,
                 cut_gap: float = 15.0) -> list[tuple[int, Item]]:
    """Reading order as (band, item): bands top to bottom; in a band the left column,
    then the right one."""
    if gutter is None:
        keyed = sorted(items, key=lambda it: (round(item_extent(it)[1]), item_extent(it)[0]))
        return [(0, it) for it in keyed]
    sides = [side_of(item_extent(it)[0], item_extent(it)[2], gutter) for it in items]
    ordered: list[tuple[int, Item]] = []
    for n, band in enumerate(items_to_bands(items, sides, cut_gap)):
        for side in ("S", "L", "R"):
            picked = sorted((i for i in band if sides[i] == side),
                            key=lambda i: item_extent(items[i])[1])
            ordered += [(n, items[i]) for i in picked]
    return ordered


def order_items(items: list[Item], gutter: tuple[float, float] | None,
                cut_gap: float = 15.0) -> list[Item]:
    return [it for _, it in order_banded(items, gutter, cut_gap)]


# --------------------------------------------------------------------------- page


def box_to_lines(runs: list[Run], index: int, kind: str, body_size: float,
                 settings: PdfSettings) -> tuple[Line, ...]:
    if kind == "figure":
        return tuple(runs_to_cells(runs, index))
    gutter = runs_to_gutter(runs, body_size, settings)
    return tuple(order_items(runs_to_lines(runs, gutter, index), gutter,
                             settings.band_gap * body_size))


def off_page_lines(page: ParsedPage, settings: PdfSettings) -> list[Line]:
    """The glyphs off the page (``ParsedPage.off_page``: a printer's slug) as lines,
    top to bottom: upright ones in runs along their rows, turned ones in stacks. No
    layout beyond that: they are published as dropped lines, for the record."""
    upright = [c for c in page.off_page if c.upright]
    lines = [line_of_run(r) for r in chars_to_runs(upright, settings)] if upright else []
    lines += [make_line_vertical(s) for s in stack_rotated(
        [c for c in page.off_page if not c.upright])]
    return sorted(lines, key=lambda ln: (ln.top, ln.x0))


def page_to_layout(page: ParsedPage, body_size: float, settings: PdfSettings) -> PageLayout:
    """Lines outside boxes (with their side), boxes with their lines in order, gutter."""
    upright, stacks = split_vertical([c for c in page.chars if c.upright], body_size,
                                     settings)
    rotated = [c for c in page.chars if not c.upright]
    runs = attach_markers(attach_rubies(chars_to_runs(upright, settings), settings))
    every_run = runs
    runs, captions, overprints = join_caption_runs(runs)
    boxes: list[Box] = []
    claimed: set[int] = set()
    box_rects = rects_to_box_rects(page.rects, page.width, body_size, settings)
    for rect in box_rects:
        inside = [r for r in runs_in_rect(runs, rect) if id(r) not in claimed]
        turned = [c for c in rotated if rect.contains(c.xmid, (c.top + c.bottom) / 2)]
        if not inside and not turned:
            continue
        claimed |= {id(r) for r in inside}
        kind = box_kind(inside, rect, count_rules(rect, page.rects), body_size, settings)
        box_lines = box_to_lines(inside, len(boxes), kind, body_size, settings)
        box_lines += tuple(make_line_vertical(s)._replace(box=len(boxes))
                           for s in stack_rotated(turned))
        rotated = [c for c in rotated if c not in turned]
        boxes.append(Box(rect, kind, box_lines))
    free = [r for r in runs if id(r) not in claimed]
    vertical = [make_line_vertical(s) for s in stacks + stack_rotated(rotated)]
    # the gutter is measured on the runs outside boxes, joined captions included
    kept = {id(r) for r in runs}
    outside = [r for r in every_run if id(r) not in kept and not any(
        rect.contains((r.x0 + r.x1) / 2, (r.top + r.bottom) / 2) for rect in box_rects)]
    gutter = runs_to_gutter(free + outside, body_size, settings)
    lines = runs_to_lines(free, gutter, full_below=body_floor(page, free, boxes, body_size,
                                                               settings),
                          rules=vertical_rules(page.rects), body_size=body_size) + vertical
    boxes, loose = place_captions(captions, boxes, gutter)
    boxes += empty_frames(box_rects, page)
    return PageLayout(page=page, lines=tuple(lines + loose), boxes=tuple(boxes),
                      gutter=gutter, body_size=body_size,
                      overprints=tuple(make_line(r.chars) for r in overprints))


def empty_frames(box_rects: Sequence[Rect], page: ParsedPage) -> list[Box]:
    """Frames with no glyph inside (a photograph's, a picture's): boxes with no lines, so
    that the reading order sees the room they take in their column; the text beside a
    photograph set in one column is not a lone line of the other column, and the
    columns are not cut into bands there."""
    return [Box(rect, EMPTY_FRAME) for rect in box_rects if not any(
        rect.x0 <= (c.x0 + c.x1) / 2 <= rect.x1 and rect.top <= (c.top + c.bottom) / 2
        <= rect.bottom for c in page.chars)]     # ``Rect.contains`` in place: no calls


EMPTY_FRAME = "empty"


def place_captions(captions: Sequence[tuple[Run, Line]], boxes: list[Box],
                   gutter: tuple[float, float] | None) -> tuple[list[Box], list[Line]]:
    """Joined caption lines go into the box their label sits in (read in its visual
    rows), else among the page's lines, on their side of the gutter."""
    loose: list[Line] = []
    for label, line in captions:
        x, y = (label.x0 + label.x1) / 2, (label.top + label.bottom) / 2
        at = next((i for i, b in enumerate(boxes) if b.rect.contains(x, y)), -1)
        if at < 0:
            loose.append(line._replace(side=side_of(line.x0, line.x1, gutter)))
            continue
        box = boxes[at]
        placed = line._replace(box=at)
        ordered = (order_visual_rows([*box.lines, placed]) if box.kind == "figure"
                   else sorted([*box.lines, placed], key=lambda ln: ln.top))
        boxes[at] = replace(box, lines=tuple(ordered))
    return boxes, loose


def body_floor(page: ParsedPage, runs: Sequence[Run], boxes: Sequence[Box], body_size: float,
               settings: PdfSettings) -> float:
    """Bottom of the lowest body-size text or box above the page's foot band."""
    limit = settings.footnote_max_ratio * body_size
    foot = (1 - settings.furniture_band) * page.height
    bottoms = [r.bottom for r in runs if r.size > limit and r.bottom < foot]
    bottoms += [b.rect.bottom for b in boxes]
    return max(bottoms, default=0.0)


# of the body-size glyphs whose font names a face, the share in a mincho face over which
# a gothic face at the body's size reads as a heavier one (``document_type``)
MINCHO_BODY_SHARE = 2 / 3


def document_type(pages: Sequence[ParsedPage]) -> tuple[float, int]:
    """The document's body size and heading face, from one pass over its glyphs.

    The body size is the size whose glyphs cover the most page area (glyph count alone
    can favour the footnote size on note-heavy chapters). The heading face is ``GOTHIC``
    where the document sets its body in a mincho face: of its glyphs in the body size
    whose font's name tells a face (``font_names.font_face``), ``MINCHO_BODY_SHARE`` or more
    are mincho. A gothic (sans) face of regular weight reads heavier than a mincho one,
    and Japanese white papers set their sub-heads so (``●国・地域別の状況`` in
    HeiseiKakuGo-W5 over HeiseiMin-W3): such a line is set as large and heavier, as a
    bold face is. ``NO_FACE`` otherwise: a document set in gothic throughout has no face
    that stands out (a mincho line reads lighter, not heavier), and neither has one
    whose fonts name no face. (The glyphs are counted by size, face and space in C, then
    the few kinds are summed, an area as count × size²: st2024-1-3's extract 8.188 →
    8.125 G instructions, callgrind.)"""
    kinds: Counter[tuple[float, int, bool]] = Counter()
    for page in pages:
        kinds.update(zip(map(SIZE, page.chars), map(FACE, page.chars),
                         map(str.isspace, map(TEXT, page.chars)), strict=True))
    area: dict[float, float] = {}
    faces: Counter[tuple[float, int]] = Counter()   # (size, face) → glyphs
    for (size, face, space), n in kinds.items():
        if not space:
            key = round(size, 1)
            area[key] = area.get(key, 0.0) + n * size * size
            faces[key, face] += n
    if not area:
        return 0.0, NO_FACE
    body_size = max(area.items(), key=lambda kv: (kv[1], kv[0]))[0]
    gothic, mincho = faces[body_size, GOTHIC], faces[body_size, MINCHO]
    told = gothic + mincho
    return body_size, GOTHIC if told and mincho >= MINCHO_BODY_SHARE * told else NO_FACE
