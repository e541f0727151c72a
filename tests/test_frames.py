"""frames: Parquet as ``DataFrame.to_parquet`` writes it, CSV as ``DataFrame.to_csv``
writes it (the Arrow formatter of nullable-typed frames included), rows typed as a
frame of them would be, and publishing re-typing a stage file to its dataset."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.common.frames import (
    PANDAS_TYPES,
    columns_frame,
    read_parquet,
    records,
    to_frame,
    write_csv,
    write_parquet,
)
from pipeline.publish.chapter import publish_file
from pipeline.schemas import DATASETS

TEXTS = ["第１章　総論", "1,000億円", '「""」と"引用"', "改行\nあり", "復帰\rあり", "", " 前後 ", None]

COLUMNS: dict[str, pd.api.extensions.ExtensionArray] = {
    "text": pd.array(TEXTS, dtype="string"),
    "count": pd.array([0, -3, 2**40, None, 7, 1, 2, 3], dtype="Int64"),
    "value": pd.array([0.1, 1e16, -0.0, None, 6.08e10, 1 / 3, math.inf, 5e-324],
                      dtype="Float64"),
    "flag": pd.array([True, False, None, True, True, False, None, True], dtype="boolean"),
}


def pandas_csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


@pytest.mark.parametrize("columns", [
    ["text"], ["count"], ["value"], ["flag"], ["text", "count", "value", "flag"],
    ["flag", "text"],
])
@pytest.mark.parametrize("n_rows", [0, 1, 8])
def test_write_csv_writes_what_to_csv_writes(tmp_path: Path, columns: list[str],
                                             n_rows: int) -> None:
    frame = pd.DataFrame({c: COLUMNS[c][:n_rows] for c in columns})
    write_csv(frame, tmp_path / "x.csv")
    assert (tmp_path / "x.csv").read_bytes() == pandas_csv_bytes(frame)


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"x": [1.0, float("nan")]}),                 # numpy float64 with NaN
    pd.DataFrame({"x": pd.array([1.0, 0.0], dtype="Float64") / 0}),   # NaN in Float64
    pd.DataFrame({"x": [1, 2]}),                               # numpy int64, not Int64
    pd.DataFrame({"x": ["a", None]}, dtype=object),
], ids=["nan", "float64-nan", "numpy-int", "object"])
def test_write_csv_of_other_frames_is_to_csv(tmp_path: Path, frame: pd.DataFrame) -> None:
    write_csv(frame, tmp_path / "x.csv")
    assert (tmp_path / "x.csv").read_bytes() == pandas_csv_bytes(frame)


def published(tmp_path: Path, frame: pd.DataFrame, dataset: str) -> pd.DataFrame:
    """Publish ``frame`` written as a stage file; check both files are the typed frame's
    Parquet and CSV; the typed frame."""
    source = tmp_path / "stage.parquet"
    write_parquet(frame, source)
    assert publish_file(source, tmp_path, "x", DATASETS[dataset]) == len(frame)
    typed = to_frame(DATASETS[dataset], read_parquet(source), extra=tuple(frame.columns))
    assert (tmp_path / "x.parquet").read_bytes() == pandas_parquet_bytes(typed)
    assert (tmp_path / "x.csv").read_bytes() == pandas_csv_bytes(typed)
    return typed


def test_a_stage_dataset_is_published_as_its_typed_frame(tmp_path: Path) -> None:
    rows = [{"chapter": "c", "section_id": f"s{i}", "level": 2, "label": "１",
             "number": str(i), "title": text, "page": None, "page_index": i, "line": i}
            for i, text in enumerate(TEXTS[:-1])]
    typed = published(tmp_path, to_frame(DATASETS["sections"], rows), "sections")
    assert typed["title"].tolist()[:3] == TEXTS[:3]


def test_untyped_stage_dataset_is_typed_on_publishing(tmp_path: Path) -> None:
    """A stage file with its columns out of the dataset's order is re-typed."""
    frame = to_frame(DATASETS["removed"], [{"chapter": "c", "line": 1, "text": "x",
                                            "reason": "ruby"}])
    typed = published(tmp_path, frame[list(reversed(frame.columns))], "removed")
    assert list(typed.columns) == DATASETS["removed"].columns


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


def test_a_repeated_column_name_is_refused_as_pandas_does(tmp_path: Path) -> None:
    frame = columns_frame([("name", "string", ["a"]), ("name", "string", ["b"])])
    assert list(frame.columns) == ["name", "name"]
    with pytest.raises(ValueError, match="Duplicate column names"):
        write_parquet(frame, tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()
