"""Words in Latin letters in the glossary (pipeline.corpus.latin, .entries) and the
glossary's definition repairs (English：日本語, 日本語（English words）, remarks in brackets)."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.common.text import fold_nfkc
from pipeline.corpus.entries import Entry, drop_latin_pieces
from pipeline.corpus.latin import (
    ACRONYM,
    CODE,
    NAME,
    NUMERAL,
    WORD,
    common_acronyms,
    english_and_japanese,
    has_two_content_words,
    is_english_phrase,
    is_english_word,
    kind_of,
    latin_name,
)

# as printed in the registered chapters (made up where marked), and what it is
KINDS = [
    ("ＩＣＴ", ACRONYM), ("ＩｏＴ", ACRONYM), ("DaaS", ACRONYM), ("ＮｅｘＴＥＰ", ACRONYM),
    ("PaLM", ACRONYM), ("ＧＥＮＩＡＣ", ACRONYM), ("R&D", ACRONYM), ("GPT-4", ACRONYM),
    ("ＩｏＴ/ＢＤ/ＡＩ", ACRONYM), ("ＳＢＩＲ制度", ACRONYM),
    ("ＡＣＴＩＯＮ", WORD), ("ＩＮＶＩＴＥ", WORD), ("HIGH RISK", WORD), ("ＥＮＤ", WORD),
    ("ＪＡＰＡＮ", WORD),
    ("ＩＳＯ/ＴＣ224/ＷＧ6", CODE), ("ＩＳＯ/ＴＣ251", CODE), ("ISO/IEC JTC 1/SC 42", CODE),
    ("OpenAI", NAME), ("ChatGPT", NAME), ("DeepMind", NAME), ("DNNresearch", NAME),
    ("Ⅱ", NUMERAL), ("Ⅲ Ⅳ", NUMERAL),
    ("ⅡＡ", NUMERAL),   # made-up 防衛白書: ＳＭ－３ブロックⅡＡ, a block, no acronym IIA
]


@pytest.mark.parametrize(("printed", "kind"), KINDS)
def test_kind_of(printed: str, kind: str) -> None:
    assert kind_of(printed, fold_nfkc(printed)) == kind


@pytest.mark.parametrize(("word", "english"), [
    ("ACTION", True),        # UniDic: アクション-action
    ("success", True),       # UniDic: サクセス-success
    ("invite", True),        # english_words.tsv
    ("GENIAC", False), ("SCOT", False), ("NICT", False),
])
def test_is_english_word(word: str, english: bool) -> None:
    assert is_english_word(word) is english


def test_common_acronyms_have_english_and_japanese() -> None:
    table = common_acronyms()
    assert table["IT"].english == "Information Technology"
    assert table["IoT"].english == "Internet of Things"
    assert table["JIS"].japanese == ("日本産業規格", "日本工業規格")
    assert all(row.english and row.japanese for row in table.values())
    assert "IP" not in table           # intellectual property or Internet Protocol


@pytest.mark.parametrize(("long_form", "parts"), [
    ("Radio Access Network：無線アクセスネットワーク",            # ict2023-4-1
     ("Radio Access Network", "無線アクセスネットワーク")),
    ("Non-Terrestrial Network：非地上系ネットワーク", ("Non-Terrestrial Network",
                                                  "非地上系ネットワーク")),
    ("Internet of Things、モノのインターネット", ("Internet of Things", "モノのインターネット")),
    ("技術移転機関", None), ("Desktop：クライアント", None),   # one English word: no split
])
def test_english_and_japanese(long_form: str, parts: tuple[str, str] | None) -> None:
    assert english_and_japanese(long_form) == parts


@pytest.mark.parametrize(("text", "phrase"), [
    ("Generative AI", True), ("Office for Artificial Intelligence", True),   # st2024-1-x
    ("Council of Europe", True), ("NHS AI Lab", False), ("O-RAN ALLIANCE", False),
    ("TLO", False), ("PCT CS&E", False),
])
def test_is_english_phrase(text: str, phrase: bool) -> None:
    assert is_english_phrase(text) is phrase


@pytest.mark.parametrize(("long_form", "phrase"), [
    ("人工知能", True), ("技術移転機関", True), ("当時", False), ("自動化", False),
])
def test_a_long_form_has_two_content_words(long_form: str, phrase: bool) -> None:
    assert has_two_content_words(long_form) is phrase


@pytest.mark.parametrize(("term", "name"), [
    ("株式会社Preferred Networks", "Preferred Networks"), ("Sakana AI株式会社", "Sakana AI"),
    ("OpenAI", "OpenAI"), ("株式会社日立製作所", ""), ("NECソリューションイノベータ株式会社", ""),
])
def test_latin_name(term: str, name: str) -> None:
    assert latin_name(term) == name


def test_latin_pieces_of_longer_names_are_dropped() -> None:
    """ict2023-4-1 prints ``DISH`` only in ``米DISH Wireless`` and ``Non-Terrestrial``
    only in ``NTN（Non-Terrestrial Network: …）``: pieces of names. ``GSI from ALOS-2 raw
    data`` goes on in lower case, and ``R&D`` is a common acronym: both kept."""
    entries = {key: Entry(key, category) for key, category in (
        ("DISH", "WORD"), ("Non-Terrestrial", "NAME"), ("GSI", "ACRONYM"),
        ("ALOS-2", "ACRONYM"), ("NVIDIA", "ACRONYM"))}
    entries["R&D"] = Entry("R&D", "ACRONYM", english="Research and Development",
                           english_source="acronym_list")
    paragraphs = pd.DataFrame({"text": [
        "韓国KTや米DISH Wireless、シンガポールSingtel", "NTN（Non-Terrestrial Network: 非地上系）",
        "Analysis by GSI from ALOS-2 raw data of JAXA", "R&D Initiative", "NVIDIA Corporation",
        "NVIDIAのGPU"]})
    kept = drop_latin_pieces(entries, [paragraphs])
    assert set(kept) == {"GSI", "ALOS-2", "R&D", "NVIDIA"}
