"""Headings evidenced by their numbering sequence (``pipeline.structure.numbering``), on
made-up chapters in the styles of other ministries (reportlab, a Japanese CID font):
厚生労働白書's ``第1章 / 第1節 / １ / （１） / ①`` with the ``①`` sub-heads in bold type
smaller than the body or in the body's own type, excerpts that start at ``２`` or
``（２）`` (防衛白書), ``(a)`` sub-heads (環境白書), and what must stay text: a list of
numbered items with no text between them, a lone ``①``, an item numbered in a figure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from pipeline.extract.pdf.reader import extract_pdf
from pipeline.structure.numbering import Candidate, runs
from pipeline.structure.patterns import HeadingMatch, label_shape, match_free_level_heading
from pipeline.structure.stage import Structured, structure_chapter

MINCHO, GOTHIC = "HeiseiMin-W3", "HeiseiKakuGo-W5"
BODY, PITCH, LEFT = 10.5, 17.0, 60.0
FILL = "本文の行を埋めるための文字列です。厚生労働白書の試験用の段落として書かれた文章"


def text(c: canvas.Canvas, x: float, y: float, s: str, size: float = BODY,
         font: str = MINCHO, bold: bool = False) -> None:
    """``s`` at baseline ``y``; ``bold`` prints it twice 0.4 pt apart (fake bold)."""
    c.setFont(font, size)
    c.drawString(x, y, s)
    if bold:
        c.drawString(x + 0.4, y, s)


def paragraph(c: canvas.Canvas, y: float, tag: str, lines: int = 3) -> float:
    """A body paragraph of full 40-character lines (the first indented one em), its
    last line a sentence's end; the baseline below it."""
    for i in range(lines):
        body = (tag + FILL * 3)[: 39 if i == 0 else 40]
        if i == lines - 1:
            body = body[:20] + "。"
        text(c, LEFT + (BODY if i == 0 else 0), y, body)
        y -= PITCH
    return y - 6


Style = tuple[float, str, bool]          # size, font, bold
SMALL_BOLD: Style = (9.5, GOTHIC, True)
PLAIN: Style = (BODY, MINCHO, False)
BODY_BOLD: Style = (BODY, GOTHIC, True)


def mhlw_chapter(sub: Style, heads: Sequence[str] = ("①出生率の低下", "②地域による差",
                                                      "③年齢別の状況"),
                 ) -> Callable[[canvas.Canvas], None]:
    """第１章 16 pt, 第１節 14 pt, ``１`` 12 pt, ``（１）`` bold at body size, then the
    sub-heads ``heads`` in ``sub`` type, each followed by a paragraph; ``（２）`` last."""
    def draw(c: canvas.Canvas) -> None:
        text(c, LEFT, 790, "第１章　少子高齢社会の現状", 16, GOTHIC)
        text(c, LEFT, 760, "第１節　人口の動向", 14, GOTHIC)
        y = paragraph(c, 735, "人口")
        text(c, LEFT, y - 6, "１　出生数の推移", 12, GOTHIC)
        y = paragraph(c, y - 6 - 2 * PITCH, "出生")
        text(c, LEFT, y - 4, "（１）合計特殊出生率の動き", *BODY_BOLD)
        y -= 2 * PITCH
        for head in heads:
            text(c, LEFT, y, head, *sub)
            y = paragraph(c, y - PITCH - 2, "この項")
        text(c, LEFT, y - 4, "（２）婚姻の動向", *BODY_BOLD)
        paragraph(c, y - 4 - PITCH - 4, "婚姻")
        c.showPage()
    return draw


def excerpt(heads: Sequence[str], style: Style) -> Callable[[canvas.Canvas], None]:
    """An excerpt of a chapter (防衛白書): no 章 or 節 heading, the first heading
    numbered 2, each followed by a paragraph of four lines."""
    def draw(c: canvas.Canvas) -> None:
        y = 790.0
        for head in heads:
            text(c, LEFT, y, head, *style)
            y = paragraph(c, y - PITCH - 6, "防衛", 4) - 10
        c.showPage()
    return draw


def listed_items(c: canvas.Canvas) -> None:
    """A paragraph introducing a list, three items in body type with nothing between
    them, a paragraph after: a list, no headings."""
    y = paragraph(c, 790, "次の三点")
    for item in ("①国際連携の強化", "②人材の育成", "③研究基盤の整備"):
        text(c, LEFT + BODY, y, item)
        y -= PITCH
    paragraph(c, y - 6, "以上")
    c.showPage()


