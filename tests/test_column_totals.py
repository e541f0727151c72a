"""A table's total columns (``tables.column_totals``) and totals that do not add up
(``totals.differing_totals``), on tables of figures made up by hand in the styles of
other ministries; every sum added by hand."""

from __future__ import annotations

import pytest

from pipeline.tables.column_totals import (
    column_groups,
    differing_columns,
    summed_rows,
    total_columns,
)
from pipeline.tables.totals import differing_totals, total_breakdowns
from pipeline.tables.values import CellValue, cell_value


def table(rows: list[list[str]]) -> tuple[list[str], list[list[CellValue | None]],
                                          list[list[str]]]:
    """Labels, values and texts of rows printed as ``rows`` (label first)."""
    values = [[None, *(cell_value(t) if t else None for t in row[1:])] for row in rows]
    return [row[0] for row in rows], values, rows


def test_groups_of_columns() -> None:
    """Unspanned heads make one group; spanned ones a group per spanning head (the heads
    under it naming its columns) and one per head under them (the spanning heads
    naming them)."""
    heads = ["区分", "合計", "所得税", "法人税"]
    assert column_groups(heads, [1, 2, 3]) == [([1, 2, 3], ["合計", "所得税", "法人税"])]
    heads = ["区分", "2021年／計", "2021年／男性", "2021年／女性", "2022年／計", "2022年／男性"]
    assert column_groups(heads, [1, 2, 3, 4, 5]) == [
        ([1, 2, 3], ["計", "男性", "女性"]), ([4, 5], ["計", "男性"]),
        ([1, 4], ["2021年", "2022年"]), ([2, 5], ["2021年", "2022年"]), ([3], ["2021年"])]
    assert column_groups(heads, []) == []


@pytest.mark.parametrize("heads, rows, found", [
    # 経済産業 style, a total column under each year: 7,500 = 5,200 + 2,300; 7,600 =
    # 5,250 + 2,350; 3,000 = 1,800 + 1,200; 3,100 = 1,850 + 1,250
    (["区分", "2021年／計", "2021年／男性", "2021年／女性", "2022年／計", "2022年／男性",
      "2022年／女性"],
     [["製造業", "7,500", "5,200", "2,300", "7,600", "5,250", "2,350"],
      ["卸売業", "3,000", "1,800", "1,200", "3,100", "1,850", "1,250"]],
     [[], [[2, 3]], [], [], [[5, 6]], [], []]),
    # 厚生労働 style, the total spanning its figures and shares: 計／実数 = 男性／実数 +
    # 女性／実数 (100 = 60 + 40; 80 = 50 + 30); the shares (構成比) are not added
    (["区分", "計／実数", "計／構成比", "男性／実数", "男性／構成比", "女性／実数", "女性／構成比"],
     [["15～64歳", "100", "55.6", "60", "54.5", "40", "57.1"],
      ["65歳以上", "80", "44.4", "50", "45.5", "30", "42.9"]],
     [[], [[3, 5]], [], [], [], [], []]),
    # 農林水産 style, 計 closing the regions' columns: 10 + 20 + 30 = 60; 1 + 2 + 3 = 6
    (["区分", "北海道", "東北", "関東", "計"],
     [["水稲", "10", "20", "30", "60"], ["麦", "1", "2", "3", "6"]],
     [[], [], [], [], [[1, 2, 3]]]),
    # a total heading two breakdowns: 10 = 4 + 6 = 3 + 7
    (["区分", "総数", "男性", "女性", "若年", "高齢"], [["甲", "10", "4", "6", "3", "7"]],
     [[], [[2, 3], [4, 5]], [], [], [], []]),
    # no head naming a total: no total column, though 10 = 4 + 6
    (["区分", "全産業", "男性", "女性"], [["甲", "10", "4", "6"]], [[], [], [], []]),
])
def test_total_columns(heads: list[str], rows: list[list[str]],
                       found: list[list[list[int]]]) -> None:
    labels, values, texts = table(rows)
    summed = [c for c in range(1, len(heads)) if "構成比" not in heads[c]]
    assert total_columns(heads, labels, values, texts, summed) == found


def test_rows_of_shares_are_not_added_across() -> None:
    """A row of shares (構成比) or of figures in % is not summed across."""
    labels, values, _ = table([["実数", "10", "4", "6"], ["構成比", "100.0", "40.0", "60.0"],
                               ["割合", "100%", "40%", "60%"]])
    assert summed_rows(labels, values) == [0]


def test_a_total_that_does_not_add_up() -> None:
    """計 closing 甲 and 乙 (5 + 6 = 11, not 14: more than the rounding of three printed
    figures) is flagged; one that adds up, one with a figure missing among its rows (x:
    unknown), and a row naming no total are not."""
    labels, values, texts = table([["甲", "5"], ["乙", "6"], ["計", "14"]])
    found = total_breakdowns(labels, [None] * 3, values, texts, [1])
    assert differing_totals(labels, [None] * 3, values, texts, [1], found) \
        == [False, False, True]
    labels, values, texts = table([["甲", "5"], ["乙", "6"], ["計", "11"]])
    found = total_breakdowns(labels, [None] * 3, values, texts, [1])
    assert found == [[], [], [[0, 1]]]
    assert differing_totals(labels, [None] * 3, values, texts, [1], found) == [False] * 3
    labels, values, texts = table([["甲", "5"], ["乙", "x"], ["計", "14"]])
    assert differing_totals(labels, [None] * 3, values, texts, [1], [[]] * 3) == [False] * 3
    labels, values, texts = table([["甲", "5"], ["乙", "6"], ["全産業", "14"]])
    assert differing_totals(labels, [None] * 3, values, texts, [1], [[]] * 3) == [False] * 3
    # 総数 heading 男性 and 女性 (60 + 40 = 100) and a row of another measure after them:
    # no sum of the run, but of its first rows: no flag (and no total_of either)
    labels, values, texts = table([["総数", "100"], ["男性", "60"], ["女性", "40"],
                                   ["平均年齢", "45"]])
    found = total_breakdowns(labels, [None] * 4, values, texts, [1])
    assert found == [[]] * 4
    assert differing_totals(labels, [None] * 4, values, texts, [1], found) == [False] * 4
    # 全国 over the prefectures' average ages: no sum meant, no flag
    labels, values, texts = table([["全国", "48.4"], ["北海道", "50.2"], ["東京", "45.1"]])
    assert differing_totals(labels, [None] * 3, values, texts, [1], [[]] * 3) == [False] * 3


def test_a_total_column_that_does_not_add_up() -> None:
    heads = ["区分", "北海道", "東北", "計"]
    """計 is 北海道 + 東北 in 麦 (1 + 2 = 3), not in 水稲 (10 + 20 = 30, not 33): flagged."""
    labels, values, texts = table([["水稲", "10", "20", "33"], ["麦", "1", "2", "3"]])
    found = total_columns(heads, labels, values, texts, [1, 2, 3])
    assert found == [[], [], [], []]
    assert differing_columns(heads, labels, values, texts, [1, 2, 3], found) \
        == [False, False, False, True]
