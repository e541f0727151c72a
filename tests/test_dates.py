"""Dates: eras, fiscal years, months and days, ranges, as-of dates, relative periods."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.tagging.dates import DateMention, find_dates, head_pattern, may_hold_dates
from pipeline.tagging.eras import era_to_year, load_eras, year_to_era
from pipeline.tagging.relative_dates import resolve_relative

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# Text quoted from raw/st2019-2-5.txt (wrapped lines joined with no space; "st") and
# raw/ict2019-3-1.txt ("ict"); every row hand-checked. (source, text, surface, kind,
# start_date, end_date, era)
DATES = [
    ("st", "平成16年４月の国立大学法人化以降", "平成16年４月", "month",
     "2004-04-01", "2004-04-30", "平成"),
    ("st", "平成29年度は、大学等と民間企業との", "平成29年度", "fiscal_year",
     "2017-04-01", "2018-03-31", "平成"),
    ("st", "平成26年度と比べると、", "平成26年度", "fiscal_year",
     "2014-04-01", "2015-03-31", "平成"),
    ("st", "実施状況について」（平成31年２月27日）", "平成31年２月27日", "date",
     "2019-02-27", "2019-02-27", "平成"),
    ("st", "平成29年８月28日現在、35のＴＬＯが", "平成29年８月28日現在", "date",
     "2017-08-28", "2017-08-28", "平成"),
    ("st", "議論のまとめが報告された（平成30年７月）。", "平成30年７月", "month",
     "2018-07-01", "2018-07-31", "平成"),
    ("st", "「産学官連携による共同研究強化のためのガイドライン」を平成28年11月に策定し",
     "平成28年11月", "month", "2016-11-01", "2016-11-30", "平成"),
    # An open period (から, より, 以降): no end, the contract's empty end_date (role since).
    # A range's closing まで/にかけて is part of its surface (the figures after it are in it).
    ("st", "また、平成30年度から「オープンイノベーション機構の整備」を開始し", "平成30年度から",
     "fiscal_year", "2018-04-01", None, "平成"),
    ("st", "集積（2018年7月現在、350社、9400人）", "2018年7月現在", "month",
     "2018-07-01", "2018-07-31", "western"),
    ("st", "集積（2018年4月現在、124施設、9000人）", "2018年4月現在", "month",
     "2018-04-01", "2018-04-30", "western"),
    ("st", "平成31年３月時点で3,057の多様な業種の企業等が会員となる", "平成31年３月時点",
     "month", "2019-03-01", "2019-03-31", "平成"),
    ("st", "協議会を平成29年７月に設立した", "平成29年７月", "month",
     "2017-07-01", "2017-07-31", "平成"),
    ("st", "その活動の一環として、平成31年には技術シーズとニーズのマッチング", "平成31年",
     "year", "2019-01-01", "2019-04-30", "平成"),
    ("st", "平成30年８月30日、31日に大学、公的研究機関", "平成30年８月30日", "date",
     "2018-08-30", "2018-08-30", "平成"),
    ("st", "平成22年度は１年当たり47件に至ったが", "平成22年度", "fiscal_year",
     "2010-04-01", "2011-03-31", "平成"),
    ("st", "（平成29年12月）に基づき、平成30年３月より", "平成29年12月", "month",
     "2017-12-01", "2017-12-31", "平成"),
    ("st", "平成23年８月からは、地震により被災した企業等が", "平成23年８月から", "month",
     "2011-08-01", None, "平成"),
    ("st", "平成30年5月に成立した改正産業競争力強化法", "平成30年5月", "month",
     "2018-05-01", "2018-05-31", "平成"),
    ("st", "第196回国会に提出し、2018年５月、改正ＪＩＳ法が成立", "2018年５月", "month",
     "2018-05-01", "2018-05-31", "western"),
    ("st", "「未来投資戦略2018」（平成30年６月15日閣議決定）", "平成30年６月15日", "date",
     "2018-06-15", "2018-06-15", "平成"),
    ("st", "42か国・地域との間で実施している（平成31年１月時点）", "平成31年１月時点", "month",
     "2019-01-01", "2019-01-31", "平成"),
    ("st", "試行プログラムを平成27年８月１日から実施している", "平成27年８月１日から", "date",
     "2015-08-01", None, "平成"),
    ("st", "平成30年度末時点で規格を19件制定した", "平成30年度末時点", "date",
     "2019-03-31", "2019-03-31", "平成"),
    ("st", "平成28年度から平成30年度までに３機関に１名ずつ計３名派遣した",
     "平成28年度から平成30年度まで", "range", "2016-04-01", "2019-03-31", "平成"),
    ("st", "平成28年９月に策定した「地域知財活性化行動計画」", "平成28年９月", "month",
     "2016-09-01", "2016-09-30", "平成"),
    ("st", "「都道府県ごとの特色を踏まえた平成31年度までの目標」", "平成31年度",
     "fiscal_year", "2019-04-01", "2020-03-31", "平成"),
    ("st", "平成20～30年度（2008～2018年度）に、環境・エネルギー",
     "平成20～30年度（2008～2018年度）", "range", "2008-04-01", "2019-03-31", "平成"),
    # A programme's period (研究開発期間) in era letters: fiscal years (the COI programme
    # ran 平成25年度～令和3年度), not calendar years.
    ("st", "研究開発期間H25～R3センター・オブ・イノベーション", "H25～R3", "range",
     "2013-04-01", "2022-03-31", "平成"),
    ("st", "H27終了H28終了", "H27", "year", "2015-01-01", "2015-12-31", "平成"),
    ("st", "平成30年通常国会において", "平成30年", "year", "2018-01-01", "2018-12-31", "平成"),
    ("ict", "2000年時点が116.6兆円で最大となったものの", "2000年時点", "year",
     "2000-01-01", "2000-12-31", "western"),
    ("ict", "2008～2009年のリーマンショックの影響で", "2008～2009年", "range",
     "2008-01-01", "2009-12-31", "western"),
    ("ict", "2　2010年～2017年の年平均成長率は、12.4％となっている。", "2010年～2017年",
     "range", "2010-01-01", "2017-12-31", "western"),
    ("ict", "2018年3月31日現在の我が国の研究者", "2018年3月31日現在", "date",
     "2018-03-31", "2018-03-31", "western"),
    ("ict", "2007年度末から2017年度末までの企業研究者数の推移", "2007年度末から2017年度末まで",
     "range", "2008-03-31", "2018-03-31", "western"),
    ("ict", "法人企業統計調査結果（平成29年度）（2018年9月3日公表）", "2018年9月3日",
     "date", "2018-09-03", "2018-09-03", "western"),
    ("ict", "なお、2011年3月11日に発生した東日本大震災", "2011年3月11日", "date",
     "2011-03-11", "2011-03-11", "western"),
    ("ict", "2018年度末における電気通信事業者数は1万9,818者", "2018年度末", "date",
     "2019-03-31", "2019-03-31", "western"),
    ("ict", "「平成23年（2011年）産業連関表総合解説編」のとおり", "平成23年（2011年）", "year",
     "2011-01-01", "2011-12-31", "平成"),
    ("ict", "（出典）総務省「平成30年度　ICTの経済分析に関する調査」（2019）", "2019", "year",
     "2019-01-01", "2019-12-31", "western"),
    ("ict", "この2000年から2017年にかけての減少は", "2000年から2017年にかけて", "range",
     "2000-01-01", "2017-12-31", "western"),
    ("ict", "2017年度の我が国の技術貿易額について", "2017年度", "fiscal_year",
     "2017-04-01", "2018-03-31", "western"),
    ("ict", "各地の地上系民間基幹放送事業者（2018年度末現在47社）", "2018年度末現在", "date",
     "2019-03-31", "2019-03-31", "western"),
    # Not in the two sources: forms the brief names.
    ("", "令和５年（2023年）５月に公表", "令和５年（2023年）５月", "month",
     "2023-05-01", "2023-05-31", "令和"),
    ("", "令和元年度", "令和元年度", "fiscal_year", "2019-04-01", "2020-03-31", "令和"),
    ("", "令和元年", "令和元年", "year", "2019-05-01", "2019-12-31", "令和"),
    ("", "昭和64年1月7日", "昭和64年1月7日", "date", "1989-01-07", "1989-01-07", "昭和"),
    ("", "平成三十年五月", "平成三十年五月", "month", "2018-05-01", "2018-05-31", "平成"),
    ("", "２０１８年末", "２０１８年末", "date", "2018-12-31", "2018-12-31", "western"),
]


def _joined_source(root: Path, name: str) -> str:
    lines = (root / "raw" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    if name.startswith("st"):
        return "".join(line.rstrip() for line in lines if line.strip())
    return "\n".join(lines)


@pytest.fixture(scope="module")
def sources(root: Path) -> dict[str, str]:
    return {"st": _joined_source(root, "st2019-2-5"), "ict": _joined_source(root, "ict2019-3-1")}


def test_cases_are_quoted_from_the_sources(sources: dict[str, str]) -> None:
    missing = [text for source, text, *_ in DATES if source and text not in sources[source]]
    assert missing == []


@pytest.mark.parametrize(("source", "text", "surface", "kind", "start", "end", "era"), DATES)
def test_find_dates(source: str, text: str, surface: str, kind: str, start: str,
                    end: str | None, era: str) -> None:
    where = "source" if text.startswith("（出典）") else None   # citation years: sources only
    found = [d for d in find_dates(text, where=where) if d.surface == surface]
    assert len(found) == 1, find_dates(text, where=where)
    mention = found[0]
    assert text[mention.start:mention.end] == surface
    assert (mention.kind, mention.start_date, mention.end_date, mention.era) == \
        (kind, start, end, era)


def test_same_year_and_month_resolve_against_the_previous_mention() -> None:
    # st: 平成30年通常国会において、… 法律案」を提出、同年５月に成立し、同月30日に公布された
    text = "平成30年通常国会において、法律案を提出、同年５月に成立し、同月30日に公布された"
    assert [(d.surface, d.kind, d.start_date, d.end_date, d.era) for d in find_dates(text)] == [
        ("平成30年", "year", "2018-01-01", "2018-12-31", "平成"),
        ("同年５月", "month", "2018-05-01", "2018-05-31", "平成"),
        ("同月30日", "date", "2018-05-30", "2018-05-30", "平成"),
    ]


@pytest.mark.parametrize("text", [
    "（平成26年諮問第22号）",                    # st: a number of a name, not a date
    "2019年台風第19号による被害",                 # made-up: likewise (a law's year is a
                                                 # citation: test_dates_forms)
    "第196回国会に提出し",
    "「未来投資戦略2018」",
    "Society 5.0に向けた",
    "ＰＣＴ4国際出願",
    "ＳＴＡＲＴ1",
    "H32",                                       # 平成 ended in its 31st year
    "今後10年間で３倍に",
    "１年当たり47件",
    "11月に同時開催",                            # a month without a year is not reported
    "平成12-17-23年接続産業連関表",
    "2015年代",                                  # a decade's year ends in 0
    "2023年版白書では", "令和6年版情報通信白書", "令和5年度版の報告",   # editions
    "第1-2-1図", "図表3-1-1",                     # hyphens between figure numbers
    "電話番号03-5253-2111", "〒100-8926",
    "", "（", "年度", "平成", "元年", "～",
    # Figures after a year head that are no month and day (made-up).
    "市場規模は2023.5億円", "2023.10億円", "2023.10",   # decimals (a bare one: unsure)
    "2023/13/1", "2023/2/30", "R1.4.1",           # no such day; 令和 began on 1 May 2019
    "H31.5.1",                                    # 平成 ended on 30 April 2019
    "https://www.example.go.jp/2023/10/1.html", "/press/2023/10/", "v2023.10.1",
    "M7.6の地震", "M7クラスの地震",                # magnitudes, not 明治7年(6月)
    "R5.4%", "H2.5倍",                            # decimals after a letter
    "2022/2023シーズン", "比率は1/2",
    "FYI2023", "2023FYI", "AFY2023",               # no FY
    "2019～18年", "2018～19年間",                 # a range backwards; a duration
])
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_range_tail_alone_is_a_year() -> None:
    assert [(d.surface, d.kind) for d in find_dates("～2018年")] == [("2018年", "year")]


def test_invalid_day_stops_at_the_year() -> None:
    assert [(d.surface, d.kind) for d in find_dates("2013年2月30日")] == [("2013年", "year")]


@pytest.mark.parametrize(("surface", "period", "expected"), [
    ("前年度", ("2017-04-01", "2018-03-31"), ("2016-04-01", "2017-03-31")),
    ("前年度比", ("2017-04-01", "2018-03-31"), ("2016-04-01", "2017-03-31")),
    # st: 平成28年度の実績は127件となった（対前年比33.7%増）: the fiscal year before.
    ("対前年比", ("2016-04-01", "2017-03-31"), ("2015-04-01", "2016-03-31")),
    ("前年", ("2017-01-01", "2017-12-31"), ("2016-01-01", "2016-12-31")),
    ("翌年度", ("2018-04-01", "2019-03-31"), ("2019-04-01", "2020-03-31")),
    ("同年", ("2018-05-01", "2018-05-31"), ("2018-01-01", "2018-12-31")),
    ("前月", ("2019-01-01", "2019-01-31"), ("2018-12-01", "2018-12-31")),
])
def test_resolve_relative(surface: str, period: tuple[str, str],
                          expected: tuple[str, str]) -> None:
    assert resolve_relative(surface, period) == expected


@pytest.mark.parametrize(("surface", "period"), [
    ("平成29年度", ("2017-04-01", "2018-03-31")),
    ("前年度", ("not a date", "")),
    ("", ("2017-04-01", "2018-03-31")),
])
def test_resolve_relative_without_an_answer(surface: str, period: tuple[str, str]) -> None:
    assert resolve_relative(surface, period) is None


def test_eras_come_from_the_lexicon() -> None:
    eras = load_eras()
    assert [e.name for e in eras] == ["明治", "大正", "昭和", "平成", "令和"]
    assert all(e.letter and e.source for e in eras)


@pytest.mark.parametrize(("era", "year", "western"), [
    ("平成", 29, 2017), ("平成", 1, 1989), ("令和", 1, 2019), ("昭和", 64, 1989),
    ("H", 25, 2013), ("R", 3, 2021), ("大正", 15, 1926), ("明治", 45, 1912),
])
def test_era_to_year(era: str, year: int, western: int) -> None:
    assert era_to_year(era, year) == western


def test_era_table_refuses_a_repeated_letter() -> None:
    from pipeline.errors import PipelineError
    from pipeline.tagging.eras import Era, _checked

    eras = load_eras()
    assert _checked(eras) == eras
    twin = Era("平和", eras[-1].letter, eras[-1].start, "made up")
    with pytest.raises(PipelineError, match="already names 令和"):
        _checked((*eras, twin))


def test_unknown_era() -> None:
    with pytest.raises(ValueError, match="unknown era"):
        era_to_year("天平", 1)


@given(st.integers(min_value=1868, max_value=2200))
def test_western_year_round_trips_through_its_era(year: int) -> None:
    era, era_year = year_to_era(year)
    assert era_to_year(era, era_year) == year
    number = "元" if era_year == 1 else str(era_year).translate(FULLWIDTH)
    mentions = find_dates(f"{era}{number}年度")
    assert [(m.kind, m.start_date) for m in mentions] == [("fiscal_year", f"{year}-04-01")]


@given(st.integers(min_value=1000, max_value=2999), st.integers(1, 12), st.integers(1, 28))
def test_western_dates_round_trip(year: int, month: int, day: int) -> None:
    text = f"{year}年{month}月{day}日現在"
    assert find_dates(text) == [DateMention(0, len(text), text, "date",
                                            f"{year:04d}-{month:02d}-{day:02d}",
                                            f"{year:04d}-{month:02d}-{day:02d}", "western",
                                            role="as_of")]


@given(st.text(alphabet="0123456789０１２３４５６７８９年度月日末元令和平成昭HR～（）から時点現在 ",
               max_size=30))
def test_find_dates_never_raises_and_offsets_hold(text: str) -> None:
    for mention in find_dates(text):
        assert text[mention.start:mention.end] == mention.surface
        assert mention.kind in ("date", "month", "year", "fiscal_year", "range")


@pytest.mark.parametrize(("text", "expected"), [
    ("平成29年度", True), ("令和元年", True), ("H27", True), ("（2019）", True), ("同年５月", True),
    ("前年度比で増加した。", False), ("ＴＬＯの活動状況", False),
])
def test_may_hold_dates(text: str, expected: bool) -> None:
    assert may_hold_dates(text) is expected


@given(st.text(alphabet="0123456789０１２３４５６７８９٣年度月日末元令和平成昭HR～（）から同前 ",
               max_size=30))
def test_no_hint_means_no_dates(text: str) -> None:
    assert may_hold_dates(text) or find_dates(text) == []


def _heads(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@given(st.text(alphabet="0123456789٣.,年度月日元令和平成昭大正明治MTSHRAx～（） ", max_size=40))
def test_head_lookahead_finds_the_heads_of_the_plain_pattern(text: str) -> None:
    """find_dates scans for year heads behind a lookahead of their first characters:
    the heads (spans and groups) must be those of the plain pattern."""
    from pipeline.tagging.date_heads import head_re as _head_re

    plain = re.compile(head_pattern())
    assert _heads(_head_re(), text) == _heads(plain, text)
    sample = "平成30年（2018年）、H25～R3、令和元年度、2019.5、x2019、（2019）"
    assert _heads(_head_re(), sample) == _heads(plain, sample)
    assert len(_heads(_head_re(), sample)) == 8


def _bare_references_scanning_all(folded: str, pos: int) -> list[tuple[int, int]]:
    """``date_anaphora.bare_references`` with its five scans run on every text."""
    from pipeline.tagging import date_anaphora as da

    def months() -> list[re.Match[str]]:
        return [m for m in da._BARE_MONTH_RE.finditer(folded, pos) if folded.startswith(
            da.DURATION_WORDS if m.group("day") or m.group("part") else da._BARE_MONTH_NEXT,
            m.end()) != bool(m.group("day") or m.group("part"))]

    ranges = [m for m in da._BARE_MONTHS_RE.finditer(folded, pos)
              if (m.group("ki") or folded.startswith(da._BARE_MONTH_NEXT, m.end())
                  or folded[m.start() - 1:m.start()] == "（" and folded.startswith("）", m.end()))
              and (m.group("sep") != "・" or da._consecutive(m))]
    found = sorted([*months(), *ranges, *da._BARE_DAY_RE.finditer(folded, pos),
                    *da._BARE_PART_RE.finditer(folded, pos),
                    *da._BARE_FISCAL_END_RE.finditer(folded, pos)], key=lambda m: m.start())
    return [m.span() for m in found if da._RECURRING_RE.search(
        folded[max(0, m.start() - 12):m.start()].rsplit("。", 1)[-1]) is None]


@pytest.mark.parametrize("text", [
    "令和5年度は…。12月には4～6月の実績を公表し、6日23時20分に発表した。",
    "2023年度の上半期、年度末時点の在庫、第1四半期には", "例年、8月から", "年度後半に",
    "同日、7・8月の豪雨", "前年度末", "特に日付はない", "月末に2日には", ""])
def test_bare_references_skip_only_scans_that_cannot_match(text: str) -> None:
    from pipeline.tagging.date_anaphora import bare_references

    for pos in range(len(text) + 1):
        assert [m.span() for m in bare_references(text, pos)] == \
            _bare_references_scanning_all(text, pos)
