"""Small generated PDFs, one per hard case of the PDF adapter.

Each function draws a page (or a few) with reportlab's built-in Japanese CID font
(no font files needed), writes it to ``path`` and returns ``path``. Geometry follows the
white papers: A4, body text 10.5 pt, two columns with a gutter, footnotes 7 pt.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from pipeline.extract.pdf.chars import Char

FONT = "HeiseiMin-W3"
BODY = 10.5
PITCH = 17.0
LEFT_X, RIGHT_X = 60.0, 315.0          # column starts; each column is 20 em wide
COLUMN_CHARS = 20
WIDTH, HEIGHT = A4


MINCHO, GOTHIC = FONT, "HeiseiKakuGo-W5"   # W5: not heavy by its name


def two_face_canvas(path: Path) -> canvas.Canvas:
    """An A4 canvas with reportlab's two Japanese CID faces registered: mincho for the
    body, gothic for headings (``MINCHO``, ``GOTHIC``)."""
    for font in (MINCHO, GOTHIC):
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    return canvas.Canvas(str(path), pagesize=A4)


def _canvas(path: Path, **kw: object) -> canvas.Canvas:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=A4, **kw)  # type: ignore[arg-type]


def body_line(tag: str, n: int = COLUMN_CHARS) -> str:
    """A full-width line of ``n`` characters that starts with ``tag``."""
    fill = "本文の行を埋めるための文字列です。科学技術白書の試験用の段落"
    return (tag + fill * 3)[:n]


def draw(c: canvas.Canvas, x: float, y: float, text: str, size: float = BODY) -> None:
    c.setFont(FONT, size)
    c.drawString(x, y, text)


def draw_column(c: canvas.Canvas, x: float, top: float, lines: Sequence[str],
                indent_first: bool = True, pitch: float = PITCH) -> float:
    """Draw lines down from baseline ``top``, ``pitch`` apart; the first is indented
    one em."""
    y = top
    for i, text in enumerate(lines):
        if i == 0 and indent_first:
            draw(c, x + BODY, y, text[:COLUMN_CHARS - 1])
        else:
            draw(c, x, y, text)
        y -= pitch
    return y


def source_and_body_below(c: canvas.Canvas, bottom: float, path: Path) -> Path:
    """End a page whose table or figure ends at ``bottom``: its source line, two lines of
    body text below it; save the PDF."""
    draw(c, LEFT_X, bottom - 14, "資料：試験用に作成", 8)
    draw_column(c, LEFT_X, bottom - 50, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def turned_canvas(path: Path, angle: int) -> canvas.Canvas:
    """A canvas on which an A4 page drawn as usual comes out turned by ``angle`` (90: its
    text runs up a landscape page, -90 down, 180 upside down on a portrait one). One
    page: the turn holds until ``showPage``."""
    c = _canvas(path)
    if angle in (90, -90):
        c.setPageSize((HEIGHT, WIDTH))
    c.translate(*{90: (HEIGHT, 0), -90: (0, WIDTH), 180: (WIDTH, HEIGHT)}[angle])
    c.rotate(angle)
    return c


def double_spaced(path: Path, angle: int = 0) -> Path:
    """One column set double-spaced, as a word processor may (lines 2.2 em apart: more
    than an em of blank space between any two): two paragraphs with a first-line
    indent, then one without, after a further 20 pt; the page turned by ``angle``."""
    c = turned_canvas(path, angle) if angle else _canvas(path)
    pitch = 2.2 * BODY
    y = draw_column(c, LEFT_X, 760, [body_line(f"甲{i}", 40) for i in range(1, 5)], pitch=pitch)
    y = draw_column(c, LEFT_X, y, [body_line(f"乙{i}", 40) for i in range(1, 5)], pitch=pitch)
    draw_column(c, LEFT_X, y - 20, [body_line(f"丙{i}", 40) for i in range(1, 5)],
                indent_first=False, pitch=pitch)
    c.showPage()
    c.save()
    return path


def two_columns(path: Path, media_offset: tuple[int, int] = (0, 0)) -> Path:
    """Title across the page; a band of two columns; a heading in the left column only;
    a second two-column band. With ``media_offset`` the MediaBox does not start at 0,0."""
    c = _canvas(path)
    dx, dy = media_offset
    c.translate(dx, dy)
    draw(c, LEFT_X, 780, "第１章 二段組の試験ページの見出し", 16)
    draw_column(c, LEFT_X, 740, [body_line(f"左{i}") for i in range(1, 7)])
    draw_column(c, RIGHT_X, 740, [body_line(f"右{i}") for i in range(1, 7)])
    draw(c, LEFT_X, 610, "第２節 左段だけの見出し", 13)
    draw_column(c, LEFT_X, 580, [body_line(f"左{i}") for i in range(7, 10)])
    draw_column(c, RIGHT_X, 580, [body_line(f"右{i}") for i in range(7, 10)])
    c.showPage()
    c.save()
    if media_offset != (0, 0):
        shift_media_box(path, dx, dy)
    return path


def columns_to_the_foot(path: Path) -> Path:
    """Two columns run down to a bottom margin of 60 pt, under the page's foot band
    (the lowest tenth), their last lines on one baseline; a page number under them."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 760, [body_line(f"左{i}") for i in range(1, 42)])
    draw_column(c, RIGHT_X, 760, [body_line(f"右{i}") for i in range(1, 42)])
    draw(c, 290, 30, "12", 9)
    c.showPage()
    c.save()
    return path


def footnotes_under_each_column(path: Path) -> Path:
    """Two columns of body text 15 pt apart, each with its own footnote at its foot, the
    two notes on one baseline (7 pt), each as wide as its column; under them a
    page-wide note whose URL follows its title one space later, across the gutter."""
    c = _canvas(path)
    right = LEFT_X + COLUMN_CHARS * BODY + 15
    draw_column(c, LEFT_X, 760, [body_line(f"左{i}") for i in range(1, 30)])
    draw_column(c, right, 760, [body_line(f"右{i}") for i in range(1, 30)])
    draw(c, LEFT_X, 150, ("1　左段の脚注の本文である。" + "左" * 30)[:30], 7)
    draw(c, right, 150, ("2　右段の脚注の本文である。" + "右" * 30)[:30], 7)
    title = "3　ページ幅の脚注の題名をここに書いて段間の手前まで続ける"
    draw(c, LEFT_X, 140, title, 7)
    draw(c, LEFT_X + 7 * (len(title) + 1), 140, "https://www.example.go.jp/a.pdf", 7)
    c.showPage()
    c.save()
    return path


def shift_media_box(path: Path, dx: int, dy: int) -> None:
    """Rewrite the MediaBox in place (same byte length, so the xref stays valid)."""
    data = path.read_bytes()
    old = b"/MediaBox [ 0 0 595.2756 841.8898 ]"
    new = f"/MediaBox [{dx} {dy} {595.28 + dx:.2f} {841.89 + dy:.2f}]".encode()
    if old not in data or len(new) > len(old):
        raise ValueError("unexpected MediaBox in generated PDF")
    path.write_bytes(data.replace(old, new.ljust(len(old))))


def footnote_marker(path: Path) -> Path:
    """One column of body text with a raised footnote marker inside a word
    (成功⁵する) and the footnote, with a continuation line, at the page foot."""
    c = _canvas(path)
    y = draw_column(c, LEFT_X, 760, [body_line(f"行{i}", 40) for i in range(1, 4)])
    draw(c, LEFT_X, y, "研究開発が成功")
    marker_x = LEFT_X + 7 * BODY
    draw(c, marker_x, y + 4, "5", 7)
    draw(c, marker_x + 4, y, "することが期待されています。")
    draw_column(c, LEFT_X, y - PITCH, [body_line(f"行{i}", 40) for i in range(5, 8)],
                indent_first=False)
    c.line(LEFT_X, 110, LEFT_X + 150, 110)
    draw(c, LEFT_X, 98, "5", 7)
    draw(c, LEFT_X + 15, 98, "脚注の本文です。長い脚注は次の行に続きます。", 7)
    draw(c, LEFT_X + 15, 89.5, "脚注の続きの行です。", 7)
    c.showPage()
    c.save()
    return path


def ruby_over_kanji(path: Path) -> Path:
    """A body line with the reading ひら set in small kana above 拓."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 760, [body_line(f"行{i}", 40) for i in range(1, 3)])
    text = "未来を拓く技術の研究開発を進めています。"
    y = 760 - 2 * PITCH
    draw(c, LEFT_X, y, text)
    base_x = LEFT_X + text.index("拓") * BODY
    draw(c, base_x + (BODY - 2 * 5) / 2, y + BODY + 1, "ひら", 5)
    draw_column(c, LEFT_X, y - PITCH, [body_line(f"行{i}", 40) for i in range(4, 6)],
                indent_first=False)
    c.showPage()
    c.save()
    return path


def running_heads(path: Path, pages: int = 3) -> Path:
    """Several pages with a running head at the top and a page number at the foot."""
    c = _canvas(path)
    for n in range(pages):
        draw(c, LEFT_X, 805, "第２章 我が国における試験の取組", 8)
        draw_column(c, LEFT_X, 760, [body_line(f"頁{n}行{i}", 40) for i in range(1, 6)])
        draw(c, WIDTH / 2, 30, str(11 + n), 12)
        c.showPage()
    c.save()
    return path


def vertical_tab(path: Path) -> Path:
    """Two columns and a chapter tab 第２章 stacked glyph by glyph on the page edge."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 760, [body_line(f"左{i}") for i in range(1, 7)])
    draw_column(c, RIGHT_X, 760, [body_line(f"右{i}") for i in range(1, 7)])
    for i, glyph in enumerate("第２章"):
        draw(c, 555, 700 - 12 * i, glyph, 12)
    c.showPage()
    c.save()
    return path


