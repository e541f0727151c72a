"""The ``table_cells`` records: every cell of every table, long form (``cell_rows``).

Each cell keeps its text as the tidy table prints it and gets the number it holds
(``values.cell_value``; none in a column of dates, ``time_columns``), its column's unit
(``column_units``), its row's indentation ``level`` (in a text table of flush labels,
what its rows say: ``text_levels.marked_levels``, ``text_levels.flush_levels``) and
``parent_row`` (``parent_rows``), the rows its row is the total of (``table_totals``)
and the columns its column is the total of (``column_totals``); a row or column headed
as a total whose figures are not the sums the table shows (``totals.differing_totals``,
``column_totals.differing_columns``) is flagged ``sum_differs``, never marked.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pipeline.tables.chapter_tables import Table
from pipeline.tables.column_totals import differing_columns, total_columns
from pipeline.tables.figure_grid import holds_figures
from pipeline.tables.text_levels import flush_levels, marked_levels
from pipeline.tables.tidy_tables import row_record
from pipeline.tables.time_points import labels_rows, time_point
from pipeline.tables.totals import (
    breakdown_ranges,
    differing_totals,
    summed_columns,
    total_breakdowns,
)
from pipeline.tables.values import (
    CellValue,
    cell_value,
    class_bound,
    head_line_unit,
    is_ratio_head,
    is_time_head,
    is_unit_line,
    line_units,
    spanned_header_unit,
)

SUM_DIFFERS = "sum_differs"   # a row or column headed as a total that does not add up


def cell_rows(tables: Sequence[Table]) -> list[dict[str, Any]]:
    """Every cell of every table, one row each (``table_cells``): its text as the tidy
    table publishes it, the number it holds (``values.cell_value``; none in a column of
    dates, ``time_columns``), the unit its
    column's header or the table's unit line names (``column_units``), its flag and
    page; the row's indentation ``level`` and ``parent_row`` (``parent_rows``), the
    rows it is the total of (``table_totals``) and the columns its column is the total
    of (``column_totals.total_columns``)."""
    return [cell for table in tables for cell in table_cells(table)]


def table_cells(table: Table) -> list[dict[str, Any]]:
    """One table's ``cell_rows``."""
    records = [row_record(table, n, row) for n, row in enumerate(table.rebuilt.rows, 1)]
    found_in = cell_values(table, records)
    units = column_units(table, found_in, records)
    summed = summed_columns(found_in, [is_ratio_head(k) for k in table.rebuilt.kinds], units)
    texts = [[str(r[name] or "") for name in table.columns] for r in records]
    labels = [row[0] if row else "" for row in texts]
    levels, totals, row_differs = row_shape(table, records, found_in, units, summed)
    parents = parent_rows(levels)
    of_columns = total_columns(table.rebuilt.kinds, labels, found_in, texts, summed)
    column_differs = differing_columns(table.rebuilt.kinds, labels, found_in, texts, summed,
                                       of_columns)
    across = [json.dumps([[table.columns[k] for k in part] for part in parts],
                         ensure_ascii=False) if parts else None for parts in of_columns]
    rows: list[dict[str, Any]] = []
    for number, (row, record, values) in enumerate(
            zip(table.rebuilt.rows, records, found_in, strict=True), 1):
        for name, unit, cell, found, sums, differs in zip(
                table.columns, units, row.cells, values, across, column_differs, strict=True):
            flags = [cell.flag] if cell.flag else []
            if row_differs[number - 1] or differs:
                flags.append(SUM_DIFFERS)
            rows.append({"chapter": table.chapter, "table_id": table.table_id,
                         "row": number, "column": name, "text": record[name],
                         "value": found.value if found else None,
                         "unit": found.unit if found else None,
                         "approx": found.approx if found else None,
                         "modifier": (found.modifier or None) if found else None,
                         "column_unit": unit or None, "flag": ";".join(flags) or None,
                         "page": record["page"], "page_index": record["page_index"],
                         "level": levels[number - 1], "parent_row": parents[number - 1],
                         "total_of": breakdown_ranges(totals[number - 1]) or None,
                         "total_of_columns": sums})
    return rows


