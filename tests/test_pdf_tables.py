"""Ruled tables found on the PDF page geometry: generated PDFs with exact expected grids
(merged cells, a false positive, a table continued over a page), the text and caption
rules as tables of cases, then tables of the real chapters checked by eye against the
printed pages (st2024-1-1 p.9, st2024-1-2 p.22, st2024-1-3 p.36)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.common.files import read_json, write_json
from pipeline.common.frames import to_frame, write_parquet
from pipeline.config import Paths
from pipeline.errors import PipelineError
from pipeline.extract.pdf.continued_tables import join_continued_tables
from pipeline.extract.pdf.glyph_index import index_glyphs
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.table_captions import find_captions, unit_line_near
from pipeline.extract.pdf.table_cell_text import cell_line_to_text, join_cell_lines
from pipeline.extract.pdf.table_cells import is_real_table
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.extract.pdf.tables import is_thin_quad
from pipeline.schemas import DATASETS, Extracted
from pipeline.structure.stage import structure_chapter
from pipeline.tables.chapter_tables import Table, rebuild_tables
from pipeline.tables.from_pdf import (
    count_header_rows,
    fill_merged,
    header_names,
    match_captions,
    page_table_to_rebuilt,
)
from pipeline.tables.stage import run
from pipeline.tables.tidy_tables import table_frame

RAW = Path(__file__).resolve().parent.parent / "raw" / "pdf"


def extract(make: Callable[[Path], Path], tmp_path: Path) -> Extracted:
    return extract_pdf(make(tmp_path / "page.pdf"), "st2024-9-9")




# --------------------------------------------------------------------------- generated


def test_ruled_grid_rebuilt_exactly(tmp_path: Path) -> None:
    table, = extract(fx.ruled_grid, tmp_path).tables
    assert table["rows"] == [
        ["区分", "機関名", "事業名", "金額"],
        ["第１回", "東京大学", "大規模言語モデルの研究開発", "1,200億"],
        [None, "Data science and AI Center", "基盤モデル", "60"],
        ["第２回", "京都大学", "対象外", None],
    ]
    assert table["merged"] == [[2, 0, 1, 0], [3, 3, 3, 2]]
    assert table["markers"] == [[3, 1, "1"]]
    assert (table["caption"], table["strategy"], table["cut"]) == ("第１-１-１表", "lines", [])
    assert table["bbox"] == pytest.approx([60.0, 126.89, 460.0, 222.89], abs=0.5)

    rebuilt = page_table_to_rebuilt(table)
    assert rebuilt.rebuilt.kinds == ("区分", "機関名", "事業名", "金額")
    values = [[c.values[0] for c in row.cells] for row in rebuilt.rebuilt.rows]
    assert values == [["第１回", "東京大学", "大規模言語モデルの研究開発", "1,200億"],
                      ["第１回", "Data science and AI Center", "基盤モデル", "60"],
                      ["第２回", "京都大学", "対象外", "対象外"]]
    assert [row.flags for row in rebuilt.rebuilt.rows] == [[], ["区分:merged"], ["金額:merged"]]
    assert rebuilt.rebuilt.quality == 1.0


def test_single_row_and_single_column_boxes_rejected(tmp_path: Path) -> None:
    assert extract(fx.single_row_box, tmp_path).tables == ()


def test_table_continued_on_next_page_joined(tmp_path: Path) -> None:
    table, = extract(fx.continued_table, tmp_path).tables
    assert table["rows"][0] == ["番号", "名称", "件数"]
    assert [r[0] for r in table["rows"][1:]] == [str(i) for i in range(1, 30)]
    assert table["rows"][-1] == ["29", "項目29", "290"]
    part, = table["continued"]
    assert (part["page_index"], part["page"], part["first_row"], part["header_dropped"]) == \
        (2, "12", 25, True)
    rebuilt = page_table_to_rebuilt(table)
    assert rebuilt.pages[23] == ("11", 1) and rebuilt.pages[24] == ("12", 2)


def page_table(page_index: int, top: float, bottom: float, rows: list[list[str | None]],
               caption: str | None = None) -> dict[str, Any]:
    return {"page_index": page_index, "page": str(page_index + 10), "bbox": [50, top, 500, bottom],
            "rows": rows, "strategy": "lines", "merged": [], "cut": [], "markers": [],
            "caption": caption, "continued": []}


HEADS = [["名称", "件数"]]


@pytest.mark.parametrize("after, joined", [
    (page_table(2, 60, 300, HEADS + [["Ｂ", "2"]]), True),
    (page_table(2, 60, 300, [["Ｂ", "2"]]), True),                         # no header repeat
    (page_table(2, 60, 300, [["Ｂ", "2", "3"]]), False),                   # other columns
    (page_table(2, 60, 300, HEADS + [["Ｂ", "2"]], "第１-１-２表"), False),  # own caption
    (page_table(2, 400, 600, HEADS + [["Ｂ", "2"]]), False),               # not at the head
    (page_table(3, 60, 300, HEADS + [["Ｂ", "2"]]), False),                # a page between
])
def test_join_continued_tables(after: dict[str, Any], joined: bool) -> None:
    before = page_table(1, 100, 800, HEADS + [["Ａ", "1"]], "第１-１-１表")
    result = join_continued_tables([before, after], {1: 842.0, 2: 842.0, 3: 842.0},
                                   TableFinderSettings())
    assert len(result) == (1 if joined else 2)
    if joined:
        assert result[0]["rows"] == HEADS + [["Ａ", "1"], ["Ｂ", "2"]]
        assert result[0]["continued"][0]["first_row"] == 2
    assert before["continued"] == []       # the input is not changed


def test_part_leaving_out_a_column_rule_is_joined_on_the_columns_before() -> None:
    before = {**page_table(1, 100, 800, [["区分", None, "件数"], ["国", "県", "1"]],
                           "表1-1"), "merged": [[0, 1, 0, 0]], "xs": [50.0, 100.0, 200.0, 500.0]}
    after = {**page_table(2, 60, 300, [["区分", "件数"], ["市町村", "2"]]),
             "xs": [40.0, 190.0, 490.0], "cut": [[1, 1]]}      # the page shifts 10 pt left
    (joined,) = join_continued_tables([before, after], {1: 842.0, 2: 842.0},
                                      TableFinderSettings())
    assert joined["rows"] == [["区分", None, "件数"], ["国", "県", "1"], ["市町村", None, "2"]]
    assert [2, 1, 2, 0] in joined["merged"] and joined["cut"] == [[2, 2]]
    assert joined["continued"][0]["header"] == [["区分", None, "件数"]]
    other = {**after, "xs": [40.0, 140.0, 490.0]}              # a rule before has not
    first, second = join_continued_tables([before, other], {1: 842.0, 2: 842.0},
                                          TableFinderSettings())
    assert second["continues_previous"] and not first["continued"]


def test_is_real_table() -> None:
    settings = TableFinderSettings()
    assert not is_real_table([["a", "b"]], settings)
    assert not is_real_table([["a"], ["b"]], settings)
    assert not is_real_table([["a", ""], ["b", None]], settings)
    assert is_real_table([["a", "b"], ["c", ""]], settings)


# --------------------------------------------------------------------------- rules


@pytest.mark.parametrize("text, found", [
    ("■第１-１-５表／主な基盤モデルとパラメータ数", ["第１-１-５表"]),
    ("第２-５-11表 主な施策", ["第２-５-11表"]),
    ("（第１-２-３表）。", []),                    # a reference in running text
    ("第１-２-６表のとおり、", []),                # a reference opening a line
    ("■第１-１-６図／生成ＡＩの規模の推移", []),   # a figure, not a table
])
def test_find_captions(text: str, found: list[str]) -> None:
    captions = find_captions(fx.chars(text), TableFinderSettings())
    assert [c.label for c in captions] == found
    assert all(c.top == 100.0 and c.bottom == 110.0 for c in captions)


@pytest.mark.parametrize("lines, expected", [
    (["大規模言語モデルの", "研究開発"], "大規模言語モデルの研究開発"),
    (["Data science", "and AI Center"], "Data science and AI Center"),
    (["Agent-", "based Cyber"], "Agent-based Cyber"),
    (["東京工業大学、", "LLM-jp"], "東京工業大学、LLM-jp"),
    (["NVIDIA社と", "Microsoft社"], "NVIDIA社とMicrosoft社"),
])
def test_join_cell_lines(lines: list[str], expected: str) -> None:
    assert join_cell_lines(lines) == expected


@pytest.mark.parametrize("text, expected", [
    ("重要な技術 （蒸留", "重要な技術（蒸留"),     # a space glyph between Japanese: dropped
    ("Law & Society", "Law & Society"),
    ("Google社", "Google社"),
])
def test_cell_line_to_text_spaces_only_between_latin(text: str, expected: str) -> None:
    assert cell_line_to_text(fx.chars(text), 0.25) == expected


@pytest.mark.parametrize("field, value", [
    ("min_rows", 0), ("min_cols", 1.5), ("space_gap", -1.0), ("continue_band", 0.9),
    ("caption_pattern", "第(表"), ("rule_max_thickness", True),
])
def test_settings_validated(field: str, value: object) -> None:
    with pytest.raises(PipelineError, match=f"TableFinderSettings.{field}="):
        TableFinderSettings(**{field: value})


# --------------------------------------------------------------------------- tidy


def test_fill_merged_and_uncovered() -> None:
    rows, taken, uncovered = fill_merged([["a", "b"], [None, "c"], ["d", None]],
                                         [[1, 0, 0, 0]])
    assert rows == [["a", "b"], ["a", "c"], ["d", ""]]
    assert (taken, uncovered) == ({(1, 0)}, {(2, 1)})


def test_row_printed_across_the_table_stays_in_its_first_column() -> None:
    """A heading printed inside the frame as one cell across the table (``【歳出】``) is
    not copied into the columns of figures; a note so printed at the foot (厚生労働白書
    style) is no data row at all, but the table's note; a head spanning columns is
    still copied."""
    note = "注：複数の相談内容を含む場合は主な内容で計上している。"
    table = {"page_index": 1, "bbox": [0, 0, 1, 1], "strategy": "lines",
             "rows": [["相談内容", "2022年度", "2023年度"], ["【相談】", None, None],
                      ["総数", "13,456", "14,567"], [note, None, None]],
             "merged": [[1, 1, 1, 0], [1, 2, 1, 0], [3, 1, 3, 0], [3, 2, 3, 0]],
             "cut": [], "markers": []}
    found = page_table_to_rebuilt(table)
    rebuilt = found.rebuilt
    assert [[c.values[0] for c in row.cells] for row in rebuilt.rows] == [
        ["【相談】", "", ""], ["総数", "13,456", "14,567"]]
    assert {c.flag for c in rebuilt.rows[0].cells} == {""}
    assert found.info["notes"] == [note] and len(found.pages) == 2
    title = {**table, "rows": [["相談件数", None, None], ["相談内容", "2022年度", "2023年度"],
                               ["総数", "13,456", "14,567"]],
             "merged": [[0, 1, 0, 0], [0, 2, 0, 0]]}
    assert list(page_table_to_rebuilt(title).rebuilt.kinds) == [
        "相談件数／相談内容", "相談件数／2022年度", "相談件数／2023年度"]


@pytest.mark.parametrize("rows, merged, expected", [
    ([["基盤モデル名", "発表年"], ["BERT", "2018"]], [], 1),
    ([["機械学習", "人間の学習に相当する仕組み。"], ["深層学習", "機械学習の一種。"]], [], 0),
    ([["2018", "3.4億"], ["2019", "15億"]], [], 0),
    ([["区分", "予算", None], ["", "当初", "補正"], ["Ａ", "1", "2"]], [[0, 2, 0, 1]], 2),
    # 表1-5-2 (mlit2023-1-1 p.26): 盛土の直高 spans three header rows, 余裕巾 three columns
    ([["盛土の直高H(m)", "余裕巾△W(m)", None, None], [None, "宅地", "田畑地", "急傾斜地"],
      [None, "余裕幅", "余裕幅", "余裕幅"], ["0～5m", "0～0.3", "0～0.5", "0.5～1.0"]],
     [[0, 2, 0, 1], [0, 3, 0, 1], [1, 0, 0, 0], [2, 0, 0, 0]], 3),
    # p.8: a header cell spans two columns, but the row under it holds data beside it
    ([["設計範囲項目", None, "概略設計", "詳細設計"],
      ["設計図", "参考図", "主要交差点処理検討図", "工事目的物以外の間接工事"],
      ["数量計算書", None, "土量の概略数量", "全ての数量"]], [[0, 1, 0, 0], [2, 1, 2, 0]], 1),
    # a row of units under the heads (厚生労働白書 style), blank under the label column
    ([["業種", "死亡者数", "災害率"], ["", "（人）", "（％）"], ["製造業", "138", "2.70"]], [], 2),
    # bracketed words that are no units are data
    ([["区分", "件数"], ["（注）", "（1）"], ["Ａ", "12"]], [], 1),
    # p.7: the first column's label printed in the lower header row, under a blank cell
    ([["", "予備設計", "詳細設計"], ["1／2，500", None, None],
      ["ルート選定の経緯を記述する。", "線形設定の経緯", "設計条件"]],
     [[1, 1, 0, 1], [1, 2, 0, 2]], 2),
])
def test_count_header_rows(rows: list[list[str | None]], merged: list[list[int]],
                           expected: int) -> None:
    assert count_header_rows(rows, merged) == expected


AGE_GROUPS: list[list[str | None]] = [   # 人口 and 構成比 each span two columns of years
    ["区分", "人口", None, "構成比", None], [None, "2000", "2020", "2000", "2020"],
    ["0～14歳", "18,472", "15,032", "14.6", "11.9"], ["65歳以上", "22,005", "36,027", "17.4", "28.6"]]
AGE_MERGED = [[0, 2, 0, 1], [0, 4, 0, 3], [1, 0, 0, 0]]


@pytest.mark.parametrize("rows, merged, expected", [
    # a header row of years over figures: the years are the column labels
    ([["国名", "2018年", "2019年", "2020年"], ["日本", "195,260", "195,757", "192,365"],
      ["米国", "617,354", "667,290", "700,124"]], [], 1),
    ([["区分", "2019", "2020", "2021"], ["件数", "1,234", "1,301", "1,377"]], [], 1),
    # months, a fiscal year's run wrapping from 12月 to 1月
    ([["月", "1月", "2月", "3月"], ["件数", "120", "98", "143"]], [], 1),
    ([["区分", "10月", "11月", "12月", "1月", "2月"], ["件数", "5", "6", "7", "8", "9"]], [], 1),
    # a two-level header: the years under the cells spanning two columns
    (AGE_GROUPS, AGE_MERGED, 2),
    # years after the first by their number alone (厚生労働白書: 令和元年度 | 2 | 3 | 4)
    ([["区分", "令和元年度", "2", "3", "4"], ["身体的虐待", "49,240", "50,035", "49,241",
                                           "51,679"]], [], 1),
    ([["区分", "2019年", "20", "21"], ["件数", "1,234", "1,301", "1,377"]], [], 1),
])
def test_count_header_rows_of_time_series(rows: list[list[str | None]],
                                          merged: list[list[int]], expected: int) -> None:
    assert count_header_rows(rows, merged) == expected


@pytest.mark.parametrize("rows, merged, expected", [
    # years down the first column under a text header: the header is the first row only
    ([["年", "件数", "金額"], ["2018", "1,234", "5.6"], ["2019", "1,300", "6.1"]], [], 1),
    ([["年", "金額", None], ["2018", "1,234", "5.6"], ["2019", "1,300", "6.1"]],
     [[0, 2, 0, 1]], 1),
    # no header: a first row of quantities, or of a year and a quantity
    ([["1,234", "12.3%", "5万人"], ["2,345", "13.1%", "6万人"]], [], 0),
    ([["2018", "1,234", "5.6"], ["2019", "1,300", "6.1"]], [], 0),
    # years not in order, years over years, years over no figures: left unread; a
    # number alone after a year that is no year after it (令和5年 | 1 | 2) is data
    ([["区分", "令和5年", "1", "2"], ["件数", "10", "20", "30"]], [], 0),
    ([["区分", "2020年", "2018年", "2019年"], ["件数", "1", "2", "3"]], [], 0),
    ([["2018年", "2019年"], ["2020年", "2021年"]], [], 0),
    ([["区分", "2018年", "2019年"], ["件数", "", ""]], [], 0),
    # the lower row's years out of order under a spanning cell
    ([["区分", "人口", None, None], [None, "2000", "2020", "2010"], ["計", "1", "2", "3"]],
     [[0, 2, 0, 1], [0, 3, 0, 1], [1, 0, 0, 0]], 1),
])
def test_count_header_rows_leaves_quantities_as_data(rows: list[list[str | None]],
                                                     merged: list[list[int]],
                                                     expected: int) -> None:
    assert count_header_rows(rows, merged) == expected


def test_time_series_tables_named_by_their_years(tmp_path: Path) -> None:
    """A made-up page through the structure stage and the tables stage's core."""
    extracted = extract(fx.year_header_tables, tmp_path)
    structured = structure_chapter(extracted)
    paragraphs = to_frame(DATASETS["paragraphs"], structured.paragraphs)
    figures = to_frame(DATASETS["figures"], structured.figures)
    tables = {t.label: t for t in
              rebuild_tables(paragraphs, figures, list(extracted.tables)).tables}
    years, ages = tables["第１-１-１表"], tables["第１-１-２表"]
    assert years.columns == ["国名", "2018年", "2019年", "2020年"]
    assert values(years) == [["日本", "195,260", "195,757", "192,365"],
                             ["米国", "617,354", "667,290", "700,124"]]
    assert ages.columns == ["区分", "人口／2000", "人口／2020", "構成比／2000", "構成比／2020"]
    assert [row[0] for row in values(ages)] == ["0～14歳", "65歳以上"]


