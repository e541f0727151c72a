"""The number a table cell holds and the unit its header names (pipeline/tables/values.py),
and the long-form ``table_cells`` dataset they fill (pipeline/tables/cell_records.py). Every
expectation read off the cell by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.common.frames import to_frame
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.schemas import DATASETS
from pipeline.structure.stage import structure_chapter
from pipeline.tables.cell_records import cell_rows
from pipeline.tables.chapter_tables import Table, rebuild_tables
from pipeline.tables.rows import Cell, Rebuilt, Row
from pipeline.tables.values import (
    CellValue,
    cell_value,
    header_unit,
    is_ratio_head,
    is_time_head,
    line_unit,
    line_units,
)
from tests.conftest import ROOT, needs_output


@pytest.mark.parametrize("text, expected", [
    ("6,143", CellValue(6143.0)),
    ("６，１４３", CellValue(6143.0)),                 # full width
    ("0.5", CellValue(0.5)),
    ("1,234.5", CellValue(1234.5)),
    ("△1.2", CellValue(-1.2)),                        # a decrease, as government tables mark it
    ("▲0.5", CellValue(-0.5)),
    ("－3", CellValue(-3.0)),
    ("△ 1.2", CellValue(-1.2)),                      # a space set after the mark
    ("▲\u30000.5", CellValue(-0.5)),
    ("＋1.2", CellValue(1.2)),                         # a rise printed with its sign
    ("+12", CellValue(12.0)),
    ("150億円", CellValue(15_000_000_000.0, "円")),   # a quantity: base units, as numbers
    ("45.6％", CellValue(45.6, "%")),
    ("約3割", CellValue(3.0, "割", approx=True)),
    ("8割以上", CellValue(8.0, "割", modifier="以上")),
])
def test_a_figure_that_is_the_whole_cell(text: str, expected: CellValue) -> None:
    assert cell_value(text) == expected


@pytest.mark.parametrize("text", [
    "－", "-", "…", "x",                 # none, not zero: no value
    "12.3※", "1（注）",                  # a mark after the figure: which figure is meant?
    "3,905注", "1,200注2", "45.1＊",      # UniDic reads 注 after a figure as a counter
    "12,34",                              # a comma not between thousands
    "- 3", "＋", "△",                     # a dash and a figure; a sign alone
    "3〜5割",                             # a range is two figures
    "2020年", "令和2年", "第3次",         # a date, an ordinal (第3位 is a rank, as 3位)
    "太陽光",
])
def test_no_value_unless_one_figure_is_the_whole_cell(text: str) -> None:
    assert cell_value(text) is None


def test_a_footnote_mark_added_to_its_list_marks_a_cell_s_note(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A ministry's own footnote mark, the word ``脚注``, added as a row of
    footnote_marks.tsv alone, marks a cell's note too: ``3,905脚注`` has no value (UniDic
    reads a noun glued to a figure as its counter); the table-only marks (``†``) still
    count. Before: 3,905脚注 was 3905 with the unit 脚注."""
    from pipeline.common import lexicons
    from pipeline.common.footnote_marks import mark_forms
    from pipeline.tables.values import note_mark
    real = lexicons.data_text
    monkeypatch.setattr(lexicons, "data_text", lambda name: real(name) + (
        "脚注\tword\ttest\n" if name == "footnote_marks" else ""))
    mark_forms.cache_clear()
    note_mark.cache_clear()
    try:
        assert [cell_value(t) for t in ["3,905脚注", "12.3†", "12.3"]] == [
            None, None, CellValue(12.3)]
    finally:
        monkeypatch.undo()
        mark_forms.cache_clear()
        note_mark.cache_clear()


@pytest.mark.parametrize("header, unit", [
    ("延長(km)", "km"),
    ("延長(Km)", "Km"),          # kilometres with a capital K (mlit2023-1-1 表1-3-1)
    ("人口（千人）", "千人"),
    ("（単位：億円）", "億円"),
    ("前年度比（％）", "%"),
    ("面積（ha）", "ha"),
    ("区分（注）", ""),          # UniDic may read 注 as a counter; counters.tsv does not list it
    ("（備考）", ""),
    ("2020年度", ""),
])
def test_the_unit_a_header_prints_in_brackets(header: str, unit: str) -> None:
    assert header_unit(header) == unit


def test_cells_of_a_pdf_table_in_long_form(tmp_path: Path) -> None:
    """The table ruled across only of ``pdf_fixtures.hrule_table``: heads 電源, 2020年度,
    2021年度, 前年度比（％）; its figures as numbers, the names as text only."""
    extracted = extract_pdf(fx.hrule_table(tmp_path / "page.pdf"), "st2024-9-9")
    structured = structure_chapter(extracted)
    tables, _, _ = rebuild_tables(to_frame(DATASETS["paragraphs"], structured.paragraphs),
                                  to_frame(DATASETS["figures"], structured.figures),
                                  list(extracted.tables))
    cells = pd.DataFrame(cell_rows(tables))
    assert list(cells["column"].unique()) == ["電源", "2020年度", "2021年度", "前年度比（％）"]
    wind = cells[cells["row"] == 2].set_index("column")
    assert wind.loc["電源", "text"] == "風力" and pd.isna(wind.loc["電源", "value"])
    assert list(wind["value"].iloc[1:]) == [448.0, 458.0, 4.8]
    assert list(wind["column_unit"].fillna("")) == ["", "", "", "%"]
    assert set(cells["flag"]) == {"text_strategy"}
    assert set(cells["page_index"]) == {1}