def build(tmp_path: Path, draw: Callable[[canvas.Canvas], None]) -> Structured:
    path = tmp_path / "made.pdf"
    for font in (MINCHO, GOTHIC):
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(path), pagesize=A4)
    draw(c)
    c.save()
    return structure_chapter(extract_pdf(path, "made-up"))


def outline(result: Structured) -> list[tuple[int, str, str, str]]:
    return [(s["level"], s["label"], s["number"], s["title"]) for s in result.sections]


MHLW_OUTLINE = [
    (1, "第１章", "1", "少子高齢社会の現状"), (2, "第１節", "1", "人口の動向"),
    (3, "１", "1", "出生数の推移"), (4, "（１）", "1", "合計特殊出生率の動き"),
    (5, "①", "1", "出生率の低下"), (5, "②", "2", "地域による差"), (5, "③", "3", "年齢別の状況"),
    (4, "（２）", "2", "婚姻の動向"),
]


@pytest.mark.parametrize(("sub", "flag"), [
    (SMALL_BOLD, "numbering_only"), (PLAIN, "numbering_only"), (BODY_BOLD, None),
], ids=["bold-smaller-than-body", "body-type", "bold-body-size"])
def test_circled_sub_heads_in_sequence_are_headings(tmp_path: Path, sub: Style,
                                                    flag: str | None) -> None:
    """Before: in 9.5 pt bold the ``①`` lines were figure text (and the paragraphs under
    ``②`` and ``③`` were joined to the one under ``①``), in body type body text, in bold
    body type unnumbered headings at the level of ``（１）`` with ``①`` in the title.
    Where their type is no heading type, only the numbering says heading: flagged."""
    result = build(tmp_path, mhlw_chapter(sub))
    assert outline(result) == MHLW_OUTLINE
    assert [s["flag"] for s in result.sections] == [None] * 4 + [flag] * 3 + [None]
    parents = {s["section_id"]: s for s in result.sections}
    circled = [s for s in result.sections if s["label"] in "①②③"]
    assert {parents[s["parent_id"]]["label"] for s in circled} == {"（１）"}
    body = [p for p in result.paragraphs if p["kind"] == "body"]
    assert [p["text"][:3] for p in body] == ["人口本", "出生本", "この項", "この項", "この項",
                                             "婚姻本"]
    assert not [p for p in result.paragraphs if p["kind"] == "figure_text"]


TITLES = ["防衛力の抜本的強化", "日米同盟の強化", "安全保障協力の推進"]


@pytest.mark.parametrize(("labels", "style", "level"), [
    (["２", "３", "４"], (12.0, GOTHIC, False), 3),
    (["（2）", "（3）", "（4）"], BODY_BOLD, 4),
], ids=["digit-12pt", "bracketed-bold"])
def test_an_excerpt_starting_at_two_keeps_its_first_heading(
        tmp_path: Path, labels: list[str], style: Style, level: int) -> None:
    """Before: the first heading (``２``, ``（2）``) was figure text or body text, and
    the next ones unnumbered headings of level 2 with their label in the title."""
    sep = "\u3000" if level == 3 else ""
    heads = [f"{label}{sep}{title}" for label, title in zip(labels, TITLES, strict=True)]
    result = build(tmp_path, excerpt(heads, style))
    assert outline(result) == [(level, labels[0], "2", TITLES[0]),
                               (level, labels[1], "3", TITLES[1]),
                               (level, labels[2], "4", TITLES[2])]
    assert [s["flag"] for s in result.sections] == ["breaks_outline", None, None]
    assert [p["kind"] for p in result.paragraphs] == ["body"] * 3


def test_a_lone_numbered_heading_in_heading_type_keeps_its_label(tmp_path: Path) -> None:
    """An excerpt that opens inside a section's text, then one heading ``３`` in 12 pt
    and no other: no run, but its type says heading; its number cannot follow the
    outline, so it is flagged. Before: an unnumbered heading of level 2 titled
    ``３　日米同盟の強化``."""
    def draw(c: canvas.Canvas) -> None:
        y = paragraph(c, 790, "前段", 3)
        text(c, LEFT, y - 6, "３　日米同盟の強化", 12, GOTHIC)
        paragraph(c, y - 6 - 2 * PITCH, "日米", 3)
        c.showPage()
    result = build(tmp_path, draw)
    assert [(s["level"], s["label"], s["number"], s["title"], s["flag"])
            for s in result.sections] == [(3, "３", "3", "日米同盟の強化", "breaks_outline")]


