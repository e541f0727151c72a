"""Acronym–definition pairs and footnote expansions, checked against the two chapters."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.tagging.entities.acronym_forms import (
    best_long_form,
    expansion_matches,
    initials_match,
    is_acronym,
    is_english_phrase,
)
from pipeline.tagging.entities.acronyms import (
    find_acronym_pairs,
    find_footnote_expansion,
    find_translations,
    split_marker,
)

# Every acronym st2019-2-5 and ict2019-3-1 define by brackets, in a sentence of the
# source (wrapped lines joined by hand): (text, acronym as printed, long form, how, marker).
DEFINITIONS = [
    ("イ 技術移転機関（ＴＬＯ1）における活動状況", "ＴＬＯ", "技術移転機関", "long_short", "1"),
    ("科学技術振興機構は、大学等の研究成果の実用化促進のため、大学や公的研究機関等における有望な"
     "シーズ発掘から事業化に至るまで、切れ目ない支援を実施する「研究成果最適展開支援プログラム"
     "（Ａ－ＳＴＥＰ1）」、", "Ａ－ＳＴＥＰ", "研究成果最適展開支援プログラム", "long_short", "1"),
    ("新産業創出の礎となる技術の確立を支援する「戦略的イノベーション創出推進プログラム（S-イノベ）」",
     "S-イノベ", "戦略的イノベーション創出推進プログラム", "abbr_with_suffix", ""),
    ("大規模な事業化開発を支援する「産学共同実用化開発事業（ＮｅｘＴＥＰ2）」を実施している。",
     "ＮｅｘＴＥＰ", "産学共同実用化開発事業", "long_short", "2"),
    ("総務省は、情報通信研究機構（ＮＩＣＴ3）が構築・運営している", "ＮＩＣＴ", "情報通信研究機構",
     "long_short", "3"),
    ("文部科学省では平成25年度から「センター・オブ・イノベーション（ＣＯＩ1）プログラム」を実施",
     "ＣＯＩ", "センター・オブ・イノベーション", "long_short", "1"),
    ("オープンイノベーションハブとしての「つくばイノベーションアリーナ（ＴＩＡ）」の活動を推進",
     "ＴＩＡ", "つくばイノベーションアリーナ", "long_short", ""),
    ("科学技術振興機構は、平成28年度より「産学共創プラットフォーム共同研究推進プログラム"
     "（ＯＰＥＲＡ1）」を実施しており", "ＯＰＥＲＡ", "産学共創プラットフォーム共同研究推進プログラム",
     "long_short", "1"),
    ("環境作りのため、サイエンス＆イノベーション・インテグレーション（Ｓ＆Ⅱ）協議会を平成29年"
     "７月に設立した。", "Ｓ＆Ⅱ", "サイエンス＆イノベーション・インテグレーション", "long_short", ""),
    ("我が国のベンチャー創出力を強化する「次世代アントレプレナー育成事業（ＥＤＧＥ－ＮＥＸＴ）」を",
     "ＥＤＧＥ－ＮＥＸＴ", "次世代アントレプレナー育成事業", "long_short", ""),
    ("科学技術振興機構は、「大学発新産業創出プログラム（ＳＴＡＲＴ1）」を実施しており", "ＳＴＡＲＴ",
     "大学発新産業創出プログラム", "long_short", "1"),
    ("ビジネスモデル探索活動を支援する「社会還元加速プログラム（ＳＣＯＲＥ2）」を実施している。",
     "ＳＣＯＲＥ", "社会還元加速プログラム", "long_short", "2"),
    ("「出資型新事業創出支援プログラム（ＳＵＣＣＥＳＳ3）」では", "ＳＵＣＣＥＳＳ",
     "出資型新事業創出支援プログラム", "long_short", "3"),
    ("総務省は、「ＩＣＴイノベーション創出チャレンジプログラム（Ｉ－Challenge!）」を実施している。",
     "Ｉ－Challenge!", "ＩＣＴイノベーション創出チャレンジプログラム", "long_short", ""),
    ("（２） 中小企業技術革新制度（ＳＢＩＲ制度）による支援", "ＳＢＩＲ制度", "中小企業技術革新制度",
     "abbr_with_suffix", ""),
    ("特許情報提供サービス「特許情報プラットフォーム（Ｊ－ＰｌａｔＰａｔ2)」の提供を行っている。",
     "Ｊ－ＰｌａｔＰａｔ", "特許情報プラットフォーム", "long_short", "2"),
    ("東南アジア諸国連合（ＡＳＥＡＮ3）諸国等", "ＡＳＥＡＮ", "東南アジア諸国連合", "long_short", "3"),
    ("諸外国の特許情報を提供する「外国特許情報サービス（ＦＯＰＩＳＥＲ4）」の提供", "ＦＯＰＩＳＥＲ",
     "外国特許情報サービス", "long_short", "4"),
    ("知的財産の戦略的活用など技術経営（ＭＯＴ1）的視点の導入も含め", "ＭＯＴ", "技術経営",
     "long_short", "1"),
    ("競争力強化のため、日本工業規格（ＪＩＳ）の対象をサービス等に拡大する", "ＪＩＳ", "日本工業規格",
     "long_short", ""),
    ("罰則強化などを含む工業標準化法（ＪＩＳ法）の改正案", "ＪＩＳ法", "工業標準化法",
     "abbr_with_suffix", ""),
    ("人材育成セミナーを実施したほか、アジア太平洋経済協力（ＡＰＥＣ1）基準・適合性小委員会では",
     "ＡＰＥＣ", "アジア太平洋経済協力", "long_short", "1"),
    ("スマートホーム等の重点分野における情報通信技術（ＩＣＴ）の国際標準の獲得", "ＩＣＴ",
     "情報通信技術", "long_short", ""),
    ("国際標準の獲得を目指して、国際電気通信連合（ＩＴＵ2）等のデジュール標準化機関", "ＩＴＵ",
     "国際電気通信連合", "long_short", "2"),
    ("他国において早期に審査が受けられる制度である「特許審査ハイウェイ（ＰＰＨ3）」を", "ＰＰＨ",
     "特許審査ハイウェイ", "long_short", "3"),
    ("国際調査報告を作成するＰＣＴ協働調査試行プログラム（ＰＣＴ ＣＳ&Ｅ5）を", "ＰＣＴ ＣＳ&Ｅ",
     "ＰＣＴ協働調査試行プログラム", "long_short", "5"),
    ("第４次産業革命時代においては、人工知能（ＡＩ）創作物や3Dデータ", "ＡＩ", "人工知能",
     "long_short", ""),
    ("地方創生の流れにおける科学技術イノベーション（ＳＴＩ）の位置付け", "ＳＴＩ",
     "科学技術イノベーション", "long_short", ""),
    ("総務省は、「戦略的情報通信研究開発推進事業（ＳＣＯＰＥ1）」において", "ＳＣＯＰＥ",
     "戦略的情報通信研究開発推進事業", "long_short", "1"),
    ("また、ＩＮＰＩＴ近畿統括本部（ＩＮＰＩＴ－ＫＡＮＳＡＩ）を活用し", "ＩＮＰＩＴ－ＫＡＮＳＡＩ",
     "ＩＮＰＩＴ近畿統括本部", "long_short", ""),
    ("我が国の先進的な科学技術と政府開発援助（ＯＤＡ1）を組み合わせた", "ＯＤＡ", "政府開発援助",
     "long_short", "1"),
    ("「地球規模課題対応国際科学技術協力プログラム（ＳＡＴＲＥＰＳ2）」を実施している。",
     "ＳＡＴＲＥＰＳ", "地球規模課題対応国際科学技術協力プログラム", "long_short", "2"),
    ("農林水産・食品産業分野の研究を行う民間企業、大学、公設試験研究機関（以下「公設試」という。）、",
     "公設試", "公設試験研究機関", "ika_toiu", ""),
    # ict2019-3-1
    ("（2）国内総生産（GDP）", "GDP", "国内総生産", "long_short", ""),
    ("なお、日本放送協会（NHK）については公表資料から数値を計上している。", "NHK", "日本放送協会",
     "long_short", ""),
    ("受信料収入を経営の基盤とするNHK（日本放送協会）と、広告収入", "NHK", "日本放送協会",
     "short_long", ""),
    ("中波放送（AM放送）については、各地の地上系民間基幹放送事業者", "AM放送", "中波放送",
     "abbr_with_suffix", ""),
    ("超短波放送（FM放送）については", "FM放送", "超短波放送", "abbr_with_suffix", ""),
    ("2017年度の我が国の科学技術研究費（以下「研究費」という。）の総額", "研究費", "科学技術研究費",
     "ika_toiu", ""),
    ("情報通信産業連関表は、平成12-17-23年接続産業連関表（以下「接続産業連関表」という。）を組み替え",
     "接続産業連関表", "平成12-17-23年接続産業連関表", "ika_toiu", ""),
]


@pytest.mark.parametrize(("text", "acronym", "long_form", "how", "marker"), DEFINITIONS)
def test_definitions_in_the_chapters(text: str, acronym: str, long_form: str, how: str,
                                     marker: str) -> None:
    (pair,) = [p for p in find_acronym_pairs(text) if p.acronym == acronym]
    assert (pair.long_form, pair.how, pair.marker) == (long_form, how, marker)
    assert long_form in text[pair.start:pair.end] and text[pair.end - 1] in ")）"


def test_acronym_ascii_is_nfkc() -> None:
    pairs = find_acronym_pairs("環境作りのため、サイエンス＆イノベーション・インテグレーション（Ｓ＆Ⅱ）"
                               "協議会を、「研究成果最適展開支援プログラム（Ａ－ＳＴＥＰ1）」")
    assert [p.acronym_ascii for p in pairs] == ["S&II", "A-STEP"]


def test_definitions_are_in_the_sources(root: Path) -> None:
    """Each case is the source text with its wrapped lines joined (one case drops the
    footnote marker the structure stage removes: ＩＮＰＩＴ1近畿統括本部)."""
    joined = "".join(line.strip()
                     for chapter in ("st2019-2-5", "ict2019-3-1")
                     for line in (root / "raw" / f"{chapter}.txt").read_text(
                         encoding="utf-8").splitlines())
    missing = [text for text, *_ in DEFINITIONS if text.strip() not in joined]
    assert missing == ["また、ＩＮＰＩＴ近畿統括本部（ＩＮＰＩＴ－ＫＡＮＳＡＩ）を活用し"]


# Brackets that define nothing: qualifiers, references, readings, list items, quotes.
@pytest.mark.parametrize("text", [
    "図表3-1-1-4　主な産業のGDP（名目及び実質）",
    "2017年の情報通信産業の名目GDPは43.9兆円であり",
    "現在、「水の再利用」（ＩＳＯ/ＴＣ282）、「汚泥の回収」（ＩＳＯ/ＴＣ275）",
    "「ＫＩＤＳＡＳＨＩ（きざし）」サイトを開設し",
    "Actors（実際に活動する主体）- Based（を基礎とする）- Community（集団）",
    "若手研究人材の育成を目的とする事業（Nanotech ＣＵＰＡＬ1）に延べ200名が参加した",
    "（出典）総務省「情報通信産業連関表」（各年度版）より作成",
    "（2）国内総生産",
    "データベース（以下「ＤＢ」）",          # a lone common noun is too vague
    "ため、（以下「本事業」という。）",        # no long form before the bracket
    "技術移転機関（以下「研究所」という。）",  # short form not a subsequence of the long
    "イノベーションの状況（第２-５-１図）",
])
def test_non_definitions(text: str) -> None:
    assert find_acronym_pairs(text) == []


def test_english_long_form_uses_schwartz_hearst() -> None:
    (pair,) = find_acronym_pairs("It is run by a Technology Licensing Organization (TLO) today.")
    assert (pair.long_form, pair.how) == ("Technology Licensing Organization", "english")
    (pair,) = find_acronym_pairs("the Japan Science and Technology Agency (JST)")
    assert pair.long_form == "Japan Science and Technology Agency"


@pytest.mark.parametrize(("content", "markers", "expected"), [
    ("TLO1", None, ("TLO", "1")),
    ("ISO/TC282", None, ("ISO/TC282", "")),   # three digits: part of the name
    ("G20", None, ("G20", "")),               # one letter would stay: not a marker
    ("CO2", {"1"}, ("CO2", "")),              # known markers decide
    ("NICT3", {"3"}, ("NICT", "3")),
    ("EDGE-NEXT", None, ("EDGE-NEXT", "")),
])
def test_split_marker(content: str, markers: set[str] | None, expected: tuple[str, str]) -> None:
    assert split_marker(content, markers) == expected


# Without known markers, digits are a marker only when printed narrower than the letters
# (a marker left in full-width text, ＴＬＯ1); digits of the letters' width are part of
# the name (the 環境白書 audit text: 二酸化炭素（ＣＯ２） gave the acronym ＣＯ).
@pytest.mark.parametrize(("text", "acronym", "marker"), [
    ("温室効果ガスである二酸化炭素（ＣＯ２）の排出", "ＣＯ２", ""),
    ("温室効果ガスである二酸化炭素（CO2）の排出", "CO2", ""),
    ("国連気候変動枠組条約第28回締約国会議（COP28）が開催された", "COP28", ""),
    ("イ 技術移転機関（ＴＬＯ1）における活動状況", "ＴＬＯ", "1"),
    # narrow digits the long form prints as its number are the name's (外交青書 style,
    # made up: the acronym was ＣＯＰ and 28 a marker)
    ("国連気候変動枠組条約第28回締約国会議（ＣＯＰ28）が開催された", "ＣＯＰ28", ""),
    ("第9回アフリカ開発会議（ＴＩＣＡＤ9）を横浜で開催した", "ＴＩＣＡＤ9", ""),
])
def test_digits_as_wide_as_the_letters_are_no_marker(text: str, acronym: str,
                                                     marker: str) -> None:
    (pair,) = find_acronym_pairs(text)
    assert (pair.acronym, pair.marker) == (acronym, marker)


def test_known_markers_keep_digits_in_names() -> None:
    (pair,) = find_acronym_pairs("温室効果ガスである二酸化炭素（CO2）の排出", markers={"1"})
    assert (pair.acronym, pair.long_form, pair.marker) == ("CO2", "二酸化炭素", "")


@pytest.mark.parametrize(("text", "expected"), [
    ("TLO", True), ("NexTEP", True), ("S&II", True), ("I-Challenge!", True),
    ("PCT CS&E", True), ("pdf", False), ("Actors", False), ("A", False), ("GDP名目", False),
])
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


# Footnotes of st2019-2-5, text as printed after the number.
@pytest.mark.parametrize(("footnote", "expected"), [
    ("Technology Licensing Organization ", "Technology Licensing Organization"),
    ("  Adaptable and Seamless Technology Transfer Program ",
     "Adaptable and Seamless Technology Transfer Program"),
    ("Program on Open Innovation Platform with Enterprises, Research Institute and Academia",
     "Program on Open Innovation Platform with Enterprises, Research Institute and Academia"),
    ("Foreign Patent Information Service https://www.foreignsearch.jpo.go.jp/",
     "Foreign Patent Information Service"),
    ("Stracegic Information and Communications R&D Promotion Programme",  # sic
     "Stracegic Information and Communications R&D Promotion Programme"),
    ("Big Data", "Big Data"),
    ("1  Technology Licensing Organization", "Technology Licensing Organization"),
    ("Ｔｅｃｈｎｏｌｏｇｙ Ｌｉｃｅｎｓｉｎｇ Ｏｒｇａｎｉｚａｔｉｏｎ", "Technology Licensing Organization"),
    ("https://www.j-platpat.inpit.go.jp/", None),
    ("http://www.meti.go.jp/policy/innovation_policy/data_manegement.html", None),
    ("試験研究を行う企業に対し、試験研究の額に応じて法人税を控除する制度。", None),
    ("例えば、大学の研究者、新規に開業や会社設立をしようとしている個人などが考えられる。", None),
    ("数値の詳細については巻末データ1及びデータ2を参照。", None),
    ("Society 5.0", None),
    ("Nanotech", None),
])
def test_find_footnote_expansion(footnote: str, expected: str | None) -> None:
    assert find_footnote_expansion(footnote) == expected


@pytest.mark.parametrize(("acronym", "expansion", "expected"), [
    ("ＴＬＯ", "Technology Licensing Organization", True),
    ("OPERA", "Program on Open Innovation Platform with Enterprises, Research Institute and "
              "Academia", True),
    ("SCORE", "Program of Start-up incubation from COre RESearch", True),
    ("INPIT", "National Center for Industrial ProPerty Information and Training", True),
    ("ＡＰＥＣ", "Asia Pacific Economic Cooperation", True),
    ("TLO", "Big Data", False),
    ("PPH", "Patent Cooperation Treaty", False),
])
def test_expansion_matches(acronym: str, expansion: str, expected: bool) -> None:
    assert expansion_matches(acronym, expansion) is expected


def test_best_long_form_is_shortest_tail() -> None:
    assert best_long_form("TLO", "the new Technology Licensing Organization") == \
        "Technology Licensing Organization"
    assert best_long_form("XYZ", "Technology Licensing Organization") is None


# --------------------------------------------------------------------------- three parts
# (text, acronym, English, Japanese, how): acronym, English and Japanese apart. Quoted
# from ict2023-4-1 (情報通信白書 2023) and st2024-1-2, the last two made up.
THREE_PARTS = [
    ("通信事業者のRAN（Radio Access Network：無線アクセスネットワーク）については",
     "RAN", "Radio Access Network", "無線アクセスネットワーク", "english_japanese"),
    ("NTN（Non-Terrestrial Network: 非地上系ネットワーク）の構築によって",
     "NTN", "Non-Terrestrial Network", "非地上系ネットワーク", "english_japanese"),
    ("国立研究開発法人情報通信研究機構が、欧州宇宙機関（ESA：European Space Agency）、Eurescom",
     "ESA", "European Space Agency", "欧州宇宙機関", "english_japanese"),
    ("高速大容量通信を実現する「IOWN（Innovative Optical and Wireless Network）構想」",
     "IOWN", "Innovative Optical and Wireless Network", "", "english"),
    ("量子計算機（QC、Quantum Computer）の開発", "QC", "Quantum Computer", "量子計算機",
     "english_japanese"),
    ("ＥＹＺ（Extended Yield Zone、拡張収量域）を設定した", "ＥＹＺ", "Extended Yield Zone",
     "拡張収量域", "english_japanese"),
    # made up in the style of 外交青書 and 防衛白書: commas inside the English, the Japanese
    # first, and brackets longer than 40 characters
    ("ＷＰＳ（Women, Peace and Security：女性・平和・安全保障）の推進に取り組んでいる。",
     "ＷＰＳ", "Women, Peace and Security", "女性・平和・安全保障", "english_japanese"),
    ("同志国の軍等に対するＯＳＡ（政府安全保障能力強化支援：Official Security Assistance）を"
     "創設した。", "ＯＳＡ", "Official Security Assistance", "政府安全保障能力強化支援",
     "english_japanese"),
    ("韓国とのＧＳＯＭＩＡ（General Security of Military Information Agreement：秘密軍事情報"
     "保護協定）は", "ＧＳＯＭＩＡ", "General Security of Military Information Agreement",
     "秘密軍事情報保護協定", "english_japanese"),
    ("韓国とのＧＳＯＭＩＡ（General Security of Military Information Agreement）は",
     "ＧＳＯＭＩＡ", "General Security of Military Information Agreement", "", "english"),
]


@pytest.mark.parametrize(("text", "acronym", "english", "japanese", "how"), THREE_PARTS)
def test_acronym_english_and_japanese_apart(text: str, acronym: str, english: str,
                                            japanese: str, how: str) -> None:
    (pair,) = find_acronym_pairs(text)
    assert (pair.acronym, pair.english, pair.japanese, pair.how) == \
        (acronym, english, japanese, how)
    assert pair.long_form == (japanese or english)


# Brackets after an acronym or a long form that define nothing: quoted from st2024-1-1,
# st2024-1-2, st2024-1-3 and ict2023-4-1.
@pytest.mark.parametrize("text", [
    "対話型のＡＩなどの「生成ＡＩ（Generative AI）」では",          # translates 生成ＡＩ
    "Microsoft社の会話するＡＩ（チャットボット）の「Tay」が",        # an example, not ＡＩ
    "さらには倫理的・法的・社会的課題（ＥＬＳＩ）に対応して",        # cut after ・
    "「科学知識抽出やモデリングの自動化（ＡＳＫＥＭ）プログラム」",  # too few words
    "国民保健サービスを担当するＮＨＳＸ（当時）の中に",               # a qualifier
    "携帯電話の契約数のうち、3.9-4世代携帯電話（LTE）は",            # cut after a digit
    "我が国は、自由で開かれたインド太平洋（ＦＯＩＰ）の実現に向けた",  # a clause's tail
    # a bracket over 40 characters is read only as acronym, English and Japanese apart
    "ＡＢＣ（この制度は国内の中小企業の海外展開を総合的に支援するための仕組みである）",
])
def test_no_definition_from_a_neighbouring_word(text: str) -> None:
    assert find_acronym_pairs(text) == []


# The phrase before the bracket is taken back over an adjectival noun with な or a noun
# phrase with に関する when the acronym has more capitals than the phrase has words (the
# gx2025 audit texts; a cut-off tail such as 開発目標 was the canonical), and not when the
# words are enough or the qualifier is short (新た, 様々).
@pytest.mark.parametrize(("text", "long_form"), [
    ("国際連合は、持続可能な開発目標（SDGs）の達成に向けた", "持続可能な開発目標"),
    ("国連開発計画（UNDP）及び気候変動に関する政府間パネル（IPCC）は", "気候変動に関する政府間パネル"),
    ("環境省地球環境局は、持続可能な航空燃料（SAF）の導入を", "持続可能な航空燃料"),
    ("持続可能な開発目標（ＳＤＧｓ）", "持続可能な開発目標"),
    ("政府は新たな国家戦略（NSS）を", "国家戦略"),
    ("様々な情報通信技術（ICT）を", "情報通信技術"),
    ("持続可能な人工知能（AI）", "人工知能"),
    # a noun used as an adjective with な, kept as printed (な and all)
    ("大規模な言語モデル（LLM）の開発を進める", "大規模な言語モデル"),
    ("高性能な計算基盤（HPC）を整備する", "高性能な計算基盤"),
    # a ...的 judges rather than names a kind: not taken back over
    ("具体的な行動計画（CAP）を策定した", "行動計画"),
])
def test_long_form_taken_back_over_its_qualifier(text: str, long_form: str) -> None:
    pairs = find_acronym_pairs(text)
    assert pairs[-1].long_form == long_form


def test_short_qualifier_and_one_noun_define_nothing() -> None:
    """新たな is no part of a long form, and 技術 alone is too vague to be one."""
    assert find_acronym_pairs("新たな技術（XYZ）を導入する") == []


# Katakana words joined by ・ are one name whatever UniDic tags them (ユニバーサル is an
# adjectival noun), and 新型 names a kind, no body to refer to (厚生労働白書 style, made up).
@pytest.mark.parametrize(("text", "long_form"), [
    ("ユニバーサル・ヘルス・カバレッジ（ＵＨＣ）の達成に向けて取り組む。",
     "ユニバーサル・ヘルス・カバレッジ"),
    ("新型コロナウイルス感染症（COVID-19）の感染拡大を受け、対策を講じた。",
     "新型コロナウイルス感染症"),
])
def test_long_forms_of_other_ministries(text: str, long_form: str) -> None:
    (pair,) = find_acronym_pairs(text)
    assert pair.japanese == long_form


def test_name_going_on_past_an_acronym_bracket_defines_nothing() -> None:
    """防衛白書 style, made up: 政府間機関 is the tail of a name that goes on past ＧＣＡＰ's
    bracket, not ＧＩＧＯ's long form (it was)."""
    pairs = find_acronym_pairs("日英伊は、グローバル戦闘航空プログラム（ＧＣＡＰ）政府間機関"
                               "（ＧＩＧＯ）を設立する条約に署名した。")
    assert [(p.acronym, p.japanese) for p in pairs] == [("ＧＣＡＰ", "グローバル戦闘航空プログラム")]