@pytest.mark.parametrize("curve, rule", [
    ({"fill": True, "pts": [(0, 0), (110, 0), (110, 0.3), (0, 0.3), (0, 0)],
      "width": 110.0, "height": 0.3}, True),       # a rule drawn as a filled path
    ({"fill": False, "stroke": True, "pts": [(0, 0), (110, 0), (110, 0.3), (0, 0.3)],
      "width": 110.0, "height": 0.3}, False),      # an outline, not a filled bar
    ({"fill": True, "pts": [(0, 0)] * 8, "width": 110.0, "height": 0.3}, False),  # a curve
    ({"fill": True, "pts": [(0, 0)] * 4, "width": 110.0, "height": 30.0}, False),  # shading
])
def test_thin_filled_paths_are_rules(curve: dict[str, Any], rule: bool) -> None:
    assert is_thin_quad(curve, TableFinderSettings()) is rule


def test_header_names_join_two_rows_and_number_blanks() -> None:
    assert header_names([["区分", "予算", "予算"], ["", "当初", "補正"]], 3) == \
        ["区分", "予算／当初", "予算／補正"]
    assert header_names([], 2) == ["列1", "列2"]
    assert header_names([["名称", "名称"]], 2) == ["名称", "名称_2"]


def test_match_captions_by_label_then_by_order() -> None:
    tables = [{"page_index": 3, "bbox": [0, 400, 1, 1], "caption": None},
              {"page_index": 3, "bbox": [0, 100, 1, 1], "caption": None},
              {"page_index": 5, "bbox": [0, 100, 1, 1], "caption": "第１-１-９表"},
              {"page_index": 7, "bbox": [0, 100, 1, 1], "caption": None}]
    captions = [{"figure_id": "f1", "label": "第１-１-１表", "page_index": 3, "line": 2},
                {"figure_id": "f2", "label": "第１-１-２表", "page_index": 3, "line": 40},
                {"figure_id": "f9", "label": "第１-１-９表", "page_index": 5, "line": 60}]
    assert match_captions(tables, captions) == {1: "f1", 0: "f2", 2: "f9"}


