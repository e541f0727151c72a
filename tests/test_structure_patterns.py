"""Heading, caption, note and source patterns, glued headings, footnote marker search."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.common import lexicons
from pipeline.common.footnote_marks import mark_forms, with_marks
from pipeline.common.note_openings import opening_rules
from pipeline.extract.html_text import extract_html_text
from pipeline.extract.pdf_text import extract_pdf_text
from pipeline.schemas import SourceLine
from pipeline.structure.footnotes import _candidates, _fragments, is_marker_at
from pipeline.structure.lines import glued_heading_at
from pipeline.structure.patterns import (
    HEADING_PATTERNS,
    HEADING_PATTERNS_BY_START,
    match_caption,
    match_heading,
    opens_figure_note,
    opens_source,
)
from pipeline.structure.stage import structure_chapter
from pipeline.structure.units import Unit
from tests.conftest import AddRows

HEADING_CASES = [
    ("第２章　科学技術イノベーションの推進", (1, "第２章", "2", 2)),
    ("第3章", (1, "第3章", "3", 3)),
    ("第１節　研究開発の動向", (2, "第１節", "1", 1)),
    ("１　概要", (3, "１", "1", 1)),
    ("12 国際連携", (3, "12", "12", 12)),
    ("１－３．主な施策", (3, "１－３．", "1-3", 3)),
    ("（２）国内総生産（GDP）", (4, "（２）", "2", 2)),
    ("(3) 人材の育成", (4, "(3)", "3", 3)),
    ("ウ　地域の取組", (5, "ウ", "ウ", 3)),
    ("（イ）大学の改革", (6, "（イ）", "イ", 2)),
    ("Ｃ　海外の動向", (7, "Ｃ", "C", 3)),
    ("B データ", (7, "B", "B", 2)),
    ("(ｲ)歩道のない場合", (6, "(ｲ)", "イ", 2)),      # half-width kana, read as (イ)
    ("(ﾛ)歩道のある場合", (6, "(ﾛ)", "ロ", 2)),      # after イ in the older order
    ("ｳ 地域の取組", (5, "ｳ", "ウ", 3)),
]
NOT_HEADINGS = [
    "2019年に開始した。",              # no separator after the number
    "１　研究開発を進めている。",        # a sentence, not a title
    "（２）" + "長" * 61,                # title too long
    "（注）政府の調査による",            # not a number in the brackets
    "ア、イ及びウ",                      # no separator
    "第１回 日本オープンイノベーション大賞",
    "本章では、",
    "２ ３",                             # figures at a flowchart's foot: no title of words
    "１　２０２３",
    "",
]


def _match_trying_every_pattern(text: str) -> tuple[int, str] | None:
    """The first pattern of ``HEADING_PATTERNS`` that matches, ignoring start characters."""
    for level, _starts, pattern in HEADING_PATTERNS:
        found = pattern.match(text)
        if found:
            return level, found.group("label")
    return None


@pytest.mark.parametrize(("text", "expected"), HEADING_CASES)
def test_match_heading(text: str, expected: tuple[int, str, str, int]) -> None:
    found = match_heading(text)
    assert found is not None
    assert (found.level, found.label, found.number, found.ordinal) == expected
    assert found.title == text[len(found.label):].strip()


@pytest.mark.parametrize("text", NOT_HEADINGS)
def test_no_heading(text: str) -> None:
    assert match_heading(text) is None


@pytest.mark.parametrize("text", [case for case, _ in HEADING_CASES] + NOT_HEADINGS)
def test_patterns_by_start_pick_the_pattern_trying_all_would(text: str) -> None:
    found = match_heading(text)
    reference = _match_trying_every_pattern(text)
    if found is not None:
        assert reference == (found.level, found.label)
    elif reference is not None:     # a match refused for its title's shape
        assert text[:1] in HEADING_PATTERNS_BY_START


def test_every_line_a_pattern_matches_starts_with_one_of_its_start_characters() -> None:
    # each pattern completed after every BMP character: the start characters listed
    # with a pattern are all those it can match
    tails = ["1章", "1節　題", "　題", "-1．題", "1）題", "ア）題", "）題"]
    wrong = []
    for code in range(0x10000):
        char = chr(code)
        for level, starts, pattern in HEADING_PATTERNS:
            if char not in starts and any(pattern.match(char + tail) for tail in tails):
                wrong.append((level, hex(code)))
    assert wrong == []


@pytest.mark.parametrize(("text", "cut"), [
    ("…を参照。（2）国内総生産（GDP）", 5),
    ("詳しくは図表を参照。1　新しい取組", 10),
    ("報告書（2018）第2節　地域の取組", 9),
    ("統計は2019（1）調査の概要", 7),
    ("約12　施策の数", None),           # 2 after a digit: part of the number
    ("2019年12月に公表した。", None),
    ("…を参照。（2）国内総生産（GDP）を算出する。", None),   # tail is a sentence
    ("…を参照。第2章　総論", None),     # only levels 2 to 4 are glued
])
def test_glued_heading_at(text: str, cut: int | None) -> None:
    assert glued_heading_at(text) == cut


@pytest.mark.parametrize(("text", "expected"), [
    ("第1-2-3図／研究開発費の推移", ("figure", "第1-2-3図", "1-2-3", "研究開発費の推移")),
    ("■ 第２－１表　大学の数", ("table", "第２－１表", "2-1", "大学の数")),
    ("　第1-1図 人口", ("figure", "第1-1図", "1-1", "人口")),
    ("図表3-1-2　国内総生産", ("figure", "図表3-1-2", "3-1-2", "国内総生産")),
])
def test_match_caption(text: str, expected: tuple[str, str, str, str]) -> None:
    found = match_caption(text)
    assert found is not None
    assert (found.kind, found.label, found.number, found.title) == expected


@pytest.mark.parametrize("text", ["本図表3-1　を参照", "第1図", "（図表3-1）", "", "図3"])
def test_no_caption(text: str) -> None:
    assert match_caption(text) is None


def _candidates_by_regex(text: str, number: str, start: int, end: int) -> list[int]:
    return [found.start() for found in re.finditer(re.escape(number), text[:end])
            if found.start() >= start and is_marker_at(text, found.start(), number)]


@pytest.mark.parametrize(("text", "number", "expected"), [
    ("ＴＬＯ1の設立と研究開発税制1を", "1", [3, 14]),
    ("研究開発税制12を改正し、12月に", "12", [6]),
    ("111件の申請と特許11", "11", [10]),
])
def test_candidates(text: str, number: str, expected: list[int]) -> None:
    assert _candidates(text, number, 0, len(text)) == expected


@given(st.text(alphabet="12１年税制。 ", max_size=30), st.sampled_from(["1", "2", "11", "12", "121"]),
       st.integers(0, 30), st.integers(0, 30))
def test_candidates_are_those_a_regex_finds(text: str, number: str, start: int, end: int) -> None:
    assert _candidates(text, number, start, end) == _candidates_by_regex(text, number, start, end)


def test_fragments_end_where_the_next_line_of_the_unit_starts() -> None:
    unit = Unit("body")
    unit.append(SourceLine(line=3, text="研究開発を", page_index=2), "研究開発を")
    unit.append(SourceLine(line=5, text="進める。", page_index=2), "進める。")
    note = Unit("footnote")
    note.append(SourceLine(line=9, text="1 注記", page_index=2), "注記")
    early = Unit("caption")
    early.append(SourceLine(line=1, text="図", page_index=2), "図")
    assert _fragments([unit, note, early]) == [
        ((2, 1), 2, 0, 1), ((2, 3), 0, 0, 5), ((2, 5), 0, 5, 9)]


# (line, a source line?, a note line?): the openings of pipeline/data/note_openings.tsv,
# the tables stage's convention too
OPENING_CASES = [
    ("資料：文部科学省「学校基本調査」", True, False),
    ("（出典）総務省「通信利用動向調査」", True, False),
    ("（出所）財務省「貿易統計」", True, False),
    ("資料出所\u3000総務省統計局「労働力調査」", True, False),   # 労働経済白書
    ("Source: OECD, Main Science and Technology Indicators", True, False),
    ("注：速報値である。", False, True),
    ("注１）概数である。", False, True),
    ("注1 合計特殊出生率は年齢別出生率の合計。", False, True),
    ("注\u3000数値は概数である。", False, True),
    ("（注２）単位未満を四捨五入した。", False, True),
    ("（備考）調査時点は年度末。", False, True),
    ("備考：調査時点は年度末。", False, True),
    ("※1 推計値", False, True),
    ("Notes: 1. Data for 2022 are provisional.", False, True),
    ("（単位：億円）", False, True),                      # a unit line: a note, no opening
    ("出所者の就労を支援する取組が進められている。", False, False),   # released prisoners
    ("資料によると、件数は増加した。", False, False),
    ("出典元の数を数えた。", False, False),
    ("注意が必要である。", False, False),
    ("備考", False, False),                               # a table's head
    ("Note that the figures are provisional.", False, False),
]


@pytest.mark.parametrize(("text", "source", "note"), OPENING_CASES)
def test_what_opens_a_note_or_a_source_line(text: str, source: bool, note: bool) -> None:
    """Before: a line opening 資料/出典/出所 was a source whatever followed
    (``出所者の…``), and ``備考：``, ``資料出所``'s note kind, ``注　…``, ``Source:`` were
    read by the tables' list only."""
    assert (opens_source(text), opens_figure_note(text)) == (source, note)


