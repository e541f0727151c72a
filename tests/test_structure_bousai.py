"""令和6年版 防災白書 特集2 第1章 (Cabinet Office, 7 pages) through the structure stage:
another ministry's layout (one body column, figures with 出典 lines, fake-bold headings,
a running foot with the page number beside the book's title, page-foot footnotes).
Hand-checked against the pages rendered as images."""

from __future__ import annotations

import pytest

from pipeline.structure.stage import Structured
from tests.conftest import extracted, structured

CHAPTER = "bousai2024-t2-1"

# The chapter's own outline as printed on pp. 32–37 (page 31 is the 特集 title page
# with a table of contents listing 第1章–第3章).
OUTLINE = [
    (1, "第1章", "令和6年能登半島地震及びその被害の概要"),
    (2, "第1節", "令和6年能登半島地震の概要"),
    (4, "（1）", "地震に関する概要"),
    (4, "（2）", "津波に関する概要"),
    (2, "第2節", "被害の概要"),
    (4, "（1）", "人的被害"),
    (4, "（2）", "建物被害"),
]

# Every caption with its source line, as printed (label, title, source, page).
CAPTIONS = [
    ("図表1-1", "令和2年12月から令和5年12月までの能登地方における月別最大震度別地震回数",
     "出典：気象庁資料", "33"),
    ("図表1-2", "2024年1月1日16時10分　石川県能登地方の地震の震度分布図", "出典：気象庁資料", "33"),
    ("図表1-3", "令和6年能登半島地震の震央分布図", "出典：気象庁資料", "34"),
    ("図表1-4", "「令和6年能登半島地震」の日別最大震度別地震回数", "出典：気象庁資料", "34"),
    ("図表1-5", "陸のプレートでの主な地震活動の地震回数比較（マグニチュード3.5以上）",
     "出典：気象庁資料", "34"),
    ("図表1-6", "電子基準点データ及び「だいち2号」観測データの解析による令和6年能登半島地震"
     "（1月1日 マグニチュード7.6）に伴う地殻変動", "出典：国土地理院資料", "35"),
    ("図表1-7", "地震前後の海岸線の変化", "出典：国土地理院資料", "35"),
    ("図表1-8", "津波警報等発表状況（1月1日16時22分発表）", "出典：気象庁資料", "36"),
    ("図表1-9", "津波の観測状況", "出典：気象庁資料", "36"),
    ("図表2-1", "「能登半島地震」と他の地震災害における被害状況等の比較",
     "出典：5月28日現在で確認できた内閣府資料、警察庁資料、復興庁資料、消防庁資料、気象庁資料、"
     "緊急災害対策本部資料、非常災害対策本部資料、石川県資料、兵庫県資料、熊本県資料を基に内閣府作成",
     "37"),
]


@pytest.fixture(scope="module")
def result() -> Structured:
    return structured(CHAPTER)


def outline(result: Structured) -> list[tuple[int, str, str]]:
    return [(s["level"], s["label"], s["title"]) for s in result.sections]


def test_headings_from_the_first_section_on(result: Structured) -> None:
    """第1節 and what follows, with levels: 第1節 is printed as a label and a title in
    two type sizes, 第2節 right after a figure note; fake bold read once."""
    got = outline(result)
    start = got.index(OUTLINE[1])
    assert got[start:] == OUTLINE[1:]
    assert all(s["page"] for s in result.sections[start:])


def test_whole_outline(result: Structured) -> None:
    """The 特集 title page's table of contents (第1章–第3章) is not read as headings;
    第1章's label, centred beside its larger title in the banner, is read before it."""
    assert outline(result) == OUTLINE


def test_title_page_contents_kept_in_removed(result: Structured) -> None:
    contents = [r["text"] for r in result.removed if r["reason"] == "table_of_contents"]
    assert contents == ["特集2", "令和6年", "能登半島地震", "第1章",
                        "令和6年能登半島地震及びその被害の概要", "第2章",
                        "令和6年能登半島地震における対応", "第3章", "今後の防災対策に向けて"]
    assert {r["page_index"] for r in result.removed if r["reason"] == "table_of_contents"} == {1}


def test_captions_recognised_with_label_and_title_on_one_line(result: Structured) -> None:
    got = {f["label"]: (f["title"], f["source"], f["page"]) for f in result.figures}
    for label in ("図表1-2", "図表2-1"):
        expected = next(c for c in CAPTIONS if c[0] == label)
        assert got[label][0] == expected[1]
        assert got[label][2] == expected[3]
    assert got["図表1-2"][1] == "出典：気象庁資料"
    assert got["図表2-1"][1].startswith("出典：5月28日現在で確認できた内閣府資料、")


def test_overprinted_label_is_not_a_second_caption(result: Structured) -> None:
    """The figure's own label left under the banner (図表２－１ under 図表2-1) is an
    overprint, kept in ``removed``, not a second caption."""
    assert [(r["text"], r["page_index"]) for r in result.removed
            if r["reason"] == "overprint"] == [("図表２－１", 7)]


def test_every_caption_with_its_source(result: Structured) -> None:
    """Labels printed in a banner box apart from their titles (beside them, or centred
    between the title's two lines: 図表1-4, 1-6, 1-8) are joined by geometry;
    図表1-3's banner is read apart from the figure's own 6.8 pt note left under it;
    the sources of two figures side by side (p. 36) go to the caption above each;
    the page tab's glyphs stay out of titles and sources."""
    got = [(f["label"], f["title"], f["source"], f["page"]) for f in result.figures]
    assert got == CAPTIONS


