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
    assert FILES == ("gazetteer", "org_universities", "org_companies", "org_foreign")
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


def test_definition_split_over_two_table_lines() -> None:
    """st2024-1-3 p0108/p0109 (図表 f003): a table cell printed over two lines, each a
    paragraph, cut ＤＨＳ Ｓ＆Ｔ's definition in its bracket; none was found."""
    names = chapter_names(["ＮＳＦ、ＤＨＳ Ｓ＆Ｔ（国", "土安全保障省科学技術局）、",
                           "ＩＢＭのパートナーシップ"])
    sense = names.sense("ＤＨＳ Ｓ＆Ｔ")
    assert sense is not None and sense.japanese == "国土安全保障省科学技術局"


@pytest.mark.parametrize(("first", "second"), [
    ("ＮＳＦ、ＤＨＳ Ｓ＆Ｔ（国", "（ＡＢＣ）保障）"),               # opens one before closing
    ("ＮＳＦ、ＤＨＳ Ｓ＆Ｔ（国）", "土安全保障省科学技術局）、"),   # the bracket is closed
    ("ＤＨＳ Ｓ＆Ｔ（国土安全保障省科学技術局）", "を設けた。"),      # one paragraph's own
])
def test_no_definition_across_paragraphs_without_an_open_bracket(first: str,
                                                                  second: str) -> None:
    from pipeline.tagging.entities.senses import pairs_across

    assert pairs_across(first, second) == []


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
    # UniDic's 特別 (an adjectival noun) cut the name to 措置法 (the 環境白書 audit text)
    ("瀬戸内海環境保全特別措置法の改正により", "瀬戸内海環境保全特別措置法"),
    ("原子力災害対策特別措置法に基づき", "原子力災害対策特別措置法"),
])
def test_laws_by_shape(text: str, law: str) -> None:
    assert (law, "LAW") in [(found, label) for found, label, _ in tag(text)]


