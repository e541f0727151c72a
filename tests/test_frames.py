"""frames: the Arrow side of publishing writes the bytes the pandas round trip writes, and
so do ``write_parquet`` and ``write_rows``, which skip pandas' wrappers."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.common.frames import (
    PANDAS_TYPES,
    columns_frame,
    is_plain_column,
    read_arrow,
    read_footer,
    read_parquet,
    records,
    rewrites_unchanged,
    to_frame,
    write_columns,
    write_csv,
    write_parquet,
    write_rows,
)
from pipeline.publish.chapter import publish_file
from pipeline.schemas import DATASETS
from tests.conftest import ROOT, needs_output, structured

TEXTS = ["第１章　総論", "1,000億円", '「""」と"引用"', "改行\nあり", "復帰\rあり", "", " 前後 ", None]

COLUMNS: dict[str, pd.api.extensions.ExtensionArray] = {
    "text": pd.array(TEXTS, dtype="string"),
    "count": pd.array([0, -3, 2**40, None, 7, 1, 2, 3], dtype="Int64"),
    "value": pd.array([0.1, 1e16, -0.0, None, 6.08e10, 1 / 3, math.inf, 5e-324],
                      dtype="Float64"),
    "flag": pd.array([True, False, None, True, True, False, None, True], dtype="boolean"),
}


def pandas_round_trip(source: Path, folder: Path, name: str, dataset: str | None) -> None:
    """What publishing did before the Arrow side: read, type, write both files."""
    frame = read_parquet(source)
    if dataset is not None:
        frame = to_frame(DATASETS[dataset], frame, extra=tuple(frame.columns))
    write_parquet(frame, folder / f"{name}.parquet")
    write_csv(frame, folder / f"{name}.csv")


def published_bytes(tmp_path: Path, frame: pd.DataFrame, dataset: str | None = None,
                    ) -> tuple[dict[str, bytes], dict[str, bytes], bool]:
    source = tmp_path / "stage.parquet"
    write_parquet(frame, source)
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    pandas_round_trip(source, tmp_path / "old", "x", dataset)
    publish_file(source, tmp_path / "new", "x", DATASETS[dataset] if dataset else None)
    old, new = ({s: (tmp_path / side / f"x.{s}").read_bytes() for s in ("parquet", "csv")}
                for side in ("old", "new"))
    return old, new, rewrites_unchanged(read_arrow(source), read_footer(source))


@pytest.mark.parametrize("columns", [
    ["text"], ["count"], ["value"], ["flag"], ["text", "count", "value", "flag"],
    ["flag", "text"],
])
@pytest.mark.parametrize("n_rows", [0, 1, 8])
def test_arrow_side_writes_the_pandas_bytes(tmp_path: Path, columns: list[str],
                                            n_rows: int) -> None:
    frame = pd.DataFrame({c: COLUMNS[c][:n_rows] for c in columns})
    old, new, copied = published_bytes(tmp_path, frame)
    assert copied
    assert new == old


def test_a_stage_dataset_is_copied_and_its_csv_matches(tmp_path: Path) -> None:
    rows = [{"chapter": "c", "section_id": f"s{i}", "level": 2, "label": "１",
             "number": str(i), "title": text, "page": None, "page_index": i, "line": i}
            for i, text in enumerate(TEXTS[:-1])]
    old, new, copied = published_bytes(tmp_path, to_frame(DATASETS["sections"], rows),
                                       "sections")
    assert copied
    assert new == old


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"x": [1.0, float("nan")]}),                 # NaN: pandas reads it as NA
    pd.DataFrame({"x": [1, 2]}),                               # numpy int64, not Int64
    pd.DataFrame({"x": pd.array(["a", None], dtype="string")},
                 index=pd.Index([5, 6], name="k")).reset_index(),   # an int64 column
], ids=["nan", "numpy-int", "index-column"])
def test_other_files_take_the_pandas_way(tmp_path: Path, frame: pd.DataFrame) -> None:
    old, new, copied = published_bytes(tmp_path, frame)
    assert not copied
    assert new == old


def test_untyped_stage_dataset_is_typed_the_pandas_way(tmp_path: Path) -> None:
    """A stage file with a column out of the dataset's order is re-typed, not copied."""
    frame = to_frame(DATASETS["removed"], [{"chapter": "c", "line": 1, "text": "x",
                                            "reason": "ruby"}])
    old, new, _ = published_bytes(tmp_path, frame[list(reversed(frame.columns))], "removed")
    assert new == old


