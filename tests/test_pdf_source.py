"""Tests of the PDF source adapter: generated PDFs per hard case, then hand-checked
pages of the three real white-paper chapters (parsed once per test run)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.errors import PipelineError
from pipeline.extract.pdf.chars import (
    INVISIBLE,
    Char,
    ParsedPage,
    RawChar,
    centre_on_page,
    normalise_char_text,
    raw_to_chars,
)
from pipeline.extract.pdf.reader import PdfSettings, check_pages, extract_pdf
from pipeline.schemas import Extracted, SourceLine

RAW = Path(__file__).resolve().parent.parent / "raw" / "pdf"


def body(ex: Extracted, page: int = 1) -> list[SourceLine]:
    """Body lines of a page: no hint, not inside a box."""
    return [ln for ln in ex.lines if ln.page_index == page and not ln.hint
            and "box" not in ln.extras]


def texts(lines: Sequence[SourceLine]) -> list[str]:
    return [ln.text for ln in lines]


def extract(make: Callable[[Path], Path], tmp_path: Path, **kw: object) -> Extracted:
    return extract_pdf(make(tmp_path / "case.pdf"), "st2024-9-9", **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- generated


def test_contract_fields(tmp_path: Path) -> None:
    ex = extract(fx.two_columns, tmp_path)
    assert (ex.chapter, ex.format, ex.layout.wrapped, ex.layout.footnotes) == (
        "st2024-9-9", "pdf", True, "hinted")
    assert [ln.line for ln in ex.lines] == list(range(1, len(ex.lines) + 1))
    assert all(ln.page_index == 1 and ln.size and ln.x0 is not None for ln in ex.lines)
    assert Extracted.from_json(ex.to_json()) == ex


def test_two_columns_read_left_then_right_band_by_band(tmp_path: Path) -> None:
    lines = texts(body(extract(fx.two_columns, tmp_path)))
    order = [t[:2] for t in lines]
    assert order == ["第１", "左1", "左2", "左3", "左4", "左5", "左6",
                     "右1", "右2", "右3", "右4", "右5", "右6",
                     "第２", "左7", "左8", "左9", "右7", "右8", "右9"]


def test_the_last_lines_of_two_columns_in_the_foot_band_stay_apart(tmp_path: Path) -> None:
    """Body text that runs into the page's foot band is no footnote across the page:
    the two columns' last lines, on one baseline, are two lines, each in its column."""
    lines = texts(body(extract(fx.columns_to_the_foot, tmp_path)))
    tags = [re.match(r"[左右][0-9]+", t) for t in lines]
    assert [tag.group() if tag else t for tag, t in zip(tags, lines, strict=True)] == [
        f"左{i}" for i in range(1, 42)] + [f"右{i}" for i in range(1, 42)]


def test_footnotes_under_each_column_stay_apart(tmp_path: Path) -> None:
    ex = extract(fx.footnotes_under_each_column, tmp_path)
    notes = [ln.text for ln in ex.lines if ln.hint == "footnote"]
    assert notes == [("1　左段の脚注の本文である。" + "左" * 30)[:30],
                     ("2　右段の脚注の本文である。" + "右" * 30)[:30],
                     "3　ページ幅の脚注の題名をここに書いて段間の手前まで続ける "
                     "https://www.example.go.jp/a.pdf"]


def test_paragraph_start_from_first_line_indent(tmp_path: Path) -> None:
    lines = body(extract(fx.two_columns, tmp_path))
    starts = [ln.text[:2] for ln in lines if ln.extras.get("starts_paragraph")]
    assert starts == ["左1", "右1", "左7", "右7"]


def test_paragraph_starts_in_a_double_spaced_page(tmp_path: Path) -> None:
    """Blank space starts a paragraph by the document's own line spacing: lines 2.2 em
    apart are one paragraph until an indent, or a gap a quarter wider than usual."""
    lines = body(extract(fx.double_spaced, tmp_path))
    starts = [ln.text[:2] for ln in lines if ln.extras.get("starts_paragraph")]
    assert starts == ["甲1", "乙1", "丙1"]


def test_media_box_offset_gives_page_relative_geometry(tmp_path: Path) -> None:
    plain = extract(fx.two_columns, tmp_path)
    shifted = extract_pdf(fx.two_columns(tmp_path / "shifted.pdf", media_offset=(40, -90)),
                          "st2024-9-9")
    assert texts(shifted.lines) == texts(plain.lines)
    assert [ln.x0 for ln in shifted.lines] == [ln.x0 for ln in plain.lines]