def test_caption_under_the_last_part_of_a_table_over_pages() -> None:
    """A document that prints captions under tables (環境白書): a table joined over
    pages 2 and 3 has its caption ``表1-1-5`` under its last part, on page 3."""
    done = {"page_index": 1, "bbox": [0, 100, 1, 300], "caption": None, "caption_gap": None,
            "caption_below": "表1-1-3", "caption_below_gap": 20.0}
    over = {"page_index": 2, "bbox": [0, 400, 1, 800], "caption": None, "caption_gap": None,
            "caption_below": None, "caption_below_gap": None,
            "continued": [{"page_index": 3, "first_row": 30, "caption_below": "表1-1-5",
                           "caption_below_gap": 20.0}]}
    captions = [{"figure_id": "f3", "label": "表1-1-3", "page_index": 1, "line": 30},
                {"figure_id": "f4", "label": "表1-1-5", "page_index": 3, "line": 90}]
    assert match_captions([done, over], captions) == {0: "f3", 1: "f4"}


def test_part_over_the_page_keeps_its_caption_below(tmp_path: Path) -> None:
    """The joined part of ``continued_table`` has no caption under it: None, kept."""
    table, = extract(fx.continued_table, tmp_path).tables
    part, = table["continued"]
    assert part["caption_below"] is None


