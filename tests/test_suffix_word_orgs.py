"""Where a body's name ending in an organisation word starts (``suffix_word_orgs``):
made-up sentences in the styles of other ministries' white papers."""

from __future__ import annotations

import pytest

from tests.test_entities import tag


# A name whose first name-like word is a common acronym lost the common nouns glued
# before it (生成ＡＩ委員会 gave ＡＩ委員会: the entity recall audit): they make a term
# with the acronym, and the name starts there; a generic head stays out (関係ＡＩ研究所).
@pytest.mark.parametrize(("text", "org"), [
    ("2023年９月には生成ＡＩ委員会が発足した。", "生成ＡＩ委員会"),                # 科学技術白書
    ("地域医療ＤＸ推進協議会が設立された。", "地域医療ＤＸ推進協議会"),            # 厚生労働白書
    ("農業ＩｏＴ推進協議会の会員が増えた。", "農業ＩｏＴ推進協議会"),              # 農林水産白書
    ("関係ＡＩ研究所と連携する。", "ＡＩ研究所"),
    ("国内のＡＩ研究所と連携する。", "ＡＩ研究所"),
])
def test_common_nouns_before_a_common_acronym_open_the_name(text: str, org: str) -> None:
    orgs = [mention for mention, label, _ in tag(text) if label == "ORG"]
    assert orgs == [org]
