"""The tidy tables: one frame per table, a row per rebuilt row.

Columns: ``chapter``, ``table_id``, ``row``, the data columns (``organisations`` is a
JSON list of names as printed), then ``page``, ``page_index``, ``line_start``,
``line_end`` (the row's own source lines), ``cell_lines`` (JSON: column → [first, last]
source line; a cell carried down from the row above keeps its own lines),
``confidence`` (share of the row's cells typed with confidence) and ``flag``
(``column:reason`` where unsure, ``;``-joined).
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from pipeline.common.frames import TypedColumn, columns_frame
from pipeline.tables.chapter_tables import Table
from pipeline.tables.rows import Row

ROW_TAIL = ("page", "page_index", "line_start", "line_end", "cell_lines", "confidence", "flag")


def row_record(table: Table, number: int, row: Row) -> dict[str, Any]:
    record: dict[str, Any] = {"chapter": table.chapter, "table_id": table.table_id,
                              "row": number}
    cell_lines = {}
    for name, cell in zip(table.columns, row.cells, strict=True):
        record[name] = (json.dumps(list(cell.values), ensure_ascii=False)
                        if cell.column == "organisations" else cell.values[0])
        if cell.lines:
            cell_lines[name] = [cell.lines[0].line_start, cell.lines[-1].line_end]
    own = row.lines
    first = own[0] if own else None
    page, page_index = (first.page, first.page_index) if first else (
        table.row_pages[number - 1] if number <= len(table.row_pages) else (None, None))
    record.update({
        "page": page,
        "page_index": page_index,
        "line_start": min((ln.line_start for ln in own), default=None),
        "line_end": max((ln.line_end for ln in own), default=None),
        "cell_lines": json.dumps(cell_lines, ensure_ascii=False),
        "confidence": round(row.confidence, 3),
        "flag": ";".join(row.flags) or None,
    })
    return record


COLUMN_TYPES = {"row": "Int64", "page_index": "Int64", "line_start": "Int64",
                "line_end": "Int64", "confidence": "Float64"}   # every other column: string


def table_columns(table: Table) -> list[TypedColumn]:
    """The tidy table as typed columns: one row per record, provenance and confidence on
    every row."""
    rows = [row_record(table, n, row) for n, row in enumerate(table.rebuilt.rows, 1)]
    return [(c, COLUMN_TYPES.get(c, "string"), [r.get(c) for r in rows])
            for c in ["chapter", "table_id", "row", *table.columns, *ROW_TAIL]]


def table_frame(table: Table) -> pd.DataFrame:
    """``table_columns`` as a frame (a repeated column name stays two columns)."""
    return columns_frame(table_columns(table))
