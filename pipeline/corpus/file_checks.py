"""The checks of one dataset file: its columns (types, required and allowed values,
order of start and end), its chapter column, unique ids (primary keys), foreign keys
within the chapter folder, spans that must point back into their paragraph or
footnote, where a number or date is printed, the files a ``path`` column names, and its
CSV twin (same header, same rows). Every rule comes from the schema's ``Field``s and
``Dataset``s; each check adds what it finds to the file's ``FileProblems``."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from pipeline.config import Paths
from pipeline.corpus.cell_rules import (
    Mask,
    disallowed_cells,
    has_schema_type,
    has_value_rule,
    is_numeric,
    is_text,
    missing_cells,
    not_among,
    typed_column,
)
from pipeline.corpus.problems import FileProblems
from pipeline.schemas import Dataset, Field

# (start column, end column): end must not come before start.
ORDERED_PAIRS = (("char_start", "char_end"), ("start", "end"),
                 ("period_start", "period_end"), ("start_date", "end_date"))
# Column that must equal paragraph text[start:end], per dataset.
SPAN_TEXT = {"numbers": "surface", "dates": "surface", "entities": "text", "sentences": "text"}


def check_columns(table: pa.Table, dataset: Dataset, out: FileProblems,
                  schema: pa.Schema | None = None) -> None:
    """Types, required values and allowed values, column by column; then order.
    ``table`` may hold only the ``cell_columns`` of a file with ``schema``."""
    names = (table.schema if schema is None else schema).names
    for column in names:
        if column not in dataset.columns:
            out.add("undeclared", f"column {column!r} is not in schemas.DATASETS"
                    f"[{dataset.name!r}]; declare it there with a type and an English "
                    "description", column=column, severity="warning")
    for field in dataset.fields:
        if field.name not in names:
            out.add("columns", f"column {field.name!r} is missing; the schema lists it "
                    "(re-run `make all`)", column=field.name)
        elif field.name in table.column_names:
            check_field(table, dataset, field, out)
    check_order(table, dataset, out)


def cell_columns(schema: pa.Schema, dataset: Dataset) -> list[str]:
    """The columns whose cells ``check_columns`` reads; the others have their schema
    type and no rule on their values."""
    ordered = {name for pair in ORDERED_PAIRS for name in pair}
    return [field.name for field in dataset.fields if field.name in schema.names
            and (field.required or has_value_rule(field) or field.type == "date"
                 or field.name in ordered
                 or not has_schema_type(schema.field(field.name).type, field.type))]


def check_field(table: pa.Table, dataset: Dataset, field: Field, out: FileProblems) -> None:
    """Type, required value and allowed values of one column, each broken cell named."""
    column = table.column(field.name)
    typed, bad = typed_column(column, field.type)
    if bad is not None:
        out.rows(bad, "type", field.name,
                 lambda i: f"{_show_cell(column, i)} is not of type {field.type}")
    if field.required:
        missing = missing_cells(typed)
        out.rows(missing if bad is None else pc.and_(missing, pc.invert(bad)), "required",
                 field.name, lambda i: "required value is empty")
    if has_value_rule(field):
        outside = disallowed_cells(typed, field)
        out.rows(outside if bad is None else pc.and_(outside, pc.invert(bad)), "allowed",
                 field.name, lambda i: f"{_show_cell(column, i)} is not allowed "
                 f"({_describe(field)})")


def check_order(table: pa.Table, dataset: Dataset, out: FileProblems) -> None:
    """End columns do not come before their start, where both are numbers or both text
    (ISO dates compare as text)."""
    for start, end in ORDERED_PAIRS:
        if {start, end} <= set(table.column_names) and start in dataset.columns:
            check_pair(table.column(start), table.column(end), start, end, out)


def check_pair(first: pa.ChunkedArray, last: pa.ChunkedArray, start: str, end: str,
               out: FileProblems) -> None:
    if not ((is_numeric(first.type) and is_numeric(last.type))
            or (is_text(first.type) and is_text(last.type))):
        return
    out.rows(pc.less(last, first), "order", end,
             lambda i: f"{end}={last[i].as_py()} is before {start}={first[i].as_py()}")


def _show_cell(column: pa.ChunkedArray, row: int) -> str:
    """Row ``row`` of a column as Python shows it (``<NA>`` when empty)."""
    value = column[row].as_py()
    return "<NA>" if value is None else repr(value)


def _describe(field: Field) -> str:
    parts = []
    if field.allowed:
        parts.append("one of " + ", ".join(field.allowed))
    if field.minimum is not None:
        parts.append(f"at least {field.minimum}")
    if field.maximum is not None:
        parts.append(f"at most {field.maximum}")
    return "; ".join(parts)


def check_chapter_column(table: pa.Table, chapter_id: str, out: FileProblems) -> None:
    """Every row of a chapter's file names that chapter."""
    if "chapter" not in table.column_names:
        return
    chapters = table.column("chapter")
    wrong: Mask = (pc.fill_null(pc.not_equal(chapters, chapter_id), True)
                   if is_text(chapters.type) else np.ones(len(chapters), dtype=bool))
    out.rows(wrong, "chapter", "chapter",
             lambda i: f"{_show_cell(chapters, i)} in the folder of {chapter_id}")


