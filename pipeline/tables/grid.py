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
  by their printed heads instead (``_holds_figures``). An award cell may span rows: a row that starts
  without one takes the award of the row above.
- ``list``: a figure that is a table in all but name (``lists.rebuild_list``).

Organisations: a cell listing several bodies is ONE row value, a tuple of names as
printed (written out as a JSON list in the ``organisations`` column); a record is
one row, so a project with six partners is one row.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import product
from typing import Any, TypeVar

from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_nfkc
from pipeline.tables import cells as ty
from pipeline.tables.time_points import runs_in_order, time_point
from pipeline.tables.values import (
    HEADER_UNIT,
    PLAIN_FIGURE,
    SPACED_MARK,
    cell_value,
    header_unit,
    is_unit_line,
)

MAX_CELL_LINES = 8        # a wrapped cell longer than this is not one cell

KINDS_FIRST = ("award", "ministry", "organisation", "title")
KINDS_MIDDLE = ("ministry", "organisation", "title")
KINDS_LAST = ("organisations", "organisation", "ministry", "title")
T = TypeVar("T")


@dataclass(frozen=True)
class Line:
    """One line of flattened table text with where it came from."""

    text: str
    line_start: int
    line_end: int
    page: str | None = None
    page_index: int | None = None
    para_id: str = ""


@dataclass(frozen=True)
class Cell:
    column: str
    values: tuple[str, ...]
    lines: tuple[Line, ...]
    confident: bool
    flag: str = ""
    carried: bool = False   # taken from the row above (a cell spanning rows)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    level: int | None = None    # the indentation of its label (PDF tables), if measured

    @property
    def lines(self) -> tuple[Line, ...]:
        """The row's own source lines (not those of a cell carried from above)."""
        own = {(ln.page_index, ln.line_start, ln.line_end): ln
               for c in self.cells if not c.carried for ln in c.lines}
        return tuple(sorted(own.values(), key=lambda ln: (ln.page_index or 0, ln.line_start)))

    @property
    def confidence(self) -> float:
        return sum(c.confident for c in self.cells) / len(self.cells) if self.cells else 0.0

    @property
    def flags(self) -> list[str]:
        return [f"{c.column}:{c.flag}" for c in self.cells if c.flag]


@dataclass(frozen=True)
class Leftover:
    line: Line
    reason: str


@dataclass(frozen=True)
class Rebuilt:
    layout: str
    kinds: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    leftovers: tuple[Leftover, ...] = field(default_factory=tuple)

    @property
    def quality(self) -> float:
        return sum(r.confidence == 1.0 for r in self.rows) / len(self.rows) if self.rows else 0.0


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


def is_running_text(text: str) -> bool:
    """A line of running text, no table line: it ends a sentence (``。``) after
    hiragana (``…回復しつつある。``)."""
    text = text.strip()
    return text.endswith("。") and ty.has_hiragana(text)


def _outside_reason(text: str) -> str:
    """Why a line before a grid's header or after its last row is none of its rows:
    ``running_text`` (``is_running_text``), ``unit_line`` (``（単位：万人）``, the
    table's unit line, ``values.is_unit_line``); empty for a line of the table."""
    return ("running_text" if is_running_text(text)
            else "unit_line" if is_unit_line(text) else "")


def _after_rows(lines: Sequence[Line]) -> bool:
    """The last of ``lines`` (a header, rows, …) is no row: a unit line, or a line of
    running text of one piece under rows each printed on a line of several pieces
    (in a table of a cell a line it may be a cell's last line: ``…を支援する。``)."""
    reason = _outside_reason(lines[-1].text)
    return reason == "unit_line" or (
        reason == "running_text" and len(split_cells(lines[-1].text)) == 1
        and len(lines) > 2 and all(len(split_cells(ln.text)) >= 2 for ln in lines[:-1]))


