"""ict2023-4-1 (令和5年版 情報通信白書 第4章 第1節・第2節, text version): the ICT series
four years on, in another convention — footnote markers set between spaces, headings
glued to the end of footnote, URL and caption lines, footnote numbering restarting in
第2節. Expectations hand-checked against raw/ict2023-ch4-sec1-2.txt."""

from __future__ import annotations

import re

import pytest

from pipeline.structure.stage import Structured
from tests.conftest import structured

# (level, label, title, source line); glued headings share their line with the line
# they were glued to (19, 27, 34, 41, 56, 71, 80, 87, 94, 106, 111, …).
HEADINGS = [
    (2, "第1節", "ICT産業の動向", 1), (3, "1", "ICT市場規模", 2),
    (3, "2", "情報通信産業の国内総生産（GDP）", 19), (3, "3", "情報化投資", 27),
    (3, "4", "ICT分野の輸出入", 34), (3, "5", "ICT分野の研究開発の動向", 41),
    (4, "（1）", "研究開発費に関する状況", 42), (5, "ア", "主要国の研究開発費の推移", 43),
    (5, "イ", "我が国の研究開発費に関する状況", 48),
    (4, "（2）", "研究開発を担う人材に関する状況", 56), (5, "ア", "主要国の研究者数の推移", 57),
    (5, "イ", "我が国の研究者数", 62), (4, "（3）", "特許に関する状況", 71),
    (4, "（4）", "ICT分野における国内外の主要企業の研究開発の動向", 80),
    (4, "（5）", "ICT分野における新たな技術の研究開発例：光電融合技術によるGreen of ICT", 87),
    (2, "第2節", "電気通信分野の動向", 94), (3, "1", "国内外における通信市場の動向", 95),
    (3, "2", "我が国における電気通信分野の現状", 106), (4, "（1）", "市場規模", 107),
    (4, "（2）", "事業者数", 111), (4, "（3）", "インフラの整備状況", 115),
    (4, "（4）", "トラヒックの状況", 125), (4, "（5）", "ブロードバンドの利用状況", 129),
    (4, "（6）", "音声通信サービスの加入契約数の状況", 135),
    (4, "（7）", "電気通信料金の国際比較", 143), (4, "（8）", "電気通信サービスの事故の発生状況", 151),
    (4, "（9）", "電気通信サービスに関する苦情・相談、違法有害情報に関する相談", 157),
    (5, "ア", "電気通信サービスに関する苦情・相談など", 158),
    (5, "イ", "違法・有害情報に関する相談など", 164),
    (3, "3", "通信分野における新たな潮流", 167), (4, "（1）", "仮想化", 168),
    (4, "（2）", "O-RAN", 175), (4, "（3）", "NTN（Non-Terrestrial Network：非地上系ネットワーク）", 189),
]

# Every footnote in order: (number, anchor); 第1節 numbers 1–19, 第2節 1–25.
FOOTNOTES = [
    ("1", "支出額"), ("2", "578.9兆円"), ("3", "前年比19.8％増"), ("4", "予測されている"),
    ("5", "エンタプライズIT支出額"), ("6", "ガートナー"), ("7", "ガートナー"),
    ("8", "情報通信産業"), ("9", "情報化投資"), ("10", "ICT財・サービス"),
    ("11", "情報通信産業"), ("12", "作成"), ("13", "各年度版"), ("14", "研究者数"),
    ("15", "研究者数"), ("16", "各年度版"), ("17", "パテントファミリー数"), ("18", "GAFAM"),
    ("19", "オール光ネットワーク"),
    ("1", "契約数"), ("2", "契約数"), ("3", "となっている"), ("4", "ITU"), ("5", "ITU"),
    ("6", "情報通信業基本調査"), ("7", "情報通信統計データベース"),
    ("8", "令和3年度末ブロードバンド基盤整備率調査"),
    ("9", "我が国のインターネットにおけるトラヒックの集計結果（2022年11月分）"),
    ("10", "契約数"), ("11", "契約数"), ("12", "作成"), ("13", "直収電話"), ("14", "事故"),
    ("15", "電気通信サービスの事故発生状況（令和3年度）"), ("16", "予測されている"),
    ("17", "Open RAN"), ("18", "発表している"), ("19", "述べている"), ("20", "開始した"),
    ("21", "世界初とされる"), ("22", "開始した"), ("23", "発表した"), ("24", "計上している"),
    ("25", "成功している"),
]

