"""Readings and romaji of glossary terms (pipeline.corpus.readings): compounds with their
rendaku, numbers read as numbers, Latin words spoken or spelled, modified Hepburn with
macrons from UniDic's pronunciation."""

from __future__ import annotations

import pytest

from pipeline.common.hepburn import long_vowels, romaji_of, to_ascii
from pipeline.corpus.readings import (
    SPELLED,
    TRANSLITERATED,
    integer_reading,
    number_reading,
    read,
)

# term (as printed in a registered chapter, or made up), reading, flag — read by hand.
READINGS = [
    ("株式会社", "カブシキガイシャ", ""),                    # not カブシキカイシャ
    ("年金積立金管理運用独立行政法人", "ネンキンツミタテキンカンリウンヨウドクリツギョウセイホウジン", ""),
    ("株式会社日立製作所", "カブシキガイシャヒタチセイサクショ", ""),
    ("日本電信電話株式会社", "ニッポンデンシンデンワカブシキガイシャ", ""),
    ("音声伝送合同会社", "オンセイデンソウゴウドウガイシャ", ""),   # ict2023-4-1
    ("フランス2030", "フランスニセンサンジュウ", ""),          # st2024-1-3, not ニゼロサンゼロ
    ("知的財産推進計画2018", "チテキザイサンスイシンケイカクニセンジュウハチ", ""),
    ("ＡＩ戦略2022", "エーアイセンリャクニセンニジュウニ", ""),
    ("TSUBAME4.0", "ティーエスユービーエーエムイーヨンテンゼロ", SPELLED),
    ("ＢＯＯＳＴ", "ブースト", ""),                             # latin_word_readings.tsv
    ("ＳＡＴＲＥＰＳ", "サトレップス", ""),
    ("ＡＣＴＩＯＮ", "アクション", ""),                       # UniDic knows the loanword
    ("ＩＴ", "アイティー", ""),                               # UniDic reads it as one word
    ("SCOT", "エスシーオーティー", SPELLED),                  # nobody says how: flagged
    ("R&D", "アールアンドディー", ""),
    ("GPT-4", "ジーピーティーフォー", ""),                    # a version: in English
    ("GPT-3.5", "ジーピーティーサンテンゴ", ""),              # a decimal: in Japanese
    ("ISO/TC224/WG6", "アイエスオーティーシーニヒャクニジュウヨンダブリュージーロク", ""),
    ("日本語大規模言語モデル", "ニホンゴダイキボゲンゴモデル", ""),   # st2024-1-2; not ニッポンゴ
    ("ＩＮＰＩＴ近畿統括本部", "インピットキンキトウカツホンブ", ""),
    # 日本 read にほん in these bodies' own names (their sites), ニッポン in others'
    ("日本学術会議", "ニホンガクジュツカイギ", ""),
    ("独立行政法人日本学術振興会", "ドクリツギョウセイホウジンニホンガクジュツシンコウカイ", ""),
    ("日本貿易振興機構", "ニホンボウエキシンコウキコウ", ""),
    ("日本原子力研究開発機構", "ニホンゲンシリョクケンキュウカイハツキコウ", ""),
    ("東日本旅客鉄道株式会社", "ヒガシニホンリョカクテツドウカブシキガイシャ", ""),
    ("日本電気株式会社", "ニッポンデンキカブシキガイシャ", ""),       # NEC: にっぽんでんき
    ("日本銀行", "ニッポンギンコウ", ""),                             # boj.or.jp: にっぽんぎんこう
    ("工業所有権情報・研修館", "コウギョウショユウケンジョウホウ・ケンシュウカン", ""),
]


@pytest.mark.parametrize(("term", "reading", "flag"), READINGS)
def test_reading(term: str, reading: str, flag: str) -> None:
    assert read(term) == (reading, flag)


NUMBERS = [
    ("0", "ゼロ"), ("1", "イチ"), ("10", "ジュウ"), ("11", "ジュウイチ"), ("20", "ニジュウ"),
    ("100", "ヒャク"), ("300", "サンビャク"), ("600", "ロッピャク"), ("800", "ハッピャク"),
    ("1000", "セン"), ("3000", "サンゼン"), ("8000", "ハッセン"), ("2030", "ニセンサンジュウ"),
    ("10000", "イチマン"), ("150000000", "イチオクゴセンマン"), ("4.0", "ヨンテンゼロ"),
    ("2.5", "ニテンゴ"), ("05", "ゼロゴ"),
]


