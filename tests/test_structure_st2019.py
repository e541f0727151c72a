"""st2019-2-5 (text extracted from a printed PDF): headings, paragraphs, footnotes,
figures — expectations hand-checked against raw/st2019-2-5.txt."""

from __future__ import annotations

import re

import pytest

from pipeline.structure.stage import Structured

# (level, label, title) of every heading of the chapter, in order, read off the source.
ST2019_HEADINGS = [
    (1, "第5章", "イノベーション創出に向けた人材、知、資金の好循環システムの構築"),
    (2, "第1節", "オープンイノベーションを推進する仕組みの強化"),
    (3, "１", "企業、大学、公的研究機関における推進体制の強化"),
    (4, "（１）", "国内外の産学連携活動の現状"),
    (5, "ア", "大学等における産学官連携活動の実施状況"),
    (5, "イ", "技術移転機関（ＴＬＯ）における活動状況"),
    (4, "（２）", "大学等の産学官連携体制の整備"),
    (4, "（３）", "産学官の共同研究開発の強化"),
    (4, "（４）", "民間の研究開発投資促進に向けた税制措置"),
    (4, "（５）", "表彰制度の活用"),
    (5, "ア", "第１回 日本オープンイノベーション大賞（平成30年度）"),
    (3, "２", "イノベーション創出に向けた人材の好循環の誘導"),
    (3, "３", "人材、知、資金が結集する「場」の形成"),
    (4, "（１）", "産学官協働の「場」の構築"),
    (5, "ア", "世界に誇る地域発研究開発・実証拠点の形成"),
    (5, "イ", "先端融合領域においてイノベーションを創出する拠点の形成"),
    (5, "ウ", "革新的イノベーション創出拠点の形成"),
    (5, "エ", "オープンイノベーションを加速する産学共創プラットフォームの形成"),
    (4, "（２）", "オープンイノベーション拠点の形成"),
    (5, "ア", "筑波研究学園都市"),
    (5, "イ", "関西文化学術研究都市"),
    (4, "（３）", "多様な分野との産学連携を行う「オープンイノベーションの場」の推進"),
    (4, "（４）", "技術シーズとニーズのマッチングを促進する環境の醸成"),
    (2, "第2節", "新規事業に挑戦する中小・ベンチャー企業の創出強化"),
    (3, "１", "起業家マインドを持つ人材の育成"),
    (3, "２", "大学発ベンチャーの創出促進"),
    (3, "３", "新規事業のための環境創出"),
    (4, "（１）", "研究開発型ベンチャー等に対する支援"),
    (4, "（２）", "中小企業技術革新制度（ＳＢＩＲ制度）による支援"),
    (3, "４", "新製品・サービスに対する初期需要の確保と信頼性付与"),
    (4, "（１）", "公共調達の活用等による中小・ベンチャー企業の育成・強化"),
    (2, "第3節", "国際的な知的財産・標準化の戦略的活用"),
    (3, "１", "イノベーション創出における知的財産の活用促進"),
    (4, "（１）", "国の研究開発プロジェクトにおける知的財産（知的財産権・研究開発データ）マネジメント"),
    (5, "ア", "特許権等の知的財産権に関する取組"),
    (5, "イ", "研究開発データに関する取組"),
    (4, "（２）", "特許情報等の整備・提供"),
    (4, "（３）", "早期審査制度の実施"),
    (4, "（４）", "特許審査体制の整備・強化"),
    (4, "（５）", "事業戦略対応まとめ審査の実施"),
    (4, "（６）", "技術動向調査の実施・公表"),
    (4, "（７）", "専門家による事業化や橋渡しの支援"),
    (4, "（８）", "安全保障貿易管理への取組"),
    (4, "（９）", "技術等情報の管理に関する取組"),
    (3, "２", "戦略的国際標準化の加速及び支援体制の強化"),
    (4, "（１）", "知的財産戦略及び国際標準化戦略の推進"),
    (4, "（２）", "国際標準化への積極的対応"),
    (4, "（３）", "特許審査の国際的な取組"),
    (2, "第4節", "イノベーション創出に向けた制度の見直しと整備"),
    (3, "１", "新たな製品・サービスやビジネスモデルに対応した制度の見直し"),
    (4, "（１）", "イノベーションの促進に向けた規制・制度の活用"),
    (5, "ア", "国家戦略特区に関する取組"),
    (5, "イ", "総合特区制度に関する取組"),
    (3, "２", "情報通信技術の飛躍的発展に対応した知的財産の制度整備"),
    (2, "第5節", "「地方創生」に資するイノベーションシステムの構築"),
    (3, "１", "地域企業の活性化"),
    (3, "２", "地域の特性を生かしたイノベーションシステムの駆動"),
    (4, "（１）", "地域イノベーションシステムの構築"),
    (4, "（２）", "地域における知的財産の権利化支援"),
    (3, "３", "地域が主体となる施策の推進"),
    (4, "（１）", "地域の自律的・持続的な成長に向けた支援"),
    (2, "第6節", "グローバルなニーズを先取りしたイノベーション創出機会の開拓"),
    (3, "１", "グローバルなニーズを先取りする研究開発の推進"),
    (3, "２", "インクルーシブ・イノベーションを推進する仕組みの構築"),
    (4, "（１）", "地球規模問題に関する開発途上国との協力の推進"),
]


