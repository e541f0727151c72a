"""Caption labels of every form and ruled tables wherever the page has them.

Made-up PDFs (reportlab), one per convention: a ``表 1-1-1`` caption above a ruled table,
a ``図表2-1`` figure caption over a ruled table, a Roman-numeral ``第Ⅲ-1-4-1図`` caption, an uncaptioned ruled table, captions printed
below their figure and below their tables; then the ruled tables of the MLIT Kinki
design manual (``mlit2023-1-1``, 設計便覧（案）道路編 第1章) checked by eye against the
printed pages (p.1 表1-1-1, p.16 表1-3-1, p.26 表1-5-1 and 表1-5-2, p.12 表1-2-4, p.8).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402
from conftest import extracted, structured  # noqa: E402

from pipeline.common.caption_grammar import caption_grammar, parse_grammar, read_label
from pipeline.common.frames import to_frame
from pipeline.errors import PipelineError
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.table_captions import find_captions
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.schemas import DATASETS, Extracted
from pipeline.structure.patterns import match_caption
from pipeline.structure.stage import structure_chapter
from pipeline.tables.chapter_tables import ChapterTables, Table, rebuild_tables
from pipeline.tables.from_pdf import caption_side, match_captions

MANUAL = "mlit2023-1-1"


# --------------------------------------------------------------------------- grammar


@pytest.mark.parametrize(("text", "expected"), [
    ("第Ⅲ-1-4-1図　人口の推移", ("figure", "第Ⅲ-1-4-1図", "3-1-4-1", "人口の推移")),
    ("第Ⅱ－２－１表／予算の内訳", ("table", "第Ⅱ－２－１表", "2-2-1", "予算の内訳")),
    ("表 1-1-1 示方書等の名称", ("table", "表1-1-1", "1-1-1", "示方書等の名称")),
    ("表１－２－３　設計業務", ("table", "表１－２－３", "1-2-3", "設計業務")),
    ("図 1-5-5", ("figure", "図1-5-5", "1-5-5", "")),                   # caption below: label only
    ("図1‐2　構成", ("figure", "図1‐2", "1-2", "構成")),                  # U+2010
    ("図1‑2　構成", ("figure", "図1‑2", "1-2", "構成")),                  # U+2011
    ("図1–2　構成", ("figure", "図1–2", "1-2", "構成")),                   # en dash
    ("図1—2　構成", ("figure", "図1—2", "1-2", "構成")),                   # em dash
    ("図1−2　構成", ("figure", "図1−2", "1-2", "構成")),                   # minus sign
    ("図1ー2　構成", ("figure", "図1ー2", "1-2", "構成")),                  # prolonged sound mark
    ("■図表1-1　被害の状況", ("figure", "図表1-1", "1-1", "被害の状況")),
    ("□第２-５-10図：推移", ("figure", "第２-５-10図", "2-5-10", "推移")),
    ("付表1　主要国の研究開発費", ("table", "付表1", "1", "主要国の研究開発費")),   # one part
    ("付図２－１　構成", ("figure", "付図２－１", "2-1", "構成")),
    ("写真1-1　スマート農業の実証", ("figure", "写真1-1", "1-1", "スマート農業の実証")),
])
def test_caption_labels_of_every_form(text: str, expected: tuple[str, str, str, str]) -> None:
    found = match_caption(text)
    assert found is not None
    assert (found.kind, found.label, found.number, found.title) == expected


@pytest.mark.parametrize("text", [
    "図 1-3-5に分離・非分離道路の幅員構成の例を示す。",   # a reference opening a sentence
    "図1-3-17の使用例",
    "表1",                                                  # one part: not a label
    "別表1-2　の通り",
    "（表1-1-1）",
    "図Ａ-1　構成",
    "付表1を参照",                                          # a reference: no separator
])
def test_not_captions(text: str) -> None:
    assert match_caption(text) is None


def test_grammar_is_data_with_a_source_per_row() -> None:
    grammar = caption_grammar()
    assert [f.template for f in grammar.forms] == ["第{number}{kind}", "図表{number}",
                                                   "{kind}{number}", "付{kind}{number}",
                                                   "付{kind}{part}", "特－{part}{kind}",
                                                   "特-{part}{kind}"]
    assert grammar.kind_words == {"図": "figure", "表": "table", "写真": "figure"}
    assert grammar.romans["Ⅲ"] == 3 and set("‐-‑–—−－ー") <= set(grammar.hyphens)
    with pytest.raises(PipelineError, match="element 'affix' is not one of"):
        parse_grammar("value\telement\tmeaning\tsource\n第\taffix\t-\thand\n")
    with pytest.raises(PipelineError, match="has no {number}"):
        parse_grammar("value\telement\tmeaning\tsource\n第図\tlabel\tfigure\thand\n")


def test_the_label_of_every_kind_is_made_once_and_is_the_label_of_both() -> None:
    grammar = caption_grammar()
    assert grammar.label() is grammar.label()   # made once per grammar
    assert grammar.label() == grammar.label(("table", "figure"))
    assert grammar.label(("table",)) != grammar.label()
    label = re.fullmatch(grammar.label(), "第Ⅲ－1-4-1表")
    assert label is not None and read_label(label, grammar).number == "3-1-4-1"
    assert re.fullmatch(grammar.label(("figure",)), "第Ⅲ－1-4-1表") is None


def test_table_labels_on_a_page_open_their_line() -> None:
    page = [*fx.chars("表 1-1-1 示方書等の名称", 100), *fx.chars("これは表1-2-1のとおり。", 130),
            *fx.chars("第Ⅲ-1-4-1表　予算", 160), *fx.chars("図 1-3-5 構成", 190)]
    found = find_captions(page, TableFinderSettings())
    assert [c.label for c in found] == ["表1-1-1", "第Ⅲ-1-4-1表"]
    appendix = [*fx.chars("付表3　主要国の比較", 100), *fx.chars("付表3を参照。", 130)]
    assert [c.label for c in find_captions(appendix, TableFinderSettings())] == ["付表3"]
    every = find_captions(page, TableFinderSettings(), ("figure", "table"))
    assert [(c.label, c.kind) for c in every] == [
        ("表1-1-1", "table"), ("第Ⅲ-1-4-1表", "table"), ("図1-3-5", "figure")]


# --------------------------------------------------------------------------- made-up PDFs



def body(c: canvas.Canvas, top: float, tag: str, lines: int = 3) -> float:
    """Body text across one wide column; returns the baseline under it."""
    return fx.draw_column(c, fx.LEFT_X, top, [fx.body_line(f"{tag}{i}", 40)
                                              for i in range(1, lines + 1)])


TABLE_ROWS: list[list[fx.Cell]] = [["路線", "延長(Km)", "区間"],
                                   ["8号", "150.5", "福井県坂井郡"],
                                   ["9号", "105.8", "福知山市"]]


def caption_above_table(path: Path) -> Path:
    """Body, a bare ``表 1-1-1`` caption (no 第), a ruled table under it, body."""
    c = fx._canvas(path)
    y = body(c, 780, "前")
    fx.draw(c, 200, y - 10, "表 1-1-1 雪寒指定路線")
    bottom = fx.draw_grid(c, fx.LEFT_X, y - 20, [80, 80, 200], TABLE_ROWS)
    body(c, bottom - 30, "後")
    c.showPage()
    c.save()
    return path


def figure_with_table(path: Path) -> Path:
    """A ``図表2-1`` caption (one numbering for figures and tables) over a ruled table."""
    c = fx._canvas(path)
    y = body(c, 780, "前")
    fx.draw(c, fx.LEFT_X, y - 14, "図表2-1　避難所の状況")
    bottom = fx.draw_grid(c, fx.LEFT_X, y - 24, [80, 80, 200], TABLE_ROWS)
    fx.draw(c, fx.LEFT_X, bottom - 14, "出典：内閣府資料", 8)
    body(c, bottom - 50, "後")
    c.showPage()
    c.save()
    return path


def roman_caption(path: Path) -> Path:
    """Body, a figure's words, its ``第Ⅲ-1-4-1図`` caption above them, body."""
    c = fx._canvas(path)
    y = body(c, 780, "前")
    fx.draw(c, fx.LEFT_X, y - 14, "第Ⅲ-1-4-1図　人口の推移")
    fx.draw(c, 120, y - 60, "総人口", 7)
    fx.draw(c, 320, y - 90, "高齢化率", 7)
    fx.draw(c, fx.LEFT_X, y - 130, "資料：総務省「人口推計」", 8)
    body(c, y - 170, "後")
    c.showPage()
    c.save()
    return path


