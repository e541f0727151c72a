"""Tables ruled across only: a rule above the header, one under it, one at the foot (or
one under every row), and no rule down.

White papers print many tables so; pdfplumber's finder needs rules down (``lines``) or
words lined up under each other (``text``), and neither reads them: on a table of
right-aligned figures under centred heads, its ``text`` columns between the rules drop
the header row and the last row, and under a caption shift the header by a column (the
heads do not line up with the figures). So the columns are measured here, on the data
rows, and each head goes to the column it overlaps most.

``hrule_stacks`` (three or more rules of about the same ends, one above another, no rule
down among them) → ``stack_to_table`` (text lines between the rules in at least three
column positions, or in two under a one-line header over both: ``column_spans``, or
parted by a narrower gap in a dense table with a head per column: ``dense_columns``;
rows from the rules, or one per line; each word to the column it overlaps most; a header
read as two rows where a short rule under a head spans columns, or a head is centred
over two: ``split_header``) → a
``HRuleTable`` of cell boxes and glyphs that ``tables.find_page_tables`` reads like a
ruled table's.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import statistics
from collections.abc import Sequence
from typing import Any, NamedTuple

from pipeline.common.note_openings import opens_note
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.glyph_index import GlyphIndex
from pipeline.extract.pdf.hrule_headers import (
    BBox,
    centred_spans,
    header_spans,
    split_header,
    split_words,
    widened_box,
    word_column,
)


class HRule(NamedTuple):
    """A rule across, in points from the page's top-left."""

    y: float
    x0: float
    x1: float


class HRuleTable(NamedTuple):
    """A table found between rules across: per row, per column, its box and its glyphs;
    ``xs`` the column borders (left edge, midpoints of the gaps, right edge);
    ``unsure_rows`` the rows read one per printed line that may be a wrapped line of
    the row above (no rule between rows tells)."""

    bbox: BBox
    grid: list[list[BBox | None]]
    cells: list[list[list[Char] | None]]
    xs: list[float]
    unsure_rows: list[int]
    unit_line: str = ""         # printed in the header band over the heads (head_unit_line)


class HRuleSettings(NamedTuple):
    """The thresholds of the finder (``TableFinderSettings`` holds and checks them)."""

    end_tolerance: float      # pt: rules whose ends differ by less stand in one stack
    column_gap: float         # em: a wider gap shared by the data rows parts columns
    min_columns: int          # fewer column positions: not a table
    snap: float               # pt: rules closer than this across are one
    rule_max_thickness: float  # pt: a rule down must be longer than this
    line_overlap: float       # share of glyph height two glyphs overlap on a line


# --------------------------------------------------------------------------- rules


def edges_to_hrules(edges: Sequence[dict[str, Any]], origin: tuple[float, float],
                    settings: HRuleSettings) -> list[HRule]:
    """The rules across among pdfplumber's edges, top to bottom, in page coordinates;
    edges within ``snap`` of each other that overlap are one rule (a thin filled
    rectangle gives two edges)."""
    found: list[HRule] = []
    for e in sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: e["top"]):
        y, x0, x1 = e["top"] - origin[1], e["x0"] - origin[0], e["x1"] - origin[0]
        if x1 - x0 <= 4 * settings.end_tolerance:
            continue        # a tick or a rectangle's short side, not a table's rule
        k = len(found) - 1      # found is top to bottom: only the last few are near
        while k >= 0 and not (y - found[k].y <= settings.snap
                              and x0 <= found[k].x1 and found[k].x0 <= x1):
            k = k - 1 if y - found[k].y <= settings.snap else -1
        if k >= 0:
            r = found[k]
            found[k] = HRule(r.y, min(r.x0, x0), max(r.x1, x1))
        else:
            found.append(HRule(y, x0, x1))
    return found


def hrule_stacks(rules: Sequence[HRule], settings: HRuleSettings) -> list[list[HRule]]:
    """Rules grouped by their ends (within ``end_tolerance``), each group top to bottom;
    groups of three or more only."""
    groups: list[list[HRule]] = []
    for rule in sorted(rules, key=lambda r: r.y):
        group = next((g for g in groups if abs(g[0].x0 - rule.x0) <= settings.end_tolerance
                      and abs(g[0].x1 - rule.x1) <= settings.end_tolerance), None)
        if group is None:
            groups.append([rule])
        else:
            group.append(rule)
    return [g for g in groups if len(g) >= 3]


def rules_down(edges: Sequence[dict[str, Any]], origin: tuple[float, float],
               settings: HRuleSettings) -> list[tuple[float, float, float]]:
    """The page's rules down, longer than a rule is thick: ``(x, top, bottom)``."""
    return [(e["x0"] - origin[0], e["top"] - origin[1], e["bottom"] - origin[1])
            for e in edges if e["orientation"] == "v"
            and e["bottom"] - e["top"] > 2 * settings.rule_max_thickness]


