"""Tables stage: ``interim/structure/<ch>/`` → ``interim/tables/<ch>/``.

The pure core is ``chapter_tables.rebuild_tables`` (a chapter's tables from the lines
of each caption, ``caption_lines``, and the ruled tables found on its PDF pages; for a
text source, the white space its lines open with, which the structure stage hands on,
gives the indentation of its row labels).
``run`` reads, rebuilds and writes atomically:

- ``tables.parquet``: the index (``index_rows``), columns exactly
  ``DATASETS["tables"]``; ``columns`` lists the tidy table's data columns, ``n_cols``
  counts them;
- ``table_cells.parquet``: every cell of every table, long form
  (``cell_records.cell_rows``), with the number a cell holds;
- ``<table_id>.parquet``: one tidy table each (``tidy_tables.table_frame``);
- ``manifest.json`` last: per table its layout, column kinds, printed headers, row
  count, quality and the lines set aside (header repeats, legends) with reasons; and
  every caption that was not rebuilt, with why.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.artefacts import (
    Written,
    chapter_folder,
    read_frame,
    read_line_indents,
    read_page_tables,
)
from pipeline.config import Paths
from pipeline.errors import PipelineError
from pipeline.tables.caption_lines import source_indents
from pipeline.tables.cell_records import cell_rows
from pipeline.tables.cells import forget_typed_texts
from pipeline.tables.chapter_tables import Table, rebuild_tables
from pipeline.tables.tidy_tables import table_frame


def index_rows(tables: Sequence[Table]) -> list[dict[str, Any]]:
    return [{"chapter": t.chapter, "table_id": t.table_id, "figure_id": t.figure_id or None,
             "title": t.title, "n_rows": len(t.rebuilt.rows), "n_cols": len(t.columns),
             "columns": json.dumps(t.columns, ensure_ascii=False), "path": t.path(),
             "quality": round(t.rebuilt.quality, 3), "flag": t.flag or None,
             "continues": t.continues or None} for t in tables]


def manifest(chapter: str, tables: Sequence[Table], skipped: list[dict[str, Any]],
             unmatched: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    return {"chapter": chapter, "tables": [{
        "table_id": t.table_id, "figure_id": t.figure_id, "label": t.label,
        **({"flag": t.flag} if t.flag else {}),
        **({"continues": t.continues} if t.continues else {}),
        "layout": t.rebuilt.layout, "columns": t.columns, "headers": list(t.rebuilt.headers),
        "rows": len(t.rebuilt.rows), "quality": round(t.rebuilt.quality, 3),
        "set_aside": [{"line": o.line.line_start, "page_index": o.line.page_index,
                       "text": o.line.text, "reason": o.reason} for o in t.rebuilt.leftovers],
        **({"pdf": t.source} if t.source else {}),
    } for t in tables], "not_rebuilt": skipped, "page_tables_unmatched": list(unmatched)}


# --------------------------------------------------------------------------- run


def run(chapter_id: str, paths: Paths, written: Written | None = None) -> Written:
    """``interim/structure/<ch>/`` → ``interim/tables/<ch>/``; the Arrow tables written,
    by file."""
    from pipeline.common.files import replace_dir, write_json
    from pipeline.common.frames import write_parquet, write_rows
    from pipeline.schemas import DATASETS

    source = chapter_folder(paths, "structure", chapter_id)
    inputs = {name: source / f"{name}.parquet" for name in ("paragraphs", "figures")}
    for name, path in inputs.items():
        if not path.exists():
            raise PipelineError(f"{path}: {name} not found; run the structure stage first "
                                f"(make interim/structure/{chapter_id}/manifest.json)")
    paragraphs, figures = (read_frame(inputs[name], written)
                           for name in ("paragraphs", "figures"))
    page_tables = read_page_tables(source / "page_tables.json")
    forget_typed_texts()   # cell texts are typed afresh for each chapter
    # a text source's lines as printed: the indentation of its tables' row labels
    indents = source_indents(read_line_indents(source / "line_indents.json"))
    tables, skipped, unmatched = rebuild_tables(paragraphs, figures, page_tables, indents)
    target = chapter_folder(paths, "tables", chapter_id)
    values: dict[Path, object] = {}

    def fill(folder: Path) -> None:
        values[target / "tables.parquet"] = write_rows(DATASETS["tables"], index_rows(tables),
                                                       folder / "tables.parquet")
        values[target / "table_cells.parquet"] = write_rows(
            DATASETS["table_cells"], cell_rows(tables), folder / "table_cells.parquet")
        for table in tables:
            name = f"{table.table_id}.parquet"
            values[target / name] = write_parquet(table_frame(table), folder / name)
        write_json(folder / "manifest.json", manifest(chapter_id, tables, skipped, unmatched))

    replace_dir(target, fill)
    return values
