"""A cited work's date in a footnote or source (pipeline/tagging/date_citations.py, through
``dates.find_dates``): a date opening a citation's item right before the work's quoted
title is the work's date, ``role = citation``; a date before a name a sentence goes on
about, or in running text, is not."""

from __future__ import annotations

import pytest

from pipeline.tagging.dates import find_dates


def _roles(text: str, where: str) -> list[tuple[str, str | None]]:
    return [(m.surface, m.role) for m in find_dates(text, where=where)]


@pytest.mark.parametrize(("text", "where", "expected"), [
    # ict2023-4-1 n007 (third date audit: the role was empty); the date in the title has none
    ("ガートナー、プレスリリース、2023年2月27日“Gartner、日本における2023年のエンタプライズIT"
     "支出の成長率を4.7%と予測”https://www.gartner.co.jp/", "footnote",
     [("2023年2月27日", "citation"), ("2023年", None)]),
    # Made-up, of other ministries' footnotes and sources: a newspaper, a press release, a
    # notice after a space or a full-width comma, at the start of the note.
    ("日本経済新聞 2023年5月1日「農林水産物の輸出額、過去最高」", "footnote",
     [("2023年5月1日", "citation")]),
    ("（出典）環境省，令和5年3月『気候変動影響評価報告書』", "source",
     [("令和5年3月", "citation")]),
    ("2022年12月「防衛力整備計画」https://www.mod.go.jp/", "footnote",
     [("2022年12月", "citation")]),
    ("厚生労働省、2023年9月15日「人口動態統計月報」。", "footnote",
     [("2023年9月15日", "citation")]),
])
def test_a_date_before_a_cited_title_is_the_works(text: str, where: str,
                                                   expected: list[tuple[str, str | None]]
                                                   ) -> None:
    assert _roles(text, where) == expected


@pytest.mark.parametrize(("text", "where", "expected"), [
    # A name a sentence goes on about (st2024-1-3 p0258 prints one in a table; here a note).
    ("英国政府は2023年11月「ＡＩ安全性サミット」を開催した。", "footnote",
     [("2023年11月", None)]),
    ("国土交通省は、2023年4月「流域治水プロジェクト」を公表した。", "footnote",
     [("2023年4月", None)]),
    # Glued to a word before it: no item opens there.
    ("経済産業省は2023年6月「半導体戦略」改定", "source", [("2023年6月", None)]),
    # Running text and table text: never a citation.
    ("農林水産省、2023年5月1日「食料安全保障強化政策大綱」", "body", [("2023年5月1日", None)]),
    ("推進。2023年11月「ＡＩ安全性サミット」", "table_text", [("2023年11月", None)]),
])
def test_a_date_before_a_name_in_a_sentence_is_no_citation(
        text: str, where: str, expected: list[tuple[str, str | None]]) -> None:
    assert _roles(text, where) == expected