def test_a_note_word_added_to_the_list_opens_notes_and_sources(made_up_openings: None) -> None:
    """A ministry's own words, added as rows of note_openings.tsv alone, open the figure's
    note and source lines: ``附記：…`` is its note and ``典拠：…`` its source."""
    text = "\n".join(["第1節\u3000作物の生産", "1\u3000収穫量", "水稲の収穫量は減少した。",
                      "表1-1-1\u3000作物別収穫量", "作物\t令和2年産\t令和3年産",
                      "水稲\t7,765\t7,563", "典拠：テスト省「作物統計」", "附記1）概数である。",
                      "次の本文が続く。"])
    result = structure_chapter(extract_html_text(text, "tst2023-1-1"))
    assert [(f["notes"], f["source"]) for f in result.figures] == [
        ("附記1）概数である。", "典拠：テスト省「作物統計」")]
    assert [p["kind"] for p in result.paragraphs] == [
        "body", "caption", "table_text", "table_text", "source", "note", "body"]


def test_a_row_of_an_unknown_kind_names_the_file_and_the_row(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.common.note_openings import opens_note
    from pipeline.errors import PipelineError
    real = lexicons.data_text
    monkeypatch.setattr(lexicons, "data_text", lambda name: real(name) + (
        "摘要\tremark\tword\ttest\n" if name == "note_openings" else ""))
    opening_rules.cache_clear()
    try:
        with pytest.raises(PipelineError, match=r"note_openings.tsv: the row of '摘要' has "
                                                r"kind 'remark'"):
            opens_note("摘要：試験")
    finally:
        monkeypatch.undo()
        opening_rules.cache_clear()


@pytest.fixture
def made_up_marks(added_data_rows: AddRows) -> None:
    """A sign ``§`` and a word ``脚注`` added as rows of footnote_marks.tsv alone."""
    added_data_rows("footnote_marks", "§\tsign\ttest\n脚注\tword\ttest\n",
                    (mark_forms, with_marks))


def test_a_sign_added_to_the_marks_marks_footnotes_of_numbered_lines(
        made_up_marks: None) -> None:
    """A ministry's own sign, ``§1`` in the text and on the note's line, added as a row of
    footnote_marks.tsv alone: the note is a footnote linked to the word before the marker,
    and the marker goes out with its sign. Without the row: no footnote, ``§1`` left in."""
    text = "\n".join(["第1節\u3000人口の動向", "1\u3000出生数",
                      "婚姻件数は減少が続いている§1。", "§1\u3000届出のあった件数による。"])
    result = structure_chapter(extract_html_text(text, "tst2019-2-1"))
    assert [(f["number"], f["text"], f["anchor"], f["para_id"]) for f in result.footnotes] == [
        ("1", "届出のあった件数による。", "続いている", "p0001")]
    assert [p["text"] for p in result.paragraphs] == ["婚姻件数は減少が続いている。"]
    assert [(r["text"], r["reason"]) for r in result.removed] == [("§1", "footnote_marker")]


def test_a_word_added_to_the_marks_marks_footnotes_below_a_rule(made_up_marks: None) -> None:
    """A word mark ``脚注`` added as a row alone: below the footnote rule of a pdf-text
    chapter ``脚注1 …`` opens footnote 1, and the markers ``脚注1`` and ``（脚注2）`` go
    out whole (the listed ``注`` alone would leave ``脚`` in the text: the longer mark
    wins). Without the row: the markers stay, the notes are no footnotes."""
    line = "あ" * 40
    text = "\n\n".join([" 第1章 試験 ", line, line[:8] + "減少した脚注1。増加した（脚注2）。 ",
                        " " * 20, "脚注1 人口動態統計による。 ", "脚注2 概数である。 "]) + "\n"
    result = structure_chapter(extract_pdf_text(text, "tst2024-1-1"))
    assert [p["text"] for p in result.paragraphs] == [line + line[:8] + "減少した。増加した。"]
    assert [(n["number"], n["text"], n["anchor"]) for n in result.footnotes] == [
        ("1", "人口動態統計による。", "減少した"), ("2", "概数である。", "増加した")]
    assert [r["text"] for r in result.removed] == ["脚注1", "（脚注2）"]


@pytest.mark.parametrize(("row", "error"), [
    ("§\tbadge\ttest", r"the row of '§' has shape 'badge'"),
    ("注1\tword\ttest", r"the row of '注1' has shape 'word'.*no digit")])
def test_a_malformed_mark_names_the_file_and_the_row(
        monkeypatch: pytest.MonkeyPatch, row: str, error: str) -> None:
    from pipeline.errors import PipelineError
    real = lexicons.data_text
    monkeypatch.setattr(lexicons, "data_text", lambda name: real(name) + (
        row + "\n" if name == "footnote_marks" else ""))
    mark_forms.cache_clear()
    try:
        with pytest.raises(PipelineError, match="footnote_marks.tsv: " + error):
            mark_forms()
    finally:
        monkeypatch.undo()
        mark_forms.cache_clear()
