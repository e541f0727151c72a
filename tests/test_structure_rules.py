"""Structure rules on small made-up texts: the rules are general, not tuned to the
shipped chapters."""

from __future__ import annotations

import pytest

from pipeline.extract.html_text import extract_html_text
from pipeline.extract.pdf_text import extract_pdf_text
from pipeline.structure.footnotes import anchor_before
from pipeline.structure.stage import structure_chapter

HTML = "\n".join([
    "第2章\u3000テスト分野の動向",
    "第1節\u3000市場の概要",
    "1\u3000市場規模",
    "（1）売上高",
    "2018年度の売上高は1兆2,000億円であった1。調査は途中で途切れ\ufffd",
    "図表2-1-1-1\u3000売上高の推移2",
    "（出典）テスト省「テスト調査」（2019）",
    "1\u3000売上高は税込みである。",
    "2\u3000数値の詳細は巻末を参照。（2）事業者数",
    "事業者数は増加した。",
])


def test_one_paragraph_per_line_layout() -> None:
    result = structure_chapter(extract_html_text(HTML, "tst2019-2-1"))
    assert [(s["level"], s["title"]) for s in result.sections] == [
        (1, "テスト分野の動向"), (2, "市場の概要"), (3, "市場規模"), (4, "売上高"), (4, "事業者数")]
    body = [p for p in result.paragraphs if p["kind"] == "body"]
    assert body[0]["flag"] == "cut_upstream" and "であった。調査" in body[0]["text"]
    assert [(f["number"], f["anchor"], f["text"]) for f in result.footnotes] == [
        ("1", "億円であった", "売上高は税込みである。"), ("2", "推移", "数値の詳細は巻末を参照。")]
    figure = result.figures[0]
    assert (figure["label"], figure["title"], figure["source"]) == (
        "図表2-1-1-1", "売上高の推移", "（出典）テスト省「テスト調査」（2019）")


def printed(lines: list[str]) -> str:
    """Lines as text extracted from a printed PDF: each followed by a blank line."""
    return "\n\n".join(lines) + "\n"


W = "あ" * 40    # a full line of the made-up page


def test_printed_layout_joins_across_a_footnote_block_and_a_page_break() -> None:
    text = printed([
        " 第3章 ",
        "第1節 テストの仕組み ",
        " １ 概要 ",
        "（１） 現状 ",
        W[:-4] + "ＡＢＣ1",
        W,
        W[:-2] + "「テ",
    ]) + " " * 50 + "\n1  Alpha Beta Centre \n ストの会議」において" + W[:30] + "\n\n" + printed([
        "検討した。 ",
        "ア 細目 ",
        W[:20] + "尖",
    ]) + "とが\n\nった" + W[:10] + "した。 \n"
    result = structure_chapter(extract_pdf_text(text, "tst2019-3-1"))
    assert [(s["level"], s["label"], s["title"]) for s in result.sections] == [
        (1, "第3章", ""), (2, "第1節", "テストの仕組み"), (3, "１", "概要"), (4, "（１）", "現状"),
        (5, "ア", "細目")]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert body[0].endswith("「テストの会議」において" + W[:30] + "検討した。")
    assert "ＡＢＣ1" not in body[0] and "ＡＢＣ" in body[0]
    assert body[1] == W[:20] + "尖った" + W[:10] + "した。"
    note = result.footnotes[0]
    assert (note["number"], note["anchor"], note["text"]) == ("1", "ＡＢＣ", "Alpha Beta Centre")
    assert {r["reason"] for r in result.removed} >= {"ruby", "footnote_marker"}



def page_foot_notes(body: str, note: str) -> list[dict[str, object]]:
    """The footnote rows of a made-up PDF page: one body line and one line the adapter
    hinted as a footnote, in smaller type."""
    from pipeline.schemas import Extracted, Layout, SourceLine

    lines = (SourceLine(1, body, page_index=1, x0=50, size=10),
             SourceLine(2, note, page_index=1, hint="footnote", x0=50, size=8))
    layout = Layout(wrapped=True, footnotes="hinted")
    return structure_chapter(Extracted("x-1", "pdf", layout, lines)).rows("footnotes")