def ruled_table(path: Path, angle: int = 0) -> Path:
    """Body text, then a shaded figure box holding a caption and a table ruled across
    but for one rule down (found by the text strategy); the page turned by ``angle``."""
    c = turned_canvas(path, angle) if angle else _canvas(path)
    draw_column(c, LEFT_X, 760, [body_line(f"行{i}", 40) for i in range(1, 4)])
    c.setFillGray(0.93)
    c.rect(LEFT_X, 480, 465, 180, stroke=0, fill=1)
    c.setFillGray(0)
    draw(c, LEFT_X + 5, 640, "■第１-１-１表／試験用の表")
    rows = [("項目", "件数"), ("東京", "100"), ("大阪", "80"), ("名古屋", "60")]
    for i, (name, value) in enumerate(rows):
        y = 610 - 25 * i
        c.line(LEFT_X + 10, y - 8, LEFT_X + 300, y - 8)
        draw(c, LEFT_X + 20, y, name, 8)
        draw(c, LEFT_X + 200, y, value, 8)
    c.line(LEFT_X + 180, 610 + 12, LEFT_X + 180, 610 - 25 * 3 - 8)
    draw(c, LEFT_X + 5, 490, "資料：試験用に作成", 8)
    draw_column(c, LEFT_X, 450, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def boxed_column(path: Path) -> Path:
    """A shaded box of prose in 9 pt across the page: a boxed column (コラム)."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 760, [body_line(f"行{i}", 40) for i in range(1, 3)])
    c.setFillColorRGB(0.85, 0.95, 0.85)
    c.rect(LEFT_X - 5, 500, 475, 200, stroke=0, fill=1)
    c.setFillGray(0)
    for i in range(8):
        draw(c, LEFT_X, 680 - 14 * i, body_line(f"囲{i}", 50), 9)
    c.showPage()
    c.save()
    return path


def image_only(path: Path) -> Path:
    """A scanned page: an image and no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    c = _canvas(path)
    c.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 50, 50, 495, 740)
    c.showPage()
    c.save()
    return path


def encrypted(path: Path) -> Path:
    c = _canvas(path, encrypt="secret")
    draw(c, LEFT_X, 760, body_line("暗号"))
    c.showPage()
    c.save()
    return path


def corrupt(path: Path) -> Path:
    """A download cut short: the first bytes of a PDF, then nothing usable."""
    two_columns(path)
    path.write_bytes(path.read_bytes()[:300])
    return path


# --------------------------------------------------------------------------- ruled grids

Cell = str | tuple[str, ...]   # a cell's text, or its printed lines when it wraps


def draw_grid(c: canvas.Canvas, x: float, top: float, widths: Sequence[float],
              rows: Sequence[Sequence[Cell]], row_height: float = 24.0, size: float = 8.0,
              spans_down: Sequence[tuple[int, int]] = (),
              spans_across: Sequence[tuple[int, int]] = ()) -> float:
    """A fully ruled table from the top-left corner (``top`` in reportlab's y, going
    down); returns the y of its bottom rule. ``spans_down`` (row, col): no rule under
    that cell (it merges with the cell below, which should be ""); ``spans_across``
    (row, col): no rule right of it. Wrapped cells print one line under the other."""
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - row_height * i for i in range(len(rows) + 1)]
    for r, row in enumerate(rows):
        for col, cell in enumerate(row):
            for k, text in enumerate((cell,) if isinstance(cell, str) else cell):
                draw(c, xs[col] + 3, ys[r] - size - 3 - k * (size + 2), text, size)
    c.setLineWidth(0.5)
    c.line(xs[0], ys[0], xs[-1], ys[0])
    for r in range(len(rows)):
        for col in range(len(widths)):
            if (r, col) not in spans_down:
                c.line(xs[col], ys[r + 1], xs[col + 1], ys[r + 1])
            if (r, col) not in spans_across or col == len(widths) - 1:
                c.line(xs[col + 1], ys[r], xs[col + 1], ys[r + 1])
        c.line(xs[0], ys[r], xs[0], ys[r + 1])
    return ys[-1]


def ruled_grid(path: Path, angle: int = 0) -> Path:
    """Body text, a caption, then a fully ruled 4-column table with a cell spanning two
    rows, a cell spanning two columns, wrapped Japanese and Latin cells, a fake-bold
    (doubled) cell and a raised footnote marker; then more body text; the page turned
    by ``angle``."""
    c = turned_canvas(path, angle) if angle else _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "■第１-１-１表／試験用の罫線表")
    rows: list[list[Cell]] = [
        ["区分", "機関名", "事業名", "金額"],
        ["第１回", "東京大学", ("大規模言語モデルの", "研究開発"), "1,200億"],
        ["", ("Data science", "and AI Center"), "基盤モデル", "60"],
        ["第２回", "京都大学", "対象外", ""],
    ]
    bottom = draw_grid(c, LEFT_X, 715, [60, 120, 160, 60], rows,
                       spans_down=[(1, 0)], spans_across=[(3, 2)])
    draw(c, LEFT_X + 63.4, 715 - 24 - 11 + 0.3, "東京大学", 8)   # drawn twice: fake bold
    draw(c, LEFT_X + 63 + 4 * 8, 715 - 24 * 3 - 11 + 4, "1", 5)  # marker after 京都大学
    return source_and_body_below(c, bottom, path)


def single_row_box(path: Path) -> Path:
    """A caption over a one-row ruled box of three cells and a one-column ruled list:
    both look like tables to a rule finder and neither is one."""
    c = _canvas(path)
    draw(c, LEFT_X, 760, "■第１-１-２表／一行だけの枠")
    draw_grid(c, LEFT_X, 745, [100, 100, 100], [["項目Ａ", "項目Ｂ", "項目Ｃ"]])
    draw_grid(c, LEFT_X, 650, [200], [["一つ目"], ["二つ目"], ["三つ目"]])
    c.showPage()
    c.save()
    return path


def continued_table(path: Path, rows_first: int = 24, rows_second: int = 5) -> Path:
    """A ruled table under a caption that runs to the page foot and goes on at the head
    of the next page, its header row printed again there and no caption."""
    c = _canvas(path)
    header: list[Cell] = ["番号", "名称", "件数"]
    data: list[list[Cell]] = [[str(i), f"項目{i}", f"{i * 10}"]
                              for i in range(1, rows_first + rows_second + 1)]
    draw(c, LEFT_X, 790, "■第１-１-３表／二頁にわたる表")
    draw_grid(c, LEFT_X, 775, [60, 200, 80], [header, *data[:rows_first]], row_height=28)
    draw(c, WIDTH / 2, 30, "11", 12)
    c.showPage()
    draw_grid(c, LEFT_X, 790, [60, 200, 80], [header, *data[rows_first:]], row_height=28)
    draw_column(c, LEFT_X, 600, [body_line(f"後{i}", 40) for i in range(1, 3)])
    draw(c, WIDTH / 2, 30, "12", 12)
    c.showPage()
    c.save()
    return path


def year_header_tables(path: Path) -> Path:
    """Two captioned ruled tables of a statistical chapter: one whose header row is
    years (``国名 | 2018年 | 2019年 | 2020年``), one whose two-level header prints the
    years under cells spanning two columns (``人口`` / ``構成比`` over ``2000 | 2020``)."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 790, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "■第１-１-１表／主要国の研究開発費")
    rows: list[list[Cell]] = [["国名", "2018年", "2019年", "2020年"],
                              ["日本", "195,260", "195,757", "192,365"],
                              ["米国", "617,354", "667,290", "700,124"]]
    bottom = draw_grid(c, LEFT_X, 725, [80, 80, 80, 80], rows)
    draw(c, LEFT_X, bottom - 40, "■第１-１-２表／年齢区分別人口")
    rows = [["区分", "人口", "", "構成比", ""],
            ["", "2000", "2020", "2000", "2020"],
            ["0～14歳", "18,472", "15,032", "14.6", "11.9"],
            ["65歳以上", "22,005", "36,027", "17.4", "28.6"]]
    bottom = draw_grid(c, LEFT_X, bottom - 55, [80, 70, 70, 70, 70], rows,
                       spans_down=[(0, 0)], spans_across=[(0, 1), (0, 3)])
    draw_column(c, LEFT_X, bottom - 50, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def chars(text: str, top: float = 100.0, size: float = 10.0, x: float = 50.0) -> list[Char]:
    """A printed line of full-width-pitch glyphs (Latin ones half as wide), as the
    character parser gives them."""
    out = []
    for glyph in text:
        width = size / 2 if glyph.isascii() else size
        out.append(Char(glyph, x, x + width, top, top + size, size))
        x += width
    return out


def invisible_layer(path: Path) -> Path:
    """A visible line and, under it, an OCR-like layer in text render mode 3."""
    c = _canvas(path)
    draw(c, LEFT_X, 760, "見える文字の行です。")
    text = c.beginText(LEFT_X, 700)
    text.setFont(FONT, BODY)
    text.setTextRenderMode(3)
    text.textLine("見えない文字の層")
    c.drawText(text)
    c.showPage()
    c.save()
    return path


# --------------------------------------------------------------------------- hand-written PDFs


def write_objects(path: Path, objects: Sequence[bytes]) -> Path:
    """A PDF of ``objects`` (numbered from 1, the first the catalog) with a correct
    cross-reference table: for page-tree cases reportlab does not write."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


HELVETICA_LINES = (b"BT /F1 12 Tf 40 540 Td (The page inherits its media box.) Tj "
                   b"0 -20 Td (A second line of the page.) Tj ET")


