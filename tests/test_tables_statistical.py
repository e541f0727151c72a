"""Statistical tables of other ministries, made up in their styles (reportlab), checked
against the truth printed into them: the indentation of a sub-category (``level``,
``parent_row`` in ``table_cells``), the rows a total sums (``total_of``), a note
printed as a row inside the frame, a unit line over the caption. Every expectation read
off the drawn table by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.common.frames import to_frame
from pipeline.common.note_openings import opens_note
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.settings import PdfSettings
from pipeline.schemas import DATASETS
from pipeline.structure.stage import Structured, structure_chapter
from pipeline.tables.cell_records import cell_rows, class_label_columns
from pipeline.tables.chapter_tables import Table, rebuild_tables
from pipeline.tables.from_pdf import note_rows, page_table_to_rebuilt, row_levels
from pipeline.tables.time_points import labels_rows
from pipeline.tables.totals import breakdown_ranges, row_ranges, total_breakdowns, total_rows
from pipeline.tables.values import (
    CellValue,
    cell_value,
    head_line_unit,
    header_unit,
    line_units,
)


def pdf_tables(path: Path, source: str | None = None) -> tuple[list[Table], Structured]:
    """A made-up PDF's tables as the stages rebuild them (extract with the default
    character source or ``source``, structure, tables), and its structure."""
    settings = PdfSettings() if source is None else PdfSettings(source=source)
    extracted = extract_pdf(path, "stat9999-1-1", settings)
    structured = structure_chapter(extracted)
    tables, _, _ = rebuild_tables(to_frame(DATASETS["paragraphs"], structured.paragraphs),
                                  to_frame(DATASETS["figures"], structured.figures),
                                  list(extracted.tables))
    return tables, structured


def row_labels(cells: pd.DataFrame) -> pd.DataFrame:
    """One line per row: its label (the first column), level and parent row."""
    return cells.groupby("row").first()[["text", "level", "parent_row", "total_of"]]


def test_sub_categories_set_in_by_full_width_spaces(tmp_path: Path) -> None:
    """厚生労働 style: ``総数`` 0; ``　男性``, ``　女性`` 1 under it; ``　　うち非正規`` 2
    under ``女性`` (row 3)."""
    rows = row_labels(fx.table_cells_of(fx.indented_age_table(tmp_path / "page.pdf")))
    assert list(rows["text"]) == ["総数", "男性", "女性", "うち非正規"]
    assert list(rows["level"]) == [0, 1, 1, 2]
    assert list(rows["parent_row"].fillna(0)) == [0, 1, 1, 3]


def test_items_set_in_under_their_total_in_a_table_ruled_across(tmp_path: Path) -> None:
    """総務 家計 style, ruled across only: the four items set in an em under 消費支出."""
    rows = row_labels(fx.table_cells_of(fx.household_spending_table(tmp_path / "page.pdf")))
    assert list(rows["text"]) == ["消費支出", "食料", "住居", "光熱・水道", "その他"]
    assert list(rows["level"]) == [0, 1, 1, 1, 1]
    assert list(rows["parent_row"].fillna(0)) == [0, 1, 1, 1, 1]


def test_no_level_where_no_label_is_set_in(tmp_path: Path) -> None:
    """農林水産 style over two pages: every prefecture flush left, ``計`` centred in its
    cell under them, which makes it no sub-category of 和歌山: no row has a level."""
    cells = fx.table_cells_of(fx.prefecture_table_over_pages(tmp_path / "table.pdf"))
    rows = row_labels(cells)
    assert len(rows) == 31 and rows["text"].iloc[-1] == "計"
    assert rows["level"].isna().all() and rows["parent_row"].isna().all()


def test_levels_need_labels_set_flush_left() -> None:
    """Labels centred in their cells (their middles agree), or set flush right (their
    ends agree), start at several places without being indented."""
    centred = [None, [20.0, 36.0, 8.0, 56.0], [12.0, 44.0, 8.0, 56.0], [16.0, 40.0, 8.0, 56.0]]
    right = [None, [30.0, 54.0, 8.0, 56.0], [38.0, 54.0, 8.0, 56.0], [22.0, 54.0, 8.0, 56.0]]
    indented = [None, [3.0, 19.0, 8.0, 56.0], [11.0, 27.0, 8.0, 56.0], [19.0, 51.0, 8.0, 56.0]]
    assert row_levels(centred, 1) == [None] * 4
    assert row_levels(right, 1) == [None] * 4
    assert row_levels(indented, 1) == [None, 0, 1, 2]


def test_labels_in_cells_of_another_width_are_not_compared() -> None:
    """mlit2023-1-1 p. 9 (橋梁予備設計の設計範囲): the items centred in a 93.78 pt cell
    (``計画概要書``, ``工事費内訳書``, ``施工計画概要書``: their middles agree), ``設計図``
    in a 30.04 pt cell beside the drawings it lists; spans as the page prints them. No
    label is set in: no level (``設計図`` starts further left, but in another cell)."""
    spans = [[49.52, 88.04, 9.0, 93.78], [22.39, 70.63, 9.0, 93.78], None,
             [22.39, 70.63, 9.0, 93.78], [10.15, 19.15, 9.0, 30.04], None, None, None,
             [22.39, 70.63, 9.0, 93.78], [17.47, 75.55, 9.0, 93.78],
             [27.19, 65.71, 9.0, 93.78], [27.19, 65.71, 9.0, 93.78]]
    assert row_levels(spans, 1) == [None] * len(spans)


def test_a_total_over_the_rows_set_in_under_it(tmp_path: Path) -> None:
    """総数 (6,700 | 1,100 | 1,500 | 2,800 | 1,300) is 男性 + 女性 (rows 2-3) in every
    column; 女性 heads only うち非正規, a part of it, not a sum."""
    rows = row_labels(fx.table_cells_of(fx.indented_age_table(tmp_path / "page.pdf")))
    assert list(rows["total_of"].fillna("")) == ["2-3", "", "", ""]


def test_a_total_over_its_items_leaves_the_ratio_out(tmp_path: Path) -> None:
    """消費支出 290,865 = 83,000 + 18,000 + 24,000 + 165,865 (and 293,997 in 2023); its
    前年比 1.1 is no sum of the items' ratios and is not added."""
    rows = row_labels(fx.table_cells_of(fx.household_spending_table(tmp_path / "page.pdf")))
    assert list(rows["total_of"].fillna("")) == ["2-5", "", "", "", ""]


