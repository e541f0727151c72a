"""numbers, general causes found by the new-ministry audit (tests/test_new_ministry_audit.py:
a made-up 厚生労働白書 and 環境白書 chapter), each shown on made-up sentences of yet other
ministries (MAFF, METI, MOD, MLIT) with negatives that must not change."""

from __future__ import annotations

import pytest

from pipeline.nlp import extensions
from pipeline.tagging.quantities import find_numbers
from pipeline.tagging.stage import tag_docs
from tests.test_figure_periods import periods
from tests.test_measures import _nlp, paragraph_measures


def figures(text: str) -> dict[str, tuple[str, str, str, str | None]]:
    """surface → (unit, modifier, measure, period_start) of one sentence's figures."""
    return {n.surface: (n.unit, n.modifier, n.measure, n.period_start)
            for n in find_numbers(text)}


# A list's measure is announced by the last sentence before it with a figure or a frame:
# a sentence that only explains the figures before (これは、…による) is read past.
@pytest.mark.parametrize(("text", "expected"), [
    # 農林水産 (MAFF)
    ("部門別にみると、畜産の産出額は3兆4,000億円で、前年に比べ2.1％増加した。これは、飼料価格の"
     "上昇を販売価格に転嫁したことによるものである。一方、野菜は2兆2,000億円で、前年に比べ1.5％"
     "減少した。",
     {"2兆2,000億円": ("産出額", "low"), "1.5％減少": ("産出額", "low")}),
    # 経済産業 (METI)
    ("業種別にみると、製造業の設備投資額は18兆円であった。これは、半導体関連の投資が増えたため"
     "である。一方、非製造業は30兆円であった。",
     {"30兆円": ("設備投資額", "low")}),
    # negative: more than two sentences of no figure between: the entity is kept
    ("輸出額は100兆円であった。これは円安による。この傾向は続いている。さらに続く見込みである。"
     "一方、米国は20兆円である。",
     {"20兆円": ("米国", "high")}),
])
def test_a_list_reads_past_a_sentence_that_explains(
        text: str, expected: dict[str, tuple[str, str]]) -> None:
    found = paragraph_measures(text)
    assert {surface: found.get(surface) for surface in expected} == expected


# A figure in brackets after a share takes the share's measure only when it can be a
# share: an area or a count is of the noun the share is of, or of nothing named.
@pytest.mark.parametrize(("text", "surface", "measure"), [
    ("スマート農業の実施面積の割合を50％（約200万ha）に拡大する。", "約200万ha", "実施面積"),
    ("スマート農業の実施面積の割合を50％（約200万ha）に拡大する。", "50％", "割合"),
    # MLIT: the share is of vehicles (電動車, no measure noun): none rather than 割合
    ("自動車保有台数に占める電動車の割合を2030年に50％（約400万台）とする。", "約400万台", ""),
    # negative: a change in percent of an amount keeps the amount's measure
    ("農業産出額は9兆円で、前年に比べ1,631億円（1.8％）増加した。", "1.8％", "農業産出額"),
])
def test_a_share_measures_no_amount_in_brackets(text: str, surface: str, measure: str) -> None:
    assert figures(text)[surface][2] == measure


@pytest.mark.parametrize(("text", "surface", "period"), [
    # MOD: 1952年以来72年ぶりに is the last time, not the period
    ("2024年度の防衛関係費は7兆9,496億円となり、1952年以来72年ぶりに7兆円を超えた。",
     "7兆円を超え", "2024-04-01"),
    # MLIT: the date's figure a change goes under is the base; that figure keeps its date
    ("2023年の訪日外国人旅行者数は2,507万人で、2019年の3,188万人を681万人下回った。",
     "681万人下回", "2023-01-01"),
    ("2023年の訪日外国人旅行者数は2,507万人で、2019年の3,188万人を681万人下回った。",
     "3,188万人", "2019-01-01"),
    # negative: a change since a date with no ぶり is still open from it
    ("港湾の取扱貨物量は2010年以来、約3割増加した。", "約3割増加", "2010-01-01"),
])
def test_a_last_time_or_an_exceeded_figure_is_a_base(text: str, surface: str,
                                                     period: str) -> None:
    assert figures(text)[surface][3] == period


def test_prefectures_but_one_are_one_counter() -> None:
    found = figures("全国の46都府県で実施され、36道府県103市町村が計画を策定した。")
    assert [(s, v[0]) for s, v in found.items()] == [
        ("46都府県", "都府県"), ("36道府県", "道府県"), ("103市町村", "市町村")]
    assert found["103市町村"][2] == ""   # not the counter before it (府県)


@pytest.mark.parametrize("text", ["（単位：百万円）", "（単位：千万トン）", "（単位：百万トンCO2）"])
def test_a_unit_lines_scale_is_no_figure(text: str) -> None:
    assert figures(text) == {}


