"""Check what ``make all`` wrote in ``output/`` against ``schemas.DATASETS``.

Every per-chapter Parquet file is checked for types, required values, unique ids
(primary keys), foreign keys within the chapter folder, allowed values, spans that
must point back into their paragraph, and its CSV twin (same header, same rows);
every combined ``output/<dataset>.parquet`` for its columns and its rows per chapter.
Checks are column-wise pandas operations, so a chapter of tokens takes milliseconds.

``validate_outputs`` returns the problems; ``check`` raises ``PipelineError`` listing
them, each naming the file, dataset, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.config import Paths, load_registry
from pipeline.errors import PipelineError
from pipeline.schemas import DATASETS, GLOSSARY, Dataset, Field

# Allowed values, as data, in frictionless ``constraints`` form (``enum``, ``minimum``,
# ``maximum``). The data package publishes them; the checks below enforce them.
# TODO(lead): move into ``schemas.Field`` as ``enum``/``minimum``/``maximum``.
ALLOWED: dict[tuple[str, str], dict[str, Any]] = {
    ("sections", "level"): {"minimum": 1, "maximum": 7},
    ("paragraphs", "kind"): {"enum": ["body", "column", "caption", "note", "source",
                                      "figure_text", "table_text"]},
    ("figures", "kind"): {"enum": ["figure", "table"]},
    ("dates", "kind"): {"enum": ["date", "month", "year", "fiscal_year", "range"]},
    ("dates", "era"): {"enum": ["令和", "平成", "昭和", "大正", "明治", "western", "relative"]},
    ("tables", "quality"): {"minimum": 0, "maximum": 1},
    ("tables", "n_rows"): {"minimum": 0},
    ("tables", "n_cols"): {"minimum": 0},
    ("tokens", "i"): {"minimum": 0},
}
# Columns that are never below these values wherever they occur.
MINIMUM_BY_COLUMN: dict[str, int] = {"page_index": 1, "line": 1, "char_start": 0,
                                     "char_end": 0, "start": 0, "end": 0, "offset": 0,
                                     "anchor_offset": 0, "frequency": 0}
# (start column, end column): end must not come before start.
ORDERED_PAIRS = (("char_start", "char_end"), ("start", "end"),
                 ("period_start", "period_end"), ("start_date", "end_date"))
# Column that must equal paragraph text[start:end], per dataset.
SPAN_TEXT = {"numbers": "surface", "dates": "surface", "entities": "text", "sentences": "text"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PER_RULE = 20   # problems listed per file and rule; the rest are counted


def constraints(dataset: Dataset, field: Field) -> dict[str, Any]:
    """Frictionless ``constraints`` of a field: required, plus allowed values."""
    found: dict[str, Any] = {"required": True} if field.required else {}
    if field.name in MINIMUM_BY_COLUMN:
        found["minimum"] = MINIMUM_BY_COLUMN[field.name]
    found.update(ALLOWED.get((dataset.name, field.name), {}))
    return found


@dataclass(frozen=True)
class Problem:
    """One broken rule, located: file, dataset, 1-based data row and column."""

    path: str
    dataset: str
    rule: str
    message: str
    row: int | None = None
    column: str | None = None
    severity: str = "error"    # "warning": reported, does not fail ``check``

    def __str__(self) -> str:
        place = f"{self.severity}: {self.path}" if self.severity != "error" else self.path
        if self.row is not None:
            place += f" row {self.row} (CSV line {self.row + 1})"
        if self.column:
            place += f" column {self.column}"
        return f"{place} [{self.dataset}, {self.rule}]: {self.message}"


# --------------------------------------------------------------------------- cell rules


def _flags(series: pd.Series, test: Callable[[Any], bool]) -> pd.Series:
    """``test`` of every non-null cell as a bool Series (False for null cells)."""
    return pd.Series([bool(v is not None and v is not pd.NA and test(v))
                      for v in series.astype(object).where(series.notna(), None)],
                     index=series.index, dtype=bool)


def _text_values(series: pd.Series) -> pd.Series:
    return _flags(series, lambda v: isinstance(v, str)) | series.isna()


def bad_type_mask(series: pd.Series, type_: str) -> pd.Series:
    """True where a non-empty cell is not of the frictionless ``type_``."""
    present = series.notna()
    if type_ == "string":
        if pd.api.types.is_string_dtype(series.dtype) and series.dtype != object:
            return pd.Series(False, index=series.index)
        return present & ~_text_values(series)
    if type_ == "boolean":
        if pd.api.types.is_bool_dtype(series.dtype):
            return pd.Series(False, index=series.index)
        return present & ~series.isin([True, False])
    if type_ in ("integer", "number"):
        if pd.api.types.is_bool_dtype(series.dtype):
            return present
        if pd.api.types.is_integer_dtype(series.dtype):
            return pd.Series(False, index=series.index)
        numeric = pd.to_numeric(series, errors="coerce")
        bad = present & numeric.isna()
        if type_ == "integer":
            bad |= present & numeric.notna() & (numeric % 1 != 0)
        return bad.fillna(True).astype(bool)
    if type_ == "date":
        text = series.astype("string")
        parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        return (present & (~text.str.match(ISO_DATE.pattern).fillna(False) | parsed.isna())
                ).astype(bool)
    raise PipelineError(f"schemas: unknown field type {type_!r}; use string, integer, "
                        "number, boolean or date")


def missing_mask(series: pd.Series) -> pd.Series:
    """Empty cells: null, or an empty string (which the CSV cannot tell from null)."""
    missing = series.isna()
    if not pd.api.types.is_numeric_dtype(series.dtype):
        missing |= series.astype("string").fillna("") == ""
    return missing.astype(bool)


def not_allowed_mask(series: pd.Series, rule: dict[str, Any]) -> pd.Series:
    present = series.notna()
    bad = pd.Series(False, index=series.index)
    if "enum" in rule:
        bad |= present & ~series.isin(rule["enum"])
    numeric = pd.to_numeric(series, errors="coerce") if ("minimum" in rule or "maximum"
                                                         in rule) else None
    if numeric is not None and "minimum" in rule:
        bad |= (numeric < rule["minimum"]).fillna(False).astype(bool)
    if numeric is not None and "maximum" in rule:
        bad |= (numeric > rule["maximum"]).fillna(False).astype(bool)
    return bad


# --------------------------------------------------------------------------- one file


class _Collector:
    """Problems for one file, at most ``MAX_PER_RULE`` rows per rule and column."""

    def __init__(self, path: str, dataset: str) -> None:
        self.path, self.dataset = path, dataset
        self.problems: list[Problem] = []

    def rows(self, mask: pd.Series, rule: str, column: str | None,
             describe: Any) -> None:
        """One problem per True row of ``mask``; ``describe(index)`` says what is wrong."""
        hits = mask[mask].index
        for index in hits[:MAX_PER_RULE]:
            self.add(rule, describe(index), row=int(index) + 1, column=column)
        if len(hits) > MAX_PER_RULE:
            self.add(rule, f"… and {len(hits) - MAX_PER_RULE} more rows like these",
                     column=column)

    def add(self, rule: str, message: str, row: int | None = None,
            column: str | None = None, severity: str = "error") -> None:
        self.problems.append(Problem(self.path, self.dataset, rule, message, row, column,
                                     severity))


def check_columns(frame: pd.DataFrame, dataset: Dataset, out: _Collector) -> None:
    """Types, required values and allowed values, column by column."""
    for column in frame.columns:
        if column not in dataset.columns:
            out.add("undeclared", f"column {column!r} is not in schemas.DATASETS"
                    f"[{dataset.name!r}]; declare it there with a type and an English "
                    "description", column=column, severity="warning")
    for field in dataset.fields:
        if field.name not in frame.columns:
            out.add("columns", f"column {field.name!r} is missing; the schema lists it "
                    "(re-run `make all`)", column=field.name)
            continue
        series = frame[field.name]
        bad = bad_type_mask(series, field.type)
        out.rows(bad, "type", field.name,
                 lambda i, s=series, f=field: f"{_show(s[i])} is not of type {f.type}")
        if field.required:
            out.rows(missing_mask(series), "required", field.name,
                     lambda i: "required value is empty")
        rule = constraints(dataset, field)
        rule.pop("required", None)
        if rule:
            valid = series.where(~bad)
            out.rows(not_allowed_mask(valid, rule), "allowed", field.name,
                     lambda i, s=series, r=rule: f"{_show(s[i])} is not allowed "
                     f"({_describe(r)})")
    for start, end in ORDERED_PAIRS:
        if {start, end} <= set(frame.columns) and start in dataset.columns:
            first, last = frame[start], frame[end]
            if first.dtype == object or last.dtype == object:
                continue
            out.rows((last < first).fillna(False).astype(bool), "order", end,
                     lambda i, a=first, b=last, s=start, e=end: f"{e}={b[i]} is before {s}={a[i]}")


def _show(value: object) -> str:
    """A cell as Python shows it, numpy scalars as plain numbers."""
    item = getattr(value, "item", None)
    return repr(item() if callable(item) else value)


def _describe(rule: dict[str, Any]) -> str:
    parts = []
    if "enum" in rule:
        parts.append("one of " + ", ".join(map(str, rule["enum"])))
    if "minimum" in rule:
        parts.append(f"at least {rule['minimum']}")
    if "maximum" in rule:
        parts.append(f"at most {rule['maximum']}")
    return "; ".join(parts)


def check_primary_key(frame: pd.DataFrame, dataset: Dataset, out: _Collector) -> None:
    key = list(dataset.primary_key)
    if not key or not set(key) <= set(frame.columns):
        return
    duplicated = frame.duplicated(subset=key, keep="first")
    out.rows(duplicated, "primary_key", key[-1],
             lambda i: f"duplicate id {tuple(frame.loc[i, key])!r}: ({', '.join(key)}) "
             "must be unique; two rows got the same id")


def check_foreign_keys(frame: pd.DataFrame, dataset: Dataset, chapter: dict[str, pd.DataFrame],
                       out: _Collector) -> None:
    """Within one chapter: every non-empty reference names a row of the target dataset."""
    for column, target, target_column in dataset.foreign_keys:
        if column not in frame.columns:
            continue
        values = frame[column]
        present = values.notna()
        if not present.any():
            continue
        parent = frame if target == dataset.name else chapter.get(target)
        if parent is None or target_column not in parent.columns:
            out.add("foreign_key", f"{column} refers to {target}.{target_column}, but "
                    f"{target} is not built for this chapter", column=column)
            continue
        dangling = present & ~values.isin(set(parent[target_column].dropna()))
        out.rows(dangling, "foreign_key", column,
                 lambda i, v=values, ref=f"{target}.{target_column}":
                 f"{v[i]!r} is not a {ref} in this chapter")


def check_spans(frame: pd.DataFrame, dataset: Dataset, chapter: dict[str, pd.DataFrame],
                out: _Collector) -> None:
    """``text[start:end]`` of the paragraph equals the row's surface/text."""
    column = SPAN_TEXT.get(dataset.name)
    paragraphs = chapter.get("paragraphs")
    needed = {"para_id", "start", "end", column or ""}
    if column is None or paragraphs is None or not needed <= set(frame.columns) or frame.empty:
        return
    texts = dict(zip(paragraphs["para_id"], paragraphs["text"], strict=True))
    typed = frame[["para_id", "start", "end", column]].astype(object)
    sliced = [
        texts[p][s:e] if isinstance(texts.get(p), str) and isinstance(s, int)
        and isinstance(e, int) else None
        for p, s, e in zip(typed["para_id"], typed["start"], typed["end"], strict=True)]
    expected = pd.Series(sliced, index=frame.index, dtype=object)
    bad = expected.notna() & (expected != typed[column])
    out.rows(bad.astype(bool), "span", column,
             lambda i: f"{typed.at[i, column]!r} but the paragraph has "
             f"{expected[i]!r} at {typed.at[i, 'start']}:{typed.at[i, 'end']}")