@pytest.mark.parametrize("rows", [
    [{"chapter": "c", "line": 3, "text": "本文", "page_index": None}],
    [{"chapter": "c", "line": 2**53 + 1, "text": "x"}, {"chapter": "c", "line": None}],
    [{"chapter": "c", "line": 1.0, "text": 5}],
    [],
], ids=["plain", "int-beyond-float", "floats-and-ints", "empty"])
def test_to_frame_types_rows_as_a_frame_would(rows: list[dict[str, object]]) -> None:
    dataset = DATASETS["removed"]
    general = pd.DataFrame(rows).reindex(columns=dataset.columns)
    for field in dataset.fields:
        general[field.name] = general[field.name].astype(PANDAS_TYPES[field.type])
    assert to_frame(dataset, rows).equals(general)


@pytest.mark.parametrize(("values", "pandas_type", "plain"), [
    (["第１章", None], "string", True), ([b"x"], "string", False), ([1], "string", False),
    ([1, None, 0, -2**53, 2**53], "Int64", True), ([2**53 + 1], "Int64", False),
    ([0, -2**53 - 1], "Int64", False), ([True], "Int64", False), ([1.0], "Int64", False),
    ([1, 2.5, None, 2.0**60], "Float64", True), ([0.5, -2**53 - 1], "Float64", False),
    ([False, None], "boolean", True), ([0], "boolean", False), ([], "Int64", True),
])
def test_is_plain_column(values: list[object], pandas_type: str, plain: bool) -> None:
    assert is_plain_column(values, pandas_type) is plain


def test_records_are_those_of_to_dict() -> None:
    frame = pd.DataFrame({c: COLUMNS[c] for c in COLUMNS})
    assert records(frame) == frame.to_dict("records")


