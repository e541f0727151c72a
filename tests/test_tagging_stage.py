"""The tagging stage over the shipped chapters: numbers and dates per sentence, with
offsets into the paragraph and the nlp stage's sentence ids."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
import pytest

from pipeline.nlp.stage import tokenize_paragraphs
from pipeline.nlp.tokenizer import make_nlp
from pipeline.tagging.stage import tag_docs
from tests.conftest import structured


@cache
def tagged(chapter: str) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str], set[str]]:
    paragraphs = pd.DataFrame(structured(chapter).paragraphs)
    docs, sentences, _ = tokenize_paragraphs(paragraphs, make_nlp())
    numbers, dates = tag_docs(docs, chapter)
    texts = dict(zip(paragraphs["para_id"], paragraphs["text"], strict=True))
    return pd.DataFrame(numbers), pd.DataFrame(dates), texts, set(sentences["sent_id"])


@pytest.mark.parametrize("chapter", ["st2019-2-5", "ict2019-3-1"])
def test_offsets_slice_the_paragraph_and_sentences_exist(chapter: str) -> None:
    numbers, dates, texts, sent_ids = tagged(chapter)
    for frame in (numbers, dates):
        assert len(frame) > 50
        for row in frame.itertuples():
            assert texts[row.para_id][row.start:row.end] == row.surface
            assert row.sent_id in sent_ids


@pytest.mark.parametrize("chapter", ["st2019-2-5", "ict2019-3-1"])
def test_no_dates_ids_labels_or_law_numbers_among_numbers(chapter: str) -> None:
    numbers, _, _, _ = tagged(chapter)
    for surface in numbers["surface"]:
        assert not re.search(r"(年|年度|月|日)$", surface), surface
        assert not re.search(r"[図表]|第.*[号回次節章]|^（\d+）$", surface), surface


@pytest.mark.parametrize(("chapter", "surface", "value", "unit", "measure", "period_start"), [
    ("st2019-2-5", "２万5,451件", 25451.0, "件", "共同研究実施件数", "2017-04-01"),
    ("st2019-2-5", "約608億円", 60_800_000_000.0, "円", "研究費受入額", "2017-04-01"),
    ("st2019-2-5", "9,120件", 9120.0, "件", "特許実施許諾件数", "2016-04-01"),
    ("ict2019-3-1", "3兆8,844億円", 3_884_400_000_000.0, "円", None, "2017-04-01"),
])
def test_figures_with_measure_and_period(chapter: str, surface: str, value: float, unit: str,
                                         measure: str | None, period_start: str) -> None:
    numbers, _, _, _ = tagged(chapter)
    row = numbers[numbers["surface"] == surface].iloc[0]
    assert (row["value"], row["unit"], row["period_start"]) == (value, unit, period_start)
    if measure:
        assert row["measure"] == measure


def test_previous_year_resolves_against_the_sentence_period() -> None:
    _, dates, _, _ = tagged("st2019-2-5")
    relative = dates[dates["era"] == "relative"]
    first = relative[relative["para_id"] == "p0003"].iloc[0]
    assert (first["surface"], first["start_date"], first["end_date"]) == (
        "前年度", "2016-04-01", "2017-03-31")        # 平成29年度は…（前年度比10.6％増）
    _, dates, _, _ = tagged("ict2019-3-1")
    relative = dates[dates["era"] == "relative"]
    assert ("前年", "2016-01-01") in set(zip(relative["surface"], relative["start_date"],
                                             strict=True))


@pytest.mark.parametrize("chapter", ["st2024-1-1", "st2024-1-2", "st2024-1-3"])
def test_pdf_chapters_get_numbers_and_dates_unchanged(chapter: str) -> None:
    numbers, dates, texts, sent_ids = tagged(chapter)
    assert len(numbers) > 5 and len(dates) > 20
    for frame in (numbers, dates):
        for row in frame.itertuples():
            assert texts[row.para_id][row.start:row.end] == row.surface
            assert row.sent_id in sent_ids