def test_raised_marker_kept_and_recorded(tmp_path: Path) -> None:
    ex = extract(fx.footnote_marker, tmp_path)
    line = next(ln for ln in body(ex) if "成功" in ln.text)
    assert line.text == "研究開発が成功5することが期待されています。"
    assert line.extras["markers"] == [[7, "5"]]
    offset, digits = line.extras["markers"][0]
    assert line.text[:offset] + line.text[offset + len(digits):] == \
        "研究開発が成功することが期待されています。"


def test_footnote_at_foot_with_number_and_continuation(tmp_path: Path) -> None:
    notes = [ln for ln in extract(fx.footnote_marker, tmp_path).lines if ln.hint == "footnote"]
    assert [(ln.text, ln.extras.get("continues", False)) for ln in notes] == [
        ("5 脚注の本文です。長い脚注は次の行に続きます。", False),
        ("脚注の続きの行です。", True)]


def test_ruby_removed_from_base_and_emitted_before_it(tmp_path: Path) -> None:
    ex = extract(fx.ruby_over_kanji, tmp_path)
    i = next(i for i, ln in enumerate(ex.lines) if ln.hint == "ruby")
    ruby, base = ex.lines[i], ex.lines[i + 1]
    assert ruby.text == "ひら" and ruby.size == 5.0
    assert base.text == "未来を拓く技術の研究開発を進めています。"
    assert base.extras["ruby"] == [[3, "拓", "ひら"]]
    assert all("ひら" not in ln.text for ln in body(ex))


def test_running_head_and_page_number_found_by_repetition(tmp_path: Path) -> None:
    ex = extract(fx.running_heads, tmp_path)
    heads = [ln for ln in ex.lines if ln.hint == "running_header"]
    numbers = [ln for ln in ex.lines if ln.hint == "page_number"]
    assert [ln.text for ln in heads] == ["第２章 我が国における試験の取組"] * 3
    assert [ln.text for ln in numbers] == ["11", "12", "13"]
    assert [ln.page for ln in ex.lines if ln.page_index == 2] == ["12"] * 7
    assert all(ln.hint == "" for ln in ex.lines if ln.text.startswith("頁"))


def test_single_page_head_is_not_guessed(tmp_path: Path) -> None:
    ex = extract(lambda p: fx.running_heads(p, pages=1), tmp_path)
    assert [ln.hint for ln in ex.lines if "試験の取組" in ln.text] == [""]
    assert [ln.text for ln in ex.lines if ln.hint == "page_number"] == ["11"]


def test_vertical_tab_is_one_furniture_line(tmp_path: Path) -> None:
    ex = extract(fx.vertical_tab, tmp_path)
    assert [ln.text for ln in ex.lines if ln.hint == "vertical_text"] == ["第２章"]
    assert all(not re.search("[第章]$", ln.text) for ln in body(ex))
    assert len(body(ex)) == 12


def test_ruled_table_cells_are_table_text(tmp_path: Path) -> None:
    ex = extract(fx.ruled_table, tmp_path)
    cells = [ln.text for ln in ex.lines if ln.hint == "table_text"]
    assert cells[:4] == ["項目", "件数", "東京", "100"]
    caption = next(ln for ln in ex.lines if ln.text.startswith("■"))
    assert caption.hint == "" and caption.extras["box"] == "figure"
    assert texts(body(ex))[-2][:2] == "後1"


def test_boxed_column_lines_are_column(tmp_path: Path) -> None:
    ex = extract(fx.boxed_column, tmp_path)
    assert [ln.text[:2] for ln in ex.lines if ln.hint == "column"] == [
        f"囲{i}" for i in range(8)]


@pytest.mark.parametrize("make, message", [
    (fx.image_only, "OCR is needed"),
    (fx.encrypted, "encrypted"),
    (fx.corrupt, "not a readable PDF"),
])
def test_bad_input_raises_naming_file_page_and_fix(make: Callable[[Path], Path], message: str,
                                                   tmp_path: Path) -> None:
    with pytest.raises(PipelineError) as err:
        extract(make, tmp_path)
    text = str(err.value)
    assert message in text and "case.pdf" in text and "page 1" in text


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match="not found"):
        extract_pdf(tmp_path / "nope.pdf", "st2024-9-9")


