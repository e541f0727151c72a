"""The three 2024 PDF chapters through the same structure stage as the text sources:
headings, captions, footnote links, furniture removed. Hand-checked against the PDFs
(pages rendered and read)."""

from __future__ import annotations

import re

import pytest

from pipeline.structure.stage import Structured
from tests.conftest import structured

HEADINGS = {
    "st2024-1-1": [
        (1, "第１章", "新時代を迎えたＡＩ"), (2, "第１節", "ＡＩとは"), (2, "第２節", "ＡＩ技術の潮流"),
        (2, "第３節", "生成ＡＩ技術の飛躍的な進展をもたらした技術的な要因と次世代技術の方向性"),
    ],
    "st2024-1-2": [
        (1, "第２章", "我が国におけるＡＩ関連研究開発の取組"),
        (2, "第１節", "我が国におけるＡＩ関連研究開発の歩みと近年の取組"),
        # bulleted sub-heads (●…) set in heading type (11 pt on a 10.5 pt body), unnumbered
        (3, "", "産業技術総合研究所人工知能研究センターの設立"),
        (3, "", "理化学研究所革新知能統合研究センター（ＡＩＰセンター）の設立"),
        (3, "", "情報通信研究機構知能科学融合研究開発推進センターの設立"),
        (3, "", "株式会社Preferred Networksによる深層学習フレームワーク「Chainer」の開発"),
        (3, "", "トヨタ自動車株式会社によるＡＩ研究開発"),
        (3, "", "人工知能研究開発ネットワーク（AI Japan R&D Network）の設立"),
        (2, "第２節", "我が国における生成ＡＩに関する研究開発について"),
        (2, "第３節", "基盤モデルの開発を支える計算資源やデータ資源の整備や活用"),
        (2, "第４節", "ＡＩの安全性の確保に関する対策や研究開発"), (2, "第５節", "人材育成"),
    ],
    "st2024-1-3": [
        (1, "第３章", "ＡＩ関連研究開発の世界の動向"),
        (2, "第１節", "主要国・地域におけるＡＩに関する研究開発戦略"),
        (3, "１－１．", "米国"), (3, "１－２．", "英国"), (3, "１－３．", "欧州連合（ＥＵ）"),
        (3, "１－４．", "ドイツ"), (3, "１－５．", "フランス"), (3, "１－６．", "イタリア"),
        (3, "１－７．", "カナダ"), (3, "１－８．", "中華人民共和国（中国）"), (3, "１－９．", "シンガポール"),
        (2, "第２節", "ＡＩに関する多国間の連携と協働"),
        (3, "", "経済開発協力機構（ＯＥＣＤ）"),
        (3, "", "ＡＩに関する国際連携イニシアティブ（ＧＰＡＩ）"),     # wraps
        (3, "", "Ｇ７「広島ＡＩプロセス」"),
        (4, "（１）", "以下の４要素から構成される「広島ＡＩプロセス包括的政策枠組み」の策定"),
        (4, "（２）", "広島ＡＩプロセスを前進させるための作業計画（賛同国増加に向けたアウトリーチ、"
                   "国際行動規範への支持拡大及び企業等による国際行動規範履行確保のためのモニタリング"
                   "ツールの導入に向けた取組、ＯＥＣＤ、ＧＰＡＩ、ＵＮＥＳＣＯとのプロジェクトベースの協力の継続）"),
        (3, "", "国際連合"),
        (3, "", "欧州評議会の「ＡＩ、人権、民主主義、法の支配に関する枠組条約」"),
    ],
}

CAPTIONS = {
    "st2024-1-1": [
        ("第１-１-１図", "figure", "人工知能・ビッグデータ技術の俯瞰図（時系列）", "4"),
        ("第１-１-２図", "figure", "基盤モデルの概念図", "6"),
        ("第１-１-３図", "figure", "対話型生成ＡＩの仕組み", "7"),
        ("第１-１-４図", "figure", "スケーリング則", "8"),
        ("第１-１-５表", "table", "主な基盤モデルとパラメータ数", "9"),
        ("第１-１-６図", "figure", "生成ＡＩの規模の推移", "9"),
        ("第１-１-７表", "table", "用語の解説", "10"),
    ],
    "st2024-1-2": [
        ("第１-２-１図", "figure", "ＡＩ分野の研究主体別研究費", "11"),
        ("第１-２-２図", "figure", "tsuzumiとロボットの連携の様子", "15"),
        ("第１-２-３表", "table", "「ポスト５Ｇ情報通信システム基盤強化研究開発事業」に選定された法人等一覧", "16"),
        ("第１-２-４図", "figure", "東京工業大学学術国際情報センターの最新スーパーコンピュータ「TSUBAME4.0」", "17"),
        ("第１-２-５図", "figure", "ＡＢＣＩの外観", "17"),
        ("第１-２-６表", "table", "大規模言語モデル構築支援プログラム2023採択課題", "18"),
        ("第１-２-７図", "figure", "さくらインターネットデータセンターの設備", "18"),
        ("第１-２-８図", "figure", "ソフトバンクの生成ＡＩ計算基盤の設備", "18"),
        ("第１-２-９表", "table", "ＡＩ人材育成事業の例", "22"),
        ("第１-２-10図", "figure", "ツールキットJetson Nanoを使用している様子", "23"),
        ("第１-２-11図", "figure", "ＤＸやＡＩ・データ利活用状況に関する地域企業へのオンライン調査の様子", "23"),
    ],
}