def helvetica_lines(path: Path, page_keys: bytes = b"",
                    tree_keys: bytes = b"/MediaBox [0 0 420 595]",
                    text: bytes = HELVETICA_LINES) -> Path:
    """One page of Helvetica text (not embedded, no descriptor; by default two lines)
    with its boxes written where a test wants them: ``tree_keys`` on the page tree's
    root (by default an A5 MediaBox, not the US Letter a reader falls back to),
    ``page_keys`` on the page itself (e.g. ``b"/CropBox [20 20 400 575]"``)."""
    return write_objects(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 " + tree_keys + b" >>",
        b"<< /Type /Page /Parent 2 0 R " + page_keys
        + b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    ])


def font_lines(path: Path, lines: Sequence[tuple[str, float, float, str]],
               pagesize: tuple[float, float] | None = None) -> None:
    """One page of lines at x = 60, each (registered font, size, baseline, text)."""
    c = canvas.Canvas(str(path), **({"pagesize": pagesize} if pagesize else {}))
    for font, size, y, text in lines:
        c.setFont(font, size)
        c.drawString(60, y, text)
    c.showPage()
    c.save()


def zero_font_metrics(path: Path) -> Path:
    """A line in Bitstream Vera Sans, embedded, whose font descriptor gives Ascent and
    Descent as 0 (LibreOffice 7.4 writes every font so; same byte length, so the file
    stays valid), over a line in Helvetica: pdfminer's glyph boxes stand on the
    baseline, PDFium makes up the metrics from the glyphs ``A`` and ``g``."""
    import re

    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Text", "Vera.ttf"))
    font_lines(path, [("Text", 10, 730, "Drawn in a face whose descriptor gives no metrics"),
                      ("Helvetica", 10, 700, "Body text in Helvetica.")], A4)

    def zero(match: re.Match[bytes]) -> bytes:
        key = match.group(1)
        return key + b" 0" + b" " * (len(match.group(0)) - len(key) - 2)

    path.write_bytes(re.sub(rb"(/Ascent|/Descent) [-0-9.]+", zero, path.read_bytes()))
    return path


def type3_page(path: Path) -> Path:
    """A line in a Type3 font (glyphs drawn by content procedures, no BaseFont, no
    descriptor: Chromium writes such fonts), over a line in Helvetica."""
    glyph = b"500 0 0 -120 500 880 d1 0 0 450 880 re f"
    text = (b"BT /T3 12 Tf 40 540 Td (ABAB) Tj ET "
            b"BT /F1 12 Tf 40 500 Td (A line in Helvetica.) Tj ET")
    return write_objects(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] "
        b"/Resources << /Font << /T3 4 0 R /F1 7 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 -120 500 880] "
        b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /A 5 0 R /B 5 0 R >> "
        b"/Encoding << /Type /Encoding /Differences [65 /A /B] >> /FirstChar 65 "
        b"/LastChar 66 /Widths [500 500] >>",
        b"<< /Length %d >>\nstream\n" % len(glyph) + glyph + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


SIDEWAYS_ROWS: list[list[Cell]] = [["区分", "2022年度", "2023年度"],
                                   ["東京", "1,065", "1,102"],
                                   ["大阪", "358", "362"]]


def sideways_table(path: Path, angle: int = 90, turned_lines: int = 2,
                   upright_lines: int = 0) -> Path:
    """Three pages with a running head and a page number, upright; page 2 holds a
    landscape table set sideways (turned by ``angle``: 90 runs up the page, -90 down):
    a caption, a fully ruled table (``SIDEWAYS_ROWS``) and ``turned_lines`` body lines
    under it; and ``upright_lines`` upright body lines beside it."""
    c = _canvas(path)
    for n in (1, 2, 3):
        draw(c, LEFT_X, 805, "第２章 我が国における試験の取組", 8)
        if n == 2:
            c.saveState()
            c.translate(*((LEFT_X, 60) if angle == 90 else (WIDTH - LEFT_X, 780)))
            c.rotate(angle)
            draw(c, 40, -40, "表２-１　試験用の横向きの表")
            bottom = draw_grid(c, 40, -60, [100, 80, 80], SIDEWAYS_ROWS)
            draw_column(c, 40, bottom - 40,
                        [body_line(f"横{i}", 30) for i in range(1, turned_lines + 1)])
            c.restoreState()
            draw_column(c, LEFT_X, 700 if angle == 90 else 150,
                        [body_line(f"縦{i}", 40) for i in range(1, upright_lines + 1)])
        else:
            draw_column(c, LEFT_X, 760, [body_line(f"頁{n}行{i}", 40) for i in range(1, 6)])
        draw(c, WIDTH / 2, 30, str(10 + n), 12)
        c.showPage()
    c.save()
    return path


TURNED_HEADS = ["研究開発費総額（兆円）", "うち基礎研究（兆円）", "研究者数（万人）"]
TURNED_HEADS_BODY = [["令和元年", "19.6", "2.8", "88"], ["令和２年", "19.2", "2.7", "89"]]


def turned_heads_table(path: Path) -> Path:
    """A fully ruled table whose column heads are set turned up their narrow columns (a
    statistical table's habit) over rows of upright figures (``TURNED_HEADS``,
    ``TURNED_HEADS_BODY``), under a caption and between body lines."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "■第１-１-３表／見出しが横倒しの表")
    top, head, row, width = 715.0, 120.0, 24.0, 60.0
    xs = [LEFT_X + width * i for i in range(5)]
    ys = [top, top - head] + [top - head - row * (i + 1) for i in range(len(TURNED_HEADS_BODY))]
    c.setLineWidth(0.5)
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    draw(c, xs[0] + 3, top - 20, "年", 8)
    for i, text in enumerate(TURNED_HEADS):
        c.saveState()
        c.translate(xs[i + 1] + 30, top - head + 5)
        c.rotate(90)
        draw(c, 0, 0, text, 8)
        c.restoreState()
    for r, cells in enumerate(TURNED_HEADS_BODY):
        for col, cell in enumerate(cells):
            draw(c, xs[col] + 3, ys[r + 1] - 14, cell, 8)
    return source_and_body_below(c, ys[-1], path)


def squeezed_lines(path: Path, angle: int = 0, scale: float = 80.0) -> Path:
    """Three body lines set squeezed (``Tz`` ``scale`` %, Japanese 長体), the page turned
    by ``angle``."""
    c = turned_canvas(path, angle) if angle else _canvas(path)
    text = c.beginText()
    text.setFont(FONT, BODY)
    text.setHorizScale(scale)
    text.setTextOrigin(LEFT_X, 760)
    text.setLeading(PITCH)
    for i in range(1, 4):
        text.textLine(body_line(f"長{i}", 40))
    c.drawText(text)
    c.showPage()
    c.save()
    return path


# --------------------------------------------------------------------------- rules across only

HRULE_HEAD = ["電源", "2020年度", "2021年度", "前年度比（％）"]
HRULE_ROWS: list[list[Cell]] = [["太陽光", "6,143", "6,614", "6.1"],
                                ["風力", "448", "458", "4.8"],
                                ["中小水力", "978", "981", "0.5"]]
HRULE_WRAPPED: list[Cell] = [("バイオマス", "（木質）"), "480", "530", "7.0"]


def draw_hrule_table(c: canvas.Canvas, x: float, top: float, widths: Sequence[float],
                     rows: Sequence[Sequence[Cell]], rule_every_row: bool,
                     size: float = 8.0) -> float:
    """A table ruled across only, as white papers print it: heads centred over their
    columns, the first column left-aligned, figures right-aligned; a rule above the
    header, one under it and one at the foot (``rule_every_row``: one under every row).
    A row of a wrapped cell is as tall as its lines. Returns the y of the foot rule."""
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    c.setLineWidth(0.5)
    c.line(xs[0], top, xs[-1], top)
    y = top
    for r, row in enumerate(rows):
        lines = max(1 if isinstance(cell, str) else len(cell) for cell in row)
        height = 10.0 + (size + 2) * lines
        for col, cell in enumerate(row):
            for k, text in enumerate((cell,) if isinstance(cell, str) else cell):
                base = y - 5 - size - k * (size + 2)
                c.setFont(FONT, size)
                if r == 0:
                    c.drawCentredString((xs[col] + xs[col + 1]) / 2, base, text)
                elif col == 0:
                    c.drawString(xs[col] + 3, base, text)
                else:
                    c.drawRightString(xs[col + 1] - 6, base, text)
        y -= height
        if rule_every_row or r == 0 or r == len(rows) - 1:
            c.line(xs[0], y, xs[-1], y)
    return y


def hrule_table(path: Path, rule_every_row: bool = False, wrapped: bool = False,
                caption: str = "■第１-２-１表／電源別の導入量") -> Path:
    """Body text, a caption, a table ruled across only (``HRULE_HEAD`` over
    ``HRULE_ROWS``, and ``HRULE_WRAPPED`` with ``wrapped``), a source line, body text."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, caption)
    rows = [HRULE_HEAD, *HRULE_ROWS, *([HRULE_WRAPPED] if wrapped else [])]
    bottom = draw_hrule_table(c, LEFT_X, 718, [110, 90, 90, 110], rows, rule_every_row)
    return source_and_body_below(c, bottom, path)