# --------------------------------------------------------------------------- real pages


@pytest.fixture(scope="module")
def chapters(real_pdfs: dict[str, Extracted]) -> dict[str, Extracted]:
    return real_pdfs   # parsed once per test run (tests/conftest.py)


@pytest.fixture(scope="module")
def rebuilt(chapters: dict[str, Extracted]) -> dict[str, Table]:
    """Every chapter's tables by caption label, through the tables stage's core."""
    found: dict[str, Table] = {}
    for extracted in chapters.values():
        structured = structure_chapter(extracted)
        paragraphs = to_frame(DATASETS["paragraphs"], structured.paragraphs)
        figures = to_frame(DATASETS["figures"], structured.figures)
        for table in rebuild_tables(paragraphs, figures, list(extracted.tables)).tables:
            found[table.label] = table
    return found


def values(table: Table) -> list[list[str]]:
    return [[c.values[0] for c in row.cells] for row in table.rebuilt.rows]


def test_real_tables_one_per_table_caption(chapters: dict[str, Extracted]) -> None:
    found = [(t["page"], t["caption"], len(t["rows"]), len(t["rows"][0]))
             for ex in chapters.values() for t in ex.tables]
    assert found == [("9", "第１-１-５表", 12, 5), ("10", "第１-１-７表", 8, 2),
                     ("16", "第１-２-３表", 8, 2), ("18", "第１-２-６表", 4, 5),
                     ("22", "第１-２-９表", 6, 3), ("27", "第１-３-３表", 8, 3),
                     ("29", "第１-３-５表", 13, 2), ("36", "第１-３-７表", 4, 2)]


