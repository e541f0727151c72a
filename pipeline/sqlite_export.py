"""``output/whitepapers.sqlite``: every combined dataset as a table, for SQL users.

Tables are created from ``schemas.DATASETS`` (types, NOT NULL for required columns,
the primary key) plus any further columns the Parquet file carries; foreign-key
columns are indexed. Two more tables describe the rest: ``chapters`` (the registry)
and ``columns`` (dataset, column, type, description). The database is written to a
temporary file beside the target and renamed over it, so readers never see half.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from pipeline.config import Paths, load_registry
from pipeline.io import atomic_path
from pipeline.schemas import DATASETS, GLOSSARY, Dataset

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER",
             "date": "TEXT"}
TARGET = "whitepapers.sqlite"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(dataset: Dataset, columns: list[str]) -> str:
    """``CREATE TABLE`` for the columns a file has, typed by the schema where declared."""
    declared = {f.name: f for f in dataset.fields}
    parts = []
    for column in columns:
        field = declared.get(column)
        sql_type = SQL_TYPES[field.type] if field else ""
        not_null = " NOT NULL" if field and field.required else ""
        parts.append(f"{quote(column)} {sql_type}{not_null}".rstrip())
    if dataset.primary_key and set(dataset.primary_key) <= set(columns):
        parts.append(f"PRIMARY KEY ({', '.join(map(quote, dataset.primary_key))})")
    return f"CREATE TABLE {quote(dataset.name)} ({', '.join(parts)})"


def index_sql(dataset: Dataset, columns: list[str]) -> list[str]:
    """Indexes on (chapter, foreign-key column), the way joins go."""
    statements = []
    for column, _, _ in dataset.foreign_keys:
        if column in columns:
            keys = ["chapter", column] if "chapter" in columns else [column]
            statements.append(f"CREATE INDEX {quote(f'{dataset.name}_{column}')} ON "
                              f"{quote(dataset.name)} ({', '.join(map(quote, keys))})")
    return statements


def frame_rows(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    """Rows as plain Python values, missing cells as None."""
    plain = frame.astype(object).where(frame.notna(), None)
    return list(plain.itertuples(index=False, name=None))


def write_table(connection: sqlite3.Connection, dataset: Dataset,
                frames: pd.DataFrame | Iterable[pd.DataFrame]) -> None:
    """One table from a frame, or from frames streamed one chapter at a time (memory
    then stays that of the largest chapter)."""
    parts = iter([frames]) if isinstance(frames, pd.DataFrame) else iter(frames)
    first = next(parts)
    columns = [str(c) for c in first.columns]
    connection.execute(create_table_sql(dataset, columns))
    marks = ", ".join("?" for _ in columns)
    for frame in itertools.chain([first], parts):
        connection.executemany(f"INSERT INTO {quote(dataset.name)} VALUES ({marks})",
                               frame_rows(frame[columns]))
    for statement in index_sql(dataset, columns):
        connection.execute(statement)


def parquet_batches(path: Path) -> Iterator[pd.DataFrame]:
    """A Parquet file one row group at a time (combine writes one per chapter)."""
    import pyarrow.parquet as pq

    source = pq.ParquetFile(path)
    for group in range(source.num_row_groups):
        yield source.read_row_group(group).to_pandas()


def write_metadata(connection: sqlite3.Connection, paths: Paths,
                   datasets: list[Dataset]) -> None:
    chapters = [c.as_record() for c in load_registry(paths)]
    connection.execute("CREATE TABLE chapters (id TEXT PRIMARY KEY, record TEXT NOT NULL)")
    connection.executemany("INSERT INTO chapters VALUES (?, ?)",
                           [(str(c["id"]), json.dumps(c, ensure_ascii=False)) for c in chapters])
    connection.execute("CREATE TABLE columns (dataset TEXT, name TEXT, type TEXT, "
                       "required INTEGER, description TEXT, PRIMARY KEY (dataset, name))")
    connection.executemany("INSERT INTO columns VALUES (?, ?, ?, ?, ?)",
                           [(d.name, f.name, f.type, int(f.required), f.description)
                            for d in datasets for f in d.fields])


def write_sqlite(paths: Paths) -> Path:
    """Write ``output/whitepapers.sqlite`` from the combined Parquet files that exist."""
    target = paths.output / TARGET
    datasets = [d for d in (*DATASETS.values(), GLOSSARY)
                if (paths.output / f"{d.name}.parquet").exists()]
    with atomic_path(target) as tmp:
        connection = sqlite3.connect(tmp)
        try:
            with connection:
                for dataset in datasets:
                    write_table(connection, dataset,
                                parquet_batches(paths.output / f"{dataset.name}.parquet"))
                write_metadata(connection, paths, datasets)
        finally:
            connection.close()
    return target