def test_a_footnote_without_a_readable_number_is_kept_and_flagged() -> None:
    """A line the PDF adapter marks as a footnote but whose number it could not read
    (another ministry's `１　…` convention, say) is a footnote row with an empty number
    and ``flag = unnumbered``; the schema allows it, so the chapter still publishes."""
    from pipeline.schemas import DATASETS

    [note] = page_foot_notes("本文の段落です。この文には注がある。",
                             "注釈の本文で、番号が読めなかったもの。")
    assert (note["number"], note["flag"], note["para_id"]) == ("", "unnumbered", None)
    assert note["text"] == "注釈の本文で、番号が読めなかったもの。"
    fields = {f.name: f for f in DATASETS["footnotes"].fields}
    assert not fields["number"].required and "unnumbered" in fields["flag"].allowed


@pytest.mark.parametrize(("number", "linked", "flag"), [
    ("1", True, None), ("1", False, "unlinked"), ("", False, "unnumbered"),
    (None, True, "unnumbered"),
])
def test_footnote_flags(number: str | None, linked: bool, flag: str | None) -> None:
    from pipeline.structure.stage import footnote_flag

    assert footnote_flag(number, linked) == flag


@pytest.mark.parametrize("note", ["※1　出典は文部科学省調べ。", "（注1）出典は文部科学省調べ。",
                                  "注1　出典は文部科学省調べ。", "１　出典は文部科学省調べ。"])
def test_footnote_forms_of_a_pdf_foot(note: str) -> None:
    """Each common way a page foot numbers its notes gives footnote 1, its text without
    the number, linked to the word before the marker."""
    [row] = page_foot_notes("本文の段落です。この調査1は重要である。", note)
    assert (row["number"], row["text"], row["para_id"], row["anchor"], row["flag"]) == (
        "1", "出典は文部科学省調べ。", "p0001", "調査", None)


UNLABELLED = "\n".join([
    "第1節\u3000市場の概要",
    "1\u3000市場規模",
    "売上高は増加した。",
    "■参考データ　事業者数の推移",
    "資料：テスト省「テスト調査」",
    "URL：https://www.example.go.jp/data.html#f001",
    "事業者数は減少した。",
    "資料：テスト省「別の調査」",
])


def test_title_before_a_source_line_is_an_unlabelled_caption() -> None:
    """A short line that is no sentence, followed by a source line, is a figure's title
    printed without a numbered label; its labelled URL line stays with the source. A
    sentence before a source line stays body text."""
    result = structure_chapter(extract_html_text(UNLABELLED, "tst2019-2-1"))
    assert [(f["label"], f["number"], f["title"], f["source"], f["flag"])
            for f in result.figures] == [
        ("", "", "■参考データ　事業者数の推移",
         "資料：テスト省「テスト調査」\nURL：https://www.example.go.jp/data.html#f001",
         "unlabelled")]
    assert [p["text"] for p in result.paragraphs if p["kind"] == "body"] == [
        "売上高は増加した。", "事業者数は減少した。"]


def test_a_number_before_a_source_line_is_no_title() -> None:
    """The last cell of a table the finder missed (``5.3``) stands right before the
    source line: a number is no figure's title."""
    text = "\n".join(["第1節\u3000市場の概要", "1\u3000市場規模", "売上高は増加した。",
                      "地熱", "5.3", "資料：テスト省「テスト調査」"])
    result = structure_chapter(extract_html_text(text, "tst2019-2-1"))
    assert result.figures == []
    assert "5.3" in [p["text"] for p in result.paragraphs]


