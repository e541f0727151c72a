"""Key-term extraction by C-value."""

from __future__ import annotations

import math
from collections import Counter
from functools import cache
from itertools import chain

import pandas as pd
import pytest
from spacy.language import Language

from pipeline.config import load_registry
from pipeline.corpus.terms import (
    c_values,
    key_terms,
    noun_runs,
    running_words,
    terms_of_words,
    words_of,
)
from pipeline.errors import PipelineError
from pipeline.nlp.stage import tokenize_paragraphs
from pipeline.nlp.tokenizer import make_nlp
from tests.conftest import PATHS, structured

SHIPPED = [chapter.id for chapter in load_registry(PATHS)]


def test_c_value_formula() -> None:
    frequency = Counter({("産学", "官", "連携"): 4, ("産学", "官"): 6, ("官", "連携"): 4})
    scores = c_values(frequency)
    assert scores[("産学", "官", "連携")] == pytest.approx(math.log2(3) * 4)
    assert scores[("産学", "官")] == pytest.approx(math.log2(2) * (6 - 4))
    assert scores[("官", "連携")] == pytest.approx(0.0)


def test_noun_runs_break_at_particles_and_numbers() -> None:
    runs = noun_runs(words_of("産学官連携活動は２万件の共同研究を生んだ"))
    assert ["".join(w.text for w in run) for run in runs] == ["産学官連携活動", "共同研究"]


def test_adjectival_noun_opens_a_run() -> None:
    runs = noun_runs(words_of("知的財産戦略を推進"))
    assert ["".join(w.text for w in run) for run in runs] == ["知的財産戦略", "推進"]


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


def made_up(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"chapter": ["c"] * len(texts),
                         "para_id": [f"p{i}" for i in range(1, len(texts) + 1)],
                         "kind": ["body"] * len(texts), "text": texts})


def test_generic_words_are_no_terms() -> None:
    """Words of the general vocabulary are filtered: a noun with an affix (専門家, 可能性,
    次世代), a generic edge (関係機関, 減少傾向, 企業数) or an ordinary compound of
    generic_terms.tsv (地域企業); a technical compound stays (made-up sentences)."""
    sentence = ("専門家と関係機関と地域企業が情報通信産業の可能性と次世代の減少傾向と"
                "企業数を論じた。")
    terms = set(key_terms(made_up([sentence] * 4))["term"])
    assert terms == {"情報通信産業"}


def test_a_counter_after_a_figure_starts_no_term() -> None:
    """Made-up 厚生労働白書 text: 地域包括支援センターは全国に約5,400か所設置されている —
    か所 counts the figure, so か所設置 is no term (nor 年度目標 of 2030年度目標); 時間外労働,
    whose 時間 can be a counter but counts nothing here, is one; 市町村 is an ordinary
    word (generic_terms.tsv)."""
    texts = ["拠点は全国に約5,400か所設置されている。", "2030年度目標を市町村が定めた。",
             "時間外労働の上限を定めた。"]
    terms = set(key_terms(made_up(texts * 3))["term"])
    assert terms == {"時間外労働"}


def test_a_generic_compound_still_hides_its_pieces() -> None:
    """都道府県 is no term, and 都道府 (only ever inside it) is none either."""
    terms = set(key_terms(made_up(["都道府県と情報通信産業。"] * 4))["term"])
    assert terms == {"情報通信産業"}


def test_a_piece_of_a_generic_compound_is_no_term() -> None:
    """都道 (st2019-2-5: 全国47都道府県) is seen once outside 都道府県, an ordinary
    compound: no term, though its C-value passes (nested in four longer candidates, two of
    them seen once, it keeps 6 - 12/4 = 3)."""
    texts = ["都道府県と情報通信産業。"] * 4 + ["都道府県ごとの都道府道。"]
    assert set(key_terms(made_up(texts))["term"]) == {"情報通信産業"}
    words = [w for text in texts for run in noun_runs(words_of(text))
             for w in [tuple(t.text for t in run)]]
    frequency = Counter(cand for run in words for i in range(len(run))
                        for j in range(i + 2, len(run) + 1) for cand in [run[i:j]])
    assert c_values(frequency)[("都", "道")] >= 3


def test_white_space_breaks_a_compound() -> None:
    """Table cells joined by a line break (mlit2023-1-1: 予備設計 / 詳細設計) are two
    terms, not 予備設計詳細設計."""
    terms = set(key_terms(made_up(["予備設計\n詳細設計の手順。"] * 4))["term"])
    assert terms == {"予備設計", "詳細設計"}


def test_first_paragraph_of_each_chapter() -> None:
    paragraphs = pd.DataFrame({"chapter": ["a", "a", "b", "b"],
                               "para_id": ["p1", "p2", "p1", "p2"], "kind": ["body"] * 4,
                               "text": ["前文。", "情報通信産業。", "情報通信産業。", "情報通信産業。"]})
    row = key_terms(paragraphs).set_index("term").loc["情報通信産業"]
    assert (row["first_chapter"], row["first_para_id"]) == ("a", "p2")
    assert row["first_paras"] == [("a", "p2"), ("b", "p1")]


# --------------------------------------------------------------------------- token rows


@cache
def nlp() -> Language:
    return make_nlp()


