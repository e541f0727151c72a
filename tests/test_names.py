"""English names, romanised fallbacks, acronym senses across chapters, and names that
are pieces of longer words (issue 15, items 5–7 and acceptance 5)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from pipeline.common.text import fold_nfkc
from pipeline.tagging.entities.gazetteer import FILES, load_gazetteer, lookup
from pipeline.tagging.entities.romanize import romanize_name
from pipeline.tagging.entities.senses import chapter_names
from tests.test_entities import chapter_rows, nlp, tag

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ["st2019-2-5", "ict2019-3-1", "st2024-1-1", "st2024-1-2", "st2024-1-3",
            "bousai2024-t2-1", "mlit2023-1-1", "ict2023-4-1"]


@cache
def published(chapter_id: str) -> pd.DataFrame:
    """The chapter's published entities (the current outputs)."""
    return pd.read_csv(ROOT / "output" / chapter_id / "entities.csv", keep_default_na=False)


# --------------------------------------------------------------------------- data files


def test_every_national_university_has_its_english_name() -> None:
    """All 86 national universities (MEXT's list), each with a source."""
    path = ROOT / "pipeline" / "data" / "org_universities.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "canonical_ja"))]
    national = [row for row in rows if "86 national universities" in row[5]]
    assert len(national) == 86
    assert all(row[2] and row[5] for row in rows)


@pytest.mark.parametrize(("name", "english"), [
    ("弘前大学", "Hirosaki University"), ("東京大学", "The University of Tokyo"),
    ("宮崎大学", "University of Miyazaki"), ("徳島大学", "Tokushima University"),
    ("東京藝術大学", "Tokyo University of the Arts"), ("東京芸術大学", "Tokyo University of the Arts"),
    ("慶応義塾大学", "Keio University"), ("東京女子医科大学", "Tokyo Women's Medical University"),
    ("日本学術会議", "Science Council of Japan"), ("花王", "Kao Corporation"),
    ("日本電気株式会社", "NEC Corporation"), ("ＮＴＴ", "Nippon Telegraph and Telephone Corporation"),
    ("株式会社日立製作所", "Hitachi, Ltd."), ("国立天文台", "National Astronomical Observatory of Japan"),
])
def test_official_english_names(name: str, english: str) -> None:
    entry = lookup(name)
    assert entry is not None and entry.canonical_en == english and entry.source


def test_gazetteer_reads_every_file_and_no_form_names_two_bodies() -> None:
    assert FILES == ("gazetteer", "org_universities", "org_companies")
    forms = [fold_nfkc(form) for entry in load_gazetteer() for form in entry.surfaces]
    owners = {}
    for entry in load_gazetteer():
        for form in entry.surfaces:
            owners.setdefault(fold_nfkc(form), set()).add(entry.canonical_ja)
    assert len(forms) > 400 and all(len(names) == 1 for names in owners.values())


# --------------------------------------------------------------------------- romanised


@pytest.mark.parametrize(("name", "romanized"), [
    ("弘前大学", "Hirosaki Daigaku"),
    ("宮崎県総合農業試験場", "Miyazaki-ken Sōgō Nōgyō Shikenjō"),
    ("株式会社BeeEdge", "Kabushiki Gaisha BeeEdge"),      # 株式会社: compound_readings.tsv
    ("株式会社RTi-cast", "Kabushiki Gaisha RTi-cast"),
    ("ミツバチプロダクツ株式会社", "Mitsubachi Purodakutsu Kabushiki Gaisha"),
    ("東京大学", "Tōkyō Daigaku"),                     # long vowels from UniDic's pron
    ("金融庁", "Kin'yūchō"),
])
def test_romanize_name(name: str, romanized: str) -> None:
    assert romanize_name(name) == romanized


# --------------------------------------------------------------------------- acceptance 5