def two_column_hrule_table(path: Path, head: Sequence[str], rows: Sequence[Sequence[Cell]],
                           widths: Sequence[float]) -> Path:
    """Body text, a caption, a table of two columns ruled across only, a source line."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "■第１-２-２表／区分別の件数")
    bottom = draw_hrule_table(c, LEFT_X, 718, widths, [list(head), *rows], False)
    return source_and_body_below(c, bottom, path)


def columns_under_heads_between_rules(path: Path) -> Path:
    """The page's two columns of running text between rules across, each under a heading
    of its own on one line: a header over two columns, but no table."""
    c = _canvas(path)
    c.setLineWidth(0.5)
    c.line(LEFT_X, 772, RIGHT_X + 210, 772)
    draw(c, LEFT_X, 758, "１　左の見出し", 10.5)
    draw(c, RIGHT_X, 758, "２　右の見出し", 10.5)
    c.line(LEFT_X, 748, RIGHT_X + 210, 748)
    draw_column(c, LEFT_X, 730, [body_line(f"左{i}") for i in range(1, 8)])
    draw_column(c, RIGHT_X, 730, [body_line(f"右{i}") for i in range(1, 8)])
    c.line(LEFT_X, 600, RIGHT_X + 210, 600)
    c.showPage()
    c.save()
    return path


def rules_between_paragraphs(path: Path) -> Path:
    """Three rules across of the same ends that make no table: one under a heading, one
    between paragraphs, a footnote rule over a footnote; the paragraphs between the
    last two in the page's two columns."""
    c = _canvas(path)
    draw(c, LEFT_X, 780, "第１節　試験用の見出し", 12)
    c.setLineWidth(0.5)
    c.line(LEFT_X, 772, RIGHT_X + 210, 772)
    draw_column(c, LEFT_X, 750, [body_line(f"行{i}", 44) for i in range(1, 5)])
    c.line(LEFT_X, 670, RIGHT_X + 210, 670)
    draw_column(c, LEFT_X, 650, [body_line(f"左{i}") for i in range(1, 8)])
    draw_column(c, RIGHT_X, 650, [body_line(f"右{i}") for i in range(1, 8)])
    c.line(LEFT_X, 520, RIGHT_X + 210, 520)
    draw(c, LEFT_X, 508, "1 試験用の脚注の文。", 7)
    c.showPage()
    c.save()
    return path


SPAN_ROWS: list[list[Cell]] = [["食料品", "11,148", "8.2", "95,000", "25.3"],
                               ["原料品", "13,800", "△2.1", "120,500", "30.1"],
                               ["合計", "981,736", "18.2", "1,185,032", "39.2"]]


def hrule_table_spanning_heads(path: Path, short_rules: bool = True) -> Path:
    """Body text, a caption, a unit line, and a table ruled across only whose header has
    two rows, as the 通商白書 prints them: ``品目`` set down both rows, ``輸出`` and
    ``輸入`` each centred over two columns with (``short_rules``) a short rule under it,
    over ``金額 | 伸び率``; figures right-aligned; a source line, body text."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "第Ⅱ-1-1-2表　品目別の輸出入")
    widths = [120, 80, 70, 80, 70]
    xs = [LEFT_X]
    for w in widths:
        xs.append(xs[-1] + w)
    c.setFont(FONT, 8)
    c.drawRightString(xs[-1], 716, "（単位：億円、％）")
    top, rh, size = 710.0, 16.0, 8.0
    c.setLineWidth(0.5)
    c.line(xs[0], top, xs[-1], top)
    c.drawCentredString((xs[0] + xs[1]) / 2, top - rh - size / 2 + 1, "品目")
    for first, head in ((1, "輸出"), (3, "輸入")):
        c.drawCentredString((xs[first] + xs[first + 2]) / 2, top - rh / 2 - size / 2 + 1, head)
        if short_rules:
            c.line(xs[first] + 2, top - rh, xs[first + 2] - 2, top - rh)
        for k, sub in enumerate(("金額", "伸び率")):
            c.drawCentredString((xs[first + k] + xs[first + k + 1]) / 2,
                                top - 1.5 * rh - size / 2 + 1, sub)
    y = top - 2 * rh
    c.line(xs[0], y, xs[-1], y)
    for row in SPAN_ROWS:
        base = y - rh / 2 - size / 2 + 1
        c.drawString(xs[0] + 3, base, str(row[0]))
        for col, text in enumerate(row[1:], 1):
            c.drawRightString(xs[col + 1] - 4, base, str(text))
        y -= rh
    c.line(xs[0], y, xs[-1], y)
    return source_and_body_below(c, y, path)


UNIT_TABLE: list[list[Cell]] = [["年度", "国民医療費", "うち薬剤費", "前年比"],
                                ["2021", "45.0", "7.8", "4.6"],
                                ["2022", "46.7", "8.0", "3.7"]]


def ruled_table_with_unit_line(path: Path, unit_line: str = "（単位：兆円）",
                               below: bool = False) -> Path:
    """Body text, a caption, a fully ruled table of ``UNIT_TABLE`` (a column of years, two
    of amounts, a ratio ``前年比``) with its unit line set flush right just above it (or,
    ``below``, just under it), a source line, body text (厚生労働白書 style)."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "図表1-1-2　国民医療費の推移")
    widths = [80, 90, 90, 80]
    right = LEFT_X + sum(widths)
    c.setFont(FONT, 8)
    if not below:
        c.drawRightString(right, 716, unit_line)
    bottom = draw_grid(c, LEFT_X, 710, widths, UNIT_TABLE, row_height=18)
    if below:
        c.setFont(FONT, 8)
        c.drawRightString(right, bottom - 10, unit_line)
        bottom -= 12
    return source_and_body_below(c, bottom, path)


def captions_below_across_pages(path: Path) -> Path:
    """A document that prints captions under tables (環境白書 style): a ruled table that
    ends near the page foot, its caption ``表1-1-3`` under it; at the head of the next
    page another table of the same columns, its own caption ``表1-1-4`` under it."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 790, [body_line(f"行{i}", 40) for i in range(1, 3)])
    rows: list[list[Cell]] = [["年度", "一般廃棄物", "産業廃棄物"],
                              *[[str(2000 + i), f"4,{i:03d}", f"38,{i:03d}"] for i in range(22)]]
    bottom = draw_grid(c, LEFT_X, 750, [100, 120, 120], rows, row_height=24)
    draw(c, LEFT_X, bottom - 12, "資料：環境省作成", 8)
    draw(c, 200, bottom - 28, "表1-1-3　廃棄物の排出量")
    draw(c, WIDTH / 2, 30, "8", 9)
    c.showPage()
    rows = [["電源", "2022年度", "2023年度"], ["火力", "7,100", "6,900"],
            ["原子力", "560", "850"]]
    bottom = draw_grid(c, LEFT_X, 800, [100, 120, 120], rows, row_height=24)
    draw(c, LEFT_X, bottom - 12, "資料：資源エネルギー庁", 8)
    draw(c, 200, bottom - 28, "表1-1-4　電源構成の推移")
    draw_column(c, LEFT_X, bottom - 60, [body_line(f"後{i}", 40) for i in range(1, 3)])
    draw(c, WIDTH / 2, 30, "9", 9)
    c.showPage()
    c.save()
    return path


def hrule_table_three_column_heads(path: Path) -> Path:
    """A table ruled across only, 防衛白書 style: ``区分`` set down two header rows,
    ``令和4年度`` and ``令和5年度`` each centred over ``当初 | 補正 | 計`` with no rule
    under them; figures right-aligned."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "図表Ⅲ-1-2-4　予算の推移")
    xs = [LEFT_X, LEFT_X + 100]
    for _ in range(6):
        xs.append(xs[-1] + 60)
    top, rh, size = 716.0, 16.0, 8.0
    c.setLineWidth(0.5)
    c.setFont(FONT, size)
    c.line(xs[0], top, xs[-1], top)
    c.drawCentredString((xs[0] + xs[1]) / 2, top - rh - size / 2 + 1, "区分")
    for first, head in ((1, "令和4年度"), (4, "令和5年度")):
        c.drawCentredString((xs[first] + xs[first + 3]) / 2, top - rh / 2 - size / 2 + 1, head)
        for k, sub in enumerate(("当初", "補正", "計")):
            c.drawCentredString((xs[first + k] + xs[first + k + 1]) / 2,
                                top - 1.5 * rh - size / 2 + 1, sub)
    y = top - 2 * rh
    c.line(xs[0], y, xs[-1], y)
    for row in THREE_SPAN_ROWS:
        base = y - rh / 2 - size / 2 + 1
        c.drawString(xs[0] + 3, base, row[0])
        for col, text in enumerate(row[1:], 1):
            c.drawRightString(xs[col + 1] - 4, base, text)
        y -= rh
    c.line(xs[0], y, xs[-1], y)
    return source_and_body_below(c, y, path)


THREE_SPAN_ROWS = [["人件・糧食費", "21,740", "120", "21,860", "21,969", "98", "22,067"],
                   ["物件費", "32,265", "7,738", "40,003", "46,250", "8,120", "54,370"]]


# --------------------------------------------------------------------------- statistical tables

AGE_TABLE: list[list[Cell]] = [
    ["区分", "総数", "15～29歳", "30～44歳", "45～64歳", "65歳以上"],
    ["総数", "6,700", "1,100", "1,500", "2,800", "1,300"],
    ["　男性", "3,700", "560", "820", "1,550", "770"],
    ["　女性", "3,000", "540", "680", "1,250", "530"],
    ["　　うち非正規", "1,400", "300", "280", "520", "300"]]


