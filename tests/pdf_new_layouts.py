"""Made-up multi-page white-paper chapters in layouts the registered chapters do not
use, drawn with reportlab's CID fonts (gothic heads over a mincho body).

``one_column_chapter``: 厚生労働白書 style, one column on A4, ``第2章 / 第1節 / 1 /
（1） / ①`` heads, the book's title in the page head over a rule, ``－ 23 －`` page
numbers, raised footnote markers with their notes under a short rule, a captioned
figure box (``図表2-1-1`` … ``資料：``) and a ruled table with ``（単位：千人）``.

``two_column_chapter``: 防衛白書 style, two columns, ``第Ⅲ部 / 第1章 / 第1節 / 1 /
（1）`` heads, a shaded column box (``コラム``) across the page and a ``参照`` side note
in the outer margin.

Each paragraph's text is a module constant, so the tests compare what the stages
read with what was printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pdf_fixtures import GOTHIC, MINCHO, two_face_canvas
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
BODY, PITCH = 10.5, 17.0




def put(c: canvas.Canvas, x: float, y: float, text: str, size: float = BODY,
        font: str = MINCHO) -> float:
    """Draw ``text`` at (x, y); the x where it ends."""
    c.setFont(font, size)
    c.drawString(x, y, text)
    return x + pdfmetrics.stringWidth(text, font, size)


def wrap(text: str, width: int, indent: int = 1) -> list[str]:
    """``text`` cut into lines of ``width`` characters, the first ``indent`` shorter."""
    lines, first = [], width - indent
    lines.append(text[:first])
    rest = text[first:]
    while rest:
        lines.append(rest[:width])
        rest = rest[width:]
    return lines


Marks = dict[str, str]   # a word in the text → the raised marker printed after it


def paragraph(c: canvas.Canvas, x: float, y: float, text: str, width: int,
              marks: Marks | None = None, indent: int = 1, size: float = BODY,
              pitch: float = PITCH) -> float:
    """A paragraph wrapped at ``width`` characters from baseline ``y``, its first line
    indented ``indent`` em; after each word of ``marks`` its marker raised in 6 pt.
    Returns the baseline under it."""
    marks = marks or {}
    for k, line in enumerate(wrap(text, width, indent)):
        at = x + (indent * size if k == 0 else 0)
        rest = line
        while rest:
            hit = min(((rest.find(w) + len(w), m) for w, m in marks.items() if w in rest),
                      default=None)
            if hit is None:
                put(c, at, y, rest, size)
                break
            cut, mark = hit
            at = put(c, at, y, rest[:cut], size)
            at = put(c, at, y + 4, mark, 6)
            rest = rest[cut:]
        y -= pitch
    return y


def page_furniture(c: canvas.Canvas, title: str, folio: int, head_x: float = 70,
                   head_right: float = 525) -> None:
    """The book's title in the page head over a rule; ``－ N －`` centred in the foot."""
    put(c, head_x, 800, title, 8, GOTHIC)
    c.setLineWidth(0.5)
    c.line(head_x, 794, head_right, 794)
    c.setFont(MINCHO, 9)
    c.drawCentredString(WIDTH / 2, 36, f"－ {folio} －")


def footnotes(c: canvas.Canvas, x: float, notes: Sequence[str], top: float = 96) -> None:
    """A short rule, then one 7.5 pt line per note under it."""
    c.setLineWidth(0.5)
    c.line(x, top + 12, x + 140, top + 12)
    for k, note in enumerate(notes):
        put(c, x, top - 11 * k, note, 7.5)


# ---- (a) one column, 厚生労働白書 style --------------------------------------------

BOOK_A = "令和6年版　厚生労働白書"
LEFT_A, CHARS_A = 70.0, 43          # 43 em of 10.5 pt: 451.5 pt

