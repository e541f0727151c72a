"""Validation of output/: a sound build passes; each broken rule is named with its
file, dataset, row and column. Works on a copy of the real output in tmp_path."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from pipeline.common.frames import write_csv, write_parquet
from pipeline.config import Paths
from pipeline.corpus.cell_rules import (
    NOT_OF_TYPE,
    cell_value,
    disallowed_cells,
    missing_cells,
    true_rows,
    typed_column,
)
from pipeline.corpus.file_checks import shares_key
from pipeline.corpus.problems import Problem
from pipeline.corpus.validate import (
    check,
    validate_datasets,
    validate_glossary,
    validate_outputs,
)
from pipeline.errors import PipelineError
from pipeline.schemas import DATASETS, Field
from tests.conftest import needs_output
from tests.projects import copy_build as copy_build_of

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "st2019-2-5"


def copy_build(tmp_path: Path, chapters: tuple[str, ...] = ()) -> Paths:
    """raw/chapters.toml, interim/extract and output/ copied into tmp_path; only the
    registry entries, output folders and combined rows of ``chapters`` when given."""
    paths = copy_build_of(ROOT, tmp_path, chapters, ("*.sqlite", "report.html"))
    if (ROOT / "interim" / "extract").is_dir():
        shutil.copytree(ROOT / "interim" / "extract", tmp_path / "interim" / "extract")
    return paths


def rewrite(paths: Paths, dataset: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    """Change one chapter's dataset in both its Parquet and CSV files."""
    target = paths.output / CHAPTER / f"{dataset}.parquet"
    frame = change(pd.read_parquet(target))
    write_parquet(frame, target)
    write_csv(frame, target.with_suffix(".csv"))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


@needs_output
def test_the_real_build_is_sound(tmp_path: Path) -> None:
    paths = copy_build(tmp_path)
    assert errors(validate_outputs(paths)) == []
    check(paths)


