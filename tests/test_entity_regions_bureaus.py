"""Entity misses the recall audits found, fixed by general rules: a region of a
prefecture glued after it (``prefecture_regions``), a ministry's bureau printed without
the ministry glued before it (``ministry_bureaus``), a body or meeting whose name opens
with a foreign proper noun UniDic tags neither a person's nor a place's name
(``foreign_names``). Made-up sentences in the style of other ministries' white papers,
with the words that must not change."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.tagging.entities.components import entity_rows
from tests.test_entities import nlp

Row = tuple[str, str, str, str, str]


def rows(text: str) -> list[dict[str, Any]]:
    doc = nlp().make_doc(text)
    doc._.para_id = "p0001"
    return entity_rows([doc], nlp(), "x")


def found(text: str) -> list[Row]:
    """(text, label, canonical, canonical_en_romanized, flag) of each row of ``text``."""
    return [(r["text"], r["label"], r["canonical"], r["canonical_en_romanized"], r["flag"])
            for r in rows(text)]


# ---------------------------------------------------------------- regions of a prefecture

@pytest.mark.parametrize(("text", "expected"), [
    # 防災白書 (Cabinet Office), the tsunami forecast region (bousai2024-t2-1 p0131)
    ("本地震により石川県能登に対して大津波警報が発表された。",
     [("石川県", "PLACE", "石川県", "", ""), ("能登", "PLACE", "能登", "", "")]),
    # 気象庁 style: the region named with 地方, and a part of it after (中東部: no name)
    ("北海道胆振地方中東部を震源とする地震が発生した。",
     [("北海道", "PLACE", "北海道", "", ""), ("胆振地方", "PLACE", "胆振地方", "", "")]),
    ("熊本県阿蘇地方で火山活動が高まった。",
     [("熊本県", "PLACE", "熊本県", "", ""), ("阿蘇地方", "PLACE", "阿蘇地方", "", "")]),
    # 農林水産白書 style
    ("北海道十勝の畑作地帯では、", [("北海道", "PLACE", "北海道", "", ""),
                                ("十勝", "PLACE", "十勝", "", "")]),
    # a municipality stays one; a feature or a longer word is no region
    ("石川県珠洲市で", [("石川県", "PLACE", "石川県", "", ""),
                    ("珠洲市", "PLACE", "珠洲市", "", "")]),
    ("石川県能登半島の北部で", [("石川県", "PLACE", "石川県", "", ""),
                        ("能登半島", "PLACE", "能登半島", "", "")]),
    ("北海道十勝沖を震源とする", [("北海道", "PLACE", "北海道", "", "")]),
    # a part named by a common noun is no region's name: the prefecture is the mention
    ("長野県北部で震度５強を観測した。", [("長野県", "PLACE", "長野県", "", "")]),
    ("県北部の山間地では、", []),
])
def test_a_region_glued_after_its_prefecture(text: str, expected: list[Row]) -> None:
    assert [(t, label, canonical, romanized, flag)
            for t, label, canonical, romanized, flag in found(text)
            if label == "PLACE"] == expected


def test_a_region_row_says_how() -> None:
    region = [r for r in rows("石川県能登地方で地震が発生した。") if r["text"] == "能登地方"]
    assert [(r["how"], r["canonical_en"]) for r in region] == [("place_prefecture_region", "")]


# ---------------------------------------------------------------- bureaus of a ministry

@pytest.mark.parametrize(("text", "expected"), [
    # 厚生労働白書 style: the ministry, の, its bureau
    ("厚生労働省の健康・生活衛生局が指針を公表した。",
     ("健康・生活衛生局", "ORG", "厚生労働省健康・生活衛生局",
      "Kōsei Rōdōshō Kenkō Seikatsu Eisei Kyoku", "")),
    # 食料・農業・農村白書 style: 同省 names the ministry named before
    ("農林水産省は、同省の消費・安全局において検討を進めている。",
     ("消費・安全局", "ORG", "農林水産省消費・安全局",
      "Nōrin Suisanshō Shōhi Anzen Kyoku", "")),
    # 文部科学白書 style
    ("文部科学省の研究振興局では、", ("研究振興局", "ORG", "文部科学省研究振興局",
                              "Monbu Kagakushō Kenkyū Shinkō Kyoku", "")),
    # 外交青書 style: a foreign ministry's bureau is that country's, with no romanised name
    ("米国国土安全保障省の科学技術局が公表した。",
     ("科学技術局", "ORG", "国土安全保障省科学技術局", "", "")),
    ("英国の外務省の開発局によれば、", ("開発局", "ORG", "英国外務省開発局", "", "")),
    # a bureau the gazetteer lists keeps its entry (国土交通白書 style)
    ("国土交通省は、同省の水管理・国土保全局において検討を進めている。",
     ("水管理・国土保全局", "ORG", "水管理・国土保全局", "", "")),
    # whose bureau the text does not say: flagged, no romanised name
    ("金沢観測点（港湾局）で80cmの津波を観測した。",
     ("港湾局", "ORG", "港湾局", "", "ministry_not_named")),
    ("厚生労働省は、健康・生活衛生局において感染症対策を所管している。",
     ("健康・生活衛生局", "ORG", "健康・生活衛生局", "", "ministry_not_named")),
    ("同省の港湾局が所管する。", ("港湾局", "ORG", "港湾局", "", "ministry_not_named")),
])
def test_a_bureau_printed_after_its_ministry(text: str, expected: Row) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("text", "word"), [
    ("環境省の水・大気環境局長が出席した。", "水・大気環境局"),   # a person: 局長
    ("環境省の水・大気環境局長が出席した。", "水・大気環境局長"),
    ("交渉は新たな局面を迎えた。", "局面"),
    ("薬局で医薬品を購入した。", "薬局"),
    ("総務省によれば、放送局の数は増えた。", "放送局"),          # a common noun
    ("（放送局）", "放送局"),
    ("総務省の調査では、地上テレビ放送局の数は", "地上テレビ放送局"),
    ("総務省によれば、携帯電話基地局の整備が進んだ。", "携帯電話基地局"),   # stations
    ("民間放送事業者（テレビ局）", "テレビ局"),
    ("同省の事務局が取りまとめた。", "事務局"),
    ("港湾局が管理する岸壁", "港湾局"),   # no ministry, no bracket: nothing says it is one
    ("（国土安全保障省科学技術局）", "科学技術局"),   # glued to its ministry: one name
])
def test_words_that_are_no_bureau(text: str, word: str) -> None:
    assert word not in [r["text"] for r in rows(text)]


# ---------------------------------------------------------------- foreign proper nouns

@pytest.mark.parametrize(("text", "expected"), [
    # 科学技術白書 style: a meeting named for where it was held is an EVENT
    ("1956年のダートマス会議で人工知能という言葉が生まれた。",
     ("ダートマス会議", "EVENT", "ダートマス会議", "", "")),
    ("ヤルタ会議の後、", ("ヤルタ会議", "EVENT", "ヤルタ会議", "", "")),
    # 外交青書 style: a foreign body by a katakana proper noun gets no romanised name
    ("ダートマス研究所の報告によれば、", ("ダートマス研究所", "ORG", "ダートマス研究所", "", "")),
    # a Japanese body: its first word opens a company the gazetteer lists
    ("リコー経済社会研究所の調査によれば、",
     ("リコー経済社会研究所", "ORG", "リコー経済社会研究所",
      "Rikō Keizai Shakai Kenkyūsho", "")),
    # a Japanese council ending in 会議 stays an ORG
    ("日本学術会議の提言", ("日本学術会議", "ORG", "日本学術会議", "", "")),
])
def test_foreign_proper_nouns(text: str, expected: Row) -> None:
    assert expected in found(text)
