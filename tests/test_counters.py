"""Counters decided from the word after the figure (UniDic), kinds, bare counts, spaces
inside printed figures and SI units (issue 15, item 2)."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.nlp.tokens import tokenize
from pipeline.tagging.counters import load_counters, unit_of
from pipeline.tagging.numerals import fold_width
from pipeline.tagging.quantities import find_numbers
from tests.conftest import structured

# Sentences quoted from registered chapters (checked against their paragraphs below).
QUOTED = {
    "st2024-1-2": {
        "params": "現在、パラメータ数が70億パラメータ（7Ｂ）、130億パラメータ（",
        "seconds": "キーワードから約６秒で日本語の文章を生成できる",
        "second_school": "「数理・データサイエンス・ＡＩ教育プログラム認定制度リテラシープラス」に"
                         "高専では２校目として選定されています",
    },
    "ict2023-4-1": {
        "operators": "2022年度における相談件数の上位5事業者は、",
        "minutes": "基本料及び平日12時に3分間通話した場合の市内通話料金",
    },
    "st2024-1-3": {
        "pounds": "英米両政府及び関係機関が用意した130万ポンド（160万ドル）が賞金として",
        "yuan": "ＡＩの中核産業の規模を１兆元超にするとともに",
    },
    "st2019-2-5": {
        "over": "平成30年度現在の立地施設数は140を超え、多様な研究活動等が展開されて",
        "tlo": "平成29年８月28日現在、35のＴＬＯが",
        "platforms": "特定の研究課題に取り組む164の研究開発プラットフォームが設立されている",
        "sbir": "関係７省（総務省、文部科学省、厚生労働省、農林水産省、経済産業省、国土交通省、"
                "環境省）で合計91の特定補助金等を指定し",
    },
}
SENTENCES = {key: text for chapter in QUOTED.values() for key, text in chapter.items()}


@pytest.mark.parametrize("chapter", sorted(QUOTED))
def test_quoted_sentences_are_in_the_chapters(chapter: str) -> None:
    texts = "\n".join(p["text"] for p in structured(chapter).paragraphs)
    assert [k for k, text in QUOTED[chapter].items() if text not in texts] == []


# (text, surface, value, unit, kind, modifier); made-up where no registered chapter has it
CASES = [
    (SENTENCES["params"], "70億パラメータ", 7e9, "パラメータ", "count", ""),
    (SENTENCES["params"], "130億パラメータ", 1.3e10, "パラメータ", "count", ""),
    (SENTENCES["seconds"], "約６秒", 6, "秒", "duration", ""),
    (SENTENCES["second_school"], "２校目", 2, "校", "ordinal", ""),
    (SENTENCES["operators"], "5事業者", 5, "事業者", "count", ""),
    (SENTENCES["minutes"], "3分間", 3, "分間", "duration", ""),
    (SENTENCES["over"], "140を超え", 140, "", "count", "超"),
    (SENTENCES["pounds"], "130万ポンド", 1.3e6, "ポンド", "money", ""),
    (SENTENCES["yuan"], "１兆元超", 1e12, "元", "money", "超"),
    (SENTENCES["tlo"], "35", 35, "", "count", ""),
    (SENTENCES["platforms"], "164", 164, "", "count", ""),
    (SENTENCES["sbir"], "91", 91, "", "count", ""),
    ("同社の製品は世界市場で１位となった。", "１位", 1, "位", "rank", ""),
    ("組合せは110通りの方法がある。", "110通り", 110, "通り", "count", ""),
    ("申請書は500字程度で記入する。", "500字程度", 500, "字", "count", ""),
    ("表の１行目に記入する。", "１行目", 1, "行", "ordinal", ""),
    ("通報から１分以内に出動する。", "１分以内", 1, "分", "duration", "以内"),
    ("今回が5回目の開催となる。", "5回目", 5, "回", "ordinal", ""),
    # 目 opening a word (目標) makes no ordinal (MAFF: the export target)
    ("輸出額1兆円目標を達成した。", "1兆円", 1_000_000_000_000, "円", "money", ""),
    ("申請から14日以内に通知する。", "14日以内", 14, "日", "duration", "以内"),
    ("面積は10k㎡に及ぶ。", "10k㎡", 10, "km2", "measure", ""),
    ("出力は10MWである。", "10MW", 10, "MW", "measure", ""),
    # radioactivity, dose and volume (MHLW, MAFF-style, read by hand)
    ("一般食品の基準値は100Bq/kgである。", "100Bq/kg", 100, "Bq/kg", "measure", ""),
    ("年間追加被ばく線量は1mSv以下とする。", "1mSv以下", 1, "mSv", "measure", "以下"),
    ("飲用牛乳の消費量は31.9Lである。", "31.9L", 31.9, "L", "measure", ""),
    ("原油換算で50万kLを削減した。", "50万kL", 500_000, "kL", "measure", ""),
    ("最大100Gbpsの通信速度", "100Gbps", 100, "Gbps", "measure", ""),
    # energy and mass units of energy and environment white papers (MOE/METI-style,
    # read by hand): joules with SI prefixes, watt-hours, kl as kL, mega- and gigatonnes
    ("一次エネルギー国内供給は約12,000PJであった。", "約12,000PJ", 12000, "PJ", "measure", ""),
    ("世界の一次エネルギー消費は約600EJである。", "約600EJ", 600, "EJ", "measure", ""),
    ("熱量は100TJに達した。", "100TJ", 100, "TJ", "measure", ""),
    ("原油換算で約1億5,000万klを削減した。", "約1億5,000万kl", 150_000_000, "kL", "measure", ""),
    ("発電電力量は10TWhである。", "10TWh", 10, "TWh", "measure", ""),
    ("発電量は5GWhとなった。", "5GWh", 5, "GWh", "measure", ""),
    ("蓄電容量は300MWhである。", "300MWh", 300, "MWh", "measure", ""),
    ("排出量は300Mtである。", "300Mt", 300, "Mt", "measure", ""),
    ("残余排出量は約500Gtとされる。", "約500Gt", 500, "Gt", "measure", ""),
    ("500mLのペットボトルを配布した。", "500mL", 500, "mL", "measure", ""),
    # an emission factor is CO2 per kWh, not kilograms of anything; oil equivalents, gas
    # volumes, air pressure and noise (MOE/JMA-style, read by hand)
    ("排出係数は0.441kg-CO2/kWhである。", "0.441kg-CO2/kWh", 0.441, "kg-CO2/kWh", "measure", ""),
    ("排出係数は441g-CO2/kWhである。", "441g-CO2/kWh", 441, "g-CO2/kWh", "measure", ""),
    ("世界の排出量は約35GtCO2である。", "約35GtCO2", 35, "Gt-CO2", "measure", ""),
    ("一次エネルギー消費は約400Mtoeである。", "約400Mtoe", 400, "Mtoe", "measure", ""),
    ("水素供給量は300万Nm3である。", "300万Nm3", 3_000_000, "Nm3", "measure", ""),
    ("台風の中心気圧は950hPaであった。", "950hPa", 950, "hPa", "measure", ""),
    ("夜間の騒音は55dB以下とする。", "55dB以下", 55, "dB", "measure", "以下"),
    ("基地局数は2.1 万局となった。", "2.1 万局", 21000, "局", "count", ""),
    # 箇 counters in every spelling: か年 is a span of years, ヵ月 of months
    ("第3次5か年計画を策定した。", "5か年", 5, "か年", "duration", ""),
    ("計画期間は5カ年である。", "5カ年", 5, "か年", "duration", ""),
    ("工事は5ヵ月で完了した。", "5ヵ月", 5, "か月", "duration", ""),
    ("全国3ケ所に設置した。", "3ケ所", 3, "か所", "count", ""),
    ("100種以上の植物が自生する。", "100種以上", 100, "種", "count", "以上"),   # no class
    ("工事は3か月間で完了した。", "3か月間", 3, "か月", "duration", ""),
    ("成長率は2四半期連続でプラスとなった。", "2四半期", 2, "四半期", "duration", ""),
    # 第 makes a label (第1節), but 第N位 is a rank as N位 is
    ("日本は世界第3位である。", "第3位", 3, "位", "rank", ""),
    ("売上高は第１位となった。", "第１位", 1, "位", "rank", ""),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "kind", "modifier"), CASES)
def test_counter_kind_and_value(text: str, surface: str, value: float, unit: str, kind: str,
                                modifier: str) -> None:
    found = [m for m in find_numbers(text) if m.surface == surface]
    assert len(found) == 1, [m.surface for m in find_numbers(text)]
    mention = found[0]
    assert text[mention.start:mention.end] == surface
    assert mention.value == pytest.approx(value)
    assert (mention.unit, mention.kind, mention.modifier) == (unit, kind, modifier)


# Made-up sentences whose counter is in no row of counters.tsv, but UniDic tags it as a
# counter (名詞-普通名詞-助数詞可能, 接尾辞-名詞的-助数詞) or a noun suffix.
UNLISTED = [
    ("新たに倉庫を5棟建設した。", "5棟", "棟"),
    ("資料を6冊刊行した。", "6冊", "冊"),
    ("牧場では4頭を飼育している。", "4頭", "頭"),
    ("ポスターを2枚掲示した。", "2枚", "枚"),
    ("商店街の9軒が参加した。", "9軒", "軒"),
    ("計算の手順は12通りある。", "12通り", "通り"),
]


@pytest.mark.parametrize(("text", "surface", "unit"), UNLISTED)
def test_a_counter_no_row_lists_still_makes_a_quantity(text: str, surface: str,
                                                       unit: str) -> None:
    assert fold_width(unit) not in unit_of()            # really not listed
    after = [t for t in tokenize(text) if t.text == unit]
    assert after and (after[0].tag.startswith("接尾辞-名詞的")
                      or after[0].tag.endswith("助数詞可能"))   # UniDic knows it
    assert [(m.surface, m.unit, m.kind) for m in find_numbers(text)] == \
        [(surface, unicodedata.normalize("NFKC", unit), "count")]


@pytest.mark.parametrize(("text", "forbidden"), [
    ("対応は十分な水準にある。", "十"),          # 十分 (enough) is one word
    ("全体の3分の1を占める。", "3"),            # a fraction, not 3 minutes
    ("平成10年法律第52号", "10"),               # a law's year
    ("第3次計画の成績", "3"),                   # 第N: a label, never a count (第3位: a rank)
    ("情報通信産業1の名目国内生産額", "1"),      # a footnote marker after a word, not 1の
    ("資料を6冊等", "等"),                      # 等 is no unit
    ("令和元年度に二元体制を敷いた。", "元"),     # 元 is a counter only after a figure
    ("毎月5日に公表する。", "5"),               # a day of the month, not 5 days
    ("2型糖尿病の患者が増えている。", "2"),      # a type is a label
    ("3LDKの住宅を供給した。", "3"),             # L before more Latin letters: no litres
    ("新型コロナは5類に移行した。", "5"),        # a class is a label
    ("1級河川の管理を行う。", "1"),              # a class of the noun glued after it
    ("2級建築士の資格を取得した。", "2"),
    # a grade is a label, no rank nor count (mlit2023-1-1 p1076: road classes)
    ("第1種3、4級及び第2種は0.5mとする。", "4級"),
    ("障害基礎年金の額は、1級が月額8万2,812円である。", "1級"),
    ("障害等級2級以上の者が対象となる。", "2級以上"),
    # a calendar year, as against a fiscal year, is a date (MAFF/METI-style, by hand)
    ("2022暦年の輸出額を集計した。", "2022"),
    ("22暦年の輸出額を集計した。", "22"),
])
def test_not_counts(text: str, forbidden: str) -> None:
    start = text.index(forbidden)
    end = start + len(forbidden)
    hits = [m for m in find_numbers(text) if m.start < end and start < m.end]
    assert all(forbidden not in m.unit for m in hits) and (
        forbidden == "等" or hits == []), [(m.surface, m.unit) for m in hits]


def test_bare_counts_name_what_they_count() -> None:
    measures = {m.surface: m.measure for text in SENTENCES.values() for m in find_numbers(text)}
    assert measures["35"] == "TLO"
    assert measures["164"] == "研究開発プラットフォーム"
    assert measures["91"] == "特定補助金等"
    assert measures["140を超え"] == "立地施設数"


def test_every_counter_row_is_well_formed() -> None:
    rows = load_counters()
    assert {"位", "分", "等", "目", "年"} <= {c.surface for c in rows}
    assert all(c.source and c.match in ("text", "token") for c in rows)
    kinds = {c.category for c in rows}
    assert kinds <= {"percent", "point", "ratio", "money", "count", "duration", "measure",
                     "rank", "ordinal", "not_counter", "ordinal_mark"}


@pytest.mark.parametrize(("text", "rows"), [
    # 度 counts times: a typhoon that landed twice is no 2 degrees
    ("台風が2度にわたり上陸した。", [("2度", 2, "回", "count")]),
    ("台風が二度にわたり上陸した。", [("二度", 2, "回", "count")]),
    ("3度目の緊急事態宣言が発出された。", [("3度目", 3, "回", "ordinal")]),
    ("2度も延期された。", [("2度", 2, "回", "count")]),
    ("同様の災害が3度続けて発生した。", [("3度", 3, "回", "count")]),
    # once in so many years: a frequency, 回 per those years, never 1 degree (MOE/JMA
    # style, read by hand); a year's date before に makes none
    ("100年に1度の大災害となった。", [("1度", 1, "回/100年", "count")]),
    ("10年に1度の大雨が降った。", [("1度", 1, "回/10年", "count")]),
    ("2010年に1度改正された。", [("1度", 1, "回", "count")]),
    # so many times a span with に: a frequency as 年2回 is (not その年に: that year)
    ("会議は年に2度開催される。", [("2度", 2, "回/年", "count")]),
    ("設備は月に1度点検する。", [("1度", 1, "回/月", "count")]),
    ("その年に2度改正された。", [("2度", 2, "回", "count")]),
    # degrees: a temperature or an angle before, a change of level after, a decimal
    ("気温が2度上昇した。", [("2度上昇", 2, "度", "measure")]),
    ("気温が2度も上昇した。", [("2度", 2, "度", "measure")]),
    ("東経135度付近を通過した。", [("135度", 135, "度", "measure")]),
    ("平年より3度高い日が続いた。", [("3度高", 3, "度", "measure")]),   # higher by: 増
    ("上昇を1.5度に抑える。", [("1.5度", 1.5, "度", "measure")]),
    # neither: no row, rather than a wrong unit
    ("震度7の揺れを2度観測した。", []),
])
def test_do_is_degrees_or_times_as_the_sentence_says(
        text: str, rows: list[tuple[str, float, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.kind) for m in find_numbers(text)
            if "度" in m.surface] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # a floor is a place in an order, not a count of floors; storeys are a count
    ("庁舎の3階に設置した。", [("3階", 3, "階", "ordinal")]),
    ("地下2階の倉庫が浸水した。", [("2階", 2, "階", "ordinal")]),
    ("10階建てのビルが倒壊した。", [("10階建て", 10, "階建て", "count")]),
    # a year of a course in order, and a listed unit takes no suffix after it (st2024-1-3
    # p0285 read 学部２年次末 as a count of 2 年次末)
    ("学部２年次末の進路選択の際に", [("２年次", 2, "年次", "ordinal")]),
    ("大学3年次に編入した。", [("3年次", 3, "年次", "ordinal")]),
])
def test_a_floor_is_an_ordinal_and_storeys_a_count(
        text: str, rows: list[tuple[str, float, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.kind) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # 個 before a common noun counts that noun: nine divisions, not nine pieces
    ("陸上自衛隊は9個師団、6個旅団で構成される。", [("9個師団", 9, "個師団"), ("6個旅団", 6, "個旅団")]),
    # a suffix, a bound or a verbal noun after 個 leaves it alone
    ("5個入りの箱を配布した。", [("5個", 5, "個")]),
    ("10個程度を用意した。", [("10個程度", 10, "個")]),
    ("部品を100個用意した。", [("100個", 100, "個")]),
])
def test_ko_before_a_noun_counts_that_noun(text: str,
                                           rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surface", "unit"), [
    # a noun UniDic makes a verbal noun, counted by the count noun before it (MAFF-style:
    # 中山間地域等直接支払制度, read by hand)
    ("中山間地域等直接支払制度の協定数は2万4,000協定である。", "2万4,000協定", "協定"),
])
def test_a_noun_its_count_names_is_the_unit(text: str, surface: str, unit: str) -> None:
    assert [(m.surface, m.unit) for m in find_numbers(text)] == [(surface, unit)]
