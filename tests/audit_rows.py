"""What the hand-judged audits of numbers and dates check of a published row: the one
row at a judged place (chapter, paragraph or footnote, offsets) still gives the values
judged right. One reader for every audit sample (``test_number_audit*``,
``test_date_audit*``), so a change to the datasets' columns is mended once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import pytest

from tests.projects import published_rows


def published_at(dataset: str, chapter: str, para_id: str, note_id: str, start: int,
                 end: int) -> pd.Series:
    """The one row of ``dataset`` published at that place (fails when none or two)."""
    rows = published_rows(chapter, dataset)
    found = rows[(rows.para_id == para_id) & (rows.note_id == note_id)
                 & (rows.start == start) & (rows.end == end)]
    assert len(found) == 1, (dataset, chapter, para_id, note_id, start, end)
    return found.iloc[0]


def assert_number_as_judged(row: tuple[Any, ...]) -> None:
    """A number audit's row (place, surface, value, unit, measure, period start and end,
    then the judgement) is published with those values."""
    chapter, para_id, note_id, start, end, surface, value, unit, measure, \
        period_start, period_end = row[:11]
    got = published_at("numbers", chapter, para_id, note_id, start, end)
    assert (got.surface, got.unit, got.measure, got.period_start, got.period_end) == \
        (surface, unit, measure, period_start, period_end), row
    assert float(got.value) == pytest.approx(value)


def assert_date_as_judged(row: tuple[Any, ...]) -> None:
    """A date audit's row (place, then surface, kind, start and end dates, era, role,
    approx, resolved_from, flag, then the judgement) is published with those values."""
    chapter, para_id, note_id, start, end, *values = row[:-2]
    got = published_at("dates", chapter, para_id, note_id, start, end)
    assert [got.surface, got.kind, got.start_date, got.end_date, got.era, got.role,
            bool(got.approx), got.resolved_from, got.flag] == values, row


def assert_sixty_rows_across_chapters(sample: Sequence[tuple[Any, ...]]) -> None:
    """A sample of 60 rows at 60 distinct places (chapter, paragraph or footnote,
    offsets), from five chapters at least."""
    assert len(sample) == 60
    assert len({row[:5] for row in sample}) == 60
    assert len({row[0] for row in sample}) >= 5


def fully_right_count(sample: Sequence[tuple[Any, ...]], right_at: int, why_at: int,
                      audit: str) -> int:
    """How many rows of ``sample`` are judged fully right (the flag at ``right_at``),
    printed with the ``audit``'s name; every wrong row says why (at ``why_at``)."""
    right = sum(row[right_at] for row in sample)
    print(f"{audit}: {right} of {len(sample)} fully right ({right / len(sample):.0%})")
    assert all(row[why_at] for row in sample if not row[right_at])   # every wrong row says why
    return right
