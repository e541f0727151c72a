"""Ruled tables of other ministries' white papers, made up in their styles (reportlab):
a unit line of two counts (経済産業), a total heading two breakdowns printed flush
(厚生労働), a total column (財務) and one that does not add up. Every expectation read
off the drawn table by hand, each sum added by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402
from test_tables_statistical import pdf_tables  # noqa: E402

from pipeline.tables.cell_records import cell_rows


def ruled_table_page(path: Path, caption: str, unit_line: str,
                     rows: list[list[fx.Cell]], widths: list[float]) -> Path:
    """Body text, a caption, the unit line flush right just above a fully ruled table
    of ``rows`` (heads first), a source line, body text."""
    c = fx._canvas(path)
    fx.draw_column(c, fx.LEFT_X, 780, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    fx.draw(c, fx.LEFT_X, 730, caption)
    c.setFont(fx.FONT, 8)
    c.drawRightString(fx.LEFT_X + sum(widths), 716, unit_line)
    bottom = fx.draw_grid(c, fx.LEFT_X, 710, widths, rows, row_height=18)
    return fx.source_and_body_below(c, bottom, path)


def page_cells(path: Path, source: str) -> pd.DataFrame:
    tables, _ = pdf_tables(path, source)
    return pd.DataFrame(cell_rows(tables))


METI_ROWS: list[list[fx.Cell]] = [
    ["従業者規模", "事業所数", "従業者数", "構成比"],
    ["4～29人", "140,000", "1,460,000", "77.8"],
    ["30人以上", "40,000", "6,000,000", "22.2"],
    ["計", "180,000", "7,460,000", "100.0"]]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_unit_line_of_two_counts(source: str, tmp_path: Path) -> None:
    """経済構造実態調査 style ``（単位：事業所、人、％）``: 事業所数 counts 事業所, 従業者数
    persons (人), 構成比 is in %; 計 closes the two rows (140,000 + 40,000 = 180,000;
    1,460,000 + 6,000,000 = 7,460,000; the shares not added)."""
    path = ruled_table_page(tmp_path / "page.pdf", "表2-3-1　規模別事業所数及び従業者数",
                            "（単位：事業所、人、％）", METI_ROWS, [90, 80, 90, 60])
    cells = page_cells(path, source)
    units = cells.groupby("column", sort=False)["column_unit"].first().fillna("")
    assert list(units.index) == METI_ROWS[0]
    assert list(units) == ["", "事業所", "人", "%"]
    assert list(cells.groupby("row")["total_of"].first().fillna("")) == ["", "", "1-2"]
    assert cells["flag"].isna().all()


MHLW_ROWS: list[list[fx.Cell]] = [
    ["区分", "2022年", "2023年"],
    ["総数", "6,723", "6,747"],
    ["男性", "3,699", "3,696"],
    ["女性", "3,024", "3,051"],
    ["15～64歳", "5,800", "5,810"],
    ["65歳以上", "923", "937"]]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("indent, levels", [("", [-1] * 5), ("　", [0, 1, 1, 1, 1])])
def test_a_total_heading_two_breakdowns(indent: str, levels: list[int], source: str,
                                        tmp_path: Path) -> None:
    """労働力調査 style, labels flush or the breakdowns set in an em: 総数 is 男性 + 女性
    (3,699 + 3,024 = 6,723; 3,696 + 3,051 = 6,747) and 15～64歳 + 65歳以上 (5,800 + 923 =
    6,723; 5,810 + 937 = 6,747): the total of rows 2-3 and of rows 4-5. Set in, the four
    rows are 1 under it; flush, a PDF's rows have no level (-1 here)."""
    rows = [MHLW_ROWS[0], MHLW_ROWS[1], *([indent + row[0], *row[1:]] for row in MHLW_ROWS[2:])]
    path = ruled_table_page(tmp_path / "page.pdf", "表2-1-1　就業者数", "（単位：万人）",
                            rows, [90, 80, 80])
    cells = page_cells(path, source)
    by_row = cells.groupby("row").first()
    assert list(by_row["total_of"].fillna("")) == ["2-3;4-5", "", "", "", ""]
    assert list(by_row["level"].fillna(-1)) == levels
    assert set(cells[cells["column"] != "区分"]["column_unit"]) == {"万人"}


MOF_ROWS: list[list[fx.Cell]] = [
    ["区分", "合計", "所得税", "法人税", "消費税"],
    ["当初予算", "544,000", "213,000", "132,000", "199,000"],
    ["決算", "583,000", "224,000", "149,000", "210,000"]]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("sales_tax, found, flagged", [
    ("199,000", '[["所得税", "法人税", "消費税"]]', None),   # 213 + 132 + 199 = 544
    ("189,000", None, "sum_differs"),                        # 213 + 132 + 189 = 534
])
def test_a_total_column(sales_tax: str, found: str | None, flagged: str | None,
                        source: str, tmp_path: Path) -> None:
    """租税及印紙収入 style: 合計 is the total of the three taxes' columns in each row
    (224,000 + 149,000 + 210,000 = 583,000 too), or, with 消費税 misprinted, of none
    and flagged."""
    rows = [list(row) for row in MOF_ROWS]
    rows[1][4] = sales_tax
    path = ruled_table_page(tmp_path / "page.pdf", "表1-2-2　税目別税収", "（単位：億円）",
                            rows, [80, 70, 70, 70, 70])
    cells = page_cells(path, source)
    total = cells[cells["column"] == "合計"]
    assert list(total["total_of_columns"].fillna("")) == [found or ""] * 2
    assert list(total["flag"].fillna("")) == [flagged or ""] * 2
    assert cells[cells["column"] != "合計"]["total_of_columns"].isna().all()
    assert cells[cells["column"] != "合計"]["flag"].isna().all()