@pytest.mark.parametrize(("digits", "reading"), NUMBERS)
def test_number_reading(digits: str, reading: str) -> None:
    assert number_reading(digits) == reading


def test_integer_reading_of_every_group() -> None:
    assert integer_reading(1_0001_0001) == "イチオクイチマンイチ"
    assert integer_reading(9999) == "キュウセンキュウヒャクキュウジュウキュウ"


# term, modified Hepburn with macrons, without them — written by hand.
ROMAJI = [
    ("東京", "Tōkyō", "Tokyo"),                              # not cutlet's exception Tokyo
    ("大阪大学", "Ōsaka daigaku", "Osaka daigaku"),
    ("ＩＮＰＩＴ近畿統括本部", "INPIT Kinki tōkatsu honbu", "INPIT Kinki tokatsu honbu"),
    ("情報通信研究機構", "jōhō tsūshin kenkyū kikō", "joho tsushin kenkyu kiko"),
    ("技術経営", "gijutsu keiei", "gijutsu keiei"),           # ei stays as written
    ("地域イノベーション", "chiiki inobēshon", "chiiki inobeshon"),   # ii too
    ("コンピューター", "konpyūtā", "konpyuta"),
    ("株式会社", "kabushiki gaisha", "kabushiki gaisha"),
    ("日本電信電話株式会社", "Nippon denshin denwa kabushiki gaisha",
     "Nippon denshin denwa kabushiki gaisha"),
    ("青森県", "Aomori ken", "Aomori ken"),
    ("日本学術振興会", "Nihon gakujutsu shinkō kai", "Nihon gakujutsu shinko kai"),
    ("東日本旅客鉄道株式会社", "higashi Nihon ryokaku tetsudō kabushiki gaisha",
     "higashi Nihon ryokaku tetsudo kabushiki gaisha"),
    ("工業所有権情報・研修館", "kōgyō shoyūken jōhō kenshūkan", "kogyo shoyuken joho kenshukan"),
]


@pytest.mark.parametrize(("term", "romaji", "ascii_form"), ROMAJI)
def test_romaji(term: str, romaji: str, ascii_form: str) -> None:
    assert romaji_of(term) == romaji
    assert to_ascii(romaji) == ascii_form


@pytest.mark.parametrize(("kana", "pron", "marked"), [
    ("トウキョウ", "トーキョー", "トーキョー"),
    ("ケイエイ", "ケーエー", "ケイエイ"),          # エイ is written ei
    ("オオサカ", "オーサカ", "オーサカ"),
    ("スウ", "スー", "スー"),
    ("キンキ", "キンキ", "キンキ"),
    ("ハ", "ワ", "ハ"),                            # the particle: same length, no ー
    ("トウキョウ", "トーキョ", "トウキョウ"),      # lengths differ: the kana as it is
])
def test_long_vowels_follow_the_pronunciation(kana: str, pron: str, marked: str) -> None:
    assert long_vowels(kana, pron) == marked


@pytest.mark.parametrize(("term", "reading", "flag"), [
    ("DeepMind", "ディープマインド", ""),        # st2024-1-1: UniDic's deep + mind
    ("OpenAI", "オープンエーアイ", ""),          # open + the letters A, I
    ("SenseTime", "センスタイム", ""),
    ("MapReduce", "マップリデュース", TRANSLITERATED),   # reduce: unknown to UniDic, e2k's
    ("INVITE", "インバイト", TRANSLITERATED),     # an English word in capitals, said as one
    ("Sakana AI", "サカナエーアイ", TRANSLITERATED),  # a word, then two letters spelled
    ("IoT", "アイオーティー", SPELLED),           # one small letter: an acronym, spelled
    ("PaLM", "ピーエーエルエム", SPELLED),        # one small letter: read as an acronym
    ("ＮＩＣＴ", "エヌアイシーティー", SPELLED),  # capitals: an acronym, spelled, flagged
])
def test_names_of_several_words_read_as_loanwords(term: str, reading: str, flag: str) -> None:
    assert read(term) == (reading, flag)