def uncaptioned_table(path: Path) -> Path:
    """Body, then a ruled table with no caption anywhere on the page, then body."""
    c = fx._canvas(path)
    y = body(c, 780, "前")
    bottom = fx.draw_grid(c, fx.LEFT_X, y - 20, [80, 80, 200], TABLE_ROWS)
    body(c, bottom - 30, "後")
    c.showPage()
    c.save()
    return path


def captions_below(path: Path) -> Path:
    """A figure (a frame with words) with its caption ``図 1-2`` below it, then two ruled
    tables each with its caption below it: the document prints captions below."""
    c = fx._canvas(path)
    y = body(c, 800, "前", 2)
    c.rect(fx.LEFT_X + 60, y - 110, 300, 90)
    fx.draw(c, fx.LEFT_X + 80, y - 50, "悪い例", 8)
    fx.draw(c, fx.LEFT_X + 250, y - 50, "良い例", 8)
    fx.draw(c, 260, y - 125, "図 1-2")
    y = body(c, y - 150, "中", 2)
    bottom = fx.draw_grid(c, fx.LEFT_X, y - 10, [80, 80, 200], TABLE_ROWS)
    fx.draw(c, 240, bottom - 14, "表 1-3 第一の表")
    y = body(c, bottom - 45, "次", 2)
    rows: list[list[fx.Cell]] = [["区分", "幅員(m)"], ["車道", "3.5"], ["歩道", "2.0"]]
    bottom = fx.draw_grid(c, fx.LEFT_X, y - 10, [120, 120], rows)
    fx.draw(c, 240, bottom - 14, "表 1-4 第二の表")
    c.showPage()
    c.save()
    return path


