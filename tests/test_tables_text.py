"""Tables printed as text, a row a line (html-text and pdf-text sources of other
ministries, made up in their styles): the rows of a table whose cells are set apart by
spaces, read as the table's text rather than body paragraphs (``extract.html_text``);
the ``level`` of a row from its label's indentation or a part it names
(``tables.text_levels``); the total it is (``total_of``). Every cell below is read off
the made-up text by hand, each sum added by hand."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from pipeline.common.frames import to_frame
from pipeline.extract.html_text import extract_html_text, figure_cells, table_rows
from pipeline.schemas import DATASETS, Extracted, Layout, SourceLine
from pipeline.structure.stage import line_indents, structure_chapter
from pipeline.tables.caption_lines import leading_ems, source_indents
from pipeline.tables.cell_records import cell_rows
from pipeline.tables.chapter_tables import rebuild_tables
from pipeline.tables.text_levels import fits_in, flush_levels, indent_levels, marked_levels
from pipeline.tables.values import CellValue

# 厚生労働 style: a unit line between the caption and the heads, cells set apart by
# full-width spaces, sub-categories set in by full-width spaces.
MHLW = """第1章　雇用の動向
第1節　就業者数の推移
2022年の就業者数は6,723万人となり、前年に比べ10万人増加した。
表1-1-1　就業者数の推移
（単位：万人）
区分　2020年　2021年　2022年
総数　6,710　6,713　6,723
　男性　3,709　3,687　3,699
　女性　3,001　3,026　3,024
　　うち非正規　1,425　1,413　1,432
資料：総務省「労働力調査」
このように就業者数は緩やかに増加している。
"""

# 総務 style: a figure whose table is printed with single spaces, rows longer than a
# link text, its unit closing the caption's title; a figure printed as an image (no
# text) and a sentence of figures after it.
SOUMU = """第1章　ICT市場の動向
第1節　市場規模
2022年の情報通信産業の市場規模は拡大した。
図表1-1-1　情報通信産業の売上高の推移（単位：十億円）
区分 2020年 2021年 2022年
電気通信業 15,510.8 16,023.1 16,512.9
放送業 3,810.5 3,720.4 3,650.1
インターネット附随サービス業 4,500.0 5,000.0 5,600.0
計 23,821.3 24,743.5 25,763.0
（出典）総務省「情報通信業基本調査」
情報サービス業の売上高は3年連続で増加した。
図表1-1-2　ICT関連の主な出来事
（出典）総務省作成
放送業 3,810.5億円 と 3,720.4億円 であった。
"""

# 農林水産 style: prefectures set in over a flush 計 that closes them; flush rows over a
# 計 centred (set in by two full-width spaces) under them.
MAFF = """第1章　農業の動向
表1-1-1　都道府県別作付面積
（単位：ha）
都道府県　面積　収穫量
　北海道　95,300　553,200
　青森　41,700　256,300
　秋田　84,800　456,500
計　221,800　1,266,000
資料：農林水産省「作物統計」
表1-1-2　地域別作付面積
（単位：ha）
地域　面積
北海道　95,300
東北　120,000
　　計　215,300
資料：農林水産省「作物統計」
"""

# flush labels: parts named うち…, 計 closing the rows that are no parts; then a total
# heading its two rows with a part after them (of 女性, or of 総数? the text does not say)
FLUSH = """第1章　就業の動向
表1-1-1　産業別就業者数
区分 2020年 2021年 2022年
農業 100 98 95
うち女性 40 39 37
林業 20 21 22
漁業 30 29 28
計 150 148 145
資料：総務省「労働力調査」
表1-1-2　男女別就業者数
区分 2020年 2021年 2022年
総数 6,710 6,713 6,723
男性 3,709 3,687 3,699
女性 3,001 3,026 3,024
うち非正規 1,425 1,413 1,432
資料：総務省「労働力調査」
"""


def chapter_cells(text: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The paragraphs and ``table_cells`` of a made-up html-text chapter, built as the
    stages build them (extract, structure, tables)."""
    extracted = extract_html_text(text, "x2023-1-1")
    structured = structure_chapter(extracted)
    paragraphs = to_frame(DATASETS["paragraphs"], structured.paragraphs)
    figures = to_frame(DATASETS["figures"], structured.figures)
    tables = rebuild_tables(paragraphs, figures, (),
                            source_indents(dict(line_indents(extracted)))).tables
    return paragraphs, pd.DataFrame(cell_rows(tables))


