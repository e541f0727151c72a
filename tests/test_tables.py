"""Tables rebuilt from flattened text: hand-checked against raw/st2019-2-5.txt, plus
made-up tables in the same layouts so nothing is tuned to one chapter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.common.files import read_json
from pipeline.common.frames import to_frame, write_parquet
from pipeline.config import Paths
from pipeline.extract.html_text import extract_html_text
from pipeline.schemas import DATASETS
from pipeline.structure.stage import structure_chapter
from pipeline.tables import cells as ty
from pipeline.tables.caption_lines import lines_by_caption
from pipeline.tables.chapter_tables import Table, rebuild_tables
from pipeline.tables.from_pdf import note_rows
from pipeline.tables.grid import (
    _GridLines,
    _GridParser,
    _kind_assignments,
    _narrow_width,
    rebuild_grid,
)
from pipeline.tables.lists import rebuild_list
from pipeline.tables.rows import Line, Rebuilt
from pipeline.tables.stage import run
from pipeline.tables.tidy_tables import table_frame
from tests.conftest import ROOT, structured

CHAPTER = "st2019-2-5"

# 第２-５-３表, read off the raw text: (award, title, organisations).
SPECIAL = "日本オープンイノベーション大賞選考委員会特別賞"
AWARDS = [
    ("内閣総理大臣賞", "超多項目健康ビッグデータで「寿命革命」を実現する健康未来イノベーションプロジェクト",
     ["弘前大学", "マルマンコンピュータサービス株式会社", "花王株式会社"]),
    ("科学技術政策担当大臣賞", "大企業発のスタートアップ「ミツバチプロダクツ（株）」の挑戦",
     ["ミツバチプロダクツ株式会社", "パナソニック株式会社", "株式会社BeeEdge",
      "KAMAKIRI WORKSHOP株式会社", "株式会社STUFF"]),
    ("総務大臣賞", "リアルタイム津波浸水被害予測システムの開発と運用",
     ["東北大学", "国際航業株式会社", "日本電気株式会社", "株式会社エイツー", "株式会社RTi-cast"]),
    ("文部科学大臣賞", "基礎研究段階からの産学共創～組織対組織の連携～",
     ["大阪大学", "中外製薬株式会社", "大塚製薬株式会社", "ダイキン工業株式会社"]),
    ("厚生労働大臣賞", "医療のＩｏＴ化を実現するスマート治療室SCOTの開発",
     ["東京女子医科大学", "株式会社デンソー", "株式会社日立製作所"]),
    ("農林水産大臣賞", "宮崎県における産学官連携による公設試験場発ベンチャー企業「一般社団法人食の"
     "安全分析センター」の設立と残留農薬分析技術の社会実装",
     ["宮崎大学", "宮崎県", "株式会社島津製作所", "公益財団法人宮崎県産業振興機構",
      "宮崎県総合農業試験場"]),
    ("経済産業大臣賞", "「JR東日本スタートアッププログラム」を通じたイノベーションの社会実装チャレンジ",
     ["東日本旅客鉄道株式会社", "JR東日本スタートアップ株式会社", "株式会社Origami",
      "株式会社TBM", "サインポスト株式会社"]),
    ("国土交通大臣賞", "東北インフラ・マネジメント・プラットフォームの構築と展開", ["東北大学"]),
    ("環境大臣賞", "定期旅客便を利用した温室効果ガスのグローバル観測（CONTRAILプロジェクト）",
     ["国立環境研究所", "気象庁気象研究所", "日本航空株式会社", "株式会社ジャムコ",
      "公益財団法人JAL財団"]),
    ("日本経済団体連合会会長賞", "大企業若手有志プラットフォーム「ONE JAPAN」",
     ["ONE JAPAN", "東日本電信電話株式会社", "株式会社ローンディール", "日本放送協会",
      "株式会社日本取引所グループ", "株式会社マッキャンエリクソン"]),
    ("日本学術会議会長賞", "再生医療等臨床研究を支援する再生医療ナショナルコンソーシアムの実現",
     ["一般社団法人日本再生医療学会"]),
    (SPECIAL, "「レンタル移籍」による人材育成とイノベーションのエコシステム構築",
     ["株式会社ローンディール", "西日本電信電話株式会社", "関西電力株式会社",
      "大鵬薬品工業株式会社", "パナソニック株式会社"]),
    (SPECIAL, "遺伝子組換えカイコによる新産業創出プラットフォームの構築",
     ["農業・食品産業技術総合研究機構", "群馬県蚕糸技術センター", "株式会社免疫生物研究所",
      "ニットーボーメディカル株式会社"]),
    (SPECIAL, "骨置換型人工骨「サイトランス グラニュール」の開発と実用化",
     ["株式会社ジーシー", "九州大学", "徳島大学"]),
]

# 第２-５-６図: (vision, title, organisations).
COI_SITES = [
    ("V1", "活力ある生涯のためのLast 5Xイノベーション拠点", ["パナソニック(株)", "京都大学"]),
    ("V1", "さりげないセンシングと日常人間ドックで実現する理想自己と家族の絆が導くモチベーション"
     "向上社会創生拠点", ["NECソリューションイノベータ(株)", "東北大学"]),
    ("V1", "真の社会イノベーションを実現する革新的「健やか力」創造拠点",
     ["マルマンコンピュータサイエンス(株)", "弘前大学"]),
    ("V2", "『感動』を創造する芸術と科学技術による共感覚イノベーション拠点",
     ["(株)JVCケンウッド", "東京藝術大学"]),
    ("V3", "世界の豊かな生活環境と地球規模の持続可能性に貢献するアクア・イノベーション拠点",
     ["(株)日立製作所", "信州大学"]),
    ("V2", "人間力活性化によるスーパー日本人の育成拠点", ["パナソニック(株)", "大阪大学"]),
    ("V3", "感性とデジタル製造を直結し、生産者の創造性を拡張するファブ地球社会創造拠点",
     ["(株)ロングフェロー", "慶応義塾大学"]),
    ("V3", "コヒーレントフォトン技術によるイノベーション拠点", ["東京大学"]),
    ("V1", "『食と健康の達人』拠点", ["(株)日立製作所", "北海道大学"]),
    ("V1", "自分で守る健康社会拠点", ["東京大学"]),
    ("V3", "人がつながる“移動”イノベーション拠点", ["トヨタ自動車(株)", "名古屋大学"]),
    ("V2", "『以心電心』ハピネス共創社会構築拠点", ["東京工業大学"]),
    ("V3", "フロンティア有機システムイノベーション拠点", ["大日本印刷(株)", "山形大学"]),
    ("V1", "運動の生活カルチャー化により活力ある未来をつくるアクティブ・フォー・オール拠点",
     ["オムロンヘルスケア(株)", "立命館大学"]),
    ("V1", "スマートライフケア社会への変革を先導するものづくりオープンイノベーション拠点",
     ["(公財)川崎市産業振興財団"]),
    ("V3", "共進化社会システム創成拠点", ["九州大学"]),
    ("V2", "精神的価値が成長する感性イノベーション拠点", ["マツダ(株)", "広島大学"]),
    ("V3", "革新材料による次世代インフラシステムの構築拠点", ["大和ハウス工業(株)", "金沢工業大学"]),
]

# 第２-５-９図: (title, place).
REGIONS = [
    ("IT創薬技術と化学合成技術の融合による革新的な中分子創薬フローの事業化", "川崎"),
    ("水素社会に向けた「やまなし燃料電池バレー」の創成", "山梨"),
    ("革新的無機結晶材料技術の産業実装による信州型地域イノベーション・エコシステム", "長野"),
    ("ワンチップ光制御デバイスによる革新的オプト産業の創出", "福井"),
    ("地域創成を本気で具現化するための応用展開「深紫外LEDで創成される産業連鎖プロジェクト」", "三重"),
    ("バイオ経済を加速する革新技術：ゲノム編集・合成技術の事業化", "神戸"),
    ("かがわイノベーション・希少糖による糖資源開発プロジェクト", "香川"),
    ("「えひめ水産イノベーション・エコシステムの構築」～水産養殖王国愛媛発、「スマ」をモデルと"
     "した新養殖産業創出と養殖産業の構造改革", "愛媛"),
    ("革新的コア医療技術に基づく潜在的アンメット・メディカル・ニーズ市場の開拓および創造", "山口"),
    ("有用植物×創薬システムインテグレーション拠点推進事業", "熊本"),
    ("つくばイノベーション・エコシステムの構築（医療・先進技術シーズを用いた超スマート社会の"
     "創成事業）", "茨城"),
    ("IoTによるアクティブシニア活躍都市基盤開発事業", "北九州"),
    ("九州大学の研究成果を技術コアとした有機光デバイスシステムバレーの創成", "福岡"),
    ("有機材料システムの「山形」が展開するフレキシブル印刷デバイス事業創成", "山形"),
    ("ナノ界面技術によるMn系Liフルインターカレーション電池の革新とそれによる近未来ダイバー"
     "シティ社会の実現", "宮城"),
    ("楽して安全、振動発電を用いた電池フリー無線センサの事業化とその応用展開", "石川"),
    ("神奈川発「ヘルスケア・ニューフロンティア」先導プロジェクト", "神奈川"),
    ("あいち次世代自動車イノベーション・エコシステム形成事業～100年に1度の自動車変革期を支える"
     "革新的金型加工技術の創出～", "愛知"),
    ("光の尖端都市「浜松」が創成するメディカルフォトニクスの新技術", "浜松"),
]

MEASURES = {  # 第２-５-７表, 11表, 12表: (ministry, organisation, title)
    "第２-５-７表": [("文部科学省", "本省", "オープンイノベーション機構の整備事業")],
    "第２-５-11表": [("農林水産省", "農業・食品産業技術総合研究機構生物系特定産業技術研究支援センター",
                    "イノベーション創出強化研究推進事業")],
    "第２-５-12表": [("農林水産省", "本省", "戦略的研究推進事業")],
}


@pytest.fixture(scope="module")
def tables() -> dict[str, Table]:
    chapter = structured(CHAPTER)
    rebuilt = rebuild_tables(pd.DataFrame(chapter.paragraphs), pd.DataFrame(chapter.figures)).tables
    return {t.label: t for t in rebuilt}


def records(table: Table) -> list[dict[str, Any]]:
    frame = table_frame(table)
    rows = frame.to_dict("records")
    for row in rows:
        if "organisations" in row:
            row["organisations"] = json.loads(row["organisations"])
    return rows


# --------------------------------------------------------------------------- real chapter


def test_award_table_every_project(tables: dict[str, Table]) -> None:
    table = tables["第２-５-３表"]
    assert table.columns == ["award", "title", "organisations"]
    got = [(r["award"], r["title"], r["organisations"]) for r in records(table)]
    assert got == [(a, t, o) for a, t, o in AWARDS]
    assert table.rebuilt.quality == 1.0
    assert [o.reason for o in table.rebuilt.leftovers] == ["header_repeat"]


def test_award_carried_to_each_special_project(tables: dict[str, Table]) -> None:
    rows = records(tables["第２-５-３表"])
    special = [r for r in rows if r["award"] == SPECIAL]
    assert len(special) == 3
    cells = [json.loads(r["cell_lines"])["award"] for r in special]
    assert cells[0] == cells[1] == cells[2]        # the one award cell, spanning rows
    assert special[1]["line_start"] > cells[0][1]  # the row's own lines follow it


@pytest.mark.parametrize("label", sorted(MEASURES))
def test_measure_tables(tables: dict[str, Table], label: str) -> None:
    table = tables[label]
    assert table.columns == ["ministry", "organisation", "title"]
    assert list(table.rebuilt.headers) == ["府省名", "実施機関", "施策名"]
    got = [(r["ministry"], r["organisation"], r["title"]) for r in records(table)]
    assert got == MEASURES[label]
    assert table.rebuilt.quality == 1.0


def test_coi_sites_list_figure(tables: dict[str, Table]) -> None:
    table = tables["第２-５-６図"]
    assert table.columns == ["vision", "title", "organisations"]
    got = [(r["vision"], r["title"], r["organisations"]) for r in records(table)]
    assert got == COI_SITES
    flagged = [r["title"] for r in records(table) if r["flag"]]
    # 立命館大学, once an organisation by shape only, is in org_universities.tsv now
    assert flagged == []


def test_regions_list_figure(tables: dict[str, Table]) -> None:
    table = tables["第２-５-９図"]
    assert table.columns == ["title", "place"]
    assert [(r["title"], r["place"]) for r in records(table)] == REGIONS
    reasons = {o.line.text: o.reason for o in table.rebuilt.leftovers}
    assert reasons["：平成28年度採択地域"] == "legend"


def test_only_tables_and_lists_are_rebuilt(tables: dict[str, Table]) -> None:
    assert sorted(tables) == sorted(["第２-５-３表", "第２-５-６図", "第２-５-７表", "第２-５-９図",
                                     "第２-５-11表", "第２-５-12表"])
    assert [t.table_id for t in tables.values()] == ["t01", "t02", "t03", "t04", "t05", "t06"]


def test_every_row_traces_to_its_source_lines(tables: dict[str, Table]) -> None:
    raw = (ROOT / "raw" / f"{CHAPTER}.txt").read_text(encoding="utf-8").splitlines()
    for table in tables.values():
        for row in table.rebuilt.rows:
            for cell in row.cells:
                assert cell.lines, (table.label, cell)
                for line in cell.lines:
                    assert raw[line.line_start - 1].strip() == line.text.strip()
        for record in records(table):
            assert record["chapter"] == CHAPTER and record["page"] and record["page_index"]
            assert record["line_start"] <= record["line_end"]


# --------------------------------------------------------------------------- made-up tables


def paragraphs_frame(blocks: list[tuple[str, str, list[str]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Paragraph and figure frames for captions (figure_id, kind, lines), one line each."""
    paragraphs, figures = [], []
    line = 10
    for figure_id, kind, texts in blocks:
        figures.append({"chapter": "x2020-1-1", "figure_id": figure_id, "kind": kind,
                        "label": f"第1-{figure_id}表", "title": "架空の表", "page": "3",
                        "page_index": 1, "line": line})
        line += 2
        for text in texts:
            paragraphs.append({"chapter": "x2020-1-1", "para_id": f"p{line:04d}",
                               "kind": f"{kind}_text", "text": text, "page": "3",
                               "page_index": 1, "line_start": line, "line_end": line,
                               "figure_id": figure_id})
            line += 2
    return pd.DataFrame(paragraphs), pd.DataFrame(figures)