FOUNDATION_MODELS = [  # 第１-１-５表 p.9, read off the page: model, developer, year, size
    ("BERT", "Google社", "2018", "3.4億"), ("GPT-1", "OpenAI社", "2018", "1.2億"),
    ("GPT-2", "OpenAI社", "2019", "15億"), ("GPT-3", "OpenAI社", "2020", "1,750億"),
    ("Gopher", "Google DeepMind社", "2021", "2,800億"),
    ("MT-LNG", "NVIDIA社とMicrosoft社", "2021", "5,300億"),
    ("PaLM", "Google社", "2022", "5,400億"), ("GPT-4", "OpenAI社", "2023", "非公表"),
    ("PaLM2", "Google社", "2023", "非公表"), ("Llama2", "Meta社", "2023", "700億"),
    ("Swallow", "東京工業大学", "2023", "700億"),
]


def test_real_foundation_models(rebuilt: dict[str, Table]) -> None:
    table = rebuilt["第１-１-５表"]
    assert table.figure_id == "f005" and table.rebuilt.layout == "pdf_lines"
    assert table.columns == ["基盤モデル名", "開発組織", "発表年", "最大規模のパラメータ数", "備考"]
    assert [tuple(row[:4]) for row in values(table)] == FOUNDATION_MODELS
    assert values(table)[-1][4] == "Llama2において継続事前学習を行うことで日本語能力を拡張"
    frame = table_frame(table)
    assert set(frame["page"]) == {"9"} and set(frame["page_index"]) == {6}