SOURCES = {
    ("st2024-1-1", "第１-１-５表"): "資料：公開情報を基に文部科学省作成",
    ("st2024-1-1", "第１-１-６図"): "資料：公開情報を基に内閣府作成",
    ("st2024-1-2", "第１-２-１図"): "資料：総務省統計局「令和５年科学技術研究調査結果」",
    ("st2024-1-2", "第１-２-９表"): "資料：文部科学省作成",
    ("st2024-1-3", "第１-３-７表"): "資料：文部科学省作成",
}


@pytest.mark.parametrize("chapter", sorted(HEADINGS))
def test_headings(chapter: str) -> None:
    got = [(s["level"], s["label"], s["title"]) for s in structured(chapter).sections]
    assert got == HEADINGS[chapter]


@pytest.mark.parametrize("chapter", sorted(CAPTIONS))
def test_captions_with_label_title_and_page(chapter: str) -> None:
    got = [(f["label"], f["kind"], f["title"], f["page"]) for f in structured(chapter).figures]
    assert got == CAPTIONS[chapter]


@pytest.mark.parametrize(("key", "source"), sorted(SOURCES.items()))
def test_caption_sources(key: tuple[str, str], source: str) -> None:
    chapter, label = key
    figure = next(f for f in structured(chapter).figures if f["label"] == label)
    assert figure["source"] == source


@pytest.mark.parametrize("chapter", ["st2024-1-1", "st2024-1-2", "st2024-1-3"])
def test_every_footnote_linked_and_no_furniture_in_body(chapter: str) -> None:
    result: Structured = structured(chapter)
    assert result.footnotes and all(f["para_id"] or f["section_id"] for f in result.footnotes)
    reasons = {r["reason"] for r in result.removed}
    assert {"running_header", "page_number", "footnote_marker", "vertical_text"} <= reasons
    headers = {r["text"] for r in result.removed if r["reason"] == "running_header"}
    for paragraph in result.paragraphs:
        if paragraph["kind"] == "body":
            assert not any(h in paragraph["text"] for h in headers)
            assert not re.fullmatch(r"第[０-９]章", paragraph["text"])


@pytest.mark.parametrize(("chapter", "start", "end"), [
    ("st2024-1-1", "ＡＩとは人工知能（Artificial Intelligence）の略称です。",
     "の開催提案書の中で使われました。ＡＩについては、いまだ国際的に合意された定義はありませんが、"),
    # a bulleted sub-head in heading type: a heading now, its marker ``1`` still out
    ("st2024-1-2", "産業技術総合研究所人工知能研究センターの設立", None),
])
def test_body_reading_order_and_markers_out(chapter: str, start: str, end: str | None) -> None:
    result = structured(chapter)
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    body += [s["title"] for s in result.sections]
    hits = [t for t in body if t.startswith(start)]
    assert len(hits) == 1
    if end:
        assert end in hits[0]


@pytest.mark.parametrize(("ends", "starts"), [
    # st2024-1-2 p. 5: the last line of the paragraph before opens with a bracket
    # (``（2024年度）内の構築を目指しています``); the next paragraph is indented one em
    ("内の構築を目指しています。", "日本電信電話株式会社（ＮＴＴ）は、学習時に用いる"),
    ("理的作業の制御についても取り組んでいます（第１-２-２図）。",
     "また、Google社出身の研究者等が令和５年（2023年）７月に"),
    ("を平成31年（2019年）４月から公開しています。", "また、総務省では、我が国における大規模言語"),
])
def test_a_paragraph_after_a_line_opening_with_a_bracket(ends: str, starts: str) -> None:
    body = [p["text"] for p in structured("st2024-1-2").paragraphs if p["kind"] == "body"]
    before = [i for i, t in enumerate(body) if t.endswith(ends)]
    assert len(before) == 1
    assert body[before[0] + 1].startswith(starts)