def indented_age_table(path: Path, unit_over_caption: bool = False) -> Path:
    """A fully ruled table of workers by age band, 厚生労働白書 style: ``総数`` over its
    sub-categories ``　男性`` and ``　女性`` set in by a full-width space, ``　　うち非正規``
    by two under ``女性``; a unit line ``（単位：万人）`` flush right between the caption
    and the table (``unit_over_caption``: over the caption)."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "図表1-2-3　年齢階級別の就業者数")
    c.setFont(FONT, 8)
    c.drawRightString(LEFT_X + 400, 745 if unit_over_caption else 716, "（単位：万人）")
    bottom = draw_grid(c, LEFT_X, 710, [100, 60, 60, 60, 60, 60], AGE_TABLE, row_height=18)
    return source_and_body_below(c, bottom, path)


SPENDING_TABLE = [["費目", "2022年", "2023年", "前年比（％）"],
                  ["消費支出", "290,865", "293,997", "1.1"],
                  ["食料", "83,000", "85,000", "2.4"],
                  ["住居", "18,000", "17,500", "△2.8"],
                  ["光熱・水道", "24,000", "23,000", "△4.2"],
                  ["その他", "165,865", "168,497", "1.6"]]


def household_spending_table(path: Path, unit_line: str = "（単位：円、％）",
                             ratio_head: str = "前年比（％）", note: str = "") -> Path:
    """A table ruled across only of a household's spending, 家計調査 style: the total
    ``消費支出`` flush left, its items set in an em (by position, no space glyph), the
    years' amounts and a ratio (headed ``ratio_head``) flush right; ``unit_line`` flush
    right between the caption and the table; with ``note``, that note in 7 pt under the
    last row, over the foot rule."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 730, "図表2-1-1　消費支出の内訳")
    c.setFont(FONT, 8)
    c.drawRightString(LEFT_X + 400, 722, unit_line)
    xs = [LEFT_X, LEFT_X + 130, LEFT_X + 220, LEFT_X + 310, LEFT_X + 400]
    top, size = 716.0, 8.0
    c.setLineWidth(0.5)
    c.line(xs[0], top, xs[-1], top)
    y = top
    for r, row in enumerate([[*SPENDING_TABLE[0][:3], ratio_head], *SPENDING_TABLE[1:]]):
        base = y - 5 - size
        for col, text in enumerate(row):
            if r == 0:
                c.drawCentredString((xs[col] + xs[col + 1]) / 2, base, text)
            elif col == 0:
                c.drawString(xs[0] + 3 + (size if r > 1 else 0), base, text)
            else:
                c.drawRightString(xs[col + 1] - 6, base, text)
        y -= 18
        if r == 0 or (r == len(SPENDING_TABLE) - 1 and not note):
            c.line(xs[0], y, xs[-1], y)
    if note:
        draw(c, xs[0] + 3, y - 10, note, 7)
        y -= 16
        c.line(xs[0], y, xs[-1], y)
    return source_and_body_below(c, y, path)


PREFECTURE_ROWS = [("北海道", "93,600", "553,200"), ("青森", "41,700", "256,900"),
                   ("岩手", "47,100", "251,800"), ("宮城", "62,000", "326,800"),
                   ("秋田", "83,800", "456,500"), ("山形", "61,300", "359,500"),
                   ("福島", "57,700", "326,800"), ("茨城", "59,900", "318,700"),
                   ("栃木", "51,700", "271,400"), ("群馬", "14,500", "70,700"),
                   ("埼玉", "28,100", "140,200"), ("千葉", "47,800", "263,800"),
                   ("東京", "120", "510"), ("神奈川", "2,850", "13,800"),
                   ("新潟", "115,700", "620,000"), ("富山", "35,200", "194,300"),
                   ("石川", "23,200", "121,500"), ("福井", "23,700", "123,300"),
                   ("山梨", "4,750", "25,000"), ("長野", "30,300", "185,900"),
                   ("岐阜", "20,800", "101,700"), ("静岡", "14,900", "76,200"),
                   ("愛知", "25,800", "130,400"), ("三重", "25,100", "127,100"),
                   ("滋賀", "29,400", "152,300"), ("京都", "13,700", "70,000"),
                   ("大阪", "4,570", "22,100"), ("兵庫", "34,100", "168,100"),
                   ("奈良", "8,290", "42,900"), ("和歌山", "5,970", "29,000")]


def prefecture_table_over_pages(path: Path, note: str = "") -> Path:
    """A fully ruled table of rice by prefecture, 農林水産省 style (``作付面積(ha)``,
    ``収穫量(t)``), that runs over two pages, its header printed again on the second; under
    the prefectures a ``計`` row whose label is centred in its cell (the sums of the 30
    rows: 1,067,650 ha and 5,800,410 t); with ``note``, a row one cell across the frame
    under it holding that note; a source line."""
    c = _canvas(path)
    draw(c, LEFT_X, 800, "表3-1-2　都道府県別の水稲の作付面積及び収穫量")
    head: list[Cell] = ["都道府県", "作付面積(ha)", "収穫量(t)"]
    data: list[list[Cell]] = [list(r) for r in PREFECTURE_ROWS]
    draw_grid(c, LEFT_X, 785, [120, 120, 120], [head, *data[:26]], row_height=26)
    draw(c, WIDTH / 2, 30, "41", 12)
    c.showPage()
    area = sum(int(a.replace(",", "")) for _, a, _ in PREFECTURE_ROWS)
    crop = sum(int(b.replace(",", "")) for _, _, b in PREFECTURE_ROWS)
    rows: list[list[Cell]] = [head, *data[26:], ["", f"{area:,}", f"{crop:,}"]]
    across: list[tuple[int, int]] = []
    if note:
        rows.append([note, "", ""])
        across = [(len(rows) - 1, 0), (len(rows) - 1, 1)]
    bottom = draw_grid(c, LEFT_X, 790, [120, 120, 120], rows, row_height=26,
                       spans_across=across)
    draw(c, LEFT_X + 56, 790 - 26 * 5 - 11, "計", 8)     # centred in the 120 pt cell
    draw(c, LEFT_X, bottom - 14, "資料：農林水産省「作物統計」", 8)
    draw_column(c, LEFT_X, bottom - 60, [body_line(f"後{i}", 40) for i in range(1, 3)])
    draw(c, WIDTH / 2, 30, "42", 12)
    c.showPage()
    c.save()
    return path


OUTPUT_ROWS = [["品目", "2021年", "2022年", "2023年"],
               ["米", "13,699", "13,946", "14,500"],
               ["野菜", "21,467", "21,515", "22,300"],
               ["果実", "9,159", "9,232", "9,400"],
               ["畜産", "34,048", "34,914", "35,800"],
               ["その他", "10,077", "10,100", "10,200"],
               ["計", "88,450", "89,707", "92,200"]]


LOCAL_TAX_ROWS: list[list[Cell]] = [["区分", "令和3年度", "令和4年度", "増減額"],
                                    ["道府県税", "206,000", "213,500", "7,500"],
                                    ["市町村税", "220,000", "218,300", "△1,700"],
                                    ["地方法人特別税", "2,000", "－", "△2,000"],
                                    ["森林環境税", "－", "…", "…"],
                                    ["合計", "428,000", "431,800", "3,800"]]


def local_tax_table(path: Path, rows: Sequence[Sequence[Cell]] = tuple(LOCAL_TAX_ROWS),
                    unit_line: str = "（単位：億円）") -> Path:
    """A fully ruled table of figures, 地方財政白書 style: ``rows`` (``LOCAL_TAX_ROWS``:
    ``△`` for a fall, ``－`` for nil, ``…`` for not available, ``合計`` under the items),
    ``unit_line`` flush right over it, and a note and a source each printed as a row one
    cell across the frame at its foot."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "第2-1-4表　地方税収の推移")
    c.setFont(FONT, 8)
    c.drawRightString(LEFT_X + 380, 726, unit_line)
    foot: list[list[Cell]] = [["注：令和4年度は決算見込額である。", "", "", ""],
                              ["資料：総務省「地方財政統計」", "", "", ""]]
    n = len(rows)
    across = [(r, k) for r in (n, n + 1) for k in range(3)]
    bottom = draw_grid(c, LEFT_X, 720, [140, 80, 80, 80], [*rows, *foot], row_height=18,
                       spans_across=across)
    draw_column(c, LEFT_X, bottom - 40, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


WAITING_ROWS: list[list[Cell]] = [
    ["年", ("0～2歳", "（人）"), ("3歳以上", "（人）"), ("計", "（人）"), ("前年比", "（％）")],
    ["令和元年", "14,814", "1,958", "16,772", "△15.8"],
    ["2", "10,830", "1,609", "12,439", "△25.8"],
    ["3", "4,748", "886", "5,634", "△54.7"],
    ["4", "2,565", "379", "2,944", "△47.7"],
    ["5", "2,295", "385", "2,680", "△9.0"]]


def abbreviated_years_table(path: Path, rows: Sequence[Sequence[Cell]] = tuple(WAITING_ROWS),
                            ) -> Path:
    """A fully ruled time series, 厚生労働白書 style: its years set down the first column,
    the first whole (``令和元年``) and the rest by their number alone (``2``, ``3`` …);
    each head's unit printed under it (``0～2歳`` over ``（人）``)."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "図表1-4-2　保育所等の待機児童数の推移")
    bottom = draw_grid(c, LEFT_X, 725, [80, 80, 80, 80, 80], rows, row_height=24)
    return source_and_body_below(c, bottom, path)


def ruled_across_rows(c: canvas.Canvas, xs: Sequence[float], y: float,
                      rows: Sequence[Sequence[Cell]]) -> float:
    """Data rows of a table ruled across only, 16 pt apart under a rule at ``y``: each
    label flush left, its figures flush right in their columns (``xs``: the borders), a
    rule under the last. Returns the foot rule's height."""
    c.line(xs[0], y, xs[-1], y)
    for row in rows:
        c.drawString(xs[0] + 3, y - 12, row[0])
        for k, text in enumerate(row[1:], 1):
            c.drawRightString(xs[k + 1] - 6, y - 12, text)
        y -= 16
    c.line(xs[0], y, xs[-1], y)
    return y