def test_real_ai_talent_programmes(rebuilt: dict[str, Table]) -> None:
    table = rebuilt["第１-２-９表"]
    assert table.columns == ["事業名", "対象", "概要"] and len(table.rebuilt.rows) == 5
    first, *_, last = values(table)
    assert first[:2] == ["数理・データサイエンス・ＡＩ教育プログラム認定制度（文部科学省）",
                         "大学及び高等専門学校"]
    assert first[2].endswith("応用基礎レベルが147件である。")
    assert last[0] == "未踏事業（経済産業省、情報処理推進機構）"
    assert last[1] == ("未踏ＩＴ人材発掘・育成事業：25歳未満\n未踏アドバンスト事業：条件なし\n"
                       "未踏ターゲット事業：条件なし")     # printed one a line
    second = values(table)[1][0]     # Latin words wrapped over lines; marker ¹ taken out
    assert second.startswith("Ｋ－ＤＡＳＨ（KOSEN Mathematics, Data science and AI Smart "
                             "Higher Educational Community）（文部科学省")


def test_real_ai_policies_without_header(rebuilt: dict[str, Table]) -> None:
    table = rebuilt["第１-３-７表"]
    assert table.columns == ["列1", "列2"] and table.rebuilt.headers == ()
    rows = values(table)
    assert [r[0] for r in rows] == ["米国", "英国", "ＥＵ", "日本"]
    assert rows[0][1].startswith("民間企業に安全性確保についての自主的な取組を約束させる")
    assert rows[-1][1].endswith("ＡＩセーフティ・インスティテュートを設立。")