@cache
def paragraphs_and_tokens(chapter_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A shipped chapter's paragraphs and the token rows the nlp stage makes of them."""
    paragraphs = pd.DataFrame(structured(chapter_id).paragraphs)
    _, _, tokens = tokenize_paragraphs(paragraphs, nlp())
    return paragraphs, tokens


@pytest.mark.parametrize("chapter_id", SHIPPED)
def test_words_of_token_rows_equal_words_of_the_text(chapter_id: str) -> None:
    """Key terms read the nlp stage's token rows instead of tokenising again: on every
    paragraph (all kinds) of every shipped chapter both give the same words."""
    paragraphs, tokens = paragraphs_and_tokens(chapter_id)
    kinds = tuple(paragraphs["kind"].unique())
    compared = 0
    for (_, para_id, words), text in zip(running_words(paragraphs, tokens, kinds),
                                         paragraphs["text"], strict=True):
        assert words == words_of(text), para_id
        compared += 1
    assert compared == len(paragraphs) > 100      # every paragraph of the shipped chapters


# Whitespace MeCab skips is a 空白 token of its own in the token rows (so they rebuild the
# text) but no word; a full-width space is a word for both; one ASCII space after a word
# is no token at all.
SPACED = ["産学  連携", "産学\t連携", "産学\n連携", "産学　連携", "産学 連携", " 産学連携",
          "知的財産\v戦略"]


@pytest.mark.parametrize("text", SPACED)
def test_whitespace_tokens_are_words_only_where_mecab_makes_them(text: str) -> None:
    paragraphs = pd.DataFrame({"chapter": ["c"], "para_id": ["p1"], "kind": ["body"],
                               "text": [text]})
    _, _, tokens = tokenize_paragraphs(paragraphs, nlp())
    [(_, _, words)] = running_words(paragraphs, tokens)
    assert words == words_of(text)
    assert noun_runs(words) == noun_runs(words_of(text))


def test_token_rows_of_other_paragraphs_are_skipped() -> None:
    paragraphs, tokens = paragraphs_and_tokens("ict2019-3-1")
    first = paragraphs.iloc[:3]
    assert list(running_words(first, tokens)) == list(running_words(first, tokens[
        tokens["para_id"].isin(first["para_id"])]))


def test_an_empty_paragraph_has_no_token_rows_and_no_words() -> None:
    paragraphs, tokens = paragraphs_and_tokens("ict2019-3-1")
    empty = pd.DataFrame({"chapter": ["c"], "para_id": ["p1"], "kind": ["body"], "text": [""]})
    assert list(running_words(empty, tokens.iloc[:0])) == [("c", "p1", [])]


def test_missing_or_scattered_token_rows_are_refused() -> None:
    paragraphs, tokens = paragraphs_and_tokens("ict2019-3-1")
    body = paragraphs[paragraphs["kind"] == "body"].iloc[:2]
    rows = tokens[tokens["para_id"].isin(body["para_id"])]
    with pytest.raises(PipelineError, match="no rows for paragraph"):
        list(running_words(body, rows[rows["para_id"] != body["para_id"].iloc[1]]))
    first = rows["para_id"] == body["para_id"].iloc[0]
    scattered = pd.concat([rows[first].iloc[:2], rows[~first], rows[first].iloc[2:]])
    with pytest.raises(PipelineError, match="not together"):
        list(running_words(body, scattered))


def test_key_terms_from_token_rows_equal_key_terms_from_the_text() -> None:
    both = [paragraphs_and_tokens(c) for c in ("st2019-2-5", "ict2019-3-1")]
    paragraphs = pd.concat([p for p, _ in both], ignore_index=True)
    tokens = pd.concat([t for _, t in both], ignore_index=True)
    from_tokens = key_terms(paragraphs, tokens=tokens)
    pd.testing.assert_frame_equal(from_tokens, key_terms(paragraphs))
    per_chapter = terms_of_words(chain.from_iterable(running_words(p, t) for p, t in both))
    pd.testing.assert_frame_equal(per_chapter, from_tokens)


def test_a_candidate_always_extended_is_a_fragment() -> None:
    """Made-up 厚生労働白書 and 国土交通白書 text: 地域包括 is printed only in 地域包括ケア…
    and 地域包括支援…, nested in several candidates, so C-value kept it; 国土強靱 is
    printed only before 化 (a stop word: 国土強靱化 was no candidate) and 国土強靱化基本
    only before 計画 or 法. Each was a key term; 国土強靱化 is the term now."""
    texts = ["地域包括ケアシステムを構築する。", "地域包括支援センターを設置する。",
             "国土強靱化基本計画を改定した。", "国土強靱化基本法に基づく。", "国土強靱化を進める。"]
    terms = set(key_terms(made_up(texts * 3))["term"])
    assert not {"地域包括", "国土強靱", "国土強靱化基本"} & terms
    assert {"地域包括ケアシステム", "地域包括支援センター", "国土強靱化"} <= terms


def test_a_term_may_end_in_a_person_suffix() -> None:
    """Made-up 食料・農業・農村白書 text: 新規就農者 was cut to the key term 新規就農, as 者
    was a stop word (st2019-2-5 and ict2019-3-1 likewise gave 若手研究 for 若手研究者 and
    ケーブルテレビ事業 for ケーブルテレビ事業者). A term of two content words and 者 is the
    term; 研究者 alone (one content word) is still none."""
    texts = ["新規就農者数は増えた。", "新規就農者の定着を支援する。", "新規就農者と研究者の交流。"]
    terms = set(key_terms(made_up(texts * 2))["term"])
    assert "新規就農者" in terms
    assert not {"新規就農", "研究者"} & terms