def build(make: Callable[[Path], Path], tmp_path: Path,
          ) -> tuple[Extracted, pd.DataFrame, ChapterTables]:
    extracted_pdf = extract_pdf(make(tmp_path / "page.pdf"), "mlit9999-1-1")
    structured = structure_chapter(extracted_pdf)
    paragraphs = to_frame(DATASETS["paragraphs"], structured.paragraphs)
    figures = to_frame(DATASETS["figures"], structured.figures)
    return extracted_pdf, figures, rebuild_tables(paragraphs, figures, list(extracted_pdf.tables))


def cells(table: Table) -> list[list[str]]:
    return [[c.values[0] for c in row.cells] for row in table.rebuilt.rows]


def test_bare_table_label_names_the_ruled_table_under_it(tmp_path: Path) -> None:
    ex, figures, found = build(caption_above_table, tmp_path)
    assert [t["caption"] for t in ex.tables] == ["表1-1-1"]
    assert list(figures["label"]) == ["表1-1-1"] and list(figures["kind"]) == ["table"]
    (table,) = found.tables
    assert (table.figure_id, table.label, table.title, table.flag) == \
        ("f001", "表1-1-1", "雪寒指定路線", "")
    assert table.columns == ["路線", "延長(Km)", "区間"]
    assert cells(table) == [["8号", "150.5", "福井県坂井郡"], ["9号", "105.8", "福知山市"]]


def test_figure_label_names_the_ruled_table_in_it(tmp_path: Path) -> None:
    ex, figures, found = build(figure_with_table, tmp_path)
    assert [t["caption"] for t in ex.tables] == ["図表2-1"]
    assert figures[["kind", "label", "title"]].values.tolist() == [
        ["figure", "図表2-1", "避難所の状況"]]
    (table,) = found.tables
    assert (table.figure_id, table.label, table.flag) == ("f001", "図表2-1", "")
    assert table.columns == ["路線", "延長(Km)", "区間"] and len(table.rebuilt.rows) == 2