HEADS_A = [(1, "第2章", "地域共生社会の実現に向けた取組"),
           (2, "第1節", "地域における支え合いの現状"),
           (3, "1", "高齢者の暮らしを取り巻く状況"),
           (4, "（1）", "単身高齢者世帯の増加"),
           (5, "①", "見守り活動の広がり"),
           (4, "（2）", "就業する高齢者の増加"),
           (3, "2", "地域の担い手の確保"),
           (2, "第2節", "包括的な支援体制の整備")]

PARAS_A = [
    "我が国では、高齢化の進展とともに、一人暮らしの高齢者が増加している。65歳以上の者の"
    "いる世帯のうち単身世帯の割合は、2022年には31.8％となり、2000年の19.7％から大きく"
    "上昇した。こうした世帯では、日常生活の中で困りごとを抱えても、身近に相談できる相手が"
    "いない場合がある。",
    "このため、地域住民や民生委員、社会福祉協議会などが連携して、見守り活動を行う市町村が"
    "増えている。見守り活動には、訪問による声かけのほか、新聞や郵便物の配達時に異変に気付いた"
    "事業者が市町村に連絡する取組なども含まれる。",
    "見守り活動は、孤立の防止だけでなく、介護予防や認知症の早期発見にもつながるものであり、"
    "今後も地域の実情に応じた取組を進めることが重要である。",
    "65歳以上の就業者数は、2023年には914万人となり、20年連続で増加した。就業者に占める"
    "65歳以上の者の割合も13.5％に上昇している。",
    "地域の支え合いを担う人材の確保は、多くの地域で課題となっている。民生委員の充足率は"
    "低下傾向にあり、担い手の高齢化も進んでいる。",
    "複雑化・複合化した支援ニーズに対応するため、市町村における包括的な支援体制の整備を"
    "進めている。",
]
NOTES_A = ["1　国民生活基礎調査による。2022年の値は熊本県を除く。",
           "2　民生委員法に基づき、厚生労働大臣が委嘱する非常勤の地方公務員をいう。",
           "3　総務省統計局「労働力調査」による。"]
FIGURE_A = ("図表2-1-1", "単身高齢者世帯数の推移")
FIGURE_SOURCE_A = "資料：厚生労働省政策統括官付参事官付世帯統計室「国民生活基礎調査」"
TABLE_A = ("図表2-1-2", "年齢階級別高齢就業者数の推移")
TABLE_UNIT_A = "（単位：千人）"
TABLE_ROWS_A = [["年齢階級", "2013年", "2018年", "2023年"],
                ["65～69歳", "3,610", "4,160", "3,960"],
                ["70～74歳", "1,820", "2,240", "3,030"],
                ["75歳以上", "940", "1,490", "2,150"],
                ["合計", "6,370", "7,890", "9,140"]]
TABLE_SOURCE_A = "資料：総務省統計局「労働力調査」"


def head_a(c: canvas.Canvas, y: float, k: int) -> float:
    """Draw ``HEADS_A[k]`` in gothic, the size by its level; the baseline under it."""
    level, label, title = HEADS_A[k]
    size = {1: 18.0, 2: 14.0, 3: 12.0}.get(level, BODY)
    put(c, LEFT_A, y, f"{label}　{title}", size, GOTHIC)
    return y - size - {1: 22, 2: 16, 3: 10}.get(level, 7)


def figure_box_a(c: canvas.Canvas, top: float) -> float:
    """Caption over a framed figure (a bar chart's labels), its source under the frame."""
    put(c, LEFT_A, top, f"{FIGURE_A[0]}　{FIGURE_A[1]}", 9.5, GOTHIC)
    c.setLineWidth(0.8)
    c.rect(LEFT_A, top - 170, 451, 160, stroke=1, fill=0)
    put(c, LEFT_A + 10, top - 25, "（万世帯）", 8)
    for k, (year, value, height) in enumerate([("2000", "303", 40), ("2010", "502", 70),
                                                ("2022", "873", 120)]):
        x = LEFT_A + 80 + 120 * k
        c.setFillGray(0.6)
        c.rect(x, top - 150, 40, height, stroke=0, fill=1)
        c.setFillGray(0)
        put(c, x + 5, top - 145 + height, value, 8)
        put(c, x + 2, top - 162, f"{year}年", 8)
    put(c, LEFT_A, top - 182, FIGURE_SOURCE_A, 8)
    return top - 182