MADE_UP_AWARDS = [
    "表彰 事業名 参加団体",
    "最優秀賞", "次世代蓄電池の量産技術", "の確立", "名古屋大学", "トヨタ自動車株式会社",
    "審査委員長", "特別賞", "海洋プラスチックの回収と再資源化", "システム", "北海道大学",
    "株式会社サンプル工業", "日本放送協会",
    "表彰 事業名 参加団体",
    "奨励賞", "小型衛星による森林監視", "国立環境研究所",
    "地域医療の遠隔診断ネットワ", "ーク", "公益財団法人未来技術振興財団", "東北大学",
]


def test_made_up_award_table() -> None:
    paragraphs, figures = paragraphs_frame([("f001", "table", MADE_UP_AWARDS)])
    [table] = rebuild_tables(paragraphs, figures).tables
    got = [(r["award"], r["title"], r["organisations"]) for r in records(table)]
    assert got == [
        ("最優秀賞", "次世代蓄電池の量産技術の確立", ["名古屋大学", "トヨタ自動車株式会社"]),
        ("審査委員長特別賞", "海洋プラスチックの回収と再資源化システム",
         ["北海道大学", "株式会社サンプル工業", "日本放送協会"]),
        ("奨励賞", "小型衛星による森林監視", ["国立環境研究所"]),
        ("奨励賞", "地域医療の遠隔診断ネットワーク", ["公益財団法人未来技術振興財団", "東北大学"]),
    ]
    assert [r["line_start"] for r in records(table)] == [14, 24, 40, 46]