def test_a_total_row_under_a_table_over_two_pages(tmp_path: Path) -> None:
    """計 (1,067,650 ha, 5,800,410 t), printed on the second page, sums the 30 prefectures
    of both pages."""
    cells = fx.table_cells_of(fx.prefecture_table_over_pages(tmp_path / "table.pdf"))
    rows = row_labels(cells)
    total = cells[cells["row"] == 31].set_index("column")
    assert list(total["value"].iloc[1:]) == [1_067_650.0, 5_800_410.0]
    assert list(rows["total_of"].fillna("")) == [""] * 30 + ["1-30"]


def figures(*rows: tuple[float | None, ...]) -> list[list[CellValue | None]]:
    return [[None, *(None if v is None else CellValue(v) for v in row)] for row in rows]


def texts(values: list[list[CellValue | None]]) -> list[list[str]]:
    return [["", *("" if v is None else f"{v.value:g}" for v in row[1:])] for row in values]


def test_no_total_without_a_sum_and_a_shape_that_says_so() -> None:
    """Row 3 (3 | 30) is the sum of rows 1-2 but neither is it labelled a total nor are
    they set in under it: no mark. 計 (12 | 40) is not the sum of the rows above it
    (3 + 4 + 2 = 9): no mark. 合　計 (10 | 41) is, within the rounding of four whole
    figures (each off by less than 0.5: the sum by less than 2)."""
    values = figures((1, 10), (2, 20), (3, 30))
    assert total_rows(["甲", "乙", "丙"], [None] * 3, values, texts(values), [1, 2]) \
        == [[], [], []]
    wrong = figures((3, 10), (4, 20), (2, 10), (12, 40))
    assert total_rows(["甲", "乙", "丙", "計"], [None] * 4, wrong, texts(wrong), [1, 2]) \
        == [[], [], [], []]
    right = figures((3, 10), (4, 20), (2, 11), (10, 41))
    assert total_rows(["甲", "乙", "丙", "合　計"], [None] * 4, right, texts(right),
                      [1, 2]) == [[], [], [], [0, 1, 2]]


def test_row_ranges() -> None:
    assert row_ranges([1, 2]) == "2-3"
    assert row_ranges([1, 3, 4, 5]) == "2,4-6"
    assert row_ranges([]) == ""


def test_a_unit_line_printed_over_the_caption(tmp_path: Path) -> None:
    """``（単位：万人）`` set flush right over 図表1-2-3's caption line, not between it and
    the table: the figures of every age band are still in 万人."""
    cells = fx.table_cells_of(fx.indented_age_table(tmp_path / "page.pdf", unit_over_caption=True))
    units = cells.groupby("column", sort=False)["column_unit"].first().fillna("")
    assert list(units) == ["", "万人", "万人", "万人", "万人", "万人"]