def test_real_text_tables_replaced_and_index_has_figure_ids(rebuilt: dict[str, Table]) -> None:
    table = rebuilt["第１-２-３表"]
    assert table.columns == ["実施者", "概要"]
    assert values(table)[0] == ["株式会社ABEJA", "ＬＬＭの社会実装に向けた特化型モデルの元となる"
                                "汎化的ＬＬＭを研究開発"]
    assert rebuilt["第１-３-５表"].columns[0] == "大学名"
    assert len(rebuilt["第１-３-５表"].rebuilt.rows) == 12


def test_main_reads_page_tables(tmp_path: Path, chapters: dict[str, Extracted]) -> None:
    extracted = chapters["1"]
    structured = structure_chapter(extracted)
    paths = Paths(tmp_path)
    folder = paths.stage_dir("structure") / "st2024-1-1"
    for name in ("paragraphs", "figures"):
        write_parquet(to_frame(DATASETS[name], structured.rows(name)), folder / f"{name}.parquet")
    write_json(folder / "page_tables.json", list(extracted.tables))
    run("st2024-1-1", paths)
    out = paths.stage_dir("tables") / "st2024-1-1"
    index = pd.read_parquet(out / "tables.parquet")
    assert list(index["figure_id"]) == ["f005", "f007"]
    assert json.loads(index["columns"][0])[0] == "基盤モデル名"
    frame = pd.read_parquet(out / "t01.parquet")
    assert list(frame["基盤モデル名"])[:2] == ["BERT", "GPT-1"]
    manifest: dict[str, Any] = read_json(out / "manifest.json")
    assert manifest["tables"][0]["pdf"]["strategy"] == "lines"
    assert manifest["page_tables_unmatched"] == []


def test_main_refuses_bad_page_tables(tmp_path: Path) -> None:
    from pipeline.artefacts import read_page_tables

    path = tmp_path / "page_tables.json"
    write_json(path, {"rows": []})
    with pytest.raises(PipelineError, match="not a list of page tables"):
        read_page_tables(path)
    assert read_page_tables(tmp_path / "absent.json") == []


def test_table_under_its_own_caption_is_not_continued(tmp_path: Path) -> None:
    """Captions printed under their tables: a table at the head of a page, after one that
    ended near the foot of the page before with its caption under it, is a table of its
    own, not the rest of that one (it would be joined: its columns agree)."""
    first, second = extract(fx.captions_below_across_pages, tmp_path).tables
    assert first["rows"][0] == ["年度", "一般廃棄物", "産業廃棄物"] and len(first["rows"]) == 23
    assert first["continued"] == [] and not second.get("continues_previous")
    assert second["rows"] == [["電源", "2022年度", "2023年度"], ["火力", "7,100", "6,900"],
                              ["原子力", "560", "850"]]
    assert (first["caption_below"], second["caption_below"]) == ("表1-1-3", "表1-1-4")


@pytest.mark.parametrize("line, found", [
    ("（単位：億円）", "（単位：億円）"),                    # alone, set over the table
    ("図表1-1-2　国民医療費の推移　（単位：兆円）", "（単位：兆円）"),   # after the caption
    ("本文で（単位：億円）と書いた文である。", None),          # inside a sentence
])
def test_unit_line_over_a_table(line: str, found: str | None) -> None:
    inside = fx.chars("総数1,234", top=210.0, size=8.0, x=60.0)
    over = fx.chars(line, top=190.0, size=8.0, x=60.0)
    assert unit_line_near((50.0, 200.0, 450.0, 300.0), index_glyphs([*over, *inside]),
                          [(50.0, 200.0, 450.0, 300.0)], TableFinderSettings()) == found


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_rows_of_a_table_ruled_down_only(source: str, tmp_path: Path) -> None:
    """財務 style 一般会計歳出: rules down between the columns, none between the six items
    (only under the header and over 合計): pdfplumber's grid makes them one cell per
    column; each printed line of figures is a row of its own, as printed, and 合計
    (1,107,596) is their total; both character sources alike."""
    from pipeline.extract.pdf.settings import PdfSettings
    from pipeline.tables.cell_records import cell_rows

    path = fx.ruled_down_table(tmp_path / "page.pdf")
    extracted = extract_pdf(path, "made9999-1-1", PdfSettings(source=source))
    assert extracted.tables[0]["rows"] == fx.BUDGET_ROWS
    structured = structure_chapter(extracted)
    tables, _, _ = rebuild_tables(to_frame(DATASETS["paragraphs"], structured.paragraphs),
                                  to_frame(DATASETS["figures"], structured.figures),
                                  list(extracted.tables))
    cells = pd.DataFrame(cell_rows(tables))
    first = cells[cells["column"] == "区分"]
    assert list(first["text"]) == [row[0] for row in fx.BUDGET_ROWS[1:]]
    assert list(first["total_of"].fillna("")) == [""] * 6 + ["1-6"]
    assert list(cells[cells["column"] == "増減"]["value"]) \
        == [6154, 257, 9110, 5167, 47999, -32103, 36584]


