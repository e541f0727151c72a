"""Text-source conventions on made-up texts: footnote markers set between spaces
(`` 7 ``), headings glued to the end of a URL, footnote or caption line, and footnote
numbering that restarts with a section. The rules are general, not tuned to a chapter."""

from __future__ import annotations

import pytest

from pipeline.extract.html_text import extract_html_text
from pipeline.extract.pdf_text import extract_pdf_text
from pipeline.structure.footnotes import is_marker_at, marker_span
from pipeline.structure.lines import glued_heading_at
from pipeline.structure.patterns import match_heading
from pipeline.structure.stage import Structured, structure_chapter
from pipeline.structure.units import OutlineTracker

SPACED = "\n".join([
    "第1節\u3000市場の動向",
    "1\u3000市場規模",
    "区分 3 の事業者の支出額 1 は、2016年以降増加し、2022年は578.9兆円 2 と予測されている 3 。",
    "図表1-1-1-1\u3000市場規模の推移",
    "（出典）テスト社 4 ",
    "1\u3000市場は支出額で測る。",
    "2\u3000各年の平均為替レートで換算した。",
    "3\u3000予測は調査会社による。",
    "4\u3000https://example.go.jp/data/pr-202302272\u3000情報通信産業 5 の国内総生産",
    "情報通信産業の国内総生産は増加した。",
    "5\u3000情報通信産業の範囲は9部門としている。3\u3000情報化投資 6 ",
    "情報化投資は横ばいであり、大手 5 社が Open RAN 7 など新しい設備に投資した。",
    "6\u3000テスト省「投資調査」",
    "https://example.go.jp/invest/index.html",
    "7\u3000第1部第3章第2節参照第2節\u3000通信分野の動向",
    "1\u3000国内の通信市場",
    "契約数 1 は増加した。",
    "図表1-2-1-1\u3000契約数の内訳2\u3000通信分野の現状",
    "1\u3000契約数はテスト統計による。",
])


@pytest.fixture(scope="module")
def spaced() -> Structured:
    return structure_chapter(extract_html_text(SPACED, "tst2023-1-1"))


def test_headings_glued_after_url_footnote_and_caption_lines(spaced: Structured) -> None:
    assert [(s["level"], s["label"], s["title"], s["line"]) for s in spaced.sections] == [
        (2, "第1節", "市場の動向", 1), (3, "1", "市場規模", 2),
        (3, "2", "情報通信産業の国内総生産", 9),      # after a URL that ends in a digit
        (3, "3", "情報化投資", 11),                   # after a footnote's sentence
        (2, "第2節", "通信分野の動向", 15),           # after a cross-reference 第2節参照
        (3, "1", "国内の通信市場", 16),
        (3, "2", "通信分野の現状", 18),               # after a caption's last word
    ]


def test_spaced_markers_link_by_the_numbering(spaced: Structured) -> None:
    assert [(n["number"], n["anchor"], n["para_id"] is not None, n["section_id"])
            for n in spaced.footnotes] == [
        ("1", "支出額", True, None), ("2", "578.9兆円", True, None),
        ("3", "予測されている", True, None),          # not the 3 of 区分 3, before marker 2
        ("4", "テスト社", True, None),
        ("5", "情報通信産業", False, "h003"), ("6", "情報化投資", False, "h004"),
        ("7", "Open RAN", True, None), ("1", "契約数", True, None),
    ]
    assert all(n["flag"] is None for n in spaced.footnotes)


def test_spaced_markers_leave_the_clean_text(spaced: Structured) -> None:
    body = [p["text"] for p in spaced.paragraphs if p["kind"] == "body"]
    assert body[0] == "区分 3 の事業者の支出額は、2016年以降増加し、2022年は578.9兆円と予測されている。"
    assert body[2] == "情報化投資は横ばいであり、大手 5 社が Open RANなど新しい設備に投資した。"
    assert [p["text"] for p in spaced.paragraphs if p["kind"] == "source"] == ["（出典）テスト社"]
    titles = [s["title"] for s in spaced.sections]
    assert "情報通信産業の国内総生産" in titles and "情報化投資" in titles
    markers = [(r["line"], r["text"]) for r in spaced.removed if r["reason"] == "footnote_marker"]
    assert markers == [(3, " 1 "), (3, " 2 "), (3, " 3 "), (5, " 4"), (9, " 5 "), (11, " 6"),
                       (12, " 7 "), (17, " 1 ")]


