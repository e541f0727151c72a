"""fugashi tokenizer: exact text rebuild, UniDic analyses as unidic-lite 1.0.8 gives them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.util import registry

from pipeline.nlp.tokenizer import (
    SPACE_TAG,
    FugashiTokenizer,
    get_tagger,
    make_nlp,
    parse_feature,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_nlp()


@pytest.fixture(scope="module")
def bare_nlp() -> Language:
    """The tokenizer alone, made once (~13 ms a pipeline: once per example was 2 s)."""
    return make_nlp(sentences=False)


TRICKY = [
    "",
    " ",
    "   ",
    "\n",
    "\t\n ",
    "　",
    "全角　スペース",
    "半角 スペース  二つ",
    " 行頭と行末 ",
    "ＡＩとAIの活用",
    "２万5,451件",
    "（ＴＬＯ）",
    "絵文字😀です👍🏽。",
    "改行\n\n次の段落\r\n",
    "NUL\x00の後\x00",
    "Society 5.0 の実現",
    "①ｱｲｳ\u00a0\u2028\ufeffＺ",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_rebuild_the_text_exactly(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
    assert all(t.text for t in doc)


@pytest.mark.parametrize(("text", "words"), [
    ("全角　空白", ["全角", "\u3000", "空白"]),
    ("a  b", ["a", "  ", "b"]),
    ("行 末 ", ["行", "末"]),
    ("   ", ["   "]),
])
def test_whitespace_is_a_trailing_space_or_a_token(nlp: Language, text: str,
                                                   words: list[str]) -> None:
    doc = nlp(text)
    assert [t.text for t in doc] == words
    assert all(t._.pos == SPACE_TAG for t in doc if t.text.isspace())


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
       | st.text(alphabet=st.sampled_from(list("あ漢字。、「」（）()　 \n\tＡA1１,.😀ｶ")),
                 max_size=60))
def test_tokens_rebuild_any_text(bare_nlp: Language, text: str) -> None:
    from pipeline.nlp.extensions import doc_text

    doc = bare_nlp(text)
    assert doc.text == text == doc._.tokenized_text   # what doc_text returns when set
    doc._.tokenized_text = None
    assert doc_text(doc) == text                        # a Doc read from a file


# (text, [(surface, lemma, pos, pos_detail, reading, is_number)]) as unidic-lite 1.0.8 says
ANALYSES = [
    ("尖った", [("尖っ", "尖る", "動詞", "一般", "トガッ", False),
               ("た", "た", "助動詞", "", "タ", False)]),
    ("２万5,451件", [("２", "２", "名詞", "数詞", "", True),
                   ("万", "万", "名詞", "数詞", "マン", True),
                   ("5", "5", "名詞", "数詞", "", True),
                   (",", ",", "記号", "一般", "", False),
                   ("451", "451", "名詞", "数詞", "", True),
                   ("件", "件", "名詞", "普通名詞-助数詞可能", "ケン", False)]),
    ("（ＴＬＯ）", [("（", "（", "補助記号", "括弧開", "", False),
                 ("ＴＬＯ", "ＴＬＯ", "名詞", "固有名詞-一般", "ティーエルオー", False),
                 ("）", "）", "補助記号", "括弧閉", "", False)]),
    ("ＡＩとAI", [("ＡＩ", "ＡＩ", "名詞", "普通名詞-一般", "エーアイ", False),
                ("と", "と", "助詞", "格助詞", "ト", False),
                ("AI", "AI", "名詞", "固有名詞-一般", "", False)]),   # unknown: no lemma
    ("データを活用", [("データ", "データ-data", "名詞", "普通名詞-一般", "データ", False),
                ("を", "を", "助詞", "格助詞", "ヲ", False),
                ("活用", "活用", "名詞", "普通名詞-サ変可能", "カツヨウ", False)]),
    ("平成三十年", [("平成", "平成", "名詞", "固有名詞-一般", "ヘイセイ", False),
               ("三十", "三十", "名詞", "数詞", "サンジュウ", True),
               ("年", "年", "名詞", "普通名詞-助数詞可能", "ネン", False)]),
]


@pytest.mark.parametrize(("text", "expected"), ANALYSES)
def test_unidic_analyses(nlp: Language, text: str,
                         expected: list[tuple[str, str, str, str, str, bool]]) -> None:
    got = [(t.text, t.lemma_, t._.pos, t._.pos_detail, t._.reading, t._.is_number)
           for t in nlp(text)]
    assert got == expected


def test_tag_holds_levels_one_to_four_and_the_doc_the_readings(nlp: Language) -> None:
    doc = nlp("２万5,451件")
    assert doc[-1].tag_ == "名詞-普通名詞-助数詞可能"
    assert doc._.readings == ["", "マン", "", "", "", "ケン"]


def test_reading_refuses_a_retokenised_doc(nlp: Language) -> None:
    doc = nlp("情報通信産業")
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    with pytest.raises(ValueError, match="retokenised"):
        _ = doc[0]._.reading


@pytest.mark.parametrize(("raw", "expected"), [
    ("名詞,数詞,*,*,*,*", ("名詞-数詞", "", "")),   # unknown word: six fields
    ("補助記号,句点,*,*,*,*,,。,。,,。,,記号,*,*,*,*,,,,,*,*,*,*,*", ("補助記号-句点", "。", "")),
    ('助詞,格助詞,*,*,*,*,ト,と,と,ト,と,ト,和,*,*,*,*,ト,ト,ト,ト,*,*,*,"名詞%F1,動詞%F1",*',
     ("助詞-格助詞", "と", "ト")),   # quoted field after the ones we read
    ('記号,一般,*,*,*,*,,",",",",,",",,記号,*,*,*,*,,,,,*,*,*,*,*',
     ("記号-一般", ",", "")),   # quoted lemma: parsed as CSV
])
def test_parse_feature(raw: str, expected: tuple[str, str, str]) -> None:
    assert parse_feature(raw) == expected


def test_registered_like_spacys_japanese_tokenizer(nlp: Language) -> None:
    factory = registry.tokenizers.get("whitepaper.FugashiTokenizer")
    assert isinstance(factory()(nlp), FugashiTokenizer)
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "whitepaper.FugashiTokenizer"}
    assert nlp.pipe_names == ["whitepaper_sentences"]
    assert make_nlp(sentences=False).pipe_names == []


def test_one_tagger_per_process() -> None:
    assert get_tagger() is get_tagger()


def test_pipeline_survives_a_save_and_load(nlp: Language) -> None:
    reloaded = make_nlp()
    reloaded.from_bytes(nlp.to_bytes())
    token = reloaded("尖った")[0]
    assert (token.tag_, token.lemma_, token._.reading) == ("動詞-一般", "尖る", "トガッ")


@pytest.mark.parametrize("text", ["", " ", "科学技術　白書", "IoT and AI は 2019 年に", "a  b \n"])
def test_doc_text_from_arrays_is_doc_text(nlp: Language, text: str) -> None:
    from pipeline.nlp.extensions import doc_text

    doc = nlp(text)
    assert doc_text(doc) == doc.text == text
    doc._.tokenized_text = None   # as for a Doc read from docs.spacy
    assert doc_text(doc) == text


@pytest.mark.parametrize("text", TRICKY)
def test_docs_built_from_hashes_are_docs_built_from_words(nlp: Language, text: str) -> None:
    """The tokenizer gives Doc its words as ORTH hashes: the lexemes are those of words."""
    from spacy.attrs import IS_ALPHA, IS_PUNCT, LIKE_NUM, LOWER, NORM, ORTH, PREFIX, SHAPE, SPACY
    from spacy.tokens import Doc

    attrs = [ORTH, LOWER, NORM, SHAPE, PREFIX, SPACY, IS_ALPHA, IS_PUNCT, LIKE_NUM]
    doc = nlp.tokenizer(text)
    words = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    assert doc.to_array(attrs).tolist() == words.to_array(attrs).tolist()
    assert nlp.tokenizer(text).to_array(attrs).tolist() == words.to_array(attrs).tolist()


def test_doc_values_are_those_of_the_extensions(nlp: Language) -> None:
    from pipeline.nlp.extensions import doc_value, set_doc_value

    doc = nlp("特許権")
    assert doc_value(doc, "readings") == doc._.readings == ["トッキョ", "ケン"]
    assert doc_value(doc, "para_id") is doc._.para_id is None
    set_doc_value(doc, "para_id", "p0001")
    assert doc._.para_id == "p0001"
    doc._.para_id = "p0002"
    assert doc_value(doc, "para_id") == "p0002"
    with pytest.raises(AttributeError, match="not one of the Doc values"):
        doc_value(doc, "reading")


def test_the_vocabulary_computes_no_lexical_attributes(nlp: Language) -> None:
    """No rule reads them; tags, lemmas and readings come from UniDic."""
    doc = nlp("２０１９年に「。」")
    assert nlp.vocab.lex_attr_getters == {}
    assert not any(t.is_punct or t.like_num for t in doc)
    assert [t.tag_ for t in doc][:2] == ["名詞-数詞", "名詞-普通名詞-助数詞可能"]
