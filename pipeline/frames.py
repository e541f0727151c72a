"""Rows → typed DataFrames in the column order of ``schemas.DATASETS``; Parquet/CSV I/O.

Every stage writes through here, so types, column order and CSV bytes are the same
everywhere (UTF-8, header row, ``\\n`` line ends).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.io import atomic_path
from pipeline.schemas import Dataset

PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                "boolean": "boolean", "date": "string"}


def to_frame(dataset: Dataset, rows: Iterable[Mapping[str, Any]] | pd.DataFrame,
             extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """A frame with the dataset's columns (plus ``extra`` ones kept as given), typed.
    ``rows`` may already be a DataFrame (it is not modified)."""
    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    for field in dataset.fields:
        if field.name not in frame.columns:
            frame[field.name] = None
    columns = dataset.columns + [c for c in extra if c in frame.columns and c not in dataset.columns]
    frame = frame[columns] if len(frame.columns) else pd.DataFrame(columns=columns)
    for field in dataset.fields:
        frame[field.name] = frame[field.name].astype(PANDAS_TYPES[field.type])
    return frame.reset_index(drop=True)


def write_parquet(frame: pd.DataFrame, target: Path) -> None:
    with atomic_path(target) as tmp:
        frame.to_parquet(tmp, index=False, engine="pyarrow", compression="zstd")


def write_csv(frame: pd.DataFrame, target: Path) -> None:
    with atomic_path(target) as tmp:
        frame.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8")


def read_parquet(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path, engine="pyarrow")