def split_at_rules_down(stack: Sequence[HRule], down: Sequence[tuple[float, float, float]],
                        settings: HRuleSettings) -> list[list[HRule]]:
    """A stack cut at every band that a rule down crosses (a ruled table's, a frame's:
    the ``lines`` strategy reads those); the parts of three rules or more."""
    x0, x1, snap = stack[0].x0, stack[0].x1, settings.snap
    parts = [[stack[0]]]
    for above, below in itertools.pairwise(stack):
        crossed = any(x0 - snap <= x <= x1 + snap and top < below.y - snap
                      and bottom > above.y + snap for x, top, bottom in down)
        if crossed:
            parts.append([below])
        else:
            parts[-1].append(below)
    return [p for p in parts if len(p) >= 3]


# --------------------------------------------------------------------------- columns


class GlyphsByMiddle(NamedTuple):
    """A page's printed glyphs sorted by the height of their middle, and those heights:
    each stack looks at its own band of the page, not at every glyph."""

    middles: list[float]
    glyphs: list[Char]


def glyphs_by_middle(index: GlyphIndex) -> GlyphsByMiddle:
    """The printed glyphs of the page's index (``glyph_index``, sorted once a page), in
    its order: not sorted again (st2024-1-2's extract 5,114 → 5,105 M instructions,
    callgrind)."""
    kept = [k for k, i in enumerate(index.order) if not index.chars[i].text.isspace()]
    return GlyphsByMiddle([index.middles[k] for k in kept],
                          [index.chars[index.order[k]] for k in kept])


def glyphs_between(page: GlyphsByMiddle, top: float, under: float, bottom: float,
                   x0: float, x1: float) -> tuple[list[Char], list[Char]]:
    """The printed glyphs whose centre lies between two rules (``top``, ``bottom``) and
    within their ends, in two parts: those over a rule between them (``under``; its
    height too) and those under it. The parts are cut by bisection: the glyphs are
    in order of their middles (a header's and a table's data glyphs, each tested
    once: st2024-1-1's extract 3,974 → 3,949 M instructions, callgrind)."""
    lo, hi = bisect.bisect_right(page.middles, top), bisect.bisect_left(page.middles, bottom)
    cut = min(max(bisect.bisect_right(page.middles, under), lo), hi)
    return ([c for c in page.glyphs[lo:cut] if x0 <= (c.x0 + c.x1) / 2 <= x1],
            [c for c in page.glyphs[cut:hi] if x0 <= (c.x0 + c.x1) / 2 <= x1])


X0 = operator.attrgetter("x0")


def column_spans(glyphs: Sequence[Char], gap: float) -> list[tuple[float, float]]:
    """The x spans the glyphs cover, left to right, parted by gaps wider than ``gap``
    that no glyph of any row crosses: the columns of the data rows."""
    # the open span's ends kept in two names, not a tuple made again a glyph: asked of
    # every stack of rules tried (st2024-1-1's extract 4,025 → 3,974 M instructions,
    # callgrind)
    ordered = sorted(glyphs, key=X0)
    if not ordered:
        return []
    spans: list[tuple[float, float]] = []
    start, end = ordered[0].x0, ordered[0].x1
    for char in ordered[1:]:
        if char.x0 - end <= gap:
            if char.x1 > end:
                end = char.x1
        else:
            spans.append((start, end))
            start, end = char.x0, char.x1
    spans.append((start, end))
    return spans


def column_borders(spans: Sequence[tuple[float, float]], x0: float, x1: float) -> list[float]:
    """The table's left edge, the middle of each gap between column spans, its right edge."""
    middles = [(left[1] + right[0]) / 2 for left, right in itertools.pairwise(spans)]
    return [x0, *middles, x1]


# --------------------------------------------------------------------------- rows


def band_lines(glyphs: Sequence[Char], bands: Sequence[tuple[float, float]],
               overlap: float) -> list[list[list[Char]]]:
    """Per band between two rules, its printed lines (top to bottom)."""
    # imported here: table_settings imports this module, and the cell text is read its way
    from pipeline.extract.pdf.table_cell_text import chars_to_lines

    return [chars_to_lines([c for c in glyphs if top < (c.top + c.bottom) / 2 < bottom],
                           overlap) for top, bottom in bands]


def line_to_cells(lines: Sequence[Sequence[Char]], xs: Sequence[float],
                  gap: float) -> list[list[Char]]:
    """The glyphs of one row's printed lines, per column, each word whole in the column
    it overlaps most."""
    cells: list[list[Char]] = [[] for _ in xs[1:]]
    for line in lines:
        for word in split_words(line, gap):
            cells[word_column(word, xs)] += word
    return cells