def test_every_organisation_of_table_2_5_3_has_english() -> None:
    """第２-５-３表 of st2019-2-5 (paragraphs of figure f003): every organisation has
    an official English name (gazetteer, places) or a romanised one marked so."""
    rows = chapter_rows("st2019-2-5")
    paragraphs = pd.read_csv(ROOT / "output" / "st2019-2-5" / "paragraphs.csv")
    table = set(paragraphs.loc[(paragraphs.figure_id == "f003")
                               & (paragraphs.kind == "table_text"), "para_id"])
    orgs = rows[rows.para_id.isin(table) & (rows.label == "ORG")]
    assert len(orgs) >= 50
    official = orgs[orgs.canonical_en != ""]
    assert set(official.english_source) <= {"gazetteer", "places"}
    romanised = orgs[orgs.canonical_en == ""]
    assert set(romanised.english_source) == {"romanized"}
    assert (romanised.canonical_en_romanized != "").all()
    english = dict(zip(orgs.canonical, orgs.canonical_en, strict=False))
    assert english["弘前大学"] == "Hirosaki University"
    assert english["株式会社島津製作所"] == "Shimadzu Corporation"
    assert english["東日本旅客鉄道株式会社"] == "East Japan Railway Company"
    assert english["宮崎県"] == "Miyazaki Prefecture"
    assert english["マルマンコンピュータサービス株式会社"] == ""   # no official name known


def test_science_council_of_japan_is_an_org() -> None:
    rows = [(e.text, e.label_, e._.canonical, e._.canonical_en)
            for e in nlp()("日本学術会議は、政府に対して提言を行った。").ents]
    assert rows == [("日本学術会議", "ORG", "日本学術会議", "Science Council of Japan")]


# --------------------------------------------------------------------------- acronym senses


def test_ai_reads_the_same_in_every_chapter() -> None:
    """ＡＩ → 人工知能 (Artificial Intelligence) everywhere, never a neighbour's
    チャットボット (st2024-1-1 p0189)."""
    seen = 0
    for chapter_id in CHAPTERS:
        rows = published(chapter_id)
        ai = rows[(rows.label == "ACRONYM") & (rows.text.map(fold_nfkc) == "AI")]
        assert set(ai.canonical) <= {"人工知能"}, chapter_id
        assert set(ai.canonical_en) <= {"Artificial Intelligence"}, chapter_id
        seen += len(ai)
    assert seen > 100


def test_three_part_acronym_in_ict2023() -> None:
    rows = published("ict2023-4-1")
    ran = rows[rows.text == "RAN"]
    assert set(zip(ran.canonical, ran.canonical_en, ran.english_source, strict=True)) == \
        {("無線アクセスネットワーク", "Radio Access Network", "text")}


def test_chapter_names_prefer_the_surer_definition() -> None:
    names = chapter_names(["会話するＡＩ（チャットボット）の「Tay」",
                           "ＡＩとは人工知能（Artificial Intelligence）の略称です。",
                           "ＭＯＴ（技術経営）", "技術経営論（ＭＯＴ）を学ぶ"])
    ai = names.sense("ＡＩ")
    assert ai is not None and (ai.japanese, ai.english) == ("人工知能", "Artificial Intelligence")
    mot = names.sense("MOT")
    assert mot is not None and mot.japanese == "技術経営論"   # long_short before short_long


def test_name_printed_with_its_english_gets_it() -> None:
    names = chapter_names(["アラン・チューリング研究所（Alan Turing Institute）を"])
    row = names.of("ORG", "アラン・チューリング研究所", "", "org_suffix")
    assert (row["canonical_en"], row["english_source"]) == ("Alan Turing Institute", "text")
    assert row["canonical_en_romanized"] == ""


# --------------------------------------------------------------------------- word bounds


