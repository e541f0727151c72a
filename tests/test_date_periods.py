"""Property tests for the date arithmetic (pipeline/tagging/periods.py) and the periods
``find_dates`` gives printed dates: month ends, parts of a month, fiscal years, leap
years, ranges, era boundaries, relative periods."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pipeline.tagging.dates import find_dates
from pipeline.tagging.eras import era_by_name, year_to_era
from pipeline.tagging.periods import (
    add_months,
    fiscal_year,
    fiscal_year_of,
    month_part,
    shift_period,
    year_period,
)
from pipeline.tagging.relative_dates import period_shape, resolve_relative

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
years = st.integers(min_value=1900, max_value=2199)
months = st.integers(min_value=1, max_value=12)


def only(text: str) -> tuple[str, str, str | None]:
    (mention,) = find_dates(text)
    assert mention.surface == text
    return mention.kind, mention.start_date or "", mention.end_date


@given(years, months)
def test_month_end_is_the_months_last_day(year: int, month: int) -> None:
    last = date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    assert only(f"{year}年{month}月末") == ("date", last, last)
    assert only(f"{year}年{month}月末日") == ("date", last, last)
    assert only(f"{year}年{month}月") == ("month", f"{year}-{month:02d}-01", last)


@given(years)
def test_february_29_exists_in_leap_years_only(year: int) -> None:
    found = find_dates(f"{year}年2月29日")
    if calendar.isleap(year):
        assert [(m.kind, m.start_date) for m in found] == [("date", f"{year}-02-29")]
    else:
        assert [(m.surface, m.kind) for m in found] == [(f"{year}年", "year")]
    assert only(f"{year}年2月末")[1] == f"{year}-02-{29 if calendar.isleap(year) else 28}"


@given(years, months)
def test_parts_of_a_month_cover_it_without_overlap(year: int, month: int) -> None:
    parts = [month_part(year, month, part) for part in ("上旬", "中旬", "下旬")]
    assert all(parts)
    spans = [p for p in parts if p]
    assert spans[0][0] == date(year, month, 1)
    assert spans[-1][1] == date(year, month, calendar.monthrange(year, month)[1])
    assert all(a[1] + timedelta(days=1) == b[0] for a, b in zip(spans, spans[1:], strict=False))


@given(years)
def test_fiscal_year_runs_april_to_march(year: int) -> None:
    assert only(f"{year}年度") == ("fiscal_year", f"{year}-04-01", f"{year + 1}-03-31")
    first, last = fiscal_year(year)
    assert (last - first).days + 1 == (366 if calendar.isleap(year + 1) else 365)
    assert only(f"{year}年度末") == ("date", f"{year + 1}-03-31", f"{year + 1}-03-31")


@given(days)
def test_every_day_lies_in_its_fiscal_year(day: date) -> None:
    first, last = fiscal_year(fiscal_year_of(day))
    assert first <= day <= last


@given(days, days)
def test_a_range_of_two_days_runs_from_the_first_to_the_second(a: date, b: date) -> None:
    text = f"{a.year}年{a.month}月{a.day}日～{b.year}年{b.month}月{b.day}日"
    found = find_dates(text)
    if a <= b:
        assert [(m.surface, m.kind, m.start_date, m.end_date) for m in found] == [
            (text, "range", a.isoformat(), b.isoformat())]
    else:   # a backwards range is two dates, not a period
        assert [m.kind for m in found] == ["date", "date"]


@given(years, months, months)
def test_a_range_of_months_of_one_year(year: int, first: int, last: int) -> None:
    assume(first <= last)
    end = date(year, last, calendar.monthrange(year, last)[1]).isoformat()
    for text in (f"{year}年{first}月から{last}月", f"{year}年{first}～{last}月期"):
        assert only(text) == ("range", f"{year}-{first:02d}-01", end)


@given(years, years)
def test_a_range_of_fiscal_years(a: int, b: int) -> None:
    assume(a <= b)
    assert only(f"{a}年度～{b}年度") == ("range", f"{a}-04-01", f"{b + 1}-03-31")
    assert only(f"{a}年度から") == ("fiscal_year", f"{a}-04-01", None)


@given(st.integers(min_value=1990, max_value=2199), st.integers(min_value=1990, max_value=2199))
def test_fiscal_years_across_eras_in_dual_form(a: int, b: int) -> None:
    assume(a <= b and (a, b) != (2019, 2019))

    def dual(year: int) -> str:
        era, number = year_to_era(year)
        return f"{era}{'元' if number == 1 else str(number).translate(FULLWIDTH)}年度（{year}年度）"

    text = f"{dual(a)}～{dual(b)}"
    assert only(text) == ("range", f"{a}-04-01", f"{b + 1}-03-31")


@pytest.mark.parametrize(("text", "expected"), [
    ("令和元年", ("year", "2019-05-01", "2019-12-31")),
    ("平成31年", ("year", "2019-01-01", "2019-04-30")),
    ("平成31年４月30日", ("date", "2019-04-30", "2019-04-30")),
    ("令和元年５月１日", ("date", "2019-05-01", "2019-05-01")),
    ("令和元年度", ("fiscal_year", "2019-04-01", "2020-03-31")),
    ("平成31年度", ("fiscal_year", "2019-04-01", "2020-03-31")),
    ("平成31年（2019年）", ("year", "2019-01-01", "2019-04-30")),
    ("2019年（令和元年）", ("year", "2019-01-01", "2019-12-31")),
    ("昭和64年", ("year", "1989-01-01", "1989-01-07")),
    ("平成元年", ("year", "1989-01-08", "1989-12-31")),
    ("平成31年４月～令和元年５月", ("range", "2019-04-01", "2019-05-31")),
    # A year past its era's end, as a plan written before 2019 prints it: that western
    # year, whole (was 2020-01-01 … 2019-04-30, clipped to 平成).
    ("平成32年", ("year", "2020-01-01", "2020-12-31")),
    ("平成32年度", ("fiscal_year", "2020-04-01", "2021-03-31")),
    ("平成32年３月末", ("date", "2020-03-31", "2020-03-31")),
])
def test_era_boundaries(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text) == expected


@given(st.integers(min_value=1990, max_value=2199), months)
def test_dual_forms_in_either_order_agree(year: int, month: int) -> None:
    era, number = year_to_era(year)
    assume(not (year == 2019 and month < 5))        # 令和元年４月 did not exist
    assume(not (year == 1989 and month == 1))
    era_year = f"{era}{'元' if number == 1 else number}年"
    one = only(f"{era_year}（{year}年）{month}月")
    other = only(f"{year}年（{era_year}）{month}月")
    assert one == other == ("month", f"{year}-{month:02d}-01",
                            date(year, month, calendar.monthrange(year, month)[1]).isoformat())


@given(st.dates(min_value=date(1926, 12, 25), max_value=date(2099, 12, 31)))
def test_a_day_in_figures_reads_as_printed(day: date) -> None:
    # R5.4.1 / 令和5.4.1 / 2023/4/1 / 2023.4.1 (table style): the day printed, full width too.
    era, number = year_to_era(day.year)
    assume(day >= era_by_name(era).start)             # 令和元年4月 did not exist
    letter = era_by_name(era).letter
    iso = day.isoformat()
    for text in (f"{letter}{number}.{day.month}.{day.day}", f"{era}{number}.{day.month}.{day.day}",
                 f"{day.year}/{day.month}/{day.day}", f"{day.year}.{day.month}.{day.day}"):
        assert only(text) == ("date", iso, iso), text
        assert only(text.translate(FULLWIDTH)) == ("date", iso, iso), text


@given(st.integers(min_value=1990, max_value=2199))
def test_fy_in_letters_is_the_fiscal_year(year: int) -> None:
    first, last = (d.isoformat() for d in fiscal_year(year))
    for text in (f"FY{year}", f"FY{year}年度", f"{year}FY"):
        assert only(text) == ("fiscal_year", first, last)


@given(days, st.integers(min_value=-30, max_value=30))
def test_add_months_keeps_the_day_where_the_month_has_it(day: date, shift: int) -> None:
    moved = add_months(day, shift)
    assert moved is not None
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == shift
    assert moved.day == min(day.day, calendar.monthrange(moved.year, moved.month)[1])


@given(years, months)
def test_shifting_a_month_by_a_year_keeps_it_whole(year: int, month: int) -> None:
    period = year_period("western", year, False, False)
    assert period is not None
    shifted = shift_period(period, -12)
    assert shifted is not None and (shifted.first, shifted.last) == (
        date(year - 1, 1, 1), date(year - 1, 12, 31))


@given(years)
def test_previous_and_next_fiscal_year_are_inverse(year: int) -> None:
    fy = tuple(d.isoformat() for d in fiscal_year(year))
    before = resolve_relative("前年度", fy)
    assert before == tuple(d.isoformat() for d in fiscal_year(year - 1))
    assert resolve_relative("翌年度", before) == fy
    assert resolve_relative("前年", fy) == before     # a fiscal figure's 前年: the fiscal year


@given(days)
def test_previous_year_of_a_day_is_the_same_day_a_year_before(day: date) -> None:
    found = resolve_relative("前年", (day.isoformat(), day.isoformat()))
    expected = day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) \
        else day.replace(year=day.year - 1)
    assert found == (expected.isoformat(), expected.isoformat())


@given(days, days)
def test_period_shape_names_what_the_dates_are(a: date, b: date) -> None:
    assume(a <= b)
    shape = period_shape(a, b)
    assert shape in ("date", "month", "year", "fiscal_year", "range")
    assert (shape == "date") == (a == b)
    if shape == "fiscal_year":
        assert (a.month, a.day, b.year - a.year) == (4, 1, 1)


_PIECES = ["2023", "２０２４", "令和", "平成", "元", "5", "１２", "年", "度", "月", "日", "末", "末日",
           "上旬", "下旬", "初め", "～", "–", "・", "から", "まで", "以降", "より", "増加", "頃",
           "現在", "（", "）", "同", "前年", "翌年度", "第3四半期", "期", "H", "R", "予算", "間", "、"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14),
       st.sampled_from([None, "body", "footnote", "source", "caption"]))
def test_any_mix_of_date_words_gives_well_formed_mentions(pieces: list[str],
                                                          where: str | None) -> None:
    from pipeline.tagging.relative_dates import find_paragraph_dates

    text = "".join(pieces)
    spans = [(0, len(text) // 2), (len(text) // 2, len(text))]
    for start, (mentions, relative) in zip((0, len(text) // 2),
                                            find_paragraph_dates(text, spans, where=where),
                                            strict=True):
        for m in mentions + relative:
            assert text[start + m.start:start + m.end] == m.surface
            assert m.start_date is not None
            assert m.end_date is None or m.start_date <= m.end_date
            assert (m.end_date is None) == (m.role == "since")


@pytest.mark.parametrize(("surface", "period", "expected"), [
    # 前年同月末: the last day of that month a year before (was 前年同月 alone, and 末と比べ
    # left the comparison unseen, so the figure after it was dated 2022-12-31)
    ("前年同月末", ("2023-12-31", "2023-12-31"), ("2022-12-31", "2022-12-31")),
    ("前年同月末", ("2023-12-01", "2023-12-31"), ("2022-12-31", "2022-12-31")),
    ("前年同期末", ("2023-04-01", "2023-06-30"), None),   # a quarter's end: not read
])
def test_same_month_end_a_year_before(surface: str, period: tuple[str, str],
                                      expected: tuple[str, str] | None) -> None:
    assert resolve_relative(surface, period) == expected