FISHERY_ROWS: list[list[Cell]] = [["区分", "生産量", "産出額", "前年比"],
                                  ["", "（千t）", "（億円）", "（％）"],
                                  ["海面漁業", "2,951", "9,000", "△3.1"],
                                  ["海面養殖業", "927", "5,500", "1.2"],
                                  ["内水面", "53", "1,100", "－"],
                                  ["計", "3,931", "15,600", "△1.9"]]


def unit_row_table(path: Path, ruled: bool = True, unit_line: str = "") -> Path:
    """水産白書 style: each head's unit printed in a row of its own under it (``（千t）``,
    ``（億円）``, ``（％）``), ``区分`` set down both header rows; ``FISHERY_ROWS``, fully
    ruled (``ruled``) or ruled across only (a rule over and under the header, one at the
    foot). With ``unit_line``, a fully ruled table with no row of units, that line
    flush right over it instead."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "表3-3-1　漁業・養殖業の生産量と産出額")
    xs = [LEFT_X, LEFT_X + 120, LEFT_X + 200, LEFT_X + 280, LEFT_X + 360]
    if unit_line:
        c.setFont(FONT, 8)
        c.drawRightString(xs[-1], 731, unit_line)
    if ruled:
        rows = [FISHERY_ROWS[0], *FISHERY_ROWS[2:]] if unit_line else FISHERY_ROWS
        bottom = draw_grid(c, LEFT_X, 725, [120, 80, 80, 80], rows, row_height=18,
                           spans_down=[] if unit_line else [(0, 0)])
        return source_and_body_below(c, bottom, path)
    top, size = 725.0, 8.0
    c.setLineWidth(0.5)
    c.setFont(FONT, size)
    c.line(xs[0], top, xs[-1], top)
    for r, row in enumerate(FISHERY_ROWS[:2]):
        for k, head in enumerate(row):
            c.drawCentredString((xs[k] + xs[k + 1]) / 2, top - 12 - 10 * r, head)
    y = ruled_across_rows(c, xs, top - 28, FISHERY_ROWS[2:])
    return source_and_body_below(c, y, path)


BUDGET_ROWS: list[list[Cell]] = [["区分", "令和4年度", "令和5年度", "増減"],
                                 ["社会保障関係費", "362,735", "368,889", "6,154"],
                                 ["文教及び科学振興費", "53,901", "54,158", "257"],
                                 ["国債費", "243,393", "252,503", "9,110"],
                                 ["地方交付税交付金等", "158,825", "163,992", "5,167"],
                                 ["防衛関係費", "53,687", "101,686", "47,999"],
                                 ["その他", "235,055", "202,952", "△32,103"],
                                 ["合計", "1,107,596", "1,144,180", "36,584"]]


def ruled_down_table(path: Path, rows: Sequence[Sequence[Cell]] = tuple(BUDGET_ROWS)) -> Path:
    """財務 style: a frame, a rule down between every two columns, one under the header
    and one over the last row (合計), none between the other rows; heads centred,
    labels flush left, figures flush right, a wrapped cell's lines a row's pitch apart
    (17 pt); a unit line over it."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "第1-2-3表　一般会計歳出の推移")
    xs = [LEFT_X, LEFT_X + 120, LEFT_X + 200, LEFT_X + 280, LEFT_X + 360]
    c.setFont(FONT, 8)
    c.drawRightString(xs[-1], 728, "（単位：億円）")
    top = y = 722.0
    c.setLineWidth(0.5)
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            c.setFont(FONT, 8)
            for n, text in enumerate((cell,) if isinstance(cell, str) else cell):
                if r == 0:
                    c.drawCentredString((xs[k] + xs[k + 1]) / 2, y - 12 - 17 * n, text)
                elif k == 0:
                    c.drawString(xs[0] + 3, y - 12 - 17 * n, text)
                else:
                    c.drawRightString(xs[k + 1] - 4, y - 12 - 17 * n, text)
        y -= 17 * max(1 if isinstance(cell, str) else len(cell) for cell in row)
        if r in (0, len(rows) - 2):
            c.line(xs[0], y, xs[-1], y)
    c.line(xs[0], top, xs[-1], top)
    c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, top, x, y)
    return source_and_body_below(c, y, path)


EMPLOYEE_ROWS: list[list[Cell]] = [
    ["性別", "雇用形態", "2022年", "2023年"],
    ["男性", "計", "3,000", "3,010"], ["", "正規", "2,340", "2,345"],
    ["", "非正規", "660", "665"],
    ["女性", "計", "2,700", "2,730"], ["", "正規", "1,240", "1,260"],
    ["", "非正規", "1,460", "1,470"]]


def two_label_columns_table(path: Path) -> Path:
    """A fully ruled table labelled in two columns (厚生労働白書 style): ``男性`` and ``女性``
    each merged down over three rows, ``計``, ``正規``, ``非正規`` beside them; a unit
    line."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "図表2-1-6　性別・雇用形態別の雇用者数")
    c.setFont(FONT, 8)
    c.drawRightString(LEFT_X + 340, 728, "（単位：万人）")
    bottom = draw_grid(c, LEFT_X, 722, [60, 100, 90, 90], EMPLOYEE_ROWS, row_height=18,
                       spans_down=[(1, 0), (2, 0), (4, 0), (5, 0)])
    return source_and_body_below(c, bottom, path)


def single_ages_table(path: Path, ages: int = 15) -> Path:
    """A table ruled across only of the population by single years of age (総務省 人口推計
    style): ``0歳`` … flush left, 男性 ``400 + 3 × age``, 女性 ``380 + 2 × age`` flush
    right, a thin rule under every fifth row for the eye; a unit line."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "表6-1-1　年齢別の人口")
    c.setFont(FONT, 8)
    c.drawRightString(LEFT_X + 300, 728, "（単位：千人）")
    xs = [LEFT_X, LEFT_X + 100, LEFT_X + 200, LEFT_X + 300]
    top = y = 722.0
    c.setLineWidth(0.5)
    c.line(xs[0], top, xs[-1], top)
    for k, head in enumerate(["年齢", "男性", "女性"]):
        c.drawCentredString((xs[k] + xs[k + 1]) / 2, y - 12, head)
    y -= 17
    c.line(xs[0], y, xs[-1], y)
    for age in range(ages):
        row = [f"{age}歳", f"{400 + 3 * age:,}", f"{380 + 2 * age:,}"]
        c.drawString(xs[0] + 3, y - 11, row[0])
        for k, text in enumerate(row[1:], 1):
            c.drawRightString(xs[k + 1] - 6, y - 11, text)
        y -= 14
        if age % 5 == 4 or age == ages - 1:
            c.setLineWidth(0.25 if age < ages - 1 else 0.5)
            c.line(xs[0], y, xs[-1], y)
    return source_and_body_below(c, y, path)


TIMBER_ROWS = [["区分", "2021年", "2022年", "2023年"], ["国産材", "33,721", "34,617", "34,000"],
               ["輸入材", "48,493", "50,000", "47,000"], ["計", "82,214", "84,617", "81,000"]]


