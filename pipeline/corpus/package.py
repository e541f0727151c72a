"""``output/datapackage.json``: a Frictionless Data Package of every file in ``output/``.

Generated from ``schemas.DATASETS`` (columns, types, descriptions, keys) and the
chapter registry (sources, licences, attribution); nothing here lists columns.

Resources, for what exists on disk:

- ``<dataset>-<chapter>`` — ``<chapter>/<dataset>.csv``, foreign keys to the resource
  of the same chapter (ids are unique within a chapter);
- ``<dataset>-<chapter>-parquet`` — the same rows as Parquet, same schema and keys;
- ``<dataset>`` — the combined ``<dataset>.parquet``; its keys include ``chapter``,
  and its foreign keys are listed where the referring column is required (a composite
  key with an empty part would not resolve; the per-chapter resources check those);
- ``glossary`` / ``glossary-csv``, and ``table-<chapter>-<table id>`` for every tidy
  table under ``tables/`` (schema from its Parquet twin where there is one).

``frictionless validate output/datapackage.json`` reads both CSV and Parquet.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from pipeline.common.files import write_json
from pipeline.config import Chapter, Paths, load_registry
from pipeline.schemas import DATASETS, GLOSSARY, Dataset, Field

PACKAGE_NAME = "japanese-white-papers"
PROFILE = "tabular-data-package"
# Licence texts of the registry → Open Definition id and address (a licence must have
# a name or a path). Unknown texts get ``other-at`` with the text as title.
LICENCES: dict[str, tuple[str, str]] = {
    "CC BY 4.0": ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
}
ARROW_TYPES = (("bool", "boolean"), ("int", "integer"), ("uint", "integer"),
               ("float", "number"), ("double", "number"), ("decimal", "number"),
               ("date", "date"), ("timestamp", "datetime"))
NAME_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def resource_name(*parts: str) -> str:
    """Frictionless names are lower-case ``[a-z0-9._-]``."""
    return "-".join(NAME_UNSAFE.sub("_", p.lower()) for p in parts if p)


def constraints(field: Field) -> dict[str, Any]:
    """Frictionless ``constraints`` of a field, from the schema: required, allowed
    values (``enum``), ``minimum``, ``maximum``."""
    found: dict[str, Any] = {"required": True} if field.required else {}
    if field.allowed:
        found["enum"] = list(field.allowed)
    if field.minimum is not None:
        found["minimum"] = field.minimum
    if field.maximum is not None:
        found["maximum"] = field.maximum
    return found


def field_descriptor(dataset: Dataset, field: Field) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"name": field.name, "type": field.type,
                                  "description": field.description}
    rule = constraints(field)
    if rule:
        descriptor["constraints"] = rule
    return descriptor


def table_schema(dataset: Dataset, path: Path | None = None) -> dict[str, Any]:
    """Frictionless Table Schema of a dataset, in the column order of the file at
    ``path`` when given; columns the file has beyond the schema are described as
    undeclared, typed from the Parquet file (``validate`` warns about them)."""
    declared = {f.name: f for f in dataset.fields}
    found = file_columns(path) if path is not None else {}
    names = list(found) + [n for n in declared if n not in found]
    fields = [field_descriptor(dataset, declared[name]) if name in declared else
              {"name": name, "type": found[name] or "string",
               "description": "Undeclared: not yet described in pipeline/schemas.py"}
              for name in names]
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if dataset.primary_key:
        schema["primaryKey"] = list(dataset.primary_key)
    return schema


def parquet_types(parquet: Path) -> dict[str, str]:
    """Column → frictionless type, from a Parquet file's own schema."""
    import pyarrow.parquet as pq

    types = {}
    for column in pq.read_schema(parquet):
        kind = str(column.type)
        types[column.name] = next((t for prefix, t in ARROW_TYPES if kind.startswith(prefix)),
                                  "string")
    return types


def file_columns(path: Path) -> dict[str, str | None]:
    """The columns of a CSV or Parquet file in order, typed where Parquet says."""
    parquet = path.with_suffix(".parquet")
    types: dict[str, str] = parquet_types(parquet) if parquet.exists() else {}
    if path.suffix == ".parquet":
        return dict(types)
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    return {name: types.get(name) for name in header}


def chapter_foreign_keys(dataset: Dataset, suffix: str, existing: set[str],
                         chapter_id: str) -> list[dict[str, Any]]:
    """Foreign keys to the same chapter's resources (self-references use ``""``)."""
    keys = []
    for column, target, target_column in dataset.foreign_keys:
        name = "" if target == dataset.name else resource_name(target, chapter_id, suffix)
        if name and name not in existing:
            continue
        keys.append({"fields": [column], "reference": {"resource": name,
                                                       "fields": [target_column]}})
    return keys


def combined_foreign_keys(dataset: Dataset, existing: set[str]) -> list[dict[str, Any]]:
    required = {f.name for f in dataset.fields if f.required}
    keys = []
    for column, target, target_column in dataset.foreign_keys:
        if column not in required or target == dataset.name or target not in existing:
            continue
        keys.append({"fields": ["chapter", column],
                     "reference": {"resource": target, "fields": ["chapter", target_column]}})
    return keys


def licence(text: str, url: str = "") -> dict[str, str]:
    name, path = LICENCES.get(text, ("other-at", url))
    found = {"name": name, "title": text}
    if path or url:
        found["path"] = url or path
    return found


def chapter_source(chapter: Chapter) -> dict[str, str]:
    source = {"title": f"{chapter.white_paper} {chapter.title}（{chapter.publisher}）"}
    if chapter.extra.get("url"):
        source["path"] = chapter.extra["url"]
    return source