def cell_values(table: Table, records: Sequence[dict[str, Any]]) -> list[list[CellValue | None]]:
    """Per row and column, the number the cell holds (``values.cell_value``); none in a
    column of organisations, of dates (``time_columns``) or of classes labelling the
    rows (``class_label_columns``)."""
    found_in = [[cell_value(record[name]) if record[name] and cell.column != "organisations"
                 else None for name, cell in zip(table.columns, row.cells, strict=True)]
                for record, row in zip(records, table.rebuilt.rows, strict=True)]
    labels = [str(record[table.columns[0]] or "") if table.columns else "" for record in records]
    for c in [*time_columns(table, records), *class_label_columns(found_in, labels)]:
        for values in found_in:
            values[c] = None
    return found_in


def row_shape(table: Table, records: Sequence[dict[str, Any]],
              values: Sequence[Sequence[CellValue | None]], units: Sequence[str],
              summed: Sequence[int]) -> tuple[list[int | None], list[list[list[int]]], list[bool]]:
    """The rows' levels, the breakdowns each row is the total of (``table_totals``) and
    whether each is a total that does not add up (``totals.differing_totals``). A text
    table of figures whose labels are all flush takes its levels from what its rows
    say: a breakdown marked (``（内訳）``: ``text_levels.marked_levels``) before its
    totals are found, a total heading its rows and parts (``うち…``) after
    (``text_levels.flush_levels``)."""
    levels: list[int | None] = [row.level for row in table.rebuilt.rows]
    texts = [[str(r[name] or "") for name in table.columns] for r in records]
    labels = [row[0] if row else "" for row in texts]
    flush_text = not table.source and holds_figures(table.rebuilt.rows)
    if flush_text:
        levels = marked_levels(labels, levels, breakdown_marked_rows(table), values, summed)
    totals = table_totals(table, values, records, units, levels)
    differs = differing_totals(labels, levels, values, texts, summed, totals)
    if flush_text:
        levels = flush_levels(labels, levels, totals, values, summed)
    return levels, totals, differs


def table_totals(table: Table, values: Sequence[Sequence[CellValue | None]],
                 records: Sequence[dict[str, Any]], units: Sequence[str],
                 levels: Sequence[int | None]) -> list[list[list[int]]]:
    """Per row, the breakdowns (rows, 0-based) its figures are the totals of, or none
    (``totals.total_breakdowns``: by the rows set under it or the total its label names,
    and the sums); where the rows are labelled in two columns, the first merged down
    over groups (``男性`` over ``計``, ``正規``, ``非正規``), also within each group by the
    second column's labels (``label_groups``)."""
    if not table.columns or not records:
        return [[] for _ in records]
    texts = [[str(r[name] or "") for name in table.columns] for r in records]
    summed = summed_columns(values, [is_ratio_head(k) for k in table.rebuilt.kinds], units)
    found = total_breakdowns([row[0] for row in texts], levels, values, texts, summed)
    for group in label_groups(table, values, texts):
        within = total_breakdowns([texts[i][1] for i in group], [None] * len(group),
                                  [values[i] for i in group], [texts[i] for i in group],
                                  summed)
        for i, rows in zip(group, within, strict=True):
            if rows and not found[i]:
                found[i] = [[group[k] for k in part] for part in rows]
    return found


def breakdown_marked_rows(table: Table) -> list[int]:
    """The rows (0-based) right under a line set aside as marking a breakdown
    (``（内訳）``: a ``breakdown_mark`` leftover), by source line."""
    starts = [row.lines[0].line_start if row.lines else None for row in table.rebuilt.rows]
    found = []
    for leftover in table.rebuilt.leftovers:
        if leftover.reason != "breakdown_mark":
            continue
        after = [r for r, start in enumerate(starts)
                 if start is not None and start > leftover.line.line_start]
        if after:
            found.append(after[0])
    return found


def label_groups(table: Table, values: Sequence[Sequence[CellValue | None]],
                 texts: Sequence[Sequence[str]]) -> list[list[int]]:
    """Groups of rows (0-based) under one label of the first column merged down over
    them (its cell flagged ``merged`` in every row of the group but the first), where
    the second column labels the rows too (text and no figure in any row); three rows a
    group at least. None in a table labelled in one column."""
    if len(table.columns) < 3 or any(row[1] is not None for row in values) \
            or not all(row[1].strip() for row in texts):
        return []
    groups: list[list[int]] = []
    for i, row in enumerate(table.rebuilt.rows):
        if i and row.cells[0].flag == "merged" and groups:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [g for g in groups if len(g) >= 3]