def test_a_note_printed_as_a_row_inside_the_frame(tmp_path: Path) -> None:
    """``注：東京は島しょ部を含む。`` printed in one cell across the frame under 計: no data
    row (31 rows, 計 the last, still the total of rows 1-30); kept in the manifest."""
    path = fx.prefecture_table_over_pages(tmp_path / "table.pdf", note="注：東京は島しょ部を含む。")
    tables, structured = pdf_tables(path)
    rows = row_labels(pd.DataFrame(cell_rows(tables)))
    assert len(rows) == 31 and rows["text"].iloc[-1] == "計"
    assert rows["total_of"].iloc[-1] == "1-30"
    assert tables[0].source["notes"] == ["注：東京は島しょ部を含む。"]
    assert len(tables[0].row_pages) == 31


@pytest.mark.parametrize("text, note", [
    ("注：東京は島しょ部を含む。", True), ("注1）速報値", True), ("（注）概数", True),
    ("資料：農林水産省「作物統計」", True), ("（出典）総務省", True), ("※1 推計値", True),
    ("（備考）調査時点は年度末", True), ("資料出所：総務省", True), ("Source: OECD", True),
    ("注意事項", False), ("資料館", False), ("出典元の数", False),
    ("備考", False), ("注1", False),       # a head alone, a raised mark left in a cell
])
def test_what_opens_a_note(text: str, note: bool) -> None:
    assert opens_note(text) is note


def test_only_rows_at_the_foot_are_notes() -> None:
    """A row that opens as a note above data rows, or with figures beside it, is data;
    a blank row among the notes at the foot goes with them."""
    rows = [["区分", "件数"], ["注記のある区分", "3"], ["※1 推計値", ""], ["その他", "4"],
            ["注：速報値", ""], ["", ""], ["資料：総務省", None]]
    assert note_rows(rows, 1) == [4, 5, 6]
    assert note_rows([["区分", "件数"], ["甲", "1"], ["注：速報値", "2"]], 1) == []


@pytest.mark.parametrize("rows, banded, per_cell", [
    (6, 1, False),   # bands on 米, 果実, その他: 計 unshaded under the last band
    (5, 2, False),   # bands on 野菜, 畜産: その他 unshaded under the last band
    (5, 1, False),   # bands on 米, 果実, その他: the table ends on a band, the source under it
    (6, 1, True),    # as the first, each band drawn cell by cell
    (6, None, False),  # the header alone shaded: the rows under it, down to 計
])
def test_a_table_drawn_with_no_rules_beside_a_ruled_one(rows: int, banded: int | None,
                                                       per_cell: bool,
                                                       tmp_path: Path) -> None:
    """表2-1-2, a shaded header and banded rows and no rule, on the page of the ruled
    表2-1-1: found, every row read, none from the source line under it; 計 the total of
    rows 1-5 (88,450 | 89,707 | 92,200)."""
    path = fx.banded_table_beside_ruled(tmp_path / "page.pdf", rows, banded, per_cell)
    tables, structured = pdf_tables(path)
    assert [t.label for t in tables] == ["表2-1-1", "表2-1-2"]
    assert list(tables[1].rebuilt.kinds) == fx.OUTPUT_ROWS[0]
    assert [[c.values[0] for c in row.cells] for row in tables[1].rebuilt.rows] \
        == fx.OUTPUT_ROWS[1:rows + 1]
    cells = pd.DataFrame(cell_rows(tables))
    totals = row_labels(cells[cells["table_id"] == "t02"])["total_of"].fillna("")
    assert list(totals) == [""] * 5 + (["1-5"] if rows == 6 else [])
    kinds = structured.paragraphs
    kinds = kinds if isinstance(kinds, pd.DataFrame) else pd.DataFrame(kinds)
    figures = kinds[kinds["text"].isin(["13,699", "その他", "10,200"])]
    assert set(figures["kind"]) == {"table_text"}


@pytest.mark.parametrize("foot_bar", [True, False])
def test_a_banner_and_a_foot_bar_make_no_table(foot_bar: bool, tmp_path: Path) -> None:
    """st2024-1-1 p. 3 (第１-１-２図) in small: a figure's shaded caption banner and a
    shaded bar at its foot, 230 pt apart, with words in three columns between: no rows
    of a banded table, no table; nor is the banner alone a table's header (its title is
    one word, and the words under it stand 45 pt apart)."""
    path = fx.banner_figure(tmp_path / "page.pdf", foot_bar)
    assert extract_pdf(path, "stat9999-1-1").tables == ()


def test_labels_centred_right_of_the_others_take_no_level() -> None:
    """Prefectures flush left (3 pt into a 120 pt cell), each group closed by 小計 centred
    in its cell (56-72 pt, twice: their starts agree): 小計 is no sub-category of the
    prefecture above it, and no label is set in."""
    left, subtotal = [3.0, 27.0, 8.0, 120.0], [52.0, 68.0, 8.0, 120.0]
    spans = [None, left, left, subtotal, left, left, subtotal]
    assert row_levels(spans, 1) == [None] * 7
    indented = [3.0, 19.0, 8.0, 120.0], [11.0, 35.0, 8.0, 120.0]
    assert row_levels([None, indented[0], indented[1], subtotal, indented[1]], 1) \
        == [None, 0, 1, None, 1]


