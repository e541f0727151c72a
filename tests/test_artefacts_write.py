"""frames.write_rows: a dataset written straight from its rows is the file and the
table ``frames.write_dataset`` makes through a pandas frame."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from pipeline.common.frames import dataset_schema, rows_table, to_frame, write_dataset, write_rows
from pipeline.schemas import DATASETS, Dataset, Field

KINDS = Dataset("kinds", "one row per thing", (
    Field("text", "string", ""), Field("day", "date", ""), Field("count", "integer", ""),
    Field("value", "number", ""), Field("flag", "boolean", "")))

ROWS: list[dict[str, Any]] = [
    {"text": "第１章　総論", "day": "2024-04-01", "count": 2**40, "value": 0.1, "flag": True},
    {"text": None, "day": None, "count": None, "value": None, "flag": None},
    {"text": "", "count": -3, "value": math.nan, "flag": False},     # a key missing, NaN
    {"text": '「""」と"引用"', "day": "", "count": 0, "value": 5, "flag": True,
     "other": "not a column"},                                       # an int as a number
]


def pandas_table(dataset: Dataset, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pandas(to_frame(dataset, rows), preserve_index=False)


@pytest.mark.parametrize("n_rows", [0, 1, 2, 4])
def test_rows_table_is_the_table_of_the_typed_frame(n_rows: int) -> None:
    made = rows_table(KINDS, ROWS[:n_rows])
    assert made.equals(pandas_table(KINDS, ROWS[:n_rows]), check_metadata=True)
    assert all(column.num_chunks == 1 for column in made.columns)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_dataset_schema_is_that_of_its_frame(name: str) -> None:
    assert dataset_schema(DATASETS[name]).equals(
        pandas_table(DATASETS[name], []).schema, check_metadata=True)


def test_write_rows_writes_the_bytes_write_dataset_writes(tmp_path: Path) -> None:
    rows = [{"chapter": "mhlw2023-1-1", "para_id": "p0001", "section_id": "h001",
             "kind": "body", "text": "令和５年度の概算要求額は33兆円である。", "page": "12",
             "page_index": 3, "char_start": 0, "char_end": 20, "line_start": 4,
             "line_end": 5, "figure_id": None, "flag": None}]
    written = write_rows(DATASETS["paragraphs"], rows, tmp_path / "a.parquet")
    expected = write_dataset(DATASETS["paragraphs"], rows, tmp_path / "b.parquet")
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    assert written.equals(expected, check_metadata=True)


def test_a_value_of_another_type_is_refused() -> None:
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        rows_table(KINDS, [{"text": "x", "count": "three"}])


def test_rows_arrow_refuses_go_through_the_frame_as_before(tmp_path: Path) -> None:
    """An int where text is due (a page number read as a number by some rule): written
    as ``write_dataset`` always wrote it, "12", not an error."""
    rows = [{"chapter": "maff2022-2-1", "para_id": "p0001", "section_id": "h001",
             "kind": "body", "text": "農業総産出額は９兆円である。", "page": 12,
             "page_index": 3, "char_start": 0, "char_end": 14, "line_start": 1,
             "line_end": 1, "figure_id": None, "flag": None}]
    written = write_rows(DATASETS["paragraphs"], rows, tmp_path / "a.parquet")
    write_dataset(DATASETS["paragraphs"], rows, tmp_path / "b.parquet")
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    assert written.column("page").to_pylist() == ["12"]