def hrule_table_unit_line_inside(path: Path) -> Path:
    """森林・林業白書 style: a table ruled across only whose unit line ``（単位：千m3）`` is
    set flush right under the top rule, over the heads, inside the header band;
    ``TIMBER_ROWS`` (heads centred, figures flush right)."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 780, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 740, "表2-5-1　木材供給量の推移")
    xs = [LEFT_X, LEFT_X + 120, LEFT_X + 200, LEFT_X + 280, LEFT_X + 360]
    top = 725.0
    c.setLineWidth(0.5)
    c.setFont(FONT, 8)
    c.line(xs[0], top, xs[-1], top)
    c.drawRightString(xs[-1] - 4, top - 10, "（単位：千m3）")
    for k, head in enumerate(TIMBER_ROWS[0]):
        c.drawCentredString((xs[k] + xs[k + 1]) / 2, top - 22, head)
    y = ruled_across_rows(c, xs, top - 28, TIMBER_ROWS[1:])
    return source_and_body_below(c, y, path)


def banded_table_beside_ruled(path: Path, rows: int = 6, banded: int | None = 1,
                              per_cell: bool = False) -> Path:
    """A page of a 農林水産白書 style: a fully ruled table (表2-1-1) and under it a table
    drawn with no rule at all (表2-1-2): a shaded header and banded rows (every other
    data row shaded, from data row ``banded``), heads centred, figures flush right;
    ``rows`` data rows of ``OUTPUT_ROWS`` (6: down to 計, the last row unshaded when the
    bands start at the first); with ``per_cell``, each band drawn as one rectangle per
    cell, side by side; with ``banded`` None, the header alone shaded; source lines,
    body text."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 790, [body_line(f"行{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, 745, "表2-1-1　農業経営体数の推移")
    bottom = draw_grid(c, LEFT_X, 730, [120, 90, 90],
                       [["区分", "2020年", "2023年"], ["農業経営体", "1,076", "929"],
                        ["うち団体経営体", "38", "40"]], row_height=18)
    draw(c, LEFT_X, bottom - 12, "資料：農林水産省「農林業センサス」", 8)
    draw(c, LEFT_X, bottom - 45, "表2-1-2　品目別の産出額")
    xs = [LEFT_X, LEFT_X + 120, LEFT_X + 210, LEFT_X + 300, LEFT_X + 390]
    top, pitch, size = bottom - 59, 18.0, 8.0
    for r, row in enumerate(OUTPUT_ROWS[:rows + 1]):
        y = top - pitch * r
        if r == 0 or (banded is not None and (r - banded) % 2 == 0):
            c.setFillGray(0.75 if r == 0 else 0.92)
            for left, right in itertools.pairwise(xs) if per_cell else [(xs[0], xs[-1])]:
                c.rect(left, y - pitch, right - left, pitch, stroke=0, fill=1)
            c.setFillGray(0)
        c.setFont(FONT, size)
        for col, text in enumerate(row):
            if r == 0:
                c.drawCentredString((xs[col] + xs[col + 1]) / 2, y - 12, text)
            elif col == 0:
                c.drawString(xs[0] + 3, y - 12, text)
            else:
                c.drawRightString(xs[col + 1] - 6, y - 12, text)
    bottom = top - pitch * (rows + 1)
    draw(c, LEFT_X, bottom - 12, "資料：農林水産省「生産農業所得統計」", 8)
    draw_column(c, LEFT_X, bottom - 50, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def banner_figure(path: Path, foot_bar: bool = True) -> Path:
    """A figure (科学技術白書 style) with its caption on a shaded banner across its width,
    boxes of words in three columns under it, and (``foot_bar``) a shaded bar of the
    same width at its foot: two bands of the same ends, far apart, that are no banded
    rows."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 790, [body_line(f"行{i}", 40) for i in range(1, 3)])
    c.setFillGray(0.85)
    c.rect(LEFT_X, 722, 450, 16, stroke=0, fill=1)
    if foot_bar:
        c.rect(LEFT_X, 480, 450, 16, stroke=0, fill=1)
    c.setFillGray(0)
    draw(c, LEFT_X + 4, 726, "■第１-１-２図／基盤モデルの概念図", 9)
    for i, (left, middle, right) in enumerate([("テキスト", "学習", "質問・応答"),
                                               ("画像", "", "感情分析"),
                                               ("音声", "適応", "情報抽出"),
                                               ("3次元情報", "", "物体認識")]):
        y = 690 - 45 * i
        draw(c, LEFT_X + 10, y, left, 9)
        if middle:
            draw(c, LEFT_X + 190, y, middle, 9)
        draw(c, LEFT_X + 340, y, right, 9)
    draw(c, LEFT_X + 4, 484, "資料：試験用に作成", 8)
    draw_column(c, LEFT_X, 440, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def indented_table_over_pages(path: Path) -> Path:
    """A fully ruled table of workers by prefecture and sex (厚生労働白書 style) over two
    pages, its header printed again on the second: each prefecture flush left over
    ``　男性`` and ``　女性`` set in by a full-width space, the prefecture's figures
    their sums (北海道 1,210 = 610 + 600 in 2022). The first page ends after 栃木's
    ``　男性`` (row 26); its ``　女性`` opens the second."""
    c = _canvas(path)
    draw(c, LEFT_X, 800, "図表2-3-1　都道府県別・男女別の就業者数")
    head: list[Cell] = ["区分", "2022年", "2023年"]
    data: list[list[Cell]] = []
    for i, name in enumerate(("北海道", "青森", "岩手", "宮城", "秋田", "山形", "福島",
                              "茨城", "栃木", "群馬")):
        men, women = 610 - 20 * i, 600 - 30 * i
        data += [[name, f"{men + women:,}", f"{men + women + 8:,}"],
                 ["　男性", f"{men:,}", f"{men + 5:,}"], ["　女性", f"{women:,}", f"{women + 3:,}"]]
    draw_grid(c, LEFT_X, 785, [120, 90, 90], [head, *data[:26]], row_height=26)
    draw(c, WIDTH / 2, 30, "41", 12)
    c.showPage()
    bottom = draw_grid(c, LEFT_X, 790, [120, 90, 90], [head, *data[26:]], row_height=26)
    draw(c, LEFT_X, bottom - 14, "資料：総務省「労働力調査」", 8)
    draw(c, WIDTH / 2, 30, "42", 12)
    c.showPage()
    c.save()
    return path


def alternating_running_heads(path: Path, pages: int = 3) -> Path:
    """Three pages (or ``pages``), as 厚生労働白書 sets its heads: the chapter's title on
    even pages (left), the section's title on the odd page between them (right, one
    page only); 8 pt on one baseline; a page number at the foot centre. The first page
    opens with a heading in larger type under the head."""
    c = _canvas(path)
    for n in range(pages):
        if n % 2 == 0:
            draw(c, LEFT_X, 805, "第１章　人口減少社会の課題", 8)
        else:
            draw(c, LEFT_X + 420 - 8 * 15, 805, "第２節　労働市場の動向と課題", 8)
        top = 760
        if n == 0:
            draw(c, LEFT_X, 775, "第２節　労働市場の動向と課題", 13)
            top = 745
        draw_column(c, LEFT_X, top, [body_line(f"頁{n}行{i}", 40) for i in range(1, 6)])
        draw(c, WIDTH / 2, 30, str(10 + n), 9)
        c.showPage()
    c.save()
    return path


def raised_footnote_marks(path: Path) -> Path:
    """One column whose footnote markers are set raised and small (6 pt) with their mark:
    ``介護職員※¹``, ``増加した注²`` (high enough to form a row of its own), ``推計値*³``;
    and ``受注⁴``, whose 注 is the word's own, in the body's size. The notes under a rule
    at the foot."""
    c = _canvas(path)
    y = draw_column(c, LEFT_X, 760, [body_line(f"行{i}", 40) for i in range(1, 3)])
    cases = [("この点について、介護職員", "※1", 4.0, "の数は増加を続けている。"),
             ("常勤の職員の数は増加した", "注2", 6.0, "。"),
             ("この数値は推計値", "*3", 4.0, "である。"),
             ("製造業の受注", "4", 4.0, "の件数は前年を上回った。")]
    for before, mark, rise, after in cases:
        draw(c, LEFT_X, y, before)
        x = LEFT_X + pdfmetrics.stringWidth(before, FONT, BODY)
        draw(c, x, y + rise, mark, 6)
        draw(c, x + pdfmetrics.stringWidth(mark, FONT, 6), y, after)
        y -= PITCH
    draw_column(c, LEFT_X, y, [body_line(f"行{i}", 40) for i in range(3, 5)],
                indent_first=False)
    c.line(LEFT_X, 130, LEFT_X + 150, 130)
    for k, note in enumerate(["※1　介護保険サービスに従事する職員をいう。", "注2　常勤換算による。",
                              "*3　推計値である。", "4　受注額の集計による。"]):
        draw(c, LEFT_X, 118 - 10 * k, note, 7)
    c.showPage()
    c.save()
    return path


def photo_in_one_column(path: Path) -> Path:
    """Two columns (環境白書): the left one holds a paragraph, a framed chart with a label
    inside and its 資料： line, and a paragraph that runs on to the top of the right
    column; the right one, under that paragraph's end, an empty frame (a photograph)
    with its caption, then a paragraph."""
    c = _canvas(path)
    y = draw_column(c, LEFT_X, 760, [body_line(f"左{i}") for i in range(1, 7)])
    draw(c, LEFT_X, y - 10, "図１　試験用の図の題名", 9)
    c.rect(LEFT_X, y - 150, 210, 125)
    draw(c, LEFT_X + 20, y - 60, "億トン", 7)
    draw(c, LEFT_X, y - 165, "資料：試験用に作成", 7)
    draw_column(c, LEFT_X, y - 190, [body_line(f"続{i}") for i in range(1, 16)])
    y = draw_column(c, RIGHT_X, 760, [body_line(f"続{i}") for i in range(16, 19)],
                    indent_first=False)
    c.rect(RIGHT_X, y - 140, 210, 125)
    draw(c, RIGHT_X, y - 155, "写真　試験用の写真の題名", 9)
    draw_column(c, RIGHT_X, y - 180, [body_line(f"右{i}") for i in range(1, 7)])
    c.showPage()
    c.save()
    return path


def heading_at_page_top(path: Path) -> Path:
    """Two pages of one column; the second opens, right under its running head, with an
    unnumbered heading in larger type (13 pt) over body text that is not indented."""
    c = _canvas(path)
    for n in range(2):
        draw(c, LEFT_X, 805, "第２章　試験の取組", 8)
        top = 760
        if n == 1:
            draw(c, LEFT_X, 765, "人手不足への対応", 13)
            top = 740
        draw_column(c, LEFT_X, top, [body_line(f"頁{n}行{i}", 40) for i in range(1, 6)],
                    indent_first=n == 0)
        draw(c, WIDTH / 2, 30, str(10 + n), 9)
        c.showPage()
    c.save()
    return path


def caption_title_wraps(path: Path) -> Path:
    """A caption whose title wraps onto a second line set under the title's first glyph
    (``図表1-2-3　…`` / ``　　　　　（2013年度～2022年度）``), a framed chart with a label,
    a 資料： line, then a line of the same size at the caption's own edge under a
    second caption (a figure's text, not the title's)."""
    c = _canvas(path)
    y = draw_column(c, LEFT_X, 760, [body_line(f"行{i}", 40) for i in range(1, 4)])
    label = "図表1-2-3　"
    draw(c, LEFT_X, y - 10, label + "都道府県別にみた保護地域の面積と利用者数の推移", 10)
    draw(c, LEFT_X + pdfmetrics.stringWidth(label, FONT, 10), y - 24, "（2013年度～2022年度）", 10)
    c.rect(LEFT_X + 40, y - 180, 340, 140)
    draw(c, LEFT_X + 60, y - 60, "（万人）", 8)
    draw(c, LEFT_X, y - 195, "資料：環境省「自然公園等利用者数調」", 8)
    y = draw_column(c, LEFT_X, y - 225, [body_line(f"後{i}", 40) for i in range(1, 3)])
    draw(c, LEFT_X, y - 10, "図表1-2-4　保護地域の内訳", 10)
    draw(c, LEFT_X, y - 24, "（2022年度）", 10)
    c.rect(LEFT_X + 40, y - 180, 340, 140)
    draw(c, LEFT_X + 60, y - 60, "（万ha）", 8)
    draw_column(c, LEFT_X, y - 215, [body_line(f"末{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def lone_ordinal_heading(path: Path) -> Path:
    """警察白書's outline with one section: the chapter's title (16 pt), ``第1　暴力団情勢``
    in heading type (13 pt) and no 第2 after it, body text; then ``第3　組織の動向`` in
    heading type further down (a lone number that is not the first)."""
    c = _canvas(path)
    draw(c, LEFT_X, 780, "第３章　組織犯罪対策", 16)
    draw(c, LEFT_X, 745, "第1　暴力団情勢", 13)
    y = draw_column(c, LEFT_X, 720, [body_line(f"行{i}", 40) for i in range(1, 5)])
    draw(c, LEFT_X, y - 15, "第3　組織の動向", 13)
    draw_column(c, LEFT_X, y - 40, [body_line(f"後{i}", 40) for i in range(1, 4)])
    c.showPage()
    c.save()
    return path


def table_cells_of(path: Path) -> pd.DataFrame:
    """The ``table_cells`` rows a PDF's tables give: extract, structure, rebuild (the
    stages' cores, no files written)."""
    from pipeline.common.frames import to_frame
    from pipeline.extract.pdf.reader import extract_pdf
    from pipeline.schemas import DATASETS
    from pipeline.structure.stage import structure_chapter
    from pipeline.tables.cell_records import cell_rows
    from pipeline.tables.chapter_tables import rebuild_tables

    extracted = extract_pdf(path, "made9999-1-1")
    structured = structure_chapter(extracted)
    tables, _, _ = rebuild_tables(to_frame(DATASETS["paragraphs"], structured.paragraphs),
                                  to_frame(DATASETS["figures"], structured.figures),
                                  list(extracted.tables))
    return pd.DataFrame(cell_rows(tables))