def test_marker_offsets_point_after_the_anchor(spaced: Structured) -> None:
    paragraphs = {p["para_id"]: p["text"] for p in spaced.paragraphs}
    for note in spaced.footnotes:
        if note["para_id"] is not None:
            text = paragraphs[note["para_id"]]
            assert text[:note["anchor_offset"]].endswith(note["anchor"])


def test_footnotes_go_on_over_a_url_line_and_restart_with_a_section(spaced: Structured) -> None:
    texts = {(n["number"], n["line"]): n["text"] for n in spaced.footnotes}
    assert texts[("4", 9)] == "https://example.go.jp/data/pr-20230227"
    assert texts[("6", 13)] == "テスト省「投資調査」https://example.go.jp/invest/index.html"
    assert texts[("7", 15)] == "第1部第3章第2節参照"
    assert texts[("1", 19)] == "契約数はテスト統計による。"
    assert not [p for p in spaced.paragraphs if p["text"].startswith("https://")]


@pytest.mark.parametrize(("text", "number", "marker"), [
    ("世界の市場（支出額） 1 は", "1", True),
    ("予測されている 4 （図表1-1）", "4", True),
    ("述べている 19 。", "19", True),
    ("（出典）ITU 4", "4", True),
    ("大手 5 社が", "5", False),           # a counter after the space: a quantity
    ("期間は 3 年", "3", False),
    ("約 3 割", "3", False),               # 約 before: a quantity
    ("手順は、 3 確認", "3", False),       # a list item after a comma
    ("June 2022", "2022", True),           # shape alone allows it: the numbering decides
])
def test_spaced_marker_shape(text: str, number: str, marker: bool) -> None:
    assert is_marker_at(text, text.index(" " + number) + 1, number) is marker


@pytest.mark.parametrize(("text", "number", "clean"), [
    ("市場（支出額） 1 は、", "1", "市場（支出額）は、"),
    ("（出典）ITU 4", "4", "（出典）ITU"),
    ("Open RAN 17 technology", "17", "Open RAN technology"),   # one space stays
    ("ＴＬＯ1の設立", "1", "ＴＬＯの設立"),                      # glued: the digits only
])
def test_marker_span(text: str, number: str, clean: str) -> None:
    start, end = marker_span(text, text.index(number), number)
    assert text[:start] + text[end:] == clean


def outline_after(*headings: str) -> OutlineTracker:
    outline = OutlineTracker()
    for text in headings:
        found = match_heading(text)
        assert found is not None
        outline.accept(found)
    return outline


@pytest.mark.parametrize(("text", "headings", "cut"), [
    ("https://x.go.jp/pr-202302272\u3000市場の動向", ("1\u3000市場",), 27),
    ("https://x.go.jp/pr-202302272\u3000市場の動向", ("2\u3000市場",), None),   # 3 expected
    ("施策の数は約12\u3000施策の数", ("1\u3000市場",), None),   # a number after a number
    ("図表4-2-1-2\u3000主要国の推移", ("1\u3000市場",), None),   # inside a caption label
    ("事業者別の内訳3\u3000通信分野", ("1\u3000市場", "2\u3000現状"), 7),
    ("事業者別の内訳3\u3000通信分野", ("1\u3000市場",), None),  # breaks the numbering
    ("19\u3000第1部第3章第2節参照第2節\u3000電気通信", ("第1節\u3000動向",), 14),
    ("19\u3000第1部第3章第2節参照第3節\u3000電気通信", ("第1節\u3000動向",), None),
    ("…を参照。（2）国内総生産", ("1\u3000市場", "（1）規模"), 5),
    ("第1\u3000刑法犯の認知状況", ("第1節\u3000犯罪情勢",), None),   # 第1 is one label
    ("第2\u3000特殊詐欺", ("第1節\u3000犯罪情勢", "1\u3000刑法犯"), None),
])
def test_glued_heading_continues_the_outline(text: str, headings: tuple[str, ...],
                                             cut: int | None) -> None:
    assert glued_heading_at(text, outline_after(*headings)) == cut


