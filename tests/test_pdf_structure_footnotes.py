"""Footnote markers of other ministries' PDFs, on made-up pages (``pdf_fixtures``):
a mark set raised with the number (``※¹``, ``注¹``, ``*¹``) goes out with it.
Expectations read off the drawn page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402

from pipeline.common.footnote_marks import mark_forms, with_marks  # noqa: E402
from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402
from tests.conftest import AddRows  # noqa: E402


def test_raised_marks_go_out_with_their_numbers(tmp_path: Path) -> None:
    result = structure_chapter(extract_pdf(fx.raised_footnote_marks(tmp_path / "case.pdf"),
                                           "mhlw2024-1-2"))
    body = "".join(p["text"] for p in result.paragraphs if p["kind"] == "body")
    for sentence in ["この点について、介護職員の数は増加を続けている。",
                     "常勤の職員の数は増加した。", "この数値は推計値である。",
                     # 注 of the word 受注, in the body's size, stays
                     "製造業の受注の件数は前年を上回った。"]:
        assert sentence in body
    assert [(f["number"], f["anchor"], f["flag"]) for f in result.footnotes] == [
        ("1", "介護職員", None), ("2", "増加した", None), ("3", "推計値", None),
        ("4", "受注", None)]
    assert [r["text"] for r in result.removed if r["reason"] == "footnote_marker"] == [
        "※1", "注2", "*3", "4"]


def table_with_raised_note_marks(path: Path) -> Path:
    """防災白書 style: a ruled table whose head ``乙地震`` and cell ``40棟`` carry a raised
    ``注¹``, ``注²`` (6 pt, set high), the table's notes ``注１）…``, ``注２）…`` printed
    under it, then its source; and a raised ``注³`` after ``30棟`` with no note 3."""
    c = fx._canvas(path)
    fx.draw_column(c, fx.LEFT_X, 780, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    fx.draw(c, fx.LEFT_X, 730, "表１－１　試験用の被害の表", 9)
    rows = [["区分", "甲地震", "乙地震"], ["死者", "10人", "20人"], ["全壊", "30棟", "40棟"]]
    widths = [100.0, 120.0, 120.0]
    bottom = fx.draw_grid(c, fx.LEFT_X, 715, widths, rows)
    for row, col, text, mark in [(0, 2, "乙地震", "注1"), (2, 2, "40棟", "注2"),
                                 (2, 1, "30棟", "注3")]:
        x = fx.LEFT_X + sum(widths[:col]) + 3 + pdfmetrics.stringWidth(text, fx.FONT, 8)
        fx.draw(c, x, 715 - 24 * row - 11 + 4, mark, 5)
    fx.draw(c, fx.LEFT_X, bottom - 14, "注１）乙地震は本震の値である。", 8)
    fx.draw(c, fx.LEFT_X, bottom - 26, "注２）暫定値である。", 8)
    return fx.source_and_body_below(c, bottom - 24, path)


def test_raised_note_marks_in_a_table_go_out_where_the_table_prints_the_note(
        tmp_path: Path) -> None:
    """A table's raised ``注¹`` points to the note printed under it, not to a footnote:
    taken out of the cell's text (reason ``note_marker``) where the table prints a note
    of that mark and number (``注１）``); ``注³``, with no note 3 under the table, stays.
    Before: ``乙地震注1`` and ``40棟注2`` in the table text."""
    result = structure_chapter(extract_pdf(
        table_with_raised_note_marks(tmp_path / "case.pdf"), "bousai2024-9-9"))
    texts = [p["text"] for p in result.paragraphs if p["kind"] == "table_text"]
    assert "乙地震" in texts and "40棟" in texts and "30棟注3" in texts
    assert not any("注1" in t or "注2" in t for t in texts)
    assert [p["text"] for p in result.paragraphs if p["kind"] == "note"] == [
        "注１）乙地震は本震の値である。", "注２）暫定値である。"]
    assert [(r["text"], r["reason"]) for r in result.removed
            if r["reason"] in ("note_marker", "footnote_marker")] == [
        ("注1", "note_marker"), ("注2", "note_marker")]
    assert result.footnotes == []


def test_a_source_under_the_other_column_is_no_footnote_line(tmp_path: Path) -> None:
    """The right column's chart ends lower than the left column's text: its two-line
    資料： line, small and under the body's floor, is no continuation of the notes at
    the foot of the left column (it lies under none of them), but the chart's source."""
    result = structure_chapter(extract_pdf(
        fx.source_below_column_notes(tmp_path / "case.pdf"), "mhlw2024-1-1"))
    assert [(f["number"], f["text"]) for f in result.footnotes] == [
        ("1", "日本における日本人の出生数である。"),
        ("2", "日本における日本人の婚姻件数である。")]
    assert [(f["label"], f["title"], f["source"]) for f in result.figures] == [
        ("図表1-1-1", "出生数の推移",
         "資料：厚生労働省政策統括官付参事官付人口動態・保健社会統計室「人口動態統計」")]


