"""Tables of contents (``structure.contents``): made-up pages of other ministries' papers;
each line is stripped and matched as a heading once (``read_line``), for its page and
for the chapter's later pages."""

from __future__ import annotations

from pipeline.schemas import SourceLine
from pipeline.structure.contents import (
    entry_titles,
    is_label_alone,
    label_alone,
    read_line,
    split_contents_pages,
    without_page_number,
)
from pipeline.structure.patterns import match_heading


def page_lines(page: int, texts: list[str]) -> list[SourceLine]:
    return [SourceLine(line=k, text=text, page_index=page) for k, text in enumerate(texts, 1)]


MHLW_CONTENTS = ["目次", "第1章　少子高齢化の現状 …… 2", "第2章", "雇用の動向　3",
                 "第3章　社会保障の給付と負担 ‥‥ 12"]
MHLW_BODY = [*page_lines(2, ["第1章　少子高齢化の現状", "高齢化率は29.1％となった。"]),
             *page_lines(3, ["第2章　雇用の動向", "就業者数は6,747万人であった。"])]


def test_entries_lose_their_page_numbers_and_a_label_alone_takes_the_next_line() -> None:
    page = [read_line(line) for line in page_lines(1, MHLW_CONTENTS)]
    assert entry_titles(page) == ["少子高齢化の現状", "雇用の動向", "社会保障の給付と負担"]


def test_a_contents_page_goes_to_removed_and_the_chapter_stays() -> None:
    lines = [*page_lines(1, MHLW_CONTENTS), *MHLW_BODY]
    kept, removed = split_contents_pages(lines)
    assert kept == MHLW_BODY
    assert [r.text for r in removed] == MHLW_CONTENTS
    assert {r.reason for r in removed} == {"table_of_contents"}


def test_a_page_of_prose_under_headings_is_not_contents() -> None:
    # MAFF: two headings with running text and no page numbers, printed again later
    first = page_lines(1, ["第1章　食料自給率の動向", "食料自給率は38％であった。",
                           "第2章　農業経営の現状", "農業経営体数は減少した。"])
    later = page_lines(2, ["第1章　食料自給率の動向", "第2章　農業経営の現状"])
    assert split_contents_pages([*first, *later]) == ([*first, *later], [])


def test_one_page_is_never_contents() -> None:
    lines = page_lines(1, MHLW_CONTENTS)
    assert split_contents_pages(lines) == (lines, [])


def test_without_page_number_searches_only_a_text_ending_in_a_digit() -> None:
    assert without_page_number("第1節　防衛力の抜本的強化 …… 15") == "第1節　防衛力の抜本的強化"
    assert without_page_number("第1節　防衛力の抜本的強化　１５") == "第1節　防衛力の抜本的強化"
    assert without_page_number("令和5年度") == "令和5年度"
    assert without_page_number("地域の経済 5") == "地域の経済"


def test_is_label_alone_is_label_alone_given_the_match() -> None:
    for text in ["第1章", "第2節", "第1章　総論", "環境省の取組", "第十二章", "第1部"]:
        assert is_label_alone(text, match_heading(text)) == label_alone(text)