@pytest.mark.parametrize(("text", "not_expected"), [
    ("日本語の文章を生成できる", "日本"),                      # st2024-1-2 p0025
    ("第１回 日本オープンイノベーション大賞", "日本"),        # st2019-2-5 p0143
    ("～」を東京ビッグサイトにおいて開催した", "東京"),        # st2019-2-5 p0315
    ("「内閣府オープンイノベーションチャレンジ2018」", "内閣府"),  # st2019-2-5
    ("総務省令で定めるものが生じたときは", "総務省"),          # ict2019-3-1 p0225
    ("スーパー日本人の育成拠点", "日本"),                      # st2019-2-5 p0279
])
def test_piece_of_a_longer_word_is_no_mention(text: str, not_expected: str) -> None:
    assert not_expected not in [found for found, _, _ in tag(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("中にあって、日本企業が世界中で", "日本"),                # st2019-2-5 p0354
    ("文部科学省等関係省庁と連携し", "文部科学省"),            # st2019-2-5 p0343
    ("石川県能登地方で発生した地震は", "石川県"),              # bousai2024-t2-1 p0002
    ("（石川県8,108棟、富山県245棟）", "石川県"),              # bousai2024-t2-1 p0192
    ("東京大学発スタートアップ", "東京大学"),                  # st2024-1-2 p0025
    ("資料：産業技術総合研究所ウェブサイトを基に作成", "産業技術総合研究所"),  # st2024-1-2
    ("同社は米国Meta社と連携", "米国"),                         # st2024-1-2 p0011
    ("ＧＤＰＲは、ＥＵ域内で個人データを収集", "ＥＵ"),         # st2024-1-3 p0218
])
def test_word_of_its_own_stays_a_mention(text: str, expected: str) -> None:
    assert expected in [found for found, _, _ in tag(text)]


# --------------------------------------------------------------------------- laws


@pytest.mark.parametrize(("text", "law"), [
    ("放送法においては「設備に起因する放送の停止」", "放送法"),        # ict2019-3-1
    ("統計法（平成19年法律第53号）に基づく", "統計法（平成19年法律第53号）"),
    ("不正競争防止法や著作権法を改正した", "不正競争防止法"),
    ("「ＡＩ法案におけるリスクレベル」", "ＡＩ法案"),                  # st2024-1-3 p0222
])
def test_laws_by_shape(text: str, law: str) -> None:
    assert (law, "LAW") in [(found, label) for found, label, _ in tag(text)]


@pytest.mark.parametrize("text", [
    "様々な「モデル」と「学習法」があります",                          # st2024-1-1 p0114
    "機械学習の学習法としては主に",                                    # st2024-1-1 p0115
    "工事に際しての課題である施工法・順序",                            # mlit2023-1-1 p0296
    "課題や活用法を話し合う",                                          # st2024-1-3 p0287
    "新しい手法を開発した",
])
def test_methods_are_no_laws(text: str) -> None:
    assert "LAW" not in [label for _, label, _ in tag(text)]


@pytest.mark.parametrize(("text", "org"), [
    # st2024-1-2 p0029: a descriptor of common words is no part of a Latin company name
    ("東京に設立したＡＩスタートアップSakana AI株式会社は", "Sakana AI株式会社"),
    # ict2023-4-1: a proper noun before the Latin word stays
    ("NTTとスカパーJSAT株式会社が設立した", "スカパーJSAT株式会社"),
])
def test_company_name_without_its_descriptor(text: str, org: str) -> None:
    assert (org, "ORG") in [(found, label) for found, label, _ in tag(text)]


def test_one_character_before_an_org_word_is_no_name() -> None:
    """st2024-1-2 p0086: a paragraph starting 究機構 (情報・システム研究機構 cut)."""
    assert "究機構" not in [found for found, _, _ in tag("究機構国立情報学研究所")]


def test_ditto_is_no_legal_form() -> None:
    """ict2023-4-1 p0073: （同） after common nouns is ditto, not 合同会社."""
    assert [label for _, label, _ in tag("音声伝送（同）が約2.8兆円となっている")] == []


def test_schema_lists_the_new_columns() -> None:
    from pipeline.schemas import DATASETS
    fields = {f.name: f for f in DATASETS["entities"].fields}
    assert list(fields)[-2:] == ["english_source", "canonical_en_romanized"]
    assert set(fields["english_source"].allowed) == {"gazetteer", "places", "text", "acronyms",
                                                     "romanized"}