def test_notes_under_figures(result: Structured) -> None:
    notes = [p["text"] for p in result.paragraphs if p["kind"] == "note"]
    for note in ("※2024年1月1日以降の地震を赤く表示",
                 "※吹き出しは、最大震度6弱以上の地震又はM6.0以上の地震",
                 "※今回の地震のマグニチュードについては、これまでの最大を示している。"):
        assert note in notes
    assert not any("第2節" in n or "前節のとおり" in n for n in notes)


def test_running_foot_gives_page_numbers_and_no_footnotes(result: Structured) -> None:
    feet = [r for r in result.removed if "防災白書" in r["text"]]
    assert len(feet) == 6 and {r["reason"] for r in feet} == {"page_number"}
    assert {p["page"] for p in result.paragraphs if p["kind"] == "body"} >= {
        "32", "33", "36", "37"}
    assert not any("防災白書" in f["text"] for f in result.footnotes)


def test_footnote_with_its_anchor(result: Structured) -> None:
    assert len(result.footnotes) == 1
    note = result.footnotes[0]
    assert note["number"] == "1" and note["page"] == "37"
    assert note["text"].startswith("石川県ホームページ「被害等の状況について（第135報）」")
    assert note["text"].endswith("higaihou_135_0528_1400.pdf）")
    para = next(p for p in result.paragraphs if p["para_id"] == note["para_id"])
    assert para["text"].startswith("住家被害は、新潟県、富山県、石川県、福井県、長野県の5県で発生し")
    assert para["text"][:note["anchor_offset"]].endswith("（5月28日現在")
    assert para["text"].endswith("非住家被害は約2万6千棟とされている（5月28日現在）。")


@pytest.mark.parametrize(("start", "end"), [
    ("令和6年1月1日に石川県能登地方で発生した地震は、",
     "第3章では本地震を受けた今後の防災への対応について述べる。"),
    ("令和6年1月1日16時10分、石川県能登地方の深さ16km（暫定値）",
     "名称を「令和6年能登半島地震」と定めた。"),
    ("令和5年12月までの地震活動は、", "最大震度1以上を観測した地震は 1,772 回発生している（図表1-4）。"),
    ("前節のとおり、1月1日に発生した本地震は", "熊本地震と比較したものである。"),
    ("本地震により多数の家屋倒壊が発生し、", "羽咋市1名の犠牲者が発生した（5月28日現在）。"),
    ("警察庁情報（3月31日現在。", "10歳未満は4人、10代が8人だった。"),
])
def test_body_paragraphs_whole(result: Structured, start: str, end: str) -> None:
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    hits = [t for t in body if t.startswith(start)]
    assert len(hits) == 1 and hits[0].endswith(end)


@pytest.mark.parametrize(("start", "end"), [
    ("能登地方では令和2年12月から地震活動が活発になり、",
     "令和6年1月1日に本地震が発生した（図表1-2）。"),
    ("本地震により石川県能登に対して大津波警報が、", "5m以上の遡上高を確認した。"),
])
def test_body_paragraphs_before_a_figure(result: Structured, start: str, end: str) -> None:
    """A figure title set in body type beside its label (図表1-1's, 図表1-8's, the label
    between the title's two lines) is joined to the label by geometry: a caption, not
    the end of the paragraph above it."""
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    hits = [t for t in body if t.startswith(start)]
    assert len(hits) == 1 and hits[0].endswith(end)


def test_no_doubled_glyphs_in_text(result: Structured) -> None:
    """Fake bold (the same glyph drawn twice) is read once everywhere."""
    texts = [s["title"] for s in result.sections] + [p["text"] for p in result.paragraphs]
    for doubled in ("特特集集", "令令", "図図表表", "※※"):
        assert not any(doubled in t for t in texts), doubled


def test_figure_words_in_body_type_stay_out_of_body(result: Structured) -> None:
    """p. 34's axis title 回数（回）, in body type inside the chart's frame, is figure
    text; p. 35's paragraph, indented on a page whose tab prints stray single glyphs at
    the right edge, starts its own paragraph instead of going on from it."""
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert not any("回数（回）" in t for t in body)
    hits = [t for t in body if t.startswith("地殻変動は、令和2年12月頃から観測されていたが")]
    assert len(hits) == 1 and hits[0].endswith("液状化現象による被害が確認された。")


def test_the_printers_slug_beyond_the_page_is_kept_in_removed(result: Structured) -> None:
    """Beyond the trimmed page (the PDF's MediaBox), each page carries the printer's
    slug (the InDesign file, its page and the time it was printed) and p. 34 an
    editor's note: none of it is body text, none is silently lost."""
    off = [(r["page_index"], r["text"]) for r in result.removed if r["reason"] == "off_page"]
    assert (4, "防災R6_0d-特2-01.indd") in off and (4, "34") in off
    assert (4, "2024/06/04") in off and (4, "する場合がある。") in off
    assert (1, "防災R6_0d-特2-00_扉.indd") in off
    assert {p for p, _ in off} == {1, 2, 3, 4, 5, 6, 7}
    body = " ".join(p["text"] for p in result.paragraphs)
    assert ".indd" not in body and "13:54" not in body


def test_the_unnumbered_title_page_takes_its_number_from_the_others() -> None:
    """p. 1 (the 特集 title page) prints no number; pp. 2–7 print 32–37, one offset, so
    it is page 31 (its printer's slug, beyond the page, names 31 too)."""
    lines = extracted(CHAPTER).lines
    assert {ln.page for ln in lines if ln.page_index == 1} == {"31"}
    assert [ln.text for ln in lines if ln.page_index == 1 and ln.hint == "off_page"][1] == "31"