def test_an_approximate_scale_is_still_a_figure() -> None:
    assert figures("約百万人が来場した。")["約百万人"][0] == "人"


@pytest.mark.parametrize(("text", "surface", "modifier"), [
    # MOE-style targets of METI and MLIT: each item its own deadline, one verb
    ("温室効果ガス排出量を2030年度までに46％、2050年までに100％削減する。", "46％", "減"),
    ("国際線の旅客数を2025年までに20％、2030年までに40％増加させる。", "20％", "増"),
    # negatives: a time that is no deadline, and a level before a comparison
    ("売上高は2022年に30億円、2023年に5億円増加した。", "30億円", ""),
    ("シェアは30％、前年比5％増となった。", "30％", ""),
])
def test_a_change_after_a_list_of_deadlines_is_each_items(text: str, surface: str,
                                                          modifier: str) -> None:
    assert figures(text)[surface][1] == modifier


def titled_measures(text: str, title: str) -> dict[str, tuple[str, str]]:
    """surface → (measure, measure_confidence) of a body paragraph in a section titled
    ``title``, tagged as the stage does."""
    extensions.register()
    doc = _nlp()(text)
    extensions.set_doc_value(doc, "para_id", "p0001")
    numbers, _ = tag_docs([doc], "made-up", kinds={"p0001": "body"},
                          titles={"p0001": title})
    return {n["surface"]: (n["measure"], n["measure_confidence"]) for n in numbers}


# A breakdown's items after two measures of their unit in the paragraph: the one the
# section's title names, else neither (the item is kept, low, as before)
BREAKDOWN = ("設備稼働率は75.2％となった。在庫率は98.1％であった。地域別（工場所在地別）にみると、"
             "関東が78.0％で最も高く、九州が70.3％で最も低かった。")


@pytest.mark.parametrize(("text", "title", "expected"), [
    # 経済産業 (METI): the title names one of the two rates
    (BREAKDOWN, "設備稼働率の動向", {"78.0％": ("設備稼働率", "low"),
                                  "70.3％": ("設備稼働率", "low")}),
    # negative: a title naming neither; the sentence before alone would have given 在庫率
    (BREAKDOWN, "生産活動の動向", {"78.0％": ("関東", "low")}),
    # 国土交通 (MLIT): one measure in the unit before, the title not needed
    ("2023年の空き家数は900万戸であった。都道府県別にみると、東京都が90万戸で最も多い。",
     "住宅ストックの現状", {"90万戸": ("空き家数", "low")}),
])
def test_a_breakdown_after_two_measures_takes_the_titles(
        text: str, title: str, expected: dict[str, tuple[str, str]]) -> None:
    found = titled_measures(text, title)
    assert {surface: found.get(surface) for surface in expected} == expected


# The noun before a bracket that holds the figure before names the figure after the
# bracket too; a list of targets, each with its own deadline, shares one measure.
@pytest.mark.parametrize(("text", "surface", "measure"), [
    # 防衛 (MOD)
    ("防衛関係費（令和5年度6兆8,219億円）を令和9年度までに8兆9,000億円とする。",
     "8兆9,000億円", "防衛関係費"),
    # 農林水産 (MAFF)
    ("新規就農者数（2022年4万5,840人）は、前年に比べ6.6％減少した。", "6.6％減少", "新規就農者数"),
    # 国土交通 (MLIT): targets with deadlines
    ("道路の整備率（令和4年度末58％）を令和7年度までに70％、令和12年度までに80％に引き上げる。",
     "70％", "整備率"),
    ("道路の整備率（令和4年度末58％）を令和7年度までに70％、令和12年度までに80％に引き上げる。",
     "80％", "整備率"),
    # 経済産業 (METI): a bound in the bracket (a class) and a word of reckoning before
    ("製造業の賃金（従業員30人以上）は月平均35万円となった。", "35万円", "賃金"),
    # negative: a time that is no deadline leaves the next figure unnamed
    ("国内線の旅客数は2022年に8,000万人（前年比60％増）、2023年に1億人となった。", "1億人", ""),
])
def test_a_noun_before_a_bracket_and_a_list_of_deadlines(text: str, surface: str,
                                                          measure: str) -> None:
    assert figures(text)[surface][2] == measure


