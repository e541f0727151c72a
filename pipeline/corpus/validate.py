"""Check what ``make all`` wrote in ``output/`` against ``schemas.DATASETS``.

Every per-chapter Parquet file is checked for types, required values, unique ids
(primary keys), foreign keys within the chapter folder, allowed values, spans that
must point back into their paragraph, and its CSV twin (same header, same rows);
every combined ``output/<dataset>.parquet`` for its columns and its rows per chapter.

Every rule comes from the schema's ``Field``s (type, ``required``, ``allowed``,
``minimum``, ``maximum``) and ``Dataset``s (primary and foreign keys). Files are read as
Arrow tables and checked with ``pyarrow.compute``: a column whose Arrow type is its
schema type holds no cell of another type, so only its dates are parsed; a column of
another type (a broken writer) is first converted cell by cell (``typed_column``), each
cell that is not of the schema type reported. ``validate_chapter`` reads only its
chapter's folder, so it can run wherever the chapter was built.

``validate_outputs`` returns the problems; ``check`` raises ``PipelineError`` listing
them, each naming the file, dataset, row and column.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from functools import reduce
from pathlib import Path
from typing import Any, TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from pipeline.common.frames import ARROW_TYPES, parquet_rows, read_arrow, row_groups
from pipeline.config import Paths, load_registry
from pipeline.errors import PipelineError
from pipeline.schemas import DATASETS, GLOSSARY, Dataset, Field

# (start column, end column): end must not come before start.
ORDERED_PAIRS = (("char_start", "char_end"), ("start", "end"),
                 ("period_start", "period_end"), ("start_date", "end_date"))
# Column that must equal paragraph text[start:end], per dataset.
SPAN_TEXT = {"numbers": "surface", "dates": "surface", "entities": "text", "sentences": "text"}
MAX_PER_RULE = 20   # problems listed per file and rule; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One broken rule, located: file, dataset, 1-based data row and column."""

    path: str
    dataset: str
    rule: str
    message: str
    row: int | None = None
    column: str | None = None
    severity: str = "error"    # "warning": reported, does not fail ``check``

    def __str__(self) -> str:
        place = f"{self.severity}: {self.path}" if self.severity != "error" else self.path
        if self.row is not None:
            place += f" row {self.row} (CSV line {self.row + 1})"
        if self.column:
            place += f" column {self.column}"
        return f"{place} [{self.dataset}, {self.rule}]: {self.message}"


# --------------------------------------------------------------------------- one file


class _Collector:
    """Problems for one file, at most ``MAX_PER_RULE`` rows per rule and column."""

    def __init__(self, path: str, dataset: str) -> None:
        self.path, self.dataset = path, dataset
        self.problems: list[Problem] = []

    def rows(self, mask: Mask, rule: str, column: str | None,
             describe: Callable[[int], str]) -> None:
        """One problem per True row of ``mask``; ``describe(row)`` says what is wrong."""
        hits = true_rows(mask)
        for index in hits[:MAX_PER_RULE]:
            self.add(rule, describe(int(index)), row=int(index) + 1, column=column)
        if len(hits) > MAX_PER_RULE:
            self.add(rule, f"… and {len(hits) - MAX_PER_RULE} more rows like these",
                     column=column)

    def add(self, rule: str, message: str, row: int | None = None,
            column: str | None = None, severity: str = "error") -> None:
        self.problems.append(Problem(self.path, self.dataset, rule, message, row, column,
                                     severity))


def check_columns(table: pa.Table, dataset: Dataset, out: _Collector,
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


def check_field(table: pa.Table, dataset: Dataset, field: Field, out: _Collector) -> None:
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


# --------------------------------------------------------------------------- cell rules

Mask: TypeAlias = pa.Array | pa.ChunkedArray | np.ndarray

# The Arrow type a column of each schema type is converted to, and the Arrow types a
# column may already have (every cell then of the schema type; dates: text to parse).


def is_text(arrow_type: pa.DataType) -> bool:
    return bool(pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type))


def is_numeric(arrow_type: pa.DataType) -> bool:
    return bool(pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type))


def has_schema_type(arrow_type: pa.DataType, type_: str) -> bool:
    if type_ not in ARROW_TYPES:
        raise PipelineError(f"schemas: unknown field type {type_!r}; use string, integer, "
                            "number, boolean or date")
    return {"string": is_text, "date": is_text, "integer": pa.types.is_integer,
            "number": is_numeric, "boolean": pa.types.is_boolean}[type_](arrow_type)


def typed_column(column: pa.ChunkedArray, type_: str) -> tuple[pa.ChunkedArray, Mask | None]:
    """The column as its schema type, and the cells that are not of that type (None when
    there are none): converted as they are when the column has the schema's Arrow type
    (only dates are checked), cell by cell otherwise, a cell of another type as null."""
    if has_schema_type(column.type, type_):
        return column, bad_date_cells(column) if type_ == "date" else None
    values = [cell_value(v, type_) for v in column.to_pylist()]
    bad = np.array([v is NOT_OF_TYPE for v in values], dtype=bool)
    typed = pa.chunked_array([pa.array([None if v is NOT_OF_TYPE else v for v in values],
                                       ARROW_TYPES[type_])], ARROW_TYPES[type_])
    return typed, bad