def body(structured: Structured) -> list[str]:
    return [p["text"] for p in structured.paragraphs if p["kind"] == "body"]


def test_every_heading_with_level_and_title_and_nothing_else(st2019: Structured) -> None:
    got = [(s["level"], s["label"], s["title"]) for s in st2019.sections]
    assert got == ST2019_HEADINGS


def test_heading_numbers_and_parents(st2019: Structured) -> None:
    by_id = {s["section_id"]: s for s in st2019.sections}
    for section in st2019.sections:
        parent = by_id.get(section["parent_id"]) if section["parent_id"] else None
        if section["level"] == 1:
            assert parent is None
        else:
            assert parent is not None and parent["level"] < section["level"]
    assert [s["number"] for s in st2019.sections[:6]] == ["5", "1", "1", "1", "ア", "イ"]


@pytest.mark.parametrize("joined", [
    "経済産業省と共同して開催した「イノベーション促進産学官対話会議」において",   # across a page break + footnote block
    "挑戦しやすくかつ失敗が適正に評価されることや、尖った才能が育ち",            # ruby folded back
    "Society 5.0に向けた技術的基盤の整備を進めている",                             # Latin then Japanese
    "“Regenerative Medicine”及び“Materials for Energy”の２分野",                   # one space between Latin words
    "また、ＴＩＡの人材育成事業では、サマーオープンフェスティバル",                # across a figure and a page header
    "事業化の成功モデルを創出する段階へと転換が求められている",                    # across a full-page figure
    "国際標準化機構・国際電気標準会議と連携したアジア地域向けの人材育成セミナーを実施したほか、アジア太平洋経済協力（ＡＰＥＣ）基準",
    "平成30年9月25日に施行した。",
])
def test_sentences_cross_wraps_and_page_breaks(st2019: Structured, joined: str) -> None:
    assert sum(joined in text for text in body(st2019)) == 1


@pytest.mark.parametrize("intruder", [
    "第２部 科学技術の振興に関して講じた施策", "Technology Licensing Organization",
    "■", "資料：", "注：", "H27終了", "【V1】", "受賞 取組・プロジェクト名", "弘前大学マルマン",
    "健康意識が低く", "＜内閣総理大臣賞＞", "地域資源 資金 人材", "ＴＬＯ1", "研究開発税制4",
    "とがった", "第５章 イノベーション",
])
def test_no_furniture_notes_captions_or_figure_words_in_body(st2019: Structured,
                                                            intruder: str) -> None:
    assert not [t for t in body(st2019) if intruder in t]


