"""Layout evidence measured per document, on made-up PDFs (reportlab), one per convention:
two lines set close together, fake bold in a font the rules do not know, an unnumbered
heading in larger type, a bulleted heading, an English running footer, and footnotes
numbered ``１　…`` that restart on each page."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
from pdf_fixtures import GOTHIC, MINCHO, two_face_canvas  # noqa: E402

from pipeline.extract.pdf.chars import RawChar, raw_to_chars
from pipeline.extract.pdf.font_names import HEAVY_FONT
from pipeline.extract.pdf.furniture import furniture_key, split_edge_number
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.schemas import Extracted
from pipeline.structure.stage import Structured, structure_chapter

BODY, PITCH, LEFT = 10.5, 17.0, 60.0
FILL = "本文の行を埋めるための文字列です。防災白書の試験用の段落として書かれた文章"




def text(c: canvas.Canvas, x: float, y: float, s: str, size: float = BODY,
         font: str = MINCHO) -> None:
    c.setFont(font, size)
    c.drawString(x, y, s)


def paragraph(c: canvas.Canvas, y: float, tag: str, lines: int = 4) -> float:
    """A body paragraph of full 40-character lines (first indented), ending in 。"""
    for i in range(lines):
        body = (tag + FILL * 3)[: 39 if i == 0 else 40]
        if i == lines - 1:
            body = body[:20] + "。"
        text(c, LEFT + (BODY if i == 0 else 0), y, body)
        y -= PITCH
    return y - 6


def build(tmp_path: Path, draw: Callable[[canvas.Canvas], None]) -> tuple[Extracted, Structured]:
    path = tmp_path / "made.pdf"
    c = two_face_canvas(path)
    draw(c)
    c.save()
    extracted = extract_pdf(path, "made-up")
    return extracted, structure_chapter(extracted)


# --------------------------------------------------------------------------- drawings


def two_lines_close(c: canvas.Canvas) -> None:
    """A body line and, 5 pt lower, a note in 8 pt over the same x range: their glyph
    boxes overlap vertically, so a row builder by overlap alone interleaves them."""
    y = paragraph(c, 780, "冒頭")
    text(c, LEFT, y, "上の行は本文の大きさで組まれた文章である。")
    text(c, LEFT + 3, y - 5, "下の行は小さな注記の文字で重ねて組んだ。", 8)
    paragraph(c, y - 3 * PITCH, "末尾")
    c.showPage()


def fake_bold_heading(c: canvas.Canvas) -> None:
    """A heading in body size in a gothic face whose name says nothing of its weight,
    made bold by printing every glyph twice 0.4 pt apart."""
    y = paragraph(c, 780, "冒頭")
    for dx in (0.0, 0.4):
        text(c, LEFT + dx, y - 6, "未婚化の進行", BODY, GOTHIC)
    paragraph(c, y - 6 - 2 * PITCH, "続き")
    c.showPage()


def larger_headings(c: canvas.Canvas) -> None:
    """第１節 in 14 pt; an unnumbered heading in the same 14 pt; one in 12 pt."""
    text(c, LEFT, 790, "第１節　人口の動向", 14, GOTHIC)
    y = paragraph(c, 760, "人口")
    text(c, LEFT, y - 6, "未婚化の進行", 14, GOTHIC)
    y = paragraph(c, y - 6 - 2 * PITCH, "未婚")
    text(c, LEFT, y - 6, "晩婚化の状況", 12, GOTHIC)
    paragraph(c, y - 6 - 2 * PITCH, "晩婚")
    c.showPage()


def bulleted_heading(c: canvas.Canvas) -> None:
    y = paragraph(c, 780, "冒頭")
    text(c, LEFT, y - 6, "●気象予測の高度化", 11.5, GOTHIC)
    paragraph(c, y - 6 - 2 * PITCH, "予測")
    c.showPage()


def english_footer(c: canvas.Canvas) -> None:
    """Three pages with the book's English title beside the page number at the foot,
    on the outer side (left on even pages, right on odd ones)."""
    for n in (12, 13, 14):
        paragraph(c, 780, f"頁{n}", 6)
        if n % 2 == 0:
            text(c, LEFT, 40, f"{n}  White Paper on Disaster Management 2024", 8)
        else:
            text(c, 330, 40, f"White Paper on Disaster Management 2024  {n}", 8)
        c.showPage()


def chapter_page_labels(c: canvas.Canvas) -> None:
    """Four pages numbered as manuals number them, chapter and page (``1－2`` …) centred
    at the foot; the first page, a chapter's title page, prints none. Each body ends
    with a line of the same shape as a label (``2－1`` on every page: a clause number,
    not a page)."""
    for n in (1, 2, 3, 4):
        y = paragraph(c, 780, f"頁{n}", 6)
        text(c, LEFT, y - PITCH, "2－1")
        if n > 1:
            text(c, 285, 40, f"１－{n}", 9)
        c.showPage()


def number_across_lines(c: canvas.Canvas) -> None:
    """A paragraph whose year is broken across two lines, as Japanese type breaks a line
    between any two characters: ``…202`` / ``3年度末の…``."""
    y = paragraph(c, 780, "冒頭")
    first = (FILL * 2)[:38]
    text(c, LEFT + BODY, y, first[:37] + "202")
    text(c, LEFT, y - PITCH, "3年度末の運用資産額は約246兆円であった。")
    paragraph(c, y - 3 * PITCH, "末尾")
    c.showPage()


def paragraph_after_a_bracketed_line(c: canvas.Canvas) -> None:
    """Two paragraphs; the first one's last line opens with a quoted word
    (``「医療」が…``), the second is indented one em, under that line's second glyph. A
    third paragraph follows a numbered item ``（１）`` whose text wraps, hanging one em
    in."""
    y = paragraph(c, 780, "冒頭", 2)
    text(c, LEFT, y, "「医療」が最も多く、次いで「年金」であった。")
    text(c, LEFT + BODY, y - PITCH, "次の段落は一字下げで始まり、前の行の二字目の下にある。")
    y -= 3 * PITCH
    item = "（１）" + (FILL * 2)[:37]
    text(c, LEFT, y, item)
    text(c, LEFT + BODY, y - PITCH, "番号の後の本文の下に続く行である。")
    c.showPage()


def footnote_number_glued(c: canvas.Canvas) -> None:
    """A word processor's footnote (LibreOffice): the note's number glued to its text at
    the page foot (``1食料…``), its marker raised after a figure in the body."""
    y = paragraph(c, 780, "頁前")
    lead = "自給率はカロリーベースで38%"
    text(c, LEFT, y, lead)
    x = LEFT + pdfmetrics.stringWidth(lead, MINCHO, BODY)
    text(c, x, y + 4, "1", 6)
    text(c, x + 4, y, "となり、前年度と同水準となった。")
    paragraph(c, y - PITCH - 6, "頁後")
    c.line(LEFT, 110, LEFT + 150, 110)
    text(c, LEFT, 98, "1食料自給率とは、国内の消費が国内の生産でどの程度賄えているかを示す。", 7)
    c.showPage()


def footnotes_per_page(c: canvas.Canvas) -> None:
    """Two pages; each has a raised marker 1 in its body and the footnote ``１　…``
    (full-width digit and space) in 7 pt at its foot: numbering restarts per page."""
    for page in (1, 2):
        y = paragraph(c, 780, f"頁{page}前")
        lead = f"第{'一二'[page - 1]}頁の制度が導入"     # full-width: 40 em a line
        text(c, LEFT, y, lead)
        x = LEFT + len(lead) * BODY
        text(c, x, y + 4, "1", 6)
        text(c, x + 4, y, "された経緯を述べる。")
        paragraph(c, y - PITCH - 6, f"頁{page}後")
        c.line(LEFT, 110, LEFT + 150, 110)
        text(c, LEFT, 98, f"１\u3000第{page}頁の脚注の本文である。", 7)
        c.showPage()


def contents_title_page(c: canvas.Canvas) -> None:
    """A part's title page with the table of contents of its chapters (a label alone in
    13 pt, the title under it in 14 pt), no running text; then the first chapter,
    whose heading repeats the first entry."""
    text(c, LEFT, 760, "特集3", 22, GOTHIC)
    y = 700.0
    for n, title in enumerate(("試験的な災害の概要", "試験的な災害への対応"), 1):
        text(c, LEFT, y, f"第{n}章", 13, GOTHIC)
        text(c, LEFT, y - 18, title, 14, GOTHIC)
        y -= 50
    c.showPage()
    text(c, LEFT, 790, "第1章\u3000試験的な災害の概要", 16, GOTHIC)
    paragraph(c, 760, "概要")
    c.showPage()


def contents_with_page_numbers(c: canvas.Canvas) -> None:
    """A contents page in body type with an introductory sentence and entries ending in
    leader dots and a page number; then the sections it lists."""
    text(c, LEFT, 780, "目次の前に置かれた案内の文章である。")
    for n, (title, page) in enumerate((("計画の概要", 2), ("計画の進捗", 2)), 1):
        text(c, LEFT, 760 - 20 * n, f"第{n}節\u3000{title}……………{page}")
    c.showPage()
    for n, title in enumerate(("計画の概要", "計画の進捗"), 1):
        text(c, LEFT, 790 - 200 * (n - 1), f"第{n}節\u3000{title}", 14, GOTHIC)
        paragraph(c, 760 - 200 * (n - 1), f"節{n}")
    c.showPage()


def label_box(c: canvas.Canvas, x: float, y: float, label: str) -> None:
    """A caption label in 11 pt bold-face type on a filled banner box of its own."""
    c.setFillGray(0.8)
    c.rect(x - 4, y - 5, 64, 19, stroke=0, fill=1)
    c.setFillGray(0)
    text(c, x, y, label, 11, GOTHIC)


def labels_apart_from_titles(c: canvas.Canvas) -> None:
    """A paragraph, then 図表1-1's label in a box with its title beside it on the same
    baseline, in body type, no frame; 図表1-2's label centred between the two lines of
    its title; two figures side by side, each label with its title; a lone label."""
    y = paragraph(c, 790, "冒頭")
    label_box(c, LEFT, y - 10, "図表1-1")
    text(c, LEFT + 80, y - 10, "試験用の図の題名が本文と同じ大きさで組まれる")
    y = paragraph(c, y - 60, "中程")
    label_box(c, LEFT, y - 16, "図表1-2")
    text(c, LEFT + 80, y - 10, "二行に折り返される長い題名の")
    text(c, LEFT + 80, y - 22, "二行目の部分")
    y = paragraph(c, y - 70, "後半")
    label_box(c, LEFT, y - 10, "図表1-3")
    text(c, LEFT + 80, y - 10, "左の図の題名")
    label_box(c, 300, y - 10, "図表1-4")
    text(c, 380, y - 10, "右の図の題名")
    y = paragraph(c, y - 60, "終盤")
    label_box(c, LEFT, y - 10, "図表1-5")
    paragraph(c, y - 80, "最後")
    c.showPage()


# --------------------------------------------------------------------------- tests


def test_two_lines_close_together_stay_two_lines(tmp_path: Path) -> None:
    extracted, _ = build(tmp_path, two_lines_close)
    texts = [line.text for line in extracted.lines]
    assert "上の行は本文の大きさで組まれた文章である。" in texts
    assert "下の行は小さな注記の文字で重ねて組んだ。" in texts


def test_fake_bold_in_unknown_font_is_one_glyph_and_bold(tmp_path: Path) -> None:
    assert not HEAVY_FONT.search("HeiseiKakuGo-W5")
    extracted, result = build(tmp_path, fake_bold_heading)
    line = next(x for x in extracted.lines if "未婚" in x.text)
    assert line.text == "未婚化の進行"
    assert line.extras.get("bold") is True
    assert [(s["level"], s["label"], s["title"]) for s in result.sections] == [
        (2, "", "未婚化の進行")]


@pytest.mark.parametrize(("offset", "twice"), [(0.4, True), (0.0, True), (5.0, False)])
def test_dedupe_rule(offset: float, twice: bool) -> None:
    def glyph(x: float) -> RawChar:
        return RawChar("特", x, x + 10, 100.0, 110.0, 100.0, 10.0, True, "X")
    chars = raw_to_chars([glyph(0), glyph(offset)], (0.0, 0.0, 595.0, 842.0), 0.25).chars
    assert len(chars) == (1 if twice else 2)
    assert chars[0].bold == (twice and offset > 0)


def test_neighbouring_same_glyphs_are_not_duplicates() -> None:
    """``ll`` in 7 pt: the same letter, touching, is two letters."""
    a = RawChar("l", 0.0, 1.6, 0.0, 7.0, 0.0, 7.0, True, "X")
    b = a._replace(x0=1.6, x1=3.2)
    assert len(raw_to_chars([a, b], (0.0, 0.0, 595.0, 842.0), 0.25).chars) == 2


def test_unnumbered_headings_ranked_by_type(tmp_path: Path) -> None:
    _, result = build(tmp_path, larger_headings)
    assert [(s["level"], s["label"], s["title"]) for s in result.sections] == [
        (2, "第１節", "人口の動向"),
        (2, "", "未婚化の進行"),       # the same type as 第１節
        (3, "", "晩婚化の状況"),       # a smaller heading type: one level down
    ]
    assert all(p["text"].endswith("。") for p in result.paragraphs if p["kind"] == "body")


def test_bulleted_heading_in_heading_type(tmp_path: Path) -> None:
    _, result = build(tmp_path, bulleted_heading)
    assert [(s["label"], s["title"]) for s in result.sections] == [("", "気象予測の高度化")]


def test_english_running_footer_is_furniture_with_the_page_number(tmp_path: Path) -> None:
    extracted, result = build(tmp_path, english_footer)
    foot = [x for x in extracted.lines if "White Paper" in x.text]
    assert [x.hint for x in foot] == ["page_number"] * 3
    assert [x.page for x in foot] == ["12", "13", "14"]
    assert not result.footnotes
    assert not any("White Paper" in p["text"] for p in result.paragraphs)


def test_chapter_page_labels_are_page_numbers(tmp_path: Path) -> None:
    extracted, result = build(tmp_path, chapter_page_labels)
    labels = [(x.page_index, x.text) for x in extracted.lines if x.hint == "page_number"]
    assert labels == [(2, "１－2"), (3, "１－3"), (4, "１－4")]
    # the title page takes the label its neighbours agree on, digits in ASCII
    assert sorted({(x.page_index, x.page) for x in extracted.lines}) == [
        (1, "1－1"), (2, "1－2"), (3, "1－3"), (4, "1－4")]
    assert not any("－2" in p["text"] or "－3" in p["text"] for p in result.paragraphs)
    # the clause number in the body, the same on every page, stays in the body
    assert sum(x.text == "2－1" and x.hint == "" for x in extracted.lines) == 4


def test_a_number_broken_across_lines_is_joined_without_a_space(tmp_path: Path) -> None:
    _, result = build(tmp_path, number_across_lines)
    body = [p["text"] for p in result.paragraphs if "運用資産額" in p["text"]]
    assert len(body) == 1
    assert body[0].endswith("2023年度末の運用資産額は約246兆円であった。")


def test_a_line_opening_with_a_bracket_is_no_bullet(tmp_path: Path) -> None:
    extracted, _ = build(tmp_path, paragraph_after_a_bracketed_line)
    starts = [x.text for x in extracted.lines if x.extras.get("starts_paragraph")]
    assert "次の段落は一字下げで始まり、前の行の二字目の下にある。" in starts
    # a numbered item's wrapped text still hangs under it
    assert "番号の後の本文の下に続く行である。" not in starts


@pytest.mark.parametrize(("text", "key", "number"), [
    ("12", "#", "12"),
    ("－ ２ －", "#", "－ ２ －"),
    ("1－3", "1－\x00#", "3"),
    ("Ⅱ-12", "Ⅱ-\x00#", "12"),
    ("資－４", "資－\x00#", "４"),
    ("令和6年版 防災白書 33", "令和6年版 防災白書", "33"),
    ("2024.3.31", "2024.3.31", ""),          # a date: no label of a short part
    ("図1－3", "図1－3", ""),                 # a figure's number: kanji and a digit
])
def test_furniture_key(text: str, key: str, number: str) -> None:
    assert furniture_key(text) == (key, number)


@pytest.mark.parametrize(("text", "rest", "number"), [
    ("32 令和6年版 防災白書", "令和6年版 防災白書", "32"),
    ("令和6年版 防災白書 33", "令和6年版 防災白書", "33"),
    ("第1章 地震の概要", "第1章 地震の概要", ""),
])
def test_split_edge_number(text: str, rest: str, number: str) -> None:
    assert split_edge_number(text) == (rest, number)


def test_footnotes_fullwidth_numbers_restart_per_page(tmp_path: Path) -> None:
    _, result = build(tmp_path, footnotes_per_page)
    notes = [(f["number"], f["text"], f["anchor"], bool(f["para_id"]), f["page_index"])
             for f in result.footnotes]
    assert notes == [
        ("1", "第1頁の脚注の本文である。", "導入", True, 1),   # number in ASCII digits
        ("1", "第2頁の脚注の本文である。", "導入", True, 2),
    ]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert any("第一頁の制度が導入された経緯を述べる。" in t for t in body)   # marker out


def test_a_footnote_number_glued_to_its_text(tmp_path: Path) -> None:
    _, result = build(tmp_path, footnote_number_glued)
    assert [(f["number"], f["text"]) for f in result.footnotes] == [
        ("1", "食料自給率とは、国内の消費が国内の生産でどの程度賄えているかを示す。")]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert any("38%となり、前年度と同水準となった。" in t for t in body)   # marker out


def test_contents_page_is_not_read_as_headings(tmp_path: Path) -> None:
    """The title page's entries are kept in ``removed`` (``table_of_contents``); the
    outline starts with the chapter itself."""
    _, result = build(tmp_path, contents_title_page)
    assert [(s["level"], s["label"], s["title"], s["page_index"]) for s in result.sections] \
        == [(1, "第1章", "試験的な災害の概要", 2)]
    assert [r["text"] for r in result.removed if r["reason"] == "table_of_contents"] == [
        "特集3", "第1章", "試験的な災害の概要", "第2章", "試験的な災害への対応"]


def test_contents_with_page_numbers_beside_a_sentence(tmp_path: Path) -> None:
    _, result = build(tmp_path, contents_with_page_numbers)
    assert [(s["label"], s["title"], s["page_index"]) for s in result.sections] == [
        ("第1節", "計画の概要", 2), ("第2節", "計画の進捗", 2)]
    removed = [r["text"] for r in result.removed if r["reason"] == "table_of_contents"]
    assert removed[0] == "目次の前に置かれた案内の文章である。" and len(removed) == 3


def test_a_chapter_page_with_its_headings_and_text_is_no_contents(tmp_path: Path) -> None:
    """Two headings repeated later do not make a page a table of contents when the page
    holds running text and no page numbers."""
    def draw(c: canvas.Canvas) -> None:
        text(c, LEFT, 790, "第1節\u3000計画の概要", 14, GOTHIC)
        y = paragraph(c, 760, "節1")
        text(c, LEFT, y - 6, "第2節\u3000計画の進捗", 14, GOTHIC)
        paragraph(c, y - 6 - 2 * PITCH, "節2")
        c.showPage()
        text(c, LEFT, 790, "計画の概要", 14, GOTHIC)
        paragraph(c, 760, "頁2")
        c.showPage()
    _, result = build(tmp_path, draw)
    assert not [r for r in result.removed if r["reason"] == "table_of_contents"]
    assert [s["label"] for s in result.sections][:2] == ["第1節", "第2節"]


def test_caption_labels_joined_to_titles_by_geometry(tmp_path: Path) -> None:
    """A label set apart from its title (beside it, or centred on a title of two lines)
    is one caption with it; the paragraph before the figure does not take the title;
    a label with nothing beside it stays a label with an empty title."""
    _, result = build(tmp_path, labels_apart_from_titles)
    assert [(f["label"], f["title"]) for f in result.figures] == [
        ("図表1-1", "試験用の図の題名が本文と同じ大きさで組まれる"),
        ("図表1-2", "二行に折り返される長い題名の二行目の部分"),
        ("図表1-3", "左の図の題名"),
        ("図表1-4", "右の図の題名"),
        ("図表1-5", ""),
    ]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert [t[:2] for t in body] == ["冒頭", "中程", "後半", "終盤", "最後"]
    assert all(t.endswith("防。") for t in body)


def test_overprinted_label_is_one_caption(tmp_path: Path) -> None:
    """A figure's own label left under the layout's banner label (the same number in
    other digits and size, at the same place) is an overprint: one caption, and the
    other label kept in ``removed``."""
    def draw(c: canvas.Canvas) -> None:
        y = paragraph(c, 790, "冒頭")
        text(c, LEFT + 1, y - 11, "図表２－１", 10)
        label_box(c, LEFT, y - 10, "図表2-1")
        text(c, LEFT + 80, y - 10, "重ねて刷られた見出しの図")
        paragraph(c, y - 60, "最後")
        c.showPage()
    _, result = build(tmp_path, draw)
    assert [(f["label"], f["title"]) for f in result.figures] == [
        ("図表2-1", "重ねて刷られた見出しの図")]
    assert [r["text"] for r in result.removed if r["reason"] == "overprint"] == ["図表２－１"]


def test_words_left_under_a_banner_are_read_apart(tmp_path: Path) -> None:
    """A figure's own 7 pt note printed on the same band as the caption banner over it
    (glyphs overlapping again and again) is read as its own line: the caption stays
    whole, and so does the note."""
    def draw(c: canvas.Canvas) -> None:
        y = paragraph(c, 790, "冒頭")
        text(c, LEFT + 8, y - 9, "※吹き出しは下に隠れた図の注記の文字である", 7)
        label_box(c, LEFT, y - 10, "図表1-3")
        text(c, LEFT + 80, y - 10, "令和6年の試験地震の震央分布図")
        paragraph(c, y - 60, "最後")
        c.showPage()
    extracted, result = build(tmp_path, draw)
    texts = [line.text for line in extracted.lines]
    assert "※吹き出しは下に隠れた図の注記の文字である" in texts
    assert [(f["label"], f["title"]) for f in result.figures] == [
        ("図表1-3", "令和6年の試験地震の震央分布図")]


def test_sources_side_by_side_go_to_their_figures(tmp_path: Path) -> None:
    """Two figures side by side on a one-column page, each with its source line under
    it on one baseline: two source lines, each given to the caption above it; a source
    that wraps onto a line hanging under its text is one source."""
    def draw(c: canvas.Canvas) -> None:
        y = paragraph(c, 790, "冒頭")
        label_box(c, LEFT, y - 10, "図表1-8")
        text(c, LEFT + 80, y - 10, "左の図")
        label_box(c, 320, y - 10, "図表1-9")
        text(c, 400, y - 10, "右の図")
        text(c, LEFT, y - 150, "出典：左の図の資料", 8.5)
        text(c, 320, y - 150, "出典：右の図の資料", 8.5)
        label_box(c, LEFT, y - 200, "図表2-1")
        text(c, LEFT + 80, y - 200, "下の図")
        text(c, LEFT, y - 330, "出典：下の図の資料、別の省庁の資料、", 8.5)
        text(c, LEFT + 3 * 8.5, y - 341, "さらに別の資料を基に作成", 8.5)
        paragraph(c, y - 380, "最後")
        c.showPage()
    _, result = build(tmp_path, draw)
    assert [(f["label"], f["source"]) for f in result.figures] == [
        ("図表1-8", "出典：左の図の資料"), ("図表1-9", "出典：右の図の資料"),
        ("図表2-1", "出典：下の図の資料、別の省庁の資料、さらに別の資料を基に作成")]


def test_a_source_beside_its_figure_goes_to_the_caption_below_that_it_names(
        tmp_path: Path) -> None:
    """After a heading, a figure whose source is set beside it, a line of its words in
    body type under it, and its caption printed below (``mlit2023-1-1`` p. 22): the
    source is read while no figure is open and the body-type line ends the figure's
    region, but the source names the figure (``[図1-4]``), so the caption below takes
    it. A source naming another figure stays with none."""
    def figure(c: canvas.Canvas, y: float, source: str, caption: str) -> float:
        text(c, 420, y - 20, source, 8)
        text(c, 150, y - 140, "(c)両側を当初施工し分離2車線で供用する場合")
        text(c, 200, y - 160, caption)
        return paragraph(c, y - 200, "中程")

    def draw(c: canvas.Canvas) -> None:
        text(c, LEFT, 790, "第１節　試験の概要", 14, GOTHIC)
        y = figure(c, paragraph(c, 760, "冒頭"), "出典：[図1-4]試験の資料", "図1-4　横に出典のある図")
        text(c, LEFT, y - 6, "第２節　試験の節", 14, GOTHIC)
        figure(c, y - 30, "出典：[図9-9]別の資料", "図1-5　別の図")
        c.showPage()
    _, result = build(tmp_path, draw)
    assert [(f["label"], f["source"]) for f in result.figures] == [
        ("図1-4", "出典：[図1-4]試験の資料"), ("図1-5", None)]


AROUND = "写真の横に組まれた本文の段落である。環境白書の試験のために書かれた文章で、写真の横で行が短くなる。" * 12


def text_around_a_photograph(caption_on_a_baseline: bool, photo_left: bool = False,
                             ) -> Callable[[canvas.Canvas], None]:
    """A paragraph set around a photograph at the right (or the left): ten lines of 25
    characters beside it, then three full lines under it and a last line; the
    photograph's 8 pt caption under it, between two baselines of the text or on one of
    them."""
    beside = LEFT + 15 * BODY if photo_left else LEFT        # where lines beside it start
    photo = LEFT if photo_left else 340

    def draw(c: canvas.Canvas) -> None:
        y = paragraph(c, 780, "冒頭", 3)
        caption_y = y - 9 * PITCH + (0 if caption_on_a_baseline else 8)
        c.setFillGray(0.6)
        c.rect(photo, caption_y + 12, 140 if photo_left else 195, 140, stroke=0, fill=1)
        c.setFillGray(0)
        text(c, photo, caption_y, "写真１－１　試験の風景", 8)
        start = 0
        for i, width in enumerate([24] + [25] * 9 + [40] * 3):
            x = (beside if i < 10 else LEFT) + (BODY if i == 0 else 0)
            text(c, x, y, AROUND[start:start + width])
            start, y = start + width, y - PITCH
        text(c, LEFT, y, AROUND[start:start + 10] + "。")
        paragraph(c, y - PITCH - 6, "後段", 3)
        c.showPage()
    return draw


@pytest.mark.parametrize(("on_a_baseline", "photo_left"), [
    (False, False), (True, False), (False, True), (True, True),
], ids=["between", "on-a-baseline", "photo-left-between", "photo-left-on-a-baseline"])
def test_text_around_a_photograph_is_one_paragraph(tmp_path: Path, on_a_baseline: bool,
                                                   photo_left: bool) -> None:
    """Before: the caption read between two lines of the text cut the paragraph in two
    (its type size changed the line above); set on a line's baseline it was glued to that
    line and the photograph had no caption."""
    _, result = build(tmp_path, text_around_a_photograph(on_a_baseline, photo_left))
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert [t[:2] for t in body] == ["冒頭", "写真", "後段"]
    assert body[1] == AROUND[:24 + 25 * 9 + 40 * 3 + 10] + "。"
    assert [(f["label"], f["title"]) for f in result.figures] == [("写真１－１", "試験の風景")]