def test_made_up_measure_table_mixes_one_line_rows_and_wrapped_cells() -> None:
    lines = ["省庁 担当機関 事業名", "経済産業省 本省 水素供給網の実証事業",
             "総務省", "情報通信研究", "機構", "次世代通信網の研究開発"]
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert table.columns == ["ministry", "organisation", "title"]
    assert [(r["ministry"], r["organisation"], r["title"]) for r in records(table)] == [
        ("経済産業省", "本省", "水素供給網の実証事業"),
        ("総務省", "情報通信研究機構", "次世代通信網の研究開発")]


def test_made_up_list_figures() -> None:
    places = ["海洋資源を活かした新産業の", "創出（高知）", "宇宙産業クラスターの形成",
              "（北海道）", "：令和元年度採択", "地場野菜の機能性表示と", "販路開拓 （鳥取）"]
    tagged = ["【A】 水の循環を見える化する", "スマート上下水道拠点", "株式会社サンプル工業／東北大学",
              "凡例", "【B】 高齢者の移動を支える拠点", "名古屋大学",
              "【A】 土壌を診る農業拠点", "北海道大学、株式会社サンプル工業"]
    paragraphs, figures = paragraphs_frame([("f001", "figure", places),
                                            ("f002", "figure", tagged)])
    first, second = rebuild_tables(paragraphs, figures).tables
    assert [(r["title"], r["place"]) for r in records(first)] == [
        ("海洋資源を活かした新産業の創出", "高知"), ("宇宙産業クラスターの形成", "北海道"),
        ("地場野菜の機能性表示と販路開拓", "鳥取")]
    assert [(r["vision"], r["title"], r["organisations"]) for r in records(second)] == [
        ("A", "水の循環を見える化するスマート上下水道拠点", ["株式会社サンプル工業", "東北大学"]),
        ("B", "高齢者の移動を支える拠点", ["名古屋大学"]),
        ("A", "土壌を診る農業拠点", ["北海道大学", "株式会社サンプル工業"])]
    assert [o.reason for o in second.rebuilt.leftovers] == ["outside_record"]


