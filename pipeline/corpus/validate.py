"""Check what ``make all`` wrote in ``output/`` against ``schemas.DATASETS``.

Every per-chapter Parquet file is checked for types, required values, unique ids
(primary keys), foreign keys within the chapter folder, allowed values, spans that
must point back into their paragraph, and its CSV twin (same header, same rows)
(``file_checks``, on the cells ``cell_rules`` reads); every combined
``output/<dataset>.parquet`` for its columns and its rows per chapter.

Every rule comes from the schema's ``Field``s (type, ``required``, ``allowed``,
``minimum``, ``maximum``) and ``Dataset``s (primary and foreign keys).
``validate_chapter`` reads only its chapter's folder, so it can run wherever the chapter
was built.

``validate_outputs`` returns the problems (``problems.Problem``); ``check`` raises
``PipelineError`` listing them, each naming the file, dataset, row and column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.common.frames import parquet_rows, read_arrow, row_groups
from pipeline.config import Paths, load_registry
from pipeline.corpus.file_checks import (
    cell_columns,
    check_chapter_column,
    check_columns,
    check_csv_twin,
    check_foreign_keys,
    check_paths,
    check_primary_key,
    check_spans,
    check_where,
)
from pipeline.corpus.problems import FileProblems, Problem
from pipeline.errors import PipelineError
from pipeline.schemas import DATASETS, GLOSSARY


def _relative(path: Path, paths: Paths) -> str:
    try:
        return str(path.relative_to(paths.root))
    except ValueError:
        return str(path)


def validate_chapter(chapter_id: str, paths: Paths) -> list[Problem]:
    """Every problem in ``output/<chapter_id>/``; reads nothing outside that folder but
    the files a ``path`` column names."""
    folder = paths.output / chapter_id
    tables = {name: read_arrow(folder / f"{name}.parquet") for name in DATASETS
              if (folder / f"{name}.parquet").exists()}
    if "paragraphs" not in tables:
        return [Problem(_relative(folder, paths), "paragraphs", "built",
                        f"chapter {chapter_id} has no paragraphs; run `make all`")]
    problems: list[Problem] = []
    for name, table in tables.items():
        dataset = DATASETS[name]
        out = FileProblems(_relative(folder / f"{name}.parquet", paths), name)
        check_columns(table, dataset, out)
        check_chapter_column(table, chapter_id, out)
        check_primary_key(table, dataset, out)
        check_foreign_keys(table, dataset, tables, out)
        check_spans(table, dataset, tables, out)
        check_where(table, dataset, out)
        check_paths(table, paths, out)
        check_csv_twin(table, folder / f"{name}.csv", out)
        problems.extend(out.problems)
    return problems


def rows_per_chapter(table: pa.Table) -> Counter[str]:
    """Rows of each chapter in ``table`` (none without a ``chapter`` column)."""
    if "chapter" not in table.column_names:
        return Counter()
    counts = pc.value_counts(table.column("chapter"))
    return Counter(dict(zip(counts.field("values").to_pylist(),
                            counts.field("counts").to_pylist(), strict=True)))


def validate_combined(chapters: list[str], paths: Paths) -> list[Problem]:
    """Combined files: the schema's columns and types, and every chapter's rows."""
    problems: list[Problem] = []
    for name, dataset in DATASETS.items():
        path = paths.output / f"{name}.parquet"
        per_chapter = {c: p for c in chapters if (p := paths.output / c / f"{name}.parquet").exists()}
        out = FileProblems(_relative(path, paths), name)
        if not path.exists():
            if per_chapter:
                out.add("combined", "not built though chapters have it; run `make all`")
            problems.extend(out.problems)
            continue
        # one row group (one chapter) at a time: memory stays that of the largest chapter;
        # ids are checked per chapter, where the key is unique without `chapter` (a
        # required column, so among the cell columns read)
        schema = pq.read_schema(path)
        counts: Counter[str] = Counter()
        for group in row_groups(path, cell_columns(schema, dataset)):
            check_columns(group, dataset, out, schema)
            counts += rows_per_chapter(group)
        for chapter, part in per_chapter.items():
            expected = parquet_rows(part)
            if counts.get(chapter, 0) != expected:
                out.add("combined", f"{counts.get(chapter, 0)} rows of {chapter}, its own "
                        f"file has {expected}; re-run `make all`")
        problems.extend(out.problems)
    return problems


def validate_glossary(paths: Paths) -> list[Problem]:
    path = paths.output / f"{GLOSSARY.name}.parquet"
    if not path.exists():
        return []
    out = FileProblems(_relative(path, paths), GLOSSARY.name)
    table = read_arrow(path)
    check_columns(table, GLOSSARY, out)
    check_csv_twin(table, path.with_suffix(".csv"), out)
    return out.problems


def validate_outputs(paths: Paths, skip: Collection[str] = ()) -> list[Problem]:
    """Every problem in ``output/`` for the chapters of the registry (but ``skip``, the
    chapters whose build failed); empty when sound."""
    return validate_datasets(paths, skip) + validate_glossary(paths)


def validate_datasets(paths: Paths, skip: Collection[str] = ()) -> list[Problem]:
    """The problems of every chapter's datasets and of the combined ones: all of
    ``validate_outputs`` but the glossary's, so they can be checked while it is built."""
    chapters = [c.id for c in load_registry(paths) if c.id not in skip]
    problems: list[Problem] = []
    for chapter_id in chapters:
        problems.extend(validate_chapter(chapter_id, paths))
    problems.extend(validate_combined(chapters, paths))
    return problems


def iter_lines(problems: list[Problem], limit: int = 50) -> Iterator[str]:
    for problem in problems[:limit]:
        yield f"  {problem}"
    if len(problems) > limit:
        yield f"  … and {len(problems) - limit} more"


def check(paths: Paths, found: list[Problem] | None = None) -> None:
    """Raise ``PipelineError`` listing every problem in ``output/`` (or in ``found``,
    the result of ``validate_outputs`` when the caller already has it)."""
    found = validate_outputs(paths) if found is None else found
    problems = [p for p in found if p.severity == "error"]
    if problems:
        raise PipelineError(f"output/ failed validation with {len(problems)} problem(s):\n"
                            + "\n".join(iter_lines(problems))
                            + "\nfix the stage that writes the dataset named, then `make all`")