@pytest.fixture
def made_up_sign(added_data_rows: AddRows) -> None:
    """A sign ``§`` added as a row of footnote_marks.tsv alone."""
    added_data_rows("footnote_marks", "§\tsign\ttest\n", (mark_forms, with_marks))

def raised_made_up_marks(path: Path) -> Path:
    """``介護職員§¹`` (6 pt, 4 pt up: raised on its line) and ``増加した§²`` (8 pt up: a
    row of its own), the notes ``§1　…``, ``§2　…`` under a rule at the foot."""
    c = fx._canvas(path)
    y = fx.draw_column(c, fx.LEFT_X, 760, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    for before, mark, rise, after in [("この点について、介護職員", "§1", 4.0, "の数は増加を続けている。"),
                                      ("常勤の職員の数は増加した", "§2", 8.0, "。")]:
        fx.draw(c, fx.LEFT_X, y, before)
        x = fx.LEFT_X + pdfmetrics.stringWidth(before, fx.FONT, fx.BODY)
        fx.draw(c, x, y + rise, mark, 6)
        fx.draw(c, x + pdfmetrics.stringWidth(mark, fx.FONT, 6), y, after)
        y -= fx.PITCH
    fx.draw_column(c, fx.LEFT_X, y, [fx.body_line(f"行{i}", 40) for i in range(3, 5)],
                   indent_first=False)
    c.line(fx.LEFT_X, 130, fx.LEFT_X + 150, 130)
    for k, note in enumerate(["§1　介護保険サービスに従事する職員をいう。", "§2　常勤換算による。"]):
        fx.draw(c, fx.LEFT_X, 118 - 10 * k, note, 7)
    c.showPage()
    c.save()
    return path


def test_a_raised_mark_added_to_the_marks_goes_out_with_its_number(
        tmp_path: Path, made_up_sign: None) -> None:
    """A ministry's own mark ``§``, added as a row of footnote_marks.tsv alone, is read
    raised with its number (on its line and as a row of its own), opens the footnote's
    line at the foot, and goes out of the text with the number. Without the row: ``§``
    stays in the text (``介護職員§の数``), the notes are no footnotes."""
    result = structure_chapter(extract_pdf(raised_made_up_marks(tmp_path / "case.pdf"),
                                           "mhlw2024-1-2"))
    body = "".join(p["text"] for p in result.paragraphs if p["kind"] == "body")
    assert "介護職員の数は増加を続けている。" in body and "常勤の職員の数は増加した。" in body
    assert "§" not in body
    assert [(f["number"], f["anchor"], f["text"], f["flag"]) for f in result.footnotes] == [
        ("1", "介護職員", "介護保険サービスに従事する職員をいう。", None),
        ("2", "増加した", "常勤換算による。", None)]
    assert [r["text"] for r in result.removed if r["reason"] == "footnote_marker"] == [
        "§1", "§2"]