NOT_OF_TYPE = object()
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def cell_value(value: Any, type_: str) -> Any:
    """One cell as a value of the frictionless ``type_``: None when empty (NaN too),
    ``NOT_OF_TYPE`` when it is not of that type. Numbers may be written as ASCII text."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if type_ in ("string", "date"):
        return value if isinstance(value, str) and (type_ == "string" or is_iso_date(value)) \
            else NOT_OF_TYPE
    if type_ == "boolean":
        return bool(value) if value in (True, False) else NOT_OF_TYPE
    if isinstance(value, str):
        if not value:
            return None
        value = float(value) if NUMBER.fullmatch(value) else NOT_OF_TYPE
    if isinstance(value, bool) or not isinstance(value, int | float):
        return NOT_OF_TYPE
    if type_ == "integer":
        return int(value) if float(value).is_integer() else NOT_OF_TYPE
    return float(value)


def is_iso_date(text: str) -> bool:
    """``YYYY-MM-DD`` in ASCII digits, a day of the calendar."""
    if not ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def bad_date_cells(column: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """Text cells that are not ISO dates (each distinct value judged once), or None."""
    wrong = [v for v in pc.unique(column).drop_null().to_pylist() if not is_iso_date(v)]
    return pc.is_in(column, value_set=pa.array(wrong, column.type)) if wrong else None


def missing_cells(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Null cells (NaN too: pandas reads it as missing), and empty strings."""
    if is_text(column.type):
        return pc.fill_null(pc.equal(column, ""), True)
    return pc.is_null(column, nan_is_null=True)


def has_value_rule(field: Field) -> bool:
    return bool(field.allowed) or field.minimum is not None or field.maximum is not None


def disallowed_cells(column: pa.ChunkedArray, field: Field) -> pa.ChunkedArray:
    """Non-empty cells outside the field's ``allowed`` values, ``minimum`` or ``maximum``."""
    outside = [pc.less(column, field.minimum)] if field.minimum is not None else []
    if field.maximum is not None:
        outside.append(pc.greater(column, field.maximum))
    if field.allowed:
        allowed = pa.array(field.allowed, type=column.type)
        outside.append(pc.invert(pc.is_in(column, value_set=allowed)))
    return pc.and_(pc.is_valid(column), reduce(pc.or_kleene, outside))


def not_among(values: pa.ChunkedArray, known: pa.ChunkedArray) -> Mask:
    """Non-empty values that are not among the non-empty ``known`` ones."""
    if values.type != known.type:   # a broken writer: compare as Python values
        found = set(known.drop_null().to_pylist())
        return np.array([v is not None and v not in found for v in values.to_pylist()],
                        dtype=bool)
    present = pc.invert(pc.is_null(values, nan_is_null=True))
    listed = pc.is_in(values, value_set=known.drop_null().combine_chunks())
    return pc.and_(present, pc.invert(listed))


def true_rows(mask: Mask) -> np.ndarray:
    """0-based positions of the True cells of a mask (a null cell counts as False)."""
    if isinstance(mask, pa.Array | pa.ChunkedArray):
        mask = (pc.fill_null(mask, False) if mask.null_count else mask).to_numpy(
            zero_copy_only=False)
    return np.flatnonzero(np.asarray(mask, dtype=bool))


# --------------------------------------------------------------------------- rows


def check_order(table: pa.Table, dataset: Dataset, out: _Collector) -> None:
    """End columns do not come before their start, where both are numbers or both text
    (ISO dates compare as text)."""
    for start, end in ORDERED_PAIRS:
        if {start, end} <= set(table.column_names) and start in dataset.columns:
            check_pair(table.column(start), table.column(end), start, end, out)


def check_pair(first: pa.ChunkedArray, last: pa.ChunkedArray, start: str, end: str,
               out: _Collector) -> None:
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


def check_chapter_column(table: pa.Table, chapter_id: str, out: _Collector) -> None:
    """Every row of a chapter's file names that chapter."""
    if "chapter" not in table.column_names:
        return
    chapters = table.column("chapter")
    wrong: Mask = (pc.fill_null(pc.not_equal(chapters, chapter_id), True)
                   if is_text(chapters.type) else np.ones(len(chapters), dtype=bool))
    out.rows(wrong, "chapter", "chapter",
             lambda i: f"{_show_cell(chapters, i)} in the folder of {chapter_id}")


def check_primary_key(table: pa.Table, dataset: Dataset, out: _Collector) -> None:
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
                       out: _Collector) -> None:
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
                     target: str, out: _Collector) -> None:
    out.rows(not_among(values, known), "foreign_key", column,
             lambda i: f"{values[i].as_py()!r} is not a {target} in this chapter")


def check_spans(table: pa.Table, dataset: Dataset, chapter: dict[str, pa.Table],
                out: _Collector) -> None:
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