# ------------------------------------------------------- numbering runs in text formats

MAFF = "\n".join([      # 食料・農業・農村白書, one paragraph per line
    "第2節\u3000農業の持続的な発展",
    "（1）農業経営体の動向",
    "農業経営体数は92万9千経営体となり、前年に比べ4.5％減少した。",
    "①個人経営体",
    "個人経営体数は88万5千経営体で、前年に比べ5.0％減少した。",
    "②団体経営体",
    "団体経営体数は4万4千経営体で、前年に比べ1.6％増加した。",
    "図表1-2-1\u3000農業経営体数の推移",
    "資料：農林水産省「農業構造動態調査」",
    "（2）担い手の確保",
    "主な取組は次のとおりである。",
    "①農業大学校での研修",             # a list: no text between its items
    "②農地の確保の支援",
    "これらの取組により、新規就農者の定着を図っている。",
    "（3）農地の集積・集約化",
    "②及び③の取組は",                  # a lone ② (and a cut line): no run
    "担い手への農地の集積率は59.5％となった。",
])


def test_circled_sub_heads_read_from_their_run_in_html_text() -> None:
    """``①`` / ``②`` each standing alone and followed by a sentence are headings one
    below the open ``（1）``, flagged ``numbering_only`` (text has no type to confirm
    them); a list with no text between its items, and a lone ``②``, stay body text.
    Before: every ``①`` line was a body paragraph."""
    result = structure_chapter(extract_html_text(MAFF, "tst2024-1-2"))
    assert [(s["level"], s["label"], s["title"], s["flag"]) for s in result.sections] == [
        (2, "第2節", "農業の持続的な発展", None), (4, "（1）", "農業経営体の動向", None),
        (5, "①", "個人経営体", "numbering_only"), (5, "②", "団体経営体", "numbering_only"),
        (4, "（2）", "担い手の確保", None), (4, "（3）", "農地の集積・集約化", None)]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert ["①農業大学校での研修", "②農地の確保の支援", "②及び③の取組は"] == [
        t for t in body if t[0] in "①②"]


def double_spaced(*lines: str) -> str:
    """pdf-text: each printed line followed by a blank line."""
    return "\n\n".join(lines) + "\n"


FULL = "厚生労働白書の試験用の段落として書かれた本文の行であり、行の幅を埋めている文字列"


def test_circled_sub_heads_read_from_their_run_in_pdf_text() -> None:
    """The same in text extracted from a printed PDF (厚生労働白書's ``（1）`` / ``①``); a
    full line opening with ``①`` is the first line of a paragraph, not a heading."""
    text = double_spaced(
        "第1節 人口の動向 ", "（1） 出生数の減少 ", FULL, "出生数は減少した。 ",
        "① 婚姻数の減少 ", FULL, "婚姻数は減少した。 ",
        "② 晩産化の進行 ", "晩産化が進んでいる。 ",
        "（2） 出生率の動向 ", "①" + FULL[1:], "出生率は低下した。 ",
        "② 都道府県別の状況 ", "東京都が最も低い。 ")
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(s["level"], s["label"], s["title"], s["flag"]) for s in result.sections] == [
        (2, "第1節", "人口の動向", None), (4, "（1）", "出生数の減少", None),
        (5, "①", "婚姻数の減少", "numbering_only"), (5, "②", "晩産化の進行", "numbering_only"),
        (4, "（2）", "出生率の動向", None)]
    assert [(p["kind"], p["text"]) for p in result.paragraphs][:4] == [
        ("body", FULL + "出生数は減少した。"), ("body", FULL + "婚姻数は減少した。"),
        ("body", "晩産化が進んでいる。"), ("body", "①" + FULL[1:] + "出生率は低下した。")]