@pytest.mark.parametrize("rows", [
    [["区分", "金額"], [("社会保障", "関係費"), ("362,735", "(33.7)")], ["合計", "1,000"]],
    [["区分", "金額"], [("地方交付税交付金", "等", "防衛関係費"), ("158,825", "53,687")],
     ["合計", "1,000"]],
    [["区分", "金額"], ["北海道", ("1,234", "5.6")], ["合計", "1,000"]],
])
def test_a_ruled_row_of_two_lines_that_is_one_row(rows: list[list[fx.Cell]],
                                                  tmp_path: Path) -> None:
    """A label wrapped onto a second line beside a figure and its share in brackets, or a
    label wrapped over three lines beside two figures (its last line on no figure's
    line), or two figures stacked beside one label (an amount over its share): the lines
    are no rows of their own; the ruled row stays whole."""
    c = fx._canvas(tmp_path / "page.pdf")
    fx.draw_grid(c, fx.LEFT_X, 700, [120, 80], rows, row_height=40)
    c.showPage()
    c.save()
    extracted = extract_pdf(tmp_path / "page.pdf", "made9999-1-1")
    assert len(extracted.tables[0]["rows"]) == 3


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_years_across_by_their_number_alone(source: str, tmp_path: Path) -> None:
    """児童虐待相談対応件数 (厚生労働白書 style), heads ``令和元年度 | 2 | 3 | 4``: the header,
    not a row of the quantities 2, 3, 4; 総数 (158,358 …) the total of rows 1-2."""
    from pipeline.extract.pdf.settings import PdfSettings
    from pipeline.tables.cell_records import cell_rows

    rows: list[list[fx.Cell]] = [
        ["区分", "令和元年度", "2", "3", "4"],
        ["身体的虐待", "49,240", "50,035", "49,241", "51,679"],
        ["心理的虐待", "109,118", "121,334", "124,724", "129,484"],
        ["総数", "158,358", "171,369", "173,965", "181,163"]]
    c = fx._canvas(tmp_path / "page.pdf")
    fx.draw_column(c, fx.LEFT_X, 780, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    fx.draw(c, fx.LEFT_X, 740, "図表3-1-1　児童虐待相談対応件数の推移")
    bottom = fx.draw_grid(c, fx.LEFT_X, 722, [120, 70, 70, 70, 70], rows, row_height=18)
    fx.source_and_body_below(c, bottom, tmp_path / "page.pdf")
    extracted = extract_pdf(tmp_path / "page.pdf", "made9999-1-1", PdfSettings(source=source))
    structured = structure_chapter(extracted)
    tables, _, _ = rebuild_tables(to_frame(DATASETS["paragraphs"], structured.paragraphs),
                                  to_frame(DATASETS["figures"], structured.figures),
                                  list(extracted.tables))
    assert list(tables[0].rebuilt.kinds) == rows[0]
    cells = pd.DataFrame(cell_rows(tables))
    assert list(cells[cells["row"] == 1]["value"].iloc[1:]) == [49240, 50035, 49241, 51679]
    assert list(cells.groupby("row")["total_of"].first().fillna("")) == ["", "", "1-2"]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_wrapped_label_in_a_table_ruled_down_only(source: str, tmp_path: Path) -> None:
    """The same table with ``地方交付税交付金`` / ``等`` wrapped onto a line of its own
    (no figure on it): the wrapped line goes with its row, the others as before."""
    from pipeline.extract.pdf.settings import PdfSettings

    rows = [list(row) for row in fx.BUDGET_ROWS]
    rows[4][0] = ("地方交付税交付金", "等")
    path = fx.ruled_down_table(tmp_path / "page.pdf", rows)
    extracted = extract_pdf(path, "made9999-1-1", PdfSettings(source=source))
    expected = [list(row) for row in fx.BUDGET_ROWS]
    assert extracted.tables[0]["rows"] == expected