def check_paths(frame: pd.DataFrame, paths: Paths, out: _Collector) -> None:
    """A ``path`` column names files that exist (relative to the project root)."""
    if "path" not in frame.columns:
        return
    values = frame["path"]
    missing = _flags(values, lambda v: isinstance(v, str) and not (paths.root / v).exists())
    out.rows(missing, "path", "path", lambda i: f"{values[i]!r} does not exist")


def check_csv_twin(frame: pd.DataFrame, csv: Path, out: _Collector) -> None:
    if not csv.exists():
        out.add("csv", f"{csv.name} is missing beside the Parquet file; re-run `make all`")
        return
    twin = pd.read_csv(csv, dtype=str, keep_default_na=False, encoding="utf-8")
    if list(twin.columns) != list(frame.columns):
        out.add("csv", f"CSV header {list(twin.columns)} differs from the Parquet columns "
                f"{list(frame.columns)}; re-run `make all`")
    if len(twin) != len(frame):
        out.add("csv", f"CSV has {len(twin)} rows, Parquet {len(frame)}; re-run `make all`")


# --------------------------------------------------------------------------- output/


def _relative(path: Path, paths: Paths) -> str:
    try:
        return str(path.relative_to(paths.root))
    except ValueError:
        return str(path)


def validate_chapter(chapter_id: str, paths: Paths) -> list[Problem]:
    folder = paths.output / chapter_id
    frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in DATASETS
              if (folder / f"{name}.parquet").exists()}
    if "paragraphs" not in frames:
        return [Problem(_relative(folder, paths), "paragraphs", "built",
                        f"chapter {chapter_id} has no paragraphs; run `make all`")]
    problems: list[Problem] = []
    for name, frame in frames.items():
        dataset = DATASETS[name]
        out = _Collector(_relative(folder / f"{name}.parquet", paths), name)
        check_columns(frame, dataset, out)
        if "chapter" in frame.columns:
            out.rows((frame["chapter"] != chapter_id).fillna(True).astype(bool), "chapter",
                     "chapter", lambda i, f=frame: f"{f.at[i, 'chapter']!r} in the folder "
                     f"of {chapter_id}")
        check_primary_key(frame, dataset, out)
        check_foreign_keys(frame, dataset, frames, out)
        check_spans(frame, dataset, frames, out)
        check_paths(frame, paths, out)
        check_csv_twin(frame, folder / f"{name}.csv", out)
        problems.extend(out.problems)
    return problems


