"""Text tables of other ministries' white papers, made up in their styles (html-text):
the levels of flush rows a total heads (``text_levels.flush_levels``), a ``（内訳）``
line (``text_levels.marked_levels``), labels set in by half-width spaces or tabs, the
rows and columns a total sums (``total_of``, ``total_of_columns``), a total that does
not add up (``sum_differs``) and the units of a unit line of two units. Every cell
below is read off the made-up text by hand and each sum added by hand."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
from test_tables_text import cells_of, chapter_cells  # noqa: E402

# 厚生労働 style: 総数 heads two breakdowns printed flush (by sex, then by age), a part
# of 女性 between them
MHLW = """第2章　雇用の動向
表2-1-1　雇用形態別雇用者数
（単位：万人）
区分　2021年　2022年　2023年
総数　5,662　5,689　5,730
男性　3,011　3,018　3,030
女性　2,651　2,671　2,700
うち非正規　1,437　1,432　1,461
15～34歳　1,500　1,490　1,480
35～54歳　2,600　2,610　2,630
55歳以上　1,562　1,589　1,620
資料：総務省「労働力調査」
"""


def rows_of(cells: pd.DataFrame, table_id: str) -> list[tuple[Any, ...]]:
    """One line per row: label, level, parent row, total of, flag (of the label cell)."""
    return [(row[2], row[5], row[6], row[7]) for row in cells_of(cells, table_id)
            if row[1] == cells_of(cells, table_id)[0][1]]


def test_a_total_heading_two_breakdowns_and_a_part_between() -> None:
    """総数 is 男性 + 女性 (3,011 + 2,651 = 5,662; 3,018 + 2,671 = 5,689; 3,030 + 2,700 =
    5,730) and the three ages too (1,500 + 2,600 + 1,562 = 5,662; 1,490 + 2,610 + 1,589 =
    5,689; 1,480 + 2,630 + 1,620 = 5,730): total of 2-3 and of 5-7, each row 1 under it;
    うち非正規 a part of 女性 (2, row 3: 1,437 ≤ 2,651), no addend."""
    _, cells = chapter_cells(MHLW)
    assert rows_of(cells, "t01") == [
        ("総数", 0, None, "2-3;5-7"), ("男性", 1, 1, None), ("女性", 1, 1, None),
        ("うち非正規", 2, 3, None), ("15～34歳", 1, 1, None), ("35～54歳", 1, 1, None),
        ("55歳以上", 1, 1, None)]
    assert set(cells[cells["column"] != "区分"]["column_unit"]) == {"万人"}
    assert cells["flag"].isna().all()


def test_two_breakdowns_set_in_under_a_total() -> None:
    """The same rows set in by a full-width space (the part by two): 総数 sums each
    breakdown of the rows one level under it, 2-3 and 5-7; the part 2 under 女性."""
    indented = "\n".join(line if line.startswith(("総数", "区分", "表", "（", "資料", "第"))
                         else ("　" if "うち" not in line else "　　") + line
                         for line in MHLW.splitlines()) + "\n"
    _, cells = chapter_cells(indented)
    assert rows_of(cells, "t01") == [
        ("総数", 0, None, "2-3;5-7"), ("男性", 1, 1, None), ("女性", 1, 1, None),
        ("うち非正規", 2, 3, None), ("15～34歳", 1, 1, None), ("35～54歳", 1, 1, None),
        ("55歳以上", 1, 1, None)]


def test_a_total_that_does_not_add_up_is_flagged() -> None:
    """総数 printed 5,762 in 2021 (男性 + 女性 = 3,011 + 2,651 = 5,662, the ages 1,500 +
    2,600 + 1,562 = 5,662 too): the total of neither: no total_of, its rows all 0 but
    the part (1 under 女性), and its cells flagged ``sum_differs``; 男性's are not.
    Where only 女性 is misprinted (2,551), the ages still sum to 総数: it is no total
    of a run of both breakdowns, but not flagged (a run next to it adds up)."""
    _, cells = chapter_cells(MHLW.replace("総数　5,662", "総数　5,762"))
    first = cells[cells["row"] == 1]
    assert first["total_of"].isna().all()
    assert set(first["flag"]) == {"sum_differs"}
    assert cells[cells["row"] > 1]["flag"].isna().all()
    assert rows_of(cells, "t01")[:4] == [("総数", 0, None, None), ("男性", 0, None, None),
                                         ("女性", 0, None, None), ("うち非正規", 1, 3, None)]
    _, cells = chapter_cells(MHLW.replace("女性　2,651", "女性　2,551")
                             .replace("うち非正規　1,437", "うち非正規　1,337"))
    assert cells[cells["row"] == 1]["total_of"].isna().all()
    assert cells["flag"].isna().all()


# 農林水産 style: 農業産出額 (no word of a total) over （内訳）; the items flush
MAFF = """第3章　農業の動向
表3-1-2　農業産出額の内訳
（単位：億円）
区分　2021年　2022年
農業産出額　88,384　90,015
（内訳）
米　13,699　13,946
野菜　21,467　22,298
果実　9,159　9,232
畜産　34,048　34,678
その他　10,011　9,861
資料：農林水産省「生産農業所得統計」
"""


def test_rows_under_a_breakdown_mark() -> None:
    """The five items under ``（内訳）`` are 1 under 農業産出額 (row 1), which is their sum
    (13,699 + 21,467 + 9,159 + 34,048 + 10,011 = 88,384; 13,946 + 22,298 + 9,232 + 34,678 +
    9,861 = 90,015), so its total_of is 2-6 though its label names no total."""
    _, cells = chapter_cells(MAFF)
    assert rows_of(cells, "t01") == [("農業産出額", 0, None, "2-6")] + [
        (label, 1, 1, None) for label in ("米", "野菜", "果実", "畜産", "その他")]


def test_rows_under_a_breakdown_mark_that_do_not_add_up() -> None:
    """The mark still sets the items under 農業産出額 (the text says they break it down),
    but with その他 left out they do not sum to it: no total_of (no word of a total, no
    flag)."""
    _, cells = chapter_cells(MAFF.replace("その他　10,011　9,861\n", ""))
    assert rows_of(cells, "t01") == [("農業産出額", 0, None, None)] + [
        (label, 1, 1, None) for label in ("米", "野菜", "果実", "畜産")]
    assert cells["flag"].isna().all()


# 経済産業 style: a unit line of two counts; labels set in by one half-width space; 内閣府
# style: by tabs
METI = """第2章　製造業の動向
表2-3-1　規模別事業所数及び従業者数
（単位：事業所、人）
区分　事業所数　従業者数
計　180,000　7,460,000
 4～29人　140,000　1,460,000
 30人以上　40,000　6,000,000