def test_roman_numeral_caption(tmp_path: Path) -> None:
    _, figures, _ = build(roman_caption, tmp_path)
    assert figures[["kind", "label", "number", "title", "source"]].values.tolist() == [
        ["figure", "第Ⅲ-1-4-1図", "3-1-4-1", "人口の推移", "資料：総務省「人口推計」"]]


def test_uncaptioned_ruled_table_is_published_with_a_flag(tmp_path: Path) -> None:
    ex, figures, found = build(uncaptioned_table, tmp_path)
    assert len(figures) == 0 and len(ex.tables) == 1
    (table,) = found.tables
    assert (table.table_id, table.figure_id, table.title, table.flag) == \
        ("t01", "", "", "uncaptioned")
    assert table.columns == ["路線", "延長(Km)", "区間"] and len(table.rebuilt.rows) == 2
    from pipeline.tables.stage import index_rows
    (row,) = index_rows(found.tables)
    assert row["flag"] == "uncaptioned" and row["figure_id"] is None
    assert found.unmatched == []


def test_captions_below_their_figure_and_tables(tmp_path: Path) -> None:
    ex, figures, found = build(captions_below, tmp_path)
    assert figures[["kind", "label", "title"]].values.tolist() == [
        ["figure", "図1-2", ""], ["table", "表1-3", "第一の表"], ["table", "表1-4", "第二の表"]]
    assert caption_side(ex.tables) == "below"
    assert [(t.label, t.columns[0], t.flag) for t in found.tables] == \
        [("表1-3", "路線", ""), ("表1-4", "区分", "")]


def test_words_above_a_caption_below_belong_to_its_figure(tmp_path: Path) -> None:
    _, figures, _ = build(captions_below, tmp_path)
    structured = structure_chapter(extract_pdf(tmp_path / "page.pdf", "mlit9999-1-1"))
    paragraphs = to_frame(DATASETS["paragraphs"], structured.paragraphs)
    words = paragraphs[paragraphs["text"].str.contains("悪い例")]
    assert list(words["figure_id"]) == [figures["figure_id"].iloc[0]]


def test_side_is_measured_per_document() -> None:
    above = {"caption": "表1-1", "caption_gap": 6.0, "caption_below": "表1-2",
             "caption_below_gap": 300.0}
    below = {"caption": "表1-1", "caption_gap": 200.0, "caption_below": "表1-2",
             "caption_below_gap": 5.0}
    assert caption_side([above, above, below]) == "above"
    assert caption_side([below, below, above]) == "below"
    assert caption_side([{"caption": None, "caption_gap": None}]) == "above"
    tables = [{**below, "page_index": 2, "bbox": [0, 100, 1, 200]}]
    captions = [{"figure_id": "f1", "label": "表1-1", "page_index": 2, "line": 1},
                {"figure_id": "f2", "label": "表1-2", "page_index": 2, "line": 9}]
    assert match_captions(tables, captions) == {0: "f2"}


# --------------------------------------------------------------------------- regions, parts


def flowchart(path: Path, frames: int = 4) -> Path:
    """Body, then ``frames`` boxes drawn as stroked rectangles joined by arrows, each
    holding a word in body type (a flowchart), and under the last a connector mark
    ``Ａ`` printed across a flat closed shape, then body."""
    c = fx._canvas(path)
    y = body(c, 780, "前")
    words = ["計画立案", "現地調査", "概略設計", "詳細設計"][:frames]
    for i, word in enumerate(words):
        top = y - 20 - i * 50
        c.rect(200, top - 30, 120, 30)
        fx.draw(c, 215, top - 20, word)
        if i:
            c.line(260, top + 20, 260, top)
    bottom = y - 20 - frames * 50
    if frames > 1:
        shape = c.beginPath()
        shape.moveTo(245, bottom - 10)
        for x, dy in ((250, -8), (270, -8), (275, -10), (270, -12), (250, -12)):
            shape.lineTo(x, bottom + dy)
        shape.close()
        c.drawPath(shape, stroke=1, fill=0)
        fx.draw(c, 255, bottom - 14, "Ａ")
    body(c, bottom - 40, "後")
    c.showPage()
    c.save()
    return path