def test_no_level_from_the_text_strategy() -> None:
    """A table found by pdfplumber's text strategy (no rules): its cell boxes may stand
    off its text, so a start measured in them says nothing."""
    table = {"page_index": 1, "bbox": [0, 0, 1, 1], "strategy": "text",
             "rows": [["区分", "件数"], ["総数", "30"], ["男性", "10"], ["女性", "20"]],
             "merged": [], "cut": [], "markers": [],
             "label_spans": [None, [3.0, 19.0, 8.0, 60.0], [11.0, 27.0, 8.0, 60.0],
                             [11.0, 27.0, 8.0, 60.0]]}
    assert [row.level for row in page_table_to_rebuilt(table).rebuilt.rows] == [None] * 3
    lines = {**table, "strategy": "lines"}
    assert [row.level for row in page_table_to_rebuilt(lines).rebuilt.rows] == [0, 1, 1]


def test_a_note_over_the_foot_rule_of_a_table_ruled_across(tmp_path: Path) -> None:
    """家計調査 style with ``注：二人以上の世帯。消費支出には仕送り金を含まない。`` over the
    foot rule, wider than the first column: the columns are measured without it (費目,
    2022年, 2023年, 前年比（％） as printed, 消費支出 290,865 and 293,997 in cells of
    their own), and it is the table's note, no row."""
    note = "注：二人以上の世帯。消費支出には仕送り金を含まない。"
    path = fx.household_spending_table(tmp_path / "page.pdf", note=note)
    tables, structured = pdf_tables(path)
    assert list(tables[0].rebuilt.kinds) == fx.SPENDING_TABLE[0]
    assert [[c.values[0] for c in row.cells] for row in tables[0].rebuilt.rows] \
        == fx.SPENDING_TABLE[1:]
    assert tables[0].source["notes"] == [note]
    rows = row_labels(pd.DataFrame(cell_rows(tables)))
    assert list(rows["level"]) == [0, 1, 1, 1, 1]


def test_a_part_set_under_a_total_is_no_addend() -> None:
    """総数 (30 | 60) over 男性 (10 | 25), 女性 (20 | 35) and うち65歳以上 (8 | 14), all
    three set in one level: 総数 is 男性 + 女性; うち65歳以上 is a part of 総数, no
    addend. Flush left, 合計 closes 甲, 乙 and （再掲）甲のうち新規 likewise."""
    labels = ["総数", "男性", "女性", "うち65歳以上"]
    values = figures((30, 60), (10, 25), (20, 35), (8, 14))
    assert total_rows(labels, [0, 1, 1, 1], values, texts(values), [1, 2]) \
        == [[1, 2], [], [], []]
    labels = ["甲", "乙", "（再掲）甲のうち新規", "合計"]
    values = figures((4, 7), (5, 8), (2, 3), (9, 15))
    assert total_rows(labels, [None] * 4, values, texts(values), [1, 2]) \
        == [[], [], [], [0, 1]]


def test_levels_and_totals_across_a_page_break(tmp_path: Path) -> None:
    """30 rows over two pages: every prefecture level 0 and the total of the two rows
    under it (北海道 1,210 | 1,218: rows 2-3), 男性 and 女性 level 1 under it; 栃木
    (row 25: 810) sums 男性 (row 26, p. 41: 450) and 女性 (row 27, p. 42: 360)."""
    cells = fx.table_cells_of(fx.indented_table_over_pages(tmp_path / "table.pdf"))
    rows = row_labels(cells)
    assert len(rows) == 30
    assert list(rows["level"]) == [0, 1, 1] * 10
    assert list(rows["parent_row"].fillna(0)) == [n for k in range(1, 30, 3) for n in (0, k, k)]
    assert list(rows["total_of"].fillna("")) \
        == [t for k in range(2, 31, 3) for t in (f"{k}-{k + 1}", "", "")]
    tochigi = cells[cells["row"].isin([25, 26, 27]) & (cells["column"] == "2022年")]
    assert list(tochigi["value"]) == [810.0, 450.0, 360.0]
    assert list(tochigi["page_index"]) == [1, 1, 2]


def test_a_grand_total_of_subtotals() -> None:
    """甲 3, 乙 4, 小計 7, 丙 5, 丁 6, 小計 11, 合計 18 (and 30 | 40 | 70 ... in the second
    column): each 小計 closes the two rows above it; 合計 is no sum of 丙 and 丁 but of
    the two 小計 (rows 3 and 6)."""
    labels = ["甲", "乙", "小計", "丙", "丁", "小計", "合計"]
    values = figures((3, 30), (4, 40), (7, 70), (5, 50), (6, 60), (11, 110), (18, 180))
    assert total_rows(labels, [None] * 7, values, texts(values), [1, 2]) \
        == [[], [], [0, 1], [], [], [3, 4], [2, 5]]
    assert row_ranges([2, 5]) == "3,6"