# --------------------------------------------------------------------------- grid search


def read_every_assignment(lines: list[Line]) -> Rebuilt | None:
    """``rebuild_grid`` as it was before reading best first: every kind assignment read
    to the end and scored from ``Row.lines``; the first of the highest scores wins."""
    headers = ty.header_cells(lines[0].text)
    if headers is None:
        return None
    body = lines[1:]
    grid = _GridLines(body, lines[0].text, _narrow_width(body))
    any_award = any(ty.is_award(ln.text) for ln in body)
    best: tuple[tuple[float, int, int], _GridParser] | None = None
    for kinds in _kind_assignments(len(headers)):
        if "award" in kinds and not any_award:
            continue
        reading = _GridParser(grid, kinds)
        while not reading.done:
            reading.read_row()
        covered = {(ln.page_index, ln.line_start) for r in reading.rows
                   if r.confidence == 1.0 for ln in r.lines}
        score = (len(covered) / max(1, len(body)), -kinds.count("title"), -len(reading.rows))
        if best is None or score > best[0]:
            best = (score, reading)
    assert best is not None
    found = best[1]
    return Rebuilt("grid", found.kinds, tuple(headers), tuple(found.rows), tuple(found.leftovers))


def grid_tables() -> list[list[Line]]:
    """The text lines of every table caption with a header row: the real chapter's and
    the made-up ones."""
    chapter = structured(CHAPTER)
    real = lines_by_caption(pd.DataFrame(chapter.paragraphs), pd.DataFrame(chapter.figures))
    made_up = [MADE_UP_AWARDS, ["省庁 担当機関 事業名", "経済産業省 本省 水素供給網の実証事業",
                                "総務省", "情報通信研究", "機構", "次世代通信網の研究開発"]]
    tables = [lines for lines in real.values() if lines and ty.header_cells(lines[0].text)]
    return tables + [[Line(t, n, n, "3", 1) for n, t in enumerate(texts, 1)]
                     for texts in made_up]


def test_best_first_reading_finds_what_reading_every_assignment_finds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows_read = []
    read_row = _GridParser.read_row

    def counted(self: _GridParser) -> None:
        rows_read.append(self.kinds)
        read_row(self)

    tables = grid_tables()
    assert len(tables) >= 6
    for lines in tables:
        monkeypatch.setattr(_GridParser, "read_row", counted)
        rows_read.clear()
        found = rebuild_grid(lines)
        best_first = len(rows_read)
        rows_read.clear()
        assert found is not None and found == read_every_assignment(lines)
        if len(lines) > 50:   # a long table: most assignments are dropped early
            assert best_first * 3 < len(rows_read), (best_first, len(rows_read))
        monkeypatch.undo()


# --------------------------------------------------------------------------- failures


def test_prose_figure_is_not_a_table() -> None:
    prose = [Line(t, n, n) for n, t in enumerate([
        "地域資源の発掘や、STIによる地域", "資源の再生（課題設定力、地域", "理解力の向上）",
        "国", "リスクマネーを地域に促す資金循環に", "向けた環境整備"], 1)]
    assert rebuild_list(prose) is None
    assert rebuild_grid(prose) is None   # no header row


@pytest.mark.parametrize("text, expected", [
    ("府省名 実施機関 施策名", ["府省名", "実施機関", "施策名"]),
    ("受賞 取組・プロジェクト名 主な関連機関", ["受賞", "取組・プロジェクト名", "主な関連機関"]),
    ("文部科学省 本省 オープンイノベーション機構の整備事業", None),
    ("ONE JAPAN", None),
    ("神戸ポートアイランドエリアについて、けいはんな中央エリア", None),
])
def test_header_cells(text: str, expected: list[str] | None) -> None:
    assert ty.header_cells(text) == expected


@pytest.mark.parametrize("text, org_type", [
    ("文部科学省", "ORG_MINISTRY"), ("気象庁", "ORG_AGENCY"), ("  弘前大学 ", None),
    ("弘前大学", "ORG_OTHER"), ("株式会社デンソー", "ORG_OTHER"), ("宮崎県", "ORG_OTHER"),
    ("弘前大学花王株式会社", None), ("文部科学", None), ("総務大臣賞", None), ("", None),
])
def test_whole_org_type(text: str, org_type: str | None) -> None:
    assert ty.whole_org_type(text) == org_type


def test_single_org_ignores_surrounding_spaces() -> None:
    assert ty.is_single_org("  弘前大学 ") and not ty.is_single_org("弘前大学 花王株式会社")


def test_typed_texts_are_forgotten_per_chapter() -> None:
    ty.is_ministry("文部科学省")
    assert ty.is_place("川崎")
    assert ty.whole_org_type.cache_info().currsize > 0
    assert ty.is_place.cache_info().currsize > 0
    ty.forget_typed_texts()
    caches = (ty.whole_org_type, ty.is_ministry, ty.type_org_list, ty.is_place)
    assert all(cached.cache_info().currsize == 0 for cached in caches)


