"""The organisation gazetteer: shipped rows, lookups by any width, and file validation."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.errors import PipelineError
from pipeline.tagging.entities.gazetteer import (
    COLUMNS,
    ORG_TYPES,
    GazetteerEntry,
    load_gazetteer,
    lookup,
    parse_gazetteer,
)

HEADER = "\t".join(COLUMNS)

# Bodies the brief and the two chapters require, with the English the bodies use.
REQUIRED = [
    ("内閣府", "ORG_MINISTRY", "Cabinet Office"),
    ("内閣官房", "ORG_MINISTRY", "Cabinet Secretariat"),
    ("デジタル庁", "ORG_AGENCY", "Digital Agency"),
    ("復興庁", "ORG_AGENCY", "Reconstruction Agency"),
    ("総務省", "ORG_MINISTRY", "Ministry of Internal Affairs and Communications"),
    ("法務省", "ORG_MINISTRY", "Ministry of Justice"),
    ("外務省", "ORG_MINISTRY", "Ministry of Foreign Affairs"),
    ("財務省", "ORG_MINISTRY", "Ministry of Finance"),
    ("文部科学省", "ORG_MINISTRY",
     "Ministry of Education, Culture, Sports, Science and Technology"),
    ("厚生労働省", "ORG_MINISTRY", "Ministry of Health, Labour and Welfare"),
    ("農林水産省", "ORG_MINISTRY", "Ministry of Agriculture, Forestry and Fisheries"),
    ("経済産業省", "ORG_MINISTRY", "Ministry of Economy, Trade and Industry"),
    ("国土交通省", "ORG_MINISTRY", "Ministry of Land, Infrastructure, Transport and Tourism"),
    ("環境省", "ORG_MINISTRY", "Ministry of the Environment"),
    ("防衛省", "ORG_MINISTRY", "Ministry of Defense"),
    ("警察庁", "ORG_AGENCY", "National Police Agency"),
    ("金融庁", "ORG_AGENCY", "Financial Services Agency"),
    ("消費者庁", "ORG_AGENCY", "Consumer Affairs Agency"),
    ("こども家庭庁", "ORG_AGENCY", "Children and Families Agency"),
    ("特許庁", "ORG_AGENCY", "Japan Patent Office"),
    ("気象庁", "ORG_AGENCY", "Japan Meteorological Agency"),
    ("文化庁", "ORG_AGENCY", "Agency for Cultural Affairs"),
    ("スポーツ庁", "ORG_AGENCY", "Japan Sports Agency"),
    ("中小企業庁", "ORG_AGENCY", "Small and Medium Enterprise Agency"),
    ("資源エネルギー庁", "ORG_AGENCY", "Agency for Natural Resources and Energy"),
    ("観光庁", "ORG_AGENCY", "Japan Tourism Agency"),
    ("海上保安庁", "ORG_AGENCY", "Japan Coast Guard"),
    ("林野庁", "ORG_AGENCY", "Forestry Agency"),
    ("水産庁", "ORG_AGENCY", "Fisheries Agency"),
    ("宮内庁", "ORG_AGENCY", "Imperial Household Agency"),
    ("原子力規制委員会", "ORG_AGENCY", "Nuclear Regulation Authority"),
    ("公正取引委員会", "ORG_AGENCY", "Japan Fair Trade Commission"),
    ("個人情報保護委員会", "ORG_AGENCY", "Personal Information Protection Commission"),
    ("総合科学技術・イノベーション会議", "ORG_COUNCIL",
     "Council for Science, Technology and Innovation"),
    ("知的財産戦略本部", "ORG_COUNCIL", "Intellectual Property Strategy Headquarters"),
    ("日本学術会議", "ORG_COUNCIL", "Science Council of Japan"),
    ("科学技術振興機構", "ORG_NRDA", "Japan Science and Technology Agency"),
    ("日本医療研究開発機構", "ORG_NRDA", "Japan Agency for Medical Research and Development"),
    ("理化学研究所", "ORG_NRDA", "RIKEN"),
    ("産業技術総合研究所", "ORG_NRDA",
     "National Institute of Advanced Industrial Science and Technology"),
    ("新エネルギー・産業技術総合開発機構", "ORG_NRDA",
     "New Energy and Industrial Technology Development Organization"),
    ("情報通信研究機構", "ORG_NRDA",
     "National Institute of Information and Communications Technology"),
    ("物質・材料研究機構", "ORG_NRDA", "National Institute for Materials Science"),
    ("宇宙航空研究開発機構", "ORG_NRDA", "Japan Aerospace Exploration Agency"),
    ("海洋研究開発機構", "ORG_NRDA", "Japan Agency for Marine-Earth Science and Technology"),
    ("量子科学技術研究開発機構", "ORG_NRDA",
     "National Institutes for Quantum Science and Technology"),
    ("日本原子力研究開発機構", "ORG_NRDA", "Japan Atomic Energy Agency"),
    ("防災科学技術研究所", "ORG_NRDA",
     "National Research Institute for Earth Science and Disaster Resilience"),
    ("国立環境研究所", "ORG_NRDA", "National Institute for Environmental Studies"),
    ("農業・食品産業技術総合研究機構", "ORG_NRDA",
     "National Agriculture and Food Research Organization"),
    ("国際農林水産業研究センター", "ORG_NRDA",
     "Japan International Research Center for Agricultural Sciences"),
    ("森林研究・整備機構", "ORG_NRDA", "Forest Research and Management Organization"),
    ("水産研究・教育機構", "ORG_NRDA", "Japan Fisheries Research and Education Agency"),
    ("建築研究所", "ORG_NRDA", "Building Research Institute"),
    ("土木研究所", "ORG_NRDA", "Public Works Research Institute"),
    ("海上・港湾・航空技術研究所", "ORG_NRDA",
     "National Institute of Maritime, Port and Aviation Technology"),
    ("国立がん研究センター", "ORG_NRDA", "National Cancer Center Japan"),
    ("日本学術振興会", "ORG_IAI", "Japan Society for the Promotion of Science"),
    ("工業所有権情報・研修館", "ORG_IAI",
     "National Center for Industrial Property Information and Training"),
    ("国際協力機構", "ORG_IAI", "Japan International Cooperation Agency"),
    ("日本放送協会", "ORG_OTHER", "Japan Broadcasting Corporation"),
    ("日本規格協会", "ORG_OTHER", "Japanese Standards Association"),
    ("国際標準化機構", "ORG_INTL", "International Organization for Standardization"),
    ("国際電気標準会議", "ORG_INTL", "International Electrotechnical Commission"),
    ("国際電気通信連合", "ORG_INTL", "International Telecommunication Union"),
    ("アジア太平洋経済協力", "ORG_INTL", "Asia-Pacific Economic Cooperation"),
    ("東南アジア諸国連合", "ORG_INTL", "Association of Southeast Asian Nations"),
    ("経済協力開発機構", "ORG_INTL", "Organisation for Economic Co-operation and Development"),
    # bodies a defence or diplomacy chapter names on every page (the 防衛白書 audit text)
    ("北大西洋条約機構", "ORG_INTL", "North Atlantic Treaty Organization"),
    ("国際連合安全保障理事会", "ORG_INTL", "United Nations Security Council"),
    ("国家安全保障会議", "ORG_COUNCIL", "National Security Council"),
    ("陸上自衛隊", "ORG_OTHER", "Japan Ground Self-Defense Force"),
    ("防衛研究所", "ORG_OTHER", "The National Institute for Defense Studies"),
    ("警視庁", "ORG_OTHER", "Tokyo Metropolitan Police Department"),
    # bodies the 厚生労働, 農林水産, 防衛, 外交 and 環境 audit texts name, which got
    # romanised names (日本年金機構: Nippon Nenkin Kikō) or none (全国健康保険協会)
    ("日本年金機構", "ORG_OTHER", "Japan Pension Service"),
    ("全国健康保険協会", "ORG_OTHER", "Japan Health Insurance Association"),
    ("労働政策研究・研修機構", "ORG_IAI", "The Japan Institute for Labour Policy and Training"),
    ("内閣感染症危機管理統括庁", "ORG_AGENCY",
     "Cabinet Agency for Infectious Disease Crisis Management"),
    ("全国農業協同組合連合会", "ORG_OTHER",
     "National Federation of Agricultural Cooperative Associations"),
    ("関東農政局", "ORG_OTHER", "Kanto Regional Agricultural Administration Office"),
    ("在日米軍", "ORG_OTHER", "United States Forces Japan"),
    ("ASEAN地域フォーラム", "ORG_INTL", "ASEAN Regional Forum"),
    ("気候変動に関する政府間パネル", "ORG_INTL", "Intergovernmental Panel on Climate Change"),
    # former ministries and agencies, which white papers name in their histories: an
    # unlisted 省 is now read as a foreign one (no romanised name)
    ("厚生省", "ORG_OTHER", "Ministry of Health and Welfare"),
    ("郵政省", "ORG_OTHER", "Ministry of Posts and Telecommunications"),
    ("防衛庁", "ORG_OTHER", "Japan Defense Agency"),
    # the 防衛 and 外交 audit texts: アフリカ連合 was the place アフリカ, 沖縄防衛局 romanised
    ("アフリカ連合", "ORG_INTL", "African Union"),
    ("沖縄防衛局", "ORG_OTHER", "Okinawa Defense Bureau"),
    ("国立健康危機管理研究機構", "ORG_OTHER", "Japan Institute for Health Security"),
    ("農林中央金庫", "ORG_OTHER", "The Norinchukin Bank"),   # 金庫 is no org word: no ORG
    # European and Asian bodies: 欧州中央銀行 got the romanised name Ōshū Chūō Ginkō
    ("欧州中央銀行", "ORG_INTL", "European Central Bank"),
    ("欧州理事会", "ORG_INTL", "European Council"),
    ("アジア開発銀行", "ORG_INTL", "Asian Development Bank"),
    # the 国土交通 and 防災 audit texts: no ORG or a romanised name
    ("中央防災会議", "ORG_COUNCIL", "Central Disaster Management Council"),
    ("都市再生機構", "ORG_IAI", "Urban Renaissance Agency"),
    ("水資源機構", "ORG_IAI", "Japan Water Agency"),
    ("全国知事会", "ORG_OTHER", "National Governors' Association"),
    ("日本政策投資銀行", "ORG_OTHER", "Development Bank of Japan"),
    ("鉄道建設・運輸施設整備支援機構", "ORG_IAI",
     "Japan Railway Construction, Transport and Technology Agency"),
    ("国立水俣病総合研究センター", "ORG_OTHER", "National Institute for Minamata Disease"),
    ("水管理・国土保全局", "ORG_OTHER", "Water and Disaster Management Bureau"),
    # 外交青書 and 防衛白書 style, made up: international bodies got no English, or a
    # romanised name (上海協力機構 → Shanghai Kyōryoku Kikō, 米州機構 → Beishū Kikō)
    ("上海協力機構", "ORG_INTL", "Shanghai Cooperation Organisation"),
    ("国際刑事裁判所", "ORG_INTL", "International Criminal Court"),
    ("国際司法裁判所", "ORG_INTL", "International Court of Justice"),
    ("欧州安全保障協力機構", "ORG_INTL", "Organization for Security and Co-operation in Europe"),
    ("アジアインフラ投資銀行", "ORG_INTL", "Asian Infrastructure Investment Bank"),
    ("化学兵器禁止機関", "ORG_INTL", "Organisation for the Prohibition of Chemical Weapons"),
    ("米州機構", "ORG_INTL", "Organization of American States"),
    ("国連人権理事会", "ORG_INTL", "United Nations Human Rights Council"),
    ("国連総会", "ORG_INTL", "United Nations General Assembly"),
    # the SDF's staff offices and major commands (防衛白書 style, made up: no ORG)
    ("陸上幕僚監部", "ORG_OTHER", "Ground Staff Office"),
    ("統合作戦司令部", "ORG_OTHER", "Japan Joint Operations Command"),
    ("自衛艦隊", "ORG_OTHER", "Self Defense Fleet"),
    ("航空総隊", "ORG_OTHER", "Air Defense Command"),
]


@pytest.mark.parametrize(("name", "org_type", "english"), REQUIRED)
def test_required_body_has_official_english(name: str, org_type: str, english: str) -> None:
    entry = lookup(name)
    assert entry is not None
    assert (entry.canonical_ja, entry.type, entry.canonical_en) == (name, org_type, english)


@pytest.mark.parametrize(("surface", "canonical"), [
    ("ＮＩＣＴ", "情報通信研究機構"),        # full-width acronym = half-width acronym
    ("NICT", "情報通信研究機構"),
    ("ＪＳＰＳ", "日本学術振興会"),
    ("INPIT", "工業所有権情報・研修館"),
    ("ＡＳＥＡＮ", "東南アジア諸国連合"),
    ("NHK", "日本放送協会"),
    ("文科省", "文部科学省"),                # alias
    ("産総研", "産業技術総合研究所"),
    ("理研", "理化学研究所"),
    (" 経団連 ", "日本経済団体連合会"),
    ("ＮＡＴＯ", "北大西洋条約機構"),
    ("安保理", "国際連合安全保障理事会"),
    ("協会けんぽ", "全国健康保険協会"),
    ("ＪＡ全農", "全国農業協同組合連合会"),
    ("ＩＰＣＣ", "気候変動に関する政府間パネル"),
])
def test_lookup_by_acronym_alias_any_width(surface: str, canonical: str) -> None:
    entry = lookup(surface)
    assert entry is not None and entry.canonical_ja == canonical


@pytest.mark.parametrize("name", ["大学", "公設試験研究機関", "研究所", "ジェット推進研究所", ""])
def test_lookup_misses_unknown_names(name: str) -> None:
    assert lookup(name) is None


def test_shipped_rows_are_valid_and_counted() -> None:
    entries = load_gazetteer()
    counts = Counter(e.type for e in entries)
    assert set(counts) <= ORG_TYPES
    # 11 ministries (省) plus the Cabinet Office and the Cabinet Secretariat
    assert counts["ORG_MINISTRY"] == 13 and counts["ORG_AGENCY"] >= 20
    assert counts["ORG_NRDA"] >= 27        # every national R&D agency (国立研究開発法人)
    assert all(e.source for e in entries)
    assert all(isinstance(e, GazetteerEntry) for e in entries)


def test_loader_returns_immutable_cached_records() -> None:
    first, second = load_gazetteer(), load_gazetteer()
    assert first is second and isinstance(first, tuple)
    with pytest.raises(AttributeError):
        first[0].canonical_en = "changed"  # type: ignore[misc]


def test_acronyms_are_ascii_and_unique() -> None:
    acronyms = [e.acronym for e in load_gazetteer() if e.acronym]
    assert all(a.isascii() for a in acronyms)
    assert len(acronyms) == len(set(acronyms))


def test_parse_reads_aliases() -> None:
    text = f"{HEADER}\nテスト庁\tORG_AGENCY\tTest Agency\tTA\tテ庁|試験庁\tmade up\n"
    (entry,) = parse_gazetteer(text)
    assert entry.aliases == ("テ庁", "試験庁")
    assert entry.surfaces == ("テスト庁", "テ庁", "試験庁", "TA")


@pytest.mark.parametrize(("body", "message"), [
    ("テスト庁\tORG_BANK\tTest\t\t\tsrc", "ORG_BANK"),
    ("テスト庁\tORG_AGENCY\tTest\t\t\t", "source is empty"),
    ("テスト庁\tORG_AGENCY\tTest", "expected 6"),
    ("A庁\tORG_AGENCY\tA\tXA\t\tsrc\nB庁\tORG_AGENCY\tB\tＸＡ\t\tsrc", "names both"),
    ("A庁\tORG_AGENCY\tA\t\t\tsrc\nA庁\tORG_AGENCY\tA\t\t\tsrc", "two rows"),
])
def test_parse_rejects_bad_rows(body: str, message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        parse_gazetteer(f"{HEADER}\n{body}\n", where="test.tsv")


def test_parse_rejects_bad_header() -> None:
    with pytest.raises(PipelineError, match="line 1: header"):
        parse_gazetteer("name\ttype\n内閣府\tORG_MINISTRY\n")


@pytest.mark.parametrize(("text", "canonical", "english"), [
    # 外交青書 style, made up: 国連 (an alias of 国際連合) opened the UN bodies' names and
    # was the ORG (国際連合) inside 国連開発計画
    ("国連開発計画（ＵＮＤＰ）と連携し、", "国連開発計画", "United Nations Development Programme"),
    ("ＷＦＰを通じて食料支援を行った。", "国連世界食糧計画", "World Food Programme"),
    ("ユニセフと協力した。", "国連児童基金", "United Nations Children's Fund"),
])
def test_un_bodies_are_not_the_un(text: str, canonical: str, english: str) -> None:
    from pipeline.tagging.entities.orgs import find_orgs

    first = find_orgs(text)[0]
    assert (first.canonical, first.canonical_en) == (canonical, english)
