"""Rebuild tables whose cells arrive as a flat run of text lines.

Two layouts are rebuilt, both from content alone (no row or column counts):

- ``grid``: a captioned table flattened to one cell per line (a cell wrapped over
  several lines is several lines), or a whole row on one line with its cells
  separated by spaces (when every line but the header's repeats splits into as many
  cells as the header, each line is one row, whatever its cells read as:
  ``北海道　95,300　7.5``, whose first cell reads as an organisation). A header row is detected (``cells.header_cells``) and gives
  the number of columns; its repeats after page breaks are set aside. The kind of
  each column (award, ministry, organisation, organisations, title) is chosen as the
  assignment under which the most lines fall in rows whose every cell is typed with
  confidence (``rebuild_grid``); a table with a column of figures names its columns
  by their printed heads instead (``figure_grid.holds_figures``), and a table of
  figures a row a line is read before any search (``figure_grid``). An award cell
  may span rows: a row that starts without one takes the award of the row above.
- ``list``: a figure that is a table in all but name (``lists.rebuild_list``).

Organisations: a cell listing several bodies is ONE row value, a tuple of names as
printed (written out as a JSON list in the ``organisations`` column); a record is
one row, so a project with six partners is one row.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from typing import Any, TypeVar

from pipeline.tables import cells as ty
from pipeline.tables.figure_grid import (
    after_rows,
    holds_figures,
    holds_row_pieces,
    is_series,
    outside_reason,
    rebuild_figure_grid,
    spanning_heads,
    unit_row_heads,
)
from pipeline.tables.rows import Cell, Leftover, Line, Rebuilt, Row

MAX_CELL_LINES = 8        # a wrapped cell longer than this is not one cell

KINDS_FIRST = ("award", "ministry", "organisation", "title")
KINDS_MIDDLE = ("ministry", "organisation", "title")
KINDS_LAST = ("organisations", "organisation", "ministry", "title")
T = TypeVar("T")


# --------------------------------------------------------------------------- grid tables


def type_cell(kind: str, lines: Sequence[Line], texts: Sequence[str] | None = None) -> Cell:
    """A cell of ``kind`` from its lines (or from ``texts`` cut out of one line)."""
    parts = list(texts) if texts is not None else [ln.text for ln in lines]
    joined = ty.join_fragments(parts)
    typed: ty.Typed
    if kind == "organisations":
        found = [ty.type_org_list(p) for p in parts]
        names = tuple(n for t in found if t for n in t.values)
        if all(found) and names:
            flags = {t.flag for t in found if t and t.flag}
            typed = ty.Typed(names, all(t.confident for t in found if t), ";".join(sorted(flags)))
        else:
            typed = ty.Typed(tuple(parts), False, "not_an_organisation")
    elif kind == "organisation":
        typed = ty.type_organisation(joined)
    elif kind == "ministry":
        typed = ty.type_ministry(joined)
    elif kind == "award":
        typed = ty.type_award(joined)
    else:
        typed = ty.type_title(joined, parts)
    return Cell(kind, typed.values, tuple(lines), typed.confident, typed.flag)


def missing_cell(kind: str) -> Cell:
    return Cell(kind, ("",), (), False, "missing")


@dataclass
class _GridLines:
    """The body lines of a grid table and the cells they can be read as, whatever the
    column kinds. Every kind assignment ``rebuild_grid`` tries reads the same lines, so
    each answer (where a cell of a kind starting at a line ends, how it is typed) is
    worked out once here and shared by all of them."""

    lines: Sequence[Line]
    header: str | None
    narrow: int   # a line of a narrow label column is no longer than this
    _headers: list[bool] = field(init=False)
    _n_parts: list[int] = field(init=False)   # space-separated pieces of each line
    one_row_a_line: bool = field(init=False)
    _known: dict[tuple[Any, ...], Any] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        header = self.header.split() if self.header is not None else None
        parts = [ln.text.split() for ln in self.lines]
        self._headers = [header is not None and p == header for p in parts]
        self._n_parts = [len(p) for p in parts]
        # every line not a header repeat splits into the header's cells: one row a line
        self.one_row_a_line = header is not None and len(header) >= 2 and any(
            not h for h in self._headers) and all(
            h or n == len(header) for h, n in zip(self._headers, self._n_parts, strict=True))

    def _once(self, key: tuple[Any, ...], compute: Callable[..., T], *args: Any) -> T:
        """``compute(*args)``, worked out the first time ``key`` is asked for only.
        (Most calls are repeats: the lookup comes first and no closure is made.)"""
        try:
            answer: T = self._known[key]
        except KeyError:
            answer = self._known[key] = compute(*args)
        return answer

    def n_parts(self, i: int) -> int:
        return self._n_parts[i]

    def is_header(self, i: int) -> bool:
        return self._headers[i]

    def is_org_line(self, i: int) -> bool:
        return self._once(("org_line", i), ty.is_org_line, self.lines[i].text)

    def award_end(self, i: int) -> int | None:
        return self._once(("award_end", i), self._award_end, i)

    def _award_end(self, i: int) -> int | None:
        """End of the longest run of narrow lines from ``i`` that ends in an award name;
        a line that ``find_orgs`` reads as organisations is never part of an award."""
        end = None
        k = i
        while k < len(self.lines) and k - i < MAX_CELL_LINES and not self.is_header(k) \
                and len(ty.compact(self.lines[k].text)) <= self.narrow \
                and not ty.is_org_line(self.lines[k].text, strict=True):
            if ty.is_award(ty.join_fragments([ln.text for ln in self.lines[i:k + 1]])):
                end = k + 1
            k += 1
        return end

    def org_end(self, i: int) -> int | None:
        return self._once(("org_end", i), self._org_end, i)

    def _org_end(self, i: int) -> int | None:
        """End of the shortest run from ``i`` that is one organisation, extended while
        the next line continues the name rather than being a name of its own."""
        texts = [ln.text for ln in self.lines[i:i + MAX_CELL_LINES]]
        for k in range(1, len(texts) + 1):
            if self.is_header(i + k - 1):
                return None
            head = ty.join_fragments(texts[:k])
            if ty.is_single_org(head) or ty.compact(head) in ty.HEAD_OFFICE_WORDS:
                while k < len(texts) and not ty.is_single_org(texts[k]) \
                        and ty.is_single_org(ty.join_fragments(texts[:k + 1])):
                    k += 1
                return i + k
        return None

    def starts(self, kind: str, i: int) -> bool:
        text = self.lines[i].text
        if kind == "award":
            return self.award_end(i) is not None
        if kind == "ministry":
            return ty.is_ministry(text)
        if kind == "organisation":
            return self.org_end(i) is not None
        if kind == "organisations":
            return self.is_org_line(i)
        return True

    def take(self, kind: str, i: int, next_kind: str) -> tuple[Cell, int]:
        """The cell of ``kind`` starting at line ``i`` (followed by a ``next_kind`` one)
        and the line after it."""
        return self._once(("take", kind, i, next_kind), self._take, kind, i, next_kind)

    def _take(self, kind: str, i: int, next_kind: str) -> tuple[Cell, int]:
        lines = self.lines
        if kind == "award":
            end = self.award_end(i)
            return (self.cell(kind, i, end), end) if end else (missing_cell(kind), i)
        if kind == "organisations":
            end = i
            while end < len(lines) and not self.is_header(end) and self.is_org_line(end):
                end += 1
            end = max(end, i + 1)
        elif kind == "organisation":
            end = self.org_end(i) or i + 1
        elif kind == "ministry" or next_kind == "title":
            end = i + 1
        else:
            end = i + 1
            while end < len(lines) and end - i < MAX_CELL_LINES and not self.is_header(end) \
                    and not self.starts(next_kind, end):
                end += 1
        return self.cell(kind, i, end), end

    def cell(self, kind: str, start: int, end: int) -> Cell:
        """Lines ``start`` to ``end`` (exclusive) as a cell of ``kind``."""
        return self._once(("cell", kind, start, end), type_cell, kind, self.lines[start:end])

    def one_line_cell(self, kind: str, i: int, part: int) -> Cell:
        """The ``part``-th space-separated piece of line ``i`` as a cell of ``kind``."""
        return self._once(("one_line_cell", kind, i, part), self._one_line_cell, kind, i, part)

    def _one_line_cell(self, kind: str, i: int, part: int) -> Cell:
        return type_cell(kind, [self.lines[i]], [self.lines[i].text.split()[part]])


@dataclass
class _GridParser:
    """Reads rows of cells in column order from a run of lines, for given kinds, one
    row at a time (``read_row``), so that ``rebuild_grid`` can stop reading kinds that
    can no longer win."""

    grid: _GridLines
    kinds: tuple[str, ...]
    order: int = 0   # place among the kind assignments tried: the first wins a tie
    rows: list[Row] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    covered: set[tuple[int | None, int]] = field(default_factory=set)   # ``_own_line_keys``
    next_line: int = 0

    @property
    def done(self) -> bool:
        return self.next_line >= len(self.grid.lines)

    def best_possible(self) -> tuple[float, int, int, int]:
        """The highest score the kinds can reach (every line still unread covered, no
        more rows); once ``done``, the score reached. Highest best: the share of the
        lines in rows whose every cell is typed with confidence, then fewer title
        columns, then fewer rows, then the earlier assignment."""
        n_lines = len(self.grid.lines)
        return ((len(self.covered) + n_lines - self.next_line) / max(1, n_lines),
                -self.kinds.count("title"), -len(self.rows), -self.order)

    def whole_row(self, i: int) -> Row | None:
        """A row printed on one line, its cells separated by spaces."""
        if len(self.kinds) < 2 or self.grid.n_parts(i) != len(self.kinds):
            return None
        first = self.grid.one_line_cell(self.kinds[0], i, 0)
        if not first.confident and not self.grid.one_row_a_line:
            return None
        return Row((first, *(self.grid.one_line_cell(k, i, p)
                             for p, k in enumerate(self.kinds[1:], 1))))

    def read_row(self) -> None:
        """Read the next row (or set aside the next line) from ``next_line`` on."""
        grid, i = self.grid, self.next_line
        if grid.is_header(i):
            self.leftovers.append(Leftover(grid.lines[i], "header_repeat"))
            self.next_line = i + 1
            return
        row = self.whole_row(i)
        end = i + 1
        if row is None:
            row, end = self.cells_from(i, self.rows[-1] if self.rows else None)
        if end == i:
            self.leftovers.append(Leftover(grid.lines[i], "unplaced"))
            end = i + 1
        else:
            self.rows.append(row)
            if row.confidence == 1.0:
                self.covered.update(_own_line_keys(row))
        self.next_line = end

    def cells_from(self, i: int, above: Row | None) -> tuple[Row, int]:
        cells: list[Cell] = []
        start = i
        for c, kind in enumerate(self.kinds):
            next_kind = self.kinds[(c + 1) % len(self.kinds)]
            if i >= len(self.grid.lines) or self.grid.is_header(i):
                cells.append(missing_cell(kind))
                continue
            cell, i = self.grid.take(kind, i, next_kind)
            if c == 0 and cell.flag == "missing" and above is not None:
                cell = replace(above.cells[0], carried=True)
            cells.append(cell)
        return Row(tuple(cells)), (i if i > start else start)


def _kind_assignments(n_cols: int) -> Iterator[tuple[str, ...]]:
    if n_cols == 1:
        yield from ((k,) for k in KINDS_LAST)
        return
    menus = [KINDS_FIRST] + [KINDS_MIDDLE] * (n_cols - 2) + [KINDS_LAST]
    yield from product(*menus)


def _narrow_width(lines: Sequence[Line]) -> int:
    """Lines of a narrow label column (award names wrapped in a thin first column) are
    no longer than the median line of the table."""
    lengths = sorted(len(ty.compact(ln.text)) for ln in lines)
    return lengths[len(lengths) // 2] if lengths else 0


def _own_line_keys(row: Row) -> set[tuple[int | None, int]]:
    """Where the row's own lines are (``Row.lines`` without sorting them): the lines a
    row typed with confidence covers."""
    return {(ln.page_index, ln.line_start) for c in row.cells if not c.carried
            for ln in c.lines}


def rebuild_grid(lines: Sequence[Line], figures_only: bool = False) -> Rebuilt | None:
    """Rows of a flattened table whose first line is its header row; None without one.
    Lines of running text (``is_running_text``) before the header or after the last
    row (``after_rows``), which the structure stage can leave with a table's text, and
    a unit line printed there, are set aside (``outside_reason``). ``figures_only``: a table of
    figures alone (``rebuild_figure_grid``), as a figure's text may print one."""
    head = 0
    while head < len(lines) and outside_reason(lines[head].text):
        head += 1
    foot = len(lines)
    while foot > head and after_rows(lines[head:foot]):
        foot -= 1
    aside = [Leftover(ln, outside_reason(ln.text)) for ln in (*lines[:head], *lines[foot:])]
    lines = lines[head:foot]
    if not lines:
        return None
    headers = ty.header_cells(lines[0].text)
    if headers is None:
        return None
    body = list(lines[1:])
    if body and (with_units := unit_row_heads(headers, body[0].text)) is not None:
        headers, body = with_units, body[1:]
        aside.append(Leftover(lines[1], "unit_row"))
    figures = rebuild_figure_grid(headers, body)
    if figures is None and (spanned := spanning_heads(headers, body)) is not None:
        figures = rebuild_figure_grid(spanned, body[1:])
    if figures is not None:
        return replace(figures, leftovers=(*aside, *figures.leftovers))
    if figures_only:
        return None
    narrow = _narrow_width(body)
    any_award = any(ty.is_award(ln.text) for ln in body)
    grid = _GridLines(body, lines[0].text, narrow)
    assignments = [kinds for kinds in _kind_assignments(len(headers))
                   if any_award or "award" not in kinds]
    best = _best_reading([_GridParser(grid, kinds, order)
                          for order, kinds in enumerate(assignments)])
    if any(holds_row_pieces(c) for r in best.rows for c in r.cells):
        return None
    kinds = best.kinds
    if holds_figures(best.rows):
        if is_series(headers):
            return None   # years alone head no column of labels: one head too few
        kinds = tuple(headers)
    return Rebuilt("grid", kinds, tuple(headers), tuple(best.rows),
                   (*aside, *best.leftovers))



def _best_reading(readings: Sequence[_GridParser]) -> _GridParser:
    """The reading with the highest score once read to the end (``best_possible``).

    Best first: the reading that could still score highest reads its next row, until
    the one that could is read to the end. Its score then beats every other's highest
    possible one, so most assignments are dropped after a few rows instead of being
    read to the end (which was most of the cost of ``rebuild_grid``).
    """
    queue = [(_rank(r), r.order) for r in readings]
    heapq.heapify(queue)
    while True:
        _, order = heapq.heappop(queue)
        reading = readings[order]
        if reading.done:
            return reading
        reading.read_row()
        heapq.heappush(queue, (_rank(reading), order))


def _rank(reading: _GridParser) -> tuple[float, ...]:
    """``best_possible`` negated, for a min-heap."""
    return tuple(-x for x in reading.best_possible())