def test_acronyms_joined_by_a_space_are_one_before_their_expansion() -> None:
    """The mention rule reads ＤＨＳ Ｓ＆Ｔ as one acronym (st2024-1-3 p0108); its
    definition took Ｓ＆Ｔ alone."""
    (pair,) = find_acronym_pairs("ＮＳＦ、ＤＨＳ Ｓ＆Ｔ（国土安全保障省科学技術局）、")
    assert (pair.acronym, pair.japanese, pair.how) == ("ＤＨＳ Ｓ＆Ｔ", "国土安全保障省科学技術局",
                                                       "short_long")


def test_referring_word_names_a_body() -> None:
    """同社 refers to a company; 新型 does not."""
    (pair,) = find_acronym_pairs("同社ＡＩ研究開発センター（ＡＲＤＣ）を設立した。")
    assert pair.japanese == "ＡＩ研究開発センター"


def test_referring_prefix_is_no_part_of_the_long_form() -> None:
    """st2024-1-2 p0012."""
    (pair,) = find_acronym_pairs("米国シリコンバレーに、ＡＩの研究開発を行う新会社トヨタ・リサーチ・"
                                 "インスティテュート（ＴＲＩ）を設立しました。")
    assert pair.japanese == "トヨタ・リサーチ・インスティテュート"