def cells_of(cells: pd.DataFrame, table_id: str) -> list[tuple[Any, ...]]:
    """Each cell: row, column, text, value, column unit, level, parent row, total of."""
    part = cells[cells["table_id"] == table_id]
    return [tuple(None if pd.isna(v) else v for v in row) for row in part[
        ["row", "column", "text", "value", "column_unit", "level", "parent_row", "total_of"]
    ].itertuples(index=False)]


def test_a_table_after_its_unit_line_is_table_text() -> None:
    """The rows after ``（単位：万人）`` were body paragraphs, and the last row before the
    source (``うち非正規　1,425…``) an unlabelled caption taking the source."""
    paragraphs, _ = chapter_cells(MHLW)
    kinds = list(zip(paragraphs["kind"], paragraphs["figure_id"].fillna(""), strict=True))
    assert kinds == [("body", ""), ("caption", "f001"), ("note", "f001")] \
        + [("table_text", "f001")] * 5 + [("source", "f001"), ("body", "")]


def test_every_cell_of_an_indented_table() -> None:
    """総数 0; 男性, 女性 1 under it (row 1), and 総数 their sum (3,709 + 3,001 = 6,710;
    3,687 + 3,026 = 6,713; 3,699 + 3,024 = 6,723); うち非正規 2 under 女性 (row 3), a part,
    no addend. Figures in 万人 (the unit line)."""
    _, cells = chapter_cells(MHLW)
    years = ("2020年", "2021年", "2022年")
    rows = [("総数", (6710, 6713, 6723), 0, None, "2-3"),
            ("男性", (3709, 3687, 3699), 1, 1, None),
            ("女性", (3001, 3026, 3024), 1, 1, None),
            ("うち非正規", (1425, 1413, 1432), 2, 3, None)]
    expected = []
    for n, (label, values, level, parent, total) in enumerate(rows, 1):
        expected.append((n, "区分", label, None, None, level, parent, total))
        expected += [(n, year, f"{value:,}", float(value), "万人", level, parent, total)
                     for year, value in zip(years, values, strict=True)]
    assert cells_of(cells, "t01") == expected


def test_a_figure_printed_with_single_spaces() -> None:
    """The figure's rows (one longer than a link text, 30 characters) are its text, read
    as a table in 十億円; 計 closes the three rows (15,510.8 + 3,810.5 + 4,500.0 =
    23,821.3; 16,023.1 + 3,720.4 + 5,000.0 = 24,743.5; 16,512.9 + 3,650.1 + 5,600.0 =
    25,763.0). Flush labels and no part: no level. The sentence after the image's
    source stays body."""
    paragraphs, cells = chapter_cells(SOUMU)
    assert list(paragraphs["kind"]) == ["body", "caption"] + ["figure_text"] * 5 + [
        "source", "body", "caption", "source", "body"]
    years = ("2020年", "2021年", "2022年")
    rows = [("電気通信業", ("15,510.8", "16,023.1", "16,512.9"), None),
            ("放送業", ("3,810.5", "3,720.4", "3,650.1"), None),
            ("インターネット附随サービス業", ("4,500.0", "5,000.0", "5,600.0"), None),
            ("計", ("23,821.3", "24,743.5", "25,763.0"), "1-3")]
    expected = []
    for n, (label, texts, total) in enumerate(rows, 1):
        expected.append((n, "区分", label, None, None, None, None, total))
        expected += [(n, year, text, float(text.replace(",", "")), "十億円", None, None, total)
                     for year, text in zip(years, texts, strict=True)]
    assert cells_of(cells, "t01") == expected


