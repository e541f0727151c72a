"""Made-up chapters of other ministries in the two text conventions (html-text: one
paragraph a line; pdf-text: printed lines wrapped and double-spaced): headings with no
number (``はじめに``, ``まとめ``), boxed columns labelled ``コラム`` alone, ``解説`` or
``事例``, footnotes printed ``注1　…`` in one-paragraph-per-line text, and a book's
running title printed once beside a page number. The rules are general, not tuned to a
chapter; each has cases that must not change."""

from __future__ import annotations

import pytest

from pipeline.common.column_labels import is_bare_column_label, is_column_label
from pipeline.common.running_titles import is_book_title
from pipeline.common.text import display_width
from pipeline.extract.html_text import extract_html_text
from pipeline.extract.pdf_text import extract_pdf_text
from pipeline.structure.stage import Structured, structure_chapter
from pipeline.structure.unnumbered import unnumbered_level, unnumbered_title

PRINTED_WIDTH = 80   # display columns of a full printed line of the made-up pages


def printed(paragraphs: list[str]) -> str:
    """One-paragraph-per-line text as text extracted from a printed PDF: each paragraph
    wrapped at ``PRINTED_WIDTH``, its last line ending in a space, every line followed by
    a blank line."""
    out: list[str] = []
    for paragraph in paragraphs:
        line = ""
        for char in paragraph:
            if display_width(line + char) > PRINTED_WIDTH:
                out.append(line)
                line = ""
            line += char
        out.append(line + " ")
    return "\n\n".join(out) + "\n"


def html(paragraphs: list[str]) -> Structured:
    return structure_chapter(extract_html_text("\n".join(paragraphs), "tst2023-1-1"))


def pdf(paragraphs: list[str]) -> Structured:
    return structure_chapter(extract_pdf_text(printed(paragraphs), "tst2023-1-1"))


BOTH = pytest.mark.parametrize("read", [html, pdf], ids=["html-text", "pdf-text"])

# 厚生労働白書: 第1章 / はじめに / 第1節 / 1 / （1） / ① … まとめ … おわりに
MHLW = [
    "第1章　人口の動向",
    "はじめに",
    "本章では、我が国の人口の動向について、出生数、婚姻、高齢化の三つの観点から概観し、人口減少が"
    "社会保障制度に与える影響について整理することとする。",
    "第1節　出生数の推移",
    "1　出生数と合計特殊出生率",
    "（1）出生数の減少",
    "①出生数",
    "2022年の出生数は77万759人であり、前年より4万875人減少し、1899年の人口動態調査開始以来、"
    "初めて80万人を下回った。出生数の減少は、出産期の女性人口の減少と出生率の低下による。",
    "②合計特殊出生率",
    "2022年の合計特殊出生率は1.26であり、前年の1.30より低下し、2005年と並んで過去最低となった。"
    "年齢階級別にみると、20歳代の出生率が低下している。",
    "2　婚姻の動向",
    "婚姻件数は、2022年には50万4,930組となり、前年より3,740組増加したものの、長期的には減少傾向が"
    "続いている。平均初婚年齢は夫31.1歳、妻29.7歳となっており、晩婚化が進んでいる。",
    "【まとめ】",
    "以上のように、出生数の減少と晩婚化の進行は続いており、結婚や子育ての希望がかなう環境の整備に"
    "向けた総合的な取組を一層推進していくことが求められている。",
    "第2節　高齢化の進展",
    "高齢化率は29.1％となり、過去最高を更新した。65歳以上人口は3,623万人となっており、そのうち75歳"
    "以上人口は2,005万人と、初めて2,000万人を超えた。",
    "おわりに",
    "本章でみたように、人口構造の変化は社会保障の支え手と受け手の双方に大きな影響を及ぼしており、"
    "その持続可能性の確保に向けた取組が求められている。",
]


