"""Dates that follow another one of a chain or list, and years printed in two or with a
part glued after FY, in made-up sentences in the styles of other ministries' white papers
(経済財政白書, エネルギー白書, 食料・農業・農村白書, 環境白書, 厚生労働白書, 通商白書): a
third bare quarter, a half after a fiscal year's months, a second day or month after a
full date, ``同期間``, ``FY2023上期``, ``2022/23年冬季``, ``2023/24年度``
(pipeline/tagging/dates.py, date_anaphora.py, year_parts.py, date_split_years.py). Every
expectation read off the sentence by hand."""

from __future__ import annotations

import pytest

from pipeline.tagging.quantities import find_numbers
from tests.test_dates_other_papers import Row, _paragraph, _rows


def _flagged(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(m.surface, m.start_date, m.end_date, m.flag) for m in _paragraph(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # 経済財政白書 style: bare quarters after a quarter printed with its year, counted as it
    # is (the second was read, the third was not)
    ("2023年第1四半期の実質GDPは前期比0.8％増、第2四半期は1.1％増、第3四半期は0.7％減となった。",
     [("2023年第1四半期", "2023-01-01", "2023-03-31"), ("第2四半期", "2023-04-01", "2023-06-30"),
      ("第3四半期", "2023-07-01", "2023-09-30")]),
    # across sentences, up to the fourth (エネルギー白書 style, a fiscal year's quarters)
    ("2023年度第2四半期の販売電力量は約2,100億kWhであった。第3四半期は約2,000億kWh、"
     "第4四半期は約2,300億kWhであった。",
     [("2023年度第2四半期", "2023-07-01", "2023-09-30"),
      ("第3四半期", "2023-10-01", "2023-12-31"), ("第4四半期", "2024-01-01", "2024-03-31")]),
    # a second bare quarter after one read against a year (was none): its months say
    # whose quarter it is (a fiscal year's first is April to June)
    ("2023年度は、第1四半期に申請件数が約1,200件となり、第2四半期には約1,500件に増加した。",
     [("2023年度", "2023-04-01", "2024-03-31"), ("第1四半期", "2023-04-01", "2023-06-30"),
      ("第2四半期", "2023-07-01", "2023-09-30")]),
    ("2023年は、第1四半期に輸出額が約24兆円となり、第2四半期には約25兆円に増加した。",
     [("2023年", "2023-01-01", "2023-12-31"), ("第1四半期", "2023-01-01", "2023-03-31"),
      ("第2四半期", "2023-04-01", "2023-06-30")]),
    # a bare half after a fiscal year's months is that fiscal year's (was none), and so is
    # a month after it (January of fiscal 2023)
    ("2023年度4～6月期の売上高は約3兆円であった。下半期には約2.5兆円に減少し、1月には回復した。",
     [("2023年度4～6月期", "2023-04-01", "2023-06-30"), ("下半期", "2023-10-01", "2024-03-31"),
      ("1月", "2024-01-01", "2024-01-31")]),
    # a bare half in a sentence with no figure is still read
    ("2023年度上期の売上高は約3兆円であった。下期には減少した。",
     [("2023年度上期", "2023-04-01", "2023-09-30"), ("下期", "2023-10-01", "2024-03-31")]),
    # after a calendar year's months, a half may be a calendar or a fiscal year's: none
    ("2023年4～6月期の実質GDPは前期比1.2％増加した。下半期には0.3％減少した。",
     [("2023年4～6月期", "2023-04-01", "2023-06-30")]),
    # after a quarter of an accounting year to March, a bare quarter is of that year (the
    # fourth was October to December 2023, the third's months again); after one to another
    # month, none (the second was April to June 2024, before the first)
    ("2024年３月期 第３四半期の売上高は約1兆円で、第4四半期は約1.2兆円であった。",
     [("2024年３月期 第３四半期", "2023-10-01", "2023-12-31"),
      ("第4四半期", "2024-01-01", "2024-03-31")]),
    ("2025年9月期 第1四半期の売上高は約1兆円で、第2四半期は約1.2兆円であった。",
     [("2025年9月期 第1四半期", "2024-10-01", "2024-12-31")]),
    # a quarter alone with no year before it: none
    ("第2四半期の実質GDPは前期比0.5％減、第3四半期は0.2％増となった。", []),
])
def test_bare_quarters_and_halves_in_a_chain(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 経済産業省 (METI) and company-report style: a half or quarter glued after a fiscal
    # year in letters is that part of it (FY2023上期 was the whole fiscal year, FY2023Q3 none)
    ("FY2023上期の設備投資額は約1.2兆円であった。",
     [("FY2023上期", "2023-04-01", "2023-09-30")]),
    ("FY23下期の受注高は前年同期比5％増であった。",
     [("FY23下期", "2023-10-01", "2024-03-31"), ("前年同期", "2022-10-01", "2023-03-31")]),
    ("FY2023Q3の営業利益は約800億円であった。", [("FY2023Q3", "2023-10-01", "2023-12-31")]),
    ("FY2023 Q3の営業利益は約800億円であった。", [("FY2023 Q3", "2023-10-01", "2023-12-31")]),
    ("FY2023第3四半期の売上高", [("FY2023第3四半期", "2023-10-01", "2023-12-31")]),
    ("2023FY上期の販売台数", [("2023FY上期", "2023-04-01", "2023-09-30")]),
    ("FY2023上期末の残高は約5兆円である。", [("FY2023上期末", "2023-09-30", "2023-09-30")]),
    # and a bare half after it is of the same fiscal year
    ("FY2023上期の売上高は約3兆円で、下期は約3.4兆円であった。",
     [("FY2023上期", "2023-04-01", "2023-09-30"), ("下期", "2023-10-01", "2024-03-31")]),
    # a half in letters (H1, 2H) after a year or fiscal year (H1 was 平成元年, 1989, and
    # FY2024H1 no date)
    ("FY2024H1の営業利益は約800億円であった。", [("FY2024H1", "2024-04-01", "2024-09-30")]),
    ("FY2024 2Hの営業利益は約900億円であった。", [("FY2024 2H", "2024-10-01", "2025-03-31")]),
    ("2024年H1の輸出額は約50兆円であった。", [("2024年H1", "2024-01-01", "2024-06-30")]),
    # no era year right after a year: a name's letters (was 平成2年)
    ("2024年H2ロケットの打上げ", [("2024年", "2024-01-01", "2024-12-31")]),
    # not a quarter: a letter run, a fifth quarter; a range of fiscal years stays one
    ("FY2023QRコード決済の件数", []),
    ("FY2023Q5", []),
    ("FY2022-2024の計画期間", [("FY2022-2024", "2022-04-01", "2025-03-31")]),
])
def test_part_of_a_fiscal_year_in_letters(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 食料・農業・農村白書 style: a marketing year printed as two years; its months differ by
    # crop and country and are not printed: no dates, flagged (was no row, and a figure after
    # it took the period of an earlier date)
    ("2023/24年度の世界の穀物生産量は約28億トンと見込まれる。",
     [("2023/24年度", None, None, "split_year")]),
    ("2020年の生産量は増加したが、2023/24年度の生産量は減少した。",
     [("2020年", "2020-01-01", "2020-12-31", None), ("2023/24年度", None, None, "split_year")]),
    ("1999/2000年度の輸入量", [("1999/2000年度", None, None, "split_year")]),
    ("2022/23年の世界の砂糖消費量", [("2022/23年", None, None, "split_year")]),
    # a country before it does not date it (a crop year is no government's fiscal year)
    ("米国の2023/24年度のトウモロコシ生産量は約150億ブッシェルである。",
     [("2023/24年度", None, None, "split_year")]),
    # 環境白書 style (the JMA's seasons): a winter of two years is December to February
    ("2022/23年冬季の日本海側の降雪量は平年の約80％であった。",
     [("2022/23年冬季", "2022-12-01", "2023-02-28", None)]),
    ("2023/24年の冬は記録的な暖冬となった。",
     [("2023/24年の冬", "2023-12-01", "2024-02-29", None)]),       # 2024: a leap year
    # a range of them is one row, with no dates (the first was an open period, since);
    # a range of winters is read; a winter before another kind of pair is no range's start
    ("2018/19年度から2023/24年度までの世界の小麦生産量の推移",
     [("2018/19年度から2023/24年度まで", None, None, "split_year")]),
    ("2021/22年冬～2022/23年冬の降雪量", [("2021/22年冬～2022/23年冬", "2021-12-01", "2023-02-28",
                                   None)]),
    ("2021/22年冬～2023/24年度", [("2023/24年度", None, None, "split_year")]),
    # 2011/12年度 was December 2011, 令和4/5年度 May 2022: a pair of years is no month
    ("2011/12年度の実績", [("2011/12年度", None, None, "split_year")]),
    ("令和4/5年度の実績", []),
    # no pair: years not consecutive, no 年 after (a ratio, a page), inside a path
    ("2023/25年の計画", []),
    ("前年比は2023/24で1.02倍であった。", []),
    ("https://www.example.go.jp/2023/24年/index.html", []),
    # a day or a month in figures stays one
    ("2023/10/1に施行された。", [("2023/10/1", "2023-10-01", "2023-10-01", None)]),
])
def test_a_year_printed_as_two(
        text: str, expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    assert _flagged(text) == expected


def test_a_winter_of_two_years_is_approximate() -> None:
    [winter] = _paragraph("2022/23年冬の平均気温は平年より0.8℃高かった。")
    assert (winter.kind, winter.approx) == ("range", True)


@pytest.mark.parametrize(("text", "expected"), [
    # a date before a pair of years is no anchor past it: 同年 and a bare month after
    # 2023/24年 are not 2020's (a wrong year is worse than none)
    ("2020年の生産量は増加した。2023/24年の生産量は減少した。同年の輸出量は約50万トンであった。",
     [("2020年", "2020-01-01", "2020-12-31"), ("2023/24年", None, None)]),
    ("2020年の生産量は増加した。2023/24年の生産量は減少した。1月の輸出量は約5万トンであった。",
     [("2020年", "2020-01-01", "2020-12-31"), ("2023/24年", None, None)]),
    # nor after another country's fiscal year with no bounds (同年度 was FY2020)
    ("2020年度の予算は増加した。英国の2024年度予算は約1兆ポンドであった。同年度の歳出は増加した。",
     [("2020年度", "2020-04-01", "2021-03-31"), ("2024年度", None, None)]),
    # nor the start of a range to it
    ("2022年～2023/24年度の平均", [("2023/24年度", None, None)]),
])
def test_no_date_is_read_against_a_pair_of_years(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a day listed after a full date is of its month (was none): 厚生労働白書,
    # 防衛白書 and 文部科学白書 styles, and the ict2019 sentence 平成30年８月30日、31日に…
    ("検討会を2022年6月1日、2日に開催した。",
     [("2022年6月1日", "2022-06-01", "2022-06-01"), ("2日", "2022-06-02", "2022-06-02")]),
    ("平成30年８月30日、31日に大学、公的研究機関、民間企業等の関係者が一堂に会した。",
     [("平成30年８月30日", "2018-08-30", "2018-08-30"), ("31日", "2018-08-31", "2018-08-31")]),
    ("日米共同訓練を令和5年11月1日、2日及び3日に実施した。",
     [("令和5年11月1日", "2023-11-01", "2023-11-01"), ("2日", "2023-11-02", "2023-11-02"),
      ("3日", "2023-11-03", "2023-11-03")]),
    ("2023年11月1日（水）、2日（木）に開催した。",
     [("2023年11月1日", "2023-11-01", "2023-11-01"), ("2日", "2023-11-02", "2023-11-02")]),
    ("全国会議を令和5年6月1日と2日に実施した。",
     [("令和5年6月1日", "2023-06-01", "2023-06-01"), ("2日", "2023-06-02", "2023-06-02")]),
    ("説明会を2022年6月1日・3日に開催した。",
     [("2022年6月1日", "2022-06-01", "2022-06-01"), ("3日", "2022-06-03", "2022-06-03")]),
    ("説明会を2022年6月1日・2日に開催した。",            # consecutive days: one range
     [("2022年6月1日・2日", "2022-06-01", "2022-06-02")]),
    # a duration, rate or count of days after it; an earlier day; no such day: none
    ("2022年6月1日、2日間にわたり開催した。", [("2022年6月1日", "2022-06-01", "2022-06-01")]),
    ("2022年6月1日、2日後に再開した。", [("2022年6月1日", "2022-06-01", "2022-06-01")]),
    ("2022年6月1日、2日に1回の頻度で測定を始めた。",
     [("2022年6月1日", "2022-06-01", "2022-06-01")]),
    ("2022年6月1日、3日分の食料を配布した。", [("2022年6月1日", "2022-06-01", "2022-06-01")]),
    ("2022年6月10日、2日に開催した。", [("2022年6月10日", "2022-06-10", "2022-06-10")]),
    ("2022年2月28日、30日", [("2022年2月28日", "2022-02-28", "2022-02-28")]),
    # after an open period, a day is no second date of a list
    ("2023年4月1日以降、15日までに申請した者", [("2023年4月1日以降", "2023-04-01", None)]),
    # after a month (no day), a listed day is no day of it
    ("2022年6月、2日に開催した。", [("2022年6月", "2022-06-01", "2022-06-30")]),
    # a second month after a month joined by 及び, と, 、 or ・ (・ was none); not an earlier one,
    # nor a figure and ・ (３・10月: two months no rule reads)
    ("農地中間管理機構の要綱を2023年4月及び10月に改正した。",
     [("2023年4月", "2023-04-01", "2023-04-30"), ("10月", "2023-10-01", "2023-10-31")]),
    ("2023年4月と10月に改定した。",
     [("2023年4月", "2023-04-01", "2023-04-30"), ("10月", "2023-10-01", "2023-10-31")]),
    ("2023年4月・10月に改定した。",
     [("2023年4月", "2023-04-01", "2023-04-30"), ("10月", "2023-10-01", "2023-10-31")]),
    ("2023年10月・3月に改定した。", [("2023年10月", "2023-10-01", "2023-10-31")]),
    ("2023年の３・10月に改定した。", [("2023年", "2023-01-01", "2023-12-31")]),
])
def test_a_second_day_or_month_after_a_date(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 通商白書, 観光白書 styles: 同期間 after a closed period of the same sentence is that
    # period (was none)
    ("2023年4月から9月までの輸出額は約50兆円で、同期間の輸入額は約55兆円であった。",
     [("2023年4月から9月まで", "2023-04-01", "2023-09-30"),
      ("同期間", "2023-04-01", "2023-09-30")]),
    ("2022年の訪日外国人旅行者数は約383万人で、同期間の消費額は約8,991億円であった。",
     [("2022年", "2022-01-01", "2022-12-31"), ("同期間", "2022-01-01", "2022-12-31")]),
    # a comparison's base between them names no other span
    ("2023年1～6月の輸出額は前年同期比5％増の約50兆円で、同期間の輸入額は約55兆円であった。",
     [("2023年1～6月", "2023-01-01", "2023-06-30"), ("前年同期", "2022-01-01", "2022-06-30"),
      ("同期間", "2023-01-01", "2023-06-30")]),
    # 前年同期間 is the same period a year before, as 前年同期 is (間 was left out)
    ("2023年1～6月の輸出額は約50兆円であった。前年同期間と比べ5％増加した。",
     [("2023年1～6月", "2023-01-01", "2023-06-30"), ("前年同期間", "2022-01-01", "2022-06-30")]),
    # another span named between (過去10年間, 計画期間), an open period or a day before it,
    # or a sentence between: none (a wrong period is worse than none)
    ("2023年度の売上高は過去10年間で最高となり、同期間の利益は約2倍となった。",
     [("2023年度", "2023-04-01", "2024-03-31")]),
    ("2023年度から3年間を計画期間とし、同期間に約1兆円を投じる。",
     [("2023年度から", "2023-04-01", None)]),
    ("2023年4月以降、同期間の相談件数は約100件である。", [("2023年4月以降", "2023-04-01", None)]),
    ("2023年10月1日に施行され、同期間の申請件数は約100件である。",
     [("2023年10月1日", "2023-10-01", "2023-10-01")]),
    ("2023年度の出生数は約73万人であった。同期間の死亡数は約157万人であった。",
     [("2023年度", "2023-04-01", "2024-03-31")]),
])
def test_same_span_after_a_period(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


def test_a_figure_after_a_pair_of_years_takes_no_earlier_period() -> None:
    # was 2020's: the pair of years was no date and the figure took the one before it
    [figure] = find_numbers("2020年の生産量は増加したが、2023/24年度の世界の穀物生産量は約28億トンと"
                            "見込まれる。")
    assert (figure.surface, figure.period_start, figure.period_end) == ("約28億トン", None, None)