def test_a_unit_line_is_a_note_of_its_figure() -> None:
    """``（単位：億円）`` under a table's caption says what its figures are in: a note of
    the figure, not body text."""
    text = "\n".join(["第1節\u3000市場の概要", "1\u3000市場規模", "売上高は増加した。",
                      "図表1-1-1\u3000予算の推移", "（単位：億円）", "資料：テスト省「予算書」",
                      "単位：千人と書かれた行の後も本文は続く。"])
    result = structure_chapter(extract_html_text(text, "tst2019-2-1"))
    assert [(f["label"], f["notes"], f["source"]) for f in result.figures] == [
        ("図表1-1-1", "（単位：億円）", "資料：テスト省「予算書」")]
    kinds = {p["text"]: p["kind"] for p in result.paragraphs}
    assert kinds["（単位：億円）"] == "note"


@pytest.mark.parametrize(("text", "anchor"), [
    ("前年から1万515人増加した", "増加した"),          # 人 is the number's counter
    ("売上高は1,234億円増加した", "増加した"),
    ("研究開発が進展している", "進展している"),
    ("経済成長が加速した", "加速した"),                  # が: the kanji before the kana
])
def test_a_footnote_anchor_leaves_the_number_its_counter(text: str, anchor: str) -> None:
    assert anchor_before(text, len(text)) == anchor


@pytest.mark.parametrize(("text", "anchor"), [
    ("2023年には47万4,717組", "47万4,717組"),        # 万 between the figure's digits
    ("歳出総額は114兆3,812億円", "114兆3,812億円"),
    ("出生数は72万7,288人", "72万7,288人"),
])
def test_a_footnote_anchor_takes_a_figure_written_with_man_oku_whole(text: str,
                                                                     anchor: str) -> None:
    assert anchor_before(text, len(text)) == anchor


@pytest.mark.parametrize("head", ["令和５年版 国土交通白書", "第Ⅰ部 インフラの新たな展開"])
def test_printed_layout_furniture_of_other_white_papers(head: str) -> None:
    """Text from another ministry's PDF: the book's title (printed the same beside
    every page number) or a part numbered in Roman numerals as the running head, and
    page numbers set between dashes (``－ 2 －``): furniture, not body."""
    text = (printed([" 第１章 試験の章 ", W, W[:-4] + "効率化を"])
            + f"\n{head} \n\n  － 2 － \n\n\n\n"
            + printed([" 進めるとともに、支援を強化している。"])
            + f"\n{head} \n\n  － 3 － \n")
    result = structure_chapter(extract_pdf_text(text, "tst2023-1-1"))
    assert [(r["text"], r["reason"]) for r in result.removed] == [
        (head, "running_header"), ("－ 2 －", "page_number"),
        (head, "running_header"), ("－ 3 －", "page_number")]
    assert not any(head in p["text"] for p in result.paragraphs)


def test_front_matter_numbered_in_roman_numerals() -> None:
    """Front matter's page numbers printed alone in small roman numerals (``ⅲ``, ``iv``),
    rising page by page, are page numbers; a figure's items ``ⅰ`` ``ⅱ`` on lines close
    together are not. Before: ``ⅲ`` and ``ⅳ`` were figure text."""
    text = printed(["はじめに ", W, W, W[:10] + "作成した。 ", "ⅲ "]) + printed(
        [" 本章の構成は次のとおりである。" + W[:22], W, W[:8] + "紹介する。 ", "ⅳ "])
    result = structure_chapter(extract_pdf_text(text, "tst2024-0-1"))
    assert [(r["text"], r["reason"]) for r in result.removed] == [
        ("ⅲ", "page_number"), ("ⅳ", "page_number")]
    assert not any(p["text"] in ("ⅲ", "ⅳ") for p in result.paragraphs)
    items = printed(["図の凡例 ", "ⅰ ", "国の施策 ", "ⅱ ", "地方の施策 "])
    assert structure_chapter(extract_pdf_text(items, "tst2024-0-2")).removed == []
    one = printed([W, W[:10] + "作成した。 ", "ⅱ "])          # one alone: no evidence
    assert structure_chapter(extract_pdf_text(one, "tst2024-0-3")).removed == []