NPA = "\n".join([       # 警察白書: 第1 / 1 / (1) / ア / (ｱ), one paragraph per line
    "第2章\u3000生活安全の確保と犯罪捜査活動",
    "第1節\u3000犯罪情勢",
    "第1\u3000刑法犯の認知状況",
    "1\u3000認知件数の推移",
    "刑法犯認知件数は、2023年は70万3,351件と、2年連続で増加した。",
    "（1）街頭犯罪",
    "街頭犯罪の認知件数は、前年より増加した。",
    "ア\u3000自転車盗",
    "自転車盗は、街頭犯罪の中で最も多い。",
    "（ｱ）発生場所",
    "駐輪場での発生が約4割を占める。",
    "（ｲ）被害者の年齢",
    "被害者の約半数は10歳代及び20歳代である。",
    "イ\u3000ひったくり",
    "ひったくりの認知件数は、長期的に減少傾向にある。",
    "（2）重要犯罪",
    "重要犯罪の認知件数は、前年より増加した。",
    "2\u3000検挙状況",
    "刑法犯の検挙率は38.3％であった。",
    "第2\u3000特殊詐欺の情勢",
    "1\u3000認知件数及び被害額",
    "特殊詐欺の被害額は約452億円であった。",
    "2\u3000対策",
    "警察では、被害防止対策を推進している。",
])


def test_dai_n_outline_of_the_police_white_paper_in_html_text() -> None:
    """``第1`` (a run: ``第2`` follows, each over text) is a heading at 3 and the
    schemes under it go one level below their own. Before: ``1　認知件数の推移`` and
    ``2　対策`` were read as footnotes 1 and 2 (their 1 and 2 did not follow at level 3,
    where ``第1`` sits), and ``（1）`` took level 4."""
    result = structure_chapter(extract_html_text(NPA, "tst2024-2-1"))
    assert [(s["level"], s["label"], s["title"], s["flag"]) for s in result.sections] == [
        (1, "第2章", "生活安全の確保と犯罪捜査活動", None), (2, "第1節", "犯罪情勢", None),
        (3, "第1", "刑法犯の認知状況", "numbering_only"), (4, "1", "認知件数の推移", None),
        (5, "（1）", "街頭犯罪", None), (6, "ア", "自転車盗", None),
        (7, "（ｱ）", "発生場所", None), (7, "（ｲ）", "被害者の年齢", None),
        (6, "イ", "ひったくり", None), (5, "（2）", "重要犯罪", None),
        (4, "2", "検挙状況", None), (3, "第2", "特殊詐欺の情勢", "numbering_only"),
        (4, "1", "認知件数及び被害額", None), (4, "2", "対策", None)]
    assert result.footnotes == []
    assert len(result.paragraphs) == 10


def test_a_note_numbered_with_a_space_is_a_note() -> None:
    """``注1 …`` (its number, then a space) under a figure is a note like ``注1：…``, in
    both text formats. Before: a body paragraph."""
    note = "注1 合計特殊出生率は、15歳から49歳までの女性の年齢別出生率を合計したもの。 "
    printed = structure_chapter(extract_pdf_text(double_spaced(
        FULL, "出生率は低下した。 ", "図表1-1-2 合計特殊出生率の推移 ", note,
        "出典：厚生労働省「人口動態統計」 "), "tst2024-1-1"))
    web = structure_chapter(extract_html_text(
        "出生率は低下した。\n図表1-1-2\u3000合計特殊出生率の推移\n" + note.replace(" ", "\u3000", 1)
        + "\n出典：厚生労働省「人口動態統計」", "tst2024-1-2"))
    for result in (printed, web):
        assert [p["kind"] for p in result.paragraphs] == ["body", "caption", "note", "source"]
        assert result.figures[0]["notes"].replace("\u3000", " ") == note.strip()