@BOTH
def test_unnumbered_headings_of_a_mhlw_chapter(read) -> None:  # type: ignore[no-untyped-def]
    result = read(MHLW)
    assert [(s["level"], s["label"], s["title"], s["flag"]) for s in result.sections] == [
        (1, "第1章", "人口の動向", None),
        (2, "", "はじめに", "unnumbered"),          # below the 章 it opens
        (2, "第1節", "出生数の推移", None),         # its numbering not disturbed
        (3, "1", "出生数と合計特殊出生率", None),
        (4, "（1）", "出生数の減少", None),
        (5, "①", "出生数", "numbering_only"), (5, "②", "合計特殊出生率", "numbering_only"),
        (3, "2", "婚姻の動向", None),
        (3, "", "まとめ", "unnumbered"),            # the 節's summary, in brackets
        (2, "第2節", "高齢化の進展", None),
        (2, "", "おわりに", "unnumbered"),          # a chapter's closing: below the 章
    ]
    parents = {s["title"]: s["parent_id"] for s in result.sections}
    ids = {s["title"]: s["section_id"] for s in result.sections}
    assert parents["はじめに"] == parents["出生数の推移"] == parents["おわりに"] == ids["人口の動向"]
    assert parents["まとめ"] == parents["婚姻の動向"] == ids["出生数の推移"]
    assert "はじめに" not in [p["text"] for p in result.paragraphs]


@BOTH
def test_words_that_make_no_heading_where_they_stand(read) -> None:  # type: ignore[no-untyped-def]
    """A heading word followed by a list's items (sentences as they may be), or opening a
    sentence, stays text; so does a word no list holds (``序章の概観``)."""
    lines = ["第1節　施策の概要",
             "概要",
             "・地域医療構想を推進する。",        # a list's items, though sentences
             "・医師の働き方改革を進める。",
             "はじめに、本節では施策の全体像を示す。各施策の詳細は第2節以降で述べることとし、ここでは"
             "その位置付けを整理する。",
             "序章の概観",
             "本節で取り上げる施策は、いずれも令和6年度から本格的に実施されるものであり、その効果の検証"
             "が今後の課題となっている。"]
    result = read(lines)
    assert [s["title"] for s in result.sections] == ["施策の概要"]


@pytest.mark.parametrize(("line", "found"), [
    ("はじめに", ("はじめに", "word")), ("【まとめ】", ("まとめ", "word")),
    ("●小括", ("小括", "word")), ("本章のまとめ", ("本章のまとめ", "word")),
    ("おわりに", ("おわりに", "closing")), ("＜結び＞", ("結び", "closing")),
    ("はじめに、本章では", None), ("まとめると", None), ("今後の課題のまとめ", None),
    ("【", None),
    ("本章のポイント", ("本章のポイント", "word")),
    ("ポイント", None),                   # alone, also a figure's word
])
def test_unnumbered_title(line: str, found: tuple[str, str] | None) -> None:
    assert unnumbered_title(line) == found


@pytest.mark.parametrize(("open_levels", "kind", "level"), [
    ([], "word", 2), ([1], "word", 2), ([1, 2], "word", 3), ([1, 2, 3, 4], "word", 3),
    ([2, 3], "word", 3), ([1, 2, 3], "closing", 2), ([2], "closing", 2),
])
def test_unnumbered_level(open_levels: list[int], kind: str, level: int) -> None:
    assert unnumbered_level(open_levels, kind) == level


def test_a_typed_source_is_left_to_its_type() -> None:
    """Only text with no type reads a heading word: a PDF has its type to tell it (the
    lines of a typed source are never looked at here)."""
    from pipeline.schemas import SourceLine
    from pipeline.structure.unnumbered import unnumbered_headings
    typed = [SourceLine(line=1, text="はじめに", page_index=0, size=10.0),
             SourceLine(line=2, text="本章では、人口の動向を概観する。", page_index=0, size=10.0)]
    assert unnumbered_headings(typed, 0, False) == {}


# 防衛白書: a 解説 box beside the text, a コラム with its label alone and its title under it;
# 環境白書: a 事例 box; 食料・農業・農村白書: 第1節 / （1） / ア イ and a コラム with its title
MOD = [
    "第2章　諸外国の防衛政策など",
    "第1節　米国",
    "1　安全保障・国防戦略",
    "国家防衛戦略は、統合抑止を中核的な考え方として掲げ、同盟国や同志国との協力を重視している。"
    "また、中国を最も重大な戦略的競争相手と位置付けている。",
    "解説　統合抑止とは",
    "統合抑止とは、あらゆる領域、地域、紛争の段階を通じて、政府全体及び同盟国などとの協力により、"
    "抑止力を高める考え方である。",
    "2　軍事態勢",
    "米国は、約131万人の現役兵力を有し、そのうち約17万人が海外に駐留している。インド太平洋地域には"
    "約6万人が前方展開している。",
    "コラム",
    "VOICE　在米国防衛駐在官の声",
    "私は、米国の国防総省との連絡調整を担当しています。日米同盟の強化に向けて、日々の業務に取り"
    "組んでいます。",
]
MAFF = [
    "第1節　食料自給率と食料自給力指標",
    "（1）食料自給率の動向",
    "ア　カロリーベースの食料自給率",
    "令和4年度のカロリーベースの食料自給率は、前年度と同じ38％となった。小麦の生産量が増加した一方、"
    "魚介類の生産量が減少したことなどによる。",
    "イ　生産額ベースの食料自給率",
    "令和4年度の生産額ベースの食料自給率は、前年度より5ポイント低い58％となった。輸入価格の上昇に"
    "より、輸入額が増加したことが主な要因である。",
    "事例　地域の学校給食での地場産物の活用",
    "ある町では、学校給食に地場産の野菜を使う取組を進めており、使用割合は5年間で2倍となった。"
    "生産者と学校の連携が進んでいる。",
    "コラム　日本産米の海外での評価",
    "海外の日本食レストランの増加に伴い、日本産米の需要が高まっている。輸出事業者による現地での"
    "試食会の開催などの取組も進められている。",
    "（2）食料自給力指標",
    "食料自給力指標は、我が国の農林水産業が有する潜在生産能力をフルに活用することにより得られる"
    "食料の供給熱量を示す指標である。",
]