def test_no_page_number_alone_and_no_wrap_cut(st2019: Structured) -> None:
    for text in body(st2019):
        assert not re.search(r"(?:^|\s)(?:166|175)(?:\s|$)", text)
        assert text[-1] in "。）」" , text[-30:]


def test_removed_holds_furniture_and_ruby(st2019: Structured) -> None:
    reasons = {(r["reason"], r["text"]) for r in st2019.removed}
    assert ("running_header", "第２部 科学技術の振興に関して講じた施策") in reasons
    assert ("page_number", "166") in reasons and ("page_number", "175") in reasons
    assert ("ruby", "とが") in reasons
    assert {("vertical_text", "第"), ("vertical_text", "５"), ("vertical_text", "章")} <= reasons
    assert sum(r["reason"] == "footnote_marker" for r in st2019.removed) == 28


# (number, anchor, start of text) of every footnote, in order, read off the source.
ST2019_FOOTNOTES = [
    ("1", "ＴＬＯ", "Technology Licensing Organization"),
    ("1", "Ａ－ＳＴＥＰ", "Adaptable and Seamless Technology Transfer Program"),
    ("2", "ＮｅｘＴＥＰ", "Next-Generation Technology Transfer Program"),
    ("3", "ＮＩＣＴ", "National Institute of Information and Communications Technology"),
    ("4", "研究開発税制", "試験研究を行う企業に対し、試験研究の額に応じて法人税を控除する制度。"),
    ("1", "ＣＯＩ", "Center of Innovation"),
    ("1", "ＯＰＥＲＡ", "Program on Open Innovation Platform with Enterprises, Research Institute and Academia"),
    ("1", "ＣＵＰＡＬ", "Nanotech Career-up Alliance"),
    ("1", "ＳＴＡＲＴ", "Program for Creating Start-ups from Advanced Research and Technology"),
    ("2", "ＳＣＯＲＥ", "Program of Start-up incubation from COre RESearch"),
    ("3", "ＳＵＣＣＥＳＳ", "SUpport program of Capital Contribution to Early-Stage Companies"),
    ("1", "個人", "例えば、大学の研究者、新規に開業や会社設立をしようとしている個人などが考えられる。"),
    ("1", "ナショプロデータカタログ", "http://www.meti.go.jp/policy/innovation_policy/data_manegement.html"),
    ("2", "Ｊ－ＰｌａｔＰａｔ", "https://www.j-platpat.inpit.go.jp/"),
    ("3", "ＡＳＥＡＮ", "Association of South-East Asian Nations"),
    ("4", "ＦＯＰＩＳＥＲ", "Foreign Patent Information Service https://www.foreignsearch.jpo.go.jp/"),
    ("5", "Ｊ－ＳＴＯＲＥ", "https://jstore.jst.go.jp/"),
    ("1", "ＭＯＴ", "Management of Technology"),
    ("1", "ＡＰＥＣ", "Asia Pacific Economic Cooperation"),
    ("2", "ＩＴＵ", "International Telecommunication Union"),
    ("3", "ＰＰＨ", "Patent Prosecution Highway"),
    ("4", "ＰＣＴ", "Patent Cooperation Treaty"),
    ("5", "ＣＳ&Ｅ", "Patent Cooperation Treaty Collaborative Search and Examination"),
    ("1", "ＳＣＯＰＥ", "Stracegic Information and Communications R&D Promotion Programme"),
    ("2", "ＢＤ", "Big Data"),
    ("1", "ＩＮＰＩＴ", "National Center for Industrial ProPerty Information and Training"),
    ("1", "ＯＤＡ", "Official Development Assistance"),
    ("2", "ＳＡＴＲＥＰＳ", "Science and Technology Research Partnership for Sustainable Development"),
]


def test_every_footnote_with_number_text_and_anchor(st2019: Structured) -> None:
    got = [(f["number"], f["anchor"], f["text"]) for f in st2019.footnotes]
    assert got == ST2019_FOOTNOTES


