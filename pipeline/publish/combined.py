"""The combined datasets (``output/<dataset>.parquet``: every chapter's rows) and the
notebook loaders (``pipeline.load``/``pipeline.datasets`` call ``load_dataset`` and
``list_datasets``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.common.files import write_json
from pipeline.common.frames import parquet_rows, read_parquet
from pipeline.config import Paths, load_registry, project_paths
from pipeline.errors import PipelineError
from pipeline.schemas import DATASETS, GLOSSARY

GLOBAL_DATASETS = ("glossary",)


def combine(paths: Paths) -> dict[str, int]:
    """``output/<dataset>.parquet``: every registered chapter's rows, in registry order.

    Streamed chapter by chapter (one Parquet row group each), so memory stays that of
    the largest chapter however many chapters there are.
    """
    import pyarrow.parquet as pq

    from pipeline.common.files import atomic_path

    chapters = [c.id for c in load_registry(paths)]
    counts = {}
    for name in DATASETS:
        parts = [p for c in chapters if (p := paths.output / c / f"{name}.parquet").exists()]
        if not parts:
            continue
        schema = pq.read_schema(parts[0])
        rows = 0
        with atomic_path(paths.output / f"{name}.parquet") as tmp:
            with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
                for part in parts:
                    table = pq.read_table(part).cast(schema)
                    writer.write_table(table)
                    rows += table.num_rows
        counts[name] = rows
    write_json(paths.stage_dir("publish") / "combined.json", {"rows": counts})
    return counts


CATEGORICAL = ("chapter", "kind", "label", "unit", "pos", "reason", "era", "modifier",
               "category", "english_source", "range_role", "first_chapter",
               "measure_confidence", "period_basis")


def typed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Notebook types: dates as datetimes, few-valued text columns as categoricals
    (nullable integers and booleans come typed from Parquet)."""
    fields = {f.name: f for f in (DATASETS[name].fields if name in DATASETS else GLOSSARY.fields)}
    frame = frame.copy()
    for column in frame.columns:
        field = fields.get(column)
        if field is not None and field.type == "date":
            frame[column] = pd.to_datetime(frame[column], errors="coerce", format="%Y-%m-%d")
        elif column in CATEGORICAL:
            frame[column] = frame[column].astype("category")
    return frame


def load_dataset(name: str, chapter: str | None = None, paths: Paths | None = None) -> pd.DataFrame:
    paths = paths or project_paths()
    if name not in DATASETS and name not in GLOBAL_DATASETS:
        known = ", ".join(list(DATASETS) + list(GLOBAL_DATASETS))
        raise PipelineError(f"unknown dataset {name!r}; known: {known}")
    if chapter and name in GLOBAL_DATASETS:
        frame = load_dataset(name, None, paths)
        return frame[frame["chapters"].str.contains(f'"{chapter}"', regex=False)]
    path = (paths.output / chapter / f"{name}.parquet") if chapter else \
        paths.output / f"{name}.parquet"
    if not path.exists():
        raise PipelineError(f"{path}: not built; run `make all` (or check the chapter id)")
    return typed(read_parquet(path), name)


def list_datasets(paths: Paths | None = None) -> pd.DataFrame:
    paths = paths or project_paths()
    rows = []
    for dataset in [*DATASETS.values(), GLOSSARY]:
        path = paths.output / f"{dataset.name}.parquet"
        rows.append({"dataset": dataset.name, "one_row_per": dataset.row,
                     "rows": pq_rows(path), "path": str(path.relative_to(paths.root))})
    return pd.DataFrame(rows)


def pq_rows(path: Path) -> int | None:
    """Rows of a Parquet file from its footer (no data read); None when not built."""
    return parquet_rows(path) if path.exists() else None
