"""Japanese sentence boundaries: the pure ``sentence_spans`` and the spaCy component."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.sentences import (
    FACTORY,
    SentenceSplitter,
    bracketed_ranges,
    sentence_spans,
    spans_by_rules,
)
from pipeline.nlp.tokenizer import make_nlp


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(("text", "sentences"), [
    ("", []),
    ("   ", ["   "]),
    ("見出しのみ", ["見出しのみ"]),
    ("これは文です。これも文です。", ["これは文です。", "これも文です。"]),
    ("本当ですか？はい！", ["本当ですか？", "はい！"]),
    ("Half width? Yes! OK", ["Half width? ", "Yes! ", "OK"]),
    ("驚き！？次。", ["驚き！？", "次。"]),
    ("文。　次の文。", ["文。　", "次の文。"]),
    ("一行目。\n二行目", ["一行目。\n", "二行目"]),
    ("句点のない行\n次の行", ["句点のない行\n", "次の行"]),
    # never inside brackets
    ("「これで終わりだ。」と述べた。", ["「これで終わりだ。」と述べた。"]),
    ("（注。）", ["（注。）"]),
    ("計画を策定した（注。）。次に進む。", ["計画を策定した（注。）。", "次に進む。"]),
    ("『書名。』を参照。【重要。】確認。", ["『書名。』を参照。", "【重要。】確認。"]),
    ("(half. width.) ok。", ["(half. width.) ok。"]),
    ("「入れ子（注。）の中。」と言った。次。", ["「入れ子（注。）の中。」と言った。", "次。"]),
    ("「本当？」。次", ["「本当？」。", "次"]),
    # every end mark in the text's last tail: one sentence, inside brackets or not
    ("「はい。」", ["「はい。」"]),
    ("はい。」）\n", ["はい。」）\n"]),
    ("終わり。\n\n", ["終わり。\n\n"]),
    ("「はい。」。 ", ["「はい。」。 "]),
    # a closing bracket right after the end mark stays with its sentence
    ("引用の終わり。」次の文。", ["引用の終わり。」", "次の文。"]),
    ("注の終わり。）次の文。", ["注の終わり。）", "次の文。"]),
    # an opener never closed does not swallow the paragraph
    ("（閉じない括弧。次の文。", ["（閉じない括弧。", "次の文。"]),
    # full stops and half-width periods are not end marks
    ("１．国公私立大学等を対象とする。Society 5.0 を目指す。",
     ["１．国公私立大学等を対象とする。", "Society 5.0 を目指す。"]),
])
def test_sentence_spans(text: str, sentences: list[str]) -> None:
    assert split(text) == sentences


@pytest.mark.parametrize(("text", "ranges"), [
    ("「a（b）c」d(e", [(0, 7)]),
    ("（a「b）c」", [(0, 5)]),          # ） closes （ and drops the open 「
    ("a）b「c", []),
    ("（a）「b」", [(0, 3), (3, 6)]),
])
def test_bracketed_ranges(text: str, ranges: list[tuple[int, int]]) -> None:
    assert bracketed_ranges(text) == ranges


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("あ漢。！？!?「」『』（）()【】 　\n")), max_size=40))
def test_spans_partition_the_text(text: str) -> None:
    spans = sentence_spans(text)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(start < end for start, end in spans)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert not text or spans == spans_by_rules(text)   # the one-sentence shortcut agrees


@pytest.fixture(scope="module")
def ict_lines(root: Path) -> list[str]:
    return (root / "raw" / "ict2019-3-1.txt").read_text(encoding="utf-8").splitlines()


def test_real_paragraph_of_five_sentences(ict_lines: list[str]) -> None:
    sentences = split(ict_lines[5])
    assert len(sentences) == 5
    assert sentences[0] == ("2017年の情報通信産業1の名目国内生産額は97.5兆円であり、情報通信産業"
                            "は、全産業の9.7％を占める最大の産業である（図表3-1-1-1）。")
    assert sentences[1] == ("2000年時点が116.6兆円で最大となったものの、その後はいわゆるITバブル"
                            "崩壊を反映し、おおむね減少傾向で推移した。")
    assert sentences[-1].startswith("しかしながら、2017年と最大であった2000年を比較すると")
    assert sentences[-1].endswith("（年平均成長率では－1.1%）となっている（図表3-1-1-2、図表3-1-1-3）。")


@pytest.mark.parametrize(("line", "n_sentences", "inside"), [
    (80, 1, "（以下「研究費」という。）"),
    (111, 1, "（主業か否かを問わず少しでも情報通信業を営んでいる企業をいう。）"),
    (69, 3, "（以下「接続産業連関表」という。）"),
])
def test_real_sentences_keep_bracketed_notes(ict_lines: list[str], line: int,
                                            n_sentences: int, inside: str) -> None:
    sentences = split(ict_lines[line])
    assert len(sentences) == n_sentences
    assert any(inside in s for s in sentences)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_nlp()


def test_component_sets_sentence_starts(nlp: Language) -> None:
    doc = nlp("「これは。」と述べた。次の文！（注。）終わり")
    assert [s.text for s in doc.sents] == ["「これは。」と述べた。", "次の文！", "（注。）終わり"]
    assert nlp.get_pipe_meta(FACTORY).assigns == ["token.is_sent_start"]


def test_component_on_hand_built_docs(nlp: Language) -> None:
    splitter = nlp.get_pipe(FACTORY)
    doc = splitter(Doc(nlp.vocab, words=["文", "。", "次", "。"], spaces=[False, True, False,
                                                                        False]))
    assert [s.text_with_ws for s in doc.sents] == ["文。 ", "次。"]
    assert len(splitter(Doc(nlp.vocab, words=[]))) == 0


def test_boundary_inside_a_token_moves_to_the_next_token(nlp: Language) -> None:
    doc = nlp.get_pipe(FACTORY)(Doc(nlp.vocab, words=["文", "。次", "の文"], spaces=[False] * 3))
    assert [s.text for s in doc.sents] == ["文。次", "の文"]


def test_component_reused_on_other_words(nlp: Language) -> None:
    """The splitter's memo of words never changes what it finds."""
    splitter = nlp.get_pipe(FACTORY)
    for words in (["文", "。", "次", "。"], ["次", "。", "文", "。", "終"], ["文", "。", "次", "。"]):
        doc = splitter(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        fresh = SentenceSplitter()(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        assert [s.text for s in doc.sents] == [s.text for s in fresh.sents]