def test_a_page_number_under_its_page_numbers_that_page() -> None:
    """A footer (the book's title and ``－ 2 －`` under the page's text, the next page's
    first line set after it beginning with a space) numbers the page above it, not the
    next one; a header over its page (the first line after it not space-led) numbers
    the page below it, as before. Before: every footer's number went to the page after,
    and the chapter's first page had none."""
    head = "令和６年版 厚生労働白書"
    text = (printed([" 第１章 試験の章 ", W, W[:-4] + "効率化を"])
            + f"\n{head} \n\n  － 2 － \n\n"
            + printed([" 進めるとともに、支援を強化している。 ", "（１） 現状 ", W[:8] + "増加した。 "])
            + f"\n{head} \n\n  － 3 － \n")
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(s["label"], s["page"]) for s in result.sections] == [("第１章", "2"), ("（１）", "3")]
    assert [(p["page"], p["text"][-5:]) for p in result.paragraphs] == [
        ("2", "化している。"[-5:]), ("3", "増加した。")]
    assert [r["page_index"] for r in result.removed] == [1, 1, 2, 2]
    headers = (f" {head} \n\n 12 \n\n" + printed(["第２節 試験の節 ", W[:8] + "増加した。 "])
               + f" {head} \n\n 13 \n\n" + printed(["（１） 現状 ", W[:8] + "減少した。 "]))
    result = structure_chapter(extract_pdf_text(headers, "tst2024-1-2"))
    assert [(s["label"], s["page"]) for s in result.sections] == [("第２節", "12"), ("（１）", "13")]


def test_a_footnote_block_ends_with_its_page() -> None:
    """The first line of the next page (`` 2 検挙状況``, after the footnote block and the
    page's footer) is a heading, not footnote 2: footnotes stand at their page's foot.
    Before: footnote 2 with the text 検挙状況."""
    head = "令和６年版 警察白書"
    text = (printed([" 第1節 犯罪情勢 ", "1 認知件数の推移 ", W[:12] + "である※1。 ",
                     " " * 20, "※1 2023年中の統計による。 ", head + " ", " 25 "])
            + printed([" 2 検挙状況 ", W[:10] + "であった。 ", head + " ", " 26 "]))
    result = structure_chapter(extract_pdf_text(text, "tst2024-2-1"))
    assert [(s["label"], s["title"], s["page"]) for s in result.sections] == [
        ("第1節", "犯罪情勢", "25"), ("1", "認知件数の推移", "25"), ("2", "検挙状況", "26")]
    assert [(n["number"], n["text"], n["flag"]) for n in result.footnotes] == [
        ("1", "2023年中の統計による。", None)]


@pytest.mark.parametrize("dashes", ["- {} -", "－ {} －", "‐{}‐", "— {} —"])
def test_pages_parted_by_form_feeds(dashes: str) -> None:
    """Text from pdftotext: a form feed before each page's first line, the opening
    page's number (``- 1 -``) flush left with no running head beside it. The feeds are
    the pages: ``- 1 -`` is page 1's number and each footer numbers the page above it.
    Before: the feed hid the next page's leading space, so ``- 1 -`` and the paragraph's
    end after it were figure text and every footer numbered the page after it."""
    head = "令和６年版 厚生労働白書"
    text = (printed([" 第１章 試験の章 ", W, W, W[:-4] + "効率化を"]) + dashes.format(1) + "\n\n\f"
            + printed([" 進めるとともに、支援を強化している。 ", "（１） 現状 ", W[:8] + "増加した。 "])
            + f"{head} \n\n {dashes.format(2)} \n\n\f" + printed([" （２） 課題 ", W[:8] + "減少した。 "])
            + f"{head} \n\n {dashes.format(3)} \n\f")
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(r["text"], r["reason"], r["page_index"]) for r in result.removed] == [
        (dashes.format(1), "page_number", 1), (head, "running_header", 2),
        (dashes.format(2), "page_number", 2), (head, "running_header", 3),
        (dashes.format(3), "page_number", 3)]
    assert [(s["label"], s["page"]) for s in result.sections] == [
        ("第１章", "1"), ("（１）", "2"), ("（２）", "3")]
    assert [(p["kind"], p["page"]) for p in result.paragraphs] == [
        ("body", "1"), ("body", "2"), ("body", "3")]
    assert result.paragraphs[0]["text"].endswith("効率化を進めるとともに、支援を強化している。")


