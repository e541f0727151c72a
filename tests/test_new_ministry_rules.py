"""The general rules mended after the new-ministry audit (test_new_ministry_audit), on
made-up sentences of other ministries, with cases that must not change: a digit a
chemical formula ends in is no footnote marker; long forms over 多様|性 and katakana
adjectival nouns; より before 引き上げ/下回 a comparison, 10月分から an open period;
quoted 方針/大綱 policies; the unit トンCO2."""

from __future__ import annotations

import pytest

from pipeline.structure.footnotes import is_marker_at
from pipeline.tables.values import header_unit
from pipeline.tagging.dates import find_dates
from pipeline.tagging.entities.acronyms import find_acronym_pairs
from pipeline.tagging.entities.name_patterns import find_quoted


@pytest.mark.parametrize(("text", "at", "marker"), [
    ("（単位：百万トンCO2）", 9, False),             # 環境白書's unit line
    ("排出量は12億トンCO2であった", 10, False),
    ("0.441kg-CO2/kWh", 10, False),
    ("メタン（CH4）や一酸化二窒素（N2O）", 6, False),
    ("一酸化二窒素（N2O）", 8, False),
    ("排出量はＣＯ２換算で", 6, False),               # full-width
    ("GtCO2の排出", 4, False),
    ("技術移転機関（ＴＬＯ1）における", 10, True),       # an acronym's footnote marker stays one
    ("英国科学・イノベーション・技術省（ＤＳＩＴ1）", 21, True),
    ("気候変動に関する政府間パネル（ＩＰＣＣ2）の", 19, True),
    ("XCO2を", 3, True),                             # no lowercase prefix: a word XCO and 2
])
def test_a_digit_a_formula_ends_in_is_no_marker(text: str, at: int, marker: bool) -> None:
    assert is_marker_at(text, at, text[at]) is marker


@pytest.mark.parametrize(("text", "pairs"), [
    ("カナダのモントリオールで開催された生物多様性条約第15回締約国会議（ＣＯＰ15）において",
     [("ＣＯＰ15", "生物多様性条約第15回締約国会議")]),
    ("パリ協定の下で初めてとなるグローバル・ストックテイク（ＧＳＴ）が実施された",
     [("ＧＳＴ", "グローバル・ストックテイク")]),
    ("政府は、デジタル・トランスフォーメーション（ＤＸ）を推進している",    # 経済産業省
     [("ＤＸ", "デジタル・トランスフォーメーション")]),
    ("持続可能な開発目標（ＳＤＧｓ）の達成に向けて", [("ＳＤＧｓ", "持続可能な開発目標")]),
    ("自由で開かれたインド太平洋（ＦＯＩＰ）の実現", []),     # a clause's tail defines nothing
])
def test_long_forms(text: str, pairs: list[tuple[str, str]]) -> None:
    assert [(p.acronym, p.long_form) for p in find_acronym_pairs(text)] == pairs


@pytest.mark.parametrize(("text", "found"), [
    ("平成30年7月1日より43円引き上げられた", [("平成30年7月1日", None)]),        # a base
    ("平成30年7月1日より0.5ポイント引き下げた", [("平成30年7月1日", None)]),
    ("令和4年より1.2ポイント上回った", [("令和4年", None)]),
    ("令和4年より3件下回った", [("令和4年", None)]),
    ("令和6年10月分から所得制限を撤廃する", [("令和6年10月分から", "since")]),    # 厚生労働省
    ("2023年分以降の所得に適用する", [("2023年分以降", "since")]),           # 国税庁
    ("平成28年度より実施している", [("平成28年度より", "since")]),            # unchanged
    ("令和2年4月より10社で導入", [("令和2年4月より", "since")]),
    ("令和5年4月分の給与", [("令和5年4月", None)]),
])
def test_dates_before_a_change_and_a_months_portion(
        text: str, found: list[tuple[str, str | None]]) -> None:
    assert [(d.surface, d.role) for d in find_dates(text)] == found


@pytest.mark.parametrize(("text", "name"), [
    ("政府は、「経済財政運営と改革の基本方針2023」（令和5年6月16日閣議決定）において",
     "経済財政運営と改革の基本方針2023"),
    ("「少子化社会対策大綱」（令和2年5月閣議決定）に基づき", "少子化社会対策大綱"),   # 内閣府
    ("「防衛計画の大綱」に基づき", "防衛計画の大綱"),                            # 防衛省
])
def test_quoted_policies_are_programmes(text: str, name: str) -> None:
    assert [(m.label, m.canonical) for m in find_quoted(text)] == [("PROGRAM", name)]


@pytest.mark.parametrize(("unit", "column_unit"), [
    ("（単位：百万トンCO2）", "百万トンCO2"), ("（単位：万トン-CO2）", "万トン-CO2"),
    ("（単位：千t-CO2）", "千t-CO2"), ("（単位：百万トン）", "百万トン"),
])
def test_tonnes_of_co2_head_a_column(unit: str, column_unit: str) -> None:
    assert header_unit(unit) == column_unit