def page_with(chars: list[str], images: int = 0, cid: int = 0, index: int = 1) -> ParsedPage:
    glyphs = tuple(Char(t, 10.0 * i, 10.0 * i + 10, 100, 110, 10) for i, t in enumerate(chars))
    return ParsedPage(index, 595, 842, glyphs, (), images, cid)


def test_cid_codes_flagged_or_refused() -> None:
    settings = PdfSettings()
    assert normalise_char_text("(cid:123)") == ("\ufffd", True)
    few = page_with(["あ"] * 9 + ["\ufffd"], cid=1, index=3)
    assert check_pages(Path("x.pdf"), [few], settings) == [
        {"page_index": 3, "flag": "cid_codes", "count": 1}]
    many = page_with(["\ufffd"] * 9, cid=9, index=2)
    with pytest.raises(PipelineError, match=r"x\.pdf: page 2: 9 of 9 glyphs"):
        check_pages(Path("x.pdf"), [few, many], settings)


def test_blank_and_image_pages_flagged() -> None:
    pages = [page_with(["あ"]), page_with([], images=1, index=2), page_with([], index=3)]
    assert [f["flag"] for f in check_pages(Path("x.pdf"), pages, PdfSettings())] == [
        "image_only", "blank"]


@pytest.mark.parametrize("text, expected", [("〜", "～"), ("−", "－"), ("あ", "あ")])
def test_lookalikes_mapped_to_full_width(text: str, expected: str) -> None:
    assert normalise_char_text(text) == (expected, False)


@pytest.mark.parametrize("text", ["〜", "−", "あ", "(cid:123)", "\u200b"])
@pytest.mark.parametrize("x0", [10.0, -8.0, 590.0])
def test_raw_to_chars_as_its_helpers(text: str, x0: float) -> None:
    """``raw_to_chars`` writes ``centre_on_page`` out for speed and reads a text by
    ``normalise_char_text`` once a page: it must read each glyph as they do (on the page
    or off it, its text, cid)."""
    bbox = (0.0, 0.0, 595.0, 842.0)
    glyph = RawChar(text, x0, x0 + 10.0, 100.0, 110.0, 100.0, 10.0, True, "X")
    chars, cid_count, off_page, _ = raw_to_chars([glyph], bbox, 0.25)
    mapped, was_cid = normalise_char_text(text)
    on_page = centre_on_page(glyph, bbox)
    kept = [] if mapped in INVISIBLE else [mapped]
    assert [c.text for c in chars] == (kept if on_page else [])
    assert [c.text for c in off_page] == ([] if on_page else kept)
    assert cid_count == int(was_cid and on_page)


@pytest.mark.parametrize("field, value", [
    ("row_overlap", 0), ("segment_gap", -1.0), ("ruby_max_ratio", 2.0),
    ("furniture_min_pages", 0), ("column_min_lines", 2.5), ("space_gap", "wide"),
])
def test_settings_validated(field: str, value: object) -> None:
    with pytest.raises(PipelineError, match=field):
        PdfSettings(**{field: value})  # type: ignore[arg-type]


def test_cache_returns_same_result(tmp_path: Path) -> None:
    path = fx.two_columns(tmp_path / "case.pdf")
    first = extract_pdf(path, "st2024-9-9", cache_dir=tmp_path / "cache")
    assert (tmp_path / "cache" / "1.pickle").exists()
    assert extract_pdf(path, "st2024-9-9", cache_dir=tmp_path / "cache") == first


# --------------------------------------------------------------------------- real pages


@pytest.fixture(scope="module")
def chapters(real_pdfs: dict[str, Extracted]) -> dict[str, Extracted]:
    return real_pdfs   # parsed once per test run (tests/conftest.py)


