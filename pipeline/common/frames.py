"""Rows → typed DataFrames in the column order of ``schemas.DATASETS``; Parquet/CSV I/O.

Every stage writes through here, so types, column order and CSV bytes are the same
everywhere (UTF-8, header row, ``\\n`` line ends).

Writing is pandas' and pyarrow's own: ``Table.from_pandas`` + ``pq.write_table``
(what ``DataFrame.to_parquet`` does) and ``DataFrame.to_csv``, each to a temporary file
renamed into place (``common.files``); rows of Python values become the same table
straight as Arrow columns (``write_rows``, ``columns_table``), with no frame between.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.common.files import atomic_path, write_bytes
from pipeline.schemas import Dataset

PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                "boolean": "boolean", "date": "string"}
COMPRESSION = "zstd"
# The Arrow type each schema type is written as (``to_frame``'s pandas types, through
# ``Table.from_pandas``); validation casts to the same.
ARROW_TYPES = {"string": pa.large_string(), "date": pa.large_string(), "integer": pa.int64(),
               "number": pa.float64(), "boolean": pa.bool_()}


def to_frame(dataset: Dataset, rows: Iterable[Mapping[str, Any]] | pd.DataFrame,
             extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """A frame with the dataset's columns (plus ``extra`` ones kept as given), typed.
    ``rows`` may already be a DataFrame (it is not modified)."""
    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    for field in dataset.fields:
        if field.name not in frame.columns:
            frame[field.name] = None
    columns = dataset.columns + [c for c in extra if c in frame.columns and c not in dataset.columns]
    frame = frame[columns] if len(frame.columns) else pd.DataFrame(columns=columns)
    for field in dataset.fields:
        dtype = pd.api.types.pandas_dtype(PANDAS_TYPES[field.type])
        if frame[field.name].dtype != dtype:
            frame[field.name] = frame[field.name].astype(dtype)
    return frame.reset_index(drop=True)


def write_parquet(frame: pd.DataFrame, target: Path) -> pa.Table:
    """Write ``frame`` as Parquet, atomically; the Arrow table written. The steps of
    ``frame.to_parquet(target, index=False, compression="zstd")`` (``Table.from_pandas``,
    ``attrs`` as metadata, ``pq.write_table``), kept to return the table."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    if frame.attrs:
        table = table.replace_schema_metadata(
            {**(table.schema.metadata or {}), "PANDAS_ATTRS": json.dumps(frame.attrs)})
    return write_arrow(table, target)


def write_arrow(table: pa.Table, target: Path) -> pa.Table:
    """``table`` written as Parquet, atomically; the table. The file is made in memory
    and written at once: written to a path, Arrow writes and seeks once per column
    chunk (about 25 calls a file)."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression=COMPRESSION)
    write_bytes(target, sink.getvalue())
    return table


def write_dataset(dataset: Dataset, rows: Iterable[Mapping[str, Any]] | pd.DataFrame,
                  target: Path) -> pa.Table:
    """The rows (or frame) typed as ``dataset`` (``to_frame``) written as Parquet; the
    Arrow table written."""
    return write_parquet(to_frame(dataset, rows), target)


def write_rows(dataset: Dataset, rows: Sequence[Mapping[str, Any]], target: Path) -> pa.Table:
    """``write_dataset(dataset, rows, target)`` for rows of Python values (the
    dataset's columns; other keys are left out): the same file and table, each column
    made straight from the rows instead of through a pandas frame.

    Measured (``/tmp`` driver, best of 5): the structure stage's five datasets of the
    eight registered chapters take 6 ms this way against 105 ms through
    ``write_dataset``'s frame; writing the Parquet file costs the same both ways.

    A value Arrow will not take as its column's type (an int in a text column) sends
    the rows through ``write_dataset``, which converts it as it always has: a rule
    that makes such a value on some other document costs time, never the build."""
    try:
        table = rows_table(dataset, rows)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return write_dataset(dataset, rows, target)
    return write_arrow(table, target)


def rows_table(dataset: Dataset, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """The Arrow table ``Table.from_pandas(to_frame(dataset, rows))`` gives: a
    column per field of the dataset's Arrow type, None and NaN as null (as pandas reads
    them), a missing key as null; a value of another type raises."""
    return columns_table(dataset, {field.name: [row.get(field.name) for row in rows]
                                   for field in dataset.fields})


def columns_table(dataset: Dataset, columns: Mapping[str, Any]) -> pa.Table:
    """``rows_table`` of the dataset's columns given whole: each a list of Python values,
    a numpy array or an Arrow array (taken as it is) of the field's type."""
    arrays = [values if isinstance(values := columns[field.name], pa.Array)
              else pa.array(values, ARROW_TYPES[field.type], from_pandas=True)
              for field in dataset.fields]
    return pa.Table.from_arrays(arrays, schema=dataset_schema(dataset))