def test_form_fed_pages_numbered_with_no_running_head() -> None:
    """Form-fed pages whose only furniture is the number at the foot (``- 2 -``): a
    page's last line holding a number, agreeing with the other pages' on one offset from
    the page index, is its page number; a figure's ``1`` at the foot of a page that
    prints no number agrees with none and stays. Before: every number was text."""
    def page(k: int) -> list[str]:
        return ["う" * k + W[k:], W[:8] + "増加した。 "]
    text = (printed([" 第１節 試験の節 "] + page(1) + ["- 2 -"]) + "\f"
            + printed([" （１） 現状 "] + page(2) + ["図表1-1 推移 ", "0 ", "1 "]) + "\f"
            + printed([" （２） 課題 "] + page(3) + ["- 4 -"]))
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(r["text"], r["reason"]) for r in result.removed] == [
        ("- 2 -", "page_number"), ("- 4 -", "page_number")]
    assert [(s["label"], s["page"]) for s in result.sections] == [
        ("第１節", "2"), ("（１）", "3"), ("（２）", "4")]


def test_a_full_line_opening_with_a_label_inside_a_paragraph_is_body() -> None:
    """A paragraph wraps so that a line starts with ``（2）`` (an item named in running
    text) and fills the line: it goes on with the paragraph, and the ``（2）`` heading
    after it keeps its place. Before: a heading ``（2）研究開発法人の…``, its paragraph
    cut, and the real ``（2） 課題`` and its text figure text."""
    item = "（2）研究開発法人の役割の明確化と機能強化の二点であり、政府は関係機関と連携し"
    text = printed([" 第1章 試験 ", "（1） 現状 ", W, "取組の方向性は、（1）大学改革の推進と、" + W[:20],
                    item, "見直しを行った。 ", "（2） 課題 ", W, W[:8] + "減少した。 "])
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(s["label"], s["title"]) for s in result.sections] == [
        ("第1章", "試験"), ("（1）", "現状"), ("（2）", "課題")]
    assert [(p["kind"], p["text"][-8:]) for p in result.paragraphs] == [
        ("body", "連携し見直しを行った。"[-8:]), ("body", W[-3:] + "減少した。")]


def test_a_last_line_printed_the_same_on_two_pages_is_no_running_head() -> None:
    """A paragraph's last line (``いる。``) set just above the footer on two pages is
    printed the same beside two page numbers, but a line ending a sentence is text,
    never a running head. Before: both went to ``removed`` as running headers."""
    head = "令和６年版 厚生労働白書"
    text = (printed([" 第１章 試験の章 ", W, W[:-4] + "進めて", "いる。 "])
            + f"{head} \n\n － 2 － \n\n"
            + printed([" （１） 現状 ", W, W[:-4] + "進めて", "いる。 "])
            + f"{head} \n\n － 3 － \n")
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(r["text"], r["reason"]) for r in result.removed] == [
        (head, "running_header"), ("－ 2 －", "page_number"),
        (head, "running_header"), ("－ 3 －", "page_number")]
    assert [p["text"][-5:] for p in result.paragraphs] == ["進めている。"[-5:]] * 2