def test_latin_letter_sub_heads_in_sequence(tmp_path: Path) -> None:
    """環境白書-style ``(a)`` sub-heads in bold type a point under the body's."""
    result = build(tmp_path, mhlw_chapter(SMALL_BOLD, ("(a)温室効果ガスの排出量",
                                                       "(b)吸収源対策の状況")))
    assert outline(result)[4:6] == [(5, "(a)", "a", "温室効果ガスの排出量"),
                                    (5, "(b)", "b", "吸収源対策の状況")]


def test_a_circled_sub_head_right_above_its_own_sub_heads(tmp_path: Path) -> None:
    """``①`` followed at once by its ``(a)`` sub-heading: the text under ``(a)`` and ``(b)``
    is the text ``①`` heads. ``(a)`` goes one level below ``①``, and ``②`` back to
    ``①``'s level."""
    def draw(c: canvas.Canvas) -> None:
        text(c, LEFT, 790, "（１）合計特殊出生率の動き", *BODY_BOLD)
        y = 790 - PITCH - 4
        for head, subs in (("①出生率の低下", ("(a)全国の状況", "(b)都市部の状況")),
                           ("②地域による差", ())):
            text(c, LEFT, y, head, *SMALL_BOLD)
            y -= PITCH + 2
            for sub in subs:
                text(c, LEFT, y, sub)
                y = paragraph(c, y - PITCH, "この項")
            y = paragraph(c, y, "まとめ") if not subs else y
        c.showPage()
    result = build(tmp_path, draw)
    assert [(s["level"], s["label"], s["title"], s["flag"]) for s in result.sections] == [
        (4, "（１）", "合計特殊出生率の動き", None),
        (5, "①", "出生率の低下", "numbering_only"),
        (6, "(a)", "全国の状況", "numbering_only"),
        (6, "(b)", "都市部の状況", "numbering_only"),
        (5, "②", "地域による差", "numbering_only"),
    ]


def test_a_fixed_level_scheme_under_a_circled_heading_nests_below_it(tmp_path: Path) -> None:
    """``（１）`` / ``①`` / ``ア``: ``①`` takes level 5, one below ``（１）``; ``ア`` (level 5
    by its scheme) is printed under it and goes to level 6. Before: ``ア`` replaced ``①``
    at level 5, so ``②`` no longer followed the outline and became an unnumbered heading
    ``②地域による差`` at the level of ``（１）``."""
    def draw(c: canvas.Canvas) -> None:
        text(c, LEFT, 790, "（１）合計特殊出生率の動き", *BODY_BOLD)
        y = 790 - PITCH - 4
        for head in ("①出生率の低下", "②地域による差"):
            text(c, LEFT, y, head, *BODY_BOLD)
            y -= PITCH + 2
            for sub in ("ア　全国の状況", "イ　都市部の状況"):
                text(c, LEFT, y, sub, *SMALL_BOLD)
                y = paragraph(c, y - PITCH - 2, "この項", 2)
        c.showPage()
    result = build(tmp_path, draw)
    assert [(s["level"], s["label"], s["title"]) for s in result.sections] == [
        (4, "（１）", "合計特殊出生率の動き"),
        (5, "①", "出生率の低下"), (6, "ア", "全国の状況"), (6, "イ", "都市部の状況"),
        (5, "②", "地域による差"), (6, "ア", "全国の状況"), (6, "イ", "都市部の状況"),
    ]


def test_half_width_kana_sub_heads_in_the_older_order(tmp_path: Path) -> None:
    """``(ｲ)`` ``(ﾛ)`` in body type (half-width kana, イロハ order, as 国土交通省's manuals
    print them). Before: body text (``ｲ`` was no label, and ``ロ`` does not follow ``イ``
    in アイウ order). The run opens at イ, 1st; ``(ﾛ)`` then follows the outline."""
    def draw(c: canvas.Canvas) -> None:
        text(c, LEFT, 790, "（１）合計特殊出生率の動き", *BODY_BOLD)
        y = 790 - PITCH - 4
        for head in ("(ｲ)全国の状況", "(ﾛ)都市部の状況"):
            text(c, LEFT + BODY, y, head)
            y = paragraph(c, y - PITCH, "この項", 2)
        c.showPage()
    result = build(tmp_path, draw)
    assert [(s["level"], s["label"], s["number"], s["title"], s["flag"])
            for s in result.sections] == [
        (4, "（１）", "1", "合計特殊出生率の動き", None),
        (6, "(ｲ)", "イ", "全国の状況", "numbering_only"),
        (6, "(ﾛ)", "ロ", "都市部の状況", None),
    ]