@needs_output
def test_table_cells_of_the_registered_chapters() -> None:
    """Read off the built datasets: mlit2023-1-1 表1-3-1 (t08, 雪寒指定路線別延長及び区間)
    prints 150.5 under 延長(Km) for 8号, kilometres with a capital K; st2024-1-1 t01
    prints 700億 parameters."""
    cells = pd.read_parquet(ROOT / "output" / "table_cells.parquet")
    road = cells[(cells["chapter"] == "mlit2023-1-1") & (cells["table_id"] == "t08")
                 & (cells["row"] == 1)].set_index("column")
    assert road.loc["路線", "text"] == "8号"
    assert (road.loc["延長(Km)", "value"], road.loc["延長(Km)", "page"]) == (150.5, "1－16")
    assert road.loc["延長(Km)", "column_unit"] == "Km"
    models = cells[(cells["chapter"] == "st2024-1-1") & (cells["table_id"] == "t01")]
    assert 70_000_000_000.0 in set(models.loc[models["text"] == "700億", "value"])
    # the years under 発表年 (2018 for BERT) are dates, no quantities
    assert models.loc[models["column"] == "発表年", "value"].isna().all()
    # the long form holds every cell of every tidy table, as the tidy table prints it
    tidy = pd.read_csv(ROOT / "output" / "tables" / "mlit2023-1-1" / "t08.csv", dtype=str)
    assert len(cells[(cells["chapter"] == "mlit2023-1-1") & (cells["table_id"] == "t08")]) \
        == len(tidy) * 3


@pytest.mark.parametrize("line, unit", [
    ("（単位：兆円）", "兆円"),
    ("(単位:千人)", "千人"),
    ("単位：万トン", "万トン"),
    ("（単位：億円、％）", ""),     # two units: which column is in which is not said
    ("（単位：注）", ""),
    ("資料：厚生労働省", ""),
])
def test_the_one_unit_of_a_unit_line(line: str, unit: str) -> None:
    assert line_unit(line) == unit


@pytest.mark.parametrize("header, ratio", [
    ("前年比", True), ("伸び率", True), ("2022年度／構成比", True), ("割合", True),
    ("対前年度増減", True), ("国民医療費", False), ("2022年度", False), ("件数", False),
])
def test_heads_of_rates_and_ratios(header: str, ratio: bool) -> None:
    assert is_ratio_head(header) is ratio


@pytest.mark.parametrize("below", [False, True])
def test_a_unit_line_gives_its_unit_to_columns_of_amounts(below: bool,
                                                          tmp_path: Path) -> None:
    """``（単位：兆円）`` set flush right over (or under) the table: 国民医療費 and
    うち薬剤費 are in 兆円; 年度 (years, 2021, 2022) and 前年比 (a ratio) are not; the
    figures themselves are not scaled, and the years that label the rows are none."""
    cells = fx.table_cells_of(fx.ruled_table_with_unit_line(tmp_path / "page.pdf", below=below))
    units = cells.groupby("column", sort=False)["column_unit"].first()
    assert list(units.fillna("")) == ["", "兆円", "兆円", ""]
    second = cells[cells["row"] == 2]
    assert list(second["text"]) == ["2022", "46.7", "8.0", "3.7"]
    assert list(second["value"].fillna(-1)) == [-1, 46.7, 8.0, 3.7]


def test_a_unit_line_of_an_amount_and_percent_gives_each_its_columns(tmp_path: Path,
                                                                      ) -> None:
    """``（単位：兆円、％）``: 国民医療費 and うち薬剤費 in 兆円, the ratio 前年比 in %."""
    cells = fx.table_cells_of(fx.ruled_table_with_unit_line(tmp_path / "page.pdf",
                                                     "（単位：兆円、％）"))
    units = cells.groupby("column", sort=False)["column_unit"].first()
    assert list(units.fillna("")) == ["", "兆円", "兆円", "%"]


@pytest.mark.parametrize("line, expected", [
    ("（単位：円、％）", ["", "円", "円", "%"]),     # 増減率 has no bracket: % from the line
    ("（単位：千t、億円）", ["", "", "", ""]),       # two amounts: which column is which?
])
def test_a_unit_line_of_two_units_in_a_table_ruled_across(line: str, expected: list[str],
                                                          tmp_path: Path) -> None:
    """家計調査 style (``household_spending_table``, heads 費目 | 2022年 | 2023年 |
    増減率): the years' amounts take the amount, the rate 増減率 the %."""
    cells = fx.table_cells_of(fx.household_spending_table(tmp_path / "page.pdf", line, "増減率"))
    found = cells.groupby("column", sort=False)["column_unit"].first().fillna("")
    assert list(found.index) == ["費目", "2022年", "2023年", "増減率"]
    assert list(found) == expected