def check_primary_key(table: pa.Table, dataset: Dataset, out: FileProblems) -> None:
    key = list(dataset.primary_key)
    if not key or not set(key) <= set(table.column_names):
        return
    if not shares_key(table, key):
        return   # the usual case, decided without pandas
    ids = table.select(key).to_pandas()
    out.rows(ids.duplicated(keep="first"), "primary_key", key[-1],
             lambda i: f"duplicate id {tuple(ids.loc[i])!r}: ({', '.join(key)}) "
             "must be unique; two rows got the same id")


def shares_key(table: pa.Table, key: list[str]) -> bool:
    """Whether two rows have the same ``key`` values (nulls equal, as in pandas): rows
    are numbered by their distinct values, one key column after another."""
    codes, distinct = np.zeros(table.num_rows, dtype=np.int64), 1
    for name in key:
        column = pc.dictionary_encode(table.column(name).combine_chunks(),
                                      null_encoding="encode")
        pairs = codes * len(column.dictionary) + column.indices.to_numpy()
        numbered = pc.dictionary_encode(pa.array(pairs))   # back to 0…n-1: no overflow
        codes, distinct = numbered.indices.to_numpy().astype(np.int64), len(numbered.dictionary)
    return distinct < table.num_rows


def check_foreign_keys(table: pa.Table, dataset: Dataset, chapter: dict[str, pa.Table],
                       out: FileProblems) -> None:
    """Within one chapter: every non-empty reference names a row of the target dataset."""
    for column, target, target_column in dataset.foreign_keys:
        if column not in table.column_names:
            continue
        values = table.column(column)
        if not pc.any(pc.invert(pc.is_null(values, nan_is_null=True))).as_py():
            continue   # no reference at all (or no rows)
        parent = table if target == dataset.name else chapter.get(target)
        if parent is None or target_column not in parent.column_names:
            out.add("foreign_key", f"{column} refers to {target}.{target_column}, but "
                    f"{target} is not built for this chapter", column=column)
            continue
        check_references(values, parent.column(target_column), column,
                         f"{target}.{target_column}", out)


def check_references(values: pa.ChunkedArray, known: pa.ChunkedArray, column: str,
                     target: str, out: FileProblems) -> None:
    out.rows(not_among(values, known), "foreign_key", column,
             lambda i: f"{values[i].as_py()!r} is not a {target} in this chapter")


