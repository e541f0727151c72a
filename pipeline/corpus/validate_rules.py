"""Cell and column rules for ``pipeline.corpus.validate``: which cells of a column break a type,
a required value or an allowed value.

The pandas rules (``bad_type_mask``, ``missing_mask``, ``not_allowed_mask``) define what each
check means, cell by cell; the Arrow rules give the same answers for whole columns stored
with their schema type, which is the usual case and much faster. ``validate`` uses the
Arrow rules where ``arrow_decides`` says they suffice and the pandas rules otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import reduce
from typing import Any, TypeAlias

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.errors import PipelineError

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ASCII_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


# --------------------------------------------------------------------------- cell rules (pandas)


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
    """True where a non-empty cell breaks ``rule``'s ``enum``, ``minimum`` or ``maximum``."""
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


# --------------------------------------------------------------------------- column rules (Arrow)

Mask: TypeAlias = pa.Array | pa.ChunkedArray | pd.Series | np.ndarray


def is_text(arrow_type: pa.DataType) -> bool:
    return bool(pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type))


def is_numeric(arrow_type: pa.DataType) -> bool:
    return bool(pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type))


# Arrow types whose every cell is of the frictionless type (dates: text still to parse).
ARROW_TYPES: dict[str, Callable[[pa.DataType], bool]] = {
    "string": is_text, "date": is_text, "integer": pa.types.is_integer,
    "number": is_numeric, "boolean": pa.types.is_boolean}


# The pandas dtypes ``frames.to_frame`` writes, for the Arrow types they are stored as.
NULLABLE_DTYPES = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
                   pa.bool_(): pd.BooleanDtype(), pa.string(): pd.StringDtype(),
                   pa.large_string(): pd.StringDtype()}


def arrow_decides(arrow_type: pa.DataType, type_: str, rule: dict[str, Any]) -> bool:
    """Whether the Arrow rules decide a column as the pandas rules would: it has its
    schema type, its bounds are on numbers and its allowed values on text."""
    has_type = ARROW_TYPES.get(type_)
    if has_type is None or not has_type(arrow_type):
        return False
    if ("minimum" in rule or "maximum" in rule) and not is_numeric(arrow_type):
        return False
    return "enum" not in rule or (is_text(arrow_type)
                                  and all(isinstance(v, str) for v in rule["enum"]))


def bad_date_cells(column: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """Text cells that are not ISO dates, or None when every cell is one.

    A value Arrow parses and prints back unchanged is a date; the few others are
    judged by ``bad_type_mask``, once per distinct value."""
    printed = pc.strftime(pc.strptime(column, format="%Y-%m-%d", unit="s",
                                      error_is_null=True), format="%Y-%m-%d")
    surely = pc.and_kleene(pc.match_substring_regex(column, ASCII_ISO_DATE),
                           pc.fill_null(pc.equal(printed, column), False))
    doubtful = pc.unique(column.filter(pc.invert(surely))).drop_null()
    if not len(doubtful):
        return None
    bad = bad_type_mask(pd.Series(doubtful.to_pylist(), dtype="string"), "date")
    return pc.is_in(column, value_set=doubtful.filter(pa.array(bad.to_numpy(dtype=bool))))


def missing_cells(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Null cells (NaN too: pandas reads it as missing), and empty strings."""
    if is_text(column.type):
        return pc.fill_null(pc.equal(column, ""), True)
    return pc.is_null(column, nan_is_null=True)


def disallowed_cells(column: pa.ChunkedArray, rule: dict[str, Any]) -> pa.ChunkedArray:
    """Non-empty cells outside ``rule``'s ``enum``, ``minimum`` or ``maximum``."""
    outside = [pc.less(column, rule["minimum"])] if "minimum" in rule else []
    if "maximum" in rule:
        outside.append(pc.greater(column, rule["maximum"]))
    if "enum" in rule:
        allowed = pa.array(rule["enum"], type=column.type)
        outside.append(pc.invert(pc.is_in(column, value_set=allowed)))
    return pc.and_(pc.is_valid(column), reduce(pc.or_kleene, outside))


def not_among(values: pa.ChunkedArray, known: pa.ChunkedArray) -> Mask:
    """Non-empty values that are not among the non-empty ``known`` ones."""
    if values.type != known.type:   # a broken writer: compare as Python values
        found = set(known.drop_null().to_pylist())
        return np.array([v is not None and v not in found for v in values.to_pylist()],
                        dtype=bool)
    present = pc.invert(pc.is_null(values, nan_is_null=True))
    listed = pc.is_in(values, value_set=known.drop_null().combine_chunks())
    return pc.and_(present, pc.invert(listed))


def true_rows(mask: Mask) -> np.ndarray:
    """0-based positions of the True cells of a mask (a null cell counts as False)."""
    if isinstance(mask, pa.Array | pa.ChunkedArray):
        mask = (pc.fill_null(mask, False) if mask.null_count else mask).to_numpy(
            zero_copy_only=False)
    return np.flatnonzero(np.asarray(mask, dtype=bool))
