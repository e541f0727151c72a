"""A sentence ended on a short line ends its paragraph (``paragraph_breaks.ends_short``),
on made-up PDF pages of other ministries' manuals: paragraphs set with no first-line
indent, and lists of items that each end a sentence."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402

FILL = "保険給付の申請にあたっては、受給資格の確認と必要書類の提出を求めるものとし、"


def full(tag: str) -> str:
    """A line running the whole measure (40 glyphs) that opens with ``tag``."""
    return (tag + FILL * 3)[:40]


def draw_lines(path: Path, lines: list[str], box: bool = False) -> Path:
    """Lines at the left margin 17 pt apart, no indent; with ``box`` a flowchart of three
    framed labels beside the last lines (text set around it stops short of the edge)."""
    c = fx._canvas(path)
    y = 760.0
    for text in lines:
        fx.draw(c, fx.LEFT_X, y, text)
        y -= fx.PITCH
    if box:
        for k, label in enumerate(("申請者", "窓口", "審査会")):
            c.rect(395, y + 6 + k * fx.PITCH, 60, 13)
            fx.draw(c, 400, y + 10 + k * fx.PITCH, label, 8)
    c.showPage()
    c.save()
    return path


def body_paragraphs(path: Path) -> list[str]:
    extracted = extract_pdf(path, "mhlw2024-3-1")
    return [p["text"] for p in structure_chapter(extracted).paragraphs if p["kind"] == "body"]


def test_paragraphs_set_without_an_indent(tmp_path: Path) -> None:
    """An MHLW-like manual sets its paragraphs flush left: each ends on a short line."""
    paragraphs = body_paragraphs(draw_lines(tmp_path / "a.pdf", [
        full("甲"), "給付の要件を満たすものとする。",
        full("乙"), full("乙"), "本人確認書類を添付すること。",
        full("丙"), "審査の結果は書面で通知する。"]))
    assert [p[:1] for p in paragraphs] == ["甲", "乙", "丙"]
    assert paragraphs[1].endswith("本人確認書類を添付すること。")


def test_a_list_of_items_each_ending_a_sentence(tmp_path: Path) -> None:
    """A MAFF-like list of conditions, ``(a)…場合。`` ``(b)…``: one paragraph an item."""
    paragraphs = body_paragraphs(draw_lines(tmp_path / "b.pdf", [
        full("前文"), "次の場合に補助の対象とする。",
        "(a)農地の面積が1ha以上ある場合。",
        "(b)" + FILL[:37], "地域の計画に位置付けられている場合。",
        "(c)共同で施設を利用する場合。"]))
    assert [p[:3] for p in paragraphs] == ["前文保", "(a)", "(b)", "(c)"]


def test_a_short_line_without_a_sentence_end_goes_on(tmp_path: Path) -> None:
    """A line stopping short on a word, not a sentence end (a line broken before a
    quotation, a list's lead-in ending ``、``): the paragraph goes on."""
    paragraphs = body_paragraphs(draw_lines(tmp_path / "c.pdf", [
        full("甲"), "申請書の様式については、", "別に定めるところによる。"]))
    assert len(paragraphs) == 1


def test_text_set_around_a_figure_is_not_cut(tmp_path: Path) -> None:
    """Beside a framed figure every line stops short of the edge: a sentence ending on
    one of them does not end the paragraph (MOD-like page with a chart at the right)."""
    lines = [full("甲"), full("甲")] + ["申請者は窓口に書類を出す。", "窓口は審査会に送付する。",
                                        "審査会は結果を通知する。"]
    paragraphs = body_paragraphs(draw_lines(tmp_path / "d.pdf", lines, box=True))
    assert paragraphs[0].startswith("甲")
    assert paragraphs[0].endswith("審査会は結果を通知する。")


def test_a_sub_title_over_its_numbered_items(tmp_path: Path) -> None:
    """An MLIT-like manual's sub-title set on a line of its own, not a sentence, over
    items ``(1)`` ``(2)``: the first item opens a paragraph of its own."""
    paragraphs = body_paragraphs(draw_lines(tmp_path / "e.pdf", [
        full("前文"), "次のとおりとする。", "建築限界線のとり方",
        "(1)上限線は路面と平行にとる。", "（２）鉛直線は路面に直角にする。"]))
    assert paragraphs[1:] == ["建築限界線のとり方", "(1)上限線は路面と平行にとる。",
                              "（２）鉛直線は路面に直角にする。"]


def test_a_numbered_reference_after_a_full_line_goes_on(tmp_path: Path) -> None:
    """A sentence that wraps before a reference to an item, ``（１）の規定により``, after
    a full line: the paragraph goes on (MOE-like legal text)."""
    paragraphs = body_paragraphs(draw_lines(tmp_path / "f.pdf", [
        full("甲"), "（１）の規定により届け出るものとする。"]))
    assert len(paragraphs) == 1