def test_a_bracket_set_half_width_is_no_indentation() -> None:
    """``（参考）全国`` whose opening bracket is set half-width from half an em further left
    (約物詰め: 4 pt at 8 pt type) among labels starting at 3 pt: one position, no level
    (else every other row would hang under it)."""
    spans = [None, [3.0, 27.0, 8.0, 120.0], [3.0, 19.0, 8.0, 120.0],
             [-1.0, 47.0, 8.0, 120.0], [3.0, 27.0, 8.0, 120.0]]
    assert row_levels(spans, 1) == [None] * 5


def test_a_flush_total_closing_the_rows_set_in_above_it() -> None:
    """``　北海道`` (3 | 30) and ``　青森`` (4 | 40) set in one level over a flush ``計``
    (7 | 70): 計 closes them (it was no total: none of its level stood above it); a
    flush ``合計`` whose figures are not their sum (10 | 70: 3 + 4 is off by more than the
    rounding of three whole figures) closes none."""
    values = figures((3, 30), (4, 40), (7, 70))
    assert total_rows(["北海道", "青森", "計"], [1, 1, 0], values, texts(values), [1, 2]) \
        == [[], [], [0, 1]]
    wrong = figures((3, 30), (4, 40), (10, 70))
    assert total_rows(["北海道", "青森", "合計"], [1, 1, 0], wrong, texts(wrong), [1, 2]) \
        == [[], [], []]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("line", ["（単位　兆円・％）", "（単位 兆円、％）"])
def test_a_unit_line_parted_by_a_space(line: str, source: str, tmp_path: Path) -> None:
    """地方財政白書 style: ``（単位　兆円・％）``, a space where others print a colon, over
    the table of 国民医療費: its amounts in 兆円, 前年比 in %, as after a colon; both
    character sources read it (the PDF line's text keeps no space between Japanese); in
    the paragraphs it is a note, as a unit line with a colon is."""
    path = fx.ruled_table_with_unit_line(tmp_path / "page.pdf", line)
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    units = cells.groupby("column", sort=False)["column_unit"].first()
    assert list(units.fillna("")) == ["", "兆円", "兆円", "%"]
    paragraphs = pd.DataFrame(structured.paragraphs)
    assert list(paragraphs[paragraphs["text"] == line]["kind"]) == ["note"]


@pytest.mark.parametrize("line, units", [
    ("（単位　億円・％）", ("億円", "%")), ("（単位 千人）", ("千人", "")),
    ("（単位億円）", ("億円", "")), ("単位 千t", ("千t", "")),
    ("単位面積当たり", ("", "")), ("（単位当たり）", ("", "")), ("販売単位（個）", ("", "")),
])
def test_unit_lines_without_a_colon(line: str, units: tuple[str, str]) -> None:
    assert line_units(line) == units


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_dash_for_nil_adds_nothing_to_a_total(source: str, tmp_path: Path) -> None:
    """地方財政白書 style: 合計 (428,000 | 431,800 | 3,800) closes 道府県税, 市町村税,
    地方法人特別税 and 森林環境税; in 令和3年度 the last prints ``－`` (nil): 206,000 +
    220,000 + 2,000 + 0 = 428,000, so 合計 is the total of rows 1-4. 令和4年度 and 増減額
    are not checked (森林環境税 prints ``…``, not available). Values: △1,700 → -1700,
    ``－`` and ``…`` none; the note and the source are no rows."""
    path = fx.local_tax_table(tmp_path / "page.pdf")
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    rows = row_labels(cells)
    assert list(rows["text"]) == ["道府県税", "市町村税", "地方法人特別税", "森林環境税", "合計"]
    assert list(rows["total_of"].fillna("")) == ["", "", "", "", "1-4"]
    change = cells[cells["column"] == "増減額"]
    assert list(change["value"].fillna(0.5)) == [7500, -1700, -2000, 0.5, 3800]
    assert tables[0].source["notes"] == ["注：令和4年度は決算見込額である。",
                                         "資料：総務省「地方財政統計」"]


