"""Last stage, publish: stage artefacts → ``output/<chapter>/<dataset>.{parquet,csv}``,
the combined ``output/<dataset>.parquet``, and the notebook loaders.

Which stage produces which dataset is listed here once (``PRODUCERS``); publishing a
chapter copies every dataset its stages produced, typed by ``schemas.DATASETS``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.common.files import replace_dir, write_json
from pipeline.common.frames import (
    frame_of_table,
    parquet_rows,
    read_arrow,
    read_parquet,
    to_frame,
    write_csv,
    write_parquet,
)
from pipeline.config import Paths, load_registry, project_paths
from pipeline.errors import PipelineError
from pipeline.run.handoff import Handoff, read_through
from pipeline.schemas import DATASETS, GLOSSARY, Dataset

PRODUCERS: dict[str, tuple[str, ...]] = {
    "structure": ("sections", "paragraphs", "footnotes", "figures", "removed"),
    "nlp": ("sentences", "tokens"),
    "tagging": ("numbers", "dates", "entities"),
    "tables": ("tables",),
}
GLOBAL_DATASETS = ("glossary",)


def stage_files(paths: Paths, chapter_id: str) -> dict[str, Path]:
    """Dataset name → the stage artefact that holds it, for what exists."""
    found = {}
    for stage, names in PRODUCERS.items():
        for name in names:
            path = paths.stage_dir(stage) / chapter_id / f"{name}.parquet"
            if path.exists():
                found[name] = path
    return found


def publish_chapter(chapter_id: str, paths: Paths,
                    handoff: Handoff | None = None) -> dict[str, int]:
    """Write every dataset of one chapter as Parquet and CSV, replacing the folder whole."""
    sources = stage_files(paths, chapter_id)
    if "paragraphs" not in sources:
        raise PipelineError(f"interim/structure/{chapter_id}: no structure artefact; run "
                            f"`python -m pipeline run {chapter_id}` first")
    counts: dict[str, int] = {}

    def fill(folder: Path) -> None:
        for name, source in sorted(sources.items()):
            counts[name] = publish_file(source, folder, name, DATASETS[name], handoff)

    replace_dir(paths.output / chapter_id, fill)
    publish_tables(chapter_id, paths, handoff)
    write_json(paths.stage_dir("publish") / f"{chapter_id}.json",
               {"chapter": chapter_id, "rows": counts})
    return counts


def publish_tables(chapter_id: str, paths: Paths, handoff: Handoff | None = None) -> None:
    """Each rebuilt table as ``output/tables/<chapter>/<table id>.{parquet,csv}``."""
    index = paths.stage_dir("tables") / chapter_id / "tables.parquet"
    table_ids = (read_through(handoff, index, read_arrow).column("table_id").to_pylist()
                 if index.exists() else [])

    def fill(folder: Path) -> None:
        for table_id in table_ids:
            publish_file(paths.stage_dir("tables") / chapter_id / f"{table_id}.parquet",
                         folder, table_id, handoff=handoff)

    replace_dir(paths.output / "tables" / chapter_id, fill)


def publish_file(source: Path, folder: Path, name: str, dataset: Dataset | None = None,
                 handoff: Handoff | None = None) -> int:
    """``folder/<name>.parquet`` and ``.csv`` from a stage's Parquet file, typed as
    ``dataset`` when given; the number of rows."""
    frame = frame_of_table(read_through(handoff, source, read_arrow))   # = read_parquet
    if dataset is not None:
        frame = to_frame(dataset, frame, extra=tuple(frame.columns))
    write_parquet(frame, folder / f"{name}.parquet")
    write_csv(frame, folder / f"{name}.csv")
    return len(frame)


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
               "category", "english_source", "range_role", "first_chapter")


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
