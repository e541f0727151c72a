"""Last stage, publish: stage artefacts → ``output/<chapter>/<dataset>.{parquet,csv}``
and ``output/tables/<chapter>/``, then the stamp ``interim/publish/<chapter>.json``.

Which stage's folder holds which dataset is in ``artefacts.DATASET_FOLDERS``; publishing
a chapter writes every dataset its stages produced, typed by ``schemas.DATASETS``. The
combined datasets and the notebook loaders are in ``publish.combined``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa

from pipeline.artefacts import DATASET_FOLDERS, Written, chapter_folder, dataset_path, read_table
from pipeline.common.files import replace_dir, write_json
from pipeline.common.frames import (
    frame_of_table,
    has_dataset_columns,
    read_arrow,
    to_frame,
    write_csv,
    write_parquet,
    write_table_csv,
)
from pipeline.config import Paths
from pipeline.errors import PipelineError
from pipeline.schemas import DATASETS, Dataset


def stage_files(paths: Paths, chapter_id: str) -> dict[str, Path]:
    """Dataset name → the stage artefact that holds it, for what exists."""
    paths_by_name = {name: dataset_path(paths, chapter_id, name) for name in DATASET_FOLDERS}
    return {name: path for name, path in paths_by_name.items() if path.exists()}


def run(chapter_id: str, paths: Paths, written: Written | None = None) -> Written:
    """Write every dataset of one chapter as Parquet and CSV, replacing the folder whole;
    hands nothing on (the stamp written last only tells make the chapter is built)."""
    sources = stage_files(paths, chapter_id)
    if "paragraphs" not in sources:
        raise PipelineError(f"interim/structure/{chapter_id}: no structure artefact; run "
                            f"`python -m pipeline run {chapter_id}` first")
    counts: dict[str, int] = {}

    def fill(folder: Path) -> None:
        for name, source in sorted(sources.items()):
            counts[name] = publish_file(source, folder, name, DATASETS[name],
                                        _given(written, source))

    replace_dir(paths.output / chapter_id, fill)
    publish_tables(chapter_id, paths, written)
    write_json(paths.stage_dir("publish") / f"{chapter_id}.json",
               {"chapter": chapter_id, "rows": counts})
    return {}


def publish_tables(chapter_id: str, paths: Paths, written: Written | None = None) -> None:
    """Each rebuilt table as ``output/tables/<chapter>/<table id>.{parquet,csv}``."""
    source = chapter_folder(paths, "tables", chapter_id)
    index = source / "tables.parquet"
    table_ids = (read_table(index, written).column("table_id").to_pylist()
                 if index.exists() else [])

    def fill(folder: Path) -> None:
        for table_id in table_ids:
            path = source / f"{table_id}.parquet"
            publish_file(path, folder, table_id, table=_given(written, path))

    replace_dir(paths.output / "tables" / chapter_id, fill)


def _given(written: Written | None, path: Path) -> pa.Table | None:
    """The Arrow table a stage of this chapter wrote to ``path``, if the runner gave it."""
    kept = written.get(path) if written is not None else None
    return kept if isinstance(kept, pa.Table) else None


def publish_file(source: Path, folder: Path, name: str, dataset: Dataset | None = None,
                 table: pa.Table | None = None) -> int:
    """``folder/<name>.parquet`` and ``.csv`` from a stage's Parquet file; the number of
    rows. ``table``: what the stage wrote to ``source`` in this process, when the runner
    gave it (else the file is read).

    The stages write their datasets typed (``frames.write_dataset``): such a file, whose
    columns start with the dataset's in order and type, is copied as it is (a copy, not a
    hard link: a notebook saving over an output file must not change the stage's
    artefact) and its CSV written from the Arrow table. Any other file is typed as
    ``dataset`` first."""
    table = table if table is not None else read_arrow(source)
    if dataset is not None and not has_dataset_columns(table.schema, dataset):
        frame = frame_of_table(table)
        typed = to_frame(dataset, frame, extra=tuple(frame.columns))
        write_parquet(typed, folder / f"{name}.parquet")
        write_csv(typed, folder / f"{name}.csv")
        return len(typed)
    shutil.copyfile(source, folder / f"{name}.parquet")
    write_table_csv(table, folder / f"{name}.csv")
    return int(table.num_rows)