def flowchart_with_legend(path: Path) -> Path:
    """A note line (``注）…``) over a flowchart whose framed words are numbered items."""
    c = fx._canvas(path)
    y = body(c, 780, "前")
    fx.draw(c, fx.LEFT_X, y - 20, "注）図中＊印は確認事項を示す")
    for i, word in enumerate(["１．計画立案", "２．現地調査", "３．概略設計"]):
        top = y - 40 - i * 50
        c.rect(200, top - 30, 120, 30)
        fx.draw(c, 215, top - 20, word)
    body(c, y - 200, "後")
    c.showPage()
    c.save()
    return path


def test_numbered_words_in_frames_do_not_go_on_with_a_note(tmp_path: Path) -> None:
    paragraphs = to_frame(DATASETS["paragraphs"], structure_chapter(
        extract_pdf(flowchart_with_legend(tmp_path / "page.pdf"), "mlit9999-1-1")).paragraphs)
    assert paragraphs[paragraphs["kind"] == "note"]["text"].tolist() == [
        "注）図中＊印は確認事項を示す"]
    assert paragraphs[paragraphs["kind"] == "figure_text"]["text"].tolist() == [
        "１．計画立案", "２．現地調査", "３．概略設計"]


def one_framed_line(path: Path) -> Path:
    """Body, one line of body type in a frame (emphasis, no drawing), body."""
    return flowchart(path, frames=1)


def test_words_in_drawn_boxes_are_figure_text(tmp_path: Path) -> None:
    _, _, _ = build(flowchart, tmp_path)
    paragraphs = to_frame(DATASETS["paragraphs"], structure_chapter(
        extract_pdf(tmp_path / "page.pdf", "mlit9999-1-1")).paragraphs)
    boxed = paragraphs[paragraphs["text"].isin(["計画立案", "現地調査", "概略設計", "詳細設計"])]
    assert list(boxed["kind"]) == ["figure_text"] * 4
    assert list(paragraphs[paragraphs["text"] == "Ａ"]["kind"]) == ["figure_text"]
    assert [t[:2] for t in paragraphs[paragraphs["kind"] == "body"]["text"]] == ["前1", "後1"]


def test_one_framed_line_stays_in_the_text(tmp_path: Path) -> None:
    paragraphs = to_frame(DATASETS["paragraphs"], structure_chapter(
        extract_pdf(one_framed_line(tmp_path / "page.pdf"), "mlit9999-1-1")).paragraphs)
    assert list(paragraphs[paragraphs["text"] == "計画立案"]["kind"]) == ["body"]


def test_ruled_table_cells_are_table_text_of_their_caption(tmp_path: Path) -> None:
    structured = structure_chapter(extract_pdf(caption_above_table(tmp_path / "page.pdf"),
                                               "mlit9999-1-1"))
    paragraphs = to_frame(DATASETS["paragraphs"], structured.paragraphs)
    cells_text = paragraphs[paragraphs["kind"] == "table_text"]
    assert list(cells_text["text"])[:6] == ["路線", "延長(Km)", "区間", "8号", "150.5",
                                            "福井県坂井郡"]
    assert set(cells_text["figure_id"]) == {"f001"}
    assert not paragraphs[paragraphs["kind"] == "body"]["text"].str.contains("号").any()


SPLIT_HEAD: list[fx.Cell] = ["区分", "", "延長(km)", "備考"]


def part_without_a_rule(path: Path, mark: str = "") -> Path:
    """A ruled table under a caption runs to the page foot; one of its rows splits the
    first column in two. It goes on at the head of the next page, header printed again,
    without that split (one column rule fewer) and without a caption (or with the label
    again and ``mark`` as its title)."""
    c = fx._canvas(path)
    fx.draw(c, 200, 790, "表 2-1 工区別の延長")
    rows = [SPLIT_HEAD] + [[f"国道{i}号", "", f"{i}.5", f"備考{i}"] for i in range(1, 22)]
    rows.insert(3, ["設計", "平面", "1.0", "分割"])
    spans = [(r, 0) for r in range(len(rows)) if r != 3]
    fx.draw_grid(c, fx.LEFT_X, 775, [50, 70, 100, 140], rows, row_height=28,
                 spans_across=spans)
    c.showPage()
    if mark:
        fx.draw(c, 200, 790, f"表 2-1{mark}")
    rest = [["区分", "延長(km)", "備考"]] + [[f"国道{i}号", f"{i}.5", f"備考{i}"]
                                          for i in range(22, 25)]
    bottom = fx.draw_grid(c, fx.LEFT_X, 775, [120, 100, 140], rest, row_height=28)
    body(c, bottom - 40, "後")
    c.showPage()
    c.save()
    return path