def test_numbered_list_without_text_between_is_no_heading(tmp_path: Path) -> None:
    result = build(tmp_path, listed_items)
    assert result.sections == []
    assert [p["text"] for p in result.paragraphs if p["text"][0] in "①②③"] == [
        "①国際連携の強化", "②人材の育成", "③研究基盤の整備"]


def test_a_lone_circled_line_in_small_type_is_no_heading(tmp_path: Path) -> None:
    """One ``①`` and no ``②``: the numbering gives no evidence, and small type none."""
    result = build(tmp_path, mhlw_chapter(SMALL_BOLD, ("①出生率の低下",)))
    assert "①" not in [s["label"] for s in result.sections]


# --------------------------------------------------------------------------- the parts


@pytest.mark.parametrize(("label", "shape"), [
    ("（３）", "(1)"), ("(1)", "(1)"), ("②", "①"), ("１", "1"), ("１－２．", "1－1．"),
    ("ウ", "ア"), ("（イ）", "(ア)"), ("Ｂ", "A"), ("(c)", "(a)"), ("（ｃ）", "(a)"),
    ("(ﾛ)", "(ア)"), ("2－3", "1－1"), ("１－１－２", "1－1－1"), ("３．", "1．"),
])
def test_label_shape_names_the_scheme(label: str, shape: str) -> None:
    assert label_shape(label) == shape


@pytest.mark.parametrize(("line", "found"), [
    ("①出生率の低下", HeadingMatch(0, "①", "1", 1, "出生率の低下")),
    ("⑫　地域による差", HeadingMatch(0, "⑫", "12", 12, "地域による差")),
    ("(b) 吸収源対策", HeadingMatch(0, "(b)", "b", 2, "吸収源対策")),
    ("（ｃ）概要", HeadingMatch(0, "（ｃ）", "c", 3, "概要")),
    ("①完成4車線で暫定時2車線とする。", None),       # a sentence
    ("①、②の順に", None),
    ("１．計画の手順", HeadingMatch(0, "１．", "1", 1, "計画の手順")),
    ("2－3 路 肩", HeadingMatch(0, "2－3", "2-3", 3, "路肩")),     # letter-spaced
    ("1-1-2概要", HeadingMatch(0, "1-1-2", "1-1-2", 2, "概要")),
    ("2－6 人道橋の階段", HeadingMatch(0, "2－6", "2-6", 6, "人道橋の階段")),
    ("1.5m以上とする", None),            # a number, not a label
    ("1-2月の動き", None),
    ("2020-2030年", None),
    ("2－3", None),
])
def test_match_free_level_heading(line: str, found: HeadingMatch | None) -> None:
    assert match_free_level_heading(line) == found


def test_runs_cut_where_the_number_does_not_follow() -> None:
    def cand(index: int, ordinal: int, size: float = 9.5) -> Candidate:
        return Candidate(index, HeadingMatch(0, "", str(ordinal), ordinal, "題"), "①",
                         (size, True))
    found = runs([cand(1, 1), cand(2, 2), cand(3, 1), cand(4, 4, 12.0), cand(5, 2),
                  cand(6, 3), cand(7, 5, 12.0)])
    assert sorted([c.index for c in run] for run in found) == [[1, 2], [3, 5, 6], [4, 7]]


# ------------------------------------------- manuals: ``1．`` / ``1－1`` in body type