@functools.cache
def dataset_schema(dataset: Dataset) -> pa.Schema:
    """The Arrow schema ``write_dataset`` writes a dataset with, pandas' metadata
    included (what ``read_frame`` reads the column types back from). Made once per
    dataset and process: pandas' metadata costs ~1.3 ms to make, more than the
    columns of most chapters' datasets."""
    empty = pd.DataFrame({field.name: pd.array([], dtype=PANDAS_TYPES[field.type])
                          for field in dataset.fields})
    return pa.Schema.from_pandas(empty, preserve_index=False)


TypedColumn = tuple[str, str, list[Any]]   # name, pandas dtype, values


def columns_frame(columns: Sequence[TypedColumn]) -> pd.DataFrame:
    """The frame of these typed columns (a repeated name stays two columns)."""
    frame = pd.DataFrame({k: pd.array(values, dtype=dtype)
                          for k, (_, dtype, values) in enumerate(columns)})
    frame.columns = pd.Index([name for name, _, _ in columns])   # by position
    return frame


def write_csv(frame: pd.DataFrame, target: Path) -> None:
    """``frame.to_csv(target, index=False)``: UTF-8, a header row, ``\\n`` line ends;
    atomically.

    A frame of nullable types (``to_frame``'s) is formatted with ``pyarrow.compute``
    instead (``csv_bytes``), giving the same bytes (tests/test_frames.py). Measured
    (best of 15 runs): publishing st2019-2-5's datasets (16k tokens) takes
    0.15 s this way against 0.23 s with ``to_csv``, a quarter of its publish stage
    (0.32 s); st2024-1-3's 0.13 s against 0.15 s.
    """
    table = pa.Table.from_pandas(frame, preserve_index=False) if is_nullable_typed(frame) \
        else None
    if table is not None and not has_nan(table):
        write_bytes(target, csv_bytes(table))
        return
    with atomic_path(target) as tmp:
        frame.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8")


def write_table_csv(table: pa.Table, target: Path) -> None:
    """``write_csv`` of what ``read_parquet`` gives for a file holding ``table``, written
    from the Arrow table when it holds only text, integers, floats (no NaN) and booleans
    under distinct names: then its CSV text is the same whatever pandas types the columns
    come back as."""
    if table.schema.names == list(dict.fromkeys(table.schema.names)) \
            and all(is_csv_plain(t) for t in table.schema.types) and not has_nan(table):
        write_bytes(target, csv_bytes(table))
        return
    write_csv(frame_of_table(table), target)


def has_dataset_columns(schema: pa.Schema, dataset: Dataset) -> bool:
    """The schema starts with the dataset's columns, in order, each of its type: what
    ``write_dataset`` writes."""
    return len(schema) >= len(dataset.fields) and all(
        schema.field(i).name == field.name and schema.field(i).type == ARROW_TYPES[field.type]
        for i, field in enumerate(dataset.fields))


def is_csv_plain(arrow_type: pa.DataType) -> bool:
    return (pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type)
            or arrow_type == pa.int64() or arrow_type == pa.float64()
            or pa.types.is_boolean(arrow_type))


# --------------------------------------------------------------------------- CSV bytes


NULLABLE_TYPES = frozenset(PANDAS_TYPES.values())   # whose CSV text csv_fields gives


def is_nullable_typed(frame: pd.DataFrame) -> bool:
    """Distinct column names, each column of one of ``to_frame``'s nullable types."""
    return frame.columns.is_unique and all(str(dtype) in NULLABLE_TYPES
                                           for dtype in frame.dtypes)


def has_nan(table: pa.Table) -> bool:
    """Any NaN in a float column (``to_csv`` writes it otherwise than ``repr``)."""
    return any(pc.any(pc.is_nan(column)).as_py() for column in table.columns
               if pa.types.is_floating(column.type))


def csv_bytes(table: pa.Table) -> bytes:
    header = csv_row(table.column_names).encode("utf-8")
    if not table.num_rows:
        return header
    fields = [csv_fields(one_array(column)) for column in table.columns]
    if len(fields) == 1:   # csv.writer quotes a row that is one empty field
        fields = [pc.if_else(pc.equal(fields[0], ""), text_scalar('""'), fields[0])]
    lines = pc.binary_join_element_wise(*fields, text_scalar(","))
    return header + joined_bytes(lines, b"\n") + b"\n"


def one_array(column: pa.ChunkedArray) -> pa.Array:
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


