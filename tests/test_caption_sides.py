"""Figure words and the caption printed under their figure (``caption_sides``), on
made-up PDF pages of other ministries: body lines in 10 pt marked as paragraphs by the
adapter, a figure's words in 6 pt, captions in body type."""

from __future__ import annotations

from pipeline.schemas import Extracted, Layout, SourceLine
from pipeline.structure.stage import structure_chapter

INTRO = "水路の設計にあたっては、流量、地形、維持管理の条件を考慮して断面を定めるものとする。"


def page_rows(spec: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    """(kind, text, figure_id) of the paragraphs of a one-page PDF whose lines are
    ``spec``: ``b`` a body paragraph, ``w`` a figure's word, ``c`` a caption."""
    lines = []
    for n, (kind, text) in enumerate(spec, 1):
        if kind == "b":
            lines.append(SourceLine(n, text, page_index=1, x0=60, size=10, extras={
                "starts_paragraph": True, "ends_paragraph": True}))
        elif kind == "w":
            lines.append(SourceLine(n, text, page_index=1, x0=150, size=6))
        else:
            lines.append(SourceLine(n, text, page_index=1, x0=200, size=10))
    extracted = Extracted("maff2024-2-1", "pdf", Layout(wrapped=True, footnotes="hinted"),
                          tuple(lines))
    return [(p["kind"], p["text"], p["figure_id"])
            for p in structure_chapter(extracted).paragraphs if p["kind"] != "body"]


def test_a_manual_printing_captions_under_its_figures() -> None:
    """A design manual (MAFF's 土地改良事業計画設計基準-like) prints each figure's caption
    under it, a sub-title in body type over each figure: the words between a sub-title and
    a caption are that caption's, not the figure's above."""
    rows = page_rows([
        ("b", INTRO), ("b", "〈開水路〉"), ("w", "水深h"), ("w", "余裕高"),
        ("c", "図2-1-1　開水路の標準断面"),
        ("b", "〈暗渠〉"), ("w", "土被り"), ("w", "内径D"), ("c", "図2-1-2　暗渠の標準断面"),
        ("b", "〈管水路〉"), ("w", "管径"), ("c", "図2-1-3　管水路の標準断面")])
    assert rows == [
        ("figure_text", "水深h", "f001"), ("figure_text", "余裕高", "f001"),
        ("caption", "図2-1-1\u3000開水路の標準断面", "f001"),
        ("figure_text", "土被り", "f002"), ("figure_text", "内径D", "f002"),
        ("caption", "図2-1-2\u3000暗渠の標準断面", "f002"),
        ("figure_text", "管径", "f003"), ("caption", "図2-1-3\u3000管水路の標準断面", "f003")]


def test_a_table_above_a_figure_keeps_its_text() -> None:
    """In the same manual a table's caption is printed above it (MLIT's 表 above, 図
    below): the table's cells read right before a figure's caption stay the table's."""
    rows = page_rows([
        ("b", INTRO), ("b", "〈開水路〉"), ("w", "水深h"), ("c", "図2-1-1　開水路の標準断面"),
        ("b", "〈暗渠〉"), ("w", "土被り"), ("c", "図2-1-2　暗渠の標準断面"),
        ("b", "〈管水路〉"), ("w", "管径"), ("c", "図2-1-3　管水路の標準断面"),
        ("c", "表2-1-1　余裕高の標準値"), ("w", "流量（m3/s）"), ("w", "0.5未満"),
        ("c", "図2-1-4　余裕高のとり方")])
    assert rows[-4:] == [
        ("caption", "表2-1-1\u3000余裕高の標準値", "f004"),
        ("table_text", "流量（m3/s）", "f004"), ("table_text", "0.5未満", "f004"),
        ("caption", "図2-1-4\u3000余裕高のとり方", "f005")]


def test_a_white_paper_printing_captions_over_its_figures_is_left_alone() -> None:
    """An environment white paper (MOE) prints captions over their figures: words read
    after a body line and before the next caption stay with the open figure, as before."""
    rows = page_rows([
        ("b", INTRO), ("c", "図1-1-1　温室効果ガス排出量の推移"), ("w", "（億トン）"),
        ("w", "2013年度"), ("b", INTRO),
        ("c", "図1-1-2　部門別の排出量"), ("w", "産業部門"), ("b", INTRO), ("w", "運輸部門"),
        ("c", "図1-1-3　再生可能エネルギーの導入量"), ("w", "太陽光"), ("w", "風力")])
    assert [row for row in rows if row[0] == "figure_text"] == [
        ("figure_text", "（億トン）", "f001"), ("figure_text", "2013年度", "f001"),
        ("figure_text", "産業部門", "f002"), ("figure_text", "運輸部門", "f002"),
        ("figure_text", "太陽光", "f003"), ("figure_text", "風力", "f003")]


def test_two_captions_below_are_too_little_evidence() -> None:
    """A health report (MHLW) with two figures captioned below and nothing else: two
    votes do not say how the document prints its captions, so nothing moves."""
    rows = page_rows([
        ("b", INTRO), ("w", "（人）"), ("c", "図表3-1　受診者数の推移"),
        ("b", "〈年齢別〉"), ("w", "65歳以上"), ("c", "図表3-2　年齢別の受診者数")])
    assert ("figure_text", "65歳以上", "f001") in rows


def test_words_right_after_a_caption_stay_with_it() -> None:
    """Words read right after a caption printed below (a legend under it), then the next
    caption: the run opens on a caption, so the words stay with the caption above them."""
    rows = page_rows([
        ("b", INTRO), ("b", "〈開水路〉"), ("w", "水深h"), ("c", "図2-1-1　開水路の標準断面"),
        ("b", "〈暗渠〉"), ("w", "土被り"), ("c", "図2-1-2　暗渠の標準断面"),
        ("b", "〈管水路〉"), ("w", "管径"), ("c", "図2-1-3　管水路の標準断面"),
        ("w", "凡例：計画水位"), ("c", "図2-1-4　水路の縦断")])
    assert ("figure_text", "凡例：計画水位", "f003") in rows
