"""Line roles (``pipeline.structure.roles``, ``classify``): real lines of the shipped text chapters
with the role each has in its place, read off raw/st2019-2-5.txt and
raw/ict2019-3-1.txt by hand; and ``classify`` on hand-made contexts."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from pipeline.schemas import Layout, SourceLine
from pipeline.structure.assemble import line_roles
from pipeline.structure.classify import classify
from pipeline.structure.patterns import match_heading
from pipeline.structure.roles import Decision, Flow, Measures, Mode, Role
from pipeline.structure.stage import clean_lines
from pipeline.structure.units import new_unit
from tests.conftest import extracted


@cache
def roles_in_place(chapter_id: str) -> dict[tuple[int | None, int], tuple[str, Decision]]:
    """(page_index, line) → (the line's text, the decision taken for it in the chapter)."""
    chapter = extracted(chapter_id)   # once per test run (tests/conftest.py)
    lines, _ = clean_lines(chapter)
    return {(line.page_index, line.line): (line.text.strip(), decision)
            for line, decision in zip(lines, line_roles(lines, chapter.layout), strict=True)}


# (chapter, page_index, line, the text's start, role, closes its paragraph)
IN_PLACE = [
    # pdf-text: double-spaced printed lines, footnotes below a rule of spaces
    ("st2019-2-5", 1, 1, "第5章", Role.HEADING, False),
    ("st2019-2-5", 1, 3, "イノベーション創出に向けた人材、知、資金の", Role.TITLE_CONTINUES, False),
    ("st2019-2-5", 1, 5, "好循環システムの構築", Role.TITLE_CONTINUES, False),
    ("st2019-2-5", 1, 7, "国内外の知的資源を活用し", Role.BODY_STARTS, False),
    ("st2019-2-5", 1, 9, "学や公的研究機関の本格的連携", Role.BODY_CONTINUES, False),
    ("st2019-2-5", 1, 15, "ることとしている。", Role.BODY_CONTINUES, True),
    ("st2019-2-5", 1, 20, "第1節 オープンイノベーション", Role.HEADING, False),
    ("st2019-2-5", 1, 36, "ア 大学等における産学官連携活動", Role.HEADING, False),
    ("st2019-2-5", 2, 47, "■第２-５-１図／大学等における共同研究等の実績", Role.CAPTION, False),
    ("st2019-2-5", 2, 53, "注：１．国公私立大学等を対象", Role.NOTE, False),
    ("st2019-2-5", 2, 55, "２．大学等とは大学、短期大学", Role.NOTE_ITEM, False),
    ("st2019-2-5", 2, 61, "施等件数の集計方法を再整理", Role.NOTE_CONTINUES, False),
    ("st2019-2-5", 2, 67, "資料：文部科学省「平成29年度", Role.SOURCE, False),
    ("st2019-2-5", 2, 100, "", Role.FOOTNOTE_RULE, False),
    ("st2019-2-5", 2, 101, "1  Technology Licensing Organization", Role.FOOTNOTE, False),
    # the paragraph cut by the footnotes goes on at the top of the next page
    ("st2019-2-5", 3, 102, "ベーション促進産学官対話会議", Role.BODY_CONTINUES, False),
    ("st2019-2-5", 6, 508, "2-11", Role.COLUMN_LABEL, False),
    ("st2019-2-5", 14, 1090, "（１） 国の研究開発プロジェクト", Role.HEADING, False),
    ("st2019-2-5", 14, 1092, "ジメント", Role.WRAP_CONTINUES, False),
    # html-text: one paragraph per line, numbered footnote lines among the paragraphs
    ("ict2019-3-1", None, 1, "第3章\u3000ICT分野の基本データ", Role.HEADING, False),
    ("ict2019-3-1", None, 4, "（1）国内生産額", Role.HEADING, False),
    ("ict2019-3-1", None, 6, "2017年の情報通信産業1の名目", Role.BODY_STARTS, False),
    ("ict2019-3-1", None, 7, "図表3-1-1-1\u3000主な産業の国内生産額", Role.CAPTION, False),
    ("ict2019-3-1", None, 8, "（出典）総務省「平成30年度", Role.SOURCE, False),
    ("ict2019-3-1", None, 16, "1\u3000情報通信産業の範囲", Role.NUMBERED_FOOTNOTE, False),
    ("ict2019-3-1", None, 53, "大きい画像はこちら", Role.LINK_TEXT, False),
    ("ict2019-3-1", None, 88, "https://www.stat.go.jp/data/kagaku/index.htm", Role.URL_CONTINUES,
     False),
    ("ict2019-3-1", None, 233, "36\u3000・電気通信役務の提供を停止", Role.NUMBERED_FOOTNOTE, False),
    ("ict2019-3-1", None, 234, "一 緊急通報を取り扱う音声伝送役務", Role.FOOTNOTE_ITEM, False),
]


@pytest.mark.parametrize(("chapter", "page_index", "line", "start", "role", "closes"), IN_PLACE)
def test_role_of_a_line_in_its_place(chapter: str, page_index: int | None, line: int,
                                     start: str, role: Role, closes: bool) -> None:
    text, decision = roles_in_place(chapter)[(page_index, line)]
    assert text.startswith(start)
    assert (decision.role, decision.closes) == (role, closes)


PDF_TEXT = Layout(wrapped=True, footnotes="rule-block", double_spaced=True)
HTML_TEXT = Layout(wrapped=False, footnotes="numbered-lines")
PDF = Layout(wrapped=True, footnotes="hinted")


def measures(layout: Layout, width: int = 88) -> Measures:
    return Measures(layout, width if layout.wrapped else 0, None)


def printed(n: int, text: str, gap: int = 1, hint: str = "", **extras: object) -> SourceLine:
    return SourceLine(line=n, text=text, page_index=1, gap_before=gap, hint=hint,
                      extras=dict(extras))


def test_classify_changes_nothing() -> None:
    flow = Flow(units=[new_unit("caption", printed(1, "■第２-５-１図／大学等における共同研究等の実績"),
                                "大学等における共同研究等の実績")],
                mode=Mode.CAPTION)
    before = (list(flow.units), flow.units[0].text, flow.mode, flow.open_body, flow.in_flow,
              flow.next_footnote, dict(flow.outline.last))
    decision = classify(printed(3, "注：１．国公私立大学等を対象 "), measures(PDF_TEXT), flow)
    assert decision.role is Role.NOTE
    assert before == (list(flow.units), flow.units[0].text, flow.mode, flow.open_body,
                      flow.in_flow, flow.next_footnote, dict(flow.outline.last))


def test_a_heading_must_continue_the_outline() -> None:
    line = printed(1, "イ 技術移転機関（ＴＬＯ1）における活動状況 ")
    assert classify(line, measures(PDF_TEXT), Flow()).role is not Role.HEADING
    flow = Flow()
    first = match_heading("ア 大学等における産学官連携活動の実施状況")
    assert first is not None
    flow.outline.accept(first)
    decision = classify(line, measures(PDF_TEXT), flow)
    assert decision.role is Role.HEADING and decision.found == match_heading(line.text.strip())


def test_a_numbered_line_is_a_footnote_only_below_the_rule() -> None:
    line = printed(101, "1  Technology Licensing Organization ", gap=0)
    flow = Flow(units=[new_unit("body", printed(98, "後10年間で３倍に増やすことを目指す"), "後10年間")])
    assert classify(line, measures(PDF_TEXT), flow).role is not Role.FOOTNOTE
    flow.mode = Mode.RULE_FOOTNOTES
    assert classify(line, measures(PDF_TEXT), flow).role is Role.FOOTNOTE


def test_a_numbered_footnote_needs_the_next_number() -> None:
    line = SourceLine(line=16, text="1\u3000情報通信産業の範囲については、巻末付注4を参照。")
    assert classify(line, measures(HTML_TEXT), Flow()).role is Role.NUMBERED_FOOTNOTE
    assert classify(line, measures(HTML_TEXT), Flow(next_footnote=2)).role is Role.BODY_STARTS


def test_pdf_hints_decide_footnotes_and_boxed_columns() -> None:
    note = printed(40, "3 科学技術・イノベーション基本法", hint="footnote")
    assert classify(note, measures(PDF), Flow()).role is Role.FOOTNOTE
    column = printed(41, "大学発ベンチャーの創出を支援している。", hint="column")
    flow = Flow(units=[new_unit("column", replace(column, line=40), "コラム")])
    assert classify(column, measures(PDF), flow).role is Role.BOX_TEXT_CONTINUES
    starts = printed(42, "また、", hint="column", starts_paragraph=True)
    assert classify(starts, measures(PDF), flow).role is Role.BOX_TEXT