def text_scalar(value: str) -> pa.Scalar:
    return pa.scalar(value, pa.large_string())


def joined_bytes(texts: pa.Array, separator: bytes) -> bytes:
    """``separator.join(texts)`` in UTF-8, without making a Python string of each text."""
    encoded = texts.cast(pa.large_binary())
    one_list = pa.LargeListArray.from_arrays(pa.array([0, len(encoded)], pa.int64()), encoded)
    data: bytes = pc.binary_join(one_list, pa.scalar(separator, pa.large_binary()))[0].as_py()
    return data


def csv_row(values: list[str]) -> str:
    """One CSV line as pandas writes it (``csv.writer``, minimal quoting, ``\\n``)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def csv_fields(column: pa.Array) -> pa.Array:
    """A column's CSV text per row as pandas writes it: NA empty, booleans ``True`` /
    ``False``, floats as ``repr``, text quoted where ``csv.writer`` would."""
    if pa.types.is_boolean(column.type):
        text = pc.if_else(column, text_scalar("True"), text_scalar("False"))
    elif pa.types.is_integer(column.type):
        text = pc.cast(column, pa.large_string())
    elif pa.types.is_floating(column.type):
        text = pa.array([None if v is None else repr(v) for v in column.to_pylist()],
                        pa.large_string())
    else:
        text = quoted_where_needed(column)
    return pc.fill_null(text, text_scalar("")) if text.null_count else text


QUOTE_CANDIDATES = ',"\r\n'   # csv.writer quotes a field only for one of these


def quoted_where_needed(column: pa.Array) -> pa.Array:
    """Text fields, with those holding a delimiter, quote or line break formatted by
    ``csv.writer`` itself (it decides which of them it quotes)."""
    if not may_hold_any(column, QUOTE_CANDIDATES):
        return column
    candidates = pc.fill_null(pc.match_substring_regex(column, f"[{QUOTE_CANDIDATES}]"), False)
    formatted = [csv_row([v])[:-1] for v in pc.filter(column, candidates).to_pylist()]
    return pc.replace_with_mask(column, candidates, pa.array(formatted, pa.large_string()))


def may_hold_any(column: pa.Array, characters: str) -> bool:
    """Whether any of ``characters`` is in the column's character data: one byte search
    over the whole buffer instead of one search per value (a slice may see a few bytes
    beyond its values, so True only means "look closer")."""
    data = column.buffers()[2]
    if data is None:
        return False
    raw = data.to_pybytes()
    return any(c.encode("utf-8") in raw for c in characters)


def read_parquet(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path, engine="pyarrow")


def read_arrow(path: Path) -> pa.Table:
    """A Parquet file as the Arrow table ``write_parquet`` returned when it wrote it."""
    with pq.ParquetFile(path) as parquet:
        return parquet.read(use_threads=False)


def parquet_rows(path: Path) -> int:
    """Rows of a Parquet file, from its footer (no data read)."""
    return int(pq.read_metadata(path).num_rows)


def frame_of_table(table: pa.Table) -> pd.DataFrame:
    """What ``read_parquet`` gives for a file holding ``table`` (pandas' reader converts
    the table it reads the same way; tested equal on every stage artefact)."""
    return table.to_pandas()


def records(frame: pd.DataFrame, columns: Sequence[str] | None = None,
            keep: Any = None) -> list[dict[str, Any]]:
    """The rows as dicts, missing values as None: what ``to_dict("records")`` gives for
    a frame of nullable types (``to_frame``'s), converted a column at a time rather than
    a value at a time: st2019-2-5's 667 paragraphs in 3.2 ms against 14 ms (best of 7);
    the tables stage reads its paragraphs and figures this way, about a fifth of its
    50 ms on that chapter. ``columns``: only those (of the ones the
    frame has); ``keep``: only the rows where this boolean array is true. Each column is
    converted and filtered on its own, cheaper than taking a sub-frame first."""
    names = list(frame.columns) if columns is None else [c for c in columns if c in frame]
    values = []
    for name in names:
        column = frame[name].to_numpy(dtype=object, na_value=None)
        values.append((column if keep is None else column[keep]).tolist())
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


# --------------------------------------------------------------------------- Arrow side


def row_groups(path: Path, columns: Sequence[str] | None = None) -> Iterator[pa.Table]:
    """A Parquet file one row group at a time (``publish.combined.combine`` writes one per
    chapter), all columns or ``columns``: memory stays that of one chapter."""
    with pq.ParquetFile(path) as source:
        for group in range(source.num_row_groups):
            yield source.read_row_group(group, columns=None if columns is None
                                        else list(columns))