資料：経済産業省「経済構造実態調査」
"""


def test_a_unit_line_of_two_counts_and_labels_set_in_by_half_width_spaces() -> None:
    """事業所数 counts 事業所 and 従業者数 persons (人); 4～29人 and 30人以上, set in by one
    half-width space each, are 1 under 計, its addends (140,000 + 40,000 = 180,000;
    1,460,000 + 6,000,000 = 7,460,000)."""
    _, cells = chapter_cells(METI)
    units = cells.groupby("column", sort=False)["column_unit"].first()
    assert list(units.fillna("")) == ["", "事業所", "人"]
    assert rows_of(cells, "t01") == [("計", 0, None, "2-3"), ("4～29人", 1, 1, None),
                                     ("30人以上", 1, 1, None)]


def test_a_unit_line_of_two_counts_closing_the_title() -> None:
    """The same table with its unit line closing the caption's title: the same units."""
    _, cells = chapter_cells(METI.replace("及び従業者数\n（単位：事業所、人）",
                                          "及び従業者数（単位：事業所、人）"))
    units = cells.groupby("column", sort=False)["column_unit"].first()
    assert list(units.fillna("")) == ["", "事業所", "人"]


def test_a_stray_half_width_space_is_no_indentation() -> None:
    """One label alone set in by a half-width space (as a PDF's text opens a line now and
    then): no step; 計 still heads the two rows flush and sums them."""
    _, cells = chapter_cells(METI.replace(" 30人以上", "30人以上"))
    assert rows_of(cells, "t01") == [("計", 0, None, "2-3"), ("4～29人", 1, 1, None),
                                     ("30人以上", 1, 1, None)]
    _, cells = chapter_cells(METI.replace(" 30人以上", "30人以上").replace("計　", "合計　"))
    assert [row[1] for row in rows_of(cells, "t01")] == [0, 1, 1]