# Items a superlative opens (最も高い東京都は) after an aggregate ``AのX`` (an average,
# a total: measure_aggregate_heads.tsv) measure A, each item's own, not the aggregate
@pytest.mark.parametrize(("text", "expected"), [
    # 国土交通 (MLIT)
    ("2023年の住宅地の公示価格の全国平均額は13万円であった。最も高い東京都は40万円、"
     "最も低い秋田県は1万円である。",
     {"40万円": ("公示価格", "low"), "1万円": ("公示価格", "low")}),
    # negative: the noun before の names no measure (地価): the items are kept, not taken
    # for the average
    ("2023年の住宅地の地価の全国平均額は13万円であった。最も高い東京都は40万円である。",
     {"40万円": ("東京都", "high")}),
    # 農林水産 (MAFF): no aggregate, the measure before as it is
    ("米の作付面積は130万haであった。最も多い新潟県は12万ha、最も少ない東京都は100haである。",
     {"12万ha": ("作付面積", "low"), "100ha": ("作付面積", "low")}),
    # negative: an aggregate with no measure noun before it (全国平均) announces nothing
    ("2023年の平均賃金の全国平均は31万円であった。最も高い東京都は37万円である。",
     {"37万円": ("東京都", "high")}),
])
def test_items_after_an_aggregate_measure_what_it_aggregates(
        text: str, expected: dict[str, tuple[str, str]]) -> None:
    found = paragraph_measures(text)
    assert {surface: found.get(surface) for surface in expected} == expected


# A paragraph's date carries to its later sentences when a clause naming the source
# opens its sentence (…によると、2023年の), past a record (過去最低) and a last time (N年ぶり)
@pytest.mark.parametrize(("text", "surface", "start", "basis"), [
    # 農林水産 (MAFF): a source clause before the framing date
    ("農林水産省「農林業センサス」によると、2020年の農業経営体数は107万6千経営体であった。"
     "このうち、団体経営体は3万8千経営体であった。", "3万8千経営体", "2020-01-01", "paragraph"),
    # 経済産業 (METI): a record in the later sentence is no other time
    ("2023年の輸出額は100兆8,738億円であった。自動車は17兆円で、過去最高となった。",
     "17兆円", "2023-01-01", "paragraph"),
    # 防衛 (MOD): a last time beside the frame sets no period
    ("2023年度の緊急発進回数は669回で、2013年度以来10年ぶりに700回を下回った。このうち、"
     "中国機に対するものは479回であった。", "479回", "2023-04-01", "paragraph"),
    # negatives: another time (過去5年間) still stops the carry; a source clause that is
    # no frame's opener (…を見ると) does not make one
    ("2023年の輸出額は100兆円であった。自動車は過去5年間で17兆円増えた。",
     "17兆円増", None, None),
    ("統計を見ると、2023年の輸出額は100兆円であった。自動車は17兆円であった。",
     "17兆円", None, None),
])
def test_a_paragraphs_date_carries_past_a_source_a_record_and_a_last_time(
        text: str, surface: str, start: str | None, basis: str | None) -> None:
    found = periods(text)[surface]
    assert (found[0], found[2]) == (start, basis)


# A decimal with no unit given for an item of a breakdown is a value when the sentence
# before names its measure (合計特殊出生率は1.20。都道府県別にみると、沖縄県が1.60)
@pytest.mark.parametrize(("text", "kind", "expected"), [
    # 農林水産 (MAFF)
    ("2023年の耕地利用率は91.4であった。都道府県別にみると、佐賀県が131.9で最も高く、東京都が"
     "78.4で最も低かった。", "body",
     {"131.9": ("耕地利用率", "low"), "78.4": ("耕地利用率", "low")}),
    # 経済産業 (METI)
    ("2021年の所得のジニ係数は0.38であった。地域別にみると、関東が0.40で最も高く、北陸が0.33で"
     "最も低かった。", "body", {"0.40": ("ジニ係数", "low")}),
    # negatives: no measure named before (no row), and no carry outside running text
    ("港湾別にみると、横浜港が1.32で最も高い。", "body", {"1.32": None}),
    ("2021年の所得のジニ係数は0.38であった。地域別にみると、関東が0.40で最も高い。",
     "figure_text", {"0.40": None}),
])
def test_a_breakdowns_decimals_take_the_measure_named_before(
        text: str, kind: str, expected: dict[str, tuple[str, str] | None]) -> None:
    found = paragraph_measures(text, kind)
    assert {surface: found.get(surface) for surface in expected} == expected


# After a word of a total (計, 合計: measure_total_words.tsv) a verbal noun glued to the
# figure is what it counts
@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("地方公共団体から計45提案が採択された。", "45提案", "提案"),            # 国土交通 (MLIT)
    ("全国の農業者団体から合計120申請があった。", "120申請", "申請"),        # 農林水産 (MAFF)
    ("計3回実施した。", "3回", "回"),                                  # a counter, as before
])
def test_a_total_counts_the_verbal_noun_glued_to_it(text: str, surface: str, unit: str) -> None:
    assert figures(text)[surface][0] == unit


def test_a_verbal_noun_after_a_bare_figure_is_no_counter() -> None:
    assert figures("45提案が採択された。") == {}