def test_prefectures_set_in_over_the_total_that_closes_them() -> None:
    """表1-1-1: the prefectures 1, 計 0 closing them (95,300 + 41,700 + 84,800 = 221,800;
    553,200 + 256,300 + 456,500 = 1,266,000); no parent (計 is under them). 表1-1-2: 計
    set in by two spaces is centred, no sub-category: no level, and it still closes
    北海道 and 東北 (95,300 + 120,000 = 215,300)."""
    _, cells = chapter_cells(MAFF)
    assert cells_of(cells, "t01") == [
        (1, "都道府県", "北海道", None, None, 1, None, None),
        (1, "面積", "95,300", 95300.0, "ha", 1, None, None),
        (1, "収穫量", "553,200", 553200.0, "ha", 1, None, None),
        (2, "都道府県", "青森", None, None, 1, None, None),
        (2, "面積", "41,700", 41700.0, "ha", 1, None, None),
        (2, "収穫量", "256,300", 256300.0, "ha", 1, None, None),
        (3, "都道府県", "秋田", None, None, 1, None, None),
        (3, "面積", "84,800", 84800.0, "ha", 1, None, None),
        (3, "収穫量", "456,500", 456500.0, "ha", 1, None, None),
        (4, "都道府県", "計", None, None, 0, None, "1-3"),
        (4, "面積", "221,800", 221800.0, "ha", 0, None, "1-3"),
        (4, "収穫量", "1,266,000", 1266000.0, "ha", 0, None, "1-3")]
    assert cells_of(cells, "t02") == [
        (1, "地域", "北海道", None, None, None, None, None),
        (1, "面積", "95,300", 95300.0, "ha", None, None, None),
        (2, "地域", "東北", None, None, None, None, None),
        (2, "面積", "120,000", 120000.0, "ha", None, None, None),
        (3, "地域", "計", None, None, None, None, "1-2"),
        (3, "面積", "215,300", 215300.0, "ha", None, None, "1-2")]


def test_parts_of_a_flush_table() -> None:
    """表1-1-1: うち女性 1 under 農業 (row 1), every other row 0; 計 closes 農業, 林業,
    漁業 and not the part (100 + 20 + 30 = 150; 98 + 21 + 29 = 148; 95 + 22 + 28 = 145).
    表1-1-2: 総数 heads 男性 and 女性 (their sum: 3,709 + 3,001 = 6,710; 3,687 + 3,026 =
    6,713; 3,699 + 3,024 = 6,723), so they are 1 under it (row 1); うち非正規 is a part
    of the row right above it, 女性 (2, row 3), and fits in it (1,425 ≤ 3,001; 1,413 ≤
    3,026; 1,432 ≤ 3,024)."""
    _, cells = chapter_cells(FLUSH)
    years = ("2020年", "2021年", "2022年")
    rows = [("農業", (100, 98, 95), 0, None, None), ("うち女性", (40, 39, 37), 1, 1, None),
            ("林業", (20, 21, 22), 0, None, None), ("漁業", (30, 29, 28), 0, None, None),
            ("計", (150, 148, 145), 0, None, "1,3-4")]
    expected = []
    for n, (label, values, level, parent, total) in enumerate(rows, 1):
        expected.append((n, "区分", label, None, None, level, parent, total))
        expected += [(n, year, str(value), float(value), None, level, parent, total)
                     for year, value in zip(years, values, strict=True)]
    assert cells_of(cells, "t01") == expected
    second = cells_of(cells, "t02")
    assert {(row[0], row[5], row[6]) for row in second} == {
        (1, 0, None), (2, 1, 1), (3, 1, 1), (4, 2, 3)}
    assert [row[7] for row in second if row[1] == "区分"] == ["2-3", None, None, None]


@pytest.mark.parametrize("text, hinted", [
    # a caption then rows of a label and two figures: the heads too
    (["表1-1-1　件数", "区分 2021年 2022年", "東京 10 12", "大阪 8 9"], {1, 2, 3}),
    # heads on two lines under a unit line, the first spanning the second's
    (["表1-1-1　就業者数", "（単位：万人）", "区分　男性　女性", "実数　構成比　実数　構成比",
      "総数　100　50.0　100　50.0", "15～64歳　80　40.0　70　35.0"], {2, 3, 4, 5}),
    # one row of figures is no table
    (["表1-1-1　件数", "区分 2021年 2022年", "東京 10 12", "件数は増えた。"], set()),
    # rows ending in different counts of figures: no run
    (["図表1-1-1　件数", "東京 10 12", "大阪 8"], set()),
    # sentences with figures after a caption are body text
    (["図表1-1-1　件数", "東京は10件、大阪は8件であった。", "名古屋は 7 件 であった。"], set()),
    # no caption above: body text, whatever its shape
    (["区分 2021年 2022年", "東京 10 12", "大阪 8 9"], set()),
    # too far under the caption (a paragraph between)
    (["表1-1-1　件数", "注：速報値", "（単位：件）", "本表は速報値による。", "区分 A B",
      "東京 10 12", "大阪 8 9"], set()),
    # a sentence or a source between the caption and the rows: not the caption's rows
    (["図表1-1-1　件数", "本表は速報値による。", "東京 10 12", "大阪 8 9"], set()),
    (["図表1-1-1　件数", "（出典）総務省", "東京 10 12", "大阪 8 9"], set()),
    # a note between them stays; a row with a figure too few after the run goes with it
    (["表1-1-1　件数", "注：速報値である。", "区分 2021年 2022年", "東京 10 12", "大阪 8 9",
      "京都 7", "資料：総務省"], {2, 3, 4, 5}),
])
def test_which_lines_are_a_tables_rows(text: list[str], hinted: set[int]) -> None:
    assert set(table_rows(text)) == hinted