@BOTH
def test_boxed_columns_of_mod_and_maff(read) -> None:  # type: ignore[no-untyped-def]
    mod = read(MOD)
    assert [(s["level"], s["label"], s["title"]) for s in mod.sections] == [
        (1, "第2章", "諸外国の防衛政策など"), (2, "第1節", "米国"),
        (3, "1", "安全保障・国防戦略"), (3, "2", "軍事態勢")]
    assert [p["text"] for p in mod.paragraphs if p["kind"] == "column"] == [
        "解説　統合抑止とは", "コラム", "VOICE　在米国防衛駐在官の声"]
    maff = read(MAFF)
    assert [(s["level"], s["label"]) for s in maff.sections] == [
        (2, "第1節"), (4, "（1）"), (5, "ア"), (5, "イ"), (4, "（2）")]
    assert [p["text"] for p in maff.paragraphs if p["kind"] == "column"] == [
        "事例　地域の学校給食での地場産物の活用", "コラム　日本産米の海外での評価"]


@pytest.mark.parametrize(("text", "label"), [
    ("コラム1-1", True), ("2-11", True), ("コラム　スマート農業の現場から", True),
    ("コラム１　脱炭素先行地域", True), ("解説　統合抑止とは", True),
    ("事例1-1-1　地域脱炭素の取組", True), ("トピックス　働き方改革", True),
    ("コラム", True), ("コラム3", True),
    ("解説", False),                          # 解説 alone may be a figure's word
    ("事例として、ある市の取組を紹介する。", False), ("コラムを参照されたい。", False),
    ("解説　統合抑止とは。", False),
    ("【コラム】スマート農業の現場から", True), ("【解説】", True), ("【事例1】地域の取組", True),
    ("【コラム】本文は次のとおりである。", False), ("【参考】資料", False),
])
def test_column_label(text: str, label: bool) -> None:
    assert is_column_label(text) is label


def test_bare_column_label() -> None:
    assert is_bare_column_label("コラム") and is_bare_column_label("コラム２")
    assert is_bare_column_label("【解説】") and is_bare_column_label("【事例2】")
    assert not is_bare_column_label("コラム　題名") and not is_bare_column_label("解説")
    assert not is_bare_column_label("【解説】統合抑止")


def test_a_sentence_after_a_bare_label_is_no_title() -> None:
    result = html(["第1節　米国", "コラム",
                   "米国の国防総省との連絡調整を担当している防衛駐在官の業務を紹介する。"])
    assert [p["kind"] for p in result.paragraphs] == ["column", "body"]


# 厚生労働白書, 防衛白書 on the web: footnotes numbered 注1 after the paragraph
NOTES = [
    "第1節　医療提供体制",
    "1　医師数の動向",
    "2022年の医師数は34万3,275人注1であり、人口10万対の医師数は274.7人となっている。医師の地域偏在"
    "が課題となっている注2。",
    "注1　医師・歯科医師・薬剤師統計による届出医師数。",
    "注2　医師偏在指標による。",
    "2　看護職員の動向",
    "看護職員数は約173万人（注3）となり、増加傾向にある。",
    "図表1-1　看護職員数の推移",
    "資料：厚生労働省「衛生行政報告例」",
    "注3　衛生行政報告例による就業者数。",
]