def table_a(c: canvas.Canvas, top: float) -> float:
    """Caption, the unit line flush right, a fully ruled table, its source."""
    put(c, LEFT_A, top, f"{TABLE_A[0]}　{TABLE_A[1]}", 9.5, GOTHIC)
    widths = [120.0, 100.0, 100.0, 100.0]
    c.setFont(MINCHO, 8)
    c.drawRightString(LEFT_A + sum(widths), top - 14, TABLE_UNIT_A)
    y0, row_h = top - 20, 18.0
    xs = [LEFT_A]
    for w in widths:
        xs.append(xs[-1] + w)
    c.setLineWidth(0.5)
    for r, row in enumerate(TABLE_ROWS_A):
        for col, text in enumerate(row):
            put(c, xs[col] + 4, y0 - row_h * r - 12, text, 8.5)
    for r in range(len(TABLE_ROWS_A) + 1):
        c.line(xs[0], y0 - row_h * r, xs[-1], y0 - row_h * r)
    for x in xs:
        c.line(x, y0, x, y0 - row_h * len(TABLE_ROWS_A))
    bottom = y0 - row_h * len(TABLE_ROWS_A)
    put(c, LEFT_A, bottom - 12, TABLE_SOURCE_A, 8)
    return bottom - 12


def one_column_chapter(path: Path) -> Path:
    """Three pages (printed 23–25) of a one-column chapter. Footnote 1 is marked in the
    first paragraph, 2 in the second (both noted on p.23), 3 in the fourth (noted on
    p.24); the third paragraph runs over from p.23 to p.24, past a figure set at that
    page's top."""
    c = two_face_canvas(path)
    third = wrap(PARAS_A[2], CHARS_A)
    # p.23
    page_furniture(c, BOOK_A, 23)
    y = head_a(c, 755, 0)
    y = head_a(c, y - 6, 1)
    y = head_a(c, y - 4, 2)
    y = head_a(c, y, 3)
    y = paragraph(c, LEFT_A, y, PARAS_A[0], CHARS_A, {"単身世帯の割合": "1"})
    y = head_a(c, y - 4, 4)
    y = paragraph(c, LEFT_A, y, PARAS_A[1], CHARS_A, {"民生委員": "2"})
    paragraph(c, LEFT_A, y, third[0], CHARS_A)
    footnotes(c, LEFT_A, NOTES_A[:2])
    c.showPage()
    # p.24: a figure at the page's top, the third paragraph's last line under it, the
    # next heads
    page_furniture(c, BOOK_A, 24)
    y = figure_box_a(c, 770) - 30
    for line in third[1:]:
        put(c, LEFT_A, y, line)
        y -= PITCH
    y = head_a(c, y - 10, 5)
    paragraph(c, LEFT_A, y, PARAS_A[3], CHARS_A, {"就業者数は": "3"})
    footnotes(c, LEFT_A, NOTES_A[2:])
    c.showPage()
    # p.25: a table, the next heads
    page_furniture(c, BOOK_A, 25)
    y = table_a(c, 770) - 30
    y = head_a(c, y, 6)
    y = paragraph(c, LEFT_A, y, PARAS_A[4], CHARS_A)
    y = head_a(c, y - 10, 7)
    paragraph(c, LEFT_A, y, PARAS_A[5], CHARS_A)
    c.showPage()
    c.save()
    return path


# ---- (b) two columns, 防衛白書 style -----------------------------------------------

BOOK_B = "令和6年版　日本の防衛"
COL_B, CHARS_B = (55.0, 300.0), 22      # two columns of 22 em (231 pt), gutter 14 pt
SIDE_X = 540.0                           # the outer margin's side notes