def pandas_parquet_bytes(frame: pd.DataFrame) -> bytes:
    """What ``write_parquet`` wrote before: pandas' ``to_parquet``."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow", compression="zstd")
    return buffer.getvalue()


@pytest.mark.parametrize("columns", [
    ["text"], ["count"], ["value"], ["flag"], ["text", "count", "value", "flag"],
])
@pytest.mark.parametrize("n_rows", [0, 1, 8])
def test_write_parquet_writes_what_to_parquet_writes(tmp_path: Path, columns: list[str],
                                                     n_rows: int) -> None:
    frame = pd.DataFrame({c: COLUMNS[c][:n_rows] for c in columns})
    table = write_parquet(frame, tmp_path / "x.parquet")
    assert (tmp_path / "x.parquet").read_bytes() == pandas_parquet_bytes(frame)
    assert table.equals(pq.read_table(tmp_path / "x.parquet"), check_metadata=True)


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"x": [1.0, float("nan")], "y": ["a", None]}),   # numpy and object dtypes
    pd.DataFrame({"x": [1, 2]}).set_axis(["x"], axis=1).rename_axis("k"),
    pd.DataFrame({"x": pd.array(["a"], dtype="string")}).set_flags(allows_duplicate_labels=True),
], ids=["numpy", "named-index", "flags"])
def test_write_parquet_writes_what_to_parquet_writes_for_other_frames(
        tmp_path: Path, frame: pd.DataFrame) -> None:
    write_parquet(frame, tmp_path / "x.parquet")
    assert (tmp_path / "x.parquet").read_bytes() == pandas_parquet_bytes(frame)


def test_write_parquet_keeps_attrs_as_pandas_does(tmp_path: Path) -> None:
    frame = pd.DataFrame({"x": pd.array([1], dtype="Int64")})
    frame.attrs = {"source": "白書"}
    write_parquet(frame, tmp_path / "x.parquet")
    assert (tmp_path / "x.parquet").read_bytes() == pandas_parquet_bytes(frame)


def published_rows(name: str) -> list[dict[str, Any]]:
    return records(read_parquet(ROOT / "output" / f"{name}.parquet"))


def assert_rows_write_the_pandas_bytes(tmp_path: Path, name: str,
                                       rows: list[dict[str, Any]]) -> None:
    table = write_rows(DATASETS[name], rows, tmp_path / "rows.parquet")
    expected = pandas_parquet_bytes(to_frame(DATASETS[name], rows))
    assert (tmp_path / "rows.parquet").read_bytes() == expected
    assert table.equals(pq.read_table(tmp_path / "rows.parquet"), check_metadata=True)


@needs_output
@pytest.mark.parametrize("name", list(DATASETS))
def test_write_rows_writes_the_pandas_bytes_for_every_dataset(tmp_path: Path,
                                                              name: str) -> None:
    rows = published_rows(name)
    assert rows
    assert_rows_write_the_pandas_bytes(tmp_path, name, rows)
    assert_rows_write_the_pandas_bytes(tmp_path, name, rows[:1])
    assert_rows_write_the_pandas_bytes(tmp_path, name, [])
    assert_rows_write_the_pandas_bytes(tmp_path, name, [{}])   # every value missing


@pytest.mark.parametrize("name", ["sections", "paragraphs", "footnotes", "figures", "removed"])
def test_write_rows_writes_the_pandas_bytes_for_structure_rows(tmp_path: Path,
                                                               name: str) -> None:
    """The rows as the structure stage makes them, before any round trip."""
    assert_rows_write_the_pandas_bytes(tmp_path, name, list(structured("st2019-2-5").rows(name)))


@pytest.mark.parametrize("rows", [
    [{"chapter": "c", "value": 3, "approx": True, "start": 0}],       # an int in a float column
    [{"chapter": "c", "value": float("nan"), "start": None}],          # NaN is NA in pandas
    [{"chapter": "c", "value": -0.0}, {"chapter": None, "value": 1e300}],
    [{"chapter": "c", "start": 2**53 + 1}],                          # not plain: pandas way
    [{"chapter": 5}],                                                 # not plain: pandas way
], ids=["int-as-float", "nan", "signed-zero", "big-int", "int-as-text"])
def test_write_rows_writes_the_pandas_bytes_for_edge_values(
        tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    assert_rows_write_the_pandas_bytes(tmp_path, "numbers", rows)


@pytest.mark.parametrize("columns", [
    [("chapter", "string", ["c", None]), ("row", "Int64", [1, 2]),
     ("confidence", "Float64", [0.5, 1])],                              # an int as a float
    [("value", "Float64", [float("nan"), None]), ("flag", "boolean", [True, None])],
    [("row", "Int64", [2**53 + 1, None])],                              # not plain
    [("title", "string", [])],                                          # no rows
], ids=["plain", "nan-and-booleans", "big-int", "empty"])
def test_write_columns_writes_the_bytes_of_the_frame_of_the_columns(
        tmp_path: Path, columns: list[tuple[str, str, list[Any]]]) -> None:
    table = write_columns(columns, tmp_path / "direct.parquet")
    write_parquet(columns_frame(columns), tmp_path / "pandas.parquet")
    assert (tmp_path / "direct.parquet").read_bytes() == (tmp_path / "pandas.parquet").read_bytes()
    assert table.num_rows == len(columns[0][2])
    assert table.column_names == [name for name, _, _ in columns]


def test_write_columns_refuses_a_repeated_name_as_pandas_does(tmp_path: Path) -> None:
    columns = [("name", "string", ["a"]), ("name", "string", ["b"])]
    with pytest.raises(ValueError, match="Duplicate column names"):
        write_columns(columns, tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()