@pytest.mark.parametrize("text, expected", [
    ("薬フローの事業化（川崎）", ("薬フローの事業化", "川崎")),
    ("（福井）", ("", "福井")),
    ("ン・エコシステム （長野）", ("ン・エコシステム", "長野")),
    ("次世代自動車宮城県エリア（復興）", None),
    ("イノベーション創出エリア（青森県全域）", None),
    ("（2018年7月現在、350社、9400人）。", None),
])
def test_split_place(text: str, expected: tuple[str, str] | None) -> None:
    assert ty.split_place(text) == expected


def test_main_writes_index_tables_and_manifest(tmp_path: Path) -> None:
    chapter = structured(CHAPTER)
    paths = Paths(tmp_path)
    folder = paths.stage_dir("structure") / CHAPTER
    for name in ("paragraphs", "figures"):
        write_parquet(to_frame(DATASETS[name], chapter.rows(name)), folder / f"{name}.parquet")
    run(CHAPTER, paths)
    out = paths.stage_dir("tables") / CHAPTER
    index = pd.read_parquet(out / "tables.parquet")
    assert list(index.columns) == DATASETS["tables"].columns
    assert list(index["path"]) == [f"output/tables/{CHAPTER}/t{n:02d}.csv" for n in range(1, 7)]
    for row in index.to_dict("records"):
        frame = pd.read_parquet(out / f"{row['table_id']}.parquet")
        assert len(frame) == row["n_rows"]
        assert json.loads(row["columns"]) == list(frame.columns[3:3 + row["n_cols"]])
    manifest = read_json(out / "manifest.json")
    assert [t["table_id"] for t in manifest["tables"]] == list(index["table_id"])
    assert {s["figure_id"] for s in manifest["not_rebuilt"]} >= {"f008", "f010"}


def test_main_names_missing_input(tmp_path: Path) -> None:
    from pipeline.errors import PipelineError

    with pytest.raises(PipelineError, match="run the structure stage first"):
        run(CHAPTER, Paths(tmp_path))


def _paragraph_frame() -> pd.DataFrame:
    return to_frame(DATASETS["paragraphs"], [
        {"chapter": "x", "para_id": "p0001", "kind": "body", "text": "本文", "page": "3",
         "page_index": 1, "char_start": 0, "char_end": 2, "line_start": 1, "line_end": 1},
        {"chapter": "x", "para_id": "p0002", "kind": "table_text", "text": "府省名 施策名",
         "page": None, "page_index": None, "char_start": 3, "char_end": 10, "line_start": 5,
         "line_end": 6, "figure_id": "f001"},
        {"chapter": "x", "para_id": "p0003", "kind": "figure_text", "text": "文部科学省",
         "page": "4", "page_index": 2, "char_start": 11, "char_end": 16, "line_start": 9,
         "line_end": 9},
    ])


def test_text_line_records_match_frame_records_of_the_same_rows() -> None:
    from pipeline.common.frames import records
    from pipeline.tables.caption_lines import LINE_COLUMNS, TABLE_LINE_KINDS, text_line_records

    frame = _paragraph_frame()
    subset = frame[frame["kind"].isin(TABLE_LINE_KINDS)][list(LINE_COLUMNS)]
    assert text_line_records(frame) == records(subset)
    assert [r["text"] for r in text_line_records(frame)] == ["府省名 施策名", "文部科学省"]
    assert text_line_records(frame)[0]["page_index"] is None
    assert records(frame, ("para_id", "no_such_column")) == [
        {"para_id": "p0001"}, {"para_id": "p0002"}, {"para_id": "p0003"}]


def test_lines_by_caption_places_lines_by_figure_and_page() -> None:
    from pipeline.tables.caption_lines import lines_by_caption

    figures = to_frame(DATASETS["figures"], [
        {"chapter": "x", "figure_id": "f001", "kind": "table", "label": "第1-1表",
         "number": "1-1", "title": "t", "page_index": None, "line": 4},
        {"chapter": "x", "figure_id": "f002", "kind": "figure", "label": "第1-2図",
         "number": "1-2", "title": "u", "page_index": 2, "line": 8}])
    found = lines_by_caption(_paragraph_frame(), figures)
    assert [ln.text for ln in found["f001"]] == ["府省名 施策名"]
    assert [(ln.text, ln.page, ln.page_index) for ln in found["f002"]] == [("文部科学省", "4", 2)]


def test_no_page_tables_means_none_unmatched() -> None:
    from pipeline.tables.chapter_tables import unmatched_page_tables

    assert unmatched_page_tables([], {}) == []


@pytest.mark.parametrize("value, expected", [
    (None, None), (pd.NA, None), (float("nan"), None), ("", ""), ("3", "3"), (0, 0), (7, 7),
    (True, True), (2.5, 2.5)])
def test_missing_values_read_as_none(value: Any, expected: Any) -> None:
    from pipeline.tables.caption_lines import value_or_none

    assert (value_or_none(value) == expected if expected is not None
            else value_or_none(value) is None)


# --------------------------------------------------------------------------- statistical text tables


def cell_table(blocks: list[tuple[str, str, list[str]]]) -> pd.DataFrame:
    """``table_cells`` of made-up captions, one row per cell."""
    from pipeline.tables.cell_records import cell_rows
    paragraphs, figures = paragraphs_frame(blocks)
    return pd.DataFrame(cell_rows(rebuild_tables(paragraphs, figures).tables))


def test_running_text_around_a_table_is_no_row() -> None:
    """厚生労働 style pdf-text: the structure stage left the sentence that cites the table
    and the one after its source with the table's text; neither is a row."""
    lines = ["男女別にみると、女性の就業者数の増加が目立っている（表1-1-1）。",
             "区分 2019年 2020年 2021年", "総数 6,750 6,710 6,713",
             "男性 3,733 3,709 3,687", "女性 3,017 3,001 3,026",
             "以上のように雇用は回復しつつある。"]
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert [r.cells[0].values[0] for r in table.rebuilt.rows] == ["総数", "男性", "女性"]
    assert [o.reason for o in table.rebuilt.leftovers] == ["running_text"] * 2