# chapter, pdf page, printed page, first body line starts, last body line ends,
# (left column's last line, right column's first line), footnote numbers, tab
REAL_PAGES = [
    ("1", 1, "4", "第１章 新時代を迎えたＡＩ", "■第１-１-１図／人工知能・ビッグデータ技術の俯瞰図（時系列）",
     ("と感じる情報処理・技術といった広い概念で理", "解されています。近年、様々な新しい技術とコ"),
     ["1", "2", "3"], None),
    ("1", 2, "5", "1950年代後半から1960年代に起きた「第", "ティ（データの種類）も対応付けられ、マルチ",
     ("になってようやく、計算機の性能向上や利用可", "能なデータ量の増大とあいまって、急速に技術"),
     [str(n) for n in range(1, 9)], "第１章"),
    ("2", 7, "17", "第３節 基盤モデルの開発を支える計算資源やデータ資源の整備や活用",
     "■第１-２-５図／ＡＢＣＩの外観",
     ("技術の開発に着手しました1、2。今回の研究開発", "の成果物は令和６年度（2024年度）の公開が予"),
     ["1", "2", "3", "4"], "第２章"),
    ("3", 3, "26", "（ＮＡＩＡＣ1）が、ＡＩに関する諸問題につい", "められ13、2024年１月、同報告書で掲げられ",
     ("省傘下の国立標準技術研究所（ＮＩＳＴ4）内に", "米国ＡＩ安全研究所（ＵＳＡＩＳＩ5）を設立"),
     [str(n) for n in range(1, 14)], None),
    ("3", 14, "37", "トが東京において開催され、2022年（令和４", "３月に開催されたＧ７産業・",
     ("ています1。またＧＰＡＩは、ＡＩの責任ある", None), ["1"], "第３章"),
    ("3", 16, "39", "コラム１-３", "められています。",
     (None, None), [], "第３章"),
]


@pytest.mark.parametrize("chapter, page, printed, first, last, join, notes, tab", REAL_PAGES)
def test_real_page(chapters: dict[str, Extracted], chapter: str, page: int, printed: str,
                   first: str, last: str, join: tuple[str | None, str | None],
                   notes: list[str], tab: str | None) -> None:
    ex = chapters[chapter]
    lines = [ln for ln in ex.lines if ln.page_index == page]
    main = texts(body(ex, page))
    assert main[0].startswith(first)
    assert main[-1].endswith(last)
    left, right = join
    if left and right:
        assert main[main.index(left) + 1] == right
    elif left:
        assert left in main
    assert {ln.page for ln in lines} == {printed}
    # every footnote present with its number as printed, and each marked in the text
    numbers = [re.match(r"\d+", ln.text).group() for ln in lines  # type: ignore[union-attr]
               if ln.hint == "footnote" and not ln.extras.get("continues")]
    assert numbers == notes
    marked = {m[1] for ln in lines if ln.hint != "footnote" for m in ln.extras.get("markers", [])}
    assert set(notes) <= marked
    # chapter tab and running head are furniture, never body text
    assert [ln.text for ln in lines if ln.hint == "vertical_text"] == ([tab] if tab else [])
    heads = {ln.text for ln in lines if ln.hint == "running_header"}
    assert len(heads) == 1 and not heads & set(main)
    assert not any(re.search(r"\s[第章１２３]$", t) for t in main)


def test_real_ruby_readings_out_of_body(chapters: dict[str, Extracted]) -> None:
    ex = chapters["2"]
    lines = [ln for ln in ex.lines if ln.page_index == 7]
    rubies = [ln.extras["ruby"] for ln in lines if "ruby" in ln.extras]
    flat = [(base, reading) for group in rubies for _, base, reading in group]
    assert flat[:2] == [("富岳", "ふがく"), ("富岳", "ふがく")]
    assert ("叡", "えい") in flat and ("富", "ふ") in flat and ("岳", "がく") in flat
    for ln in lines:
        for offset, base, _ in ln.extras.get("ruby", []):
            assert ln.text[offset:offset + len(base)] == base
    assert not any("ふがく" in t for t in texts(body(ex, 7)))


def test_real_markers_sit_inside_words(chapters: dict[str, Extracted]) -> None:
    for ex in chapters.values():
        for ln in ex.lines:
            for offset, digits in ln.extras.get("markers", []):
                assert ln.text[offset:offset + len(digits)] == digits
                assert offset > 0


def test_real_line_counts_and_no_flags(chapters: dict[str, Extracted]) -> None:
    for ex in chapters.values():
        assert ex.page_flags == ()
        pages = {ln.page_index for ln in ex.lines}
        assert all(any(ln.hint == "page_number" and ln.page_index == p for ln in ex.lines)
                   for p in pages)