def test_footnotes_numbered_with_chu_in_one_paragraph_per_line_text() -> None:
    result = html(NOTES)
    assert [(n["number"], n["anchor"], n["text"], n["flag"]) for n in result.footnotes] == [
        ("1", "34万3,275人", "医師・歯科医師・薬剤師統計による届出医師数。", None),
        ("2", "課題となっている", "医師偏在指標による。", None),
        ("3", "約173万人", "衛生行政報告例による就業者数。", None),   # after a source
    ]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert body == ["2022年の医師数は34万3,275人であり、人口10万対の医師数は274.7人となっている。"
                    "医師の地域偏在が課題となっている。", "看護職員数は約173万人となり、増加傾向にある。"]
    assert not [p for p in result.paragraphs if p["kind"] == "note"]


def test_a_figures_notes_numbered_with_chu_stay_its_notes() -> None:
    """``注1：…`` under a caption is the figure's note, though the text before printed a
    marker 注1 (its footnote comes later); a ``注1　…`` line no marker in the text calls
    is a note too, as before; and a 章 or 節 ends the search for a marker."""
    result = html([
        "第1節　医療提供体制",
        "医師数は増加している注1。",
        "図表1-1　医師数の推移",
        "注1：各年12月31日現在。",
        "資料：厚生労働省「医師・歯科医師・薬剤師統計」",
        "注1　届出医師数による。",
        "第2節　介護",
        "介護職員数は増加している。",
        "注2　介護サービス施設・事業所調査による。",
    ])
    assert [(n["number"], n["anchor"]) for n in result.footnotes] == [("1", "増加している")]
    assert [p["text"] for p in result.paragraphs if p["kind"] == "note"] == [
        "注1：各年12月31日現在。", "注2　介護サービス施設・事業所調査による。"]


def test_book_title_printed_once_beside_a_page_number() -> None:
    """A book's title printed on one page only, beside its page number (an excerpt's one
    page foot), is a running head: before, it and the number were figure text."""
    text = printed([
        "第1章　人口の動向", "第1節　出生数の推移",
        "2022年の出生数は77万759人であり、前年より4万875人減少し、1899年の人口動態調査開始以来、"
        "初めて80万人を下回った。出生数の減少は、出産期の女性人口の減少による。",
    ]) + "\n令和５年版 厚生労働白書 \n\n 2 \n\n" + printed([
        " 都道府県別に合計特殊出生率をみると、沖縄県が1.70と最も高く、次いで宮崎県、鳥取県の順と"
        "なっており、東京都が1.04と最も低くなっている。"])
    result = structure_chapter(extract_pdf_text(text, "tst2023-1-1"))
    assert [(r["reason"], r["text"].strip()) for r in result.removed] == [
        ("running_header", "令和５年版 厚生労働白書"), ("page_number", "2")]
    assert [p["kind"] for p in result.paragraphs] == ["body", "body"]


@pytest.mark.parametrize(("text", "title"), [
    ("令和５年版 厚生労働白書", True), ("令和元年版　環境白書", True), ("2023年版 防衛白書", True),
    ("食料・農業・農村白書", True), ("年次経済財政報告", False), ("令和5年度 年次報告", True),
    ("男女共同参画白書 令和5年版", False),
    ("この点については、令和５年版厚生労働白書", False),   # a sentence's piece, long
    ("白書の概要", False),
])
def test_is_book_title(text: str, title: bool) -> None:
    assert is_book_title(text) is title


# 男女共同参画白書: its feature's figures labelled 特－1図; 労働経済白書: a 序章 before 第1章
CAO = [
    "序章　女性の所得向上に向けて",
    "第1節　女性の所得の現状",
    "1　男女間賃金格差の推移",
    "男性一般労働者の給与水準を100としたときの女性一般労働者の給与水準は74.8となっており、長期的には"
    "縮小傾向にあるものの、国際的にみると依然として大きい（特－1図）。",
    "特－1図　男女間所定内給与格差の推移",
    "（備考）厚生労働省「賃金構造基本統計調査」より作成。",
    "第1章　就業の状況",
    "第1節　就業者数",
    "令和5年の女性の就業者数は3,051万人となり、前年に比べ27万人増加した。生産年齢人口の女性の就業率"
    "は73.3％となっている。",
    "補章2　地域の雇用",
    "地方の有効求人倍率は、多くの地域で1倍を上回っており、人手不足が続いている状況にある。",
    "第2章　賃金の状況",
    "所定内給与額は、前年に比べ2.1％増加し、過去最高となった状況にある。",
    "終章",
    "今後の課題",
    "女性の経済的自立に向けては、就業継続の支援と、税・社会保障制度の見直しを一体として進めていく"
    "ことが求められる。",
]


