"""Latin runs said as words or letter by letter (pipeline.corpus.latin_said), and the
glossary readings they give (pipeline.corpus.readings): as printed in the registered
chapters, or made up as other ministries print them — judged by hand."""

from __future__ import annotations

import pytest

from pipeline.corpus.latin_said import hepburn_kana, looks_like_a_word, said_as_word
from pipeline.corpus.readings import SPELLED, TRANSLITERATED, read

# Capitals said as words: English words and names (e2k's n-gram model), romanised Japanese.
WORDS = [
    "STUFF",        # st2019-2-5: 株式会社STUFF
    "CONTRAIL",     # st2019-2-5: CONTRAILプロジェクト
    "SCOT",         # st2019-2-5: スマート治療室 SCOT
    "KAMAKIRI",     # st2019-2-5: KAMAKIRI WORKSHOP株式会社, Japanese in Hepburn
    "NIIGATA",      # st2019-2-5: NIIGATA SKY PROJECT
    "ASKEM",        # st2024-1-3: DARPA's programme
    "MIDORI",       # made-up 農林水産白書: ＭＩＤＯＲＩ戦略
    "HIMAWARI",     # made-up 国土交通白書: the weather satellite
    "FUGAKU",       # made-up 文部科学白書: the supercomputer
    "MAFF",         # made-up 農林水産白書: said マフ
    "PRISM",        # made-up 防衛白書
]

# Capitals spelled out: acronyms, pronounceable or not.
ACRONYMS = [
    "OECD", "WTO", "ICT", "JST",          # the usual letters
    "WHO", "NEC", "ODA", "FAO",           # pronounceable, but three letters are never enough
    "NICT", "AIST",                       # four letters scoring below a word's
    "IAEA", "JAEA", "AAAI",               # vowels Japanese does not run so: no Hepburn
    "UNFCCC", "TCFD", "EBPM", "MHLW",     # made-up 環境白書, 厚生労働白書
    "DMAT", "MLIT", "CSTI", "JSPS",
]


@pytest.mark.parametrize("word", WORDS)
def test_capitals_that_look_like_a_word_are_said(word: str) -> None:
    assert said_as_word(word)


@pytest.mark.parametrize("word", ACRONYMS)
def test_acronyms_are_spelled_out(word: str) -> None:
    assert not said_as_word(word)


@pytest.mark.parametrize(("word", "kana"), [
    ("KAMAKIRI", "カマキリ"), ("NIIGATA", "ニイガタ"), ("TSUBAME", "ツバメ"),
    ("HIMAWARI", "ヒマワリ"), ("MICHIBIKI", "ミチビキ"), ("SHIZUKU", "シズク"),
    ("NIPPON", "ニッポン"), ("SOMPO", "ソンポ"),           # っ of a doubled consonant, m before p
    ("MIRAI", "ミライ"), ("SHUZENJI", "シュゼンジ"), ("TSUKUBA", "ツクバ"),   # shu, tsu
    ("HUMAN", ""),                                  # hu is no Hepburn
    ("NEDO", ""), ("NASA", ""),       # two morae: too short to tell from letters
    ("JAEA", ""), ("IAEA", ""), ("AAAI", ""),       # vowels no Japanese word runs so
    ("KIDSASHI", ""), ("STUFF", ""), ("SITE", ""),   # not Hepburn: ds, ff, si
])
def test_hepburn_kana(word: str, kana: str) -> None:
    assert hepburn_kana(word) == kana


def test_small_letters_and_short_runs_are_no_capital_word() -> None:
    assert not looks_like_a_word("SEA")        # three letters
    assert not looks_like_a_word("R&D")
    assert said_as_word("Sakana")             # two small letters in a row
    assert not said_as_word("IoT")


# Terms as the glossary reads them: a word in capitals is said, its reading flagged as a
# guess; an acronym is spelled, flagged only where UniDic does not spell it itself.
READINGS = [
    ("株式会社STUFF", "カブシキガイシャスタッフ", TRANSLITERATED),       # was spelled out
    ("KAMAKIRI WORKSHOP株式会社", "カマキリワークショップカブシキガイシャ", TRANSLITERATED),
    ("NIIGATA SKY PROJECT", "ニイガタスカイプロジェクト", TRANSLITERATED),
    ("ＭＩＤＯＲＩ戦略", "ミドリセンリャク", TRANSLITERATED),          # made-up 農林水産白書
    ("ＨＩＭＡＷＡＲＩ", "ヒマワリ", TRANSLITERATED),                  # made-up 国土交通白書
    ("ＤＥＣＯ活", "デコカツ", TRANSLITERATED),                        # made-up 環境白書
    ("ＮＥＤＯ", "ネド", ""),                    # latin_word_readings.tsv; UniDic spells it
    ("ＧＩＧＡスクール構想", "ギガスクールコウソウ", ""),               # made-up 文部科学白書
    ("株式会社Preferred Elements", "カブシキガイシャプリファードエレメンツ", ""),  # not プレファール
    ("日本無線株式会社", "ニホンムセンカブシキガイシャ", ""),          # compound_readings.tsv
    # negatives: real acronyms stay spelled out
    ("ＯＥＣＤ", "オーイーシーディー", ""),
    ("ＷＴＯ", "ダブリューティーオー", ""),
    ("ＩＣＴ", "アイシーティー", ""),
    ("ＪＳＴ", "ジェーエスティー", ""),
    ("ＩＡＥＡ", "アイエーイーエー", ""),
    ("ＴＣＦＤ提言", "ティーシーエフディーテイゲン", SPELLED),          # made-up 環境白書
    ("ＤＭＡＴ", "ディーエムエーティー", SPELLED),                      # made-up 厚生労働白書
    ("ＭＨＬＷ", "エムエイチエルダブリュー", SPELLED),
]


@pytest.mark.parametrize(("term", "reading", "flag"), READINGS)
def test_glossary_readings_of_latin_runs(term: str, reading: str, flag: str) -> None:
    assert read(term) == (reading, flag)
