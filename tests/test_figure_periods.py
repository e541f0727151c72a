"""The period a figure refers to (pipeline/tagging/figure_periods.py), hand-checked on
made-up sentences of other ministries' white papers: each expectation was read off the
sentence by hand."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from spacy.language import Language

from pipeline.nlp import extensions
from pipeline.nlp.tokenizer import make_nlp
from pipeline.tagging.dates import find_dates
from pipeline.tagging.figure_periods import undated_between
from pipeline.tagging.quantities import find_numbers
from pipeline.tagging.stage import tag_docs


def period_of(text: str, surface: str) -> tuple[str | None, str | None]:
    (number,) = [n for n in find_numbers(text) if n.surface == surface]
    return number.period_start, number.period_end


UNDATED = [
    # 4月 after 令和5年10月 may be April 2024 or no year at all: the figure is of that
    # April, which the date rules could not date, so it has no period (not October 2023)
    ("令和5年10月に運用を開始し、4月の利用者数は約3万人となった。", "約3万人", (None, None)),
    # a day of a month the date rules could not date, and a time of the same day
    ("令和5年12月に警報を出したが、1月1日の地震で約2,000棟が被害を受けた。", "約2,000棟",
     (None, None)),
    ("同日16時12分にマグニチュード5.7の地震が発生し、約300件の通報があった。", "約300件",
     (None, None)),
    # the as-of day after the figure is not its when an undated day stands between: the
    # peak was of 1月4日 (was 2024-05-28)
    ("避難者は最大約3万人（1月4日）に達したが、約3,000人に減少した（2024年5月28日現在）。",
     "約3万人", (None, None)),
    ("避難者は約3万人に達したが、約3,000人に減少した（2024年5月28日現在）。",
     "約3万人", ("2024-05-28", "2024-05-28")),
    # a month the date rules dated (十二月 of 2023) is no gap: the figure is of it
    ("2023年には、十二月に約3万人が来場した。", "約3万人", ("2023-12-01", "2023-12-31")),
    # nothing between the date and the figure
    ("令和4年度の農業産出額は9兆円であった。", "9兆円", ("2022-04-01", "2023-03-31")),
]


@pytest.mark.parametrize(("text", "surface", "period"), UNDATED)
def test_an_undated_month_or_day_between_leaves_no_period(
        text: str, surface: str, period: tuple[str | None, str | None]) -> None:
    assert period_of(text, surface) == period


def test_undated_between_reads_the_date_rules_months_and_days() -> None:
    text = "令和5年10月に運用を開始し、4月の利用者数は約3万人となった。"
    dates = find_dates(text)
    assert undated_between(text, dates[0].end, text.index("約3万人"), dates)
    assert not undated_between(text, 0, dates[0].start, dates)
    # a month of every year (例年) is no one moment
    assert not undated_between("例年、8月から増え始め、", 0, 10, [])


# A date in a bracket that closes before the figure and holds a figure of its own is that
# figure's year (ict2023-4-1 p0037, read by hand: Japan's 2021 count is third, after
# China's of 2020 and the US's of 2019); a bracket of a date alone dates what follows.
ASIDES = [
    ("日本の研究者数は2021年において69.0万人であり、中国（2020年：228.1万人）、"
     "米国（2019年：158.6万人）に次ぐ第3位の研究者数の規模である。", "第3位",
     ("2021-01-01", "2021-12-31")),
    ("中国（2020年：228.1万人）に次ぐ第2位である。", "第2位", (None, None)),
    ("中国（2020年：228.1万人）が最も多い。", "228.1万人", ("2020-01-01", "2020-12-31")),
    ("総務省「通信利用動向調査」（2023年）によると、利用者は約8割である。", "約8割",
     ("2023-01-01", "2023-12-31")),
]


@pytest.mark.parametrize(("text", "surface", "period"), ASIDES)
def test_a_date_in_an_aside_with_its_own_figure_is_not_the_next_figures(
        text: str, surface: str, period: tuple[str | None, str | None]) -> None:
    assert period_of(text, surface) == period


# A date inside a clause a contrastive conjunction closes before the figure is that
# clause's time; the figure, said against it, takes no period from it (read by hand).
CONTRASTED = [
    # bousai2024-t2-1 p0095: the movement was observed from 2020-12 on, the 1.3m uplift
    # came with the quake (was 2020-12-01, open)
    ("地殻変動は、令和2年12月頃から観測されていたが、本地震の発生に伴って、国土地理院の"
     "電子基準点により、輪島2観測点で2.0m程度の南西方向への変動、1.3m程度の隆起が見られる"
     "など、能登半島を中心に大きな地殻変動が見られた。", "1.3m程度", (None, None)),
    # made-up (経済財政白書 style): ものの closes the clause of the earlier year
    ("輸出は、2019年に減少したものの、足下では約3割増加している。", "約3割増加",
     (None, None)),
    # a date opening the sentence frames both clauses: kept
    ("令和4年度の売上高は減少したが、営業利益は100億円と過去最高となった。", "100億円",
     ("2022-04-01", "2023-03-31")),
    # ict2023-4-1 p0117: an as-of year frames both clauses of the contrast: kept
    ("GSMA Intelligenceによると、2023年時点でOpen RANを商業的に展開している通信事業者は"
     "18社であるが、80社以上の通信事業者が関心を示している", "80社以上",
     ("2023-01-01", "2023-12-31")),
    # が after a noun is the subject's, no contrast: kept
    ("件数は、2022年の調査で、回答企業が、約8割であった。", "約8割",
     ("2022-01-01", "2022-12-31")),
]


@pytest.mark.parametrize(("text", "surface", "period"), CONTRASTED)
def test_a_date_of_a_contrasted_clause_is_not_the_figures(
        text: str, surface: str, period: tuple[str | None, str | None]) -> None:
    assert period_of(text, surface) == period


# --------------------------------------------------------------------------- a paragraph

@cache
def _nlp() -> Language:
    return make_nlp()


def tag_paragraph(text: str, kind: str = "body") -> list[dict[str, Any]]:
    extensions.register()
    doc = _nlp()(text)
    extensions.set_doc_value(doc, "para_id", "p0001")
    numbers, _ = tag_docs([doc], "made-up", kinds={"p0001": kind})
    return numbers


def periods(text: str, kind: str = "body") -> dict[str, tuple[Any, Any, Any]]:
    return {n["surface"]: (n["period_start"], n["period_end"], n.get("period_basis"))
            for n in tag_paragraph(text, kind)}


FY2022 = ("2022-04-01", "2023-03-31")
Y2022 = ("2022-01-01", "2022-12-31")
Y2020 = ("2020-01-01", "2020-12-31")

# Made-up paragraphs of other ministries, each figure's period read by hand: (paragraph,
# {surface: (period_start, period_end, period_basis)})
CARRIED: list[tuple[str, dict[str, tuple[Any, Any, Any]]]] = [
    # 厚生労働: a fiscal year framing the paragraph's first sentence dates the next one's
    ("令和4年度の生活保護の状況は次のとおりである。被保護実人員は約202万人、保護率は1.62％と"
     "なっている。",
     {"約202万人": (*FY2022, "paragraph"), "1.62％": (*FY2022, "paragraph")}),
    # 農林水産: a year; the sentence's own figure keeps its sentence's period
    ("2022年の農業総産出額は9兆円であった。このうち、畜産は3.5兆円、野菜は2.2兆円となっている。",
     {"9兆円": (*Y2022, "sentence"), "3.5兆円": (*Y2022, "paragraph"),
      "2.2兆円": (*Y2022, "paragraph")}),
    # 経済産業: the end of a fiscal year (a stock counted at that day), after また
    ("令和3年度末の中小企業数は約336万者である。また、従業者数は約3,300万人となっている。",
     {"約336万者": ("2022-03-31", "2022-03-31", "sentence"),
      "約3,300万人": ("2022-03-31", "2022-03-31", "paragraph")}),
    # 環境: a comparison base sets no period: the decrease is FY2021's (as 2021年度は2013年度
    # 比で20.3%減 in one sentence)
    ("2021年度の温室効果ガス排出量は11億7,000万トンであった。これは2013年度比で20.3%の減少"
     "である。",
     {"11億7,000万トン": ("2021-04-01", "2022-03-31", "sentence"),
      "20.3%の減少": ("2021-04-01", "2022-03-31", "paragraph")}),
    # 厚生労働: a relative date inside a sentence (前年の1.30) stays in the paragraph's year,
    # and so does a base (前年度と比べて)
    ("令和4年の人口動態統計によると、出生数は77万759人で、前年より4万875人減少した。合計特殊"
     "出生率は1.26で、前年の1.30より低下した。",
     {"1.26": ("2022-01-01", "2022-12-31", "paragraph")}),
    ("令和5年度の被保護実人員は約202万人であった。保護率は1.62％で、前年度と比べて0.01ポイント"
     "低下した。被保護世帯数は約165万世帯となっている。",
     {"1.62％": ("2023-04-01", "2024-03-31", "paragraph"),
      "0.01ポイント低下": ("2023-04-01", "2024-03-31", "paragraph"),
      "約165万世帯": ("2023-04-01", "2024-03-31", "paragraph")}),
    # the base a ratio is of (2000年の約2.6倍, 2018年度の約1.7倍) sets no period, in the
    # framing sentence or after it
    ("2022年の要介護認定者数は約690万人で、制度が始まった2000年の約2.6倍となった。このうち、"
     "要介護5の者は約59万人である。",
     {"約2.6倍": (*Y2022, "sentence"), "約59万人": (*Y2022, "paragraph")}),
    ("令和4年度の輸出額は1.4兆円であった。これは2018年度の約1.7倍である。このうち、水産物は"
     "約3,000億円である。",
     {"約1.7倍": (*FY2022, "paragraph"), "約3,000億円": (*FY2022, "paragraph")}),
    # a relative date opening a sentence dates its figures (the figure rules read them
    # before relative dates are resolved) and frames nothing after it
    ("令和4年の出生数は77万人であった。前年は81万人であった。合計特殊出生率は1.26である。",
     {"81万人": ("2021-01-01", "2021-12-31", "sentence"), "1.26": (None, None, None)}),
    # a year in brackets after a figure is that figure's (international comparisons; was
    # none, now 2020, the bracket's date), not the paragraph's 2021
    ("日本の研究者数は2021年において69.0万人である。ドイツの研究者は45.2万人（2020年）である。",
     {"45.2万人": (*Y2020, "sentence")}),
    # 環境/エネルギー: a date filling the bracket after a figure is its own (was FY2010,
    # the sentence's earlier date, or none)
    ("2010年度の導入量は約2,000万kWであったが、現在は約1億kW（2023年3月末）に達している。",
     {"約2,000万kW": ("2010-04-01", "2011-03-31", "sentence"),
      "約1億kW": ("2023-03-31", "2023-03-31", "sentence")}),
    ("利用者数は約3万人（2023年度）であった。",
     {"約3万人": ("2023-04-01", "2024-03-31", "sentence")}),
    # not a base in the bracket (2019年比)
    ("2023年の訪日外国人旅行者数は2,507万人（2019年比78.6％）であった。",
     {"2,507万人": ("2023-01-01", "2023-12-31", "sentence")}),
    # a date of an event (に; a month before 、) frames nothing
    ("2020年に新たな制度が創設された。制度の対象者は約100万人である。",
     {"約100万人": (None, None, None)}),
    ("令和5年12月、新たなシステムを公開した。利用者は約5万人である。",
     {"約5万人": (None, None, None)}),
    # a target, a forecast or the present is another time than the paragraph's date
    ("令和4年度の森林面積は2,500万haである。今後、約30万haの植林を目指す。",
     {"2,500万ha": (*FY2022, "sentence"), "約30万ha": (None, None, None)}),
    ("令和4年度の相談件数は約8万件であった。現在、相談員は約1,200人である。",
     {"約8万件": (*FY2022, "sentence"), "約1,200人": (None, None, None)}),
    # another time named without a date: N年前, a peak, a heyday
    ("令和4年度の相談件数は約8万件であった。10年前は約4万件であった。",
     {"約4万件": (None, None, None)}),
    ("令和4年度の相談件数は約8万件であった。ピーク時には約12万件に達していた。",
     {"約12万件": (None, None, None)}),
    ("令和4年度の林業産出額は5,000億円であった。戦後の最盛期には1兆円を超えていた。",
     {"1兆円を超え": (None, None, None)}),
    # an earlier survey, a total since a start
    ("令和5年度は、3年に1度の調査年に当たる。前回調査では、回答者の約60％が満足と回答した。",
     {"約60％": (None, None, None)}),
    ("令和5年度の研修の受講者は約2,000人であった。これまでに約3万人が受講している。",
     {"約3万人": (None, None, None)}),
    # a sentence between with a date of its own that frames nothing ends the first date's
    # reach; a sentence it frames dates the next (そのうち: of FY2012's 4,497億円)
    ("令和4年度の輸出額は1.4兆円であった。輸出先では、2021年に香港が1位となった。そのうち、"
     "水産物は約2,000億円である。",
     {"1.4兆円": (*FY2022, "sentence"), "約2,000億円": (None, None, None)}),
    ("令和4年度の輸出額は1.4兆円であった。2012年度には4,497億円であった。そのうち、水産物は"
     "約2,000億円である。",
     {"4,497億円": ("2012-04-01", "2013-03-31", "sentence"),
      "約2,000億円": ("2012-04-01", "2013-03-31", "paragraph")}),
    # a day the date rules could not date (15日 of no month) between the frame and the
    # figure; 翌 before a month they do not read (翌3月末) names another time
    ("令和5年度の相談件数は約8万件であった。15日には約1,200人が訪れた。",
     {"約8万件": ("2023-04-01", "2024-03-31", "sentence"), "約1,200人": (None, None, None)}),
    ("令和5年度の相談件数は約8万件であった。翌3月末の相談員は約1,200人である。",
     {"約8万件": ("2023-04-01", "2024-03-31", "sentence"), "約1,200人": (None, None, None)}),
    # a base glossed in a bracket (前回調査（2015年）から, 基準年度（2013年度）比) is a base
    # as 2015年から is: the change is not of 2015 (was 2015, and FY2013)
    ("2020年の国勢調査によると、総人口は1億2,614万人であった。前回調査（2015年）から約95万人"
     "減少した。",
     {"1億2,614万人": (*Y2020, "sentence"), "約95万人減少": (None, None, None)}),
    ("2022年度の排出量は11億3,500万トンであった。これは基準年度（2013年度）比で22.9%の減少"
     "である。",
     {"22.9%の減少": (*FY2022, "paragraph")}),
    # 経済財政: 同年 with a quarter's months dates the change as that quarter (was 2023)
    ("2023年度上半期の実質GDPは前期比2.1％増加した。同年7～9月期には前期比0.5％減少した。",
     {"前期比0.5％減少": ("2023-07-01", "2023-09-30", "sentence")}),
    # 警察: a change with a bound before it (5万件以上増加) is the year's, not one open
    # from the year before
    ("令和5年の刑法犯認知件数は70万3,351件で、前年比で17.0％増加した。このうち、窃盗犯は"
     "48万3,695件で、前年より5万件以上増加した。",
     {"5万件以上": ("2023-01-01", "2023-12-31", "paragraph")}),
    # 観光: a date whose figure is compared with (2019年の4兆8,135億円と比べると) is the base
    # of the change after the comparison (was 2019); a date after it dates the change
    ("2022年の訪日外国人旅行消費額は8,987億円であった。2019年の4兆8,135億円と比べると約8割"
     "減少している。",
     {"4兆8,135億円": ("2019-01-01", "2019-12-31", "sentence"), "約8割減少": (None, None, None)}),
    ("2019年の4兆8,135億円と比べると、2022年は約8割減少した。",
     {"約8割減少": (*Y2022, "sentence")}),
    ("令和4年の売上高は、令和元年の1兆2,345億6,789万円に比べ約20％増加した。",
     {"約20％増加": (*Y2022, "sentence")}),
    # エネルギー: a date of an event a period runs from (…の導入以降) opens the period of
    # the figure after it (was July 2012 alone)
    ("2012年7月の固定価格買取制度の導入以降、太陽光発電の導入量は約10倍となった。",
     {"約10倍": ("2012-07-01", None, "sentence")}),
    ("2020年の制度開始以来、累計で約5万件が認定された。",
     {"約5万件": ("2020-01-01", None, "sentence")}),
    # 防災 (bousai2024-t2-1 p0018's shape; first number audit's 150㎞程度, then closed to the
    # day): an event's day a state runs on from (…の本地震直後から) opens it; so does 以後
    # or …後から (厚生労働, 農林水産: made-up)
    ("令和6年1月1日の本地震直後から、150㎞程度の範囲に広がっている。",
     {"150㎞程度": ("2024-01-01", None, "sentence")}),
    ("2020年4月の緊急事態宣言以後、相談件数は約1.5倍に増加した。",
     {"約1.5倍": ("2020-04-01", None, "sentence")}),
    ("2023年8月の処理水放出開始後から、輸出額は約3割減少した。",
     {"約3割減少": ("2023-08-01", None, "sentence")}),
    # not a source or a part a figure is drawn from (2023年の調査から): that date's
    ("2023年の調査から、回答者の約6割が利用していることが分かった。",
     {"約6割": ("2023-01-01", "2023-12-31", "sentence")}),
    # a figure between the date and 以降 is the date's
    ("2020年の約3万件を底に、それ以降は増加している。", {"約3万件": (*Y2020, "sentence")}),
    # a target's or a past peak's date frames no later sentence: the figures after it are
    # not of FY2030 or of 1984 (were)
    ("2022年度の温室効果ガス排出量は11億3,500万トンであった。2030年度の目標は7億6,000万トン"
     "である。家庭部門は1億5,800万トンであった。",
     {"7億6,000万トン": ("2030-04-01", "2031-03-31", "sentence"),
      "1億5,800万トン": (None, None, None)}),
    ("令和5年の農業総産出額は9兆4,991億円であった。1984年のピーク時には11兆7,171億円であった。"
     "野菜は2兆1,000億円であった。",
     {"11兆7,171億円": ("1984-01-01", "1984-12-31", "sentence"),
      "2兆1,000億円": (None, None, None)}),
    # エネルギー: a forecast's date (…となる見込みである) frames no later sentence (約500万kW
    # was FY2030); an as-of date before it still framed the sentence after it
    ("2023年3月末時点の導入容量は約1億2,000万kWである。このうち太陽光は約7,000万kWを占める。"
     "2030年度には約1億5,000万kWとなる見込みである。また、風力は約500万kWである。",
     {"約7,000万kW": ("2023-03-31", "2023-03-31", "paragraph"),
      "約1億5,000万kW": ("2030-04-01", "2031-03-31", "sentence"),
      "約500万kW": (None, None, None)}),
    # an estimate of the framing year frames the next sentence (ict2023-4-1 p0069 shape)
    ("2021年度の電気通信業に係る売上高の合計は、約15兆円と推計される。内訳をみると、データ伝送"
     "が約9.6兆円（65%）となっている。",
     {"約9.6兆円": ("2021-04-01", "2022-03-31", "paragraph")}),
    # a peak named later in the framing sentence leaves the date its frame
    ("令和5年の認知件数は70万件で、ピーク時の約4分の1である。このうち窃盗は48万件であった。",
     {"48万件": ("2023-01-01", "2023-12-31", "paragraph")}),
    # a record low in the framing sentence is no other time
    ("令和5年の出生数は72万7,277人で過去最少となった。このうち、第1子は約33万人であった。",
     {"約33万人": ("2023-01-01", "2023-12-31", "paragraph")}),
    # 防災: an as-of date in the bracket right after a figure is when it was counted, not
    # the day of the disaster before it (was 2024-01-01)
    ("令和6年1月1日の地震により、石川県では死者が245人（災害関連死を含む。同年5月28日時点）に"
     "上った。",
     {"245人": ("2024-05-28", "2024-05-28", "sentence")}),
    ("令和6年1月1日の地震により、住家被害は約8万棟（2024年3月1日現在）となった。",
     {"約8万棟": ("2024-03-01", "2024-03-01", "sentence")}),
    # a bracket of a ratio after the figure keeps the date before it
    ("2023年の訪日外国人旅行者数は2,507万人（2019年比78.6％）まで回復した。",
     {"2,507万人": ("2023-01-01", "2023-12-31", "sentence")}),
    # 同年 after 翌年には is no longer 2020: the figure takes 翌年 (was 2020)
    ("2020年に感染症が拡大した。翌年には大会が開催され、同年の訪日客数は約25万人であった。",
     {"約25万人": ("2021-01-01", "2021-12-31", "sentence")}),
    # 前年同月末と比べ is a base: the decrease is the framing day's (was 2022-12-31)
    ("令和5年12月末現在の住民基本台帳人口は1億2,488万人であった。前年同月末と比べ約53万人"
     "減少した。",
     {"約53万人減少": ("2023-12-31", "2023-12-31", "paragraph")}),
    # 厚生労働: a figure printed after a relative date in a bracket is that year's
    # (前年度約7万件 was FY2022, the sentence's date)
    ("令和4年度の相談件数は約8万件（前年度約7万件）であった。",
     {"約8万件": (*FY2022, "sentence"),
      "前年度約7万件": ("2021-04-01", "2022-03-31", "sentence")}),
    ("令和5年の自殺者数は2万1,837人（前年2万1,881人）であった。",
     {"前年2万1,881人": (*Y2022, "sentence")}),
    # but a comparison or a change from it is the sentence's date's
    ("令和5年の雇用者数は6,076万人（前年差23万人増）であった。",
     {"前年差23万人増": ("2023-01-01", "2023-12-31", "sentence")}),
    ("令和4年度の相談件数は約8万件（前年度1割増）であった。",
     {"前年度1割増": (*FY2022, "sentence")}),
    # 科学技術: a frame scoped to Japan (2022年の日本の…) does not date another country's
    # figures, whose latest year may differ (was 2022); Japan's own keep it
    ("2022年の日本の研究者数は70.5万人であった。一方、米国の研究者数は約160万人、中国は約240万人"
     "である。このうち日本の女性研究者は約13万人である。",
     {"約160万人": (None, None, None), "約240万人": (None, None, None),
      "約13万人": (*Y2022, "paragraph")}),
    # 中国地方 is no country; an unscoped frame still dates another country's figure
    ("2022年の日本の降水量は平年並みであった。中国地方では約1,500ミリであった。",
     {"約1,500ミリ": (*Y2022, "paragraph")}),
    ("2022年の世界の半導体市場は5,740億ドルであった。このうち米国は約2,000億ドルである。",
     {"約2,000億ドル": (*Y2022, "paragraph")}),
    # 厚生労働: a change counted from a peak (1997年をピークに約1割低下) runs from it (was
    # 1997 alone)
    ("1997年をピークに実質賃金は約1割低下した。", {"約1割低下": ("1997-01-01", None, "sentence")}),
    ("2008年を境に人口は減少に転じ、約80万人減少した。",
     {"約80万人減少": ("2008-01-01", None, "sentence")}),
    # a deadline glossed in a bracket stays the target's period
    ("政府は、目標年度（2030年度）までに約5万人を育成する。",
     {"約5万人": ("2030-04-01", "2031-03-31", "sentence")}),
    # 環境: a date whose quantity, named by a noun, is compared with is the base (was
    # FY2013 and 1991–2020, the bases, as the figures' periods)
    ("2013年度の排出量と比べて約20％減少した。", {"約20％減少": (None, None, None)}),
    ("2022年の売上高は1兆円で、2021年の水準に比べて約2割多い。",
     {"約2割多": (*Y2022, "sentence")}),
    ("過去30年間（1991～2020年）の平均と比べ、約1.5倍である。", {"約1.5倍": (None, None, None)}),
    # a bracket glossing a base (平年（1991～2020年の平均）) leaves the base a base
    ("平年（1991～2020年の平均）と比べて、夏の気温は1.76℃高かった。",
     {"1.76℃高": (None, None, None)}),
    ("2023年の夏の平均気温は、平年（1991～2020年の平均）より1.76℃高かった。",
     {"1.76℃高": ("2023-01-01", "2023-12-31", "sentence")}),
    # two dates whose values are compared (を比較) are no base: the later one's (ict2019-3-1
    # p0024 shape)
    ("2000年と2017年の数値を比較すると、情報通信産業全体で15.9％の減少となっている。",
     {"15.9％の減少": ("2017-01-01", "2017-12-31", "sentence")}),
    # a date the figure exceeds or falls short of (を…上回った) is a base, also glossing
    # a base in brackets (1.76℃上回 was 1991–2020)
    ("2023年の夏の平均気温は、平年（1991～2020年平均）を1.76℃上回った。",
     {"1.76℃上回": ("2023-01-01", "2023-12-31", "sentence")}),
    ("2023年の訪日客数は2019年を約2割下回った。",
     {"約2割下回": ("2023-01-01", "2023-12-31", "sentence")}),
    ("2023年は約3万件で、前年を上回った。", {"約3万件": ("2023-01-01", "2023-12-31", "sentence")}),
    # a base with a note in brackets after it (2021年度（確報）から) is still a base (the
    # decrease was FY2021's)
    ("2022年度（速報）の最終エネルギー消費は約1万2,000PJで、2021年度（確報）から約3％減少した。",
     {"約3％減少": ("2022-04-01", "2023-03-31", "sentence")}),
    # but a topic of the date's noun compared with something else keeps its date
    ("2022年の売上高は前年と比べて5％増加した。", {"5％増加": (*Y2022, "sentence")}),
    # エネルギー: a plan's date in the bracket after its name (a citation) dates none of
    # its targets or plans after it (was October 2021, February 10, 2023)
    ("第6次エネルギー基本計画（2021年10月閣議決定）では、再生可能エネルギーの比率を36～38％程度"
     "とした。", {"38％程度": (None, None, None)}),
    ("GX実現に向けた基本方針（2023年2月10日閣議決定）に基づき、今後10年間で150兆円超の投資を"
     "実現する。", {"150兆円超": (None, None, None)}),
    # 環境/エネルギー: a goal's year before a clause aimed at it (…に向けて、) is not the
    # period of what is spent toward it (were 2050 and FY2030); a deadline keeps its year
    ("2050年カーボンニュートラルの実現に向けて、2兆円のグリーンイノベーション基金を創設した。",
     {"2兆円": (None, None, None)}),
    ("2030年度目標の達成に向け、約500億円を計上した。", {"約500億円": (None, None, None)}),
    ("2030年度の目標達成に向けて、令和5年度補正予算で約3,000億円を措置した。",
     {"約3,000億円": ("2023-04-01", "2024-03-31", "sentence")}),
    ("2030年度に向けて、約1万人を育成する。",
     {"約1万人": ("2030-04-01", "2031-03-31", "sentence")}),
    ("2030年までに陸域と海域の30％以上を保全する。",
     {"30％以上": ("2030-01-01", "2030-12-31", "sentence")}),
    # エネルギー: a relative date setting the time of a later clause (翌月には) beats the
    # explicit date before it (同4.0％増 was December 2022); one owning the figure after
    # it (前年の77万人) too; not one compared with or continued (前年を上回り, 前年度に
    # 引き続き), nor a base
    ("2022年12月の電力需要は前年同月比2.0％増となり、翌月には同4.0％増となった。",
     {"前年同月比2.0％増": ("2022-12-01", "2022-12-31", "sentence"),
      "4.0％増": ("2023-01-01", "2023-01-31", "sentence")}),
    ("2023年の出生数は72万人で、前年の77万人より減少した。",
     {"72万人": ("2023-01-01", "2023-12-31", "sentence"),
      "77万人": (*Y2022, "sentence")}),
    ("2023年の売上高は前年を上回り、100億円となった。",
     {"100億円": ("2023-01-01", "2023-12-31", "sentence")}),
    ("2023年度は前年度に引き続き、約500億円を計上した。",
     {"約500億円": ("2023-04-01", "2024-03-31", "sentence")}),
    # 防災/エネルギー: a day before an event's name's year, in that year, is the finer
    # period (約4万戸 was the whole of 2024); one of another year is not taken
    ("2024年1月1日に発生した令和6年能登半島地震では、最大約4万戸が停電した。",
     {"約4万戸": ("2024-01-01", "2024-01-01", "sentence")}),
    ("2018年の豪雨に続き、令和元年東日本台風では約9万棟の住家被害が生じた。",
     {"約9万棟": ("2019-05-01", "2019-12-31", "sentence")}),
    # 環境/エネルギー: figures after a list of dates take them in order when as many (all
    # took the last date); none when their number differs
    ("2013年度、2019年度、2022年度の排出量は、それぞれ14.1億トン、12.1億トン、11.4億トンで"
     "あった。",
     {"14.1億トン": ("2013-04-01", "2014-03-31", "sentence"),
      "12.1億トン": ("2019-04-01", "2020-03-31", "sentence"),
      "11.4億トン": ("2022-04-01", "2023-03-31", "sentence")}),
    ("2010年度と2022年度を比較すると、火力発電の比率は65％から73％に上昇した。",
     {"65％": ("2010-04-01", "2011-03-31", "sentence"),
      "73％": ("2022-04-01", "2023-03-31", "sentence")}),
    ("2020年度及び2021年度の平均は約19.8％であった。", {"約19.8％": (None, None, None)}),
    # a base between the list and its figures does not end it (環境白書 2025 style targets;
    # both were FY2040, or 2013 onwards)
    ("我が国は、2035年度、2040年度において、温室効果ガスを2013年度からそれぞれ60％、73％削減"
     "することを目指す。",
     {"60％": ("2035-04-01", "2036-03-31", "sentence"),
      "73％削減": ("2040-04-01", "2041-03-31", "sentence")}),
    ("2035年度及び2040年度に、2013年度比でそれぞれ60％、73％削減する。",
     {"60％": ("2035-04-01", "2036-03-31", "sentence"),
      "73％削減": ("2040-04-01", "2041-03-31", "sentence")}),
    # as many figures but no それぞれ: a change takes the latest date, a rate none
    # (ict2019-3-1 p0010: 0.8% is the average over 2000–2017)
    ("2017年と2000年を比較すると、14.7%の増加（年平均成長率では0.8%）となっている。",
     {"14.7%の増加": ("2017-01-01", "2017-12-31", "sentence"), "0.8%": (None, None, None)}),
    ("2010年度と2022年度を比較すると、火力発電の比率は約8ポイント上昇した。",
     {"約8ポイント上昇": ("2022-04-01", "2023-03-31", "sentence")}),
    # a range's two ends are one item
    ("2020年度と2030年度の再エネ比率は、それぞれ19.8％、36～38％である。",
     {"19.8％": ("2020-04-01", "2021-03-31", "sentence"),
      "38％": ("2030-04-01", "2031-03-31", "sentence")}),
    # エネルギー: a half of the year before (前年度上期は) dates its figure (was FY2023 H1)
    ("2023年度上期は約3,900億kWhで、前年度上期は約4,000億kWhであった。",
     {"約3,900億kWh": ("2023-04-01", "2023-09-30", "sentence"),
      "約4,000億kWh": ("2022-04-01", "2022-09-30", "sentence")}),
    # エネルギー: the months in brackets after a season of a fiscal year date its figure
    # (was the whole fiscal year)
    ("2023年度夏季（7～9月）の最大需要は約1億6,000万kWであった。",
     {"約1億6,000万kW": ("2023-07-01", "2023-09-30", "sentence")}),
    # エネルギー: a figure in the bracket right after a relative date is that year's (was
    # FY2021, the sentence's)
    ("2021年度のエネルギー自給率は13.3％で、前年度（11.2％）より上昇した。",
     {"13.3％": ("2021-04-01", "2022-03-31", "sentence"),
      "11.2％": ("2020-04-01", "2021-03-31", "sentence")}),
    # a year's average (2023年平均の) frames the paragraph as the year does (MHLW-style)
    ("2023年平均の有効求人倍率は1.31倍で、前年より0.03ポイント低下した。完全失業率は2.6％と"
     "前年と同水準であった。",
     {"2.6％": ("2023-01-01", "2023-12-31", "paragraph")}),
]


@pytest.mark.parametrize(("text", "expected"), CARRIED)
def test_a_paragraphs_framing_date_dates_the_later_sentences(
        text: str, expected: dict[str, tuple[Any, Any, Any]]) -> None:
    found = periods(text)
    assert {surface: found.get(surface) for surface in expected} == expected


def test_a_publication_year_is_no_figures_period() -> None:
    # 今年度 read against the edition is an inference: no figure's period (9割 was
    # 2025-03-31, 約500億円 FY2024)
    extensions.register()
    doc = _nlp()("今年度は約500億円を計上した。今年度末には9割に達する見込みである。")
    extensions.set_doc_value(doc, "para_id", "p0001")
    numbers, dates = tag_docs([doc], "made-up", kinds={"p0001": "body"}, edition=2024)
    assert [d["flag"] for d in dates] == ["publication_year", "publication_year"]
    assert [(n["surface"], n["period_start"], n["period_end"]) for n in numbers] == [
        ("約500億円", None, None), ("9割", None, None)]


def _tagged(text: str, kind: str = "body") -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    extensions.register()
    doc = _nlp()(text)
    extensions.set_doc_value(doc, "para_id", "p0001")
    return tag_docs([doc], "made-up", kinds={"p0001": kind}, edition=2024)


def test_a_yearless_as_of_day_alone_is_read_in_the_edition_year_flagged() -> None:
    # bousai2024-t2-1 p0192 (令和6年版防災白書, published June 2024): nothing in the
    # paragraph dates 5月28日; a day up to May is surely before publication, so of the
    # edition's year, an inference: flagged publication_year, as_of (was no date row at
    # all); it dates its sentence's figures, which say it is an inference (period_basis
    # edition_year; the figures had no period)
    text = ("被災地全体で計12万棟を超える住家被害が発生した（5月28日現在）。また、石川県に"
            "おける非住家被害は約2万6千棟とされている（5月28日現在）。")
    numbers, dates = _tagged(text)
    assert [(d["surface"], d["start_date"], d["end_date"], d["role"], d["flag"])
            for d in dates] == [("5月28日現在", "2024-05-28", "2024-05-28", "as_of",
                                 "publication_year")] * 2
    assert [(n["surface"], n["period_start"], n["period_end"], n["period_basis"])
            for n in numbers] == [("12万棟を超え", "2024-05-28", "2024-05-28", "edition_year"),
                                  ("約2万6千棟", "2024-05-28", "2024-05-28", "edition_year")]


EDITION_AS_OF = [
    # made-up (a 令和6年版 white paper, edition 2024): the as-of day opening the sentence
    ("3月31日現在、避難者は約3,000人である。",
     {"約3,000人": ("2024-03-31", "2024-03-31", "edition_year")}),
    # its month alone, and its end: a month's last day
    ("登録者は12万人であった（4月末時点）。",
     {"12万人": ("2024-04-30", "2024-04-30", "edition_year")}),
    ("登録事業者は350者である（2月時点）。",
     {"350者": ("2024-02-01", "2024-02-29", "edition_year")}),
    # the day dates its own sentence only: the next sentence's figure takes none
    ("避難者は約3,000人であった（5月28日現在）。その後、約2,000人に減少した。",
     {"約3,000人": ("2024-05-28", "2024-05-28", "edition_year"),
      "約2,000人": (None, None, None)}),
    # a change over the year before counted at that day is of it too, as with a year
    # printed (2024年1月1日現在)
    ("利用者は約8万人で、前年比1割増であった（1月1日現在）。",
     {"約8万人": ("2024-01-01", "2024-01-01", "edition_year"),
      "前年比1割増": ("2024-01-01", "2024-01-01", "edition_year")}),
    # an undated day between the figure and the as-of day: the figure is of that day
    ("避難者は最大約3万人（1月4日）に達したが、約3,000人に減少した（5月28日現在）。",
     {"約3万人": (None, None, None)}),
    # 今年度 stays no figure's period (an inference of another kind)
    ("今年度は約500億円を計上した。", {"約500億円": (None, None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), EDITION_AS_OF)
def test_a_yearless_as_of_day_dates_its_sentences_figures_as_an_inference(
        text: str, expected: dict[str, tuple[Any, Any, Any]]) -> None:
    numbers, _ = _tagged(text)
    found = {n["surface"]: (n["period_start"], n["period_end"], n.get("period_basis"))
             for n in numbers}
    assert {surface: found.get(surface) for surface in expected} == expected


@pytest.mark.parametrize(("text", "kind"), [
    # made-up: 10月1日 (the population estimate's day) may be of the edition year or the
    # year before: none
    ("総人口は1億2,435万人である（10月1日現在）。", "body"),
    # a figure's axis or cell: no month without its year is read there
    ("5月28日現在", "figure_text"),
])
def test_a_yearless_as_of_day_not_surely_before_publication_is_no_date(
        text: str, kind: str) -> None:
    assert _tagged(text, kind)[1] == []


def test_a_yearless_as_of_day_after_a_date_is_read_against_it() -> None:
    # made-up: the paragraph's date dates the day as before (not the edition's year)
    numbers, dates = _tagged("2023年の調査では、利用者は約3万人であった（5月28日現在）。")
    assert [(d["surface"], d["start_date"], d["flag"]) for d in dates] == [
        ("2023年", "2023-01-01", None), ("5月28日現在", "2023-05-28", None)]


def test_no_period_is_carried_in_table_or_figure_text() -> None:
    text = "令和4年度の生活保護の状況は次のとおりである。被保護実人員は約202万人である。"
    assert periods(text, "table_text")["約202万人"] == (None, None, None)


# A crop year (2022年産, 前年産: the date rules read 2022年, 前年 and leave 産) before a
# comparison word is the base the change is counted from, not the change's period
# (number_date_tails.tsv; MAFF-style sentences, read by hand).
CROP_YEAR_BASES = [
    ("2022年産の収穫量は100万tで、2021年産より3万t減少した。", "3万t減少",
     ("2022-01-01", "2022-12-31")),
    ("2022年産水稲の作付面積は125万1,000haで、前年産に比べて5万2,000ha減少した。",
     "5万2,000ha減少", ("2022-01-01", "2022-12-31")),
    ("2022年産の収穫量は100万tであった。", "100万t", ("2022-01-01", "2022-12-31")),
]


@pytest.mark.parametrize(("text", "surface", "period"), CROP_YEAR_BASES)
def test_a_crop_year_before_a_base_word_is_a_base(
        text: str, surface: str, period: tuple[str | None, str | None]) -> None:
    assert period_of(text, surface) == period


def test_a_relative_crop_year_is_a_base_in_a_paragraph() -> None:
    # 前年産 is dated (2021) by the paragraph's 2022年産: still the base, not the period
    found = periods("2022年産水稲の10a当たり収量は536kgであった。"
                    "作付面積は125万1,000haで、前年産に比べて5万2,000ha減少した。")
    # 2022 by hand; no period (the frame rule takes no 2022年産水稲の) is no wrong one
    assert found["5万2,000ha減少"][:2] in ((None, None), ("2022-01-01", "2022-12-31"))


@pytest.mark.parametrize(("text", "surface", "period"), [
    # a date alone in the bracket right after the figure is the figure's own (MHLW-style)
    ("国民年金保険料は月額1万6,520円（2023年度）である。", "1万6,520円",
     ("2023-04-01", "2024-03-31")),
    ("2020年の保険料は月額1万6,540円（2021年度）である。", "1万6,540円",
     ("2021-04-01", "2022-03-31")),
    # a bracket holding more than the date is no note of the figure's time
    ("保険料は1万円（2023年度予算）である。", "1万円", (None, None)),
])
def test_a_date_alone_in_the_bracket_after_the_figure_is_its_period(
        text: str, surface: str, period: tuple[str | None, str | None]) -> None:
    assert period_of(text, surface) == period


def test_a_date_before_より_and_a_change_is_its_base() -> None:
    # 2020年度より: the date rules read "since FY2020"; before a change it is the base
    text = "2021年度の最低賃金は1,004円で、2020年度より43円引き上げられた。"
    assert period_of(text, "43円引き上げ") == ("2021-04-01", "2022-03-31")
    # no change after it: since FY2020, open
    assert period_of("2020年度より100億円を措置した。", "100億円") == ("2020-04-01", None)


SAME_DAY = [
    # made-up (防災白書 style): 同日 of a later sentence is the day of the sentence before
    # (dates: 同日 → 2024-01-01, resolved_from 令和6年1月1日), and dates the quakes after
    # it; a time alone (16時18分) stays in that day, 6日 is a later day of the month
    ("令和6年1月1日16時10分、石川県能登地方で地震が発生した。この地震の震央周辺では、"
     "同日16時12分にマグニチュード5.7の地震（最大震度6弱）、16時18分にマグニチュード6.1の"
     "地震（最大震度5強）、6日23時20分にマグニチュード4.3の地震（最大震度5弱）が発生した。",
     {"5.7": ("2024-01-01", "2024-01-01", "sentence"),
      "6弱": ("2024-01-01", "2024-01-01", "sentence"),
      "5強": ("2024-01-01", "2024-01-01", "sentence"),
      "4.3": ("2024-01-06", "2024-01-06", "sentence"),
      "5弱": ("2024-01-06", "2024-01-06", "sentence")}),
    ("2024年8月8日16時43分頃、日向灘で地震が発生した。気象庁は同日19時15分に臨時情報を"
     "発表し、約1,000人が避難した。", {"約1,000人": ("2024-08-08", "2024-08-08", "sentence")}),
    # the day before 同日 printed without its year, right after a span ending in December:
    # the next January (bousai2024-t2-1 p0018's shape; was undated, the figure none)
    ("令和5年12月までの地震活動は狭い範囲であったが、1月1日の本地震直後から広がっている。"
     "同日16時12分にマグニチュード5.7の地震（最大震度6弱）が発生した。",
     {"6弱": ("2024-01-01", "2024-01-01", "sentence")}),
    # after a December with no span closed, of either year: none
    ("令和5年12月に観測を強化した。1月1日の本地震直後から範囲が広がった。同日16時12分に"
     "マグニチュード5.7の地震（最大震度6弱）が発生した。",
     {"6弱": (None, None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), SAME_DAY)
def test_the_same_day_of_a_later_sentence_dates_its_figures(
        text: str, expected: dict[str, tuple[Any, Any, Any]]) -> None:
    found = {}
    for n in tag_paragraph(text):   # the first of each surface
        found.setdefault(n["surface"], (n["period_start"], n["period_end"],
                                        n.get("period_basis")))
    assert {surface: found.get(surface) for surface in expected} == expected