@BOTH
def test_chapters_labelled_with_no_number(read) -> None:  # type: ignore[no-untyped-def]
    result = read(CAO)
    assert [(s["level"], s["label"], s["number"], s["title"]) for s in result.sections] == [
        (1, "序章", "", "女性の所得向上に向けて"),
        (2, "第1節", "1", "女性の所得の現状"), (3, "1", "1", "男女間賃金格差の推移"),
        (1, "第1章", "1", "就業の状況"), (2, "第1節", "1", "就業者数"),
        (1, "補章2", "2", "地域の雇用"),               # numbered apart from the chapters
        (1, "第2章", "2", "賃金の状況"),
        (1, "終章", "", "今後の課題")]                 # its title on the next line
    assert [(f["label"], f["number"], f["title"]) for f in result.figures] == [
        ("特－1図", "1", "男女間所定内給与格差の推移")]


@pytest.mark.parametrize(("line", "found"), [
    ("序章　人口減少社会の到来", ("序章", "", "人口減少社会の到来")),
    ("補章2　地域の雇用", ("補章2", "2", "地域の雇用")),
    ("序章", ("序章", "", "")),                       # its title on the next line
    ("終章　今後の課題", ("終章", "", "今後の課題")),
    ("序章では、本書の構成を述べた。", None),         # a sentence, no label
    ("序章　本書の構成と、各章で取り上げる論点について。", None),
    ("特集　女性の所得向上", None),                   # a part or a chapter: not the label's to say
])
def test_match_chapter_label(line: str, found: tuple[str, str, str] | None) -> None:
    from pipeline.structure.unnumbered import match_chapter_label
    heading = match_chapter_label(line)
    assert (None if heading is None else (heading.label, heading.number, heading.title)) == found
    assert heading is None or heading.level == 1


@pytest.mark.parametrize(("line", "label"), [
    ("特－1図　男女間賃金格差", "特－1図"), ("特-3表 男女別の状況", "特-3表"),
    ("特－1図に示すとおり", None),             # running text: no separator after the label
    ("1－1　調査の範囲", None),                # a manual's heading: no kind word
    ("特に1図", None),
])
def test_feature_captions(line: str, label: str | None) -> None:
    from pipeline.structure.patterns import match_caption
    found = match_caption(line)
    assert (None if found is None else found.label) == label


def test_a_heading_word_glued_to_a_footnote_line() -> None:
    """One-paragraph-per-line text that lost a line break glues the next heading to the
    footnote before it (``…を参照。まとめ``): split where running text follows, else
    left whole (``…。おわりに`` over a caption)."""
    result = html([
        "第1節　市場の動向", "1　市場規模", "市場規模は拡大した 1 。",
        "1　数値の詳細については巻末データ10を参照。まとめ",
        "以上のように、市場規模は拡大を続けており、今後も成長が見込まれる状況にある。",
        "2　市場の課題", "課題は多い 2 。", "2　調査は年1回行う。おわりに", "図表1-1　課題の一覧"])
    assert [(s["level"], s["label"], s["title"], s["flag"]) for s in result.sections] == [
        (2, "第1節", "市場の動向", None), (3, "1", "市場規模", None),
        (3, "", "まとめ", "unnumbered"), (3, "2", "市場の課題", None)]
    assert [(n["number"], n["text"]) for n in result.footnotes] == [
        ("1", "数値の詳細については巻末データ10を参照。"), ("2", "調査は年1回行う。おわりに")]


@pytest.mark.parametrize(("line", "label", "number"), [
    ("図表I-1-1-1　米国の国防予算の推移", "図表I-1-1-1", "1-1-1-1"),   # 防衛白書 on the web
    ("図表III-2-1-1　防衛力整備の水準", "図表III-2-1-1", "3-2-1-1"),
    ("図表IV-1　主要国の比較", "図表IV-1", "4-1"),
    ("図表Ⅰ-1-1-1　米国の国防予算の推移", "図表Ⅰ-1-1-1", "1-1-1-1"),   # in print
    ("図表I-1-1-1に示すとおり", None, None),
])
def test_captions_numbered_with_ascii_roman_parts(line: str, label: str | None,
                                                  number: str | None) -> None:
    from pipeline.structure.patterns import match_caption
    found = match_caption(line)
    assert (None if found is None else (found.label, found.number)) == (
        None if label is None else (label, number))