def chapter_licences(chapters: list[Chapter]) -> list[dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for chapter in chapters:
        text = chapter.extra.get("licence")
        if text:
            found.setdefault(text, licence(text, chapter.extra.get("licence_url", "")))
    return list(found.values())


def _resource(name: str, path: Path, paths: Paths, dataset: Dataset,
              chapters: list[Chapter], **more: Any) -> dict[str, Any]:
    fmt = path.suffix.lstrip(".")
    resource: dict[str, Any] = {
        "name": name, "path": path.relative_to(paths.output).as_posix(),
        "profile": "tabular-data-resource", "format": fmt,
        "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
        "description": f"One row per {dataset.row}.",
    }
    if fmt == "csv":
        resource["encoding"] = "utf-8"
    resource.update(source_metadata(chapters))
    resource.update(more)
    return resource


def source_metadata(chapters: list[Chapter]) -> dict[str, Any]:
    """Where the rows come from: sources, licences and the attribution to print."""
    found: dict[str, Any] = {"sources": [chapter_source(c) for c in chapters]}
    licences = chapter_licences(chapters)
    if licences:
        found["licenses"] = licences
    attributions = [a for c in chapters if (a := c.extra.get("attribution"))]
    if attributions:
        found["attribution"] = attributions
    return found


def chapter_resources(chapter: Chapter, paths: Paths) -> list[dict[str, Any]]:
    folder = paths.output / chapter.id
    existing = {resource_name(n, chapter.id, s) for n in DATASETS for s, ext in
                (("", "csv"), ("parquet", "parquet")) if (folder / f"{n}.{ext}").exists()}
    resources = []
    for name, dataset in DATASETS.items():
        for suffix, ext in (("", "csv"), ("parquet", "parquet")):
            path = folder / f"{name}.{ext}"
            if not path.exists():
                continue
            schema = table_schema(dataset, path)
            keys = chapter_foreign_keys(dataset, suffix, existing, chapter.id)
            if keys:
                schema["foreignKeys"] = keys
            resources.append(_resource(resource_name(name, chapter.id, suffix), path, paths,
                                       dataset, [chapter], schema=schema, chapter=chapter.id))
    return resources


def combined_resources(chapters: list[Chapter], paths: Paths) -> list[dict[str, Any]]:
    existing = {n for n in DATASETS if (paths.output / f"{n}.parquet").exists()}
    resources = []
    for name in existing & set(DATASETS):
        dataset = DATASETS[name]
        path = paths.output / f"{name}.parquet"
        schema = table_schema(dataset, path)
        keys = combined_foreign_keys(dataset, existing)
        if keys:
            schema["foreignKeys"] = keys
        resources.append(_resource(name, path, paths, dataset, chapters, schema=schema))
    resources.sort(key=lambda r: list(DATASETS).index(r["name"]))
    for ext, suffix in (("parquet", ""), ("csv", "csv")):
        path = paths.output / f"{GLOSSARY.name}.{ext}"
        if path.exists():
            resources.append(_resource(resource_name(GLOSSARY.name, suffix), path, paths,
                                       GLOSSARY, chapters, schema=table_schema(GLOSSARY, path)))
    return resources


def tidy_table_resources(chapters: list[Chapter], paths: Paths) -> list[dict[str, Any]]:
    resources = []
    for chapter in chapters:
        folder = paths.output / "tables" / chapter.id
        for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
            resource: dict[str, Any] = {
                "name": resource_name("table", chapter.id, path.stem),
                "path": path.relative_to(paths.output).as_posix(),
                "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                "encoding": "utf-8", "chapter": chapter.id,
                "description": "A reconstructed table, tidy: see the tables dataset.",
                **source_metadata([chapter]),
                "schema": {"missingValues": [""], "fields": [
                    {"name": n, "type": t or "string"} for n, t in file_columns(path).items()]},
            }
            resources.append(resource)
            twin = path.with_suffix(".parquet")
            if twin.exists():
                resources.append({**resource, "name": resource["name"] + "-parquet",
                                  "path": twin.relative_to(paths.output).as_posix(),
                                  "format": "parquet",
                                  "mediatype": "application/vnd.apache.parquet",
                                  "schema": {"missingValues": [""], "fields": [
                                      {"name": n, "type": t or "string"}
                                      for n, t in file_columns(twin).items()]}})
                del resources[-1]["encoding"]
    return resources


def build_datapackage(paths: Paths) -> dict[str, Any]:
    """The package descriptor for what exists in ``output/`` now."""
    chapters = load_registry(paths)
    resources = []
    for chapter in chapters:
        resources.extend(chapter_resources(chapter, paths))
    resources.extend(combined_resources(chapters, paths))
    resources.extend(tidy_table_resources(chapters, paths))
    package: dict[str, Any] = {
        "name": PACKAGE_NAME, "profile": PROFILE,
        "title": "Japanese government white papers (白書): chapters as datasets",
        "description": "Headings, paragraphs, footnotes, figures and more from chapters of "
                       "Japanese government white papers. Japanese text is kept as printed; "
                       "columns are described in English. Ids are unique within a chapter.",
        "licenses": chapter_licences(chapters),
        "sources": [chapter_source(c) for c in chapters],
        "chapters": [c.as_record() for c in chapters],
        "resources": resources,
    }
    if not package["licenses"]:
        del package["licenses"]
    return package


def write_datapackage(paths: Paths) -> Path:
    target = paths.output / "datapackage.json"
    write_json(target, build_datapackage(paths))
    return target