def part_with_other_columns(path: Path, mark: str = "") -> Path:
    """A captioned ruled table runs to the page foot; at the head of the next page a
    ruled table with other columns and no caption (or the label again with ``mark`` as
    its title) goes on with it."""
    c = fx._canvas(path)
    fx.draw(c, 200, 790, "表 2-2 区間")
    rows = [list(TABLE_ROWS[0])] + [[f"{i}号", f"{i}.5", f"区間{i}"] for i in range(1, 24)]
    fx.draw_grid(c, fx.LEFT_X, 775, [80, 80, 200], rows, row_height=28)
    c.showPage()
    if mark:
        fx.draw(c, 200, 790, f"表 2-2{mark}")
    bottom = fx.draw_grid(c, fx.LEFT_X, 775, [150, 210],
                          [["備考", "内容"], ["1号", "冬期閉鎖"], ["2号", "通行規制"]])
    body(c, bottom - 40, "後")
    c.showPage()
    c.save()
    return path


def test_part_without_a_column_rule_is_joined(tmp_path: Path) -> None:
    ex, _, found = build(part_without_a_rule, tmp_path)
    assert len(ex.tables) == 1
    (table,) = found.tables
    assert (table.label, table.flag) == ("表2-1", "")
    assert table.columns == ["区分", "区分_2", "延長(km)", "備考"]
    rows = cells(table)
    assert rows[2][:2] == ["設計", "平面"]
    assert rows[-3:] == [["国道22号", "国道22号", "22.5", "備考22"],
                         ["国道23号", "国道23号", "23.5", "備考23"],
                         ["国道24号", "国道24号", "24.5", "備考24"]]
    assert [p for _, p in table.row_pages] == [1] * 22 + [2] * 3
    assert [row.flags for row in table.rebuilt.rows][-1] == ["区分_2:merged"]
    (part,) = table.source["continued"]
    assert part["header"] == [["区分", None, "延長(km)", "備考"]]


def test_caption_printed_again_over_a_joined_part(tmp_path: Path) -> None:
    ex, figures, found = build(lambda p: part_without_a_rule(p, " （続き）"), tmp_path)
    assert figures[["label", "title"]].values.tolist() == [["表2-1", "工区別の延長"],
                                                           ["表2-1", "（続き）"]]
    assert len(ex.tables) == 1
    (table,) = found.tables                       # no second table from the cells' text
    assert (table.figure_id, len(table.rebuilt.rows)) == ("f001", 25)
    assert [(s["figure_id"], s["reason"]) for s in found.skipped] == [
        ("f002", "printed again over a part joined to the table before")]


def test_continuation_mark_takes_the_title_before(tmp_path: Path) -> None:
    _, _, found = build(lambda p: part_with_other_columns(p, " （続き）"), tmp_path)
    first, second = found.tables
    assert (second.figure_id, second.label, second.title, second.flag, second.continues) == \
        ("f002", "表2-2", "区間", "continued", "t01")


def test_part_with_other_columns_is_linked(tmp_path: Path) -> None:
    ex, figures, found = build(part_with_other_columns, tmp_path)
    assert [t.get("continues_previous", False) for t in ex.tables] == [False, True]
    first, second = found.tables
    assert (first.table_id, first.label, first.flag) == ("t01", "表2-2", "")
    assert (second.table_id, second.figure_id, second.flag, second.continues) == \
        ("t02", "f001", "continued", "t01")
    assert second.columns == ["備考", "内容"] and cells(second)[0] == ["1号", "冬期閉鎖"]
    assert {p for _, p in second.row_pages} == {2}
    from pipeline.tables.stage import index_rows
    assert [(r["flag"], r["continues"]) for r in index_rows(found.tables)] == [
        (None, None), ("continued", "t01")]