def test_footnote_links_point_at_the_anchor(st2019: Structured) -> None:
    paragraphs = {p["para_id"]: p["text"] for p in st2019.paragraphs}
    sections = {s["section_id"]: s["title"] for s in st2019.sections}
    for note in st2019.footnotes:
        if note["para_id"]:
            text = paragraphs[note["para_id"]]
            assert text[:note["anchor_offset"]].endswith(note["anchor"])
        else:
            assert note["anchor"] in sections[note["section_id"]]


ST2019_FIGURES = [
    ("第２-５-１図", "figure", "大学等における共同研究等の実績",
     "資料：文部科学省「平成29年度 大学等における産学連携等実施状況について」（平成31年２月27日）"),
    ("第２-５-２図", "figure", "研究開発税制", "資料：経済産業省作成"),
    ("第２-５-３表", "table", "第１回 日本オープンイノベーション大賞", None),
    ("第２-５-４図", "figure",
     "世界に誇る地域発研究開発・実証拠点（リサーチコンプレックス）推進プログラム 各拠点の取組",
     "資料：文部科学省作成"),
    ("第２-５-５図", "figure", "先端融合領域イノベーション創出拠点形成プログラム実施課題一覧",
     "資料：文部科学省作成"),
    ("第２-５-６図", "figure", "ＣＯＩ拠点一覧", "資料：文部科学省及び科学技術振興機構作成"),
    ("第２-５-７表", "table",
     "オープンイノベーションを推進するための仕組みの強化のための主な施策（平成30年度）", None),
    ("第２-５-８図", "figure", "地域科学技術イノベーション推進委員会 最終報告書 概要",
     "資料：文部科学省作成"),
    ("第２-５-９図", "figure", "地域イノベーション・エコシステムによる支援地域一覧",
     "資料：文部科学省作成"),
    ("第２-５-10図", "figure", "地域イノベーション戦略推進地域 選定地域一覧", "資料：文部科学省作成"),
    ("第２-５-11表", "table",
     "「地方創生」に資するイノベーションシステムの構築のための主な施策（平成30年度）", None),
    ("第２-５-12表", "table", "グローバルなニーズを先取りするための主な施策（平成30年度）", None),
]


def test_every_caption_with_label_title_and_source(st2019: Structured) -> None:
    got = [(f["label"], f["kind"], f["title"], f["source"]) for f in st2019.figures]
    assert got == ST2019_FIGURES


def test_figure_notes_are_kept_with_their_figure(st2019: Structured) -> None:
    first = st2019.figures[0]
    assert first["notes"].startswith("注：１．国公私立大学等を対象")
    assert "施等件数の集計方法を再整理したため点線としている。" in first["notes"]


def test_figure_words_table_cells_and_column(st2019: Structured) -> None:
    kinds = {p["text"]: p["kind"] for p in st2019.paragraphs}
    figure_of = {p["text"]: p["figure_id"] for p in st2019.paragraphs}
    assert kinds["H27終了"] == "figure_text" and figure_of["H27終了"] == "f006"
    assert kinds["弘前大学"] == "table_text" and figure_of["弘前大学"] == "f003"
    assert kinds["2-11"] == "column"
    column = [t for t, k in kinds.items() if k == "column" and t.startswith("近年のイノベーション")]
    assert column and column[0].endswith("「日本オープンイノベーション大賞」を創設した。")


def test_pages_follow_the_printed_numbers(st2019: Structured) -> None:
    pages = {s["title"]: (s["page"], s["page_index"]) for s in st2019.sections}
    assert pages["関西文化学術研究都市"] == ("166", 11)
    assert pages["地域の特性を生かしたイノベーションシステムの駆動"] == ("176", 21)


def test_paragraph_offsets_slice_the_clean_text(st2019: Structured) -> None:
    for paragraph in st2019.paragraphs:
        assert st2019.clean_text[paragraph["char_start"]:paragraph["char_end"]] == paragraph["text"]