def test_a_heading_set_under_dai_n_right_after_a_caption() -> None:
    """``2　対策`` right after a caption, under ``第2`` (so at level 4, where it follows
    ``1``), is a heading, not the caption's link text. Before: figure text, its body
    paragraph in the section before."""
    text = "\n".join(NPA.split("\n")[:-2] + ["図表2-3\u3000特殊詐欺の認知件数及び被害額の推移"]
                     + NPA.split("\n")[-2:])
    result = structure_chapter(extract_html_text(text, "tst2024-2-1"))
    assert [(s["level"], s["label"], s["title"]) for s in result.sections][-2:] == [
        (4, "1", "認知件数及び被害額"), (4, "2", "対策")]
    assert [(p["kind"], p["text"][:4]) for p in result.paragraphs][-2:] == [
        ("caption", "図表2-"), ("body", "警察では")]


def test_manual_sections_numbered_in_html_text() -> None:
    """A manual's ``1．`` / ``1－1`` and ``(a)`` in one-paragraph-per-line text: runs of
    headings, flagged ``numbering_only``; ``2－1``, alone under ``2．``, is one too (its
    label names the open section). Before the numbering was read in text, all body;
    then ``2－1`` alone (a run of one) stayed body."""
    text = "\n".join(["第1節\u3000調査", "1．総則", "本要領は調査の方法を定める。", "1－1\u3000目的",
                     "目的は次のとおりである。", "1－2\u3000範囲", "範囲は全国とする。", "2．計画",
                     "計画を定める。", "2－1\u3000方針", "方針は次のとおり。", "(a) 概要", "概要を示す。",
                     "(b) 詳細", "詳細を示す。", "3－1\u3000参考", "参考を示す。"])
    result = structure_chapter(extract_html_text(text, "tst-1"))
    assert [(s["level"], s["label"], s["title"]) for s in result.sections] == [
        (2, "第1節", "調査"), (3, "1．", "総則"), (4, "1－1", "目的"), (4, "1－2", "範囲"),
        (3, "2．", "計画"), (4, "2－1", "方針"), (5, "(a)", "概要"), (5, "(b)", "詳細")]
    assert {s["flag"] for s in result.sections[1:]} == {"numbering_only"}
    assert result.paragraphs[-2]["text"] == "3－1\u3000参考"     # names no open section


def test_a_section_label_alone_on_its_line_in_text() -> None:
    """``第1節`` alone on its line, its title on the next, in both text formats (as
    ``第1章`` already was): a heading at 2 with that title. Before: ``第1節`` and its
    title were body (html-text) or figure text (pdf-text)."""
    lines = ["第1章", "人口減少社会の到来", "第1節", "人口の動向", "1\u3000出生数", "出生数は減少した。"]
    web = structure_chapter(extract_html_text("\n".join(lines), "tst-1"))
    paper = structure_chapter(extract_pdf_text(double_spaced(
        *[" " + lines[0] + " "] + [line.replace("\u3000", " ") + " " for line in lines[1:-1]]
        + [FULL, lines[-1] + " "]), "tst-2"))
    for result in (web, paper):
        assert [(s["level"], s["label"], s["title"]) for s in result.sections] == [
            (1, "第1章", "人口減少社会の到来"), (2, "第1節", "人口の動向"), (3, "1", "出生数")]
        assert [p["kind"] for p in result.paragraphs] == ["body"]


def test_a_figures_items_over_its_notes_are_no_headings_in_text() -> None:
    """``(a)`` / ``(b)`` inside a figure, each over a note ending a sentence
    (``注：回答者のみ。``): a note is no running text, so the run heads none and the
    items stay the figure's. Before: two headings ``(a) 男性``, ``(b) 女性``."""
    text = "\n".join(["第1節\u3000調査", "1\u3000概要", "調査を実施した。", "図表1-1-1\u3000回答の内訳",
                     "(a) 男性", "注：回答者のみ。", "(b) 女性", "注：回答者のみ。", "資料：テスト省",
                     "2\u3000結果", "結果は次のとおり。"])
    result = structure_chapter(extract_html_text(text, "tst-1"))
    assert [s["label"] for s in result.sections] == ["第1節", "1", "2"]
    assert "(a) 男性" in [p["text"] for p in result.paragraphs]