def test_a_dash_is_no_figure_that_makes_a_sum() -> None:
    """The dash adds nothing, and no rounding: a total off by its rows' sum is still none
    (甲 2 + 乙 － is not 3); a total equal to one row and dashes is no sum (甲 2 + 乙 －
    = 2), one equal to two rows and a dash is (甲 2 + 乙 － + 丙 3 = 5); a column where
    every addend prints a dash proves nothing (－ + － under 0); a leader (…) leaves
    its column unchecked, as before."""
    labels = ["甲", "乙", "計"]

    def column(*cells: str) -> tuple[list[list[CellValue | None]], list[list[str]]]:
        numbers = [None if c in ("－", "…") else CellValue(float(c)) for c in cells]
        return [[None, v] for v in numbers], [["", c] for c in cells]

    for cells in (("2", "－", "3"), ("2", "－", "2"), ("－", "－", "0"), ("2", "…", "2")):
        assert total_rows(labels, [None] * 3, *column(*cells), [1]) == [[], [], []], cells
    assert total_rows(["甲", "乙", "丙", "計"], [None] * 4, *column("2", "－", "3", "5"), [1]) \
        == [[], [], [], [0, 1, 2]]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_years_set_down_by_their_number_alone(source: str, tmp_path: Path) -> None:
    """待機児童数 by year: ``令和元年`` then ``2``, ``3``, ``4``, ``5`` down the first column
    are the years 2019-2023, labels, no quantities 2, 3, 4, 5; the figures beside them are
    read as printed (``△15.8`` → -15.8 in %)."""
    path = fx.abbreviated_years_table(tmp_path / "page.pdf")
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    years = cells[cells["column"] == "年"]
    assert list(years["text"]) == ["令和元年", "2", "3", "4", "5"]
    assert years["value"].isna().all()
    first = cells[cells["row"] == 1]
    assert list(first["value"].iloc[1:]) == [14814, 1958, 16772, -15.8]
    assert list(first["column_unit"].fillna("")) == ["", "人", "人", "人", "%"]


@pytest.mark.parametrize("cells, labels", [
    (["令和元年", "2", "3"], True), (["平成30年度", "令和元年度", "2年度"], True),
    (["2019年", "20", "21"], True), (["2019年", "2", "3"], False),   # 2002? no
    (["令和5年", "1", "2"], False), (["北海道", "1", "2"], False), (["1", "2", "3"], False),
    (["令和元年", "2", "計"], False),
])
def test_years_abbreviated_down_a_column(cells: list[str], labels: bool) -> None:
    assert labels_rows(cells) is labels


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("ruled", [True, False])
def test_a_row_of_units_under_the_heads(ruled: bool, source: str, tmp_path: Path) -> None:
    """水産白書 style, ``（千t）``, ``（億円）``, ``（％）`` in a row under 生産量, 産出額,
    前年比: fully ruled or ruled across only, the columns are named alike, each head with
    its unit (``生産量（千t）``, no ``生産量／（千t）``), and take that unit; 計 (3,931 |
    15,600) is the total of rows 1-3; ``－`` has no value."""
    path = fx.unit_row_table(tmp_path / "page.pdf", ruled)
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    units = cells.groupby("column", sort=False)["column_unit"].first().fillna("")
    assert list(units.index) == ["区分", "生産量（千t）", "産出額（億円）", "前年比（％）"]
    assert list(units) == ["", "千t", "億円", "%"]
    assert list(row_labels(cells)["total_of"].fillna("")) == ["", "", "", "1-3"]
    assert list(cells[cells["row"] == 3]["value"].fillna(0.5)) == [0.5, 53, 1100, 0.5]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("line, units", [
    ("（単位：千t、億円）", ["", "千t", "億円", ""]),
    ("（単位：億円、千t）", ["", "千t", "億円", ""]),
    ("（単位：千t、億円、％）", ["", "千t", "億円", "%"]),     # 前年比 in the %
    # 産出額 is money: neither fits; 生産量 a mass or a count: both may
    ("（単位：千t、千人）", ["", "", "", ""]),
])
def test_a_unit_line_of_two_amounts_by_the_kind_its_heads_name(
        line: str, units: list[str], source: str, tmp_path: Path) -> None:
    """``（単位：千t、億円）`` over 生産量 | 産出額 | 前年比: 産出額 names money (額), so it is
    in 億円; 生産量 a measure or a count (量: ``table_head_kinds.tsv``), so in 千t; 前年比
    is a ratio: in the line's ％ where it has one, else none."""
    path = fx.unit_row_table(tmp_path / "page.pdf", unit_line=line)
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    found = cells.groupby("column", sort=False)["column_unit"].first().fillna("")
    assert list(found.index) == ["区分", "生産量", "産出額", "前年比"]
    assert list(found) == units