@pytest.mark.parametrize("line, units", [
    ("（単位：億円）", ("億円", "")),
    ("（単位：億円、％）", ("億円", "%")),
    ("(単位:%、人)", ("人", "%")),
    ("（単位：千t、億円）", ("", "")),
    ("（単位：億円、％、人）", ("", "%")),     # two amounts: the heads tell (head_line_unit)
    ("（単位：注、％）", ("", "")),
])
def test_the_units_of_a_unit_line(line: str, units: tuple[str, str]) -> None:
    assert line_units(line) == units


def unit_in_corner(path: Path) -> Path:
    """A fully ruled table whose top-left head prints the unit of the whole table
    (``（単位：億円）`` over the row labels), 防衛白書 style."""
    c = fx._canvas(path)
    fx.draw_column(c, fx.LEFT_X, 780, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    fx.draw(c, fx.LEFT_X, 730, "図表Ⅲ-1-2-5　装備品の調達額")
    rows: list[list[fx.Cell]] = [["（単位：億円）", "令和4年度", "令和5年度"],
                                 ["航空機", "3,900", "12,000"], ["艦船", "2,100", "4,300"]]
    bottom = fx.draw_grid(c, fx.LEFT_X, 715, [110, 90, 90], rows)
    return fx.source_and_body_below(c, bottom, path)


def test_a_unit_line_as_the_corner_head_is_the_tables(tmp_path: Path) -> None:
    """The figures under 令和4年度 and 令和5年度 are in 億円; the row labels under the
    corner head are not."""
    cells = fx.table_cells_of(unit_in_corner(tmp_path / "page.pdf"))
    units = cells.groupby("column", sort=False)["column_unit"].first()
    assert list(units.index) == ["（単位：億円）", "令和4年度", "令和5年度"]
    assert list(units.fillna("")) == ["", "億円", "億円"]


@pytest.mark.parametrize("header, time", [
    ("発表年", True), ("年度", True), ("調査時点", True), ("発刊年月", True),
    ("件数", False), ("2020年度", True), ("年齢", False),
])
def test_heads_of_time_columns(header: str, time: bool) -> None:
    assert is_time_head(header) is time


def models_table(path: Path) -> Path:
    """A ruled table of models with the year each was published in its second column."""
    c = fx._canvas(path)
    fx.draw_column(c, fx.LEFT_X, 780, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    fx.draw(c, fx.LEFT_X, 730, "表1-1-1　主な基盤モデル")
    rows: list[list[fx.Cell]] = [["モデル名", "発表年", "パラメータ数"],
                                 ["BERT", "2018", "3.4億"], ["GPT-3", "2020", "1,750億"],
                                 ["Llama", "2023", "700億"]]
    bottom = fx.draw_grid(c, fx.LEFT_X, 715, [110, 90, 90], rows)
    return fx.source_and_body_below(c, bottom, path)


def test_years_under_a_time_head_are_no_quantities(tmp_path: Path) -> None:
    """2018, 2020, 2023 under 発表年 are the years the models came out: no value; the
    parameter counts beside them are (3.4億 → 340000000)."""
    cells = fx.table_cells_of(models_table(tmp_path / "page.pdf")).set_index(["row", "column"])
    assert cells.loc[(1, "発表年"), "text"] == "2018"
    assert cells.xs("発表年", level="column")["value"].isna().all()
    assert cells.loc[(1, "パラメータ数"), "value"] == 340_000_000.0


def hand_table(heads: list[str], rows: list[list[str]], unit_line: str = "") -> Table:
    """A table as the tables stage holds it, built by hand."""
    built = Rebuilt("pdf_lines", tuple(heads), tuple(heads), tuple(
        Row(tuple(Cell(h, (text,), (), True) for h, text in zip(heads, row, strict=True)))
        for row in rows))
    return Table("mod9999-1-1", "t01", "f001", "", "", built,
                 source={"unit_line": unit_line} if unit_line else {})


def test_years_under_a_year_head_are_figures() -> None:
    """Under 2020年度 (a time series' head) 1985 and 2003 are counts; under 設立年 they
    are years."""
    table = hand_table(["区分", "2020年度", "設立年"], [["甲", "1985", "1985"],
                                                      ["乙", "2003", "2003"]])
    cells = pd.DataFrame(cell_rows([table]))
    assert list(cells["value"].fillna(-1)) == [-1, 1985.0, -1, -1, 2003.0, -1]


def test_a_unit_line_beside_a_table_built_by_hand() -> None:
    """（単位：億円） gives 億円 to the amounts, not to 前年比 nor to the counts that print
    their own unit (3.7倍)."""
    table = hand_table(["区分", "予算額", "前年比", "倍率"],
                       [["甲", "1,200", "3.1", "3.7倍"], ["乙", "800", "△0.5", "2.0倍"]],
                       "（単位：億円）")
    units = pd.DataFrame(cell_rows([table])).groupby("column", sort=False)["column_unit"]
    assert list(units.first().fillna("")) == ["", "億円", "", ""]
