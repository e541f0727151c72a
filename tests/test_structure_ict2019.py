"""ict2019-3-1 (one paragraph per line, another ministry): the same stages with only a
registry entry and its format adapter. Expectations hand-checked against the raw file."""

from __future__ import annotations

import pytest

from pipeline.structure.stage import Structured

ICT_HEADINGS = [
    (1, "第3章", "ICT分野の基本データ"), (2, "第1節", "ICT産業の動向"),
    (3, "1", "ICT産業の経済規模"), (4, "（1）", "国内生産額"), (4, "（2）", "国内総生産（GDP）"),
    (4, "（3）", "雇用者数"), (3, "2", "ICT産業の我が国経済への寄与"),
    (4, "（1）", "ICT産業の経済波及効果"), (4, "（2）", "ICT産業の経済成長への寄与"),
    (3, "3", "情報化投資"), (3, "4", "ICT分野の輸出入"), (4, "（1）", "ICT関連貿易"),
    (4, "（2）", "技術貿易"), (3, "5", "ICT分野の研究開発"), (4, "（1）", "研究開発費"),
    (4, "（2）", "研究者数"), (3, "6", "ICT企業の活動実態"),
    (4, "（1）", "情報通信業を営む企業の概要（アクティビティベース結果）"),
    (5, "ア", "調査結果の全体概要"), (5, "イ", "構成割合"), (5, "ウ", "労働生産性の状況"),
    (4, "（2）", "電気通信業、放送業"), (5, "ア", "売上高の状況"), (5, "イ", "今後の事業運営"),
    (4, "（3）", "放送番組制作業"), (5, "ア", "売上高の状況"), (5, "イ", "テレビ放送番組の二次利用"),
    (4, "（4）", "インターネット附随サービス業"), (5, "ア", "売上高の状況"),
    (5, "イ", "今後の事業展開"), (4, "（5）", "情報サービス業"), (5, "ア", "売上高の状況"),
    (5, "イ", "元請け･下請けの状況"), (4, "（6）", "映像・音声・文字情報制作業"),
    (5, "ア", "売上高の状況"), (5, "イ", "課金システムの状況"), (3, "7", "電気通信市場の動向"),
    (4, "（1）", "市場規模"), (4, "（2）", "事業者数"),
    (4, "（3）", "電気通信サービスの事故発生状況"), (3, "8", "放送市場の動向"),
    (4, "（1）", "放送市場の規模"), (5, "ア", "放送事業者の売上高等"),
    (5, "イ", "民間放送事業者の経営状況"), (6, "（ア）", "地上系民間基幹放送事業者"),
    (6, "（イ）", "衛星系民間放送事業者"), (6, "（ウ）", "ケーブルテレビ事業者"),
    (4, "（2）", "事業者数及び放送サービスの提供状況"), (5, "ア", "事業者数"),
    (5, "イ", "提供状況"), (6, "（ア）", "地上テレビジョン放送"), (6, "（イ）", "地上ラジオ放送"),
    (6, "（ウ）", "マルチメディア放送"), (6, "（エ）", "衛星放送"), (7, "A", "衛星基幹放送"),
    (7, "B", "衛星一般放送"), (6, "（オ）", "ケーブルテレビ"), (4, "（3）", "NHKの状況"),
    (5, "ア", "NHKの国内放送の状況"), (5, "イ", "NHKのテレビ・ラジオ国際放送の状況"),
    (4, "（4）", "放送における安全性・信頼性の確保"), (3, "9", "コンテンツ市場の動向"),
    (4, "（1）", "我が国のコンテンツ市場の規模"), (4, "（2）", "マルチユースの状況"),
    (4, "（3）", "通信系コンテンツ市場の動向"), (4, "（4）", "放送系コンテンツの市場動向"),
]


def test_headings_levels_and_titles(ict2019: Structured) -> None:
    assert [(s["level"], s["label"], s["title"]) for s in ict2019.sections] == ICT_HEADINGS


