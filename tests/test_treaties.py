"""Treaties as LAW (``pipeline.tagging.entities.treaties``): made-up sentences in the styles
of other ministries' white papers, and words that must stay no treaty."""

from __future__ import annotations

import pytest

from tests.test_entities import nlp


def laws(text: str) -> list[tuple[str, str]]:
    return [(e.text, e._.canonical) for e in nlp()(text).ents if e.label_ == "LAW"]


# A convention named by two words of its subject gave no entity (an audit of made-up
# 外交青書 and 環境白書 chapters): before 条約 two words will do, past a word that sorts
# treaties into kinds (law_treaty_qualifiers.tsv), and a kind of bilateral treaty
# (law_treaty_kinds.tsv) stays none.
@pytest.mark.parametrize(("text", "expected"), [
    ("武器貿易条約の締約国として輸出管理を強化した。", ["武器貿易条約"]),          # 外交青書
    ("生物多様性条約に基づく国家戦略を改定した。", ["生物多様性条約"]),           # 環境白書
    ("砂漠化対処条約と世界遺産条約の実施に協力した。", ["砂漠化対処条約", "世界遺産条約"]),
    ("国際捕鯨取締条約から脱退した。", ["国際捕鯨取締条約"]),                    # 水産白書
    # kinds, no names
    ("各国と犯罪人引渡条約や刑事共助条約の締結を進めた。", []),
    ("主要な国際人権条約と多数国間条約の一覧", []),
    ("主要人権条約の履行状況を報告した。", []),
    ("この条約と同協定は、二国間協定の協定締結に向けて", []),
])
def test_a_convention_named_by_its_subject_is_a_law(text: str, expected: list[str]) -> None:
    assert laws(text) == [(law, law) for law in expected]


# A quoted treaty's name gave no entity, or only its noun run's tail (「気候変動に関する
# 国際連合枠組条約」 gave 国際連合枠組条約): a quoted name ending in 条約 is a LAW whole
# when it is a phrase or has an unquoted name's shape; one ending in 協定, 議定書 or 憲章,
# which name agreements at home too, needs that shape, or Latin letters.
@pytest.mark.parametrize(("text", "expected"), [
    ("「気候変動に関する国際連合枠組条約」の締約国会議に参加した。",
     ["気候変動に関する国際連合枠組条約"]),                                      # 環境白書
    ("「たばこの規制に関する世界保健機関枠組条約」に基づき、受動喫煙対策を進めた。",
     ["たばこの規制に関する世界保健機関枠組条約"]),                              # 厚生労働白書
    ("「植物の新品種の保護に関する国際条約」（ＵＰＯＶ条約）に加盟している。",
     ["植物の新品種の保護に関する国際条約", "ＵＰＯＶ条約"]),                    # 農林水産白書
    ("「日本・シンガポール新時代経済連携協定」が発効した。",
     ["日本・シンガポール新時代経済連携協定"]),                                  # 通商白書
    ("「ＴＰＰ11協定」に署名した。", ["ＴＰＰ11協定"]),
    # an agreement at home, a kind in quotes
    ("県内の全市町村と「災害時応援協定」を締結した。", []),                       # 防災白書
    ("「経済連携協定」の交渉", []),
    ("「二国間条約」と「国際条約」の違い", []),   # kinds, quoted
    ("近隣県と「大規模災害時における相互応援に関する協定」を結んだ。", []),   # at home
])
def test_a_quoted_treaty_is_a_law(text: str, expected: list[str]) -> None:
    assert laws(text) == [(law, law) for law in expected]