def looks_wrapped(cells: Sequence[Sequence[Char]], typical: int) -> bool:
    """A row read from one printed line that fills less than half the columns the data
    rows usually fill, or leaves the first empty: maybe a cell's second line."""
    filled = sum(bool(c) for c in cells)
    return not cells[0] or 2 * filled < typical


def band_rows(band: Sequence[list[Char]], ruled: bool, xs: Sequence[float], gap: float,
              typical: int) -> list[tuple[list[list[Char]], bool]]:
    """A data band's rows, each its printed lines and whether it is unsure. Between two
    rules of a table ruled under every row (``ruled``), a line that looks like a wrapped
    cell's (``looks_wrapped``) belongs to the row above; with no such rule to tell, each
    line is a row and such a line is flagged unsure. A band of two full lines or more
    holds several rows, whatever rules the table has elsewhere (a rule over its total
    only): there a sparse line (``うち鉄鋼業`` with one figure) is a row too."""
    sparse_lines = [looks_wrapped(line_to_cells([line], xs, gap), typical) for line in band]
    ruled = ruled and sum(not sparse for sparse in sparse_lines) <= 1
    rows: list[tuple[list[list[Char]], bool]] = []
    for line, sparse in zip(band, sparse_lines, strict=True):
        if sparse and rows and ruled:
            rows[-1][0].append(line)
        else:
            rows.append(([line], sparse and not ruled))
    return rows


def lines_box(lines: Sequence[Sequence[Char]]) -> tuple[float, float]:
    return min(c.top for ln in lines for c in ln), max(c.bottom for ln in lines for c in ln)


def cell_boxes(cells: Sequence[Sequence[Char]], xs: Sequence[float],
               top_bottom: tuple[float, float]) -> list[BBox | None]:
    """A row's cell boxes: between the column borders, widened to the glyphs of a word
    that reaches over one (a centred head), so that no glyph reads as cut."""
    return [widened_box(a, b, glyphs, *top_bottom)
            for (a, b), glyphs in zip(itertools.pairwise(xs), cells, strict=True)]


def reads_as_two_columns(spans: Sequence[tuple[float, float]],
                         lines: Sequence[Sequence[Sequence[Char]]], xs: Sequence[float],
                         gap: float) -> bool:
    """Two column positions between rules (``spans``: their x spans; ``lines``: per band,
    its printed lines; ``xs``: the column borders) are a table (a label and its figure, a
    year and its event) only with what a page's two columns of running text between
    rules lack: columns of unlike widths (a page's columns are set alike, each line filling
    its column: within a quarter of each other), a header of one printed line with a head
    over each column, two data lines at least, and no word of a data line across the
    border between the columns."""
    (a0, a1), (b0, b1) = spans
    if abs((a1 - a0) - (b1 - b0)) < 0.25 * max(a1 - a0, b1 - b0):
        return False
    header, data = lines[0], [line for band in lines[1:] for line in band]
    if len(header) != 1 or len(data) < 2 or not all(line_to_cells(header, xs, gap)):
        return False
    border = xs[1]
    return all(word[-1].x1 <= border or word[0].x0 >= border
               for line in data for word in split_words(line, gap))


DENSE_COLUMN_GAP = 0.5   # em: the gap that parts the columns of a dense table


def dense_columns(data: Sequence[Char], header: Sequence[Sequence[Char]], gap: float,
                  ) -> list[tuple[float, float]]:
    """The columns of a table set so densely that its figures stand closer than the
    usual column gap (seven columns of ``1,234,567`` an em apart): the spans of the data
    rows parted by a narrower ``gap``, when its header is one printed line of as many
    heads as that gives columns; else none."""
    if len(header) != 1:
        return []
    spans = column_spans(data, gap)
    return spans if len(split_words(header[0], gap)) == len(spans) else []


def foot_notes(data: Sequence[Char], settings: HRuleSettings) -> set[Char]:
    """The glyphs of the printed lines at the foot of a table's data that open as a note
    or source (``注：…``, ``資料：…``: ``note_openings``), with no other line under them: set
    inside the foot rule, across the columns."""
    from pipeline.extract.pdf.table_cell_text import lines_from_the_foot

    found: set[Char] = set()
    for line in lines_from_the_foot(data, settings.line_overlap):
        if not opens_note("".join(c.text for c in line)):
            break
        found.update(line)
    return found


