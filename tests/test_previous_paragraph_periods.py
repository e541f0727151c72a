"""A figure whose year is printed only in the previous paragraph: a body paragraph with
no date of its own that opens by referring back (その内訳をみると, このうち, これを…別に
みると) takes the one date framing the previous body paragraph of its section
(period_basis previous_paragraph). Made-up paragraphs typical of other ministries."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from spacy.language import Language

from pipeline.nlp import extensions
from pipeline.nlp.tokenizer import make_nlp
from pipeline.tagging.previous_paragraph import refers_back
from pipeline.tagging.stage import tag_docs


@cache
def _nlp() -> Language:
    return make_nlp()


def periods(paragraphs: list[tuple[str, str, str]]) -> dict[str, tuple[Any, Any, Any]]:
    """(text, kind, section_id) per paragraph, in order → every figure's (period_start,
    period_end, period_basis) by surface."""
    extensions.register()
    docs = []
    kinds, sections = {}, {}
    for k, (text, kind, section) in enumerate(paragraphs, start=1):
        doc = _nlp()(text)
        para_id = f"p{k:04d}"
        extensions.set_doc_value(doc, "para_id", para_id)
        docs.append(doc)
        kinds[para_id], sections[para_id] = kind, section
    numbers, _ = tag_docs(docs, "made-up", kinds=kinds, sections=sections)
    return {n["surface"]: (str(n["period_start"]) if n["period_start"] else None,
                           str(n["period_end"]) if n["period_end"] else None,
                           n.get("period_basis")) for n in numbers}


CARRIED = [
    # MOF: trade balance, its breakdown in the next paragraph
    (["令和5年の貿易収支は9兆2,914億円の赤字となった。",
      "その内訳をみると、輸出は100兆8,738億円、輸入は110兆1,652億円であった。"],
     "100兆8,738億円", ("2023-01-01", "2023-12-31")),
    # MHLW: births of a year, then その内訳は
    (["令和4年の出生数は77万759人となった。",
      "その内訳は、男が39万4,000人、女が37万6,000人である。"],
     "39万4,000人", ("2022-01-01", "2022-12-31")),
    # MAFF: agricultural output of a fiscal year, then by item
    (["令和3年度の農業総産出額は8兆8,384億円であった。",
      "これを部門別にみると、畜産が3兆4,048億円、米が1兆3,699億円となっている。"],
     "3兆4,048億円", ("2021-04-01", "2022-03-31")),
    # METI: exports of a year, then このうち
    (["2022年の我が国の自動車輸出額は13兆円であった。",
      "このうち、米国向けは4兆5,000億円を占める。"],
     "4兆5,000億円", ("2022-01-01", "2022-12-31")),
]


@pytest.mark.parametrize(("texts", "surface", "period"), CARRIED)
def test_a_paragraph_referring_back_takes_the_previous_frame(
        texts: list[str], surface: str, period: tuple[str, str]) -> None:
    found = periods([(text, "body", "s1") for text in texts])
    assert found[surface] == (*period, "previous_paragraph")


def test_the_previous_paragraphs_own_figures_keep_their_basis() -> None:
    found = periods([(text, "body", "s1") for text in CARRIED[0][0]])
    assert found["9兆2,914億円"] == ("2023-01-01", "2023-12-31", "sentence")


def test_a_paragraph_not_referring_back_takes_nothing() -> None:
    found = periods([("令和4年の出生数は77万759人となった。", "body", "s1"),
                     ("婚姻件数は50万4,930組である。", "body", "s1")])
    assert found["50万4,930組"] == (None, None, None)


def test_no_frame_across_a_heading() -> None:
    found = periods([("令和3年度の農業総産出額は8兆8,384億円であった。", "body", "s1"),
                     ("これを部門別にみると、畜産が3兆4,048億円となっている。", "body", "s2")])
    assert found["3兆4,048億円"] == (None, None, None)


def test_no_frame_across_a_figure_paragraph() -> None:
    found = periods([("令和3年度の農業総産出額は8兆8,384億円であった。", "body", "s1"),
                     ("図1 農業総産出額の推移 8兆8,384億円", "figure_text", "s1"),
                     ("これを部門別にみると、畜産が3兆4,048億円となっている。", "body", "s1")])
    assert found["3兆4,048億円"] == (None, None, None)


def test_no_frame_from_a_paragraph_with_two_years() -> None:
    found = periods([("2021年の輸出額は83兆円、2022年の輸出額は98兆円であった。", "body", "s1"),
                     ("その内訳をみると、自動車は13兆円である。", "body", "s1")])
    assert found["13兆円"] == (None, None, None)


def test_no_frame_for_a_target() -> None:
    found = periods([("令和5年の貿易収支は9兆円の赤字となった。", "body", "s1"),
                     ("このうち、2030年までの目標は5兆円である。", "body", "s1")])
    assert found["5兆円"][2] != "previous_paragraph"


@pytest.mark.parametrize(("text", "expected"), [
    ("その内訳をみると、輸出は…", True),
    ("これを地域別にみると、", True),
    ("同様に、林業産出額は", True),
    ("婚姻件数は50万組である。", False),
    ("これを踏まえ、政府は", False),
])
def test_refers_back(text: str, expected: bool) -> None:
    assert refers_back(text) is expected