def rebuild_grid(lines: Sequence[Line], figures_only: bool = False) -> Rebuilt | None:
    """Rows of a flattened table whose first line is its header row; None without one.
    Lines of running text (``is_running_text``) before the header or after the last
    row (``_after_rows``), which the structure stage can leave with a table's text, and
    a unit line printed there, are set aside (``_outside_reason``). ``figures_only``: a table of
    figures alone (``rebuild_figure_grid``), as a figure's text may print one."""
    head = 0
    while head < len(lines) and _outside_reason(lines[head].text):
        head += 1
    foot = len(lines)
    while foot > head and _after_rows(lines[head:foot]):
        foot -= 1
    aside = [Leftover(ln, _outside_reason(ln.text)) for ln in (*lines[:head], *lines[foot:])]
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
    if any(_holds_row_pieces(c) for r in best.rows for c in r.cells):
        return None
    kinds = best.kinds
    if _holds_figures(best.rows):
        if _is_series(headers):
            return None   # years alone head no column of labels: one head too few
        kinds = tuple(headers)
    return Rebuilt("grid", kinds, tuple(headers), tuple(best.rows),
                   (*aside, *best.leftovers))


# --------------------------------------------------------------------------- figure tables


def split_cells(text: str) -> list[str]:
    """A line's cells: between tabs where it has one (an empty cell kept: ``水稲\t7,765\t\t
    7,269``), else between runs of white space (full-width spaces too)."""
    if "\t" in text:
        return [part.strip() for part in text.strip("\n").split("\t")]
    return text.split()


@cache
def _blank_marks() -> frozenset[str]:
    return frozenset(fold_nfkc(w) for w in word_list("table_blank_marks"))


def is_plain_figure(text: str) -> bool:
    """A figure with no unit (``6,750``, ``△2.7``) as ``values.cell_value`` reads it."""
    return bool(PLAIN_FIGURE.match(SPACED_MARK.sub(r"\1", fold_nfkc(text).strip())))


def is_figure_cell(text: str) -> bool:
    """A cell of a table of figures: a plain figure, blank, or a mark for no figure
    (``－``, ``…``, ``x``: ``table_blank_marks.tsv``)."""
    folded = fold_nfkc(text).strip()
    return not folded or folded in _blank_marks() or is_plain_figure(folded)


def _figure_row(parts: Sequence[str], n_figures: int) -> list[str] | None:
    """A label then ``n_figures`` figure cells (``is_figure_cell``): the label's pieces
    joined (``その他の 世帯`` → ``その他の世帯``), none of them a figure; None otherwise."""
    parts = _signs_joined(parts)
    if len(parts) <= n_figures:
        return None
    label, cells = parts[:len(parts) - n_figures], parts[len(parts) - n_figures:]
    if not all(is_figure_cell(c) for c in cells) or not any(is_plain_figure(c) for c in cells) \
            or any(is_figure_cell(piece) for piece in label):
        return None
    return [ty.join_fragments(list(label)), *cells]


def _signs_joined(parts: Sequence[str]) -> list[str]:
    """Pieces with a minus sign set apart from its figure for alignment (``△ 2.7``,
    ``values.SPACED_MARK``) joined to it: one cell."""
    joined: list[str] = []
    for piece in parts:
        before = joined[-1] if joined else ""
        mark = SPACED_MARK.match(fold_nfkc(f"{before} {piece}")) if before else None
        if mark is not None and mark.end() == len(fold_nfkc(before)) + 1:
            joined[-1] = before + piece
        else:
            joined.append(piece)
    return joined


def _figure_cell(head: str, line: Line, text: str) -> Cell:
    """A cell of a table of figures: as printed, sure unless blank (no kind to bear out:
    a label that reads as a name, ``北海道``, is no title holding one)."""
    return Cell(head, (text,), (line,), bool(text), "" if text else "empty")


def _heads_no_figures(headers: Sequence[str]) -> bool:
    """No head is a figure, but for bare years running in order (``2019 2020 2021``:
    ``time_points.runs_in_order``), which head a series."""
    figures = [h for h in headers if h.strip() and is_figure_cell(h)]
    points = [time_point(h) for h in figures]
    return not figures or (all(points) and runs_in_order([p for p in points if p]))


def _is_series(headers: Sequence[str]) -> bool:
    """The heads are years (or months) alone, running in order: they head figures, none
    of them the labels."""
    points = [time_point(h) for h in headers]
    return all(points) and runs_in_order([p for p in points if p])