def manual_chapter(c: canvas.Canvas) -> None:
    """A design manual in the style of 国土交通省's: 章 and 節 set larger, then
    ``１．`` sections with ``１－１`` sub-sections, all in body type; a sub-section that
    heads only a figure (its caption and a note, which ``２．`` must not go on), one
    letter-spaced (``２－１ 車 道``); list items
    ``(1)`` that are sentences running over a full line; ``(a)`` sub-heads with
    ``(ｲ)`` ``(ﾛ)`` (half-width kana, in the older order) under them."""
    text(c, LEFT, 800, "第１章　道路の計画", 16, GOTHIC)
    text(c, LEFT, 775, "第１節　計画の基本", 12, GOTHIC)
    y = 750.0
    for line in ("１．計画の手順", "１－１ 調査の範囲"):
        text(c, LEFT, y, line)
        y -= PITCH
    y = paragraph(c, y, "調査")
    text(c, LEFT, y, "１－２ 図 面 類")
    text(c, LEFT + 120, y - PITCH, "図１－１　計画図の例")
    text(c, LEFT, y - 2 * PITCH, "注）図中の寸法はｍ単位")
    y -= 3 * PITCH
    for line in ("２．幅員の構成", "２－１ 車 道"):
        text(c, LEFT, y, line)
        y -= PITCH
    for item, rest in (("(1)車道の幅員は、設計交通量と設計速度に応じて道路構造令に定める値を標準とす",
                        "るものとする。"),
                       ("(2)中央帯の幅員は、道路の区分に応じて道路構造令に定める値を標準とし、現地の",
                        "状況により別途検討する。")):
        text(c, LEFT, y, item)
        text(c, LEFT + BODY, y - PITCH, rest)
        y -= 2 * PITCH
    text(c, LEFT, y - 4, "２－２ 路肩")
    y = paragraph(c, y - 4 - PITCH, "路肩", 2)
    for head, subs in (("(a)盛土部", ("(ｲ)歩道のない場合", "(ﾛ)歩道のある場合")),
                       ("(b)切土部", ())):
        text(c, LEFT + BODY, y, head)
        y -= PITCH
        for sub in subs:
            text(c, LEFT + 2 * BODY, y, sub)
            y = paragraph(c, y - PITCH, "この場合", 2)
        y = paragraph(c, y, "切土", 2) if not subs else y
    c.showPage()


MANUAL_OUTLINE = [
    (1, "第１章", "1", "道路の計画", None), (2, "第１節", "1", "計画の基本", None),
    (3, "１．", "1", "計画の手順", "numbering_only"),
    (4, "１－１", "1-1", "調査の範囲", "numbering_only"),
    (4, "１－２", "1-2", "図面類", "numbering_only"),
    (3, "２．", "2", "幅員の構成", "numbering_only"),
    (4, "２－１", "2-1", "車道", "numbering_only"),
    (4, "２－２", "2-2", "路肩", "numbering_only"),
    (5, "(a)", "a", "盛土部", "numbering_only"),
    (6, "(ｲ)", "イ", "歩道のない場合", "numbering_only"),
    (6, "(ﾛ)", "ロ", "歩道のある場合", None),
    (5, "(b)", "b", "切土部", "numbering_only"),
]


def test_manual_sections_numbered_in_body_type(tmp_path: Path) -> None:
    """Before: ``１．…`` and ``１－１ …`` were body text, ``２．…`` up to ``(1)…`` glued
    to the note above, ``(2)…`` and ``２－２ 路肩`` to ``１－２ 図 面 類``, ``(a)`` and
    ``(b)`` headings of level 3, ``(ｲ)`` and ``(ﾛ)`` body text. Now the ``１．`` lines
    are a numbering run (each heads its ``N－1``), the ``N－M`` lines runs whose N is the
    open section's number; the items ``(1)`` ``(2)``, full lines running on, are no
    headings; ``(ﾛ)`` follows ``(ｲ)`` in the outline, so only ``(ｲ)`` is known by its
    run alone."""
    result = build(tmp_path, manual_chapter)
    assert [(s["level"], s["label"], s["number"], s["title"], s["flag"])
            for s in result.sections] == MANUAL_OUTLINE
    body = [(p["section_id"], p["text"][:4]) for p in result.paragraphs
            if p["kind"] == "body"]
    # (the two items, printed flush with no space between, are a paragraph each: the
    # first ends its sentence on a short line, ``るものとする。``)
    assert body == [("h004", "調査本文"), ("h007", "(1)車"), ("h007", "(2)中"), ("h008", "路肩本文"),
                    ("h010", "この場合"), ("h011", "この場合"), ("h012", "切土本文")]
    captions = [p for p in result.paragraphs if p["kind"] == "caption"]
    assert [p["section_id"] for p in captions] == ["h005"]      # under １－２ 図面類