def test_summary_lines_are_their_own_paragraphs(ict2019: Structured) -> None:
    summaries = [p for p in ict2019.paragraphs if p["text"].startswith("●")]
    assert len(summaries) == 43
    assert all(p["kind"] == "body" and p["line_start"] == p["line_end"] for p in summaries)
    assert summaries[0]["text"] == ("●2017年の情報通信産業の名目国内生産額は、全産業中で最大の"
                                    "97.5兆円であるが、情報通信関連製造業を中心に2000年からは減少")


@pytest.mark.parametrize(("number", "text", "heading"), [
    ("5", "数値の詳細については巻末データ6及びデータ7を参照。", "国内総生産（GDP）"),
    ("10", "数値の詳細については巻末データ10を参照。", "ICT産業の我が国経済への寄与"),
    ("37", "電気通信役務の提供を停止又は品質を低下させた事故で、影響利用者3万以上又は継続時間2時間以上のもの。",
     "放送市場の動向"),
])
def test_footnotes_glued_to_the_next_heading_are_split(ict2019: Structured, number: str,
                                                       text: str, heading: str) -> None:
    note = next(n for n in ict2019.footnotes if n["number"] == number)
    assert note["text"] == text
    section = next(s for s in ict2019.sections if s["title"] == heading)
    assert section["line"] == note["line"]        # both came from one source line


def test_every_footnote_is_linked(ict2019: Structured) -> None:
    assert [n["number"] for n in ict2019.footnotes] == [str(i) for i in range(1, 40)]
    assert all(n["para_id"] or n["section_id"] for n in ict2019.footnotes)
    assert not any(n["text"].startswith(n["number"] + "\u3000") for n in ict2019.footnotes)


@pytest.mark.parametrize(("number", "anchor"), [
    ("1", "情報通信産業"), ("4", "推移"), ("12", "付加価値誘発額"), ("13", "雇用誘発数"),
    ("14", "情報化投資"), ("17", "技術貿易額"), ("21", "労働生産性"), ("22", "労働装備率"),
    ("23", "労働分配率"), ("26", "放送業"), ("28", "完パケ"), ("34", "固定通信"),
    ("35", "移動通信"), ("39", "マルチユース"),
])
def test_footnote_anchors(ict2019: Structured, number: str, anchor: str) -> None:
    assert next(n for n in ict2019.footnotes if n["number"] == number)["anchor"] == anchor


def test_multi_line_footnote_keeps_its_list(ict2019: Structured) -> None:
    note = next(n for n in ict2019.footnotes if n["number"] == "36")
    assert note["text"].count("\n") == 5 and "四 一から三までに掲げる" in note["text"]
    assert not [p for p in ict2019.paragraphs if p["text"].startswith("一 緊急通報")]


def test_markers_leave_headings_captions_and_body(ict2019: Structured) -> None:
    titles = {s["title"] for s in ict2019.sections}
    assert "電気通信業、放送業" in titles and "インターネット附随サービス業" in titles
    figures = {f["label"]: f for f in ict2019.figures}
    assert figures["図表3-1-1-2"]["title"] == "主な産業の国内生産額（名目及び実質）の推移"
    body = " ".join(p["text"] for p in ict2019.paragraphs if p["kind"] == "body")
    assert "「完パケ」納品した" in body and "付加価値誘発額は84.8兆円" in body


def test_captions_sources_and_link_text(ict2019: Structured) -> None:
    assert len(ict2019.figures) == 75
    figures = {f["label"]: f for f in ict2019.figures}
    assert figures["図表3-1-1-1"]["source"] == "（出典）総務省「平成30年度\u3000ICTの経済分析に関する調査」（2019）"
    assert figures["図表3-1-5-2"]["source"] == (
        "（出典）総務省「科学技術研究調査」（各年）により作成https://www.stat.go.jp/data/kagaku/index.htm")
    assert figures["図表3-1-7-6"]["source"] is None          # printed without a source line
    link = [p for p in ict2019.paragraphs if p["kind"] == "figure_text"]
    assert [p["text"] for p in link] == ["大きい画像はこちら"]


def test_no_pages_in_a_source_without_pages(ict2019: Structured) -> None:
    assert all(p["page_index"] is None and p["page"] is None for p in ict2019.paragraphs)