HEADS_B = [(1, "第Ⅲ部", "防衛目標を実現するための3つのアプローチ"),
           (2, "第1章", "我が国自身の防衛体制"),
           (3, "第1節", "防衛力の抜本的強化"),
           (4, "1", "スタンド・オフ防衛能力"),
           (5, "（1）", "基本的考え方"),
           (5, "（2）", "具体的な取組"),
           (4, "2", "統合防空ミサイル防衛能力")]

PARAS_B = [
    "我が国への侵攻を試みる艦艇や上陸部隊などに対して、脅威圏の外から対処するスタンド・"
    "オフ防衛能力を強化する。これにより、我が国への攻撃を効果的に阻止する能力を獲得する。"
    "この能力は、相手の脅威圏外から対処するものであり、隊員の安全を確保しつつ対処できる点に"
    "特徴がある。",
    "このため、国産のスタンド・オフ・ミサイルの開発を進めるとともに、外国製のミサイルの"
    "取得を早期に進める。また、これらを運用する部隊の新編や、必要な弾薬の確保にも取り組む。"
    "さらに、目標情報を収集する能力の強化も併せて進めることとしている。",
    "令和6年度予算においては、12式地対艦誘導弾能力向上型の開発・量産などに所要の経費を"
    "計上した。引き続き、運用開始時期の前倒しを追求していく。",
    "弾道ミサイルや巡航ミサイルなど、多様化・複雑化する空からの脅威に対し、探知・追尾能力"
    "や迎撃能力を抜本的に強化する。",
]
COLUMN_BOX_B = ("コラム", "島しょ防衛用高速滑空弾の開発")
COLUMN_PARAS_B = [
    "島しょ防衛用高速滑空弾は、ロケットモーターにより打ち上げた後、弾頭部を分離し、"
    "高速で滑空して目標に到達する装備である。",
    "防衛装備庁では、早期装備型の研究試作を進めており、令和7年度からの配備を目指している。",
]
SIDE_NOTE_B = "参照　図表Ⅲ-1-1-1"


def head_b(c: canvas.Canvas, x: float, y: float, k: int) -> float:
    level, label, title = HEADS_B[k]
    size = {1: 20.0, 2: 16.0, 3: 13.0, 4: 11.5}.get(level, BODY)
    put(c, x, y, f"{label}　{title}", size, GOTHIC)
    return y - size - {1: 24, 2: 18, 3: 12, 4: 8}.get(level, 7)


def column_box_b(c: canvas.Canvas, top: float) -> float:
    """A shaded box across both columns: its label and title in gothic, two paragraphs
    in 9 pt. Returns the y of its foot."""
    lines = [wrap(text, 50) for text in COLUMN_PARAS_B]
    height = 34 + 14 * sum(len(ls) for ls in lines)
    c.setFillGray(0.9)
    c.rect(COL_B[0] - 4, top - height, 484, height, stroke=0, fill=1)
    c.setFillGray(0)
    put(c, COL_B[0] + 4, top - 16, f"{COLUMN_BOX_B[0]}　{COLUMN_BOX_B[1]}", 10, GOTHIC)
    y = top - 34
    for text in COLUMN_PARAS_B:
        y = paragraph(c, COL_B[0] + 4, y, text, 50, size=9, pitch=14)
    return top - height