SOURCE_2023 = "（出典）総務省（2023）「令和4年度\u3000ICTの経済分析に関する調査」"
QUARTERLY = ("（出典）総務省「電気通信サービスの契約数及びシェアに関する四半期データの公表"
             "（令和4年度第3四半期（12月末））」を基に作成")
CAPTIONS = [
    ("図表4-1-1-1", "ICTを取り巻くレイヤー別市場構造", "（出典）総務省作成"),
    ("図表4-1-1-2", "世界のICT市場規模（支出額）の推移", "（出典）Statista（ガートナー）"),
    ("図表4-1-1-3", "日本の産業別エンタプライズIT支出予測（単位：億円）", "（出典）ガートナー"),
    ("図表4-1-2-1", "主な産業のGDP（名目）", SOURCE_2023),
    ("図表4-1-2-2", "主な産業のGDP（名目）の推移", SOURCE_2023),
    ("図表4-1-2-3", "情報通信産業のGDP（名目）の推移", SOURCE_2023),
    ("図表4-1-3-1", "我が国の情報化投資の推移", SOURCE_2023),
    ("図表4-1-3-2", "日米の民間情報化投資の比較", SOURCE_2023),
    ("図表4-1-4-1", "財・サービスの輸出入額の推移（名目）",
     "（出典）総務省「情報通信産業連関表」（各年度版）を基に作成"),
    ("図表4-1-4-2", "ICT財・サービスの輸出入額の推移（名目）",
     "（出典）総務省「情報通信産業連関表」（各年度版）を基に作成"),
    ("図表4-1-5-1", "企業の研究費の割合（2021年度）", "（出典）総務省「令和4年科学技術研究調査」を基に作成"),
    ("図表4-1-5-2", "企業研究費の推移", "（出典）総務省「科学技術研究調査」各年度版を基に作成"),
    ("図表4-1-5-3", "企業研究者数の推移", "（出典）総務省「科学技術研究調査」各年度版を基に作成"),
    ("図表4-1-5-4", "日米中におけるパテントファミリー数の技術分野別割合の推移",
     "（出典）文部科学省科学技術・学術政策研究所「科学技術指標2022」"),
    ("図表4-1-5-5", "通信事業者・通信機器・ITサービス事業者の研究開発費の比較（2021年）",
     "（出典）各企業のアニュアルレポート等を基に作成"),
    ("図表4-1-5-6", "日本の大手事業者とGAFAMの研究開発費の比較（2021年）",
     "（出典）各企業のアニュアルレポート等を基に作成"),
    ("図表4-1-5-7", "「光電融合」開発ロードマップ",
     "（出典）リコー経済社会研究所（2022）「データセンターを省エネ化、「光電融合」とは？」"),
    ("図表4-2-1-1", "主要国の固定ブロードバンドサービス契約数の推移", "（出典）ITU"),
    ("図表4-2-1-2", "主要国の携帯電話契約数の推移", "（出典）ITU"),
    ("図表4-2-2-1", "電気通信業の売上高構成比", "（出典）総務省「情報通信業基本調査」を基に作成"),
    ("図表4-2-2-2", "電気通信事業者数の推移", "（出典）情報通信統計データベース"),
    ("図表4-2-2-3", "2022年（令和4年）3月末の光ファイバの整備状況（推計）",
     "（出典）総務省「令和3年度末ブロードバンド基盤整備率調査」"),
    ("図表4-2-2-4", "我が国の5G人口カバー率（2022年3月末）", None),     # printed without one
    ("図表4-2-2-5", "インターネットトラヒックの推移（固定系・移動系、ダウンロードトラヒック）",
     "（出典）総務省（2023）「我が国のインターネットにおけるトラヒックの集計結果（2022年11月分）」"),
    ("図表4-2-2-6", "ブロードバンド契約数の推移", QUARTERLY),
    ("図表4-2-2-7", "音声通信サービスの加入契約数の推移", QUARTERLY),
    ("図表4-2-2-8", "移動系通信の契約数（グループ内取引調整後）における事業者別シェアの推移",
     QUARTERLY + "https://www.soumu.go.jp/menu_news/s-news/01kiban04_02000215.html"),
    ("図表4-2-2-9", "重大な事故発生件数の推移", "（出典）総務省「電気通信サービスの事故発生状況（令和3年度）」"),
    ("図表4-2-2-10", "総務省に寄せられた苦情・相談などの件数の推移", "（出典）総務省作成"),
    ("図表4-2-2-11",
     "全国の消費生活センター及び総務省で受け付けた苦情・相談等の内訳（2022年4月～2022年9月に受け付けたものから無作為抽出）",
     "（出典）総務省「ICTサービス安心・安全研究会\u3000消費者保護ルール実施状況のモニタリング定期会合（第14回）」"),
    ("図表4-2-2-12", "違法・有害情報に関する相談などの件数の推移", None),
    ("図表4-2-2-13", "違法・有害情報相談センター相談件数の事業者別の内訳", None),
    ("図表4-2-3-1", "光データリレーサービスの概要",
     "（出典）日本電信電話株式会社「NTTとスカパーJSAT、株式会社SpaceCompassの設立で合意」"),
]