# --------------------------------------------------------------------------- the manual


@pytest.fixture(scope="module")
def manual() -> tuple[Extracted, pd.DataFrame, ChapterTables]:
    ex = extracted(MANUAL)
    structured = structure_chapter(ex)
    paragraphs = to_frame(DATASETS["paragraphs"], structured.paragraphs)
    figures = to_frame(DATASETS["figures"], structured.figures)
    return ex, figures, rebuild_tables(paragraphs, figures, list(ex.tables))


def by_label(found: ChapterTables) -> dict[str, Table]:
    """Captioned tables by label, the first printed where a label repeats."""
    tables: dict[str, Table] = {}
    for table in found.tables:
        tables.setdefault(table.label, table)
    return tables


def test_manual_table_count_vs_captions(
        manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    ex, figures, found = manual
    table_captions = figures[figures["kind"] == "table"]
    assert list(table_captions["label"]) == [
        "表1-1-1", "表1-2-1", "表1-2-1", "表1-2-2", "表1-2-3", "表1-2-4", "表1-2-5",
        "表1-3-1", "表1-5-1", "表1-5-2"]      # 表1-2-1 printed again over its p.7 part
    assert len(figures[figures["kind"] == "figure"]) == 25   # 図1-3-1…17, 1-4-1…2, 1-5-1…6
    # the parts of 表1-2-3 and 表1-2-4 on pp.11 and 13 leave out a column rule the part
    # before has: they are joined to it; 表1-2-1 runs over pp.6, 7 and 8 with other
    # columns on each page: its parts are linked, not joined
    assert len(ex.tables) == 11
    assert [(t.table_id, t.label, t.flag, t.continues) for t in found.tables
            if t.flag] == [("t03", "表1-2-1", "continued", "t02"),
                           ("t11", "表1-2-1", "continued", "t03")]
    assert len({t.figure_id for t in found.tables}) == len(table_captions) == 10
    (p8,) = [t for t in found.tables if t.table_id == "t11"]
    assert p8.figure_id == figures[figures["page_index"] == 7]["figure_id"].iloc[0]
    assert {page_index for _, page_index in p8.row_pages} == {8}


def test_manual_parts_on_the_next_page_are_joined(
        manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    tables = by_label(manual[2])
    crossing = tables["表1-2-3"]                       # pp.10-11, header printed again
    assert [r[0] for r in cells(crossing)][-4:] == ["数量計算", "工事費内訳書",
                                                   "施工計画概要書", "特記事項"]
    assert [p for _, p in crossing.row_pages] == [10] * 8 + [11] * 4
    (part,) = crossing.source["continued"]
    assert (part["page_index"], part["header_dropped"]) == (11, True)
    tunnel = tables["表1-2-4"]                         # pp.12-13
    assert [r[0] for r in cells(tunnel)][-3:] == ["その他", "施工計画概要書", "提示事項"]
    assert cells(tunnel)[-1][2].startswith("詳細設計前に必要な地質や環境に関する調査内容")
    (part,) = tunnel.source["continued"]          # 本体設計 printed for 本体詳細: dropped
    # the corner cell's 設計範囲 over its diagonal rule names the heads across
    assert part["header"] == [["項目", None, "予備設計", "本体設計", "設備設計"]]


def test_manual_table_cells_are_table_text(
        manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    ex, figures, _ = manual
    paragraphs = to_frame(DATASETS["paragraphs"], structure_chapter(ex).paragraphs)
    snow = figures[figures["label"] == "表1-3-1"]["figure_id"].iloc[0]
    cells_p16 = paragraphs[(paragraphs["page_index"] == 16)
                           & (paragraphs["kind"] == "table_text")]
    assert set(cells_p16["figure_id"]) == {snow}
    assert {"8号", "150.5", "福知山市字萩原1114の6番"} <= set(cells_p16["text"])
    body = paragraphs[paragraphs["kind"] == "body"]
    assert not body["text"].str.contains("150.5|発刊年月|盛土の直高|福知山市").any()
    # the flowchart of pp.2-5: the words in its boxes are figure text
    flow = paragraphs[paragraphs["text"].isin(["ルート帯確認ｽｸﾘｰﾆﾝｸﾞ", "ルート確認",
                                               "本局説明(了解)"])]
    assert len(flow) >= 2 and set(flow["kind"]) == {"figure_text"}


def test_manual_specifications_table(
        manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    table = by_label(manual[2])["表1-1-1"]            # p.1, caption above
    assert table.title == "示方書等の名称" and table.rebuilt.layout == "pdf_lines"
    assert table.columns == ["示方書・指針等", "発刊年月", "発刊者"]
    assert cells(table) == [["道路構造令の解説と運用", "平成16年2月", "日本道路協会"]]


def test_manual_snow_routes(manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    table = by_label(manual[2])["表1-3-1"]            # p.16
    assert table.title == "雪寒指定路線別延長及び区間"
    assert table.columns == ["路線", "延長(Km)", "区間"]
    rows = cells(table)
    assert [r[:2] for r in rows] == [["8号", "150.5"], ["9号", "105.8"], ["21号", "12.3"],
                                     ["27号", "131.2"], ["29号", "19.8"], ["161号", "45.5"],
                                     ["478号", "2.3"], ["計", "467.4"]]
    # the section's two ends, printed one a line; two lines, neither at the cell's
    # edge, may be one name broken by hand: joined (cell_line_breaks)
    assert rows[0][2] == "福井県坂井郡金津町牛ノ谷64字上山滋賀県犬上郡豊郷町大字沢512番"
    assert rows[-1][2] == ""


def test_manual_cut_margins(manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    table = by_label(manual[2])["表1-5-1"]            # p.26, caption without title
    assert table.title == ""
    assert table.columns == ["切り土の直高H（m）", "余裕幅△W（m）"]
    assert cells(table) == [["0～5m", "0.5～1.0m"], ["5～10m", "1.0～3.0m"],
                            ["10～20m", "3.0m～5.0m"], ["20m以上", "5.0m以上"]]


def test_manual_road_design_contents(
        manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    table = by_label(manual[2])["表1-2-1"]            # p.6: 設計範囲 × 項目, two scales
    assert table.columns[2:] == ["概略設計／1／10，000", "概略設計／1／5，000"]
    rows = cells(table)
    assert [r[1] for r in rows] == ["計画概要書", "設計計算書", "平面図", "縦横断面図",
                                    "構造物図", "標準断面図"]
    assert rows[-1][2:] == ["土工定規図", "土工定規図"]


def test_manual_fill_margins_three_header_rows(
        manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    table = by_label(manual[2])["表1-5-2"]            # p.26
    assert table.columns == ["盛土の直高H(m)", "余裕巾△W(m)／宅地／余裕幅",
                             "余裕巾△W(m)／田畑地／余裕幅", "余裕巾△W(m)／急傾斜地／余裕幅"]
    assert cells(table)[0] == ["0～5m", "0～0.3", "0～0.5", "0.5～1.0"]


def test_manual_tunnel_design_header(
        manual: tuple[Extracted, pd.DataFrame, ChapterTables]) -> None:
    table = by_label(manual[2])["表1-2-4"]            # p.12
    assert table.columns[2:] == ["予備設計", "本体詳細", "設備詳細"]



def test_a_source_wrapped_flush_under_its_label_is_one_source() -> None:
    """p. 22 (printed 1－22): the source of 図1-3-14 is set in a narrow block at the
    right, its lines flush under 出典： (no hanging indent): one source, not figure words.
    It names its figure, whose caption is printed below it, after the heading
    ``(c)当初外側施工`` (p. 21) that closed 図1-3-13, which prints no source."""
    figures = {f["label"]: f for f in structured(MANUAL).figures}
    assert figures["図1-3-14"]["source"] == "出典：[図1-3-14]道路構造令の解説と運用(H16.2) P112"
    assert figures["図1-3-13"]["source"] is None