def parent_rows(levels: Sequence[int | None]) -> list[int | None]:
    """Per row (numbered from 1), the row it is a sub-category of: the nearest row above
    it at a lower level (``総数`` for ``　男性``); None at level 0, with no level, or where
    a row with no level stands between."""
    parents: list[int | None] = []
    for i, level in enumerate(levels):
        found = None
        for k in range(i - 1, -1, -1):
            above = levels[k]
            if level is None or not level or above is None:
                break
            if above < level:
                found = k + 1
                break
        parents.append(found)
    return parents


def time_columns(table: Table, records: Sequence[dict[str, Any]]) -> list[int]:
    """The columns whose cells are dates, not quantities: the first, when its years run
    in order down it and label the rows (``time_points.labels_rows``), and any whose
    head names a time (``発表年``: ``values.is_time_head``; not a point in time itself,
    ``2020年度``, which heads figures of that year) and whose every cell that is not
    blank is a year or month (``2018``)."""
    found = []
    for c, (kind, name) in enumerate(zip(table.rebuilt.kinds, table.columns, strict=True)):
        texts = [str(r[name] or "") for r in records]
        filled = [t for t in texts if t.strip()]
        heads_series = time_point(kind.split("／")[-1]) is not None   # 2020年度: figures
        if (c == 0 and labels_rows(texts)) or (
                filled and is_time_head(kind) and not heads_series
                and all(time_point(t) for t in filled)):
            found.append(c)
    return found


MIN_CLASS_ROWS = 3     # classes labelled by a quantity running in order down the rows


def class_label_columns(values: Sequence[Sequence[CellValue | None]],
                        labels: Sequence[str]) -> list[int]:
    """The first column when it labels the rows by classes of a quantity (``0歳``,
    ``1歳``, ``2歳`` …; ``15～24歳`` … ``65歳以上``; ``1位``, ``2位``: ``values.class_bound``):
    ``MIN_CLASS_ROWS`` such labels at least, all in one unit, each lower bound larger
    than the one above, the other labels words with no figure (a total, ``総数``, over
    them); such labels name a class, no quantity of the table (``labels``: the first
    column's text)."""
    column = [row[0] if row else None for row in values]
    bounds = []
    for value, label in zip(column, labels, strict=True):
        bound = class_bound(value, label)
        if bound is None and (value is not None or any(ch.isdigit() for ch in label)):
            return []          # a figure that names no class: a column of quantities
        if bound is not None:
            bounds.append(bound)
    units = {unit for _, unit in bounds}
    ordered = all(a < b for (a, _), (b, _) in zip(bounds, bounds[1:], strict=False))
    return [0] if len(bounds) >= MIN_CLASS_ROWS and len(units) == 1 and ordered else []


def column_units(table: Table, values: Sequence[Sequence[CellValue | None]],
                 records: Sequence[dict[str, Any]]) -> list[str]:
    """Each column's unit: the one its header prints in brackets (``header_unit``; under
    spanning heads, the nearest that prints one: ``spanned_header_unit``), else
    the one unit of the table's unit line (``（単位：億円）``, read beside a PDF table, or
    in a text source the note or caption title that is one, ``text_unit_lines``:
    ``line_units``) for a column of plain figures, none of them a year (a column of
    ``2019``, ``2020`` labels rows) and its head no rate or ratio (``is_ratio_head``);
    of a line of an amount and ``%`` (``（単位：円、％）``), the amount's for such a
    column and ``%`` for one whose head names a rate or ratio; of a line of two
    amounts of unlike kinds (``（単位：千t、億円）``), the one whose kind the head names
    (``産出額`` → ``億円``: ``head_line_unit``); else none. A head that is a unit line itself (``（単位：億円）`` over the row labels)
    is the table's unit line, not its column's unit."""
    units = [spanned_header_unit(kind) for kind in table.rebuilt.kinds]
    in_head = [c for c, kind in enumerate(table.rebuilt.kinds) if is_unit_line(kind)]
    line_text = (str(table.source.get("unit_line") or table.unit_line or "")
                 or (table.rebuilt.kinds[in_head[0]] if len(in_head) == 1 else ""))
    amounts, rates = line_units(line_text)
    for c, (kind, name) in enumerate(zip(table.rebuilt.kinds, table.columns, strict=True)):
        found = [(value, str(record[name]))
                 for row, record in zip(values, records, strict=True)
                 if (value := row[c]) is not None]
        if c in in_head and not found:
            units[c] = ""
        line = rates if is_ratio_head(kind) else amounts or head_line_unit(kind, line_text)
        if line and (not units[c] and found
                     and all(not value.unit for value, _ in found)
                     and not all(time_point(text) for _, text in found)):
            units[c] = line
    return units
