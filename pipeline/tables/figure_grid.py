"""Tables of figures printed as text, a row a line (``rebuild_figure_grid``): a label,
then one figure cell per head (``6,750``, ``△ 2.7``, ``－``, ``x``, a blank between
tabs), under a header of one line, of two (heads spanning those of the line under
them, ``男性／実数``) or with a row of units under it (``（人） （％）``); and the lines
around a text table that are none of its rows (running text, a unit line).
Statistical tables of other ministries' text sources; ``grid.rebuild_grid`` tries
this reading before its search for columns of names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_nfkc
from pipeline.tables import cells as ty
from pipeline.tables.rows import Cell, Leftover, Line, Rebuilt, Row
from pipeline.tables.time_points import runs_in_order, time_point
from pipeline.tables.values import (
    HEADER_UNIT,
    PLAIN_FIGURE,
    SPACED_MARK,
    cell_value,
    header_unit,
    is_unit_line,
)

# --------------------------------------------------------------------------- lines around


def is_running_text(text: str) -> bool:
    """A line of running text, no table line: it ends a sentence (``。``) after
    hiragana (``…回復しつつある。``)."""
    text = text.strip()
    return text.endswith("。") and ty.has_hiragana(text)


def outside_reason(text: str) -> str:
    """Why a line before a grid's header or after its last row is none of its rows:
    ``running_text`` (``is_running_text``), ``unit_line`` (``（単位：万人）``, the
    table's unit line, ``values.is_unit_line``); empty for a line of the table."""
    return ("running_text" if is_running_text(text)
            else "unit_line" if is_unit_line(text) else "")


def after_rows(lines: Sequence[Line]) -> bool:
    """The last of ``lines`` (a header, rows, …) is no row: a unit line, or a line of
    running text of one piece under rows each printed on a line of several pieces
    (in a table of a cell a line it may be a cell's last line: ``…を支援する。``)."""
    reason = outside_reason(lines[-1].text)
    return reason == "unit_line" or (
        reason == "running_text" and len(split_cells(lines[-1].text)) == 1
        and len(lines) > 2 and all(len(split_cells(ln.text)) >= 2 for ln in lines[:-1]))


# --------------------------------------------------------------------------- figure tables


def split_cells(text: str) -> list[str]:
    """A line's cells: between tabs where it has one (an empty cell kept: ``水稲\t7,765\t\t
    7,269``), else between runs of white space (full-width spaces too)."""
    if "\t" in text:
        return [part.strip() for part in text.strip("\n").split("\t")]
    return text.split()


@cache
def _breakdown_marks() -> frozenset[str]:
    return frozenset(fold_nfkc(w) for w in word_list("table_breakdown_marks"))


def is_breakdown_mark(text: str) -> bool:
    """A line that only says the rows under it break down the row above (``（内訳）``:
    ``table_breakdown_marks.tsv``)."""
    return re.sub(r"[\s()\[\]【】〔〕]", "", fold_nfkc(text)) in _breakdown_marks()


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


def is_series(headers: Sequence[str]) -> bool:
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
    named by the printed heads; a line that only marks a breakdown (``（内訳）``,
    ``is_breakdown_mark``) is set aside; None when any other line is not such a row (the
    search of ``rebuild_grid`` reads it then)."""
    marks = [is_breakdown_mark(ln.text) for ln in body]
    repeats = [split_cells(ln.text) == list(headers) for ln in body]
    rows = [ln for ln, repeat, mark in zip(body, repeats, marks, strict=True)
            if not repeat and not mark]
    if not rows or not _heads_no_figures(headers):
        return None
    heads = ["列1", *headers] if is_series(headers) else list(headers)
    cells = [_figure_row(split_cells(ln.text), len(heads) - 1) for ln in rows]
    if len(heads) < 2 or any(c is None for c in cells):
        return None
    built = [Row(tuple(_figure_cell(head, ln, text) for head, text in zip(heads, row,
                                                                          strict=True)))
             for ln, row in zip(rows, cells, strict=True) if row is not None]
    aside = [Leftover(ln, "header_repeat" if repeat else "breakdown_mark")
             for ln, repeat, mark in zip(body, repeats, marks, strict=True) if repeat or mark]
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


def holds_row_pieces(cell: Cell) -> bool:
    """A cell the search read holds a line of a label and figures set apart by spaces
    (``男性 60``, ``総数 100 110 120``, ``100 110``): pieces of a row of figures that did not fit
    the header, so the reading of the table is wrong and it is not published."""
    return any(len(pieces := split_cells(ln)) >= 2 and any(map(is_plain_figure, pieces))
               for ln in cell.values)


def holds_figures(rows: Sequence[Row]) -> bool:
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