@pytest.mark.parametrize(("text", "japanese", "english"), [
    ("ＡＩとは人工知能（Artificial Intelligence）の略称です。", "人工知能",
     "Artificial Intelligence"),                                       # st2024-1-1 p0001
    ("データ・サイエンスの研究を行うアラン・チューリング研究所（Alan Turing Institute）を",
     "アラン・チューリング研究所", "Alan Turing Institute"),           # st2024-1-3 p0181
])
def test_translations(text: str, japanese: str, english: str) -> None:
    assert find_acronym_pairs(text) == []
    (found,) = find_translations(text)
    assert (found.japanese, found.english) == (japanese, english)
    assert text[found.start:found.end].startswith(japanese)


def test_no_translation_in_another_language() -> None:
    """st2024-1-3 p0232: a German title is no English name."""
    assert find_translations("「ＡＩ戦略（Nationale Strategie für Künstliche Intelligenz）」") == []


@pytest.mark.parametrize(("acronym", "english", "expected"), [
    ("AI", "Artificial Intelligence", True), ("ＡＩ", "Artificial Intelligence", True),
    ("IoT", "Internet of Things", True), ("DaaS", "Desktop as a Service", True),
    ("NTN", "Non-Terrestrial Network", True), ("AI", "Generative AI", False),
    ("GPAI", "General Data Protection", False), ("AI", "Alan Turing Institute", False),
])
def test_initials_match(acronym: str, english: str, expected: bool) -> None:
    assert initials_match(acronym, english) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Radio Access Network", True), ("Generative AI", True), ("PCT CS&E", False),
    ("Artificial Intelligence", True), ("ISO/TC282", False), ("TLO", False),
    ("Nationale Strategie für Künstliche Intelligenz", False), ("人工 Intelligence", False),
])
def test_is_english_phrase(text: str, expected: bool) -> None:
    assert is_english_phrase(text) is expected
    if expected:
        assert not is_acronym(text)