def test_every_line_splitting_into_the_header_cells_is_one_row() -> None:
    """農林水産 style html-text, cells set apart by full-width spaces: 北海道 reads as an
    organisation, which once made the three rows one row of three cells, each a whole
    line (``北海道　95,300　7.5`` as one cell)."""
    lines = ["都道府県　面積　構成比", "北海道　95,300　7.5", "新潟　116,600　9.2",
             "秋田　84,800　6.7"]
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert [c.values[0] for r in table.rebuilt.rows for c in r.cells] == [
        "北海道", "95,300", "7.5", "新潟", "116,600", "9.2", "秋田", "84,800", "6.7"]


def test_a_table_of_figures_keeps_its_printed_heads() -> None:
    """A text table of figures is named by its printed heads, as a PDF table is, so the
    head 構成比 says its column is a ratio and the years head their columns; the
    columns were ``title``, ``title_2``, … before."""
    lines = ["都道府県　面積　構成比", "北海道　95,300　7.5", "新潟　116,600　9.2"]
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert table.columns == ["都道府県", "面積", "構成比"]
    lines = ["作物\t令和2年産\t令和3年産", "水稲\t7,765\t7,563", "小麦\t949\t1,097"]
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert table.columns == ["作物", "令和2年産", "令和3年産"]
    assert records(table)[1]["令和3年産"] == "1,097"


def test_a_text_tables_unit_line_from_its_note_or_title() -> None:
    """厚生労働 style pdf-text: ``（単位：万人）`` printed under the caption is the note of
    its caption, and gives its unit to the columns of figures; 農林水産 style: the unit
    closing the caption's title, ``都道府県別作付面積（単位：ha）``, to the amounts, not
    to the ratio 構成比."""
    from pipeline.tables.cell_records import cell_rows
    paragraphs, figures = paragraphs_frame([
        ("f001", "table", ["区分 2020年 2021年", "総数 6,750 6,710", "男性 3,733 3,709",
                           "女性 3,017 3,001"]),
        ("f002", "table", ["都道府県　面積　構成比", "北海道　95,300　7.5",
                           "新潟　116,600　9.2"])])
    note = {**paragraphs.iloc[0].to_dict(), "para_id": "p0011", "kind": "note",
            "text": "（単位：万人）", "line_start": 11, "line_end": 11}
    paragraphs = pd.concat([pd.DataFrame([note]), paragraphs], ignore_index=True)
    figures.loc[1, "title"] = "都道府県別作付面積（単位：ha）"
    cells = pd.DataFrame(cell_rows(rebuild_tables(paragraphs, figures).tables))
    units = cells.fillna({"column_unit": ""}).groupby(["table_id", "column"], sort=False)[
        "column_unit"].first()
    assert units.to_dict() == {("t01", "区分"): "", ("t01", "2020年"): "万人",
                               ("t01", "2021年"): "万人", ("t02", "都道府県"): "",
                               ("t02", "面積"): "ha", ("t02", "構成比"): ""}
    assert cells[cells.column == "2020年"]["value"].tolist() == [6750, 3733, 3017]
    assert cells[cells.row == 1]["total_of"].fillna("").tolist() == ["2-3"] * 3 + [""] * 3


def figure_cells(lines: list[str]) -> tuple[list[str], list[list[str]], list[Any]]:
    """The columns, the cells row by row and the values of a made-up text table."""
    from pipeline.tables.cell_records import cell_rows
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    cells = pd.DataFrame(cell_rows([table]))
    texts = [[c.values[0] for c in r.cells] for r in table.rebuilt.rows]
    return table.columns, texts, [None if pd.isna(v) else v for v in cells["value"]]


def test_a_series_with_no_head_over_its_labels() -> None:
    """厚生労働 style: the years alone head the figures, nothing over 総数/男性/女性;
    each line was one cell of one row (``総数 6,750 6,710 6,713``)."""
    columns, texts, values = figure_cells(
        ["2019年 2020年 2021年", "総数 6,750 6,710 6,713", "男性 3,733 3,709 3,687",
         "女性 3,017 3,001 3,026"])
    assert columns == ["列1", "2019年", "2020年", "2021年"]
    assert texts == [["総数", "6,750", "6,710", "6,713"], ["男性", "3,733", "3,709", "3,687"],
                     ["女性", "3,017", "3,001", "3,026"]]


def test_a_tab_separated_row_with_an_empty_cell() -> None:
    """農林水産 style html-text: ``水稲\\t7,765\\t\\t7,269`` leaves 令和3年 empty; the three
    rows were one row of whole lines."""
    columns, texts, values = figure_cells(
        ["作物\t令和2年\t令和3年\t令和4年", "水稲\t7,765\t\t7,269", "小麦\t949\t1,097\t994"])
    assert columns == ["作物", "令和2年", "令和3年", "令和4年"]
    assert texts == [["水稲", "7,765", "", "7,269"], ["小麦", "949", "1,097", "994"]]
    assert values == [None, 7765, None, 7269, None, 949, 1097, 994]