@pytest.fixture(scope="module")
def ict2023() -> Structured:
    return structured("ict2023-4-1")


def test_every_heading_with_its_level_label_and_line(ict2023: Structured) -> None:
    assert [(s["level"], s["label"], s["title"], s["line"]) for s in ict2023.sections] == HEADINGS


def test_outline_tree(ict2023: Structured) -> None:
    by_id = {s["section_id"]: s for s in ict2023.sections}
    second = next(s for s in ict2023.sections if s["label"] == "第2節")
    assert second["parent_id"] is None and second["number"] == "2"
    first_under = next(s for s in ict2023.sections if s["title"] == "国内外における通信市場の動向")
    assert first_under["parent_id"] == second["section_id"]
    oran = next(s for s in ict2023.sections if s["title"] == "O-RAN")
    assert by_id[oran["parent_id"]]["title"] == "通信分野における新たな潮流"


def test_every_footnote_with_its_number_and_anchor(ict2023: Structured) -> None:
    assert [(n["number"], n["anchor"]) for n in ict2023.footnotes] == FOOTNOTES
    assert all(n["flag"] is None for n in ict2023.footnotes)
    assert sum(1 for n in ict2023.footnotes if n["para_id"]) == 42
    in_headings = [(n["number"], n["section_id"]) for n in ict2023.footnotes if n["section_id"]]
    titles = {s["section_id"]: s["title"] for s in ict2023.sections}
    assert [(number, titles[s]) for number, s in in_headings] == [
        ("8", "情報通信産業の国内総生産（GDP）"), ("9", "情報化投資")]


@pytest.mark.parametrize(("note_id", "before", "after"), [
    ("n001", "世界のICT市場（支出額）", "は、スマートフォン"),
    ("n004", "拡大すると予測されている", "（図表4-1-1-2）"),
    ("n018", "のに対して、GAFAM", "は6%～21%"),
    ("n036", "を実現するOpen RAN", "などネットワーク機器"),
    ("n038", "支援すると述べている", "。また、Vodafone"),
    ("n043", "売上を計上している", "。"),
    ("n034", "（令和3年度）」", ""),
    ("n032", "直収電話", "及びCATV電話"),
    ("n030", "移動系超高速ブロードバンドの契約数", "のうち、3.9-4世代"),
    ("n014", "主要国における研究者数", "は、いずれも増加傾向"),
])
def test_marker_place_in_the_clean_text(ict2023: Structured, note_id: str, before: str,
                                        after: str) -> None:
    note = next(n for n in ict2023.footnotes if n["note_id"] == note_id)
    text = next(p["text"] for p in ict2023.paragraphs if p["para_id"] == note["para_id"])
    offset = note["anchor_offset"]
    assert text[:offset].endswith(before) and text[offset:].startswith(after)