def check_spans(table: pa.Table, dataset: Dataset, chapter: dict[str, pa.Table],
                out: FileProblems) -> None:
    """``text[start:end]`` of the paragraph (of the footnote, for a row with a
    ``note_id`` and no ``para_id``) equals the row's surface/text."""
    column = SPAN_TEXT.get(dataset.name)
    paragraphs = chapter.get("paragraphs")
    needed = {"para_id", "start", "end", column or ""}
    if (column is None or paragraphs is None or not needed <= set(table.column_names)
            or table.num_rows == 0):
        return
    texts = _texts_by_id(paragraphs, "para_id")
    para_ids, starts, ends, values = (table.column(c).to_pylist()
                                      for c in ("para_id", "start", "end", column))
    note_ids = (table.column("note_id").to_pylist() if "note_id" in table.column_names
                else [None] * table.num_rows)
    notes = _texts_by_id(chapter["footnotes"], "note_id") if "footnotes" in chapter and any(
        n is not None for n in note_ids) else {}
    holders = [texts.get(p) if p is not None else notes.get(n) if n is not None else None
               for p, n in zip(para_ids, note_ids, strict=True)]
    expected = [
        h[s:e] if isinstance(h, str) and isinstance(s, int) and isinstance(e, int) else None
        for h, s, e in zip(holders, starts, ends, strict=True)]
    bad = [x is not None and x != v for x, v in zip(expected, values, strict=True)]
    out.rows(np.array(bad, dtype=bool), "span", column,
             lambda i: f"{_show_cell(table.column(column), i)} but the "
             f"{'paragraph' if para_ids[i] is not None else 'footnote'} has "
             f"{expected[i]!r} at {starts[i]}:{ends[i]}")


def _texts_by_id(table: pa.Table, key: str) -> dict[str, str]:
    return dict(zip(table.column(key).to_pylist(), table.column("text").to_pylist(),
                    strict=True))


def check_where(table: pa.Table, dataset: Dataset, out: FileProblems) -> None:
    """A number or date is printed in one place: a paragraph (``para_id``, ``where`` its
    kind) or a footnote (``note_id``, ``where = footnote``), never both or neither."""
    if not {"para_id", "note_id", "where"} <= set(table.column_names) or table.num_rows == 0:
        return
    para = pc.invert(missing_cells(table.column("para_id"))).to_numpy(zero_copy_only=False)
    note = pc.invert(missing_cells(table.column("note_id"))).to_numpy(zero_copy_only=False)
    footnote = pc.fill_null(pc.equal(table.column("where"), "footnote"), False).to_numpy(
        zero_copy_only=False)
    bad = (para == note) | (note != footnote)
    out.rows(np.asarray(bad, dtype=bool), "place", "note_id",
             lambda i: "a row needs exactly one of para_id and note_id, and where = footnote "
             "exactly when note_id is set; fix the tagging stage's rows")


def check_paths(table: pa.Table, paths: Paths, out: FileProblems) -> None:
    """A ``path`` column names files that exist (relative to the project root)."""
    if "path" not in table.column_names:
        return
    values = table.column("path").to_pylist()
    missing = [isinstance(v, str) and not (paths.root / v).exists() for v in values]
    out.rows(np.array(missing, dtype=bool), "path", "path",
             lambda i: f"{values[i]!r} does not exist")


def csv_header_and_rows(path: Path) -> tuple[list[str], int]:
    """The header of a CSV file and its number of data rows (a quoted line break stays
    in its row); only the first column is converted, so tokens take milliseconds."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    if not header:
        return header, 0
    rows = pa_csv.read_csv(
        path, parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(include_columns=header[:1],
                                              column_types={header[0]: pa.string()}))
    return header, rows.num_rows


def check_csv_twin(table: pa.Table, path: Path, out: FileProblems) -> None:
    if not path.exists():
        out.add("csv", f"{path.name} is missing beside the Parquet file; re-run `make all`")
        return
    try:
        header, rows = csv_header_and_rows(path)
    except (pa.ArrowInvalid, UnicodeDecodeError) as error:
        out.add("csv", f"{path.name} is not a readable UTF-8 CSV file ({error}); "
                "re-run `make all`")
        return
    if header != table.column_names:
        out.add("csv", f"CSV header {header} differs from the Parquet columns "
                f"{table.column_names}; re-run `make all`")
    if rows != table.num_rows:
        out.add("csv", f"CSV has {rows} rows, Parquet {table.num_rows}; re-run `make all`")

