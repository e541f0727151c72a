"""The period a figure refers to (pipeline/tagging/figure_periods.py), hand-checked on
made-up sentences of other ministries' white papers: each expectation was read off the
sentence by hand."""

from __future__ import annotations

import pytest

from pipeline.tagging.dates import find_dates
from pipeline.tagging.figure_periods import undated_between
from pipeline.tagging.quantities import find_numbers


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
