"""Cells naming a point in time, and the rule reading a row of them as the labels of a
time series: cases checked by hand (令和元年 = 2019, 平成30年 = 2018)."""

from __future__ import annotations

import pytest

from pipeline.tables.time_points import (
    heads_time_series,
    labels_rows,
    runs_in_order,
    time_point,
)


@pytest.mark.parametrize("text, point", [
    ("2018年", ("year", 201800)), ("２０２０年度", ("year", 202000)), ("2018", ("year", 201800)),
    ("FY2020", ("year", 202000)), ("2020年3月", ("year", 202003)), ("2020/3", ("year", 202003)),
    ("令和2年", ("year", 202000)), ("令和元年度", ("year", 201900)), ("R2", ("year", 202000)),
    ("平成30年", ("year", 201800)), ("H30", ("year", 201800)), ("4月", ("month", 4)),
    ("12月末", ("month", 12)),
    ("13月", None), ("2020年13月", None), ("1,234", None), ("12.3%", None), ("5万人", None),
    ("3.4億", None), ("10", None), ("区分", None),
])
def test_time_point(text: str, point: tuple[str, int] | None) -> None:
    assert time_point(text) == point


@pytest.mark.parametrize("months, in_order", [
    ([1, 2, 3], True), ([4, 5, 12, 1, 3], True), ([3, 2, 1], True),
    ([4, 5, 1, 2, 6], False), ([1, 1], False), ([5], False),
])
def test_runs_in_order(months: list[int], in_order: bool) -> None:
    assert runs_in_order([("month", m) for m in months]) is in_order


def test_runs_in_order_needs_one_kind() -> None:
    assert not runs_in_order([("year", 201800), ("month", 4)])


def test_heads_time_series() -> None:
    below = [["日本", "195,260", "195,757"], ["米国", "617,354", ""]]
    assert heads_time_series(["", "2018年", "2019年"], [0, 0, 0], below)
    assert not heads_time_series(["", "2018年", "1,234"], [0, 0, 0], below)
    assert not heads_time_series(["", "2018年", "2019年"], [0, 0, 0], [["", "2020年", "2021年"]])
    # under two spanning cells each group of years runs in order on its own
    assert heads_time_series(["", "2000", "2020", "2000", "2020"], [0, 1, 1, 3, 3],
                             [["計", "1", "2", "3", "4"]])
    assert not heads_time_series(["", "2000", "2020", "2000", "2020"], [0, 0, 0, 0, 0],
                                 [["計", "1", "2", "3", "4"]])


@pytest.mark.parametrize("cells, labels", [
    (["2019", "2020", "2021"], True),            # years down a 年度 column
    (["令和3年度", "令和4年度", ""], True),
    (["2021", "2020", "2019"], True),             # newest first
    (["2019", "2019", "2021"], False),            # not in order: figures, maybe
    (["1,950", "2,010", "2,045"], False),         # counts, printed with commas
    (["2019", "合計"], False),
    (["2019"], False),
])
def test_years_labelling_rows(cells: list[str], labels: bool) -> None:
    assert labels_rows(cells) is labels