def test_markers_go_to_removed_and_leave_no_spaced_numbers(ict2023: Structured) -> None:
    markers = [r for r in ict2023.removed if r["reason"] == "footnote_marker"]
    assert len(markers) == 44
    assert {r["text"].strip() for r in markers} == {str(i) for i in range(1, 26)}
    assert all(r["para_id"] or r["line"] in (19, 27) for r in markers)   # 19, 27: headings
    clean = "\n".join(p["text"] for p in ict2023.paragraphs)
    left = re.findall(r"\S+ [0-9]+(?= |$)", clean, re.M)
    assert left == ["June 2022"]       # in a 出典： line: there is no footnote 2022


@pytest.mark.parametrize(("number", "line", "text"), [
    ("7", 18, "ガートナー、プレスリリース、2023年2月27日“Gartner、日本における2023年のエンタプライズIT支出の"
     "成長率を4.7%と予測”https://www.gartner.co.jp/ja/newsroom/press-releases/pr-20230227"),
    ("19", 94, "第1部第3章第2節参照"),
    ("5", 106, "https://www.itu.int/en/ITU-D/Statistics/Pages/stat/default.aspx"),
    ("18", 179, "GSMA「Industry moves to execute on open RAN potential」"
     "https://www.gsma.com/futurenetworks/latest-news/industry-moves-to-execute-on-open-ran-potential/"),
    ("21", 185, "横須賀市 ウェブサイト\u3000"
     "https://www.city.yokosuka.kanagawa.jp/4430/documents/20221220_japan-otic.pdf"),
])
def test_footnote_texts_split_from_glued_headings_and_joined_with_urls(
        ict2023: Structured, number: str, line: int, text: str) -> None:
    note = next(n for n in ict2023.footnotes if n["number"] == number and n["line"] == line)
    assert note["text"] == text


def test_no_paragraph_is_a_bare_url(ict2023: Structured) -> None:
    assert not [p["para_id"] for p in ict2023.paragraphs if p["text"].startswith("http")]


def test_text_between_two_footnotes_stays_body(ict2023: Structured) -> None:
    between = next(p for p in ict2023.paragraphs if p["line_start"] == 188)
    assert between["kind"] == "body" and between["text"].startswith("NTTドコモは、海外通信事業者への")


def test_every_caption_with_its_source(ict2023: Structured) -> None:
    assert [(f["label"], f["title"], f["source"]) for f in ict2023.figures
            if f["label"]] == CAPTIONS
    assert all(f["kind"] == "figure" for f in ict2023.figures)


def test_related_data_blocks_are_not_body(ict2023: Structured) -> None:
    body = [p["text"] for p in ict2023.paragraphs if p["kind"] == "body"]
    assert not [t for t in body if t.startswith(("【関連データ】", "URL："))]


def test_related_data_blocks_are_unlabelled_captions_with_their_source(
        ict2023: Structured) -> None:
    """A 【関連データ】 title followed by 出典： and URL： lines (lines 45–47, 66–68)."""
    related = [f for f in ict2023.figures if f["title"].startswith("【関連データ】")]
    assert len(related) == 8 and all(
        (f["label"], f["number"], f["flag"], f["kind"]) == ("", "", "unlabelled", "figure")
        for f in related)
    assert (related[0]["title"], related[0]["source"], related[0]["line"]) == (
        "【関連データ】主要国の研究開発費の総額の推移",
        "出典：国立研究開発法人科学技術振興機構　研究開発戦略センター「研究開発の俯瞰報告書"
        "（2022年）」\nURL：https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/r05/html/"
        "datashu.html#f00077（データ集）", 45)
    assert related[2]["title"] == "【関連データ】企業の研究者数の産業別割合（2022年3月31日現在）"
    assert related[2]["source"].startswith("出典：総務省「令和4年科学技術研究調査」を基に作成\nURL：")