def stack_to_table(stack: Sequence[HRule], page: GlyphsByMiddle,
                   settings: HRuleSettings, inner: Sequence[HRule] = ()) -> HRuleTable | None:
    """The table between a stack's first and last rule: the first band is the header;
    the data rows below are the bands between rules (``band_rows``: a band of several
    full lines is a row per line). None when the data rows' glyphs stand in fewer than
    ``min_columns`` column positions (running text, a heading's rule over a footnote's),
    or in two that do not read as a table's (``reads_as_two_columns``)."""
    x0, x1 = min(r.x0 for r in stack), max(r.x1 for r in stack)
    top, bottom = stack[0].y, stack[-1].y
    head, data = glyphs_between(page, top, stack[1].y, bottom, x0, x1)
    glyphs = head + data
    if not glyphs:
        return None
    size = statistics.median(c.size for c in glyphs)
    gap = settings.column_gap * size
    notes = foot_notes(data, settings)
    if notes:       # a note over the foot rule runs across the columns: not measured
        data = [c for c in data if c not in notes]
    spans = column_spans(data, gap)
    if len(spans) < max(settings.min_columns, 2):
        return None     # measured before the lines are grouped: most stacks end here
    bands = [(a.y, b.y) for a, b in itertools.pairwise(stack)]
    lines = band_lines(glyphs, bands, settings.line_overlap)
    if not lines[0]:
        return None
    unit_line = head_unit_line(lines[0])
    if unit_line:           # over the heads, inside the rules: the unit line, no head
        lines[0] = lines[0][1:]
    dense = dense_columns(data, lines[0], DENSE_COLUMN_GAP * size)
    if len(dense) > len(spans):
        spans, gap = dense, DENSE_COLUMN_GAP * size
    xs = column_borders(spans, x0, x1)
    if len(spans) == 2 and not reads_as_two_columns(spans, lines, xs, gap):
        return None
    typical = statistics.median_low([sum(bool(c) for c in line_to_cells([ln], xs, gap))
                                     for band in lines[1:] for ln in band])
    ruled = len(stack) > 3      # a rule under rows, not just under the header
    rows = [(lines[0], bands[0], False)]
    for band, (a, b) in zip(lines[1:], bands[1:], strict=True):
        parts = band_rows(band, ruled, xs, gap, typical)
        single = len(parts) == 1 and ruled
        rows += [(part, (a, b) if single else lines_box(part), unsure)
                 for part, unsure in parts]
    cells: list[list[list[Char] | None]] = [
        [[c for line in part for c in line], *([] for _ in xs[2:])]
        if notes and all(c in notes for line in part for c in line)
        else list(line_to_cells(part, xs, gap)) for part, _, _ in rows]
    grid = [cell_boxes([c or [] for c in row], xs, top_bottom)
            for row, (_, top_bottom, _) in zip(cells, rows, strict=True)]
    spans_over = header_spans([r for r in inner if stack[0].y < r.y < stack[1].y
                               and x0 - settings.snap <= r.x0 and r.x1 <= x1 + settings.snap],
                              spans)
    spans_over = spans_over or centred_spans(lines[0], xs, gap)
    shift = 0
    if spans_over:          # a head spanning columns over sub-heads: two header rows
        head_boxes, head_cells = split_header(lines[0], bands[0], spans_over, xs, gap)
        grid[:1], cells[:1], shift = head_boxes, head_cells, 1
    return HRuleTable((round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)),
                      grid, cells, [round(x, 2) for x in xs],
                      [r + shift for r, (_, _, unsure) in enumerate(rows) if unsure],
                      unit_line)


def head_unit_line(header: Sequence[Sequence[Char]]) -> str:
    """The header band's first printed line when it is a unit line and nothing else
    (``（単位：千m3）`` set flush right under the top rule, over the heads) and heads
    are printed under it; else empty."""
    # imported here: table_captions imports table_cells, which imports this module
    from pipeline.extract.pdf.table_captions import UNIT_LINE
    from pipeline.extract.pdf.table_cell_text import cell_line_to_text

    if len(header) < 2:
        return ""
    text = cell_line_to_text(header[0], 0.0).strip()
    found = UNIT_LINE.fullmatch(text)
    return found.group() if found else ""


def find_hrule_tables(edges: Sequence[dict[str, Any]], index: GlyphIndex,
                      origin: tuple[float, float], settings: HRuleSettings,
                      ) -> list[HRuleTable]:
    """The tables ruled across only on a page (its glyphs: ``index``): per stack of
    rules with the same ends and no rule down among them, the longest run of its rules
    from the top down that reads as a table (``stack_to_table``), then the next run
    below it."""
    rules = edges_to_hrules(edges, origin, settings)
    stacks = hrule_stacks(rules, settings)
    if stacks:              # most pages have none: nothing more to measure
        down = rules_down(edges, origin, settings)
        stacks = [part for s in stacks for part in split_at_rules_down(s, down, settings)]
    if not stacks:          # and on most others, the rules are a ruled table's
        return []
    page = glyphs_by_middle(index)
    found: list[HRuleTable] = []
    for stack in stacks:
        i = 0
        while i + 3 <= len(stack):
            for j in range(len(stack), i + 2, -1):
                table = stack_to_table(stack[i:j], page, settings, rules)
                if table is not None:
                    found.append(table)
                    i = j - 1
                    break
            i += 1
    return found