@pytest.mark.parametrize("text, n", [
    ("総数　6,710　6,713", 2), ("その他の 世帯 1,200 1,250", 2), ("住居 18,329 △ 2.7", 2),
    ("外国人 x 30 －", 3), ("区分 2020年 2021年", 0), ("2019 2020 2021", 0),
    ("被保護実人員は 202 万人 である。", 0),
])
def test_figure_cells(text: str, n: int) -> None:
    assert figure_cells(text) == n


@pytest.mark.parametrize("text, ems", [
    ("総数", 0.0), ("　男性", 1.0), ("　　うち非正規", 2.0), ("  女性", 1.0), (" 女性", 0.5),
    ("\t女性", 1.0), ("\t\tうち非正規", 2.0), (" \t女性", None), ("\t　女性", None),
])
def test_leading_ems(text: str, ems: float | None) -> None:
    assert leading_ems(text) == ems


def test_indent_levels() -> None:
    """Steps of an em rank; a half-width space before one label (as a PDF's text puts
    here and there) is no step, but one before two labels or more is (then a space
    more is a step more); a start unknown (tabs and spaces mixed) or one position only
    gives none; 計 set in is centred."""
    labels = ["総数", "男性", "女性", "うち非正規"]
    assert indent_levels(labels, [0.0, 1.0, 1.0, 2.0]) == [0, 1, 1, 2]
    assert indent_levels(labels, [0.0, 0.5, 0.0, 0.0]) == [None] * 4
    assert indent_levels(labels, [0.0, 0.5, 0.5, 1.0]) == [0, 1, 1, 2]
    assert indent_levels(labels, [0.5, 1.0, 1.0, 1.5]) == [0, 1, 1, 2]
    assert indent_levels(labels, [0.0, 1.0, None, 2.0]) == [None] * 4
    assert indent_levels(["北海道", "青森", "計"], [0.0, 0.0, 2.0]) == [None] * 3
    assert indent_levels(["北海道", "青森", "計"], [1.0, 1.5, 0.0]) == [1, 1, 0]


def figures(*rows: float) -> list[list[CellValue | None]]:
    """One column of figures after the labels, a row each."""
    return [[None, CellValue(float(v))] for v in rows]


def test_flush_levels() -> None:
    """Parts in a run belong to the row above them that is none; rows a total heads and
    sums are one level under it, and a part after them one under the row above it
    (外国人 under 総数's addend 国内: 2). A part larger than that row is none of its
    (うち女性 120 over 男性 100: no level). Nothing changes where a level is already
    known or no row is set under another (a closing 計 says nothing)."""
    labels = ["総数", "うち男性", "（うち女性）", "外国人", "うち技能実習"]
    values = figures(100, 50, 50, 10, 4)
    assert flush_levels(labels, [None] * 5, [[]] * 5, values, [1]) == [0, 1, 1, 0, 1]
    labels = ["総数", "国内", "外国人", "うち技能実習"]
    assert flush_levels(labels, [None] * 4, [[[1, 2]], [], [], []], figures(100, 90, 10, 4),
                        [1]) == [0, 1, 1, 2]
    assert flush_levels(["総数", "男性", "うち女性"], [None] * 3, [[]] * 3,
                        figures(200, 100, 120), [1]) == [None] * 3
    assert flush_levels(["甲", "乙", "計"], [None] * 3, [[], [], [[0, 1]]],
                        figures(1, 2, 3), [1]) == [None] * 3
    assert flush_levels(labels, [0, 1, 1, 2], [[]] * 4, figures(1, 1, 1, 1), [1]) \
        == [0, 1, 1, 2]


