"""Companies named with 社 (``company_word_orgs``) and foreign bodies known by their first
word (``foreign_names``): made-up sentences in the styles of other ministries' white
papers, and words that must stay no company."""

from __future__ import annotations

import pytest

from pipeline.tagging.entities.components import entity_rows
from pipeline.tagging.entities.foreign_names import opens_with_a_foreign_name
from tests.test_entities import nlp

Row = tuple[str, str, str, str, str]


def org_rows(text: str) -> list[Row]:
    """(text, canonical, canonical_en, canonical_en_romanized, how) of the ORG rows."""
    doc = nlp().make_doc(text)
    doc._.para_id = "p0001"
    return [(r["text"], r["canonical"], r["canonical_en"], r["canonical_en_romanized"],
             r["how"].removeprefix("org_")) for r in entity_rows([doc], nlp(), "test") if r["label"] == "ORG"]


# A foreign company printed as its name and 社 gave no ORG, or a NAME (Google社 nothing,
# OpenAI社 the NAME OpenAI): the name before 社 is an ORG named as the company names
# itself, with no English guessed and no romanised name.
@pytest.mark.parametrize(("text", "expected"), [
    ("英ボーダフォン社は、欧州で携帯電話事業を展開している。",                # 通商白書
     [("ボーダフォン", "ボーダフォン", "", "", "company_word")]),
    ("米国のロッキード・マーティン社が開発したＦ－35Ａを取得する。",           # 防衛白書
     [("ロッキード・マーティン", "ロッキード・マーティン", "", "", "company_word")]),
    ("スイスのネスレ社は、コーヒー豆の産地支援を行っている。",                  # 農林水産白書
     [("ネスレ", "ネスレ", "", "", "company_word")]),
    ("米Google社とAlibaba Cloud社が参入した。",                                  # 情報通信白書
     [("Google", "Google", "", "", "company_word"),
      ("Alibaba Cloud", "Alibaba Cloud", "", "", "company_word")]),
    ("スタートアップ企業DNNresearch社を買収した。",
     [("DNNresearch", "DNNresearch", "", "", "company_word")]),
    # a company the gazetteer lists is found by it, as before
    ("NVIDIA社の認定資格", [("NVIDIA", "NVIDIA", "NVIDIA Corporation", "", "gazetteer")]),
    # no company's own name before 社
    ("同社は、ライバル社やパートナー社を含む325社と提携した。", []),
    ("ＡＩ社会原則とグリーン社会の実現", []),
    ("全国の新聞社と通信社", []),
    ("日本マイクロソフト社", []),   # a piece of a longer name: no guess at its extent
])
def test_a_company_named_with_sha_is_an_org(text: str, expected: list[Row]) -> None:
    assert org_rows(text) == expected


# A foreign body no table lists was romanised as if Japanese (朝鮮労働党中央委員会 →
# Chōsen Rōdōtō Chūō Iin Kai, ブルッキングス研究所 → Burukkingusu Kenkyūsho): a name that
# opens with a foreign country's word or a person's or place's name in katakana gets none.
@pytest.mark.parametrize(("text", "expected"), [
    ("朝鮮労働党中央委員会総会が開かれた。",                                    # 外交青書
     [("朝鮮労働党中央委員会", "朝鮮労働党中央委員会", "", "", "suffix")]),
    ("米国のブルッキングス研究所の報告によれば、",                              # 防衛白書
     [("ブルッキングス研究所", "ブルッキングス研究所", "", "", "suffix")]),
    ("英国のリンカーン大学と共同研究を行う。",                                  # 文部科学白書
     [("リンカーン大学", "リンカーン大学", "", "", "suffix")]),
    # Japanese bodies keep their romanised name
    ("札幌市防災会議が開かれた。",
     [("札幌市防災会議", "札幌市防災会議", "", "Sapporo-shi Bōsai Kaigi", "suffix")]),
    ("リコー経済社会研究所の調査",   # its first word opens a company the gazetteer lists
     [("リコー経済社会研究所", "リコー経済社会研究所", "", "Rikō Keizai Shakai Kenkyūsho",
       "suffix")]),
])
def test_a_foreign_body_by_its_first_word_is_not_romanised(text: str,
                                                             expected: list[Row]) -> None:
    assert org_rows(text) == expected


@pytest.mark.parametrize(("name", "foreign"), [
    ("朝鮮労働党", True), ("中華全国総工会", True), ("ブルッキングス研究所", True),
    ("イリノイ大学", True),
    ("日本経済団体連合会", False), ("日米協会", False),   # Japan's, or Japan's with another
    ("ハーバード大学", True),    # a katakana proper noun opening no Japanese body's name
    ("トヨタ自動車", False),     # the gazetteer lists トヨタ自動車株式会社 as Japan's
    ("北海道科学大学", False), ("東京大学", False),       # places in kanji are Japan's
])
def test_opens_with_a_foreign_name(name: str, foreign: bool) -> None:
    assert opens_with_a_foreign_name(name) is foreign