@pytest.mark.parametrize("head, line, unit", [
    ("産出額", "（単位：千t、億円）", "億円"), ("輸出／金額", "（単位：千t、億円）", "億円"),
    ("生産量", "（単位：千t、億円）", "千t"), ("2022年", "（単位：千t、億円）", ""),
    ("作付面積", "（単位：ha、百万円）", "ha"), ("交通量", "（単位：台、億円）", "台"),
    ("生産量", "（単位：千t、千人）", ""),           # a mass or a count: both may be
    # two counts: the one the head counts (a counter, or the noun it stands for, and 数;
    # or persons in 人)
    ("事業所数", "（単位：事業所、人）", "事業所"), ("従業者数", "（単位：事業所、人）", "人"),
    ("従業者数／計", "（単位：事業所、千人）", "千人"), ("世帯数", "（単位：千世帯、千人）", "千世帯"),
    ("企業数", "（単位：社、人）", "社"), ("参加国数", "（単位：か国、人）", "か国"),
    ("2020年／計", "（単位：事業所、人）", ""), ("団体数", "（単位：社、人）", ""),
    ("人口", "（単位：千世帯、千人）", ""),              # no 数, no noun of persons
    ("従業者数", "（単位：人、百万円）", "人"), ("売上高", "（単位：人、百万円）", "百万円"),
    ("産出額", "（単位：億円）", ""),                # one unit: line_units gives it
])
def test_the_unit_a_head_takes_from_a_line_of_two(head: str, line: str, unit: str) -> None:
    assert head_line_unit(head, line) == unit


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_totals_under_a_label_merged_down_over_its_rows(source: str, tmp_path: Path) -> None:
    """男性 merged down over 計 (3,000 | 3,010), 正規 (2,340 | 2,345), 非正規 (660 | 665),
    and 女性 likewise (2,700 = 1,240 + 1,460; 2,730 = 1,260 + 1,470): each 計 is the total
    of the two rows under it in its group, rows 2-3 and 5-6, not of 女性's rows."""
    path = fx.two_label_columns_table(tmp_path / "page.pdf")
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    inner = cells[cells["column"] == "雇用形態"]
    assert list(inner["text"]) == ["計", "正規", "非正規"] * 2
    assert list(inner["total_of"].fillna("")) == ["2-3", "", "", "5-6", "", ""]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_ages_down_the_first_column_label_the_rows(source: str, tmp_path: Path) -> None:
    """人口 by single years of age, ruled across every fifth row: 15 rows, one per age;
    ``0歳`` … ``14歳`` label them (no value: a class, no quantity), 男性 and 女性 are
    figures in 千人 (0歳: 400 | 380; 14歳: 442 | 408)."""
    path = fx.single_ages_table(tmp_path / "page.pdf")
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    ages = cells[cells["column"] == "年齢"]
    assert list(ages["text"]) == [f"{age}歳" for age in range(15)]
    assert ages["value"].isna().all()
    men = cells[cells["column"] == "男性"]
    assert list(men["value"]) == [400 + 3 * age for age in range(15)]
    assert set(men["column_unit"]) == {"千人"}


@pytest.mark.parametrize("labels, classes", [
    (["0歳", "1歳", "2歳"], True), (["1位", "2位", "3位"], True),
    (["1", "2", "3"], False),             # bare figures: a number column
    (["3歳", "1歳", "2歳"], False),         # not in order
    (["0歳", "1歳"], False),                # too few to tell
    (["0歳", "1人", "2歳"], False),         # two units
    # MHLW's labour tables: a total over age classes printed as ranges and a last bound
    (["総数", "15～24歳", "25～34歳", "35～44歳", "45～54歳", "55～64歳", "65歳以上"], True),
    # MOF / METI: classes of capital as bounds
    (["1千万円未満", "1千万円以上1億円未満", "1億円以上10億円未満", "10億円以上"], True),
    (["総数", "男性", "女性"], False),      # words alone: no classes
    (["総数", "15～24歳", "2020年", "65歳以上"], False),   # a year among them: no class column
    (["15～24歳", "65歳以上", "25～34歳"], False),          # not in order
])
def test_classes_labelling_the_rows(labels: list[str], classes: bool) -> None:
    values = [[cell_value(text), CellValue(1.0)] for text in labels]
    assert class_label_columns(values, labels) == ([0] if classes else [])


def test_a_heading_row_ends_the_rows_a_total_closes() -> None:
    """特別会計 style: ``【歳入】`` (no figure beside it) over 保険料収入 (1,000 | 1,100) and
    一般会計より受入 (500 | 450), closed by 計 (1,500 | 1,550); ``【歳出】`` over 給付費
    (1,200 | 1,250) and 業務取扱費 (280 | 290), closed by 計 (1,480 | 1,540). Each 計 sums
    the two rows under its heading, which is no addend and ends the run."""
    rows = [["【歳入】", "", ""], ["保険料収入", "1,000", "1,100"],
            ["一般会計より受入", "500", "450"], ["計", "1,500", "1,550"],
            ["【歳出】", "", ""], ["給付費", "1,200", "1,250"], ["業務取扱費", "280", "290"],
            ["計", "1,480", "1,540"]]
    values = [[None, *(cell_value(t) if t else None for t in row[1:])] for row in rows]
    assert total_rows([r[0] for r in rows], [None] * 8, values, rows, [1, 2]) \
        == [[], [], [], [1, 2], [], [], [], [5, 6]]