def test_marked_levels() -> None:
    """Rows under a ``（内訳）`` line are one level under the row above it, up to a row
    naming a total; no mark with a row above it, no level."""
    labels = ["歳出", "社会保障", "うち年金", "公共事業", "計"]
    values = figures(100, 60, 30, 40, 100)
    assert marked_levels(labels, [None] * 5, [1], values, [1]) == [0, 1, 2, 1, 0]
    assert marked_levels(labels, [None] * 5, [0], values, [1]) == [None] * 5
    assert marked_levels(labels, [None] * 5, [], values, [1]) == [None] * 5


@pytest.mark.parametrize("part, whole, fits", [
    ([None, CellValue(40.0), CellValue(39.0)], [None, CellValue(100.0), CellValue(98.0)], True),
    ([None, CellValue(140.0), None], [None, CellValue(100.0), CellValue(98.0)], False),
    ([None, CellValue(-5.0)], [None, CellValue(-10.0)], True),      # changes: either way
    ([None, CellValue(50.0, "%")], [None, CellValue(10.0, "人")], True),   # unlike units
])
def test_a_part_fits_in_its_row(part: list[CellValue | None], whole: list[CellValue | None],
                                fits: bool) -> None:
    assert fits_in(part, whole, [1, 2][:len(part) - 1]) == fits


def test_indents_of_a_text_source_only() -> None:
    """A pdf-text or html-text source's lines number the file's lines: the structure
    stage hands on the white space they open with; a PDF's lines are numbered per page
    and its levels come from the page."""
    lines = (SourceLine(3, "　男性　3,709"), SourceLine(5, " 総数　6,710"),
             SourceLine(6, "計　9"), SourceLine(7, "\t女性"))
    layout = Layout(wrapped=True, footnotes="rule-block")
    spaces = line_indents(Extracted("x", "pdf-text", layout, lines))
    assert spaces == [(3, "　"), (5, " "), (6, ""), (7, "\t")]
    assert source_indents(dict(spaces)) == {3: 1.0, 5: 0.5, 6: 0.0, 7: 1.0}
    assert line_indents(Extracted("x", "pdf", layout, lines)) == []
    assert source_indents({}) == {}


# 財務 style: a line that only marks the breakdown between a total and its items
BUDGET = """第1章　予算の動向
表1-1-1　予算額の推移
（単位：億円）
区分　2021年度　2022年度
総額　1,000　1,100
（内訳）
　国費　600　650
　地方費　400　450
資料：財務省
"""


@pytest.mark.parametrize("indent", ["　", ""])
def test_a_breakdown_marked_between_a_total_and_its_items(indent: str) -> None:
    """``（内訳）`` alone on its line broke the run of rows (so the rows were body text and
    地方費 an unlabelled caption) and, in the tables stage, the table of figures. It is
    no row now (set aside as ``breakdown_mark``): 総額 is 国費 + 地方費 (600 + 400 =
    1,000; 650 + 450 = 1,100); set in, or flush under the mark, the items are level 1
    under 総額."""
    paragraphs, cells = chapter_cells(BUDGET.replace("　国費", f"{indent}国費")
                                      .replace("　地方費", f"{indent}地方費"))
    assert list(paragraphs["kind"]) == ["caption", "note"] + ["table_text"] * 5 + ["source"]
    level, parent = (0, 1, None), 1
    years = ("2021年度", "2022年度")
    rows = [("総額", ("1,000", "1,100"), level[0], None, "2-3"),
            ("国費", ("600", "650"), level[1], parent, None),
            ("地方費", ("400", "450"), level[1], parent, None)]
    expected = []
    for n, (label, texts, lv, up, total) in enumerate(rows, 1):
        expected.append((n, "区分", label, None, None, lv, up, total))
        expected += [(n, year, text, float(text.replace(",", "")), "億円", lv, up, total)
                     for year, text in zip(years, texts, strict=True)]
    assert cells_of(cells, "t01") == expected