def test_marks_for_no_figure_and_a_label_printed_in_pieces() -> None:
    """A dash, a leader and x (秘匿) stand for no figure and take no value; a label
    printed in two pieces (``その他の 世帯``) is one cell, not a row of whole lines."""
    columns, texts, values = figure_cells(
        ["区分 2020年 2021年 増減率", "総数 1,200 1,250 4.2", "うち女性 600 － …",
         "外国人 x 30 △1.5"])
    assert columns == ["区分", "2020年", "2021年", "増減率"]
    assert texts[1:] == [["うち女性", "600", "－", "…"], ["外国人", "x", "30", "△1.5"]]
    assert values[4:] == [None, 600, None, None, None, None, 30, -1.5]
    columns, texts, values = figure_cells(
        ["区分 2020年 2021年", "その他の 世帯 1,200 1,250", "単身 世帯 600 700",
         "計 1,800 1,950"])
    assert texts == [["その他の世帯", "1,200", "1,250"], ["単身世帯", "600", "700"],
                     ["計", "1,800", "1,950"]]


def test_heads_that_print_their_unit_in_brackets() -> None:
    """財務 style: ``金額（億円） 構成比（％）`` is a header (its brackets hold units, no
    sentence), so the table is read, each column with its unit; a bracket that holds
    words stays a sentence mark."""
    assert ty.header_cells("項目 金額（億円） 構成比（％）") == ["項目", "金額（億円）", "構成比（％）"]
    assert ty.header_cells("項目 金額（注） 構成比") is None
    from pipeline.tables.cell_records import cell_rows
    paragraphs, figures = paragraphs_frame([("f001", "table", [
        "項目 金額（億円） 構成比（％）", "国税 650,000 60.1", "地方税 431,000 39.9",
        "合計 1,081,000 100.0"])])
    cells = pd.DataFrame(cell_rows(rebuild_tables(paragraphs, figures).tables))
    assert cells["column_unit"].fillna("").tolist() == ["", "億円", "%"] * 3
    assert cells["total_of"].fillna("").tolist() == [""] * 6 + ["1-2"] * 3


def test_a_minus_sign_set_apart_from_its_figure() -> None:
    """総務 家計 style: ``住居 18,329 17,827 △ 2.7`` prints the sign apart for
    alignment; it is one cell (-2.7), and the rows were whole lines in single cells.
    A label that reads as a name (北海道) carries no flag in a table of figures."""
    columns, texts, values = figure_cells(
        ["項目 2021年 2022年 増減率", "消費支出 279,024 290,865 4.2",
         "住居 18,329 17,827 △ 2.7", "北海道 77,474 80,502 3.9"])
    assert texts[1] == ["住居", "18,329", "17,827", "△2.7"]
    assert values[4:8] == [None, 18329, 17827, -2.7]
    paragraphs, figures = paragraphs_frame([("f001", "table", [
        "区分 2020年 2021年", "北海道 10 20", "青森 5 6"])])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert [r.flags for r in table.rebuilt.rows] == [[], []]


@pytest.mark.parametrize("first", [True, False])
def test_a_unit_line_among_a_text_tables_lines(first: bool) -> None:
    """The unit line printed with the table's text (``（単位：万人）`` before the header,
    or ``単位：万人`` after the last row) is the table's unit line: before, it kept the
    table from being read; after, it was a row labelled 単位：万人."""
    body = ["区分 2020年 2021年", "総数 100 110", "男性 60 65", "女性 40 45"]
    lines = ["（単位：万人）", *body] if first else [*body, "単位：万人"]
    from pipeline.tables.cell_records import cell_rows
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert [r.cells[0].values[0] for r in table.rebuilt.rows] == ["総数", "男性", "女性"]
    cells = pd.DataFrame(cell_rows([table]))
    assert cells["column_unit"].fillna("").tolist() == ["", "万人", "万人"] * 3


def test_a_header_printed_on_two_lines() -> None:
    """厚生労働 style: ``区分 男性 女性`` over ``実数 構成比 実数 構成比``: each sex spans
    two heads; the rows were whole lines in single cells. Years alone on the first
    line head no labels (``列1``)."""
    columns, texts, values = figure_cells(
        ["区分 男性 女性", "実数 構成比 実数 構成比", "総数 100 50.0 100 50.0",
         "15～64歳 80 40.0 70 35.0"])
    assert columns == ["区分", "男性／実数", "男性／構成比", "女性／実数", "女性／構成比"]
    assert texts[1] == ["15～64歳", "80", "40.0", "70", "35.0"]
    columns, texts, values = figure_cells(
        ["2020年 2021年", "実数 構成比 実数 構成比", "総数 100 50.0 110 50.0",
         "男性 80 40.0 90 40.9"])
    assert columns == ["列1", "2020年／実数", "2020年／構成比", "2021年／実数", "2021年／構成比"]
    assert values[5:] == [None, 80, 40.0, 90, 40.9]


@pytest.mark.parametrize("lines", [
    ["区分 2020年 2021年", "総数 100 110 120", "男性 60 65", "女性 40 45"],
    ["区分 2020年 2021年", "総数 100 110", "男性 60", "女性 40 45"],
])
def test_rows_of_figures_that_fit_no_header_give_no_table(lines: list[str]) -> None:
    """A row with a figure too many or too few: the search put whole lines (``男性 60``,
    ``女性 40 45``) into single cells; such a reading is wrong, so no table."""
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    assert rebuild_tables(paragraphs, figures).tables == []


def test_bare_years_head_a_series_with_no_head_over_its_labels() -> None:
    """``2019 2020 2021`` over ``総数 6,750 6,710 6,713``: bare years running in order
    are heads, not figures (the table was not rebuilt); a first line whose heads are
    other figures is still none."""
    columns, texts, values = figure_cells(
        ["2019 2020 2021", "総数 6,750 6,710 6,713", "男性 3,733 3,709 3,687",
         "女性 3,017 3,001 3,026"])
    assert columns == ["列1", "2019", "2020", "2021"]
    assert values[:4] == [None, 6750, 6710, 6713]
    paragraphs, figures = paragraphs_frame([("f001", "table", [
        "2019 2021 2020", "総数 6,750 6,710 6,713", "男性 3,733 3,709 3,687"])])
    assert rebuild_tables(paragraphs, figures).tables == []