CABINET = """第1章　経済の動向
表1-2-1　部門別支出
（単位：兆円）
区分\t2022年度\t2023年度
\t家計\t300.5\t305.2
\t\tうち食料\t80.1\t82.0
\t企業\t90.4\t95.1
"""


def test_labels_set_in_by_tabs() -> None:
    """A tab is a step: 家計 and 企業 (one tab, the leftmost) 0, うち食料 (two) 1 under 家計
    (row 1), a part (80.1 ≤ 300.5), no addend."""
    _, cells = chapter_cells(CABINET + "資料：内閣府「国民経済計算」\n")
    assert rows_of(cells, "t01") == [("家計", 0, None, None), ("うち食料", 1, 1, None),
                                     ("企業", 0, None, None)]


# 財務 style: a total column, 合計 over the taxes; a closing 合計 row; a unit line of an
# amount and %
MOF = """第1章　財政の動向
表1-2-1　一般会計歳出予算の推移
（単位：億円、％）
区分　2023年度　2024年度　伸び率
社会保障関係費　368,889　377,193　2.3
地方交付税交付金等　163,992　177,863　8.5
国債費　252,503　270,090　7.0
その他　354,735　297,571　△16.1
合計　1,140,119　1,122,717　△1.5
資料：財務省
表1-2-2　税目別税収
（単位：億円）
区分　合計　所得税　法人税　消費税
当初予算　544,000　213,000　132,000　199,000
決算　583,000　224,000　149,000　210,000
資料：財務省
"""


def test_a_closing_total_of_a_budget_table() -> None:
    """合計 closes the four rows (368,889 + 163,992 + 252,503 + 354,735 = 1,140,119; 377,193
    + 177,863 + 270,090 + 297,571 = 1,122,717), 伸び率 (%) left out; a closing total says
    nothing of the rows' levels (all flush, none). The years in 億円, 伸び率 in %."""
    _, cells = chapter_cells(MOF)
    assert rows_of(cells, "t01") == [
        ("社会保障関係費", None, None, None), ("地方交付税交付金等", None, None, None),
        ("国債費", None, None, None), ("その他", None, None, None),
        ("合計", None, None, "1-4")]
    units = cells[cells["table_id"] == "t01"].groupby("column", sort=False)["column_unit"]
    assert list(units.first().fillna("")) == ["", "億円", "億円", "%"]


def test_a_total_column() -> None:
    """合計 is 所得税 + 法人税 + 消費税 in each row (213,000 + 132,000 + 199,000 = 544,000;
    224,000 + 149,000 + 210,000 = 583,000): its cells (the column's, every row) say so;
    the other columns' say nothing."""
    _, cells = chapter_cells(MOF)
    second = cells[cells["table_id"] == "t02"]
    found = second["total_of_columns"].fillna("").groupby(second["column"], sort=False).agg(set)
    assert found.to_dict() == {"区分": {""}, "合計": {'[["所得税", "法人税", "消費税"]]'},
                               "所得税": {""}, "法人税": {""}, "消費税": {""}}
    assert second["flag"].isna().all()


def test_a_total_column_that_does_not_add_up() -> None:
    """消費税 printed 189,000 in 当初予算 (the sum 534,000, not 544,000): 合計 is the total
    of no columns, and its cells are flagged ``sum_differs``."""
    _, cells = chapter_cells(MOF.replace("132,000　199,000", "132,000　189,000"))
    second = cells[cells["table_id"] == "t02"]
    assert second["total_of_columns"].isna().all()
    assert list(second[second["flag"].notna()]["column"]) == ["合計", "合計"]
    assert set(second["flag"].dropna()) == {"sum_differs"}