def duplicate_para_id(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[5, "para_id"] = frame.loc[4, "para_id"]
    return frame


def wrong_level_type(frame: pd.DataFrame) -> pd.DataFrame:
    frame["level"] = frame["level"].astype("string")
    frame.loc[2, "level"] = "三"
    return frame


def dangling_para_id(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[1, "para_id"] = "p9999"
    return frame


def unknown_kind(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[7, "kind"] = "poem"
    return frame


def level_eight(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[3, "level"] = 8
    return frame


def empty_title(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[0, "title"] = ""
    return frame


@needs_output
@pytest.mark.parametrize(("dataset", "change", "rule", "row", "column", "words"), [
    ("paragraphs", duplicate_para_id, "primary_key", 6, "para_id", "duplicate id"),
    ("sections", wrong_level_type, "type", 3, "level", "'三' is not of type integer"),
    ("footnotes", dangling_para_id, "foreign_key", 2, "para_id", "'p9999'"),
    ("paragraphs", unknown_kind, "allowed", 8, "kind", "'poem' is not allowed"),
    ("sections", level_eight, "allowed", 4, "level", "at most 7"),
    ("sections", empty_title, "required", 1, "title", "required"),
])
def test_a_broken_dataset_is_named(tmp_path: Path, dataset: str,
                                   change: Callable[[pd.DataFrame], pd.DataFrame],
                                   rule: str, row: int, column: str, words: str) -> None:
    paths = copy_build(tmp_path, (CHAPTER,))
    rewrite(paths, dataset, change)
    found = [p for p in errors(validate_outputs(paths)) if p.rule == rule]
    assert [(p.path, p.dataset, p.row, p.column) for p in found] == [
        (f"output/{CHAPTER}/{dataset}.parquet", dataset, row, column)]
    assert words in found[0].message
    with pytest.raises(PipelineError, match=rf"output/{CHAPTER}/{dataset}.parquet row {row} "
                                            rf"\(CSV line {row + 1}\) column {column}"):
        check(paths)


@needs_output
def test_a_stale_csv_and_combined_file_are_named(tmp_path: Path) -> None:
    paths = copy_build(tmp_path, (CHAPTER,))
    csv = paths.output / CHAPTER / "figures.csv"
    csv.write_text("\n".join(csv.read_text(encoding="utf-8").split("\n")[:-3]) + "\n",
                   encoding="utf-8")
    rewrite(paths, "removed", lambda frame: frame.iloc[:-1])
    rules = {(p.dataset, p.rule) for p in errors(validate_outputs(paths))}
    assert ("figures", "csv") in rules
    assert ("removed", "combined") in rules


@needs_output
def test_a_csv_row_with_cells_missing_is_named(tmp_path: Path) -> None:
    paths = copy_build(tmp_path, (CHAPTER,))
    csv = paths.output / CHAPTER / "footnotes.csv"
    lines = csv.read_text(encoding="utf-8").split("\n")
    lines[2] = ",".join(lines[2].split(",")[:3])   # chapter, note_id, number only
    csv.write_text("\n".join(lines), encoding="utf-8")
    found = [p for p in errors(validate_outputs(paths)) if p.rule == "csv"]
    assert [p.dataset for p in found] == ["footnotes"]
    assert "not a readable UTF-8 CSV file" in found[0].message


@needs_output
def test_the_glossary_is_validated_apart_from_the_datasets(tmp_path: Path) -> None:
    """The build checks the datasets while the glossary is built, then the glossary:
    together, the problems ``validate_outputs`` finds, in its order."""
    paths = copy_build(tmp_path, (CHAPTER,))
    csv = paths.output / "glossary.csv"
    csv.write_text("\n".join(csv.read_text(encoding="utf-8").split("\n")[:-3]) + "\n",
                   encoding="utf-8")
    rewrite(paths, "removed", lambda frame: frame.iloc[:-1])
    datasets, glossary = validate_datasets(paths), validate_glossary(paths)
    assert {(p.dataset, p.rule) for p in errors(datasets)} == {("removed", "combined")}
    assert {(p.dataset, p.rule) for p in errors(glossary)} == {("glossary", "csv")}
    assert validate_outputs(paths) == datasets + glossary


@needs_output
def test_a_missing_chapter_is_named(tmp_path: Path) -> None:
    paths = copy_build(tmp_path, (CHAPTER,))
    shutil.rmtree(paths.output / CHAPTER)
    problems = errors(validate_outputs(paths))
    assert any(p.rule == "built" and CHAPTER in p.message for p in problems)


@pytest.mark.parametrize(("values", "type_", "bad"), [
    (["1", "２", None, "1.5"], "integer", [False, True, False, True]),
    ([1, 2, None], "integer", [False, False, False]),
    ([True, "yes", None], "boolean", [False, True, False]),
    (["2019-04-01", "2019-4-1", "令和元年", None], "date", [False, True, True, False]),
    (["第1節", 3, None], "string", [False, True, False]),
    ([60800000000.0, "約608億円"], "number", [False, True]),
])
def test_a_cell_of_another_type_is_found(values: list[object], type_: str,
                                         bad: list[bool]) -> None:
    assert [cell_value(v, type_) is NOT_OF_TYPE for v in values] == bad


def test_a_full_width_space_is_not_missing() -> None:
    column = pa.chunked_array([pa.array(["\u3000", "", None, "円"], pa.large_string())])
    assert true_rows(missing_cells(column)).tolist() == [1, 2]


@pytest.mark.parametrize(("values", "field", "bad", "missing", "outside"), [
    (pa.array(["body", "", None, "poem", "\u3000"], pa.large_string()),
     Field("kind", "string", "", True, allowed=("body", "note")), [], [1, 2], [1, 3, 4]),
    (pa.array([1, None, 0, 8, 7]), Field("level", "integer", "", True, minimum=1, maximum=7),
     [], [1], [2, 3]),
    (pa.array([0.5, float("nan"), None, 1.5, -0.0]),
     Field("quality", "number", "", True, minimum=0, maximum=1), [], [1, 2], [3]),
    (pa.array([3, None]), Field("value", "number", "", True), [], [1], []),
    (pa.array([True, None, False]), Field("approx", "boolean", "", True), [], [1], []),
    (pa.array(["2019-04-01", "2019-02-29", "2020-02-29", "２０１９-０４-０１", "2019-4-1",
               "0000-01-01", "1700-02-29", "2019-04-01\n", "", None], pa.large_string()),
     Field("start_date", "date", "", True), [1, 3, 4, 5, 6, 7, 8], [9], []),
    (pa.array(["3", "三", None, "8"], pa.large_string()),   # a broken writer's text column
     Field("level", "integer", "", True, minimum=1, maximum=7), [1], [2], [3]),
], ids=["enum", "bounds", "number-bounds", "number", "boolean", "date", "text-as-integer"])
def test_the_schema_rules_find_these_rows(values: pa.Array, field: Field, bad: list[int],
                                          missing: list[int], outside: list[int]) -> None:
    """0-based rows of a bad type, empty though required, outside the allowed values
    (a cell of another type counts as that only)."""
    typed, bad_mask = typed_column(pa.chunked_array([values]), field.type)
    assert (true_rows(bad_mask).tolist() if bad_mask is not None else []) == bad
    assert sorted(set(true_rows(missing_cells(typed)).tolist()) - set(bad)) == missing
    assert true_rows(disallowed_cells(typed, field)).tolist() == outside \
        if field.allowed or field.minimum is not None else outside == []


@pytest.mark.parametrize(("a", "b", "shared"), [
    (["x", "x", "y"], [1, 2, 1], False),
    (["x", "y", "x"], [1, 1, 1], True),
    ([None, "x", None], [None, 1, None], True),    # null equals null, as in pandas
    ([], [], False),
])
def test_shares_key(a: list[str | None], b: list[int | None], shared: bool) -> None:
    table = pa.table({"a": pa.array(a, pa.large_string()), "b": pa.array(b, pa.int64())})
    assert shares_key(table, ["a", "b"]) is shared


@needs_output
def test_an_allowed_value_of_the_schema_is_enforced_with_its_place(tmp_path: Path) -> None:
    """``Field.allowed`` in schemas.py is the rule: a value outside it is named with
    file, row, column and the values the schema allows."""
    era = next(f for f in DATASETS["dates"].fields if f.name == "era")
    paths = copy_build(tmp_path, (CHAPTER,))

    def unknown_era(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[2, "era"] = "皇紀"
        return frame

    rewrite(paths, "dates", unknown_era)
    found = [p for p in errors(validate_outputs(paths)) if p.rule == "allowed"]
    assert [(p.path, p.row, p.column) for p in found] == [
        (f"output/{CHAPTER}/dates.parquet", 3, "era")]
    assert found[0].message == f"'皇紀' is not allowed (one of {', '.join(era.allowed)})"
    assert str(found[0]).startswith(f"output/{CHAPTER}/dates.parquet row 3 (CSV line 4) "
                                    "column era [dates, allowed]")