def check_where(table: pa.Table, dataset: Dataset, out: _Collector) -> None:
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


def check_paths(table: pa.Table, paths: Paths, out: _Collector) -> None:
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


def check_csv_twin(table: pa.Table, path: Path, out: _Collector) -> None:
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


# --------------------------------------------------------------------------- output/


def _relative(path: Path, paths: Paths) -> str:
    try:
        return str(path.relative_to(paths.root))
    except ValueError:
        return str(path)


def validate_chapter(chapter_id: str, paths: Paths) -> list[Problem]:
    """Every problem in ``output/<chapter_id>/``; reads nothing outside that folder but
    the files a ``path`` column names."""
    folder = paths.output / chapter_id
    tables = {name: read_arrow(folder / f"{name}.parquet") for name in DATASETS
              if (folder / f"{name}.parquet").exists()}
    if "paragraphs" not in tables:
        return [Problem(_relative(folder, paths), "paragraphs", "built",
                        f"chapter {chapter_id} has no paragraphs; run `make all`")]
    problems: list[Problem] = []
    for name, table in tables.items():
        dataset = DATASETS[name]
        out = _Collector(_relative(folder / f"{name}.parquet", paths), name)
        check_columns(table, dataset, out)
        check_chapter_column(table, chapter_id, out)
        check_primary_key(table, dataset, out)
        check_foreign_keys(table, dataset, tables, out)
        check_spans(table, dataset, tables, out)
        check_where(table, dataset, out)
        check_paths(table, paths, out)
        check_csv_twin(table, folder / f"{name}.csv", out)
        problems.extend(out.problems)
    return problems


def rows_per_chapter(table: pa.Table) -> Counter[str]:
    """Rows of each chapter in ``table`` (none without a ``chapter`` column)."""
    if "chapter" not in table.column_names:
        return Counter()
    counts = pc.value_counts(table.column("chapter"))
    return Counter(dict(zip(counts.field("values").to_pylist(),
                            counts.field("counts").to_pylist(), strict=True)))


def validate_combined(chapters: list[str], paths: Paths) -> list[Problem]:
    """Combined files: the schema's columns and types, and every chapter's rows."""
    problems: list[Problem] = []
    for name, dataset in DATASETS.items():
        path = paths.output / f"{name}.parquet"
        per_chapter = {c: p for c in chapters if (p := paths.output / c / f"{name}.parquet").exists()}
        out = _Collector(_relative(path, paths), name)
        if not path.exists():
            if per_chapter:
                out.add("combined", "not built though chapters have it; run `make all`")
            problems.extend(out.problems)
            continue
        # one row group (one chapter) at a time: memory stays that of the largest chapter;
        # ids are checked per chapter, where the key is unique without `chapter` (a
        # required column, so among the cell columns read)
        schema = pq.read_schema(path)
        counts: Counter[str] = Counter()
        for group in row_groups(path, cell_columns(schema, dataset)):
            check_columns(group, dataset, out, schema)
            counts += rows_per_chapter(group)
        for chapter, part in per_chapter.items():
            expected = parquet_rows(part)
            if counts.get(chapter, 0) != expected:
                out.add("combined", f"{counts.get(chapter, 0)} rows of {chapter}, its own "
                        f"file has {expected}; re-run `make all`")
        problems.extend(out.problems)
    return problems


def validate_glossary(paths: Paths) -> list[Problem]:
    path = paths.output / f"{GLOSSARY.name}.parquet"
    if not path.exists():
        return []
    out = _Collector(_relative(path, paths), GLOSSARY.name)
    table = read_arrow(path)
    check_columns(table, GLOSSARY, out)
    check_csv_twin(table, path.with_suffix(".csv"), out)
    return out.problems


def validate_outputs(paths: Paths, skip: Collection[str] = ()) -> list[Problem]:
    """Every problem in ``output/`` for the chapters of the registry (but ``skip``, the
    chapters whose build failed); empty when sound."""
    chapters = [c.id for c in load_registry(paths) if c.id not in skip]
    problems: list[Problem] = []
    for chapter_id in chapters:
        problems.extend(validate_chapter(chapter_id, paths))
    problems.extend(validate_combined(chapters, paths))
    problems.extend(validate_glossary(paths))
    return problems


def iter_lines(problems: list[Problem], limit: int = 50) -> Iterator[str]:
    for problem in problems[:limit]:
        yield f"  {problem}"
    if len(problems) > limit:
        yield f"  … and {len(problems) - limit} more"


def check(paths: Paths, found: list[Problem] | None = None) -> None:
    """Raise ``PipelineError`` listing every problem in ``output/`` (or in ``found``,
    the result of ``validate_outputs`` when the caller already has it)."""
    found = validate_outputs(paths) if found is None else found
    problems = [p for p in found if p.severity == "error"]
    if problems:
        raise PipelineError(f"output/ failed validation with {len(problems)} problem(s):\n"
                            + "\n".join(iter_lines(problems))
                            + "\nfix the stage that writes the dataset named, then `make all`")