GOTHIC = "HeiseiKakuGo-W5"


def draw_gothic(c: canvas.Canvas, x: float, y: float, text: str, size: float = BODY) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(GOTHIC))
    c.setFont(GOTHIC, size)
    c.drawString(x, y, text)


def bulleted_subheads(path: Path) -> Path:
    """One column (観光白書 style): a sub-head ``●国・地域別の状況`` in gothic at body size,
    short, over a paragraph indented one em (where a bulleted item's text would hang);
    then a bulleted item in body type whose text wraps and hangs under its text."""
    c = _canvas(path)
    y = draw_column(c, LEFT_X, 760, [body_line(f"行{i}", 40) for i in range(1, 4)])
    draw_gothic(c, LEFT_X, y - 6, "●国・地域別の状況")
    y -= 6 + PITCH
    text = ("国・地域別にみると、韓国が最も多く、次いで台湾、中国、香港、米国の順となって"
            "いる。上位5か国・地域で全体の約7割を占めている。")
    draw(c, LEFT_X + BODY, y, text[:39])
    draw(c, LEFT_X, y - PITCH, text[39:])
    y -= 2 * PITCH
    item = "●東アジア市場における個人旅行者の取込みと、欧米豪市場における高付加価値旅行者の誘致を進める。"
    draw(c, LEFT_X, y, item[:40])
    draw(c, LEFT_X + BODY, y - PITCH, item[40:])
    draw_column(c, LEFT_X, y - 2 * PITCH, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def source_below_column_notes(path: Path) -> Path:
    """Two columns (厚生労働白書 style): the left column's text ends higher, its two
    footnotes (7 pt) under a short rule below it; the right column ends in a framed
    chart whose two-line 資料： line (7 pt) is printed lower than the left column's last
    line and a little higher than the notes, beside them, not under them."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 760, [body_line(f"左{i}") for i in range(1, 25)])
    y = draw_column(c, RIGHT_X, 760, [body_line(f"右{i}") for i in range(1, 20)])
    draw(c, RIGHT_X, y - 5, "図表1-1-1　出生数の推移", 9)
    c.rect(RIGHT_X, y - 150, 210, 135)
    draw(c, RIGHT_X + 10, y - 30, "（万人）", 7)
    draw(c, RIGHT_X, y - 162, "資料：厚生労働省政策統括官付参事官付人口動態・保健社会統", 7)
    draw(c, RIGHT_X, y - 171, "計室「人口動態統計」", 7)
    c.line(LEFT_X, y - 180, LEFT_X + 80, y - 180)
    draw(c, LEFT_X, y - 190, "1　日本における日本人の出生数である。", 7)
    draw(c, LEFT_X, y - 199, "2　日本における日本人の婚姻件数である。", 7)
    c.showPage()
    c.save()
    return path


def short_labelled_column(path: Path) -> Path:
    """A shaded box across two columns holding a column's label ``コラム　題名`` (gothic,
    body size) and three lines and a half of prose in 9 pt: too few lines for a boxed
    column by their count alone."""
    c = _canvas(path)
    draw_column(c, LEFT_X, 790, [body_line(f"行{i}", 40) for i in range(1, 3)])
    c.setFillGray(0.92)
    c.rect(LEFT_X - 5, 640, 475, 100, stroke=0, fill=1)
    c.setFillGray(0)
    draw_gothic(c, LEFT_X, 720, "コラム　地域における子育て支援の取組")
    prose = ["A市では、地域の子育て支援拠点において、保育士等の専門職による相談支援を行っ",
             "ている。利用者からは、気軽に相談できる場所があることで、子育ての不安が軽減さ",
             "れたとの声が寄せられている。こうした地域の取組は、子育て世帯の孤立を防ぐ上で",
             "重要な役割を果たしている。"]
    for i, text in enumerate(prose):
        draw(c, LEFT_X + (9 if i == 0 else 0), 700 - 14 * i, text, 9)
    draw_column(c, LEFT_X, 610, [body_line(f"後{i}", 40) for i in range(1, 3)])
    c.showPage()
    c.save()
    return path


def side_column_notes(path: Path) -> Path:
    """防衛白書's page: a main column 32 em wide of body text, and beside it a narrow
    column (122 pt) of shaded note boxes in 8 pt, a box's lines set between the main
    column's lines; one box stands beside a paragraph's wrap."""
    c = _canvas(path)
    paragraphs = ["我が国は、戦後最も厳しく複雑な安全保障環境に直面している。このため、防衛力を"
                  "抜本的に強化することとした。防衛力は、我が国の安全保障を確保するための最終的"
                  "な担保である。",
                  "日米両国は、日米安全保障協議委員会において、同盟の役割、任務及び能力について"
                  "議論を重ね、共同対処のための態勢を強化してきた。引き続き、あらゆる段階で緊密"
                  "に連携していく。この連携は、平素から緊急事態に至るまで切れ目なく行われる。"]
    y = 760.0
    for text in paragraphs * 2:
        cut = [0, 30, *range(61, len(text), 31), len(text)]
        for k, (start, end) in enumerate(itertools.pairwise(cut)):
            draw(c, LEFT_X + (BODY if k == 0 else 0), y, text[start:end])
            y -= PITCH
    for top, title, notes in [(765, "解説　抑止力", ["相手に対し、攻撃をし", "ても目的を達成できず",
                                                  "、損害を被ると認識さ", "せる能力をいう。"]),
                              (650, "用語　反撃能力", ["相手のミサイル発射基", "地等に対し、有効な反",
                                                    "撃を加える能力をいう。"])]:
        height = 22 + 12 * len(notes)
        c.setFillGray(0.92)
        c.rect(415, top - height, 122, height, stroke=0, fill=1)
        c.setFillGray(0)
        draw_gothic(c, 420, top - 14, title, 8.5)
        for k, note in enumerate(notes):
            draw(c, 420, top - 28 - 12 * k, note, 8)
    c.showPage()
    c.save()
    return path


def gothic_subheads(path: Path, all_gothic: bool = False) -> Path:
    """One column (a white paper's sub-heads in a gothic face of regular weight, W5, at
    body size over mincho body text): a paragraph, a sub-head ``●国・地域別の状況`` with
    space above, a paragraph, two sub-heads ``①　…`` and ``②　…`` each over a
    paragraph, a body line with a gothic word inside it, and a whole line in gothic filling the
    column (an emphasised sentence) that wraps on to a mincho line. ``all_gothic``: every line in the gothic
    face, as a document set in gothic throughout."""
    c = _canvas(path)
    pdfmetrics.registerFont(UnicodeCIDFont(GOTHIC))
    face = GOTHIC if all_gothic else FONT

    def body(x: float, y: float, text: str) -> None:
        c.setFont(face, BODY)
        c.drawString(x, y, text)

    prose = ("訪日外国人旅行者数は増加を続けており、地域経済の活性化に大きく寄与している。"
             "今後も受入環境の整備を進めることが重要である。")
    y = 760.0
    for title in ("●国・地域別の状況", "①　訪日外国人旅行者数の推移", "②　旅行消費額の動向"):
        draw_gothic(c, LEFT_X, y - 6, title)
        y -= 6 + PITCH
        body(LEFT_X + BODY, y, prose[:39])
        body(LEFT_X, y - PITCH, prose[39:])
        y -= 2 * PITCH
    body(LEFT_X + BODY, y, "このうち")
    draw_gothic(c, LEFT_X + 5 * BODY, y, "個人旅行者")
    body(LEFT_X + 10 * BODY, y, "の割合は年々高まっている。")
    y -= PITCH
    draw_gothic(c, LEFT_X, y, "観光は我が国の成長戦略の柱であり、地方創生の切り札であることから、政府一体と")
    body(LEFT_X, y - PITCH, "なって取組を進める。")
    c.showPage()
    c.save()
    return path