def test_a_figure_whose_text_is_a_table_of_figures() -> None:
    """厚生労働 style pdf-text: a table printed under a ``図表`` label (a figure caption)
    is rebuilt when its text is a table of figures; a figure's words that are no such
    table stay unrebuilt."""
    paragraphs, figures = paragraphs_frame([
        ("f001", "figure", ["区分 2020年 2021年", "総数 6,710 6,713", "男性 3,709 3,687",
                            "女性 3,001 3,026"]),
        ("f002", "figure", ["就業者数", "0", "2,000", "4,000", "男性", "女性"])])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert table.figure_id == "f001" and table.columns == ["区分", "2020年", "2021年"]
    assert [[c.values[0] for c in r.cells] for r in table.rebuilt.rows][2] == [
        "女性", "3,001", "3,026"]


def test_heads_are_not_shifted_over_a_column_they_do_not_name() -> None:
    """Every row with one figure more than the heads after 区分: reading 区分 as a head
    of figures (over 100) would name each figure by the wrong year; no table. Years
    alone over a label and two figures are no header either."""
    for lines in (["区分 2020年 2021年", "総数 100 110 120", "男性 60 65 70"],
                  ["2019年 2020年 2021年", "総数 6,750 6,710", "男性 3,733 3,709"]):
        paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
        assert rebuild_tables(paragraphs, figures).tables == []


def test_a_cell_ending_a_sentence_at_a_tables_foot_stays() -> None:
    """A table of measures printed a cell a line: its last cell ends a sentence
    (``…を支援する。``) and is no running text after the table."""
    lines = ["府省名 実施機関 施策名", "経済産業省", "本省", "中小企業の海外展開を支援する。"]
    paragraphs, figures = paragraphs_frame([("f001", "table", lines)])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert [[c.values[0] for c in r.cells] for r in table.rebuilt.rows] == [
        ["経済産業省", "本省", "中小企業の海外展開を支援する。"]]
    assert table.rebuilt.leftovers == ()


@pytest.mark.parametrize("units", ["（人） （人） （％）", "単位 人 人 ％"])
def test_a_row_of_units_under_a_text_tables_heads(units: str) -> None:
    """厚生労働 style: the units printed on a line under the heads join them, as in a PDF
    table (``男性（人）``), so each column has its unit; the line was a row labelled
    （人） or 単位 before, or kept the table from being read."""
    from pipeline.tables.cell_records import cell_rows
    paragraphs, figures = paragraphs_frame([("f001", "table", [
        "区分 男性 女性 構成比", units, "総数 100 110 50.0", "若年層 60 65 30.0"])])
    [table] = rebuild_tables(paragraphs, figures).tables
    assert table.columns == ["区分", "男性（人）", "女性（人）", "構成比（％）"]
    assert [r.cells[0].values[0] for r in table.rebuilt.rows] == ["総数", "若年層"]
    cells = pd.DataFrame(cell_rows([table]))
    assert cells["column_unit"].fillna("").tolist() == ["", "人", "人", "%"] * 2


@pytest.mark.parametrize(("note", "unit"), [
    ("注：単位は千トン", "千トン"), ("（注）単位：千t", "千t"), ("注1）単位は百万円", "百万円"),
    ("注：単位は年度末現在", ""), ("注：数値は概数である。", ""),
])
def test_a_note_that_says_the_tables_unit(note: str, unit: str) -> None:
    """農林水産 style html-text: ``注：単位は千トン`` under the table's source says the
    unit of its figures; a note of other words gives none."""
    from pipeline.tables.cell_records import cell_rows
    paragraphs, figures = paragraphs_frame([("f001", "table", [
        "作物\t令和2年産\t令和3年産", "水稲\t7,765\t7,563", "小麦\t949\t1,097"])])
    extra = {**paragraphs.iloc[-1].to_dict(), "para_id": "p0099", "kind": "note",
             "text": note, "line_start": 99, "line_end": 99}
    paragraphs = pd.concat([paragraphs, pd.DataFrame([extra])], ignore_index=True)
    cells = pd.DataFrame(cell_rows(rebuild_tables(paragraphs, figures).tables))
    assert cells["column_unit"].fillna("").tolist() == ["", unit, unit] * 2


def test_a_note_word_added_to_the_list_serves_structure_and_tables(made_up_openings: None,
                                                                    ) -> None:
    """One row of note_openings.tsv serves both stages: the structure stage reads
    ``附記：単位は千トン`` as the table's note (``典拠：…`` its source), and the tables stage
    reads the unit the note says past the same opening (``千トン``); a foot row of a PDF
    table that opens with it is no data row."""
    from pipeline.tables.cell_records import cell_rows
    text = "\n".join(["第1節\u3000作物の生産", "1\u3000収穫量", "水稲の収穫量は減少した。",
                      "表1-1-1\u3000作物別収穫量", "作物\t令和2年産\t令和3年産",
                      "水稲\t7,765\t7,563", "小麦\t949\t1,097", "典拠：テスト省「作物統計」",
                      "附記：単位は千トン", "次の本文が続く。"])
    result = structure_chapter(extract_html_text(text, "tst2023-1-1"))
    assert [(f["notes"], f["source"]) for f in result.figures] == [
        ("附記：単位は千トン", "典拠：テスト省「作物統計」")]
    tables = rebuild_tables(to_frame(DATASETS["paragraphs"], result.paragraphs),
                            to_frame(DATASETS["figures"], result.figures)).tables
    cells = pd.DataFrame(cell_rows(tables))
    assert cells["column_unit"].fillna("").tolist() == ["", "千トン", "千トン"] * 2
    rows = [["作物", "収穫量"], ["水稲", "7,765"], ["附記1）概数。", ""], ["典拠：テスト省", None]]
    assert note_rows(rows, 1) == [2, 3]