def test_a_page_number_with_no_running_head_beside_it() -> None:
    """A chapter's opening page prints its number (``－ 1 －``) with no running head;
    one less than the next page's number (found beside the book's title), a page's lines
    away, it is a page number too. Before: glued to the end of the paragraph above it."""
    head = "令和６年版 厚生労働白書"
    text = (printed([" 第１章 試験の章 ", W, W, W[:-4] + "効率化を"]) + "  － 1 － \n\n"
            + printed([" 進めるとともに、支援を強化している。 ", "（１） 現状 ", W[:8] + "増加した。 "])
            + f"{head} \n\n － 2 － \n\n" + printed([" （２） 課題 ", W[:8] + "減少した。 "])
            + f"{head} \n\n － 3 － \n")
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(r["text"], r["reason"], r["page_index"]) for r in result.removed][:3] == [
        ("－ 1 －", "page_number", 1), (head, "running_header", 2), ("－ 2 －", "page_number", 2)]
    assert [(s["label"], s["page"]) for s in result.sections] == [
        ("第１章", "1"), ("（１）", "2"), ("（２）", "3")]
    assert result.paragraphs[0]["text"].endswith("効率化を進めるとともに、支援を強化している。")
    figure = printed([" 第１章 試験の章 ", W[:8] + "増加した。 ", "図表1-1 推移 ", "0 ", "1 ",
                      "資料：厚生労働省「統計」 ", "（１）の動向は次のとおり。 "])
    figure += f"{head} \n\n － 2 － \n\n" + printed([" （１） 現状 "]) + f"{head} \n\n － 3 － \n"
    assert "1" not in [r["text"] for r in structure_chapter(
        extract_pdf_text(figure, "tst2024-1-2")).removed]        # a figure's 1: too close


def test_a_source_line_wraps_in_printed_text() -> None:
    """A source line too long for one printed line ends in no space (a complete line
    does) and goes on in the next: the figure's source is both lines. Before: the
    second line was figure text and the source was cut."""
    source = "資料：厚生労働省「人口動態統計」、総務省「人口推計」を基に厚生労働省政策統括官付政策立案"
    text = printed([" 第1章 試験 ", "（1） 現状 ", W, W[:8] + "増加した。 ", "図表1-1-3 出生数の推移 ",
                    source, "・評価担当参事官室において作成 ", W, W[:8] + "減少した。 "])
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [f["source"] for f in result.figures] == [source + "・評価担当参事官室において作成"]
    assert [p["kind"] for p in result.paragraphs] == ["body", "caption", "source", "body"]
    single = printed([" 第1章 試験 ", "（1） 現状 ", W, W[:8] + "増加した。 ", "図表1-1-3 出生数の推移 ",
                      "資料：厚生労働省「人口動態統計」 ", "（2） 課題 ", W[:8] + "減少した。 "])
    result = structure_chapter(extract_pdf_text(single, "tst2024-1-2"))
    assert [s["label"] for s in result.sections] == ["第1章", "（1）", "（2）"]


def test_a_chapter_heading_under_the_footer_of_the_page_before() -> None:
    """The chapter's heading opens the page after a footer (its first line, beginning
    with a space, right after the page number): a heading, not a running head of that
    footer. Before: removed as a running header, the chapter lost its heading."""
    head = "令和６年版 厚生労働白書"
    text = (printed([" はじめに ", W, W[:8] + "作成した。 "]) + f"{head} \n\n － 1 － \n\n"
            + printed([" 第1章 人口減少社会の到来 ", W, W[:8] + "増加した。 "])
            + f"{head} \n\n － 2 － \n\n"
            + printed([" （1） 現状 ", W[:8] + "減少した。 "]) + f"{head} \n\n － 3 － \n")
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(s["label"], s["title"], s["page"]) for s in result.sections] == [
        ("", "はじめに", "1"),          # an unnumbered heading by its word (``unnumbered``)
        ("第1章", "人口減少社会の到来", "2"), ("（1）", "現状", "3")]
    assert [r["reason"] for r in result.removed] == ["running_header", "page_number"] * 3


