"""Cell rules of the validation: a column as its schema type, and the cells that break
a rule, as masks.

Files are read as Arrow tables and checked with ``pyarrow.compute``: a column whose
Arrow type is its schema type holds no cell of another type, so only its dates are
parsed; a column of another type (a broken writer) is first converted cell by cell
(``typed_column``), each cell that is not of the schema type reported. Then the cells
that are missing (``missing_cells``), outside the field's allowed values or bounds
(``disallowed_cells``) or not among the values of another column (``not_among``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import reduce
from typing import Any, TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.common.frames import ARROW_TYPES
from pipeline.errors import PipelineError
from pipeline.schemas import Field

Mask: TypeAlias = pa.Array | pa.ChunkedArray | np.ndarray

# The Arrow type a column of each schema type is converted to, and the Arrow types a
# column may already have (every cell then of the schema type; dates: text to parse).


def is_text(arrow_type: pa.DataType) -> bool:
    return bool(pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type))


def is_numeric(arrow_type: pa.DataType) -> bool:
    return bool(pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type))


def has_schema_type(arrow_type: pa.DataType, type_: str) -> bool:
    if type_ not in ARROW_TYPES:
        raise PipelineError(f"schemas: unknown field type {type_!r}; use string, integer, "
                            "number, boolean or date")
    return {"string": is_text, "date": is_text, "integer": pa.types.is_integer,
            "number": is_numeric, "boolean": pa.types.is_boolean}[type_](arrow_type)


def typed_column(column: pa.ChunkedArray, type_: str) -> tuple[pa.ChunkedArray, Mask | None]:
    """The column as its schema type, and the cells that are not of that type (None when
    there are none): converted as they are when the column has the schema's Arrow type
    (only dates are checked), cell by cell otherwise, a cell of another type as null."""
    if has_schema_type(column.type, type_):
        return column, bad_date_cells(column) if type_ == "date" else None
    values = [cell_value(v, type_) for v in column.to_pylist()]
    bad = np.array([v is NOT_OF_TYPE for v in values], dtype=bool)
    typed = pa.chunked_array([pa.array([None if v is NOT_OF_TYPE else v for v in values],
                                       ARROW_TYPES[type_])], ARROW_TYPES[type_])
    return typed, bad


NOT_OF_TYPE = object()
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def cell_value(value: Any, type_: str) -> Any:
    """One cell as a value of the frictionless ``type_``: None when empty (NaN too),
    ``NOT_OF_TYPE`` when it is not of that type. Numbers may be written as ASCII text."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if type_ in ("string", "date"):
        return value if isinstance(value, str) and (type_ == "string" or is_iso_date(value)) \
            else NOT_OF_TYPE
    if type_ == "boolean":
        return bool(value) if value in (True, False) else NOT_OF_TYPE
    if isinstance(value, str):
        if not value:
            return None
        value = float(value) if NUMBER.fullmatch(value) else NOT_OF_TYPE
    if isinstance(value, bool) or not isinstance(value, int | float):
        return NOT_OF_TYPE
    if type_ == "integer":
        return int(value) if float(value).is_integer() else NOT_OF_TYPE
    return float(value)


def is_iso_date(text: str) -> bool:
    """``YYYY-MM-DD`` in ASCII digits, a day of the calendar."""
    if not ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def bad_date_cells(column: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """Text cells that are not ISO dates (each distinct value judged once), or None."""
    wrong = [v for v in pc.unique(column).drop_null().to_pylist() if not is_iso_date(v)]
    return pc.is_in(column, value_set=pa.array(wrong, column.type)) if wrong else None


def missing_cells(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Null cells (NaN too: pandas reads it as missing), and empty strings."""
    if is_text(column.type):
        return pc.fill_null(pc.equal(column, ""), True)
    return pc.is_null(column, nan_is_null=True)


def has_value_rule(field: Field) -> bool:
    return bool(field.allowed) or field.minimum is not None or field.maximum is not None


def disallowed_cells(column: pa.ChunkedArray, field: Field) -> pa.ChunkedArray:
    """Non-empty cells outside the field's ``allowed`` values, ``minimum`` or ``maximum``."""
    outside = [pc.less(column, field.minimum)] if field.minimum is not None else []
    if field.maximum is not None:
        outside.append(pc.greater(column, field.maximum))
    if field.allowed:
        allowed = pa.array(field.allowed, type=column.type)
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