@pytest.mark.parametrize("text", [
    "様々な「モデル」と「学習法」があります",                          # st2024-1-1 p0114
    "機械学習の学習法としては主に",                                    # st2024-1-1 p0115
    "工事に際しての課題である施工法・順序",                            # mlit2023-1-1 p0296
    "課題や活用法を話し合う",                                          # st2024-1-3 p0287
    "新しい手法を開発した",
    "特別措置法",                       # no name before the adjectival noun: a kind of law
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
    assert list(fields)[-3:] == ["english_source", "canonical_en_romanized", "flag"]
    assert set(fields["english_source"].allowed) == {"gazetteer", "places", "text", "acronyms",
                                                     "laws", "programs", "romanized"}


# --------------------------------------------------------------------------- sourced tables


NAME_TABLES = ("gazetteer", "org_universities", "org_companies", "org_foreign", "laws",
               "programs", "acronyms", "places")


@pytest.mark.parametrize("table", NAME_TABLES)
def test_every_row_of_the_name_tables_says_where_it_was_read(table: str) -> None:
    path = ROOT / "pipeline" / "data" / f"{table}.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    source = header.index("source")
    rows = [line.split("\t") for line in lines[1:]]
    assert rows and all(len(row) == len(header) for row in rows)
    assert [row[0] for row in rows if not row[source].strip()] == []


def test_foreign_bodies_with_a_country_name_before_them() -> None:
    """org_foreign.tsv's country column: 英国/イギリス + the body's name is the body."""
    for name in ("英国科学・イノベーション・技術省", "イギリス科学・イノベーション・技術省",
                 "DSIT", "ＤＳＩＴ"):
        entry = lookup(name)
        assert entry is not None and entry.canonical_en == \
            "Department for Science, Innovation and Technology"
    assert lookup("米国国土安全保障省").canonical_en == "Department of Homeland Security"
    assert lookup("英国国土安全保障省") is None          # another country's name: no body
    assert lookup("AI安全研究所") is None                # two countries' bodies bear it
    assert lookup("英国ＡＩ安全研究所").canonical_en == "AI Safety Institute"   # gov.uk's name
    assert lookup("米国AI安全研究所").canonical_en == \
        "U.S. Artificial Intelligence Safety Institute"


@pytest.mark.parametrize(("label", "name", "english", "source"), [
    ("LAW", "著作権法", "Copyright Act", "laws"),                       # st2019-2-5 p0360
    ("LAW", "ＪＩＳ法", "Industrial Standardization Act", "laws"),      # an alias
    ("LAW", "経済安全保障推進法", "Act on the Promotion of Ensuring National Security "
     "Through Integrated Implementation of Economic Measures", "laws"),
    ("LAW", "米国国家ＡＩイニシアティブ法",                              # made up: country prefix
     "National Artificial Intelligence Initiative Act of 2020", "laws"),
    ("PROGRAM", "知的財産推進計画2018", "Intellectual Property Strategic Program 2018",
     "programs"),
    ("PROGRAM", "知的財産推進計画2030", "Intellectual Property Strategic Program 2030",
     "programs"),                                                       # made up: any year
    ("PROGRAM", "「ＡＩ戦略2022」", "AI Strategy 2022", "programs"),
    ("PROGRAM", "センター・オブ・イノベーション（ＣＯＩ）プログラム", "Center of Innovation Program",
     "programs"),                                                       # Latin bracket inside
    ("LAW", "改正ＪＩＳ法", "Industrial Standardization Act", "laws"),  # st2019-2-5 p0347
    ("LAW", "改正架空法", "", ""),                                      # 改正 + no listed Act
    ("PROGRAM", "第６期科学技術・イノベーション基本計画",                  # made up: 第N期
     "6th Science, Technology, and Innovation Basic Plan", "programs"),
    ("PROGRAM", "第11期科学技術基本計画", "11th Science and Technology Basic Plan", "programs"),
    ("PROGRAM", "骨太の方針2024",                                        # made up: alias, year
     "Basic Policy on Economic and Fiscal Management and Reform 2024", "programs"),
    ("PROGRAM", "知的財産推進計画", "", ""),                            # {year} rows need one
    ("PROGRAM", "著作権法", "", ""),                                    # a law is no programme
    ("LAW", "架空振興法", "", ""),                                      # made up: not listed
    ("LAW", "消費者基本法", "Basic Act on Consumer Policies", "laws"),   # JLT's title
    ("LAW", "水防法", "", ""),                           # no JLT title confirmed: no row
    ("PROGRAM", "「未来投資戦略2018」", "Future Investment Strategy 2018", "programs"),
    ("PROGRAM", "未来投資戦略2017", "Investments for the Future Strategy 2017",
     "programs"),                                       # kantei's English differs by year
    ("PROGRAM", "未来投資戦略2019", "", ""),             # made up: no such strategy's English
    # short names of other ministries' Acts, with the JLT database's titles
    ("LAW", "感染症法",
     "Act on the Prevention of Infectious Diseases and Medical Care for Patients with "
     "Infectious Diseases", "laws"),
    ("LAW", "女性活躍推進法",
     "Act on the Promotion of Women's Active Engagement in Professional Life", "laws"),
    ("LAW", "男女雇用機会均等法",
     "Act on Equal Opportunity and Treatment between Men and Women in Employment", "laws"),
    ("LAW", "新型インフルエンザ等対策特別措置法", "Act on Special Measures Against Novel Influenza",
     "laws"),
    ("LAW", "入管法", "Immigration Control and Refugee Recognition Act", "laws"),
    ("LAW", "暴力団対策法", "", ""),                     # no JLT title confirmed: no row
])
def test_official_english_of_laws_and_programmes(label: str, name: str, english: str,
                                                 source: str) -> None:
    from pipeline.tagging.entities.official_names import official_english

    assert official_english(label, name) == (english, source)


# Hand-checked: the mention as printed in the registered chapter, its label and English.
NEW_ENGLISH = [
    ("st2024-1-3", "p0190", "アバディーン大学", "ORG", "University of Aberdeen"),
    ("st2024-1-3", "p0238", "トロント大学", "ORG", "University of Toronto"),
    ("st2024-1-3", "p0240", "モントリオール学習アルゴリズム研究所", "ORG",
     "Montreal Institute for Learning Algorithms"),
    ("st2019-2-5", "p0295", "大日本印刷(株)", "ORG", "Dai Nippon Printing Co., Ltd."),
    ("st2024-1-2", "p0100", "さくらインターネット株式会社", "ORG", "SAKURA internet Inc."),
    ("st2024-1-2", "p0006", "通商産業省", "ORG", "Ministry of International Trade and Industry"),
    ("mlit2023-1-1", "p0001", "国土交通省近畿地方整備局", "ORG",
     "Kinki Regional Development Bureau"),
    ("st2019-2-5", "p0360", "著作権法", "LAW", "Copyright Act"),
    ("st2019-2-5", "p0360", "不正競争防止法", "LAW", "Unfair Competition Prevention Act"),
    ("bousai2024-t2-1", "p0184", "災害弔慰金の支給等に関する法律", "LAW",
     "Act on Provision of Disaster Condolence Grant"),
    ("st2019-2-5", "p0346", "知的財産推進計画2018", "PROGRAM",
     "Intellectual Property Strategic Program 2018"),
    ("st2024-1-3", "p0239", "汎カナダＡＩ戦略", "PROGRAM",
     "Pan-Canadian Artificial Intelligence Strategy"),
]


@pytest.mark.parametrize(("chapter", "para_id", "text", "label", "english"), NEW_ENGLISH)
def test_new_official_names_on_the_registered_chapters(chapter: str, para_id: str, text: str,
                                                       label: str, english: str) -> None:
    rows = published(chapter)
    found = rows[(rows["para_id"] == para_id) & (rows["text"] == text)]
    assert len(found) >= 1
    assert set(zip(found["label"], found["canonical_en"], strict=True)) == {(label, english)}
    assert set(found["english_source"]) <= {"gazetteer", "laws", "programs"}


# --------------------------------------------------------------------------- precision


@pytest.mark.parametrize(("text", "not_expected"), [
    ("複数の省庁が参画して、様々なパイロットプログラムが開始されています。",   # st2024-1-3
     "パイロットプログラム"),
    ("学生自身がＡＩプロジェクトを設計、実装、評価する",                       # st2024-1-2
     "ＡＩプロジェクト"),
    ("O-RAN準拠の5G仮想化基地局の商用展開を開始した。", "G仮想化基地局"),       # ict2023-4-1
])
def test_kinds_and_pieces_of_words_are_no_names(text: str, not_expected: str) -> None:
    assert not_expected not in {mention for mention, _, _ in tag(text)}


def test_a_programme_with_its_own_acronym_stays_a_name() -> None:
    assert ("ＳＢＩＲ制度", "PROGRAM", "ＳＢＩＲ制度") in tag("中小企業のＳＢＩＲ制度を活用した。")


@pytest.mark.parametrize(("text", "expected"), [
    # st2024-1-3 p0089: a company named before 社 is the company (name_phrase_suffixes.tsv)
    ("９月には更に８社（Adobe社、Cohere社、IBM社、NVIDIA社、Palantir社）が",
     ("NVIDIA", "ORG", "NVIDIA")),
    ("音声認識はiFLYTEK社、画像処理はSenseTime社）を指定し", ("iFLYTEK", "ORG", "iFLYTEK")),
    # st2024-1-3 p0090: the country's name and ・ before a foreign body (org_foreign.tsv)
    ("米国・国立科学財団（ＮＳＦ）は", ("米国・国立科学財団", "ORG", "国立科学財団")),
    # st2024-1-3 p0242: ・ inside one law's name; mlit2023-1-1 p1123: an order under an Act
    ("全ての企業が、ＡＩ・データ法に基づく拘束力のある規制に先立って",
     ("ＡＩ・データ法", "LAW", "ＡＩ・データ法")),
    ("(「積雪寒冷特別地域における道路交通の確保に関する特別措置法施行令」にもとづく地域)",
     ("積雪寒冷特別地域における道路交通の確保に関する特別措置法施行令", "LAW",
      "積雪寒冷特別地域における道路交通の確保に関する特別措置法施行令")),
    ("不正競争防止法・著作権法の改正", ("著作権法", "LAW", "著作権法")),   # a list of laws
])
def test_names_whole_and_by_their_context(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in tag(text)


def test_a_company_name_inside_a_longer_latin_name_is_no_mention() -> None:
    """st2024-1-2 p0066: ELYZA-japanese-Llama-2-70b is a model, ELYZA's but not ELYZA."""
    found = tag("「Swallow」や「ELYZA-japanese-Llama-2-70b」の開発にもつながりました。")
    assert "ORG" not in {label for _, label, _ in found}


def test_a_footnote_marker_left_after_a_known_acronym_is_cut() -> None:
    """st2024-1-3 p0180 prints 科学・イノベーション・技術省（ＤＳＩＴ1）: the half-width 1 after
    full-width letters is a footnote marker; a code the tables do not list keeps its
    digits (made up)."""
    found = tag("科学・イノベーション・技術省（ＤＳＩＴ1）に設置され")
    assert ("ＤＳＩＴ", "ORG", "科学・イノベーション・技術省") in found
    assert ("ＩＳＯ/ＴＣ224", "ACRONYM", "ISO/TC224") in tag("国際標準化のＩＳＯ/ＴＣ224で")


@pytest.mark.parametrize(("text", "expected"), [
    ("ＯＥＣＤは「ＡＩシステム」の定義を更新し", None),                # st2024-1-1 p0338
    ("「クラウドプログラム」を開発するための産業基盤", None),            # made up
    ("「ＡＩ戦略」を策定した", "ＡＩ戦略"),                              # a strategy's name
    ("「学術情報ネットワークシステム」を運用", "学術情報ネットワークシステム"),   # made up
])
def test_a_quoted_thing_word_after_one_common_word_is_a_kind(text: str,
                                                            expected: str | None) -> None:
    programmes = [mention for mention, label, _ in tag(text) if label == "PROGRAM"]
    assert programmes == ([expected] if expected else [])


# 外交青書 style, made up: a foreign body's Japanese name is a translation, and its romaji
# ("Beikoku Kokumushō" for the US Department of State) is no name a reader could use.
def org_rows(text: str) -> list[dict[str, object]]:
    """The entity rows of one made-up paragraph."""
    from pipeline.tagging.entities.components import entity_rows

    doc = nlp().make_doc(text)
    doc._.para_id = "p0001"
    return entity_rows([doc], nlp(), "x")


@pytest.mark.parametrize("text", [
    "米国司法省は、日本との協力を歓迎した。",          # opens with a country's name
    "司法省の長官と会談した。",                        # a ministry (省) no table lists
    "オーストラリア国防省と防衛協力を進めた。",
    "ドイツ連邦外務省と協議した。",
    "EU外務理事会に出席した。",                          # a part of a listed international body
    "米中央情報局は、声明を発表した。",                  # a one-kanji country's name glued
])
def test_a_foreign_body_gets_no_romanised_name(text: str) -> None:
    (row,) = [r for r in org_rows(text) if r["label"] == "ORG"]
    assert (row["canonical_en"], row["english_source"], row["canonical_en_romanized"]) == \
        ("", None, "")


def test_a_listed_us_department_has_its_english() -> None:
    (row,) = [r for r in org_rows("国務省のブリンケン国務長官と会談した。")
              if r["label"] == "ORG"]
    assert (row["canonical_en"], row["english_source"], row["canonical_en_romanized"]) == \
        ("U.S. Department of State", "gazetteer", "")


def test_a_japanese_body_keeps_its_romanised_name() -> None:
    (row,) = org_rows("関東農業試験センターは、調査を行った。")
    assert row["english_source"] == "romanized" and row["canonical_en_romanized"]


def test_an_acronym_of_a_listed_body_takes_its_english() -> None:
    """外交青書 style, made up: ＡＵ, defined by アフリカ連合 (a gazetteer body whose
    acronym the gazetteer leaves out), had no English."""
    rows = org_rows("アフリカ連合（ＡＵ）と協力した。ＡＵは、")
    assert [(r["text"], r["canonical"], r["canonical_en"], r["english_source"])
            for r in rows if r["label"] == "ACRONYM"] == \
        [("ＡＵ", "アフリカ連合", "African Union", "gazetteer")] * 2