def test_footnotes_numbered_with_chu_below_the_rule() -> None:
    """Footnotes printed ``注1 …`` below the footnote rule, their markers ``注1`` and
    ``（注2）`` in the text: footnotes linked to the word before the marker, the marker
    taken out whole. Before: two notes, the markers left in the text."""
    text = printed([" 第1章 試験 ", W, W[:8] + "減少した注1。増加した（注2）。 ", " " * 20,
                    "注1 人口動態統計による。 ", "注2 概数である。 "])
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [p["text"] for p in result.paragraphs] == [W + W[:8] + "減少した。増加した。"]
    assert [(n["number"], n["text"], n["anchor"], n["flag"]) for n in result.footnotes] == [
        ("1", "人口動態統計による。", "減少した", None), ("2", "概数である。", "増加した", None)]
    assert [(r["text"], r["reason"]) for r in result.removed] == [
        ("注1", "footnote_marker"), ("（注2）", "footnote_marker")]


def test_a_short_chapter_measures_its_lines_in_a_band() -> None:
    """A short chapter's full lines differ by a column where half-width figures fall
    (77, 74), so no width is commoner than a wrapped heading's first line (58): the
    body's measure is the band holding most lines, and the paragraphs are body. Before:
    the measure was 58 and every paragraph figure text."""
    text = printed([
        "第1節 食料自給率の動向と食料安全保障の確立に向けた取組の推", "進について ",
        "ア カロリーベース ",
        "令和4年度の食料自給率は、カロリーベースで38％となった。小麦の単収が増加した一",
        "方で、油脂類の輸入価格が上昇したことなどにより、前年度と同水準となった。 ",
        "イ 生産額ベース ",
        "令和4年度の生産額ベースの食料自給率は58％となり、前年度に比べ5ポイント低下",
        "した。輸入された食料の価格が上昇したことなどによるものである。 "])
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [(s["label"], s["title"]) for s in result.sections] == [
        ("第1節", "食料自給率の動向と食料安全保障の確立に向けた取組の推進について"),
        ("ア", "カロリーベース"), ("イ", "生産額ベース")]
    assert [p["kind"] for p in result.paragraphs] == ["body", "body"]


def test_headers_over_their_pages_stay_headers_before_a_space_led_line() -> None:
    """A document that sets its running head and page number over each page (st2019's
    way): a page whose first line after them begins with a space (a heading `` １ 課題``)
    is still numbered by the block over it, as the document's other pages are. Before:
    read as a footer, its number went to the page above."""
    head = "第１部 試験の部 "
    text = printed([" 第１章 試験の章 ", W, W[:8] + "増加した。 "]) + printed(
        [head, " 12 ", "（１） 現状 ", "い" * 40, W[:8] + "減少した。 ", head, " 13 ", " １ 課題 ",
         "う" * 40, W[:8] + "横ばいである。 ", head, " 14 ", "（１） 概要 ", "え" * 40,
         W[:8] + "増加した。 "])
    result = structure_chapter(extract_pdf_text(text, "tst2019-1-1"))
    assert [(s["label"], s["page"]) for s in result.sections] == [
        ("第１章", "11"), ("（１）", "12"), ("１", "13"), ("（１）", "14")]


def test_numbered_notes_are_notes_of_their_figure() -> None:
    """``注1）`` and ``（注２）`` under a figure's source are its notes, as ``注：`` is
    (bousai2024-t2-1 prints both forms under its tables)."""
    text = "\n".join(["第1節\u3000市場の概要", "1\u3000市場規模", "売上高は増加した。",
                      "図表1-1-1\u3000予算の推移", "資料：テスト省「予算書」",
                      "注1）速報値である。", "（注２）単位未満を四捨五入した。", "次の本文が続く。"])
    result = structure_chapter(extract_html_text(text, "tst2019-2-1"))
    assert [f["notes"] for f in result.figures] == ["注1）速報値である。\n（注２）単位未満を四捨五入した。"]
    assert [p["kind"] for p in result.paragraphs][-3:] == ["note", "note", "body"]


