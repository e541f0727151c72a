"""Readings and romaji of glossary terms (pipeline.corpus.readings): compounds with their
rendaku, numbers read as numbers, Latin words spoken or spelled, modified Hepburn with
macrons from UniDic's pronunciation."""

from __future__ import annotations

import pytest

from pipeline.common.hepburn import long_vowels, romaji_of, to_ascii
from pipeline.corpus.glossary_romaji import romaji
from pipeline.corpus.number_readings import integer_reading, number_reading
from pipeline.corpus.readings import (
    GUESSED,
    SPELLED,
    TRANSLITERATED,
    UNREAD,
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
    ("TSUBAME4.0", "ツバメヨンテンゼロ", TRANSLITERATED),    # Japanese in Hepburn: a guess
    ("ＢＯＯＳＴ", "ブースト", ""),                             # latin_word_readings.tsv
    ("ＳＡＴＲＥＰＳ", "サトレップス", ""),
    ("ＡＣＴＩＯＮ", "アクション", ""),                       # UniDic knows the loanword
    ("ＩＴ", "アイティー", ""),                               # UniDic reads it as one word
    ("SCOT", "スコット", TRANSLITERATED),                    # a word in capitals: e2k's guess
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
    # loanword ウィ/ウェ/ウォ/イェ keep their w and y (cutlet alone: Ēruzu, sofutoea, Īn)
    ("ウェールズ", "Wēruzu", "Weruzu"),
    ("ソフトウェア", "sofutowea", "sofutowea"),
    ("ウィーン", "Wīn", "Win"),
    ("ミルウォーキー", "Miruwōkī", "Miruwoki"),
    ("イェール大学", "Yēru daigaku", "Yeru daigaku"),
    ("ウイルス", "uirusu", "uirusu"),                        # full-size イ: two syllables
    # the other loanword kana cutlet already spells as modified Hepburn
    ("ヴァイオリン", "vaiorin", "vaiorin"),
    ("ボランティア", "borantia", "borantia"),
    ("ディープラーニング", "dīpu rāningu", "dipu raningu"),
    ("フォーラム", "fōramu", "foramu"),
    ("チェーン", "chēn", "chen"),
    ("ジェンダー平等", "jendā byōdō", "jenda byodo"),
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


# Made-up chapters of other ministries (外交青書, 環境白書, 防衛白書, 警察白書, 農林水産白書):
# numbers with their counters, 日 as Japan, names UniDic can only guess — read by hand.
OTHER_MINISTRIES = [
    # a counter after a number: the sound change, 4 before 次
    ("国連気候変動枠組条約第28回締約国会議",
     "コクレンキコウヘンドウワクグミジョウヤクダイニジュウハッカイテイヤクコクカイギ", ""),
    ("第4次産業革命", "ダイヨジサンギョウカクメイ", ""),          # not ダイヨンジ
    ("第1回", "ダイイッカイ", ""),
    ("6か国", "ロッカコク", ""),
    ("10分", "ジュップン", ""),
    ("1兆4,541億円", "イッチョウヨンセンゴヒャクヨンジュウイチオクエン", ""),   # not ヨン・ゴヒャク…
    ("第11次交通安全基本計画", "ダイジュウイチジコウツウアンゼンキホンケイカク", ""),  # ジ: no change
    ("40年", "ヨンジュウネン", ""),
    ("2人", "フタリ", ""),
    ("1.5℃目標", "イチテンゴドモクヒョウ", ""),                 # ℃ ド, not the letter C
    # 日 before a Latin name is Japan
    ("日ＡＳＥＡＮ特別首脳会議", "ニチアセアントクベツシュノウカイギ", ""),   # not ヒアセアン
    ("日・EU", "ニチ・イーユー", ""),
    ("日米豪印首脳会合", "ニチベイゴウインシュノウカイゴウ", ""),
    # dictionary readings of 日本 (compound_readings.tsv)
    ("東日本大震災", "ヒガシニホンダイシンサイ", ""),
    ("日本酒", "ニホンシュ", ""),
    ("国民皆保険", "コクミンカイホケン", ""),          # not コクミンミナホケン
    ("日本国憲法", "ニホンコクケンポウ", ""),          # dictionaries: にほんこくけんぽう
    ("日本大学", "ニホンダイガク", ""),                # the university's own reading
    ("石綿健康被害救済制度", "セキメンケンコウヒガイキュウサイセイド", ""),   # the Act's reading
    # readings UniDic guesses: flagged
    ("石垣島", "イシガキトウ", GUESSED),              # いしがきじま; 硫黄島 is いおうとう
    ("山口組", "ヤマグチクミ", GUESSED),              # やまぐちぐみ
    ("米沢牛", "ヨネザワウシ", GUESSED),              # よねざわぎゅう
    ("石垣島沖", "イシガキシマオキ", GUESSED),         # 沖 after the name's 島
    ("アフリカ豚熱", "アフリカブタネツ", ""),          # 豚 goes on a compound: no name's end
    # place names UniDic does not know, read in pieces: flagged (made-up 環境白書)
    ("秋田県三種町", "アキタケンサンシュチョウ", GUESSED),   # みたねちょう: 三|種 no name
    ("十日町市", "トオカチョウシ", GUESSED),          # とおかまちし
    ("二戸市", "ニコシ", GUESSED),                    # にのへし
    ("六ヶ所村", "ロクカショソン", GUESSED),          # ろっかしょむら
    ("霞浦村", "カスミウラムラ", GUESSED),            # made up: 霞|浦, 村 ソン or ムラ
    ("公益財団法人川崎市産業振興財団", "コウエキザイダンホウジンカワサキシサンギョウシンコウザイダン",
     ""),                                             # 川崎 a name UniDic knows
    ("凪沢町", "ナギサワマチ", GUESSED),              # made up: 町 チョウ or マチ
    ("城下町", "ジョウカチョウ", GUESSED),            # じょうかまち: 町 after a word varies
    ("真庭市", "マニワシ", ""),                       # a name UniDic knows, 市 シ
    ("中核市", "チュウカクシ", ""),                   # a common word before 市
    ("小選挙区", "ショウセンキョク", ""),
    ("被災市町村", "ヒサイシチョウソン", ""),         # 町 after 市: the word 市町村
    ("東京都港区", "トウキョウトミナトク", ""),
    ("国連南スーダン共和国ミッション", "コクレンミナミスーダンキョウワコクミッション", ""),  # 南 opens
    ("日本年金機構", "ニッポンネンキンキコウ", GUESSED),   # 日本 in a name: the name decides
    ("青森県", "アオモリケン", ""),                   # 県: one reading
    ("水俣病", "ミナマタビョウ", ""),
    ("東シナ海", "ヒガシシナカイ", ""),               # 海 after a name: カイ
    ("琵琶湖", "ビワコ", ""),
    ("太平洋・島サミット", "タイヘイヨウ・シマサミット", ""),
    ("𠮷野家", "", UNREAD),                           # 𠮷 unknown: no partial ノエ
    # acronyms said as words (latin_word_readings.tsv), before UniDic's spelling
    ("TICAD", "ティカッド", ""),                      # UniDic: ティーアイシーエーディー
    ("COVID-19", "コビッドナインティーン", ""),       # was spelled out, flagged
    ("ALPS", "アルプス", ""),
    ("COP28", "コップニジュウハチ", ""),
    ("ＧＳＯＭＩＡ", "ジーソミア", ""),                # made-up 防衛白書: spelled before
    ("ZEH", "ゼッチ", ""),                            # made-up 環境白書: spelled before
    ("G7広島サミット", "ジーセブンヒロシマサミット", ""),       # a group of countries: English
    ("Ｇ２０大阪サミット", "ジートゥエンティオオサカサミット", ""),
    ("ISO/TC224/WG6", "アイエスオーティーシーニヒャクニジュウヨンダブリュージーロク", ""),
]


@pytest.mark.parametrize(("term", "reading", "flag"), OTHER_MINISTRIES)
def test_other_ministries_readings(term: str, reading: str, flag: str) -> None:
    assert read(term) == (reading, flag)


# The glossary's romaji says what the reading says (cutlet alone read 日ＡＳＥＡＮ "hi",
# 太平洋・島 "Taiheiyōtō" and glued figures: "dai28 kai").
GLOSSARY_ROMAJI = [
    ("日米豪印首脳会合", "nichibeigōin shunō kaigō"),       # not nichi beigō in
    ("日中韓サミット", "nitchūkan samitto"),
    ("日ＡＳＥＡＮ特別首脳会議", "nichi ASEAN tokubetsu shunō kaigi"),
    ("太平洋・島サミット", "Taiheiyō shima samitto"),
    ("国連気候変動枠組条約第28回締約国会議",
     "Kokuren kikō hendō wakugumi jōyaku dai 28-kai teiyakukoku kaigi"),
    ("2020年国家ＡＩイニシアティブ法", "2020-nen kokka AI inishiatibu hō"),
    ("GPT-4", "GPT-4"),
    ("ISO/TC224/WG6", "ISO/TC224/WG6"),
    ("Sakana AI株式会社", "Sakana AI kabushiki gaisha"),
    ("科学知識抽出やモデリングの自動化（ＡＳＫＥＭ）プログラム",
     "kagaku chishiki chūshutsu ya moderingu no jidōka (ASKEM) puroguramu"),
    ("東日本大震災", "higashi Nihon daishinsai"),
    ("1.5℃目標", "1.5-do mokuhyō"),
    ("環太平洋パートナーシップ", "kan-Taiheiyō pātonāshippu"),   # not kanTaiheiyō
    ("大日本印刷", "dai-Nippon insatsu"),
    ("「知」の集積と活用の場 産学官連携協議会",        # st2019-2-5: the space was lost
     '"chi" no shūseki to katsuyō no ba sangakukan renkei kyōgi kai'),
    ("ウォーターフォール型開発", "wōtā fōrugata kaihatsu"),    # not ōtā
    ("ウェブサイト", "webusaito"),                           # not ebusaito
    # a Japanese comma after a Latin run follows it with no space, a word with one
    ("ＡＩ、人権、民主主義、法の支配に関する枠組条約",
     "AI, jinken, minshu shugi, hō no shihai ni kansuru wakugumi jōyaku"),   # not "AI , jinken"
    ("ＩｏＴ、ＡＩ", "IoT, AI"),                                 # not "IoT、AI"
    ("Node.js", "Node.js"),                                   # a full stop inside a name stays
]


@pytest.mark.parametrize(("term", "expected"), GLOSSARY_ROMAJI)
def test_glossary_romaji(term: str, expected: str) -> None:
    assert romaji(term) == expected


@pytest.mark.parametrize(("name", "romanized"), [
    # the entities' romanised fallback (pipeline.tagging.entities.romanize): each part
    # between word breaks on its own, so that a break does not change UniDic's words
    ("太平洋・島サミット", "Taiheiyō Shima Samitto"),        # made-up 外交青書; was Taiheiyōtō
    ("「知」の集積と活用の場 産学官連携協議会",                # st2019-2-5; was Basangakukan
     "Chi No Shūseki To Katsuyō No Ba Sangakukan Renkei Kyōgi Kai"),
])
def test_romanized_names_keep_their_word_breaks(name: str, romanized: str) -> None:
    from pipeline.tagging.entities.romanize import romanize_name

    assert romanize_name(name) == romanized