def validate_combined(chapters: list[str], paths: Paths) -> list[Problem]:
    """Combined files: the schema's columns and types, and every chapter's rows."""
    problems: list[Problem] = []
    for name, dataset in DATASETS.items():
        path = paths.output / f"{name}.parquet"
        per_chapter = {c: p for c in chapters if (p := paths.output / c / f"{name}.parquet").exists()}
        out = _Collector(_relative(path, paths), name)
        if not path.exists():
            if per_chapter:
                out.add("combined", "not built though chapters have it; run `make all`")
            problems.extend(out.problems)
            continue
        # one row group (one chapter) at a time: memory stays that of the largest chapter;
        # ids are checked per chapter, where the key is unique without `chapter`
        import pyarrow.parquet as pq

        source = pq.ParquetFile(path)
        for group in range(source.num_row_groups):
            check_columns(source.read_row_group(group).to_pandas(), dataset, out)
        chapter_column = source.read(columns=["chapter"]).column("chapter") \
            if "chapter" in source.schema_arrow.names else None
        counts = (pd.Series(chapter_column.to_pylist()).value_counts()
                  if chapter_column is not None else pd.Series())
        for chapter, part in per_chapter.items():
            expected = pd.read_parquet(part, columns=["chapter"]).shape[0]
            if int(counts.get(chapter, 0)) != expected:
                out.add("combined", f"{counts.get(chapter, 0)} rows of {chapter}, its own "
                        f"file has {expected}; re-run `make all`")
        problems.extend(out.problems)
    return problems


def validate_glossary(paths: Paths) -> list[Problem]:
    path = paths.output / f"{GLOSSARY.name}.parquet"
    if not path.exists():
        return []
    out = _Collector(_relative(path, paths), GLOSSARY.name)
    frame = pd.read_parquet(path)
    check_columns(frame, GLOSSARY, out)
    check_csv_twin(frame, path.with_suffix(".csv"), out)
    return out.problems


def validate_outputs(paths: Paths) -> list[Problem]:
    """Every problem in ``output/`` for the chapters of the registry; empty when sound."""
    chapters = [c.id for c in load_registry(paths)]
    problems: list[Problem] = []
    for chapter_id in chapters:
        problems.extend(validate_chapter(chapter_id, paths))
    problems.extend(validate_combined(chapters, paths))
    problems.extend(validate_glossary(paths))
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
