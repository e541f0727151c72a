"""Glossary precision, judged by hand (issue 15, acceptance 6, the glossary half).

A seeded random sample of 40 rows of ``output/glossary.parquet``
(``glossary.sample(40, random_state=20261206)`` on the output of this branch's
commit "readings: 日本語 ニホンゴ, version numbers in English, generic phrases"), each
judged by reading its first paragraph: is it a term or name with the right bounds, and
are its reading, romaji, English and category right? ``AUDIT`` holds the right values:
a reading in katakana (the word as it is said: a Latin word spoken as a word is wrong
spelled out, even flagged); the romaji in modified Hepburn (word division not judged);
the English values accepted (``""``: the chapter prints none, and missing is not wrong;
an official name known is accepted too); the category. ``None`` for a row that should
not exist (a piece of a name). The rules for ``日本語（ACR：English）`` (ESA's English)
and for Latin pieces of longer names (DISH, Non-Terrestrial) were written after the
judging, the values judged right did not change.

With the entity rules merged, two judgements were revised: ``高知県`` came only from
高知 in a programme's name (a piece of a name: no row), and the company judged
"typed ACRONYM" is now a row under its canonical name, 伊藤忠テクノソリューションズ株式会社;
``TRAILS`` accepts both katakana spellings of the word.

At the judging, 31 of 40 rows were fully right (ESA had no English); the wrong ones are
marked in the table: pieces of names and a company typed as an acronym come from the
entities (the entity rules' issue), unknown Latin words are read letter by letter
(flagged ``spelled``).
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pytest

from pipeline.common.frames import read_parquet
from tests.conftest import PATHS, needs_output

# term_ja, reading, romaji, accepted English, category
AUDIT: list[tuple[str, str | tuple[str, ...] | None, str | None, tuple[str, ...] | None,
                 str | None]] = [
    ('中小企業技術革新制度', 'チュウショウキギョウギジュツカクシンセイド', 'chūshōkigyō gijutsu kakushin seido', ('', 'Small Business Innovation Research'), 'PROGRAM'),
    ('ロンドン研究連絡センター', 'ロンドンケンキュウレンラクセンター', 'Rondon kenkyū renraku sentā', ('',), 'ORG'),
    ('技術移転機関', 'ギジュツイテンキカン', 'gijutsu iten kikan', ('Technology Licensing Organization',), 'ACRONYM'),
    ('名目国内生産', 'メイモクコクナイセイサン', 'meimoku kokunai seisan', ('',), 'term'),
    ('ＮＳＦ ＡＩ研究拠点', 'エヌエスエフエーアイケンキュウキョテン', 'NSF AI kenkyū kyoten', ('National AI Research Institutes',), 'PROGRAM'),  # wrong: typed term, it is NSF's programme
    ('ＩＮＰＩＴ近畿統括本部', 'インピットキンキトウカツホンブ', 'INPIT Kinki tōkatsu honbu', ('',), 'ORG'),
    ('国土交通省近畿地方整備局', 'コクドコウツウショウキンキチホウセイビキョク', 'kokudo kōtsūshō Kinki chihō seibi kyoku', ('', 'Kinki Regional Development Bureau'), 'ORG'),
    ('東北大学', 'トウホクダイガク', 'Tōhoku daigaku', ('', 'Tohoku University'), 'ORG'),
    ('欧州宇宙機関', 'オウシュウウチュウキカン', 'Ōshū uchū kikan', ('European Space Agency',), 'ORG'),  # 欧州宇宙機関（ESA：European Space Agency）; the row ESA (ACRONYM) until org_foreign.tsv named the body
    ('Non-Terrestrial', None, None, None, None),  # wrong: a piece of Non-Terrestrial Network (NTN), no term
    ('側方余裕幅', 'ソクホウヨユウハバ', 'sokuhō yoyū haba', ('',), 'term'),
    ('一般データ保護規則', 'イッパンデータホゴキソク', 'ippan dēta hogo kisoku', ('General Data Protection Regulation',), 'ACRONYM'),
    ('センター・オブ・イノベーション', 'センター・オブ・イノベーション', 'sentā obu inobēshon', ('Center of Innovation',), 'ACRONYM'),
    ('音声系ソフト', 'オンセイケイソフト', 'onseikei sofuto', ('',), 'term'),
    ('PaLM2', 'パームツー', 'PaLM2', ('',), 'ACRONYM'),  # wrong: PaLM is said パーム, not spelled
    ('環境省', 'カンキョウショウ', 'kankyōshō', ('Ministry of the Environment',), 'ORG'),
    ('設計速度', 'セッケイソクド', 'sekkei sokudo', ('',), 'term'),
    ('INVITE', 'インバイト', 'INVITE', ('',), 'WORD'),  # an English word, said インバイト (was spelled out)
    ('競争力強化', 'キョウソウリョクキョウカ', 'kyōsōryoku kyōka', ('',), 'term'),
    ('産業技術総合研究所', 'サンギョウギジュツソウゴウケンキュウショ', 'sangyō gijutsu sōgō kenkyūsho', ('National Institute of Advanced Industrial Science and Technology',), 'ORG'),
    ('山梨県', 'ヤマナシケン', 'Yamanashi ken', ('Yamanashi Prefecture',), 'PLACE'),
    ('高知県', None, None, None, None),  # judged right at first; it is 高知 of 高知グリーンイノベーション推進地域, a piece of a name (the merged entity rules drop it)
    ('TRAILS', ('トレイルズ', 'トレールズ'), 'TRAILS', ('',), 'WORD'),  # an English word, said トレイルズ or トレールズ (was spelled out)
    ('国際戦略総合特区', 'コクサイセンリャクソウゴウトック', 'kokusai senryaku sōgō tokku', ('', 'International Strategic Comprehensive Special Zones'), 'PROGRAM'),
    ('ジェフリー・ヒントン・トロント大学', None, None, None, None),  # wrong: a person and a university (ジェフリー・ヒントン・トロント大学名誉教授)
    ('コンテンツ市場', 'コンテンツシジョウ', 'kontentsu shijō', ('',), 'term'),
    ('ミツバチプロダクツ株式会社', 'ミツバチプロダクツカブシキガイシャ', 'mitsubachi purodakutsu kabushiki gaisha', ('',), 'ORG'),
    ('伊藤忠テクノソリューションズ株式会社', 'イトウチュウテクノソリューションズカブシキガイシャ', 'Itōchū tekuno soryūshonzu kabushiki gaisha', ('', 'ITOCHU Techno-Solutions Corporation'), 'ORG'),  # was 伊藤忠テクノソリューションズ typed ACRONYM; the merged entity rules name the company by its canonical name
    ('GPT-1', 'ジーピーティーワン', 'GPT-1', ('',), 'ACRONYM'),
    ('国家次世代オープン・イノベーション・プラットフォーム', 'コッカジセダイオープン・イノベーション・プラットフォーム', 'kokka jisedai ōpun inobēshon purattofōmu', ('',), 'PROGRAM'),
    ('DISH', None, None, None, None),  # wrong: a piece of the company name DISH Wireless
    ('鳥取県', 'トットリケン', 'Tottori ken', ('Tottori Prefecture',), 'PLACE'),
    ('長野県', 'ナガノケン', 'Nagano ken', ('Nagano Prefecture',), 'PLACE'),
    ('V-Low', 'ブイロー', 'V-Low', ('',), 'ACRONYM'),
    ('平成30年度省エネルギー等に関する国際標準の獲得・普及促進事業', 'ヘイセイサンジュウネンドショウエネルギートウニカンスルコクサイヒョウジュンノカクトク・フキュウソクシンジギョウ', 'Heisei 30 nendoshō enerugītō ni kansuru kokusai hyōjun no kakutoku fukyū sokushin jigyō', ('',), 'PROGRAM'),
    ('大鵬薬品工業株式会社', 'タイホウヤクヒンコウギョウカブシキガイシャ', 'Taihō yakuhin kōgyō kabushiki gaisha', ('', 'Taiho Pharmaceutical Co., Ltd.'), 'ORG'),
    ('事業展開', 'ジギョウテンカイ', 'jigyō tenkai', ('',), 'term'),
    ('サインポスト株式会社', 'サインポストカブシキガイシャ', 'sain posuto kabushiki gaisha', ('',), 'ORG'),
    ('大学等における技術に関する研究成果の民間事業者への移転の促進に関する法律', 'ダイガクトウニオケルギジュツニカンスルケンキュウセイカノミンカンジギョウシャヘノイテンノソクシンニカンスルホウリツ', 'daigakutō ni okeru gijutsu ni kansuru kenkyū seika no minkan jigyōsha e no iten no sokushin ni kansuru hōritsu', ('', 'Act on the Promotion of Technology Transfer from Universities to Private Business Operators'), 'LAW'),
    ('農業・食品産業技術総合研究機構生物系特定産業技術研究支援センター', 'ノウギョウ・ショクヒンサンギョウギジュツソウゴウケンキュウキコウセイブツケイトクテイサンギョウギジュツケンキュウシエンセンター', 'nōgyō shokuhin sangyō gijutsu sōgō kenkyū kikō seibutsukei tokutei sangyō gijutsu kenkyū shien sentā', ('', 'Bio-oriented Technology Research Advancement Institution'), 'ORG'),
]


@cache
def glossary() -> pd.DataFrame:
    return read_parquet(PATHS.output / "glossary.parquet").fillna("").set_index("term_ja")


def fully_right(term: str, reading: str | tuple[str, ...] | None, romaji: str | None,
                english: tuple[str, ...] | None, category: str | None) -> bool:
    """``reading``: the one right reading, or the readings accepted."""
    g = glossary()
    if reading is None:
        return term not in g.index
    if term not in g.index:
        return False
    row = g.loc[term]
    readings = (reading,) if isinstance(reading, str) else reading
    return (row["reading"] in readings
            and row["romaji"].replace(" ", "") == str(romaji).replace(" ", "")
            and row["english"] in (english or ("",)) and row["category"] == category)


def share_right() -> float:
    right = [fully_right(*row) for row in AUDIT]
    share = sum(right) / len(AUDIT)
    print(f"glossary audit: {sum(right)} of {len(AUDIT)} rows fully right ({share:.0%})")
    return share


def test_the_sample_is_forty_distinct_rows() -> None:
    assert len(AUDIT) == 40
    assert len({row[0] for row in AUDIT}) == 40


@needs_output
def test_ninety_percent_of_the_audited_rows_are_fully_right() -> None:
    """Acceptance 6 (glossary half): 37 of 40 (92%) with the entity rules merged and
    Latin words said as words; wrong: a person joined to a university, a programme
    typed term, PaLM2 spelled out (its single small letter reads as an acronym's)."""
    assert share_right() >= 0.90


# The rows the output gets wrong (marked in AUDIT), besides those that should not exist.
WRONG = {"ＮＳＦ ＡＩ研究拠点", "PaLM2"}


@needs_output
@pytest.mark.parametrize("row", [r for r in AUDIT if r[1] is not None and r[0] not in WRONG],
                         ids=lambda row: row[0])
def test_rows_judged_right_stay_right(
        row: tuple[str, str | tuple[str, ...], str, tuple[str, ...], str]) -> None:
    assert fully_right(*row)