def test_hierarchical_labels_must_name_the_open_section(tmp_path: Path) -> None:
    """``３－１`` ``３－２`` set under ``１．``: in order, each heading text, but their 3
    is not the open section's number (a reference list, a figure's items): text."""
    def draw(c: canvas.Canvas) -> None:
        y = 790.0
        for head in ("１．計画の手順", "３－１ 調査の範囲", "３－２ 測量の範囲", "２．幅員の構成"):
            text(c, LEFT, y, head)
            y = paragraph(c, y - PITCH, "本文", 2)
        c.showPage()
    result = build(tmp_path, draw)
    assert [(s["label"], s["title"]) for s in result.sections] == [
        ("１．", "計画の手順"), ("２．", "幅員の構成")]
    assert [p["text"][:4] for p in result.paragraphs if p["text"][:1] == "３"] == [
        "３－１ ", "３－２ "]


def test_numbered_labels_over_figures_alone_are_no_headings(tmp_path: Path) -> None:
    """``１．`` ``２．`` each over a framed figure and nothing else: every label heads a
    figure, but no running text follows any: the figures' own numbering (a flowchart's
    steps), not sections."""
    def draw(c: canvas.Canvas) -> None:
        y = paragraph(c, 790, "前段", 2)
        for label in ("１．調査の段階", "２．設計の段階"):
            text(c, LEFT, y, label)
            c.rect(LEFT, y - 110, 300, 100, stroke=1, fill=0)
            for k, word in enumerate(("現地踏査", "測量", "地質調査")):
                text(c, LEFT + 20, y - 30 - 20 * k, word, 8)
            y -= 130
        c.showPage()
    result = build(tmp_path, draw)
    assert result.sections == []
    texts = "".join(p["text"] for p in result.paragraphs)
    assert "１．調査の段階" in texts and "２．設計の段階" in texts


def test_dai_n_sections_with_numbered_items_under_them(tmp_path: Path) -> None:
    """A notice in the style of ministries' 要領 and 基準: ``第1`` / ``1`` / ``(1)``, all in
    body type. ``第1`` (no 章 or 節) is a scheme with no level of its own, 3 here; ``1``
    set under it goes one below, and ``(1)`` under that one further. Before: ``第１　総則``
    and ``第２　計画`` were glued to the paragraphs after them, and the second ``１`` to
    its paragraph (its 1 did not follow ``２`` at level 3)."""
    def draw(c: canvas.Canvas) -> None:
        y = 790.0
        for head in ("第１　総則", "１　目的", "２　定義", "（１）道路", "（２）車道", "第２　計画",
                     "１　基本方針"):
            text(c, LEFT, y, head)
            y = paragraph(c, y - PITCH, "本文", 2)
        c.showPage()
    result = build(tmp_path, draw)
    assert [(s["level"], s["label"], s["title"], s["flag"]) for s in result.sections] == [
        (3, "第１", "総則", "numbering_only"), (4, "１", "目的", None), (4, "２", "定義", None),
        (5, "（１）", "道路", None), (5, "（２）", "車道", None),
        (3, "第２", "計画", "numbering_only"), (4, "１", "基本方針", None)]



def test_three_deep_hierarchical_labels_under_a_chapter(tmp_path: Path) -> None:
    """``1-1`` / ``1-1-1`` under ``第1章`` (no 節), in body type: each label repeats the
    numbers of the sections it is in, so each goes one below them; ``1-2-1``, alone
    under ``1-2``, is a heading too (its label names ``1-2``), ``3-1-1`` (naming no open
    section) text. Before: all body text."""
    def draw(c: canvas.Canvas) -> None:
        text(c, LEFT, 800, "第1章　総論", 16, GOTHIC)
        y = 770.0
        for head in ("1-1 計画の概要", "1-1-1 目的", "1-1-2 範囲", "1-2 基本方針", "1-2-1 方針の構成",
                     "3-1-1 参考資料"):
            text(c, LEFT, y, head)
            y = paragraph(c, y - PITCH, "本文", 2)
        c.showPage()
    result = build(tmp_path, draw)
    assert [(s["level"], s["label"], s["number"], s["title"]) for s in result.sections] == [
        (1, "第1章", "1", "総論"), (2, "1-1", "1-1", "計画の概要"), (3, "1-1-1", "1-1-1", "目的"),
        (3, "1-1-2", "1-1-2", "範囲"), (2, "1-2", "1-2", "基本方針"),
        (3, "1-2-1", "1-2-1", "方針の構成")]
    assert [p["text"][:5] for p in result.paragraphs][-2:] == ["本文本文の", "3-1-1"]
