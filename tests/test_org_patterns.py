"""Organisation names found by structure and gazetteer, on real and made-up text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.common.text import fold_with_offsets
from pipeline.nlp.tokens import Token, tokenize
from pipeline.tagging.entities import folded_text, legal_form_orgs, org_words
from pipeline.tagging.entities import orgs as org_patterns
from pipeline.tagging.entities.gazetteer import load_gazetteer
from pipeline.tagging.entities.orgs import find_orgs, may_be_one_org

# Column 主な関連機関 of 第２-５-３表 (st2019-2-5), one cell line at a time, with the
# canonical name each must get. 宮崎県 needs places_as_orgs (it names a prefecture).
TABLE_ORGS = [
    ("弘前大学", "弘前大学"),
    ("マルマンコンピュータサービス株式会社", "マルマンコンピュータサービス株式会社"),
    ("花王株式会社", "花王株式会社"),
    ("ミツバチプロダクツ株式会社", "ミツバチプロダクツ株式会社"),
    ("パナソニック株式会社", "パナソニック株式会社"),
    ("株式会社BeeEdge", "株式会社BeeEdge"),
    ("KAMAKIRI WORKSHOP株式会社", "KAMAKIRI WORKSHOP株式会社"),
    ("株式会社STUFF", "株式会社STUFF"),
    ("東北大学", "東北大学"),
    ("国際航業株式会社", "国際航業株式会社"),
    ("日本電気株式会社", "日本電気株式会社"),
    ("株式会社エイツー", "株式会社エイツー"),
    ("株式会社RTi-cast", "株式会社RTi-cast"),
    ("大阪大学", "大阪大学"),
    ("中外製薬株式会社", "中外製薬株式会社"),
    ("大塚製薬株式会社", "大塚製薬株式会社"),
    ("ダイキン工業株式会社", "ダイキン工業株式会社"),
    ("東京女子医科大学", "東京女子医科大学"),
    ("株式会社デンソー", "株式会社デンソー"),
    ("株式会社日立製作所", "株式会社日立製作所"),
    ("宮崎大学", "宮崎大学"),
    ("宮崎県", "宮崎県"),
    ("株式会社島津製作所", "株式会社島津製作所"),
    ("公益財団法人宮崎県産業振興機構", "公益財団法人宮崎県産業振興機構"),
    ("宮崎県総合農業試験場", "宮崎県総合農業試験場"),
    ("東日本旅客鉄道株式会社", "東日本旅客鉄道株式会社"),
    ("JR東日本スタートアップ株式会社", "JR東日本スタートアップ株式会社"),
    ("株式会社Origami", "株式会社Origami"),
    ("株式会社TBM", "株式会社TBM"),
    ("サインポスト株式会社", "サインポスト株式会社"),
    ("国立環境研究所", "国立環境研究所"),
    ("気象庁気象研究所", "気象庁気象研究所"),
    ("日本航空株式会社", "日本航空株式会社"),
    ("株式会社ジャムコ", "株式会社ジャムコ"),
    ("公益財団法人JAL財団", "公益財団法人JAL財団"),
    ("ONE JAPAN", "ONE JAPAN"),
    ("東日本電信電話株式会社", "東日本電信電話株式会社"),
    ("株式会社ローンディール", "株式会社ローンディール"),
    ("日本放送協会", "日本放送協会"),
    ("株式会社日本取引所グループ", "株式会社日本取引所グループ"),
    ("株式会社マッキャンエリクソン", "株式会社マッキャンエリクソン"),
    ("一般社団法人日本再生医療学会", "一般社団法人日本再生医療学会"),
    ("西日本電信電話株式会社", "西日本電信電話株式会社"),
    ("関西電力株式会社", "関西電力株式会社"),
    ("大鵬薬品工業株式会社", "大鵬薬品工業株式会社"),
    ("農業・食品産業技術総合研究機構", "農業・食品産業技術総合研究機構"),
    ("群馬県蚕糸技術センター", "群馬県蚕糸技術センター"),
    ("株式会社免疫生物研究所", "株式会社免疫生物研究所"),
    ("ニットーボーメディカル株式会社", "ニットーボーメディカル株式会社"),
    ("株式会社ジーシー", "株式会社ジーシー"),
    ("九州大学", "九州大学"),
    ("徳島大学", "徳島大学"),
]

# Other cell lines of the same table: award names and project titles, cut mid-word.
TABLE_NON_ORGS = ["内閣総理", "大臣賞", "科学技術", "政策担当", "総務大臣賞",
                  "リアルタイム津波浸水被害予測システムの", "開発と運用", "文部科学",
                  "基礎研究段階からの産学共創～組織対組織", "医療のＩｏＴ化を実現するスマート治療室",
                  "SCOTの開発", "日本経済", "団体連合会", "会長賞", "日本学術", "会議会長賞",
                  "日本オープ", "選考委員会", "特別賞", "遺伝子組換えカイコによる",
                  "新産業創出プラットフォームの構築", "東北インフラ・マネジメント・プラット"]


@pytest.fixture(scope="module")
def st_lines(root: Path) -> set[str]:
    text = (root / "raw" / "st2019-2-5.txt").read_text(encoding="utf-8")
    return {line.strip() for line in text.splitlines()}


@pytest.mark.parametrize(("line", "canonical"), TABLE_ORGS)
def test_table_cell_is_one_whole_org(line: str, canonical: str, st_lines: set[str]) -> None:
    assert line in st_lines  # the case is a real cell line of the source
    (match,) = find_orgs(line, places_as_orgs=True)
    assert (match.start, match.end, match.text, match.canonical) == (0, len(line), line,
                                                                     canonical)


@pytest.mark.parametrize("line", TABLE_NON_ORGS)
def test_table_title_cells_hold_no_org(line: str, st_lines: set[str]) -> None:
    assert line in st_lines
    assert find_orgs(line, places_as_orgs=True) == []


# Sentences of the chapters (wrapped lines joined by hand), with every org in order.
SENTENCES = [
    ("文部科学省及び経済産業省の承認を受けており", ["文部科学省", "経済産業省"]),
    ("また、平成30年５月、一般社団法人日本経済団体連合会及び経済産業省と共同で「産学官共同研究"
     "におけるマッチング促進のための大学ファクトブック」を改訂・公表し",
     ["一般社団法人日本経済団体連合会", "経済産業省"]),
    ("総務省は、情報通信研究機構（ＮＩＣＴ3）が構築・運営しているＮＩＣＴ総合テストベッドにより",
     ["総務省", "情報通信研究機構", "ＮＩＣＴ", "ＮＩＣＴ"]),
    ("関係７省（総務省、文部科学省、厚生労働省、農林水産省、経済産業省、国土交通省、環境省）で",
     ["総務省", "文部科学省", "厚生労働省", "農林水産省", "経済産業省", "国土交通省", "環境省"]),
    ("文部科学省及び経済産業省は、科学技術振興機構や新エネルギー・産業技術総合開発機構と協力し",
     ["文部科学省", "経済産業省", "科学技術振興機構", "新エネルギー・産業技術総合開発機構"]),
    ("特許料等の減免や株式会社日本政策金融公庫による特別貸付等の事業化支援措置を講じている。",
     ["株式会社日本政策金融公庫"]),
    ("特許庁は、特許情報について、高度化、多様化するユーザーニーズに応えるべく、工業所有権"
     "情報・研修館を通じて", ["特許庁", "工業所有権情報・研修館"]),
    ("東南アジア諸国連合（ＡＳＥＡＮ3）諸国等", ["東南アジア諸国連合", "ＡＳＥＡＮ"]),
    ("また、国際標準化機構・国際電気標準会議と連携したアジア地域向けの人材育成セミナーを実施した"
     "ほか、アジア太平洋経済協力（ＡＰＥＣ1）基準・適合性小委員会では",
     ["国際標準化機構", "国際電気標準会議", "アジア太平洋経済協力", "ＡＰＥＣ"]),
    ("我が国の特許庁と米国特許商標庁は、日米両国に特許出願した発明について",
     ["特許庁", "米国特許商標庁"]),
    ("ＴＩＡは、同都市にある公的４機関、産業技術総合研究所、物質・材料研究機構、筑波大学、"
     "高エネルギー加速器研究機構と東京大学を中心に運営されている",
     ["ＴＩＡ", "産業技術総合研究所", "物質・材料研究機構", "筑波大学",   # TIA: gazetteer.tsv
      "高エネルギー加速器研究機構", "東京大学"]),
    ("農林水産省は、農業・食品産業技術総合研究機構生物系特定産業技術研究支援センターが実施する",
     ["農林水産省", "農業・食品産業技術総合研究機構生物系特定産業技術研究支援センター"]),
    ("科学技術振興機構研究開発戦略センターは、科学技術イノベーション政策を立案する上で",
     ["科学技術振興機構研究開発戦略センター"]),
    ("日本学術振興会は、海外研究連絡センターにおいて、海外の学術動向等の情報収集",
     ["日本学術振興会"]),
    ("ロンドン研究連絡センターと英国のロイヤルソサエティ（王立協会）の共催により",
     ["ロンドン研究連絡センター", "ロイヤルソサエティ", "王立協会"]),
    ("文部科学省、科学技術振興機構及び日本医療研究開発機構並びに外務省及び国際協力機構が連携し",
     ["文部科学省", "科学技術振興機構", "日本医療研究開発機構", "外務省", "国際協力機構"]),
    ("自治体・産業振興機関、地域金融機関、大学・公的研究機関（パートナー機関）と一般財団法人日本"
     "規格協会が連携し", ["一般財団法人日本規格協会"]),
    ("ベンチャー企業「一般社団法人食の安全分析センター」の設立と残留農薬分析技術の社会実装",
     ["一般社団法人食の安全分析センター"]),
    ("大企業発のスタートアップ「ミツバチプロダクツ（株）」の挑戦", ["ミツバチプロダクツ（株）"]),
    ("科学技術・学術審議会産業連携・地域支援部会の下に「地域科学技術イノベーション推進委員会」を設置し",
     ["科学技術・学術審議会"]),
    ("グローバルなニーズを先取りする研究開発の推進に向けた長期的な変化の探索・分析の一環として、"
     "科学技術・学術政策研究所は", ["科学技術・学術政策研究所"]),
    ("移動系通信サービス主要事業者のARPUをみると、NTTドコモは4,800円、KDDIは6,560円、"
     "ソフトバンクは4,360円となっている", ["NTTドコモ", "KDDI", "ソフトバンク"]),
    ("（出典）総務省情報通信政策研究所「メディア・ソフトの制作及び流通の実態に関する調査」",
     ["総務省情報通信政策研究所"]),
    ("なお、日本放送協会（NHK）については公表資料から数値を計上している。", ["日本放送協会", "NHK"]),
    ("また、放送大学学園が、教育のための放送を行っている。", ["放送大学学園"]),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_orgs_in_source_sentences(sentence: str, expected: list[str]) -> None:
    found = find_orgs(sentence)
    assert [m.text for m in found] == expected
    assert all(sentence[m.start:m.end] == m.text for m in found)


# Made-up names the gazetteer does not hold.
@pytest.mark.parametrize(("text", "org", "canonical", "how"), [
    ("株式会社テスト技研は新製品を発表した", "株式会社テスト技研", "株式会社テスト技研", "legal_prefix"),
    ("北海道未来科学大学と共同で", "北海道未来科学大学", "北海道未来科学大学", "suffix"),
    ("(株)日立製作所", "(株)日立製作所", "株式会社日立製作所", "legal_prefix"),
    ("（株）日立製作所", "（株）日立製作所", "株式会社日立製作所", "legal_prefix"),
    ("㈱サンプル電機が", "㈱サンプル電機", "株式会社サンプル電機", "legal_prefix"),
    ("サンプル電機(株)の製品", "サンプル電機(株)", "サンプル電機株式会社", "legal_suffix"),
    ("(公財)川崎市産業振興財団", "(公財)川崎市産業振興財団", "公益財団法人川崎市産業振興財団",
     "legal_prefix"),
    ("ＡＢＣテック株式会社の", "ＡＢＣテック株式会社", "ABCテック株式会社", "legal_suffix"),
    ("国立研究開発法人情報通信研究機構は", "国立研究開発法人情報通信研究機構", "情報通信研究機構",
     "legal_prefix"),
    ("平成30年度に県立桜丘大学が", "県立桜丘大学", "県立桜丘大学", "suffix"),
    ("これを受けて、ロンドン日本文化センターは", "ロンドン日本文化センター",
     "ロンドン日本文化センター", "suffix"),
    ("同年、仙台未来医療研究所が設立された", "仙台未来医療研究所", "仙台未来医療研究所", "suffix"),
    ("デジタル省は", "デジタル省", "デジタル省", "suffix"),
    ("新設の宇宙開発庁が", "宇宙開発庁", "宇宙開発庁", "suffix"),
    # a one-kanji noun glued before a place name is one word with it (北|大西洋)
    ("北大西洋海洋研究機構（ＮＡＭＲＯ）は", "北大西洋海洋研究機構", "北大西洋海洋研究機構", "suffix"),
    ("南太平洋大学と", "南太平洋大学", "南太平洋大学", "suffix"),
    ("西アフリカ開発銀行は", "西アフリカ開発銀行", "西アフリカ開発銀行", "suffix"),
    # 理事会 after a region's or a body's name (外交青書)
    ("北欧理事会は", "北欧理事会", "北欧理事会", "suffix"),
    ("国連経済社会理事会において", "国連経済社会理事会", "国連経済社会理事会", "suffix"),
    # a programme's name (健康|日本|21) opens the body's: 健康 was cut off
    ("健康日本21推進全国連絡協議会が開催された。", "健康日本21推進全国連絡協議会",
     "健康日本21推進全国連絡協議会", "suffix"),
    # 事務所 after a place's or a body's name (農林水産白書, 国土交通白書 style)
    ("北海道農政事務所が調査した。", "北海道農政事務所", "北海道農政事務所", "suffix"),
    ("京浜河川事務所は、堤防を点検した。", "京浜河川事務所", "京浜河川事務所", "suffix"),
])
def test_unseen_names(text: str, org: str, canonical: str, how: str) -> None:
    (match,) = find_orgs(text)
    assert (match.text, match.canonical, match.how) == (org, canonical, how)


# A government council named by its field alone, common nouns only, is a body
# (org_field_council_words.tsv); a determiner or generic head before the council word
# makes it none (org_council_generic_heads.tsv).
@pytest.mark.parametrize(("text", "org"), [
    ("労働政策審議会の意見を聴いて定める。", "労働政策審議会"),
    ("社会保障審議会において議論された。", "社会保障審議会"),
    ("国土審議会の計画部会で審議した。", "国土審議会"),
    ("中央環境審議会から答申を受けた。", "中央環境審議会"),
    ("令和5年度中央環境審議会において報告した。", "中央環境審議会"),
    # ・ between the nouns of the field; a noun of time glued before it is no part
    ("食料・農業・農村政策審議会の答申を踏まえ", "食料・農業・農村政策審議会"),
    ("今後労働政策審議会で議論する。", "労働政策審議会"),
    # a noun in hiragana opens the name (こども家庭審議会 was 家庭審議会)
    ("こども家庭審議会の意見を聴いた上で", "こども家庭審議会"),
])
def test_council_named_by_its_field(text: str, org: str) -> None:
    (match,) = find_orgs(text)
    assert (match.text, match.canonical, match.type, match.canonical_en) == (
        org, org, "ORG_COUNCIL", "")


# A part of a council printed glued after it, with the nouns of its field, is one body
# (org_council_part_words.tsv); の between, or a title after it, leaves the council.
@pytest.mark.parametrize(("text", "org"), [
    ("社会保障審議会医療保険部会において議論した。", "社会保障審議会医療保険部会"),
    ("中央環境審議会循環型社会部会の意見を聴いた。", "中央環境審議会循環型社会部会"),
    ("労働政策審議会労働条件分科会で審議した。", "労働政策審議会労働条件分科会"),
    ("中央教育審議会初等中等教育分科会の答申。", "中央教育審議会初等中等教育分科会"),
    ("産業構造審議会産業技術環境分科会地球環境小委員会で検討した。",
     "産業構造審議会産業技術環境分科会地球環境小委員会"),
    ("国土審議会の計画部会で審議した。", "国土審議会"),
    ("労働政策審議会労働条件分科会長が説明した。", "労働政策審議会"),
])
def test_part_of_a_council(text: str, org: str) -> None:
    (match,) = find_orgs(text)
    assert (match.text, match.canonical, match.type, match.canonical_en) == (
        org, org, "ORG_COUNCIL", "")


@pytest.mark.parametrize("text", [
    "各審議会の委員を任命した。", "関係審議会と調整した。", "同審議会は報告書をまとめた。",
    "本審議会の所掌事務。", "当該審議会に諮問する。", "各種審議会の運営。",
    "次回審議会で報告する。", "政府審議会の在り方。", "第3回審議会を開催した。",
    "地方審議会、都道府県審議会、市町村審議会の状況。",   # 都道府|県: UniDic's pieces
])
def test_generic_council_words_are_not_names(text: str) -> None:
    assert find_orgs(text) == []


# A company name printed with a space before a group word is one name, and a name that
# goes on with a group word and a legal form is another company than the name alone
# (the gx2025 audit text: パナソニック was Panasonic Corporation plus a stray
# ホールディングス株式会社).
@pytest.mark.parametrize(("text", "org", "canonical", "english"), [
    ("パナソニック ホールディングス株式会社は、車載用電池の", "パナソニック ホールディングス株式会社",
     "パナソニック ホールディングス株式会社", "Panasonic Holdings Corporation"),
    ("パナソニック　ホールディングス株式会社は", "パナソニック　ホールディングス株式会社",
     "パナソニック ホールディングス株式会社", "Panasonic Holdings Corporation"),
    ("パナソニックホールディングス株式会社、", "パナソニックホールディングス株式会社",
     "パナソニック ホールディングス株式会社", "Panasonic Holdings Corporation"),
    ("東京電力ホールディングス株式会社は", "東京電力ホールディングス株式会社",
     "東京電力ホールディングス株式会社", "Tokyo Electric Power Company Holdings, Incorporated"),
    ("サンプル ホールディングス株式会社は", "サンプル ホールディングス株式会社",
     "サンプル ホールディングス株式会社", ""),
    ("パナソニック株式会社は", "パナソニック株式会社", "パナソニック株式会社",
     "Panasonic Corporation"),
    ("パナソニックは", "パナソニック", "パナソニック株式会社", "Panasonic Corporation"),
])
def test_group_company_is_one_name(text: str, org: str, canonical: str, english: str) -> None:
    (match,) = find_orgs(text)
    assert (match.text, match.canonical, match.canonical_en) == (org, canonical, english)


def test_english_and_type_come_from_gazetteer() -> None:
    (match,) = find_orgs("ＮＩＣＴが")
    assert match.canonical == "情報通信研究機構"
    assert match.canonical_en == "National Institute of Information and Communications Technology"
    assert match.type == "ORG_NRDA"
    (legal,) = find_orgs("国立研究開発法人科学技術振興機構")
    assert legal.canonical_en == "Japan Science and Technology Agency"


# Generic uses of organisation words are not names.
@pytest.mark.parametrize("text", [
    "平成16年４月の国立大学法人化以降、総じて大学等における産学官連携活動は着実に実績を上げている。",
    "我が国の大学・国立研究開発法人と外国企業との共同研究等の産学官連携体制に関し",
    "地域の成長に貢献しようとする地域大学に事業プロデュースチームを創設し",
    "本部主導による横断的なマネジメントを実施するための体制整備を支援している。",
    "日米欧中韓の５庁が協働して国際調査報告を作成する",
    "各省庁及び中央省庁、官公庁、関係省庁、関係７省",
    "関係府省庁は、研究者等が複数の機関の間での出向に関する協定",
    "「平成30年度省エネルギー等に関する国際標準の獲得・普及促進事業」の一つとして",
    "大学、国立研究開発法人、公設試験場等が連携して実施する研究計画の作成支援",
    "株式会社の設立や、一般社団法人等の活動",
    "海外研究連絡センターにおいて",
    "科学振興の観点から",          # 学振 (alias of 日本学術振興会) is not a word here
    "宮崎県における産学官連携",     # a place, unless places_as_orgs
    "ACCESS and JSTOR",            # acronyms need word boundaries
    "弁護士事務所に相談し、現地事務所を開設した",   # no name before 事務所
])
def test_generic_words_are_not_names(text: str) -> None:
    assert find_orgs(text) == []


def test_places_as_orgs_switch() -> None:
    assert [m.text for m in find_orgs("宮崎県と川崎市", places_as_orgs=True)] == ["宮崎県",
                                                                               "川崎市"]
    assert find_orgs("宮崎県と川崎市") == []


# Ministry names that are a piece of a longer name, and so no mention of their own
# (issue 15: a programme's name, an ordinance): read in the sources by hand.
INSIDE_LONGER_NAMES = {("st2019-2-5", "内閣府オープンイノベーションチャレンジ"),
                       ("ict2019-3-1", "総務省令")}


def test_every_ministry_and_agency_mention_in_body_is_found(root: Path) -> None:
    """Each occurrence of a gazetteer ministry/agency name in the chapters starts a match,
    except the two inside a longer name."""
    names = [e.canonical_ja for e in load_gazetteer() if e.type in ("ORG_MINISTRY", "ORG_AGENCY")]
    inside = []
    for chapter in ("st2019-2-5", "ict2019-3-1"):
        lines = (root / "raw" / f"{chapter}.txt").read_text(encoding="utf-8").splitlines()
        text = "\n".join(line.strip() for line in lines)
        starts = {m.start for m in find_orgs(text)}
        for name in names:
            at = text.find(name)
            while at >= 0:
                longer = [(c, n) for c, n in INSIDE_LONGER_NAMES
                          if c == chapter and text.startswith(n, at)]
                if longer:
                    assert at not in starts, (chapter, name, text[at - 10:at + 20])
                    inside += longer
                else:
                    assert at in starts, (chapter, name, text[at - 10:at + 20])
                at = text.find(name, at + 1)
    assert set(inside) == INSIDE_LONGER_NAMES


def test_offsets_survive_width_folding() -> None:
    folded, origin = fold_with_offsets("㈱Ａ")
    assert folded == "(株)A" and origin == [0, 0, 0, 1, 2]
    text = "前文㈱サンプル電機と"
    (match,) = find_orgs(text)
    assert text[match.start:match.end] == "㈱サンプル電機"


# Texts around the shapes ``may_be_one_org`` reads: expanded first characters (㈱), names
# cut before or after their last word, several names in one run, places, nothing.
SHAPE_CASES = [
    "㈱サンプル電機", "㈱", "（株）サンプル", "サンプル（株）", "前文㈱サンプル電機", "株式会社",
    "株式会社の設立", "「一般社団法人食の安全分析センター」", "宮崎", "宮崎県", "宮崎県と川崎市",
    "川崎市役所", "総務省", "総務省作成", "各省", "関係府省庁", "デジタル省", "科学技術振興機構",
    "ＮＩＣＴ", "NICT", "JSTOR", "学振", "科学振興", "大学", "大学等", "我が国の大学",
    "北海道科学大学", "東北大学東北大学", "弘前大学花王株式会社", "花王株式会社日本電気株式会社",
    "文部科学省作成総務省", "気象庁気象研究所", "平成30年度東北大学", "県立広島大学", "ONE JAPAN",
    "公益財団法人JAL財団", "法人化", "国立大学法人化以降", "", " ", "第２-５-３表",
    "九州大学大学院人間環境学府", "カリフォルニア大学バークレー校", "大阪大学医学部",
]


@pytest.mark.parametrize("text", SHAPE_CASES + [line for line, _ in TABLE_ORGS] + TABLE_NON_ORGS)
def test_may_be_one_org_never_misses_a_whole_name(text: str) -> None:
    """``may_be_one_org`` is a cheap necessary test: whenever ``find_orgs`` finds one
    name spanning the text, it says True."""
    found = find_orgs(text, places_as_orgs=True)
    if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)):
        assert may_be_one_org(text)


@pytest.mark.parametrize("text", ["内閣総理", "リアルタイム津波浸水被害予測システムの", "開発と運用",
                                  "総務省作成", "株式会社の設立", "大学等", "宮崎"])
def test_may_be_one_org_rules_out_cells_without_a_name_shape(text: str) -> None:
    assert not may_be_one_org(text)


def tokens_of_text(text: str) -> tuple[Token, ...]:
    """The tokens of ``text`` itself (not of its folded form), as a Doc gives them."""
    return tokenize(text)


@pytest.mark.parametrize("text", ["前文㈱サンプル電機と協力した", "ＮＩＣＴ及び東北大学が参加",
                                  "宮崎県と㍿テスト技研", "（株）日立製作所"])
def test_tokens_of_the_original_text_map_onto_the_folded_text(text: str) -> None:
    """Folding can turn one character into several (㈱ → (株)): tokens of the printed
    text, mapped onto the folded text, give the same organisations."""
    assert find_orgs(text, places_as_orgs=True, tokens=lambda: tokens_of_text(text)) == \
        find_orgs(text, places_as_orgs=True)
    assert find_orgs(text, places_as_orgs=True) != []


def test_folded_tokens_cover_what_one_character_became() -> None:
    """``fold_tokens`` moves tokens onto the folded text: ㈱ (one token) becomes (株)."""
    text = "前文㈱サンプル"
    folded, origin = fold_with_offsets(text)
    moved = folded_text.fold_tokens(tokens_of_text(text), text, folded, origin)
    assert folded == "前文(株)サンプル"
    assert [(t.start, t.end, t.text) for t in moved][:3] == [(0, 2, "前文"), (2, 5, "(株)"),
                                                            (5, 9, "サンプル")]


def test_every_legal_form_holds_a_mark() -> None:
    """``legal_prefix_candidates`` and ``legal_suffix_candidates`` skip a text without
    any of ``LEGAL_FORM_MARKS``: every form must hold one."""
    forms = (*org_words.PREFIX_FORMS, *org_words.SUFFIX_FORMS,
             *org_words.LEGAL_ABBREVIATIONS)
    assert all(any(mark in form for mark in org_words.LEGAL_FORM_MARKS) for form in forms)
    assert legal_form_orgs.legal_prefix_candidates("テスト技研が開発した", ()) == []
    assert [c.canonical for c in legal_form_orgs.legal_suffix_candidates("花王株式会社", [])] \
        == ["花王株式会社"]


@pytest.mark.parametrize("text", ["宮崎県", "区分", "東京都市大学", "大学", ""])
def test_local_government_character_scan(text: str) -> None:
    assert org_patterns._has_local_government_suffix(text) == \
        any(c in org_words.LOCAL_GOVERNMENT_SUFFIXES for c in text)


def test_legal_form_before_a_gazetteer_name_with_a_middle_dot() -> None:
    """The 環境白書 audit text: the name after 国立研究開発法人 ran to the ・ inside the
    body's own name (森林研究), longer than the gazetteer's match, and won."""
    found = find_orgs("環境省及び国立研究開発法人森林研究・整備機構は、")
    assert [(m.text, m.canonical) for m in found] == [
        ("環境省", "環境省"), ("国立研究開発法人森林研究・整備機構", "森林研究・整備機構")]


@pytest.mark.parametrize(("text", "orgs"), [
    # 厚生労働白書 style, made up: the name after 独立行政法人 runs over ・ to its
    # organisation word (it was 独立行政法人高齢), a made-up body and a listed one
    ("独立行政法人海洋・河川・湖沼環境研究機構において調査を実施した。",
     [("独立行政法人海洋・河川・湖沼環境研究機構", "独立行政法人海洋・河川・湖沼環境研究機構")]),
    ("独立行政法人高齢・障害・求職者雇用支援機構において職業訓練を実施している。",
     [("独立行政法人高齢・障害・求職者雇用支援機構", "高齢・障害・求職者雇用支援機構")]),
    # a first part that ends in an organisation word is a name of its own: a list
    ("公益財団法人日本スポーツ協会・日本オリンピック委員会が主催した。",
     [("公益財団法人日本スポーツ協会", "公益財団法人日本スポーツ協会"),
      ("日本オリンピック委員会", "日本オリンピック委員会")]),
])
def test_legal_form_name_runs_over_a_middle_dot_to_its_org_word(
        text: str, orgs: list[tuple[str, str]]) -> None:
    assert [(m.text, m.canonical) for m in find_orgs(text)] == orgs


# Two of the six national associations of local governments (地方六団体) gave no ORG:
# 会 is no organisation word. Their English as they name themselves (gazetteer.tsv).
def test_local_government_associations_have_their_english() -> None:
    assert [(m.text, m.canonical_en) for m in find_orgs("全国知事会、全国市長会及び全国町村会は")] \
        == [("全国知事会", "National Governors' Association"),
            ("全国市長会", "Japan Association of City Mayors"),
            ("全国町村会", "National Association of Towns & Villages")]


def test_jeed_has_its_english_name() -> None:
    (match,) = find_orgs("ＪＥＥＤが実施する")
    assert match.canonical_en == ("Japan Organization for Employment of the Elderly, "
                                  "Persons with Disabilities and Job Seekers")


# 外交青書 and 防衛白書 style, made up: a body the gazetteer lists as Japan's, printed
# right after a foreign country's name, is that country's body (ドイツ連邦外務省 was
# 外務省, the Ministry of Foreign Affairs of Japan, with its English).
@pytest.mark.parametrize(("text", "orgs"), [
    ("ドイツ連邦外務省と協議した。", [("ドイツ連邦外務省", "ドイツ連邦外務省", "")]),
    ("フランス外務省と協議した。", [("フランス外務省", "フランス外務省", "")]),
    ("米国財務省と協議した。", [("米国財務省", "米国財務省", "")]),
    ("英国国立環境研究所と連携した。", [("英国国立環境研究所", "英国国立環境研究所", "")]),
    # a one-kanji name of the country, as 外交青書 glues it (英外務省 was Japan's MOFA)
    ("英外務省と協議した。", [("英外務省", "英外務省", "")]),
    ("米中央情報局は、", [("米中央情報局", "米中央情報局", "")]),
    # Japan's, a particle between, or a country's body the foreign table lists
    ("日本外務省は声明を発表した。", [("外務省", "外務省", "Ministry of Foreign Affairs")]),
    ("米国と外務省は協議した。", [("外務省", "外務省", "Ministry of Foreign Affairs")]),
    ("米国商務省は規則を公表した。",
     [("米国商務省", "米国商務省", "U.S. Department of Commerce")]),
    # a ministry or agency after <foreign country>の is that country's: the body as
    # printed, its canonical the country glued to it, no English (英国の外務省 was
    # Japan's Ministry of Foreign Affairs)
    ("英国の外務省が声明を出した。", [("外務省", "英国外務省", "")]),
    ("韓国の特許庁に出願した。", [("特許庁", "韓国特許庁", "")]),
    ("アメリカの気象庁にあたる機関", [("気象庁", "アメリカ気象庁", "")]),
    ("日本の外務省は", [("外務省", "外務省", "Ministry of Foreign Affairs")]),
    ("我が国の外務省は", [("外務省", "外務省", "Ministry of Foreign Affairs")]),
    # the US's departments of State and Defense, bare or after the country's name
    # (org_foreign.tsv; 米|国防総省: UniDic cuts 米 off, the body is found after it)
    ("米国防総省が発表した。", [("国防総省", "国防総省", "U.S. Department of Defense")]),
    ("米国国防総省と国務省が", [("米国国防総省", "国防総省", "U.S. Department of Defense"),
                               ("国務省", "国務省", "U.S. Department of State")]),
    ("米国務省は声明を出した。", [("国務省", "国務省", "U.S. Department of State")]),
    # a list of countries before の is their bodies, no English (英国と米国の外務省 was
    # Japan's MOFA); one that holds Japan too: no English is the safe answer
    ("英国と米国の外務省は共同声明を発表した。", [("外務省", "外務省", "")]),
    ("ドイツ及びフランスの外務省と協議した。", [("外務省", "外務省", "")]),
    ("豪州・インドの外務省とは", [("外務省", "外務省", "")]),
    ("米国と英国の防衛省", [("防衛省", "防衛省", "")]),
    ("英国と米国の国家統計局", [("国家統計局", "国家統計局", "")]),
    ("英国と日本の外務省が協議した。", [("外務省", "外務省", "")]),
    ("日本と米国の外務省は連携を確認した。", [("外務省", "外務省", "")]),
    ("日・英の外務省が協議した。", [("外務省", "外務省", "")]),
    # one-kanji names run together, a word for several countries or one not named
    # (org_country_group_words.tsv)
    ("日米の外務省が協議した。", [("外務省", "外務省", "")]),
    ("日英両国の外務省は戦略対話を開催した。", [("外務省", "外務省", "")]),
    ("各国の外務省と連携した。", [("外務省", "外務省", "")]),
    ("Ｇ７各国の外務省と", [("外務省", "外務省", "")]),
    ("同国の外務省は", [("外務省", "外務省", "")]),
    ("各国は自国の外務省を通じて", [("外務省", "外務省", "")]),
    ("開発途上国の外務省と", [("外務省", "外務省", "")]),
    ("全国の外務省", [("外務省", "外務省", "Ministry of Foreign Affairs")]),
    # glued to them, without の (米英外務省 and 各国外務省 were Japan's MOFA): the name
    # from the countries on, as printed
    ("米英外務省は声明を発表した。", [("米英外務省", "米英外務省", "")]),
    ("日米外務省が", [("日米外務省", "日米外務省", "")]),
    ("各国外務省と連携した。", [("各国外務省", "各国外務省", "")]),
    ("諸外国外務省と", [("諸外国外務省", "諸外国外務省", "")]),
    ("米英両国外務省", [("米英両国外務省", "米英両国外務省", "")]),
    # but a list of bodies is none: each country's own
    ("米国の国務省及び英国の外務省と協議した。",
     [("国務省", "国務省", "U.S. Department of State"), ("外務省", "英国外務省", "")]),
    # a listed body of any kind with nouns glued before it after の is another body
    # (国家統計局 was Japan's Statistics Bureau); a company right after の stays listed
    ("英国の国家統計局と", [("国家統計局", "英国国家統計局", "")]),
    ("米国のパナソニックは", [("パナソニック", "パナソニック株式会社", "Panasonic Corporation")]),
    # a body of Japan named by common nouns alone is that country's after <country>の
    # (米国の最高裁判所 was the Supreme Court of Japan, 英国の国会 the National Diet,
    # 米国の国家安全保障局 Japan's National Security Secretariat); not an international
    # body, nor a name holding a proper noun
    ("米国の最高裁判所は", [("最高裁判所", "米国最高裁判所", "")]),
    ("英国の国会で審議された。", [("国会", "英国国会", "")]),
    ("米国の国家安全保障局が", [("国家安全保障局", "米国国家安全保障局", "")]),
    ("英国の原子力委員会", [("原子力委員会", "英国原子力委員会", "")]),
    ("日本の国会で", [("国会", "国会", "National Diet")]),
    ("中国の世界貿易機関加盟", [("世界貿易機関", "世界貿易機関", "World Trade Organization")]),
    ("米国の日本銀行", [("日本銀行", "日本銀行", "Bank of Japan")]),
    # nouns after の before the listed body (経済・財務省 was Japan's Ministry of Finance)
    ("フランスの経済・財務省の担当者", [("経済・財務省", "フランス経済・財務省", "")]),
    ("ドイツの連邦外務省と協議した。", [("連邦外務省", "ドイツ連邦外務省", "")]),
    ("フランス経済・財務省と協議した。", [("フランス経済・財務省", "フランス経済・財務省", "")]),
    ("文部科学省・外務省が共催した。",
     [("文部科学省", "文部科学省",
       "Ministry of Education, Culture, Sports, Science and Technology"),
      ("外務省", "外務省", "Ministry of Foreign Affairs")]),
])
def test_a_listed_body_after_a_foreign_country_is_that_countrys(
        text: str, orgs: list[tuple[str, str, str]]) -> None:
    assert [(m.text, m.canonical, m.canonical_en) for m in find_orgs(text)] == orgs


@pytest.mark.parametrize("text", ["英国と米国の外務省が", "米英外務省が", "各国外務省と"])
def test_a_body_of_several_countries_is_found_by_its_own_rule(text: str) -> None:
    (match,) = find_orgs(text)
    assert (match.how, match.type) == ("countries_body", "ORG_MINISTRY")


# 外交青書 and 防衛白書 style, made up: a ministry of a country that names its ministries
# …部 (org_ministry_bu_countries.tsv) gave no ORG (韓国外交部, 中国国防部).
@pytest.mark.parametrize(("text", "orgs"), [
    ("中国外交部と韓国国防部が発表した。", ["中国外交部", "韓国国防部"]),
    ("韓国科学技術情報通信部は、", ["韓国科学技術情報通信部"]),
    ("中国工業情報化部の通知。", ["中国工業情報化部"]),
    ("台湾数位発展部が設置された。", ["台湾数位発展部"]),
    # と|も after 部, which UniDic tags a suffix (とも), is no title (防衛白書 style, made
    # up: 中国外交部とも gave no ORG)
    ("中国外交部とも協議した。", ["中国外交部"]),
    ("韓国中小ベンチャー企業部と協力した。", ["韓国中小ベンチャー企業部"]),
    # a company's division, a part of the country, a title, a particle between
    ("同社は中国事業部を新設した。", []),
    ("中国東北部と韓国南東部。", []),
    ("韓国外交部長官と会談した。", []),
])
def test_ministry_of_a_country_named_with_bu(text: str, orgs: list[str]) -> None:
    found = find_orgs(text)
    assert [m.text for m in found] == orgs
    assert all((m.canonical, m.canonical_en, m.type, m.how) ==
               (m.text, "", "ORG_MINISTRY", "country_body") for m in found)


# After <country>の the ministry as printed, its canonical the country glued to it; a
# list of countries before の (which may hold Japan) or a part of the country is none.
@pytest.mark.parametrize(("text", "orgs"), [
    ("中国の外交部は声明を出した。", [("外交部", "中国外交部")]),
    ("中国の生態環境部の発表によれば", [("生態環境部", "中国生態環境部")]),
    ("韓国の国防部とも意見交換を行った。", [("国防部", "韓国国防部")]),
    ("日本と中国の外交部が協議した。", []),
    ("中国の一部と韓国の東北部。", []),
    ("同社は中国の事業部を統合した。", []),
])
def test_ministry_named_with_bu_after_its_country_and_no(
        text: str, orgs: list[tuple[str, str]]) -> None:
    assert [(m.text, m.canonical) for m in find_orgs(text)] == orgs


# 経済 and 国土交通白書 style, made up: a company named after a place and printed without
# its legal form gave no ORG (and, rightly, no place).
@pytest.mark.parametrize(("text", "orgs"), [
    ("九州電力と四国電力は、出力制御を実施した。", ["九州電力", "四国電力"]),
    ("北海道旅客鉄道は、路線の見直しを進めている。", ["北海道旅客鉄道"]),
    ("西日本旅客鉄道は、", ["西日本旅客鉄道"]),       # a compass point glued before
    ("日本郵便は、配達体制を見直した。", ["日本郵便"]),
    ("東京ガス等の都市ガス事業者", ["東京ガス"]),      # 等 ends the name
    # an industry noun inside a longer compound: a place, no company
    ("中国電力需要の増加", []),
    ("欧州電力市場の統合", []),
    ("日本鉄道網の整備", []),
    ("全日本空輸は", []),                             # no industry noun of the list
])
def test_a_company_named_after_a_place(text: str, orgs: list[str]) -> None:
    assert [m.text for m in find_orgs(text)] == orgs


# 国土交通白書 style, made up: UniDic reads 法人|水 (a suffix), and a name after a legal
# form that opened with a suffix was no name (独立行政法人水資源機構 gave no ORG); a
# suffix alone or in kana after the form still names none.
@pytest.mark.parametrize(("text", "orgs"), [
    ("独立行政法人水資源機構は、", ["独立行政法人水資源機構"]),
    ("独立行政法人化された", []),
    ("独立行政法人等において", []),
    ("株式会社向けの", []),
])
def test_a_name_after_a_legal_form_may_open_with_a_kanji_suffix(
        text: str, orgs: list[str]) -> None:
    assert [m.text for m in find_orgs(text)] == orgs


# 外交青書 style, made up (an audit found only a PLACE inside, or 国際連合): a mission
# 在<place>…大使館/総領事館/代表部, or Japan's mission to an international body, is one
# body as printed, Japan's abroad or a foreign country's in Japan; a mission word after
# 在日 or 在京 with no country named (every country's), or after a word of several, is
# none, and 在日米軍 stays the gazetteer's.
@pytest.mark.parametrize(("text", "orgs"), [
    ("在米国日本国大使館は、", ["在米国日本国大使館"]),
    ("在ジュネーブ国際機関日本政府代表部で", ["在ジュネーブ国際機関日本政府代表部"]),
    ("在大阪米国総領事館と在日米国大使館を訪問した。", ["在大阪米国総領事館", "在日米国大使館"]),
    ("国際連合日本政府代表部の大使が演説した。", ["国際連合日本政府代表部"]),
    ("在京大使館や在日大使館、在大阪総領事館を通じて", []),
    ("在米国各総領事館が", []),
    ("在日米軍の再編", ["在日米軍"]),
])
def test_a_diplomatic_mission_is_one_body(text: str, orgs: list[str]) -> None:
    found = find_orgs(text)
    assert [m.text for m in found] == orgs
    assert all((m.canonical, m.canonical_en, m.how) == (m.text, "", "mission")
               for m in found if m.text != "在日米軍")


# A meeting after a foreign city (防衛白書 style, made up: ミュンヘン安全保障会議 was an
# ORG, romanised) is an EVENT of the name rules, no ORG; a Japanese city's is a body.
@pytest.mark.parametrize(("text", "orgs"), [
    ("ミュンヘン安全保障会議に出席した。", []),
    ("ジュネーブ軍縮会議で演説した。", []),
    ("札幌市防災会議が開かれた。", ["札幌市防災会議"]),
])
def test_no_body_for_a_meeting_after_a_foreign_city(text: str, orgs: list[str]) -> None:
    assert [m.text for m in find_orgs(text)] == orgs


# A part of a university printed glued after its name is one body, named as printed
# (org_university_part_words.tsv): a graduate school after 大学院, a faculty or school
# after 大学, a campus (katakana place + 校). It stops before a person's name or title
# (org_person_title_words.tsv), a title glued after the part (学部長), a ・ joining kanji
# items, and takes no English unless listed. Made-up sentences, and the held-out
# glossary audit's two (東京大学大学院 and イリノイ大学 were cut short).
@pytest.mark.parametrize(("text", "orgs"), [
    ("東京大学大学院工学系研究科松尾豊教授によれば、", ["東京大学大学院工学系研究科"]),
    ("米国のイリノイ大学アーバナ・シャンペーン校と連携する。",
     ["イリノイ大学アーバナ・シャンペーン校"]),
    ("北海道大学大学院獣医学研究科の佐藤准教授が発表した。", ["北海道大学大学院獣医学研究科"]),
    ("九州大学大学院人間環境学府の学生が参加した。", ["九州大学大学院人間環境学府"]),
    ("筑波大学人間学群と金沢大学人間社会学域が共同で調査した。",
     ["筑波大学人間学群", "金沢大学人間社会学域"]),
    ("早稲田大学政治経済学部を卒業した。", ["早稲田大学政治経済学部"]),
    ("カリフォルニア大学バークレー校の研究者。", ["カリフォルニア大学バークレー校"]),
    ("ロンドン大学・ロイヤル・ホロウェイ校が参画する。", ["ロンドン大学・ロイヤル・ホロウェイ校"]),
    ("大阪大学医学部の山田太郎教授が講演した。", ["大阪大学医学部"]),
    ("京都大学工学部長が挨拶した。", ["京都大学"]),
    ("東京大学特任教授が講演した。", ["東京大学"]),
    ("名古屋大学大学院・研究科の一覧。", ["名古屋大学大学院"]),
    ("東北大学大学院生が参加した。", ["東北大学大学院"]),
    ("大阪大学附属高校の生徒。", ["大阪大学"]),
])
def test_a_part_of_a_university_is_one_body(text: str, orgs: list[str]) -> None:
    found = find_orgs(text)
    assert [m.text for m in found] == orgs
    assert all((m.canonical, m.canonical_en, m.type) == (m.text, "", "ORG_OTHER")
               for m in found if m.how == "suffix")


@pytest.mark.parametrize("text", ["九州電力は", "北海道旅客鉄道の路線", "農林水産省の補助事業",
                                  "社会保障審議会医療保険部会", "", "電力", "防衛装備庁（.*）"])
def test_any_word_re_finds_what_any_word_in_finds(text: str) -> None:
    """``any_word_re`` answers as ``any(word in text ...)`` for the lists find_orgs asks
    about, and never matches for no words."""
    for words in (org_patterns.COMPANY_HEADS, org_patterns.COUNCIL_PART_WORDS,
                  ("(.*)", "[a]"), ("電力", "鉄道")):
        found = org_patterns.any_word_re(words).search(text) is not None
        assert found == any(word in text for word in words)
    assert org_patterns.any_word_re(()).search(text) is None


def _as_entity_rules_keep(text: str, orgs: list[org_patterns.OrgMatch]
                          ) -> list[org_patterns.OrgMatch]:
    return [org for org in orgs if org.how != "local_government" or org.text == text.strip()]


@pytest.mark.parametrize("text", ["宮崎県", "　川崎市　", "川崎市における産学官連携", "北海道",
                                  "横浜市及び川崎市", "川崎重工業と川崎市の協定", "鹿児島県 ",
                                  "農林水産省と熊本県", "京都府立医科大学", "防衛省", ""])
def test_whole_places_only_keeps_what_the_entity_rules_keep(text: str) -> None:
    """``whole_places_only`` may leave out a local government that is not all of the
    text, and nothing else (the ORG rule drops those: ``components.OrgRules``)."""
    every = find_orgs(text, places_as_orgs=True)
    some = find_orgs(text, places_as_orgs=True, whole_places_only=True)
    assert _as_entity_rules_keep(text, some) == _as_entity_rules_keep(text, every)
    assert [org for org in every if org not in some] == \
        [org for org in every if org.how == "local_government" and org not in some]


def test_a_whole_local_government_is_found_with_whole_places_only() -> None:
    (match,) = find_orgs("　宮崎県　", places_as_orgs=True, whole_places_only=True)
    assert (match.text, match.how) == ("宮崎県", "local_government")
    assert find_orgs("宮崎県における産学官連携", places_as_orgs=True, whole_places_only=True) == []