def rebuild_figure_grid(headers: Sequence[str], body: Sequence[Line]) -> Rebuilt | None:
    """A table of figures printed a row a line: every line (the header's repeats aside)
    is a label and as many figure cells as the header has heads after its first
    (``区分 2020年 2021年`` over ``その他の 世帯 1,200 1,250``: the label's pieces
    joined), or as it has heads when the header is years alone running in order, which
    head no labels (``2019年 2020年 2021年`` over ``総数 6,750 6,710 6,713``: the
    labels' column is named ``列1``, as a blank head of a PDF table; other heads are
    never shifted one column right, which could name every figure wrong). Each line is one row, its columns
    named by the printed heads; None when any line is not such a row (the search of
    ``rebuild_grid`` reads it then)."""
    repeats = [split_cells(ln.text) == list(headers) for ln in body]
    rows = [ln for ln, repeat in zip(body, repeats, strict=True) if not repeat]
    if not rows or not _heads_no_figures(headers):
        return None
    heads = ["列1", *headers] if _is_series(headers) else list(headers)
    cells = [_figure_row(split_cells(ln.text), len(heads) - 1) for ln in rows]
    if len(heads) < 2 or any(c is None for c in cells):
        return None
    built = [Row(tuple(_figure_cell(head, ln, text) for head, text in zip(heads, row,
                                                                          strict=True)))
             for ln, row in zip(rows, cells, strict=True) if row is not None]
    aside = [Leftover(ln, "header_repeat") for ln, repeat in zip(body, repeats, strict=True)
             if repeat]
    return Rebuilt("grid", tuple(heads), tuple(heads), tuple(built), tuple(aside))


def unit_row_heads(headers: Sequence[str], text: str) -> list[str] | None:
    """The heads with the units of a row of units printed under them joined
    (``男性 女性 構成比`` over ``（人） （人） （％）`` → ``男性（人）``…, so that each
    column has its unit as a head printing one in brackets does); the row is a unit
    per head after the labels' (or per head), each in brackets, or bare after a first
    piece ``単位``. None when ``text`` is no such row."""
    pieces = split_cells(text)
    if pieces and re.sub(r"[()（）\s]", "", fold_nfkc(pieces[0])) == "単位":
        units = [f"（{p}）" for p in pieces[1:]]
    else:
        units = list(pieces)
    if not units or not all(header_unit(u) and not HEADER_UNIT.sub("", fold_nfkc(u)).strip()
                            for u in units):
        return None
    if len(units) == len(headers) - 1:
        return [headers[0], *(f"{h}{u}" for h, u in zip(headers[1:], units, strict=True))]
    if len(units) == len(headers):
        return [f"{h}{u}" for h, u in zip(headers, units, strict=True)]
    return None


def spanning_heads(top: Sequence[str], body: Sequence[Line]) -> list[str] | None:
    """The heads of a header printed on two lines (``区分 男性 女性`` over ``実数 構成比
    実数 構成比``): each head of the first line after the one over the labels (or every
    head, when none is over them) spans an equal share of the second line's heads,
    named ``男性／実数`` as a PDF table's spanning heads are; the labels' head first
    (``列1`` when none: a first line of years alone, ``2020年 2021年``). None when the second line is no header line or does not share
    out evenly (two shares at least)."""
    if not body:
        return None
    sub = ty.header_cells(body[0].text)
    if sub is None or any(is_figure_cell(h) for h in sub):
        return None
    over_labels = not all(time_point(h) for h in top)   # years alone head no labels
    for label, spans in ((([top[0]], list(top[1:])),) if over_labels else ()) + (
            (["列1"], list(top)),):
        if spans and len(sub) % len(spans) == 0 and len(sub) // len(spans) >= 2:
            share = len(sub) // len(spans)
            return [*label, *(f"{spans[i // share]}／{head}" for i, head in enumerate(sub))]
    return None


def _holds_row_pieces(cell: Cell) -> bool:
    """A cell the search read holds a line of a label and figures set apart by spaces
    (``男性 60``, ``総数 100 110 120``, ``100 110``): pieces of a row of figures that did not fit
    the header, so the reading of the table is wrong and it is not published."""
    return any(len(pieces := split_cells(ln)) >= 2 and any(map(is_plain_figure, pieces))
               for ln in cell.values)


def _holds_figures(rows: Sequence[Row]) -> bool:
    """A column after the first holds figures alone (``6,750``, ``△2.7``: every cell that
    is not blank is one, ``values.cell_value``): a statistical table, whose columns are
    named by their printed heads (``2021年``, ``構成比``) rather than by a kind of
    name, so that the heads' units, rates and years are read as in a PDF table."""
    width = min((len(r.cells) for r in rows), default=0)
    for c in range(1, width):
        texts = [t for r in rows if (t := r.cells[c].values[0].strip())]
        if texts and all(cell_value(t) is not None for t in texts):
            return True
    return False


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
