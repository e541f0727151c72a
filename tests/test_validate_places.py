"""Validation of where a number or date is printed: a paragraph or a footnote (issue 15).
Works on a copy of the real output of ict2019-3-1, whose footnotes hold figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from pipeline.common.frames import write_csv, write_parquet
from pipeline.corpus.validate import validate_outputs
from tests.conftest import needs_output
from tests.test_validate import copy_build, errors

CHAPTER = "ict2019-3-1"


def dangling_note(row: int) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, "note_id"] = "n999"
        return frame
    return change


def shifted_span(row: int) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, "start"] = frame.loc[row, "start"] + 1
        return frame
    return change


def two_places(row: int) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, "para_id"] = frame["para_id"].dropna().iloc[0]
        return frame
    return change


@needs_output
@pytest.mark.parametrize("dataset", ["numbers", "dates"])
@pytest.mark.parametrize(("make_change", "rule", "column", "words"), [
    (dangling_note, "foreign_key", "note_id", "'n999' is not a footnotes.note_id"),
    (shifted_span, "span", "surface", "but the footnote has"),
    (two_places, "place", "note_id", "exactly one of para_id and note_id"),
])
def test_a_footnote_row_out_of_place_is_named(tmp_path: Path, dataset: str,
                                              make_change: Callable[[int], Callable[
                                                  [pd.DataFrame], pd.DataFrame]],
                                              rule: str, column: str, words: str) -> None:
    paths = copy_build(tmp_path, (CHAPTER,))
    target = paths.output / CHAPTER / f"{dataset}.parquet"
    frame = pd.read_parquet(target)
    index = int(frame.index[frame["where"] == "footnote"][0])
    changed = make_change(index)(frame)
    write_parquet(changed, target)
    write_csv(changed, target.with_suffix(".csv"))
    found = [p for p in errors(validate_outputs(paths)) if p.rule == rule]
    assert [(p.dataset, p.row, p.column) for p in found] == [(dataset, index + 1, column)]
    assert words in found[0].message
