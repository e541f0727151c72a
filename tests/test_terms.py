"""Key-term extraction by C-value."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest

from pipeline.terms import c_values, key_terms, noun_runs, words_of
from tests.conftest import structured


def test_c_value_formula() -> None:
    frequency = Counter({("産学", "官", "連携"): 4, ("産学", "官"): 6, ("官", "連携"): 4})
    scores = c_values(frequency)
    assert scores[("産学", "官", "連携")] == pytest.approx(math.log2(3) * 4)
    assert scores[("産学", "官")] == pytest.approx(math.log2(2) * (6 - 4))
    assert scores[("官", "連携")] == pytest.approx(0.0)


def test_noun_runs_break_at_particles_and_numbers() -> None:
    runs = noun_runs(words_of("産学官連携活動は２万件の共同研究を生んだ"))
    assert ["".join(w.surface for w in run) for run in runs] == ["産学官連携活動", "件",
                                                                 "共同研究"]


def test_adjectival_noun_opens_a_run() -> None:
    runs = noun_runs(words_of("知的財産戦略を推進"))
    assert ["".join(w.surface for w in run) for run in runs] == ["知的財産戦略", "推進"]


def test_minimum_frequency() -> None:
    paragraphs = pd.DataFrame({
        "chapter": ["c"] * 3, "para_id": ["p1", "p2", "p3"], "kind": ["body"] * 3,
        "text": ["情報通信産業が伸びた。", "情報通信産業の規模。", "共同研究を行う。"]})
    terms = key_terms(paragraphs, min_frequency=2, min_cvalue=1.0)
    assert "情報通信産業" in set(terms["term"])
    assert "共同研究" not in set(terms["term"])          # seen once
    row = terms.set_index("term").loc["情報通信産業"]
    assert (row["first_chapter"], row["first_para_id"], row["frequency"]) == ("c", "p1", 2)


def test_chapter_terms() -> None:
    paragraphs = pd.DataFrame([p for c in ("st2019-2-5", "ict2019-3-1")
                               for p in structured(c).paragraphs])
    terms = set(key_terms(paragraphs)["term"])
    for term in ("情報通信産業", "産学官連携", "研究開発", "知的財産", "オープンイノベーション",
                 "労働生産性", "技術シーズ"):
        assert term in terms
    for fragment in ("産業省", "科学省", "前年度比", "％増"):   # never on their own / noise
        assert fragment not in terms
