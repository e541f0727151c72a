"""The data package: generated from schemas.DATASETS, every output file described,
and valid for frictionless (which also catches a broken foreign key)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

from pipeline.common.frames import write_csv, write_parquet
from pipeline.config import Paths, load_registry
from pipeline.corpus.package import build_datapackage, resource_name, write_datapackage
from pipeline.corpus.sqlite_export import write_sqlite
from pipeline.publish.combined import combine
from pipeline.schemas import DATASETS
from tests.conftest import needs_output
from tests.projects import copy_build

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "st2019-2-5"
ROWS_KEPT = 500    # frictionless reads ~5,000 rows/s: big datasets are cut in the copy


def small_copy(tmp_path: Path, chapters: tuple[str, ...] = ()) -> Paths:
    """A copy of the real build with datasets nobody refers to cut to ROWS_KEPT rows;
    only the registry entries and output folders of ``chapters`` when given (the
    combined files are then those chapters' rows)."""
    paths = copy_build(ROOT, tmp_path, chapters, ("*.sqlite", "*.html", "*.json"))
    targets = {target for d in DATASETS.values() for _, target, _ in d.foreign_keys}
    for chapter in load_registry(paths):
        for name in set(DATASETS) - targets:
            path = paths.output / chapter.id / f"{name}.parquet"
            if path.exists() and len(frame := pd.read_parquet(path)) > ROWS_KEPT:
                write_parquet(frame.head(ROWS_KEPT), path)
                write_csv(frame.head(ROWS_KEPT), path.with_suffix(".csv"))
    combine(paths)
    return paths


@pytest.fixture(scope="module")
def shared_copy(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """One small copy for the tests that only read it."""
    return small_copy(tmp_path_factory.mktemp("build"))


def frictionless_errors(descriptor: Path, *names: str) -> list[str]:
    """Errors of the whole package, or of the resources ``names`` (with their lookups)."""
    from frictionless import Package, validate

    if names:
        package = Package(str(descriptor))
        reports = [package.get_resource(name).validate() for name in names]
    else:
        reports = [validate(str(descriptor))]
    return [f"{task.name}: {error.message}" for report in reports for task in report.tasks
            for error in task.errors] + [e.message for report in reports for e in report.errors]


# A PDF chapter: every dataset as CSV and Parquet, tables rebuilt from PDF geometry.
VALIDATED_CHAPTER = "st2024-1-2"


@pytest.mark.slow
@needs_output
def test_the_package_validates_with_frictionless(tmp_path: Path) -> None:
    """The whole package of a copy holding one chapter validates: the descriptor, every
    kind of resource (a chapter's datasets as CSV and Parquet, its rebuilt tables, the
    combined files, the glossary), each one's rows against its schema, the foreign keys.
    The code describing a chapter's resources is the same for every chapter, so the
    other chapters would add time (0.2-0.6 s a resource), not checks; their rows are
    checked against the schemas by test_validate, and `make check-package` validates
    the whole real package with frictionless."""
    paths = small_copy(tmp_path, (VALIDATED_CHAPTER,))
    descriptor = write_datapackage(paths)
    names = {r["name"] for r in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]}
    assert names >= {resource_name(d, VALIDATED_CHAPTER, s) for d in DATASETS
                     for s in ("", "parquet")} | set(DATASETS) | {"glossary", "glossary-csv"}
    assert {resource_name("table", VALIDATED_CHAPTER, "t01", s)
            for s in ("", "parquet")} <= names
    assert frictionless_errors(descriptor) == []


@needs_output
def test_frictionless_catches_a_dangling_para_id(tmp_path: Path) -> None:
    paths = small_copy(tmp_path, (CHAPTER,))
    path = paths.output / CHAPTER / "footnotes.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[1, "para_id"] = "p9999"
    frame.to_csv(path, index=False, lineterminator="\n")
    found = frictionless_errors(write_datapackage(paths), f"footnotes-{CHAPTER}")
    assert len(found) == 1
    assert found[0].startswith(f"footnotes-{CHAPTER}: ") and '"p9999" not found' in found[0]


@needs_output
def test_every_output_file_is_a_resource(shared_copy: Paths) -> None:
    paths = shared_copy
    package = build_datapackage(paths)
    described = {r["path"] for r in package["resources"]}
    on_disk = {p.relative_to(paths.output).as_posix() for p in paths.output.rglob("*")
               if p.suffix in (".csv", ".parquet")}
    assert described == on_disk
    names = [r["name"] for r in package["resources"]]
    assert len(names) == len(set(names))


@needs_output
def test_schemas_come_from_schemas_datasets(shared_copy: Paths) -> None:
    paths = shared_copy
    resources = {r["name"]: r for r in build_datapackage(paths)["resources"]}
    for key in (f"paragraphs-{CHAPTER}", f"paragraphs-{CHAPTER}-parquet", "paragraphs"):
        schema = resources[key]["schema"]
        fields = {f["name"]: f for f in schema["fields"]}
        for field in DATASETS["paragraphs"].fields:
            assert fields[field.name]["type"] == field.type
            assert fields[field.name]["description"] == field.description
            assert fields[field.name].get("constraints", {}).get("required", False) == \
                field.required
        assert schema["primaryKey"] == ["chapter", "para_id"]
        assert "body" in fields["kind"]["constraints"]["enum"]
        for field in DATASETS["paragraphs"].fields:   # allowed values and bounds too
            rule = fields[field.name].get("constraints", {})
            assert rule.get("enum", []) == list(field.allowed)
            assert (rule.get("minimum"), rule.get("maximum")) == (field.minimum, field.maximum)
    assert resources[f"footnotes-{CHAPTER}"]["schema"]["foreignKeys"] == [
        {"fields": ["para_id"],
         "reference": {"resource": f"paragraphs-{CHAPTER}", "fields": ["para_id"]}}]
    assert resources[f"sections-{CHAPTER}"]["schema"]["foreignKeys"][0]["reference"][
        "resource"] == ""
    assert resources["paragraphs"]["format"] == "parquet"


@needs_output
def test_the_registry_licences_and_attribution_are_metadata(shared_copy: Paths) -> None:
    paths = shared_copy
    package = build_datapackage(paths)
    chapters = load_registry(paths)
    assert package["chapters"] == [c.as_record() for c in chapters]
    assert all(licence.get("name") for licence in package["licenses"])
    by_chapter = {r["chapter"]: r for r in package["resources"] if r.get("chapter")}
    for chapter in chapters:
        resource = by_chapter[chapter.id]
        assert resource["attribution"] == [chapter.extra["attribution"]]
        assert resource["licenses"][0]["title"] == chapter.extra["licence"]
        assert chapter.white_paper in resource["sources"][0]["title"]
    json.dumps(package)


@needs_output
def test_a_tidy_table_is_described_from_its_parquet(tmp_path: Path) -> None:
    paths = small_copy(tmp_path, (CHAPTER,))
    table = pd.DataFrame({"年度": [2016, 2017], "金額": [1.5, 2.0], "区分": ["国", "民間"]})
    folder = paths.output / "tables" / CHAPTER
    write_parquet(table, folder / "t001.parquet")
    write_csv(table, folder / "t001.csv")
    descriptor = write_datapackage(paths)
    resources = {r["name"]: r for r in json.loads(descriptor.read_text())["resources"]}
    for suffix in ("", "parquet"):
        tidy = resources[resource_name("table", CHAPTER, "t001", suffix)]
        assert [(f["name"], f["type"]) for f in tidy["schema"]["fields"]] == [
            ("年度", "integer"), ("金額", "number"), ("区分", "string")]
    names = [resource_name("table", CHAPTER, "t001", suffix) for suffix in ("", "parquet")]
    assert frictionless_errors(descriptor, *names) == []


@needs_output
def test_sqlite_holds_every_combined_dataset(shared_copy: Paths) -> None:
    target = write_sqlite(shared_copy)
    with closing(sqlite3.connect(target)) as connection:
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        built = {n for n in DATASETS if (shared_copy.output / f"{n}.parquet").exists()}
        assert built | {"chapters", "columns"} <= tables
        for name in built:
            frame = pd.read_parquet(shared_copy.output / f"{name}.parquet")
            (rows,) = connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            assert rows == len(frame)
        (text,) = connection.execute(
            "SELECT text FROM paragraphs WHERE chapter = ? AND para_id = 'p0001'",
            (CHAPTER,)).fetchone()
        assert text.startswith("国内外の知的資源を活用し")
        (required,) = connection.execute(
            "SELECT required FROM columns WHERE dataset = 'paragraphs' AND name = 'para_id'"
        ).fetchone()
        assert required == 1
    assert not list(shared_copy.output.glob(".whitepapers.sqlite.*"))


@needs_output
def test_sqlite_refuses_duplicate_ids_and_keeps_the_old_file(tmp_path: Path) -> None:
    paths = small_copy(tmp_path, (CHAPTER,))
    target = write_sqlite(paths)
    before = target.read_bytes()
    frame = pd.read_parquet(paths.output / "sections.parquet")
    write_parquet(pd.concat([frame, frame.head(1)]), paths.output / "sections.parquet")
    with pytest.raises(sqlite3.IntegrityError):
        write_sqlite(paths)
    assert target.read_bytes() == before


def test_few_valued_columns_load_as_categoricals() -> None:
    from pipeline.publish.combined import typed
    frame = pd.DataFrame({"measure_confidence": ["high", "low", ""], "period_basis": ["sentence", "paragraph", ""],
                          "surface": ["約3万人", "1.26", "5件"]})
    loaded = typed(frame, "numbers")
    assert str(loaded["measure_confidence"].dtype) == "category"
    assert str(loaded["period_basis"].dtype) == "category"
    assert str(loaded["surface"].dtype) != "category"