def test_a_total_over_two_breakdowns_printed_flush() -> None:
    """総数 (6,700 | 3,350) heads 男性 (3,700 | 1,850) and 女性 (3,000 | 1,500), then
    15～29歳 (1,100 | 550), 30～44歳 (1,500 | 750), 45歳以上 (4,100 | 2,050), all flush:
    both breakdowns sum to it (3,700 + 3,000 = 6,700; 1,100 + 1,500 + 4,100 = 6,700; 1,850 +
    1,500 = 3,350; 550 + 750 + 2,050 = 3,350): it is the total of each, rows 2-3 and 4-6
    (``total_rows`` gives the first). A cut where only one part sums (甲 + 乙 = 計, 丙 + 丁
    ≠ 計) gives none."""
    labels = ["総数", "男性", "女性", "15～29歳", "30～44歳", "45歳以上"]
    rows = [("6,700", "3,350"), ("3,700", "1,850"), ("3,000", "1,500"), ("1,100", "550"),
            ("1,500", "750"), ("4,100", "2,050")]
    texts = [["", *row] for row in rows]
    values = [[None, *(cell_value(t) for t in row)] for row in rows]
    assert total_breakdowns(labels, [None] * 6, values, texts, [1, 2]) \
        == [[[1, 2], [3, 4, 5]], [], [], [], [], []]
    assert breakdown_ranges([[1, 2], [3, 4, 5]]) == "2-3;4-6"
    assert total_rows(labels, [None] * 6, values, texts, [1, 2]) == [[1, 2], [], [], [], [], []]
    rows = [("10", "20"), ("4", "8"), ("6", "12"), ("3", "5"), ("3", "5")]
    texts = [["", *row] for row in rows]
    values = [[None, *(cell_value(t) for t in row)] for row in rows]
    assert total_breakdowns(["計", "甲", "乙", "丙", "丁"], [None] * 5, values, texts, [1, 2]) \
        == [[], [], [], [], []]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_unit_line_of_a_counter_no_row_lists(source: str, tmp_path: Path) -> None:
    """畜産統計 style ``（単位：千頭）``: 頭 is a counter UniDic knows and counters.tsv does not
    list; the columns of amounts are in 千頭 (the ratio 前年比 and the years not)."""
    path = fx.ruled_table_with_unit_line(tmp_path / "page.pdf", "（単位：千頭）")
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    units = cells.groupby("column", sort=False)["column_unit"].first()
    assert list(units.fillna("")) == ["", "千頭", "千頭", ""]


@pytest.mark.parametrize("head, unit", [
    ("飼養頭数（千頭）", "千頭"), ("羽数（羽）", "羽"), ("飼養戸数（戸）", "戸"),
    ("平均年齢（歳）", "歳"), ("延長(km)", "km"),
    ("区分（注）", ""), ("計（内訳）", ""), ("人口（全体）", ""), ("件数（計）", ""),
    ("区分（再掲）", ""), ("金額（参考）", ""),
])
def test_a_heads_unit_is_a_listed_unit_or_a_counter(head: str, unit: str) -> None:
    assert header_unit(head) == unit


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_unit_line_in_the_frame_over_the_heads(source: str, tmp_path: Path) -> None:
    """医療施設調査 style: ``（単位：床）`` flush right in a row one cell across the top of
    the frame, over 区分 | 令和3年 | 令和4年 | 令和5年: it names no column (no
    ``（単位：床）／区分``); it is the table's unit line, so the amounts are in 床; 計
    (1,170,718 = 886,056 + 284,662) the total of rows 1-2."""
    rows: list[list[fx.Cell]] = [
        ["", "", "", ""], ["区分", "令和3年", "令和4年", "令和5年"],
        ["一般病床", "886,056", "884,306", "880,000"],
        ["療養病床", "284,662", "278,694", "270,000"],
        ["計", "1,170,718", "1,163,000", "1,150,000"]]
    path = tmp_path / "page.pdf"
    c = fx._canvas(path)
    fx.draw_column(c, fx.LEFT_X, 780, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    fx.draw(c, fx.LEFT_X, 740, "表1-2-4　病床数の推移")
    bottom = fx.draw_grid(c, fx.LEFT_X, 722, [100, 80, 80, 80], rows, row_height=18,
                          spans_across=[(0, 0), (0, 1), (0, 2)])
    c.setFont(fx.FONT, 8)
    c.drawRightString(fx.LEFT_X + 337, 722 - 12, "（単位：床）")
    fx.source_and_body_below(c, bottom, path)
    tables, structured = pdf_tables(path, source)
    cells = pd.DataFrame(cell_rows(tables))
    units = cells.groupby("column", sort=False)["column_unit"].first().fillna("")
    assert list(units.index) == rows[1]
    assert list(units) == ["", "床", "床", "床"]
    assert list(row_labels(cells)["total_of"].fillna("")) == ["", "", "1-2"]
