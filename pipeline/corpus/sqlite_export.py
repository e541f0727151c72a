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

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.common.files import atomic_path
from pipeline.common.frames import row_groups
from pipeline.config import Paths, load_registry
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


def table_rows(table: pa.Table) -> Iterator[tuple[object, ...]]:
    """Rows as plain Python values, missing cells (null or NaN) as None."""
    columns = [pc.if_else(pc.is_null(c, nan_is_null=True), None, c).to_pylist()
               if pa.types.is_floating(c.type) else c.to_pylist() for c in table.columns]
    return zip(*columns, strict=True)


def write_table(connection: sqlite3.Connection, dataset: Dataset,
                tables: pa.Table | Iterable[pa.Table]) -> None:
    """One table from an Arrow table, or from tables streamed one chapter at a time
    (memory then stays that of the largest chapter)."""
    parts = iter([tables]) if isinstance(tables, pa.Table) else iter(tables)
    first = next(parts)
    columns = first.column_names
    connection.execute(create_table_sql(dataset, columns))
    marks = ", ".join("?" for _ in columns)
    for table in itertools.chain([first], parts):
        connection.executemany(f"INSERT INTO {quote(dataset.name)} VALUES ({marks})",
                               table_rows(table.select(columns)))
    for statement in index_sql(dataset, columns):
        connection.execute(statement)


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
            # no journal, no syncs: a failed write leaves only the temporary file
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            with connection:
                for dataset in datasets:
                    write_table(connection, dataset,
                                row_groups(paths.output / f"{dataset.name}.parquet"))
                write_metadata(connection, paths, datasets)
        finally:
            connection.close()
    return target