def test_notes_numbered_with_a_closing_bracket_go_on() -> None:
    """``注：1） …`` then ``2） …`` (食料・農業・農村白書) are two notes of the figure, in
    both text formats; a ``（2）`` heading after them is no note. Before: ``2）`` was
    figure text."""
    lines = ["図表1-1-2\u3000食料自給率の推移", "注：1）令和4年度は概算値。", "2）飼料自給率を反映。",
             "資料：農林水産省「食料需給表」", "（2）\u3000食料安全保障", "食料の安定供給が重要である。"]
    web = structure_chapter(extract_html_text("\n".join(["（1）\u3000自給率"] + lines), "tst-1"))
    paper = structure_chapter(extract_pdf_text(printed(
        ["（1） 自給率 "] + [line.replace("\u3000", " ") + " " for line in lines[:-1]]
        + [W, lines[-1] + " "]), "tst-2"))
    for result in (web, paper):
        assert [p["kind"] for p in result.paragraphs] == [
            "caption", "note", "note", "source", "body"]
        assert [f["notes"] for f in result.figures] == ["注：1）令和4年度は概算値。\n2）飼料自給率を反映。"]
        assert [s["label"] for s in result.sections] == ["（1）", "（2）"]


@pytest.mark.parametrize("mark", ["*", "＊", "※"])
def test_footnotes_marked_with_a_sign_before_the_number(mark: str) -> None:
    """Some ministries mark footnotes ``*1`` / ``※1`` in the text and in the note line:
    the note is a footnote, its marker (sign and number) comes out of the text."""
    text = "\n".join(["第1節\u3000人口の動向", "1\u3000出生数",
                      f"出生数は77万759人{mark}1で、過去最少となった。",
                      f"婚姻件数は減少が続いている{mark}2。",
                      f"{mark}1\u3000日本における日本人の出生数である。",
                      f"{mark}2\u3000届出のあった件数による。"])
    result = structure_chapter(extract_html_text(text, "tst2019-2-1"))
    assert [(f["number"], f["text"], f["para_id"]) for f in result.footnotes] == [
        ("1", "日本における日本人の出生数である。", "p0001"),
        ("2", "届出のあった件数による。", "p0002")]
    assert [p["text"] for p in result.paragraphs] == [
        "出生数は77万759人で、過去最少となった。", "婚姻件数は減少が続いている。"]


@pytest.mark.parametrize("label", ["コラム　こども家庭庁の発足", "コラム１　脱炭素先行地域"])
def test_a_column_label_with_its_title_is_no_heading(label: str) -> None:
    """A boxed column's label with its title (``コラム　…``) labels the column; it opens
    no section, so the text after it stays under the section it is printed in."""
    text = "\n".join(["第1節\u3000人口の動向", "1\u3000出生数", "出生数は減少した。", label,
                      "こども家庭庁が発足した。", "2\u3000婚姻数", "婚姻数も減少した。"])
    result = structure_chapter(extract_html_text(text, "tst2019-2-1"))
    assert [s["title"] for s in result.sections] == ["人口の動向", "出生数", "婚姻数"]
    assert {p["text"]: p["kind"] for p in result.paragraphs}[label] == "column"


def test_a_sentence_opening_with_koramu_is_body() -> None:
    text = "\n".join(["第1節\u3000人口の動向", "1\u3000出生数", "コラムでは、次のように述べる。"])
    result = structure_chapter(extract_html_text(text, "tst2019-2-1"))
    assert [p["kind"] for p in result.paragraphs] == ["body"]