def two_column_chapter(path: Path) -> Path:
    """Two pages (printed 160–161). p.160: the part, chapter and section titles across
    the page, then two columns; a side note in the outer margin beside the right
    column's first paragraph. p.161: two columns over a column box across the page."""
    c = two_face_canvas(path)
    page_furniture(c, BOOK_B, 160, head_x=COL_B[0], head_right=COL_B[1] + 231)
    y = head_b(c, COL_B[0], 760, 0)
    y = head_b(c, COL_B[0], y, 1)
    top = head_b(c, COL_B[0], y, 2)
    y = head_b(c, COL_B[0], top, 3)
    y = head_b(c, COL_B[0], y, 4)
    y = paragraph(c, COL_B[0], y, PARAS_B[0], CHARS_B)
    first = wrap(PARAS_B[1], CHARS_B)
    left_end = int((y - 60) // PITCH) + 1          # the lines that fit down to y = 60
    for k, line in enumerate(first[:left_end]):
        put(c, COL_B[0] + (BODY if k == 0 else 0), y, line)
        y -= PITCH
    y = top
    for line in first[left_end:]:
        put(c, COL_B[1], y, line)
        y -= PITCH
    y = head_b(c, COL_B[1], y - 4, 5)
    put(c, SIDE_X, y, SIDE_NOTE_B[:3], 7.5, GOTHIC)
    put(c, SIDE_X, y - 10, SIDE_NOTE_B[3:], 7.5)
    paragraph(c, COL_B[1], y, PARAS_B[2], CHARS_B)
    c.showPage()
    page_furniture(c, BOOK_B, 161, head_x=COL_B[0], head_right=COL_B[1] + 231)
    y = head_b(c, COL_B[0], 770, 6)
    y = paragraph(c, COL_B[0], y, PARAS_B[3], CHARS_B)
    column_box_b(c, 640)
    c.showPage()
    c.save()
    return path


# ---- (c) two columns, 環境白書 style: 図 and 表 numbered apart -------------------------

BOOK_C = "令和6年版　環境・循環型社会・生物多様性白書"
CHAPTER_C = "第1章　循環経済への移行"
COL_C, CHARS_C, SIZE_C, PITCH_C = (60.0, 310.0), 23, 9.5, 16.0   # 23 em of 9.5 pt

HEADS_C = [(1, "第1章", "循環経済への移行"),
           (2, "第1節", "資源循環をめぐる現状"),
           (3, "1", "我が国の物質フロー"),
           (4, "（1）", "資源生産性の推移"),
           (4, "（2）", "循環利用率の推移"),
           (3, "2", "廃棄物の排出の状況")]

PARAS_C = [
    "我が国の資源生産性は、2000年度の約25万円/トンから2021年度には約46万円/トンへと大きく"
    "向上した。これは、天然資源等投入量が減少する一方で、国内総生産が増加したことによる。",
    "入口側の循環利用率は、2021年度には約15.7％となった。2000年度と比べて約5ポイント上昇"
    "しているが、近年は横ばいの傾向にある。",
    "出口側の循環利用率は、2021年度には約43％となり、目標とする水準に近づいている。",
    "一般廃棄物の排出量は、2022年度には4,034万トンとなり、前年度に比べて約1.6％減少した。"
    "1人1日当たりの排出量も880グラムと減少している。",
]
NOTES_C = ["1　資源生産性＝国内総生産／天然資源等投入量"]
FIGURE_C = ("図1-1-1", "我が国の物質フロー（2021年度）")
FIGURE_SOURCE_C = "資料：環境省"
TABLE_C = ("表1-1-1", "廃棄物の種類別排出量")
TABLE_UNIT_C = "（単位：万トン）"
TABLE_ROWS_C = [["区分", "2020年度", "2022年度"],
                ["一般廃棄物", "4,167", "4,034"],
                ["産業廃棄物", "37,382", "37,020"]]
TABLE_SOURCE_C = "資料：環境省「一般廃棄物処理実態調査」"


def head_c(c: canvas.Canvas, x: float, y: float, k: int) -> float:
    level, label, title = HEADS_C[k]
    size = {1: 18.0, 2: 13.0, 3: 11.0}.get(level, SIZE_C)
    put(c, x, y, f"{label}　{title}", size, GOTHIC)
    return y - size - {1: 24, 2: 14, 3: 8}.get(level, 6.5)


def body_c(c: canvas.Canvas, x: float, y: float, k: int, marks: Marks | None = None) -> float:
    return paragraph(c, x, y, PARAS_C[k], CHARS_C, marks, size=SIZE_C, pitch=PITCH_C)


def facing_heads(c: canvas.Canvas, folio: int) -> None:
    """An even page: the chapter's title in its head at the left, the folio bottom left;
    an odd page: the book's title at the right, the folio bottom right."""
    c.setFont(GOTHIC, 8)
    if folio % 2 == 0:
        c.drawString(COL_C[0], 805, CHAPTER_C)
        c.drawString(COL_C[0], 40, str(folio))
    else:
        c.drawRightString(COL_C[1] + 218.5, 805, BOOK_C)
        c.drawRightString(COL_C[1] + 218.5, 40, str(folio))


def table_c(c: canvas.Canvas, x: float, top: float) -> float:
    """Caption, unit line flush right, a ruled table one column wide, its source."""
    put(c, x, top, f"{TABLE_C[0]}　{TABLE_C[1]}", 9, GOTHIC)
    widths = [80.0, 68.0, 68.0]
    c.setFont(MINCHO, 7.5)
    c.drawRightString(x + sum(widths), top - 13, TABLE_UNIT_C)
    y0, row_h = top - 18, 16.0
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    c.setLineWidth(0.5)
    for r, row in enumerate(TABLE_ROWS_C):
        for col, text in enumerate(row):
            put(c, xs[col] + 3, y0 - row_h * r - 11, text, 8)
    for r in range(len(TABLE_ROWS_C) + 1):
        c.line(xs[0], y0 - row_h * r, xs[-1], y0 - row_h * r)
    for xv in xs:
        c.line(xv, y0, xv, y0 - row_h * len(TABLE_ROWS_C))
    bottom = y0 - row_h * len(TABLE_ROWS_C)
    put(c, x, bottom - 11, TABLE_SOURCE_C, 7.5)
    return bottom - 11


def figure_c(c: canvas.Canvas, top: float) -> float:
    """A framed flow diagram across both columns, its caption under the frame (環境白書
    sets some captions below), then its source."""
    c.setLineWidth(0.8)
    c.rect(COL_C[0], top - 120, 468, 120, stroke=1, fill=0)
    for k, (word, value) in enumerate([("輸入", "7.4億トン"), ("天然資源等投入量", "11.5億トン"),
                                       ("循環利用量", "2.2億トン")]):
        put(c, COL_C[0] + 20 + 150 * k, top - 50, word, 8)
        put(c, COL_C[0] + 20 + 150 * k, top - 62, value, 8)
    put(c, COL_C[0], top - 134, f"{FIGURE_C[0]}　{FIGURE_C[1]}", 9, GOTHIC)
    put(c, COL_C[0], top - 146, FIGURE_SOURCE_C, 7.5)
    return top - 146


def environment_chapter(path: Path) -> Path:
    """Two facing pages (printed 4–5). p.4: the chapter title across the page, two
    columns; footnote 1 (marked in the first paragraph) under a rule at the left
    column's foot; a ruled table in the right column. p.5: a figure across both columns
    with its caption under it, then two columns."""
    c = two_face_canvas(path)
    facing_heads(c, 4)
    top = head_c(c, COL_C[0], 770, 0)
    y = head_c(c, COL_C[0], top, 1)
    y = head_c(c, COL_C[0], y, 2)
    y = head_c(c, COL_C[0], y, 3)
    y = body_c(c, COL_C[0], y, 0, {"資源生産性は": "1"})
    y = head_c(c, COL_C[0], y - 4, 4)
    body_c(c, COL_C[0], y, 1)
    c.setLineWidth(0.5)
    c.line(COL_C[0], 92, COL_C[0] + 100, 92)
    put(c, COL_C[0], 80, NOTES_C[0], 7)
    y = table_c(c, COL_C[1], top)
    body_c(c, COL_C[1], y - 24, 2)
    c.showPage()
    facing_heads(c, 5)
    y = figure_c(c, 780) - 26
    y = head_c(c, COL_C[0], y, 5)
    body_c(c, COL_C[0], y, 3)
    c.showPage()
    c.save()
    return path
